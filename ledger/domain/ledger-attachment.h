/* ledger-attachment.h — files kept beside the book (invoices, ballot scans)
 *
 * A file is copied into BOOK.files/ under a name that starts with its
 * SHA-256, and the hash is recorded in the book, so anyone can check that
 * the scan on disk is the one that was filed.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

typedef struct
{
  char  *original_name;
  char  *stored_name;   /* file name inside BOOK.files/ */
  char   sha256[65];
  gint64 size;
} LedgerAttachment;

void ledger_attachment_free (LedgerAttachment *attachment);

/* Copies @path into BOOK.files/ (before any transaction, so the book never
 * names a file that is not there). Errors name @field. */
LedgerAttachment *ledger_attachment_store (LedgerBook  *book,
                                           const char  *path,
                                           const char  *field,
                                           GError     **error);

/* Records @attachment as belonging to @owner_kind #@owner_id, inside a write. */
gboolean ledger_attachment_insert (LedgerBook              *book,
                                   const LedgerAttachment  *attachment,
                                   const char              *owner_kind,
                                   gint64                   owner_id,
                                   gint64                   txn_id,
                                   GError                 **error);

/* Appends the attachments of @owner_kind #@owner_id to @out. */
gboolean ledger_attachment_list (LedgerBook  *book,
                                 const char  *owner_kind,
                                 gint64       owner_id,
                                 GPtrArray   *out,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerAttachment, ledger_attachment_free)

G_END_DECLS

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

/**
 * ledger_attachment_free:
 * @attachment: (nullable) (transfer full): an attachment record
 *
 * Frees the record (not the file it names).
 */
void ledger_attachment_free (LedgerAttachment *attachment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerAttachment, ledger_attachment_free)

G_END_DECLS

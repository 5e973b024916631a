/* ledger-attachment-private.h — storing and recording attachments, for expenditures and ballots
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-attachment.h"

G_BEGIN_DECLS

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

G_END_DECLS

/* ledger-attachment-private.h — storing and recording attachments, for expenditures and ballots
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-attachment.h"
#include "ledger-journal-private.h"

G_BEGIN_DECLS

/* Copies @path into BOOK.files/ (before any transaction, so the book never
 * names a file that is not there). Errors name @field. */
LedgerAttachment *ledger_attachment_store (LedgerBook  *book,
                                           const char  *path,
                                           const char  *field,
                                           GError     **error);

/* "attachment|OWNER_KIND|OWNER_ID|ORIGINAL_NAME|STORED_NAME|SHA256|SIZE":
 * a file recorded as belonging to the ballot or expenditure (OWNER_KIND
 * "ballot" or "expenditure") numbered OWNER_ID, which the same entry
 * records. */
extern const LedgerFactKind ledger_fact_attachment;

/* The number the next row of @owner_kind's table ("ballot",
 * "expenditure") will have, inside a write: the attachment fact names its
 * owner before the entry that records both is committed. */
gboolean ledger_attachment_next_owner_id (LedgerBook  *book,
                                          const char  *owner_kind,
                                          gint64      *out_id,
                                          GError     **error);

/* Adds to @posting the fact that records @attachment as belonging to
 * @owner_kind #@owner_id (the row the same posting records). */
void ledger_attachment_add_fact (LedgerPosting           *posting,
                                 const LedgerAttachment  *attachment,
                                 const char              *owner_kind,
                                 gint64                   owner_id);

/* Appends the attachments of @owner_kind #@owner_id to @out. */
gboolean ledger_attachment_list (LedgerBook  *book,
                                 const char  *owner_kind,
                                 gint64       owner_id,
                                 GPtrArray   *out,
                                 GError     **error);

G_END_DECLS

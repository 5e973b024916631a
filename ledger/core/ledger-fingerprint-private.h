/* ledger-fingerprint-private.h — called by the journal for each new entry */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/* Adds transaction @txn_id's leaf, and the subtrees it completes, to the
 * cached tree. Inside the write that posted it. */
gboolean ledger_fingerprint_append (LedgerBook  *book,
                                    gint64       txn_id,
                                    GError     **error);

G_END_DECLS

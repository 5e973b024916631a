/* ledger-leaf-private.h — one journal entry's leaf, for the fingerprint
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-leaf.h"

G_BEGIN_DECLS

/**
 * ledger_journal_leaf_of:
 * @book: an open book
 * @txn_id: the entry, 1-based
 * @func: called once with the entry's canonical leaf (not at all when
 *   there is no such entry)
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Returns: TRUE unless @func failed or the book could not be read
 */
gboolean ledger_journal_leaf_of (LedgerBook      *book,
                                 gint64           txn_id,
                                 LedgerLeafFunc   func,
                                 gpointer         user_data,
                                 GError         **error);

G_END_DECLS

/* ledger-reconcile-private.h — the reconcile fact and verify's rule
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"
#include "ledger-reconcile.h"

G_BEGIN_DECLS

/* "reconcile|ACCOUNT|STATEMENT|MEMO": a row of reconciliations (only in
 * a `reconcile` entry). */
extern const LedgerFactKind ledger_fact_reconcile;

/* ledger_account_reconcile() inside a running ledger_book_write() (the
 * demo's quarterly statements). */
gboolean ledger_account_reconcile_in_write (LedgerBook  *book,
                                            const char  *account,
                                            gint64       statement,
                                            const char  *date,
                                            const char  *memo,
                                            GError     **error);

/* The rule of "reconcile" entries (ledger-replay.c's rules[]): the
 * writer's checks on the replayed book, and its fact, ref and memo. */
gboolean ledger_reconcile_rule (LedgerBook          *book,
                                const LedgerLeaf    *leaf,
                                char *const *const  *facts,
                                GError             **error);

G_END_DECLS

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

/* The rule of "reconcile" entries (ledger-replay.c's rules[]): the
 * writer's checks on the replayed book, and its fact, ref and memo. */
gboolean ledger_reconcile_rule (LedgerBook          *book,
                                const LedgerLeaf    *leaf,
                                char *const *const  *facts,
                                GError             **error);

G_END_DECLS

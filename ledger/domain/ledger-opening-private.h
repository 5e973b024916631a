/* ledger-opening-private.h — the opening fact and the rule of "opening" entries
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"
#include "ledger-opening.h"

G_BEGIN_DECLS

/* "opening|KIND|ACCOUNT|UNIT|AMOUNT|FUND": a row of openings. KIND is
 * balance, arrears or credit; ACCOUNT the money account of a balance
 * (empty otherwise); UNIT the household of arrears or credit (empty for a
 * balance); FUND operating, maintenance or public (operating for arrears
 * and credit). An arrears row points at the charge its entry's `charge`
 * fact, which comes first, added. */
extern const LedgerFactKind ledger_fact_opening;

/* verify's rule for "opening" entries (ledger-replay.c's rules[]): the
 * writer's own draft, decided again from the facts on the replayed book,
 * refusing what the writer would refuse there; ref and memo as the writer
 * composes them. */
gboolean ledger_opening_rule (LedgerBook          *book,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error);

G_END_DECLS

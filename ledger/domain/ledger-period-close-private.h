/* ledger-period-close-private.h — the close fact and verify's rule for
 * `period-close` entries */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* "close|PERIOD|FIRST_DAY|LAST_DAY": the row of closed_periods the entry
 * adds (only in a `period-close` entry). */
extern const LedgerFactKind ledger_fact_close;

/* Replay rule (LedgerReplayRule): the entry holds one close fact, and
 * closing its period on the replayed book, on the day it was recorded,
 * gives exactly its date, fact, ref and memo: a notice of that period was
 * published before it, the period had ended, and it was not closed. */
gboolean ledger_period_close_rule (LedgerBook          *book,
                                   const LedgerLeaf    *leaf,
                                   char *const *const  *facts,
                                   GError             **error);

G_END_DECLS

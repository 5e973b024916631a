/* ledger-refund-private.h — refunds inside a running write, their fact
 * and the rule verify applies again
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"
#include "ledger-refund.h"

G_BEGIN_DECLS

/* "refund|VOUCHER|UNIT|ACCOUNT|AMOUNT|REASON": a row of refunds. */
extern const LedgerFactKind ledger_fact_refund;

/* ledger_refund() inside a running ledger_book_write(); returns the
 * voucher number. */
char *ledger_refund_in_write (LedgerBook  *book,
                              const char  *unit,
                              gint64       amount,
                              const char  *method,
                              const char  *reason,
                              const char  *date,
                              GError     **error);

/* The rule of "refund" entries (ledger-replay.c's rules[]): the
 * household's credit from the day on, the voucher, splits, ref and memo. */
gboolean ledger_refund_rule (LedgerBook          *book,
                             const LedgerLeaf    *leaf,
                             char *const *const  *facts,
                             GError             **error);

G_END_DECLS

/* maintenance-fund-helper.h — money put into the maintenance fund, for tests
 *
 * The maintenance fund may never pay more than it holds (docs/money.md),
 * and only opening balances and income assigned to it fill it: commands
 * of other parts of issue 16. Until they are merged, a test that spends
 * from the fund puts money in it with this helper, which posts the
 * "opening" entry docs/money.md describes (cash +AMOUNT, opening −AMOUNT,
 * an `opening` fact giving the openings row of the maintenance fund)
 * directly through the journal. verify on this branch has no rule for
 * that entry kind, so a story that uses it does not end with verify.
 */
#pragma once

#include "ledger.h"

G_BEGIN_DECLS

/* Puts @amount (fen) of cash into the maintenance fund on @date. */
void book_fund_maintenance (LedgerBook *book,
                            gint64      amount,
                            const char *date);

G_END_DECLS

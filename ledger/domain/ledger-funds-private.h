/* ledger-funds-private.h — what each fund holds
 *
 * A fund's balance is what its entries put on income, expense and the
 * opening balances, with the sign turned (docs/money.md): fees and other
 * operating income raise the operating fund, spending lowers the fund it
 * was paid from. Since every entry balances, the funds together always
 * equal money + receivable + advances − what is owed to owners.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fund.h"

G_BEGIN_DECLS

/* Each fund's balance at the end of @date (NULL: of every entry), in
 * @out_balances[LedgerFund]. */
gboolean ledger_fund_balances (LedgerBook  *book,
                               const char  *date,
                               gint64       out_balances[LEDGER_FUND_COUNT],
                               GError     **error);

/* The least @fund holds at the end of any day from @date on (its balance
 * at the end of @date if nothing later moves it), and the first day it is
 * that low, in @out_day. Restricted funds are checked with it before
 * anything is spent from them. */
gboolean ledger_fund_lowest_from (LedgerBook  *book,
                                  LedgerFund   fund,
                                  const char  *date,
                                  gint64      *out_lowest,
                                  char         out_day[11],
                                  GError     **error);

G_END_DECLS

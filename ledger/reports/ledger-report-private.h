/* ledger-report-private.h — what the account reports share: the chart's
 * order and an account's name on the screens
 *
 * The balance report, the trial balance and the cash book list accounts
 * the same way and name them the same way (ledger-report.c); only ledger/
 * and the tests include this: ledger.h does not.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The chart of accounts' order for an `accounts` row aliased @a: assets,
 * liabilities, equity, income, expenses, each in the order the book added
 * them. */
#define LEDGER_CHART_ORDER_OF(a) \
  " CASE " a "kind WHEN 'asset' THEN 1 WHEN 'liability' THEN 2 WHEN 'equity' THEN 3" \
  " WHEN 'income' THEN 4 ELSE 5 END, " a "id"

/* The name an account is shown with: the book stores names in the source
 * language (the standard accounts) or in the committee's own words (a
 * fee, a named bank account); an advance is named after its member. */
char *ledger_report_account_name (const char *code,
                                  const char *stored_name);

G_END_DECLS

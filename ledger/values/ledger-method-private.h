/* ledger-method-private.h — the payment methods as the book's accounts
 *
 * Only files in ledger/ (and the tests) include this: the schema seeds
 * the money accounts from the method table, and the reports sum them.
 */
#pragma once

#include "ledger-method.h"

G_BEGIN_DECLS

/* The method at @position (0 … LEDGER_METHOD_COUNT - 1) in the chart of
 * accounts: cash, bank, wechat, alipay — the order the accounts table
 * has always been seeded in (its ids are the chart's order). */
LedgerMethod ledger_method_in_chart_order (guint position);

/* The name of the method's account as the book stores it, in the source
 * language ("Cash"): screens translate it when they show it. */
const char  *ledger_method_account_name   (LedgerMethod method);

/* The money accounts as an SQL list, "('cash', 'wechat', 'alipay',
 * 'bank')", built once from the method table: a static string, fit for
 * the statement cache. */
const char  *ledger_method_accounts_sql   (void);

G_END_DECLS

/* ledger-income-private.h — other income inside a running write, its fact
 * and the rule verify applies again
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-income.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* "income|VOUCHER|CATEGORY|ACCOUNT|FUND|AMOUNT|PAYER|MEMO": a row of
 * incomes; the entry_funds view reads its fund. */
extern const LedgerFactKind ledger_fact_income;

/* ledger_income_record() inside a running ledger_book_write(); returns
 * the voucher number. */
char *ledger_income_record_in_write (LedgerBook            *book,
                                     gint64                 amount,
                                     LedgerIncomeCategory   category,
                                     const char            *account,
                                     const LedgerFund      *fund,
                                     const char            *payer,
                                     const char            *date,
                                     const char            *memo,
                                     GError               **error);

/* The rule of "income" entries (ledger-replay.c's rules[]): the writer's
 * checks, its voucher number, splits, ref and memo. */
gboolean ledger_income_rule (LedgerBook          *book,
                             const LedgerLeaf    *leaf,
                             char *const *const  *facts,
                             GError             **error);

G_END_DECLS

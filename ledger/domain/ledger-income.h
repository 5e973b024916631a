/* ledger-income.h — income other than fees: interest, rent, advertising, donations
 *
 * Income that belongs to all owners and must be published: bank
 * interest, rent of common space, advertising, donations and the rest
 * (docs/money.md). Each is an entry of its own with a receipt voucher
 * (S2026-0001), the account the money reached and the fund it belongs to.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fund.h"
#include "ledger-income-category.h"

G_BEGIN_DECLS

/* The longest payer's name, in characters. */
#define LEDGER_INCOME_PAYER_MAX_CHARS 100

/**
 * ledger_income_record:
 * @book: an open book
 * @amount: fen received, above zero and at most LEDGER_AMOUNT_MAX
 * @category: what kind of income it is
 * @account: the money account it reached, as typed ("bank", "现金",
 *   "bank:工商银行")
 * @fund: (nullable): the fund it belongs to; NULL for the category's
 *   (ledger_income_category_default_fund())
 * @payer: (nullable): who paid it (free text; a payer may be a person,
 *   so public outputs scrub it)
 * @date: (nullable): the day, NULL for today
 * @memo: (nullable): what it was for
 * @out_voucher: (out) (optional) (transfer full): its voucher, "S2026-0001"
 * @error: return location for an error
 *
 * Posts one "income" entry (@account +@amount, other-income:CATEGORY
 * −@amount), adding the category's income account in the same write the
 * first time it is needed.
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT naming
 *   the field, LEDGER_ERROR_NOT_FOUND for an account the book lacks, or a
 *   storage error; the book is then unchanged.
 */
gboolean ledger_income_record (LedgerBook            *book,
                               gint64                 amount,
                               LedgerIncomeCategory   category,
                               const char            *account,
                               const LedgerFund      *fund,
                               const char            *payer,
                               const char            *date,
                               const char            *memo,
                               char                 **out_voucher,
                               GError               **error);

G_END_DECLS

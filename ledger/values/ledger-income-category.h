/* ledger-income-category.h — income other than fees
 *
 * Bank interest, rent of common space, advertising, donations and other
 * income (docs/money.md). Each has its own income account,
 * "other-income:CODE", and a fund it goes to unless the treasurer says
 * otherwise: rent and advertising come from the common parts and are
 * public revenue (Civil Code Art. 282); interest, donations and the rest
 * go to the operating fund.
 */
#pragma once

#include <glib.h>

#include "ledger-fund.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_INCOME_INTEREST,
  LEDGER_INCOME_RENT,
  LEDGER_INCOME_ADVERTISING,
  LEDGER_INCOME_DONATION,
  LEDGER_INCOME_OTHER,
} LedgerIncomeCategory;

#define LEDGER_INCOME_CATEGORY_COUNT 5

/**
 * ledger_income_category_to_string:
 * @category: a category
 *
 * Returns: its code ("interest", "rent", "advertising", "donation",
 * "other"): the CLI word and the stored value.
 */
const char *ledger_income_category_to_string (LedgerIncomeCategory category);

/**
 * ledger_income_category_chinese:
 * @category: a category
 *
 * Returns: its Chinese name (利息, 租金, 广告, 捐赠, 其他), as notices
 * and workbooks print it and as accepted on input.
 */
const char *ledger_income_category_chinese (LedgerIncomeCategory category);

/**
 * ledger_income_category_label:
 * @category: a category
 *
 * Returns: its name on the screens, translated.
 */
const char *ledger_income_category_label (LedgerIncomeCategory category);

/**
 * ledger_income_category_account:
 * @category: a category
 *
 * Returns: the code of its income account, "other-income:CODE".
 */
const char *ledger_income_category_account (LedgerIncomeCategory category);

/**
 * ledger_income_category_default_fund:
 * @category: a category
 *
 * Returns: the fund its income goes to when no --fund is given.
 */
LedgerFund  ledger_income_category_default_fund (LedgerIncomeCategory category);

/**
 * ledger_income_category_parse:
 * @text: (nullable): what the user wrote
 * @field: the field's name, for the error message
 * @out_category: (out): the category, when @text names one
 * @error: return location for an error
 *
 * Reads a category by its code (in any case) or its Chinese name.
 *
 * Returns: TRUE, or FALSE with LEDGER_ERROR_INVALID_INPUT naming @field.
 */
gboolean    ledger_income_category_parse (const char            *text,
                                          const char            *field,
                                          LedgerIncomeCategory  *out_category,
                                          GError               **error);

G_END_DECLS

/* ledger-income-category.c — income other than fees: interest, rent, advertising, donations
 *
 * The one table of income categories: the command line, the screens,
 * notices and workbooks read their words here, and the income entries
 * (domain/) their accounts and default funds.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-income-category.h"
#include "ledger-text.h"

static const struct
{
  const char *code;     /* the CLI word and the stored value */
  const char *account;  /* its income account */
  const char *chinese;  /* on notices and workbooks, and accepted on input */
  const char *label;    /* on the screens, translated */
  LedgerFund  fund;     /* where it goes unless --fund says otherwise */
} categories[LEDGER_INCOME_CATEGORY_COUNT] = {
  [LEDGER_INCOME_INTEREST]    = { "interest",    "other-income:interest",    "利息", N_("Interest"),    LEDGER_FUND_OPERATING },
  [LEDGER_INCOME_RENT]        = { "rent",        "other-income:rent",        "租金", N_("Rent"),        LEDGER_FUND_PUBLIC },
  [LEDGER_INCOME_ADVERTISING] = { "advertising", "other-income:advertising", "广告", N_("Advertising"), LEDGER_FUND_PUBLIC },
  [LEDGER_INCOME_DONATION]    = { "donation",    "other-income:donation",    "捐赠", N_("Donations"),   LEDGER_FUND_OPERATING },
  [LEDGER_INCOME_OTHER]       = { "other",       "other-income:other",       "其他", N_("Other income"), LEDGER_FUND_OPERATING },
};

const char *
ledger_income_category_to_string (LedgerIncomeCategory category)
{
  g_return_val_if_fail ((guint) category < LEDGER_INCOME_CATEGORY_COUNT, "other");
  return categories[category].code;
}

const char *
ledger_income_category_chinese (LedgerIncomeCategory category)
{
  g_return_val_if_fail ((guint) category < LEDGER_INCOME_CATEGORY_COUNT, "");
  return categories[category].chinese;
}

const char *
ledger_income_category_label (LedgerIncomeCategory category)
{
  g_return_val_if_fail ((guint) category < LEDGER_INCOME_CATEGORY_COUNT, "");
  return _(categories[category].label);
}

const char *
ledger_income_category_account (LedgerIncomeCategory category)
{
  g_return_val_if_fail ((guint) category < LEDGER_INCOME_CATEGORY_COUNT, "other-income:other");
  return categories[category].account;
}

LedgerFund
ledger_income_category_default_fund (LedgerIncomeCategory category)
{
  g_return_val_if_fail ((guint) category < LEDGER_INCOME_CATEGORY_COUNT, LEDGER_FUND_OPERATING);
  return categories[category].fund;
}

gboolean
ledger_income_category_parse (const char            *text,
                              const char            *field,
                              LedgerIncomeCategory  *out_category,
                              GError               **error)
{
  for (guint i = 0; text != NULL && i < LEDGER_INCOME_CATEGORY_COUNT; i++)
    if (g_ascii_strcasecmp (text, categories[i].code) == 0 || strcmp (text, categories[i].chinese) == 0)
      {
        *out_category = (LedgerIncomeCategory) i;
        return TRUE;
      }
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected interest, rent, advertising, donation or other (利息, 租金, 广告, 捐赠 or 其他)"));
}

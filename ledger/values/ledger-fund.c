/* ledger-fund.c — the committee's funds: operating, maintenance, public revenue
 *
 * The one table of funds: the schema's CHECKs spell the same codes
 * (tests/test-fund.c compares them), the command line and the screens
 * parse and show them from here, notices and workbooks print the Chinese.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-fund.h"
#include "ledger-text.h"

static const struct
{
  const char *code;     /* the CLI word and the stored value */
  const char *chinese;  /* on notices and workbooks, and accepted on input */
  const char *label;    /* on the screens, translated */
  const char *also;     /* another word accepted on input, or NULL */
} funds[LEDGER_FUND_COUNT] = {
  [LEDGER_FUND_OPERATING]   = { "operating",   "日常经费", N_("Operating fund"),    "general" },
  [LEDGER_FUND_MAINTENANCE] = { "maintenance", "维修资金", N_("Maintenance fund"),  NULL },
  [LEDGER_FUND_PUBLIC]      = { "public",      "公共收益", N_("Public revenue"),    NULL },
};

const char *
ledger_fund_to_string (LedgerFund fund)
{
  g_return_val_if_fail ((guint) fund < LEDGER_FUND_COUNT, "operating");
  return funds[fund].code;
}

const char *
ledger_fund_chinese (LedgerFund fund)
{
  g_return_val_if_fail ((guint) fund < LEDGER_FUND_COUNT, "");
  return funds[fund].chinese;
}

const char *
ledger_fund_label (LedgerFund fund)
{
  g_return_val_if_fail ((guint) fund < LEDGER_FUND_COUNT, "");
  return _(funds[fund].label);
}

gboolean
ledger_fund_parse (const char  *text,
                   const char  *field,
                   LedgerFund  *out_fund,
                   GError     **error)
{
  for (guint i = 0; text != NULL && i < LEDGER_FUND_COUNT; i++)
    if (g_ascii_strcasecmp (text, funds[i].code) == 0 || strcmp (text, funds[i].chinese) == 0 ||
        (funds[i].also != NULL && g_ascii_strcasecmp (text, funds[i].also) == 0))
      {
        *out_fund = (LedgerFund) i;
        return TRUE;
      }
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected operating, maintenance or public (日常经费, 维修资金 or 公共收益)"));
}

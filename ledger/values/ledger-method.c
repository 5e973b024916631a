/* ledger-method.c — how money is paid: cash, WeChat, Alipay, bank
 *
 * Each method is also the asset account that receives the money, so the
 * journal (which checks that no money account goes below zero) and the
 * payments both read this one table; so do the receipts, notices and
 * workbooks (the Chinese name) and the screens (the label).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-method-private.h"
#include "ledger-text.h"

static const struct
{
  const char *code;      /* the CLI and CSV word, and the receiving account */
  const char *chinese;   /* on receipts, notices and workbooks */
  const char *label;     /* on the screens, translated */
  const char *also;      /* another Chinese word accepted on input, or NULL */
} methods[LEDGER_METHOD_COUNT] = {
  [LEDGER_METHOD_CASH]   = { "cash",   "现金",     N_("Cash"),       NULL },
  [LEDGER_METHOD_WECHAT] = { "wechat", "微信",     N_("WeChat Pay"), NULL },
  [LEDGER_METHOD_ALIPAY] = { "alipay", "支付宝",   N_("Alipay"),     NULL },
  /* Receipts and notices said 银行转账 and the workbook 银行: one name
   * now, the receipt's; 银行 is still read. */
  [LEDGER_METHOD_BANK]   = { "bank",   "银行转账", N_("Bank"),       "银行" },
};

/* The chart of accounts lists the money accounts in this order. */
static const LedgerMethod chart_order[LEDGER_METHOD_COUNT] = {
  LEDGER_METHOD_CASH, LEDGER_METHOD_BANK, LEDGER_METHOD_WECHAT, LEDGER_METHOD_ALIPAY,
};

LedgerMethod
ledger_method_in_chart_order (guint position)
{
  g_return_val_if_fail (position < LEDGER_METHOD_COUNT, LEDGER_METHOD_CASH);
  return chart_order[position];
}

const char *
ledger_method_account_name (LedgerMethod method)
{
  g_return_val_if_fail ((guint) method < LEDGER_METHOD_COUNT, "");
  return methods[method].label;
}

const char *
ledger_method_accounts_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *list = g_string_new ("(");

      for (guint i = 0; i < LEDGER_METHOD_COUNT; i++)
        g_string_append_printf (list, "%s'%s'", i > 0 ? ", " : "", methods[i].code);
      g_string_append_c (list, ')');
      g_once_init_leave (&sql, g_string_free (list, FALSE));
    }
  return sql;
}

const char *
ledger_method_to_string (LedgerMethod method)
{
  g_return_val_if_fail ((guint) method < LEDGER_METHOD_COUNT, "cash");
  return methods[method].code;
}

const char *
ledger_method_chinese (LedgerMethod method)
{
  g_return_val_if_fail ((guint) method < LEDGER_METHOD_COUNT, "");
  return methods[method].chinese;
}

const char *
ledger_method_label (LedgerMethod method)
{
  g_return_val_if_fail ((guint) method < LEDGER_METHOD_COUNT, "");
  return _(methods[method].label);
}

gboolean
ledger_method_parse (const char    *text,
                     const char    *field,
                     LedgerMethod  *out_method,
                     GError       **error)
{
  for (guint i = 0; text != NULL && i < LEDGER_METHOD_COUNT; i++)
    if (g_ascii_strcasecmp (text, methods[i].code) == 0 ||
        strcmp (text, methods[i].chinese) == 0 ||
        g_strcmp0 (text, methods[i].also) == 0)
      {
        *out_method = (LedgerMethod) i;
        return TRUE;
      }
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected cash, wechat, alipay or bank"));
}

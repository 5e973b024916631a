/* ledger-method.c — how money is paid: cash, WeChat, Alipay, bank
 *
 * Each method is also the asset account that receives the money, so the
 * journal (which checks that no money account goes below zero) and the
 * payments both read this one table.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-method.h"
#include "ledger-text.h"

static const struct
{
  LedgerMethod method;
  const char  *word;
  const char  *chinese;
} method_names[] = {
  { LEDGER_METHOD_CASH,   "cash",   "现金" },
  { LEDGER_METHOD_WECHAT, "wechat", "微信" },
  { LEDGER_METHOD_ALIPAY, "alipay", "支付宝" },
  { LEDGER_METHOD_BANK,   "bank",   "银行" },
};

const char *
ledger_method_to_string (LedgerMethod method)
{
  for (gsize i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (method_names[i].method == method)
      return method_names[i].word;
  g_return_val_if_reached ("cash");
}

gboolean
ledger_method_parse (const char    *text,
                     const char    *field,
                     LedgerMethod  *out_method,
                     GError       **error)
{
  for (gsize i = 0; text != NULL && i < G_N_ELEMENTS (method_names); i++)
    if (g_ascii_strcasecmp (text, method_names[i].word) == 0 ||
        strcmp (text, method_names[i].chinese) == 0)
      {
        *out_method = method_names[i].method;
        return TRUE;
      }
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected cash, wechat, alipay or bank"));
}


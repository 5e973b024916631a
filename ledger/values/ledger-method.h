/* ledger-method.h — how money is paid, and the account that receives it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_METHOD_CASH,
  LEDGER_METHOD_WECHAT,
  LEDGER_METHOD_ALIPAY,
  LEDGER_METHOD_BANK,
} LedgerMethod;

/* "cash", "wechat", "alipay", "bank" — also the asset account that receives the money. */
const char *ledger_method_to_string (LedgerMethod method);
/* Accepts the English words and 现金/微信/支付宝/银行, naming @field on error. */
gboolean    ledger_method_parse (const char    *text,
                                 const char    *field,
                                 LedgerMethod  *out_method,
                                 GError       **error);

G_END_DECLS

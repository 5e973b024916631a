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

/**
 * ledger_method_to_string:
 * @method: a method
 *
 * Returns: (transfer none): "cash", "wechat", "alipay" or "bank": the
 *   word stored in the book, and the asset account that receives the money
 */
const char *ledger_method_to_string (LedgerMethod method);
/**
 * ledger_method_parse:
 * @text: (nullable): the English word (any case) or 现金/微信/支付宝/银行
 * @field: the option or column it came from, for the message
 * @out_method: (out): the method
 * @error: return location for an error
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean    ledger_method_parse (const char    *text,
                                 const char    *field,
                                 LedgerMethod  *out_method,
                                 GError       **error);

G_END_DECLS

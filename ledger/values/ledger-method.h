/* ledger-method.h — how money is paid, and the account that receives it
 *
 * One table (ledger-method.c) gives each method its code, the Chinese
 * name printed on receipts, notices and workbooks, and the label the
 * screens show: nothing else in the program spells them.
 */
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

/* How many methods there are: LedgerMethod runs from 0 to this, less one,
 * in the order the screens list them. */
#define LEDGER_METHOD_COUNT 4

/**
 * ledger_method_to_string:
 * @method: a payment method
 *
 * Returns: its code, "cash", "wechat", "alipay" or "bank": the word of
 * the command line and the CSV files, and the asset account that
 * receives the money.
 */
const char *ledger_method_to_string (LedgerMethod method);

/**
 * ledger_method_chinese:
 * @method: a payment method
 *
 * Returns: its Chinese name as receipts, notices and workbooks print it
 * (现金, 微信, 支付宝, 银行转账), whatever the user's language: those
 * documents are in Chinese.
 */
const char *ledger_method_chinese (LedgerMethod method);

/**
 * ledger_method_label:
 * @method: a payment method
 *
 * Returns: its name on the screens ("Cash", "WeChat Pay", "Alipay",
 * "Bank"), translated into the user's language.
 */
const char *ledger_method_label (LedgerMethod method);

/**
 * ledger_method_parse:
 * @text: (nullable): what the user wrote
 * @field: the field's name, for the error message
 * @out_method: (out): the method, when @text names one
 * @error: return location for an error
 *
 * Reads a method by its code (in any case) or its Chinese name; 银行 is
 * accepted for 银行转账, as the payment files of earlier versions wrote it.
 *
 * Returns: TRUE, or FALSE with LEDGER_ERROR_INVALID_INPUT naming @field.
 */
gboolean    ledger_method_parse (const char    *text,
                                 const char    *field,
                                 LedgerMethod  *out_method,
                                 GError       **error);

G_END_DECLS

/* ledger-transfer.h — money moved between the committee's own accounts
 *
 * Cash deposited in the bank, WeChat or Alipay withdrawn to the bank, cash
 * drawn from the bank: a transfer moves money between two money accounts
 * (docs/money.md). It is never income. A bank's or platform's charge on
 * it is an expense of the operating fund, in the same entry.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_transfer:
 * @book: an open book
 * @amount: fen moved, above zero and at most LEDGER_AMOUNT_MAX
 * @from: the money account it leaves, as typed ("cash", "现金", "bank:工商银行")
 * @to: the money account it reaches, another one
 * @fee: fen the bank or platform charged on top, taken from @from as well
 *   (0: none)
 * @date: (nullable): the day, "YYYY-MM-DD" or any form ledger_date_parse()
 *   reads; NULL for today
 * @memo: (nullable): what it was, at most 200 characters
 * @out_voucher: (out) (optional) (transfer full): its voucher number,
 *   "Z2026-0001"
 * @error: return location for an error
 *
 * Posts one "transfer" entry (@to +@amount, @from −@amount; with a fee,
 * expense:bank-charges +@fee and @from −@fee), adding the bank charges'
 * account in the same write the first time it is needed.
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT naming
 *   the field (an amount, an account, the date, the memo; the same account
 *   twice), LEDGER_ERROR_NOT_FOUND for an account the book lacks,
 *   LEDGER_ERROR_CONFLICT when @from would hold less than nothing on some
 *   day, or a storage error; the book is then unchanged.
 */
gboolean ledger_transfer (LedgerBook  *book,
                          gint64       amount,
                          const char  *from,
                          const char  *to,
                          gint64       fee,
                          const char  *date,
                          const char  *memo,
                          char       **out_voucher,
                          GError     **error);

G_END_DECLS

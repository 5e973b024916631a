/* ledger-reconcile.h — a money account checked against its statement
 * (对账: the bank statement, the counted cash, the WeChat or Alipay bill)
 *
 * `account reconcile ACCOUNT AMOUNT --date DATE` records what the
 * statement says the account held at the end of DATE. The book does not
 * change its own figure to match: the difference stays visible (the
 * Overview marks it, `report reconciliation` lists it) until the entries
 * that explain it are made, or a later statement agrees.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

#define LEDGER_RECONCILE_MEMO_MAX_CHARS 200

/**
 * ledger_account_reconcile:
 * @book: an open book
 * @account: the money account as typed (cash, bank, bank:NAME, wechat,
 *   alipay, or their Chinese names)
 * @statement: the balance the statement shows, in fen (0 or more)
 * @date: (nullable): "YYYY-MM-DD" the statement is as at, as typed; NULL
 *   for today by the book's clock
 * @memo: (nullable): what the statement is ("工行对账单第3期")
 * @error: return location for an error
 *
 * Posts a `reconcile` entry: no money moves; its one fact says what the
 * statement showed.
 *
 * Returns: TRUE when recorded; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming the field (an account that is not a money account, a date
 *   that cannot be read or is after today, an amount out of range, a
 *   memo too long or with control characters), LEDGER_ERROR_NOT_FOUND for
 *   a bank account the book does not have, the journal's refusal of a
 *   date inside a closed period, or a storage error
 */
gboolean ledger_account_reconcile (LedgerBook  *book,
                                   const char  *account,
                                   gint64       statement,
                                   const char  *date,
                                   const char  *memo,
                                   GError     **error);

G_END_DECLS

/* ledger-reconciliation.h — each money account against its last statement
 *
 * The statement a treasurer records with `account reconcile` (the bank's,
 * the cash counted, a platform's bill) says what the account held at the
 * end of a day; the book says what it should have held. The report
 * compares the two on that day, with every entry dated on or before it,
 * including those made since: a difference is what the book has yet to
 * explain (a bank charge not entered, a deposit entered twice).
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

typedef struct
{
  char     *account;           /* the money account's code */
  char     *chinese;           /* as notices print it: 银行存款（工商银行） */
  gint64    balance;           /* the book's balance at the end of the report's day */
  gboolean  has_statement;     /* FALSE: never reconciled by that day */
  char      statement_date[11];
  gint64    statement;         /* what the last statement showed, in fen */
  gint64    book_at_statement; /* the book's balance at the end of statement_date */
  gint64    difference;        /* book_at_statement − statement; 0 when they agree */
  char     *memo;              /* the statement's memo; "" when none */
} LedgerReconciliation;

/**
 * ledger_reconciliation_free:
 * @line: (nullable) (transfer full): a line of the report
 */
void ledger_reconciliation_free (LedgerReconciliation *line);

/**
 * ledger_report_reconciliation:
 * @book: an open book
 * @date: (nullable): "YYYY-MM-DD": the last statement on or before it,
 *   and the balance at its end; NULL for today by the book's clock
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerReconciliation): one line
 *   per money account (cash, bank, each bank:NAME, WeChat, Alipay) in
 *   chart-of-accounts order, or NULL with a storage error
 *   (LEDGER_ERROR_CORRUPT when a balance is past LEDGER_TOTAL_MAX)
 */
GPtrArray *ledger_report_reconciliation (LedgerBook  *book,
                                         const char  *date,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerReconciliation, ledger_reconciliation_free)

G_END_DECLS

/* ledger-chart.h — the chart of accounts: every account a book has, and adding a bank account
 *
 * Every book has cash, bank, WeChat, Alipay, receivable, prepaid credit,
 * the fees' income and the expense categories; a committee adds its named
 * bank accounts (`account add bank:NAME`), and the other accounts are
 * added when first needed (docs/money.md). The window and `account list`
 * read the same list.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

typedef struct
{
  char   *code;     /* "cash", "bank:工商银行", "income:property", "opening" … */
  char   *name;     /* as printed: ledger_account_chinese() (Chinese for money accounts and advances), else the book's name */
  char   *kind;     /* asset, liability, equity, income, expense */
  gint64  balance;  /* fen; debit-normal for assets and expenses, credit-normal (turned positive) for the rest */
} LedgerAccountLine;

/**
 * ledger_account_line_free:
 * @line: (nullable) (transfer full): a line
 */
void ledger_account_line_free (LedgerAccountLine *line);

/**
 * ledger_account_list:
 * @book: an open book
 * @error: return location for an error
 *
 * Every account of the book, in chart order (assets, liabilities, equity,
 * income, expenses; each in the order it was added), with its balance
 * over every entry.
 *
 * Returns: (transfer full) (element-type LedgerAccountLine): the
 *   accounts, or NULL with a storage error
 */
GPtrArray *ledger_account_list (LedgerBook  *book,
                                GError     **error);

/**
 * ledger_bank_account_add:
 * @book: an open book
 * @account: "bank:NAME" (or 银行:NAME) as typed
 * @error: return location for an error
 *
 * Adds a named bank account by its own journal entry, dated today by the
 * book's clock.
 *
 * Returns: TRUE when added; FALSE with LEDGER_ERROR_INVALID_INPUT (not a
 *   bank account, a bad name), LEDGER_ERROR_CONFLICT (the book has it) or
 *   a storage error; nothing written then
 */
gboolean ledger_bank_account_add (LedgerBook  *book,
                                  const char  *account,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerAccountLine, ledger_account_line_free)

G_END_DECLS

/* ledger-chart.c — the chart of accounts: every account with its balance, and adding a bank account */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-chart.h"
#include "ledger-text.h"

void
ledger_account_line_free (LedgerAccountLine *line)
{
  if (line == NULL)
    return;
  g_free (line->code);
  g_free (line->name);
  g_free (line->kind);
  g_free (line);
}

static LedgerAccountLine *
line_from_row (sqlite3_stmt *stmt)
{
  LedgerAccountLine *line = g_new0 (LedgerAccountLine, 1);
  g_autofree char *name = ledger_column_dup (stmt, 1);

  line->code = ledger_column_dup (stmt, 0);
  line->name = ledger_account_chinese (line->code, name);
  line->kind = ledger_column_dup (stmt, 2);
  line->balance = sqlite3_column_int64 (stmt, 3);
  return line;
}

GPtrArray *
ledger_account_list (LedgerBook  *book,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_account_line_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  /* The daily cache summed: every entry's splits on the account. */
  stmt = ledger_book_prepare (book,
    "SELECT a.code, a.name, a.kind,"
    "       coalesce ((SELECT sum (d.amount) FROM account_days d WHERE d.account = a.code), 0)"
    "       * (CASE WHEN a.kind IN ('asset', 'expense') THEN 1 ELSE -1 END)"
    " FROM accounts a"
    " ORDER BY CASE a.kind WHEN 'asset' THEN 1 WHEN 'liability' THEN 2 WHEN 'equity' THEN 3"
    "                     WHEN 'income' THEN 4 ELSE 5 END, a.id",
    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, line_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the accounts"), error))
    return NULL;
  return g_steal_pointer (&lines);
}

static gboolean
bank_add_cb (LedgerBook *book,
             gpointer    user_data,
             GError    **error)
{
  const char *typed = user_data;
  g_autofree char *code = ledger_money_account_parse (typed, "ACCOUNT", error);
  char today[11];

  if (code == NULL)
    return FALSE;
  ledger_book_today (book, today);
  return ledger_bank_account_add_in_write (book, code, today, error);
}

gboolean
ledger_bank_account_add (LedgerBook  *book,
                         const char  *account,
                         GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, bank_add_cb, (gpointer) account, error);
}

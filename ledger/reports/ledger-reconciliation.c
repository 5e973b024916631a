/* ledger-reconciliation.c — each money account against its last statement
 *
 * One query gives every money account with its last statement on or
 * before the day and the book's balance on the statement's day and on
 * the day itself, both from the daily cache (account_days): a line per
 * account, whatever the book's age.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-book-private.h"
#include "ledger-limits.h"
#include "ledger-money-private.h"
#include "ledger-reconciliation.h"

void
ledger_reconciliation_free (LedgerReconciliation *line)
{
  if (line == NULL)
    return;
  g_free (line->account);
  g_free (line->chinese);
  g_free (line->memo);
  g_free (line);
}

/* Columns: code, name, balance at ?1, then (NULL when none) the last
 * statement's date, amount, memo and the balance at its date. The last
 * statement of a day is the one entered last. */
static const char *
reconciliation_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *money = ledger_money_accounts_where ("a.code");

      g_once_init_leave (&sql, g_strconcat (
        "SELECT a.code, a.name,"
        "       (SELECT coalesce (sum (d.amount), 0) FROM account_days d WHERE d.account = a.code AND d.date <= ?1),"
        "       t.date, r.statement, r.memo,"
        "       (SELECT coalesce (sum (d.amount), 0) FROM account_days d WHERE d.account = a.code AND d.date <= t.date)"
        " FROM accounts a"
        " LEFT JOIN reconciliations r ON r.txn_id = ("
        "   SELECT r2.txn_id FROM reconciliations r2 JOIN txns t2 ON t2.id = r2.txn_id"
        "   WHERE r2.account = a.code AND t2.date <= ?1 ORDER BY t2.date DESC, r2.txn_id DESC LIMIT 1)"
        " LEFT JOIN txns t ON t.id = r.txn_id"
        " WHERE ", money, " ORDER BY a.id", NULL));
    }
  return sql;
}

/* A balance the book holds, or LEDGER_ERROR_CORRUPT: no input the book
 * accepts takes one past the ceiling. */
static gboolean
read_balance (sqlite3_stmt  *stmt,
              int            column,
              gint64        *out,
              GError       **error)
{
  gint64 total = 0;

  *out = 0;
  if (!ledger_total_add_or_error (&total, sqlite3_column_int64 (stmt, column), _("an account's balance"), error))
    return FALSE;
  *out = total;
  return TRUE;
}

static LedgerReconciliation *
line_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(LedgerReconciliation) line = g_new0 (LedgerReconciliation, 1);

  line->account = ledger_column_dup (stmt, 0);
  line->chinese = ledger_account_chinese (line->account, (const char *) sqlite3_column_text (stmt, 1));
  if (!read_balance (stmt, 2, &line->balance, error))
    return NULL;
  line->has_statement = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  line->memo = g_strdup (line->has_statement ? (const char *) sqlite3_column_text (stmt, 5) : "");
  if (!line->has_statement)
    return g_steal_pointer (&line);
  g_strlcpy (line->statement_date, (const char *) sqlite3_column_text (stmt, 3), sizeof line->statement_date);
  line->statement = sqlite3_column_int64 (stmt, 4);
  if (!read_balance (stmt, 6, &line->book_at_statement, error))
    return NULL;
  /* Both lie within ±LEDGER_TOTAL_MAX, so the difference cannot overflow. */
  line->difference = line->book_at_statement - line->statement;
  return g_steal_pointer (&line);
}

GPtrArray *
ledger_report_reconciliation (LedgerBook  *book,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_reconciliation_free);
  sqlite3_stmt *stmt;
  char today[11];
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  if (date == NULL)
    {
      ledger_book_today (book, today);
      date = today;
    }
  stmt = ledger_book_prepare (book, reconciliation_sql (), error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerReconciliation *line = line_from_row (stmt, error);

      if (line == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (lines, line);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the reconciliations"), error))
    return NULL;
  return g_steal_pointer (&lines);
}

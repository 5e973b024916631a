/* ledger-trial-balance.c — each account's opening, debits, credits and closing in a period (试算平衡表) */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-limits.h"
#include "ledger-money-private.h"
#include "ledger-report-private.h"
#include "ledger-trial-balance.h"

/* One row per account: the opening and closing from account_days (one row
 * per account and day), the debits and credits from the splits of the
 * period's entries (found through txns_date), so that a long book costs
 * no more than its period. */
#define TRIAL_SQL \
  "WITH moves AS (" \
  "  SELECT s.account AS account," \
  "         sum (CASE WHEN s.amount > 0 THEN s.amount ELSE 0 END) AS debits," \
  "         sum (CASE WHEN s.amount < 0 THEN -s.amount ELSE 0 END) AS credits" \
  "  FROM txns t JOIN splits s ON s.txn_id = t.id" \
  "  WHERE t.date BETWEEN ?1 AND ?2 GROUP BY s.account)," \
  " days AS (" \
  "  SELECT account, sum (CASE WHEN date < ?1 THEN amount ELSE 0 END) AS opening," \
  "         sum (amount) AS closing" \
  "  FROM account_days WHERE date <= ?2 GROUP BY account)" \
  " SELECT a.code, a.name, a.kind, coalesce (d.opening, 0), coalesce (m.debits, 0)," \
  "        coalesce (m.credits, 0), coalesce (d.closing, 0)" \
  " FROM accounts a LEFT JOIN days d ON d.account = a.code LEFT JOIN moves m ON m.account = a.code" \
  " ORDER BY" LEDGER_CHART_ORDER_OF ("a.")

static void
trial_line_free (LedgerTrialLine *line)
{
  g_free (line->code);
  g_free (line->name);
  g_free (line->kind);
  g_free (line);
}

void
ledger_trial_balance_free (LedgerTrialBalance *trial)
{
  if (trial == NULL)
    return;
  g_clear_pointer (&trial->lines, g_ptr_array_unref);
  g_free (trial->problem);
  g_free (trial);
}

static LedgerTrialLine *
read_line (sqlite3_stmt *stmt)
{
  LedgerTrialLine *line = g_new0 (LedgerTrialLine, 1);

  line->code = ledger_column_dup (stmt, 0);
  line->name = ledger_report_account_name (line->code, (const char *) sqlite3_column_text (stmt, 1));
  line->kind = ledger_column_dup (stmt, 2);
  line->opening = sqlite3_column_int64 (stmt, 3);
  line->debits = sqlite3_column_int64 (stmt, 4);
  line->credits = sqlite3_column_int64 (stmt, 5);
  line->closing = sqlite3_column_int64 (stmt, 6);
  return line;
}

static gboolean
read_lines (LedgerBook          *book,
            LedgerTrialBalance  *trial,
            GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book, TRIAL_SQL, error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, trial->period.first);
  ledger_bind_text (stmt, 2, trial->period.last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (trial->lines, read_line (stmt));
  return ledger_book_finish_rows (book, stmt, rc, N_("preparing the trial balance"), error);
}

static gboolean
add_line (LedgerTrialBalance     *trial,
          const LedgerTrialLine  *line,
          GError                **error)
{
  const char *what = _("the trial balance");

  return ledger_total_add_or_error (&trial->opening, line->opening, what, error) &&
         ledger_total_add_or_error (&trial->debits, line->debits, what, error) &&
         ledger_total_add_or_error (&trial->credits, line->credits, what, error) &&
         ledger_total_add_or_error (&trial->closing, line->closing, what, error);
}

/* Whether the line's opening, debits and credits come to its closing
 * (a sum past the ceiling does not: only a damaged book has one). */
static gboolean
line_adds_up (const LedgerTrialLine *line)
{
  gint64 closing = 0;

  return line->credits >= 0 &&
         ledger_total_add (&closing, line->opening) &&
         ledger_total_add (&closing, line->debits) &&
         ledger_total_add (&closing, -line->credits) &&
         closing == line->closing;
}

/* The first figure that does not tie out, in words; NULL if all do. */
static char *
find_problem (const LedgerTrialBalance *trial)
{
  for (guint i = 0; i < trial->lines->len; i++)
    {
      const LedgerTrialLine *line = g_ptr_array_index (trial->lines, i);

      if (!line_adds_up (line))
        return g_strdup_printf (_("%s: opening + debits − credits ≠ closing"), line->code);
    }
  if (trial->debits != trial->credits)
    return g_strdup (_("the debits do not equal the credits"));
  if (trial->opening != 0)
    return g_strdup (_("the opening balances do not add up to zero"));
  if (trial->closing != 0)
    return g_strdup (_("the closing balances do not add up to zero"));
  return NULL;
}

LedgerTrialBalance *
ledger_report_trial_balance (LedgerBook          *book,
                             const LedgerPeriod  *period,
                             GError             **error)
{
  g_autoptr(LedgerTrialBalance) trial = g_new0 (LedgerTrialBalance, 1);

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  trial->period = *period;
  trial->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) trial_line_free);
  if (!read_lines (book, trial, error))
    return NULL;
  for (guint i = 0; i < trial->lines->len; i++)
    if (!add_line (trial, g_ptr_array_index (trial->lines, i), error))
      return NULL;
  trial->problem = find_problem (trial);
  trial->ties_out = trial->problem == NULL;
  return g_steal_pointer (&trial);
}

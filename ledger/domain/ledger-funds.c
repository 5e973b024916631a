/* ledger-funds.c — what the operating fund, the maintenance fund and public revenue hold
 *
 * Funds are not accounts: the bank holds the money of all three. Which
 * fund an entry belongs to is a fact of the entry (the view entry_funds,
 * schema 4; the operating fund's when it says nothing), and a fund's
 * balance is the sum, sign turned, of its entries' splits on income,
 * expense and equity accounts.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-funds-private.h"
#include "ledger-money-private.h"

/* A fund's movements: the entries' splits on the accounts that are not
 * assets or liabilities, with the fund each belongs to. */
#define FUND_SPLITS \
  " FROM splits s JOIN txns t ON t.id = s.txn_id" \
  " JOIN accounts a ON a.code = s.account AND a.kind IN ('income', 'expense', 'equity')" \
  " LEFT JOIN entry_funds f ON f.txn_id = s.txn_id"

static gboolean
fund_of_code (const char  *code,
              LedgerFund  *out_fund)
{
  return ledger_fund_parse (code, "fund", out_fund, NULL);
}

gboolean
ledger_fund_balances (LedgerBook  *book,
                      const char  *date,
                      gint64       out_balances[LEDGER_FUND_COUNT],
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (out_balances, 0, sizeof (gint64) * LEDGER_FUND_COUNT);
  stmt = ledger_book_prepare (book,
                              "SELECT coalesce (f.fund, 'operating'), -sum (s.amount)" FUND_SPLITS
                              " WHERE ?1 IS NULL OR t.date <= ?1 GROUP BY 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (date != NULL)
    ledger_bind_text (stmt, 1, date);
  else
    sqlite3_bind_null (stmt, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerFund fund;

      if (fund_of_code ((const char *) sqlite3_column_text (stmt, 0), &fund))
        out_balances[fund] = sqlite3_column_int64 (stmt, 1);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the funds"), error);
}

gboolean
ledger_fund_lowest_from (LedgerBook  *book,
                         LedgerFund   fund,
                         const char  *date,
                         gint64      *out_lowest,
                         char         out_day[11],
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 balance = 0;
  int rc;

  /* The fund's balance at the end of each day from @date on: the days
   * before summed into the first row, then one row per later day. */
  stmt = ledger_book_prepare (book,
                              "SELECT max (t.date, ?2), -sum (s.amount)" FUND_SPLITS
                              " WHERE coalesce (f.fund, 'operating') = ?1"
                              " GROUP BY max (t.date, ?2) ORDER BY max (t.date, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, ledger_fund_to_string (fund));
  ledger_bind_text (stmt, 2, date);
  /* Until a row says otherwise, the fund held nothing at the end of @date. */
  *out_lowest = G_MAXINT64;
  g_strlcpy (out_day, date, 11);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);

      if (*out_lowest == G_MAXINT64 && strcmp (day, date) > 0)
        *out_lowest = 0;
      if (!ledger_total_add_or_error (&balance, sqlite3_column_int64 (stmt, 1), _("the fund's balance"), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (balance < *out_lowest)
        {
          *out_lowest = balance;
          g_strlcpy (out_day, day, 11);
        }
    }
  if (*out_lowest == G_MAXINT64)
    *out_lowest = 0;
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the funds"), error);
}

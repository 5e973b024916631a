/* ledger-funds.c — what the operating fund, the maintenance fund and public revenue hold
 *
 * Funds are not accounts: the bank holds the money of all three. Which
 * fund an entry belongs to is a fact of the entry (the view entry_funds,
 * schema 4; the operating fund's when it says nothing), and a fund's
 * balance is the sum, sign turned, of its entries' splits on income,
 * expense and equity accounts.
 *
 * Read that way, every figure would join every split of the book (a
 * million on a ten-year book of 5,000 households) with entry_funds. Two
 * things make it proportional to what it answers instead
 * (tests/test-fund-figures.c checks both against the plain sum):
 *
 * - the maintenance fund and public revenue are never the default, so
 *   their entries are exactly their rows of entry_funds (expenditures,
 *   incomes, openings: a few per month), whose splits are found by the
 *   splits' primary key;
 * - the operating fund is everything else: the movement of every income,
 *   expense and equity account, which the daily cache account_days holds
 *   (one row per account and day), less what the other two funds moved.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-funds-private.h"
#include "ledger-money-private.h"

/* The accounts a fund's balance is read from: not assets or liabilities. */
#define FUND_KINDS "('income', 'expense', 'equity')"

/* The splits of the entries of the restricted funds (every fund but the
 * operating one), with the fund each belongs to. */
#define RESTRICTED_SPLITS \
  " FROM entry_funds f JOIN txns t ON t.id = f.txn_id" \
  " JOIN splits s ON s.txn_id = f.txn_id" \
  " JOIN accounts a ON a.code = s.account AND a.kind IN " FUND_KINDS \
  " WHERE f.fund <> 'operating'"

/* Every fund's movement per day, all funds together, from the daily cache:
 * CROSS JOIN keeps SQLite to the accounts first (a few dozen), then each
 * one's days by the cache's key, instead of scanning every account's days. */
#define ALL_FUNDS_DAYS \
  " FROM accounts a CROSS JOIN account_days d ON d.account = a.code" \
  " WHERE a.kind IN " FUND_KINDS

/* A date after every entry: the balances of the whole book. */
#define END_OF_TIME "9999-12-31"

static gboolean
fund_of_code (const char  *code,
              LedgerFund  *out_fund)
{
  return ledger_fund_parse (code, "fund", out_fund, NULL);
}

/* Every fund together at the end of @date: what all income, expense and
 * equity accounts moved, sign turned. */
static gboolean
all_funds_at (LedgerBook  *book,
              const char  *date,
              gint64      *out_total,
              GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT coalesce (-sum (d.amount), 0)" ALL_FUNDS_DAYS
                                            " AND d.date <= ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, date);
  return ledger_book_query_int64 (book, stmt, 0, out_total, error);
}

/* The restricted funds at the end of @date, each in @out_balances. */
static gboolean
restricted_funds_at (LedgerBook  *book,
                     const char  *date,
                     gint64       out_balances[LEDGER_FUND_COUNT],
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT f.fund, -sum (s.amount)" RESTRICTED_SPLITS
                              " AND t.date <= ?1 GROUP BY f.fund",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerFund fund;

      if (fund_of_code ((const char *) sqlite3_column_text (stmt, 0), &fund))
        out_balances[fund] = sqlite3_column_int64 (stmt, 1);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the funds"), error);
}

gboolean
ledger_fund_balances (LedgerBook  *book,
                      const char  *date,
                      gint64       out_balances[LEDGER_FUND_COUNT],
                      GError     **error)
{
  gint64 total = 0, operating;

  memset (out_balances, 0, sizeof (gint64) * LEDGER_FUND_COUNT);
  if (date == NULL)
    date = END_OF_TIME;
  if (!all_funds_at (book, date, &total, error) ||
      !restricted_funds_at (book, date, out_balances, error))
    return FALSE;
  /* Each balance is at most LEDGER_TOTAL_MAX (the journal refuses more),
   * so the difference fits; the check is for a damaged book. */
  operating = total;
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    if (f != LEDGER_FUND_OPERATING &&
        !ledger_total_add_or_error (&operating, -out_balances[f], _("the funds"), error))
      return FALSE;
  out_balances[LEDGER_FUND_OPERATING] = operating;
  return TRUE;
}

/* @fund's movement per day from @date on, the days before summed into
 * @date's row, in date order: a restricted fund's from its entries, the
 * operating fund's as every fund's less the restricted ones'. */
static sqlite3_stmt *
fund_days_from (LedgerBook  *book,
                LedgerFund   fund,
                const char  *date,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (fund == LEDGER_FUND_OPERATING)
    stmt = ledger_book_prepare (book,
                                "SELECT day, sum (amount) FROM ("
                                "  SELECT max (d.date, ?1) AS day, -d.amount AS amount" ALL_FUNDS_DAYS
                                "  UNION ALL"
                                "  SELECT max (t.date, ?1), s.amount" RESTRICTED_SPLITS
                                ") GROUP BY day ORDER BY day",
                                error);
  else
    stmt = ledger_book_prepare (book,
                                "SELECT max (t.date, ?1) AS day, -sum (s.amount)" RESTRICTED_SPLITS
                                " AND f.fund = ?2 GROUP BY day ORDER BY day",
                                error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, date);
  if (fund != LEDGER_FUND_OPERATING)
    ledger_bind_text (stmt, 2, ledger_fund_to_string (fund));
  return stmt;
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
  stmt = fund_days_from (book, fund, date, error);
  if (stmt == NULL)
    return FALSE;
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

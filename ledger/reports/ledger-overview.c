/* ledger-overview.c — the figures on the app's first screen */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ledger-account-code.h"
#include "ledger-book-private.h"
#include "ledger-fingerprint.h"
#include "ledger-method-private.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-notice-private.h"
#include "ledger-overview.h"
#include "ledger-period.h"
#include "ledger-vote.h"

/* Each money account's balance at ?1, named bank accounts included
 * (ledger_money_accounts_where(), as every report asks). Built once (the
 * statement cache keeps the text's pointer). */
static const char *
balances_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *money = ledger_money_accounts_where ("account");

      g_once_init_leave (&sql, g_strconcat ("SELECT account, sum (amount) FROM account_days"
                                            " WHERE ", money,
                                            " AND date <= ?1 GROUP BY account", NULL));
    }
  return sql;
}

/* The money accounts' balances at @date, from the daily cache: cash, bank
 * (with every named bank account) and the rest (the phone wallets) as
 * mobile. The Overview page lists each account and fund as well, from
 * ledger_report_balance_sheet(). */
static gboolean
compute_funds (LedgerBook      *book,
               LedgerOverview  *out,
               GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book, balances_sql (), error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, out->date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *account = (const char *) sqlite3_column_text (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 1);

      if (g_str_equal (account, ledger_method_to_string (LEDGER_METHOD_CASH)))
        out->cash = amount;
      else if (g_str_equal (account, ledger_method_to_string (LEDGER_METHOD_BANK)) ||
               g_str_has_prefix (account, "bank:"))
        {
          if (!ledger_total_add_or_error (&out->bank, amount, _("the balances"), error))
            break;
        }
      else if (!ledger_total_add_or_error (&out->mobile, amount, _("the balances"), error))
        break;
      if (!ledger_total_add_or_error (&out->funds, amount, _("the balances"), error))
        break;
    }
  if (rc == SQLITE_ROW) /* a total past the ceiling: the error is set */
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the balances"), error);
}

static gboolean
compute_arrears (LedgerBook      *book,
                 LedgerOverview  *out,
                 GError         **error)
{
  g_autoptr(LedgerArrearsReport) arrears = ledger_report_arrears (book, out->year.year, error);

  if (arrears == NULL)
    return FALSE;
  out->arrears = arrears->total;
  out->arrears_households = arrears->rows->len;
  return TRUE;
}

static gboolean
count_open_votes (LedgerBook      *book,
                  LedgerOverview  *out,
                  GError         **error)
{
  g_autoptr(GPtrArray) votes = ledger_vote_list (book, error);

  if (votes == NULL)
    return FALSE;
  for (guint i = 0; i < votes->len; i++)
    out->open_votes += !((LedgerVote *) g_ptr_array_index (votes, i))->closed;
  return TRUE;
}

gboolean
ledger_overview_compute (LedgerBook      *book,
                         const char      *date,
                         LedgerOverview  *out,
                         GError         **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (date != NULL)
    g_strlcpy (out->date, date, sizeof out->date);
  else
    ledger_book_today (book, out->date);

  return compute_funds (book, out, error) &&
         ledger_report_collection (book, ledger_date_year (out->date), &out->year, error) &&
         compute_arrears (book, out, error) &&
         count_open_votes (book, out, error) &&
         ledger_expenditure_count_unannounced (book, &out->unannounced, error) &&
         ledger_book_fingerprint (book, &out->head, error);
}

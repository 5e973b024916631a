/* ledger-report.c — balances, arrears, income and collection */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-book-private.h"
#include "ledger-expenditure.h"
#include "ledger-method-private.h"
#include "ledger-money-private.h"
#include "ledger-account-code.h"
#include "ledger-report.h"
#include "ledger-report-private.h"
#include "ledger-schema-private.h"
#include "ledger-account-code.h"
#include "ledger-money.h"

/* The committee's money at ?1 (ledger_committee_money_where(): the money
 * accounts, named bank accounts included, and what members hold of it as
 * advances). Built once (the statement cache keeps the text's pointer). */
static const char *
funds_at_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *money = ledger_committee_money_where ("account");

      g_once_init_leave (&sql, g_strconcat ("SELECT sum (amount) FROM account_days"
                                            " WHERE ", money, " AND date <= ?1", NULL));
    }
  return sql;
}

/* What opening balances (kind "opening", docs/money.md) put into the
 * accounts funds_at_sql() sums, dated from ?1 to ?2. */
static const char *
opening_balances_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *money = ledger_committee_money_where ("s.account");

      g_once_init_leave (&sql, g_strconcat ("SELECT sum (s.amount) FROM txns t JOIN splits s ON s.txn_id = t.id"
                                            " WHERE t.kind = 'opening' AND t.date BETWEEN ?1 AND ?2"
                                            " AND ", money, NULL));
    }
  return sql;
}

char *
ledger_report_account_name (const char *code,
                            const char *stored_name)
{
  if (stored_name == NULL)
    stored_name = "";
  if (ledger_account_is_advance (code))
    return g_strdup_printf (_("Advance to %s"), code + strlen ("advance:"));
  /* Only the standard accounts carry source-language names; a fee's name
   * and a bank account's are the committee's own words, shown as they are. */
  if (g_str_has_prefix (code, "income:") || g_str_has_prefix (code, "bank:") || *stored_name == '\0')
    return g_strdup (stored_name);
  return g_strdup (_(stored_name));
}

void
ledger_report_line_free (LedgerReportLine *line)
{
  if (line == NULL)
    return;
  g_free (line->code);
  g_free (line->name);
  g_free (line->kind);
  g_free (line);
}

static GPtrArray *
new_line_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_report_line_free);
}

/* Reads rows of (code, name, kind, amount) into report lines. */
static GPtrArray *
collect_lines (LedgerBook    *book,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) lines = new_line_array ();
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerReportLine *line = g_new0 (LedgerReportLine, 1);

      line->code = ledger_column_dup (stmt, 0);
      line->name = ledger_report_account_name (line->code, (const char *) sqlite3_column_text (stmt, 1));
      line->kind = ledger_column_dup (stmt, 2);
      line->amount = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (lines, line);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("preparing a report"), error))
    return NULL;
  return g_steal_pointer (&lines);
}

GPtrArray *
ledger_report_balance_at (LedgerBook  *book,
                          const char  *date,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  /* Assets and expenditures are debit-normal; the rest are shown with the
   * sign flipped so that money owed to owners reads as a positive sum. */
  stmt = ledger_book_prepare (book,
    "SELECT a.code, a.name, a.kind,"
    "       coalesce ((SELECT sum (d.amount) FROM account_days d"
    "                  WHERE d.account = a.code AND d.date <= ?1), 0)"
    "       * (CASE WHEN a.kind IN ('asset', 'expense') THEN 1 ELSE -1 END)"
    " FROM accounts a"
    " ORDER BY" LEDGER_CHART_ORDER_OF ("a."),
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, date != NULL ? date : "9999-99-99");
  return collect_lines (book, stmt, error);
}

GPtrArray *
ledger_report_balance (LedgerBook          *book,
                       const LedgerPeriod  *period,
                       GError             **error)
{
  return ledger_report_balance_at (book, period != NULL ? period->last : NULL, error);
}

gboolean
ledger_report_funds_at (LedgerBook  *book,
                        const char  *date,
                        gint64      *out_funds,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book, funds_at_sql (), error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, date);
  return ledger_book_query_int64 (book, stmt, 0, out_funds, error);
}

/* ------------------------------------------------------------------ */
/* Arrears */

static void
ledger_arrear_free (LedgerArrear *row)
{
  g_free (row->unit);
  g_free (row->owner);
  g_free (row);
}

void
ledger_arrears_report_free (LedgerArrearsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->rows);
  g_free (report);
}

LedgerArrearsReport *
ledger_report_arrears (LedgerBook  *book,
                       int          up_to_year,
                       GError     **error)
{
  g_autoptr(LedgerArrearsReport) report = g_new0 (LedgerArrearsReport, 1);
  sqlite3_stmt *stmt;
  int rc;

  report->up_to_year = up_to_year;
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_arrear_free);
  stmt = ledger_book_prepare (book,
    "WITH open AS ("
    "  SELECT household_id, year, amount - paid - waived AS owed"
    "  FROM charge_status WHERE " LEDGER_CHARGE_OPEN " AND " LEDGER_CHARGE_OWED " AND year <= ?1)"
    " SELECT h.id, h.unit, h.owner, sum (o.owed), count (*), min (o.year), max (o.year)"
    " FROM open o JOIN households h ON h.id = o.household_id"
    " GROUP BY h.id ORDER BY h.building, h.entrance, h.room",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, up_to_year > 0 ? up_to_year : 9999);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerArrear *row = g_new0 (LedgerArrear, 1);

      row->household_id = sqlite3_column_int64 (stmt, 0);
      row->unit = ledger_column_dup (stmt, 1);
      row->owner = ledger_column_dup (stmt, 2);
      row->owed = sqlite3_column_int64 (stmt, 3);
      row->charges = sqlite3_column_int (stmt, 4);
      row->first_year = sqlite3_column_int (stmt, 5);
      row->last_year = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (report->rows, row);
      if (!ledger_total_add_or_error (&report->total, row->owed, _("the arrears"), error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("preparing the arrears report"), error))
    return NULL;
  return g_steal_pointer (&report);
}

/* ------------------------------------------------------------------ */
/* Income and expenditures */

void
ledger_income_report_free (LedgerIncomeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->income, g_ptr_array_unref);
  g_clear_pointer (&report->expenditures, g_ptr_array_unref);
  g_free (report);
}

/* Payments (net of voids) received in the period, by the fee item they
 * settled; other income, by its account (other-income:CATEGORY); what
 * settled nothing went to prepaid credit, less the credit refunded.
 * Transfers are not income: they move money between the committee's
 * own accounts. */
static GPtrArray *
income_by_fee (LedgerBook          *book,
               const LedgerPeriod  *period,
               GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
    "SELECT code, name, 'income', sum (amount) FROM ("
    "  SELECT c.fee_code AS code, ac.name AS name, a.amount AS amount, ac.id AS ord"
    "  FROM txns t JOIN allocations a ON a.txn_id = t.id"
    "  JOIN charges c ON c.id = a.charge_id"
    "  JOIN accounts ac ON ac.code = 'income:' || c.fee_code"
    "  WHERE t.kind IN ('payment', 'void') AND t.date BETWEEN ?1 AND ?2"
    "  UNION ALL"
    "  SELECT s.account, ac.name, -s.amount, 1e9 + ac.id"
    "  FROM txns t JOIN splits s ON s.txn_id = t.id JOIN accounts ac ON ac.code = s.account"
    "  WHERE t.kind = 'income' AND s.account GLOB 'other-income:*'"
    "    AND t.date BETWEEN ?1 AND ?2"
    "  UNION ALL"
    "  SELECT 'prepaid', ac.name, -s.amount, 2e9"
    "  FROM txns t JOIN splits s ON s.txn_id = t.id JOIN accounts ac ON ac.code = s.account"
    "  WHERE t.kind IN ('payment', 'void', 'refund') AND s.account = 'prepaid'"
    "    AND t.date BETWEEN ?1 AND ?2)"
    " GROUP BY code HAVING sum (amount) <> 0 ORDER BY min (ord)",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period->first);
  ledger_bind_text (stmt, 2, period->last);
  return collect_lines (book, stmt, error);
}

/* Money spent in the period, by category; a bank's charge on a transfer
 * is spent too (expense:bank-charges). */
static GPtrArray *
expenditures_by_category (LedgerBook          *book,
                      const LedgerPeriod  *period,
                      GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
    "SELECT substr (s.account, 9), ac.name, 'expense', sum (s.amount)"
    " FROM txns t JOIN splits s ON s.txn_id = t.id JOIN accounts ac ON ac.code = s.account"
    " WHERE t.kind IN ('expenditure', 'transfer') AND s.account LIKE 'expense:%' AND t.date BETWEEN ?1 AND ?2"
    " GROUP BY s.account HAVING sum (s.amount) <> 0 ORDER BY ac.id",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period->first);
  ledger_bind_text (stmt, 2, period->last);
  return collect_lines (book, stmt, error);
}

static gboolean
sum_lines (GPtrArray   *lines,
           const char  *what,
           gint64      *out_total,
           GError     **error)
{
  *out_total = 0;
  for (guint i = 0; i < lines->len; i++)
    if (!ledger_total_add_or_error (out_total, ((LedgerReportLine *) g_ptr_array_index (lines, i))->amount,
                                    what, error))
      return FALSE;
  return TRUE;
}

/* The day before @iso, for the opening balance. */
static void
day_before (const char *iso,
            char        out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_date_subtract_days (&date, 1);
  g_date_strftime (out, 11, "%Y-%m-%d", &date);
}

/* Adds to *@opening the opening balances dated in @period: money the
 * committee held before the book's first entry, entered from its paper
 * ledger. They open the period, as if held the day before; counted as
 * income they would make a year's receipts what they were not. */
static gboolean
add_opening_balances (LedgerBook          *book,
                      const LedgerPeriod  *period,
                      gint64              *opening,
                      GError             **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, opening_balances_sql (), error);
  gint64 entered = 0;

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, period->first);
  ledger_bind_text (stmt, 2, period->last);
  return ledger_book_query_int64 (book, stmt, 0, &entered, error) &&
         ledger_total_add_or_error (opening, entered, _("the opening balance"), error);
}

LedgerIncomeReport *
ledger_report_income (LedgerBook          *book,
                      const LedgerPeriod  *period,
                      GError             **error)
{
  g_autoptr(LedgerIncomeReport) report = g_new0 (LedgerIncomeReport, 1);
  char before[11];

  g_return_val_if_fail (period != NULL, NULL);

  report->period = *period;
  day_before (period->first, before);
  report->income = income_by_fee (book, period, error);
  if (report->income == NULL)
    return NULL;
  report->expenditures = expenditures_by_category (book, period, error);
  if (report->expenditures == NULL ||
      !ledger_report_funds_at (book, before, &report->opening, error) ||
      !add_opening_balances (book, period, &report->opening, error) ||
      !ledger_report_funds_at (book, period->last, &report->closing, error))
    return NULL;
  if (!sum_lines (report->income, _("the income"), &report->income_total, error) ||
      !sum_lines (report->expenditures, _("the expenses"), &report->expenditure_total, error))
    return NULL;

  /* Every movement of funds is a payment, a void or an expenditure; if the
   * identity fails the book is inconsistent, and a notice must not print. */
  if (report->opening + report->income_total - report->expenditure_total != report->closing)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("The figures for %s do not tie out (opening + income − expenses ≠ closing); run verify"),
                   period->name);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* ------------------------------------------------------------------ */
/* Collection */

gboolean
ledger_report_collection (LedgerBook        *book,
                          int                year,
                          LedgerCollection  *out,
                          GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  out->year = year;
  stmt = ledger_book_prepare (book,
    "WITH per_charge AS ("
    "  SELECT household_id, amount, waived, paid FROM charge_status WHERE year = ?1),"
    " per_household AS ("
    "  SELECT household_id, sum (amount - waived - paid) AS owed FROM per_charge"
    "  GROUP BY household_id)"
    " SELECT coalesce (sum (amount), 0), coalesce (sum (waived), 0), coalesce (sum (paid), 0),"
    "        (SELECT count (*) FROM per_household),"
    "        (SELECT count (*) FROM per_household WHERE owed = 0)"
    " FROM per_charge",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->billed = sqlite3_column_int64 (stmt, 0);
      out->waived = sqlite3_column_int64 (stmt, 1);
      out->paid = sqlite3_column_int64 (stmt, 2);
      out->households = (guint) sqlite3_column_int64 (stmt, 3);
      out->households_paid = (guint) sqlite3_column_int64 (stmt, 4);
    }
  if (!ledger_book_finish_row (book, stmt, rc, N_("preparing the collection report"), error))
    return FALSE;
  out->due = out->billed - out->waived;
  out->outstanding = out->due - out->paid;
  out->rate_bp = out->due > 0 ? (int) (out->paid * 10000 / out->due) : 0;
  return TRUE;
}

char *
ledger_rate_format (int rate_bp)
{
  return g_strdup_printf ("%d.%02d%%", rate_bp / 100, rate_bp % 100);
}

/* ------------------------------------------------------------------ */
/* Arrears, charge by charge */

void
ledger_arrear_charge_free (LedgerArrearCharge *charge)
{
  if (charge == NULL)
    return;
  g_free (charge->unit);
  g_free (charge->owner);
  g_free (charge->fee_code);
  g_free (charge->fee_name);
  g_free (charge);
}

/* One row of the query in ledger_report_arrears_detail(). */
static LedgerArrearCharge *
arrear_charge_from_row (sqlite3_stmt *stmt)
{
  LedgerArrearCharge *charge = g_new0 (LedgerArrearCharge, 1);

  charge->household_id = sqlite3_column_int64 (stmt, 0);
  charge->unit = ledger_column_dup (stmt, 1);
  charge->owner = ledger_column_dup (stmt, 2);
  charge->year = sqlite3_column_int (stmt, 3);
  charge->fee_code = ledger_column_dup (stmt, 4);
  charge->fee_name = ledger_column_dup (stmt, 5);
  charge->billed = sqlite3_column_int64 (stmt, 6);
  charge->waived = sqlite3_column_int64 (stmt, 7);
  charge->paid = sqlite3_column_int64 (stmt, 8);
  charge->owed = charge->billed - charge->waived - charge->paid;
  return charge;
}

GPtrArray *
ledger_report_arrears_detail (LedgerBook  *book,
                              int          up_to_year,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_arrear_charge_free);
  sqlite3_stmt *stmt;
  int rc;

  /* The same arithmetic as ledger_report_arrears() and
   * ledger_report_collection(), so the three always agree. */
  stmt = ledger_book_prepare (book,
    "WITH per_charge AS ("
    "  SELECT c.household_id, c.year, c.fee_code, c.fee_id, c.amount, s.waived, s.paid"
    "  FROM charge_status s JOIN charges c ON c.id = s.charge_id"
    "  WHERE " LEDGER_CHARGE_OPEN_OF ("s.") " AND s.year <= ?1)"
    " SELECT h.id, h.unit, h.owner, p.year, p.fee_code, f.name, p.amount, p.waived, p.paid"
    " FROM per_charge p JOIN households h ON h.id = p.household_id"
    " JOIN fees f ON f.id = p.fee_id"
    " WHERE " LEDGER_CHARGE_OWED_OF ("p.")
    " ORDER BY h.building, h.entrance, h.room, p.year, p.fee_code",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, up_to_year > 0 ? up_to_year : 9999);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, arrear_charge_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("preparing the arrears report"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

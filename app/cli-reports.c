/* cli-reports.c — reports, backups and the demo community */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "cli-json.h"
#include "cli-common.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_report_commands, name);
}

/* Prints "label ........ ¥1,234.56". */
static void
print_money_line (const char *label,
                  gint64      fen)
{
  g_autofree char *money = ledger_money_format (fen);
  int width = cli_display_width (label);

  printf ("  %s%*s %16s\n", label, (int) MAX (0, 24 - width), "", money);
}

static void
json_lines (CliJson    *json,
            const char *key,
            GPtrArray  *lines,
            const char *amount_key)
{
  cli_json_begin_array (json, key);
  for (guint i = 0; i < lines->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (lines, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", line->code);
      cli_json_string (json, "name", line->name);
      if (g_strcmp0 (amount_key, "balance") == 0)
        cli_json_string (json, "kind", line->kind);
      cli_json_int (json, amount_key, line->amount);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
}

/* ------------------------------------------------------------------ */
/* report balance */

/* Says loudly that a report's figures do not tie out: the book is broken
 * (a cache or the journal edited behind the program's back). */
static int
report_broken_book (const char *what)
{
  g_autoptr(GError) error = g_error_new (LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                                         _("THE BOOK IS BROKEN: %s; run verify"), what);

  return cli_report_error (error);
}

static void
json_balance_sheet_totals (CliJson                  *json,
                           const LedgerBalanceSheet *sheet)
{
  cli_json_begin_array (json, "funds");
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    {
      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", ledger_fund_to_string ((LedgerFund) f));
      cli_json_string (json, "name", ledger_fund_label ((LedgerFund) f));
      cli_json_int (json, "balance", sheet->funds[f]);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_begin_object (json, "totals");
  cli_json_int (json, "money", sheet->money);
  cli_json_int (json, "receivable", sheet->receivable);
  cli_json_int (json, "advances", sheet->advances);
  cli_json_int (json, "liabilities", sheet->liabilities);
  cli_json_int (json, "net", sheet->net);
  cli_json_int (json, "funds", sheet->funds_total);
  cli_json_bool (json, "ties_out", sheet->ties_out);
  cli_json_end_object (json);
}

static void
print_balance_sheet_totals (const LedgerBalanceSheet *sheet)
{
  printf (_("Funds at %s\n"), sheet->as_of);
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    print_money_line (ledger_fund_label ((LedgerFund) f), sheet->funds[f]);
  printf (_("Totals\n"));
  print_money_line (_("Money"), sheet->money);
  print_money_line (_("Receivable"), sheet->receivable);
  print_money_line (_("Advances"), sheet->advances);
  print_money_line (_("Liabilities"), sheet->liabilities);
  print_money_line (_("Net"), sheet->net);
  print_money_line (_("Funds together"), sheet->funds_total);
  if (sheet->ties_out)
    printf (_("  Money + receivable + advances − liabilities = the funds: it ties out\n"));
}

static int
report_balance (LedgerBook         *book,
                const LedgerPeriod *period,
                gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBalanceSheet) sheet = ledger_report_balance_sheet (book, period->last, &error);
  GPtrArray *lines;

  if (sheet == NULL)
    return cli_report_error (error);
  lines = sheet->accounts;
  if (as_json)
    {
      g_autoptr(CliJson) json = cli_json_new ();

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "report", "balance");
      cli_json_string (json, "as_of", period->last);
      json_lines (json, "accounts", lines, "balance");
      json_balance_sheet_totals (json, sheet);
      cli_json_end_object (json);
      cli_json_print (json);
    }
  else
    {
      printf (_("Balances at %s\n"), period->last);
      for (guint i = 0; i < lines->len; i++)
        {
          const LedgerReportLine *line = g_ptr_array_index (lines, i);

          if (line->amount != 0 || strchr (line->code, ':') == NULL)
            print_money_line (line->name, line->amount);
        }
      print_balance_sheet_totals (sheet);
    }
  if (!sheet->ties_out)
    {
      g_autofree char *net = ledger_money_format (sheet->net);
      g_autofree char *funds = ledger_money_format (sheet->funds_total);
      g_autofree char *what = g_strdup_printf (_("money + receivable + advances − liabilities (%s) "
                                                 "is not the sum of the funds (%s) at %s"),
                                               net, funds, sheet->as_of);

      return report_broken_book (what);
    }
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* report reconciliation */

static void
json_reconciliation (GPtrArray  *lines,
                     const char *as_of)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_string (json, "report", "reconciliation");
  cli_json_string (json, "as_of", as_of);
  cli_json_begin_array (json, "accounts");
  for (guint i = 0; i < lines->len; i++)
    {
      const LedgerReconciliation *line = g_ptr_array_index (lines, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", line->account);
      cli_json_string (json, "name", line->chinese);
      cli_json_int (json, "balance", line->balance);
      cli_json_bool (json, "reconciled", line->has_statement);
      if (line->has_statement)
        {
          cli_json_string (json, "statement_date", line->statement_date);
          cli_json_int (json, "statement", line->statement);
          cli_json_int (json, "book_at_statement", line->book_at_statement);
          cli_json_int (json, "difference", line->difference);
          cli_json_string (json, "memo", line->memo);
        }
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* One line an account: its balance, then what its last statement says. */
static void
print_reconciliation_line (const LedgerReconciliation *line)
{
  g_autofree char *balance = ledger_money_format (line->balance);
  g_autofree char *statement = NULL;
  g_autofree char *on_the_day = NULL;
  g_autofree char *difference = NULL;

  printf ("  %s%*s %16s  ", line->chinese, (int) MAX (0, 24 - cli_display_width (line->chinese)), "", balance);
  if (!line->has_statement)
    {
      printf (_("not reconciled yet\n"));
      return;
    }
  statement = ledger_money_format (line->statement);
  if (line->difference == 0)
    {
      /* Translators: the statement's date and balance */
      printf (_("statement of %s: %s, agrees\n"), line->statement_date, statement);
      return;
    }
  on_the_day = ledger_money_format (line->book_at_statement);
  difference = ledger_money_format (line->difference);
  /* Translators: the statement's date and balance, the book's balance
   * that day, and the book's balance less the statement's */
  printf (_("statement of %s: %s; the book that day: %s; DIFFERS by %s\n"),
          line->statement_date, statement, on_the_day, difference);
}

/* Each money account against its last statement. A difference is not an
 * error of the program: the statement is evidence the book has not yet
 * explained, and the treasurer's next entries (or the bank's) will. */
static int
report_reconciliation (LedgerBook         *book,
                       const LedgerPeriod *period,
                       gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = ledger_report_reconciliation (book, period->last, &error);

  if (lines == NULL)
    return cli_report_error (error);
  if (as_json)
    {
      json_reconciliation (lines, period->last);
      return CLI_EXIT_OK;
    }
  printf (_("Money accounts against their last statements, at %s\n"), period->last);
  for (guint i = 0; i < lines->len; i++)
    print_reconciliation_line (g_ptr_array_index (lines, i));
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* report trial-balance */

static void
json_trial_balance (const LedgerTrialBalance *trial)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_string (json, "report", "trial-balance");
  cli_json_string (json, "period", trial->period.name);
  cli_json_string (json, "first", trial->period.first);
  cli_json_string (json, "last", trial->period.last);
  cli_json_begin_array (json, "accounts");
  for (guint i = 0; i < trial->lines->len; i++)
    {
      const LedgerTrialLine *line = g_ptr_array_index (trial->lines, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", line->code);
      cli_json_string (json, "name", line->name);
      cli_json_string (json, "kind", line->kind);
      cli_json_int (json, "opening", line->opening);
      cli_json_int (json, "debits", line->debits);
      cli_json_int (json, "credits", line->credits);
      cli_json_int (json, "closing", line->closing);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_begin_object (json, "totals");
  cli_json_int (json, "opening", trial->opening);
  cli_json_int (json, "debits", trial->debits);
  cli_json_int (json, "credits", trial->credits);
  cli_json_int (json, "closing", trial->closing);
  cli_json_bool (json, "ties_out", trial->ties_out);
  cli_json_end_object (json);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* Prints @text right-aligned in @columns terminal columns, after a space
 * (printf's widths count bytes: "¥" is two). */
static void
print_right (const char *text,
             int         columns)
{
  printf (" %*s%s", (int) MAX (0, columns - cli_display_width (text)), "", text);
}

/* "label      opening   debits   credits   closing", the label padded to
 * 24 columns whatever its script. */
static void
print_trial_row (const char *label,
                 const char *const figures[4])
{
  printf ("  %s%*s", label, (int) MAX (0, 24 - cli_display_width (label)), "");
  for (int i = 0; i < 4; i++)
    print_right (figures[i], 16);
  printf ("\n");
}

static void
print_trial_money (const char *label,
                   gint64      opening,
                   gint64      debits,
                   gint64      credits,
                   gint64      closing)
{
  g_autofree char *o = ledger_money_format (opening);
  g_autofree char *d = ledger_money_format (debits);
  g_autofree char *c = ledger_money_format (credits);
  g_autofree char *e = ledger_money_format (closing);
  const char *const figures[4] = { o, d, c, e };

  print_trial_row (label, figures);
}

static int
report_trial_balance (LedgerBook         *book,
                      const LedgerPeriod *period,
                      gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTrialBalance) trial = ledger_report_trial_balance (book, period, &error);

  if (trial == NULL)
    return cli_report_error (error);
  if (as_json)
    json_trial_balance (trial);
  else
    {
      const char *const heads[4] = { _("Opening"), _("Debits"), _("Credits"), _("Closing") };

      printf (_("Trial balance, %s (%s to %s); debits positive, credits negative\n"),
              period->name, period->first, period->last);
      print_trial_row (_("Account"), heads);
      for (guint i = 0; i < trial->lines->len; i++)
        {
          const LedgerTrialLine *line = g_ptr_array_index (trial->lines, i);

          if (line->opening != 0 || line->debits != 0 || line->credits != 0 || line->closing != 0 ||
              strchr (line->code, ':') == NULL)
            print_trial_money (line->name, line->opening, line->debits, line->credits, line->closing);
        }
      print_trial_money (_("Total"), trial->opening, trial->debits, trial->credits, trial->closing);
      if (trial->ties_out)
        printf (_("  Debits equal credits; the openings and the closings each add up to zero\n"));
    }
  if (!trial->ties_out)
    {
      g_autofree char *what = g_strdup_printf (_("the trial balance of %s does not tie out: %s"),
                                               period->name, trial->problem);

      return report_broken_book (what);
    }
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* report funds */

static void
json_fund_figures (CliJson                 *json,
                   const LedgerFundFigures *f)
{
  cli_json_int (json, "opening", f->opening);
  cli_json_int (json, "in", f->in);
  cli_json_int (json, "out", f->out);
  cli_json_int (json, "closing", f->closing);
}

static void
json_fund_entries (CliJson                *json,
                   const LedgerFundReport *report)
{
  cli_json_begin_array (json, "entries");
  for (guint i = 0; i < report->entries->len; i++)
    {
      const LedgerFundEntry *e = g_ptr_array_index (report->entries, i);

      cli_json_begin_object (json, NULL);
      cli_json_int (json, "entry", e->txn_id);
      cli_json_string (json, "date", e->date);
      cli_json_string (json, "kind", e->kind);
      cli_json_string (json, "ref", e->ref);
      cli_json_string (json, "memo", e->memo);
      cli_json_string (json, "fund", ledger_fund_to_string (e->fund));
      cli_json_string (json, "account", e->account);
      cli_json_int (json, "in", e->in);
      cli_json_int (json, "out", e->out);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
}

static void
json_funds (const LedgerFundReport *report)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_string (json, "report", "funds");
  cli_json_string (json, "period", report->period.name);
  cli_json_string (json, "first", report->period.first);
  cli_json_string (json, "last", report->period.last);
  cli_json_begin_array (json, "funds");
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    {
      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", ledger_fund_to_string ((LedgerFund) f));
      json_fund_figures (json, &report->funds[f]);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_begin_array (json, "movements");
  for (guint i = 0; i < report->movements->len; i++)
    {
      const LedgerFundMovement *m = g_ptr_array_index (report->movements, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", m->code);
      cli_json_string (json, "name", m->name);
      for (int f = 0; f < LEDGER_FUND_COUNT; f++)
        cli_json_int (json, ledger_fund_to_string ((LedgerFund) f), m->amounts[f]);
      cli_json_int (json, "total", m->total);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  json_fund_entries (json, report);
  cli_json_begin_object (json, "totals");
  json_fund_figures (json, &report->total);
  cli_json_int (json, "committee_money", report->committee_money);
  cli_json_bool (json, "ties_out", report->ties_out);
  cli_json_end_object (json);
  cli_json_end_object (json);
  cli_json_print (json);
}

static void
print_fund_figures (const char              *label,
                    const LedgerFundFigures *f)
{
  g_autofree char *o = ledger_money_format (f->opening);
  g_autofree char *i = ledger_money_format (f->in);
  g_autofree char *u = ledger_money_format (f->out);
  g_autofree char *c = ledger_money_format (f->closing);
  const char *const figures[4] = { o, i, u, c };

  print_trial_row (label, figures);
}

static void
print_fund_movements (const LedgerFundReport *report)
{
  const char *const heads[4] = { ledger_fund_label (LEDGER_FUND_OPERATING), ledger_fund_label (LEDGER_FUND_MAINTENANCE),
                                 ledger_fund_label (LEDGER_FUND_PUBLIC), _("Total") };

  printf (_("Movements by account (raising a fund positive)\n"));
  print_trial_row (_("Account"), heads);
  for (guint i = 0; i < report->movements->len; i++)
    {
      const LedgerFundMovement *m = g_ptr_array_index (report->movements, i);

      print_trial_money (m->name, m->amounts[0], m->amounts[1], m->amounts[2], m->total);
    }
}

static void
print_fund_entries (const LedgerFundReport *report)
{
  printf (_("Entries that moved a fund\n"));
  for (guint i = 0; i < report->entries->len; i++)
    {
      const LedgerFundEntry *e = g_ptr_array_index (report->entries, i);
      g_autofree char *amount = ledger_money_format (e->in > 0 ? e->in : -e->out);

      printf ("  %s  #%" G_GINT64_FORMAT "  %s  %s  %s  %s", e->date, e->txn_id, e->ref,
              ledger_entry_kind_label (e->kind), ledger_fund_label (e->fund), e->name);
      print_right (amount, 16);
      printf ("\n");
    }
}

static int
report_funds (LedgerBook         *book,
              const LedgerPeriod *period,
              gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerFundReport) report = ledger_report_funds (book, period, &error);

  if (report == NULL)
    return cli_report_error (error);
  if (as_json)
    json_funds (report);
  else
    {
      const char *const heads[4] = { _("Opening"), _("In"), _("Out"), _("Closing") };
      g_autofree char *money = ledger_money_format (report->committee_money);

      printf (_("Funds, %s (%s to %s)\n"), period->name, period->first, period->last);
      print_trial_row (_("Fund"), heads);
      for (int f = 0; f < LEDGER_FUND_COUNT; f++)
        print_fund_figures (ledger_fund_label ((LedgerFund) f), &report->funds[f]);
      print_fund_figures (_("Total"), &report->total);
      printf (_("  The committee's money at %s (money + receivable + advances − liabilities): %s\n"),
              period->last, money);
      if (report->ties_out)
        printf (_("  Each fund's opening + in − out = its closing; together they are the committee's money\n"));
      print_fund_movements (report);
      print_fund_entries (report);
    }
  if (!report->ties_out)
    {
      g_autofree char *what = g_strdup_printf (_("the funds of %s do not tie out: %s"),
                                               period->name, report->problem);

      return report_broken_book (what);
    }
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* report cashbook ACCOUNT */

static void
json_cashbook (const LedgerCashbook *cashbook)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_string (json, "report", "cashbook");
  cli_json_string (json, "account", cashbook->account);
  cli_json_string (json, "name", cashbook->name);
  cli_json_string (json, "period", cashbook->period.name);
  cli_json_string (json, "first", cashbook->period.first);
  cli_json_string (json, "last", cashbook->period.last);
  cli_json_int (json, "opening", cashbook->opening);
  cli_json_begin_array (json, "lines");
  for (guint i = 0; i < cashbook->lines->len; i++)
    {
      const LedgerCashbookLine *line = g_ptr_array_index (cashbook->lines, i);

      cli_json_begin_object (json, NULL);
      cli_json_int (json, "entry", line->txn_id);
      cli_json_string (json, "date", line->date);
      cli_json_string (json, "voucher", line->voucher);
      cli_json_string (json, "kind", line->kind);
      cli_json_string (json, "memo", line->memo);
      cli_json_int (json, "in", line->in);
      cli_json_int (json, "out", line->out);
      cli_json_int (json, "balance", line->balance);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "total_in", cashbook->total_in);
  cli_json_int (json, "total_out", cashbook->total_out);
  cli_json_int (json, "closing", cashbook->closing);
  cli_json_bool (json, "ties_out", cashbook->ties_out);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* An amount, or nothing for zero (a line is money in or money out). */
static char *
format_or_blank (gint64 fen)
{
  return fen != 0 ? ledger_money_format (fen) : g_strdup ("");
}

static void
print_cashbook (const LedgerCashbook *cashbook)
{
  printf (_("Cash book of %s (%s), %s (%s to %s)\n"), cashbook->name, cashbook->account,
          cashbook->period.name, cashbook->period.first, cashbook->period.last);
  print_money_line (_("Opening balance"), cashbook->opening);
  for (guint i = 0; i < cashbook->lines->len; i++)
    {
      const LedgerCashbookLine *line = g_ptr_array_index (cashbook->lines, i);
      g_autofree char *in = format_or_blank (line->in);
      g_autofree char *out = format_or_blank (line->out);
      g_autofree char *balance = ledger_money_format (line->balance);

      printf ("  %s  %-14s", line->date, *line->voucher != '\0' ? line->voucher : "-");
      print_right (in, 14);
      print_right (out, 14);
      print_right (balance, 16);
      printf ("  %s  %s\n", ledger_entry_kind_label (line->kind), line->memo);
    }
  print_money_line (_("Money in"), cashbook->total_in);
  print_money_line (_("Money out"), cashbook->total_out);
  print_money_line (_("Closing balance"), cashbook->closing);
}

static int
report_cashbook (LedgerBook         *book,
                 const char         *account,
                 const LedgerPeriod *period,
                 gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCashbook) cashbook = ledger_report_cashbook (book, account, period, &error);

  if (cashbook == NULL)
    return cli_report_error (error);
  if (as_json)
    json_cashbook (cashbook);
  else
    print_cashbook (cashbook);
  if (!cashbook->ties_out)
    {
      g_autofree char *what = g_strdup_printf (_("the cash book of %s does not close with the "
                                                 "balance the book holds at %s"),
                                               cashbook->account, period->last);

      return report_broken_book (what);
    }
  return CLI_EXIT_OK;
}

static int
report_arrears (LedgerBook         *book,
                const LedgerPeriod *period,
                gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerArrearsReport) report = ledger_report_arrears (book, period->year, &error);
  g_autofree char *total = NULL;

  if (report == NULL)
    return cli_report_error (error);
  if (as_json)
    {
      g_autoptr(CliJson) json = cli_json_new ();

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "report", "arrears");
      cli_json_int (json, "up_to_year", report->up_to_year);
      cli_json_begin_array (json, "households");
      for (guint i = 0; i < report->rows->len; i++)
        {
          const LedgerArrear *row = g_ptr_array_index (report->rows, i);

          cli_json_begin_object (json, NULL);
          cli_json_string (json, "unit", row->unit);
          cli_json_string (json, "owner", row->owner);
          cli_json_int (json, "owed", row->owed);
          cli_json_int (json, "charges", row->charges);
          cli_json_int (json, "first_year", row->first_year);
          cli_json_int (json, "last_year", row->last_year);
          cli_json_end_object (json);
        }
      cli_json_end_array (json);
      cli_json_int (json, "count", report->rows->len);
      cli_json_int (json, "total", report->total);
      cli_json_end_object (json);
      cli_json_print (json);
      return CLI_EXIT_OK;
    }
  printf (_("Arrears up to %d\n"), report->up_to_year);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const LedgerArrear *row = g_ptr_array_index (report->rows, i);
      g_autofree char *owed = ledger_money_format (row->owed);

      printf ("  %-10s %-8s %14s  %d–%d\n", row->unit, row->owner, owed, row->first_year, row->last_year);
    }
  total = ledger_money_format (report->total);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u household owes %s\n", "%u households owe %s\n",
                       report->rows->len),
          report->rows->len, total);
  return CLI_EXIT_OK;
}

static int
report_income (LedgerBook         *book,
               const LedgerPeriod *period,
               gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIncomeReport) report = ledger_report_income (book, period, &error);

  if (report == NULL)
    return cli_report_error (error);
  if (as_json)
    {
      g_autoptr(CliJson) json = cli_json_new ();

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "report", "income");
      cli_json_string (json, "period", period->name);
      cli_json_string (json, "first", period->first);
      cli_json_string (json, "last", period->last);
      cli_json_int (json, "opening", report->opening);
      json_lines (json, "income", report->income, "amount");
      cli_json_int (json, "income_total", report->income_total);
      json_lines (json, "expenses", report->expenditures, "amount");
      cli_json_int (json, "expense_total", report->expenditure_total);
      cli_json_int (json, "closing", report->closing);
      cli_json_end_object (json);
      cli_json_print (json);
      return CLI_EXIT_OK;
    }
  printf (_("Income and expenses, %s (%s to %s)\n"), period->name, period->first, period->last);
  print_money_line (_("Opening funds"), report->opening);
  for (guint i = 0; i < report->income->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (report->income, i);
      print_money_line (line->name, line->amount);
    }
  print_money_line (_("Total income"), report->income_total);
  for (guint i = 0; i < report->expenditures->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (report->expenditures, i);
      print_money_line (line->name, line->amount);
    }
  print_money_line (_("Total expenses"), report->expenditure_total);
  print_money_line (_("Closing funds"), report->closing);
  return CLI_EXIT_OK;
}

static int
report_collection (LedgerBook         *book,
                   const LedgerPeriod *period,
                   gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rate = NULL;
  LedgerCollection c;

  if (!ledger_report_collection (book, period->year, &c, &error))
    return cli_report_error (error);
  rate = ledger_rate_format (c.rate_bp);
  if (as_json)
    {
      g_autoptr(CliJson) json = cli_json_new ();

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "report", "collection");
      cli_json_int (json, "year", c.year);
      cli_json_int (json, "billed", c.billed);
      cli_json_int (json, "waived", c.waived);
      cli_json_int (json, "due", c.due);
      cli_json_int (json, "paid", c.paid);
      cli_json_int (json, "outstanding", c.outstanding);
      cli_json_int (json, "rate_bp", c.rate_bp);
      cli_json_string (json, "rate", rate);
      cli_json_int (json, "households", c.households);
      cli_json_int (json, "households_paid", c.households_paid);
      cli_json_end_object (json);
      cli_json_print (json);
      return CLI_EXIT_OK;
    }
  printf (_("Collection for %d\n"), c.year);
  print_money_line (_("Billed"), c.billed);
  print_money_line (_("Waived"), c.waived);
  print_money_line (_("Paid"), c.paid);
  print_money_line (_("Outstanding"), c.outstanding);
  printf (_("  Collection rate %s; %u of %u households paid in full\n"), rate,
          c.households_paid, c.households);
  return CLI_EXIT_OK;
}

/* The Overview page's figures (ledger_overview_compute()), as of the
 * period's last day or today, whichever comes first. */
static int
report_overview (LedgerBook         *book,
                 const LedgerPeriod *period,
                 gboolean            as_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rate = NULL, *head = NULL;
  char today[11];
  LedgerOverview o;

  ledger_book_today (book, today);
  if (!ledger_overview_compute (book, strcmp (period->last, today) < 0 ? period->last : today,
                                &o, &error))
    return cli_report_error (error);
  rate = ledger_rate_format (o.year.rate_bp);
  head = ledger_tree_head_format (&o.head);
  if (as_json)
    {
      g_autoptr(CliJson) json = cli_json_new ();

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "report", "overview");
      cli_json_string (json, "as_of", o.date);
      cli_json_int (json, "funds", o.funds);
      cli_json_int (json, "cash", o.cash);
      cli_json_int (json, "bank", o.bank);
      cli_json_int (json, "mobile", o.mobile);
      cli_json_int (json, "year", o.year.year);
      cli_json_int (json, "billed", o.year.billed);
      cli_json_int (json, "paid", o.year.paid);
      cli_json_int (json, "rate_bp", o.year.rate_bp);
      cli_json_int (json, "arrears", o.arrears);
      cli_json_int (json, "arrears_households", o.arrears_households);
      cli_json_int (json, "open_votes", o.open_votes);
      cli_json_int (json, "unannounced", o.unannounced);
      cli_json_string (json, "fingerprint", head);
      cli_json_end_object (json);
      cli_json_print (json);
      return CLI_EXIT_OK;
    }
  printf (_("Overview as of %s\n"), o.date);
  print_money_line (_("Funds"), o.funds);
  print_money_line (_("Cash"), o.cash);
  print_money_line (_("Bank"), o.bank);
  print_money_line (_("WeChat Pay and Alipay"), o.mobile);
  print_money_line (_("Billed this year"), o.year.billed);
  print_money_line (_("Collected this year"), o.year.paid);
  printf (_("  Collection rate %s\n"), rate);
  print_money_line (_("Arrears"), o.arrears);
  printf (_("  Households in arrears %u\n"), o.arrears_households);
  printf (_("  Open votes %u; expenditures not yet announced %" PRId64 "\n"),
          o.open_votes, o.unannounced);
  printf (_("  Fingerprint %s\n"), head);
  return CLI_EXIT_OK;
}

static int
run_report (CliGlobals *globals,
            int         argc,
            char      **argv)
{
  static const struct
  {
    const char *name;
    int (*print) (LedgerBook *, const LedgerPeriod *, gboolean);
  } reports[] = {
    { "balance", report_balance },
    { "arrears", report_arrears },
    { "income", report_income },
    { "collection", report_collection },
    { "overview", report_overview },
    { "trial-balance", report_trial_balance },
    { "funds", report_funds },
    { "reconciliation", report_reconciliation },
  };
  g_autofree char *period_text = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("2026, 2026-Q1 or 2026-03 (default: this year)"), N_("PERIOD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  gboolean cashbook;
  LedgerPeriod period;
  char today[11];

  if (!cli_parse_options (globals, lookup ("report"), entries, &argc, &argv, 1, 2))
    return CLI_EXIT_USAGE;
  /* Only the cash book names something more: its account. */
  cashbook = strcmp (argv[1], "cashbook") == 0;
  if (argc != (cashbook ? 3 : 2))
    return cli_usage_error (lookup ("report"), _("expected %s"), lookup ("report")->params);
  if (period_text != NULL && !ledger_period_parse (period_text, "--period", &period, &error))
    return cli_report_error (error);
  if (cashbook && (account = ledger_cashbook_account_parse (argv[2], "ACCOUNT", &error)) == NULL)
    return cli_report_error (error);
  if ((book = cli_open_book_to_read (globals, &error)) == NULL)
    return cli_report_error (error);
  if (period_text == NULL)
    {
      ledger_book_today (book, today);
      ledger_period_for_year (ledger_date_year (today), &period);
    }
  if (cashbook)
    return report_cashbook (book, account, &period, as_json);
  for (gsize i = 0; i < G_N_ELEMENTS (reports); i++)
    if (strcmp (argv[1], reports[i].name) == 0)
      return reports[i].print (book, &period, as_json);
  return cli_usage_invalid (lookup ("report"), _("report"), argv[1],
                            _("expected balance, trial-balance, funds, cashbook, reconciliation, arrears, income, collection or overview"));
}

/* ------------------------------------------------------------------ */
/* backup, restore */

static int
run_backup (CliGlobals *globals,
            int         argc,
            char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("backup"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_checked (globals, &error)) == NULL ||
      !ledger_backup_to_file (book, argv[1], &error))
    return cli_report_error (error);
  cli_print_path (argv[1]);
  return CLI_EXIT_OK;
}

static int
run_restore (CliGlobals *globals,
             int         argc,
             char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;

  if (!cli_parse_options (globals, lookup ("restore"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (!ledger_restore (cli_book_path (globals), argv[1], &safety, &error))
    return cli_report_error (error);
  {
    g_autofree char *book = ledger_quote_path (cli_book_path (globals));
    /* Translators: what restore saved when its result could not be shown */
    g_autofree char *what = g_strdup_printf (_("the book %s, restored"), book);

    cli_note_saved (what);
  }
  if (safety != NULL)
    {
      g_autofree char *shown = ledger_quote_path (safety);
      /* Translators: what restore saved when its result could not be shown */
      g_autofree char *what = g_strdup_printf (_("the book as it was, in %s"), shown);

      printf (_("Restored; the book as it was is saved in %s\n"), shown);
      cli_note_saved (what);
    }
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* demo */

static int
run_demo (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  LedgerDemoOptions options = { 0 };
  int households = 0, years = 0, end_year = 0, seed = 0;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "households", 0, 0, G_OPTION_ARG_INT, &households, N_("How many households (default 120)"), N_("N") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("How many years of history (default 3)"), N_("Y") },
    { "end-year", 0, 0, G_OPTION_ARG_INT, &end_year, N_("The last year (default this year)"), N_("YEAR") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Another seed gives another community"), N_("N") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The community's name"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (!cli_parse_options (globals, lookup ("demo"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  /* The first four entries are the numbers; 0 means "the default". */
  for (gsize i = 0; i < 4; i++)
    if (*(int *) entries[i].arg_data < 0)
      {
        g_autofree char *field = g_strconcat ("--", entries[i].long_name, NULL);
        g_autofree char *text = g_strdup_printf ("%d", *(int *) entries[i].arg_data);

        return cli_usage_invalid (lookup ("demo"), field, text, _("must not be negative"));
      }
  options = (LedgerDemoOptions) { (guint) households, (guint) years, end_year, (guint32) seed };

  if (!cli_check_operator (globals, &error))
    return cli_report_error (error);
  dir = g_path_get_dirname (cli_book_path (globals));
  g_mkdir_with_parents (dir, 0755);
  book = ledger_community_create (cli_book_path (globals), name != NULL ? name : "幸福里小区",
                                  globals->operator_name, &error);
  if (book == NULL || !ledger_demo_populate (book, &options, &error))
    {
      int status = cli_report_error (error);

      /* A half-made demo is no use to anyone; but never remove a book
       * this command did not create, nor one put in its place meanwhile:
       * the file's identity was taken when it was created. */
      if (book != NULL)
        ledger_book_discard_created (g_steal_pointer (&book));
      return status;
    }
  printf ("%s\n", ledger_book_get_display_path (book));
  cli_note_saved_book (book);
  return CLI_EXIT_OK;
}

const CliCommand cli_report_commands[] = {
  { "report", "balance|trial-balance|funds|cashbook ACCOUNT|reconciliation|arrears|income|collection|overview [--period P] [--json]",
    N_("Show a report"), run_report },
  { "backup", "FILE", N_("Write a checked copy of the book"), run_backup },
  { "restore", "FILE", N_("Replace the book with a backup (the current one is saved first)"),
    run_restore },
  { "demo", "[--households N] [--years Y]", N_("Create a demo community in a new book"), run_demo },
  { NULL, NULL, NULL, NULL }
};

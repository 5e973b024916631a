/* cli-opening.c — the commands that start a book from a paper ledger and
 * keep its chart of accounts (opening balance, opening arrears, opening
 * credit, account add, account list) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_opening_commands, name);
}

/* ------------------------------------------------------------------ */
/* opening balance, opening arrears, opening credit */

static int
run_opening_balance (CliGlobals *globals,
                     int         argc,
                     char      **argv)
{
  const CliCommand *command = lookup ("opening balance");
  g_autofree char *date = NULL;
  g_autofree char *fund_text = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the balance is as at (required)"), N_("DATE") },
    { "fund", 0, 0, G_OPTION_ARG_STRING, &fund_text, N_("operating, maintenance or public (default operating)"), N_("FUND") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  LedgerFund fund = LEDGER_FUND_OPERATING;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (date == NULL)
    return cli_usage_error (command, _("--date is required"));
  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (fund_text != NULL && !ledger_fund_parse (fund_text, "--fund", &fund, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_opening_balance (book, argv[1], amount, fund, date, &error))
    return cli_report_error (error);
  shown = ledger_money_format (amount);
  /* Translators: the account as typed, the fund's code, the amount */
  printf (_("Opening balance of %s (%s fund): %s\n"), argv[1], ledger_fund_to_string (fund), shown);
  return CLI_EXIT_OK;
}

static int
run_opening_arrears (CliGlobals *globals,
                     int         argc,
                     char      **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the opening (default: that of the opening balances, else today)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 amount = 0;
  int year = 0;

  if (!cli_parse_options (globals, lookup ("opening arrears"), entries, &argc, &argv, 4, 4))
    return CLI_EXIT_USAGE;
  if (!ledger_fee_code_check (argv[2], &error) ||
      !ledger_year_parse (argv[3], "YEAR", &year, &error) ||
      !ledger_money_parse (argv[4], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_opening_arrears (book, argv[1], argv[2], year, amount, date, &error))
    return cli_report_error (error);
  shown = ledger_money_format (amount);
  /* Translators: unit, fee code, year, amount */
  printf (_("Opening arrears of %s: %s %d, %s\n"), argv[1], argv[2], year, shown);
  return CLI_EXIT_OK;
}

static int
run_opening_credit (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the opening (default: that of the opening balances, else today)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 amount = 0;

  if (!cli_parse_options (globals, lookup ("opening credit"), entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_opening_credit (book, argv[1], amount, date, &error))
    return cli_report_error (error);
  shown = ledger_money_format (amount);
  printf (_("Opening credit of %s: %s\n"), argv[1], shown);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* account reconcile */

static int
run_account_reconcile (CliGlobals *globals,
                       int         argc,
                       char      **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *memo = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the statement is as at (default today)"), N_("DATE") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("Which statement it is"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *code = NULL;
  gint64 statement = 0;

  if (!cli_parse_options (globals, lookup ("account reconcile"), entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if ((code = ledger_money_account_parse (argv[1], "ACCOUNT", &error)) == NULL ||
      !ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_ALLOW_ZERO | LEDGER_MONEY_BALANCE, &statement, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_account_reconcile (book, argv[1], statement, date, memo, &error))
    return cli_report_error (error);
  /* What the book says against it, the same line `report reconciliation` prints. */
  if ((lines = ledger_report_reconciliation (book, NULL, &error)) == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const LedgerReconciliation *line = g_ptr_array_index (lines, i);
      g_autofree char *shown = NULL;

      if (strcmp (line->account, code) != 0 || !line->has_statement)
        continue;
      if (line->difference == 0)
        {
          shown = ledger_money_format (line->statement);
          /* Translators: the account, the statement's date and balance */
          printf (_("%s on %s: the statement's %s agrees with the book\n"), line->chinese, line->statement_date, shown);
        }
      else
        {
          g_autofree char *book_text = ledger_money_format (line->book_at_statement);
          g_autofree char *difference = ledger_money_format (line->difference);

          shown = ledger_money_format (line->statement);
          /* Translators: the account, the statement's date and balance,
           * the book's balance that day, the difference */
          printf (_("%s on %s: the statement shows %s, the book %s: a difference of %s to explain\n"),
                  line->chinese, line->statement_date, shown, book_text, difference);
        }
    }
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* account add, account list */

static int
run_account_add (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("account add"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_bank_account_add (book, argv[1], &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static void
print_accounts_json (GPtrArray *accounts)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "accounts");
  for (guint i = 0; i < accounts->len; i++)
    {
      const LedgerAccountLine *line = g_ptr_array_index (accounts, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "code", line->code);
      cli_json_string (json, "name", line->name);
      cli_json_string (json, "kind", line->kind);
      cli_json_int (json, "balance", line->balance);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* One line an account: code, name, kind, balance; the names of the
 * standard accounts in the user's language. */
static void
print_accounts_text (GPtrArray *accounts)
{
  for (guint i = 0; i < accounts->len; i++)
    {
      const LedgerAccountLine *line = g_ptr_array_index (accounts, i);
      const char *name = g_str_has_prefix (line->code, "income:") ? line->name : _(line->name);
      g_autofree char *balance = ledger_money_format (line->balance);
      int code_pad = MAX (0, 24 - cli_display_width (line->code));
      int name_pad = MAX (0, 24 - cli_display_width (name));

      printf ("%s%*s %s%*s %-9s %16s\n", line->code, code_pad, "", name, name_pad, "", line->kind, balance);
    }
}

static int
run_account_list (CliGlobals *globals,
                  int         argc,
                  char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON (money in fen)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("account list"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (accounts = ledger_account_list (book, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_accounts_json (accounts);
  else
    print_accounts_text (accounts);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_opening_commands[] = {
  { "opening balance", "ACCOUNT AMOUNT --date DATE [--fund operating|maintenance|public]",
    N_("Enter a money account's opening balance from the paper ledger"), run_opening_balance },
  { "opening arrears", "UNIT FEE YEAR AMOUNT [--date DATE]",
    N_("Enter a household's unpaid charge of an earlier year from the paper ledger"), run_opening_arrears },
  { "opening credit", "UNIT AMOUNT [--date DATE]",
    N_("Enter a household's credit from the paper ledger"), run_opening_credit },
  { "account add", "bank:NAME", N_("Add a named bank account"), run_account_add },
  { "account list", "[--json]", N_("List every account with its balance"), run_account_list },
  { "account reconcile", "ACCOUNT AMOUNT [--date DATE] [--memo TEXT]",
    N_("Record a statement's balance (bank, cash counted, WeChat, Alipay) to check the book against"),
    run_account_reconcile },
  { NULL, NULL, NULL, NULL }
};

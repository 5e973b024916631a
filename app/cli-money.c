/* cli-money.c — the commands that move the committee's own money (transfer,
 * income, refund) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_money_commands, name);
}

/* The JSON every command here prints: the voucher and the amount in fen,
 * then the command's own fields (the caller closes the object). */
static CliJson *
voucher_json_begin (const char *voucher,
                    gint64      amount)
{
  CliJson *json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_string (json, "voucher", voucher);
  cli_json_int (json, "amount", amount);
  return json;
}

static void
voucher_json_finish (CliJson *json)
{
  cli_json_end_object (json);
  cli_json_print (json);
}

/* Prints the voucher number alone, so scripts can capture it (unless
 * @json printed it), and notes it for cli_run(). */
static void
print_voucher (const char *voucher,
               CliJson    *json)
{
  g_autofree char *what = g_strdup_printf (_("voucher %s"), voucher);

  if (json != NULL)
    voucher_json_finish (json);
  else
    printf ("%s\n", voucher);
  cli_note_saved (what);
}

/* ------------------------------------------------------------------ */
/* transfer */

static int
run_transfer (CliGlobals *globals,
              int         argc,
              char      **argv)
{
  const CliCommand *command = lookup ("transfer");
  g_autofree char *from = NULL, *to = NULL, *date = NULL, *memo = NULL, *fee_text = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The money account it leaves: cash, bank, bank:NAME, wechat or alipay"), N_("ACCOUNT") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The money account it reaches"), N_("ACCOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the money moved (default today)"), N_("DATE") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("What it was"), N_("TEXT") },
    { "fee", 0, 0, G_OPTION_ARG_STRING, &fee_text, N_("The bank's or platform's charge, taken from --from as well (an expense of the operating fund)"), N_("AMOUNT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *voucher = NULL, *from_code = NULL, *to_code = NULL;
  g_autoptr(CliJson) json = NULL;
  gint64 amount = 0, fee = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (from == NULL)
    return cli_usage_error (command, _("--from is required"));
  if (to == NULL)
    return cli_usage_error (command, _("--to is required"));
  if (!ledger_money_parse (argv[1], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (fee_text != NULL && !ledger_money_parse (fee_text, "--fee", LEDGER_MONEY_ALLOW_ZERO, &fee, &error)) ||
      (from_code = ledger_money_account_parse (from, "--from", &error)) == NULL ||
      (to_code = ledger_money_account_parse (to, "--to", &error)) == NULL ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_transfer (book, amount, from_code, to_code, fee, date, memo, &voucher, &error))
    return cli_report_error (error);
  if (as_json)
    {
      json = voucher_json_begin (voucher, amount);
      cli_json_int (json, "fee", fee);
      cli_json_string (json, "from", from_code);
      cli_json_string (json, "to", to_code);
    }
  print_voucher (voucher, json);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* income */

static int
run_income (CliGlobals *globals,
            int         argc,
            char      **argv)
{
  const CliCommand *command = lookup ("income");
  g_autofree char *category_text = NULL, *account = NULL, *fund_text = NULL, *payer = NULL;
  g_autofree char *date = NULL, *memo = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category_text, N_("interest, rent, advertising, donation or other (利息, 租金, 广告, 捐赠, 其他)"), N_("CATEGORY") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("The money account it reached: cash, bank, bank:NAME, wechat or alipay"), N_("ACCOUNT") },
    { "fund", 0, 0, G_OPTION_ARG_STRING, &fund_text, N_("operating, maintenance or public (default: rent and advertising public, the rest operating)"), N_("FUND") },
    { "payer", 0, 0, G_OPTION_ARG_STRING, &payer, N_("Who paid it"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the money was received (default today)"), N_("DATE") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("What it was for"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *voucher = NULL, *account_code = NULL;
  g_autoptr(CliJson) json = NULL;
  LedgerIncomeCategory category = LEDGER_INCOME_OTHER;
  LedgerFund fund = LEDGER_FUND_OPERATING;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (category_text == NULL)
    return cli_usage_error (command, _("--category is required"));
  if (account == NULL)
    return cli_usage_error (command, _("--account is required"));
  if (!ledger_money_parse (argv[1], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      !ledger_income_category_parse (category_text, "--category", &category, &error) ||
      (account_code = ledger_money_account_parse (account, "--account", &error)) == NULL ||
      (fund_text != NULL && !ledger_fund_parse (fund_text, "--fund", &fund, &error)))
    return cli_report_error (error);
  if (fund_text == NULL)
    fund = ledger_income_category_default_fund (category);
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_income_record (book, amount, category, account_code, &fund, payer, date, memo, &voucher, &error))
    return cli_report_error (error);
  if (as_json)
    {
      json = voucher_json_begin (voucher, amount);
      cli_json_string (json, "category", ledger_income_category_to_string (category));
      cli_json_string (json, "account", account_code);
      cli_json_string (json, "fund", ledger_fund_to_string (fund));
    }
  print_voucher (voucher, json);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* refund */

static int
run_refund (CliGlobals *globals,
            int         argc,
            char      **argv)
{
  const CliCommand *command = lookup ("refund");
  g_autofree char *method = NULL, *reason = NULL, *date = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, N_("cash, wechat, alipay, bank or bank:NAME: the account it is paid from"), N_("METHOD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the credit is paid back (required)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was paid back (default today)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *voucher = NULL, *account_code = NULL, *unit = NULL;
  g_autoptr(CliJson) json = NULL;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (method == NULL)
    return cli_usage_error (command, _("--method is required"));
  if (reason == NULL)
    return cli_usage_error (command, _("--reason is required"));
  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (account_code = ledger_money_account_parse (method, "--method", &error)) == NULL ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_unit_parse (argv[1], _("unit"), &unit, NULL, NULL, NULL, &error) ||
      !ledger_refund (book, unit, amount, account_code, reason, date, &voucher, &error))
    return cli_report_error (error);
  if (as_json)
    {
      json = voucher_json_begin (voucher, amount);
      cli_json_string (json, "unit", unit);
      cli_json_string (json, "account", account_code);
    }
  print_voucher (voucher, json);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_money_commands[] = {
  { "transfer", "AMOUNT --from ACCOUNT --to ACCOUNT [--date DATE] [--memo TEXT] [--fee AMOUNT] [--json]",
    N_("Move money between the committee's accounts and print its voucher number"), run_transfer },
  { "income", "AMOUNT --category interest|rent|advertising|donation|other --account ACCOUNT"
              " [--fund operating|maintenance|public] [--payer NAME] [--date DATE] [--memo TEXT] [--json]",
    N_("Record income other than fees and print its voucher number"), run_income },
  { "refund", "UNIT AMOUNT --method cash|wechat|alipay|bank --reason TEXT [--date DATE] [--json]",
    N_("Pay back a household's prepaid credit and print its voucher number"), run_refund },
  { NULL, NULL, NULL, NULL }
};

/* cli-pay.c — the commands that record, void and waive what households pay
 * (pay, void, waive) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_pay_commands, name);
}

/* ------------------------------------------------------------------ */
/* pay, void, waive */

/* Tells cli_run() which receipts were recorded, for the message when
 * they could not be printed: "receipt 2026-000124" or "receipts
 * 2026-000124 … 2026-000130" (a batch numbers its receipts in a row). */
static void
note_saved_receipts (char * const *numbers,
                     guint         n)
{
  g_autofree char *what = NULL;

  if (n == 0)
    return;
  if (n == 1)
    what = g_strdup_printf (_("receipt %s"), numbers[0]);
  else
    /* Translators: the first and the last of the receipts a batch recorded */
    what = g_strdup_printf (_("receipts %s … %s"), numbers[0], numbers[n - 1]);
  cli_note_saved (what);
}

/* Prints what a batch recorded, one "RECEIPT UNIT AMOUNT" line per
 * payment in file order: `2026-000124 1-1-101 360.00`. */
static void
print_batch_text (const LedgerPayBatchPlan *plan,
                  GPtrArray                *receipts)
{
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const LedgerPayBatchRow *row = g_ptr_array_index (plan->rows, i);
      g_autofree char *amount = ledger_money_format_plain (row->amount);

      printf ("%s %s %s\n", (const char *) g_ptr_array_index (receipts, i), row->unit, amount);
    }
}

static void
print_batch_json (const LedgerPayBatchPlan *plan,
                  GPtrArray                *receipts)
{
  g_autoptr(CliJson) json = cli_json_new ();
  gint64 total = 0;

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "payments");
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const LedgerPayBatchRow *row = g_ptr_array_index (plan->rows, i);

      total += row->amount;
      cli_json_begin_object (json, NULL);
      cli_json_string (json, "receipt", g_ptr_array_index (receipts, i));
      cli_json_string (json, "unit", row->unit);
      cli_json_int (json, "amount", row->amount);
      cli_json_string (json, "method", ledger_method_to_string (row->method));
      cli_json_string (json, "date", row->date);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "count", plan->rows->len);
  cli_json_int (json, "total", total);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* pay --batch FILE: every row of a CSV statement in one transaction. */
static int
run_pay_batch (CliGlobals   *globals,
               const char   *path,
               LedgerMethod  method,
               const char   *date,
               gboolean      as_json)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GError) error = NULL;

  if ((book = cli_open_book (globals, &error)) == NULL ||
      (plan = ledger_pay_batch_read (book, path, method, date, &error)) == NULL ||
      !ledger_pay_batch_apply (book, plan, &receipts, &error))
    return cli_report_error (error);
  if (as_json)
    print_batch_json (plan, receipts);
  else
    print_batch_text (plan, receipts);
  note_saved_receipts ((char * const *) receipts->pdata, receipts->len);
  return CLI_EXIT_OK;
}

static int
run_pay (CliGlobals *globals,
         int         argc,
         char      **argv)
{
  const CliCommand *command = lookup ("pay");
  g_autofree char *method_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *batch = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_text, N_("cash, wechat, alipay or bank (default cash)"), N_("METHOD") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the money was received (default today)"), N_("DATE") },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch, N_("Record every payment of a CSV file (unit, amount, method, date; - for standard input), all or none"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON (with --batch)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LedgerMethod method = LEDGER_METHOD_CASH;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 0, 2))
    return CLI_EXIT_USAGE;
  if (batch != NULL && argc > 1)
    return cli_usage_error (command, _("--batch takes no UNIT or AMOUNT"));
  if (batch == NULL && argc != 3)
    return cli_usage_error (command, _("expected %s"), command->params);
  if (batch == NULL && as_json)
    return cli_usage_error (command, _("--json goes with --batch"));
  if (batch != NULL && *batch == '\0')
    return cli_usage_invalid (command, "--batch", batch, _("nothing entered"));
  if (batch != NULL)
    {
      if (method_text != NULL && !ledger_method_parse (method_text, "--method", &method, &error))
        return cli_report_error (error);
      return run_pay_batch (globals, batch, method, date, as_json);
    }

  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (method_text != NULL && !ledger_method_parse (method_text, "--method", &method, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_pay (book, argv[1], amount, method, date, &receipt, &error))
    return cli_report_error (error);
  /* The receipt number alone, so scripts can capture it. */
  printf ("%s\n", receipt->number);
  note_saved_receipts (&receipt->number, 1);
  return CLI_EXIT_OK;
}

static int
run_void (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the receipt is void (required)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("void"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (reason == NULL)
    return cli_usage_error (lookup ("void"), _("--reason is required"));
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_void (book, argv[1], reason, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static int
run_waive (CliGlobals *globals,
           int         argc,
           char      **argv)
{
  g_autofree char *reason = NULL;
  g_autofree char *amount_text = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the fee is reduced (required)"), N_("TEXT") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("How much to waive (default: all still owed)"), N_("AMOUNT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 amount = 0, waived = 0;
  int year = 0;

  if (!cli_parse_options (globals, lookup ("waive"), entries, &argc, &argv, 3, 3))
    return CLI_EXIT_USAGE;
  if (reason == NULL)
    return cli_usage_error (lookup ("waive"), _("--reason is required"));
  if (!ledger_year_parse (argv[3], _("year"), &year, &error) ||
      (amount_text != NULL &&
       !ledger_money_parse (amount_text, "--amount", LEDGER_MONEY_POSITIVE, &amount, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_waive (book, argv[1], argv[2], year, amount_text != NULL ? &amount : NULL,
                     reason, &waived, &error))
    return cli_report_error (error);
  shown = ledger_money_format (waived);
  printf (_("Waived %s\n"), shown);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_pay_commands[] = {
  { "pay", "UNIT AMOUNT [--method cash|wechat|alipay|bank] [--date DATE] | --batch FILE [--json]",
    N_("Record a payment and print its receipt number"), run_pay },
  { "void", "RECEIPT --reason TEXT", N_("Void a receipt by a reversing entry"), run_void },
  { "waive", "UNIT FEE YEAR --reason TEXT [--amount AMOUNT]",
    N_("Reduce a household's charge"), run_waive },
  { NULL, NULL, NULL, NULL }
};

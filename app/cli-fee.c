/* cli-fee.c — the commands that set the fees and post the year's charges
 * (fee set, fee list, bill) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_fee_commands, name);
}

/* ------------------------------------------------------------------ */
/* fee set / fee list, bill */

static int
run_fee_set (CliGlobals *globals,
             int         argc,
             char      **argv)
{
  g_autofree char *per = NULL;
  g_autofree char *from = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "per", 0, 0, G_OPTION_ARG_STRING, &per, N_("household or space"), N_("BASIS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The date the new amount takes effect (default: 1 January this year)"), N_("DATE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The fee's name on notices"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  LedgerFeeBasis basis;
  gint64 amount = 0;

  if (!cli_parse_options (globals, lookup ("fee set"), entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (!ledger_fee_code_check (argv[1], &error) ||
      !ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_ALLOW_ZERO, &amount, &error) ||
      (per != NULL && !ledger_fee_basis_parse (per, "--per", &basis, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_fee_set (book, argv[1], name, amount, per != NULL ? &basis : NULL, from, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static int
run_fee_list (CliGlobals *globals,
              int         argc,
              char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) fees = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("fee list"), NULL, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (fees = ledger_fee_list_versions (book, &error)) == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < fees->len; i++)
    {
      const LedgerFee *fee = g_ptr_array_index (fees, i);
      g_autofree char *amount = ledger_money_format (fee->amount);

      printf ("%-10s %-8s %12s / %-9s %s %s\n", fee->code, fee->name, amount,
              ledger_fee_basis_to_string (fee->basis), _("from"), fee->effective_from);
    }
  return CLI_EXIT_OK;
}

static int
run_bill (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  LedgerBillSummary summary;
  int year = 0;

  if (!cli_parse_options (globals, lookup ("bill"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (!ledger_year_parse (argv[1], _("year"), &year, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_bill_year (book, year, &summary, &error))
    return cli_report_error (error);
  total = ledger_money_format (summary.amount);
  printf (g_dngettext (GETTEXT_PACKAGE, "%d: %u new charge, %s\n", "%d: %u new charges, %s\n",
                       summary.charges),
          year, summary.charges, total);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_fee_commands[] = {
  { "fee set", "CODE AMOUNT [--per household|space] [--from DATE]",
    N_("Set a fee item's yearly amount from a date"), run_fee_set },
  { "fee list", "", N_("List every version of every fee item"), run_fee_list },
  { "bill", "YEAR", N_("Post the year's charges (safe to repeat)"), run_bill },
  { NULL, NULL, NULL, NULL }
};

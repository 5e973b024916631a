/* cli-export.c — exports on the command line: the auditor's workbook */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "exports.h"
#include "ledger.h"

/* This file's command named @name, for its usage messages. */
static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_export_commands, name);
}

/* export xlsx FILE [--period P]: the period defaults to this year, as for
 * the reports; the Journal sheets always hold the whole journal. */
static int
run_export_xlsx (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  g_autofree char *period_text = NULL;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("2026, 2026-Q1 or 2026-03 (default: this year)"), N_("PERIOD") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  LedgerPeriod period;
  char today[11];

  if (!cli_parse_options (globals, lookup ("export xlsx"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (period_text != NULL && !ledger_period_parse (period_text, "--period", &period, &error))
    return cli_report_error (error);
  const char *fields[] = { "FILE" };
  const char *paths[] = { argv[1] };

  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      !ledger_book_check_outputs (book, G_N_ELEMENTS (paths), fields, paths, &error))
    return cli_report_error (error);
  if (period_text == NULL)
    {
      ledger_book_today (book, today);
      ledger_period_for_year (ledger_date_year (today), &period);
    }
  if (!export_workbook (book, &period, argv[1], NULL, NULL, &error))
    return cli_report_error (error);
  cli_print_path (argv[1]);
  return CLI_EXIT_OK;
}

const CliCommand cli_export_commands[] = {
  { "export xlsx", "FILE [--period P]",
    N_("Write the auditor's workbook: the period's figures and the whole journal"), run_export_xlsx },
  { NULL, NULL, NULL, NULL }
};

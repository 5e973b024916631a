/* cli-period.c — closing published periods (period close, period list) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_period_commands, name);
}

static int
run_period_close (CliGlobals *globals,
                  int         argc,
                  char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  LedgerPeriod period;

  if (!cli_parse_options (globals, lookup ("period close"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_period_close (book, argv[1], &period, &error))
    return cli_report_error (error);
  /* Translators: PERIOD (FIRST to LAST) */
  printf (_("Closed %s (%s to %s): no entry may be dated in it any more\n"),
          period.name, period.first, period.last);
  return CLI_EXIT_OK;
}

static void
print_periods_json (const GPtrArray *periods)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  for (int closed = 1; closed >= 0; closed--)
    {
      cli_json_begin_array (json, closed ? "closed" : "open");
      for (guint i = 0; i < periods->len; i++)
        {
          const LedgerPeriodState *p = g_ptr_array_index (periods, i);

          if (p->closed != closed)
            continue;
          cli_json_begin_object (json, NULL);
          cli_json_string (json, "period", p->period);
          cli_json_string (json, "first", p->first);
          cli_json_string (json, "last", p->last);
          if (p->closed)
            {
              cli_json_string (json, "closed_on", p->closed_on);
              cli_json_string (json, "closed_at", p->closed_at);
              cli_json_int (json, "entry", p->txn_id);
            }
          cli_json_string (json, "published_at", p->published_at != NULL ? p->published_at : "");
          cli_json_end_object (json);
        }
      cli_json_end_array (json);
    }
  cli_json_end_object (json);
  cli_json_print (json);
}

static void
print_periods (const GPtrArray *periods)
{
  if (periods->len == 0)
    printf ("%s\n", _("No notice has been published yet, and no period is closed."));
  for (guint i = 0; i < periods->len; i++)
    {
      const LedgerPeriodState *p = g_ptr_array_index (periods, i);

      if (p->closed)
        /* Translators: PERIOD  FIRST  LAST  closed on DATE (recorded TIME) */
        printf (_("%-8s %s %s  closed on %s (recorded %s)\n"), p->period, p->first, p->last,
                p->closed_on, p->closed_at);
      else
        /* Translators: PERIOD  FIRST  LAST  published TIME, still open */
        printf (_("%-8s %s %s  published %s, still open\n"), p->period, p->first, p->last,
                p->published_at != NULL ? p->published_at : "");
    }
}

static int
run_period_list (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("period list"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (periods = ledger_period_list (book, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_periods_json (periods);
  else
    print_periods (periods);
  return CLI_EXIT_OK;
}

const CliCommand cli_period_commands[] = {
  { "period close", "PERIOD",
    N_("Close a period whose notice was published: no entry may be dated in it afterwards"),
    run_period_close },
  { "period list", "[--json]", N_("List the closed periods and those published but still open"),
    run_period_list },
  { NULL, NULL, NULL, NULL }
};

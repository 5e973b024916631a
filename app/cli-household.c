/* cli-household.c — the commands that register and list households
 * (household add, edit, import, list) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_household_commands, name);
}

/* ------------------------------------------------------------------ */
/* household add / edit / import / list */

typedef struct
{
  char *owner;
  char *area;
  char *phone;
  char *owner_key;
  char *status;
  char *move_in;
  int   spaces;
} HouseholdOptions;

static void
household_options_clear (HouseholdOptions *o)
{
  g_free (o->owner);
  g_free (o->area);
  g_free (o->phone);
  g_free (o->owner_key);
  g_free (o->status);
  g_free (o->move_in);
}

/* Copies the options that were given onto @household. */
static gboolean
apply_household_options (const HouseholdOptions  *o,
                         LedgerHousehold         *household,
                         GError                 **error)
{
  if (o->owner != NULL)
    {
      g_free (household->owner);
      household->owner = g_strdup (o->owner);
    }
  if (o->area != NULL && !ledger_area_parse (o->area, "--area", &household->area, error))
    return FALSE;
  if (o->phone != NULL)
    {
      g_free (household->phone);
      household->phone = g_strdup (o->phone);
    }
  if (o->owner_key != NULL)
    {
      g_free (household->owner_key);
      household->owner_key = g_strdup (o->owner_key);
    }
  if (o->status != NULL && !ledger_occupancy_parse (o->status, "--status", &household->status, error))
    return FALSE;
  if (o->move_in != NULL)
    {
      g_free (household->move_in);
      household->move_in = g_strdup (o->move_in);
    }
  /* G_MININT means "not given"; anything else, negative included, is
   * checked by ledger_household_validate (). */
  if (o->spaces != G_MININT)
    household->spaces = o->spaces;
  return TRUE;
}

#define HOUSEHOLD_ENTRIES(o) \
  { "owner", 0, 0, G_OPTION_ARG_STRING, &(o).owner, N_("The owner's name"), N_("NAME") }, \
  { "area", 0, 0, G_OPTION_ARG_STRING, &(o).area, N_("Exclusive floor area in m² (two decimals)"), N_("M2") }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(o).phone, N_("The owner's phone number"), N_("PHONE") }, \
  { "spaces", 0, 0, G_OPTION_ARG_INT, &(o).spaces, N_("Parking spaces"), N_("N") }, \
  { "owner-key", 0, 0, G_OPTION_ARG_STRING, &(o).owner_key, N_("Groups the units of one owner (one head in votes)"), N_("KEY") }, \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(o).status, N_("occupied, rented or vacant"), N_("STATUS") }, \
  { "move-in", 0, 0, G_OPTION_ARG_STRING, &(o).move_in, N_("Move-in date"), N_("DATE") }

static int
run_household_add (CliGlobals *globals,
                   int         argc,
                   char      **argv)
{
  const CliCommand *command = lookup ("household add");
  HouseholdOptions o = { .spaces = G_MININT };
  const GOptionEntry entries[] = { HOUSEHOLD_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(LedgerHousehold) household = ledger_household_new ();
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 1, 1))
    status = CLI_EXIT_USAGE;
  else if (o.owner == NULL || o.area == NULL)
    status = cli_usage_error (command, _("--owner and --area are required"));
  else
    {
      household->unit = g_strdup (argv[1]);
      if (!apply_household_options (&o, household, &error) ||
          !ledger_household_validate (household, &error) ||
          (book = cli_open_book (globals, &error)) == NULL ||
          !ledger_household_add (book, household, &error))
        status = cli_report_error (error);
    }
  household_options_clear (&o);
  return status;
}

static int
run_household_edit (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  HouseholdOptions o = { .spaces = G_MININT };
  const GOptionEntry entries[] = { HOUSEHOLD_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (globals, lookup ("household edit"), entries, &argc, &argv, 1, 1))
    status = CLI_EXIT_USAGE;
  else if ((book = cli_open_book (globals, &error)) == NULL ||
           (household = ledger_household_lookup (book, argv[1], &error)) == NULL ||
           !apply_household_options (&o, household, &error) ||
           !ledger_household_update (book, household, &error))
    status = cli_report_error (error);
  household_options_clear (&o);
  return status;
}

static int
run_household_import (CliGlobals *globals,
                      int         argc,
                      char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (!cli_parse_options (globals, lookup ("household import"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (plan = ledger_import_read (book, argv[1], &error)) == NULL ||
      !ledger_import_households (book, plan, &count, &error))
    return cli_report_error (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u household (%s)\n",
                       "Imported %u households (%s)\n", count),
          count, plan->encoding);
  return CLI_EXIT_OK;
}

static void
print_households_json (GPtrArray *households)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "households");
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "unit", h->unit);
      cli_json_string (json, "owner", h->owner);
      cli_json_string (json, "owner_key", h->owner_key);
      cli_json_string (json, "phone", h->phone);
      cli_json_int (json, "area", h->area);
      cli_json_int (json, "spaces", h->spaces);
      cli_json_string (json, "status", ledger_occupancy_to_string (h->status));
      cli_json_string (json, "move_in", h->move_in);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "count", households->len);
  cli_json_end_object (json);
  cli_json_print (json);
}

static void
print_households_text (GPtrArray *households)
{
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);
      g_autofree char *area = ledger_area_format (h->area);

      printf ("%-10s %-8s %9s m²  %d  %-8s %s\n", h->unit, h->owner, area, h->spaces,
              ledger_occupancy_to_string (h->status), h->phone);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u household\n", "%u households\n", households->len),
          households->len);
}

static int
run_household_list (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) households = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("household list"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (households = ledger_household_list (book, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_households_json (households);
  else
    print_households_text (households);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_household_commands[] = {
  { "household add", "UNIT --owner NAME --area M2 [--phone P] [--spaces N] [--owner-key K]",
    N_("Register a household"), run_household_add },
  { "household edit", "UNIT [--owner NAME] [--area M2] [--phone P] …",
    N_("Change a household's details"), run_household_edit },
  { "household import", "FILE.csv", N_("Register households from a CSV file (all rows or none)"),
    run_household_import },
  { "household list", "[--json]", N_("List the households"), run_household_list },
  { NULL, NULL, NULL, NULL }
};

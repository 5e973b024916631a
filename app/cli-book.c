/* cli-book.c — the command that creates a book (init) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_book_commands, name);
}

/* ------------------------------------------------------------------ */

static int
run_init (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The community's name, as notices print it"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse_options (globals, lookup ("init"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if (name == NULL)
    return cli_usage_error (lookup ("init"), _("--name is required"));

  if (!cli_check_operator (globals, &error))
    return cli_report_error (error);
  dir = g_path_get_dirname (cli_book_path (globals));
  g_mkdir_with_parents (dir, 0755);
  book = ledger_community_create (cli_book_path (globals), name, globals->operator_name, &error);
  if (book == NULL)
    return cli_report_error (error);
  printf ("%s\n", ledger_book_get_display_path (book));
  cli_note_saved_book (book);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_book_commands[] = {
  { "init", "--name NAME", N_("Create a new book"), run_init },
  { NULL, NULL, NULL, NULL }
};

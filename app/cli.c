/* cli.c — dispatching the command line to the command groups' tables */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-common.h"
#include "cli.h"
#include "ledger.h"

/* Every command group's table, in the order --help lists them. */
static const CliCommand *const command_tables[] = {
  cli_book_commands, cli_household_commands, cli_household_show_commands, cli_fee_commands,
  cli_pay_commands, cli_opening_commands, cli_spend_commands, cli_money_commands, cli_advance_commands,
  cli_vote_commands, cli_report_commands, cli_verify_commands, cli_export_commands, cli_publish_commands,
  cli_period_commands,
};

static gboolean
command_matches (const CliCommand *command,
                 int               argc,
                 char            **argv,
                 int               first)
{
  g_auto(GStrv) words = g_strsplit (command->name, " ", -1);
  guint n = g_strv_length (words);

  if (first + (int) n > argc)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (argv[first + i], words[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Finds the command named by the words at argv[first…]. */
static const CliCommand *
find_command (int    argc,
              char **argv,
              int    first)
{

  for (gsize t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const CliCommand *c = command_tables[t]; c->name != NULL; c++)
      if (command_matches (c, argc, argv, first))
        return c;
  return NULL;
}

/* Whether a command group ("household", "report" …) has this first word. */
static gboolean
is_command_word (const char *word)
{
  gsize len = strlen (word);

  for (gsize t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const CliCommand *c = command_tables[t]; c->name != NULL; c++)
      if (strncmp (c->name, word, len) == 0 && (c->name[len] == '\0' || c->name[len] == ' '))
        return TRUE;
  return FALSE;
}

/* Index of the first argument that is not a global option, or -1. */
static int
first_command_word (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--book") == 0 || strcmp (argv[i], "--operator") == 0 ||
          strcmp (argv[i], "--corrects") == 0)
        i++;
      else if (g_str_has_prefix (argv[i], "--book=") || g_str_has_prefix (argv[i], "--operator=") ||
               g_str_has_prefix (argv[i], "--corrects="))
        continue;
      else
        return i;
    }
  return -1;
}

gboolean
cli_wants_command (int    argc,
                   char **argv)
{
  int first = first_command_word (argc, argv);

  if (first < 0)
    return FALSE;
  /* Anything but GApplication's own options is for the command line, so
   * that a typo gets a usage message rather than a window. */
  return !g_str_has_prefix (argv[first], "--gapplication");
}

static void
print_command_list (FILE *out)
{

  fprintf (out, _("Usage: community-ledger [--book FILE] [--operator NAME] COMMAND …\n"
                  "With no command, the window opens.\n\nCommands:\n"));
  for (gsize t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const CliCommand *c = command_tables[t]; c->name != NULL; c++)
      fprintf (out, "  %-18s %s\n", c->name, _(c->summary));
  fprintf (out, _("\n“community-ledger COMMAND --help” describes each command.\n"));
}

/* Moves the command words to the front (after argv[0]) so the command's
 * option parser sees "PROGRAM COMMAND-WORDS… ARGS" with globals anywhere. */
static char **
command_argv (int    argc,
              char **argv,
              int    first,
              int    n_words)
{
  GPtrArray *out = g_ptr_array_new ();

  g_ptr_array_add (out, argv[0]);
  /* Global options first: after a "--" everything is positional. */
  for (int i = 1; i < first; i++)
    g_ptr_array_add (out, argv[i]);
  for (int i = first + n_words; i < argc; i++)
    g_ptr_array_add (out, argv[i]);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static int
run_command_line (int    argc,
                  char **argv)
{
  CliGlobals globals = { NULL, NULL, NULL };
  const CliCommand *command;
  g_autofree char **args = NULL;
  int first = first_command_word (argc, argv);
  int n_words, status;

  if (first < 0 || strcmp (argv[first], "--help") == 0 || strcmp (argv[first], "-h") == 0 ||
      strcmp (argv[first], "help") == 0)
    {
      print_command_list (stdout);
      return CLI_EXIT_OK;
    }
  if (strcmp (argv[first], "--version") == 0)
    {
      printf ("community-ledger %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }

  command = find_command (argc, argv, first);
  if (command == NULL)
    {
      g_autofree char *quoted = ledger_text_quote (argv[first]);

      fprintf (stderr, is_command_word (argv[first])
                         ? _("community-ledger: “%s” needs a subcommand\n")
                         : _("community-ledger: unknown command “%s”\n"), quoted);
      print_command_list (stderr);
      return CLI_EXIT_USAGE;
    }

  /* The command sees argv = PROGRAM ARGS…, the global options included. */
  n_words = 1;
  for (const char *p = command->name; *p != '\0'; p++)
    n_words += *p == ' ';
  args = command_argv (argc, argv, first, n_words);
  status = command->run (&globals, (int) g_strv_length (args), args);
  g_free (globals.book_path);
  g_free (globals.operator_name);
  g_free (globals.corrects);
  return status;
}

static gboolean stdout_checked;

/* GOption prints --help and calls exit(0) itself: the same check then. */
static void
check_stdout_at_exit (void)
{
  int status;

  if (stdout_checked)
    return;
  stdout_checked = TRUE;
  status = cli_check_stdout (CLI_EXIT_OK);
  if (status != CLI_EXIT_OK)
    _exit (status);
}

int
cli_run (int    argc,
         char **argv)
{
  int status;

  atexit (check_stdout_at_exit);
  /* A closed pipe must not kill the process between saving a payment and
   * saying its receipt number: the write fails with EPIPE instead, and
   * cli_check_stdout() reports it. */
  signal (SIGPIPE, SIG_IGN);
  status = run_command_line (argc, argv);
  stdout_checked = TRUE;
  status = cli_check_stdout (status);
  cli_forget_saved ();
  return status;
}

/* cli-common.c — what every command of the command line shares: the
 * global options and their checks, opening the book, the messages for
 * errors and bad usage, and what a command saved (for the message when
 * its result cannot be written) */
#define G_LOG_DOMAIN "community-ledger"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli-common.h"
#include "ledger.h"

/* What the running command saved (cli_note_saved), for the message when
 * its result cannot be written. One command runs per process. */
static GString *saved_what;
/* The book a command changed (LedgerBook::changed after a COMMIT), named
 * when nothing more precise was noted: every command that writes to the
 * book is covered, whether or not it calls cli_note_saved(). */
static char *changed_book;

void
cli_note_saved (const char *what)
{
  if (saved_what == NULL)
    saved_what = g_string_new (what);
  else
    g_string_append_printf (saved_what, ", %s", what);
}

/* Flushes standard output and, when the command's result could not be
 * written (a full disk, a closed pipe, /dev/full), says so on stderr, with
 * what was saved all the same, and turns a success into exit status 1: a
 * receipt number nobody saw must not look like a success. One check here
 * covers every command, however it printed. */
int
cli_check_stdout (int status)
{
  int saved;

  if (fflush (stdout) == 0 && !ferror (stdout))
    return status;
  saved = errno;
  /* A reader that went away (`report … | head -1`) needs no message;
   * what a write saved is told all the same. */
  if (saved_what == NULL && changed_book != NULL && status == CLI_EXIT_OK)
    {
      /* Translators: what a command saved when its result could not be shown */
      g_autofree char *what = g_strdup_printf (_("the changes to the book %s"), changed_book);

      cli_note_saved (what);
    }
  if (saved == EPIPE && saved_what == NULL)
    return status == CLI_EXIT_OK ? CLI_EXIT_FAILURE : status;
  if (saved_what != NULL)
    fprintf (stderr, _("community-ledger: the result could not be written to standard output (%s); "
                       "it was saved all the same: %s\n"),
             g_strerror (saved), saved_what->str);
  else
    fprintf (stderr, _("community-ledger: the result could not be written to standard output (%s)\n"),
             g_strerror (saved));
  return status == CLI_EXIT_OK ? CLI_EXIT_FAILURE : status;
}

const CliCommand *
cli_command_lookup (const CliCommand *table,
                    const char       *name)
{
  for (const CliCommand *c = table; c->name != NULL; c++)
    if (g_strcmp0 (c->name, name) == 0)
      return c;
  g_return_val_if_reached (NULL);
}

const char *
cli_book_path (CliGlobals *globals)
{
  const char *env = g_getenv ("COMMUNITY_LEDGER_BOOK");

  if (globals->book_path == NULL)
    globals->book_path = env != NULL && *env != '\0'
                           ? g_strdup (env)
                           : g_build_filename (g_get_user_data_dir (), "community-ledger",
                                               "book.clbook", NULL);
  return globals->book_path;
}

static GOptionEntry *
global_entries (CliGlobals *globals)
{
  GOptionEntry entries[] = {
    { "book", 0, 0, G_OPTION_ARG_FILENAME, &globals->book_path,
      N_("The book to use (default: $COMMUNITY_LEDGER_BOOK or the one in your data folder)"), N_("FILE") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &globals->operator_name,
      N_("The committee member recording the entries"), N_("NAME") },
    { "corrects", 0, 0, G_OPTION_ARG_STRING, &globals->corrects,
      N_("Mark what this command writes as a correction of a closed period"), N_("PERIOD") },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

/* GLib's own messages for a bad option value are "Cannot parse integer
 * value “…” for --x" (echoing the value, however long, control characters
 * and all) and, for text that is not UTF-8, "Invalid byte sequence in
 * conversion input" without the option's name. So the values of text and
 * number options are checked here first, with the parsers' message shape. */
static const GOptionEntry *
find_long_option (const GOptionEntry *const *tables,
                  const char                *name,
                  gsize                      name_len)
{
  for (gsize t = 0; tables[t] != NULL; t++)
    for (const GOptionEntry *entry = tables[t]; entry->long_name != NULL; entry++)
      if (strlen (entry->long_name) == name_len && strncmp (entry->long_name, name, name_len) == 0)
        return entry;
  return NULL;
}

static gboolean
check_option_value (const GOptionEntry  *entry,
                    const char          *value,
                    GError             **error)
{
  g_autofree char *field = g_strconcat ("--", entry->long_name, NULL);
  gint64 number;

  switch (entry->arg)
    {
    case G_OPTION_ARG_STRING:
    case G_OPTION_ARG_STRING_ARRAY:
      if (!g_utf8_validate (value, -1, NULL))
        return ledger_text_set_invalid_input (error, field, value, _("not valid UTF-8 text"));
      return TRUE;
    case G_OPTION_ARG_INT:
    case G_OPTION_ARG_INT64:
      if (!g_ascii_string_to_signed (value, 10,
                                     entry->arg == G_OPTION_ARG_INT ? G_MININT32 : G_MININT64,
                                     entry->arg == G_OPTION_ARG_INT ? G_MAXINT32 : G_MAXINT64,
                                     &number, NULL))
        return ledger_text_set_invalid_input (error, field, value, _("expected a whole number"));
      return TRUE;
    default:
      return TRUE;
    }
}

/* "-5", "-¥5", "－５": a negative number where an argument goes. GOption
 * would take it for short options ("Unknown option -5"), which names no
 * field; every amount, year, count or number the command line reads is
 * more than zero (money goes back by a void, a refund or a transfer the
 * other way), so it is refused as the amount parser refuses one: one line
 * naming the argument. */
static gboolean
is_negative_number (const char *arg)
{
  const char *rest = NULL;

  if (g_str_has_prefix (arg, "-"))
    rest = arg + 1;
  else if (g_str_has_prefix (arg, "－"))
    rest = arg + strlen ("－");
  return rest != NULL && (g_ascii_isdigit (*rest) || g_str_has_prefix (rest, "¥") || g_str_has_prefix (rest, "￥") ||
                          g_unichar_isdigit (g_utf8_get_char_validated (rest, -1)));
}

/* The name @params gives the @n-th positional argument ("AMOUNT" of
 * "UNIT AMOUNT [--date DATE]" for 1), or NULL. */
static char *
positional_name (const char *params,
                 int         n)
{
  g_auto(GStrv) words = g_strsplit (params != NULL ? params : "", " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      if (w[0] == '\0' || w[0] == '[' || w[0] == '-' || !g_ascii_isupper (w[0]))
        continue;
      if (n-- == 0)
        return g_strdup (w);
    }
  return NULL;
}

/* One pass over the arguments before GOption sees them (up to "--", after
 * which values are the command's): each option's value checked with the
 * parsers' message shape, and a negative number where a positional
 * argument goes refused, naming that argument. */
static gboolean
check_arguments (const CliCommand          *command,
                 const GOptionEntry *const *tables,
                 int                        argc,
                 char                     **argv,
                 GError                   **error)
{
  int positional = 0;

  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    {
      const char *name, *equals;
      const GOptionEntry *entry;

      if (!g_str_has_prefix (argv[i], "--"))
        {
          g_autofree char *field = NULL;
          gint64 fen = 0;

          if (!is_negative_number (argv[i]))
            {
              positional += argv[i][0] != '-';
              continue;
            }
          field = positional_name (command->params, positional);
          if (!ledger_money_parse (argv[i], field != NULL ? field : _("amount"), LEDGER_MONEY_POSITIVE, &fen, error))
            return FALSE;
          continue;
        }
      name = argv[i] + 2;
      equals = strchr (name, '=');
      entry = find_long_option (tables, name, equals != NULL ? (gsize) (equals - name) : strlen (name));
      if (entry == NULL || entry->arg == G_OPTION_ARG_NONE)
        continue;
      if (equals != NULL)
        {
          if (!check_option_value (entry, equals + 1, error))
            return FALSE;
        }
      else if (i + 1 < argc)
        {
          if (!check_option_value (entry, argv[++i], error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
cli_parse_options (CliGlobals         *globals,
                   const CliCommand   *command,
                   const GOptionEntry *entries,
                   int                *argc,
                   char             ***argv,
                   int                 min_args,
                   int                 max_args)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command->name, command->params);
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autofree GOptionEntry *globals_entries = global_entries (globals);
  g_autoptr(GError) error = NULL;
  int positional;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, globals_entries, GETTEXT_PACKAGE);

  const GOptionEntry *tables[] = { entries != NULL ? entries : globals_entries, globals_entries, NULL };

  if (!check_arguments (command, tables, *argc, *argv, &error) ||
      !g_option_context_parse (context, argc, argv, &error))
    {
      if (ledger_error_get_field (error) != NULL)
        cli_report_error (error);
      else
        cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  /* argv now holds the program and the positional arguments, and "--"
   * if the user wrote one to pass a value starting with a dash. */
  for (int i = 1; i < *argc; i++)
    if (g_strcmp0 ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], sizeof (char *) * (size_t) (*argc - i));
        (*argc)--;
        break;
      }
  positional = *argc - 1;
  if (positional < min_args || positional > max_args)
    {
      cli_usage_error (command, _("expected %s"), command->params);
      return FALSE;
    }
  if (!ledger_paths_check_book_choice (globals->book_path, &error))
    {
      cli_report_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_check_operator (CliGlobals  *globals,
                    GError     **error)
{
  const char *from_env = g_getenv ("COMMUNITY_LEDGER_OPERATOR");

  /* The name goes into every journal entry: the same rules as any name,
   * wherever it came from (ledger_community_open() takes the variable's). */
  if (globals->operator_name != NULL)
    return ledger_text_check (globals->operator_name, "--operator", LEDGER_OPERATOR_MAX_CHARS,
                              TRUE, error);
  return from_env == NULL || *from_env == '\0' ||
         ledger_text_check (from_env, "COMMUNITY_LEDGER_OPERATOR", LEDGER_OPERATOR_MAX_CHARS,
                            TRUE, error);
}

static void
note_book_changed (LedgerBook *book)
{
  if (changed_book == NULL)
    changed_book = g_strdup (ledger_book_get_display_path (book));
}

static LedgerBook *
open_book (CliGlobals           *globals,
           LedgerBookOpenFlags   flags,
           GError              **error)
{
  LedgerBook *book;
  LedgerPeriod corrects;

  /* --corrects is read before the book is opened: a period that cannot
   * be read is bad usage whatever the command (whether it is closed is
   * for the journal to say, when the command writes). */
  if (!cli_check_operator (globals, error) ||
      (globals->corrects != NULL && !ledger_period_parse (globals->corrects, "--corrects", &corrects, error)))
    return NULL;
  book = ledger_community_open (cli_book_path (globals), flags, error);

  if (book != NULL)
    g_signal_connect (book, "changed", G_CALLBACK (note_book_changed), NULL);
  if (book != NULL && globals->operator_name != NULL)
    ledger_book_set_operator (book, globals->operator_name);
  if (book != NULL && globals->corrects != NULL)
    ledger_book_set_correcting (book, corrects.name);
  return book;
}

/* PRAGMA quick_check reads every page of the book: 28,700 pages and about
 * 200 ms of a 250 ms payment on ten years of 5,000 households, a cost
 * that grew with the book. A command opens the book without it: a damaged
 * page that a command reads still fails with "the book is damaged", and a
 * write that meets one is rolled back with nothing changed. The whole
 * check runs where the whole book is read anyway: verify and backup here
 * (cli_open_book_checked()), the window behind its first screen, and
 * integrity_check on every backup copy and before a restore
 * (ledger-backup.c). */
LedgerBook *
cli_open_book (CliGlobals  *globals,
               GError     **error)
{
  return open_book (globals, LEDGER_BOOK_OPEN_NO_CHECK, error);
}

LedgerBook *
cli_open_book_to_read (CliGlobals  *globals,
                       GError     **error)
{
  return cli_open_book (globals, error);
}

LedgerBook *
cli_open_book_checked (CliGlobals  *globals,
                       GError     **error)
{
  return open_book (globals, LEDGER_BOOK_OPEN_DEFAULT, error);
}

void
cli_note_saved_book (LedgerBook *book)
{
  /* Translators: what a command saved when its result could not be shown */
  g_autofree char *what = g_strdup_printf (_("the book %s"), ledger_book_get_display_path (book));

  cli_note_saved (what);
}

void
cli_print_path (const char *path)
{
  g_autofree char *shown = ledger_quote_controls (path);
  g_autofree char *quoted = ledger_quote_path (path);
  /* Translators: what a command saved when its result could not be shown */
  g_autofree char *what = g_strdup_printf (_("the file %s"), quoted);

  printf ("%s\n", shown);
  cli_note_saved (what);
}

int
cli_report_error (const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  /* A message is built from one translated line per problem; a name in
   * it is quoted where it is put in, and anything that slipped through
   * unquoted still cannot act on the terminal. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        g_autofree char *safe = ledger_quote_controls (lines[i]);

        fprintf (stderr, "community-ledger: %s\n", safe);
      }

  if (ledger_error_is_usage (error))
    return CLI_EXIT_USAGE;
  if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY))
    return CLI_EXIT_DIFFERENCE;
  return CLI_EXIT_FAILURE;
}

int
cli_usage_error (const CliCommand *command,
                 const char       *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line, however the message came: GOption's own messages echo
   * what the user typed. */
  safe = ledger_quote_controls (message);
  fprintf (stderr, "community-ledger %s: %s\n", command->name, safe);
  fprintf (stderr, _("Try “community-ledger %s --help”.\n"), command->name);
  return CLI_EXIT_USAGE;
}

/* A usage error about one value: the same message shape as the parsers'
 * (FIELD “VALUE”: REASON, the value made safe to print), then the hint. */
int
cli_usage_invalid (const CliCommand *command,
                   const char       *field,
                   const char       *text,
                   const char       *reason)
{
  g_autoptr(GError) error = NULL;

  ledger_text_set_invalid_input (&error, field, text, reason);
  return cli_usage_error (command, "%s", error->message);
}

void
cli_forget_saved (void)
{
  if (saved_what != NULL)
    g_string_free (g_steal_pointer (&saved_what), TRUE);
  g_clear_pointer (&changed_book, g_free);
}

int
cli_display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

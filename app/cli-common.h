/* cli-common.h — what the command groups (cli-*.c) share: the command
 * table's shape, the global options, opening the book, the error and
 * usage messages. cli.c dispatches to the groups; they never call it. */
#pragma once

#include <glib.h>

#include "ledger.h"

G_BEGIN_DECLS

/* The exit statuses (cli.h says what each means). */
enum
{
  CLI_EXIT_OK = 0,
  CLI_EXIT_FAILURE = 1,
  CLI_EXIT_USAGE = 2,
  CLI_EXIT_DIFFERENCE = 3,
};

/* Options every command accepts, before or after the command word. */
typedef struct
{
  char *book_path;
  char *operator_name;
  char *corrects;      /* --corrects PERIOD: the entries written correct it */
} CliGlobals;

typedef int (*CliRunFunc) (CliGlobals *globals,
                           int         argc,
                           char      **argv);

typedef struct
{
  const char *name;      /* "household add" */
  const char *params;    /* "UNIT --owner NAME --area M2" */
  const char *summary;   /* one line, translatable */
  CliRunFunc  run;
} CliCommand;

/* The entry of @table named @name; a programming error when missing. */
const CliCommand *cli_command_lookup (const CliCommand *table,
                                      const char       *name);

/* The book the user means: --book, else $COMMUNITY_LEDGER_BOOK, else the
 * default in the user's data directory. */
const char *cli_book_path (CliGlobals *globals);

/**
 * cli_parse_options:
 * Parses a command's options (plus the global ones) in place and checks it
 * got between @min_args and @max_args positional arguments (argv[0] is
 * the command). On bad usage prints one line and returns FALSE.
 */
gboolean cli_parse_options (CliGlobals         *globals,
                            const CliCommand   *command,
                            const GOptionEntry *entries,
                            int                *argc,
                            char             ***argv,
                            int                 min_args,
                            int                 max_args);

/* Refuses an --operator name that is empty, too long or has control characters. */
gboolean cli_check_operator (CliGlobals  *globals,
                             GError     **error);

/* Opens the book for the command (refusing a missing one with a hint),
 * without PRAGMA quick_check: a write's cost must not grow with the book. */
LedgerBook *cli_open_book (CliGlobals  *globals,
                           GError     **error);

/* The same, named for a command that only reads. */
LedgerBook *cli_open_book_to_read (CliGlobals  *globals,
                                   GError     **error);

/* The same after PRAGMA quick_check over the whole file, for the commands
 * that read all of it anyway (verify, backup): a damaged book is refused
 * with LEDGER_ERROR_CORRUPT. */
LedgerBook *cli_open_book_checked (CliGlobals  *globals,
                                   GError     **error);

/**
 * cli_note_saved:
 * @what: what the command saved, as the user needs to find it again
 *   ("receipt 2026-000123"), already translated
 *
 * Remembered for the message cli_run() prints when the command's output
 * could not be written (standard output on a full disk, a closed pipe): the
 * write is in the book all the same, and the user must learn its number.
 */
void cli_note_saved (const char *what);
/* Notes "the book FILE" as saved (init, demo: a new book). */
void cli_note_saved_book (LedgerBook *book);

/* Prints @path on a line of its own on standard output, as the result of
 * a command that wrote it: whole (a script may use it), with control
 * characters and bytes that are not UTF-8 escaped (ledger_quote_controls()),
 * so a file name cannot split the line or reach the terminal as a command. */
void cli_print_path (const char *path);

/* Prints @error as one line per problem on stderr and returns the exit status. */
int cli_report_error (const GError *error);

/* Prints a usage problem for @command and returns CLI_EXIT_USAGE. */
int cli_usage_error (const CliCommand *command,
                     const char       *format,
                     ...) G_GNUC_PRINTF (2, 3);

/* Prints "FIELD “VALUE”: REASON" (the value made safe to print) as a usage
 * problem for @command and returns CLI_EXIT_USAGE. */
int cli_usage_invalid (const CliCommand *command,
                       const char       *field,
                       const char       *text,
                       const char       *reason);

/* Each command group's table (cli.c keeps them in the order
 * `community-ledger --help` lists them). */
extern const CliCommand cli_book_commands[];
extern const CliCommand cli_household_commands[];
extern const CliCommand cli_household_show_commands[];
extern const CliCommand cli_fee_commands[];
extern const CliCommand cli_pay_commands[];
extern const CliCommand cli_opening_commands[];
extern const CliCommand cli_spend_commands[];
extern const CliCommand cli_money_commands[];
extern const CliCommand cli_advance_commands[];
extern const CliCommand cli_report_commands[];
extern const CliCommand cli_vote_commands[];
extern const CliCommand cli_verify_commands[];
extern const CliCommand cli_export_commands[];
extern const CliCommand cli_publish_commands[];
extern const CliCommand cli_period_commands[];

/* Flushes standard output; when the command's result could not be
 * written, says so on stderr with what was saved (cli_note_saved()) and
 * turns a success into CLI_EXIT_FAILURE. Returns the exit status. */
int cli_check_stdout (int status);
/* Forgets what cli_note_saved() and the book's changes noted. */
void cli_forget_saved (void);

/* The columns @text takes in a terminal: CJK characters take two. */
int cli_display_width (const char *text);

G_END_DECLS

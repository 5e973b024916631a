/* ledger-quote.h — file names and other user-supplied text, fit to print
 *
 * A message is one line on a terminal. A file name may hold a newline, an
 * escape sequence that recolours the terminal, bytes that are not UTF-8 or
 * a bidi control that makes it read backwards: printed raw, any of these
 * splits, hides or disguises the message.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A quoted name longer than this many characters keeps its first
 * LEDGER_QUOTE_PATH_HEAD and last LEDGER_QUOTE_PATH_TAIL characters with
 * "…" between: the end of a path (the file's own name) is the useful part,
 * the start says where it is. */
#define LEDGER_QUOTE_PATH_MAX_CHARS 160
#define LEDGER_QUOTE_PATH_HEAD      50
#define LEDGER_QUOTE_PATH_TAIL      100

/**
 * ledger_quote_path:
 * @path: (nullable): a file name (any bytes) or other text from the user
 *
 * Returns the text to show between quotes in a one-line message: every
 * character is kept readable but nothing can act on the terminal. Control
 * characters become C escapes (`\n`, `\r`, `\t`, `\e`, `\x01`), bytes that
 * are not UTF-8 become `\xNN`, bidi and zero-width controls and the line and
 * paragraph separators become `\u202E`-style escapes, and a backslash is
 * written twice so that the escapes cannot be confused with the name. A very long
 * name keeps its start and its end (see LEDGER_QUOTE_PATH_MAX_CHARS).
 * NULL gives "".
 *
 * Returns: (transfer full): valid UTF-8 without any control character
 */
char *ledger_quote_path (const char *path);

/**
 * ledger_quote_controls:
 * @text: (nullable): a line about to be printed
 *
 * The last line of defence of the command line's messages: the same
 * escapes as ledger_quote_path() for control characters, invisible
 * controls and bytes that are not UTF-8, but backslashes are kept (a
 * message may already hold escaped names) and nothing is cut.
 *
 * Returns: (transfer full): @text, safe to print on a terminal
 */
char *ledger_quote_controls (const char *text);

G_END_DECLS

/* ledger-book-file-private.h — why a file cannot be opened as a book
 *
 * SQLite says "file is not a database" or "database disk image is
 * malformed" whatever the cause. Before and after it tries, these look at
 * the file itself so that the message names the real cause: no file, a
 * folder, an empty file, a book cut short (a copy that stopped, a full
 * USB stick), damaged pages, or a file that is not a database at all.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Refuses, with the real cause, a @path that cannot be a book whatever
 * its bytes: missing, unreachable, a folder, not a regular file, empty. */
gboolean ledger_book_file_check (const char  *path,
                                 GError     **error);

/* Sets @error for a book SQLite could not read (@sqlite_message says how):
 * LEDGER_ERROR_CORRUPT when the file starts as an SQLite database (cut
 * short or damaged, and how), LEDGER_ERROR_FOREIGN_FILE when it is not a
 * database. Always returns FALSE. */
gboolean ledger_book_file_explain (const char  *path,
                                   const char  *sqlite_message,
                                   GError     **error);

/* TRUE when the file at @path is shorter than its SQLite header says
 * (pages are missing from its end), setting @error with the sizes. */
gboolean ledger_book_file_is_cut_short (const char  *path,
                                        GError     **error);

G_END_DECLS

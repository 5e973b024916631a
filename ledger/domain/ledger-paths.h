/* ledger-paths.h — the files no output may be written over
 *
 * An output path a user names (a workbook, a notice, a receipt, a backup)
 * must never be the open book, one of SQLite's files beside it
 * (BOOK-journal, BOOK-wal, BOOK-shm), a file in its backups folder
 * (BOOK.backups/) or an automatic backup (with its SQLite files) in the
 * configured one, a file of its attachment store (BOOK.files/), the name
 * of one of those folders (also before it exists), an existing file that
 * is not a regular file (a folder, a pipe, a socket, a device), or
 * another output of the same command. The book's folders are those
 * beside its real file (links followed) and beside any hard link to it
 * (known by the book's device and inode). Files are compared by device and inode when they exist, and by
 * their folder's device and inode and their name when they do not yet, so
 * symbolic links (dangling ones too), "..", "//" and hard links are all
 * seen through.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_book_check_outputs:
 * @book: the open book the command works on
 * @n: how many outputs
 * @fields: (array length=n): the option of each output
 * @paths: (array length=n): each output path; a NULL one (an option not
 *   given) is skipped
 * @error: return location for an error
 *
 * Refuses an output path that is one of the protected files above or
 * another output of the same command, for all the outputs of one command.
 *
 * Returns: TRUE when every path may be written; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT for the first that may not
 */
gboolean ledger_book_check_outputs (LedgerBook         *book,
                                    gsize               n,
                                    const char *const  *fields,
                                    const char *const  *paths,
                                    GError            **error);

/**
 * ledger_paths_check_book_choice:
 * @book_option: (nullable): the value of --book, NULL when not given
 * @error: return location for an error
 *
 * Refuses an empty --book or an empty $COMMUNITY_LEDGER_BOOK: either
 * would open a temporary database.
 *
 * Returns: TRUE when the choice is usable; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT
 */
gboolean ledger_paths_check_book_choice (const char  *book_option,
                                         GError     **error);

G_END_DECLS

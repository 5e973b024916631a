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

typedef struct _LedgerPathGuard LedgerPathGuard;

/**
 * ledger_path_guard_new:
 * @book: the open book the command works on
 *
 * Returns: (transfer full): a guard for the outputs of one command on
 *   @book; free with ledger_path_guard_free()
 */
LedgerPathGuard *ledger_path_guard_new (LedgerBook *book);

/**
 * ledger_path_guard_check:
 * @guard: the command's guard
 * @field: the option the path came from ("--out"), for the message
 * @path: the output path the user named
 * @error: return location for an error
 *
 * Refuses @path when it is one of the protected files or an output
 * already accepted by this guard; otherwise remembers it as an output of
 * this command.
 *
 * Returns: TRUE when @path may be written; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field and the file it would
 *   overwrite
 */
gboolean ledger_path_guard_check (LedgerPathGuard  *guard,
                                  const char       *field,
                                  const char       *path,
                                  GError          **error);

/**
 * ledger_path_guard_free:
 * @guard: (nullable) (transfer full): a guard
 *
 * Frees @guard.
 */
void ledger_path_guard_free (LedgerPathGuard *guard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPathGuard, ledger_path_guard_free)

/**
 * ledger_book_check_outputs:
 * @book: the open book the command works on
 * @n: how many outputs
 * @fields: (array length=n): the option of each output
 * @paths: (array length=n): each output path; a NULL one (an option not
 *   given) is skipped
 * @error: return location for an error
 *
 * The checks of ledger_path_guard_check() for all the outputs of one
 * command.
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
 * ledger_path_is_book_file:
 * @book_path: the book's path
 * @path: any path
 *
 * Whether @path names the book at @book_path or one of its SQLite files
 * (-journal, -wal, -shm), by any name: a restore must not read the book
 * it replaces.
 *
 * Returns: TRUE when it does
 */
gboolean ledger_path_is_book_file (const char *book_path,
                                   const char *path);



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

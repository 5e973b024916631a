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

/* A guard for the outputs of one command on @book. */
LedgerPathGuard *ledger_path_guard_new (LedgerBook *book);

/* Refuses @path (LEDGER_ERROR_INVALID_INPUT, the message naming @field
 * and the file it would overwrite) when it is one of the protected files
 * or an output already accepted by this guard; otherwise remembers it as
 * an output of this command. */
gboolean ledger_path_guard_check (LedgerPathGuard  *guard,
                                  const char       *field,
                                  const char       *path,
                                  GError          **error);

void ledger_path_guard_free (LedgerPathGuard *guard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPathGuard, ledger_path_guard_free)

/* The checks of ledger_path_guard_check() for the outputs of one command:
 * @fields and @paths hold @n entries; a NULL path (an option not given)
 * is skipped. */
gboolean ledger_book_check_outputs (LedgerBook         *book,
                                    gsize               n,
                                    const char *const  *fields,
                                    const char *const  *paths,
                                    GError            **error);

/* TRUE when @path names the book at @book_path or one of its SQLite
 * files (-journal, -wal, -shm), by any name: a restore must not read the
 * book it replaces. */
gboolean ledger_path_is_book_file (const char *book_path,
                                   const char *path);



/* Refuses an empty --book (@book_option, NULL when not given) or an empty
 * $COMMUNITY_LEDGER_BOOK: either would open a temporary database. */
gboolean ledger_paths_check_book_choice (const char  *book_option,
                                         GError     **error);

G_END_DECLS

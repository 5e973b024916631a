/* ledger-paths-private.h — what other ledger modules ask about paths
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-paths.h"

G_BEGIN_DECLS

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

G_END_DECLS

/* ledger-file-names-private.h — where a book's files are */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @path with its last component followed while it is a symbolic link
 * (dangling ones included): the file a writer would create or replace,
 * the book's real file. Relative links stay relative to their folder. */
char *ledger_path_follow_links (const char *path);

/* The folder of automatic backups: BOOK.backups/ (beside the real file
 * when @book_path is what ledger_path_follow_links() gave). */
char *ledger_backup_dir (const char *book_path);

G_END_DECLS

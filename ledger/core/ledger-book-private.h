/* ledger-book-private.h — what ledger modules share about the book
 *
 * Only files in ledger/ include this: the rest of the program sees the
 * book through the functions of the public headers. The SQL helpers
 * here forward to the book's LedgerSql (ledger-sql-private.h), which
 * also declares ledger_bind_text() and ledger_column_dup().
 */
#pragma once

#include <sqlite3.h>

#include "ledger-book.h"
#include "ledger-sql-private.h"

G_BEGIN_DECLS

/**
 * LedgerBookUpgradeFunc:
 * @book: the book about to be upgraded, open with write access
 * @error: return location for the reason the upgrade must not go ahead
 *
 * Run by ledger_book_open() before an older book is upgraded, outside
 * any transaction: the place for a copy of the book as it was.
 *
 * Returns: TRUE to go ahead; FALSE (with @error set) leaves the book as
 * it was and the opening fails.
 */
typedef gboolean (*LedgerBookUpgradeFunc) (LedgerBook  *book,
                                           GError     **error);

/**
 * ledger_book_create:
 * @path: where the new book goes; the file must not exist
 * @name: the community's name, shown on every notice (at most 100 characters)
 * @operator_name: (nullable): who is at the desk, recorded with each entry
 * @populate: (nullable): what the new book starts with (its journal's
 *   first entries), run in the same transaction after the schema and name
 * @populate_data: passed to @populate
 * @error: return location for an error
 *
 * Creates a new book: the schema and the community's name, then whatever
 * @populate adds, all in one transaction. The file is created
 * with O_EXCL; on any failure it is removed again (while it is still the
 * file created here) and nothing is left behind. Most callers want
 * ledger_community_create(), which journals the community's first entry
 * and the default fee items.
 *
 * Returns: (transfer full): the open book, or NULL with @error set:
 * LEDGER_ERROR_INVALID_INPUT for a bad name (naming "--name"),
 * LEDGER_ERROR_CONFLICT when the file exists, LEDGER_ERROR_IO when it
 * cannot be created or written, whatever @populate sets, or a storage or
 * journal error (ledger-error.h).
 */
LedgerBook *ledger_book_create (const char       *path,
                                const char       *name,
                                const char       *operator_name,
                                LedgerWriteFunc   populate,
                                gpointer          populate_data,
                                GError          **error);

/**
 * ledger_book_new_scratch:
 * @operator_name: who the entries are recorded by, unless they say
 * @error: return location for an error
 *
 * An empty book in memory, with the schema and no entry: what verify
 * replays the journal into (ledger-replay.c). It keeps no fingerprint
 * tree and has no file, folders or backups.
 *
 * Returns: (transfer full): the book, or NULL with a storage error
 */
LedgerBook *ledger_book_new_scratch (const char  *operator_name,
                                     GError     **error);

/* Whether @self is a ledger_book_new_scratch() book. */
gboolean ledger_book_is_scratch (LedgerBook *self);

/**
 * ledger_book_open:
 * @path: the book's file (a symbolic link is followed to its real file)
 * @flags: how to open it
 * @before_upgrade: (nullable): run before an older book is upgraded; NULL
 *   upgrades without a copy (only for books just copied or restored)
 * @error: return location for an error
 *
 * Opens an existing book. A file that is not a book, a book from a newer
 * version of the program or a damaged book is refused with a clear error.
 * An older book is, after @before_upgrade, migrated in one transaction
 * (unless @flags has LEDGER_BOOK_OPEN_AS_IS). Most callers want
 * ledger_community_open(), which backs the book up before an upgrade.
 *
 * Returns: (transfer full): the open book, or NULL with @error set:
 * LEDGER_ERROR_INVALID_INPUT for an empty @path, LEDGER_ERROR_IO for a
 * missing or unreadable file or a folder, LEDGER_ERROR_FOREIGN_FILE for a
 * file that is not a Community Ledger book, LEDGER_ERROR_NEWER_VERSION,
 * LEDGER_ERROR_CORRUPT for a book cut short or damaged (the message says
 * how), whatever @before_upgrade sets, or a storage error.
 */
LedgerBook *ledger_book_open (const char             *path,
                              LedgerBookOpenFlags     flags,
                              LedgerBookUpgradeFunc   before_upgrade,
                              GError                **error);

/**
 * ledger_book_get_real_path:
 * @self: an open book
 *
 * The book's path with its symbolic links followed (resolved once, when
 * the book is opened): BOOK.files/ and BOOK.backups/ are beside this
 * file, whatever name the book was opened by.
 *
 * Returns: (transfer none): the real path
 */
const char *ledger_book_get_real_path (LedgerBook *self);

sqlite3 *ledger_book_get_db (LedgerBook *self);

/* A prepared statement for @sql, cached for the life of the book and
 * reset with its bindings cleared: callers must not finalize it. */
sqlite3_stmt *ledger_book_prepare (LedgerBook  *self,
                                   const char  *sql,
                                   GError     **error);

/* Runs SQL without results. */
gboolean ledger_book_exec (LedgerBook  *self,
                           const char  *sql,
                           GError     **error);

/* Turns the connection's last SQLite error into a GError. @doing names
 * the operation ("reading receipts"): mark the literal with N_(), it is
 * translated with the message (tests/po/test_translations.py checks). */
void ledger_book_set_sqlite_error (LedgerBook  *self,
                                   GError     **error,
                                   const char  *doing);

/* Runs a prepared statement that returns no rows (and resets it). */
gboolean ledger_book_step_done (LedgerBook    *self,
                                sqlite3_stmt  *stmt,
                                GError       **error);

/* Runs a statement returning one integer (or @fallback for no row/NULL). */
gboolean ledger_book_query_int64 (LedgerBook    *self,
                                  sqlite3_stmt  *stmt,
                                  gint64         fallback,
                                  gint64        *out_value,
                                  GError       **error);

/**
 * ledger_book_finish_rows:
 * @self: the book @stmt belongs to
 * @stmt: the statement of the row loop
 * @rc: what the loop's last sqlite3_step() returned
 * @doing: the operation for the message, an N_()-marked literal
 * @error: return location for an error
 *
 * The end of every row loop:
 *
 *   while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
 *     g_ptr_array_add (list, thing_from_row (stmt));
 *   if (!ledger_book_finish_rows (book, stmt, rc, N_("reading things"), error))
 *     return NULL;
 *
 * Returns: TRUE when the loop ran to SQLITE_DONE; otherwise FALSE with
 * @error set by ledger_book_set_sqlite_error(). @stmt is reset either way.
 */
gboolean ledger_book_finish_rows (LedgerBook    *self,
                                  sqlite3_stmt  *stmt,
                                  int            rc,
                                  const char    *doing,
                                  GError       **error);

/**
 * ledger_book_finish_row:
 * @self: the book @stmt belongs to
 * @stmt: a statement that reads one row
 * @rc: what its sqlite3_step() returned
 * @doing: the operation for the message, an N_()-marked literal
 * @error: return location for an error
 *
 * The end of every read of one row that must be there:
 *
 *   rc = sqlite3_step (stmt);
 *   if (rc == SQLITE_ROW)
 *     thing = thing_from_row (stmt);
 *   if (!ledger_book_finish_row (book, stmt, rc, N_("reading a thing"), error))
 *     return NULL;
 *
 * Where no row is an answer ("not found", "none"), test SQLITE_DONE
 * before calling it.
 *
 * Returns: TRUE when @rc is SQLITE_ROW; otherwise FALSE with @error set
 * by ledger_book_set_sqlite_error(). @stmt is reset either way.
 */
gboolean ledger_book_finish_row (LedgerBook    *self,
                                 sqlite3_stmt  *stmt,
                                 int            rc,
                                 const char    *doing,
                                 GError       **error);

/**
 * ledger_book_set_setting:
 * @self: an open book, inside ledger_book_write()
 * @key: a key of the settings table
 * @value: the value to store
 * @error: return location for an error
 *
 * Stores @value under @key without a journal entry and without checking
 * it: the settings modules (ledger_settings_set() …) check, journal and
 * then call this. Only inside a running write.
 *
 * Returns: TRUE when stored; FALSE with a storage error.
 */
gboolean ledger_book_set_setting (LedgerBook  *self,
                                  const char  *key,
                                  const char  *value,
                                  GError     **error);

/**
 * ledger_book_set_clock:
 * @self: an open book
 * @date: (nullable): "YYYY-MM-DD", or NULL for the real clock again
 *
 * Runs the book on a simulated clock fixed at @date. The demo community
 * uses it to record ten years in a few seconds, and tests to date entries.
 */
void ledger_book_set_clock (LedgerBook *self,
                            const char *date);

G_END_DECLS

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

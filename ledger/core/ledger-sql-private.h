/* ledger-sql-private.h — the SQL toolkit under the book
 *
 * A LedgerSql is the book's one SQLite connection with what every query
 * needs around it: the statement cache, running statements, reading one
 * integer, ending a row loop, and turning SQLite's errors into the
 * LEDGER_ERROR codes the user can act on. It knows nothing of the book's
 * life (opening, creating, upgrading, writing): ledger-book.c owns one and
 * forwards its ledger_book_prepare() & co. here, and the schema, which the
 * book runs, uses it directly, so that core has no cycle.
 *
 * Only files in ledger/ include this.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "ledger-error.h"

G_BEGIN_DECLS

typedef struct _LedgerSql LedgerSql;

/* Takes @db (closed by ledger_sql_free()); @path is the book's file as
 * given, @display_path the same fit for a one-line message. */
LedgerSql    *ledger_sql_new              (sqlite3     *db,
                                           const char  *path,
                                           const char  *display_path);
void          ledger_sql_free             (LedgerSql   *self);

const char   *ledger_sql_get_path         (LedgerSql   *self);

/* Set by the book around the unit of work of ledger_book_write(): inside
 * it, a transaction SQLite rolled back by itself stops every next
 * statement (see check_transaction() in ledger-sql.c). */
void          ledger_sql_set_in_write     (LedgerSql   *self,
                                           gboolean     in_write);
gboolean      ledger_sql_get_in_write     (LedgerSql   *self);
/* FALSE, with @error set, when SQLite has undone the running write. */
gboolean      ledger_sql_check_transaction (LedgerSql  *self,
                                            GError    **error);

/* The LEDGER_ERROR code for an SQLite result code. */
LedgerError   ledger_sql_error_code       (int          rc);

/* Turns the connection's last SQLite error into a GError. @doing names
 * the operation in the message ("while reading receipts"): an N_()-marked
 * literal, translated here. */
void          ledger_sql_set_error        (LedgerSql   *self,
                                           GError     **error,
                                           const char  *doing);

/* A prepared statement for @sql (a static string: the cache keeps the
 * pointer), cached for the life of the connection and reset with its
 * bindings cleared: callers must not finalize it. */
sqlite3_stmt *ledger_sql_prepare          (LedgerSql   *self,
                                           const char  *sql,
                                           GError     **error);
/* Runs SQL without results. */
gboolean      ledger_sql_exec             (LedgerSql   *self,
                                           const char  *sql,
                                           GError     **error);
/* Runs a prepared statement that returns no rows (and resets it). */
gboolean      ledger_sql_step_done        (LedgerSql     *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
/* Runs a statement returning one integer (or @fallback for no row/NULL). */
gboolean      ledger_sql_query_int64      (LedgerSql     *self,
                                           sqlite3_stmt  *stmt,
                                           gint64         fallback,
                                           gint64        *out_value,
                                           GError       **error);
/* Ends a row loop: resets @stmt and, unless @rc (the last
 * sqlite3_step()) is SQLITE_DONE, sets @error naming @doing. */
gboolean      ledger_sql_finish_rows      (LedgerSql     *self,
                                           sqlite3_stmt  *stmt,
                                           int            rc,
                                           const char    *doing,
                                           GError       **error);
/* Ends the read of one row: resets @stmt and, unless @rc (its
 * sqlite3_step()) is SQLITE_ROW, sets @error naming @doing. */
gboolean      ledger_sql_finish_row       (LedgerSql     *self,
                                           sqlite3_stmt  *stmt,
                                           int            rc,
                                           const char    *doing,
                                           GError       **error);

/* Binds UTF-8 text, or NULL when @text is NULL. */
void          ledger_bind_text            (sqlite3_stmt *stmt,
                                           int           index,
                                           const char   *text);
/* A copy of column @col as text ("" when NULL). */
char         *ledger_column_dup           (sqlite3_stmt *stmt,
                                           int           col);

G_END_DECLS

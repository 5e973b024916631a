/* ledger-book-private.h — what ledger modules share about the book
 *
 * Only files in ledger/ include this: the rest of the program sees the
 * book through the functions of the public headers.
 */
#pragma once

#include <sqlite3.h>

#include "ledger-book.h"

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

/* Turns the connection's last SQLite error into a GError. */
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

/* Binds UTF-8 text, or NULL when @text is NULL. */
void ledger_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text);

/* A copy of column @col as text ("" when NULL). */
char *ledger_column_dup (sqlite3_stmt *stmt,
                         int           col);

/* Creates the schema in an empty database (ledger-schema.c). */
gboolean ledger_schema_create (LedgerBook  *self,
                               GError     **error);

/* The caches of schema version 2 as the journal defines them: a charge
 * with what payments (net of voids) and waivers settled of it, and each
 * account's movement per day. */
#define LEDGER_CHARGE_STATUS_SQL \
  "SELECT c.id, c.household_id, c.year, c.amount," \
  "       coalesce (sum (CASE WHEN a.kind <> 'waiver' THEN a.amount END), 0)," \
  "       coalesce (sum (CASE WHEN a.kind = 'waiver' THEN a.amount END), 0)" \
  " FROM charges c LEFT JOIN allocations a ON a.charge_id = c.id GROUP BY c.id"
/* CROSS JOIN: walk the journal in order and each entry's splits by their
 * key, rather than the planner's choice of a lookup per split (twice as
 * slow on a large book). */
#define LEDGER_ACCOUNT_DAYS_SQL \
  "SELECT s.account, t.date, sum (s.amount)" \
  " FROM txns t CROSS JOIN splits s ON s.txn_id = t.id GROUP BY s.account, t.date"

/* Inside ledger_book_write(): journals a change of the setting @key (an
 * entry of kind "setting", its ref the key and its memo @memo, or @value
 * when @memo is NULL), then stores @value. Settings that govern (the spend
 * limit, the committee) are history like any other entry. */
gboolean ledger_settings_record (LedgerBook  *book,
                                 const char  *key,
                                 const char  *value,
                                 const char  *memo,
                                 GError     **error);

/* Brings a book from @from_version up to LEDGER_SCHEMA_VERSION. */
gboolean ledger_schema_migrate (LedgerBook  *self,
                                int          from_version,
                                GError     **error);

G_END_DECLS

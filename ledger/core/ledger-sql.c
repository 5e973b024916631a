/* ledger-sql.c — the SQL toolkit: one connection, its statement cache,
 * and SQLite's errors as LEDGER_ERROR codes
 *
 * Every query in ledger/ goes through these few functions (mostly by way
 * of ledger_book_prepare() and its siblings), so that a failing statement
 * says the same thing wherever it fails, and a write that SQLite undid by
 * itself stops at once.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-book-file-private.h"
#include "ledger-quote.h"
#include "ledger-sql-private.h"

struct _LedgerSql
{
  sqlite3    *db;
  char       *path;
  char       *display_path;
  GHashTable *statements; /* SQL text (not owned: static strings) → sqlite3_stmt* */
  gboolean    in_write;
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

LedgerSql *
ledger_sql_new (sqlite3    *db,
                const char *path,
                const char *display_path)
{
  LedgerSql *self = g_new0 (LedgerSql, 1);

  self->db = db;
  self->path = g_strdup (path);
  self->display_path = g_strdup (display_path);
  /* By address: the texts are static, and hashing a long query's text
   * on every call cost verify's replay 3% (one lookup per row written). */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                            NULL, finalize_statement);
  return self;
}

void
ledger_sql_free (LedgerSql *self)
{
  if (self == NULL)
    return;
  /* Statements first: SQLite will not close a connection that has some. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->display_path);
  g_free (self);
}

const char *
ledger_sql_get_path (LedgerSql *self)
{
  return self->path;
}

void
ledger_sql_set_in_write (LedgerSql *self,
                         gboolean   in_write)
{
  self->in_write = in_write;
}

gboolean
ledger_sql_get_in_write (LedgerSql *self)
{
  return self->in_write;
}

/* Maps SQLite result codes onto the error codes the user can act on. */
LedgerError
ledger_sql_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return LEDGER_ERROR_LOCKED;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return LEDGER_ERROR_CORRUPT;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return LEDGER_ERROR_IO;
    default:
      return LEDGER_ERROR_DATABASE;
    }
}

void
ledger_sql_set_error (LedgerSql   *self,
                      GError     **error,
                      const char  *doing)
{
  int rc = sqlite3_extended_errcode (self->db);
  LedgerError code = ledger_sql_error_code (rc);
  /* SQLite's message may quote a file name (of a backup, say) as it is. */
  g_autofree char *message = ledger_quote_controls (sqlite3_errmsg (self->db));

  /* The callers mark @doing with N_(): the message around it is
   * translated, and so must it be. */
  doing = _(doing);
  if (code == LEDGER_ERROR_CORRUPT)
    {
      /* Which pages are bad is SQLite's to say; that the book is damaged,
       * and what to do about it, is ours. */
      g_autofree char *reason = g_strdup_printf (_("%s, while %s"), message, doing);

      if (!ledger_book_file_is_cut_short (self->path, error))
        g_set_error (error, LEDGER_ERROR, code,
                     _("The book %s is damaged (%s); restore it from a backup"),
                     self->display_path, reason);
    }
  else if (code == LEDGER_ERROR_LOCKED)
    g_set_error (error, LEDGER_ERROR, code,
                 _("The book %s is in use by another program; try again when it has finished"),
                 self->display_path);
  else if (code == LEDGER_ERROR_IO && (rc & 0xff) == SQLITE_FULL)
    g_set_error (error, LEDGER_ERROR, code,
                 _("The disk holding %s is full; nothing was saved"), self->display_path);
  else
    g_set_error (error, LEDGER_ERROR, code, _("%s: %s (while %s)"),
                 self->display_path, message, doing);
}

/* SQLite rolls the whole transaction back by itself when a statement in
 * it fails with an I/O error or for want of memory. A caller that ignored
 * such an error must not carry on: each of its next statements would
 * commit on its own, outside the transaction, and leave half an operation
 * in the book. Returns FALSE (setting @error) in that case. */
gboolean
ledger_sql_check_transaction (LedgerSql  *self,
                              GError    **error)
{
  if (!self->in_write || !sqlite3_get_autocommit (self->db))
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE,
               _("%s: the operation was undone after an error reading or writing the book; nothing was saved"),
               self->display_path);
  return FALSE;
}

sqlite3_stmt *
ledger_sql_prepare (LedgerSql   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (!ledger_sql_check_transaction (self, error))
    return NULL;
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      ledger_sql_set_error (self, error, N_("preparing a query"));
      /* Only SQLITE_ERROR is a bug in the SQL; preparing also reads the
       * schema, which can meet I/O errors, locks or a lack of memory. */
      if (sqlite3_errcode (self->db) == SQLITE_ERROR)
        g_critical ("bad SQL: %s: %s", sqlite3_errmsg (self->db), sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
ledger_sql_exec (LedgerSql   *self,
                 const char  *sql,
                 GError     **error)
{
  if (!ledger_sql_check_transaction (self, error))
    return FALSE;
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      ledger_sql_set_error (self, error, N_("writing"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_sql_step_done (LedgerSql     *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ledger_sql_set_error (self, error, N_("writing"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ledger_sql_query_int64 (LedgerSql     *self,
                        sqlite3_stmt  *stmt,
                        gint64         fallback,
                        gint64        *out_value,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_type (stmt, 0) == SQLITE_NULL
                     ? fallback : sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out_value = fallback;
      sqlite3_reset (stmt);
      return TRUE;
    }
  ledger_sql_set_error (self, error, N_("reading"));
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
ledger_sql_finish_rows (LedgerSql     *self,
                        sqlite3_stmt  *stmt,
                        int            rc,
                        const char    *doing,
                        GError       **error)
{
  /* Reset first, as every loop did before this helper: the reset of a
   * statement prepared with sqlite3_prepare_v3() hands the step's error
   * to the connection, so the message is the same. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_sql_set_error (self, error, doing);
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_sql_finish_row (LedgerSql     *self,
                       sqlite3_stmt  *stmt,
                       int            rc,
                       const char    *doing,
                       GError       **error)
{
  /* Reset first, as in ledger_sql_finish_rows(). SQLITE_DONE is an error
   * here too: the callers read a row that must exist (an aggregate, a
   * row they hold the id of); where no row means "not found", they say
   * so before calling this. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ledger_sql_set_error (self, error, doing);
      return FALSE;
    }
  return TRUE;
}

void
ledger_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    /* Copied by GLib, not by SQLite: when SQLite cannot make its copy
     * (out of memory) the parameter stays NULL without the caller knowing,
     * and a lookup then says "not registered". GLib aborts instead. */
    sqlite3_bind_text (stmt, index, g_strdup (text), -1, g_free);
}

char *
ledger_column_dup (sqlite3_stmt *stmt,
                   int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

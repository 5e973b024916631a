/* ledger-book.c — opening, creating and writing a book
 *
 * The SQL toolkit under it (statement cache, error mapping) is
 * ledger-sql.c; the functions of ledger-book-private.h forward there.
 *
 * Durability (docs/architecture.md §3): rollback journal with synchronous=EXTRA, so a
 * COMMIT that returned is on the disk, and no WAL files travel beside the
 * book; foreign keys on; one writer at a time through BEGIN IMMEDIATE with a
 * busy timeout, after which the user is told the book is locked.
 */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ledger-file-names-private.h"
#include "ledger-book-file-private.h"
#include "ledger-book-private.h"
#include "ledger-period.h"
#include "ledger-quote.h"
#include "ledger-schema-private.h"
#include "ledger-sql-private.h"
#include "ledger-text.h"

#define BUSY_TIMEOUT_MS 5000

struct _LedgerBook
{
  GObject     parent_instance;

  LedgerSql  *sql;        /* the connection, its statements and errors */
  sqlite3    *db;         /* the same connection, for the book's own pragmas */
  char       *path;
  char       *real_path;    /* path with its links followed: where its folders are */
  char       *display_path; /* path quoted for messages (ledger_quote_path) */
  char       *operator_name;
  char       *correcting; /* the closed period this connection's entries correct, or NULL */
  char       *clock_date; /* simulated "today", or NULL */
  char       *write_now;  /* "now" of the running write: one time for all its entries */
  gboolean    read_only;
  gboolean    scratch;      /* ledger_book_new_scratch(): in memory, no tree cache */
  gboolean    created;      /* made by ledger_book_create(): created_file says which file */
  GStatBuf    created_file;
};

G_DEFINE_FINAL_TYPE (LedgerBook, ledger_book, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ledger_book_finalize (GObject *object)
{
  LedgerBook *self = LEDGER_BOOK (object);

  if (self->sql != NULL)
    ledger_sql_free (self->sql); /* closes self->db */
  else if (self->db != NULL)
    sqlite3_close (self->db);    /* a failed open leaves a handle too */
  g_free (self->path);
  g_free (self->real_path);
  g_free (self->display_path);
  g_free (self->operator_name);
  g_free (self->correcting);
  g_free (self->clock_date);
  g_free (self->write_now);

  G_OBJECT_CLASS (ledger_book_parent_class)->finalize (object);
}

static void
ledger_book_class_init (LedgerBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_book_finalize;

  /* Before the first connection (later, SQLite refuses it, harmlessly):
   * nothing reads SQLite's memory statistics, and keeping them takes a
   * global mutex on every allocation, 6 % of verify's instructions. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /**
   * LedgerBook::changed:
   * Emitted after a write has been committed, so that every list and
   * figure on screen can reload from the book.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ledger_book_init (LedgerBook *self)
{
  self->operator_name = g_strdup ("treasurer");
}

/* ------------------------------------------------------------------ */
/* Helpers shared with the other ledger modules (ledger-book-private.h) */

sqlite3 *
ledger_book_get_db (LedgerBook *self)
{
  return self->db;
}

void
ledger_book_set_sqlite_error (LedgerBook  *self,
                              GError     **error,
                              const char  *doing)
{
  ledger_sql_set_error (self->sql, error, doing);
}

sqlite3_stmt *
ledger_book_prepare (LedgerBook  *self,
                     const char  *sql,
                     GError     **error)
{
  return ledger_sql_prepare (self->sql, sql, error);
}

gboolean
ledger_book_exec (LedgerBook  *self,
                  const char  *sql,
                  GError     **error)
{
  return ledger_sql_exec (self->sql, sql, error);
}

gboolean
ledger_book_step_done (LedgerBook    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  return ledger_sql_step_done (self->sql, stmt, error);
}

gboolean
ledger_book_query_int64 (LedgerBook    *self,
                         sqlite3_stmt  *stmt,
                         gint64         fallback,
                         gint64        *out_value,
                         GError       **error)
{
  return ledger_sql_query_int64 (self->sql, stmt, fallback, out_value, error);
}

gboolean
ledger_book_finish_rows (LedgerBook    *self,
                         sqlite3_stmt  *stmt,
                         int            rc,
                         const char    *doing,
                         GError       **error)
{
  return ledger_sql_finish_rows (self->sql, stmt, rc, doing, error);
}

gboolean
ledger_book_finish_row (LedgerBook    *self,
                        sqlite3_stmt  *stmt,
                        int            rc,
                        const char    *doing,
                        GError       **error)
{
  return ledger_sql_finish_row (self->sql, stmt, rc, doing, error);
}

/* ------------------------------------------------------------------ */
/* Opening */

/* Applies the per-connection settings every book connection needs. */
static gboolean
configure_connection (LedgerBook  *self,
                      GError     **error)
{
  if (!ledger_book_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (self->read_only)
    return TRUE;
  return ledger_book_exec (self,
                           "PRAGMA journal_mode = DELETE;"
                           "PRAGMA synchronous = EXTRA;",
                           error);
}

static LedgerBook *
connect_to_file (const char  *path,
                 int          sqlite_flags,
                 gboolean     read_only,
                 GError     **error)
{
  g_autoptr(LedgerBook) self = g_object_new (LEDGER_TYPE_BOOK, NULL);
  const char *op;

  self->path = g_strdup (path);
  /* Resolved once: the attachment store and the backups folder belong to
   * the book's real file, whatever name (a link) it was opened by. */
  self->real_path = ledger_path_follow_links (path);
  self->display_path = ledger_quote_path (path);
  self->read_only = read_only;
  op = g_getenv ("COMMUNITY_LEDGER_OPERATOR");
  if (op != NULL && *op != '\0')
    ledger_book_set_operator (self, op);

  if (sqlite3_open_v2 (path, &self->db, sqlite_flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot open the book %s: %s"), self->display_path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  /* Before the first read: a book another program holds locked is waited
   * for, and then reported as in use, not as a foreign file. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  self->sql = ledger_sql_new (self->db, self->path, self->display_path);
  return g_steal_pointer (&self);
}

/* Reads a PRAGMA returning one integer. */
static gboolean
read_pragma (LedgerBook  *self,
             const char  *sql,
             gint64      *out_value,
             GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (self, sql, error);

  return stmt != NULL && ledger_book_query_int64 (self, stmt, 0, out_value, error);
}

/* Refuses files that are not books, or books from a newer program. */
static gboolean
check_identity (LedgerBook  *self,
                gint64      *out_version,
                GError     **error)
{
  gint64 app_id = 0;
  g_autoptr(GError) local_error = NULL;

  if (!read_pragma (self, "PRAGMA application_id", &app_id, &local_error))
    {
      /* A lock, an I/O error or a lack of memory says nothing about what
       * the file is: only "not a database" (CORRUPT) means a foreign file. */
      if (!g_error_matches (local_error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* SQLite says "not a database" or "malformed" for a foreign file, an
       * empty one and a book cut short alike: look at the file. */
      ledger_book_file_explain (self->path, sqlite3_errmsg (self->db), error);
      return FALSE;
    }
  if (app_id != LEDGER_APPLICATION_ID)
    {
      /* SQLite reads a file cut inside its header as an empty database. */
      if (ledger_book_file_is_cut_short (self->path, error))
        return FALSE;
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE,
                   _("%s is not a Community Ledger book"), self->display_path);
      return FALSE;
    }
  if (!read_pragma (self, "PRAGMA user_version", out_version, error))
    return FALSE;
  if (*out_version > LEDGER_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Community Ledger (book version %d, this program reads up to %d); please update the program"),
                   self->display_path, (int) *out_version, LEDGER_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* The first line of integrity_check's report that names a problem: its
 * answer starts with "*** in database main ***" and may run over lines. */
static char *
first_problem (const char *answer)
{
  g_auto(GStrv) lines = g_strsplit (answer, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0' && !g_str_has_prefix (lines[i], "***"))
      return g_strdup (lines[i]);
  return g_strdup (answer);
}

gboolean
ledger_book_check_integrity (LedgerBook  *self,
                             gboolean     quick,
                             GError     **error)
{
  const char *sql = quick ? "PRAGMA quick_check(1)" : "PRAGMA integrity_check(1)";
  sqlite3_stmt *stmt = ledger_book_prepare (self, sql, error);
  const char *answer;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && ledger_sql_error_code (rc) != LEDGER_ERROR_CORRUPT)
    {
      /* The check could not run (I/O error, lock, memory): that is not a
       * verdict on the book. */
      ledger_book_set_sqlite_error (self, error, N_("checking the book"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  answer = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
  if (answer == NULL || g_strcmp0 (answer, "ok") != 0)
    {
      g_autofree char *problem = first_problem (answer != NULL ? answer : sqlite3_errmsg (self->db));

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT,
                   _("The book %s is damaged (%s); restore it from a backup"),
                   self->display_path, problem);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
migrate_cb (LedgerBook *self,
            gpointer    user_data,
            GError    **error)
{
  return ledger_schema_migrate (self->sql, GPOINTER_TO_INT (user_data), error);
}

LedgerBook *
ledger_book_open (const char             *path,
                  LedgerBookOpenFlags     flags,
                  LedgerBookUpgradeFunc   before_upgrade,
                  GError                **error)
{
  gboolean read_only = (flags & LEDGER_BOOK_OPEN_READ_ONLY) != 0;
  g_autoptr(LedgerBook) self = NULL;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* The real cause, before SQLite turns each into "not a database". */
  if (!ledger_book_file_check (path, error))
    return NULL;

  self = connect_to_file (path,
                          read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                          read_only, error);
  /* Identity first: on a file that is not a database, even the pragmas
   * that configure the connection fail, with a less helpful message. */
  if (self == NULL || !check_identity (self, &version, error) ||
      ledger_book_file_is_cut_short (path, error) ||
      !configure_connection (self, error))
    return NULL;
  if ((flags & LEDGER_BOOK_OPEN_NO_CHECK) == 0 &&
      !ledger_book_check_integrity (self, TRUE, error))
    return NULL;

  if (version < LEDGER_SCHEMA_VERSION && (flags & LEDGER_BOOK_OPEN_AS_IS) == 0)
    {
      if (read_only)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NEWER_VERSION,
                       _("%s must be upgraded before it can be read; open it once with write access"),
                       self->display_path);
          return NULL;
        }
      if ((before_upgrade != NULL && !before_upgrade (self, error)) ||
          !ledger_book_write (self, migrate_cb, GINT_TO_POINTER ((int) version), error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  const char      *name;
  LedgerWriteFunc  populate;
  gpointer         populate_data;
} CreateRequest;

static gboolean
create_cb (LedgerBook *self,
           gpointer    user_data,
           GError    **error)
{
  const CreateRequest *request = user_data;

  /* The name is not set here but by @populate's first entry, as a fact
   * (ledger-fact-private.h): settings are a projection of the journal. */
  return ledger_schema_create (self->sql, error) &&
         request->populate (self, request->populate_data, error);
}

static gboolean
scratch_schema_cb (LedgerBook *self,
                   gpointer    user_data G_GNUC_UNUSED,
                   GError    **error)
{
  return ledger_schema_create (self->sql, error);
}

/* Creates @path, which must not exist, as an empty file; @out_created
 * says which file that was. */
static gboolean
create_empty_file (const char  *path,
                   GStatBuf    *out_created,
                   GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  int saved = errno;

  if (fd >= 0 && fstat (fd, out_created) == 0)
    {
      close (fd);
      return TRUE;
    }
  if (fd >= 0)
    {
      saved = errno;
      close (fd);
    }
  if (saved == EEXIST)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                 _("%s already exists; choose another file name"), path);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                 _("Cannot create the book %s: %s"), path, g_strerror (saved));
  return FALSE;
}

/* Removes @path if it is still the file @created. */
static void
remove_if_created (const char     *path,
                   const GStatBuf *created)
{
  GStatBuf now;

  if (g_stat (path, &now) == 0 && now.st_dev == created->st_dev && now.st_ino == created->st_ino)
    g_unlink (path);
}

void
ledger_book_discard_created (LedgerBook *book)
{
  g_autofree char *path = NULL;
  GStatBuf created;
  gboolean created_here;

  g_return_if_fail (LEDGER_IS_BOOK (book));

  path = g_strdup (book->path);
  created = book->created_file;
  created_here = book->created;
  /* Closed first: SQLite's handle must not write into the file again. */
  g_object_unref (book);
  if (created_here)
    remove_if_created (path, &created);
}

LedgerBook *
ledger_book_create (const char       *path,
                    const char       *name,
                    const char       *operator_name,
                    LedgerWriteFunc   populate,
                    gpointer          populate_data,
                    GError          **error)
{
  CreateRequest request = { name, populate, populate_data };
  g_autoptr(LedgerBook) self = NULL;
  GStatBuf created;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (populate != NULL, NULL);

  if (!ledger_text_check (name, "--name", 100, TRUE, error))
    return NULL;
  /* The file is created here and only here (O_EXCL): of two commands
   * creating one book at once, one wins and the other is told the file
   * exists; a failure below removes the file only while it is still the
   * one created here, never a book someone else made. */
  if (!create_empty_file (path, &created, error))
    return NULL;

  self = connect_to_file (path, SQLITE_OPEN_READWRITE, FALSE, error);
  if (self != NULL && configure_connection (self, error))
    {
      if (operator_name != NULL)
        ledger_book_set_operator (self, operator_name);
      if (ledger_book_write (self, create_cb, &request, error))
        {
          self->created = TRUE;
          self->created_file = created;
          return g_steal_pointer (&self);
        }
    }
  g_clear_object (&self);
  remove_if_created (path, &created);
  return NULL;
}

LedgerBook *
ledger_book_new_scratch (const char  *operator_name,
                         GError     **error)
{
  /* One thread (verify's) uses it, and it is thrown away when anything
   * fails: no mutex and no rollback journal, a tenth of the replay's
   * time. Foreign keys stay on: they are part of what a replay checks. */
  g_autoptr(LedgerBook) self = connect_to_file (":memory:",
                                                SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                                FALSE, error);

  if (self == NULL ||
      !ledger_book_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA journal_mode = OFF;"
                         "PRAGMA synchronous = OFF;",
                         error))
    return NULL;
  self->scratch = TRUE;
  ledger_book_set_operator (self, operator_name);
  if (!ledger_book_write (self, scratch_schema_cb, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
ledger_book_is_scratch (LedgerBook *self)
{
  return self->scratch;
}

/* ------------------------------------------------------------------ */
/* Writing */

gboolean
ledger_book_write (LedgerBook      *self,
                   LedgerWriteFunc  func,
                   gpointer         user_data,
                   GError         **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), FALSE);
  g_return_val_if_fail (!ledger_sql_get_in_write (self->sql), FALSE);

  if (self->read_only)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("The book %s is open read-only; nothing was changed"), self->display_path);
      return FALSE;
    }

  if (!ledger_book_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ledger_sql_set_in_write (self->sql, TRUE);
  g_clear_pointer (&self->write_now, g_free);
  if (!func (self, user_data, error) || !ledger_sql_check_transaction (self->sql, error))
    {
      ledger_sql_set_in_write (self->sql, FALSE);
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  ledger_sql_set_in_write (self->sql, FALSE);

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      ledger_book_set_sqlite_error (self, error, N_("saving"));
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
ledger_book_read (LedgerBook      *self,
                  LedgerWriteFunc  func,
                  gpointer         user_data,
                  GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (self), FALSE);
  g_return_val_if_fail (!ledger_sql_get_in_write (self->sql), FALSE);

  /* A deferred transaction takes its snapshot at the first read and keeps
   * it (rollback journal: the shared lock holds writers off) until COMMIT. */
  if (!ledger_book_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  ok = func (self, user_data, error);
  sqlite3_exec (self->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

gboolean
ledger_book_in_write (LedgerBook *self)
{
  return ledger_sql_get_in_write (self->sql);
}

/* ------------------------------------------------------------------ */
/* Properties and settings */

const char *
ledger_book_get_path (LedgerBook *self)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), NULL);
  return self->path;
}

const char *
ledger_book_get_real_path (LedgerBook *self)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), NULL);
  return self->real_path;
}

const char *
ledger_book_get_display_path (LedgerBook *self)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), NULL);
  return self->display_path;
}

gboolean
ledger_book_is_read_only (LedgerBook *self)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), TRUE);
  return self->read_only;
}

const char *
ledger_book_get_operator (LedgerBook *self)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), NULL);
  return self->operator_name;
}

void
ledger_book_set_operator (LedgerBook *self,
                          const char *operator_name)
{
  g_return_if_fail (LEDGER_IS_BOOK (self));
  g_return_if_fail (operator_name != NULL && *operator_name != '\0');

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
}

const char *
ledger_book_get_correcting (LedgerBook *self)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (self), NULL);
  return self->correcting;
}

void
ledger_book_set_correcting (LedgerBook *self,
                            const char *period)
{
  g_return_if_fail (LEDGER_IS_BOOK (self));

  g_free (self->correcting);
  self->correcting = period != NULL && *period != '\0' ? g_strdup (period) : NULL;
}

char *
ledger_book_dup_files_dir (LedgerBook *self)
{
  return g_strconcat (self->real_path, ".files", NULL);
}

char *
ledger_book_dup_setting (LedgerBook *self,
                         const char *key)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  stmt = ledger_book_prepare (self, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt != NULL)
    {
      ledger_bind_text (stmt, 1, key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (rc == SQLITE_ROW)
        value = ledger_column_dup (stmt, 0);
      if (ledger_book_finish_row (self, stmt, rc, N_("reading settings"), &error))
        return value;
      g_clear_pointer (&value, g_free);
    }
  /* The callers take NULL as "not set" (the doc comment says so). The
   * failure goes to the debug log: not a warning, which tests make fatal
   * and the command line would print beside its one-line error. */
  g_debug ("%s", error->message);
  return NULL;
}

gboolean
ledger_book_set_setting (LedgerBook  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ledger_sql_get_in_write (self->sql), FALSE);

  stmt = ledger_book_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, key);
  ledger_bind_text (stmt, 2, value);
  return ledger_book_step_done (self, stmt, error);
}

char *
ledger_book_dup_name (LedgerBook *self)
{
  char *name = ledger_book_dup_setting (self, "name");

  return name != NULL ? name : g_strdup ("");
}

char *
ledger_book_now (LedgerBook *self)
{
  const char *fixed = g_getenv ("COMMUNITY_LEDGER_NOW");
  g_autoptr(GDateTime) now = NULL;

  if (self->clock_date != NULL)
    return g_strconcat (self->clock_date, "T09:00:00+08:00", NULL);
  if (fixed != NULL && *fixed != '\0')
    return g_strdup (fixed);
  /* Every entry of one write gets the same time, read once: an import of
   * 5,000 households would otherwise ask for the local time zone 5,000
   * times. */
  if (ledger_sql_get_in_write (self->sql) && self->write_now != NULL)
    return g_strdup (self->write_now);
  now = g_date_time_new_now_local ();
  if (!ledger_sql_get_in_write (self->sql))
    return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  self->write_now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  return g_strdup (self->write_now);
}

void
ledger_book_today (LedgerBook *self,
                   char        out_iso[11])
{
  const char *fixed = g_getenv ("COMMUNITY_LEDGER_NOW");

  if (self->clock_date != NULL)
    g_strlcpy (out_iso, self->clock_date, 11);
  else if (fixed != NULL && strlen (fixed) >= 10)
    g_strlcpy (out_iso, fixed, 11);
  else if (ledger_sql_get_in_write (self->sql))
    {
      g_autofree char *now = ledger_book_now (self);   /* the write's one time */

      g_strlcpy (out_iso, now, 11);
    }
  else
    ledger_date_today (out_iso);
}

void
ledger_book_set_clock (LedgerBook *self,
                       const char *date)
{
  g_return_if_fail (LEDGER_IS_BOOK (self));

  g_free (self->clock_date);
  self->clock_date = g_strdup (date);
}

/* ------------------------------------------------------------------ */
/* The check behind the first screen */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(LedgerBook) copy = NULL;
  GError *error = NULL;

  /* A connection of its own: a LedgerBook is used by one thread at a time. */
  copy = ledger_book_open (path, LEDGER_BOOK_OPEN_READ_ONLY | LEDGER_BOOK_OPEN_NO_CHECK |
                                 LEDGER_BOOK_OPEN_AS_IS, NULL, &error);
  if (copy == NULL || !ledger_book_check_integrity (copy, TRUE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ledger_book_check_async (LedgerBook          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LEDGER_IS_BOOK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_name (task, "ledger_book_check_async"); /* a function is no gpointer in ISO C */
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, check_thread);
}

gboolean
ledger_book_check_finish (LedgerBook    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

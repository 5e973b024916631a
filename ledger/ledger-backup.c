/* ledger-backup.c — backups through VACUUM INTO, restores through the backup API */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-backup.h"
#include "ledger-book-private.h"
#include "ledger-settings.h"

#define BACKUP_SUFFIX ".clbook"

char *
ledger_backup_dir (const char *book_path)
{
  return g_strconcat (book_path, ".backups", NULL);
}

/* How a backup reports progress and learns it should stop: SQLite calls
 * progress_cb every PROGRESS_OPS virtual machine steps of the copy and of
 * the check, and a non-zero return interrupts the statement. */
typedef struct
{
  LedgerProgressFunc  progress;
  gpointer            data;
  GCancellable       *cancellable;
  gint64              done;     /* 0 copying, 1 checking the copy, 2 done */
} BackupProgress;

#define BACKUP_STEPS 2
#define PROGRESS_OPS 20000

static int
progress_cb (void *user_data)
{
  BackupProgress *p = user_data;

  if (g_cancellable_is_cancelled (p->cancellable))
    return 1;
  if (p->progress != NULL)
    p->progress (p->data, p->done, BACKUP_STEPS);
  return 0;
}

/* Reports that the backup reached @done of BACKUP_STEPS. */
static void
progress_step (BackupProgress *p,
               gint64          done)
{
  p->done = done;
  if (p->progress != NULL)
    p->progress (p->data, done, BACKUP_STEPS);
}

/* When @p's operation was cancelled: replaces @error (SQLite's
 * "interrupted") with G_IO_ERROR_CANCELLED. */
static gboolean
cancelled (BackupProgress  *p,
           GError         **error)
{
  if (p == NULL || !g_cancellable_is_cancelled (p->cancellable))
    return FALSE;
  if (error != NULL)
    g_clear_error (error);
  return g_cancellable_set_error_if_cancelled (p->cancellable, error);
}

/* Opens @path read-only as a book of this or an older schema: refuses
 * foreign, newer or damaged files. @p (nullable) is told and may stop it. */
static gboolean
check_copy (const char      *path,
            BackupProgress  *p,
            GError         **error)
{
  g_autoptr(LedgerBook) copy = ledger_book_open (path, LEDGER_BOOK_OPEN_READ_ONLY |
                                                       LEDGER_BOOK_OPEN_NO_CHECK |
                                                       LEDGER_BOOK_OPEN_AS_IS, error);
  gboolean ok;

  if (copy == NULL)
    return FALSE;
  if (p != NULL)
    sqlite3_progress_handler (ledger_book_get_db (copy), PROGRESS_OPS, progress_cb, p);
  ok = ledger_book_check_integrity (copy, FALSE, error);
  if (p != NULL)
    sqlite3_progress_handler (ledger_book_get_db (copy), 0, NULL, NULL);
  if (!ok)
    cancelled (p, error);   /* an interrupted check says so */
  return ok;
}

gboolean
ledger_backup_to_file (LedgerBook  *book,
                       const char  *dest,
                       GError     **error)
{
  return ledger_backup_to_file_full (book, dest, NULL, NULL, NULL, error);
}

/* Whether @dest is the book's own file (another name for it included):
 * a copy renamed over it would replace the open book under its writer. */
static gboolean
is_the_book (LedgerBook *book,
             const char *dest)
{
  GStatBuf book_stat, dest_stat;

  return g_stat (ledger_book_get_path (book), &book_stat) == 0 && g_stat (dest, &dest_stat) == 0 &&
         book_stat.st_dev == dest_stat.st_dev && book_stat.st_ino == dest_stat.st_ino;
}

gboolean
ledger_backup_to_file_full (LedgerBook          *book,
                            const char          *dest,
                            LedgerProgressFunc   progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".partial", NULL);
  BackupProgress p = { progress, progress_data, cancellable, 0 };
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (!ledger_book_in_write (book), FALSE);

  if (is_the_book (book, dest))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("backup file %s: this is the book itself; choose another name"), dest);
      return FALSE;
    }
  g_unlink (tmp);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  stmt = ledger_book_prepare (book, "VACUUM INTO ?1", error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, tmp);
  progress_step (&p, 0);
  if (progress != NULL || cancellable != NULL)
    sqlite3_progress_handler (ledger_book_get_db (book), PROGRESS_OPS, progress_cb, &p);
  ok = ledger_book_step_done (book, stmt, error);
  sqlite3_progress_handler (ledger_book_get_db (book), 0, NULL, NULL);
  if (!ok)
    {
      cancelled (&p, error);
      g_unlink (tmp);
      return FALSE;
    }
  progress_step (&p, 1);
  if (!check_copy (tmp, progress != NULL || cancellable != NULL ? &p : NULL, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot write the backup %s: %s"), dest, g_strerror (saved));
      return FALSE;
    }
  progress_step (&p, BACKUP_STEPS);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Deletes automatic backups of the book called @base beyond the newest
 * @keep, except the newest of each month. Names sort by time:
 * BASENAME@YYYYMMDD-HHMMSS.…-REASON.clbook. Other files (the treasurer's
 * own copies, another book's backups in a shared folder) are never
 * touched. */
static void
prune_backups (const char *dir,
               const char *base,
               int         keep)
{
  g_autofree char *prefix = g_strconcat (base, "@", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = names->len; i-- > 0;)
    {
      const char *n = g_ptr_array_index (names, i);
      const char *stamp = strrchr (n, '@');
      g_autofree char *month = stamp != NULL ? g_strndup (stamp + 1, 6) : g_strdup ("");
      gboolean recent = names->len - i <= (guint) keep;
      gboolean first_of_month = !g_hash_table_contains (months, month);

      g_hash_table_add (months, g_steal_pointer (&month));
      if (!recent && !first_of_month)
        {
          g_autofree char *path = g_build_filename (dir, n, NULL);
          g_unlink (path);
        }
    }
}

/* The folder for automatic backups of @book: its backup_dir setting, or
 * BOOK.backups/. A configured folder that has gone (an unplugged USB
 * stick) or can no longer be written falls back to BOOK.backups/ rather
 * than fail: a backup before an upgrade, an import or a restore must not
 * be prevented by it, and the fallback is logged. */
static char *
automatic_dir (LedgerBook *book)
{
  g_autofree char *dir = ledger_settings_dup_backup_dir (book);

  if (!ledger_settings_has_backup_dir (book) ||
      (g_file_test (dir, G_FILE_TEST_IS_DIR) && g_access (dir, W_OK | X_OK) == 0))
    return g_steal_pointer (&dir);
  g_message ("The backup folder %s cannot be written; backing up into %s.backups instead",
             dir, ledger_book_get_path (book));
  return ledger_backup_dir (ledger_book_get_path (book));
}

/* What the names of @book's automatic backups start with: its file name
 * and, in a folder chosen in the settings, which other books may share (a
 * USB stick for the whole street), a tag of its full path, so that pruning
 * one book's backups never touches another's of the same file name. A
 * book that moves starts a new series and leaves the old one whole. */
static char *
backup_base (LedgerBook *book)
{
  const char *path = ledger_book_get_path (book);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *absolute = NULL;
  g_autofree char *digest = NULL;

  if (!ledger_settings_has_backup_dir (book))
    return g_steal_pointer (&base);
  absolute = g_canonicalize_filename (path, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  return g_strdup_printf ("%s-%.8s", base, digest);
}

gboolean
ledger_backup_automatic (LedgerBook  *book,
                         const char  *reason,
                         char       **out_path,
                         GError     **error)
{
  g_autofree char *dir = automatic_dir (book);
  g_autofree char *base = backup_base (book);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot create the backup folder %s: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  /* "@" marks where the sortable time stamp starts; the microseconds keep
   * two backups within one second apart. */
  name = g_strdup_printf ("%s@%s.%06d-%s" BACKUP_SUFFIX, base, stamp,
                          g_date_time_get_microsecond (now), reason);
  path = g_build_filename (dir, name, NULL);
  if (!ledger_backup_to_file (book, path, error))
    return FALSE;
  prune_backups (dir, base, ledger_settings_get_backup_keep (book));
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* Copies every page of @from into the connection @dest (SQLite's backup
 * API takes the locks it needs and leaves @dest whole if it fails). */
static int
copy_pages (sqlite3    *dest,
            const char *from)
{
  sqlite3 *src = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
    }
  sqlite3_close (src);
  return rc;
}

/* Restores into a book that does not exist yet. */
static int
restore_into_new_file (const char *book_path,
                       const char *from)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (book_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    rc = copy_pages (db, from);
  sqlite3_close (db);
  if (rc != SQLITE_DONE)
    g_unlink (book_path);
  return rc;
}

gboolean
ledger_restore (const char  *book_path,
                const char  *from,
                char       **out_safety_copy,
                GError     **error)
{
  g_autoptr(LedgerBook) restored = NULL;
  int rc;

  if (!check_copy (from, NULL, error))
    return FALSE;

  if (g_file_test (book_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(LedgerBook) book = ledger_book_open (book_path, LEDGER_BOOK_OPEN_NO_CHECK, error);

      if (book == NULL || !ledger_backup_automatic (book, "before-restore", out_safety_copy, error))
        return FALSE;
      rc = copy_pages (ledger_book_get_db (book), from);
    }
  else
    rc = restore_into_new_file (book_path, from);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LEDGER_ERROR, rc == SQLITE_BUSY ? LEDGER_ERROR_LOCKED : LEDGER_ERROR_IO,
                   _("Cannot restore %s from %s: %s"), book_path, from, sqlite3_errstr (rc));
      return FALSE;
    }
  restored = ledger_book_open (book_path, LEDGER_BOOK_OPEN_DEFAULT, error);
  return restored != NULL;
}

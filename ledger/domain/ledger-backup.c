/* ledger-backup.c — backups through VACUUM INTO, restores through the backup API */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-backup-private.h"
#include "ledger-file-names-private.h"
#include "ledger-book-private.h"
#include "ledger-paths-private.h"
#include "ledger-quote.h"
#include "ledger-text.h"
#include "ledger-write.h"

#define BACKUP_SUFFIX ".clbook"
#define BEFORE_RESTORE_REASON "before-restore"
#define BEFORE_RESTORE_SUFFIX "-" BEFORE_RESTORE_REASON BACKUP_SUFFIX

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
                                                       LEDGER_BOOK_OPEN_AS_IS, NULL, error);
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

/* A new, empty file beside @dest for the copy to be written to, created
 * here (O_EXCL) so that it can be removed afterwards without looking:
 * whatever else is called DEST.partial is never touched. */
static char *
create_partial (const char  *dest,
                GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".partial-XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);   /* as VACUUM INTO would: the umask decides */

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *quoted = ledger_quote_path (dest);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot write the backup %s: %s"), quoted, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

/* VACUUM INTO failed: a full disk or a write error is the destination's
 * (it only reads the book), and the message must name that file, not the
 * book; anything else (a lock, a read error) stays the book's. */
static void
blame_destination (LedgerBook  *book,
                   const char  *dest,
                   GError     **error)
{
  int rc = sqlite3_extended_errcode (ledger_book_get_db (book));
  g_autofree char *quoted = NULL;

  if (error == NULL || *error == NULL || (*error)->domain != LEDGER_ERROR)
    return;
  if ((rc & 0xff) != SQLITE_FULL && (rc & 0xff) != SQLITE_CANTOPEN && rc != SQLITE_IOERR_WRITE &&
      rc != SQLITE_IOERR_FSYNC && rc != SQLITE_IOERR_TRUNCATE && rc != SQLITE_IOERR_DIR_FSYNC)
    return;
  quoted = ledger_quote_path (dest);
  g_clear_error (error);
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                 _("Cannot write the backup %s: the disk it is on is full; nothing was saved"), quoted);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                 _("Cannot write the backup %s: %s; the book is unchanged"), quoted, sqlite3_errstr (rc));
}

/* Gives the checked copy @tmp its name @dest. */
static gboolean
put_in_place (const char  *tmp,
              const char  *dest,
              GError     **error)
{
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_autofree char *quoted = ledger_quote_path (dest);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot write the backup %s: %s"), quoted, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The copy itself, into @dest, without asking whether @dest may be
 * written: automatic backups name their own files in the backup folder. */
static gboolean
vacuum_into (LedgerBook      *book,
             const char      *dest,
             BackupProgress  *p,
             GError         **error)
{
  g_autofree char *tmp = NULL;
  gboolean watched = p->progress != NULL || p->cancellable != NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;
  tmp = create_partial (dest, error);
  if (tmp == NULL)
    return FALSE;
  stmt = ledger_book_prepare (book, "VACUUM INTO ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      ledger_bind_text (stmt, 1, tmp);
      progress_step (p, 0);
      if (watched)
        sqlite3_progress_handler (ledger_book_get_db (book), PROGRESS_OPS, progress_cb, p);
      ok = ledger_book_step_done (book, stmt, error);
      sqlite3_progress_handler (ledger_book_get_db (book), 0, NULL, NULL);
      if (!ok && !cancelled (p, error))
        blame_destination (book, dest, error);
    }
  if (ok)
    {
      progress_step (p, 1);
      ok = check_copy (tmp, watched ? p : NULL, error) &&
           !g_cancellable_set_error_if_cancelled (p->cancellable, error) &&
           put_in_place (tmp, dest, error);
    }
  if (!ok)
    g_unlink (tmp);   /* created by create_partial() above */
  return ok;
}

gboolean
ledger_backup_to_file_full (LedgerBook          *book,
                            const char          *dest,
                            LedgerProgressFunc   progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error)
{
  const char *field = _("backup file");
  BackupProgress p = { progress, progress_data, cancellable, 0 };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (!ledger_book_in_write (book), FALSE);

  /* A copy renamed over the book, its journal, a backup or an attachment
   * would replace them under their owner. */
  if (!ledger_book_check_outputs (book, 1, &field, &dest, error) ||
      !vacuum_into (book, dest, &p, error))
    return FALSE;
  progress_step (&p, BACKUP_STEPS);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Whether @name in @dir is provably one of our automatic backups: named
 * PREFIXYYYYMMDD-HHMMSS.UUUUUU-REASON.clbook (after the "@" of @prefix)
 * and a plain file, not a link to something else nor a folder. */
static gboolean
is_automatic_backup (const char *dir,
                     const char *name,
                     const char *prefix)
{
  static const char shape[] = "dddddddd-dddddd.dddddd-";
  g_autofree char *path = NULL;
  const char *stamp;
  GStatBuf info;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;
  stamp = name + strlen (prefix);
  if (strlen (stamp) < sizeof shape - 1 + strlen (BACKUP_SUFFIX))
    return FALSE;
  for (gsize i = 0; i < sizeof shape - 1; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (stamp[i]) : stamp[i] != shape[i])
      return FALSE;
  path = g_build_filename (dir, name, NULL);
  return g_lstat (path, &info) == 0 && S_ISREG (info.st_mode);
}

/* Deletes automatic backups of the book called @base beyond the newest
 * @keep, except the newest of each month. Names sort by time:
 * BASENAME@YYYYMMDD-HHMMSS.…-REASON.clbook. Other files (the treasurer's
 * own copies, another book's backups in a shared folder) are never
 * touched, and neither are "before-restore" copies: a restore throws the
 * book away, and its copy is then the only place that book still lives,
 * so it stays until a person removes it (and does not count among the
 * @keep). */
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
    if (is_automatic_backup (dir, name, prefix) && !g_str_has_suffix (name, BEFORE_RESTORE_SUFFIX))
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

/* The folder for automatic backups of @book: @place's. A chosen folder
 * that has gone (an unplugged USB stick) or can no longer be written
 * falls back to BOOK.backups/ rather than fail: a backup before an
 * upgrade, an import or a restore must not be prevented by it, and the
 * fallback is logged. */
static char *
automatic_dir (LedgerBook              *book,
               const LedgerBackupPlace *place)
{
  const char *dir = place->folder;
  g_autofree char *shown = NULL;

  if (!place->chosen ||
      (g_file_test (dir, G_FILE_TEST_IS_DIR) && g_access (dir, W_OK | X_OK) == 0))
    return g_strdup (dir);
  shown = ledger_quote_path (dir);
  g_message ("The backup folder %s cannot be written; backing up into %s.backups instead",
             shown, ledger_book_get_display_path (book));
  return ledger_backup_dir (ledger_book_get_real_path (book));
}

/* What the names of @book's automatic backups start with: its file name
 * and, when @place is a folder chosen in the settings, which other books
 * may share (a USB stick for the whole street), a tag of its full path, so
 * that pruning one book's backups never touches another's of the same
 * file name. A book that moves starts a new series and leaves the old one
 * whole. */
static char *
backup_base (LedgerBook              *book,
             const LedgerBackupPlace *place)
{
  const char *path = ledger_book_get_real_path (book);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *absolute = NULL;
  g_autofree char *digest = NULL;

  if (!place->chosen)
    return g_steal_pointer (&base);
  absolute = g_canonicalize_filename (path, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  return g_strdup_printf ("%s-%.8s", base, digest);
}

/* Where a new automatic backup of @book in @place for @reason goes, its
 * folder made: @out_dir and @out_base say which files pruning may
 * consider. */
static char *
automatic_path (LedgerBook               *book,
                const LedgerBackupPlace  *place,
                const char               *reason,
                char                    **out_dir,
                char                    **out_base,
                GError                  **error)
{
  g_autofree char *dir = automatic_dir (book, place);
  g_autofree char *base = backup_base (book, place);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *quoted = ledger_quote_path (dir);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot create the backup folder %s: %s"), quoted, g_strerror (saved));
      return NULL;
    }
  /* "@" marks where the sortable time stamp starts; the microseconds keep
   * two backups within one second apart. */
  name = g_strdup_printf ("%s@%s.%06d-%s" BACKUP_SUFFIX, base, stamp,
                          g_date_time_get_microsecond (now), reason);
  *out_dir = g_steal_pointer (&dir);
  *out_base = g_steal_pointer (&base);
  return g_build_filename (*out_dir, name, NULL);
}

gboolean
ledger_backup_automatic (LedgerBook               *book,
                         const LedgerBackupPlace  *place,
                         const char               *reason,
                         char                    **out_path,
                         GError                  **error)
{
  g_autofree char *dir = NULL, *base = NULL;
  g_autofree char *path = NULL;
  BackupProgress p = { NULL, NULL, NULL, 0 };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  path = automatic_path (book, place, reason, &dir, &base, error);
  if (path == NULL || !vacuum_into (book, path, &p, error))
    return FALSE;
  prune_backups (dir, base, place->keep);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* Copies the book's file as it is on disk, through SQLite's own handle of
 * it (a second descriptor of our own, closed, would drop the process's
 * locks on the file). Only sound while the caller holds the book's write
 * lock and has written nothing: the file then holds exactly the last
 * commit. */
static gboolean
copy_locked_file (sqlite3     *db,
                  const char  *book_path,
                  const char  *tmp,
                  GError     **error)
{
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  g_autofree char *buffer = g_malloc (64 * 1024);
  int fd, rc, saved = 0;

  rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_ERROR;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &size);
  if (rc != SQLITE_OK)
    {
      g_autofree char *quoted = ledger_quote_path (book_path);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Cannot read the book %s: %s"),
                   quoted, sqlite3_errstr (rc));
      return FALSE;
    }
  fd = g_open (tmp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    saved = errno;
  for (sqlite3_int64 offset = 0; saved == 0 && offset < size;)
    {
      int chunk = (int) MIN ((sqlite3_int64) 64 * 1024, size - offset);

      rc = file->pMethods->xRead (file, buffer, chunk, offset);
      if (rc != SQLITE_OK)
        {
          g_autofree char *quoted = ledger_quote_path (book_path);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Cannot read the book %s: %s"),
                       quoted, sqlite3_errstr (rc));
          close (fd);
          return FALSE;
        }
      saved = ledger_write_all (fd, buffer, (gsize) chunk);
      offset += chunk;
    }
  if (fd >= 0 && saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      g_autofree char *quoted = ledger_quote_path (tmp);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot write the backup %s: %s"), quoted, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The "before-restore" copy of @book into @path, made while its write
 * lock is held, checked and given its name like any automatic backup.
 * Nothing here may use the book's connection for a query: it is the
 * destination of a backup in progress. */
static gboolean
safety_copy_locked (LedgerBook  *book,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *tmp = create_partial (path, error);
  gboolean ok;

  if (tmp == NULL)
    return FALSE;
  ok = copy_locked_file (ledger_book_get_db (book), ledger_book_get_path (book), tmp, error) &&
       check_copy (tmp, NULL, error) && put_in_place (tmp, path, error);
  if (!ok)
    g_unlink (tmp);   /* created by create_partial() above */
  return ok;
}

static void
set_restore_error (GError     **error,
                   const char  *book_path,
                   const char  *from,
                   int          rc)
{
  g_autofree char *book_shown = ledger_quote_path (book_path);
  g_autofree char *from_shown = ledger_quote_path (from);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_LOCKED,
                 _("The book %s is in use by another program; try again when it has finished"),
                 book_shown);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                 _("Cannot restore %s from %s: %s"), book_shown, from_shown, sqlite3_errstr (rc));
}

/* Replaces an existing book. The backup API takes the book's write lock
 * at its first step and keeps it to the last: the safety copy is made in
 * between, so that every write acknowledged before the restore is in the
 * safety copy and every later one lands in the restored book. */
static gboolean
restore_over_book (const char             *book_path,
                   const char             *from,
                   LedgerBackupPlaceFunc   place_of,
                   LedgerBookUpgradeFunc   before_upgrade,
                   char                  **out_safety_copy,
                   GError                **error)
{
  g_autoptr(LedgerBook) book = ledger_book_open (book_path, LEDGER_BOOK_OPEN_NO_CHECK,
                                                 before_upgrade, error);
  g_autoptr(LedgerBackupPlace) place = NULL;
  g_autofree char *safety = NULL, *dir = NULL, *base = NULL;
  sqlite3_backup *backup = NULL;
  sqlite3 *src = NULL;
  gboolean ok = FALSE;
  int rc;

  /* Everything the safety copy needs from the book is read first. */
  if (book == NULL)
    return FALSE;
  place = place_of (book);
  safety = automatic_path (book, place, BEFORE_RESTORE_REASON, &dir, &base, error);
  if (safety == NULL)
    return FALSE;
  rc = sqlite3_open_v2 (from, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (ledger_book_get_db (book), "main", src, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, 0) : sqlite3_errcode (ledger_book_get_db (book));
    }
  if (rc != SQLITE_OK)
    set_restore_error (error, book_path, from, rc);
  else if (safety_copy_locked (book, safety, error))
    {
      rc = sqlite3_backup_step (backup, -1);
      ok = rc == SQLITE_DONE;
      if (!ok)
        set_restore_error (error, book_path, from, rc);
    }
  if (backup != NULL)
    sqlite3_backup_finish (backup);   /* releases the lock, undoing a copy that failed */
  sqlite3_close (src);
  if (g_file_test (safety, G_FILE_TEST_EXISTS))
    prune_backups (dir, base, place->keep);
  if (ok && out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety);
  return ok;
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

/* Restores into a book that does not exist yet: the file is created here
 * (O_EXCL), and removed after a failure only while it is still the one
 * created, so that a book someone else made meanwhile is never deleted. */
static gboolean
restore_into_new_file (const char  *book_path,
                       const char  *from,
                       GError     **error)
{
  sqlite3 *db = NULL;
  GStatBuf created, now;
  int fd = g_open (book_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  int rc;

  if (fd < 0 || fstat (fd, &created) != 0)
    {
      int saved = errno;
      g_autofree char *book_shown = ledger_quote_path (book_path);
      g_autofree char *from_shown = ledger_quote_path (from);

      if (fd >= 0)
        close (fd);
      g_set_error (error, LEDGER_ERROR, saved == EEXIST ? LEDGER_ERROR_CONFLICT : LEDGER_ERROR_IO,
                   _("Cannot restore %s from %s: %s"), book_shown, from_shown, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  rc = sqlite3_open_v2 (book_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (db, from);
  sqlite3_close (db);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (g_stat (book_path, &now) == 0 && now.st_dev == created.st_dev && now.st_ino == created.st_ino)
    g_unlink (book_path);
  set_restore_error (error, book_path, from, rc);
  return FALSE;
}

gboolean
ledger_restore_full (const char             *book_path,
                     const char             *from,
                     LedgerBackupPlaceFunc   place_of,
                     LedgerBookUpgradeFunc   before_upgrade,
                     char                  **out_safety_copy,
                     GError                **error)
{
  g_autoptr(LedgerBook) restored = NULL;

  g_return_val_if_fail (place_of != NULL, FALSE);

  /* Reading the book while replacing it would wait for its own lock. */
  if (ledger_path_is_book_file (book_path, from))
    return ledger_text_set_invalid_input (error, _("backup to restore"), from,
                                          _("this is the book itself; name one of its backups"));
  if (!check_copy (from, NULL, error))
    return FALSE;

  if (g_file_test (book_path, G_FILE_TEST_EXISTS))
    {
      if (!restore_over_book (book_path, from, place_of, before_upgrade, out_safety_copy, error))
        return FALSE;
    }
  else if (!restore_into_new_file (book_path, from, error))
    return FALSE;

  restored = ledger_book_open (book_path, LEDGER_BOOK_OPEN_DEFAULT, before_upgrade, error);
  return restored != NULL;
}

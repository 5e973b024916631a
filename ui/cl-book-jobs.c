/* cl-book-jobs.c — verify and backups of the window's book, in a
 * worker thread with their progress (cl-job.c), while the window stays
 * usable. The window keeps the job (cl-window.c); this tells the result. */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cl-book-jobs.h"
#include "cl-feedback.h"
#include "ledger.h"

/* The book a job reads, through its own read-only connection: a
 * LedgerBook must not be used from two threads. */
typedef struct
{
  char           *book_path;
  char           *dest;      /* backups: where the copy goes */
  LedgerTreeHead  head;      /* verify: the fingerprint recomputed */
} BookJob;

/* Who started a job: a weak reference to the window (cl_job_weak_owner),
 * and what to ask it when the job ends. */
typedef struct
{
  gpointer       weak_window;
  ClBookJobEnded ended;
} BookJobOwner;

static gpointer
book_job_owner_new (GtkWindow      *window,
                    ClBookJobEnded  ended)
{
  BookJobOwner *owner = g_new (BookJobOwner, 1);

  owner->weak_window = cl_job_weak_owner (window);
  owner->ended = ended;
  return owner;
}

static void
book_job_free (gpointer data)
{
  BookJob *job = data;

  g_free (job->book_path);
  g_free (job->dest);
  g_free (job);
}

static BookJob *
book_job_new (const char *book_path,
              const char *dest)
{
  BookJob *job = g_new0 (BookJob, 1);

  job->book_path = g_strdup (book_path);
  job->dest = g_strdup (dest);
  return job;
}

/* A message with a Close button (the result of a job). */
static void
show_message (GtkWindow  *owner,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (owner, heading, body);

  gtk_widget_set_name (dialog, "job-result-dialog");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Worker thread: the job's own read-only connection to the book (the
 * quick_check was made when the window opened it). */
static LedgerBook *
book_job_open (BookJob  *job,
               GError  **error)
{
  return ledger_community_open (job->book_path, LEDGER_BOOK_OPEN_READ_ONLY | LEDGER_BOOK_OPEN_NO_CHECK, error);
}

/* Worker thread: ledger_verify(), as `community-ledger verify`. */
static gboolean
verify_thread (ClJob         *job,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  BookJob *verify = data;
  g_autoptr(LedgerBook) book = book_job_open (verify, error);

  return book != NULL &&
         ledger_verify_full (book, &verify->head, cl_job_progress, job, cancellable, error);
}

/* "1234 of 98627 entries checked" (the last step is the report caches). */
static char *
verify_progress_text (gint64 done,
                      gint64 total)
{
  gint64 entries = MAX (total - 1, 0);

  return g_strdup_printf (_("%" PRId64 " of %" PRId64 " entries checked"),
                          MIN (done, entries), entries);
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BookJobOwner *owner = user_data;
  g_autoptr(GtkWindow) self = cl_job_steal_owner (owner->weak_window);
  ClBookJobEnded ended = owner->ended;
  ClJob *job = CL_JOB (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = cl_job_finish (job, result, &error);
  BookJob *verify = g_object_get_data (G_OBJECT (job), "cl-book-job");

  g_free (owner);
  /* A window closed meanwhile detached its job (dispose): nothing to say. */
  if (self == NULL || !ended (self, job))
    return;
  if (ok)
    {
      g_autofree char *fingerprint = ledger_tree_head_format (&verify->head);
      g_autofree char *body = g_strdup_printf (_("Every one of the %" PRIu64 " entries matches the "
                                                 "fingerprint recorded when it was written, and the reports "
                                                 "agree with the journal.\n\nFingerprint: %s"),
                                               verify->head.size, fingerprint);

      show_message (self, _("The Book Is Sound"), body);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (_("Verify cancelled: the book was not changed")));
  else if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY))
    show_message (self, _("The Book Differs From Its Fingerprint"), error->message);
  else
    cl_window_show_error (GTK_WIDGET (self), _("verifying the book"), error);
}

ClJob *
cl_book_jobs_verify (GtkWindow      *owner,
                     const char     *book_path,
                     ClBookJobEnded  ended)
{
  BookJob *verify = book_job_new (book_path, NULL);
  ClJob *job = cl_job_new (owner, _("Verifying the Book"), TRUE,
                           _("Every entry is hashed again and compared with its recorded fingerprint. "
                             "Nothing is written."));

  cl_job_set_format_func (job, verify_progress_text);
  /* The job owns @verify (cl_job_run); the result callback reads it here. */
  g_object_set_data (G_OBJECT (job), "cl-book-job", verify);
  cl_job_run (job, verify_thread, verify, book_job_free, verify_done_cb, book_job_owner_new (owner, ended));
  return job;
}

/* Worker thread: VACUUM INTO and integrity_check on the copy. */
static gboolean
backup_thread (ClJob         *job,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  BookJob *backup = data;
  g_autoptr(LedgerBook) book = book_job_open (backup, error);

  return book != NULL &&
         ledger_backup_to_file_full (book, backup->dest, cl_job_progress, job, cancellable, error);
}

static char *
backup_progress_text (gint64 done,
                      gint64 total)
{
  return g_strdup (done == 0 ? _("Copying the book…") : done < total ? _("Checking the copy…") : _("Done"));
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BookJobOwner *owner = user_data;
  g_autoptr(GtkWindow) self = cl_job_steal_owner (owner->weak_window);
  ClBookJobEnded ended = owner->ended;
  ClJob *job = CL_JOB (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = cl_job_finish (job, result, &error);

  g_free (owner);
  /* A window closed meanwhile detached its job (dispose): nothing to say. */
  if (self == NULL || !ended (self, job))
    return;
  if (ok)
    cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (_("Backup written and checked")));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (_("Backup cancelled: no file was written")));
  else
    cl_window_show_error (GTK_WIDGET (self), _("backing up the book"), error);
}

ClJob *
cl_book_jobs_backup (GtkWindow      *owner,
                     const char     *book_path,
                     const char     *dest,
                     ClBookJobEnded  ended)
{
  BookJob *backup = book_job_new (book_path, dest);
  ClJob *job = cl_job_new (owner, _("Backing Up the Book"), TRUE, NULL);

  cl_job_set_format_func (job, backup_progress_text);
  cl_job_run (job, backup_thread, backup, book_job_free, backup_done_cb, book_job_owner_new (owner, ended));
  return job;
}

/* cl-job.h — a long operation in a worker thread, with its progress
 *
 * Verify, backups, imports: anything that may take more than half a second
 * runs in a GTask thread while the window stays responsive. The worker
 * reports progress through cl_job_progress() (a LedgerProgressFunc); after
 * half a second a dialog shows it, with a progress bar and, where stopping
 * is safe, Cancel. Quick jobs finish before the dialog would show, so
 * nothing flashes.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_JOB (cl_job_get_type ())
G_DECLARE_FINAL_TYPE (ClJob, cl_job, CL, JOB, GObject)

/* How long a job runs before its progress dialog shows, in milliseconds. */
#define CL_JOB_PROGRESS_DELAY_MS 500

/* Runs in the worker thread: must not touch a widget. */
typedef gboolean (*ClJobFunc) (ClJob         *job,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

/* The progress bar's text for @done of @total (main thread). */
typedef char *(*ClJobFormatFunc) (gint64 done,
                                  gint64 total);

/**
 * cl_job_new:
 * @parent: the window the progress dialog belongs to
 * @heading: what the job does ("Verifying the Book")
 * @can_cancel: whether the dialog offers Cancel
 * @note: (nullable): a line under the progress bar (why it cannot be
 *   cancelled, say)
 */
ClJob        *cl_job_new (GtkWindow  *parent,
                          const char *heading,
                          gboolean    can_cancel,
                          const char *note);

void          cl_job_set_format_func (ClJob           *self,
                                      ClJobFormatFunc  format);

/* Starts @func (@data, freed with @destroy when the job is done, in any
 * thread) in a worker thread; @callback gets the result in the main
 * thread, with cl_job_finish(). Once only. */
void          cl_job_run (ClJob               *self,
                          ClJobFunc            func,
                          gpointer             data,
                          GDestroyNotify       destroy,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data);
gboolean      cl_job_finish (ClJob         *self,
                             GAsyncResult  *result,
                             GError       **error);

/* A LedgerProgressFunc for @job (from any thread): the latest figures,
 * shown at the next turn of the main loop. */
void          cl_job_progress (gpointer job,
                               gint64   done,
                               gint64   total);

/**
 * cl_job_detach:
 *
 * The window that started @self is going away: no progress dialog from
 * now on, and a job that can stop is cancelled. One that cannot (an
 * import: one transaction) runs to its end; the application waits for it
 * (cl_job_run() holds it). The window's result callback must then do
 * nothing: it compares the job with the one it keeps, which it cleared.
 */
void          cl_job_detach (ClJob *self);

/* For a result callback's user data: a weak reference to @object (the
 * window or dialog that started the job), so that a running job does not
 * keep it alive and closing it detaches the job. The callback takes it
 * back with cl_job_steal_owner(): a full reference, or NULL when the
 * object is gone; either way the weak reference is freed. */
gpointer      cl_job_weak_owner  (gpointer object);
gpointer      cl_job_steal_owner (gpointer weak_owner);

G_END_DECLS

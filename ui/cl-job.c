/* cl-job.c — a long operation in a worker thread, with its progress
 *
 * The worker never touches a widget: it stores the latest figures
 * atomically and, unless one is already on its way, sends one update to
 * the main context (the pattern of the notices page's workbook export).
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-job-private.h"

struct _ClJob
{
  GObject           parent_instance;

  /* Owned references */
  GtkWindow        *parent;     /* weak */
  char             *heading;
  char             *note;
  GCancellable     *cancellable;
  GMainContext     *context;    /* where progress is shown */
  AdwMessageDialog *dialog;     /* the progress dialog, once shown */
  GtkProgressBar   *bar;
  ClJobFormatFunc   format;

  /* The worker's function */
  ClJobFunc         func;
  gpointer          data;
  GDestroyNotify    destroy;

  gboolean          can_cancel;
  gboolean          running;
  gboolean          holds_app;  /* the application is held until the job ends */
  guint             delay_source;
  GMutex            lock;       /* guards done and total */
  gint64            done;       /* the latest figures */
  gint64            total;
  int               queued;     /* atomic: an update is on its way */
};

G_DEFINE_FINAL_TYPE (ClJob, cl_job, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Progress, in the main thread */

/* "42 %", or nothing while the total is not known (the bar pulses). */
static char *
default_format (gint64 done,
                gint64 total)
{
  return total > 0 ? g_strdup_printf (_("%d %%"), (int) (100 * done / total)) : NULL;
}

static void
show_progress (ClJob *self)
{
  g_autofree char *text = NULL;
  gint64 done, total;

  g_mutex_lock (&self->lock);
  done = self->done;
  total = self->total;
  g_mutex_unlock (&self->lock);
  if (self->bar == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (self->bar, CLAMP ((double) done / total, 0, 1));
  else
    gtk_progress_bar_pulse (self->bar);
  if (g_cancellable_is_cancelled (self->cancellable))
    text = g_strdup (_("Cancelling…"));
  else
    text = (self->format != NULL ? self->format : default_format) (done, total);
  gtk_progress_bar_set_text (self->bar, text);
}

static gboolean
progress_idle_cb (gpointer data)
{
  ClJob *self = data;

  g_atomic_int_set (&self->queued, FALSE);
  show_progress (self);
  return G_SOURCE_REMOVE;
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ClJob            *self)
{
  if (g_str_equal (response, "cancel"))
    cl_job_cancel (self);
}

/* A job that cannot be stopped keeps its dialog until it ends (Escape
 * closing it would look as if the job had stopped). */
static gboolean
dialog_close_request_cb (ClJob *self)
{
  return self->running && !self->can_cancel;
}

static void
dialog_destroyed_cb (ClJob *self)
{
  self->dialog = NULL;
  self->bar = NULL;
}

/* Half a second has passed and the job still runs: show its progress. */
static gboolean
show_dialog_cb (gpointer data)
{
  ClJob *self = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();

  self->delay_source = 0;
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, self->heading, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->dialog), "job-progress-dialog");
  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->bar), "job-progress-bar");
  gtk_progress_bar_set_show_text (self->bar, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->bar), GTK_ALIGN_CENTER);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_box_append (GTK_BOX (row), spinner);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (box), row);
  if (self->note != NULL)
    {
      GtkWidget *label = gtk_label_new (self->note);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_message_dialog_set_extra_child (self->dialog, box);
  if (self->can_cancel)
    {
      adw_message_dialog_add_response (self->dialog, "cancel", _("_Cancel"));
      adw_message_dialog_set_close_response (self->dialog, "cancel");
    }
  else
    g_signal_connect_object (self->dialog, "close-request", G_CALLBACK (dialog_close_request_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dialog, "response", G_CALLBACK (dialog_response_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  show_progress (self);
  gtk_window_present (GTK_WINDOW (self->dialog));
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ */
/* The worker */

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ClJob *self = source_object;
  GError *error = NULL;

  if (self->func (self, self->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

static void
cl_job_dispose (GObject *object)
{
  ClJob *self = CL_JOB (object);

  g_clear_handle_id (&self->delay_source, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (cl_job_parent_class)->dispose (object);
}

static void
cl_job_finalize (GObject *object)
{
  ClJob *self = CL_JOB (object);

  if (self->destroy != NULL)
    self->destroy (self->data);
  g_free (self->heading);
  g_free (self->note);
  g_clear_object (&self->cancellable);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (cl_job_parent_class)->finalize (object);
}

static void
cl_job_class_init (ClJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_job_dispose;
  object_class->finalize = cl_job_finalize;
}

static void
cl_job_init (ClJob *self)
{
  g_mutex_init (&self->lock);
  self->cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
}

/* ------------------------------------------------------------------ */
/* Public API */

ClJob *
cl_job_new (GtkWindow  *parent,
            const char *heading,
            gboolean    can_cancel,
            const char *note)
{
  ClJob *self;

  g_return_val_if_fail (heading != NULL, NULL);

  self = g_object_new (CL_TYPE_JOB, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->heading = g_strdup (heading);
  self->note = g_strdup (note);
  self->can_cancel = can_cancel;
  return self;
}

void
cl_job_set_format_func (ClJob           *self,
                        ClJobFormatFunc  format)
{
  g_return_if_fail (CL_IS_JOB (self));
  self->format = format;
}

void
cl_job_run (ClJob               *self,
            ClJobFunc            func,
            gpointer             data,
            GDestroyNotify       destroy,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CL_IS_JOB (self));
  g_return_if_fail (func != NULL && self->func == NULL);

  self->func = func;
  self->data = data;
  self->destroy = destroy;
  self->running = TRUE;
  /* Quitting waits for the worker: an import is not left half-way. */
  if (g_application_get_default () != NULL)
    {
      g_application_hold (g_application_get_default ());
      self->holds_app = TRUE;
    }
  self->delay_source = g_timeout_add (CL_JOB_PROGRESS_DELAY_MS, show_dialog_cb, self);
  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_name (task, "cl_job_run"); /* a function is no gpointer in ISO C */
  g_task_run_in_thread (task, job_thread);
}

gboolean
cl_job_finish (ClJob         *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (CL_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  g_clear_handle_id (&self->delay_source, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  if (self->holds_app)
    {
      self->holds_app = FALSE;
      g_application_release (g_application_get_default ());
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cl_job_progress (gpointer job,
                 gint64   done,
                 gint64   total)
{
  ClJob *self = job;

  g_mutex_lock (&self->lock);
  self->done = done;
  self->total = total;
  g_mutex_unlock (&self->lock);
  if (g_atomic_int_compare_and_exchange (&self->queued, FALSE, TRUE))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, progress_idle_cb,
                                g_object_ref (self), g_object_unref);
}

gpointer
cl_job_weak_owner (gpointer object)
{
  GWeakRef *ref = g_new (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

gpointer
cl_job_steal_owner (gpointer weak_owner)
{
  GWeakRef *ref = weak_owner;
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}

void
cl_job_detach (ClJob *self)
{
  g_return_if_fail (CL_IS_JOB (self));

  g_clear_handle_id (&self->delay_source, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->parent);
  if (self->can_cancel)
    g_cancellable_cancel (self->cancellable);
}

void
cl_job_cancel (ClJob *self)
{
  g_return_if_fail (CL_IS_JOB (self));

  if (!self->can_cancel)
    return;
  g_cancellable_cancel (self->cancellable);
  show_progress (self);
}

gboolean
cl_job_is_running (ClJob *self)
{
  g_return_val_if_fail (CL_IS_JOB (self), FALSE);
  return self->running;
}

GCancellable *
cl_job_get_cancellable (ClJob *self)
{
  g_return_val_if_fail (CL_IS_JOB (self), NULL);
  return self->cancellable;
}

GtkWindow *
cl_job_get_dialog (ClJob *self)
{
  g_return_val_if_fail (CL_IS_JOB (self), NULL);
  return self->dialog != NULL ? GTK_WINDOW (self->dialog) : NULL;
}

double
cl_job_get_fraction (ClJob *self)
{
  g_return_val_if_fail (CL_IS_JOB (self), 0);
  return self->bar != NULL ? gtk_progress_bar_get_fraction (self->bar) : 0;
}

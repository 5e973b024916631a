/* cl-import-dialog.c — registering households from a CSV file, with a preview
 *
 * The file is read and every row checked by ledger_import_read(), the
 * same function `household import` uses; the dialog only shows its plan.
 * Imports are all or nothing: while any row has a problem the Import
 * button stays insensitive, and the treasurer fixes the sheet and chooses
 * it again.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cl-feedback.h"
#include "cl-import-dialog-private.h"
#include "cl-job.h"
#include "ledger.h"

struct _ClImportDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkLabel         *summary_label;
  GtkWidget        *problems_box;
  GtkStringList    *problem_list;
  GtkNoSelection   *preview_selection;
  GtkWidget        *import_confirm_button;

  /* Owned references */
  LedgerBook       *book;
  LedgerImportPlan *plan;   /* NULL until a file was read, or while it is imported */
  ClJob            *job;    /* the import running in a worker thread, or NULL */
};

G_DEFINE_FINAL_TYPE (ClImportDialog, cl_import_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* Cell formatting: closures of the .ui's list item factories */

/* "89.50": an area of 0.01 m² without its unit (the header says m²). */
static char *
format_area (gpointer unused,
             gint64   centi_m2)
{
  return ledger_area_format (centi_m2);
}

/* A count of parking spaces as digits. */
static char *
format_count (gpointer unused,
              int      count)
{
  return g_strdup_printf ("%d", count);
}

/* ------------------------------------------------------------------ */
/* Showing a plan */

/* Replaces the list of problems; the list shows only when there are some. */
static void
set_problems (ClImportDialog     *self,
              const char * const *lines)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->problem_list));

  gtk_string_list_splice (self->problem_list, 0, old, lines);
  gtk_widget_set_visible (self->problems_box, lines != NULL && lines[0] != NULL);
}

/* Each problem of @plan, as the ledger words it: "line 4: area “abc”: not
 * a number" (the line number is already part of the message). */
static void
show_plan_problems (ClImportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < self->plan->problems->len; i++)
    {
      const LedgerImportProblem *problem = g_ptr_array_index (self->plan->problems, i);

      g_strv_builder_add (builder, problem->message);
    }
  lines = g_strv_builder_end (builder);
  set_problems (self, (const char * const *) lines);
}

/* The rows of the plan that are good, as the table will show them. */
static void
show_preview (ClImportDialog *self)
{
  g_autoptr(GListStore) store = g_list_store_new (LEDGER_TYPE_HOUSEHOLD_ITEM);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->plan != NULL && i < self->plan->households->len; i++)
    g_ptr_array_add (items, ledger_household_item_new (g_ptr_array_index (self->plan->households, i)));
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  gtk_no_selection_set_model (self->preview_selection, G_LIST_MODEL (store));
}

/* The sentence above the lists, and whether Import may be pressed. */
static void
show_summary (ClImportDialog *self)
{
  guint rows = self->plan->households->len;
  guint problems = self->plan->problems->len;
  g_autofree char *text = NULL;

  if (problems > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u problem. Nothing is imported until every row is right: "
                                         "correct the file and choose it again.",
                                         "%u problems. Nothing is imported until every row is right: "
                                         "correct the file and choose it again.", problems),
                            problems);
  else if (rows == 0)
    text = g_strdup (_("The file holds no households."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household ready to import (%s).",
                                         "%u households ready to import (%s).", rows),
                            rows, self->plan->encoding);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_sensitive (self->import_confirm_button, problems == 0 && rows > 0);
}

/* A file that could not be read at all (no header, not text, missing). */
static void
show_unreadable (ClImportDialog *self,
                 const GError   *error)
{
  const char *lines[] = { error->message, NULL };

  gtk_label_set_text (self->summary_label, _("Nothing can be imported from this file."));
  set_problems (self, lines);
  gtk_widget_set_sensitive (self->import_confirm_button, FALSE);
}

/* ------------------------------------------------------------------ */
/* Signal callbacks */

/* An import in the worker thread: the plan travels with it (the dialog
 * gets it back if the import fails) and the book is written through a
 * connection of the thread's own; a LedgerBook must not be used from two
 * threads. The book is in rollback-journal mode, so the window's idle
 * connection and this one take turns through SQLite's locks. */
typedef struct
{
  char             *book_path;
  char             *operator_name;
  LedgerImportPlan *plan;
  guint             count;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->book_path);
  g_free (job->operator_name);
  g_clear_pointer (&job->plan, ledger_import_plan_free);
  g_free (job);
}

/* Worker thread: the automatic backup, then every row in one transaction. */
static gboolean
import_thread (ClJob         *job,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ImportJob *import = data;
  g_autoptr(LedgerBook) book = ledger_community_open (import->book_path, LEDGER_BOOK_OPEN_NO_CHECK, error);

  if (book == NULL)
    return FALSE;
  ledger_book_set_operator (book, import->operator_name);
  return ledger_import_households_full (book, import->plan, cl_job_progress, job, &import->count, error);
}

static char *
import_progress_text (gint64 done,
                      gint64 total)
{
  return done == 0 ? g_strdup (_("Backing up the book first…"))
                   : g_strdup_printf (_("%" PRId64 " of %" PRId64 " households added"), done, total);
}

/* While an import runs, the dialog cannot be closed or changed. */
static void
set_busy (ClImportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (self->import_confirm_button, !busy && self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !busy);
  gtk_widget_set_sensitive (gtk_widget_get_parent (self->import_confirm_button), !busy);
}

/* Main thread, the import done: the book's pages reload (the write was
 * committed on another connection, so the window's book is told), a
 * toast, and the dialog closes; or the problem, and the plan is back. */
static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClImportDialog) self = cl_job_steal_owner (user_data);
  ClJob *job = CL_JOB (source);
  ImportJob *import = g_object_get_data (G_OBJECT (job), "cl-import-job");
  g_autoptr(GError) error = NULL;
  gboolean ok = cl_job_finish (job, result, &error);
  GtkWindow *parent;
  g_autofree char *message = NULL;

  /* A dialog destroyed meanwhile (with its window) detached the job. */
  if (self == NULL || self->job != job)
    return;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_clear_object (&self->job);
  if (ok)
    g_signal_emit_by_name (self->book, "changed");
  if (!ok)
    {
      self->plan = g_steal_pointer (&import->plan);
      set_busy (self, FALSE);
      show_summary (self);
      cl_window_show_error (GTK_WIDGET (self), _("importing the households"), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household imported",
                                          "%u households imported", import->count), import->count);
  if (parent != NULL)
    cl_window_add_toast (GTK_WIDGET (parent), adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Writes every row of the plan in one transaction, or none, in a worker
 * thread: with the automatic backup first, a large book takes seconds. It
 * cannot be cancelled once started, and the dialog says so: a half-done
 * import is never possible (one transaction), and stopping it would only
 * leave the treasurer unsure whether the file went in. */
static void
import_clicked_cb (ClImportDialog *self)
{
  ImportJob *import;
  g_autofree char *text = NULL;
  guint rows;

  g_return_if_fail (self->plan != NULL && self->job == NULL);

  rows = self->plan->households->len;
  import = g_new0 (ImportJob, 1);
  import->book_path = g_strdup (ledger_book_get_path (self->book));
  import->operator_name = g_strdup (ledger_book_get_operator (self->book));
  import->plan = g_steal_pointer (&self->plan);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Importing %u household… This cannot be cancelled: every row is "
                                       "added in one transaction, so the book gets all of them or none.",
                                       "Importing %u households… This cannot be cancelled: every row is "
                                       "added in one transaction, so the book gets all of them or none.", rows),
                          rows);
  gtk_label_set_text (self->summary_label, text);
  set_busy (self, TRUE);
  self->job = cl_job_new (GTK_WINDOW (self), _("Importing Households"), FALSE,
                          _("This cannot be cancelled: every row is added in one transaction, after an "
                            "automatic backup. If anything fails, nothing is changed."));
  cl_job_set_format_func (self->job, import_progress_text);
  g_object_set_data (G_OBJECT (self->job), "cl-import-job", import);
  cl_job_run (self->job, import_thread, import, import_job_free, import_done_cb, cl_job_weak_owner (self));
}

/* Loads the chosen file and shows the preview; a first choice cancelled
 * leaves nothing behind. */
static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ClImportDialog  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      cl_import_dialog_load (self, path);
      gtk_window_present (GTK_WINDOW (self));
    }
  else if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (chooser);
}

/* "Choose Another File…": after the sheet was corrected. */
static void
choose_clicked_cb (ClImportDialog *self)
{
  cl_import_dialog_choose_file (self);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Drops the template's widgets, the book and the plan. */
static void
cl_import_dialog_dispose (GObject *object)
{
  ClImportDialog *self = CL_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->book);
  g_clear_pointer (&self->plan, ledger_import_plan_free);
  if (self->job != NULL)
    cl_job_detach (self->job);
  g_clear_object (&self->job);
  G_OBJECT_CLASS (cl_import_dialog_parent_class)->dispose (object);
}

/* An import that has started is seen through: closing waits for it. */
static gboolean
cl_import_dialog_close_request (GtkWindow *window)
{
  if (CL_IMPORT_DIALOG (window)->job != NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (cl_import_dialog_parent_class)->close_request (window);
}

/* The template, its callbacks, and Escape. */
static void
cl_import_dialog_class_init (ClImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cl_import_dialog_close_request;

  g_type_ensure (LEDGER_TYPE_HOUSEHOLD_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, problem_list);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, preview_selection);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, import_confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, format_area);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Builds the dialog from its template. */
static void
cl_import_dialog_init (ClImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Public API */

/* A dialog for @book, modal for @parent. */
ClImportDialog *
cl_import_dialog_new (GtkWindow  *parent,
                      LedgerBook *book)
{
  ClImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  self = g_object_new (CL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  return self;
}

/* Over the preview when it is showing, else over the main window. */
void
cl_import_dialog_choose_file (ClImportDialog *self)
{
  GtkWindow *over = gtk_widget_get_visible (GTK_WIDGET (self))
                    ? GTK_WINDOW (self) : gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (CL_IS_IMPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Import Households"), over, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Replaces the plan with the one read from @path and shows it. */
void
cl_import_dialog_load (ClImportDialog *self,
                       const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (CL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  name = g_path_get_basename (path);
  adw_window_title_set_subtitle (self->window_title, name);
  g_clear_pointer (&self->plan, ledger_import_plan_free);
  self->plan = ledger_import_read (self->book, path, &error);
  show_preview (self);
  if (self->plan == NULL)
    {
      show_unreadable (self, error);
      return;
    }
  show_plan_problems (self);
  show_summary (self);
}

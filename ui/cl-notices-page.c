/* cl-notices-page.c — the notice for the board: a live preview of the
 * period's pages (drawn by the routine that draws the PDF), Publish…
 * (PDF, PNG and HTML, recorded in the book), Print…, and the auditor's
 * workbook written in a worker thread while the window stays responsive.
 * Below: what is left to announce, the periods published (each closed,
 * or with Close Period…, which seals it after a confirmation) and the
 * published notices. */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-feedback.h"
#include "cl-format.h"
#include "cl-notices-page-private.h"
#include "cl-print-preview.h"
#include "exports.h"
#include "ledger.h"

/* Pixels per point of the preview image (1191 × 1684 for A4): sharp
 * enough to read the small print and the QR code in a tall window. */
#define PREVIEW_SCALE 2.0

/* How long the workbook export runs before its progress shows (ms). */
#define EXPORT_PROGRESS_DELAY_MS 500

/* The items of the period kind drop-down. */
typedef enum { KIND_YEAR, KIND_QUARTER, KIND_MONTH } PeriodKind;

/* What to do with the path chosen in a file chooser. */
typedef void (*ChosenFunc) (ClNoticesPage *self, const char *path);

/* The function a file chooser hands its file to, in a box: ISO C does not
 * let a function pointer pass as the gpointer of g_object_set_data(). */
typedef struct
{
  ChosenFunc func;
} ChosenCall;

/* A workbook being written. Shared by the page (main thread), the worker
 * thread and the progress updates in between, hence reference counted
 * (g_atomic_rc_box); only the main thread touches @page. */
typedef struct
{
  ClNoticesPage *page;        /* NULL once the page is gone */
  GMainContext  *context;     /* where progress is shown */
  GCancellable  *cancellable;
  char          *book_path;
  LedgerPeriod   period;
  char          *path;        /* the file the treasurer chose */
  int            per_mille;   /* atomic: the latest progress */
  int            queued;      /* atomic: a progress update is on its way */
} ExportJob;

struct _ClNoticesPage
{
  ClPage             parent_instance;

  /* Template widgets */
  GtkDropDown       *kind_dropdown;
  GtkSpinButton     *year_spin;
  GtkSpinButton     *part_spin;
  GtkLabel          *period_label;
  GtkRevealer       *export_revealer;
  GtkProgressBar    *export_progress;
  GtkStack          *preview_stack;
  GtkPicture        *preview_picture;
  AdwStatusPage     *preview_status;
  GtkWidget         *navigation_box;
  GtkLabel          *page_label;
  GtkLabel          *unannounced_label;
  GtkLabel          *close_error_label;
  GtkListBox        *periods_list;
  GtkListBox        *notices_list;

  /* Owned references */
  ExportNoticePages *pages;   /* the previewed notice; NULL when it cannot be drawn */
  ExportJob         *job;     /* the workbook being written, or NULL */
  guint              reveal_source; /* shows the export's progress after half a second */

  LedgerPeriod       period;
  int                page;           /* the page shown, from 1 */
  gboolean           period_chosen;  /* else the current quarter by the book's clock */
  gboolean           syncing;        /* setting the period controls from code */
};

G_DEFINE_FINAL_TYPE (ClNoticesPage, cl_notices_page, CL_TYPE_PAGE)

enum { EXPORT_DONE, N_SIGNALS };

static guint signals[N_SIGNALS];

static void actions_update (ClNoticesPage *self);
static ClPrintPreview *cl_notices_page_print_preview (ClNoticesPage *self);

/* ------------------------------------------------------------------ */
/* The period */

/* The controls show the chosen period: its kind, year and quarter or month. */
static void
show_period (ClNoticesPage *self)
{
  PeriodKind kind = strchr (self->period.name, 'Q') != NULL ? KIND_QUARTER
                    : strlen (self->period.name) == 4 ? KIND_YEAR : KIND_MONTH;
  int month = (int) g_ascii_strtoll (self->period.first + 5, NULL, 10);
  g_autofree char *range = cl_format_date_range (self->period.first, self->period.last);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  gtk_spin_button_set_value (self->year_spin, self->period.year);
  gtk_spin_button_set_range (self->part_spin, 1, kind == KIND_MONTH ? 12 : 4);
  gtk_spin_button_set_value (self->part_spin, kind == KIND_QUARTER ? (month - 1) / 3 + 1 : month);
  gtk_widget_set_visible (GTK_WIDGET (self->part_spin), kind != KIND_YEAR);
  gtk_label_set_text (self->period_label, range);
  self->syncing = FALSE;
}

/* ------------------------------------------------------------------ */
/* The preview */

/* A texture sharing @surface's pixels. CAIRO_FORMAT_ARGB32 is native-endian
 * premultiplied ARGB, which is GDK_MEMORY_DEFAULT on either byte order
 * (GDK_MEMORY_B8G8R8A8_PREMULTIPLIED on little-endian). */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  g_assert (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* In place of the preview: why there is none. */
static void
show_preview_problem (ClNoticesPage *self,
                      const char    *message)
{
  gtk_picture_set_paintable (self->preview_picture, NULL);
  adw_status_page_set_description (self->preview_status, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "problem");
  gtk_widget_set_visible (self->navigation_box, FALSE);
}

/* Draws the page shown into the picture, with "Page 1 of 2" when the
 * notice has several pages. */
static void
show_preview_page (ClNoticesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *text = NULL;
  int n_pages = export_notice_pages_get_n_pages (self->pages);
  cairo_surface_t *surface = export_notice_pages_render (self->pages, self->page, PREVIEW_SCALE, &error);

  if (surface == NULL)
    {
      show_preview_problem (self, error->message);
      return;
    }
  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  text = g_strdup_printf (_("Page %d of %d"), self->page, n_pages);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_visible (self->navigation_box, n_pages > 1);
}

/* Gathers the chosen period's notice again and shows the page shown, or
 * its last page when it has become shorter. Records nothing. */
static void
rebuild_preview (ClNoticesPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->pages, export_notice_pages_free);
  if (book != NULL)
    self->pages = export_notice_pages_new (book, &self->period, &error);
  if (self->pages == NULL)
    show_preview_problem (self, error != NULL ? error->message : _("No book is open"));
  else
    {
      self->page = CLAMP (self->page, 1, export_notice_pages_get_n_pages (self->pages));
      show_preview_page (self);
    }
  actions_update (self);
}

/* Makes @period the chosen one, from its first page. */
static void
use_period (ClNoticesPage      *self,
            const LedgerPeriod *period)
{
  self->period = *period;
  self->page = 1;
  show_period (self);
  rebuild_preview (self);
}

/* The kind, year or part changed: the period they name ("2026",
 * "2026-Q2", "2026-06"; a month past 4 becomes Q4). */
static void
period_changed_cb (ClNoticesPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  int part = gtk_spin_button_get_value_as_int (self->part_spin);
  g_autofree char *name = NULL;

  if (self->syncing)
    return;
  switch (gtk_drop_down_get_selected (self->kind_dropdown))
    {
    case KIND_QUARTER: name = g_strdup_printf ("%d-Q%d", year, MIN (part, 4)); break;
    case KIND_MONTH:   name = g_strdup_printf ("%d-%02d", year, part); break;
    default:           name = g_strdup_printf ("%d", year); break;
    }
  cl_notices_page_set_period (self, name);
}

/* ------------------------------------------------------------------ */
/* What has been published */

/* One published notice: its period, when ("2026-06-30 10:00"), and the
 * short form of the fingerprint it shows. */
static GtkWidget *
notice_row_new (const LedgerNotice *notice)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *range = cl_format_date_range (notice->first, notice->last);
  g_autofree char *title = g_strdup_printf (_("%s (%s)"), notice->period, range);
  g_autofree char *when = cl_format_date_time (notice->published_at);
  g_autofree char *short_form = NULL, *subtitle = NULL;
  LedgerTreeHead head;

  if (ledger_tree_head_parse (notice->fingerprint, "fingerprint", &head, NULL))
    short_form = ledger_tree_head_format_short (&head);
  subtitle = g_strdup_printf (_("Published %s · fingerprint %s"), when,
                              short_form != NULL ? short_form : notice->fingerprint);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The published notices, newest first. */
static void
show_notices (ClNoticesPage *self,
              LedgerBook    *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = ledger_notice_list (book, &error);
  GtkListBoxRow *row;

  /* Row by row: the placeholder is a child too, and must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->notices_list, 0)) != NULL)
    gtk_list_box_remove (self->notices_list, GTK_WIDGET (row));
  if (notices == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the published notices"), error);
      return;
    }
  for (guint i = notices->len; i > 0; i--)
    gtk_list_box_append (self->notices_list, notice_row_new (g_ptr_array_index (notices, i - 1)));
}

/* A period published or closed: its days, and either when it was closed
 * or a button to close it. */
static GtkWidget *
period_row_new (const LedgerPeriodState *state)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *range = cl_format_date_range (state->first, state->last);
  g_autofree char *title = g_strdup_printf (_("%s (%s)"), state->period, range);
  g_autofree char *name = g_strdup_printf ("period-row-%s", state->period);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (state->closed)
    {
      g_autofree char *day = cl_format_date (state->closed_on);

      subtitle = g_strdup_printf (_("Closed on %s: no entry may be dated inside it"), day);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Close Period…"));
      g_autofree char *button_name = g_strdup_printf ("close-period-button-%s", state->period);

      gtk_widget_set_name (button, button_name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notices.close-period");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", state->period);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      subtitle = g_strdup (_("Notice published; the period is open"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The closed periods, then those published but open (ledger_period_list()). */
static void
show_periods (ClNoticesPage *self,
              LedgerBook    *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = ledger_period_list (book, &error);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->periods_list, 0)) != NULL)
    gtk_list_box_remove (self->periods_list, GTK_WIDGET (row));
  if (periods == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the closed periods"), error);
      return;
    }
  for (guint i = 0; i < periods->len; i++)
    gtk_list_box_append (self->periods_list, period_row_new (g_ptr_array_index (periods, i)));
}

/* How many expenditures no published notice has listed yet. */
static void
show_unannounced (ClNoticesPage *self,
                  LedgerBook    *book)
{
  g_autoptr(GPtrArray) expenditures = ledger_expenditure_list (book, NULL, NULL);
  g_autofree char *text = NULL;
  guint n = 0;

  for (guint i = 0; expenditures != NULL && i < expenditures->len; i++)
    n += !ledger_expenditure_is_announced (book, ((LedgerExpenditure *) g_ptr_array_index (expenditures, i))->id);
  if (n == 0)
    text = g_strdup (_("Every expenditure has been announced."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expenditure has not been announced on a notice yet.",
                                         "%u expenditures have not been announced on a notice yet.", n), n);
  gtk_label_set_text (self->unannounced_label, text);
}

/* ------------------------------------------------------------------ */
/* Choosing a file */

/* The window the page is in, as a parent for dialogs. */
static GtkWindow *
page_window (ClNoticesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The file chooser closed: hands the chosen path on. */
static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                ClNoticesPage   *self)
{
  ChosenCall *call = g_object_get_data (G_OBJECT (dialog), "cl-chosen-func");
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    call->func (self, path);
  g_object_unref (dialog);
}

/* Asks where to save (GTK 4.8 has no GtkFileDialog: GtkFileChooserNative). */
static void
choose_file (ClNoticesPage *self,
             const char    *title,
             const char    *accept,
             const char    *suggested_name,
             const char    *filter_name,
             const char    *pattern,
             ChosenFunc     func)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, page_window (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                                              accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ChosenCall *call = g_new (ChosenCall, 1);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  call->func = func;
  g_object_set_data_full (G_OBJECT (dialog), "cl-chosen-func", call, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ */
/* Publishing and printing */

/* The print preview of the chosen period's notice, gathered now, on the
 * page shown here; not yet shown. */
static ClPrintPreview *
print_preview_new (ClNoticesPage  *self,
                   GError        **error)
{
  ClPrintPreview *preview = cl_print_preview_new_for_notice (page_window (self), cl_page_get_book (CL_PAGE (self)),
                                                             &self->period, error);

  if (preview != NULL)
    cl_print_preview_set_page (preview, self->page);
  return preview;
}

/* notices.print-preview (Ctrl+P): the pages as they will print, with
 * Print… (the system print dialog, whose own Preview button shows this
 * window again) and Save as PDF….
 *
 * Printing does NOT record a publication. The record names the SHA-256 of
 * the files that were published, and a print job leaves no file to hash;
 * GTK only reports that the job reached the spooler, not that a page came
 * out, let alone that it was posted on the board. A print is a proof or
 * an extra copy: Publish… makes the record (and its PDF prints the same
 * pages, since both are drawn by export_notice_draw_page()). */
static void
print_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (widget);

  cl_notices_page_print_preview (self);
}

/* Publishes to the chosen PDF; a failure is shown in a dialog. */
static void
publish_chosen (ClNoticesPage *self,
                const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (!cl_notices_page_publish_to (self, path, &error))
    cl_window_show_error (GTK_WIDGET (self), _("publishing the notice"), error);
}

/* notices.publish (Shift+Ctrl+P): where the PDF goes, then publish. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (widget);
  g_autofree char *name = g_strdup_printf (_("notice-%s.pdf"), self->period.name);

  choose_file (self, _("Publish Notice"), _("_Publish"), name, _("PDF documents"), "*.pdf",
               publish_chosen);
}

/* ------------------------------------------------------------------ */
/* Closing a period */

/* The close, confirmed: done, or its one-line reason shown above the
 * periods. */
static void
close_confirmed_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ClNoticesPage    *self)
{
  const char *period = g_object_get_data (G_OBJECT (dialog), "cl-period");
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "close") || book == NULL)
    return;
  if (!ledger_period_close (book, period, NULL, &error))
    {
      gtk_label_set_text (self->close_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->close_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->close_error_label), FALSE);
  title = g_strdup_printf (_("%s is closed"), period);
  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

/* notices.close-period (a period's name): what closing means, then close. */
static void
close_period_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (widget);
  const char *period = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = g_strdup_printf (_("Close %s?"), period);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the period's name four times ("2026-Q1"); 对已公示期间的更正
   * is the notice's heading, printed in Chinese whatever the language. */
  body = g_strdup_printf (_("After closing, no entry may be dated inside %s: the book refuses any "
                            "payment, spending or other entry dated in it. A mistake found later is "
                            "entered in an open period, marked as correcting %s, and the next notice "
                            "lists it under 对已公示期间的更正. Closing %s is recorded in the journal "
                            "and cannot be undone; %s stays as its notice published it."),
                          period, period, period, period);
  dialog = adw_message_dialog_new (page_window (self), heading, body);
  gtk_widget_set_name (dialog, "close-period-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("_Close Period"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cl-period", g_strdup (period), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* The workbook, written off the main thread */

/* Frees what the job owns; safe on any thread. */
static void
export_job_clear (ExportJob *job)
{
  g_main_context_unref (job->context);
  g_object_unref (job->cancellable);
  g_free (job->book_path);
  g_free (job->path);
}

/* Drops one reference to @job (a GDestroyNotify). */
static void
export_job_release (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) export_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_release)

/* A job writing the chosen period's workbook to @path. */
static ExportJob *
export_job_new (ClNoticesPage *self,
                const char    *path)
{
  ExportJob *job = g_atomic_rc_box_new0 (ExportJob);

  job->page = self;
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_cancellable_new ();
  job->book_path = g_strdup (ledger_book_get_path (cl_page_get_book (CL_PAGE (self))));
  job->period = self->period;
  job->path = g_strdup (path);
  return job;
}

/* Main thread: the latest progress into the bar. */
static gboolean
show_progress_cb (gpointer data)
{
  ExportJob *job = data;

  g_atomic_int_set (&job->queued, FALSE);
  if (job->page != NULL && job->page->job == job)
    gtk_progress_bar_set_fraction (job->page->export_progress, g_atomic_int_get (&job->per_mille) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* Worker thread: notes the progress and, unless an update is already on
 * its way, sends one to the main thread. Never touches a widget. */
static void
export_progress_cb (int      per_mille,
                    gpointer data)
{
  ExportJob *job = data;

  g_atomic_int_set (&job->per_mille, per_mille);
  if (g_atomic_int_compare_and_exchange (&job->queued, FALSE, TRUE))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_progress_cb,
                                g_atomic_rc_box_acquire (job), export_job_release);
}

/* Worker thread: a LedgerBook must not be used from two threads, so the
 * export reads through its own read-only connection to the same file. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = ledger_community_open (job->book_path,
                                                      LEDGER_BOOK_OPEN_READ_ONLY | LEDGER_BOOK_OPEN_NO_CHECK,
                                                      &error);

  gboolean written = book != NULL &&
                     export_workbook_full (book, &job->period, job->path, export_progress_cb, job,
                                           job->cancellable, &error);

  if (!written)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Main thread, the worker done: a word on how it went. A cancelled or
 * failed export leaves no file (export_workbook() writes under a name of
 * its own and renames only a whole workbook); one that was renamed into
 * place before Cancel was pressed is whole and stays, reported as written
 * (the task does not turn a finished export into a cancelled one). */
static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(ExportJob) job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ClNoticesPage *self = job->page;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;
  g_assert (self->job == job);
  gtk_progress_bar_set_fraction (self->export_progress, g_atomic_int_get (&job->per_mille) / 1000.0);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  title = g_strdup (_("Export cancelled: no file was written"));
  if (ok)
    cl_window_add_toast (GTK_WIDGET (self), cl_toast_new_for_file (_("Workbook written to %s"), job->path));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (title));
  else
    cl_window_show_error (GTK_WIDGET (self), _("exporting the workbook"), error);
  g_clear_pointer (&self->job, export_job_release);
  actions_update (self);
  g_signal_emit (self, signals[EXPORT_DONE], 0, ok);
}

/* notices.export-workbook (Ctrl+E): where the workbook goes, then write it. */
static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (widget);
  g_autofree char *name = g_strdup_printf (_("ledger-%s.xlsx"), self->period.name);

  choose_file (self, _("Export Workbook"), _("_Export"), name, _("Excel workbooks"), "*.xlsx",
               cl_notices_page_export_xlsx_to);
}

/* notices.cancel-export: the worker stops at its next batch of journal
 * rows (or, past them, before the file gets its name) and leaves no file. */
static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (widget);

  if (self->job == NULL)
    return;
  g_cancellable_cancel (self->job->cancellable);
  gtk_progress_bar_set_text (self->export_progress, _("Cancelling…"));
  actions_update (self);
}

/* ------------------------------------------------------------------ */
/* Page navigation and actions */

/* notices.previous-page (Page Up) and notices.next-page (Page Down). */
static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (widget);
  int step = g_str_equal (action_name, "notices.next-page") ? 1 : -1;

  if (self->pages == NULL)
    return;
  self->page = CLAMP (self->page + step, 1, export_notice_pages_get_n_pages (self->pages));
  show_preview_page (self);
  actions_update (self);
}

/* Enables each action for what the page shows and is doing. */
static void
actions_update (ClNoticesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  int n_pages = self->pages != NULL ? export_notice_pages_get_n_pages (self->pages) : 0;
  gboolean exporting = self->job != NULL;

  /* The export's read transaction would hold up the publication's write. */
  gtk_widget_action_set_enabled (widget, "notices.publish",
                                 book != NULL && n_pages > 0 && !ledger_book_is_read_only (book) && !exporting);
  gtk_widget_action_set_enabled (widget, "notices.print-preview", n_pages > 0);
  gtk_widget_action_set_enabled (widget, "notices.close-period",
                                 book != NULL && !ledger_book_is_read_only (book) && !exporting);
  gtk_widget_action_set_enabled (widget, "notices.export-workbook", book != NULL && !exporting);
  gtk_widget_action_set_enabled (widget, "notices.cancel-export",
                                 exporting && !g_cancellable_is_cancelled (self->job->cancellable));
  gtk_widget_action_set_enabled (widget, "notices.previous-page", self->page > 1 && n_pages > 0);
  gtk_widget_action_set_enabled (widget, "notices.next-page", self->page < n_pages);
}

/* ------------------------------------------------------------------ */
/* ClPage */

/* Everything again: the preview (the fingerprint it prints changes with
 * every entry), the published notices, what is left to announce. */
static void
cl_notices_page_reload (ClPage     *page,
                        LedgerBook *book)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (page);
  g_autofree char *quarter = NULL;
  char today[11];

  /* Until the treasurer chooses, the current quarter by the book's clock. */
  ledger_book_today (book, today);
  quarter = g_strdup_printf ("%d-Q%d", ledger_date_year (today), ((today[5] - '0') * 10 + today[6] - '0' + 2) / 3);
  if (!self->period_chosen && ledger_period_parse (quarter, "period", &self->period, NULL))
    show_period (self);
  rebuild_preview (self);
  show_notices (self, book);
  show_periods (self, book);
  show_unannounced (self, book);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Lets a running export finish on its own (its file is thrown away),
 * then releases the template and the preview. */
static void
cl_notices_page_dispose (GObject *object)
{
  ClNoticesPage *self = CL_NOTICES_PAGE (object);

  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->job != NULL)
    {
      self->job->page = NULL;
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, export_job_release);
    }
  g_clear_pointer (&self->pages, export_notice_pages_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_NOTICES_PAGE);
  G_OBJECT_CLASS (cl_notices_page_parent_class)->dispose (object);
}

/* The template, its children and callbacks, the signal, the actions and their keys. */
static void
cl_notices_page_class_init (ClNoticesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_notices_page_dispose;
  CL_PAGE_CLASS (klass)->reload = cl_notices_page_reload;

  /* ClNoticesPage::export-done: a workbook export ended (TRUE: written). */
  signals[EXPORT_DONE] = g_signal_new ("export-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-notices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, part_spin);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, preview_status);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, navigation_box);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, unannounced_label);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, notices_list);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, periods_list);
  gtk_widget_class_bind_template_child (widget_class, ClNoticesPage, close_error_label);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "notices.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "notices.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "notices.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "notices.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "notices.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "notices.next-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "notices.close-period", "s", close_period_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "notices.publish", NULL);
  /* Ctrl+P shows the print preview, as on the payments page (Print… is one
   * key away there); Shift+Ctrl+P stays Publish. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "notices.print-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "notices.export-workbook", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "notices.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "notices.next-page", NULL);
}

/* Until a book says what today is, the controls show 2026-Q1 idle. */
static void
cl_notices_page_init (ClNoticesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  if (!ledger_period_parse ("2026-Q1", "period", &self->period, NULL))
    g_assert_not_reached ();
  self->page = 1;
  show_period (self);
  actions_update (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* The period typed as text, as the controls would choose it. */
void
cl_notices_page_set_period (ClNoticesPage *self,
                            const char    *period)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod parsed;

  g_return_if_fail (CL_IS_NOTICES_PAGE (self));
  g_return_if_fail (period != NULL);

  if (!ledger_period_parse (period, "period", &parsed, &error))
    {
      show_preview_problem (self, error->message);
      return;
    }
  self->period_chosen = TRUE;
  use_period (self, &parsed);
}

/* Publish… once the PDF's path is known; the toast says where. */
gboolean
cl_notices_page_publish_to (ClNoticesPage  *self,
                            const char     *pdf_path,
                            GError        **error)
{
  gsize len = pdf_path != NULL ? strlen (pdf_path) : 0;
  g_autofree char *base = NULL, *png = NULL, *html = NULL;

  g_return_val_if_fail (CL_IS_NOTICES_PAGE (self), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (cl_page_get_book (CL_PAGE (self)) != NULL, FALSE);

  /* The PNG and HTML go beside the PDF, under its name without ".pdf". */
  base = g_strndup (pdf_path, len > 4 && g_ascii_strcasecmp (pdf_path + len - 4, ".pdf") == 0 ? len - 4 : len);
  png = g_strconcat (base, ".png", NULL);
  html = g_strconcat (base, ".html", NULL);
  if (!export_notice (cl_page_get_book (CL_PAGE (self)), &self->period, pdf_path, png, html, NULL, error))
    return FALSE;
  cl_window_add_toast (GTK_WIDGET (self), cl_toast_new_for_file (_("Notice published: %s"), pdf_path));
  return TRUE;
}

/* Print… without the dialog: the print job's pages into a PDF. */
gboolean
cl_notices_page_print_to_pdf (ClNoticesPage  *self,
                              const char     *pdf_path,
                              GError        **error)
{
  ClPrintPreview *preview;
  gboolean ok;

  g_return_val_if_fail (CL_IS_NOTICES_PAGE (self), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (cl_page_get_book (CL_PAGE (self)) != NULL, FALSE);

  preview = print_preview_new (self, error);
  if (preview == NULL)
    return FALSE;
  ok = cl_print_preview_save_pdf (preview, pdf_path, error);
  gtk_window_destroy (GTK_WINDOW (preview));
  return ok;
}

/* Print Preview… (Ctrl+P): shows the print preview of the chosen
 * period's notice, on the page shown here. Returns the window (owned by
 * GTK), or NULL when there is no notice to show (the error is shown in a
 * dialog). */
static ClPrintPreview *
cl_notices_page_print_preview (ClNoticesPage *self)
{
  g_autoptr(GError) error = NULL;
  ClPrintPreview *preview;

  g_return_val_if_fail (CL_IS_NOTICES_PAGE (self), NULL);

  if (cl_page_get_book (CL_PAGE (self)) == NULL)
    return NULL;
  preview = print_preview_new (self, &error);
  if (preview == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("showing the print preview"), error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

/* The export has run for half a second: its progress bar and Cancel show
 * (a quick export finishes without the bar flashing). */
static gboolean
reveal_export_cb (gpointer data)
{
  ClNoticesPage *self = data;

  self->reveal_source = 0;
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

/* Export Workbook… once the path is known: starts the worker thread. */
void
cl_notices_page_export_xlsx_to (ClNoticesPage *self,
                                const char    *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (CL_IS_NOTICES_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cl_page_get_book (CL_PAGE (self)) != NULL && self->job == NULL);

  self->job = job = export_job_new (self, path);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_progress_bar_set_text (self->export_progress, _("Writing the workbook…"));
  self->reveal_source = g_timeout_add (EXPORT_PROGRESS_DELAY_MS, reveal_export_cb, self);
  actions_update (self);
  task = g_task_new (NULL, job->cancellable, export_done_cb, g_atomic_rc_box_acquire (job));
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_name (task, "cl_notices_page_export_xlsx_to"); /* a function is no gpointer in ISO C */
  g_task_set_task_data (task, g_atomic_rc_box_acquire (job), export_job_release);
  g_task_run_in_thread (task, export_thread);
}

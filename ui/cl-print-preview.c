/* cl-print-preview.c — pages as they will print, before they are printed
 *
 * The pages are drawn straight onto the screen by the document's own draw
 * function (export_receipt_pages_draw(), export_notice_pages_draw()): the
 * same routine that draws the PDF and the printer's pages, so what the
 * treasurer checks here is what comes out of the printer.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cl-feedback.h"
#include "cl-print-preview-private.h"
#include "exports.h"
#include "ledger.h"

/* Space around the page on screen, in pixels. */
#define PAGE_PADDING 24.0
/* Screen pixels per point at actual size (96 dpi against 72). */
#define ACTUAL_SCALE (96.0 / 72.0)

/* Draws page @page (from 1) of @data onto @cr, in points, the paper's top
 * left corner at the origin. */
typedef void     (*ClPrintDrawFunc) (gpointer  data,
                                     cairo_t  *cr,
                                     int       page);

/* Writes the document as a PDF at @path (replacing it). */
typedef gboolean (*ClPrintSaveFunc) (gpointer     data,
                                     const char  *path,
                                     GError     **error);

/* The document, shared by the window and the print jobs made from it
 * (a job may outlive the window), hence reference counted. */
typedef struct
{
  char            *title;
  int              n_pages;
  double           width;     /* points */
  double           height;
  ClPrintDrawFunc  draw;
  gpointer         data;
  GDestroyNotify   destroy;
} Document;

struct _ClPrintPreview
{
  AdwWindow        parent_instance;

  /* The Save as PDF chooser while it is open (destroyed with the window). */
  GtkNativeDialog *chooser;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkDrawingArea  *page_area;
  GtkLabel        *page_label;
  GtkToggleButton *fit_button;

  /* Owned references */
  Document        *document;
  char            *pdf_name;   /* suggested by Save as PDF… */
  ClPrintSaveFunc  save;       /* NULL: through the print job */
  LedgerBook      *book;       /* nullable: whose files Save as PDF must not overwrite */

  int              page;       /* from 1 */
  gboolean         fit;
};

G_DEFINE_FINAL_TYPE (ClPrintPreview, cl_print_preview, ADW_TYPE_WINDOW)

/* The print settings chosen last, so the next job starts from them. */
static GtkPrintSettings *last_settings;

static void actions_update (ClPrintPreview *self);

/* ------------------------------------------------------------------ */
/* The document */

static void
document_clear (Document *doc)
{
  if (doc->destroy != NULL)
    doc->destroy (doc->data);
  g_free (doc->title);
}

static void
document_release (gpointer doc)
{
  g_rc_box_release_full (doc, (GDestroyNotify) document_clear);
}

/* The paper of @doc: A4 or A5 by name when it is one, else custom. */
static GtkPaperSize *
document_paper (const Document *doc)
{
  const char *names[] = { GTK_PAPER_NAME_A4, GTK_PAPER_NAME_A5 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkPaperSize *paper = gtk_paper_size_new (names[i]);

      if (ABS (gtk_paper_size_get_width (paper, GTK_UNIT_POINTS) - doc->width) < 1 &&
          ABS (gtk_paper_size_get_height (paper, GTK_UNIT_POINTS) - doc->height) < 1)
        return paper;
      gtk_paper_size_free (paper);
    }
  return gtk_paper_size_new_custom ("community-ledger", doc->title, doc->width, doc->height, GTK_UNIT_POINTS);
}

/* ------------------------------------------------------------------ */
/* Showing a page */

/* Pixels per point for an area @w × @h: fitted, or actual size. */
static double
page_scale (ClPrintPreview *self,
            int             w,
            int             h)
{
  double sx = (w - 2 * PAGE_PADDING) / self->document->width;
  double sy = (h - 2 * PAGE_PADDING) / self->document->height;

  if (!self->fit)
    return ACTUAL_SCALE;
  return MAX (MIN (sx, sy), 0.05);
}

/* The page on white paper with a faint shadow, centred. */
static void
draw_page_area_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             w,
                   int             h,
                   gpointer        user_data)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (user_data);
  Document *doc = self->document;
  double scale = page_scale (self, w, h);
  double pw = doc->width * scale, ph = doc->height * scale;
  double x = MAX ((w - pw) / 2, PAGE_PADDING), y = MAX ((h - ph) / 2, PAGE_PADDING);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_rectangle (cr, x + 2, y + 2, pw, ph);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, pw, ph);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  doc->draw (doc->data, cr, self->page);
}

/* "Page 1 of 2", the size the area asks for, and a redraw. */
static void
show_page (ClPrintPreview *self)
{
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), self->page, self->document->n_pages);
  int width = self->fit ? 0 : (int) (self->document->width * ACTUAL_SCALE + 2 * PAGE_PADDING);
  int height = self->fit ? 0 : (int) (self->document->height * ACTUAL_SCALE + 2 * PAGE_PADDING);

  gtk_label_set_text (self->page_label, text);
  adw_window_title_set_subtitle (self->window_title, text);
  gtk_drawing_area_set_content_width (self->page_area, width);
  gtk_drawing_area_set_content_height (self->page_area, height);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
  actions_update (self);
}

/* ------------------------------------------------------------------ */
/* Printing */

static void
operation_draw_page_cb (GtkPrintOperation *operation,
                        GtkPrintContext   *context,
                        int                page_nr,
                        Document          *doc)
{
  doc->draw (doc->data, gtk_print_context_get_cairo_context (context), page_nr + 1);
}

/* The print dialog's Preview button: this window rather than an external
 * viewer. GTK requires a cairo context on the print context once the
 * signal is handled; nothing is drawn into it, since the window draws its
 * pages itself. The preview is ended from an idle, once GTK has set the
 * operation up for a custom preview (ending it inside the handler would
 * run before GTK installs its end-of-preview clean-up). */
static gboolean
end_preview_cb (gpointer data)
{
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (data));
  return G_SOURCE_REMOVE;
}

static gboolean
operation_preview_cb (GtkPrintOperation        *operation,
                      GtkPrintOperationPreview *preview,
                      GtkPrintContext          *context,
                      GtkWindow                *parent,
                      ClPrintPreview           *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gtk_window_present (GTK_WINDOW (self));
  g_idle_add_full (G_PRIORITY_DEFAULT, end_preview_cb, g_object_ref (preview), g_object_unref);
  return TRUE;
}

/* The job finished: keep the printer and options chosen for the next one. */
static void
operation_done_cb (GtkPrintOperation       *operation,
                   GtkPrintOperationResult  result,
                   gpointer                 user_data)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
}

gboolean
cl_print_preview_check_print_settings (ClPrintPreview    *self,
                                       GtkPrintSettings  *settings,
                                       GError           **error)
{
  const char *uri;
  g_autofree char *path = NULL;
  const char *field = _("Print to File");

  g_return_val_if_fail (CL_IS_PRINT_PREVIEW (self), FALSE);

  if (self->book == NULL || settings == NULL)
    return TRUE;
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (uri == NULL || *uri == '\0' || (path = g_filename_from_uri (uri, NULL, NULL)) == NULL)
    return TRUE;
  return ledger_book_check_outputs (self->book, 1, &field, (const char *const *) &path, error);
}

/* The dialog was answered: before a page is drawn, a "Print to File"
 * output (the settings' output URI, written in place by GTK's file
 * printer) that names the book, its journal, a backup or an attachment
 * cancels the job; print_action() shows why. */
static void
operation_begin_print_cb (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          ClPrintPreview    *self)
{
  GError *error = NULL;

  if (!cl_print_preview_check_print_settings (self, gtk_print_operation_get_print_settings (operation), &error))
    {
      g_object_set_data_full (G_OBJECT (operation), "cl-refused", error, (GDestroyNotify) g_error_free);
      gtk_print_operation_cancel (operation);
    }
}

/* preview.print (Ctrl+P): the system print dialog (modal; GTK runs it in
 * a nested main loop). */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (widget);
  g_autoptr(GtkPrintOperation) operation = cl_print_preview_create_operation (self);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  const GError *refused;

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (operation_begin_print_cb), self,
                           G_CONNECT_DEFAULT);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                                    &error);
  refused = g_object_get_data (G_OBJECT (operation), "cl-refused");
  if (refused != NULL)
    cl_window_show_error (widget, _("printing"), refused);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    cl_window_show_error (widget, _("printing"), error);
}

/* ------------------------------------------------------------------ */
/* Saving a PDF */

static void
pdf_chosen_cb (GtkNativeDialog *dialog,
               int              response,
               ClPrintPreview  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      if (cl_print_preview_save_pdf (self, path, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_for_file (_("Saved as %s"), path));
      else
        cl_window_show_error (GTK_WIDGET (self), _("saving the PDF"), error);
    }
  g_clear_object (&self->chooser);
}

/* preview.save-pdf (Ctrl+S): where to, then save (GtkFileChooserNative:
 * GTK 4.8 has no GtkFileDialog). */
static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->chooser != NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  self->chooser = GTK_NATIVE_DIALOG (dialog);
  filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), self->pdf_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (pdf_chosen_cb), self, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ */
/* Navigation and zoom */

/* preview.previous-page (Page Up), preview.next-page (Page Down). */
static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (widget);

  cl_print_preview_set_page (self, self->page + (g_str_equal (action_name, "preview.next-page") ? 1 : -1));
}

/* preview.toggle-fit (Ctrl+0): fitted to the window, or actual size. */
static void
toggle_fit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (widget);

  cl_print_preview_set_fit (self, !self->fit);
}

static void
fit_toggled_cb (ClPrintPreview *self)
{
  cl_print_preview_set_fit (self, gtk_toggle_button_get_active (self->fit_button));
}

static void
actions_update (ClPrintPreview *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page",
                                 self->document != NULL && self->page < self->document->n_pages);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

static void
cl_print_preview_dispose (GObject *object)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PRINT_PREVIEW);
  G_OBJECT_CLASS (cl_print_preview_parent_class)->dispose (object);
}

static void
cl_print_preview_finalize (GObject *object)
{
  ClPrintPreview *self = CL_PRINT_PREVIEW (object);

  g_clear_pointer (&self->document, document_release);
  g_clear_object (&self->book);
  g_free (self->pdf_name);
  G_OBJECT_CLASS (cl_print_preview_parent_class)->finalize (object);
}

static void
cl_print_preview_class_init (ClPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_print_preview_dispose;
  object_class->finalize = cl_print_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClPrintPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClPrintPreview, page_area);
  gtk_widget_class_bind_template_child (widget_class, ClPrintPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, ClPrintPreview, fit_button);
  gtk_widget_class_bind_template_callback (widget_class, fit_toggled_cb);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "preview.toggle-fit", NULL, toggle_fit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "preview.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.toggle-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_print_preview_init (ClPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->page = 1;
  self->fit = TRUE;
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_area_cb, self, NULL);
}

/* ------------------------------------------------------------------ */
/* Making a preview (the receipt's and the notice's below) */

/* A new preview for @parent (nullable), not yet shown, on page 1, fitted
 * to the window, titled @title (the document's name: the window title and
 * the print job's name): @n_pages (at least 1) of @width × @height points
 * (595.3 × 841.9 for A4) drawn by @draw; @data is kept until the window
 * and every print job made from it are gone, then @destroy is called. */
static ClPrintPreview *
cl_print_preview_new (GtkWindow       *parent,
                      const char      *title,
                      int              n_pages,
                      double           width,
                      double           height,
                      ClPrintDrawFunc  draw,
                      gpointer         data,
                      GDestroyNotify   destroy)
{
  ClPrintPreview *self;
  Document *doc;

  g_return_val_if_fail (title != NULL && draw != NULL, NULL);
  g_return_val_if_fail (n_pages >= 1 && width > 0 && height > 0, NULL);

  self = g_object_new (CL_TYPE_PRINT_PREVIEW, "transient-for", parent, "title", title, NULL);
  doc = g_rc_box_new0 (Document);
  doc->title = g_strdup (title);
  doc->n_pages = n_pages;
  doc->width = width;
  doc->height = height;
  doc->draw = draw;
  doc->data = data;
  doc->destroy = destroy;
  self->document = doc;
  self->pdf_name = g_strconcat (title, ".pdf", NULL);
  adw_window_title_set_title (self->window_title, title);
  show_page (self);
  return self;
}

/* What Save as PDF… does, and the file name it suggests. Without one, it
 * prints to a PDF through the print job (GtkPrintOperation's export). */
static void
cl_print_preview_set_save_func (ClPrintPreview  *self,
                                const char      *suggested_name,
                                ClPrintSaveFunc  save)
{
  g_return_if_fail (CL_IS_PRINT_PREVIEW (self));
  g_return_if_fail (suggested_name != NULL);

  g_free (self->pdf_name);
  self->pdf_name = g_strdup (suggested_name);
  self->save = save;
}

/* ------------------------------------------------------------------ */
/* Public API */

int
cl_print_preview_get_n_pages (ClPrintPreview *self)
{
  g_return_val_if_fail (CL_IS_PRINT_PREVIEW (self), 0);
  return self->document->n_pages;
}

int
cl_print_preview_get_page (ClPrintPreview *self)
{
  g_return_val_if_fail (CL_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

void
cl_print_preview_set_page (ClPrintPreview *self,
                           int             page)
{
  g_return_if_fail (CL_IS_PRINT_PREVIEW (self));

  page = CLAMP (page, 1, self->document->n_pages);
  if (page == self->page)
    return;
  self->page = page;
  show_page (self);
}

void
cl_print_preview_set_fit (ClPrintPreview *self,
                          gboolean        fit)
{
  g_return_if_fail (CL_IS_PRINT_PREVIEW (self));

  fit = !!fit;
  if (fit == self->fit)
    return;
  self->fit = fit;
  gtk_toggle_button_set_active (self->fit_button, fit);
  show_page (self);
}

GtkPrintOperation *
cl_print_preview_create_operation (ClPrintPreview *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *paper;
  Document *doc;

  g_return_val_if_fail (CL_IS_PRINT_PREVIEW (self), NULL);

  doc = self->document;
  operation = gtk_print_operation_new ();
  paper = document_paper (doc);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_paper_size_free (paper);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The pages have their own margins and are drawn in points from the
   * paper's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, doc->title);
  gtk_print_operation_set_n_pages (operation, doc->n_pages);
  gtk_print_operation_set_current_page (operation, self->page - 1);
  g_object_set_data_full (G_OBJECT (operation), "cl-document", g_rc_box_acquire (doc), document_release);
  g_signal_connect (operation, "draw-page", G_CALLBACK (operation_draw_page_cb), doc);
  g_signal_connect (operation, "done", G_CALLBACK (operation_done_cb), NULL);
  g_signal_connect_object (operation, "preview", G_CALLBACK (operation_preview_cb), self, G_CONNECT_DEFAULT);
  return operation;
}

/* Whether the PDF at @path was written to its end ("%%EOF" near its end):
 * the print job does not report a disk that filled up. */
static gboolean
pdf_is_whole (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 5)
    return FALSE;
  return g_strstr_len (contents + (length > 1024 ? length - 1024 : 0), length > 1024 ? 1024 : (gssize) length,
                       "%%EOF") != NULL;
}

/* The print job writes its file in place (cairo truncates it first): it
 * writes a fresh file of its own beside @path (O_EXCL), which takes
 * @path's name only when whole; a failure leaves the file at @path as it
 * was. */
static gboolean
export_through_print_job (ClPrintPreview  *self,
                          const char      *path,
                          GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  gboolean ok;

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = ledger_quote_path (path);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not write %s: %s"), shown, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  operation = cl_print_preview_create_operation (self);
  gtk_print_operation_set_export_filename (operation, temp);
  ok = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error) ==
       GTK_PRINT_OPERATION_RESULT_APPLY;
  if (ok)
    {
      int saved = 0;

      if (!pdf_is_whole (temp))
        saved = ENOSPC;
      else if (g_rename (temp, path) != 0)
        saved = errno;
      ok = saved == 0;
      if (!ok)
        {
          g_autofree char *shown = ledger_quote_path (path);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not write %s: %s"), shown,
                       g_strerror (saved));
        }
    }
  if (!ok)
    g_unlink (temp);   /* ours: made by g_mkstemp_full() above */
  return ok;
}

gboolean
cl_print_preview_save_pdf (ClPrintPreview  *self,
                           const char      *path,
                           GError         **error)
{
  g_return_val_if_fail (CL_IS_PRINT_PREVIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The print job writes the file in place (cairo truncates it first):
   * a chooser pointed at the book, its journal, a backup or an
   * attachment must be refused before anything is opened. */
  if (self->book != NULL)
    {
      const char *field = _("PDF file");

      if (!ledger_book_check_outputs (self->book, 1, &field, &path, error))
        return FALSE;
    }
  if (self->save != NULL)
    return self->save (self->document->data, path, error);
  return export_through_print_job (self, path, error);
}

/* ------------------------------------------------------------------ */
/* Receipts and notices */

/* A receipt's pages and the book, for Save as PDF…. */
typedef struct
{
  ExportReceiptPages *pages;
  LedgerBook         *book;
} ReceiptDocument;

static void
receipt_document_free (gpointer data)
{
  ReceiptDocument *doc = data;

  export_receipt_pages_free (doc->pages);
  g_object_unref (doc->book);
  g_free (doc);
}

static void
receipt_draw (gpointer  data,
              cairo_t  *cr,
              int       page)
{
  export_receipt_pages_draw (((ReceiptDocument *) data)->pages, cr, page);
}

/* The receipt's own PDF (with its title and creator), written whole. */
static gboolean
receipt_save (gpointer     data,
              const char  *path,
              GError     **error)
{
  ReceiptDocument *doc = data;

  return export_receipt (doc->book, export_receipt_pages_get_number (doc->pages), path, NULL, error);
}

ClPrintPreview *
cl_print_preview_new_for_receipt (GtkWindow   *parent,
                                  LedgerBook  *book,
                                  const char  *number,
                                  GError     **error)
{
  ExportReceiptPages *pages;
  ReceiptDocument *doc;
  ClPrintPreview *self;
  g_autofree char *title = NULL, *pdf_name = NULL;
  double width, height;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  pages = export_receipt_pages_new (book, number, error);
  if (pages == NULL)
    return NULL;
  doc = g_new0 (ReceiptDocument, 1);
  doc->pages = pages;
  doc->book = g_object_ref (book);
  export_receipt_pages_get_size (pages, &width, &height);
  title = g_strdup_printf (_("Receipt %s"), number);
  pdf_name = g_strdup_printf (_("receipt-%s.pdf"), number);
  self = cl_print_preview_new (parent, title, export_receipt_pages_get_n_pages (pages), width, height,
                               receipt_draw, doc, receipt_document_free);
  cl_print_preview_set_save_func (self, pdf_name, receipt_save);
  self->book = g_object_ref (book);
  return self;
}

static void
notice_draw (gpointer  data,
             cairo_t  *cr,
             int       page)
{
  export_notice_pages_draw (data, cr, page);
}

ClPrintPreview *
cl_print_preview_new_for_notice (GtkWindow           *parent,
                                 LedgerBook          *book,
                                 const LedgerPeriod  *period,
                                 GError             **error)
{
  ExportNoticePages *pages;
  ClPrintPreview *self;
  g_autofree char *title = NULL, *pdf_name = NULL;
  double width, height;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  pages = export_notice_pages_new (book, period, error);
  if (pages == NULL)
    return NULL;
  title = g_strdup_printf (_("Notice %s"), period->name);
  pdf_name = g_strdup_printf (_("notice-%s.pdf"), period->name);
  export_notice_pages_get_size (pages, &width, &height);
  self = cl_print_preview_new (parent, title, export_notice_pages_get_n_pages (pages),
                               width, height, notice_draw, pages,
                               (GDestroyNotify) export_notice_pages_free);
  cl_print_preview_set_save_func (self, pdf_name, NULL);
  self->book = g_object_ref (book);
  return self;
}

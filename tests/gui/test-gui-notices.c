/* test-gui-notices.c — the notices page: preview, publish, print, and the
 * workbook written off the main thread */
#include <glib/gstdio.h>
#include <string.h>

#include "cl-notices-page-private.h"
#include "cl-window-private.h"
#include "export-notice-private.h"
#include "exports.h"
#include "gui-test-utils.h"
#include "ledger.h"

#define Q1_UNANNOUNCED \
  "SELECT count(*) FROM expenditures WHERE date BETWEEN '2026-01-01' AND '2026-03-31'" \
  " AND id NOT IN (SELECT expenditure_id FROM announcements)"

/* The notices page, shown. */
static ClNoticesPage *
show_notices (GuiFixture *f)
{
  cl_window_show_page (f->window, "notices");
  gui_wait (20);
  return CL_NOTICES_PAGE (cl_window_get_page (f->window, "notices"));
}

/* The closing balance of @period as the notice prints it. */
static char *
closing_balance (GuiFixture *f,
                 const char *period_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIncomeReport) report = NULL;
  LedgerPeriod period;

  g_assert_true (ledger_period_parse (period_name, "period", &period, &error));
  report = ledger_report_income (f->book, &period, &error);
  g_assert_no_error (error);
  return ledger_money_format (report->closing);
}

/* Whether any file in @dir has @part in its name (leftover temporaries). */
static gboolean
dir_has (const char *dir,
         const char *part)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strstr (name, part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_default_period (GuiFixture    *f,
                     gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  GtkWidget *root = GTK_WIDGET (page);

  /* COMMUNITY_LEDGER_NOW is 2026-06-30: the second quarter. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (gui_find (root, "period-kind-dropdown"))), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (gui_find (root, "period-year-spin"))), ==, 2026);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (gui_find (root, "period-part-spin"))), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_find (root, "period-label"))), "2026-04-01"));

  /* The controls choose the period: March, then the whole year. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (root, "period-kind-dropdown")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gui_find (root, "period-part-spin")), 3);
  gui_wait (0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_find (root, "period-label"))), "2026-03-31"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (root, "period-kind-dropdown")), 0);
  gui_wait (0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_find (root, "period-label"))), "2026-12-31"));
  g_assert_false (gtk_widget_get_visible (gui_find (root, "period-part-spin")));
}

static void
test_preview (GuiFixture    *f,
              gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  GtkWidget *picture = gui_find (GTK_WIDGET (page), "preview-picture");
  gint64 txns = gui_query_int (f, "SELECT count(*) FROM txns");
  GdkPaintable *paintable;
  double ratio;

  cl_notices_page_set_period (page, "2026-Q1");
  gui_wait (0);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (paintable);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  ratio = gdk_paintable_get_intrinsic_aspect_ratio (paintable);
  g_assert_cmpfloat_with_epsilon (ratio, 595.276 / 841.890, 0.002);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >=, 595);
  g_assert_true (gtk_widget_get_mapped (picture));

  /* A preview records nothing. */
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, 0);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns"), ==, txns);

  /* Something that is not a period says so in place of the preview. */
  cl_notices_page_set_period (page, "2026-Q5");
  gui_wait (0);
  g_assert_true (gtk_widget_get_mapped (gui_find (GTK_WIDGET (page), "preview-status")));
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));
}

/* The preview directly from the export function, page by page. */
static void
test_render_page (GuiFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod period;
  cairo_surface_t *surface;
  int n_pages = 0;

  g_assert_true (ledger_period_parse ("2026", "period", &period, NULL));
  surface = export_notice_render_page (f->book, &period, 1, 1.0, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, >=, 1);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 596);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 842);
  cairo_surface_destroy (surface);
  surface = export_notice_render_page (f->book, &period, n_pages + 1, 1.0, NULL, &error);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_null (surface);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, 0);
}

/* A notice of several pages can be leafed through. */
static void
test_page_navigation (GuiFixture    *f,
                      gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  GtkWidget *root = GTK_WIDGET (page);
  GtkPicture *picture = GTK_PICTURE (gui_find (root, "preview-picture"));
  g_autofree char *first_label = NULL;
  GdkPaintable *first;
  LedgerPeriod period;
  int n_pages = 0;

  g_assert_true (ledger_period_parse ("2026", "period", &period, NULL));
  cairo_surface_destroy (export_notice_render_page (f->book, &period, 1, 0.1, &n_pages, NULL));
  cl_notices_page_set_period (page, "2026");
  gui_wait (0);
  g_assert_cmpint (gtk_widget_get_visible (gui_find (root, "preview-navigation")), ==, n_pages > 1);
  if (n_pages < 2)
    {
      g_test_skip ("the demo year fits on one page");
      return;
    }
  first = gtk_picture_get_paintable (picture);
  first_label = g_strdup (gtk_label_get_text (GTK_LABEL (gui_find (root, "preview-page-label"))));
  g_assert_false (gtk_widget_is_sensitive (gui_find (root, "preview-previous-button")));
  gui_click (gui_find (root, "preview-next-button"));
  g_assert_true (gtk_picture_get_paintable (picture) != first);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gui_find (root, "preview-page-label"))), !=, first_label);
  g_assert_true (gtk_widget_is_sensitive (gui_find (root, "preview-previous-button")));
}

static void
test_publish (GuiFixture    *f,
              gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  g_autofree char *pdf = g_build_filename (f->dir, "notice-2026-Q1.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "notice-2026-Q1.png", NULL);
  g_autofree char *html = g_build_filename (f->dir, "notice-2026-Q1.html", NULL);
  g_autofree char *closing = closing_balance (f, "2026-Q1");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 txns = gui_query_int (f, "SELECT count(*) FROM txns");
  GtkWidget *list = gui_find (GTK_WIDGET (page), "notices-list");

  g_assert_cmpint (gui_query_int (f, Q1_UNANNOUNCED), >, 0);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  cl_notices_page_set_period (page, "2026-Q1");
  g_assert_true (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (page), "publish-button")));
  g_assert_true (cl_notices_page_publish_to (page, pdf, &error));
  g_assert_no_error (error);
  gui_wait (0);

  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices WHERE period = '2026-Q1'"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns"), ==, txns + 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns WHERE kind = 'notice'"), ==, 1);
  g_assert_cmpint (gui_query_int (f, Q1_UNANNOUNCED), ==, 0);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notice_files"), ==, 3);

  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, closing));

  /* The page follows the book: the list shows the publication. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
}

/* Printing draws the same pages and records nothing. */
static void
test_print (GuiFixture    *f,
            gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *closing = closing_balance (f, "2026-Q1");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 txns = gui_query_int (f, "SELECT count(*) FROM txns");

  cl_notices_page_set_period (page, "2026-Q1");
  g_assert_true (cl_notices_page_print_to_pdf (page, pdf, &error));
  g_assert_no_error (error);
  gui_wait (0);
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, closing));
  g_assert_nonnull (strstr (text, "第1页"));
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, 0);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns"), ==, txns);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  guint    idles;      /* main loop iterations while the export ran */
  double   max_fraction;
  gint64   deadline;
} ExportWatch;

static void
export_done_cb (ClNoticesPage *page,
                gboolean       ok,
                ExportWatch   *w)
{
  w->done = TRUE;
  w->ok = ok;
}

static void
fraction_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             ExportWatch    *w)
{
  w->max_fraction = MAX (w->max_fraction, gtk_progress_bar_get_fraction (bar));
}

/* Runs whenever the main loop is idle: it only can while the export runs
 * elsewhere. */
static gboolean
count_idle_cb (gpointer data)
{
  ExportWatch *w = data;

  if (w->done || g_get_monotonic_time () > w->deadline)
    return G_SOURCE_REMOVE;
  w->idles++;
  return G_SOURCE_CONTINUE;
}

/* Starts the export to @path and watches it. */
static void
start_export (ClNoticesPage *page,
              const char    *path,
              ExportWatch   *w)
{
  GtkWidget *bar = gui_find (GTK_WIDGET (page), "export-progress");

  w->deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  g_signal_connect (page, "export-done", G_CALLBACK (export_done_cb), w);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (fraction_cb), w);
  cl_notices_page_export_xlsx_to (page, path);
  /* Returned at once: the export runs in a worker thread. */
  g_assert_false (w->done);
  /* At the default priority, as the task's completion: counted on every
   * iteration of the main loop until the page says it is done. */
  g_idle_add_full (G_PRIORITY_DEFAULT, count_idle_cb, w, NULL);
}

/* Waits until the page says the export is done. */
static void
wait_for_export (ClNoticesPage *page,
                 ExportWatch   *w)
{
  while (!w->done && g_get_monotonic_time () < w->deadline)
    gui_wait (10);
  g_assert_true (w->done);
  g_test_message ("%u main loop iterations during the export", w->idles);
  g_signal_handlers_disconnect_by_data (page, w);
  g_signal_handlers_disconnect_by_data (gui_find (GTK_WIDGET (page), "export-progress"), w);
}

static void
test_export_xlsx (GuiFixture    *f,
                  gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  GtkWidget *bar = gui_find (GTK_WIDGET (page), "export-progress");
  g_autofree char *path = g_build_filename (f->dir, "ledger-2026-Q1.xlsx", NULL);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) error = NULL;
  ExportWatch w = { 0 };

  cl_notices_page_set_period (page, "2026-Q1");
  start_export (page, path, &w);
  /* The progress shows only after half a second: a quick export does not
   * flash it. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));
  g_assert_false (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (page), "export-xlsx-button")));
  g_assert_true (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (page), "export-cancel-button")));
  wait_for_export (page, &w);

  g_assert_true (w.ok);
  g_assert_cmpuint (w.idles, >, 0);
  g_assert_cmpfloat (w.max_fraction, ==, 1.0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), ==, 1.0);
  g_assert_true (export_workbook_verify (path, f->book, &fingerprint, &error));
  g_assert_no_error (error);
  g_assert_nonnull (fingerprint);
  g_assert_false (dir_has (f->dir, ".partial-"));
  g_assert_true (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (page), "export-xlsx-button")));
  /* Exporting records nothing either. */
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, 0);
}

static void
test_export_cancel (GuiFixture    *f,
                    gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  ExportWatch w = { 0 };

  start_export (page, path, &w);
  gui_click (gui_find (GTK_WIDGET (page), "export-cancel-button"));
  g_assert_false (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (page), "export-cancel-button")));
  wait_for_export (page, &w);

  g_assert_false (w.ok);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (dir_has (f->dir, ".partial-"));
  g_assert_true (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (page), "export-xlsx-button")));
}

/* The widget's text, for a GtkLabel. */
static const char *
label_text (GtkWidget *widget)
{
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* Presses @button_name's Close Period… and answers the confirmation with
 * @response; returns the confirmation's body. */
static char *
close_from_page (GuiFixture *f,
                 GtkWidget  *page,
                 const char *button_name,
                 const char *response)
{
  GtkWindow *dialog;
  char *body;

  gui_click (gui_find (page, button_name));
  gui_wait (20);
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "close-period-dialog");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gui_wait (20);
  return body;
}

/* Publish Q1, then close it from the page after a confirmation that says
 * what closing means; a payment dated inside it is then refused. Q2,
 * published on its last day, has not ended: its close is refused with
 * the ledger's one-line reason, and nothing is written. */
static void
test_close_period (GuiFixture    *f,
                   gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  GtkWidget *root = GTK_WIDGET (page);
  g_autofree char *q1_pdf = g_build_filename (f->dir, "notice-2026-Q1.pdf", NULL);
  g_autofree char *q2_pdf = g_build_filename (f->dir, "notice-2026-Q2.pdf", NULL);
  g_autofree char *body = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *q1_row;

  g_assert_null (gui_try_find (root, "period-row-2026-Q1"));
  cl_notices_page_set_period (page, "2026-Q1");
  g_assert_true (cl_notices_page_publish_to (page, q1_pdf, &error));
  g_assert_no_error (error);
  gui_wait (0);
  q1_row = gui_find (root, "period-row-2026-Q1");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (q1_row)), "open"));

  /* Cancel leaves it open. */
  cancelled = close_from_page (f, root, "close-period-button-2026-Q1", "cancel");
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM closed_periods"), ==, 0);

  body = close_from_page (f, root, "close-period-button-2026-Q1", "close");
  g_assert_nonnull (strstr (body, "no entry may be dated inside 2026-Q1"));
  g_assert_nonnull (strstr (body, "marked as correcting 2026-Q1"));
  g_assert_nonnull (strstr (body, "对已公示期间的更正"));
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM closed_periods WHERE period = '2026-Q1'"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns WHERE kind = 'period-close'"), ==, 1);
  q1_row = gui_find (root, "period-row-2026-Q1");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (q1_row)), "Closed on"));
  g_assert_null (gui_try_find (root, "close-period-button-2026-Q1"));
  g_assert_false (gtk_widget_get_visible (gui_find (root, "close-period-error")));

  /* A payment dated inside the closed quarter is refused, naming it. */
  gui_fund_cash (f, 10000);
  g_assert_false (ledger_pay (f->book, "9-9-901", 5000, LEDGER_METHOD_CASH, "2026-03-15", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2026-Q1"));
  g_clear_error (&error);

  /* Q2 ends today (2026-06-30): published, but not yet closable. */
  cl_notices_page_set_period (page, "2026-Q2");
  g_assert_true (cl_notices_page_publish_to (page, q2_pdf, &error));
  g_assert_no_error (error);
  gui_wait (0);
  refused = close_from_page (f, root, "close-period-button-2026-Q2", "close");
  g_assert_true (gtk_widget_get_visible (gui_find (root, "close-period-error")));
  g_assert_nonnull (strstr (label_text (gui_find (root, "close-period-error")), "2026-Q2"));
  g_assert_null (strchr (label_text (gui_find (root, "close-period-error")), '\n'));
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM closed_periods"), ==, 1);
  g_assert_nonnull (gui_find (root, "close-period-button-2026-Q2"));

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/notices/default-period", 20, test_default_period);
  GUI_TEST_ADD ("/gui/notices/preview", 20, test_preview);
  GUI_TEST_ADD ("/gui/notices/render-page", 20, test_render_page);
  GUI_TEST_ADD ("/gui/notices/page-navigation", 20, test_page_navigation);
  GUI_TEST_ADD ("/gui/notices/publish", 20, test_publish);
  GUI_TEST_ADD ("/gui/notices/print", 20, test_print);
  GUI_TEST_ADD ("/gui/notices/export-xlsx", 20, test_export_xlsx);
  GUI_TEST_ADD ("/gui/notices/export-cancel", 20, test_export_cancel);
  GUI_TEST_ADD ("/gui/notices/close-period", 20, test_close_period);
  return g_test_run ();
}

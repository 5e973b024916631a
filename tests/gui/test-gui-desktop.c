/* test-gui-desktop.c — the desktop around the pages: print previews of
 * receipts and notices, the keyboard shortcuts and About windows, page
 * switching with Alt+N, and verify and backups in a worker thread while
 * the window stays responsive.
 *
 * The About window and the shortcuts window need the application
 * (app.about; GtkApplication loads gtk/help-overlay.ui): this test links
 * app/cl-application.c and registers one ClApplication for all subtests.
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "book-fixture.h"
#include "cl-application.h"
#include "cl-import-dialog-private.h"
#include "cl-job-private.h"
#include "cl-notices-page-private.h"
#include "cl-payments-page-private.h"
#include "cl-print-preview-private.h"
#include "cl-window-private.h"
#include "exports.h"
#include "gui-test-utils.h"
#include "ledger.h"

#define UNIT  "9-1-101"
#define OWNER "测试户"

static GtkApplication *application;

/* ------------------------------------------------------------------ */
/* Helpers */

/* The newest visible window transient for @parent, or NULL. (GTK's list
 * of toplevels is transfer none: only its items are ours.) */
static GtkWindow *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

/* The visible toplevel of type @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

/* Records a payment for a household that owes, through the payments page
 * as the treasurer would (unit, Enter, Enter); returns the receipt number. */
static char *
record_payment (GuiFixture *f)
{
  GtkWidget *page;
  char today[11];

  book_add_household (f->book, UNIT, OWNER, 8950, 1);
  ledger_book_today (f->book, today);
  book_bill_year (f->book, ledger_date_year (today));
  cl_window_show_page (f->window, "payments");
  gui_wait (20);
  page = cl_window_get_page (f->window, "payments");
  gui_type (gui_find (page, "unit-entry"), UNIT);
  gui_press_enter (gui_find (page, "unit-entry"));
  gui_press_enter (gui_find (page, "amount-entry"));
  return g_strdup (gtk_label_get_text (GTK_LABEL (gui_find (page, "last-receipt-label"))));
}

/* The pixels of @preview's page area are not all one colour: a page was
 * drawn on screen. */
static gboolean
preview_drew_something (ClPrintPreview *preview)
{
  GtkWidget *area = gui_find (GTK_WIDGET (preview), "preview-page-area");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (area);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (area), h = gtk_widget_get_height (area);
  g_autofree guint32 *pixels = NULL;
  guint distinct = 0;

  g_assert_cmpint (w, >, 50);
  g_assert_cmpint (h, >, 50);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (preview)), node, NULL);
  pixels = g_new (guint32, (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture));
  gdk_texture_download (texture, (guchar *) pixels, gdk_texture_get_width (texture) * 4);
  for (gsize i = 1; i < (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture); i++)
    distinct += pixels[i] != pixels[0];
  return distinct > 1000;
}

/* Runs the main loop until the window's verify or backup is done;
 * returns how many times the main loop turned meanwhile. */
static guint
wait_for_job (GuiFixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint turns = 0;

  while (cl_window_get_job (f->window) != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      turns++;
    }
  gui_wait (20);
  return turns;
}

/* SHA-256 of the book file. */
static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* One integer from @sql on the SQLite file at @path. */
static gint64
query_file (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The text of PRAGMA integrity_check on the file at @path. */
static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* ------------------------------------------------------------------ */
/* Print previews */

/* Print Receipt (Ctrl+P, payments.print-receipt) after a payment: the
 * receipt's preview, one A5 page drawn on screen, the number in its
 * title; its print job is set up for that page and paper, and Save as PDF
 * writes the receipt. */
static void
test_receipt_preview (GuiFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *number = record_payment (f);
  g_autofree char *pdf = g_build_filename (f->dir, "saved-receipt.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = cl_window_get_page (f->window, "payments");
  ClPrintPreview *preview;
  GtkPageSetup *setup;
  int n_pages = 0;
  g_autofree char *job_name = NULL;

  g_assert_cmpuint (strlen (number), ==, 11);
  g_assert_true (gtk_widget_activate_action (page, "payments.print-receipt", NULL));
  gui_wait (100);
  preview = CL_PRINT_PREVIEW (find_dialog (GTK_WINDOW (f->window)));
  g_assert_nonnull (preview);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), number));
  g_assert_cmpint (cl_print_preview_get_n_pages (preview), ==, 1);
  g_assert_cmpint (cl_print_preview_get_page (preview), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gui_find (GTK_WIDGET (preview), "preview-page-label"))), ==,
                   "Page 1 of 1");
  g_assert_false (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (preview), "preview-next-page")));
  g_assert_true (preview_drew_something (preview));

  /* The print job: what the print dialog would print, without the dialog. */
  operation = cl_print_preview_create_operation (preview);
  g_object_get (operation, "n-pages", &n_pages, "job-name", &job_name, NULL);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (job_name, number));
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A5);

  /* Fitted, then actual size (the area asks for the whole page). */
  cl_print_preview_set_fit (preview, FALSE);
  gui_wait (50);
  g_assert_cmpint (gtk_widget_get_height (gui_find (GTK_WIDGET (preview), "preview-page-area")), >, 595);

  g_assert_true (cl_print_preview_save_pdf (preview, pdf, &error));
  g_assert_no_error (error);
  text = gui_pdf_text (pdf);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, UNIT));
  gtk_window_destroy (GTK_WINDOW (preview));
}

/* The print dialog's Preview button emits GtkPrintOperation::preview; the
 * preview window handles it (no external viewer) and the job ends. Run
 * with the PREVIEW action, which emits it without a dialog. */
static void
test_print_dialog_preview (GuiFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *number = record_payment (f);
  ClPaymentsPage *page = CL_PAYMENTS_PAGE (cl_window_get_page (f->window, "payments"));
  ClPrintPreview *preview = cl_payments_page_print_receipt (page, number);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_assert_nonnull (preview);
  gtk_widget_set_visible (GTK_WIDGET (preview), FALSE);
  operation = cl_print_preview_create_operation (preview);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, GTK_WINDOW (preview), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  gui_wait (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
  g_assert_true (gtk_print_operation_is_finished (operation));
  gtk_window_destroy (GTK_WINDOW (preview));
}

/* Print Preview… on the notices page (notices.print-preview, Ctrl+P):
 * the notice's pages, as many as the published PDF has, page by page. */
static void
test_notice_preview (GuiFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportNoticePages) pages = NULL;
  ClNoticesPage *page;
  ClPrintPreview *preview;
  GtkWidget *label;
  LedgerPeriod period;
  int n_pages;

  cl_window_show_page (f->window, "notices");
  gui_wait (20);
  page = CL_NOTICES_PAGE (cl_window_get_page (f->window, "notices"));
  cl_notices_page_set_period (page, "2026");
  g_assert_true (ledger_period_parse ("2026", "period", &period, &error));
  pages = export_notice_pages_new (f->book, &period, &error);
  g_assert_no_error (error);
  n_pages = export_notice_pages_get_n_pages (pages);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notices.print-preview", NULL));
  gui_wait (100);
  preview = CL_PRINT_PREVIEW (find_dialog (GTK_WINDOW (f->window)));
  g_assert_nonnull (preview);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), "2026"));
  g_assert_cmpint (cl_print_preview_get_n_pages (preview), ==, n_pages);
  g_assert_true (preview_drew_something (preview));
  label = gui_find (GTK_WIDGET (preview), "preview-page-label");
  if (n_pages > 1)
    {
      g_autofree char *second = g_strdup_printf ("Page 2 of %d", n_pages);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL));
      g_assert_cmpint (cl_print_preview_get_page (preview), ==, 2);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, second);
    }
  {
    g_autoptr(GtkPrintOperation) operation = cl_print_preview_create_operation (preview);
    int op_pages = 0;

    g_object_get (operation, "n-pages", &op_pages, NULL);
    g_assert_cmpint (op_pages, ==, n_pages);
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (
                       gtk_print_operation_get_default_page_setup (operation))), ==, GTK_PAPER_NAME_A4);
  }
  gtk_window_destroy (GTK_WINDOW (preview));
}

/* ------------------------------------------------------------------ */
/* The application's windows */

/* win.show-help-overlay (Ctrl+?): GtkApplication's shortcuts window,
 * loaded from the GResource, listing the app's keys. */
static void
test_shortcuts_window (GuiFixture    *f,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;
  guint n = 0;

  gtk_application_add_window (application, GTK_WINDOW (f->window));
  gui_wait (20);
  g_assert_true (g_resources_get_info ("/org/communityledger/CommunityLedger/gtk/help-overlay.ui",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  gui_wait (100);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  for (GtkWidget *w = GTK_WIDGET (shortcuts); w != NULL;)
    {
      /* Depth first over the window's widgets, counting shortcuts. */
      GtkWidget *next = gtk_widget_get_first_child (w);

      n += GTK_IS_SHORTCUTS_SHORTCUT (w);
      while (next == NULL && w != GTK_WIDGET (shortcuts))
        {
          next = gtk_widget_get_next_sibling (w);
          w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_cmpuint (n, >=, 30);
  gtk_window_close (shortcuts);
  gui_wait (20);
}

/* app.about: the About window, with this version and licence. */
static void
test_about_window (GuiFixture    *f,
                   gconstpointer  data)
{
  AdwAboutWindow *about;

  gtk_application_add_window (application, GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->window));
  gui_wait (20);
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  gui_wait (100);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Community Ledger");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_comments (about));
  gtk_window_destroy (GTK_WINDOW (about));
}

/* Alt+2 shows the households page: the window's own key binding (its
 * class shortcut), activated as GTK would on the key press. */
static void
test_alt_switches_page (GuiFixture    *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autoptr(GtkShortcutTrigger) alt2 = gtk_keyval_trigger_new (GDK_KEY_2, GDK_ALT_MASK);
  gboolean found = FALSE;

  cl_window_show_page (f->window, "overview");
  gui_wait (20);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), alt2))
            continue;
          found = TRUE;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (f->window), gtk_shortcut_get_arguments (shortcut)));
        }
    }
  g_assert_true (found);
  gui_wait (20);
  g_assert_cmpstr (cl_window_get_visible_page_name (f->window), ==, "households");

  /* Every page has its key, through the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "notices"));
  g_assert_cmpstr (cl_window_get_visible_page_name (f->window), ==, "notices");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "no-such-page"));
  g_assert_cmpstr (cl_window_get_visible_page_name (f->window), ==, "notices");
}

/* ------------------------------------------------------------------ */
/* Work in a worker thread */

/* win.verify-book runs in the background: the action returns at once, the
 * main loop turns (the window is drawn and answers) while it runs, and the
 * result shows the book's fingerprint as the ledger computes it. */
static void
test_verify_in_background (GuiFixture    *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *result;
  LedgerTreeHead head;
  guint turns;

  g_assert_true (ledger_book_fingerprint (f->book, &head, &error));
  expected = ledger_tree_head_format (&head);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.verify-book", NULL));
  g_assert_nonnull (cl_window_get_job (f->window));        /* not done inside the action */
  cl_window_show_page (f->window, "payments");             /* the window answers meanwhile */
  turns = wait_for_job (f);
  g_assert_cmpuint (turns, >=, 1);
  g_assert_cmpstr (cl_window_get_visible_page_name (f->window), ==, "payments");

  result = ADW_MESSAGE_DIALOG (find_dialog (GTK_WINDOW (f->window)));
  g_assert_nonnull (result);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (result)), ==, "job-result-dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (result), ==, "The Book Is Sound");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (result), expected));
  gtk_window_destroy (GTK_WINDOW (result));
}

/* The window closed while its verify runs: the job stops, and neither its
 * progress nor its result shows up later without a window behind it. */
static void
test_window_closed_during_verify (GuiFixture    *f,
                                  gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_autoptr(ClJob) job = NULL;
  GListModel *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.verify-book", NULL));
  job = g_object_ref (cl_window_get_job (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_true (g_cancellable_is_cancelled (cl_job_get_cancellable (job)));
  while (cl_job_is_running (job))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  gui_wait (CL_JOB_PROGRESS_DELAY_MS + 100);   /* past the progress dialog's delay */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)))
        g_error ("a window is still shown: %s “%s”", G_OBJECT_TYPE_NAME (window),
                 gtk_widget_get_name (GTK_WIDGET (window)));
    }
}

/* Cancelling verify: no result, and the book file is byte for byte the
 * same, with the same fingerprint. */
static void
test_verify_cancelled (GuiFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (f->path);
  g_autofree char *after = NULL;
  LedgerTreeHead head_before, head_after;

  g_assert_true (ledger_book_fingerprint (f->book, &head_before, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.verify-book", NULL));
  g_assert_nonnull (cl_window_get_job (f->window));
  cl_job_cancel (cl_window_get_job (f->window));
  wait_for_job (f);
  g_assert_null (find_dialog (GTK_WINDOW (f->window)));    /* no result dialog */
  after = file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ledger_book_fingerprint (f->book, &head_after, &error));
  g_assert_cmpuint (head_after.size, ==, head_before.size);
  g_assert_cmpmem (head_after.root.bytes, LEDGER_HASH_SIZE, head_before.root.bytes, LEDGER_HASH_SIZE);
  /* Verify can run again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.verify-book", NULL));
  wait_for_job (f);
  g_assert_nonnull (find_dialog (GTK_WINDOW (f->window)));
  gtk_window_destroy (find_dialog (GTK_WINDOW (f->window)));
}

/* Back Up… through the worker thread: a copy that passes integrity_check
 * with the same rows as the book; cancelled, no file at all. */
static void
test_backup_in_background (GuiFixture    *f,
                           gconstpointer  data)
{
  const char *tables[] = { "households", "txns", "splits", "receipts", "charges", "merkle_nodes" };
  g_autofree char *copy = g_build_filename (f->dir, "copy.clbook", NULL);
  g_autofree char *cancelled = g_build_filename (f->dir, "cancelled.clbook", NULL);
  g_autofree char *partial = g_strconcat (cancelled, ".partial", NULL);
  g_autofree char *check = NULL;

  cl_window_backup_to (f->window, copy);
  g_assert_nonnull (cl_window_get_job (f->window));
  g_assert_cmpuint (wait_for_job (f), >=, 1);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  check = integrity_check (copy);
  g_assert_cmpstr (check, ==, "ok");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      gint64 rows = query_file (f->path, sql);

      g_assert_cmpint (rows, >, 0);
      g_assert_cmpint (query_file (copy, sql), ==, rows);
    }

  cl_window_backup_to (f->window, cancelled);
  cl_job_cancel (cl_window_get_job (f->window));
  wait_for_job (f);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

/* The households import writes in a worker thread: the dialog says at
 * once that it cannot be cancelled, cannot be closed meanwhile, the main
 * loop turns, and every row arrives. */
static void
test_import_in_background (GuiFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "many.csv", NULL);
  g_autoptr(GString) text = g_string_new ("unit,owner,area\n");
  ClImportDialog *dialog = cl_import_dialog_new (GTK_WINDOW (f->window), f->book);
  gint64 before = gui_query_int (f, "SELECT count(*) FROM households");
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  const char *summary;
  guint turns = 0;

  for (int i = 0; i < 2000; i++)
    g_string_append_printf (text, "%d-%d-%d,住户%d,89.5\n", 100 + i / 200, i / 50 % 4 + 1, 101 + i % 50, i);
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  cl_import_dialog_load (dialog, csv);
  gui_wait (20);
  gui_click (gui_find (GTK_WIDGET (dialog), "import-confirm-button"));
  summary = gtk_label_get_text (GTK_LABEL (gui_find (GTK_WIDGET (dialog), "import-summary")));
  g_assert_nonnull (strstr (summary, "cannot be cancelled"));
  g_assert_false (gtk_widget_is_sensitive (gui_find (GTK_WIDGET (dialog), "import-confirm-button")));
  gtk_window_close (GTK_WINDOW (dialog));                /* refused while importing */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  while (find_dialog (GTK_WINDOW (f->window)) != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      turns++;
    }
  gui_wait (20);
  g_assert_cmpuint (turns, >=, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM households"), ==, before + 2000);
}

/* A job longer than half a second shows its progress dialog, with a
 * moving bar, while the main loop turns; Cancel in the dialog stops it. */
static gboolean
slow_job (ClJob         *job,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  /* It runs until cancelled (a minute at most), however slowly the test
   * itself runs (valgrind): the Cancel below always comes first. */
  for (int i = 1; i <= 4000; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (15 * 1000);
      cl_job_progress (job, MIN (i, 99), 100);
    }
  return TRUE;
}

static void
slow_job_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (cl_job_finish (CL_JOB (source), result, error));
}

static void
test_job_progress_dialog (GuiFixture    *f,
                          gconstpointer  data)
{
  g_autoptr(ClJob) job = cl_job_new (GTK_WINDOW (f->window), "Slow", TRUE, NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint turns = 0;
  GtkWindow *dialog;

  cl_job_run (job, slow_job, NULL, NULL, slow_job_done_cb, &error);
  /* Nothing flashes for the first half second. */
  while (g_get_monotonic_time () - start < 400 * 1000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      turns++;
    }
  g_assert_null (cl_job_get_dialog (job));
  while ((dialog = cl_job_get_dialog (job)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, CL_JOB_PROGRESS_DELAY_MS * 1000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gui_wait (100);
  g_assert_cmpfloat (cl_job_get_fraction (job), >, 0);
  g_assert_cmpuint (turns, >, 100);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  while (cl_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cl_job_get_dialog (job));
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!gui_test_init (&argc, &argv))
    return 77;

  /* One application for the whole run: its startup adds app.about and
   * loads the shortcuts window's resource. */
  application = GTK_APPLICATION (cl_application_new ());
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));

  GUI_TEST_ADD ("/gui/desktop/receipt-preview", 20, test_receipt_preview);
  GUI_TEST_ADD ("/gui/desktop/print-dialog-preview", 20, test_print_dialog_preview);
  GUI_TEST_ADD ("/gui/desktop/notice-preview", 20, test_notice_preview);
  GUI_TEST_ADD ("/gui/desktop/shortcuts-window", 20, test_shortcuts_window);
  GUI_TEST_ADD ("/gui/desktop/about-window", 20, test_about_window);
  GUI_TEST_ADD ("/gui/desktop/alt-switches-page", 20, test_alt_switches_page);
  GUI_TEST_ADD ("/gui/desktop/verify-in-background", 200, test_verify_in_background);
  GUI_TEST_ADD ("/gui/desktop/window-closed-during-verify", 200, test_window_closed_during_verify);
  GUI_TEST_ADD ("/gui/desktop/verify-cancelled", 200, test_verify_cancelled);
  GUI_TEST_ADD ("/gui/desktop/backup-in-background", 200, test_backup_in_background);
  GUI_TEST_ADD ("/gui/desktop/import-in-background", 20, test_import_in_background);
  GUI_TEST_ADD ("/gui/desktop/job-progress-dialog", 0, test_job_progress_dialog);
  status = g_test_run ();
  g_object_unref (application);
  return status;
}

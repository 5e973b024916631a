/* test-gui-paths.c — the window's Publish, Print to PDF, Export Workbook
 * and Back Up never write over the book (issue 13): each is pointed at the
 * book by several names and must refuse, leaving the book's bytes, its
 * journal and its notices as they were. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-notices-page-private.h"
#include "cl-print-preview-private.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

static ClNoticesPage *
show_notices (GuiFixture *f)
{
  cl_window_show_page (f->window, "notices");
  gui_wait (20);
  return CL_NOTICES_PAGE (cl_window_get_page (f->window, "notices"));
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Names of the book and of its SQLite files, made in the fixture's folder. */
static GPtrArray *
book_names (GuiFixture *f)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = g_path_get_basename (f->path);
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *sym = g_build_filename (f->dir, "link-to-book", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard-link-to-book", NULL);
  g_autofree char *wal_link = g_build_filename (f->dir, "link-to-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_mkdir (sub, 0755);
  g_assert_cmpint (symlink (f->path, sym), ==, 0);
  g_assert_cmpint (link (f->path, hard), ==, 0);
  g_assert_cmpint (symlink (wal, wal_link), ==, 0);   /* dangling: no -wal in rollback mode */
  g_ptr_array_add (names, g_strdup (f->path));
  g_ptr_array_add (names, g_steal_pointer (&sym));
  g_ptr_array_add (names, g_steal_pointer (&hard));
  g_ptr_array_add (names, g_build_filename (sub, "..", base, NULL));
  g_ptr_array_add (names, g_strconcat (f->path, "-journal", NULL));
  g_ptr_array_add (names, g_steal_pointer (&wal));
  g_ptr_array_add (names, g_steal_pointer (&wal_link));
  return names;
}

typedef struct
{
  gboolean done;
  gboolean ok;
} ExportWatch;

static void
export_done_cb (ClNoticesPage *page,
                gboolean       ok,
                ExportWatch   *w)
{
  w->done = TRUE;
  w->ok = ok;
}

/* Closes the error the window shows (an AdwMessageDialog over it). */
static void
close_error_dialog (GuiFixture *f)
{
  GtkWindow *dialog = gui_find_dialog (GTK_WINDOW (f->window));

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  gui_wait (0);
}

static void
test_outputs_refuse_the_book (GuiFixture    *f,
                              gconstpointer  data)
{
  ClNoticesPage *page = show_notices (f);
  g_autoptr(GPtrArray) names = book_names (f);
  g_autofree char *before = file_digest (f->path);
  gint64 notices = gui_query_int (f, "SELECT count(*) FROM notices");

  cl_notices_page_set_period (page, "2026-Q1");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *png = g_strconcat (name, ".png", NULL);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      ExportWatch w = { 0 };
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      g_test_message ("output: %s", name);
      /* Publish…: the PDF named after the book. */
      g_assert_false (cl_notices_page_publish_to (page, name, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

      /* Print… to a PDF file (the print job writes it in place). */
      g_assert_false (cl_notices_page_print_to_pdf (page, name, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_clear_error (&error);

      /* Export Workbook…: the worker fails, the page says so. */
      g_signal_connect (page, "export-done", G_CALLBACK (export_done_cb), &w);
      cl_notices_page_export_xlsx_to (page, name);
      while (!w.done && g_get_monotonic_time () < deadline)
        gui_wait (10);
      g_signal_handlers_disconnect_by_data (page, &w);
      g_assert_true (w.done);
      g_assert_false (w.ok);
      close_error_dialog (f);

      after = file_digest (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, notices);
    }
  /* The book is whole and the page still works with an ordinary name. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "notice.pdf", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (cl_notices_page_publish_to (page, pdf, &error));
    g_assert_no_error (error);
    g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM notices"), ==, notices + 1);
  }
}

/* Back Up… (the window's worker thread) pointed at the book by each name:
 * the job ends with an error, the book's bytes stay as they were. */
static void
test_backup_refuses_the_book (GuiFixture    *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) names = book_names (f);
  g_autofree char *before = file_digest (f->path);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *after = NULL;
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      g_test_message ("backup: %s", name);
      cl_window_backup_to (f->window, name);
      while (cl_window_get_job (f->window) != NULL)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      gui_wait (20);
      close_error_dialog (f);
      after = file_digest (f->path);
      g_assert_cmpstr (after, ==, before);
    }
  /* No copy went under a name SQLite would take for its own. */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

/* Print… → "Print to File": the print dialog's answer names the output
 * by a file: URI in the settings. Every name of the book, of its files
 * and of its folders is refused before a page is drawn; an ordinary file,
 * a printer (no URI) and a URI that is not a file are let through. */
static void
test_print_to_file_refuses_the_book (GuiFixture    *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) names = book_names (f);
  g_autofree char *before = file_digest (f->path);
  g_autoptr(GError) error = NULL;
  LedgerPeriod period;
  ClPrintPreview *preview;

  g_assert_true (ledger_period_parse ("2026-Q1", "--period", &period, &error));
  preview = cl_print_preview_new_for_notice (GTK_WINDOW (f->window), f->book, &period, &error);
  g_assert_no_error (error);
  /* The book's folders, by their own names and by what is (or would be)
   * in them: beside the book and beside a hard link to it. */
  g_ptr_array_add (names, g_strconcat (f->path, ".backups", NULL));
  g_ptr_array_add (names, g_strconcat (f->path, ".files", NULL));
  g_ptr_array_add (names, g_build_filename (f->dir, "hard-link-to-book.files", NULL));
  {
    g_autofree char *folder = g_build_filename (f->dir, "hard-link-to-book.backups", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_ptr_array_add (names, g_build_filename (folder, "copy.pdf", NULL));
  }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *uri = g_filename_to_uri (name, NULL, NULL);

      g_test_message ("print to file: %s", name);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      g_assert_false (cl_print_preview_check_print_settings (preview, settings, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);
    }
  {
    g_autofree char *pdf = g_build_filename (f->dir, "notice.pdf", NULL);
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();

    g_assert_true (cl_print_preview_check_print_settings (preview, settings, &error));
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, "ipp://printer/queue");
    g_assert_true (cl_print_preview_check_print_settings (preview, settings, &error));
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    g_assert_true (cl_print_preview_check_print_settings (preview, settings, &error));
    g_assert_no_error (error);
  }
  /* Save as PDF over an earlier file: the print job writes a fresh file
   * of its own, which takes the name only when whole. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "earlier.pdf", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    g_assert_true (g_file_set_contents (pdf, "an earlier file", -1, NULL));
    g_assert_true (cl_print_preview_save_pdf (preview, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    dir = g_dir_open (f->dir, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".earlier.pdf."));
  }
  gtk_window_destroy (GTK_WINDOW (preview));
  {
    g_autofree char *after = file_digest (f->path);

    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/paths/outputs-refuse-the-book", 20, test_outputs_refuse_the_book);
  GUI_TEST_ADD ("/gui/paths/backup-refuses-the-book", 20, test_backup_refuses_the_book);
  GUI_TEST_ADD ("/gui/paths/print-to-file-refuses-the-book", 20, test_print_to_file_refuses_the_book);
  return g_test_run ();
}

/* test-gui-window.c — the window, its pages and the overview */
#include <string.h>

#include "gui-test-utils.h"
#include "ledger-backup.h"
#include "ledger-fingerprint.h"
#include "ledger-money.h"
#include "ledger-payment.h"
#include "ledger-report.h"

static void
test_overview_shows_the_reports (GuiFixture    *f,
                                 gconstpointer  data)
{
  GtkWidget *page = cl_window_get_page (f->window, "overview");
  GtkWidget *funds = gui_find (page, "funds-label");
  GtkWidget *fingerprint = gui_find (page, "fingerprint-label");
  g_autofree char *expected = NULL;
  char today[11];
  gint64 amount = 0;

  cl_window_show_page (f->window, "overview");
  gui_wait (20);
  ledger_book_today (f->book, today);
  g_assert_true (ledger_report_funds_at (f->book, today, &amount, NULL));
  expected = ledger_money_format (amount);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (funds)), ==, expected);
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (fingerprint))), ==, 19);
}

static void
test_overview_follows_writes (GuiFixture    *f,
                              gconstpointer  data)
{
  GtkWidget *page = cl_window_get_page (f->window, "overview");
  GtkWidget *funds = gui_find (page, "funds-label");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  cl_window_show_page (f->window, "overview");
  gui_wait (20);
  before = g_strdup (gtk_label_get_text (GTK_LABEL (funds)));
  /* A payment made elsewhere (the command line would do the same). */
  g_assert_true (ledger_pay (f->book, "1-1-101", 12345, LEDGER_METHOD_CASH, NULL, NULL, &error));
  gui_wait (20);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (funds)), !=, before);
}

/* Closing the window makes an automatic backup (DESIGN.md §6), a whole
 * copy: the same journal and fingerprint as the book. */
static void
test_close_makes_a_backup (GuiFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *dir = ledger_backup_dir (f->path);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) copy = NULL;
  g_autofree char *backup = NULL, *book_head = NULL, *copy_head = NULL;
  const char *name;
  LedgerTreeHead head;
  guint n_backups = 0;

  g_assert_true (ledger_book_fingerprint (f->book, &head, &error));
  book_head = ledger_tree_head_format (&head);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  gui_wait (20);
  g_assert_null (f->window);   /* closed: the backup did not stop it */

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, "-on-close.clbook"));
      backup = g_build_filename (dir, name, NULL);
      n_backups++;
    }
  g_assert_cmpuint (n_backups, ==, 1);
  copy = ledger_book_open (backup, LEDGER_BOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_fingerprint_verify (copy, &head, &error));
  g_assert_no_error (error);
  copy_head = ledger_tree_head_format (&head);
  g_assert_cmpstr (copy_head, ==, book_head);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/gui/window/overview", GuiFixture, GUINT_TO_POINTER (30),
              gui_fixture_set_up, test_overview_shows_the_reports, gui_fixture_tear_down);
  g_test_add ("/gui/window/overview-follows-writes", GuiFixture, GUINT_TO_POINTER (30),
              gui_fixture_set_up, test_overview_follows_writes, gui_fixture_tear_down);
  g_test_add ("/gui/window/close-makes-a-backup", GuiFixture, GUINT_TO_POINTER (30),
              gui_fixture_set_up, test_close_makes_a_backup, gui_fixture_tear_down);
  return g_test_run ();
}

/* test-gui-window.c — the window, its pages and the overview */
#include <string.h>

#include "gui-test-utils.h"
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
  return g_test_run ();
}

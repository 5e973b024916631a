/* test-gui-reconcile.c — the Overview's reconciliation of money accounts
 * (对账), driven as a treasurer would: the row's "Reconcile…" button, the
 * dialog's fields, Enter; then the book itself
 *
 * The book's clock is 2026-06-30 (tests/meson.build). Worked out by hand:
 * ¥1,000.00 is paid in cash, so the book's cash is 100000 fen; a count of
 * ¥999.00 differs by 100000 − 99900 = 100 fen (the book holds ¥1.00
 * more); a count of ¥1,000.00 on the same day agrees.
 */
#include <string.h>

#include "gui-test-utils.h"
#include "ledger.h"

static GtkWidget *
cash_figure (GuiFixture *f)
{
  return gui_find (GTK_WIDGET (f->window), "overview-account-cash");
}

static AdwActionRow *
cash_row (GuiFixture *f)
{
  return ADW_ACTION_ROW (gtk_widget_get_ancestor (cash_figure (f), ADW_TYPE_ACTION_ROW));
}

/* Clicks the cash row's button and returns the dialog it opened. */
static GtkWidget *
open_dialog (GuiFixture *f)
{
  GtkWindow *dialog;

  gui_click (gui_find (GTK_WIDGET (f->window), "overview-reconcile-cash"));
  gui_wait (20);
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return GTK_WIDGET (dialog);
}

/* Types the count and presses Enter in the amount field: the entry's
 * text activates the dialog's default response, Record, whose button
 * clicks after showing itself pressed for 250 ms. */
static void
enter_count (GtkWidget  *dialog,
             const char *amount)
{
  GtkWidget *entry = gui_find (dialog, "reconcile-amount");

  gtk_widget_grab_focus (entry);
  gui_type (entry, amount);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  gui_wait (400);
}

static gint64
statements (GuiFixture *f)
{
  return gui_query_int (f, "SELECT count (*) FROM reconciliations");
}

static void
test_reconcile_cash (GuiFixture   *f,
                     gconstpointer data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  gui_fund_cash (f, 100000);
  gui_wait (20);
  g_assert_cmpstr (adw_action_row_get_subtitle (cash_row (f)), ==, "Not reconciled yet");
  g_assert_false (gtk_widget_has_css_class (cash_figure (f), "error"));

  /* A count that is not an amount: nothing is written, the same values
   * come back in a new dialog with the amount field marked and focused. */
  dialog = open_dialog (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (dialog, "reconcile-date"))), ==, "2026-06-30");
  gui_type (gui_find (dialog, "reconcile-memo"), "月末盘点");
  enter_count (dialog, "九百");
  g_assert_cmpint (statements (f), ==, 0);
  dialog = GTK_WIDGET (gui_find_dialog (GTK_WINDOW (f->window)));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_has_css_class (gui_find (dialog, "reconcile-amount"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (dialog, "reconcile-memo"))), ==, "月末盘点");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "amount"));

  /* A date after today: refused, the date field marked. */
  gui_type (gui_find (dialog, "reconcile-date"), "2026-07-01");
  enter_count (dialog, "999");
  g_assert_cmpint (statements (f), ==, 0);
  dialog = GTK_WIDGET (gui_find_dialog (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_has_css_class (gui_find (dialog, "reconcile-date"), "error"));
  g_assert_false (gtk_widget_has_css_class (gui_find (dialog, "reconcile-amount"), "error"));

  /* ¥999.00 counted: recorded, and the figure is marked unreconciled. */
  gui_type (gui_find (dialog, "reconcile-date"), "2026-06-30");
  enter_count (dialog, "999");
  g_assert_cmpint (statements (f), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT statement FROM reconciliations"), ==, 99900);
  g_assert_true (gtk_widget_has_css_class (cash_figure (f), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (cash_row (f)), "Unreconciled"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (cash_row (f)), "¥1.00"));

  /* Counted again, ¥1,000.00: it agrees, the mark is gone. */
  dialog = open_dialog (f);
  enter_count (dialog, "1000");
  g_assert_cmpint (statements (f), ==, 2);
  g_assert_false (gtk_widget_has_css_class (cash_figure (f), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (cash_row (f)), "Agrees"));

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;
  GUI_TEST_ADD ("/gui/reconcile/cash", 0, test_reconcile_cash);
  return g_test_run ();
}

/* test-gui-opening.c — the opening-balances form (期初): typed in step by
 * step, checked on a copy before anything is written, written line by
 * line; a refused line named; offered after a new book */
#include <glib/gstdio.h>
#include <string.h>

#include "book-fixture.h"
#include "cl-opening-dialog.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

/* Two households (no demo): 1-1-101 owes 2025's property fee, 1-1-102
 * paid ahead. */
static void
add_households (GuiFixture *f)
{
  book_add_household (f->book, "1-1-101", "张三", 8000, 0);
  book_add_household (f->book, "1-1-102", "李四", 9000, 0);
}

/* The form, opened from the main menu's action. */
static GtkWidget *
open_form (GuiFixture *f)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.opening-balances", NULL));
  gui_wait (20);
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (CL_IS_OPENING_DIALOG (dialog));
  return GTK_WIDGET (dialog);
}

static const char *
visible_step (GtkWidget *dialog)
{
  GtkWidget *stack = gui_find (dialog, "opening-steps");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static const char *
error_text (GtkWidget *dialog)
{
  GtkWidget *label = gui_find (dialog, "opening-error-label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

/* The first label with the "numeric" style under @widget: a summary
 * row's amount. */
static GtkLabel *
numeric_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = numeric_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* The amount on the right of the summary row named @name. */
static const char *
summary_amount (GtkWidget  *dialog,
                const char *name)
{
  GtkLabel *label = numeric_label (gui_find (dialog, name));

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

/* Enter typed in @entry (focused, as typing there makes it): the entry's text activates,
 * and with activates-default so does the form's default button (Next,
 * on the summary Save). */
static void
press_enter (GtkWidget *entry)
{
  gtk_widget_grab_focus (entry);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  /* A button activated by the default shows itself pressed for 250 ms
   * before it is clicked. */
  gui_wait (300);
}

/* Runs the shortcut @widget has for @keyval (no modifier), as pressing
 * the key would: GTK 4.8 gives tests no way to synthesise key events. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              gui_wait (20);
              return;
            }
        }
    }
  g_error ("%s has no shortcut for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

/* The date, and Enter for Next. */
static void
type_date (GtkWidget  *dialog,
           const char *date)
{
  gui_type (gui_find (dialog, "opening-date-entry"), date);
  press_enter (gui_find (dialog, "opening-date-entry"));
  gui_wait (0);
}

/* With OPENING_SCREENSHOTS=DIR, the form as drawn now, to DIR/NAME.png:
 * the window's paintable rendered by its own renderer (to look at). */
static void
maybe_screenshot (GtkWidget  *dialog,
                  const char *name)
{
  const char *dir = g_getenv ("OPENING_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  gui_wait (300);
  width = gtk_widget_get_width (dialog);
  height = gtk_widget_get_height (dialog);
  paintable = gtk_widget_paintable_new (dialog);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
verify_passes (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* The whole form: a bank account added in it, money of three funds, an
 * unpaid charge and a credit; the summary's totals worked out by hand;
 * nothing written before Save; then every line in the book. */
static void
test_form (GuiFixture    *f,
           gconstpointer  data)
{
  GtkWidget *dialog;
  gint64 txns;

  add_households (f);
  dialog = open_form (f);
  txns = gui_query_int (f, "SELECT count(*) FROM txns");

  /* Step 1: the day the paper ledger was closed (default 2025-12-31). */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (dialog, "opening-date-entry"))), ==, "2025-12-31");
  type_date (dialog, "2025-12-31");
  g_assert_cmpstr (visible_step (dialog), ==, "money");

  /* Step 2: lines 0..3 are cash, bank, WeChat, Alipay; the named bank
   * account added here is line 4; line 5 is one more (bank, public). */
  gui_type (gui_find (dialog, "opening-bank-name-entry"), "工商银行");
  gui_click (gui_find (dialog, "opening-add-bank-button"));
  gui_wait (0);
  g_assert_cmpstr (error_text (dialog), ==, "");
  gui_type (gui_find (dialog, "balance-amount-0"), "1,200.50");
  gui_type (gui_find (dialog, "balance-amount-1"), "30000");
  gui_type (gui_find (dialog, "balance-amount-4"), "50000");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-fund-4")), LEDGER_FUND_MAINTENANCE);
  gui_click (gui_find (dialog, "opening-add-balance-button"));
  gui_wait (0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-account-5")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-fund-5")), LEDGER_FUND_PUBLIC);
  gui_type (gui_find (dialog, "balance-amount-5"), "800");
  maybe_screenshot (dialog, "opening-money");
  press_enter (gui_find (dialog, "balance-amount-5"));
  gui_wait (0);
  g_assert_cmpstr (visible_step (dialog), ==, "households");

  /* Step 3: 1-1-101 owes 300.00 of 2025's property fee; 1-1-102 has
   * 120.00 of credit. */
  gui_type (gui_find (dialog, "arrears-unit-0"), "1-1-101");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gui_find (dialog, "arrears-year-0")), 2025);
  gui_type (gui_find (dialog, "arrears-amount-0"), "300");
  gui_type (gui_find (dialog, "credit-unit-0"), "1-1-102");
  gui_type (gui_find (dialog, "credit-amount-0"), "120");
  maybe_screenshot (dialog, "opening-households");
  press_enter (gui_find (dialog, "credit-amount-0"));
  gui_wait (0);

  /* Step 4, the summary, before anything is written:
   *   accounts: cash 1,200.50 + bank 30,000 + 800 + bank:工商银行 50,000
   *     + unpaid 300 − credit 120 = 82,180.50
   *   funds: operating 1,200.50 + 30,000 + 300 − 120 = 31,380.50;
   *     maintenance 50,000; public 800; total 82,180.50 */
  g_assert_cmpstr (error_text (dialog), ==, "");
  g_assert_cmpstr (visible_step (dialog), ==, "summary");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-fund-operating"), ==, "¥31,380.50");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-fund-maintenance"), ==, "¥50,000.00");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-fund-public"), ==, "¥800.00");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-funds-total"), ==, "¥82,180.50");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-accounts-total"), ==, "¥82,180.50");
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns"), ==, txns);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM accounts WHERE code = 'bank:工商银行'"), ==, 0);
  maybe_screenshot (dialog, "opening-summary");

  /* Save: 1 account + 4 balances + 1 arrears + 1 credit, and the form closes. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gui_click (gui_find (dialog, "opening-save-button"));
  gui_wait (20);
  g_assert_null (dialog);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM accounts WHERE code = 'bank:工商银行'"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings"), ==, 6);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings o JOIN txns t ON t.id = o.txn_id WHERE t.date = '2025-12-31'"), ==, 6);
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM openings WHERE account = 'cash'"), ==, 120050);
  g_assert_cmpint (gui_query_int (f, "SELECT sum(amount) FROM openings WHERE kind = 'balance' AND fund = 'operating'"),
                   ==, 3120050);
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM openings WHERE fund = 'maintenance'"), ==, 5000000);
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM openings WHERE fund = 'public'"), ==, 80000);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings o JOIN charges c ON c.id = o.charge_id"
                                     " WHERE o.kind = 'arrears' AND c.amount = 30000 AND c.fee_code = 'property'"
                                     " AND c.year = 2025"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM openings WHERE kind = 'credit'"), ==, 12000);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns WHERE kind = 'payment'"), ==, 0);
  verify_passes (f);

  /* The ledger still takes opening entries (the rest of what the paper
   * says): the menu opens the form again (test_resumed). */
  dialog = open_form (f);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_wait (0);
}

/* Publishes and closes @name, as `publish` then `period close` do. */
static void
close_period (GuiFixture *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerNoticeData) data = NULL;
  LedgerNoticeFile file = { "pdf", "notice.pdf", "00" };
  LedgerPeriod period;

  g_assert_true (ledger_period_parse (name, "period", &period, &error));
  data = ledger_notice_gather (f->book, &period, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_notice_record (f->book, data, &file, 1, NULL, &error));
  g_assert_true (ledger_period_close (f->book, name, NULL, &error));
  g_assert_no_error (error);
}

/* The treasurer saved the money accounts, closed the form and took a
 * payment; the form, opened again, shows what is entered (greyed, at its
 * date, in the totals), offers only what the ledger would still take,
 * and saves the rest. Once the opening date is in a closed period the
 * ledger takes no more, and the menu no longer offers the form. */
static void
test_resumed (GuiFixture    *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  add_households (f);
  g_assert_true (ledger_opening_balance (f->book, "cash", 120000, LEDGER_FUND_OPERATING, "2025-12-31", &error));
  g_assert_true (ledger_opening_balance (f->book, "bank", 3000000, LEDGER_FUND_OPERATING, "2025-12-31", &error));
  g_assert_no_error (error);
  /* A fee payment after them: a later entry of another kind. */
  gui_fund_cash (f, 10000);
  gui_wait (20);

  dialog = open_form (f);
  /* Step 1: the date is theirs, and fixed; the form says what it has. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (dialog, "opening-date-entry"))), ==, "2025-12-31");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (gui_find (dialog, "opening-date-entry"))));
  g_assert_true (gtk_widget_get_visible (gui_find (dialog, "opening-entered-label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_find (dialog, "opening-entered-label"))),
                            "2 opening entries"));
  maybe_screenshot (dialog, "opening-resumed-date");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);
  g_assert_cmpstr (visible_step (dialog), ==, "money");

  /* Step 2: lines 0 and 1 are the saved cash and bank balances, read
   * only; then one line per account in the first fund it has no balance
   * in: cash and bank in the maintenance fund, WeChat and Alipay in the
   * operating fund. The cursor is in the first line to fill in. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (dialog, "balance-amount-0"))), ==, "1200.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (dialog, "balance-amount-1"))), ==, "30000.00");
  g_assert_false (gtk_widget_is_sensitive (gui_find (dialog, "balance-amount-0")));
  g_assert_false (gtk_widget_is_sensitive (gui_find (dialog, "balance-amount-1")));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-account-2"))), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-fund-2"))), ==,
                    LEDGER_FUND_MAINTENANCE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-fund-3"))), ==,
                    LEDGER_FUND_MAINTENANCE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (gui_find (dialog, "balance-fund-4"))), ==,
                    LEDGER_FUND_OPERATING);
  g_assert_null (gui_try_find (dialog, "balance-amount-6"));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (gui_find (dialog, "balance-amount-2"))) ||
                 gtk_widget_has_focus (gui_find (dialog, "balance-amount-2")));
  maybe_screenshot (dialog, "opening-resumed-money");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);

  /* Step 3: what was left: 1-1-101's 2025 property fee, 300.00 unpaid;
   * 1-1-102's credit, 120.00. */
  gui_type (gui_find (dialog, "arrears-unit-0"), "1-1-101");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gui_find (dialog, "arrears-year-0")), 2025);
  gui_type (gui_find (dialog, "arrears-amount-0"), "300");
  gui_type (gui_find (dialog, "credit-unit-0"), "1-1-102");
  gui_type (gui_find (dialog, "credit-amount-0"), "120");
  press_enter (gui_find (dialog, "credit-amount-0"));
  gui_wait (0);

  /* Step 4, by hand, the saved lines counted:
   *   accounts: cash 1,200 + bank 30,000 + unpaid 300 − credit 120 = 31,380.00
   *   funds: operating 31,380.00, maintenance 0, public 0, total 31,380.00 */
  g_assert_cmpstr (error_text (dialog), ==, "");
  g_assert_cmpstr (visible_step (dialog), ==, "summary");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-fund-operating"), ==, "¥31,380.00");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-funds-total"), ==, "¥31,380.00");
  g_assert_cmpstr (summary_amount (dialog, "opening-summary-accounts-total"), ==, "¥31,380.00");
  maybe_screenshot (dialog, "opening-resumed-summary");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gui_click (gui_find (dialog, "opening-save-button"));
  gui_wait (20);
  g_assert_null (dialog);

  /* The two new lines, at the opening date; the two balances once. */
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings"), ==, 4);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings WHERE account = 'cash'"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings o JOIN txns t ON t.id = o.txn_id"
                                     " WHERE t.date = '2025-12-31'"), ==, 4);
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM openings WHERE kind = 'credit'"), ==, 12000);
  verify_passes (f);

  /* 2025-Q4, which holds the opening date, published and closed: the
   * ledger takes no more opening entries, and the menu offers no form. */
  close_period (f, "2025-Q4");
  gui_wait (20);
  g_assert_false (ledger_opening_accepts (f->book, (char[11]) { 0 }, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpstr (ledger_error_get_field (error), ==, "--date");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.opening-balances", NULL);
  gui_wait (20);
  g_assert_false (CL_IS_OPENING_DIALOG (gui_find_dialog (GTK_WINDOW (f->window))));
}

/* A line the ledger would refuse (a unit the register lacks) is found by
 * the check on a copy: named with its number and reason, its field
 * marked, and the book's bytes untouched. Corrected, the form saves. */
static void
test_refused_before_writing (GuiFixture    *f,
                             gconstpointer  data)
{
  BookFixture fixture = { f->dir, f->path, f->book };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkWidget *dialog;

  add_households (f);
  before = book_fixture_bytes (&fixture);
  dialog = open_form (f);
  type_date (dialog, "2025-12-31");
  gui_type (gui_find (dialog, "balance-amount-0"), "500");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_type (gui_find (dialog, "credit-unit-0"), "9-9-999");
  gui_type (gui_find (dialog, "credit-amount-0"), "50");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);

  /* Line 1 is cash, line 2 the credit: refused, nothing written. */
  g_assert_cmpstr (visible_step (dialog), ==, "households");
  maybe_screenshot (dialog, "opening-refused");
  g_assert_nonnull (strstr (error_text (dialog), "Line 2 of 2"));
  g_assert_nonnull (strstr (error_text (dialog), "9-9-999"));
  g_assert_nonnull (strstr (error_text (dialog), "Nothing was written"));
  g_assert_true (gtk_widget_has_css_class (gui_find (dialog, "credit-unit-0"), "error"));
  after = book_fixture_bytes (&fixture);
  g_assert_true (g_bytes_equal (before, after));

  /* A bad amount is caught in the form itself. */
  gui_type (gui_find (dialog, "credit-unit-0"), "1-1-102");
  gui_type (gui_find (dialog, "credit-amount-0"), "5.555");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);
  g_assert_nonnull (strstr (error_text (dialog), "amount"));
  g_assert_cmpstr (visible_step (dialog), ==, "households");

  gui_type (gui_find (dialog, "credit-amount-0"), "50");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);
  g_assert_cmpstr (visible_step (dialog), ==, "summary");
  gui_click (gui_find (dialog, "opening-save-button"));
  gui_wait (20);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings"), ==, 2);
  verify_passes (f);
}

/* The book changes between the check and Save (another program enters
 * 1-1-102's credit): line 3 of 3 is refused while writing. Lines 1 and 2
 * are in the book, each a whole entry, and the form says so; with the
 * line taken out, saving again writes nothing twice. */
static void
test_refused_while_writing (GuiFixture    *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  add_households (f);
  dialog = open_form (f);
  type_date (dialog, "2025-12-31");
  gui_type (gui_find (dialog, "balance-amount-0"), "500");
  gui_type (gui_find (dialog, "balance-amount-2"), "70");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_type (gui_find (dialog, "credit-unit-0"), "1-1-102");
  gui_type (gui_find (dialog, "credit-amount-0"), "50");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);
  g_assert_cmpstr (visible_step (dialog), ==, "summary");

  g_assert_true (ledger_opening_credit (f->book, "1-1-102", 2000, "2025-12-31", &error));
  g_assert_no_error (error);
  gui_click (gui_find (dialog, "opening-save-button"));
  gui_wait (20);

  g_assert_true (CL_IS_OPENING_DIALOG (gui_find_dialog (GTK_WINDOW (f->window))));
  g_assert_nonnull (strstr (error_text (dialog), "Line 3 of 3"));
  g_assert_nonnull (strstr (error_text (dialog), "was refused"));
  g_assert_nonnull (strstr (error_text (dialog), "lines before it are saved"));
  maybe_screenshot (dialog, "opening-refused-while-writing");
  /* cash 500.00, WeChat 70.00, and the other program's 20.00 credit. */
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings"), ==, 3);
  verify_passes (f);

  /* Back, take the credit line out, save again: nothing twice. */
  gtk_widget_activate_action (dialog, "opening.back", NULL);
  gui_wait (0);
  g_assert_false (gtk_widget_is_sensitive (gui_find (dialog, "balance-amount-0")));
  gui_type (gui_find (dialog, "credit-unit-0"), "");
  gui_type (gui_find (dialog, "credit-amount-0"), "");
  gui_click (gui_find (dialog, "opening-next-button"));
  gui_wait (0);
  g_assert_cmpstr (error_text (dialog), ==, "");
  g_assert_cmpstr (visible_step (dialog), ==, "summary");
  gui_click (gui_find (dialog, "opening-save-button"));
  gui_wait (20);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings"), ==, 3);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM openings WHERE account = 'cash'"), ==, 1);
  verify_passes (f);
}

/* New Book… ends with the offer; "Start from a Paper Ledger…" opens the
 * form on the new book. */
static void
test_offered_after_new_book (GuiFixture    *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.clbook", NULL);
  GtkWindow *offer;
  GtkWindow *form;

  cl_window_create_book_at (f->window, path);
  gui_wait (20);
  offer = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (offer));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (offer)), ==, "paper-ledger-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (offer), "paper");
  gui_wait (20);
  form = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (CL_IS_OPENING_DIALOG (form));
  g_assert_cmpstr (ledger_book_get_path (cl_window_get_book (f->window)), ==, path);

  /* Escape closes it without writing; the menu still offers it. */
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  press_key (GTK_WIDGET (form), GDK_KEY_Escape);
  g_assert_null (form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.opening-balances", NULL));
  gui_wait (20);
  form = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (CL_IS_OPENING_DIALOG (form));
  gtk_window_destroy (form);
  gui_wait (0);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;
  GUI_TEST_ADD ("/gui/opening/form", 0, test_form);
  GUI_TEST_ADD ("/gui/opening/resumed", 0, test_resumed);
  GUI_TEST_ADD ("/gui/opening/refused-before-writing", 0, test_refused_before_writing);
  GUI_TEST_ADD ("/gui/opening/refused-while-writing", 0, test_refused_while_writing);
  GUI_TEST_ADD ("/gui/opening/offered-after-new-book", 0, test_offered_after_new_book);
  return g_test_run ();
}

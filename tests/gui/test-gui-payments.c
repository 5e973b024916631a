/* test-gui-payments.c — the payments page, driven as a treasurer would */
#include <string.h>

#include "book-fixture.h"
#include "cl-payments-page-private.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

#define UNIT  "9-1-101"
#define OWNER "测试户"

/* The payments page, shown. */
static GtkWidget *
show_payments (GuiFixture *f)
{
  cl_window_show_page (f->window, "payments");
  gui_wait (20);
  return cl_window_get_page (f->window, "payments");
}

/* A household that owes two years of fees: added and billed through the
 * ledger, as the households page and `bill` would. */
static gint64
add_debtor (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 owed = 0, credit = 0;
  char today[11];

  book_add_household (f->book, UNIT, OWNER, 8950, 1);
  ledger_book_today (f->book, today);
  book_bill_year (f->book, ledger_date_year (today) - 1);
  book_bill_year (f->book, ledger_date_year (today));
  g_assert_true (ledger_household_balance (f->book, UNIT, &owed, &credit, &error));
  g_assert_cmpint (owed, >, 0);
  gui_wait (0);
  return owed;
}

static gint64
owed_now (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 owed = -1, credit = 0;

  g_assert_true (ledger_household_balance (f->book, UNIT, &owed, &credit, &error));
  g_assert_no_error (error);
  return owed;
}

static gboolean
focus_within (GuiFixture *f,
              GtkWidget  *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gint64
count_receipts (GuiFixture *f)
{
  return gui_query_int (f, "SELECT count(*) FROM receipts");
}

/* Types @text in the unit entry and presses Enter. */
static void
choose_unit (GtkWidget  *page,
             const char *text)
{
  GtkWidget *unit_entry = gui_find (page, "unit-entry");

  gui_type (unit_entry, text);
  gui_press_enter (unit_entry);
}

/* Records the amount offered for UNIT through the form; returns the
 * receipt number shown. */
static char *
pay_through_form (GuiFixture *f,
                  GtkWidget  *page)
{
  choose_unit (page, UNIT);
  gui_press_enter (gui_find (page, "amount-entry"));
  return g_strdup (gtk_label_get_text (GTK_LABEL (gui_find (page, "last-receipt-label"))));
}

/* The visible window transient for the main window, or NULL. Not
 * gui_find_dialog(): it unrefs gtk_window_get_toplevels(), which is
 * (transfer none), and so frees GTK's list of windows. */
static GtkWindow *
find_dialog (GuiFixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

/* The first button under @root labelled @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selects receipt @number in the receipts list. */
static void
select_receipt (GtkWidget  *page,
                const char *number)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find (page, "receipt-view"));
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(LedgerReceiptItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (ledger_receipt_item_get_number (item), number))
        {
          gtk_selection_model_select_item (model, i, TRUE);
          gui_wait (0);
          return;
        }
    }
  g_error ("receipt %s is not in the list", number);
}

static void
test_record_payment (GuiFixture    *f,
                     gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  GtkWidget *unit_entry = gui_find (page, "unit-entry");
  GtkWidget *amount_entry = gui_find (page, "amount-entry");
  GtkWidget *completion = NULL;
  gint64 owed = add_debtor (f);
  g_autofree char *plain = ledger_money_format_plain (owed);
  g_autofree char *money = ledger_money_format (owed);
  g_autofree char *sql = NULL;
  const char *number, *owed_text;

  /* Completion as you type: the unit's prefix finds it. */
  gui_type (unit_entry, "9-1-10");
  completion = gui_find (unit_entry, "unit-completion");
  g_assert_true (gtk_widget_get_mapped (completion));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (completion)))), ==, 1);
  gui_press_enter (unit_entry);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit_entry)), ==, UNIT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_entry)), ==, plain);
  owed_text = gtk_label_get_text (GTK_LABEL (gui_find (page, "owed-label")));
  g_assert_nonnull (strstr (owed_text, OWNER));
  g_assert_nonnull (strstr (owed_text, money));
  g_assert_true (focus_within (f, amount_entry));

  gui_press_enter (amount_entry);
  number = gtk_label_get_text (GTK_LABEL (gui_find (page, "last-receipt-label")));
  g_assert_cmpuint (strlen (number), ==, 11);
  sql = g_strdup_printf ("SELECT count(*) FROM receipts r JOIN households h ON h.id = r.household_id"
                         " WHERE r.number = '%s' AND r.amount = %" G_GINT64_FORMAT " AND h.unit = '" UNIT "'",
                         number, owed);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  g_assert_cmpint (owed_now (f), ==, 0);

  /* Ready for the next household. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit_entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_entry)), ==, "");
  g_assert_true (focus_within (f, unit_entry));
  g_assert_true (gtk_widget_is_sensitive (gui_find (page, "print-receipt-button")));
}

static void
test_owner_completion (GuiFixture    *f,
                       gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  g_autofree char *plain = ledger_money_format_plain (add_debtor (f));

  /* The start of the owner's name is enough. */
  choose_unit (page, "测试");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (page, "unit-entry"))), ==, UNIT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (page, "amount-entry"))), ==, plain);

  /* An unknown unit says so and offers nothing. */
  choose_unit (page, "99-9-999");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gui_find (page, "owed-label"))), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (page, "amount-entry"))), ==, "");
}

static void
test_bad_amount_writes_nothing (GuiFixture    *f,
                                gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  GtkWidget *amount_entry = gui_find (page, "amount-entry");
  GtkWidget *error_label = gui_find (page, "amount-error-label");
  gint64 owed = add_debtor (f);
  gint64 receipts = count_receipts (f);
  gint64 txns = gui_query_int (f, "SELECT count(*) FROM txns");

  choose_unit (page, UNIT);
  gui_type (amount_entry, "12.345");
  gui_press_enter (amount_entry);

  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpint (count_receipts (f), ==, receipts);
  g_assert_cmpint (gui_query_int (f, "SELECT count(*) FROM txns"), ==, txns);
  g_assert_cmpint (owed_now (f), ==, owed);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gui_find (page, "last-receipt-label"))), ==, "");

  /* Correcting the amount clears the message. */
  gui_type (amount_entry, "10");
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_void_and_undo (GuiFixture    *f,
                    gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  GtkWidget *void_button = gui_find (page, "void-button");
  gint64 owed = add_debtor (f);
  g_autofree char *number = pay_through_form (f, page);
  g_autofree char *sql = NULL, *again = NULL;
  GtkWindow *dialog;
  GtkWidget *reason;

  g_assert_false (gtk_widget_is_sensitive (void_button));
  select_receipt (page, number);
  gui_click (void_button);
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  reason = gui_find (GTK_WIDGET (dialog), "void-reason-entry");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void"));
  gui_type (reason, "收错户号");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void"));
  /* Enter in the reason, as typed (through the entry's text widget). */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (reason)), "activate");
  gui_wait (400); /* an activated button shows itself pressed for 250 ms */
  g_assert_null (find_dialog (f));

  sql = g_strdup_printf ("SELECT count(*) FROM voids WHERE receipt = '%s' AND reason = '收错户号'", number);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  g_assert_cmpint (owed_now (f), ==, owed);

  /* Undo re-enters the same payment under a new number. */
  g_assert_true (cl_payments_page_undo_last_void (CL_PAYMENTS_PAGE (page)));
  again = g_strdup (gtk_label_get_text (GTK_LABEL (gui_find (page, "last-receipt-label"))));
  g_assert_cmpstr (again, !=, number);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM receipts r WHERE r.number = '%s' AND r.amount = %" G_GINT64_FORMAT
                         " AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.receipt = r.number)", again, owed);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  g_assert_cmpint (owed_now (f), ==, 0);
  g_assert_false (cl_payments_page_undo_last_void (CL_PAYMENTS_PAGE (page)));
}

static void
test_void_selected_api (GuiFixture    *f,
                        gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  gint64 owed = add_debtor (f);
  g_autofree char *number = pay_through_form (f, page);
  g_autofree char *sql = NULL;
  gint64 receipts = count_receipts (f);
  GtkWidget *undo;

  select_receipt (page, number);
  cl_payments_page_void_selected (CL_PAYMENTS_PAGE (page), "重复录入");
  gui_wait (0);
  sql = g_strdup_printf ("SELECT count(*) FROM voids WHERE receipt = '%s'", number);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  g_assert_cmpint (owed_now (f), ==, owed);
  /* A voided receipt cannot be voided again. */
  select_receipt (page, number);
  g_assert_false (gtk_widget_is_sensitive (gui_find (page, "void-button")));

  /* The toast's own Undo button re-enters it, once. */
  undo = find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  gui_click (undo);
  gui_wait (20);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gui_find (page, "last-receipt-label"))), !=, number);
  g_assert_cmpint (owed_now (f), ==, 0);
  g_assert_cmpint (count_receipts (f), ==, receipts + 1);
  g_assert_false (cl_payments_page_undo_last_void (CL_PAYMENTS_PAGE (page)));
  g_assert_cmpint (count_receipts (f), ==, receipts + 1);
}

static void
test_search_receipts (GuiFixture    *f,
                      gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  GtkWidget *search = gui_find (page, "receipt-search");
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (gui_find (page, "receipt-view"))));
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  char today[11];

  add_debtor (f);
  number = pay_through_form (f, page);
  ledger_book_today (f->book, today);
  all = ledger_receipt_model_new (f->book, ledger_date_year (today), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (all));

  gui_type (search, number);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  gui_type (search, OWNER);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  gui_type (search, "no such receipt");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  gui_type (search, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (all));
}

/* The model behind the list: newest first, and what each receipt settled. */
static void
test_receipt_model (GuiFixture    *f,
                    gconstpointer  data)
{
  GtkWidget *page = show_payments (f);
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(LedgerReceiptItem) first = NULL;
  char today[11];

  add_debtor (f);
  number = pay_through_form (f, page);
  ledger_book_today (f->book, today);
  model = ledger_receipt_model_new (f->book, ledger_date_year (today), &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ledger_receipt_item_get_number (first), ==, number);
  g_assert_cmpstr (ledger_receipt_item_get_unit (first), ==, UNIT);
  g_assert_cmpstr (ledger_receipt_item_get_owner (first), ==, OWNER);
  g_assert_false (ledger_receipt_item_get_voided (first));
  g_assert_nonnull (strstr (ledger_receipt_item_get_settled (first), "物业费"));
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LedgerReceiptItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(LedgerReceiptItem) b = g_list_model_get_item (model, i);

      g_assert_cmpstr (ledger_receipt_item_get_number (a), >, ledger_receipt_item_get_number (b));
    }
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/payments/record", 20, test_record_payment);
  GUI_TEST_ADD ("/gui/payments/owner-completion", 20, test_owner_completion);
  GUI_TEST_ADD ("/gui/payments/bad-amount", 20, test_bad_amount_writes_nothing);
  GUI_TEST_ADD ("/gui/payments/void-and-undo", 20, test_void_and_undo);
  GUI_TEST_ADD ("/gui/payments/void-selected", 20, test_void_selected_api);
  GUI_TEST_ADD ("/gui/payments/search", 20, test_search_receipts);
  GUI_TEST_ADD ("/gui/payments/receipt-model", 20, test_receipt_model);
  return g_test_run ();
}

/* test-gui-money.c — the Money page and the Overview's money, driven as a
 * treasurer would: the page's keys, typing, Enter; then the book itself
 *
 * The book's clock is 2026-06-30 (tests/meson.build), so vouchers are of
 * 2026. Every amount below is worked out by hand in the comments first.
 */
#include <sqlite3.h>
#include <string.h>

#include "book-fixture.h"
#include "cl-money-page-private.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

/* The money page, shown the way a treasurer reaches it: Alt+5. */
static GtkWidget *
show_money (GuiFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "money"));
  gui_wait (20);
  g_assert_cmpstr (cl_window_get_visible_page_name (f->window), ==, "money");
  return cl_window_get_page (f->window, "money");
}

/* Activates the key binding @keyval + @mods of @widget's class as GTK
 * would on the key press; fails when the class has none. */
static void
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          gui_wait (10);
          return;
        }
    }
  g_error ("%s has no shortcut for key %u", G_OBJECT_TYPE_NAME (widget), keyval);
}

static gboolean
has_focus (GuiFixture *f,
           GtkWidget  *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const char *
text_of (GtkWidget  *page,
         const char *name)
{
  GtkWidget *widget = gui_find (page, name);

  return GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                               : gtk_editable_get_text (GTK_EDITABLE (widget));
}

/* The balance of @code at the end of the book, from the balance report. */
static gint64
balance_of (GuiFixture *f,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBalanceSheet) sheet = ledger_report_balance_sheet (f->book, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sheet->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (sheet->accounts, i);

      if (g_str_equal (line->code, code))
        return line->amount;
    }
  g_error ("the book has no account %s", code);
}

static void
assert_verifies (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* Chooses the line of @dropdown that reads @text. */
static void
choose (GtkWidget  *page,
        const char *dropdown_name,
        const char *text)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gui_find (page, dropdown_name));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        gtk_drop_down_set_selected (dropdown, i);
        gui_wait (0);
        return;
      }
  g_error ("%s has no line %s", dropdown_name, text);
}

static const char *
chosen (GtkWidget  *page,
        const char *dropdown_name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gui_find (page, dropdown_name));

  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                     gtk_drop_down_get_selected (dropdown));
}

static guint
voucher_rows (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find (page, "voucher-view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* Ctrl+T, an amount, a fee and a memo, Enter: cash deposited in the
 * bank, without the mouse. */
static void
test_transfer_by_keyboard (GuiFixture    *f,
                           gconstpointer  data)
{
  GtkWidget *page;

  /* ¥5,000.00 prepaid by 9-9-901 into the cash box. */
  gui_fund_cash (f, 500000);
  page = show_money (f);

  press_shortcut (page, GDK_KEY_t, GDK_CONTROL_MASK);
  g_assert_true (has_focus (f, gui_find (page, "transfer-amount-entry")));
  /* The usual deposit is the default: cash to the bank. */
  g_assert_cmpstr (chosen (page, "transfer-from-dropdown"), ==, "现金");
  g_assert_cmpstr (chosen (page, "transfer-to-dropdown"), ==, "银行存款");
  gui_type (gui_find (page, "transfer-amount-entry"), "1200");
  gui_type (gui_find (page, "transfer-fee-entry"), "5");
  gui_type (gui_find (page, "transfer-memo-entry"), "季度存款");
  gui_press_enter (gui_find (page, "transfer-memo-entry"));

  /* The first 转 voucher of 2026, shown and listed; the form is empty
   * again with the cursor in the amount for the next one. */
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "Z2026-0001");
  g_assert_false (gtk_widget_get_visible (gui_find (page, "transfer-error-label")));
  g_assert_cmpstr (text_of (page, "transfer-amount-entry"), ==, "");
  g_assert_true (has_focus (f, gui_find (page, "transfer-amount-entry")));
  g_assert_cmpuint (voucher_rows (page), ==, 1);

  /* In the book: ¥1,200.00 from cash to bank with a ¥5.00 charge, so
   * cash 5000 − 1200 − 5 = ¥3,795.00 and the bank ¥1,200.00. */
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM transfers WHERE voucher = 'Z2026-0001'"
                                     " AND from_account = 'cash' AND to_account = 'bank'"
                                     " AND amount = 120000 AND fee = 500 AND memo = '季度存款'"), ==, 1);
  g_assert_cmpint (balance_of (f, "cash"), ==, 379500);
  g_assert_cmpint (balance_of (f, "bank"), ==, 120000);
  assert_verifies (f);
}

/* Other income, a refund and an advance given and partly returned, each
 * through its form; then the Overview's figures by account and by fund. */
static void
test_income_refund_advance (GuiFixture    *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) advances = NULL;
  GtkWidget *page, *overview;

  gui_fund_cash (f, 500000);                      /* cash ¥5,000.00, 9-9-901 credit ¥5,000.00 */
  g_assert_true (ledger_member_add (f->book, "张三", "出纳", &error));
  page = show_money (f);

  /* Rent from the express lockers: its fund is public revenue unless
   * the treasurer says otherwise; into the bank. */
  press_shortcut (page, GDK_KEY_i, GDK_CONTROL_MASK);
  g_assert_true (has_focus (f, gui_find (page, "income-amount-entry")));
  choose (page, "income-category-dropdown", ledger_income_category_label (LEDGER_INCOME_RENT));
  g_assert_cmpstr (chosen (page, "income-fund-dropdown"), ==, ledger_fund_label (LEDGER_FUND_PUBLIC));
  g_assert_cmpstr (chosen (page, "income-account-dropdown"), ==, "银行存款");
  gui_type (gui_find (page, "income-amount-entry"), "800");
  gui_type (gui_find (page, "income-payer-entry"), "快递柜公司");
  gui_press_enter (gui_find (page, "income-payer-entry"));
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "S2026-0001");
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM incomes WHERE voucher = 'S2026-0001'"
                                     " AND category = 'rent' AND fund = 'public' AND account = 'bank'"
                                     " AND amount = 80000 AND payer = '快递柜公司'"), ==, 1);

  /* A refund: Enter in the unit shows its credit and offers all of it;
   * the treasurer pays back ¥300.00 of it in cash. */
  press_shortcut (page, GDK_KEY_r, GDK_CONTROL_MASK);
  g_assert_true (has_focus (f, gui_find (page, "refund-unit-entry")));
  gui_type (gui_find (page, "refund-unit-entry"), "9-9-901");
  gui_press_enter (gui_find (page, "refund-unit-entry"));
  g_assert_nonnull (strstr (text_of (page, "refund-credit-label"), "¥5,000.00"));
  g_assert_cmpstr (text_of (page, "refund-amount-entry"), ==, "5000.00");
  g_assert_true (has_focus (f, gui_find (page, "refund-amount-entry")));
  gui_type (gui_find (page, "refund-amount-entry"), "300");
  gui_type (gui_find (page, "refund-reason-entry"), "多交");
  gui_press_enter (gui_find (page, "refund-reason-entry"));
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "F2026-0001");
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM refunds WHERE voucher = 'F2026-0001'"
                                     " AND account = 'cash' AND amount = 30000 AND reason = '多交'"), ==, 1);

  /* ¥500.00 advanced to 张三 from cash (a 付 voucher), ¥200.00 back (收). */
  press_shortcut (page, GDK_KEY_m, GDK_CONTROL_MASK);
  g_assert_cmpstr (chosen (page, "advance-member-dropdown"), ==, "张三");
  g_assert_cmpstr (text_of (page, "advance-open-label"), ==, "Holds no advance");
  gui_type (gui_find (page, "advance-amount-entry"), "500");
  gui_press_enter (gui_find (page, "advance-amount-entry"));
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "F2026-0002");
  /* What 张三 holds shows beside the member before the return is typed. */
  g_assert_cmpstr (text_of (page, "advance-open-label"), ==, "Holds ¥500.00 of advances");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (page, "advance-kind-dropdown")), 1);
  gui_type (gui_find (page, "advance-amount-entry"), "200");
  gui_press_enter (gui_find (page, "advance-amount-entry"));
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "S2026-0002");
  g_assert_cmpstr (text_of (page, "advance-open-label"), ==, "Holds ¥300.00 of advances");
  advances = ledger_advance_list (f->book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (advances->len, ==, 1);
  g_assert_cmpint (((LedgerAdvanceSummary *) g_ptr_array_index (advances, 0))->open, ==, 30000);
  g_assert_cmpuint (voucher_rows (page), ==, 4);
  assert_verifies (f);

  /* The Overview, by hand:
   *   cash    5000 − 300 (refund) − 500 (advance) + 200 (returned) = ¥4,400.00
   *   bank    800 (rent)                                          = ¥800.00
   *   张三's advance 500 − 200                                     = ¥300.00
   *   owners' credit 5000 − 300                                   = ¥4,700.00
   *   money + advances − credit = 4400 + 800 + 300 − 4700         = ¥800.00
   *   public revenue: the rent, ¥800.00; operating and maintenance ¥0.00. */
  cl_window_show_page (f->window, "overview");
  gui_wait (20);
  overview = cl_window_get_page (f->window, "overview");
  g_assert_cmpstr (text_of (overview, "funds-label"), ==, "¥5,200.00");
  g_assert_cmpstr (text_of (overview, "overview-account-cash"), ==, "¥4,400.00");
  g_assert_cmpstr (text_of (overview, "overview-account-bank"), ==, "¥800.00");
  g_assert_cmpstr (text_of (overview, "overview-account-advance:张三"), ==, "¥300.00");
  g_assert_cmpstr (text_of (overview, "overview-fund-public"), ==, "¥800.00");
  g_assert_cmpstr (text_of (overview, "overview-fund-operating"), ==, "¥0.00");
  g_assert_cmpstr (text_of (overview, "overview-fund-maintenance"), ==, "¥0.00");
  g_assert_cmpstr (text_of (overview, "net-label"), ==, "¥800.00");
  g_assert_false (gtk_widget_has_css_class (gui_find (overview, "net-label"), "error"));
}

/* What the ledger refuses shows as its one line under the form, and the
 * book's bytes are those from before. */
static void
test_refused_leaves_book_unchanged (GuiFixture    *f,
                                    gconstpointer  data)
{
  BookFixture book = { f->dir, f->path, f->book };
  g_autoptr(GBytes) before = NULL, after = NULL;
  GtkWidget *page, *error_label;

  gui_fund_cash (f, 10000);                        /* cash ¥100.00 */
  page = show_money (f);
  error_label = gui_find (page, "transfer-error-label");
  before = book_fixture_bytes (&book);

  /* More than the cash box holds: refused naming the account. */
  press_shortcut (page, GDK_KEY_t, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "transfer-amount-entry"), "100.01");
  gui_press_enter (gui_find (page, "transfer-amount-entry"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "cash"));
  g_assert_null (strchr (gtk_label_get_text (GTK_LABEL (error_label)), '\n'));
  /* What was typed stays, to be corrected. */
  g_assert_cmpstr (text_of (page, "transfer-amount-entry"), ==, "100.01");

  /* Editing takes the complaint away; an amount that is no amount. */
  gui_type (gui_find (page, "transfer-amount-entry"), "12.345");
  g_assert_false (gtk_widget_get_visible (error_label));
  gui_press_enter (gui_find (page, "transfer-amount-entry"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "amount"));

  /* The same account twice. */
  choose (page, "transfer-to-dropdown", "现金");
  gui_type (gui_find (page, "transfer-amount-entry"), "10");
  gui_press_enter (gui_find (page, "transfer-amount-entry"));
  g_assert_true (gtk_widget_get_visible (error_label));

  /* A refund for a household with no credit; an advance with no member. */
  press_shortcut (page, GDK_KEY_r, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "refund-unit-entry"), "1-1-101");
  gui_type (gui_find (page, "refund-amount-entry"), "10");
  gui_type (gui_find (page, "refund-reason-entry"), "搬走");
  gui_press_enter (gui_find (page, "refund-reason-entry"));
  g_assert_true (gtk_widget_get_visible (gui_find (page, "refund-error-label")));
  press_shortcut (page, GDK_KEY_m, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "advance-amount-entry"), "10");
  gui_press_enter (gui_find (page, "advance-amount-entry"));
  g_assert_true (gtk_widget_get_visible (gui_find (page, "advance-error-label")));

  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "");
  after = book_fixture_bytes (&book);
  g_assert_true (g_bytes_equal (before, after));
  assert_verifies (f);
}

/* A named bank account, added from the page, is at once a choice of
 * every form; a second with the same name is refused. */
static void
test_bank_account (GuiFixture    *f,
                   gconstpointer  data)
{
  GtkWidget *page;

  gui_fund_cash (f, 100000);                       /* cash ¥1,000.00 */
  page = show_money (f);
  g_assert_true (cl_money_page_add_bank_account (CL_MONEY_PAGE (page), "工商银行"));
  gui_wait (20);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM accounts WHERE code = 'bank:工商银行'"), ==, 1);

  cl_money_page_show_form (CL_MONEY_PAGE (page), "transfer");
  choose (page, "transfer-to-dropdown", "银行存款（工商银行）");
  gui_type (gui_find (page, "transfer-amount-entry"), "600");
  gui_press_enter (gui_find (page, "transfer-amount-entry"));
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "Z2026-0001");
  /* 1000 − 600 in cash, 600 in the named account; the Overview counts it
   * as bank money (the "Funds held" are all ¥1,000.00 still). */
  g_assert_cmpint (balance_of (f, "cash"), ==, 40000);
  g_assert_cmpint (balance_of (f, "bank:工商银行"), ==, 60000);
  /* The choice is kept across the reload the write caused. */
  g_assert_cmpstr (chosen (page, "transfer-to-dropdown"), ==, "银行存款（工商银行）");

  g_assert_false (cl_money_page_add_bank_account (CL_MONEY_PAGE (page), "工商银行"));
  g_assert_true (gtk_widget_get_visible (gui_find (page, "accounts-error-label")));
  assert_verifies (f);

  cl_window_show_page (f->window, "overview");
  gui_wait (20);
  g_assert_cmpstr (text_of (cl_window_get_page (f->window, "overview"), "funds-label"), ==, "¥1,000.00");
  g_assert_cmpstr (text_of (cl_window_get_page (f->window, "overview"), "overview-account-bank:工商银行"), ==,
                   "¥600.00");
}

/* Runs @sql on the book file behind the program's back. */
static void
tamper (GuiFixture *f,
        const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A cache edited so that the bank shows less than nothing: the Overview
 * marks the figure and says the book does not tie out, never hides it. */
static void
test_overview_marks_a_broken_book (GuiFixture    *f,
                                   gconstpointer  data)
{
  GtkWidget *overview = cl_window_get_page (f->window, "overview");
  AdwActionRow *net_row;

  gui_fund_cash (f, 100000);
  tamper (f, "INSERT INTO account_days (account, date, amount) VALUES ('bank', '2026-06-30', -5000)");
  /* The page reads the book again as when it is opened. */
  g_object_set (overview, "book", NULL, NULL);
  g_object_set (overview, "book", f->book, NULL);
  cl_window_show_page (f->window, "overview");
  gui_wait (20);

  g_assert_cmpstr (text_of (overview, "overview-account-bank"), ==, "-¥50.00");
  g_assert_true (gtk_widget_has_css_class (gui_find (overview, "overview-account-bank"), "error"));
  net_row = ADW_ACTION_ROW (gui_find (overview, "net-row"));
  g_assert_true (gtk_widget_has_css_class (gui_find (overview, "net-label"), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (net_row), "Does not tie out"));
}

/* Publishes and closes @period (as `publish` then `period close` do), so
 * that an entry dated inside it is refused. */
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

/* Enter in @entry_name of @page; then the form's complaint is shown, the
 * widget @marked_name (and only it of @names) has the "error" class and
 * the cursor. */
static void
assert_marks (GuiFixture        *f,
              GtkWidget         *page,
              const char        *entry_name,
              const char        *error_label_name,
              const char        *marked_name,
              const char *const *names)
{
  gui_press_enter (gui_find (page, entry_name));
  g_assert_true (gtk_widget_get_visible (gui_find (page, error_label_name)));
  for (gsize i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], marked_name))
      g_assert_true (gtk_widget_has_css_class (gui_find (page, names[i]), "error"));
    else if (gtk_widget_has_css_class (gui_find (page, names[i]), "error"))
      g_error ("%s is marked, expected %s", names[i], marked_name);
  g_assert_true (has_focus (f, gui_find (page, marked_name)));
}

static const char *const transfer_fields[] = {
  "transfer-amount-entry", "transfer-from-dropdown", "transfer-to-dropdown", "transfer-fee-entry",
  "transfer-date-entry", "transfer-memo-entry", NULL
};
static const char *const income_fields[] = {
  "income-amount-entry", "income-account-dropdown", "income-payer-entry", "income-date-entry",
  "income-memo-entry", NULL
};
static const char *const refund_fields[] = {
  "refund-unit-entry", "refund-amount-entry", "refund-account-dropdown", "refund-date-entry",
  "refund-reason-entry", NULL
};
static const char *const advance_fields[] = {
  "advance-member-dropdown", "advance-amount-entry", "advance-account-dropdown", "advance-date-entry",
  "advance-memo-entry", NULL
};

/* Each refusal of the transfer form marks the field it is about, from
 * the ledger's error (ledger_error_get_field(), _get_account()), and
 * typing in that field takes the mark away. */
static void
test_transfer_marks_the_field (GuiFixture    *f,
                               gconstpointer  data)
{
  BookFixture book = { f->dir, f->path, f->book };
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autofree char *long_memo = g_strnfill (201, 'x');
  GtkWidget *page;

  gui_fund_cash (f, 10000);                        /* cash ¥100.00, dated 2026-06-30 */
  close_period (f, "2026-Q1");
  page = show_money (f);
  before = book_fixture_bytes (&book);
  press_shortcut (page, GDK_KEY_t, GDK_CONTROL_MASK);

  /* No amount: the form's own reading. */
  gui_type (gui_find (page, "transfer-amount-entry"), "12.345");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-amount-entry",
                transfer_fields);
  /* Typing in it takes the mark and the complaint away. */
  gui_type (gui_find (page, "transfer-amount-entry"), "10");
  g_assert_false (gtk_widget_has_css_class (gui_find (page, "transfer-amount-entry"), "error"));
  g_assert_false (gtk_widget_get_visible (gui_find (page, "transfer-error-label")));

  /* A fee that is no amount. */
  gui_type (gui_find (page, "transfer-fee-entry"), "abc");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-fee-entry", transfer_fields);
  gui_type (gui_find (page, "transfer-fee-entry"), "");

  /* More than the cash box holds (¥100.00): the ledger names the
   * account "cash", which is the From drop-down's. */
  gui_type (gui_find (page, "transfer-amount-entry"), "100.01");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-from-dropdown",
                transfer_fields);
  /* Another choice takes that mark away. */
  choose (page, "transfer-from-dropdown", "银行存款");
  g_assert_false (gtk_widget_has_css_class (gui_find (page, "transfer-from-dropdown"), "error"));
  g_assert_false (gtk_widget_get_visible (gui_find (page, "transfer-error-label")));

  /* The bank (empty) pays the bank: the same account twice is --to. */
  gui_type (gui_find (page, "transfer-amount-entry"), "10");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-to-dropdown",
                transfer_fields);
  choose (page, "transfer-from-dropdown", "现金");

  /* Dates: inside the closed 2026-Q1; after today (2026-06-30); no date. */
  gui_type (gui_find (page, "transfer-date-entry"), "2026-03-15");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-date-entry",
                transfer_fields);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_find (page, "transfer-error-label"))), "2026-Q1"));
  gui_type (gui_find (page, "transfer-date-entry"), "2026-07-30");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-date-entry",
                transfer_fields);
  gui_type (gui_find (page, "transfer-date-entry"), "2026-02-30");
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-date-entry",
                transfer_fields);
  gui_type (gui_find (page, "transfer-date-entry"), "");

  /* A memo longer than 200 characters. */
  gui_type (gui_find (page, "transfer-memo-entry"), long_memo);
  assert_marks (f, page, "transfer-amount-entry", "transfer-error-label", "transfer-memo-entry",
                transfer_fields);

  after = book_fixture_bytes (&book);
  g_assert_true (g_bytes_equal (before, after));
  assert_verifies (f);
}

/* The income, refund and advance forms: each refusal marks its field. */
static void
test_other_forms_mark_the_field (GuiFixture    *f,
                                 gconstpointer  data)
{
  BookFixture book = { f->dir, f->path, f->book };
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_payer = g_strnfill (101, 'x');
  GtkWidget *page;

  gui_fund_cash (f, 10000);                        /* cash ¥100.00; 9-9-901's credit ¥100.00 */
  page = show_money (f);
  before = book_fixture_bytes (&book);

  /* Income: a payer longer than 100 characters; a date that is none. */
  press_shortcut (page, GDK_KEY_i, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "income-amount-entry"), "10");
  gui_type (gui_find (page, "income-payer-entry"), long_payer);
  assert_marks (f, page, "income-amount-entry", "income-error-label", "income-payer-entry", income_fields);
  gui_type (gui_find (page, "income-payer-entry"), "银行");
  gui_type (gui_find (page, "income-date-entry"), "tomorrow");
  assert_marks (f, page, "income-amount-entry", "income-error-label", "income-date-entry", income_fields);
  gui_type (gui_find (page, "income-date-entry"), "");
  gui_type (gui_find (page, "income-amount-entry"), "0");
  assert_marks (f, page, "income-amount-entry", "income-error-label", "income-amount-entry", income_fields);

  /* Refund: a unit the book does not have; more than the credit; no
   * reason; paid from the bank, which holds nothing. */
  press_shortcut (page, GDK_KEY_r, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "refund-unit-entry"), "8-8-808");
  gui_type (gui_find (page, "refund-amount-entry"), "10");
  gui_type (gui_find (page, "refund-reason-entry"), "搬走");
  assert_marks (f, page, "refund-reason-entry", "refund-error-label", "refund-unit-entry", refund_fields);
  gui_type (gui_find (page, "refund-unit-entry"), "9-9-901");
  gui_type (gui_find (page, "refund-amount-entry"), "100.01");
  assert_marks (f, page, "refund-reason-entry", "refund-error-label", "refund-amount-entry", refund_fields);
  gui_type (gui_find (page, "refund-amount-entry"), "50");
  gui_type (gui_find (page, "refund-reason-entry"), "");
  assert_marks (f, page, "refund-amount-entry", "refund-error-label", "refund-reason-entry", refund_fields);
  gui_type (gui_find (page, "refund-reason-entry"), "搬走");
  choose (page, "refund-account-dropdown", "银行存款");
  assert_marks (f, page, "refund-reason-entry", "refund-error-label", "refund-account-dropdown", refund_fields);

  /* Advance: no member on the committee yet. */
  press_shortcut (page, GDK_KEY_m, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "advance-amount-entry"), "10");
  assert_marks (f, page, "advance-amount-entry", "advance-error-label", "advance-member-dropdown",
                advance_fields);
  after = book_fixture_bytes (&book);
  g_assert_true (g_bytes_equal (before, after));

  /* With a member: more than the cash box holds marks the account;
   * taking back more than was given marks the amount. */
  g_assert_true (ledger_member_add (f->book, "张三", "出纳", &error));
  g_assert_no_error (error);
  gui_wait (20);
  before = book_fixture_bytes (&book);
  choose (page, "advance-member-dropdown", "张三");
  gui_type (gui_find (page, "advance-amount-entry"), "100.01");
  assert_marks (f, page, "advance-amount-entry", "advance-error-label", "advance-account-dropdown",
                advance_fields);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (page, "advance-kind-dropdown")), 1);
  gui_type (gui_find (page, "advance-amount-entry"), "10");
  assert_marks (f, page, "advance-amount-entry", "advance-error-label", "advance-amount-entry",
                advance_fields);

  after = book_fixture_bytes (&book);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (text_of (page, "last-voucher-label"), ==, "");
  assert_verifies (f);
}

/* Tab out of the refund's unit: the credit is shown and offered before
 * the amount is typed, as Enter does. */
static void
test_refund_credit_before_amount (GuiFixture    *f,
                                  gconstpointer  data)
{
  GtkWidget *page;

  gui_fund_cash (f, 20000);                        /* 9-9-901's credit ¥200.00 */
  page = show_money (f);
  press_shortcut (page, GDK_KEY_r, GDK_CONTROL_MASK);
  gui_type (gui_find (page, "refund-unit-entry"), "9-9-901");
  gtk_widget_grab_focus (gui_find (page, "refund-amount-entry"));
  gui_wait (10);
  g_assert_nonnull (strstr (text_of (page, "refund-credit-label"), "¥200.00"));
  g_assert_cmpstr (text_of (page, "refund-amount-entry"), ==, "200.00");
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;
  GUI_TEST_ADD ("/gui/money/transfer-by-keyboard", 0, test_transfer_by_keyboard);
  GUI_TEST_ADD ("/gui/money/income-refund-advance", 0, test_income_refund_advance);
  GUI_TEST_ADD ("/gui/money/refused-leaves-book-unchanged", 0, test_refused_leaves_book_unchanged);
  GUI_TEST_ADD ("/gui/money/transfer-marks-the-field", 0, test_transfer_marks_the_field);
  GUI_TEST_ADD ("/gui/money/other-forms-mark-the-field", 0, test_other_forms_mark_the_field);
  GUI_TEST_ADD ("/gui/money/refund-credit-before-amount", 0, test_refund_credit_before_amount);
  GUI_TEST_ADD ("/gui/money/bank-account", 0, test_bank_account);
  GUI_TEST_ADD ("/gui/money/overview-marks-a-broken-book", 0, test_overview_marks_a_broken_book);
  return g_test_run ();
}

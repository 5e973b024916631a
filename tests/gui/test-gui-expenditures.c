/* test-gui-expenditures.c — the expenditures page and its form */
#include <glib/gstdio.h>
#include <string.h>

#include "cl-expenditure-dialog-private.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

#define HOUSEHOLDS 12

/* Shows the expenditures page of the fixture's window. */
static GtkWidget *
show_page (GuiFixture *f)
{
  GtkWidget *page = cl_window_get_page (f->window, "expenditures");

  g_assert_nonnull (page);
  cl_window_show_page (f->window, "expenditures");
  gui_wait (20);
  return page;
}

/* How many rows the table shows (after the search). */
static guint
visible_rows (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find (page, "expenditures-view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* Opens the expenditure form with the page's button. */
static GtkWidget *
open_form (GuiFixture *f,
           GtkWidget  *page)
{
  GtkWindow *dialog;

  gui_click (gui_find (page, "new-expenditure-button"));
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (CL_IS_EXPENDITURE_DIALOG (dialog));
  return GTK_WIDGET (dialog);
}

/* Chooses category @code ("lighting") in the form. */
static void
select_category (GtkWidget  *form,
                 const char *code)
{
  const char * const *codes = ledger_expenditure_categories ();
  guint i = 0;

  while (codes[i] != NULL && strcmp (codes[i], code) != 0)
    i++;
  g_assert_nonnull (codes[i]);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (form, "category-dropdown")), i);
  gui_wait (0);
}

/* Picks vote @id in the vote dropdown (FALSE when it is not offered). */
static gboolean
select_vote (GtkWidget *form,
             gint64     id)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gui_find (form, "vote-dropdown"));
  GListModel *votes = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (votes); i++)
    {
      g_autoptr(LedgerVoteItem) item = g_list_model_get_item (votes, i);

      if (ledger_vote_item_get_id (item) == id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          gui_wait (0);
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether the widget named @name is on screen. */
static gboolean
shown (GtkWidget  *form,
       const char *name)
{
  return gtk_widget_is_visible (gui_find (form, name));
}

/* The table lists every expenditure, sorts by any column and searches. */
static void
test_list_and_search (GuiFixture    *f,
                      gconstpointer  data)
{
  GtkWidget *page = show_page (f);
  gint64 all = gui_query_int (f, "SELECT count (*) FROM expenditures");
  gint64 cleaning = gui_query_int (f, "SELECT count (*) FROM expenditures WHERE category = 'expense:cleaning'");
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT " expenditures", all);

  g_assert_cmpint (all, >, 0);
  g_assert_cmpint (cleaning, >, 0);
  g_assert_cmpuint (visible_rows (page), ==, all);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gui_find (page, "expenditure-total-label"))), count));

  /* Every column with a sorter sorts both ways; newest first by default. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (gui_find (page, "expenditures-view"));
    GListModel *columns = gtk_column_view_get_columns (view);
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
    g_autoptr(LedgerExpenditureItem) newest = g_list_model_get_item (model, 0);
    g_autoptr(LedgerExpenditureItem) oldest = g_list_model_get_item (model, all - 1);

    g_assert_cmpstr (ledger_expenditure_item_get_date (newest), >=, ledger_expenditure_item_get_date (oldest));
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (gtk_column_view_column_get_sorter (column) == NULL)
          continue;
        gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
        gui_wait (0);
        gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
        gui_wait (0);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
      }
  }

  /* The category is searched in Chinese, as the column shows it
   * (GtkSearchEntry reports changes after a short delay). */
  gui_type (gui_find (page, "expenditure-search-entry"), "保洁");
  gui_wait (400);
  g_assert_cmpuint (visible_rows (page), ==, cleaning);
  gui_type (gui_find (page, "expenditure-search-entry"), "no such payee at all");
  gui_wait (400);
  g_assert_cmpuint (visible_rows (page), ==, 0);
  gui_type (gui_find (page, "expenditure-search-entry"), "");
  gui_wait (400);
  g_assert_cmpuint (visible_rows (page), ==, all);
}

/* An expenditure typed into the form is in the book as typed. */
static void
test_new_expenditure (GuiFixture    *f,
                      gconstpointer  data)
{
  GtkWidget *page;
  gint64 before;
  guint rows;
  GtkWidget *form;
  GtkWidget *save;
  char today[11];
  g_autofree char *sql = NULL;

  gui_fund_cash (f, 200000); /* the form pays from the cash box */
  page = show_page (f);
  before = gui_query_int (f, "SELECT count (*) FROM expenditures");
  rows = visible_rows (page);
  form = open_form (f, page);
  save = gui_find (form, "save-expenditure-button");

  /* Nothing typed yet: nothing to save, nothing explained. */
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (shown (form, "spend-limit-label"));
  ledger_book_today (f->book, today);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (form, "date-entry"))), ==, today);

  /* A bad amount gets the ledger's message under the field. */
  gui_type (gui_find (form, "amount-entry"), "12.345");
  g_assert_true (shown (form, "amount-error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_find (form, "amount-error"))), "12.345"));
  g_assert_false (gtk_widget_is_sensitive (save));

  /* Without a payee, Save says so under the payee and writes nothing. */
  gui_type (gui_find (form, "amount-entry"), "¥1,250.50");
  g_assert_false (shown (form, "amount-error"));
  g_assert_true (gtk_widget_is_sensitive (save));
  gui_click (save);
  g_assert_true (shown (form, "payee-error"));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM expenditures"), ==, before);

  gui_type (gui_find (form, "payee-entry"), "张师傅水电维修部");
  select_category (form, "lighting");
  gui_type (gui_find (form, "invoice-entry"), "FP2026031501");
  /* The demo's committee (issue 16: 陈主任, 刘委员, 孙委员) is ticked, not typed. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_find (form, "approver-check-0")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_find (form, "approver-check-1")), TRUE);
  gui_type (gui_find (form, "memo-entry"), "更换3号楼楼道灯");
  gui_click (save);
  gui_wait (20);
  g_assert_null (gui_find_dialog (GTK_WINDOW (f->window)));

  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM expenditures"), ==, before + 1);
  sql = g_strdup_printf ("SELECT count (*) FROM expenditures WHERE id = (SELECT max (id) FROM expenditures)"
                         " AND payee = '张师傅水电维修部' AND amount = 125050 AND category = 'expense:lighting'"
                         " AND invoice = 'FP2026031501' AND approvers = '陈主任,刘委员' AND memo = '更换3号楼楼道灯'"
                         " AND method = 'cash' AND fund = 'general' AND vote_id IS NULL AND date = '%s'", today);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  /* The journal carries it: the expenditure account was debited by the amount. */
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM splits WHERE account = 'expense:lighting'"
                                     " AND txn_id = (SELECT txn_id FROM expenditures ORDER BY id DESC LIMIT 1)"), ==, 125050);
  g_assert_cmpuint (visible_rows (page), ==, rows + 1);
}

/* The demo's budget vote of the current year: matter 9, closed, passed. */
static gint64
budget_vote (GuiFixture *f)
{
  return gui_query_int (f, "SELECT v.id FROM votes v JOIN vote_results r ON r.vote_id = v.id"
                           " WHERE v.matter = 9 AND r.passed AND v.title LIKE '%预算%' ORDER BY v.id DESC LIMIT 1");
}

/* Above the spend limit the form explains the rule and saves only with a fitting vote. */
static void
test_over_limit_needs_vote (GuiFixture    *f,
                            gconstpointer  data)
{
  GtkWidget *page, *form, *save, *explanation;
  gint64 vote = budget_vote (f);
  gint64 failed = gui_query_int (f, "SELECT vote_id FROM vote_results WHERE NOT passed LIMIT 1");
  g_autofree char *sql = NULL;

  gui_fund_cash (f, 1000000); /* the form pays from the cash box */
  page = show_page (f);
  form = open_form (f, page);
  save = gui_find (form, "save-expenditure-button");
  explanation = gui_find (form, "spend-limit-label");

  g_assert_cmpint (vote, >, 0);
  gui_type (gui_find (form, "payee-entry"), "绿城园林工程有限公司");
  select_category (form, "greening");

  /* At the limit the committee decides alone… */
  gui_type (gui_find (form, "amount-entry"), "5000");
  g_assert_false (gtk_widget_is_visible (explanation));
  g_assert_true (gtk_widget_is_sensitive (save));

  /* …above it the form explains the rule and will not save. */
  gui_type (gui_find (form, "amount-entry"), "8000");
  g_assert_true (gtk_widget_is_visible (explanation));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (explanation)), "¥5,000.00"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (explanation)), "matter 5"));
  g_assert_false (gtk_widget_is_sensitive (save));

  /* Only passed votes are offered. */
  g_assert_false (select_vote (form, failed));

  /* The maintenance fund needs matter 5: the budget vote (matter 9) will not do. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_find (form, "maintenance-fund-check")), TRUE);
  gui_wait (0);
  g_assert_true (select_vote (form, vote));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (shown (form, "vote-error"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_find (form, "maintenance-fund-check")), FALSE);
  gui_wait (0);

  /* From the general fund, the passed matter-9 budget vote approves it. */
  g_assert_false (shown (form, "vote-error"));
  g_assert_true (gtk_widget_is_sensitive (save));
  gui_click (save);
  gui_wait (20);
  g_assert_null (gui_find_dialog (GTK_WINDOW (f->window)));
  sql = g_strdup_printf ("SELECT count (*) FROM expenditures WHERE id = (SELECT max (id) FROM expenditures)"
                         " AND amount = 800000 AND vote_id = %" G_GINT64_FORMAT " AND category = 'expense:greening'",
                         vote);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
}

/* A chosen file is copied beside the book and its SHA-256 recorded. */
static void
test_attachment (GuiFixture    *f,
                 gconstpointer  data)
{
  GtkWidget *page = show_page (f);
  GtkWidget *form = open_form (f, page);
  const char content[] = "%PDF-1.4 发票扫描件 invoice scan\n";
  g_autofree char *scan = g_build_filename (f->dir, "发票.pdf", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autofree char *files_dir = ledger_book_dup_files_dir (f->book);
  g_autofree char *sql = NULL, *stored = NULL, *copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const LedgerExpenditure *e;
  const LedgerAttachment *a;
  gsize length = 0;

  gui_fund_cash (f, 10000); /* the form pays from the cash box */
  g_assert_true (g_file_set_contents (scan, content, -1, &error));
  gui_type (gui_find (form, "payee-entry"), "快印店");
  gui_type (gui_find (form, "amount-entry"), "36");
  select_category (form, "office");
  cl_expenditure_dialog_add_attachment (CL_EXPENDITURE_DIALOG (form), scan);
  cl_expenditure_dialog_add_attachment (CL_EXPENDITURE_DIALOG (form), scan); /* the same file once */
  gui_click (gui_find (form, "save-expenditure-button"));
  gui_wait (20);
  g_assert_null (gui_find_dialog (GTK_WINDOW (f->window)));

  sql = g_strdup_printf ("SELECT count (*) FROM attachments WHERE owner_kind = 'expenditure'"
                         " AND owner_id = (SELECT max (id) FROM expenditures) AND sha256 = '%s'"
                         " AND original_name = '发票.pdf' AND size = %zu", sha, strlen (content));
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM attachments WHERE owner_kind = 'expenditure'"
                                     " AND owner_id = (SELECT max (id) FROM expenditures)"), ==, 1);

  /* The copy beside the book is byte for byte the file that was chosen. */
  list = ledger_expenditure_list (f->book, NULL, &error);
  g_assert_no_error (error);
  e = g_ptr_array_index (list, list->len - 1);
  for (guint i = 0; i < list->len; i++)
    if (((LedgerExpenditure *) g_ptr_array_index (list, i))->id > e->id)
      e = g_ptr_array_index (list, i);
  g_assert_cmpuint (e->attachments->len, ==, 1);
  a = g_ptr_array_index (e->attachments, 0);
  g_assert_cmpstr (a->sha256, ==, sha);
  stored = g_build_filename (files_dir, a->stored_name, NULL);
  g_assert_true (g_file_get_contents (stored, &copy, &length, &error));
  g_assert_cmpmem (copy, length, content, strlen (content));
}

/* The expenditures page's tests, each on a fresh demo book of 12 households. */
/* A backdated expenditure is judged by the spend limit of its own day:
 * raising the limit today lets the form save ¥8,000 dated today, not dated
 * in January (when the limit was ¥5,000), and Save refuses it too. */
static void
test_limit_of_the_day (GuiFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *form, *save, *explanation;
  gint64 before;

  gui_fund_cash (f, 2000000);
  g_assert_true (ledger_set_spend_limit (f->book, 900000, &error));
  page = show_page (f);
  form = open_form (f, page);
  save = gui_find (form, "save-expenditure-button");
  explanation = gui_find (form, "spend-limit-label");
  before = gui_query_int (f, "SELECT count (*) FROM expenditures");
  gui_type (gui_find (form, "payee-entry"), "绿城园林工程有限公司");
  gui_type (gui_find (form, "amount-entry"), "8000");
  g_assert_false (gtk_widget_is_visible (explanation));
  g_assert_true (gtk_widget_is_sensitive (save));

  gui_type (gui_find (form, "date-entry"), "2026-01-05");
  g_assert_true (gtk_widget_is_visible (explanation));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (explanation)), "¥5,000.00"));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM expenditures"), ==, before);
}

/* Money the cash box does not hold cannot be spent: Save shows the
 * ledger's message (the account, the day, the shortfall) and writes nothing. */
static void
test_spending_more_than_the_cash_box_holds (GuiFixture    *f,
                                            gconstpointer  data)
{
  GtkWidget *page = show_page (f);
  GtkWidget *form = open_form (f, page);
  gint64 before = gui_query_int (f, "SELECT count (*) FROM expenditures");
  gint64 cash = gui_query_int (f, "SELECT coalesce (sum (amount), 0) FROM account_days WHERE account = 'cash'");
  g_autofree char *one_fen_more = NULL;
  const char *text;

  /* One fen more than the cash box holds, within the spend limit. */
  g_assert_cmpint (cash, <, 500000);
  one_fen_more = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", (cash + 1) / 100, (int) ((cash + 1) % 100));
  gui_type (gui_find (form, "payee-entry"), "绿城园林工程有限公司");
  gui_type (gui_find (form, "amount-entry"), one_fen_more);
  gui_click (gui_find (form, "save-expenditure-button"));
  gui_wait (20);
  g_assert_nonnull (gui_find_dialog (GTK_WINDOW (f->window)));
  g_assert_true (shown (form, "expenditure-error-label"));
  text = gtk_label_get_text (GTK_LABEL (gui_find (form, "expenditure-error-label")));
  g_assert_nonnull (strstr (text, "cash"));
  g_assert_nonnull (strstr (text, "2026-06-30"));
  g_assert_nonnull (strstr (text, "¥0.01"));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM expenditures"), ==, before);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/expenditures/list-and-search", HOUSEHOLDS, test_list_and_search);
  GUI_TEST_ADD ("/gui/expenditures/new", HOUSEHOLDS, test_new_expenditure);
  GUI_TEST_ADD ("/gui/expenditures/over-limit-needs-vote", HOUSEHOLDS, test_over_limit_needs_vote);
  GUI_TEST_ADD ("/gui/expenditures/limit-of-the-day", HOUSEHOLDS, test_limit_of_the_day);
  GUI_TEST_ADD ("/gui/expenditures/more-than-the-cash-box-holds", HOUSEHOLDS,
                test_spending_more_than_the_cash_box_holds);
  GUI_TEST_ADD ("/gui/expenditures/attachment", HOUSEHOLDS, test_attachment);
  return g_test_run ();
}

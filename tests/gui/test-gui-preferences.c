/* test-gui-preferences.c — the Preferences window edits the open book */
#include <glib/gstdio.h>
#include <string.h>

#include "cl-expenditure-dialog.h"
#include "cl-preferences-window.h"
#include "gui-test-utils.h"
#include "ledger.h"

/* Opens the Preferences through win.preferences (Ctrl+comma, the menu). */
static GtkWidget *
open_preferences (GuiFixture *f)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  gui_wait (50);
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (CL_IS_PREFERENCES_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* Types @text into the entry row @name and applies it (its ✓ button). */
static void
apply (GtkWidget  *prefs,
       const char *name,
       const char *text)
{
  GtkWidget *row = gui_find (prefs, name);

  gui_type (row, text);
  g_signal_emit_by_name (row, "apply");
  gui_wait (0);
}

static const char *
label_text (GtkWidget  *prefs,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (gui_find (prefs, name)));
}

/* Whether the message label @name is on screen (its row is shown). */
static gboolean
message_shown (GtkWidget  *prefs,
               const char *name)
{
  return gtk_widget_get_visible (gtk_widget_get_parent (gui_find (prefs, name)));
}

static gint64
count_fee_versions (GuiFixture *f,
                    const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM fees WHERE code = '%s'", code);

  return gui_query_int (f, sql);
}

static void
test_community_and_money (GuiFixture    *f,
                          gconstpointer  data)
{
  GtkWidget *prefs = open_preferences (f);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *before_title = g_strdup (gtk_window_get_title (GTK_WINDOW (f->window)));
  gint64 entries = gui_query_int (f, "SELECT count (*) FROM txns");
  gint64 versions = count_fee_versions (f, "property");

  /* The fields show the book. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (prefs, "name-row"))), ==, "界面测试小区");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (prefs, "spend-limit-row"))), ==, "¥5,000.00");
  g_assert_nonnull (gui_find (prefs, "fee-row-property"));
  g_assert_nonnull (gui_find (prefs, "fee-row-parking"));

  /* Name and address, each a journaled write. */
  apply (prefs, "name-row", "幸福里小区");
  apply (prefs, "address-row", "北京市朝阳区幸福路1号");
  g_assert_false (message_shown (prefs, "name-error"));
  g_assert_false (message_shown (prefs, "address-error"));
  name = ledger_book_dup_name (f->book);
  address = ledger_settings_dup_address (f->book);
  g_assert_cmpstr (name, ==, "幸福里小区");
  g_assert_cmpstr (address, ==, "北京市朝阳区幸福路1号");
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM settings WHERE key = 'address'"
                                     " AND value = '北京市朝阳区幸福路1号'"), ==, 1);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM txns"), ==, entries + 2);

  /* A bad value: the ledger's message under the field, the book unchanged. */
  entries = gui_query_int (f, "SELECT count (*) FROM txns");
  apply (prefs, "name-row", "");
  g_assert_true (message_shown (prefs, "name-error"));
  g_assert_nonnull (strstr (label_text (prefs, "name-error"), "community name"));
  apply (prefs, "spend-limit-row", "12.345");
  g_assert_true (message_shown (prefs, "spend-limit-error"));
  g_assert_nonnull (strstr (label_text (prefs, "spend-limit-error"), "12.345"));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM txns"), ==, entries);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM settings WHERE key = 'name'"
                                     " AND value = '幸福里小区'"), ==, 1);

  /* The spend limit as money; the message goes once the value is good. */
  apply (prefs, "spend-limit-row", "¥8,000.50");
  g_assert_false (message_shown (prefs, "spend-limit-error"));
  g_assert_cmpint (gui_query_int (f, "SELECT value FROM settings WHERE key = 'spend_limit'"), ==, 800050);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_find (prefs, "spend-limit-row"))), ==, "¥8,000.50");

  /* A fee version through the same ledger_fee_set() as `fee set`. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_find (prefs, "fee-combo")), 1);  /* property */
  gui_type (gui_find (prefs, "fee-amount-row"), "abc");
  gui_click (gui_find (prefs, "add-fee-version-button"));
  g_assert_true (message_shown (prefs, "fee-error"));
  g_assert_cmpint (count_fee_versions (f, "property"), ==, versions);
  gui_type (gui_find (prefs, "fee-amount-row"), "420");
  gui_type (gui_find (prefs, "fee-from-row"), "2027-01-01");
  gui_click (gui_find (prefs, "add-fee-version-button"));
  g_assert_false (message_shown (prefs, "fee-error"));
  g_assert_cmpint (count_fee_versions (f, "property"), ==, versions + 1);
  g_assert_cmpint (gui_query_int (f, "SELECT amount FROM fees WHERE code = 'property'"
                                     " AND effective_from = '2027-01-01' AND basis = 'household'"), ==, 42000);

  /* The window's title follows the new name once the Preferences close. */
  gtk_window_destroy (GTK_WINDOW (prefs));
  gui_wait (20);
  g_assert_cmpstr (before_title, ==, "界面测试小区");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "幸福里小区");
}

static void
test_members_and_backups (GuiFixture    *f,
                          gconstpointer  data)
{
  GtkWidget *prefs = open_preferences (f);
  g_autofree char *folder = g_build_filename (f->dir, "备份", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", NULL);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *form;

  /* Two members; a duplicate is refused next to the form. */
  gui_type (gui_find (prefs, "member-name-row"), "王主任");
  gui_type (gui_find (prefs, "member-role-row"), "主任");
  gui_click (gui_find (prefs, "add-member-button"));
  gui_type (gui_find (prefs, "member-name-row"), "李委员");
  gui_type (gui_find (prefs, "member-role-row"), "委员");
  gui_click (gui_find (prefs, "add-member-button"));
  g_assert_false (message_shown (prefs, "member-error"));
  gui_type (gui_find (prefs, "member-name-row"), "王主任");
  gui_type (gui_find (prefs, "member-role-row"), "委员");
  gui_click (gui_find (prefs, "add-member-button"));
  g_assert_true (message_shown (prefs, "member-error"));
  g_assert_nonnull (strstr (label_text (prefs, "member-error"), "王主任"));

  /* A new role, then the first member retires. */
  apply (prefs, "member-row-1", "副主任");
  gui_click (gui_find (prefs, "retire-member-button-0"));
  members = ledger_members_list (f->book, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_false (ledger_member_is_active (g_ptr_array_index (members, 0)));
  g_assert_cmpstr (((LedgerMember *) g_ptr_array_index (members, 1))->role, ==, "副主任");
  g_assert_nonnull (gui_find (prefs, "member-row-0"));
  g_assert_null (gui_try_find (prefs, "member-row-1"));

  /* Backups: a missing folder is refused by name; a real one is kept. */
  apply (prefs, "backup-dir-row", missing);
  g_assert_true (message_shown (prefs, "backup-dir-error"));
  g_assert_nonnull (strstr (label_text (prefs, "backup-dir-error"), "backup folder"));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM settings WHERE key = 'backup_dir'"), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  apply (prefs, "backup-dir-row", folder);
  g_assert_false (message_shown (prefs, "backup-dir-error"));
  apply (prefs, "backup-keep-row", "200");
  g_assert_true (message_shown (prefs, "backup-keep-error"));
  apply (prefs, "backup-keep-row", "5");
  g_assert_false (message_shown (prefs, "backup-keep-error"));
  g_assert_cmpint (gui_query_int (f, "SELECT value FROM settings WHERE key = 'backup_keep'"), ==, 5);
  g_assert_cmpint (ledger_settings_get_backup_keep (f->book), ==, 5);
  /* Days ahead (issue 13): the ledger's check, shown under the row. */
  apply (prefs, "days-ahead-row", "367");
  g_assert_true (message_shown (prefs, "days-ahead-error"));
  g_assert_cmpint (ledger_settings_get_days_ahead (f->book), ==, 0);
  apply (prefs, "days-ahead-row", "７");
  g_assert_false (message_shown (prefs, "days-ahead-error"));
  g_assert_cmpint (ledger_settings_get_days_ahead (f->book), ==, 7);
  {
    g_autofree char *dir = ledger_settings_dup_backup_dir (f->book);

    g_assert_cmpstr (dir, ==, folder);
  }

  /* The expenditure form offers the active member to tick. */
  gtk_window_destroy (GTK_WINDOW (prefs));
  gui_wait (20);
  form = GTK_WIDGET (cl_expenditure_dialog_new (GTK_WINDOW (f->window), f->book));
  gtk_window_present (GTK_WINDOW (form));
  gui_wait (20);
  g_assert_false (gtk_widget_get_visible (gui_find (form, "approvers-entry")));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (gui_find (form, "approver-check-0"))),
                   ==, "李委员 (副主任)");
  g_assert_null (gui_try_find (form, "approver-check-1"));
  gui_fund_cash (f, 10000); /* the form pays from the cash box */
  gui_type (gui_find (form, "amount-entry"), "100");
  gui_type (gui_find (form, "payee-entry"), "保洁公司");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_find (form, "approver-check-0")), TRUE);
  gui_click (gui_find (form, "save-expenditure-button"));
  gui_wait (20);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM expenditures WHERE approvers = '李委员'"
                                     " AND payee = '保洁公司'"), ==, 1);
}

/* Without members the form keeps the free-text approvers. */
static void
test_no_members_keeps_text (GuiFixture    *f,
                            gconstpointer  data)
{
  GtkWidget *form = GTK_WIDGET (cl_expenditure_dialog_new (GTK_WINDOW (f->window), f->book));

  gtk_window_present (GTK_WINDOW (form));
  gui_wait (20);
  g_assert_true (gtk_widget_get_visible (gui_find (form, "approvers-entry")));
  g_assert_null (gui_try_find (form, "approver-check-0"));
  gtk_window_destroy (GTK_WINDOW (form));
}

/* This desk's group shows only when the app's schema is installed. */
static void
test_desk_settings (GuiFixture    *f,
                    gconstpointer  data)
{
  GtkWidget *prefs = open_preferences (f);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *default_url = NULL;

  /* The tests run with the schema compiled into BUILD/data. */
  g_assert_nonnull (schema);
  g_assert_true (gtk_widget_get_visible (gui_find (prefs, "desk-group")));
  settings = g_settings_new (APP_ID);
  apply (prefs, "operator-row", "赵出纳");
  operator_name = g_settings_get_string (settings, "operator-name");
  g_assert_cmpstr (operator_name, ==, "赵出纳");
  g_assert_cmpstr (ledger_book_get_operator (f->book), ==, "赵出纳");
  apply (prefs, "operator-row", "a\tb");
  g_assert_true (message_shown (prefs, "operator-error"));

  /* The publication URL new books start with: checked as a book would. */
  apply (prefs, "default-url-row", "ftp://example.org");
  g_assert_true (message_shown (prefs, "default-url-error"));
  default_url = g_settings_get_string (settings, "publication-url");
  g_assert_cmpstr (default_url, ==, "");
  apply (prefs, "default-url-row", "https://example.org/notices");
  g_assert_false (message_shown (prefs, "default-url-error"));
  g_clear_pointer (&default_url, g_free);
  default_url = g_settings_get_string (settings, "publication-url");
  g_assert_cmpstr (default_url, ==, "https://example.org/notices");
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/preferences/community-and-money", 0, test_community_and_money);
  GUI_TEST_ADD ("/gui/preferences/members-and-backups", 0, test_members_and_backups);
  GUI_TEST_ADD ("/gui/preferences/no-members-keeps-text", 0, test_no_members_keeps_text);
  GUI_TEST_ADD ("/gui/preferences/desk", 0, test_desk_settings);
  return g_test_run ();
}

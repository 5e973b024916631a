/* test-gui-outputs.c — the window against the command line (issue 16's
 * second red team): the Overview's money by account and by fund and its
 * reconciliation marks must be the figures `report balance --json` and
 * `report reconciliation --json` print for the same book file, read by
 * the real binary ($COMMUNITY_LEDGER) in another process.
 *
 * The book's clock is 2026-06-30 (tests/meson.build). Worked out by hand:
 *   9-9-901 prepays ¥2,000.00 in cash                  cash  200000
 *   S2026-0001 interest ¥12.34 into the bank           bank    1234
 *   Z2026-0001 cash → bank ¥500.00, charge ¥1.00 from cash
 *                            cash 200000 − 50000 − 100 = 149900
 *                            bank 1234 + 50000          =  51234
 *   S2026-0002 rent ¥600.00 into Alipay, public revenue  alipay 60000
 *   funds: public 60000; operating 1234 − 100 = 1134 (the prepayment is
 *   owed to the owner, not the committee's: prepaid 200000)
 *   statements of 2026-06-30: the bank ¥512.34 (agrees), the cash counted
 *   ¥1,500.00 (the book ¥1,499.00: −100 fen to explain).
 */
#include <string.h>

#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

/* The real binary's output for @args on the fixture's book. */
static char *
cli_json (GuiFixture *f,
          const char *what)
{
  const char *binary = g_getenv ("COMMUNITY_LEDGER");
  const char *argv[] = { binary, "--book", f->path, "report", what, "--json", NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (binary == NULL)
    g_error ("COMMUNITY_LEDGER is not set (tests/meson.build sets it)");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The integer @key of the JSON object whose "code" is @code in @json:
 * the objects this program prints are flat, so the object runs from
 * its code to the next '}'. */
static gint64
json_figure (const char *json,
             const char *code,
             const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"code\":\"%s\",", code);
  g_autofree char *field = g_strdup_printf ("\"%s\":", key);
  const char *object = strstr (json, needle);
  const char *end, *at;

  g_assert_nonnull (object);
  end = strchr (object, '}');
  at = g_strstr_len (object, end - object, field);
  if (at == NULL)
    g_error ("%s has no %s in %s", code, key, json);
  return g_ascii_strtoll (at + strlen (field), NULL, 10);
}

static const char *
figure_text (GuiFixture *f,
             const char *kind,
             const char *code)
{
  g_autofree char *name = g_strdup_printf ("overview-%s-%s", kind, code);

  return gtk_label_get_text (GTK_LABEL (gui_find (GTK_WIDGET (f->window), name)));
}

static void
assert_shows (GuiFixture *f,
              const char *kind,
              const char *code,
              gint64      fen)
{
  g_autofree char *money = ledger_money_format (fen);

  g_assert_cmpstr (figure_text (f, kind, code), ==, money);
}

static AdwActionRow *
row_of (GuiFixture *f,
        const char *code)
{
  g_autofree char *name = g_strdup_printf ("overview-account-%s", code);

  return ADW_ACTION_ROW (gtk_widget_get_ancestor (gui_find (GTK_WIDGET (f->window), name), ADW_TYPE_ACTION_ROW));
}

static void
test_overview_is_the_cli (GuiFixture   *f,
                          gconstpointer data G_GNUC_UNUSED)
{
  static const char *const money[] = { "cash", "bank", "wechat", "alipay" };
  static const char *const funds[] = { "operating", "maintenance", "public" };
  g_autoptr(GError) error = NULL;
  g_autofree char *v1 = NULL, *v2 = NULL, *v3 = NULL;
  g_autofree char *balance = NULL, *reconciliation = NULL;
  GtkWidget *overview = cl_window_get_page (f->window, "overview");
  LedgerFund operating = LEDGER_FUND_OPERATING, public = LEDGER_FUND_PUBLIC;

  gui_fund_cash (f, 200000);
  g_assert_true (ledger_income_record (f->book, 1234, LEDGER_INCOME_INTEREST, "bank", &operating, NULL,
                                       "2026-06-30", NULL, &v1, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_transfer (f->book, 50000, "cash", "bank", 100, "2026-06-30", "存现", &v2, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_income_record (f->book, 60000, LEDGER_INCOME_RENT, "alipay", &public, "快递柜公司",
                                       "2026-06-30", NULL, &v3, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_account_reconcile (f->book, "bank", 51234, "2026-06-30", "对账单", &error));
  g_assert_true (ledger_account_reconcile (f->book, "cash", 150000, "2026-06-30", "盘点", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v2, ==, "Z2026-0001");
  /* The page reads the book again, as when it is opened. */
  g_object_set (overview, "book", NULL, NULL);
  g_object_set (overview, "book", f->book, NULL);
  cl_window_show_page (f->window, "overview");
  gui_wait (20);

  balance = cli_json (f, "balance");
  reconciliation = cli_json (f, "reconciliation");
  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    assert_shows (f, "account", money[i], json_figure (balance, money[i], "balance"));
  for (guint i = 0; i < G_N_ELEMENTS (funds); i++)
    assert_shows (f, "fund", funds[i], json_figure (balance, funds[i], "balance"));
  /* And by hand. */
  assert_shows (f, "account", "cash", 149900);
  assert_shows (f, "account", "bank", 51234);
  assert_shows (f, "account", "alipay", 60000);
  assert_shows (f, "fund", "operating", 1134);
  assert_shows (f, "fund", "public", 60000);

  /* Reconciliation: the bank agrees, the cash differs by −¥1.00 as the
   * command line says; WeChat was never reconciled. */
  g_assert_cmpint (json_figure (reconciliation, "bank", "difference"), ==, 0);
  g_assert_cmpint (json_figure (reconciliation, "cash", "difference"), ==, -100);
  g_assert_false (gtk_widget_has_css_class (gui_find (overview, "overview-account-bank"), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_of (f, "bank")), "Agrees"));
  g_assert_true (gtk_widget_has_css_class (gui_find (overview, "overview-account-cash"), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_of (f, "cash")), "Unreconciled"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_of (f, "cash")), "¥1,500.00"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_of (f, "cash")), "¥1,499.00"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_of (f, "cash")), "-¥1.00"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_of (f, "wechat")), ==, "Not reconciled yet");
  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;
  GUI_TEST_ADD ("/gui/outputs/overview-is-the-cli", 0, test_overview_is_the_cli);
  return g_test_run ();
}

/* test-gui-window.c — the window, its pages and the overview */
#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "cl-format.h"
#include "cl-pages.h"
#include "cl-settings.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger-file-names-private.h"
#include "ledger.h"

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

/* Closing the window makes an automatic backup (docs/architecture.md §3), a whole
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
  copy = ledger_community_open (backup, LEDGER_BOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_verify (copy, &head, &error));
  g_assert_no_error (error);
  copy_head = ledger_tree_head_format (&head);
  g_assert_cmpstr (copy_head, ==, book_head);
}

/* The title the sidebar shows for the page called @name. */
static const char *
page_title (ClWindow   *window,
            const char *name)
{
  GtkWidget *page = cl_window_get_page (window, name);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page));

  return gtk_stack_page_get_title (gtk_stack_get_page (stack, page));
}

/* The window opens at the size it had when it was last closed. */
static void
test_size_is_remembered (GuiFixture    *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = cl_settings_new ();
  ClWindow *window;
  int width, height;

  g_assert_nonnull (settings); /* the schema compiled into BUILD/data */
  g_settings_set_int (settings, CL_SETTINGS_WINDOW_WIDTH, 901);
  g_settings_set_int (settings, CL_SETTINGS_WINDOW_HEIGHT, 602);
  window = cl_window_new (NULL, f->book, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 901);
  g_assert_cmpint (height, ==, 602);

  /* What the window ends up with depends on its least size and on the
   * screen's (1280×800 under Xvfb): whatever it is, it is what is saved. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1270, 790);
  gtk_window_present (GTK_WINDOW (window));
  gui_wait (20);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, !=, 901);
  gtk_window_close (GTK_WINDOW (window));
  gui_wait (20);
  g_assert_cmpint (g_settings_get_int (settings, CL_SETTINGS_WINDOW_WIDTH), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, CL_SETTINGS_WINDOW_HEIGHT), ==, height);
  g_assert_false (g_settings_get_boolean (settings, CL_SETTINGS_WINDOW_MAXIMIZED));
}

/* Switching the language remakes the window in it, on the same book and
 * page, and dates and money follow the Chinese way of writing them. */
static void
test_language_switch (GuiFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *backups = ledger_backup_dir (f->path);
  g_autofree char *date_en = NULL, *date_zh = NULL, *when_zh = NULL, *range_zh = NULL;
  g_autofree char *money = ledger_money_format (123456);
  ClWindow *window;

  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("TZ", "CST-8", TRUE);
  tzset ();

  cl_window_show_page (f->window, "payments");
  g_assert_cmpstr (page_title (f->window, "overview"), ==, "Overview");
  date_en = cl_format_date ("2026-03-01");
  g_assert_cmpstr (date_en, ==, "2026-03-01");

  cl_settings_apply_language ("zh_CN");
  window = cl_window_remake (f->window);
  f->window = window;
  gui_wait (20);
  g_assert_true (cl_window_get_book (window) == f->book);
  g_assert_cmpstr (cl_window_get_visible_page_name (window), ==, "payments");
  g_assert_cmpstr (page_title (window, "overview"), ==, "概况");
  date_zh = cl_format_date ("2026-03-01");
  g_assert_cmpstr (date_zh, ==, "2026年3月1日");
  when_zh = cl_format_date_time ("2026-06-30T10:05:00+08:00");
  g_assert_cmpstr (when_zh, ==, "2026年6月30日 10:05");
  range_zh = cl_format_date_range ("2026-01-01", "2026-03-31");
  g_assert_cmpstr (range_zh, ==, "2026年1月1日至2026年3月31日");
  g_assert_cmpstr (money, ==, "¥1,234.56");
  /* Remade, not closed: no backup on closing was made. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  cl_settings_apply_language ("");
  f->window = cl_window_remake (window);
  gui_wait (20);
  g_assert_cmpstr (page_title (f->window, "overview"), ==, "Overview");
  g_clear_pointer (&date_en, g_free);
  date_en = cl_format_date ("2026-03-01");
  g_assert_cmpstr (date_en, ==, "2026-03-01");
}

/* An old desktop has a screen of 1024×768: every page fits in it. */
static void
test_fits_a_small_screen (GuiFixture    *f,
                          gconstpointer  data)
{
  for (const ClPageInfo *info = cl_pages (); info->name != NULL; info++)
    {
      int min_width, min_height;

      cl_window_show_page (f->window, info->name);
      gui_wait (20);
      gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, min_width,
                          &min_height, NULL, NULL, NULL);
      g_test_message ("%s: at least %d×%d", info->name, min_width, min_height);
      g_assert_cmpint (min_width, <=, 1024);
      g_assert_cmpint (min_height, <=, 700);
    }
}

/* The app's own icons travel in its resources, so that a window run from
 * the build tree shows them (GtkApplication adds them to the icon theme). */
static void
test_icons_in_resources (void)
{
  const char *icons[] = {
    "/org/communityledger/CommunityLedger/icons/scalable/apps/" APP_ID ".svg",
    "/org/communityledger/CommunityLedger/icons/symbolic/apps/" APP_ID "-symbolic.svg",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) svg = g_resources_lookup_data (icons[i], 0, &error);
      gsize size = 0;
      const char *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (svg, &size);
      g_assert_cmpuint (size, >, 200);
      g_assert_nonnull (g_strstr_len (data, size, "<svg"));
    }
}

/* Dates that are not dates are shown as they are, never as a wrong day. */
static void
test_format_date_edge_cases (void)
{
  g_autofree char *a = cl_format_date ("2026-02-30");
  g_autofree char *b = cl_format_date ("");
  g_autofree char *c = cl_format_date (NULL);
  g_autofree char *d = cl_format_date ("2026-03-01x");
  g_autofree char *e = cl_format_date_time ("yesterday");

  g_assert_cmpstr (a, ==, "2026-02-30");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "2026-03-01x");
  g_assert_cmpstr (e, ==, "yesterday");
}

/* Issue 13, round 3: a toast naming a file the user chose ("Saved as",
 * "Workbook written to", "Notice published") showed nothing for a name
 * with "&" in it and read "<…>" as markup; control characters reached
 * the label. */
static void
test_toast_file_name_escaped (void)
{
  g_autoptr(AdwToast) toast = cl_toast_new_for_file ("Saved as %s", "/tmp/a&b\n<i>x</i>\x1b[31m.pdf");

  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "Saved as /tmp/a&amp;b\\n&lt;i&gt;x&lt;/i&gt;\\e[31m.pdf");
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/window/overview", 30, test_overview_shows_the_reports);
  GUI_TEST_ADD ("/gui/window/overview-follows-writes", 30, test_overview_follows_writes);
  GUI_TEST_ADD ("/gui/window/close-makes-a-backup", 30, test_close_makes_a_backup);
  GUI_TEST_ADD ("/gui/window/size-is-remembered", 0, test_size_is_remembered);
  GUI_TEST_ADD ("/gui/window/language-switch", 10, test_language_switch);
  g_test_add_func ("/gui/window/format-date-edge-cases", test_format_date_edge_cases);
  g_test_add_func ("/gui/window/icons-in-resources", test_icons_in_resources);
  g_test_add_func ("/gui/window/toast-file-name-escaped", test_toast_file_name_escaped);
  GUI_TEST_ADD ("/gui/window/fits-a-small-screen", 30, test_fits_a_small_screen);
  return g_test_run ();
}

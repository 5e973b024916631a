/* gui-test-utils.c — driving real widgets under Xvfb */
#include <sqlite3.h>

#include "book-fixture.h"
#include "gui-test-utils.h"

gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

/* The book comes from the unit tests' fixture (book-fixture.h); the
 * GuiFixture holds its folder, file and book until the tear-down hands them
 * back. */
void
gui_fixture_set_up (GuiFixture    *f,
                    gconstpointer  households)
{
  LedgerDemoOptions demo = { GPOINTER_TO_UINT (households), 2, 2026, 2026 };
  BookFixture book;

  book_fixture_init (&book, "界面测试小区", demo.households > 0 ? &demo : NULL);
  f->dir = book.dir;
  f->path = book.path;
  f->book = book.book;
  f->window = cl_window_new (NULL, f->book, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_wait (50);
}

void
gui_fixture_tear_down (GuiFixture    *f,
                       gconstpointer  data)
{
  BookFixture book = { f->dir, f->path, f->book };

  /* A test may have closed the window itself. */
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  gui_wait (0);
  book_fixture_clear (&book);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
gui_wait (guint ms)
{
  gboolean done = FALSE;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (ms == 0)
    return;
  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
gui_try_find (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_try_find (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
gui_find (GtkWidget  *root,
          const char *name)
{
  GtkWidget *found = gui_try_find (root, name);

  if (found == NULL)
    g_error ("no widget named “%s” under %s", name, G_OBJECT_TYPE_NAME (root));
  return found;
}

void
gui_type (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  gui_wait (0);
}

void
gui_press_enter (GtkWidget *entry)
{
  if (GTK_IS_ENTRY (entry))
    g_signal_emit_by_name (entry, "activate");
  else if (GTK_IS_EDITABLE (entry))
    g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  else
    gtk_widget_activate (entry);
  gui_wait (0);
}

void
gui_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_wait (0);
}

GtkWindow *
gui_find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == parent && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = w;
    }
  return found;
}

gint64
gui_query_int (GuiFixture *f,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
gui_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

void
gui_fund_cash (GuiFixture *f,
               gint64      fen)
{
  g_autoptr(GError) error = NULL;

  if (gui_query_int (f, "SELECT count (*) FROM households WHERE unit = '9-9-901'") == 0)
    book_add_household (f->book, "9-9-901", "出资人", 100, 0);
  g_assert_true (ledger_pay (f->book, "9-9-901", fen, LEDGER_METHOD_CASH, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* test-sql.c — the SQL toolkit under the book (ledger-sql.c)
 *
 * The row-loop ending (ledger_book_finish_rows) says nothing and resets
 * the statement when the loop ran to its end, and names the operation,
 * translated, when a step failed half-way; the statement cache hands the
 * same statement back, reset.
 */
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-book-private.h"
#include "ledger-schema-private.h"

typedef BookFixture Fixture;

/* Two rows, then (abs of the smallest integer) an error at run time: a
 * loop that meets a failing step after rows it has already taken. */
#define FAILS_AT_SECOND_ROW \
  "SELECT abs (column1 - 9223372036854775807 - 1) FROM (VALUES (1), (0))"
#define THREE_ROWS "SELECT column1 FROM (VALUES (1), (2), (3))"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  book_fixture_init (f, "SQL 测试小区", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static void
test_rows_to_the_end (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ledger_book_prepare (f->book, THREE_ROWS, &error);
  gint64 sum = 0;
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sum += sqlite3_column_int64 (stmt, 0);
  g_assert_true (ledger_book_finish_rows (f->book, stmt, rc, N_("reading things"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sum, ==, 6);
  /* Reset: the next step starts over at the first row. */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1);
  sqlite3_reset (stmt);
}

static void
test_rows_stop_half_way (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ledger_book_prepare (f->book, FAILS_AT_SECOND_ROW, &error);
  guint rows = 0;
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rows++;
  g_assert_cmpuint (rows, ==, 1);
  g_assert_false (ledger_book_finish_rows (f->book, stmt, rc, N_("reading things"), &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE);
  /* The book, SQLite's reason and the operation, on one line. */
  g_assert_nonnull (strstr (error->message, ledger_book_get_display_path (f->book)));
  g_assert_nonnull (strstr (error->message, "integer overflow"));
  g_assert_true (g_str_has_suffix (error->message, "(while reading things)"));
  g_assert_null (strchr (error->message, '\n'));
  /* Reset: the statement runs again from its first row. */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_reset (stmt);
}

/* In Chinese the operation is Chinese too: not "（操作：reading things）". */
static void
test_operation_translated (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ledger_book_prepare (f->book, FAILS_AT_SECOND_ROW, &error);
  int rc;

  g_assert_no_error (error);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  textdomain (GETTEXT_PACKAGE);   /* forget what was looked up before */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  g_assert_false (ledger_book_finish_rows (f->book, stmt, rc, N_("reading receipts"), &error));
  g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE);
  g_assert_true (g_str_has_suffix (error->message, "（操作：读取收据）"));
}

/* The same SQL text gives the cached statement back, reset and with its
 * bindings cleared. */
static void
test_prepare_caches (Fixture       *f,
                     gconstpointer  data)
{
  static const char sql[] = "SELECT ?1";
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *first = ledger_book_prepare (f->book, sql, &error);
  sqlite3_stmt *again;

  g_assert_no_error (error);
  sqlite3_bind_int (first, 1, 7);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  again = ledger_book_prepare (f->book, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (again, 0), ==, SQLITE_NULL);
  sqlite3_reset (again);
}

/* A write whose step fails is one clear error naming the operation, and
 * the book is left as it was. */
static gboolean
write_twice_cb (LedgerBook  *book,
                gpointer     user_data,
                GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "INSERT INTO settings (key, value) VALUES ('sql-test', 'x')",
                                            error);

  return stmt != NULL && ledger_book_step_done (book, stmt, error) &&
         ledger_book_step_done (book, stmt, error);
}

static void
test_step_done_names_writing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_false (ledger_book_write (f->book, write_twice_cb, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE);
  g_assert_true (g_str_has_suffix (error->message, "(while writing)"));
  value = ledger_book_dup_setting (f->book, "sql-test");
  g_assert_null (value);
}

/* The plan SQLite makes for @sql, its lines joined. */
static char *
query_plan (LedgerBook *book,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (book), explain, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

/* LEDGER_CHARGE_OPEN is the partial index's condition, and a query that
 * says it, with or without an alias, is answered from that index. */
static void
test_charge_open_uses_the_index (Fixture       *f,
                                 gconstpointer  data)
{
  static const char *const queries[] = {
    "SELECT charge_id FROM charge_status WHERE household_id = 1 AND " LEDGER_CHARGE_OPEN,
    "SELECT s.charge_id FROM charge_status s WHERE s.household_id = 1 AND "
      LEDGER_CHARGE_OPEN_OF ("s."),
  };
  sqlite3_stmt *stmt = NULL;
  const char *index_sql;

  g_assert_cmpstr (LEDGER_CHARGE_OPEN, ==, "amount <> paid + waived");
  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                                       "SELECT sql FROM sqlite_master WHERE name = 'charge_status_open'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  index_sql = (const char *) sqlite3_column_text (stmt, 0);
  g_assert_true (g_str_has_suffix (index_sql, "WHERE " LEDGER_CHARGE_OPEN));
  sqlite3_finalize (stmt);

  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *plan = query_plan (f->book, queries[i]);

      g_assert_nonnull (strstr (plan, "charge_status_open"));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");   /* LANG=C.UTF-8: gettext then reads LANGUAGE */
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sql/rows/to-the-end", test_rows_to_the_end);
  ADD ("/sql/rows/stop-half-way", test_rows_stop_half_way);
  ADD ("/sql/rows/operation-translated", test_operation_translated);
  ADD ("/sql/prepare/caches", test_prepare_caches);
  ADD ("/sql/step-done/names-writing", test_step_done_names_writing);
  ADD ("/sql/charge-open/uses-the-index", test_charge_open_uses_the_index);
#undef ADD

  return g_test_run ();
}

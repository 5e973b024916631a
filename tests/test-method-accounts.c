/* test-method-accounts.c — the book's lists that must agree with the
 * method table (ledger-method.c)
 *
 * The stored schema spells the method codes out in its CHECK constraints
 * (the text cannot change without a migration): they must name exactly
 * the method table's codes. The chart of accounts is seeded from the
 * table, in the order it always had, and the reports' list of money
 * accounts is the table's codes. The same for the expenditure categories
 * (ledger-category.c): their expense accounts end the chart, and the
 * expenditures list and read the same table.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-book-private.h"
#include "ledger-category-private.h"
#include "ledger-method-private.h"

typedef BookFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  book_fixture_init (f, "付款方式测试小区", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* @codes as a sorted, comma-separated list. */
static char *
sorted_codes (char **codes)
{
  g_qsort_with_data (codes, g_strv_length (codes), sizeof (char *), compare_strings, NULL);
  return g_strjoinv (",", codes);
}

static char *
method_table_codes (void)
{
  g_auto(GStrv) codes = g_new0 (char *, LEDGER_METHOD_COUNT + 1);

  for (guint i = 0; i < LEDGER_METHOD_COUNT; i++)
    codes[i] = g_strdup (ledger_method_to_string ((LedgerMethod) i));
  return sorted_codes (codes);
}

/* The codes of "IN (…)" after @column in @text, sorted. */
static char *
codes_in_list (const char *text,
               const char *column)
{
  g_autofree char *head = g_strdup_printf ("%s IN (", column);
  const char *start = strstr (text, head);
  const char *end;
  g_autofree char *inside = NULL;
  g_auto(GStrv) codes = NULL;

  g_assert_nonnull (start);
  start += strlen (head);
  end = strchr (start, ')');
  g_assert_nonnull (end);
  inside = g_strndup (start, end - start);
  codes = g_strsplit (inside, ",", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_strstrip (codes[i]);
      g_assert_true (codes[i][0] == '\'' && g_str_has_suffix (codes[i], "'"));
      memmove (codes[i], codes[i] + 1, strlen (codes[i]) - 2);
      codes[i][strlen (codes[i]) - 2] = '\0';
    }
  return sorted_codes (codes);
}

static void
test_schema_check_names_the_methods (Fixture       *f,
                                     gconstpointer  data)
{
  static const char *const tables[] = { "receipts", "expenditures" };
  g_autofree char *expected = method_table_codes ();

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *found = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                                           "SELECT sql FROM sqlite_master WHERE name = ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      found = codes_in_list ((const char *) sqlite3_column_text (stmt, 0), "method");
      sqlite3_finalize (stmt);
      g_assert_cmpstr (found, ==, expected);
    }
}

static void
test_chart_starts_with_the_methods (Fixture       *f,
                                    gconstpointer  data)
{
  static const char *const chart[] = { "cash", "bank", "wechat", "alipay" };
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpuint (G_N_ELEMENTS (chart), ==, LEDGER_METHOD_COUNT);
  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                                       "SELECT code, name, kind FROM accounts ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < LEDGER_METHOD_COUNT; i++)
    {
      LedgerMethod method = ledger_method_in_chart_order (i);

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, chart[i]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                       ledger_method_to_string (method));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==,
                       ledger_method_account_name (method));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "asset");
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "receivable");
  sqlite3_finalize (stmt);
}

static void
test_accounts_sql_names_the_methods (void)
{
  g_autofree char *expected = method_table_codes ();
  g_autofree char *found = NULL;
  g_autofree char *text = g_strconcat ("account IN ", ledger_method_accounts_sql (), NULL);

  found = codes_in_list (text, "account");
  g_assert_cmpstr (found, ==, expected);
  /* built once: the statement cache keeps the pointer */
  g_assert_true (ledger_method_accounts_sql () == ledger_method_accounts_sql ());
}

static void
test_chart_ends_with_the_categories (Fixture       *f,
                                     gconstpointer  data)
{
  static const char *const names[] = {
    "Repairs", "Cleaning", "Lighting", "Greening", "Security",
    "Water and electricity", "Office and printing", "Other",
  };
  const char * const *codes = ledger_expenditure_categories ();
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  g_assert_cmpuint (ledger_category_count (), ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, G_N_ELEMENTS (names));
  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                                       "SELECT code, name, kind FROM accounts"
                                       " WHERE id > (SELECT id FROM accounts WHERE code = 'waivers') AND code LIKE 'expense:%'"
                                       " ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *code = g_strconcat ("expense:", codes[i], NULL);

      g_assert_cmpuint (i, <, G_N_ELEMENTS (names));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, code);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, names[i]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "expense");
      g_assert_cmpstr (ledger_expenditure_category_chinese (codes[i]), ==,
                       ledger_category_chinese (i));
      i++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (names));
  g_assert_cmpstr (codes[0], ==, "repair");
  g_assert_cmpstr (ledger_expenditure_category_chinese ("repair"), ==, "维修");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/method-accounts/schema-check", test_schema_check_names_the_methods);
  ADD ("/method-accounts/chart", test_chart_starts_with_the_methods);
  ADD ("/method-accounts/categories", test_chart_ends_with_the_categories);
#undef ADD
  g_test_add_func ("/method-accounts/accounts-sql", test_accounts_sql_names_the_methods);

  return g_test_run ();
}

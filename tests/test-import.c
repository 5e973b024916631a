/* test-import.c — registering households from CSV files
 *
 * Unit tests for ledger-import: each test creates a fresh book in a
 * temporary folder and reads one of the households-*.csv fixtures (UTF-8
 * with and without BOM, GB18030, Chinese headers, quoting, CRLF, bad rows,
 * bad headers). The fixtures are found through the FIXTURES_DIR
 * environment variable, else the FIXTURES_DIR the test was built with.
 */
#define G_LOG_DOMAIN "test-import"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "book-fixture.h"
#include "ledger-file-names-private.h"
#include "ledger.h"

typedef BookFixture Fixture;

typedef struct
{
  guint       line;
  const char *part; /* a part of the message that says what is wrong */
} ExpectedProblem;

/* The folder of the households-*.csv files. */
static const char *
fixtures_dir (void)
{
  const char *dir = g_getenv ("FIXTURES_DIR");

#ifdef FIXTURES_DIR
  return dir != NULL ? dir : FIXTURES_DIR;
#else
  return dir != NULL ? dir : g_test_get_filename (G_TEST_DIST, "fixtures", NULL);
#endif
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (fixtures_dir (), name, NULL);
}

/* An empty book in a new temporary folder. */
static const BookFixtureOptions fixture_options = { "测试小区", NULL, NULL };

/* Reads the fixture @name against the book and checks it has no problems. */
static LedgerImportPlan *
read_clean_plan (Fixture    *fixture,
                 const char *name,
                 const char *encoding,
                 guint       n_households)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  LedgerImportPlan *plan = ledger_import_read (fixture->book, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  for (guint i = 0; i < plan->problems->len; i++)
    g_test_message ("%s: %s", name,
                    ((LedgerImportProblem *) g_ptr_array_index (plan->problems, i))->message);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->households->len, ==, n_households);
  g_assert_cmpstr (plan->encoding, ==, encoding);
  return plan;
}

/* Reads and imports the fixture @name, which must be clean. */
static void
import_fixture (Fixture    *fixture,
                const char *name,
                const char *encoding,
                guint       n_households)
{
  g_autoptr(LedgerImportPlan) plan = read_clean_plan (fixture, name, encoding, n_households);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (ledger_import_households (fixture->book, plan, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, n_households);
}

/* Checks the registered household @unit against what the file said. */
static void
check_household (LedgerBook      *book,
                 const char      *unit,
                 const char      *owner,
                 gint64           area,
                 int              spaces,
                 const char      *phone,
                 LedgerOccupancy  status,
                 const char      *owner_key,
                 const char      *move_in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerHousehold) household = ledger_household_lookup (book, unit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (household);
  g_assert_cmpstr (household->owner, ==, owner);
  g_assert_cmpint (household->area, ==, area);
  g_assert_cmpint (household->spaces, ==, spaces);
  g_assert_cmpstr (household->phone, ==, phone);
  g_assert_cmpint (household->status, ==, status);
  g_assert_cmpstr (household->owner_key, ==, owner_key);
  g_assert_cmpstr (household->move_in, ==, move_in);
}

static guint
count_households (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ledger_household_list (book, &error);

  g_assert_no_error (error);
  return list->len;
}

/* Registers one household directly, as the treasurer would by hand. */
static void
add_household (LedgerBook *book,
               const char *unit,
               const char *owner)
{
  book_add_household (book, unit, owner, 8000, 0);
}

/* ------------------------------------------------------------ good files */

static void
test_import_utf8 (Fixture       *fixture,
                  gconstpointer  data)
{
  import_fixture (fixture, "households-utf8.csv", "UTF-8", 3);

  g_assert_cmpuint (count_households (fixture->book), ==, 3);
  check_household (fixture->book, "3-2-301", "张三", 8950, 1, "13812345678",
                   LEDGER_STATUS_OCCUPIED, "3-2-301", "2020-05-01");
  check_household (fixture->book, "3-2-302", "李四", 12005, 0, "",
                   LEDGER_STATUS_RENTED, "3-2-302", "");
  check_household (fixture->book, "3-2-401", "王五", 7500, 2, "13900001111",
                   LEDGER_STATUS_VACANT, "wang", "2019-03-15");
}

static void
test_import_utf8_bom (Fixture       *fixture,
                      gconstpointer  data)
{
  /* The BOM sits before "Owner": unstripped, the column would be unknown. */
  import_fixture (fixture, "households-utf8-bom.csv", "UTF-8", 2);

  check_household (fixture->book, "1-1-101", "赵六", 6000, 0, "",
                   LEDGER_STATUS_OCCUPIED, "1-1-101", "");
  check_household (fixture->book, "1-1-102", "孙七", 6125, 3, "",
                   LEDGER_STATUS_OCCUPIED, "1-1-102", "");
}

static void
test_import_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("households-gb18030.csv");
  g_autofree char *bytes = NULL;

  /* The fixture really is GB18030, not UTF-8 by accident. */
  g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
  g_assert_false (g_utf8_validate (bytes, -1, NULL));

  import_fixture (fixture, "households-gb18030.csv", "GB18030", 3);

  check_household (fixture->book, "5-1-101", "欧阳娜娜", 9876, 1, "13812345678",
                   LEDGER_STATUS_OCCUPIED, "5-1-101", "2018-08-08");
  /* 𪚥 (U+2A6A5) is outside GBK: a four-byte GB18030 sequence. */
  check_household (fixture->book, "5-1-102", "陈𪚥", 10000, 0, "02187654321",
                   LEDGER_STATUS_RENTED, "欧阳", "");
  check_household (fixture->book, "5-1-201", "钱多多", 8880, 2, "",
                   LEDGER_STATUS_VACANT, "5-1-201", "2021-12-31");
}

static void
test_import_chinese_header (Fixture       *fixture,
                            gconstpointer  data)
{
  import_fixture (fixture, "households-chinese-header.csv", "UTF-8", 2);

  check_household (fixture->book, "2-1-101", "周八", 7000, 1, "",
                   LEDGER_STATUS_VACANT, "2-1-101", "");
  check_household (fixture->book, "2-1-102", "吴九", 7150, 0, "13700000000",
                   LEDGER_STATUS_OCCUPIED, "2-1-102", "2022-01-09");
}

static void
test_import_quoted (Fixture       *fixture,
                    gconstpointer  data)
{
  import_fixture (fixture, "households-quoted.csv", "UTF-8", 3);

  check_household (fixture->book, "3-2-301", "Smith, John", 8950, 0, "13812345678",
                   LEDGER_STATUS_OCCUPIED, "3-2-301", "");
  check_household (fixture->book, "3-2-302", "王\"大\"明", 123450, 0, "",
                   LEDGER_STATUS_OCCUPIED, "3-2-302", "");
  check_household (fixture->book, "3-2-303", "Lee, Ann", 5000, 0, "",
                   LEDGER_STATUS_OCCUPIED, "3-2-303", "");
}

static void
test_import_crlf (Fixture       *fixture,
                  gconstpointer  data)
{
  import_fixture (fixture, "households-crlf.csv", "UTF-8", 2);

  /* No CR left at the end of a line's last field. */
  check_household (fixture->book, "7-1-101", "郑十", 6600, 1, "",
                   LEDGER_STATUS_OCCUPIED, "7-1-101", "");
  check_household (fixture->book, "7-1-102", "冯一", 6700, 0, "",
                   LEDGER_STATUS_OCCUPIED, "7-1-102", "");
}

static void
test_import_makes_backup (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *backups = ledger_backup_dir (fixture->path);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_backups = 0;

  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  import_fixture (fixture, "households-utf8.csv", "UTF-8", 3);

  dir = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_nonnull (strstr (name, "before-import"));
      n_backups++;
    }
  g_assert_cmpuint (n_backups, ==, 1);
}

/* ------------------------------------------------------------- bad rows */

/* Checks that @plan lists exactly @expected, in order, each problem one
 * line starting "line N: ". */
static void
check_problems (const LedgerImportPlan *plan,
                const ExpectedProblem  *expected,
                guint                   n_expected)
{
  for (guint i = 0; i < plan->problems->len; i++)
    g_test_message ("problem: %s",
                    ((LedgerImportProblem *) g_ptr_array_index (plan->problems, i))->message);
  g_assert_cmpuint (plan->problems->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const LedgerImportProblem *problem = g_ptr_array_index (plan->problems, i);
      g_autofree char *prefix = g_strdup_printf ("line %u: ", expected[i].line);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      if (!g_str_has_prefix (problem->message, prefix) ||
          strstr (problem->message, expected[i].part) == NULL ||
          strchr (problem->message, '\n') != NULL)
        g_test_fail_printf ("got “%s”, wanted “%s…%s”", problem->message,
                            prefix, expected[i].part);
    }
}

static const ExpectedProblem bad_rows_problems[] = {
  { 4, "area “abc”" },
  { 5, "unit “4-1”" },
  { 6, "owner: nothing entered" },
  { 7, "phone “call me”" },
  { 8, "spaces “many”" },
  { 9, "status “sold”" },
  { 10, "move_in “2026-02-30”" },
  { 11, "expected 8 fields, found 5" },
  { 12, "unit 4-1-101 also on line 2" },
  { 13, "unit 9-9-901 is already registered" },
  { 14, "owner “两\xef\xbf\xbd行”" },       /* the line break shows as U+FFFD */
  { 17, "area “-5”" },
  { 17, "spaces “100”" },
  { 17, "status “sold”" },
  { 18, "text after the closing quote" },
  { 19, "quoted field is not closed" },
};

static void
test_import_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("households-bad-rows.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backups = ledger_backup_dir (fixture->path);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len = 0, after_len = 0;
  guint count = 99;

  add_household (fixture->book, "9-9-901", "已有");
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));

  plan = ledger_import_read (fixture->book, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  check_problems (plan, bad_rows_problems, G_N_ELEMENTS (bad_rows_problems));
  /* The good rows are there for the preview: 4-1-101 and 4-1-111. */
  g_assert_cmpuint (plan->households->len, ==, 2);

  g_assert_false (ledger_import_households (fixture->book, plan, &count, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpuint (count, ==, 0);
  for (guint i = 0; i < plan->problems->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "",
                            ((LedgerImportProblem *) g_ptr_array_index (plan->problems, i))->message);
  g_assert_cmpstr (error->message, ==, joined->str);

  /* Nothing written, not even a backup. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (count_households (fixture->book), ==, 1);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

/* A plan read without the book cannot know what the book holds; the
 * conflict then shows when writing, and nothing at all is added. */
static void
test_import_rolls_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path ("households-utf8.csv");
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 99;

  add_household (fixture->book, "3-2-401", "王五");
  plan = ledger_import_read (NULL, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->households->len, ==, 3);

  g_assert_false (ledger_import_households (fixture->book, plan, &count, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "3-2-401"));
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpuint (count_households (fixture->book), ==, 1);
  for (guint i = 0; i < plan->households->len; i++)
    g_assert_cmpint (((LedgerHousehold *) g_ptr_array_index (plan->households, i))->id, ==, 0);

  /* Read against the book, the same file names the conflict up front. */
  g_clear_pointer (&plan, ledger_import_plan_free);
  g_clear_error (&error);
  plan = ledger_import_read (fixture->book, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_assert_cmpuint (((LedgerImportProblem *) g_ptr_array_index (plan->problems, 0))->line, ==, 4);
}

/* ------------------------------------------------------ bad whole files */

typedef struct
{
  const char *name;
  const char *part; /* a part of the error message */
} FileErrorCase;

static void
test_import_file_errors (Fixture       *fixture,
                         gconstpointer  data)
{
  static const FileErrorCase cases[] = {
    { "households-unknown-column.csv", "unknown column “colour”" },
    { "households-missing-column.csv", "lacks the required column area" },
    { "households-duplicate-column.csv", "names the area column twice (“area” and “面积”)" },
    { "households-empty.csv", "households-empty.csv is empty" },
    { "households-header-only.csv", "households-header-only.csv has no households" },
    { "households-no-header.csv", "unknown column “1-1-101”" },
    { "households-not-text.csv", "neither UTF-8 nor GB18030" },
    { "households-does-not-exist.csv", "households-does-not-exist.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerImportPlan) plan = ledger_import_read (fixture->book, path, &error);

      g_assert_null (plan);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      if (strstr (error->message, cases[i].part) == NULL ||
          strchr (error->message, '\n') != NULL)
        g_test_fail_printf ("%s: got “%s”, wanted “%s”", cases[i].name,
                            error->message, cases[i].part);
    }
  g_assert_cmpuint (count_households (fixture->book), ==, 0);
}

/* Spreadsheets save binary workbooks and UTF-16 "Unicode text" too: a
 * NUL byte is never CSV. */
static void
test_import_binary_file (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char utf16[] = "\xff\xfeu\0n\0i\0t\0\n\0";
  g_autofree char *path = book_fixture_write (fixture, "households-utf16.csv", utf16,
                                              sizeof utf16 - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerImportPlan) plan = NULL;

  plan = ledger_import_read (fixture->book, path, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "not a CSV text file"));
}

/* Rows pasted from a UTF-8 file into a GB18030 register (and the other
 * way round): decoding the whole file as GB18030 would import "张三" as
 * "寮犱笁", so the file is refused, naming a line of each kind. */
static void
test_import_mixed_encodings (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct
  {
    const char *first, *second;
    const char *part;
  } orders[] = {
    { "3-1-101,张三,50\n", "3-1-102,李四,60\n", "line 2 is UTF-8, line 3 is not" },
    { "3-1-101,李四,60\n", "3-1-102,张三,50\n", "line 3 is UTF-8, line 2 is not" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      /* The second line of each pair goes in as GB18030. */
      g_autofree char *gb = g_convert (i == 0 ? orders[i].second : orders[i].first, -1,
                                       "GB18030", "UTF-8", NULL, NULL, NULL);
      g_autofree char *text = i == 0
        ? g_strconcat ("unit,owner,area\n", orders[i].first, gb, NULL)
        : g_strconcat ("unit,owner,area\n", gb, orders[i].second, NULL);
      g_autofree char *path = book_fixture_write (fixture, "households-mixed.csv", text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerImportPlan) plan = NULL;

      plan = ledger_import_read (fixture->book, path, &error);
      g_assert_null (plan);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      if (strstr (error->message, "mixes two encodings") == NULL ||
          strstr (error->message, orders[i].part) == NULL)
        g_test_fail_printf ("got “%s”, wanted “%s”", error->message, orders[i].part);
    }
  g_assert_cmpuint (count_households (fixture->book), ==, 0);
}

/* Writes @text into the test's folder and reads it against the book. */
static LedgerImportPlan *
read_text (Fixture     *fixture,
           const char  *text,
           GError     **error)
{
  g_autofree char *path = book_fixture_write (fixture, "households-edge.csv", text, -1);

  return ledger_import_read (fixture->book, path, error);
}

/* Line ends of old Mac Excel, files of nothing but a BOM or blank rows,
 * and blank rows between data that must not shift line numbers. */
static void
test_import_edge_cases (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = read_text (fixture, "unit,owner,area\r1-1-101,甲,1\r\r1-1-102,乙,x\r", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->households->len, ==, 1);
  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_assert_cmpuint (((LedgerImportProblem *) g_ptr_array_index (plan->problems, 0))->line, ==, 4);
  g_clear_pointer (&plan, ledger_import_plan_free);

  plan = read_text (fixture, "\xef\xbb\xbf", &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "is empty"));
  g_clear_error (&error);

  plan = read_text (fixture, "\n unit , owner , area \n , , \n,,\n\n", &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "has no households"));
  g_clear_error (&error);

  plan = read_text (fixture, "unit,owner,area\n1-1-101,\"甲\n乙\"\"\",1\n1-1-102,丙,1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_assert_cmpuint (((LedgerImportProblem *) g_ptr_array_index (plan->problems, 0))->line, ==, 2);
  g_assert_cmpuint (plan->households->len, ==, 1);
  g_assert_cmpstr (((LedgerHousehold *) g_ptr_array_index (plan->households, 0))->owner, ==, "丙");
}

/* A file of more than 100000 rows is refused as a whole: no plan. */
static void
test_import_too_many_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new ("unit,owner,area\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerImportPlan) plan = NULL;

  for (guint i = 0; i <= 100000; i++)
    g_string_append_printf (text, "%u-%u-%u,x,1\n", i / 1000 + 1, 1, i % 1000 + 1);
  path = book_fixture_write (fixture, "households-huge.csv", text->str, (gssize) text->len);

  plan = ledger_import_read (NULL, path, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "more than 100000"));
}

int
main (int   argc,
      char *argv[])
{
  /* Untranslated messages (the tests match English text), but UTF-8
   * output, so a failure shows the Chinese it is about. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  BOOK_FIXTURE_ADD ("/import/" name, &fixture_options, func)

  ADD ("utf8", test_import_utf8);
  ADD ("utf8-bom", test_import_utf8_bom);
  ADD ("gb18030", test_import_gb18030);
  ADD ("chinese-header", test_import_chinese_header);
  ADD ("quoted", test_import_quoted);
  ADD ("crlf", test_import_crlf);
  ADD ("backup", test_import_makes_backup);
  ADD ("bad-rows", test_import_bad_rows);
  ADD ("rolls-back", test_import_rolls_back);
  ADD ("file-errors", test_import_file_errors);
  ADD ("binary-file", test_import_binary_file);
  ADD ("mixed-encodings", test_import_mixed_encodings);
  ADD ("edge-cases", test_import_edge_cases);
  ADD ("too-many-rows", test_import_too_many_rows);

#undef ADD

  return g_test_run ();
}

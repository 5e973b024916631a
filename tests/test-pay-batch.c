/* test-pay-batch.c — many payments from a CSV statement, all or none
 *
 * Unit tests for ledger-pay-batch: each test creates a fresh book in a
 * temporary folder with three households billed for 2026, reads a
 * statement (from memory, a file or standard input) and checks the
 * receipts, the balances and the journal — or, for a bad statement, that
 * every bad line is named and the book is byte for byte what it was.
 */
#define G_LOG_DOMAIN "test-pay-batch"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "book-fixture.h"
#include "ledger-book-private.h"

typedef BookFixture Fixture;

/* A book on 15 March 2026 with 1-1-101 (owes 360.00), 1-1-102 (one
 * parking space: owes 480.00) and 2-1-101 (owes 360.00), each of 80 m². */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  book_fixture_init (fixture, "测试小区", NULL);
  ledger_book_set_clock (fixture->book, "2026-03-15");
  book_add_household (fixture->book, "1-1-101", "王伟", 8000, 0);
  book_add_household (fixture->book, "1-1-102", "李娜", 8000, 1);
  book_add_household (fixture->book, "2-1-101", "张敏", 8000, 0);
  g_assert_cmpuint (book_bill_year (fixture->book, 2026).charges, ==, 4);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  book_fixture_clear (fixture);
}

/* ------------------------------------------------------------------ */
/* Helpers */

/* Reads @text as the statement "statement.csv", with bank and the book's
 * today as defaults. */
static LedgerPayBatchPlan *
read_text (Fixture     *fixture,
           const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ledger_pay_batch_read_bytes (fixture->book, bytes, "statement.csv",
                                      LEDGER_METHOD_BANK, NULL, error);
}

static guint
receipt_count (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = ledger_receipt_list (fixture->book, NULL, &error);

  g_assert_no_error (error);
  return receipts->len;
}

static void
assert_receipt (Fixture      *fixture,
                const char   *number,
                const char   *unit,
                gint64        amount,
                LedgerMethod  method,
                const char   *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerReceipt) receipt = ledger_receipt_lookup (fixture->book, number, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (receipt->unit, ==, unit);
  g_assert_cmpint (receipt->amount, ==, amount);
  g_assert_cmpint (receipt->method, ==, method);
  g_assert_cmpstr (receipt->date, ==, date);
}

/* TRUE when some problem of @plan starts with "@display: line @line: "
 * and holds @part. */
static gboolean
has_problem (const LedgerPayBatchPlan *plan,
             guint                     line,
             const char               *part)
{
  g_autofree char *prefix = g_strdup_printf ("%s: line %u: ", plan->display, line);

  for (guint i = 0; i < plan->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (plan->problems, i);

      if (g_str_has_prefix (problem, prefix) && strstr (problem, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Tests */

/* A good statement: receipts in file order after the one already issued,
 * row values or the defaults, oldest charges first, the rest as credit. */
static void
test_batch_records_every_row (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *text = "房号,金额,支付方式,日期\n"
                     "1-1-101,360,微信,2026-01-05\n"
                     "1号楼1单元102室,\"¥1,000.00\",,\n"
                     "2-1-101,100,cash,2026-02-01\n"
                     "\n"
                     "2-1-101,５０.５,alipay,\n"
                     "1-1-101,20,现金,2025-12-31\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(LedgerReceipt) first = NULL;
  gint64 journal_before;
  const char *expected[] = { "2026-000002", "2026-000003", "2026-000004", "2026-000005",
                             "2025-000001" };

  g_assert_true (ledger_pay (fixture->book, "2-1-101", 1000, LEDGER_METHOD_CASH, NULL, &first,
                             &error));
  g_assert_cmpstr (first->number, ==, "2026-000001");
  journal_before = book_journal_count (fixture->book);

  plan = read_text (fixture, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->rows->len, ==, 5);
  g_assert_cmpstr (plan->encoding, ==, "UTF-8");
  g_assert_cmpuint (((LedgerPayBatchRow *) g_ptr_array_index (plan->rows, 3))->line, ==, 6);

  g_assert_true (ledger_pay_batch_apply (fixture->book, plan, &receipts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < receipts->len; i++)
    g_assert_cmpstr (g_ptr_array_index (receipts, i), ==, expected[i]);

  g_assert_cmpint (book_journal_count (fixture->book), ==, journal_before + 5);
  g_assert_cmpuint (receipt_count (fixture), ==, 6);
  assert_receipt (fixture, "2026-000002", "1-1-101", 36000, LEDGER_METHOD_WECHAT, "2026-01-05");
  assert_receipt (fixture, "2026-000003", "1-1-102", 100000, LEDGER_METHOD_BANK, "2026-03-15");
  assert_receipt (fixture, "2026-000004", "2-1-101", 10000, LEDGER_METHOD_CASH, "2026-02-01");
  assert_receipt (fixture, "2026-000005", "2-1-101", 5050, LEDGER_METHOD_ALIPAY, "2026-03-15");
  assert_receipt (fixture, "2025-000001", "1-1-101", 2000, LEDGER_METHOD_CASH, "2025-12-31");

  book_assert_balance (fixture->book, "1-1-101", 0, 2000);
  book_assert_balance (fixture->book, "1-1-102", 0, 100000 - 48000);
  book_assert_balance (fixture->book, "2-1-101", 36000 - 1000 - 10000 - 5050, 0);
}

/* --date and --method on the command line are the defaults of rows that
 * give none; a bad --date is refused before any row is read. */
static void
test_batch_defaults (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("unit,amount\n1-1-101,10\n", 23);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(LedgerPayBatchPlan) bad = NULL;
  const LedgerPayBatchRow *row;

  plan = ledger_pay_batch_read_bytes (fixture->book, bytes, "x.csv", LEDGER_METHOD_ALIPAY,
                                      "2026-02-03", &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (plan->rows, 0);
  g_assert_cmpint (row->method, ==, LEDGER_METHOD_ALIPAY);
  g_assert_cmpstr (row->date, ==, "2026-02-03");
  g_assert_cmpstr (row->unit, ==, "1-1-101");
  g_assert_cmpint (row->amount, ==, 1000);

  bad = ledger_pay_batch_read_bytes (fixture->book, bytes, "x.csv", LEDGER_METHOD_CASH,
                                     "2026-02-30", &error);
  g_assert_null (bad);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "--date"));
}

/* Every bad row is reported with its line, several problems of one row
 * each on their own; nothing is written and the book file is unchanged. */
static void
test_batch_bad_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *text = "unit,amount,method,date\n"
                     "1-1-101,360,,\n"                 /* line 2: good */
                     "9-9-999,10,,\n"                  /* line 3: not registered */
                     "1-1-102,12.345,,\n"              /* line 4: three decimals */
                     "2-1-101,0,,\n"                   /* line 5: zero */
                     "1-1-101,10,paypal,2026-02-30\n"  /* line 6: method and date */
                     "1-1,10\n"                        /* line 7: two fields */
                     "3-2,abc,,\n"                     /* line 8: unit and amount */
                     "\"a\nb\",-5,,\n"                 /* lines 9-10: unit and amount */
                     "1-1-102,\"5,,\n";                /* line 11: unclosed quote */
  g_autoptr(GBytes) before = book_fixture_bytes (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  gint64 journal_before = book_journal_count (fixture->book);
  g_auto(GStrv) lines = NULL;

  plan = read_text (fixture, text, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (plan->problems, i));
  g_assert_cmpuint (plan->rows->len, ==, 1);
  g_assert_cmpuint (plan->problems->len, ==, 11);
  g_assert_true (has_problem (plan, 3, "unit “9-9-999”: not registered"));
  g_assert_true (has_problem (plan, 4, "amount “12.345”"));
  g_assert_true (has_problem (plan, 5, "amount “0”"));
  g_assert_true (has_problem (plan, 6, "method “paypal”"));
  g_assert_true (has_problem (plan, 6, "date “2026-02-30”"));
  g_assert_true (has_problem (plan, 7, "expected 4 fields, found 2"));
  g_assert_true (has_problem (plan, 8, "unit “3-2”"));
  g_assert_true (has_problem (plan, 8, "amount “abc”"));
  g_assert_true (has_problem (plan, 9, "unit “a\xef\xbf\xbd" "b”"));
  g_assert_true (has_problem (plan, 9, "amount “-5”"));
  g_assert_true (has_problem (plan, 11, "quoted field is not closed"));
  g_assert_false (has_problem (plan, 2, ""));

  g_assert_false (ledger_pay_batch_apply (fixture->book, plan, &receipts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_null (receipts);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "statement.csv: line "));

  g_assert_cmpint (book_journal_count (fixture->book), ==, journal_before);
  g_assert_cmpuint (receipt_count (fixture), ==, 0);
  after = book_fixture_bytes (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

/* A payment that fails inside the transaction undoes those before it:
 * no receipt number is used, and the error names the row's line. */
static void
test_batch_rolls_back (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *text = "unit,amount\n1-1-101,360\n1-1-102,480\n2-1-101,360\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = read_text (fixture, text, &error);
  g_autoptr(GPtrArray) receipts = NULL;
  LedgerPayBatchRow *row = g_ptr_array_index (plan->rows, 1);
  g_autofree char *unit = g_steal_pointer (&row->unit);
  gint64 journal_before = book_journal_count (fixture->book);

  g_assert_no_error (error);
  /* As if the unit had gone between reading and recording. */
  row->unit = g_strdup ("9-9-999");
  g_assert_false (ledger_pay_batch_apply (fixture->book, plan, &receipts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "statement.csv: line 3: "));
  g_assert_null (receipts);
  g_assert_cmpint (book_journal_count (fixture->book), ==, journal_before);
  g_assert_cmpuint (receipt_count (fixture), ==, 0);
  book_assert_balance (fixture->book, "1-1-101", 36000, 0);
  g_clear_error (&error);

  g_free (row->unit);
  row->unit = g_steal_pointer (&unit);
  g_assert_true (ledger_pay_batch_apply (fixture->book, plan, &receipts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (receipts, 0), ==, "2026-000001");
  g_assert_cmpstr (g_ptr_array_index (receipts, 2), ==, "2026-000003");
  g_assert_cmpint (book_journal_count (fixture->book), ==, journal_before + 3);
}

/* Header and file problems stop the read: no plan, one message naming
 * the file and what is wrong with it. */
static void
test_batch_bad_files (Fixture       *fixture,
                      gconstpointer  data)
{
#define CASE(text, part) { text, sizeof text - 1, part }
  static const struct
  {
    const char *text;
    gsize       length;
    const char *part;
  } cases[] = {
    CASE ("unit,amount,colour\n1-1-101,1,red\n", "unknown column “colour”"),
    CASE ("unit,amount,金额\n1-1-101,1,1\n", "names the amount column twice"),
    CASE ("unit,method\n1-1-101,cash\n", "lacks the required column amount"),
    CASE ("owner,area\n王,1\n", "unknown column “owner”"),
    CASE ("unit,,amount\n1-1-101,,1\n", "column 2 of the header has no name"),
    CASE ("\"unit,amount\n", "(the header)"),
    CASE ("", "is empty"),
    CASE ("\n\n", "is empty"),
    CASE ("unit,amount\n", "has no payments"),
    CASE ("unit,amount\n,\n\n", "has no payments"),
    CASE ("unit,amount\n1-1-101,1\0\n", "not a CSV text file"),
  };
#undef CASE

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerPayBatchPlan) plan = NULL;

      plan = ledger_pay_batch_read_bytes (fixture->book, bytes, "statement.csv",
                                          LEDGER_METHOD_CASH, NULL, &error);
      g_test_message ("%s", error != NULL ? error->message : "(no error)");
      g_assert_null (plan);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "statement.csv"));
      g_assert_nonnull (strstr (error->message, cases[i].part));
    }
}

/* A statement saved by Excel on a Chinese Windows, read from a file. */
static void
test_batch_gb18030_file (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *utf8 = "单元,金额,方式,日期\r\n1-1-101,360元,微信,2026-01-05\r\n2-1-101,１００,支付宝,\r\n";
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(GPtrArray) receipts = NULL;

  g_assert_no_error (error);
  path = book_fixture_write (fixture, "微信流水.csv", gb, (gssize) length);
  plan = ledger_pay_batch_read (fixture->book, path, LEDGER_METHOD_CASH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->encoding, ==, "GB18030");
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_true (ledger_pay_batch_apply (fixture->book, plan, &receipts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  assert_receipt (fixture, "2026-000001", "1-1-101", 36000, LEDGER_METHOD_WECHAT, "2026-01-05");
  assert_receipt (fixture, "2026-000002", "2-1-101", 10000, LEDGER_METHOD_ALIPAY, "2026-03-15");
  book_assert_balance (fixture->book, "2-1-101", 26000, 0);
}

/* Lines in two encodings, a missing file, a folder: refused, naming the
 * file. */
static void
test_batch_file_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* A UTF-8 line, then a GB18030 one that is not UTF-8 by chance. */
  g_autofree char *gb = g_convert ("2-1-101,10,微信\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *mixed = NULL;
  g_autofree char *missing = book_fixture_file (fixture, "no-such.csv");
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(GString) text = g_string_new ("unit,amount,method\n1-1-101,10元,现金\n");

  g_string_append (text, gb);
  mixed = book_fixture_write (fixture, "mixed.csv", text->str, (gssize) text->len);
  plan = ledger_pay_batch_read (fixture->book, mixed, LEDGER_METHOD_CASH, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "mixed.csv"));
  g_assert_nonnull (strstr (error->message, "mixes two encodings"));
  g_clear_error (&error);

  plan = ledger_pay_batch_read (fixture->book, missing, LEDGER_METHOD_CASH, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "no-such.csv"));
  g_clear_error (&error);

  plan = ledger_pay_batch_read (fixture->book, fixture->dir, LEDGER_METHOD_CASH, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
}

/* "-" reads standard input, named "standard input" in messages. */
static void
test_batch_stdin (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(LedgerPayBatchPlan) bad = NULL;
  g_autofree char *bad_path = NULL;
  int saved = dup (STDIN_FILENO);
  int fd;

  path = book_fixture_write (fixture, "in.csv", "unit,amount\n1-1-101,360\n1-1-102,480\n", -1);
  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDIN_FILENO), ==, STDIN_FILENO);
  close (fd);
  plan = ledger_pay_batch_read (fixture->book, "-", LEDGER_METHOD_CASH, NULL, &error);

  bad_path = book_fixture_write (fixture, "bad.csv", "unit,amount\n1-1-101,x\n", -1);
  fd = g_open (bad_path, O_RDONLY, 0);
  g_assert_cmpint (dup2 (fd, STDIN_FILENO), ==, STDIN_FILENO);
  close (fd);
  bad = ledger_pay_batch_read (fixture->book, "-", LEDGER_METHOD_CASH, NULL, NULL);

  g_assert_cmpint (dup2 (saved, STDIN_FILENO), ==, STDIN_FILENO);
  close (saved);

  g_assert_no_error (error);
  g_assert_cmpstr (plan->display, ==, "standard input");
  g_assert_cmpuint (plan->rows->len, ==, 2);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_nonnull (bad);
  g_assert_true (has_problem (bad, 2, "amount “x”"));
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
  g_test_add ("/pay-batch/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("records-every-row", test_batch_records_every_row);
  ADD ("defaults", test_batch_defaults);
  ADD ("bad-rows", test_batch_bad_rows);
  ADD ("rolls-back", test_batch_rolls_back);
  ADD ("bad-files", test_batch_bad_files);
  ADD ("gb18030-file", test_batch_gb18030_file);
  ADD ("file-errors", test_batch_file_errors);
  ADD ("stdin", test_batch_stdin);

#undef ADD

  return g_test_run ();
}

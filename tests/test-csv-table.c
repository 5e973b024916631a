/* test-csv-table.c — a CSV file as rows of named columns
 *
 * Unit tests for LedgerCsvTable, the intake the household import and the
 * payment batch share: decoding (UTF-8 with and without BOM, GB18030),
 * header aliases, missing, duplicate and unknown columns, the line each
 * row starts on, the problems collected in file order, the limits on
 * rows, and a statement shaped like a WeChat export (a preamble above
 * the header) read with a column table of the test's own: the statement
 * import to come must be able to use the same table.
 */
#define G_LOG_DOMAIN "test-csv-table"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "book-fixture.h"
#include "ledger-csv-table-private.h"
#include "ledger.h"

/* ------------------------------------------------------------------ */
/* A register-like table: the household import's shape */

enum
{
  COL_UNIT,
  COL_OWNER,
  COL_OWNER_KEY,
  COL_PHONE,
  N_COLS
};

static const LedgerCsvColumn register_columns[N_COLS] = {
  { { "unit", "单元", "房号", NULL }, TRUE },
  { { "owner", "业主", NULL }, TRUE },
  { { "owner_key", "业主编号", NULL }, FALSE },
  { { "phone", "电话", "手机", NULL }, FALSE },
};

static char *
test_unknown_column (const char *display,
                     const char *cell)
{
  return g_strdup_printf ("%s: unknown “%s”", display, cell);
}

static char *
test_missing_columns (const char *display,
                      const char *names,
                      guint       n_missing)
{
  return g_strdup_printf ("%s: missing %u: %s", display, n_missing, names);
}

static char *
test_too_many_rows (const char *display)
{
  return g_strdup_printf ("%s: too many rows", display);
}

static char *
test_no_rows (const char *display)
{
  return g_strdup_printf ("%s: no rows", display);
}

static const LedgerCsvTableSpec register_spec = {
  .columns = register_columns,
  .n_columns = N_COLS,
  .max_rows = 5,
  .unknown_column = test_unknown_column,
  .missing_columns = test_missing_columns,
  .too_many_rows = test_too_many_rows,
  .no_rows = test_no_rows,
};

/* Opens @text (of @length bytes, -1 for NUL-terminated) as "t.csv". */
static LedgerCsvTable *
open_table (const LedgerCsvTableSpec  *spec,
            const char                *text,
            gssize                     length,
            GError                   **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return ledger_csv_table_new (spec, bytes, "t.csv", error);
}

/* Reads every row of @table, asserting it ends without an error. */
static GPtrArray *
read_all_rows (LedgerCsvTable *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      LedgerCsvRow *row = NULL;

      g_assert_true (ledger_csv_table_next (table, &row, &error));
      g_assert_no_error (error);
      if (row == NULL)
        return rows;
      g_ptr_array_add (rows, row);
    }
}

/* Asserts that opening @text fails with @message. */
static void
assert_open_fails (const LedgerCsvTableSpec *spec,
                   const char               *text,
                   const char               *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = open_table (spec, text, -1, &error);

  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, message);
}

/* ------------------------------------------------------------------ */
/* Decoding */

static void
test_decode_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table =
    open_table (&register_spec, "unit,owner\n1-1-101,张三\n", -1, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ledger_csv_table_get_encoding (table), ==, "UTF-8");
  rows = read_all_rows (table);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (ledger_csv_table_field (table, rows->pdata[0], COL_OWNER), ==, "张三");
}

static void
test_decode_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table =
    open_table (&register_spec, "\xef\xbb\xbfunit,owner\r\n1-1-101,张三\r\n", -1, &error);
  g_autoptr(GPtrArray) rows = NULL;

  /* Without the BOM stripped, the first cell would read "\ufeffunit"
   * and the unit column would be unknown. */
  g_assert_no_error (error);
  g_assert_true (ledger_csv_table_has_column (table, COL_UNIT));
  rows = read_all_rows (table);
  g_assert_cmpstr (ledger_csv_table_field (table, rows->pdata[0], COL_UNIT), ==, "1-1-101");
}

static void
test_decode_gb18030 (void)
{
  g_autofree char *gb = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize length = 0;

  gb = g_convert ("单元,业主\n1-1-101,张三\n", -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  table = open_table (&register_spec, gb, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_csv_table_get_encoding (table), ==, "GB18030");
  rows = read_all_rows (table);
  g_assert_cmpstr (ledger_csv_table_field (table, rows->pdata[0], COL_OWNER), ==, "张三");
}

static void
test_decode_binary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = open_table (&register_spec, "PK\003\004\000\000", 6, &error);

  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "t.csv is not a CSV text file"));
}

/* ------------------------------------------------------------------ */
/* The header */

static void
test_header_aliases (void)
{
  /* English in any case, full-width, "-" or " " for "_"; Chinese names;
   * any order; optional columns may be absent. */
  const char *headers[] = {
    "UNIT,Owner,Owner-Key\n",
    "ｕｎｉｔ,owner,owner key\n",
    "房号,业主,业主编号\n",
    "业主编号,单元,业主\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *text = g_strconcat (headers[i], "1-1-101,张三,K1\n", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerCsvTable) table = open_table (&register_spec, text, -1, &error);

      g_assert_no_error (error);
      g_assert_true (ledger_csv_table_has_column (table, COL_UNIT));
      g_assert_true (ledger_csv_table_has_column (table, COL_OWNER_KEY));
      g_assert_false (ledger_csv_table_has_column (table, COL_PHONE));
      g_assert_cmpuint (ledger_csv_table_get_header_line (table), ==, 1);
    }
}

static void
test_header_absent_column_reads_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = open_table (&register_spec, "unit,owner\n1-1-101,张三\n",
                                                -1, &error);
  g_autoptr(GPtrArray) rows = read_all_rows (table);

  g_assert_cmpstr (ledger_csv_table_field (table, rows->pdata[0], COL_PHONE), ==, "");
}

static void
test_header_missing_column (void)
{
  assert_open_fails (&register_spec, "unit,phone\n1-1-101,138\n", "t.csv: missing 1: owner");
  assert_open_fails (&register_spec, "phone\n138\n", "t.csv: missing 2: unit, owner");
}

static void
test_header_duplicate_column (void)
{
  assert_open_fails (&register_spec, "unit,owner,房号\n",
                     "t.csv: the header names the unit column twice (“unit” and “房号”)");
}

static void
test_header_unknown_or_unnamed_column (void)
{
  assert_open_fails (&register_spec, "unit,owner,colour\n", "t.csv: unknown “colour”");
  assert_open_fails (&register_spec, "unit,,owner\n",
                     "t.csv: column 2 of the header has no name");
  assert_open_fails (&register_spec, "\"unit,owner\n", "t.csv: line 1 (the header): "
                     "a quoted field is not closed (a \" is missing)");
}

static void
test_header_empty_file (void)
{
  assert_open_fails (&register_spec, "", "t.csv is empty");
  assert_open_fails (&register_spec, "\n , ,\n\n", "t.csv is empty");
}

/* ------------------------------------------------------------------ */
/* Rows and problems */

static void
test_rows_line_numbers (void)
{
  /* Blank lines and rows of empty fields are skipped but counted; a quoted
   * field with a line break makes the next row start two lines on. */
  const char *text =
    "\n"
    "unit,owner\n"
    "1-1-101,张三\n"
    "\n"
    ",\n"
    "1-1-102,\"李\n四\"\n"
    "1-1-103,王五\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = open_table (&register_spec, text, -1, &error);
  g_autoptr(GPtrArray) rows = read_all_rows (table);
  const LedgerCsvRow *row;

  g_assert_cmpuint (ledger_csv_table_get_header_line (table), ==, 2);
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[0];
  g_assert_cmpuint (row->line, ==, 3);
  row = rows->pdata[1];
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_cmpstr (ledger_csv_table_field (table, row, COL_OWNER), ==, "李\n四");
  row = rows->pdata[2];
  g_assert_cmpuint (row->line, ==, 8);
  g_assert_cmpuint (ledger_csv_table_get_problems (table)->len, ==, 0);
}

/* Collects the data rows' lines and reports one problem per row. */
static void
note_row (const LedgerCsvRow *row,
          gpointer            user_data)
{
  LedgerCsvTable *table = user_data;

  if (g_str_equal (g_ptr_array_index (row->fields, 0), "bad"))
    {
      g_autoptr(GError) error = NULL;

      g_set_error_literal (&error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, "unit “bad”: no");
      ledger_csv_table_take_problem (table, row->line, &error);
      g_assert_null (error);
    }
}

static void
test_rows_problems_in_file_order (void)
{
  const char *text =
    "unit,owner\n"
    "1-1-101,张三\n"
    "1-1-102\n"
    "bad,x\n"
    "1-1-104,\"open\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = open_table (&register_spec, text, -1, &error);
  GPtrArray *problems;
  const LedgerCsvProblem *problem;

  g_assert_true (ledger_csv_table_foreach (table, note_row, table, &error));
  g_assert_no_error (error);
  problems = ledger_csv_table_get_problems (table);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->reason, ==, "expected 2 fields, found 1");
  problem = problems->pdata[1];
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->reason, ==, "unit “bad”: no");
  problem = problems->pdata[2];
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpstr (problem->reason, ==, "a quoted field is not closed (a \" is missing)");
}

static void
test_rows_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) none = open_table (&register_spec, "unit,owner\n", -1, &error);
  g_autoptr(LedgerCsvTable) six = NULL;
  LedgerCsvRow *row = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_false (ledger_csv_table_next (none, &row, &error));
  g_assert_null (row);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "t.csv: no rows");
  g_clear_error (&error);

  /* max_rows is 5; bad rows count too. */
  six = open_table (&register_spec, "unit,owner\na,1\nb,2\nc\nd,4\ne,5\nf,6\n", -1, &error);
  g_assert_no_error (error);
  while (ledger_csv_table_next (six, &row, &error) && row != NULL)
    {
      ledger_csv_row_free (row);
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "t.csv: too many rows");
}

static void
test_one_line (void)
{
  g_autofree char *long_text = g_strnfill (300, 'x');
  g_autofree char *cut = ledger_csv_one_line (long_text);
  g_autofree char *broken = ledger_csv_one_line ("a\nb\tc");

  g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, LEDGER_CSV_ONE_LINE_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpstr (broken, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
}

static void
test_registered_units (void)
{
  g_autoptr(LedgerHousehold) household = ledger_household_new ();
  g_autoptr(GHashTable) units = NULL;
  g_autoptr(GError) error = NULL;
  BookFixture f;

  book_fixture_init (&f, "csv-table", NULL);
  household->unit = g_strdup ("3-2-301");
  household->owner = g_strdup ("张三");
  household->area = 8000;
  g_assert_true (ledger_household_add (f.book, household, &error));
  g_assert_no_error (error);

  units = ledger_csv_registered_units (f.book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (units), ==, 1);
  g_assert_true (g_hash_table_contains (units, "3-2-301"));
  book_fixture_clear (&f);
}

/* ------------------------------------------------------------------ */
/* A statement with a preamble: how the statement import will read one */

enum
{
  ST_TIME,
  ST_DIRECTION,
  ST_AMOUNT,
  ST_COUNTERPARTY,
  ST_REFERENCE,
  N_ST
};

static const LedgerCsvColumn statement_columns[N_ST] = {
  { { "time", "交易时间", NULL }, TRUE },
  { { "direction", "收/支", NULL }, TRUE },
  { { "amount", "金额", "金额(元)", NULL }, TRUE },
  { { "counterparty", "交易对方", NULL }, FALSE },
  { { "reference", "商户单号", "商家订单号", NULL }, FALSE },
};

static const LedgerCsvTableSpec statement_spec = {
  .columns = statement_columns,
  .n_columns = N_ST,
  .max_rows = 1000,
  .header_search = 20,
  .missing_columns = test_missing_columns,
  .too_many_rows = test_too_many_rows,
  .no_rows = test_no_rows,
};

/* The shape of a WeChat Pay export: a title, the account and period,
 * a rule, then the header, with columns the statement does not read. */
static const char wechat_statement[] =
  "微信支付账单明细,,,,,,,,,,\n"
  "微信昵称：[业委会],,,,,,,,,,\n"
  "起始时间：[2026-03-01 00:00:00] 终止时间：[2026-03-31 23:59:59],,,,,,,,,,\n"
  "导出类型：[全部],,,,,,,,,,\n"
  "共2笔记录,,,,,,,,,,\n"
  "收入：2笔 3400.00元,,,,,,,,,,\n"
  "----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n"
  "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
  "2026-03-02 09:15:00,转账,张三,/,收入,¥1700.00,零钱,已存入零钱,1000050001,/,3-2-301 物业费\n"
  "2026-03-05 20:01:33,转账,李四,/,收入,¥1700.00,零钱,已存入零钱,1000050002,M42,\n";

static void
test_statement_with_preamble (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCsvTable) table = open_table (&statement_spec, wechat_statement, -1, &error);
  g_autoptr(GPtrArray) rows = NULL;
  const LedgerCsvRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (ledger_csv_table_get_header_line (table), ==, 8);
  rows = read_all_rows (table);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (ledger_csv_table_get_problems (table)->len, ==, 0);

  row = rows->pdata[0];
  g_assert_cmpuint (row->line, ==, 9);
  g_assert_cmpstr (ledger_csv_table_field (table, row, ST_TIME), ==, "2026-03-02 09:15:00");
  g_assert_cmpstr (ledger_csv_table_field (table, row, ST_DIRECTION), ==, "收入");
  g_assert_cmpstr (ledger_csv_table_field (table, row, ST_AMOUNT), ==, "¥1700.00");
  g_assert_cmpstr (ledger_csv_table_field (table, row, ST_COUNTERPARTY), ==, "张三");
  g_assert_cmpstr (ledger_csv_table_field (table, row, ST_REFERENCE), ==, "/");
  row = rows->pdata[1];
  g_assert_cmpuint (row->line, ==, 10);
  g_assert_cmpstr (ledger_csv_table_field (table, row, ST_REFERENCE), ==, "M42");
}

static void
test_statement_header_not_found (void)
{
  /* The nearest row (the one with 交易时间 and 金额) says what is missing. */
  assert_open_fails (&statement_spec,
                     "微信支付账单明细\n"
                     "交易时间,交易对方,金额(元)\n"
                     "2026-03-02 09:15:00,张三,1700.00\n",
                     "t.csv: missing 1: direction");
  assert_open_fails (&statement_spec, "", "t.csv is empty");
}

static void
test_statement_header_too_far_down (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Only the first header_search rows are searched: past them, a header
   * would be a table inside the statement, not its header. */
  for (guint i = 0; i < statement_spec.header_search; i++)
    g_string_append_printf (text, "preamble %u\n", i);
  g_string_append (text, "交易时间,收/支,金额\n2026-03-02,收入,1.00\n");
  assert_open_fails (&statement_spec, text->str, "t.csv: missing 3: time, direction, amount");
}

static void
test_statement_duplicate_column (void)
{
  assert_open_fails (&statement_spec, "preamble\n金额,金额(元),交易时间,收/支\n",
                     "t.csv: the header names the amount column twice (“金额” and “金额(元)”)");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-table/decode/utf8", test_decode_utf8);
  g_test_add_func ("/csv-table/decode/bom", test_decode_bom);
  g_test_add_func ("/csv-table/decode/gb18030", test_decode_gb18030);
  g_test_add_func ("/csv-table/decode/binary", test_decode_binary);
  g_test_add_func ("/csv-table/header/aliases", test_header_aliases);
  g_test_add_func ("/csv-table/header/absent-column", test_header_absent_column_reads_empty);
  g_test_add_func ("/csv-table/header/missing-column", test_header_missing_column);
  g_test_add_func ("/csv-table/header/duplicate-column", test_header_duplicate_column);
  g_test_add_func ("/csv-table/header/unknown-column", test_header_unknown_or_unnamed_column);
  g_test_add_func ("/csv-table/header/empty-file", test_header_empty_file);
  g_test_add_func ("/csv-table/rows/line-numbers", test_rows_line_numbers);
  g_test_add_func ("/csv-table/rows/problems", test_rows_problems_in_file_order);
  g_test_add_func ("/csv-table/rows/limits", test_rows_limits);
  g_test_add_func ("/csv-table/one-line", test_one_line);
  g_test_add_func ("/csv-table/registered-units", test_registered_units);
  g_test_add_func ("/csv-table/statement/preamble", test_statement_with_preamble);
  g_test_add_func ("/csv-table/statement/header-not-found", test_statement_header_not_found);
  g_test_add_func ("/csv-table/statement/header-too-far-down", test_statement_header_too_far_down);
  g_test_add_func ("/csv-table/statement/duplicate-column", test_statement_duplicate_column);

  return g_test_run ();
}

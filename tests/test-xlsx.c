/* test-xlsx.c — the auditor's workbook: golden checks of its XML parts,
 * the reader, and verify against altered workbooks.
 *
 * Like libxlsxwriter's own tests, these unzip the workbook (with the
 * exports' reader) and compare XML with what is expected, cell by cell.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "export-xlsx-private.h"
#include "export-xlsx-read-private.h"
#include "export-xlsx.h"
#include "book-fixture.h"
#include "ledger-book-private.h"

typedef struct
{
  BookFixture base;
  char       *xlsx;   /* the workbook, exported for 2026 */
} Fixture;

/* Two households, a year's bills, two payments (one voided) and an
 * expenditure whose every text field looks like a formula. */
static void
populate (LedgerBook *book,
          gint64      second_payment)
{
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autoptr(GError) error = NULL;

  ledger_book_set_clock (book, "2026-01-02");
  book_add_household_full (book, "1-1-101", "王伟", 8950, 1, "13812341234", NULL);
  book_add_household_full (book, "1-1-102", "=李娜", 8950, 0, "", NULL);
  book_bill_year (book, 2026);
  /* Each entry is made on its day: none may be dated after today. */
  ledger_book_set_clock (book, "2026-01-05");
  g_assert_true (ledger_pay (book, "1-1-101", 48000, LEDGER_METHOD_WECHAT, "2026-01-05", NULL, &error));
  ledger_book_set_clock (book, "2026-01-06");
  g_assert_true (ledger_pay (book, "1-1-102", second_payment, LEDGER_METHOD_CASH, "2026-01-06", NULL, &error));
  ledger_book_set_clock (book, "2026-02-01");
  g_assert_true (ledger_void (book, "2026-000002", "-收错户号", &error));
  g_assert_true (ledger_pay (book, "1-1-102", 40000, LEDGER_METHOD_CASH, "2026-02-01", NULL, &error));
  strcpy (e->date, "2026-03-01");
  e->amount = 12345;
  g_free (e->payee), e->payee = g_strdup ("=1+1");
  g_free (e->memo), e->memo = g_strdup ("+SUM(A1)");
  g_free (e->invoice), e->invoice = g_strdup ("-5");
  g_free (e->approvers), e->approvers = g_strdup ("@王主任");
  g_free (e->category), e->category = g_strdup ("repair");
  ledger_book_set_clock (book, "2026-03-01");
  g_assert_true (ledger_expenditure_record (book, e, NULL, &error));
  g_assert_no_error (error);
  ledger_book_set_clock (book, "2026-02-01"); /* the export's time, as before */
}

static LedgerBook *
make_book (const char *path,
           gint64      second_payment)
{
  g_autoptr(GError) error = NULL;
  LedgerBook *book = ledger_community_create (path, "测试小区", "tester", &error);

  g_assert_no_error (error);
  populate (book, second_payment);
  return book;
}

static void
export_2026 (LedgerBook *book,
             const char *xlsx)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod period;

  ledger_period_for_year (2026, &period);
  g_assert_true (export_workbook (book, &period, xlsx, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  book_fixture_init (&f->base, "测试小区", NULL);
  populate (f->base.book, 36000);
  f->xlsx = book_fixture_file (&f->base, "book.xlsx");
  export_2026 (f->base.book, f->xlsx);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (&f->base);
  g_free (f->xlsx);
}

/* ------------------------------------------------------------------ */
/* Helpers */

/* The XML of sheet @name. */
static char *
sheet_xml (const char *xlsx,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (xlsx, &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *entry;

  g_assert_no_error (error);
  entry = export_xlsx_reader_sheet_entry (reader, name);
  g_assert_nonnull (entry);
  bytes = export_xlsx_reader_read_entry (reader, entry, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The text between <sheetData> and </sheetData>. */
static char *
sheet_data (const char *xml)
{
  const char *start = strstr (xml, "<sheetData>"), *end = strstr (xml, "</sheetData>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  start += strlen ("<sheetData>");
  return g_strndup (start, end - start);
}

/* Every cell of a sheet as "A1=value" or "A1=value|formula", a line each. */
static gboolean
collect_cb (guint32               row,
            const ExportXlsxCell *cells,
            guint                 n_cells,
            gpointer              user_data,
            GError              **error)
{
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].value != NULL || cells[i].formula != NULL)
      {
        char ref[16];

        g_snprintf (ref, sizeof ref, "%c%u", 'A' + i, row);
        g_string_append_printf (user_data, "%s=%s%s%s\n", ref, cells[i].value ? cells[i].value : "",
                                cells[i].formula ? "|" : "", cells[i].formula ? cells[i].formula : "");
      }
  return TRUE;
}

static char *
sheet_cells (const char *xlsx,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (xlsx, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (export_xlsx_reader_foreach_row (reader, name, collect_cb, out, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 b[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };

  g_byte_array_append (out, b, 4);
}

static void
put16 (GByteArray *out,
       guint32     value)
{
  guint8 b[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

/* Copies the workbook @src to @dst, every entry stored (uncompressed),
 * with the content of entry @name replaced by @content. */
static void
rewrite_zip (const char *src,
             const char *dst,
             const char *name,
             const char *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (src, &error);
  g_autoptr(GByteArray) out = g_byte_array_new (), dir = g_byte_array_new ();
  const char * const *entries;
  guint n = 0;

  g_assert_no_error (error);
  for (entries = export_xlsx_reader_entries (reader); *entries != NULL; entries++, n++)
    {
      g_autoptr(GBytes) bytes = export_xlsx_reader_read_entry (reader, *entries, &error);
      const guint8 *data = strcmp (*entries, name) == 0 ? (const guint8 *) content
                                                         : g_bytes_get_data (bytes, NULL);
      gsize size = strcmp (*entries, name) == 0 ? strlen (content) : g_bytes_get_size (bytes);
      guint32 crc = crc32 (crc32 (0, Z_NULL, 0), data, size), offset = out->len;
      guint32 name_len = strlen (*entries);

      g_assert_no_error (error);
      put32 (out, 0x04034b50), put16 (out, 20), put16 (out, 0), put16 (out, 0), put32 (out, 0);
      put32 (out, crc), put32 (out, size), put32 (out, size), put16 (out, name_len), put16 (out, 0);
      g_byte_array_append (out, (const guint8 *) *entries, name_len);
      g_byte_array_append (out, data, size);
      put32 (dir, 0x02014b50), put16 (dir, 20), put16 (dir, 20), put16 (dir, 0), put16 (dir, 0);
      put32 (dir, 0), put32 (dir, crc), put32 (dir, size), put32 (dir, size), put16 (dir, name_len);
      put16 (dir, 0), put16 (dir, 0), put16 (dir, 0), put16 (dir, 0), put32 (dir, 0), put32 (dir, offset);
      g_byte_array_append (dir, (const guint8 *) *entries, name_len);
    }
  {
    guint32 dir_offset = out->len, dir_size = dir->len;

    g_byte_array_append (out, dir->data, dir->len);
    put32 (out, 0x06054b50), put16 (out, 0), put16 (out, 0), put16 (out, n), put16 (out, n);
    put32 (out, dir_size), put32 (out, dir_offset), put16 (out, 0);
  }
  g_assert_true (g_file_set_contents (dst, (const char *) out->data, out->len, &error));
  g_assert_no_error (error);
}

/* A copy of the workbook with @from replaced by @to (once) in sheet @sheet. */
static char *
altered_copy (Fixture    *f,
              const char *sheet,
              const char *from,
              const char *to)
{
  g_autofree char *xml = sheet_xml (f->xlsx, sheet);
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (f->xlsx, NULL);
  char *hit = strstr (xml, from);
  g_autofree char *changed = NULL;
  char *copy = book_fixture_file (&f->base, "altered.xlsx");

  g_assert_nonnull (hit);
  changed = g_strdup_printf ("%.*s%s%s", (int) (hit - xml), xml, to, hit + strlen (from));
  rewrite_zip (f->xlsx, copy, export_xlsx_reader_sheet_entry (reader, sheet), changed);
  return copy;
}

static void
assert_verify_fails (const char *xlsx,
                     LedgerBook *book,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  g_assert_false (export_workbook_verify (xlsx, book, &fingerprint, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
  g_assert_null (fingerprint);
}

/* ------------------------------------------------------------------ */
/* The workbook's structure */

static void
test_sheets (Fixture       *f,
             gconstpointer  data)
{
  const char *expected[] = { "汇总", "收入", "支出", "减免", "试算平衡表", "基金", "现金日记账", "微信日记账", "欠费", "住户", "表决", "日记账", "校验", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (f->xlsx, &error);
  g_autoptr(GBytes) workbook = NULL;

  g_assert_no_error (error);
  g_assert_cmpstrv (export_xlsx_reader_sheet_names (reader), expected);
  /* Print titles (the header row) on every table; nothing else is named. */
  workbook = export_xlsx_reader_read_entry (reader, "xl/workbook.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (workbook, NULL), g_bytes_get_size (workbook),
                                  "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"11\">'日记账'!$1:$1</definedName>"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (workbook, NULL), g_bytes_get_size (workbook),
                                  "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"1\" hidden=\"1\">'收入'!$A$1:$L$5</definedName>"));
}

/* The cash books' sheet names: Chinese, at most 31 characters, no
 * character a sheet name may not hold, no two alike without case, the
 * same whatever order the accounts come in. */
static void
test_cashbook_sheet_names (void)
{
  /* 30 characters each, alike in their first 24 */
  const char *long_a = "advance:甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二三四五六";
  const char *long_b = "advance:甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二七八九十";
  const char *codes[] = { "cash", "bank:abc", long_b, "bank:a/b[1]", "bank:ABC", long_a, "wechat", "alipay", "bank" };
  const char *reversed[G_N_ELEMENTS (codes)];
  g_auto(GStrv) names = export_xlsx_cashbook_sheet_names (codes, G_N_ELEMENTS (codes));
  g_auto(GStrv) again = NULL;

  g_assert_cmpstr (names[0], ==, "现金日记账");
  g_assert_cmpstr (names[6], ==, "微信日记账");
  g_assert_cmpstr (names[7], ==, "支付宝日记账");
  g_assert_cmpstr (names[8], ==, "银行存款日记账");
  g_assert_cmpstr (names[3], ==, "银行存款（a_b_1_）日记账");
  /* "bank:ABC" sorts first and keeps its name; "bank:abc" is the same
   * sheet to a spreadsheet. */
  g_assert_cmpstr (names[4], ==, "银行存款（ABC）日记账");
  g_assert_cmpstr (names[1], ==, "银行存款（abc）2日记账");
  /* 备用金（ + 30 + ） is 35 characters: cut to 28, then 日记账 (31); the
   * two cut alike, and the later code by bytes (三 U+4E09 after 七
   * U+4E03) is cut to 27 and gets 2. */
  g_assert_cmpstr (names[2], ==, "备用金（甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一二日记账");
  g_assert_cmpstr (names[5], ==, "备用金（甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥一2日记账");
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpint (g_utf8_strlen (names[i], -1), <=, 31);
      reversed[i] = codes[G_N_ELEMENTS (codes) - 1 - i];
    }
  again = export_xlsx_cashbook_sheet_names (reversed, G_N_ELEMENTS (reversed));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_cmpstr (again[G_N_ELEMENTS (codes) - 1 - i], ==, names[i]);
}

/* The Verification sheet, byte for byte. */
static void
test_verification_golden (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *xml = sheet_xml (f->xlsx, "校验");
  g_autofree char *cells = sheet_data (xml);
  g_autofree char *fingerprint = NULL, *short_form = NULL, *expected = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  g_assert_true (ledger_book_fingerprint (f->base.book, &head, &error));
  fingerprint = ledger_tree_head_format (&head);
  short_form = ledger_tree_head_format_short (&head);
  g_assert_cmpuint (head.size, ==, 13);
  expected = g_strdup_printf (
    "<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>项目</t></is></c>"
    "<c r=\"B1\" s=\"1\" t=\"inlineStr\"><is><t>内容</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>指纹</t></is></c>"
    "<c r=\"B2\" t=\"inlineStr\"><is><t>%s</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>简短指纹</t></is></c>"
    "<c r=\"B3\" t=\"inlineStr\"><is><t>%s</t></is></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>条目数</t></is></c>"
    "<c r=\"B4\" t=\"inlineStr\"><is><t>13</t></is></c></row>"
    "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>日记账工作表</t></is></c>"
    "<c r=\"B5\" t=\"inlineStr\"><is><t>日记账（1 张）</t></is></c></row>"
    "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>期间</t></is></c>"
    "<c r=\"B6\" t=\"inlineStr\"><is><t>2026（2026-01-01 至 2026-12-31）</t></is></c></row>"
    "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>期初资金</t></is></c><c r=\"B7\" s=\"3\"><v>0</v></c></row>"
    "<row r=\"8\"><c r=\"A8\" t=\"inlineStr\"><is><t>收入合计</t></is></c><c r=\"B8\" s=\"3\"><v>880</v></c></row>"
    "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>支出合计</t></is></c><c r=\"B9\" s=\"3\"><v>123.45</v></c></row>"
    "<row r=\"10\"><c r=\"A10\" t=\"inlineStr\"><is><t>期末资金</t></is></c><c r=\"B10\" s=\"3\"><v>756.55</v></c></row>"
    "<row r=\"11\"><c r=\"A11\" t=\"inlineStr\"><is><t>欠费合计</t></is></c><c r=\"B11\" s=\"3\"><v>0</v></c></row>"
    "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>导出时间</t></is></c>"
    "<c r=\"B12\" t=\"inlineStr\"><is><t>2026-02-01T09:00:00+08:00</t></is></c></row>"
    "<row r=\"14\"><c r=\"A14\" s=\"1\" t=\"inlineStr\"><is><t>如何重新计算指纹</t></is></c></row>",
    fingerprint, short_form);
  g_assert_true (g_str_has_prefix (cells, expected));
  g_assert_nonnull (strstr (cells, "<row r=\"16\"><c r=\"A16\" t=\"inlineStr\"><is><t>2. 每条的叶哈希 = SHA-256(0x00 ‖ 叶文本)"));
  g_assert_nonnull (strstr (cells, "<row r=\"20\">"));
  g_assert_null (strstr (cells, "<row r=\"21\">"));
  /* Frozen header, landscape A4 one page wide. */
  g_assert_nonnull (strstr (xml, "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"));
  g_assert_nonnull (strstr (xml, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
  g_assert_nonnull (strstr (xml, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
}

/* The Summary: labels, live formulas with their cached values, codes. */
static void
test_summary_golden (Fixture       *f,
                     gconstpointer  data)
{
  static const char expected[] =
    "A1=公账汇总：测试小区\n"
    "A2=期间\nB2=2026（2026-01-01 至 2026-12-31）\n"
    "A3=账本指纹\nB3=%s\n"
    "A4=导出时间\nB4=2026-02-01T09:00:00+08:00\n"
    "A6=项目\nB6=金额\nC6=代码\nD6=计算方法\n"
    "A7=期初资金\nB7=0|SUMIFS('日记账'!$I$2:$I$14,'日记账'!$B$2:$B$14,\"<\"&DATE(2026,1,1))"
    "+SUMIFS('日记账'!$I$2:$I$14,'日记账'!$C$2:$C$14,\"期初\",'日记账'!$B$2:$B$14,\">=\"&DATE(2026,1,1),"
    "'日记账'!$B$2:$B$14,\"<=\"&DATE(2026,12,31))\n"
    "C7=opening\nD7=「日记账」资金变动列：期初前各条及期内期初余额之和\n"
    "A8=收入 · 物业费\nB8=720|SUM('收入'!J2:J5)\nC8=income:property\nD8=「收入」表该列之和\n"
    "A9=收入 · 停车费\nB9=120|SUM('收入'!K2:K5)\nC9=income:parking\nD9=「收入」表该列之和\n"
    "A10=收入 · 预收款\nB10=40|SUM('收入'!L2:L5)\nC10=income:prepaid\nD10=「收入」表该列之和\n"
    "A11=收入合计\nB11=880|SUM('收入'!F2:F5)\nC11=income_total\nD11=「收入」表金额列之和\n"
    "A12=支出 · 维修\nB12=123.45|SUMIF('支出'!$D$2,\"维修\",'支出'!$H$2)\nC12=expense:repair\n"
    "D12=「支出」表该类别金额之和\n"
    "A13=支出合计\nB13=123.45|SUM('支出'!H2)\nC13=expense_total\nD13=「支出」表金额列之和\n"
    "A14=期末资金\nB14=756.55|SUMIFS('日记账'!$I$2:$I$14,'日记账'!$B$2:$B$14,\"<=\"&DATE(2026,12,31))\n"
    "C14=closing\nD14=「日记账」资金变动列：截至期末各条之和\n"
    "A15=核对：期初＋收入－支出－期末\nB15=0|B7+B11-B13-B14\nC15=check\nD15=应为 0\n"
    "A17=收缴年度\nB17=应收\nC17=减免\nD17=应缴\nE17=已缴\nF17=欠缴\nG17=收缴率\nH17=应缴户数\nI17=已缴清户数\n"
    "A18=2026\nB18=840\nC18=0\nD18=840|B18-C18\nE18=840|D18-F18\n"
    "F18=0|SUMIF('欠费'!$C$2,A18,'欠费'!$H$2)\nG18=1|IF(D18=0,0,ROUNDDOWN(E18/D18,4))\nH18=2\nI18=2\n";
  g_autofree char *cells = sheet_cells (f->xlsx, "汇总");
  g_autofree char *fingerprint = NULL, *want = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  g_assert_true (ledger_book_fingerprint (f->base.book, &head, &error));
  fingerprint = ledger_tree_head_format (&head);
  want = g_strdup_printf (expected, fingerprint);
  g_assert_cmpstr (cells, ==, want);
}

/* Every receipt of the period, the void as a negative row after it. */
static void
test_income_rows (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cells = sheet_cells (f->xlsx, "收入");

  g_assert_nonnull (strstr (cells, "A3=2026-000002\nB3=46028\nC3=1-1-102\nD3='=李娜\nE3=现金\nF3=360\nG3=已作废\n"));
  g_assert_nonnull (strstr (cells, "A4=2026-000002\nB4=46054\nC4=1-1-102\nD4='=李娜\nE4=现金\nF4=-360\nG4=冲销\n"
                                   "H4=冲销 2026-000002：-收错户号\nI4=11\nJ4=-360\n"));
  g_assert_nonnull (strstr (cells, "H5=物业费 2026 ¥360.00；预收款 ¥40.00\nI5=12\nJ5=360\nL5=40\n"));
  g_assert_null (strstr (cells, "A6="));
}

/* Text that looks like a formula stays text, with an apostrophe; the only
 * <f> elements are the Summary's. */
static void
test_no_formula_from_text (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *spending = sheet_cells (f->xlsx, "支出");
  g_autofree char *households = sheet_cells (f->xlsx, "住户");
  g_autofree char *journal = sheet_cells (f->xlsx, "日记账");
  const char *sheets[] = { "收入", "支出", "欠费", "住户", "表决", "日记账", "校验" };

  g_assert_nonnull (strstr (spending, "A2=1\nB2=46082\nC2='=1+1\nD2=维修\nE2='+SUM(A1)\nF2='-5\nG2='@王主任\nH2=123.45\n"));
  g_assert_nonnull (strstr (households, "A2=1-1-101\nB2=王伟\nC2=1-1-101\nD2=138****1234\nE2=89.5\nF2=1\n"));
  g_assert_nonnull (strstr (households, "B3='=李娜\n"));
  g_assert_nonnull (strstr (journal, "F12='-收错户号\n"));
  /* …while the leaf keeps the memo exactly. */
  g_assert_nonnull (strstr (journal, "\nmemo: -收错户号\nreverses: 10\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *xml = sheet_xml (f->xlsx, sheets[i]);

      g_assert_null (strstr (xml, "<f>"));
      g_assert_null (strstr (xml, "<f "));
    }
}

/* ------------------------------------------------------------------ */
/* verify */

static void
test_verify_fresh (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *alone = NULL, *with_book = NULL, *expected = NULL;
  LedgerTreeHead head;

  g_assert_true (ledger_book_fingerprint (f->base.book, &head, &error));
  expected = ledger_tree_head_format (&head);
  g_assert_true (export_workbook_verify (f->xlsx, NULL, &alone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (alone, ==, expected);
  g_assert_true (export_workbook_verify (f->xlsx, f->base.book, &with_book, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (with_book, ==, expected);

  /* A later entry in the book does not make the earlier export wrong. */
  book_add_household_full (f->base.book, "1-1-103", "赵六", 8950, 0, "", NULL);
  g_clear_pointer (&with_book, g_free);
  g_assert_true (export_workbook_verify (f->xlsx, f->base.book, &with_book, &error));
  g_assert_cmpstr (with_book, ==, expected);
}

static void
test_verify_altered_leaf (Fixture       *f,
                          gconstpointer  data)
{
  /* Entry 9 is the first payment, on spreadsheet row 10. */
  g_autofree char *copy = altered_copy (f, "日记账", "split: wechat||48000", "split: wechat||48001");

  assert_verify_fails (copy, NULL, "日记账 row 10: the leaf hash does not match its text");
  assert_verify_fails (copy, f->base.book, "日记账 row 10: the leaf hash does not match its text");
}

static void
test_verify_altered_order (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *copy = altered_copy (f, "日记账", "<c r=\"A6\"><v>5</v>", "<c r=\"A6\"><v>6</v>");

  assert_verify_fails (copy, NULL, "日记账 row 6: entry 6 where entry 5 was expected");
  g_free (copy);
  copy = altered_copy (f, "校验", "<t>13:", "<t>12:");
  assert_verify_fails (copy, NULL, "the 日记账 sheets give the fingerprint 13:");
}

/* A workbook from a different book names the first entry that differs:
 * the first household's entry, since each book draws its own salt and so
 * commits to the same owner differently. */
static void
test_verify_other_book (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *other_path = book_fixture_file (&f->base, "other.clbook");
  g_autoptr(LedgerBook) other = make_book (other_path, 36100);

  assert_verify_fails (f->xlsx, other, "日记账 row 5: entry 4 (household 2026-01-02 1-1-101) differs from the book");
}

/* Past the row limit the Journal continues on 日记账2, 日记账3 … */
static void
test_journal_split (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *split = book_fixture_file (&f->base, "split.xlsx");
  g_autofree char *fingerprint = NULL, *second = NULL, *copy = NULL;
  const char *expected[] = { "汇总", "收入", "支出", "减免", "试算平衡表", "基金", "现金日记账", "微信日记账", "欠费", "住户", "表决", "日记账", "日记账2",
                             "日记账3", "日记账4", "校验", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportXlsxReader) reader = NULL;

  g_setenv ("COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS", "4", TRUE);
  export_2026 (f->base.book, split);
  g_unsetenv ("COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS");
  reader = export_xlsx_reader_open (split, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (export_xlsx_reader_sheet_names (reader), expected);
  second = sheet_cells (split, "日记账2");
  g_assert_true (g_str_has_prefix (second, "A1=序号\n"));
  g_assert_nonnull (strstr (second, "A2=5\n"));
  g_assert_nonnull (strstr (second, "A5=8\n"));
  g_assert_null (strstr (second, "A6="));
  export_workbook_verify (split, f->base.book, &fingerprint, &error);
  g_assert_no_error (error);

  g_free (f->xlsx);
  f->xlsx = g_strdup (split);
  copy = altered_copy (f, "日记账3", "kind: payment", "kind: paymenT");
  assert_verify_fails (copy, NULL, "日记账3 row 2: the leaf hash does not match its text");
}

/* ------------------------------------------------------------------ */
/* Failures leave nothing behind */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_failure_leaves_no_file (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->base.dir, "no-such-dir", "out.xlsx", NULL);
  g_autofree char *subdir = book_fixture_file (&f->base, "sub");
  g_autofree char *readonly = g_build_filename (subdir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  guint before = count_files (f->base.dir);

  g_assert_false (export_workbook (f->base.book, NULL, missing, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->base.dir), ==, before);

  /* The target is a folder: refused before anything is written (issue
   * 13: an output that is not a regular file is never replaced). */
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (readonly, 0755), ==, 0);
  g_assert_false (export_workbook (f->base.book, NULL, readonly, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (subdir), ==, 1);
  g_rmdir (readonly);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (subdir, 0555), ==, 0);
      g_assert_false (export_workbook (f->base.book, NULL, readonly, NULL, NULL, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_IO);
      g_assert_cmpuint (count_files (subdir), ==, 0);
      g_chmod (subdir, 0755);
    }
}

static void
progress_cb (int      per_mille,
             gpointer user_data)
{
  int *last = user_data;

  g_assert_cmpint (per_mille, >=, *last);
  g_assert_cmpint (per_mille, <=, 1000);
  *last = per_mille;
}

/* Without a period: everything, and the collection of every billed year. */
static void
test_everything (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *all = book_fixture_file (&f->base, "all.xlsx");
  g_autoptr(GError) error = NULL;
  g_autofree char *cells = NULL, *fingerprint = NULL;
  int progress = -1;

  g_assert_true (export_workbook (f->base.book, NULL, all, progress_cb, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (progress, ==, 1000);
  cells = sheet_cells (all, "汇总");
  g_assert_nonnull (strstr (cells, "B2=全部（1900-01-01 至 2200-12-31）\n"));
  g_assert_nonnull (strstr (cells, "A18=2026\nB18=840\n"));
  g_assert_null (strstr (cells, "A19="));
  g_assert_true (export_workbook_verify (all, f->base.book, &fingerprint, &error));
}

/* The whole book of a community that started from a paper ledger: the
 * demo opens on its first day with a few households' unpaid fee of the
 * year before, a year before any entry's date. Its collection row is in
 * the summary as every billed year's is, and verify --export finds it
 * (it named "the year 2022 has no collection row" for seed 16). */
static void
test_everything_from_paper (void)
{
  static const LedgerDemoOptions demo = { .households = 100, .years = 4, .seed = 16 };
  BookFixture base;
  g_autofree char *all = NULL;
  g_autofree char *cells = NULL, *fingerprint = NULL, *row = NULL;
  g_autoptr(GError) error = NULL;
  char today[11];
  int first;

  book_fixture_init (&base, "纸账小区", &demo);
  ledger_book_today (base.book, today);
  first = ledger_date_year (today) - 3;
  all = book_fixture_file (&base, "all.xlsx");
  g_assert_true (export_workbook (base.book, NULL, all, NULL, NULL, &error));
  g_assert_no_error (error);
  cells = sheet_cells (all, "汇总");
  /* The opening arrears' year, before the first entry's. */
  row = g_strdup_printf ("=%d\n", first - 1);
  g_assert_nonnull (strstr (cells, row));
  g_assert_true (export_workbook_verify (all, base.book, &fingerprint, &error));
  g_assert_no_error (error);
  book_fixture_clear (&base);
}

/* A cancelled export stops and leaves nothing behind: no workbook, no
 * half-written temporary file. */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sub = book_fixture_file (&f->base, "out");
  g_autofree char *path = g_build_filename (sub, "cancelled.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_cancellable_cancel (cancellable);
  g_assert_false (export_workbook_full (f->base.book, NULL, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  dir = g_dir_open (sub, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("COMMUNITY_LEDGER_NOW", "2026-01-02T09:00:00+08:00", TRUE);
  g_unsetenv ("COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xlsx/cancelled", test_cancelled);
  ADD ("/xlsx/sheets", test_sheets);
  g_test_add_func ("/xlsx/cashbook-sheet-names", test_cashbook_sheet_names);
  ADD ("/xlsx/verification-golden", test_verification_golden);
  ADD ("/xlsx/summary-golden", test_summary_golden);
  ADD ("/xlsx/income-rows", test_income_rows);
  ADD ("/xlsx/no-formula-from-text", test_no_formula_from_text);
  ADD ("/xlsx/verify/fresh", test_verify_fresh);
  ADD ("/xlsx/verify/altered-leaf", test_verify_altered_leaf);
  ADD ("/xlsx/verify/altered-order", test_verify_altered_order);
  ADD ("/xlsx/verify/other-book", test_verify_other_book);
  ADD ("/xlsx/journal-split", test_journal_split);
  ADD ("/xlsx/failure-leaves-no-file", test_failure_leaves_no_file);
  ADD ("/xlsx/everything", test_everything);
  g_test_add_func ("/xlsx/everything-from-paper", test_everything_from_paper);
  return g_test_run ();
}

/* test-notice.c — the notice for the board, receipts and their QR codes,
 * read back the way a resident and an auditor would: the PDF rendered at
 * 150 dpi and scanned, its text extracted, the book queried. */
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-notice-private.h"
#include "export-notice.h"
#include "export-qr-private.h"
#include "book-fixture.h"
#include "ledger-book-private.h"

typedef BookFixture Fixture;

static const struct
{
  const char *unit, *owner, *phone;
  gint64      area;
} residents[] = {
  { "1-1-101", "王伟", "13812341234", 8950 },
  { "1-1-102", "李娜", "", 12000 },
  { "2-1-101", "欧阳娜娜", "0571-87654321", 7025 },
  { "2-1-102", "张敏", "15900001111", 6500 },
};

/* Runs @argv and returns its standard output, or NULL (test skipped) when
 * the tool is not installed. */
static GBytes *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GSubprocess) proc = NULL;

  if (program == NULL)
    {
      g_test_skip_printf ("%s is not installed", argv[0]);
      return NULL;
    }
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The QR code of page one of @pdf, printed at 150 dpi and scanned. */
static GBytes *
scan_pdf (const char *dir,
          const char *pdf)
{
  g_autofree char *base = g_build_filename (dir, "scan", NULL);
  g_autofree char *png = g_strconcat (base, ".png", NULL);
  const char *render[] = { "pdftoppm", "-r", "150", "-png", "-singlefile", pdf, base, NULL };
  const char *scan[] = { "zbarimg", "-q", "--nodbus", "--raw", "-Sbinary", png, NULL };
  g_autoptr(GBytes) rendered = run_tool (render);

  if (rendered == NULL)
    return NULL;
  return run_tool (scan);
}

/* The text of @pdf in drawing order. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autoptr(GBytes) out = run_tool (argv);

  return out != NULL ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)) : NULL;
}

static void
assert_same_bytes (GBytes     *scanned,
                   const char *payload)
{
  g_assert_cmpmem (g_bytes_get_data (scanned, NULL), g_bytes_get_size (scanned),
                   payload, strlen (payload));
}

/* A small community in the first quarter of 2026: four households,
 * bills, payments, three expenditures (one memo naming an owner and a
 * phone), one vote closed in March; and one expenditure in April. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 vote = 0;

  book_fixture_init_full (f, "和平里小区", "出纳", NULL);
  ledger_book_set_clock (f->book, "2026-01-02");
  /* The fixture records the months after its clock's day at once. */
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_DAYS_AHEAD, "366", &error));
  /* Every other household has one parking space. */
  for (gsize i = 0; i < G_N_ELEMENTS (residents); i++)
    book_add_household_full (f->book, residents[i].unit, residents[i].owner, residents[i].area,
                             i % 2, residents[i].phone, NULL);
  g_assert_true (ledger_bill_year (f->book, 2026, NULL, &error));
  g_assert_true (ledger_pay (f->book, "1-1-101", 48000, LEDGER_METHOD_WECHAT, "2026-01-05", NULL, &error));
  g_assert_true (ledger_pay (f->book, "1-1-102", 36000, LEDGER_METHOD_CASH, "2026-01-06", NULL, &error));
  g_assert_true (ledger_pay (f->book, "2-1-101", 50000, LEDGER_METHOD_BANK, "2026-02-01", NULL, &error));
  /* Prepaid into the bank, which pays every expenditure below: no money
   * account may go below zero on any day. */
  g_assert_true (ledger_pay (f->book, "1-1-102", 500000, LEDGER_METHOD_BANK, "2026-01-10", NULL, &error));
  g_assert_no_error (error);
  book_record_expenditure (f->book, 125050, LEDGER_METHOD_BANK, "2026-01-20", "张师傅水电维修部",
                           "repair", "1号楼楼道水管维修");
  book_record_expenditure (f->book, 30000, LEDGER_METHOD_BANK, "2026-02-10", "洁美保洁服务有限公司",
                           "cleaning", "");
  book_record_expenditure (f->book, 8800, LEDGER_METHOD_BANK, "2026-03-03", "晨光文具店", "office",
                           "王伟代买公告纸，联系13812341234");
  book_record_expenditure (f->book, 5000, LEDGER_METHOD_BANK, "2026-04-02", "晨光文具店", "office",
                           "四月");
  g_assert_true (ledger_vote_new (f->book, "更换小区路灯为LED节能灯", "", 9, "2026-03-01",
                                  "2026-03-20", &vote, &error));
  for (gsize i = 0; i < 3; i++)
    g_assert_true (ledger_vote_ballot (f->book, vote, residents[i].unit, LEDGER_CHOICE_YES,
                                       "2026-03-05", NULL, NULL, &error));
  ledger_book_set_clock (f->book, "2026-03-21");
  g_assert_true (ledger_vote_close (f->book, vote, &error));
  g_assert_no_error (error);
  ledger_book_set_clock (f->book, "2026-04-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static LedgerPeriod
period (const char *name)
{
  LedgerPeriod p;

  g_assert_true (ledger_period_parse (name, "period", &p, NULL));
  return p;
}

/* ------------------------------------------------------------------ */
/* Wording and scrubbing */

static void
test_period_names (void)
{
  const struct { const char *name, *chinese; } cases[] = {
    { "2026", "2026年度" }, { "2026-Q1", "2026年第一季度" }, { "2026-q4", "2026年第四季度" },
    { "2026-03", "2026年3月" }, { "2026-12", "2026年12月" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerPeriod p = period (cases[i].name);
      g_autofree char *text = export_period_chinese (&p);

      g_assert_cmpstr (text, ==, cases[i].chinese);
    }
}

static void
test_scrub (void)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  const struct { const char *in, *out; } cases[] = {
    { "张三家门口路灯，电话13812341234", "张*家门口路灯，电话***" },
    { "联系138-1234-1234或１３９１２３４５６７８", "联系***或***" },
    { "发票2026031501，2026-03-15", "发票2026031501，2026-03-15" },
    { "座机87654321", "座机***" },
    { "欧阳娜娜与欧阳", "欧***与欧*" },
    { "张师傅水电维修部", "张师傅水电维修部" },
    { "Lighting by Li", "Lighting by L*" },
    { "", "" },
  };

  g_ptr_array_add (owners, (char *) "张三");
  g_ptr_array_add (owners, (char *) "欧阳");
  g_ptr_array_add (owners, (char *) "欧阳娜娜");
  g_ptr_array_add (owners, (char *) "张");
  g_ptr_array_add (owners, (char *) "Li");
  g_ptr_array_add (phones, (char *) "0571-87654321");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = ledger_notice_scrub (cases[i].in, owners, phones);

      g_assert_cmpstr (clean, ==, cases[i].out);
    }
}

static void
test_qr_svg (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ExportQr) qr = export_qr_new ("小区公账", &error);
  g_autofree char *svg = NULL;
  g_autofree char *view = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (export_qr_get_span (qr), ==, export_qr_get_width (qr) + 8);
  svg = export_qr_svg (qr);
  view = g_strdup_printf ("viewBox=\"0 0 %d %d\"", export_qr_get_span (qr), export_qr_get_span (qr));
  g_assert_nonnull (strstr (svg, view));
  g_assert_null (export_qr_new ("", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
}

/* ------------------------------------------------------------------ */
/* Notices */

static gboolean
publish (Fixture     *f,
         const char  *name,
         char       **out_payload,
         GError     **error)
{
  LedgerPeriod p = period (name);
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *png = book_fixture_file (f, "notice.png");
  g_autofree char *html = book_fixture_file (f, "notice.html");

  return export_notice (f->book, &p, pdf, png, html, out_payload, error);
}

static void
test_notice_qr_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *png = book_fixture_file (f, "notice.png");
  g_autofree char *fingerprint = NULL;
  g_autoptr(ExportQr) qr = NULL;
  g_autoptr(GBytes) scanned = NULL;
  LedgerTreeHead before;
  const char *scan_png[] = { "zbarimg", "-q", "--nodbus", "--raw", "-Sbinary", png, NULL };

  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_PUBLICATION_URL,
                                      "https://example.org/hpl/notices", &error));
  g_assert_true (ledger_book_fingerprint (f->book, &before, &error));
  g_assert_true (publish (f, "2026-Q1", &payload, &error));
  g_assert_no_error (error);

  /* URL first, the four totals, the full fingerprint of the book before. */
  fingerprint = ledger_tree_head_format (&before);
  g_assert_true (g_str_has_prefix (payload, "https://example.org/hpl/notices\n和平里小区"));
  g_assert_nonnull (strstr (payload, "期间：2026年第一季度\n期初余额：¥0.00\n"));
  g_assert_nonnull (strstr (payload, "本期支出：¥1,638.50\n"));
  g_assert_true (g_str_has_suffix (payload, fingerprint));
  qr = export_qr_new (payload, &error);
  g_test_message ("notice QR payload: %zu bytes, version %d", strlen (payload),
                  export_qr_get_version (qr));

  scanned = scan_pdf (f->dir, pdf);
  if (scanned == NULL)
    return;
  assert_same_bytes (scanned, payload);
  g_clear_pointer (&scanned, g_bytes_unref);
  scanned = run_tool (scan_png);
  assert_same_bytes (scanned, payload);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
assert_file_sha256_in (const char *path,
                       const char *memo)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;
  g_autofree char *sum = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);
  g_assert_nonnull (strstr (memo, sum));
}

static void
test_notice_records_publication (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ledger_expenditure_list (f->book, NULL, &error);
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *png = book_fixture_file (f, "notice.png");
  g_autofree char *html = book_fixture_file (f, "notice.html");
  g_autofree char *fingerprint = NULL;
  g_autofree char *memo = NULL, *kind = NULL, *ref = NULL;
  const LedgerNotice *notice;
  LedgerTreeHead before;
  sqlite3_stmt *stmt;
  gint64 count = ledger_journal_count (f->book, NULL);

  for (guint i = 0; i < all->len; i++)
    g_assert_false (ledger_expenditure_is_announced (f->book, ((LedgerExpenditure *) all->pdata[i])->id));
  g_assert_true (ledger_book_fingerprint (f->book, &before, &error));
  g_assert_true (publish (f, "2026-Q1", NULL, &error));
  g_assert_no_error (error);

  /* Exactly one journal entry, of kind notice, naming the fingerprint and the files. */
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, count + 1);
  stmt = ledger_book_prepare (f->book, "SELECT kind, ref, memo FROM txns ORDER BY id DESC LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  kind = ledger_column_dup (stmt, 0);
  ref = ledger_column_dup (stmt, 1);
  memo = ledger_column_dup (stmt, 2);
  sqlite3_reset (stmt);
  fingerprint = ledger_tree_head_format (&before);
  g_assert_cmpstr (kind, ==, "notice");
  g_assert_cmpstr (ref, ==, "2026-Q1");
  g_assert_nonnull (strstr (memo, fingerprint));
  assert_file_sha256_in (pdf, memo);
  assert_file_sha256_in (png, memo);
  assert_file_sha256_in (html, memo);

  notices = ledger_notice_list (f->book, &error);
  g_assert_cmpuint (notices->len, ==, 1);
  notice = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (notice->fingerprint, ==, fingerprint);
  g_assert_cmpint (notice->txn_id, ==, count + 1);

  /* The quarter's three expenditures are announced; April's is not. */
  for (guint i = 0; i < all->len; i++)
    {
      const LedgerExpenditure *e = g_ptr_array_index (all, i);

      g_assert_cmpint (ledger_expenditure_is_announced (f->book, e->id), ==,
                       strcmp (e->date, "2026-04-01") < 0);
    }
  /* The tables are append-only. */
  g_assert_false (ledger_book_exec (f->book, "DELETE FROM announcements", NULL));
  g_assert_true (ledger_verify (f->book, &before, &error));
  g_assert_no_error (error);
}

static gboolean
has_phone_number (const char *text,
                  const char *hex_to_ignore)
{
  g_autoptr(GRegex) phone = g_regex_new ("1[3-9][0-9]{9}", 0, 0, NULL);
  g_autofree char *plain = NULL;
  g_auto(GStrv) parts = NULL;

  /* A fingerprint's hex digits may spell eleven digits by chance. */
  parts = g_strsplit (text, hex_to_ignore, -1);
  plain = g_strjoinv ("", parts);
  return g_regex_match (phone, plain, 0, NULL);
}

static void
assert_public (const char *text,
               const char *root_hex)
{
  g_assert_false (has_phone_number (text, root_hex));
  for (gsize i = 0; i < G_N_ELEMENTS (residents); i++)
    g_assert_null (strstr (text, residents[i].owner));
  g_assert_null (strstr (text, "87654321"));
}

static void
test_notice_privacy_and_content (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *html_path = book_fixture_file (f, "notice.html");
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) spent = NULL;
  LedgerPeriod q1 = period ("2026-Q1");
  g_autoptr(LedgerIncomeReport) report = ledger_report_income (f->book, &q1, &error);
  LedgerTreeHead before;
  char root[65];

  g_assert_true (ledger_book_fingerprint (f->book, &before, &error));
  ledger_hash_to_hex (&before.root, root);
  g_assert_true (publish (f, "2026-Q1", &payload, &error));
  g_assert_no_error (error);
  html = read_text (html_path);
  assert_public (payload, root);
  assert_public (html, root);
  g_assert_nonnull (strstr (html, "<html lang=\"zh-CN\">"));
  g_assert_nonnull (strstr (html, "name=\"viewport\""));
  g_assert_null (strstr (html, "src=\"http"));
  g_assert_nonnull (strstr (html, "王*代买公告纸"));

  text = pdf_text (pdf);
  if (text == NULL)
    return;
  assert_public (text, root);
  /* The totals and every expenditure of the quarter, with its amount. */
  {
    g_autofree char *opening = ledger_money_format (report->opening);
    g_autofree char *closing = ledger_money_format (report->closing);

    g_assert_nonnull (strstr (text, opening));
    g_assert_nonnull (strstr (text, closing));
  }
  spent = ledger_expenditure_list (f->book, &q1, &error);
  g_assert_cmpuint (spent->len, ==, 3);
  for (guint i = 0; i < spent->len; i++)
    {
      const LedgerExpenditure *e = g_ptr_array_index (spent, i);
      g_autofree char *money = ledger_money_format (e->amount);

      g_assert_nonnull (strstr (text, e->payee));
      g_assert_nonnull (strstr (text, money));
    }
  g_assert_nonnull (strstr (text, "更换小区路灯为LED节能灯"));
  g_assert_nonnull (strstr (text, "第1页 共1页"));
  g_assert_nonnull (strstr (text, "和平里小区业主委员会"));
}

/* Enough expenditures for several pages: totals and QR stay on page one,
 * every row is printed once, each page says which of how many it is. */
static void
test_notice_many_pages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) scanned = NULL;
  g_autofree char *last_page = NULL;

  for (int i = 0; i < 120; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02d", 1 + i % 28);
      g_autofree char *payee = g_strdup_printf ("第%03d号维修服务部", i);

      book_record_expenditure (f->book, 1000 + i, LEDGER_METHOD_BANK, date, payee, "repair",
                               "零星维修");
    }
  g_assert_true (publish (f, "2026-Q1", &payload, &error));
  g_assert_no_error (error);
  scanned = scan_pdf (f->dir, pdf);
  if (scanned == NULL)
    return;
  assert_same_bytes (scanned, payload);
  text = pdf_text (pdf);
  {
    const char *first = strstr (text, "第1页 共");
    g_autofree char *last = NULL;
    g_autofree char *beyond = NULL;
    int pages;

    /* About 40 rows a page: four pages, give or take the font's metrics. */
    g_assert_nonnull (first);
    pages = atoi (first + strlen ("第1页 共"));
    g_assert_cmpint (pages, >=, 3);
    last = g_strdup_printf ("第%d页 共%d页", pages, pages);
    beyond = g_strdup_printf ("第%d页", pages + 1);
    g_assert_nonnull (strstr (text, last));
    g_assert_null (strstr (text, beyond));
    g_free (last_page);
    last_page = g_strdup_printf ("第2页 共%d页", pages);
  }
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *payee = g_strdup_printf ("第%03d号维修服务部", i);
      const char *at = strstr (text, payee);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, payee));
    }
  /* The totals come before the first continuation page. */
  g_assert_nonnull (strstr (text, last_page));
  g_assert_null (strstr (strstr (text, last_page), "期初余额"));
}

/* An expenditure recorded after its period's notice was posted appears on
 * the next notice, so that every expenditure is announced once; those of
 * periods never published wait for their own notice. */
static void
test_notice_late_expenditure (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerNoticeData) before = NULL;
  g_autoptr(LedgerNoticeData) q2 = NULL;
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *text = NULL;
  LedgerPeriod p2 = period ("2026-Q2");
  gint64 late;

  before = ledger_notice_gather (f->book, &p2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->late_expenditures->len, ==, 0);
  g_assert_true (publish (f, "2026-Q1", NULL, &error));
  late = book_record_expenditure (f->book, 4200, LEDGER_METHOD_BANK, "2026-03-30",
                                  "通畅管道疏通服务部", "repair", "补录");
  g_assert_false (ledger_expenditure_is_announced (f->book, late));
  q2 = ledger_notice_gather (f->book, &p2, &error);
  g_assert_cmpuint (q2->late_expenditures->len, ==, 1);
  g_assert_cmpint (((LedgerExpenditure *) q2->late_expenditures->pdata[0])->id, ==, late);
  g_assert_true (publish (f, "2026-Q2", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_expenditure_is_announced (f->book, late));
  text = pdf_text (pdf);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "补充公示"));
  g_assert_nonnull (strstr (text, "通畅管道疏通服务部"));
  g_assert_nonnull (strstr (text, "¥42.00"));
}

/* A file that cannot be written leaves no file, no temporary file and no
 * record: the book is as it was. */
static void
test_notice_failure_leaves_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = book_fixture_file (f, "notice.pdf");
  g_autofree char *html = g_build_filename (f->dir, "missing", "notice.html", NULL);
  g_autoptr(GDir) dir = NULL;
  LedgerPeriod q1 = period ("2026-Q1");
  gint64 count = ledger_journal_count (f->book, NULL);
  const char *name;

  g_assert_false (export_notice (f->book, &q1, pdf, NULL, html, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_IO);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, count);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "book.clbook"));

  /* A read-only book: no record, so no files either. */
  g_clear_error (&error);
  g_clear_object (&f->book);
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (export_notice (f->book, &q1, pdf, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Data gathered before another entry no longer describes the book. */
static void
test_notice_stale_data_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod q1 = period ("2026-Q1");
  g_autoptr(LedgerNoticeData) gathered = ledger_notice_gather (f->book, &q1, &error);
  LedgerNoticeFile file = { "pdf", "notice.pdf", "00" };

  g_assert_no_error (error);
  g_assert_nonnull (strstr (((LedgerExpenditure *) gathered->expenditures->pdata[2])->memo, "王*"));
  book_record_expenditure (f->book, 100, LEDGER_METHOD_BANK, "2026-03-30", "晨光文具店", "office",
                           "");
  g_assert_false (ledger_notice_record (f->book, gathered, &file, 1, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  gint64 count = ledger_journal_count (f->book, NULL);

  g_assert_false (ledger_settings_set (f->book, LEDGER_SETTING_PUBLICATION_URL,
                                       "javascript:alert(1)", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ledger_settings_set (f->book, "colour", "red", &error));
  g_clear_error (&error);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, count);
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_COMMITTEE, "和平里小区第二届业主委员会", &error));
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_PUBLICATION_URL, "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, count + 2);
  url = ledger_book_dup_setting (f->book, LEDGER_SETTING_PUBLICATION_URL);
  g_assert_cmpstr (url, ==, "");
}

/* ------------------------------------------------------------------ */
/* Receipts */

/* The value of "KEY：VALUE" in @payload. */
static char *
payload_field (const char *payload,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (payload, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, "：", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}

static void
test_receipt_proof (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *pdf = book_fixture_file (f, "receipt.pdf");
  g_autofree char *text = NULL;
  g_autofree char *entry = NULL, *leaf_hex = NULL, *path_hex = NULL, *head_text = NULL;
  g_autoptr(GArray) proof = g_array_new (FALSE, FALSE, sizeof (LedgerHash));
  g_autoptr(GBytes) scanned = NULL;
  g_auto(GStrv) hashes = NULL;
  g_autoptr(ExportQr) qr = NULL;
  LedgerTreeHead head, recorded;
  LedgerHash leaf;

  g_assert_true (export_receipt (f->book, "2026-000001", pdf, &payload, &error));
  g_assert_no_error (error);
  qr = export_qr_new (payload, NULL);
  g_test_message ("receipt QR payload: %zu bytes, version %d", strlen (payload),
                  export_qr_get_version (qr));
  g_assert_nonnull (strstr (payload, "缴款人：王*\n"));
  g_assert_null (strstr (payload, "王伟"));

  entry = payload_field (payload, "条目");
  leaf_hex = payload_field (payload, "叶哈希");
  path_hex = payload_field (payload, "路径");
  head_text = payload_field (payload, "账本指纹");
  g_assert_true (ledger_hash_from_hex (leaf_hex, &leaf));
  hashes = g_strsplit (path_hex, ",", -1);
  for (guint i = 0; hashes[i] != NULL && *hashes[i] != '\0'; i++)
    {
      LedgerHash h;

      g_assert_true (ledger_hash_from_hex (hashes[i], &h));
      g_array_append_val (proof, h);
    }
  g_assert_true (ledger_tree_head_parse (head_text, "head", &head, NULL));
  g_assert_true (ledger_merkle_verify_inclusion (&leaf, g_ascii_strtoull (entry, NULL, 10) - 1,
                                                 head.size, proof, &head.root));
  g_assert_true (ledger_fingerprint_head_at (f->book, head.size, &recorded, &error));
  g_assert_cmpmem (recorded.root.bytes, LEDGER_HASH_SIZE, head.root.bytes, LEDGER_HASH_SIZE);

  /* The QR text alone proves the receipt: its fields rebuild the leaf
   * whose hash it prints (issue 15). */
  {
    ExportReceiptProof proven = { 0 };
    g_autofree char *forged = g_strdup (payload);
    char *unit = strstr (forged, "户号：1-1-101\n");

    g_assert_true (export_receipt_check (payload, &proven, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (proven.number, ==, "2026-000001");
    g_assert_cmpstr (proven.unit, ==, "1-1-101");
    g_assert_cmpint (proven.amount, ==, 48000);
    g_assert_cmpint (proven.entry, ==, g_ascii_strtoll (entry, NULL, 10));
    export_receipt_proof_clear (&proven);
    /* Another unit: 1-1-101 → 1-1-102, one byte. */
    g_assert_nonnull (unit);
    unit[strlen ("户号：1-1-10")] = '2';
    g_assert_false (export_receipt_check (forged, NULL, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_clear_error (&error);
  }

  scanned = scan_pdf (f->dir, pdf);
  if (scanned == NULL)
    return;
  assert_same_bytes (scanned, payload);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "2026-000001"));
  g_assert_nonnull (strstr (text, "1-1-101"));
  g_assert_nonnull (strstr (text, "王伟"));
  g_assert_nonnull (strstr (text, "¥480.00"));
  g_assert_nonnull (strstr (text, "人民币肆佰捌拾元整"));
  g_assert_nonnull (strstr (text, "微信"));
  g_assert_null (strstr (text, "作废"));
}

static void
test_receipt_void (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *pdf = book_fixture_file (f, "void.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) scanned = NULL;

  g_assert_true (ledger_void (f->book, "2026-000002", "收错户号", &error));
  g_assert_true (export_receipt (f->book, "2026-000002", pdf, &payload, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (payload, "状态：已作废\n"));
  g_assert_false (export_receipt (f->book, "2026-000099", pdf, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);

  scanned = scan_pdf (f->dir, pdf);
  if (scanned == NULL)
    return;
  assert_same_bytes (scanned, payload);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "本收据已作废"));
  g_assert_nonnull (strstr (text, "收错户号"));
}

/* Draws every page of @pages into a new PDF at @path, the way the print
 * preview and a print job draw them (export_receipt_pages_draw()). */
static void
draw_receipt_pages_to_pdf (const ExportReceiptPages *pages,
                           const char               *path)
{
  double width = 0, height = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  export_receipt_pages_get_size (pages, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  for (int page = 1; page <= export_receipt_pages_get_n_pages (pages); page++)
    {
      export_receipt_pages_draw (pages, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* How many pages pdftotext found (it ends each with a form feed). */
static guint
count_pages (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\f';
  return n;
}

/* The preview and the printer draw a receipt through
 * export_receipt_pages_draw(): a PDF drawn through it has the same text,
 * the same single page and the same paper (A5) as export_receipt()'s, for
 * a valid receipt and a voided one. */
static void
test_receipt_pages_match_pdf (Fixture       *f,
                              gconstpointer  data)
{
  const char *numbers[] = { "2026-000001", "2026-000002" };
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_void (f->book, "2026-000002", "收错户号", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *exported = book_fixture_file (f, "exported.pdf");
      g_autofree char *drawn = book_fixture_file (f, "drawn.pdf");
      g_autoptr(ExportReceiptPages) pages = export_receipt_pages_new (f->book, numbers[i], &error);
      g_autofree char *exported_text = NULL, *drawn_text = NULL;
      double width = 0, height = 0;

      g_assert_no_error (error);
      g_assert_nonnull (pages);
      g_assert_cmpstr (export_receipt_pages_get_number (pages), ==, numbers[i]);
      g_assert_cmpint (export_receipt_pages_get_n_pages (pages), ==, 1);
      export_receipt_pages_get_size (pages, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, EXPORT_A5_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (height, EXPORT_A5_HEIGHT, 0.01);
      g_assert_true (export_receipt (f->book, numbers[i], exported, NULL, &error));
      g_assert_no_error (error);
      draw_receipt_pages_to_pdf (pages, drawn);

      exported_text = pdf_text (exported);
      if (exported_text == NULL)
        return;
      drawn_text = pdf_text (drawn);
      g_assert_cmpstr (drawn_text, ==, exported_text);
      g_assert_cmpuint (count_pages (exported_text), ==, 1);
      g_assert_nonnull (strstr (drawn_text, numbers[i]));
      g_assert_true ((strstr (drawn_text, "本收据已作废") != NULL) == (i == 1));
    }
  g_assert_null (export_receipt_pages_new (f->book, "2026-000099", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

/* The committee's money on the notice (issue 16): the fixture's quarter
 * and, on top of it, a cash deposit with a bank charge, interest, rent
 * paid by an owner and a refund. Worked out by hand:
 *
 *   billed 2026: property 360.00 × 4, parking 120.00 × 2      = 1,680.00
 *   paid: 1-1-101 480 WeChat (360 property, 120 credit); 1-1-102 360 cash
 *   (property) and 5,000 bank (120 parking, 4,880 credit); 2-1-101 500
 *   bank (360 property, 140 credit); 2-1-102 nothing: arrears 480.00
 *   income     property 1,080, parking 120, prepaid 5,140 (before the
 *              refund), interest 12.34, rent 600             = 6,952.34
 *   refunds    1-1-102, from the bank                          =   100.00
 *   expenses   1,250.50 + 300 + 88, bank charge 2.00           = 1,640.50
 *   closing    0 + 6,952.34 − 100 − 1,640.50                   = 5,211.84
 *   accounts   cash 360 − 200 − 2 = 158.00; WeChat 480.00; Alipay 0;
 *              bank 500 + 5,000 − 1,638.50 + 200 + 12.34 + 600 − 100
 *                                                              = 4,573.84
 *   credit     5,140 − 100                                     = 5,040.00
 *   funds      5,211.84 + 480 − 5,040                          =   651.84
 *              public 600 (rent); operating 1,680 − 1,638.50 + 12.34 − 2
 *                                                              =    51.84
 */
static void
add_money_moves (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *voucher = NULL;

  g_assert_true (ledger_transfer (f->book, 20000, "cash", "bank", 200, "2026-02-15", "现金存入银行",
                                  &voucher, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (voucher, ==, "Z2026-0001");
  g_assert_true (ledger_income_record (f->book, 1234, LEDGER_INCOME_INTEREST, "bank", NULL, NULL,
                                       "2026-03-21", "第一季度结息", NULL, &error));
  g_assert_true (ledger_income_record (f->book, 60000, LEDGER_INCOME_RENT, "bank", NULL, "李娜",
                                       "2026-03-25", "车库出租给王伟", NULL, &error));
  g_assert_true (ledger_refund (f->book, "1-1-102", 10000, "bank", "多缴退还", "2026-03-28", NULL, &error));
  g_assert_no_error (error);
}

static void
test_notice_money (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *code, *name; gint64 amount; } accounts[] = {
    { "cash", "现金", 15800 }, { "bank", "银行存款", 457384 }, { "wechat", "微信", 48000 },
    { "alipay", "支付宝", 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerNoticeData) notice = NULL;
  LedgerPeriod q1 = period ("2026-Q1");
  const LedgerNoticeIncome *rent;
  const LedgerNoticeRefund *refund;
  const LedgerNoticeTransfer *transfer;
  g_autofree char *payload = NULL;
  gint64 prepaid = 0;

  add_money_moves (f);
  notice = ledger_notice_gather (f->book, &q1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (notice->report->opening, ==, 0);
  g_assert_cmpint (notice->report->income_total, ==, 695234);
  g_assert_cmpint (notice->refund_total, ==, 10000);
  g_assert_cmpint (notice->report->expenditure_total, ==, 164050);
  g_assert_cmpint (notice->report->closing, ==, 521184);
  for (guint i = 0; i < notice->report->income->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (notice->report->income, i);

      if (g_strcmp0 (line->code, "prepaid") == 0)
        prepaid = line->amount;
    }
  g_assert_cmpint (prepaid, ==, 514000);

  g_assert_cmpuint (notice->accounts->len, ==, G_N_ELEMENTS (accounts));
  for (gsize i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (notice->accounts, i);

      g_assert_cmpstr (line->code, ==, accounts[i].code);
      g_assert_cmpstr (line->name, ==, accounts[i].name);
      g_assert_cmpint (line->amount, ==, accounts[i].amount);
    }
  g_assert_cmpint (notice->accounts_total, ==, 521184);
  g_assert_cmpint (notice->arrears, ==, 48000);
  g_assert_cmpint (notice->owners_credit, ==, 504000);
  g_assert_cmpint (notice->funds[LEDGER_FUND_OPERATING], ==, 5184);
  g_assert_cmpint (notice->funds[LEDGER_FUND_MAINTENANCE], ==, 0);
  g_assert_cmpint (notice->funds[LEDGER_FUND_PUBLIC], ==, 60000);
  g_assert_cmpint (notice->funds_total, ==, 65184);

  /* Other income and the refund on lines of their own; an owner who pays
   * rent is masked, in the payer and in the memo. */
  g_assert_cmpuint (notice->incomes->len, ==, 2);
  rent = g_ptr_array_index (notice->incomes, 1);
  g_assert_cmpstr (rent->voucher, ==, "S2026-0002");
  g_assert_cmpstr (rent->category, ==, "rent");
  g_assert_cmpstr (rent->fund, ==, "public");
  g_assert_cmpstr (rent->payer, ==, "李*");
  g_assert_cmpstr (rent->memo, ==, "车库出租给王*");
  g_assert_cmpint (rent->amount, ==, 60000);
  g_assert_cmpuint (notice->refunds->len, ==, 1);
  refund = g_ptr_array_index (notice->refunds, 0);
  g_assert_cmpstr (refund->voucher, ==, "F2026-0001");
  g_assert_cmpstr (refund->account, ==, "bank");
  g_assert_cmpint (refund->amount, ==, 10000);
  g_assert_cmpuint (notice->transfers->len, ==, 1);
  transfer = g_ptr_array_index (notice->transfers, 0);
  g_assert_cmpstr (transfer->from, ==, "cash");
  g_assert_cmpstr (transfer->to, ==, "bank");
  g_assert_cmpint (transfer->amount, ==, 20000);
  g_assert_cmpint (transfer->fee, ==, 200);

  payload = export_notice_qr_payload (notice);
  g_assert_nonnull (strstr (payload, "本期退款：¥100.00\n"));
  g_assert_nonnull (strstr (payload, "期末基金：日常经费¥51.84，维修资金¥0.00，公共收益¥600.00\n"));
  g_assert_nonnull (strstr (payload, "期末欠费：¥480.00\n"));
}

/* A daily cache edited behind the program's back so that what owners owe
 * no longer ties the funds to the accounts: the notice is refused (verify
 * exit 3), and nothing is written. */
static void
test_notice_refuses_what_does_not_tie_out (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod q1 = period ("2026-Q1");
  LedgerNoticeData *notice;
  gint64 before;

  add_money_moves (f);
  g_assert_true (ledger_book_exec (f->book, "UPDATE account_days SET amount = amount + 100"
                                            " WHERE account = 'receivable' AND date = '2026-01-01'", &error));
  g_assert_no_error (error);
  before = book_journal_count (f->book);
  notice = ledger_notice_gather (f->book, &q1, &error);
  g_assert_null (notice);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "run verify"));
  g_assert_nonnull (strstr (error->message, "2026-Q1"));
  g_assert_cmpint (book_journal_count (f->book), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice/period-names", test_period_names);
  g_test_add_func ("/notice/scrub", test_scrub);
  g_test_add_func ("/notice/qr-svg", test_qr_svg);
  g_test_add ("/notice/qr-round-trip", Fixture, NULL, fixture_set_up, test_notice_qr_round_trip, fixture_tear_down);
  g_test_add ("/notice/records-publication", Fixture, NULL, fixture_set_up, test_notice_records_publication, fixture_tear_down);
  g_test_add ("/notice/privacy-and-content", Fixture, NULL, fixture_set_up, test_notice_privacy_and_content, fixture_tear_down);
  g_test_add ("/notice/many-pages", Fixture, NULL, fixture_set_up, test_notice_many_pages, fixture_tear_down);
  g_test_add ("/notice/late-expenditure", Fixture, NULL, fixture_set_up, test_notice_late_expenditure, fixture_tear_down);
  g_test_add ("/notice/failure-leaves-nothing", Fixture, NULL, fixture_set_up, test_notice_failure_leaves_nothing, fixture_tear_down);
  g_test_add ("/notice/stale-data-refused", Fixture, NULL, fixture_set_up, test_notice_stale_data_refused, fixture_tear_down);
  g_test_add ("/notice/settings", Fixture, NULL, fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/notice/money", Fixture, NULL, fixture_set_up, test_notice_money, fixture_tear_down);
  g_test_add ("/notice/money-ties-out", Fixture, NULL, fixture_set_up,
              test_notice_refuses_what_does_not_tie_out, fixture_tear_down);
  g_test_add ("/receipt/proof", Fixture, NULL, fixture_set_up, test_receipt_proof, fixture_tear_down);
  g_test_add ("/receipt/void", Fixture, NULL, fixture_set_up, test_receipt_void, fixture_tear_down);
  g_test_add ("/receipt/pages-match-pdf", Fixture, NULL, fixture_set_up, test_receipt_pages_match_pdf,
              fixture_tear_down);
  return g_test_run ();
}

/* test-ledger.c — the book: schema, journal, billing, payments, voids,
 * waivers, expenditures, reports and backups, checked against figures
 * computed by hand. Every test runs on a fresh book in a temporary folder. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "book-fixture.h"
#include "ledger-file-names-private.h"
#include "ledger-journal-private.h"
#include "ledger.h"
#include "ledger-book-private.h"

/* An automatic backup into the place @book's settings name, as the
 * application's callers make it. */
static gboolean
backup_by_settings (LedgerBook  *book,
                    const char  *reason,
                    char       **out_path,
                    GError     **error)
{
  g_autoptr(LedgerBackupPlace) place = ledger_settings_get_backup_place (book);

  return ledger_backup_automatic (book, place, reason, out_path, error);
}

typedef BookFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  book_fixture_init (f, "测试小区", NULL);
  ledger_book_set_clock (f->book, "2026-03-01");
  /* These tests record the months after their clock's day at once: the
   * book allows entries that far ahead (issue 13: none by default). */
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_DAYS_AHEAD, "366", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

/* ------------------------------------------------------------------ */
/* Helpers */

static gint64
query_int (LedgerBook *book,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (book), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The invariant behind everything: each journal transaction balances. */
static void
assert_journal_balances (LedgerBook *book)
{
  g_assert_cmpint (query_int (book, "SELECT count (*) FROM (SELECT txn_id FROM splits"
                                    " GROUP BY txn_id HAVING sum (amount) <> 0)"), ==, 0);
  g_assert_cmpint (query_int (book, "SELECT coalesce (sum (amount), 0) FROM splits"), ==, 0);
  /* Journal ids are positions: 1..n without gaps. */
  g_assert_cmpint (query_int (book, "SELECT count (*) FROM txns"), ==,
                   query_int (book, "SELECT coalesce (max (id), 0) FROM txns"));
}

/* A payment by WeChat Pay; returns the receipt's number (free it). */
static char *
pay (LedgerBook *book,
     const char *unit,
     gint64      amount,
     const char *date)
{
  char *number = book_pay (book, unit, amount, LEDGER_METHOD_WECHAT, date);

  assert_journal_balances (book);
  return number;
}

static void
bill (LedgerBook *book,
      int         year,
      guint       expect_charges,
      gint64      expect_amount)
{
  LedgerBillSummary summary = book_bill_year (book, year);

  g_assert_cmpuint (summary.charges, ==, expect_charges);
  g_assert_cmpint (summary.amount, ==, expect_amount);
  assert_journal_balances (book);
}

/* ------------------------------------------------------------------ */
/* The book file */

static void
test_book_identity (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) again = NULL;
  g_autofree char *name = ledger_book_dup_name (f->book);
  g_autofree char *text_file = g_build_filename (f->dir, "notes.txt", NULL);

  g_assert_cmpstr (name, ==, "测试小区");
  g_assert_cmpint (query_int (f->book, "PRAGMA application_id"), ==, LEDGER_APPLICATION_ID);
  g_assert_cmpint (query_int (f->book, "PRAGMA user_version"), ==, LEDGER_SCHEMA_VERSION);
  g_assert_cmpint (query_int (f->book, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (f->book, "PRAGMA synchronous"), ==, 3); /* EXTRA */

  /* A second create on the same path is refused. */
  again = ledger_community_create (f->path, "x", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A file that is not a database at all. */
  g_file_set_contents (text_file, "hello, this is not a book\n", -1, NULL);
  again = ledger_community_open (text_file, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE);
}

static void
test_book_foreign_database (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = NULL;
  sqlite3 *db = NULL;

  sqlite3_open (other, &db);
  sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA application_id = 42;", NULL, NULL, NULL);
  sqlite3_close (db);
  book = ledger_community_open (other, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_null (book);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE);
  g_assert_nonnull (strstr (error->message, "not a Community Ledger book"));
}

static void
test_book_newer_version (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = NULL;

  g_assert_true (ledger_book_exec (f->book, "PRAGMA user_version = 99", NULL));
  g_clear_object (&f->book);
  book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_null (book);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

static void
test_book_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nope.clbook", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = ledger_community_open (missing, LEDGER_BOOK_OPEN_DEFAULT, &error);

  g_assert_null (book);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* The journal */

static void
test_journal_append_only (Fixture       *f,
                          gconstpointer  data)
{
  sqlite3 *db = ledger_book_get_db (f->book);
  char *message = NULL;
  gint64 before;

  book_add_household (f->book, "1-1-101", "王伟", 8950, 1);
  bill (f->book, 2026, 2, 48000);
  before = query_int (f->book, "SELECT count (*) FROM splits");

  static const char *tampering[] = {
    "UPDATE txns SET memo = 'x' WHERE id = 1",
    "DELETE FROM txns WHERE id = 1",
    "UPDATE splits SET amount = amount + 1",
    "DELETE FROM splits",
    "UPDATE charges SET amount = 1",
    "DELETE FROM fees",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_assert_cmpint (sqlite3_exec (db, tampering[i], NULL, NULL, &message), !=, SQLITE_OK);
      g_assert_nonnull (strstr (message, "append-only"));
      sqlite3_free (message);
    }
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM splits"), ==, before);
  assert_journal_balances (f->book);
}

static gboolean
post_then_fail_cb (LedgerBook *book,
                   gpointer    user_data,
                   GError    **error)
{
  g_autoptr(LedgerPosting) posting = ledger_posting_new ("test", "2026-01-01");

  /* Money in (no money account may go below zero, so none is credited). */
  ledger_posting_add (posting, "cash", 0, 100);
  ledger_posting_add (posting, "prepaid", 0, -100);
  g_assert_true (ledger_posting_commit (posting, book, NULL, NULL));
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, "changed my mind");
  return FALSE;
}

static gboolean
post_unbalanced_cb (LedgerBook *book,
                    gpointer    user_data,
                    GError    **error)
{
  g_autoptr(LedgerPosting) posting = ledger_posting_new ("test", "2026-01-01");

  ledger_posting_add (posting, "cash", 0, 100);
  ledger_posting_add (posting, "bank", 0, -99);
  return ledger_posting_commit (posting, book, NULL, error);
}

static void
test_journal_rollback (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 count = ledger_journal_count (f->book, NULL);

  g_clear_object (&f->book);
  before = book_fixture_bytes (f);
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_false (ledger_book_write (f->book, post_then_fail_cb, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ledger_book_write (f->book, post_unbalanced_cb, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, count);

  g_clear_object (&f->book);
  after = book_fixture_bytes (f);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_journal_operator_and_time (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt = NULL;

  ledger_book_set_operator (f->book, "李会计");
  book_add_household (f->book, "1-1-101", "王伟", 8950, 0);
  bill (f->book, 2026, 1, 36000);
  number = pay (f->book, "1-1-101", 36000, "2026-02-10");

  sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                      "SELECT operator, recorded_at, date, ref FROM txns ORDER BY id DESC LIMIT 1",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "李会计");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "2026-03-01T09:00:00+08:00");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "2026-02-10");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, number);
  sqlite3_finalize (stmt);
}

/* ------------------------------------------------------------------ */
/* Households and fees */

static void
test_household_register (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LedgerHousehold) dup = ledger_household_new ();
  g_autoptr(LedgerHousehold) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  book_add_household (f->book, "3号楼2单元301室", "张三", 12345, 2);
  book_add_household (f->book, "1-1-101", "王伟", 8950, 0);

  found = ledger_household_lookup (f->book, "３-２-３０１", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->unit, ==, "3-2-301");
  g_assert_cmpstr (found->owner, ==, "张三");
  g_assert_cmpstr (found->owner_key, ==, "3-2-301");
  g_assert_cmpint (found->area, ==, 12345);
  g_assert_cmpint (found->spaces, ==, 2);

  list = ledger_household_list (f->book, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((LedgerHousehold *) list->pdata[0])->unit, ==, "1-1-101");

  dup->unit = g_strdup ("3-2-301");
  dup->owner = g_strdup ("李四");
  g_assert_false (ledger_household_add (f->book, dup, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_pointer (&found, ledger_household_free);
  found = ledger_household_lookup (f->book, "9-9-909", &error);
  g_assert_null (found);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

static void
test_household_validation (Fixture       *f,
                           gconstpointer  data)
{
  static const struct { const char *unit, *owner, *phone, *field; } bad[] = {
    { "3-2", "张三", "", "unit" },
    { "3-2-301-1", "张三", "", "unit" },
    { "0-1-101", "张三", "", "unit" },
    { "3-2-301", "", "", "owner" },
    { "3-2-301", "   ", "", "owner" },
    { "3-2-301", "张\t三", "", "owner" },
    { "3-2-301", "张三", "138-abc", "phone" },
    { "3-2-301", "张三", "123", "phone" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LedgerHousehold) h = ledger_household_new ();
      g_autoptr(GError) error = NULL;

      h->unit = g_strdup (bad[i].unit);
      h->owner = g_strdup (bad[i].owner);
      g_free (h->phone);
      h->phone = g_strdup (bad[i].phone);
      g_assert_false (ledger_household_add (f->book, h, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, bad[i].field));
      g_assert_null (strchr (error->message, '\n'));
    }
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM households"), ==, 0);
}

static void
test_household_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LedgerHousehold) h = NULL;
  g_autoptr(LedgerHousehold) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 txns;

  book_add_household (f->book, "1-1-101", "王伟", 8950, 0);
  txns = ledger_journal_count (f->book, NULL);
  h = ledger_household_lookup (f->book, "1-1-101", &error);
  g_free (h->owner);
  h->owner = g_strdup ("王芳");
  h->spaces = 1;
  g_assert_true (ledger_household_update (f->book, h, &error));
  g_assert_no_error (error);
  again = ledger_household_lookup (f->book, "1-1-101", &error);
  g_assert_cmpstr (again->owner, ==, "王芳");
  g_assert_cmpint (again->spaces, ==, 1);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, txns + 1);
}

static void
test_fee_versions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) y2026 = NULL;
  g_autoptr(GPtrArray) y2027 = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  LedgerFeeBasis per_household = LEDGER_BASIS_HOUSEHOLD;

  y2026 = ledger_fee_list_for_year (f->book, 2026, &error);
  g_assert_cmpuint (y2026->len, ==, 2);
  g_assert_cmpstr (((LedgerFee *) y2026->pdata[0])->code, ==, "property");
  g_assert_cmpint (((LedgerFee *) y2026->pdata[0])->amount, ==, 36000);
  g_assert_cmpint (((LedgerFee *) y2026->pdata[0])->basis, ==, LEDGER_BASIS_HOUSEHOLD);
  g_assert_cmpstr (((LedgerFee *) y2026->pdata[1])->code, ==, "parking");
  g_assert_cmpint (((LedgerFee *) y2026->pdata[1])->amount, ==, 12000);
  g_assert_cmpint (((LedgerFee *) y2026->pdata[1])->basis, ==, LEDGER_BASIS_SPACE);

  /* A raise from 2027 leaves 2026 alone. */
  g_assert_true (ledger_fee_set (f->book, "property", NULL, 42000, NULL, "2027-01-01", &error));
  g_clear_pointer (&y2026, g_ptr_array_unref);
  y2026 = ledger_fee_list_for_year (f->book, 2026, &error);
  g_assert_cmpint (((LedgerFee *) y2026->pdata[0])->amount, ==, 36000);
  y2027 = ledger_fee_list_for_year (f->book, 2027, &error);
  g_assert_cmpint (((LedgerFee *) y2027->pdata[0])->amount, ==, 42000);
  g_assert_cmpstr (((LedgerFee *) y2027->pdata[0])->name, ==, "物业费");

  /* A new item introduced mid-year is billed that year. */
  g_assert_true (ledger_fee_set (f->book, "garbage", "垃圾清运费", 6000, &per_household, "2027-07-01", &error));
  g_clear_pointer (&y2027, g_ptr_array_unref);
  y2027 = ledger_fee_list_for_year (f->book, 2027, &error);
  g_assert_cmpuint (y2027->len, ==, 3);

  versions = ledger_fee_list_versions (f->book, &error);
  g_assert_cmpuint (versions->len, ==, 4);

  g_assert_false (ledger_fee_set (f->book, "Bad Code", NULL, 100, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
}

/* ------------------------------------------------------------------ */
/* Billing, payments, voids, waivers */

/* Three households: A no parking, B two spaces, C moves in in 2027. */
static void
add_three (LedgerBook *book)
{
  book_add_household_full (book, "1-1-101", "王伟", 8950, 0, NULL, "2010-05-01");
  book_add_household (book, "1-1-102", "李娜", 12000, 2);
  book_add_household_full (book, "2-1-101", "张敏", 7000, 1, NULL, "2027-05-01");
}

static void
test_bill_idempotent (Fixture       *f,
                      gconstpointer  data)
{
  add_three (f->book);
  /* A 360 + B 360 + B 2 × 120; C has not moved in. */
  bill (f->book, 2026, 3, 96000);
  bill (f->book, 2026, 0, 0);
  /* 2027: C too (360 + 120). */
  bill (f->book, 2027, 5, 144000);
  bill (f->book, 2027, 0, 0);
  book_add_household (f->book, "2-1-102", "刘洋", 6000, 0);
  bill (f->book, 2027, 1, 36000);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM charges"), ==, 9);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM txns WHERE kind = 'charge'"), ==, 9);
  /* Receivable equals everything billed. */
  g_assert_cmpint (query_int (f->book, "SELECT sum (amount) FROM splits WHERE account = 'receivable'"),
                   ==, 96000 + 144000 + 36000);
}

static void
test_pay_oldest_first_and_credit (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL;
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LedgerBillSummary summary;

  add_three (f->book);
  bill (f->book, 2025, 3, 96000); /* A: 360; B: 360 + 240 */
  bill (f->book, 2026, 3, 96000);
  book_assert_balance (f->book, "1-1-102", 120000, 0);

  /* 500: 2025 property 360, then 140 of 2025 parking. */
  r1 = pay (f->book, "1-1-102", 50000, "2026-01-15");
  g_assert_cmpstr (r1, ==, "2026-000001");
  receipt = ledger_receipt_lookup (f->book, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipt->lines->len, ==, 2);
  g_assert_cmpstr (g_array_index (receipt->lines, LedgerReceiptLine, 0).fee_code, ==, "property");
  g_assert_cmpint (g_array_index (receipt->lines, LedgerReceiptLine, 0).year, ==, 2025);
  g_assert_cmpint (g_array_index (receipt->lines, LedgerReceiptLine, 0).amount, ==, 36000);
  g_assert_cmpstr (g_array_index (receipt->lines, LedgerReceiptLine, 1).fee_code, ==, "parking");
  g_assert_cmpint (g_array_index (receipt->lines, LedgerReceiptLine, 1).amount, ==, 14000);
  g_assert_cmpint (receipt->to_credit, ==, 0);
  book_assert_balance (f->book, "1-1-102", 70000, 0);

  /* 1000: the remaining 100 + 360 + 240 = 700, and 300 prepaid. */
  r2 = pay (f->book, "1-1-102", 100000, "2026-02-01");
  g_assert_cmpstr (r2, ==, "2026-000002");
  book_assert_balance (f->book, "1-1-102", 0, 30000);

  /* A payment dated in 2025 starts 2025's own sequence. */
  r3 = pay (f->book, "1-1-101", 10000, "2025-12-31");
  g_assert_cmpstr (r3, ==, "2025-000001");
  r4 = pay (f->book, "1-1-101", 26000, "2026-02-02");
  g_assert_cmpstr (r4, ==, "2026-000003");
  book_assert_balance (f->book, "1-1-101", 36000, 0); /* 2025 settled, 2026 open */

  /* Billing 2027 settles B's property from its 300 credit at once. */
  g_assert_true (ledger_bill_year (f->book, 2027, &summary, &error));
  g_assert_cmpint (summary.credited, ==, 30000);
  book_assert_balance (f->book, "1-1-102", 36000 + 24000 - 30000, 0);
  assert_journal_balances (f->book);

  /* Now r2's credit is used: it cannot be voided any more. */
  g_assert_false (ledger_void (f->book, r2, "错账", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
}

static void
test_void_and_receipt_numbers (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *r1 = NULL, *r2 = NULL;
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journal;

  add_three (f->book);
  bill (f->book, 2026, 3, 96000);
  r1 = pay (f->book, "1-1-101", 36000, "2026-01-10");
  book_assert_balance (f->book, "1-1-101", 0, 0);

  journal = ledger_journal_count (f->book, NULL);
  g_assert_true (ledger_void (f->book, r1, "收错户号", &error));
  g_assert_no_error (error);
  assert_journal_balances (f->book);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, journal + 1);
  g_assert_cmpint (query_int (f->book, "SELECT reverses FROM txns ORDER BY id DESC LIMIT 1"), ==,
                   query_int (f->book, "SELECT txn_id FROM receipts WHERE number = '2026-000001'"));
  book_assert_balance (f->book, "1-1-101", 36000, 0);

  receipt = ledger_receipt_lookup (f->book, r1, &error);
  g_assert_true (receipt->voided);
  g_assert_cmpstr (receipt->void_reason, ==, "收错户号");

  g_assert_false (ledger_void (f->book, r1, "again", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (ledger_void (f->book, "2026-000099", "x", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ledger_void (f->book, "2026-1", "x", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The voided number stays used: the next one is 2. */
  r2 = pay (f->book, "1-1-101", 36000, "2026-01-11");
  g_assert_cmpstr (r2, ==, "2026-000002");
  book_assert_balance (f->book, "1-1-101", 0, 0);
}

static void
test_pay_refuses_bad_input (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  add_three (f->book);
  bill (f->book, 2026, 3, 96000);
  g_clear_object (&f->book);
  before = book_fixture_bytes (f);
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);

  g_assert_false (ledger_pay (f->book, "9-9-999", 100, LEDGER_METHOD_CASH, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ledger_pay (f->book, "1-1-101", 0, LEDGER_METHOD_CASH, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ledger_pay (f->book, "1-1-101", 100, LEDGER_METHOD_CASH, "2026-02-30", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "--date"));
  g_clear_error (&error);

  g_clear_object (&f->book);
  after = book_fixture_bytes (f);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_waiver (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 part = 10000, too_much = 99999, waived = 0;
  LedgerCollection c;

  add_three (f->book);
  bill (f->book, 2026, 3, 96000);

  g_assert_true (ledger_waive (f->book, "1-1-102", "parking", 2026, &part, "低保户减免", &waived, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waived, ==, 10000);
  book_assert_balance (f->book, "1-1-102", 36000 + 14000, 0);
  assert_journal_balances (f->book);

  g_assert_false (ledger_waive (f->book, "1-1-102", "parking", 2026, &too_much, "x", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ledger_waive (f->book, "1-1-102", "parking", 2026, NULL, "", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ledger_waive (f->book, "1-1-102", "parking", 2025, NULL, "x", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The rest of it, with no amount: everything still owed. */
  g_assert_true (ledger_waive (f->book, "1-1-102", "parking", 2026, NULL, "孤寡老人减免", &waived, &error));
  g_assert_cmpint (waived, ==, 14000);
  g_assert_false (ledger_waive (f->book, "1-1-102", "parking", 2026, NULL, "x", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);

  g_assert_true (ledger_report_collection (f->book, 2026, &c, NULL));
  g_assert_cmpint (c.billed, ==, 96000);
  g_assert_cmpint (c.waived, ==, 24000);
  g_assert_cmpint (c.due, ==, 72000);
  g_assert_cmpint (c.paid, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Expenditures */

static void
test_spend_with_attachment (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *scan = g_build_filename (f->dir, "发票.jpg", NULL);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "invoice scan", -1);
  g_autofree char *files_dir = ledger_book_dup_files_dir (f->book);
  g_autofree char *stored = NULL;
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *attach[] = { scan, NULL };
  LedgerExpenditure *got;
  LedgerAttachment *a;

  g_file_set_contents (scan, "invoice scan", -1, NULL);
  e->amount = 125050;
  g_free (e->payee);
  e->payee = g_strdup ("张师傅水电维修部");
  g_free (e->category);
  e->category = g_strdup ("维修");
  g_free (e->invoice);
  e->invoice = g_strdup ("FP2026030101");
  g_strlcpy (e->date, "2026-03-01", sizeof e->date);
  e->method = LEDGER_METHOD_BANK;
  /* The bank holds 2,000 by then: no money account goes below zero. */
  book_add_household_full (f->book, "1-1-101", "王伟", 8950, 0, NULL, "2010-05-01");
  g_assert_true (ledger_pay (f->book, "1-1-101", 200000, LEDGER_METHOD_BANK, "2026-01-05", NULL, &error));
  g_assert_true (ledger_expenditure_record (f->book, e, attach, &error));
  g_assert_no_error (error);
  assert_journal_balances (f->book);

  list = ledger_expenditure_list (f->book, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  got = list->pdata[0];
  g_assert_cmpstr (got->category, ==, "repair");
  g_assert_cmpint (got->amount, ==, 125050);
  g_assert_cmpuint (got->attachments->len, ==, 1);
  a = got->attachments->pdata[0];
  g_assert_cmpstr (a->sha256, ==, expected);
  g_assert_cmpstr (a->original_name, ==, "发票.jpg");
  stored = g_build_filename (files_dir, a->stored_name, NULL);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (f->book, "SELECT sum (amount) FROM splits WHERE account = 'bank'"), ==, 200000 - 125050);
}

static void
test_spend_refuses_bad_input (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *files_dir = ledger_book_dup_files_dir (f->book);
  const char *missing[] = { "/nonexistent/scan.jpg", NULL };
  static const struct { const char *payee, *category, *date; gint64 amount; const char *field; } bad[] = {
    { "", "repair", "", 100, "--payee" },
    { "x", "party", "", 100, "--category" },
    { "x", "repair", "2026-13-01", 100, "--date" },
    { "x", "repair", "", 0, "amount" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
      g_autoptr(GError) error = NULL;

      e->amount = bad[i].amount;
      g_free (e->payee);
      e->payee = g_strdup (bad[i].payee);
      g_free (e->category);
      e->category = g_strdup (bad[i].category);
      g_strlcpy (e->date, bad[i].date, sizeof e->date);
      g_assert_false (ledger_expenditure_record (f->book, e, missing, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, bad[i].field));
    }
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM expenditures"), ==, 0);
  g_assert_false (g_file_test (files_dir, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* Reports against hand-computed figures */

static void
test_reports (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIncomeReport) q1 = NULL;
  g_autoptr(LedgerIncomeReport) year = NULL;
  g_autoptr(LedgerArrearsReport) arrears = NULL;
  g_autoptr(GPtrArray) balance = NULL;
  g_autofree char *r_void = NULL;
  g_autofree char *rate = NULL;
  LedgerPeriod period;
  LedgerCollection c;

  add_three (f->book);
  bill (f->book, 2025, 3, 96000);
  bill (f->book, 2026, 3, 96000);
  g_free (pay (f->book, "1-1-101", 36000, "2025-06-01"));   /* 2025 property */
  g_free (pay (f->book, "1-1-102", 50000, "2026-01-15"));   /* 2025: 360 + 140 */
  g_free (pay (f->book, "1-1-102", 100000, "2026-04-01"));  /* 100 + 360 + 240, 300 credit */
  r_void = pay (f->book, "1-1-101", 36000, "2026-02-01");
  g_assert_true (ledger_void (f->book, r_void, "重复收款", NULL)); /* dated 2026-03-01 */
  /* Paid from WeChat, which received every payment: no money account
   * goes below zero on any day (WeChat's lowest is 160 on 2025-12-01). */
  book_record_expenditure (f->book, 20000, LEDGER_METHOD_WECHAT, "2025-12-01", "某公司", "cleaning", NULL);
  book_record_expenditure (f->book, 15000, LEDGER_METHOD_WECHAT, "2026-02-01", "某公司", "cleaning", NULL);
  book_record_expenditure (f->book, 8000, LEDGER_METHOD_WECHAT, "2026-03-15", "某公司", "lighting", NULL);
  book_record_expenditure (f->book, 5000, LEDGER_METHOD_WECHAT, "2026-05-01", "某公司", "repair", NULL);

  /* 2026-Q1: opening = 360 − 200 = 160. In: 500 (2025 items) + 360 − 360 (the
   * void, same quarter) = 500. Out: 150 + 80. Closing 160 + 500 − 230 = 430. */
  g_assert_true (ledger_period_parse ("2026-Q1", "period", &period, NULL));
  q1 = ledger_report_income (f->book, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpint (q1->opening, ==, 16000);
  g_assert_cmpint (q1->income_total, ==, 50000);
  g_assert_cmpint (q1->expenditure_total, ==, 23000);
  g_assert_cmpint (q1->closing, ==, 43000);
  g_assert_cmpuint (q1->income->len, ==, 2);
  g_assert_cmpstr (((LedgerReportLine *) q1->income->pdata[0])->code, ==, "property");
  g_assert_cmpint (((LedgerReportLine *) q1->income->pdata[0])->amount, ==, 36000);
  g_assert_cmpstr (((LedgerReportLine *) q1->income->pdata[1])->code, ==, "parking");
  g_assert_cmpint (((LedgerReportLine *) q1->income->pdata[1])->amount, ==, 14000);

  /* The whole of 2026 adds April's 1,000 (100 + 240 parking, 360 property,
   * 300 prepaid) and May's repair. */
  g_assert_true (ledger_period_parse ("2026", "period", &period, NULL));
  year = ledger_report_income (f->book, &period, &error);
  g_assert_cmpint (year->income_total, ==, 150000);
  g_assert_cmpint (year->expenditure_total, ==, 28000);
  g_assert_cmpint (year->closing, ==, 16000 + 150000 - 28000);
  g_assert_cmpuint (year->income->len, ==, 3);
  g_assert_cmpint (((LedgerReportLine *) year->income->pdata[0])->amount, ==, 72000);
  g_assert_cmpint (((LedgerReportLine *) year->income->pdata[1])->amount, ==, 48000);
  g_assert_cmpstr (((LedgerReportLine *) year->income->pdata[2])->code, ==, "prepaid");
  g_assert_cmpint (((LedgerReportLine *) year->income->pdata[2])->amount, ==, 30000);
  g_assert_cmpuint (year->expenditures->len, ==, 3);

  /* Arrears: only A's 2026 property (its payment was voided). */
  arrears = ledger_report_arrears (f->book, 0, &error);
  g_assert_cmpuint (arrears->rows->len, ==, 1);
  g_assert_cmpstr (((LedgerArrear *) arrears->rows->pdata[0])->unit, ==, "1-1-101");
  g_assert_cmpint (arrears->total, ==, 36000);

  /* Collection 2026: billed 960, paid 600 (B in full) → 62.50%. */
  g_assert_true (ledger_report_collection (f->book, 2026, &c, &error));
  g_assert_cmpint (c.billed, ==, 96000);
  g_assert_cmpint (c.paid, ==, 60000);
  g_assert_cmpint (c.outstanding, ==, 36000);
  g_assert_cmpint (c.rate_bp, ==, 6250);
  g_assert_cmpuint (c.households, ==, 2);
  g_assert_cmpuint (c.households_paid, ==, 1);
  rate = ledger_rate_format (c.rate_bp);
  g_assert_cmpstr (rate, ==, "62.50%");

  /* Balances: wechat = 360 + 500 + 1000 + 360 − 360 − 200 − 150 − 80 − 50
   * = 1,380 (every payment and expenditure went through "wechat"). */
  balance = ledger_report_balance (f->book, NULL, &error);
  for (guint i = 0; i < balance->len; i++)
    {
      LedgerReportLine *line = balance->pdata[i];

      if (g_str_equal (line->code, "wechat"))
        g_assert_cmpint (line->amount, ==, 138000);
      else if (g_str_equal (line->code, "cash") || g_str_equal (line->code, "bank"))
        g_assert_cmpint (line->amount, ==, 0);
      else if (g_str_equal (line->code, "receivable"))
        g_assert_cmpint (line->amount, ==, 36000);
      else if (g_str_equal (line->code, "prepaid"))
        g_assert_cmpint (line->amount, ==, 30000);
      else if (g_str_equal (line->code, "income:property"))
        g_assert_cmpint (line->amount, ==, 36000 * 4);
    }
}

/* ------------------------------------------------------------------ */
/* Backups */

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.clbook", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.clbook", NULL);
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) restored = NULL;
  gint64 journal;

  add_three (f->book);
  bill (f->book, 2026, 3, 96000);
  journal = ledger_journal_count (f->book, NULL);
  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_no_error (error);

  g_free (pay (f->book, "1-1-101", 36000, "2026-01-10"));
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, journal + 1);
  g_clear_object (&f->book);

  g_assert_true (ledger_restore (f->path, copy, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, journal);
  book_assert_balance (f->book, "1-1-101", 36000, 0);

  /* Restoring into a path with no book creates it. */
  g_assert_true (ledger_restore (fresh, copy, NULL, &error));
  restored = ledger_community_open (fresh, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_journal_count (restored, NULL), ==, journal);

  /* A file that is not a book is refused and changes nothing. */
  g_file_set_contents (copy, "garbage", -1, NULL);
  g_assert_false (ledger_restore (f->path, copy, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE);
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, journal);
}

static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dir = ledger_backup_dir (f->path);
  g_autoptr(GDir) listing = NULL;
  guint count = 0;

  for (int i = 0; i < LEDGER_BACKUP_KEEP + 5; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (backup_by_settings (f->book, "test", NULL, &error));
      g_assert_no_error (error);
    }
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    count++;
  /* The newest ten are kept (the oldest of the month is kept too). */
  g_assert_cmpuint (count, >=, LEDGER_BACKUP_KEEP);
  g_assert_cmpuint (count, <=, LEDGER_BACKUP_KEEP + 1);
}

/* A half-made book is removed only while it is still the file created:
 * never one renamed or linked into its place meanwhile, never a book
 * that was opened rather than created (demo's clean-up, issue 13). */
static void
test_book_discard_created (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "half.clbook", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.clbook", NULL);
  g_autoptr(GError) error = NULL;
  /* 0: untouched, 1: a file renamed over it, 2: a symlink put in its place */
  for (int how = 0; how < 3; how++)
    {
      LedgerBook *book = ledger_community_create (path, "半成品", NULL, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (other, "someone else's book", -1, NULL));
      if (how == 1)
        g_assert_cmpint (g_rename (other, path), ==, 0);
      else if (how == 2)
        {
          g_assert_cmpint (g_unlink (path), ==, 0);
          g_assert_cmpint (symlink (other, path), ==, 0);
        }
      ledger_book_discard_created (book);
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, how != 0);
      if (how != 0)
        {
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "someone else's book");
        }
      g_unlink (path);
      g_unlink (other);
    }
  /* A book opened, not created, is only closed. */
  {
    LedgerBook *book = ledger_community_create (path, "已有", NULL, &error);

    g_assert_no_error (error);
    g_object_unref (book);
    book = ledger_community_open (path, LEDGER_BOOK_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    ledger_book_discard_created (book);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/book/identity", test_book_identity);
  ADD ("/book/foreign-database", test_book_foreign_database);
  ADD ("/book/newer-version", test_book_newer_version);
  ADD ("/book/missing", test_book_missing);
  ADD ("/book/discard-created", test_book_discard_created);
  ADD ("/journal/append-only", test_journal_append_only);
  ADD ("/journal/rollback", test_journal_rollback);
  ADD ("/journal/operator-and-time", test_journal_operator_and_time);
  ADD ("/household/register", test_household_register);
  ADD ("/household/validation", test_household_validation);
  ADD ("/household/edit", test_household_edit);
  ADD ("/fee/versions", test_fee_versions);
  ADD ("/bill/idempotent", test_bill_idempotent);
  ADD ("/pay/oldest-first-and-credit", test_pay_oldest_first_and_credit);
  ADD ("/pay/void-and-receipt-numbers", test_void_and_receipt_numbers);
  ADD ("/pay/refuses-bad-input", test_pay_refuses_bad_input);
  ADD ("/waive/partial-and-full", test_waiver);
  ADD ("/spend/attachment", test_spend_with_attachment);
  ADD ("/spend/refuses-bad-input", test_spend_refuses_bad_input);
  ADD ("/report/hand-computed", test_reports);
  ADD ("/backup/restore", test_backup_restore);
  ADD ("/backup/rotation", test_backup_rotation);

  return g_test_run ();
}

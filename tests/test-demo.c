/* test-demo.c — the demo community
 *
 * Populates fresh books (book-fixture.h) and checks what a treasurer
 * or an auditor would: the register, a balanced journal, a believable
 * collection rate, arrears, an income report that ties out, and that the
 * same options always give the same book. The journal is read with SQLite
 * directly, as an auditor's tool would.
 */
#define G_LOG_DOMAIN "test-demo"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <sqlite3.h>

#include "book-fixture.h"

static const LedgerDemoOptions standard = { 60, 3, 2026, 0 };

/* The book shared by the read-only tests (60 households, 2024–2026): made
 * once, read by several tests. */
static BookFixture shared;

static LedgerBook *
standard_book (void)
{
  if (shared.book == NULL)
    book_fixture_init (&shared, "演示小区", &standard);
  return shared.book;
}

/* Opens @book's file read-only, bypassing the ledger code. */
static sqlite3 *
open_raw (LedgerBook *book)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (ledger_book_get_path (book), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

/* The single integer @sql returns. */
static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Feeds every row of @sql into @checksum, columns separated by a unit
 * separator and rows by a record separator. */
static void
checksum_query (GChecksum  *checksum,
                sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          const guchar *text = sqlite3_column_text (stmt, col);

          g_checksum_update (checksum, text != NULL ? text : (const guchar *) "\\N", -1);
          g_checksum_update (checksum, (const guchar *) "\x1f", 1);
        }
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* SHA-256 over the journal: its transactions and their splits. */
static char *
journal_digest (LedgerBook *book)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = open_raw (book);

  checksum_query (checksum, db, "SELECT kind, date, recorded_at, ref, memo FROM txns ORDER BY id");
  checksum_query (checksum, db,
                  "SELECT txn_id, seq, account, household_id, amount FROM splits"
                  " ORDER BY txn_id, seq");
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---------------------------------------------------------------- tests */

/* The register: 60 units with plausible codes, owners, areas and parking;
 * some owners hold more than one flat. */
static void
test_demo_households (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ledger_household_list (standard_book (), &error);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint with_parking = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 60);
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (list, i);
      int room = 0;

      g_assert_true (ledger_unit_parse (h->unit, "unit", NULL, NULL, NULL, &room, NULL));
      g_assert_cmpint (room / 100, >=, 1);
      g_assert_cmpint (room / 100, <=, 6);
      g_assert_cmpint (room % 100, >=, 1);
      g_assert_cmpint (room % 100, <=, 2);
      g_assert_cmpint (h->area, >=, 5000);
      g_assert_cmpint (h->area, <=, 14000);
      g_assert_true (g_str_has_prefix (h->owner_key, "O-"));
      g_assert_cmpint (g_utf8_strlen (h->owner, -1), >=, 2);
      g_assert_true (*h->phone == '\0' || (strlen (h->phone) == 11 && h->phone[0] == '1'));
      with_parking += h->spaces > 0;
      g_hash_table_add (keys, h->owner_key);
    }
  g_assert_cmpuint (with_parking, >, 5);
  g_assert_cmpuint (with_parking, <, 40);
  g_assert_cmpuint (g_hash_table_size (keys), <, list->len);
}

/* Every journal transaction balances, each entry of the demo carries the
 * demo's operator and its own date, and the journal is in date order. */
static void
test_demo_journal (void)
{
  sqlite3 *db = open_raw (standard_book ());
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT txn_id FROM splits GROUP BY txn_id"
                                       " HAVING sum (amount) <> 0", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (query_int (db, "SELECT count (*) FROM txns WHERE operator = '演示出纳'"), >, 400);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM txns WHERE operator = '演示出纳'"
                                  " AND substr (recorded_at, 1, 10) <> date"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM txns a JOIN txns b ON b.id = a.id + 1"
                                  " WHERE a.operator = '演示出纳' AND b.recorded_at < a.recorded_at"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM txns WHERE kind = 'charge'"
                                  " AND substr (date, 6) <> '01-01'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (DISTINCT method) FROM receipts"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM txns WHERE operator = '演示出纳'"
                                  " AND date NOT BETWEEN '2024-01-01' AND '2026-12-31'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM waivers"), >=, 3);
  /* Payments are of exactly what was owed, or a year more: a payment that
   * leaves a little credit means the demo lost track of the book. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM splits s JOIN txns t ON t.id = s.txn_id"
                                  " WHERE t.kind = 'payment' AND s.account = 'prepaid'"
                                  " AND -s.amount < 36000"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM splits WHERE account = 'prepaid'"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM expenditures WHERE invoice NOT LIKE 'FP2%'"), ==, 0);
  sqlite3_close (db);
}

/* The operator is restored and the simulated clock stopped afterwards. */
static void
test_demo_restores_book (void)
{
  LedgerBook *book = standard_book ();
  char today[11];

  g_assert_cmpstr (ledger_book_get_operator (book), ==, "tester");
  ledger_book_today (book, today);
  g_assert_cmpstr (today, ==, "2027-02-01"); /* COMMUNITY_LEDGER_NOW, not the demo's clock */
}

/* 80–100% of 2026's fees are collected; some households are in arrears. */
static void
test_demo_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerArrearsReport) arrears = NULL;
  LedgerCollection collection;

  g_assert_true (ledger_report_collection (standard_book (), 2026, &collection, &error));
  g_assert_no_error (error);
  g_test_message ("2026: billed %" G_GINT64_FORMAT ", rate %d bp", collection.billed, collection.rate_bp);
  g_assert_cmpint (collection.billed, >=, 60 * 36000);
  g_assert_cmpint (collection.waived, >, 0);
  g_assert_cmpint (collection.rate_bp, >=, 8000);
  g_assert_cmpint (collection.rate_bp, <=, 10000);
  g_assert_cmpuint (collection.households_paid, <, collection.households);

  arrears = ledger_report_arrears (standard_book (), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arrears->rows->len, >, 0);
  g_assert_cmpint (arrears->total, >, 0);
}

/* 2025's income report ties out, spends in several categories, and the
 * committee spends most, not all, of what it collects. */
static void
test_demo_income (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIncomeReport) report = NULL;
  g_autoptr(GPtrArray) balances = NULL;
  LedgerPeriod period;

  g_assert_true (ledger_period_parse ("2025", "period", &period, &error));
  report = ledger_report_income (standard_book (), &period, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->opening + report->income_total - report->expenditure_total, ==, report->closing);
  g_assert_cmpuint (report->expenditures->len, >=, 5);
  g_assert_cmpint (report->expenditure_total * 100, >=, report->income_total * 60);
  g_assert_cmpint (report->expenditure_total * 100, <=, report->income_total * 95);
  g_assert_cmpint (report->opening, >, 0);
  g_assert_cmpint (report->closing, >, report->opening);

  balances = ledger_report_balance (standard_book (), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < balances->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (balances, i);

      if (g_strcmp0 (line->kind, "asset") == 0)
        g_assert_cmpint (line->amount, >=, 0);
    }
}

/* The committee's money, as a real committee's books hold it: opened from
 * a paper ledger (cash, the bank, the maintenance fund's own account and
 * its fund, arrears of the year before, credit); every year cash banked,
 * WeChat and Alipay withdrawn (with the platform's charge), the bank's
 * quarterly interest, rent and advertising for the public revenue fund, a
 * refund, an advance spent against invoices and partly returned, and a
 * repair paid from the maintenance fund with a passed matter-5 vote. No
 * money account is ever below zero; verify passes; each year's notice
 * ties out. */
static void
test_demo_money (void)
{
  LedgerBook *book = standard_book ();
  sqlite3 *db = open_raw (book);
  g_autoptr(GError) error = NULL;

  /* The paper ledger, on the first day of the first year. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM openings o JOIN txns t ON t.id = o.txn_id"
                                  " WHERE t.date = '2024-01-01' AND o.kind = 'balance'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM openings WHERE kind = 'balance'"
                                  " AND account = 'bank:维修资金专户' AND fund = 'maintenance'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM openings WHERE kind = 'arrears'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM charges c JOIN openings o ON o.charge_id = c.id"
                                  " WHERE c.year = 2023"), ==,
                   query_int (db, "SELECT count (*) FROM openings WHERE kind = 'arrears'"));
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM openings WHERE kind = 'credit'"), >=, 1);
  /* Each year. */
  for (int year = 2024; year <= 2026; year++)
    {
      g_autofree char *in_year = g_strdup_printf (" AND t.date BETWEEN '%d-01-01' AND '%d-12-31'", year, year);
      g_autofree char *sql = NULL;

#define YEAR_COUNT(what) (g_free (sql), sql = g_strconcat (what, in_year, NULL), query_int (db, sql))
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM transfers x JOIN txns t ON t.id = x.txn_id"
                                   " WHERE x.from_account = 'cash' AND x.to_account = 'bank'"), >=, 1);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM transfers x JOIN txns t ON t.id = x.txn_id"
                                   " WHERE x.fee > 0"), >=, 1);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM incomes i JOIN txns t ON t.id = i.txn_id"
                                   " WHERE i.category = 'interest' AND i.account = 'bank'"), ==, 4);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM incomes i JOIN txns t ON t.id = i.txn_id"
                                   " WHERE i.category = 'interest' AND i.fund = 'maintenance'"), ==, 4);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM incomes i JOIN txns t ON t.id = i.txn_id"
                                   " WHERE i.category = 'rent' AND i.fund = 'public'"), ==, 4);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM incomes i JOIN txns t ON t.id = i.txn_id"
                                   " WHERE i.category = 'advertising' AND i.fund = 'public'"), ==, 2);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM refunds r JOIN txns t ON t.id = r.txn_id"), ==, 1);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM advances a JOIN txns t ON t.id = a.txn_id"
                                   " WHERE a.kind = 'give'"), ==, 1);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM advances a JOIN txns t ON t.id = a.txn_id"
                                   " WHERE a.kind = 'return'"), ==, 1);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM expenditure_sources x JOIN txns t ON t.id = x.txn_id"
                                   " WHERE x.account = 'advance:刘委员'"), ==, 2);
      g_assert_cmpint (YEAR_COUNT ("SELECT count (*) FROM expenditures e JOIN txns t ON t.id = e.txn_id"
                                   " JOIN votes v ON v.id = e.vote_id"
                                   " WHERE e.fund = 'maintenance' AND v.matter = 5"), ==, 1);
#undef YEAR_COUNT
    }
  /* The advance is partly returned: given − spent = returned, every year. */
  g_assert_cmpint (query_int (db, "SELECT sum (amount) FROM splits WHERE account = 'advance:刘委员'"), ==, 0);
  /* No money account, no advance below zero at the end of any day. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM (SELECT d.account, d.date,"
                                  " (SELECT sum (e.amount) FROM account_days e WHERE e.account = d.account"
                                  "  AND e.date <= d.date) AS held FROM account_days d"
                                  " WHERE d.account IN ('cash', 'bank', 'wechat', 'alipay')"
                                  " OR d.account GLOB 'bank:*' OR d.account GLOB 'advance:*')"
                                  " WHERE held < 0"), ==, 0);
  sqlite3_close (db);

  g_assert_true (ledger_verify (book, NULL, &error));
  g_assert_no_error (error);
  for (int year = 2024; year <= 2026; year++)
    {
      g_autofree char *name = g_strdup_printf ("%d", year);
      g_autoptr(LedgerNoticeData) notice = NULL;
      LedgerPeriod period;
      gint64 funds = 0;

      g_assert_true (ledger_period_parse (name, "period", &period, &error));
      notice = ledger_notice_gather (book, &period, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (notice->incomes->len, ==, 14);
      g_assert_cmpuint (notice->refunds->len, ==, 1);
      g_assert_cmpuint (notice->transfers->len, >=, 2);
      g_assert_cmpint (notice->accounts_total, ==, notice->report->closing);
      for (int f = 0; f < LEDGER_FUND_COUNT; f++)
        funds += notice->funds[f];
      g_assert_cmpint (funds, ==, notice->accounts_total + notice->arrears - notice->owners_credit);
      g_assert_cmpint (notice->funds[LEDGER_FUND_MAINTENANCE], >, 0);
      g_assert_cmpint (notice->funds[LEDGER_FUND_PUBLIC], >, 0);
    }
}

/* The same options give the same journal, entry for entry; another seed
 * gives another. */
static void
test_demo_deterministic (void)
{
  LedgerDemoOptions other = standard;
  BookFixture again, reseeded;
  g_autofree char *first = journal_digest (standard_book ());
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  book_fixture_init (&again, "演示小区", &standard);
  second = journal_digest (again.book);
  g_assert_cmpstr (first, ==, second);

  other.seed = 7;
  book_fixture_init (&reseeded, "演示小区", &other);
  third = journal_digest (reseeded.book);
  g_assert_cmpstr (first, !=, third);
  book_fixture_clear (&again);
  book_fixture_clear (&reseeded);
}

/* Out-of-range options are refused, naming the option, before anything is
 * written; zeros mean the defaults. */
static void
test_demo_options (void)
{
  static const struct { LedgerDemoOptions options; const char *field; } bad[] = {
    { { 100001, 3, 2026, 1 }, "--households" },
    { { 1000000, 0, 0, 0 }, "--households" },
    { { 10, 51, 2026, 1 }, "--years" },
    { { 10, 3, 1850, 1 }, "end year" },
  };
  g_autoptr(GError) error = NULL;
  LedgerDemoOptions tiny = { 1, 1, 2026, 5 };
  BookFixture f;
  LedgerBook *book;
  gint64 before;

  book_fixture_init (&f, "演示小区", NULL);
  book = f.book;
  before = ledger_journal_count (book, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (ledger_demo_populate (book, &bad[i].options, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, bad[i].field));
      g_clear_error (&error);
    }
  g_assert_cmpint (ledger_journal_count (book, NULL), ==, before);

  g_assert_true (ledger_demo_populate (book, &tiny, &error));
  g_assert_no_error (error);
  g_assert_false (ledger_demo_populate (book, &tiny, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  book_fixture_clear (&f);
}

/* NULL options and zero fields mean 120 households over three years up to
 * this year. */
static void
test_demo_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  LedgerCollection collection;
  BookFixture f;
  LedgerBook *book;
  char today[11];
  int year;

  book_fixture_init (&f, "演示小区", NULL);
  book = f.book;
  /* "This year" by the book's clock (COMMUNITY_LEDGER_NOW here). */
  ledger_book_today (book, today);
  year = ledger_date_year (today);
  g_assert_true (ledger_demo_populate (book, NULL, &error));
  g_assert_no_error (error);
  list = ledger_household_list (book, &error);
  g_assert_cmpuint (list->len, ==, 120);
  g_assert_true (ledger_report_collection (book, year - 2, &collection, &error));
  g_assert_cmpint (collection.billed, >, 0);
  /* The year before holds only what the paper ledger left unpaid: some
   * households' property fee, entered as opening arrears, never billed. */
  g_assert_true (ledger_report_collection (book, year - 3, &collection, &error));
  g_assert_cmpint (collection.billed, >, 0);
  {
    sqlite3 *db = open_raw (book);

    g_assert_cmpint (collection.billed, ==,
                     query_int (db, "SELECT sum (amount) FROM openings WHERE kind = 'arrears'"));
    sqlite3_close (db);
  }
  book_fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  /* The books' own opening entries are stamped by the real clock unless
   * this fixes it; the demo's entries use the demo's clock. */
  g_setenv ("COMMUNITY_LEDGER_NOW", "2027-02-01T10:00:00+08:00", TRUE);
  g_unsetenv ("COMMUNITY_LEDGER_OPERATOR");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/households", test_demo_households);
  g_test_add_func ("/demo/journal", test_demo_journal);
  g_test_add_func ("/demo/restores-book", test_demo_restores_book);
  g_test_add_func ("/demo/collection", test_demo_collection);
  g_test_add_func ("/demo/income", test_demo_income);
  g_test_add_func ("/demo/money", test_demo_money);
  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/demo/options", test_demo_options);
  g_test_add_func ("/demo/defaults", test_demo_defaults);

  status = g_test_run ();

  if (shared.dir != NULL)
    book_fixture_clear (&shared);
  return status;
}

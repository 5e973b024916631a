/* test-opening.c — a book started from a paper ledger (docs/money.md)
 *
 * Opening balances per money account and fund, a household's unpaid
 * charges of earlier years and its credit: each an "opening" entry against
 * the equity account "opening", shown as such, never as payments or fee
 * income; refused inputs leave the book's bytes alone; verify replays
 * every entry with the writer's own rule. Every figure is worked out by
 * hand in the comments. The book's clock is 2026-12-07.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-book-private.h"
#include "ledger-funds-private.h"

typedef BookFixture Fixture;

static const BookFixtureOptions new_book = { .name = "老街小区", .today = "2026-12-07" };

static gint64
query_int (LedgerBook *book,
           const char *sql)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, NULL);
  gint64 n = 0;

  g_assert_nonnull (stmt);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &n, NULL));
  return n;
}

/* An account's balance as `account list` gives it. */
static gint64
account_balance (LedgerBook *book,
                 const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = ledger_account_list (book, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const LedgerAccountLine *line = g_ptr_array_index (lines, i);

      if (strcmp (line->code, code) == 0)
        return line->balance;
    }
  g_assert_not_reached ();
  return 0;
}

static void
assert_verifies (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_verify (book, NULL, &error));
  g_assert_no_error (error);
}

/* A refused call: @error's code, part of its message, and the book's
 * bytes as they were. */
static void
assert_refused (Fixture     *f,
                GBytes      *before,
                gboolean     ok,
                GError     **error,
                int          code,
                const char  *words)
{
  g_autoptr(GBytes) after = book_fixture_bytes (f);

  g_assert_false (ok);
  g_assert_error (*error, LEDGER_ERROR, code);
  g_assert_nonnull (strstr ((*error)->message, words));
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (error);
}

static void
open_balances (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_bank_account_add (book, "银行:工商银行", &error));
  g_assert_true (ledger_opening_balance (book, "cash", 150000, LEDGER_FUND_OPERATING, "2026-01-01", &error));
  g_assert_true (ledger_opening_balance (book, "bank", 8000000, LEDGER_FUND_MAINTENANCE, "2026-01-01", &error));
  g_assert_true (ledger_opening_balance (book, "bank:工商银行", 200000, LEDGER_FUND_PUBLIC, "2026-01-01", &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */

static void
test_balances_and_funds (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  gint64 entries = book_journal_count (f->book);
  gint64 funds[LEDGER_FUND_COUNT];
  gboolean ok;

  open_balances (f->book);
  /* The bank account's entry, the "opening" account's (once), three balances. */
  g_assert_cmpint (book_journal_count (f->book), ==, entries + 5);
  g_assert_cmpint (account_balance (f->book, "cash"), ==, 150000);
  g_assert_cmpint (account_balance (f->book, "bank"), ==, 8000000);
  g_assert_cmpint (account_balance (f->book, "bank:工商银行"), ==, 200000);
  /* Equity, shown credit-normal: 1,500 + 80,000 + 2,000. */
  g_assert_cmpint (account_balance (f->book, "opening"), ==, 8350000);
  /* Each fund holds its own opening money; the bank holds two funds'. */
  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==, 150000);
  g_assert_cmpint (funds[LEDGER_FUND_MAINTENANCE], ==, 8000000);
  g_assert_cmpint (funds[LEDGER_FUND_PUBLIC], ==, 200000);
  /* Before the opening date the funds held nothing. */
  g_assert_true (ledger_fund_balances (f->book, "2025-12-31", funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_MAINTENANCE], ==, 0);

  /* The same account in another fund is another balance. */
  g_assert_true (ledger_opening_balance (f->book, "现金", 30000, LEDGER_FUND_MAINTENANCE, "2026-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (account_balance (f->book, "cash"), ==, 180000);

  before = book_fixture_bytes (f);
  ok = ledger_opening_balance (f->book, "cash", 100, LEDGER_FUND_OPERATING, "2026-02-01", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_CONFLICT, "entered once");
  ok = ledger_opening_balance (f->book, "bank:建设银行", 100, LEDGER_FUND_OPERATING, "2026-01-01", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_NOT_FOUND, "account add bank:建设银行");
  ok = ledger_opening_balance (f->book, "receivable", 100, LEDGER_FUND_OPERATING, "2026-01-01", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "ACCOUNT");
  ok = ledger_opening_balance (f->book, "wechat", 100, LEDGER_FUND_OPERATING, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "--date");
  ok = ledger_opening_balance (f->book, "wechat", 100, LEDGER_FUND_OPERATING, "2027-03-01", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "--date");
  ok = ledger_opening_balance (f->book, "wechat", 0, LEDGER_FUND_OPERATING, "2026-01-01", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "amount");
  ok = ledger_bank_account_add (f->book, "bank:工商银行", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_CONFLICT, "工商银行");
  ok = ledger_bank_account_add (f->book, "wechat", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "bank:NAME");

  assert_verifies (f->book);
}

static void
test_arrears (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(LedgerArrearsReport) arrears = NULL;
  g_autoptr(LedgerIncomeReport) income = NULL;
  g_autofree char *receipt = NULL;
  LedgerCollection collection;
  LedgerPeriod year2026;
  char day[11];
  gint64 funds[LEDGER_FUND_COUNT];
  gboolean ok;

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_add_household (f->book, "1-1-102", "李娜", 8000, 0);
  g_assert_true (ledger_opening_balance (f->book, "cash", 100000, LEDGER_FUND_OPERATING, "2026-01-01", &error));
  /* Arrears default to the opening balances' date. */
  g_assert_true (ledger_opening_default_date (f->book, day, &error));
  g_assert_cmpstr (day, ==, "2026-01-01");
  g_assert_true (ledger_opening_arrears (f->book, "1-1-101", "property", 2024, 36000, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM txns WHERE kind = 'opening' AND date = '2026-01-01'"),
                   ==, 2);
  /* A fee item that began in 2025 is charged for 2023 by its first version. */
  g_assert_true (ledger_fee_set (f->book, "garbage", "垃圾费", 6000, NULL, "2025-01-01", &error));
  g_assert_true (ledger_opening_arrears (f->book, "1-1-102", "garbage", 2023, 5000, "2026-01-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->book, "SELECT c.fee_id = (SELECT id FROM fees WHERE code = 'garbage')"
                                       " FROM charges c WHERE c.fee_code = 'garbage'"), ==, 1);

  /* No one else is billed for those years. */
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM charges WHERE year < 2026"), ==, 2);
  /* `bill 2026`: 2 × 360.00 of property; garbage 60.00 for each. */
  g_assert_cmpint (book_bill_year (f->book, 2026).amount, ==, 2 * 36000 + 2 * 6000);
  /* 500.00 from 1-1-101: 360 to 2024 first, then 140 of 2026's property. */
  receipt = book_pay (f->book, "1-1-101", 50000, LEDGER_METHOD_CASH, "2026-03-01");
  book_assert_balance (f->book, "1-1-101", 36000 - 14000 + 6000, 0);
  book_assert_balance (f->book, "1-1-102", 5000 + 36000 + 6000, 0);

  /* Fee income is 2026's charges; the arrears went to "opening". */
  g_assert_cmpint (account_balance (f->book, "income:property"), ==, 72000);
  g_assert_cmpint (account_balance (f->book, "opening"), ==, 100000 + 36000 + 5000);
  /* The arrears report shows both households' arrears, opening ones too. */
  arrears = ledger_report_arrears (f->book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (arrears->total, ==, 28000 + 47000);
  /* charge_status counts the arrears in their own year. */
  g_assert_true (ledger_report_collection (f->book, 2024, &collection, &error));
  g_assert_cmpint (collection.billed, ==, 36000);
  g_assert_cmpint (collection.paid, ==, 36000);
  /* The income report: the opening cash opens 2026, the payment is the
   * year's income: 1,000 + 500 = 1,500 at its end. */
  g_assert_true (ledger_period_parse ("2026", "--period", &year2026, &error));
  income = ledger_report_income (f->book, &year2026, &error);
  g_assert_no_error (error);
  g_assert_cmpint (income->opening, ==, 100000);
  g_assert_cmpint (income->income_total, ==, 50000);
  g_assert_cmpint (income->closing, ==, 150000);
  /* The operating fund: 1,000 + 360 + 50 of opening, 2 × 420 of fees. */
  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==, 141000 + 84000);
  /* = cash 1,500 + receivable 280 + 470 */
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==, 150000 + 28000 + 47000);

  before = book_fixture_bytes (f);
  ok = ledger_opening_arrears (f->book, "1-1-101", "property", 2024, 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_CONFLICT, "2024");
  ok = ledger_opening_arrears (f->book, "1-1-102", "property", 2026, 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_CONFLICT, "2026");
  ok = ledger_opening_arrears (f->book, "1-1-102", "property", 2027, 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "YEAR");
  ok = ledger_opening_arrears (f->book, "1-1-102", "water", 2024, 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_NOT_FOUND, "water");
  ok = ledger_opening_arrears (f->book, "9-9-999", "property", 2024, 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_NOT_FOUND, "9-9-999");
  ok = ledger_opening_arrears (f->book, "1-1-102", "property", 2024, LEDGER_AMOUNT_MAX + 1, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "amount");

  assert_verifies (f->book);
}

/* Credit and arrears of one household give the same book whichever is
 * entered first: the credit settles the charge as far as it goes. */
static void
test_credit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(LedgerHouseholdHistory) first = NULL, second = NULL;
  gboolean ok;

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_add_household (f->book, "1-1-102", "李娜", 8000, 0);
  book_add_household (f->book, "1-1-103", "赵敏", 7000, 0);
  /* No opening balance: the default date is today. */
  g_assert_true (ledger_opening_credit (f->book, "1-1-101", 10000, NULL, &error));
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM txns WHERE kind = 'opening' AND date = '2026-12-07'"),
                   ==, 1);
  g_assert_true (ledger_opening_arrears (f->book, "1-1-101", "property", 2025, 36000, "2026-12-07", &error));
  g_assert_true (ledger_opening_arrears (f->book, "1-1-102", "property", 2025, 36000, "2026-12-07", &error));
  g_assert_true (ledger_opening_credit (f->book, "1-1-102", 10000, "2026-12-07", &error));
  /* 500.00 of credit, 360.00 owed: 140.00 stays credit. */
  g_assert_true (ledger_opening_credit (f->book, "1-1-103", 50000, "2026-12-07", &error));
  g_assert_true (ledger_opening_arrears (f->book, "1-1-103", "property", 2025, 36000, "2026-12-07", &error));
  g_assert_no_error (error);

  book_assert_balance (f->book, "1-1-101", 26000, 0);
  book_assert_balance (f->book, "1-1-102", 26000, 0);
  book_assert_balance (f->book, "1-1-103", 0, 14000);
  first = ledger_household_history (f->book, "1-1-101", &error);
  second = ledger_household_history (f->book, "1-1-102", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->charges->len, ==, 1);
  g_assert_true (((LedgerHistoryCharge *) g_ptr_array_index (first->charges, 0))->opening);
  g_assert_cmpint (((LedgerHistoryCharge *) g_ptr_array_index (first->charges, 0))->paid, ==, 10000);
  g_assert_cmpint (((LedgerHistoryCharge *) g_ptr_array_index (second->charges, 0))->paid, ==, 10000);
  /* Nothing was received: what settled the charge was the paper's credit. */
  g_assert_cmpint (first->received + first->opening_credit, ==, first->paid + first->credit);
  g_assert_cmpint (second->received + second->opening_credit, ==, second->paid + second->credit);
  /* Every opening credit and arrears is the operating fund's; no money moved. */
  g_assert_cmpint (account_balance (f->book, "cash"), ==, 0);
  g_assert_cmpint (account_balance (f->book, "opening"), ==, 3 * 36000 - 10000 - 10000 - 50000);

  before = book_fixture_bytes (f);
  ok = ledger_opening_credit (f->book, "1-1-101", 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_CONFLICT, "entered once");
  ok = ledger_opening_credit (f->book, "1-1-104", 100, NULL, &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_NOT_FOUND, "1-1-104");
  ok = ledger_opening_credit (f->book, "1-1-102", 100, "2026-02-30", &error);
  assert_refused (f, before, ok, &error, LEDGER_ERROR_INVALID_INPUT, "--date");

  assert_verifies (f->book);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BOOK_FIXTURE_ADD ("/opening/balances-and-funds", &new_book, test_balances_and_funds);
  BOOK_FIXTURE_ADD ("/opening/arrears", &new_book, test_arrears);
  BOOK_FIXTURE_ADD ("/opening/credit", &new_book, test_credit);
  return g_test_run ();
}

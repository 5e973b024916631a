/* test-money-moves.c — transfers, other income and refunds (docs/money.md)
 *
 * Each story is worked out by hand on a small new book whose money comes
 * from fees: two households billed 360.00 each for 2026 (dated
 * 2026-01-01), 1-1-101 paying 1,000.00 in cash on 2026-02-01 (360.00
 * settles its charge, 640.00 is credit) and 1-1-102 paying 360.00 by
 * WeChat on 2026-02-02. Every story ends with verify replaying the book,
 * and every refusal leaves the book's bytes as they were.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-funds-private.h"
#include "ledger-income-private.h"
#include "ledger-refund-private.h"
#include "ledger-transfer-private.h"

typedef BookFixture Fixture;

static const BookFixtureOptions new_book = { .name = "资金往来小区", .today = "2026-12-07" };

/* ------------------------------------------------------------------ */
/* Helpers */

/* The fees' money: cash 1,000.00, WeChat 360.00, 1-1-101's credit 640.00. */
static void
book_with_fees (Fixture *f)
{
  g_autofree char *r1 = NULL, *r2 = NULL;

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_add_household (f->book, "1-1-102", "李娜", 8000, 0);
  book_bill_year (f->book, 2026);
  r1 = book_pay (f->book, "1-1-101", 100000, LEDGER_METHOD_CASH, "2026-02-01");
  r2 = book_pay (f->book, "1-1-102", 36000, LEDGER_METHOD_WECHAT, "2026-02-02");
}

static gint64
query_int (LedgerBook *book,
           const char *sql,
           const char *arg)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, NULL);
  gint64 n = 0;

  g_assert_nonnull (stmt);
  if (arg != NULL)
    ledger_bind_text (stmt, 1, arg);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &n, NULL));
  return n;
}

/* What @account holds after every entry (its splits summed). */
static gint64
balance_of (LedgerBook *book,
            const char *account)
{
  return query_int (book, "SELECT coalesce (sum (amount), 0) FROM splits WHERE account = ?1", account);
}

static gboolean
add_bank_cb (LedgerBook *book,
             gpointer    user_data,
             GError    **error)
{
  return ledger_bank_account_add_in_write (book, user_data, "2026-02-15", error);
}

static void
assert_verifies (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_verify (book, NULL, &error));
  g_assert_no_error (error);
}

/* A refused write: @error has @code, its message names @field and holds
 * @words (nullable), and the book's bytes are @before's. */
static void
assert_refused (Fixture    *f,
                GBytes     *before,
                GError     *error,
                int         code,
                const char *field,
                const char *words)
{
  g_autoptr(GBytes) after = book_fixture_bytes (f);

  g_assert_error (error, LEDGER_ERROR, code);
  g_assert_nonnull (strstr (error->message, field));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_bytes_equal (before, after));
}

/* ------------------------------------------------------------------ */
/* Transfers */

static void
test_transfer_moves_money (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *z1 = NULL, *z2 = NULL, *z3 = NULL;
  g_autoptr(LedgerIncomeReport) report = NULL;
  LedgerPeriod year;
  gint64 funds[LEDGER_FUND_COUNT];

  book_with_fees (f);
  /* 500.00 of the cash deposited: cash 1,000.00 − 500.00 = 500.00, bank 500.00. */
  g_assert_true (ledger_transfer (f->book, 50000, "现金", "bank", 0, "2026-03-01", "存现", &z1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (z1, ==, "Z2026-0001");
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 50000);
  g_assert_cmpint (balance_of (f->book, "bank"), ==, 50000);

  /* 300.00 withdrawn from WeChat to the bank, WeChat charging 0.30 on
   * top: WeChat 360.00 − 300.00 − 0.30 = 59.70, bank 500.00 + 300.00 =
   * 800.00, bank charges 0.30, an expense of the operating fund. */
  g_assert_true (ledger_transfer (f->book, 30000, "wechat", "bank", 30, "2026-03-02", NULL, &z2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (z2, ==, "Z2026-0002");
  g_assert_cmpint (balance_of (f->book, "wechat"), ==, 5970);
  g_assert_cmpint (balance_of (f->book, "bank"), ==, 80000);
  g_assert_cmpint (balance_of (f->book, "expense:bank-charges"), ==, 30);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM accounts WHERE code = ?1", "expense:bank-charges"), ==, 1);

  /* The row, as the fact says. */
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM transfers WHERE voucher = ?1 AND from_account = 'wechat'"
                                       " AND to_account = 'bank' AND amount = 30000 AND fee = 30 AND memo = ''", z2), ==, 1);

  /* 100.00 drawn from the bank in cash, 0.20 charged: a second fee
   * reuses the bank charges' account (no new "account" entry). */
  g_assert_true (ledger_transfer (f->book, 10000, "bank", "cash", 20, "2026-04-01", NULL, &z3, &error));
  g_assert_cmpstr (z3, ==, "Z2026-0003");
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM txns WHERE kind = 'account'", NULL), ==, 1);

  /* Funds: the fees' 720.00 less 0.50 of bank charges = 719.50 operating;
   * money 600.00 + 699.80 + 59.70 = 1,359.50, less the 640.00 credit
   * owed to 1-1-101 = 719.50: the identity holds. */
  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==, 71950);
  g_assert_cmpint (funds[LEDGER_FUND_PUBLIC], ==, 0);
  g_assert_cmpint (balance_of (f->book, "cash") + balance_of (f->book, "bank") + balance_of (f->book, "wechat") +
                   balance_of (f->book, "prepaid"), ==, 71950);

  /* A transfer is never income: the year's income is the fees' 720.00
   * and the credit's 640.00, 1,360.00; the charges are 0.50 of expenses;
   * 0 + 1,360.00 − 0.50 = 1,359.50 closing. */
  g_assert_true (ledger_period_parse ("2026", "--period", &year, &error));
  report = ledger_report_income (f->book, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->income_total, ==, 136000);
  g_assert_cmpint (report->expenditure_total, ==, 50);
  g_assert_cmpint (report->closing, ==, 135950);

  assert_verifies (f->book);
}

static void
test_transfer_refusals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  gint64 entries;

  book_with_fees (f);
  before = book_fixture_bytes (f);
  entries = book_journal_count (f->book);

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "cash", "现金", 0, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--to", "--from");
  }
  {
    /* Cash holds 1,000.00 from 2026-02-01: 1,000.01 is 0.01 short. */
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100001, "cash", "bank", 0, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "cash", "2026-03-01");
  }
  {
    /* The fee counts too: 1,000.00 and a fee of 0.01. */
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100000, "cash", "bank", 1, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "cash", NULL);
  }
  {
    /* Before the money came in. */
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "cash", "bank", 0, "2026-01-15", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "cash", "2026-01-15");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "cash", "bank:建设银行", 0, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_NOT_FOUND, "--to", "account add bank:建设银行");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "receivable", "bank", 0, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--from", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 0, "cash", "bank", 0, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "amount", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "cash", "bank", -1, "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--fee", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "cash", "bank", 0, "2026-03-01", "a\nb", NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--memo", NULL);
  }
  {
    /* More than the book's days ahead (none) after its clock's day. */
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_transfer (f->book, 100, "cash", "bank", 0, "2027-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--date", NULL);
  }
  g_assert_cmpint (book_journal_count (f->book), ==, entries);
}

/* A named bank account, added by its own entry, takes transfers. */
static void
test_transfer_to_named_bank (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *z1 = NULL;

  book_with_fees (f);
  g_assert_true (ledger_book_write (f->book, add_bank_cb, (gpointer) "bank:工商银行", &error));
  g_assert_no_error (error);
  g_assert_true (ledger_transfer (f->book, 90000, "cash", "银行:工商银行", 0, "2026-03-01", NULL, &z1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f->book, "bank:工商银行"), ==, 90000);
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 10000);
  assert_verifies (f->book);
}

/* ------------------------------------------------------------------ */
/* Other income */

static void
test_income_funds_and_vouchers (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;
  g_autoptr(LedgerIncomeReport) report = NULL;
  const LedgerFund maintenance = LEDGER_FUND_MAINTENANCE;
  LedgerPeriod year;
  gint64 funds[LEDGER_FUND_COUNT];

  book_with_fees (f);
  /* Interest 12.34 into the bank: the operating fund's by default. */
  g_assert_true (ledger_income_record (f->book, 1234, LEDGER_INCOME_INTEREST, "bank", NULL, NULL,
                                       "2026-03-21", NULL, &s1, &error));
  g_assert_no_error (error);
  /* Rent of the common room, 1,200.00 in cash: public revenue by default. */
  g_assert_true (ledger_income_record (f->book, 120000, LEDGER_INCOME_RENT, "cash", NULL, "快递柜公司",
                                       "2026-03-25", "一季度", &s2, &error));
  /* A donation of 500.00 by WeChat, given to the maintenance fund. */
  g_assert_true (ledger_income_record (f->book, 50000, LEDGER_INCOME_DONATION, "wechat", &maintenance, NULL,
                                       "2026-04-01", NULL, &s3, &error));
  /* A second rent payment reuses the rent account. */
  g_assert_true (ledger_income_record (f->book, 120000, LEDGER_INCOME_RENT, "bank", NULL, "快递柜公司",
                                       "2026-06-25", NULL, &s4, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s1, ==, "S2026-0001");
  g_assert_cmpstr (s2, ==, "S2026-0002");
  g_assert_cmpstr (s3, ==, "S2026-0003");
  g_assert_cmpstr (s4, ==, "S2026-0004");

  /* Three income accounts added, each once. */
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM txns WHERE kind = 'account'", NULL), ==, 3);
  g_assert_cmpint (balance_of (f->book, "other-income:rent"), ==, -240000);
  g_assert_cmpint (balance_of (f->book, "bank"), ==, 1234 + 120000);
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 100000 + 120000);
  g_assert_cmpint (balance_of (f->book, "wechat"), ==, 36000 + 50000);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM incomes WHERE voucher = ?1 AND category = 'rent'"
                                       " AND account = 'cash' AND fund = 'public' AND amount = 120000"
                                       " AND payer = '快递柜公司' AND memo = '一季度'", s2), ==, 1);

  /* Funds: operating 720.00 + 12.34 = 732.34; public 2 × 1,200.00 =
   * 2,400.00; maintenance 500.00. Together 3,632.34 = money (cash
   * 2,200.00 + bank 1,212.34 + WeChat 860.00 = 4,272.34) − credit 640.00. */
  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==, 73234);
  g_assert_cmpint (funds[LEDGER_FUND_PUBLIC], ==, 240000);
  g_assert_cmpint (funds[LEDGER_FUND_MAINTENANCE], ==, 50000);
  g_assert_cmpint (427234 - 64000, ==, 73234 + 240000 + 50000);

  /* The income report lists each category as its own line: fees 720.00,
   * credit 640.00, interest 12.34, rent 2,400.00, donation 500.00 =
   * 4,272.34; no expenses; closing 4,272.34, the money. */
  g_assert_true (ledger_period_parse ("2026", "--period", &year, &error));
  report = ledger_report_income (f->book, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->income_total, ==, 427234);
  g_assert_cmpint (report->closing, ==, 427234);
  assert_verifies (f->book);
}

static void
test_income_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *long_payer = g_strnfill (LEDGER_INCOME_PAYER_MAX_CHARS + 1, 'x');

  book_with_fees (f);
  before = book_fixture_bytes (f);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_income_record (f->book, 100, LEDGER_INCOME_RENT, "prepaid", NULL, NULL,
                                          "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--account", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_income_record (f->book, 100, LEDGER_INCOME_RENT, "bank:农商行", NULL, NULL,
                                          "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_NOT_FOUND, "--account", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_income_record (f->book, 100, LEDGER_INCOME_RENT, "cash", NULL, long_payer,
                                          "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--payer", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_income_record (f->book, LEDGER_AMOUNT_MAX + 1, LEDGER_INCOME_RENT, "cash", NULL, NULL,
                                          "2026-03-01", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "amount", NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ledger_income_record (f->book, 100, LEDGER_INCOME_RENT, "cash", NULL, NULL,
                                          "2026-02-30", NULL, NULL, &error));
    assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--date", NULL);
  }
}

/* ------------------------------------------------------------------ */
/* Refunds */

static void
test_refund_of_credit (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *f1 = NULL;
  g_autoptr(LedgerHouseholdHistory) history = NULL;
  g_autoptr(LedgerIncomeReport) report = NULL;
  LedgerPeriod year;

  book_with_fees (f);
  before = book_fixture_bytes (f);
  /* 1-1-101 holds 640.00 from 2026-02-01: 640.01 is too much, and
   * the message says the credit. */
  g_assert_false (ledger_refund (f->book, "1-1-101", 64001, "cash", "搬走", "2026-04-01", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "amount", "¥640.00");
  g_clear_error (&error);
  /* Before the payment that made the credit it held nothing. */
  g_assert_false (ledger_refund (f->book, "1-1-101", 100, "cash", "搬走", "2026-01-15", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "amount", "¥0.00");
  g_clear_error (&error);
  /* 1-1-102 paid exactly what it owed: no credit. */
  g_assert_false (ledger_refund (f->book, "1-1-102", 100, "wechat", "多交", "2026-04-01", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "amount", NULL);
  g_clear_error (&error);
  g_assert_false (ledger_refund (f->book, "1-1-101", 100, "cash", "  ", "2026-04-01", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--reason", NULL);
  g_clear_error (&error);
  g_assert_false (ledger_refund (f->book, "9-9-999", 100, "cash", "搬走", "2026-04-01", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_NOT_FOUND, "9-9-999", NULL);
  g_clear_error (&error);
  /* The bank holds nothing: the credit is there, the money is not. */
  g_assert_false (ledger_refund (f->book, "1-1-101", 100, "bank", "搬走", "2026-04-01", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "bank", NULL);
  g_clear_error (&error);

  /* All of it, in cash: cash 1,000.00 − 640.00 = 360.00; no credit left. */
  g_assert_true (ledger_refund (f->book, "1-1-101", 64000, "现金", "搬走", "2026-04-01", &f1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f1, ==, "F2026-0001");
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 36000);
  g_assert_cmpint (balance_of (f->book, "prepaid"), ==, 0);

  /* The household's history lists it. */
  history = ledger_household_history (f->book, "1-1-101", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->refunds->len, ==, 1);
  g_assert_cmpstr (((LedgerRefund *) g_ptr_array_index (history->refunds, 0))->voucher, ==, "F2026-0001");
  g_assert_cmpstr (((LedgerRefund *) g_ptr_array_index (history->refunds, 0))->reason, ==, "搬走");
  g_assert_cmpint (history->credit, ==, 0);
  g_assert_cmpint (history->refunded, ==, 64000);
  g_assert_cmpint (history->received, ==, history->paid + history->credit + history->refunded);

  /* Income report: the credit received and paid back nets to nothing;
   * income 720.00, closing 1,000.00 + 360.00 − 640.00 = 720.00. */
  g_assert_true (ledger_period_parse ("2026", "--period", &year, &error));
  report = ledger_report_income (f->book, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->income_total, ==, 72000);
  g_assert_cmpint (report->closing, ==, 72000);
  assert_verifies (f->book);
}

/* The credit must stay on every later day: 1-1-101's 2027 charge
 * (360.00, dated 2027-01-01) uses 360.00 of its 640.00, so from June 2026
 * on it holds 640.00 until the end of 2026 and 280.00 after. */
static void
test_refund_keeps_later_credit (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *f1 = NULL;

  book_with_fees (f);
  book_bill_year (f->book, 2027);
  before = book_fixture_bytes (f);
  g_assert_false (ledger_refund (f->book, "1-1-101", 28001, "cash", "多交", "2026-06-01", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "amount", "¥280.00");
  g_clear_error (&error);
  g_assert_true (ledger_refund (f->book, "1-1-101", 28000, "cash", "多交", "2026-06-01", &f1, &error));
  g_assert_no_error (error);
  /* −640.00 paid in, +360.00 used by the 2027 charge, +280.00 refunded. */
  g_assert_cmpint (balance_of (f->book, "prepaid"), ==, -64000 + 36000 + 28000);
  assert_verifies (f->book);
}

/* ------------------------------------------------------------------ */
/* Vouchers across the kinds */

/* S, F and Z count each on their own, and by the year of the entry's date. */
static void
test_voucher_letters (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *z = NULL, *s = NULL, *r = NULL, *s2 = NULL;

  book_with_fees (f);
  g_assert_true (ledger_transfer (f->book, 10000, "cash", "bank", 0, "2026-03-01", NULL, &z, &error));
  g_assert_true (ledger_income_record (f->book, 500, LEDGER_INCOME_OTHER, "cash", NULL, NULL, "2026-03-01",
                                       NULL, &s, &error));
  g_assert_true (ledger_refund (f->book, "1-1-101", 100, "cash", "找零", "2026-03-01", &r, &error));
  g_assert_true (ledger_income_record (f->book, 500, LEDGER_INCOME_OTHER, "cash", NULL, NULL, "2026-12-01",
                                       NULL, &s2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (z, ==, "Z2026-0001");
  g_assert_cmpstr (s, ==, "S2026-0001");
  g_assert_cmpstr (r, ==, "F2026-0001");
  g_assert_cmpstr (s2, ==, "S2026-0002");
  assert_verifies (f->book);
}

/* The Money page's list (ledger_voucher_model_new()): newest first, each
 * row's accounts in Chinese and what it is about in words, an income's
 * category in the user's language (the tests run in English). */
static void
test_voucher_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  LedgerFund public_fund = LEDGER_FUND_PUBLIC;
  static const struct { const char *voucher, *from, *to, *memo; gint64 amount; } expected[] = {
    { "F2026-0001", "现金", "", "1-1-101 · 找零", 100 },
    { "S2026-0001", "", "银行存款", "Rent · 快递柜公司 · 三季度", 54000 },
    { "Z2026-0001", "现金", "银行存款", "存现 · charge ¥0.80", 10000 },
  };

  book_with_fees (f);
  g_assert_true (ledger_transfer (f->book, 10000, "cash", "bank", 80, "2026-03-01", "存现", NULL, &error));
  g_assert_true (ledger_income_record (f->book, 54000, LEDGER_INCOME_RENT, "bank", &public_fund, "快递柜公司",
                                       "2026-03-02", "三季度", NULL, &error));
  g_assert_true (ledger_refund (f->book, "1-1-101", 100, "cash", "找零", "2026-03-03", NULL, &error));
  g_assert_no_error (error);

  model = ledger_voucher_model_new (f->book, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LedgerVoucherItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (ledger_voucher_item_get_voucher (item), ==, expected[i].voucher);
      g_assert_cmpstr (ledger_voucher_item_get_from (item), ==, expected[i].from);
      g_assert_cmpstr (ledger_voucher_item_get_to (item), ==, expected[i].to);
      g_assert_cmpstr (ledger_voucher_item_get_memo (item), ==, expected[i].memo);
      g_assert_cmpint (ledger_voucher_item_get_amount (item), ==, expected[i].amount);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BOOK_FIXTURE_ADD ("/money-moves/transfer", &new_book, test_transfer_moves_money);
  BOOK_FIXTURE_ADD ("/money-moves/transfer-refusals", &new_book, test_transfer_refusals);
  BOOK_FIXTURE_ADD ("/money-moves/transfer-named-bank", &new_book, test_transfer_to_named_bank);
  BOOK_FIXTURE_ADD ("/money-moves/income", &new_book, test_income_funds_and_vouchers);
  BOOK_FIXTURE_ADD ("/money-moves/income-refusals", &new_book, test_income_refusals);
  BOOK_FIXTURE_ADD ("/money-moves/refund", &new_book, test_refund_of_credit);
  BOOK_FIXTURE_ADD ("/money-moves/refund-later-credit", &new_book, test_refund_keeps_later_credit);
  BOOK_FIXTURE_ADD ("/money-moves/voucher-letters", &new_book, test_voucher_letters);
  BOOK_FIXTURE_ADD ("/money-moves/voucher-list", &new_book, test_voucher_list);
  return g_test_run ();
}

/* test-fund-report.c — the funds of a period (ledger_report_funds(), the
 * workbook's 基金 sheet and `report funds`)
 *
 * A small book with every figure worked out by hand in the comments before
 * it is asserted, verify passing after the story; and the daily cache
 * edited behind the program's back, which the report must say. The
 * book's clock is 2026-12-07.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-book-private.h"

typedef BookFixture Fixture;

static const BookFixtureOptions new_book = { .name = "基金测试小区", .today = "2026-12-07" };

static LedgerPeriod
period (const char *text)
{
  LedgerPeriod p;

  g_assert_true (ledger_period_parse (text, "--period", &p, NULL));
  return p;
}

static LedgerFundReport *
funds (LedgerBook *book,
       const char *text)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod p = period (text);
  LedgerFundReport *report = ledger_report_funds (book, &p, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_figures (const LedgerFundFigures *f,
                gint64                   opening,
                gint64                   in,
                gint64                   out,
                gint64                   closing)
{
  g_assert_cmpint (f->opening, ==, opening);
  g_assert_cmpint (f->in, ==, in);
  g_assert_cmpint (f->out, ==, out);
  g_assert_cmpint (f->closing, ==, closing);
}

static const LedgerFundMovement *
movement (const LedgerFundReport *report,
          const char             *code)
{
  for (guint i = 0; i < report->movements->len; i++)
    {
      const LedgerFundMovement *m = g_ptr_array_index (report->movements, i);

      if (strcmp (m->code, code) == 0)
        return m;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The story:
 *   2026-01-01  opening balance cash 1,000.00 (operating), bank 5,000.00 (maintenance)
 *   2026-02-01  interest 20.00 into the bank (operating)
 *   2026-03-01  rent 300.00 into cash, public revenue
 *   2026-04-10  transfer 200.00 cash → bank, bank charge 2.00 (operating)
 *   2026-05-20  donation 50.00 into cash, to the maintenance fund */
static void
story (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  LedgerFund public_fund = LEDGER_FUND_PUBLIC, maintenance = LEDGER_FUND_MAINTENANCE;

  g_assert_true (ledger_opening_balance (book, "cash", 100000, LEDGER_FUND_OPERATING, "2026-01-01", &error));
  g_assert_true (ledger_opening_balance (book, "bank", 500000, LEDGER_FUND_MAINTENANCE, "2026-01-01", &error));
  g_assert_true (ledger_income_record (book, 2000, LEDGER_INCOME_INTEREST, "bank", NULL, NULL, "2026-02-01",
                                       NULL, NULL, &error));
  g_assert_true (ledger_income_record (book, 30000, LEDGER_INCOME_RENT, "cash", &public_fund, "车位租户",
                                       "2026-03-01", NULL, NULL, &error));
  g_assert_true (ledger_transfer (book, 20000, "cash", "bank", 200, "2026-04-10", NULL, NULL, &error));
  g_assert_true (ledger_income_record (book, 5000, LEDGER_INCOME_DONATION, "cash", &maintenance, NULL,
                                       "2026-05-20", NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_year (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerFundReport) year = NULL;
  const LedgerFundEntry *first, *fee;

  story (f->book);
  year = funds (f->book, "2026");
  /* operating: in 1,000.00 + 20.00 = 1,020.00; out the 2.00 charge; 1,018.00
   * maintenance: in 5,000.00 + 50.00 = 5,050.00
   * public: in 300.00 */
  assert_figures (&year->funds[LEDGER_FUND_OPERATING], 0, 102000, 200, 101800);
  assert_figures (&year->funds[LEDGER_FUND_MAINTENANCE], 0, 505000, 0, 505000);
  assert_figures (&year->funds[LEDGER_FUND_PUBLIC], 0, 30000, 0, 30000);
  assert_figures (&year->total, 0, 637000, 200, 636800);
  /* cash 1,000 + 300 − 200 − 2 + 50 = 1,148.00, bank 5,000 + 20 + 200 =
   * 5,220.00: 6,368.00, nothing owed either way */
  g_assert_cmpint (year->committee_money, ==, 636800);
  g_assert_true (year->ties_out);
  g_assert_null (year->problem);

  /* movements in chart order: the opening balances (equity), the income
   * categories in the order the book added them, then bank charges */
  g_assert_cmpuint (year->movements->len, ==, 5);
  g_assert_cmpstr (((LedgerFundMovement *) g_ptr_array_index (year->movements, 0))->code, ==, "opening");
  g_assert_cmpint (movement (year, "opening")->amounts[LEDGER_FUND_OPERATING], ==, 100000);
  g_assert_cmpint (movement (year, "opening")->amounts[LEDGER_FUND_MAINTENANCE], ==, 500000);
  g_assert_cmpint (movement (year, "opening")->total, ==, 600000);
  g_assert_cmpint (movement (year, "other-income:rent")->amounts[LEDGER_FUND_PUBLIC], ==, 30000);
  g_assert_cmpint (movement (year, "other-income:donation")->amounts[LEDGER_FUND_MAINTENANCE], ==, 5000);
  g_assert_cmpint (movement (year, "expense:bank-charges")->amounts[LEDGER_FUND_OPERATING], ==, -200);
  g_assert_cmpstr (((LedgerFundMovement *) g_ptr_array_index (year->movements, 4))->code, ==,
                   "expense:bank-charges");

  /* one line per entry that moved a fund: two openings, three incomes,
   * the transfer's charge (the 200.00 itself moves no fund) */
  g_assert_cmpuint (year->entries->len, ==, 6);
  first = g_ptr_array_index (year->entries, 0);
  g_assert_cmpstr (first->date, ==, "2026-01-01");
  g_assert_cmpstr (first->kind, ==, "opening");
  g_assert_cmpstr (first->ref, ==, "cash");
  g_assert_cmpint (first->in, ==, 100000);
  fee = g_ptr_array_index (year->entries, 4);
  g_assert_cmpstr (fee->kind, ==, "transfer");
  g_assert_cmpstr (fee->ref, ==, "Z2026-0001");
  g_assert_cmpstr (fee->account, ==, "expense:bank-charges");
  g_assert_cmpint (fee->fund, ==, LEDGER_FUND_OPERATING);
  g_assert_cmpint (fee->in, ==, 0);
  g_assert_cmpint (fee->out, ==, 200);

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LedgerFundReport) q2 = NULL, q4 = NULL;

  story (f->book);
  /* Q2 opens with Q1: operating 1,020.00, maintenance 5,000.00, public
   * 300.00; moves the 2.00 charge and the 50.00 donation */
  q2 = funds (f->book, "2026-Q2");
  assert_figures (&q2->funds[LEDGER_FUND_OPERATING], 102000, 0, 200, 101800);
  assert_figures (&q2->funds[LEDGER_FUND_MAINTENANCE], 500000, 5000, 0, 505000);
  assert_figures (&q2->funds[LEDGER_FUND_PUBLIC], 30000, 0, 0, 30000);
  g_assert_cmpuint (q2->entries->len, ==, 2);
  g_assert_cmpuint (q2->movements->len, ==, 2);
  g_assert_true (q2->ties_out);
  /* Q4: nothing moves; opening = closing = 6,368.00 */
  q4 = funds (f->book, "2026-Q4");
  assert_figures (&q4->total, 636800, 0, 0, 636800);
  g_assert_cmpuint (q4->entries->len, ==, 0);
  g_assert_cmpuint (q4->movements->len, ==, 0);
  g_assert_true (q4->ties_out);
}

/* The committee's money is read from the daily cache, the funds from the
 * splits: a cache edited behind the program's back does not tie out. */
static void
test_broken_cache (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerFundReport) year = NULL;

  story (f->book);
  g_assert_true (ledger_book_exec (f->book,
                                   "UPDATE account_days SET amount = amount + 1"
                                   " WHERE account = 'cash' AND date = '2026-03-01'", &error));
  g_assert_no_error (error);
  year = funds (f->book, "2026");
  g_assert_cmpint (year->committee_money, ==, 636801);
  g_assert_false (year->ties_out);
  g_assert_nonnull (strstr (year->problem, "committee's money"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BOOK_FIXTURE_ADD ("/fund-report/year", &new_book, test_year);
  BOOK_FIXTURE_ADD ("/fund-report/quarter", &new_book, test_quarter);
  BOOK_FIXTURE_ADD ("/fund-report/broken-cache", &new_book, test_broken_cache);
  return g_test_run ();
}

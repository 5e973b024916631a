/* test-fund-figures.c — the fast fund figures against their plain definition
 *
 * A fund's balance is defined (docs/money.md) as the sum, sign turned, of
 * its entries' splits on income, expense and equity accounts, an entry
 * belonging to the fund entry_funds names (the operating fund when it
 * names none). ledger-funds.c does not read it that way (it would walk
 * every split of the book): it reads the restricted funds from their rows
 * of entry_funds and the operating fund as the daily cache's total less
 * those. This test builds random books with entries of every kind (the
 * demo generator's opening balances, fees, payments, waivers, refunds,
 * transfers, advances, other income of every fund, spending from the
 * operating and the maintenance fund; then more income, spending and
 * transfers on random days, backdated among the others), and compares
 * both figures with the plain sum at many dates: every day a fund moved,
 * the days either side, before the first entry and after the last.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger-book-private.h"
#include "ledger-funds-private.h"

/* The definition, as the code read it before it was made fast: every
 * split of the book, each entry in its fund. One row per day and fund. */
#define PLAIN_FUND_DAYS \
  "SELECT t.date, coalesce (f.fund, 'operating'), -sum (s.amount)" \
  " FROM splits s JOIN txns t ON t.id = s.txn_id" \
  " JOIN accounts a ON a.code = s.account AND a.kind IN ('income', 'expense', 'equity')" \
  " LEFT JOIN entry_funds f ON f.txn_id = s.txn_id" \
  " GROUP BY 1, 2 ORDER BY 1"

typedef struct
{
  char   date[11];
  gint64 amount;  /* the fund's movement on that day */
} FundDay;

typedef struct
{
  GArray *days[LEDGER_FUND_COUNT]; /* FundDay, by date */
} PlainFunds;

static void
plain_funds_clear (PlainFunds *plain)
{
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    g_clear_pointer (&plain->days[f], g_array_unref);
}

static void
plain_funds_read (LedgerBook *book,
                  PlainFunds *plain)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ledger_book_prepare (book, PLAIN_FUND_DAYS, &error);
  int rc;

  g_assert_no_error (error);
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    plain->days[f] = g_array_new (FALSE, FALSE, sizeof (FundDay));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FundDay day;
      LedgerFund fund;

      g_assert_true (ledger_fund_parse ((const char *) sqlite3_column_text (stmt, 1), "fund", &fund, NULL));
      g_strlcpy (day.date, (const char *) sqlite3_column_text (stmt, 0), sizeof day.date);
      day.amount = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (plain->days[fund], day);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

/* The fund's balance at the end of @date (NULL: of every entry). */
static gint64
plain_balance (const PlainFunds *plain,
               LedgerFund        fund,
               const char       *date)
{
  gint64 balance = 0;

  for (guint i = 0; i < plain->days[fund]->len; i++)
    {
      const FundDay *day = &g_array_index (plain->days[fund], FundDay, i);

      if (date == NULL || strcmp (day->date, date) <= 0)
        balance += day->amount;
    }
  return balance;
}

/* The least the fund holds at the end of any day from @date on, and the
 * first day it is that low: its balance at the end of @date, then after
 * each later day that moved it. */
static gint64
plain_lowest_from (const PlainFunds *plain,
                   LedgerFund        fund,
                   const char       *date,
                   char              out_day[11])
{
  gint64 balance = plain_balance (plain, fund, date), lowest = balance;

  g_strlcpy (out_day, date, 11);
  for (guint i = 0; i < plain->days[fund]->len; i++)
    {
      const FundDay *day = &g_array_index (plain->days[fund], FundDay, i);

      if (strcmp (day->date, date) <= 0)
        continue;
      balance += day->amount;
      if (balance < lowest)
        {
          lowest = balance;
          g_strlcpy (out_day, day->date, 11);
        }
    }
  return lowest;
}

/* A random day of @year. */
static void
random_day (int  year,
            char out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", year, g_test_rand_int_range (1, 13), g_test_rand_int_range (1, 29));
}

static const char *const money_accounts[] = { "cash", "bank", "wechat", "alipay" };

/* More entries on random days of the demo's years, most of them before
 * entries already in the book: income to every fund, spending from the
 * operating fund, transfers. An entry the journal refuses (an account
 * that would go below zero on some day) is simply not there. */
static guint
add_random_entries (LedgerBook *book,
                    int         first_year,
                    int         last_year,
                    guint       count)
{
  guint written = 0, of_kind[3] = { 0, 0, 0 };

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *voucher = NULL;
      const char *account = money_accounts[g_test_rand_int_range (0, G_N_ELEMENTS (money_accounts))];
      gint64 amount = g_test_rand_int_range (1, 500000);
      char day[11];
      gboolean ok = FALSE;

      int kind = g_test_rand_int_range (0, 3);

      random_day (g_test_rand_int_range (first_year, last_year + 1), day);
      switch (kind)
        {
        case 0:
          {
            LedgerFund fund = (LedgerFund) g_test_rand_int_range (0, LEDGER_FUND_COUNT);

            ok = ledger_income_record (book, amount,
                                       (LedgerIncomeCategory) g_test_rand_int_range (0, LEDGER_INCOME_CATEGORY_COUNT),
                                       account, &fund, "某公司", day, "", &voucher, &error);
          }
          break;
        case 1:
          {
            g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();

            g_strlcpy (e->date, day, sizeof e->date);
            e->amount = amount / 10 + 1;
            /* ledger_expenditure_new() gave each text a default. */
            g_free (e->payee);
            e->payee = g_strdup ("五金店");
            g_free (e->category);
            e->category = g_strdup ("repair");
            e->method = LEDGER_METHOD_CASH;
            g_free (e->approvers);
            e->approvers = g_strdup ("陈主任,刘委员");
            ok = ledger_expenditure_record (book, e, NULL, &error);
          }
          break;
        default:
          {
            const char *to = money_accounts[g_test_rand_int_range (0, G_N_ELEMENTS (money_accounts))];

            ok = strcmp (to, account) != 0 &&
                 ledger_transfer (book, amount / 20 + 1, account, to, g_test_rand_int_range (0, 2) * 100, day, "",
                                  &voucher, &error);
          }
          break;
        }
      if (ok)
        {
          written++;
          of_kind[kind]++;
        }
      else if (error != NULL)
        g_assert_true (error->code == LEDGER_ERROR_CONFLICT || error->code == LEDGER_ERROR_INVALID_INPUT);
    }
  /* Some of each: income, spending, transfers. */
  g_test_message ("%u incomes, %u expenditures, %u transfers", of_kind[0], of_kind[1], of_kind[2]);
  for (int k = 0; k < 3; k++)
    g_assert_cmpuint (of_kind[k], >, 5);
  return written;
}

/* The day after @iso, and the day before. */
static void
day_shift (const char *iso,
           int         days,
           char        out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_date_strftime (out, 11, "%Y-%m-%d", &date);
}

/* Every day a fund moved, with the days either side; before the first
 * entry; and a random day of each month of the book's years. */
static GPtrArray *
dates_to_check (const PlainFunds *plain,
                int               first_year,
                int               last_year)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_add (dates, g_strdup ("1999-12-31"));
  g_ptr_array_add (dates, g_strdup_printf ("%04d-12-31", last_year + 1));
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    for (guint i = 0; i < plain->days[f]->len; i++)
      {
        const char *date = g_array_index (plain->days[f], FundDay, i).date;

        if (!g_hash_table_add (seen, (gpointer) date))
          continue;
        for (int shift = -1; shift <= 1; shift++)
          {
            char *day = g_malloc (11);

            day_shift (date, shift, day);
            g_ptr_array_add (dates, day);
          }
      }
  for (int year = first_year; year <= last_year; year++)
    for (int month = 1; month <= 12; month++)
      g_ptr_array_add (dates, g_strdup_printf ("%04d-%02d-%02d", year, month, g_test_rand_int_range (1, 29)));
  return dates;
}

static void
assert_funds_as_defined (LedgerBook *book,
                         int         first_year,
                         int         last_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  PlainFunds plain = { { NULL } };
  gint64 funds[LEDGER_FUND_COUNT];
  guint moved = 0;

  plain_funds_read (book, &plain);
  /* The book must exercise every fund, or the comparison proves little. */
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    {
      g_assert_cmpuint (plain.days[f]->len, >, 1);
      moved += plain.days[f]->len;
    }

  g_assert_true (ledger_fund_balances (book, NULL, funds, &error));
  g_assert_no_error (error);
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    g_assert_cmpint (funds[f], ==, plain_balance (&plain, (LedgerFund) f, NULL));

  dates = dates_to_check (&plain, first_year, last_year);
  g_assert_cmpuint (dates->len, >, moved);
  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);

      g_assert_true (ledger_fund_balances (book, date, funds, &error));
      g_assert_no_error (error);
      for (int f = 0; f < LEDGER_FUND_COUNT; f++)
        {
          char day[11], plain_day[11];
          gint64 lowest = -1;

          g_assert_cmpint (funds[f], ==, plain_balance (&plain, (LedgerFund) f, date));
          g_assert_true (ledger_fund_lowest_from (book, (LedgerFund) f, date, &lowest, day, &error));
          g_assert_no_error (error);
          g_assert_cmpint (lowest, ==, plain_lowest_from (&plain, (LedgerFund) f, date, plain_day));
          g_assert_cmpstr (day, ==, plain_day);
        }
    }
  plain_funds_clear (&plain);
}

/* A demo community of three years (every kind of entry, both restricted
 * funds), then 150 more entries on random days: the figures agree with
 * the definition at every date checked, and the book verifies. */
static void
test_random_books (void)
{
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      const LedgerDemoOptions demo = { .households = 40, .years = 3, .end_year = 2026,
                                       .seed = seed * 7919 + g_test_rand_int_range (0, 1000) };
      g_autoptr(GError) error = NULL;
      BookFixture f;
      guint written;

      book_fixture_init (&f, "资金核对小区", &demo);
      assert_funds_as_defined (f.book, 2024, 2026);
      written = add_random_entries (f.book, 2024, 2026, 150);
      g_test_message ("seed %u: %u random entries written", demo.seed, written);
      g_assert_cmpuint (written, >, 50);
      assert_funds_as_defined (f.book, 2024, 2026);
      g_assert_true (ledger_verify (f.book, NULL, &error));
      g_assert_no_error (error);
      book_fixture_clear (&f);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/funds/as-defined/random-books", test_random_books);
  return g_test_run ();
}

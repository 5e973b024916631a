/* test-limits.c — the ceilings of ledger-limits.h and the rules of issue 13's
 * "Money that cannot be right", on the ledger functions the window and the
 * command line both call.
 *
 * - ledger_total_add() and ledger_total_mul() at and around every edge,
 *   with pseudo-random operands checked against 128-bit arithmetic;
 * - ledger_check_entry_date() for every days-ahead setting from 0 to 366
 *   against today, today + N and today + N + 1, on the book's clock;
 * - the void of a payment dated ahead, dated with it;
 * - the window's expenditure path (ledger_expenditure_record) refusing approvers;
 * - a household edit during an open vote refused, with the tally unchanged.
 * Each refusal leaves the journal as it was.
 */
#include <stdlib.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-journal-private.h"
#include "ledger-money-private.h"
#include "ledger.h"

typedef BookFixture Fixture;

#define TODAY "2026-06-30"

static const BookFixtureOptions fixture_options = { "上限测试小区", NULL, TODAY };

/* ------------------------------------------------------------------ */
/* Checked sums */

/* Wide enough for any sum or product of two gint64 (__extension__: a
 * GCC type, which -Wpedantic otherwise reports). */
__extension__ typedef __int128 Wide;

static gboolean
fits (Wide value)
{
  return value >= -LEDGER_TOTAL_MAX && value <= LEDGER_TOTAL_MAX;
}

static void
check_add (gint64 a,
           gint64 b)
{
  gint64 total = a;
  gboolean ok = ledger_total_add (&total, b);

  g_assert_cmpint (ok, ==, fits ((Wide) a + b));
  g_assert_cmpint (total, ==, ok ? a + b : a);
}

static void
check_mul (gint64 a,
           gint64 b)
{
  gint64 product = 42;
  gboolean ok = ledger_total_mul (a, b, &product);

  g_assert_cmpint (ok, ==, fits ((Wide) a * b));
  if (ok)
    g_assert_cmpint (product, ==, a * b);
  else
    g_assert_cmpint (product, ==, 42);
}

static void
test_checked_arithmetic (void)
{
  static const gint64 edges[] = {
    0, 1, -1, 99, LEDGER_AMOUNT_MAX, LEDGER_AMOUNT_MAX + 1, LEDGER_TOTAL_MAX - 1, LEDGER_TOTAL_MAX,
    LEDGER_TOTAL_MAX + 1, -LEDGER_TOTAL_MAX, -LEDGER_TOTAL_MAX - 1, G_MAXINT64, G_MININT64,
    G_MAXINT64 / 2, 10000000000LL, 3037000500LL,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (edges); j++)
      {
        check_add (edges[i], edges[j]);
        check_mul (edges[i], edges[j]);
      }
  for (int i = 0; i < 100000; i++)
    {
      gint64 a = (gint64) ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 0, 63);
      gint64 b = (gint64) ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 0, 63);

      check_add (a, b);
      check_mul (a, b);
    }
}

static void
test_saturating (void)
{
  static const gint64 amounts[] = { LEDGER_AMOUNT_MAX, -LEDGER_AMOUNT_MAX, G_MAXINT64, G_MININT64, 1, -1 };

  for (gsize i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gint64 up = LEDGER_TOTAL_MAX, down = -LEDGER_TOTAL_MAX;

      /* Past the ceiling it sticks just outside it, on the side it went. */
      for (int k = 0; k < 3; k++)
        {
          ledger_total_add_saturating (&up, amounts[i] > 0 ? amounts[i] : 0);
          ledger_total_add_saturating (&down, amounts[i] < 0 ? amounts[i] : 0);
        }
      g_assert_cmpint (up, ==, amounts[i] > 0 ? LEDGER_TOTAL_MAX + 1 : LEDGER_TOTAL_MAX);
      g_assert_cmpint (down, ==, amounts[i] < 0 ? -LEDGER_TOTAL_MAX - 1 : -LEDGER_TOTAL_MAX);
    }
  {
    gint64 sum = 0;

    for (int k = 0; k < 1000; k++)
      ledger_total_add_saturating (&sum, LEDGER_AMOUNT_MAX);
    g_assert_cmpint (sum, ==, 1000 * LEDGER_AMOUNT_MAX);
  }
}

static void
test_total_add_or_error (void)
{
  g_autoptr(GError) error = NULL;
  gint64 total = LEDGER_TOTAL_MAX - LEDGER_AMOUNT_MAX;

  g_assert_true (ledger_total_add_or_error (&total, LEDGER_AMOUNT_MAX, "the income", &error));
  g_assert_cmpint (total, ==, LEDGER_TOTAL_MAX);
  g_assert_false (ledger_total_add_or_error (&total, 1, "the income", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "the income"));
  g_assert_cmpint (total, ==, LEDGER_TOTAL_MAX);
}

/* ------------------------------------------------------------------ */
/* Dates */

static char *
day_after (const char *iso,
           int         days)
{
  g_autoptr(GDate) d = g_date_new ();

  /* TODAY is ISO; g_date_set_parse() would follow the locale. */
  g_date_set_dmy (d, (GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5), (GDateYear) atoi (iso));
  g_date_add_days (d, (guint) days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static void
test_entry_dates (Fixture       *f,
                  gconstpointer  data)
{
  static const int settings[] = { 0, 1, 2, 6, 7, 28, 29, 30, 31, 183, 365, 366 };

  for (gsize i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("%d", settings[i]);
      g_autofree char *last = day_after (TODAY, settings[i]);
      g_autofree char *over = day_after (TODAY, settings[i] + 1);

      g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_DAYS_AHEAD, value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ledger_settings_get_days_ahead (f->book), ==, settings[i]);
      g_assert_true (ledger_check_entry_date (f->book, TODAY, "--date", &error));
      g_assert_true (ledger_check_entry_date (f->book, "2000-01-01", "--date", &error));
      g_assert_true (ledger_check_entry_date (f->book, last, "--date", &error));
      g_assert_no_error (error);
      g_assert_false (ledger_check_entry_date (f->book, over, "--date", &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "--date"));
      g_clear_error (&error);
      g_assert_false (ledger_check_entry_date (f->book, "1999-12-31", "--date", &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
    }
  /* A value out of range is refused and changes nothing. */
  {
    g_autoptr(GError) error = NULL;
    gint64 before = book_journal_count (f->book);

    g_assert_false (ledger_settings_set (f->book, LEDGER_SETTING_DAYS_AHEAD, "367", &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
    g_assert_cmpint (book_journal_count (f->book), ==, before);
  }
}

static void
test_void_follows_its_payment (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerReceipt) receipt = NULL;
  sqlite3_stmt *stmt;

  book_add_household_of (f->book, "1-1-101", "", 9000);
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_DAYS_AHEAD, "10", &error));
  g_assert_true (ledger_pay (f->book, "1-1-101", 10000, LEDGER_METHOD_CASH, "2026-07-09", &receipt, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_void (f->book, receipt->number, "收错", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                                       "SELECT date FROM txns WHERE kind = 'void'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2026-07-09");
  sqlite3_finalize (stmt);
}

/* ------------------------------------------------------------------ */
/* Approvers, as the window's dialog sends them */

static void
test_approvers (Fixture       *f,
                gconstpointer  data)
{
  static const char *const refused[] = {
    "张三", "王主任,王主任", "王主任, 王 主任", "赵委员", "王主任,", "王主任，赵委员",
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_member_add (f->book, "王主任", "主任", &error));
  g_assert_true (ledger_member_add (f->book, "赵委员", "委员", &error));
  g_assert_true (ledger_member_retire (f->book, "赵委员", &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
      gint64 before = book_journal_count (f->book);

      e->amount = 1000;
      g_free (e->payee), e->payee = g_strdup ("保洁");
      g_free (e->category), e->category = g_strdup ("cleaning");
      g_free (e->approvers), e->approvers = g_strdup (refused[i]);
      g_assert_false (ledger_expenditure_record (f->book, e, NULL, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "--approvers"));
      g_clear_error (&error);
      g_assert_cmpint (book_journal_count (f->book), ==, before);
    }
}

/* ------------------------------------------------------------------ */
/* The register during a vote */

static void
test_owner_key_during_vote (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerHousehold) moved = NULL;
  g_autoptr(LedgerVote) before = NULL, after = NULL;
  gint64 vote = 0, size;

  book_add_household_of (f->book, "1-1-101", "K", 9000);
  book_add_household_of (f->book, "1-1-102", "K", 6000);
  book_add_household_of (f->book, "1-1-103", "", 5000);
  g_assert_true (ledger_vote_new (f->book, "表决", NULL, 9, NULL, NULL, &vote, &error));
  g_assert_true (ledger_vote_ballot (f->book, vote, "1-1-101", LEDGER_CHOICE_YES, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  before = ledger_vote_lookup (f->book, vote, &error);
  g_assert_cmpint (before->tally.heads_total, ==, 2);
  g_assert_cmpint (before->tally.area_voted, ==, 15000);

  size = book_journal_count (f->book);
  moved = ledger_household_lookup (f->book, "1-1-102", &error);
  g_free (moved->owner_key), moved->owner_key = g_strdup ("K2");
  g_assert_false (ledger_household_update (f->book, moved, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (book_journal_count (f->book), ==, size);

  /* The second unit of the voter is still the same head. */
  g_assert_false (ledger_vote_ballot (f->book, vote, "1-1-102", LEDGER_CHOICE_NO, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  after = ledger_vote_lookup (f->book, vote, NULL);
  g_assert_cmpmem (&before->tally, sizeof before->tally, &after->tally, sizeof after->tally);
}

/* Households are never deleted, so the next id is the count: a register
 * that reached the ceiling (one row with the ceiling's id stands in for
 * 100,000 households) takes no more, and the refusal writes nothing. */
static void
test_households_ceiling (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LedgerHousehold) h = ledger_household_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO households (id, unit, building, entrance, room, owner, owner_key, phone, area,"
    " spaces, status, move_in) VALUES (%d, '99-1-101', 99, 1, 101, 'x', '99-1-101', '', 0, 0,"
    " 'occupied', '')", LEDGER_HOUSEHOLDS_MAX);
  gint64 before;

  book_add_household_of (f->book, "1-1-101", "", 9000);
  g_assert_cmpint (sqlite3_exec (ledger_book_get_db (f->book), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  before = book_journal_count (f->book);
  h->unit = g_strdup ("1-1-102");
  h->owner = g_strdup ("业主");
  h->area = 100;
  g_assert_false (ledger_household_add (f->book, h, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "100000"));
  g_assert_cmpint (book_journal_count (f->book), ==, before);
}

typedef struct
{
  const char *date;
  const char *account;
  gint64      amount; /* into @account; the other side is prepaid */
  const char *also;   /* a second split on @account of -@amount, or NULL */
} MoneyPosting;

static gboolean
post_money_cb (LedgerBook *book,
               gpointer    user_data,
               GError    **error)
{
  const MoneyPosting *m = user_data;
  g_autoptr(LedgerPosting) posting = ledger_posting_new ("test", m->date);

  ledger_posting_add (posting, m->account, 0, m->amount);
  if (m->also != NULL)
    ledger_posting_add (posting, m->account, 0, -m->amount);
  else
    ledger_posting_add (posting, "prepaid", 0, -m->amount);
  return ledger_posting_commit (posting, book, NULL, error);
}

/* The journal's gate: no posting, whatever wrote it, takes a money
 * account below zero on any day from its date on. */
static void
test_money_accounts_never_below_zero (Fixture       *f,
                                      gconstpointer  data)
{
  static const struct { MoneyPosting posting; const char *refused_day; const char *short_by; } steps[] = {
    { { "2026-03-01", "cash", 100000, NULL }, NULL, NULL },
    { { "2026-02-01", "cash", -50000, NULL }, "2026-02-01", "¥500.00" },     /* before the money came */
    { { "2026-03-01", "bank", -1, NULL }, "2026-03-01", "¥0.01" },           /* another account */
    { { "2026-03-01", "cash", -30000, "both" }, NULL, NULL },               /* in and out: takes nothing */
    { { "2026-04-01", "cash", -100000, NULL }, NULL, NULL },                /* all of it */
    { { "2026-03-15", "cash", -1, NULL }, "2026-04-01", "¥0.01" },           /* leaves April short */
    { { "2026-05-01", "cash", 20000, NULL }, NULL, NULL },
    { { "2026-03-20", "wechat", -20000, NULL }, "2026-03-20", "¥200.00" },
    { { "2026-05-02", "cash", -20001, NULL }, "2026-05-02", "¥0.01" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 before = book_journal_count (f->book);
      gboolean ok = ledger_book_write (f->book, post_money_cb, (gpointer) &steps[i].posting, &error);

      if (steps[i].refused_day == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
      g_assert_nonnull (strstr (error->message, steps[i].posting.account));
      g_assert_nonnull (strstr (error->message, steps[i].refused_day));
      g_assert_nonnull (strstr (error->message, steps[i].short_by));
      g_assert_cmpint (book_journal_count (f->book), ==, before);
    }
}

/* The spend limit in force on a day is the last change dated on or
 * before it; every book starts at ¥5,000.00. */
static void
test_spend_limit_of_the_day (Fixture       *f,
                             gconstpointer  data)
{
  static const struct { const char *day; gint64 limit; } expected[] = {
    { "2026-01-31", 500000 }, { "2026-02-01", 100000 }, { "2026-03-31", 100000 },
    { "2026-04-01", 900000 }, { "2027-01-01", 900000 },
  };
  g_autoptr(GError) error = NULL;
  gint64 limit = 0;

  ledger_book_set_clock (f->book, "2026-02-01");
  g_assert_true (ledger_set_spend_limit (f->book, 100000, &error));
  ledger_book_set_clock (f->book, "2026-04-01");
  g_assert_true (ledger_set_spend_limit (f->book, 900000, &error));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (ledger_spend_limit_on (f->book, expected[i].day, &limit, &error));
      g_assert_cmpint (limit, ==, expected[i].limit);
    }
  g_assert_true (ledger_spend_limit_on (f->book, NULL, &limit, &error)); /* today: the clock's */
  g_assert_cmpint (limit, ==, 900000);
  g_assert_true (ledger_check_expenditure_vote_on (f->book, 90000, 0, FALSE, "2026-03-01", &error));
  g_assert_false (ledger_check_expenditure_vote_on (f->book, 100001, 0, FALSE, "2026-03-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  ledger_book_set_clock (f->book, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_unsetenv ("COMMUNITY_LEDGER_NOW");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/limits/checked-arithmetic", test_checked_arithmetic);
  g_test_add_func ("/limits/saturating", test_saturating);
  g_test_add_func ("/limits/total-add-or-error", test_total_add_or_error);
#define ADD(path, func) BOOK_FIXTURE_ADD (path, &fixture_options, func)
  ADD ("/limits/entry-dates", test_entry_dates);
  ADD ("/limits/void-follows-its-payment", test_void_follows_its_payment);
  ADD ("/limits/approvers", test_approvers);
  ADD ("/limits/owner-key-during-vote", test_owner_key_during_vote);
  ADD ("/limits/households-ceiling", test_households_ceiling);
  ADD ("/limits/money-accounts-never-below-zero", test_money_accounts_never_below_zero);
  ADD ("/limits/spend-limit-of-the-day", test_spend_limit_of_the_day);
  return g_test_run ();
}

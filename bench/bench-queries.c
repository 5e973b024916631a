/* bench-queries.c — the ledger's queries timed in process, without the
 * command line's start-up: what a screen pays when it shows them.
 *
 * bench/run compiles it against the static ledger libraries of the build it
 * benchmarks (BUILD/ledger/libledger-*.a, users first; no meson change
 * needed):
 *   cc -O2 -include BUILD/config.h -I ledger -I ledger/{base,values,core,domain,io,reports,models,demo} \
 *      bench-queries.c BUILD/ledger/libledger-{demo,models,io,reports,domain,core,values,base}.a \
 *      $(pkg-config --cflags --libs gio-2.0 sqlite3 nettle) -o bench-queries
 *   bench-queries BOOK UNIT RUNS
 * and prints one JSON object a line: {"name", "first_ms", "median_ms", "cpu_ms", "runs"}.
 * "first" is the first call after the book was opened (cold caches inside
 * SQLite), "median" the median of RUNS further calls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ledger.h"

typedef void (*QueryFunc) (LedgerBook *book);

static const char *unit;
static const char *book_path;

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double now_ms (void) { return clock_ms (CLOCK_MONOTONIC); }
static double cpu_ms (void) { return clock_ms (CLOCK_PROCESS_CPUTIME_ID); }

static void
check (gboolean ok, GError *error, const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "bench-queries: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
  g_clear_error (&error);
}

static int
today_year (LedgerBook *book)
{
  char today[11];

  ledger_book_today (book, today);
  return ledger_date_year (today);
}

static void
q_arrears (LedgerBook *book)
{
  GError *error = NULL;
  LedgerArrearsReport *r = ledger_report_arrears (book, 0, &error);

  check (r != NULL, error, "arrears");
  ledger_arrears_report_free (r);
}

/* What ClOverviewPage's reload calls (and `report overview` prints). */
static void
q_overview (LedgerBook *book)
{
  GError *error = NULL;
  LedgerOverview o;

  check (ledger_overview_compute (book, NULL, &o, &error), error, "overview");
}

/* What the payments page shows when a unit is picked (the closest the
 * ledger has to one household's history). */
static void
q_household_due (LedgerBook *book)
{
  GError *error = NULL;
  LedgerHouseholdDue *due = ledger_household_due (book, unit, &error);

  check (due != NULL, error, "household due");
  ledger_household_due_free (due);
}

/* One household's full history (`household show UNIT`): every charge,
 * receipt and waiver with the totals. */
static void
q_history (LedgerBook *book)
{
  GError *error = NULL;
  LedgerHouseholdHistory *h = ledger_household_history (book, unit, &error);

  check (h != NULL, error, "household history");
  ledger_household_history_free (h);
}

/* The Overview page's money by account and by fund: the balance report at
 * the book's today (and `report balance`, which has no date). */
static void
q_balance_sheet (LedgerBook *book)
{
  GError *error = NULL;
  char today[11];
  LedgerBalanceSheet *sheet;

  ledger_book_today (book, today);
  sheet = ledger_report_balance_sheet (book, today, &error);
  check (sheet != NULL, error, "balance sheet");
  ledger_balance_sheet_free (sheet);
}

/* The last whole year: the demo's current year is only partly written. */
static void
last_year (LedgerBook   *book,
           LedgerPeriod *out)
{
  ledger_period_for_year (today_year (book) - 1, out);
}

/* `report trial-balance --period YEAR`. */
static void
q_trial_balance (LedgerBook *book)
{
  GError *error = NULL;
  LedgerPeriod year;
  LedgerTrialBalance *trial;

  last_year (book, &year);
  trial = ledger_report_trial_balance (book, &year, &error);
  check (trial != NULL, error, "trial balance");
  ledger_trial_balance_free (trial);
}

/* `report cashbook bank --period YEAR`. */
static void
q_cashbook_bank (LedgerBook *book)
{
  GError *error = NULL;
  LedgerPeriod year;
  LedgerCashbook *cashbook;

  last_year (book, &year);
  cashbook = ledger_report_cashbook (book, "bank", &year, &error);
  check (cashbook != NULL, error, "cash book");
  ledger_cashbook_free (cashbook);
}

/* Everything a notice of the last quarter of the last whole year shows,
 * read (ledger_notice_gather(), before any drawing). */
static void
q_notice (LedgerBook *book)
{
  GError *error = NULL;
  g_autofree char *name = g_strdup_printf ("%d-Q4", today_year (book) - 1);
  LedgerPeriod quarter;
  LedgerNoticeData *data;

  check (ledger_period_parse (name, "period", &quarter, &error), error, "quarter");
  data = ledger_notice_gather (book, &quarter, &error);
  check (data != NULL, error, "notice");
  ledger_notice_data_free (data);
}

static void
q_households_model (LedgerBook *book)
{
  GError *error = NULL;
  GListModel *m = ledger_household_model_new (book, today_year (book), &error);

  check (m != NULL, error, "households model");
  (void) g_list_model_get_n_items (m);
  g_object_unref (m);
}

static void
q_receipts_model (LedgerBook *book)
{
  GError *error = NULL;
  GListModel *m = ledger_receipt_model_new (book, today_year (book), &error);

  check (m != NULL, error, "receipts model");
  (void) g_list_model_get_n_items (m);
  g_object_unref (m);
}

static void
q_fingerprint (LedgerBook *book)
{
  GError *error = NULL;
  LedgerTreeHead head;

  check (ledger_book_fingerprint (book, &head, &error), error, "fingerprint");
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *name, double first, double *t, double *c, int runs)
{
  qsort (t, runs, sizeof *t, cmp_double);
  qsort (c, runs, sizeof *c, cmp_double);
  printf ("{\"name\":\"%s\",\"first_ms\":%.3f,\"median_ms\":%.3f,\"cpu_ms\":%.3f,\"runs\":%d}\n",
          name, first, t[runs / 2], c[runs / 2], runs);
  fflush (stdout);
}

static LedgerBook *
open_book (void)
{
  GError *error = NULL;
  LedgerBook *book = ledger_community_open (book_path, LEDGER_BOOK_OPEN_READ_ONLY |
                                                        LEDGER_BOOK_OPEN_NO_CHECK, &error);

  check (book != NULL, error, "open");
  return book;
}

int
main (int argc, char **argv)
{
  static const struct { const char *name; QueryFunc func; } queries[] = {
    { "arrears", q_arrears },
    { "overview", q_overview },
    { "balance_sheet", q_balance_sheet },
    { "trial_balance", q_trial_balance },
    { "cashbook_bank", q_cashbook_bank },
    { "notice", q_notice },
    { "household_due", q_household_due },
    { "household_history", q_history },
    { "households_model", q_households_model },
    { "receipts_model", q_receipts_model },
    { "fingerprint", q_fingerprint },
  };
  int runs;
  double *t, *c, first = 0;

  if (argc != 4)
    {
      fprintf (stderr, "usage: bench-queries BOOK UNIT RUNS\n");
      return 2;
    }
  book_path = argv[1];
  unit = argv[2];
  runs = MAX (1, atoi (argv[3]));
  t = g_new (double, runs);
  c = g_new (double, runs);

  /* Opening (with its quick_check), then closing. */
  for (int i = -1; i < runs; i++)
    {
      double c0 = cpu_ms (), t0 = now_ms ();
      LedgerBook *book = open_book ();
      double t1 = now_ms (), c1 = cpu_ms ();

      g_object_unref (book);
      if (i < 0)
        first = t1 - t0;
      else
        t[i] = t1 - t0, c[i] = c1 - c0;
    }
  report ("open", first, t, c, runs);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      LedgerBook *book = open_book ();
      double t0 = now_ms ();

      queries[q].func (book);
      first = now_ms () - t0;
      for (int i = 0; i < runs; i++)
        {
          double c0 = cpu_ms ();

          t0 = now_ms ();
          queries[q].func (book);
          t[i] = now_ms () - t0;
          c[i] = cpu_ms () - c0;
        }
      report (queries[q].name, first, t, c, runs);
      g_object_unref (book);
    }
  g_free (t);
  g_free (c);
  return 0;
}

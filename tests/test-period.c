/* test-period.c — dates, periods and years
 *
 * Unit tests for ledger-period: dates as typed, periods such as 2026-Q1,
 * years. No book, no display.
 * Most tests are tables; a failing row names its input.
 */
#define G_LOG_DOMAIN "test-period"

#include <string.h>

#include <glib.h>

#include "value-checks.h"

/* ---------------------------------------------------------------- dates */

static void
test_date_parse_accepts (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "2026-03-01", "2026-03-01" },
    { "2026/03/01", "2026-03-01" },
    { "2026-3-1", "2026-03-01" },
    { "2026/3/15", "2026-03-15" },
    { "２０２６－０３－０１", "2026-03-01" },
    { "２０２６／３／１", "2026-03-01" },
    { " 2026-03-01 ", "2026-03-01" },
    { "　2026-12-31　", "2026-12-31" },
    { "2028-02-29", "2028-02-29" },
    { "2000-02-29", "2000-02-29" },
    { "1900-01-01", "1900-01-01" },
    { "2200-12-31", "2200-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char iso[11] = "";

      if (!ledger_date_parse (cases[i].text, "date", iso, &error))
        g_test_fail_printf ("“%s” was refused: %s", cases[i].text, error->message);
      else
        check_string (cases[i].text, iso, cases[i].expected);
    }
}

static void
test_date_parse_rejects (void)
{
  static const RejectCase cases[] = {
    { "", 0, "nothing entered" },
    { NULL, 0, "nothing entered" },
    { "  ", 0, "nothing entered" },
    { "2026-02-30", 0, "no such date" },
    { "2027-02-29", 0, "no such date" },
    { "2100-02-29", 0, "no such date" },
    { "2026/13/01", 0, "no such date" },
    { "2026-00-10", 0, "no such date" },
    { "2026-01-00", 0, "no such date" },
    { "2026-04-31", 0, "no such date" },
    { "1899-12-31", 0, "between 1900 and 2200" },
    { "2201-01-01", 0, "between 1900 and 2200" },
    { "2026-1-1x", 0, "not a date" },
    { "2026-03/01", 0, "not a date" },
    { "26-03-01", 0, "not a date" },
    { "02026-03-01", 0, "not a date" },
    { "2026-003-01", 0, "not a date" },
    { "2026-03-001", 0, "not a date" },
    { "2026-03-01T00:00", 0, "not a date" },
    { "2026.03.01", 0, "not a date" },
    { "2026-03", 0, "not a date" },
    { "2026--03-01", 0, "not a date" },
    { "2026年3月1日", 0, "not a date" },
    { "\xff", 0, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char iso[11] = "unchanged";

      if (ledger_date_parse (cases[i].text, "date", iso, &error))
        g_test_fail_printf ("“%s” gave “%s”", cases[i].text, iso);
      else
        check_invalid_input (cases[i].text, error, "date", cases[i].reason);
      g_assert_cmpstr (iso, ==, "unchanged");
    }
}

static void
test_date_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char today[11];
  char parsed[11];

  ledger_date_today (today);
  g_assert_cmpuint (strlen (today), ==, 10);
  g_assert_true (ledger_date_parse (today, "today", parsed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, today);
  /* Allow for the test running across midnight on New Year's Eve. */
  g_assert_cmpint (ABS (ledger_date_year (today) - g_date_time_get_year (now)), <=, 1);
}

static void
test_date_year (void)
{
  g_assert_cmpint (ledger_date_year ("2026-03-01"), ==, 2026);
  g_assert_cmpint (ledger_date_year ("1900-01-01"), ==, 1900);
}

/* -------------------------------------------------------------- periods */

static void
test_period_parse_accepts (void)
{
  static const struct
  {
    const char *text;
    const char *name;
    const char *first;
    const char *last;
  } cases[] = {
    { "2026", "2026", "2026-01-01", "2026-12-31" },
    { "2026-Q1", "2026-Q1", "2026-01-01", "2026-03-31" },
    { "2026-q1", "2026-Q1", "2026-01-01", "2026-03-31" },
    { "2026-Q2", "2026-Q2", "2026-04-01", "2026-06-30" },
    { "2026-Q3", "2026-Q3", "2026-07-01", "2026-09-30" },
    { "2026-Q4", "2026-Q4", "2026-10-01", "2026-12-31" },
    { "2026-03", "2026-03", "2026-03-01", "2026-03-31" },
    { "2026-3", "2026-03", "2026-03-01", "2026-03-31" },
    { "2026-04", "2026-04", "2026-04-01", "2026-04-30" },
    { "2026-02", "2026-02", "2026-02-01", "2026-02-28" },
    { "2028-02", "2028-02", "2028-02-01", "2028-02-29" },
    { "2000-2", "2000-02", "2000-02-01", "2000-02-29" },
    { "2100-02", "2100-02", "2100-02-01", "2100-02-28" },
    { "2026-12", "2026-12", "2026-12-01", "2026-12-31" },
    { "２０２６－Ｑ１", "2026-Q1", "2026-01-01", "2026-03-31" },
    { "２０２６－ｑ２", "2026-Q2", "2026-04-01", "2026-06-30" },
    { " 2026-03 ", "2026-03", "2026-03-01", "2026-03-31" },
    { "1900", "1900", "1900-01-01", "1900-12-31" },
    { "2200-Q4", "2200-Q4", "2200-10-01", "2200-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      LedgerPeriod period = { 0 };

      if (!ledger_period_parse (cases[i].text, "period", &period, &error))
        {
          g_test_fail_printf ("“%s” was refused: %s", cases[i].text, error->message);
          continue;
        }
      check_string (cases[i].text, period.name, cases[i].name);
      check_string (cases[i].text, period.first, cases[i].first);
      check_string (cases[i].text, period.last, cases[i].last);
      g_assert_cmpint (period.year, ==, ledger_date_year (cases[i].first));
    }
}

static void
test_period_parse_rejects (void)
{
  static const RejectCase cases[] = {
    { "", 0, "nothing entered" },
    { NULL, 0, "nothing entered" },
    { "26", 0, "not a period" },
    { "20260", 0, "not a period" },
    { "abc", 0, "not a period" },
    { "2026-", 0, "not a period" },
    { "2026-Q", 0, "not a period" },
    { "2026-Q12", 0, "not a period" },
    { "2026Q1", 0, "not a period" },
    { "2026-Q1x", 0, "not a period" },
    { "2026 Q1", 0, "not a period" },
    { "2026-03-01", 0, "not a period" },
    { "2026-003", 0, "not a period" },
    { "2026/03", 0, "not a period" },
    { "2026-H1", 0, "not a period" },
    { "2026-Q0", 0, "no such quarter" },
    { "2026-Q5", 0, "no such quarter" },
    { "2026-00", 0, "no such month" },
    { "2026-13", 0, "no such month" },
    { "1899", 0, "between 1900 and 2200" },
    { "2201-Q1", 0, "between 1900 and 2200" },
    { "\xe2\x82", 0, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      LedgerPeriod period = { "unchanged", "", "", 0 };

      if (ledger_period_parse (cases[i].text, "--period", &period, &error))
        g_test_fail_printf ("“%s” gave “%s”", cases[i].text, period.name);
      else
        check_invalid_input (cases[i].text, error, "--period", cases[i].reason);
      g_assert_cmpstr (period.name, ==, "unchanged");
    }
}

static void
test_period_for_year (void)
{
  LedgerPeriod period;

  ledger_period_for_year (2028, &period);
  g_assert_cmpstr (period.name, ==, "2028");
  g_assert_cmpstr (period.first, ==, "2028-01-01");
  g_assert_cmpstr (period.last, ==, "2028-12-31");
  g_assert_cmpint (period.year, ==, 2028);
}

static void
test_year_parse (void)
{
  static const AcceptCase accepts[] = {
    { "2026", 0, 2026 },
    { "２０２６", 0, 2026 },
    { " 2026 ", 0, 2026 },
    { "1900", 0, 1900 },
    { "2200", 0, 2200 },
  };
  static const RejectCase rejects[] = {
    { "", 0, "nothing entered" },
    { "1899", 0, "between 1900 and 2200" },
    { "2201", 0, "between 1900 and 2200" },
    { "20260", 0, "not a year" },
    { "026", 0, "not a year" },
    { "2026a", 0, "not a year" },
    { "-2026", 0, "not a year" },
    { "2026-01", 0, "not a year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepts); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;

      if (!ledger_year_parse (accepts[i].text, "year", &year, &error))
        g_test_fail_printf ("“%s” was refused: %s", accepts[i].text, error->message);
      else
        g_assert_cmpint (year, ==, accepts[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rejects); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = -1;

      if (ledger_year_parse (rejects[i].text, "year", &year, &error))
        g_test_fail_printf ("“%s” gave %d", rejects[i].text, year);
      else
        check_invalid_input (rejects[i].text, error, "year", rejects[i].reason);
      g_assert_cmpint (year, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  value_tests_init (&argc, &argv);

  g_test_add_func ("/date/parse/accepts", test_date_parse_accepts);
  g_test_add_func ("/date/parse/rejects", test_date_parse_rejects);
  g_test_add_func ("/date/today", test_date_today);
  g_test_add_func ("/date/year", test_date_year);
  g_test_add_func ("/period/parse/accepts", test_period_parse_accepts);
  g_test_add_func ("/period/parse/rejects", test_period_parse_rejects);
  g_test_add_func ("/period/for-year", test_period_for_year);
  g_test_add_func ("/year/parse", test_year_parse);

  return g_test_run ();
}

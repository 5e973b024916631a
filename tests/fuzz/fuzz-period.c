/* fuzz-period.c — libFuzzer target for ledger_date_parse(),
 * ledger_period_parse() and ledger_year_parse()
 *
 * The input is the text as typed, up to its first NUL byte, given to all
 * three parsers. Properties:
 *   - nothing crashes, leaks or reads out of bounds;
 *   - an accepted date is canonical "YYYY-MM-DD", exists, has a year in
 *     1900..2200 and parses back to itself;
 *   - an accepted period has first ≤ last, both valid dates of its year
 *     (1900..2200), starts on the 1st and ends on the last day of a month,
 *     spans the 12, 3 or 1 months its name says, and its name parses back
 *     to the same period;
 *   - an accepted year is in range and is also accepted as that year's
 *     period;
 *   - a refusal is LEDGER_ERROR_INVALID_INPUT, one line of valid UTF-8,
 *     naming the field.
 */
#include <stdio.h>
#include <string.h>

#include "ledger.h"

#include "fuzz-common.h"

#define DATE_FIELD "--date"
#define PERIOD_FIELD "--period"
#define YEAR_FIELD "year"
#define YEAR_MIN 1900
#define YEAR_MAX 2200

/* Sets up GLib once; libFuzzer calls this before the first input. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

/* Reads the canonical date @iso into a GDate, aborting when it is not
 * exactly "YYYY-MM-DD" with a year in range and a day that exists. */
static void
check_canonical_date (const char *iso,
                      const char *what,
                      GDate      *out_date)
{
  g_autofree char *shown = fuzz_describe (iso);
  int year = 0, month = 0, day = 0, n = 0;

  FUZZ_CHECK (strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-',
              "%s \"%s\" is not YYYY-MM-DD", what, shown);
  for (int i = 0; i < 10; i++)
    FUZZ_CHECK (i == 4 || i == 7 || g_ascii_isdigit (iso[i]),
                "%s \"%s\" is not YYYY-MM-DD", what, shown);
  FUZZ_CHECK (sscanf (iso, "%4d-%2d-%2d%n", &year, &month, &day, &n) == 3 && n == 10,
              "%s \"%s\" is not YYYY-MM-DD", what, shown);
  FUZZ_CHECK (year >= YEAR_MIN && year <= YEAR_MAX,
              "%s \"%s\" has a year outside %d..%d", what, shown, YEAR_MIN, YEAR_MAX);
  FUZZ_CHECK (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year),
              "%s \"%s\" does not exist", what, shown);
  FUZZ_CHECK (ledger_date_year (iso) == year, "ledger_date_year (\"%s\") = %d",
              shown, ledger_date_year (iso));
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Parses @text as a date and checks the answer. */
static void
check_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fuzz_describe (text);
  char iso[11] = "", back[11] = "";
  GDate date;

  if (!ledger_date_parse (text, DATE_FIELD, iso, &error))
    {
      fuzz_check_field_error (error, DATE_FIELD, "ledger_date_parse");
      return;
    }

  check_canonical_date (iso, "the date", &date);
  FUZZ_CHECK (ledger_date_parse (iso, DATE_FIELD, back, &error) && strcmp (back, iso) == 0,
              "\"%s\" parsed as %s, which does not parse back to itself", shown, iso);
}

/* The number of months from @first to @last inclusive. */
static int
months_between (const GDate *first,
                const GDate *last)
{
  return (g_date_get_year (last) - g_date_get_year (first)) * 12
         + (int) g_date_get_month (last) - (int) g_date_get_month (first) + 1;
}

/* The months a period named @name covers: 12 for "YYYY", 3 for "YYYY-Qn",
 * 1 for "YYYY-MM", or 0 when the name is none of these. */
static int
months_named (const char *name)
{
  gsize len = strlen (name);

  if (len == 4)
    return 12;
  if (len == 7 && name[4] == '-' && name[5] == 'Q' && name[6] >= '1' && name[6] <= '4')
    return 3;
  if (len == 7 && name[4] == '-' && g_ascii_isdigit (name[5]) && g_ascii_isdigit (name[6]))
    return 1;
  return 0;
}

/* The first month of a period named @name (see months_named()). */
static int
first_month_named (const char *name)
{
  switch (months_named (name))
    {
    case 12:
      return 1;
    case 3:
      return 3 * (name[6] - '0') - 2;
    case 1:
      return 10 * (name[5] - '0') + (name[6] - '0');
    default:
      return 0;
    }
}

/* Parses @text as a period and checks the answer. */
static void
check_period (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fuzz_describe (text);
  LedgerPeriod period, again;
  GDate first, last, after;

  memset (&period, 0x55, sizeof period);
  if (!ledger_period_parse (text, PERIOD_FIELD, &period, &error))
    {
      fuzz_check_field_error (error, PERIOD_FIELD, "ledger_period_parse");
      return;
    }

  FUZZ_CHECK (memchr (period.name, '\0', sizeof period.name) != NULL &&
              memchr (period.first, '\0', sizeof period.first) != NULL &&
              memchr (period.last, '\0', sizeof period.last) != NULL,
              "\"%s\": a period field is not NUL-terminated", shown);
  check_canonical_date (period.first, "the period's first day", &first);
  check_canonical_date (period.last, "the period's last day", &last);
  FUZZ_CHECK (strcmp (period.first, period.last) <= 0 && g_date_compare (&first, &last) <= 0,
              "\"%s\": the period starts %s after it ends %s", shown, period.first, period.last);
  FUZZ_CHECK (period.year >= YEAR_MIN && period.year <= YEAR_MAX,
              "\"%s\": the period's year %d is out of range", shown, period.year);
  FUZZ_CHECK (g_date_get_year (&first) == period.year && g_date_get_year (&last) == period.year,
              "\"%s\": the period %s..%s is not within its year %d",
              shown, period.first, period.last, period.year);
  FUZZ_CHECK (g_date_get_day (&first) == 1, "\"%s\": the period starts on %s", shown, period.first);
  after = last;
  g_date_add_days (&after, 1);
  FUZZ_CHECK (g_date_get_day (&after) == 1, "\"%s\": the period ends on %s", shown, period.last);
  FUZZ_CHECK (months_named (period.name) != 0 &&
              months_named (period.name) == months_between (&first, &last) &&
              strncmp (period.name, period.first, 4) == 0 &&
              first_month_named (period.name) == (int) g_date_get_month (&first),
              "\"%s\": the period named \"%s\" covers %s..%s", shown, period.name,
              period.first, period.last);

  /* The normalised name is itself a period, the same one. */
  memset (&again, 0, sizeof again);
  FUZZ_CHECK (ledger_period_parse (period.name, PERIOD_FIELD, &again, &error),
              "\"%s\": the period's name \"%s\" does not parse: %s",
              shown, period.name, error->message);
  FUZZ_CHECK (strcmp (again.name, period.name) == 0 && strcmp (again.first, period.first) == 0 &&
              strcmp (again.last, period.last) == 0 && again.year == period.year,
              "\"%s\": the period's name \"%s\" parses to another period", shown, period.name);
}

/* Parses @text as a year and checks the answer against the period parser. */
static void
check_year (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fuzz_describe (text);
  LedgerPeriod period;
  int year = 0;

  if (!ledger_year_parse (text, YEAR_FIELD, &year, &error))
    {
      fuzz_check_field_error (error, YEAR_FIELD, "ledger_year_parse");
      return;
    }

  FUZZ_CHECK (year >= YEAR_MIN && year <= YEAR_MAX, "\"%s\" accepted as year %d", shown, year);
  FUZZ_CHECK (ledger_period_parse (text, PERIOD_FIELD, &period, &error),
              "\"%s\" is a year but not a period: %s", shown, error->message);
  FUZZ_CHECK (period.year == year && months_named (period.name) == 12,
              "\"%s\" is the year %d but the period %s", shown, year, period.name);
}

/* One fuzz input: the text up to the first NUL, as a date, a period and a year. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_date (text);
  check_period (text);
  check_year (text);
  return 0;
}

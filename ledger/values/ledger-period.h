/* ledger-period.h — calendar dates and reporting periods
 *
 * Dates are stored as ISO 8601 text (YYYY-MM-DD), which sorts and compares
 * as strings. A period is a closed range of dates named the way a notice
 * names it: a year (`2026`), a quarter (`2026-Q1`) or a month (`2026-03`).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char name[16];  /* "2026", "2026-Q1", "2026-03" as given, normalised */
  char first[11]; /* "2026-01-01" */
  char last[11];  /* "2026-03-31" */
  int  year;
} LedgerPeriod;

/* Parses YYYY-MM-DD (also YYYY/MM/DD and full-width digits) into the
 * canonical "YYYY-MM-DD" (11 bytes with NUL). Rejects impossible dates
 * (2026-02-30), years outside 1900..2200, anything else, naming @field. */
gboolean ledger_date_parse (const char *text,
                            const char *field,
                            char        out_iso[11],
                            GError    **error);

/* Today's date in local time as "YYYY-MM-DD". */
void ledger_date_today (char out_iso[11]);

/* The year of a canonical date. */
int ledger_date_year (const char *iso);

/* Parses "2026", "2026-Q1".."2026-Q4" (q in either case), "2026-03" or
 * "2026-3". Anything else is LEDGER_ERROR_INVALID_INPUT naming @field. */
gboolean ledger_period_parse (const char   *text,
                              const char   *field,
                              LedgerPeriod *out,
                              GError      **error);

/* The period for a whole calendar year. */
void ledger_period_for_year (int year, LedgerPeriod *out);

/* Parses a year 1900..2200 given as text, naming @field. */
gboolean ledger_year_parse (const char *text,
                            const char *field,
                            int        *out_year,
                            GError    **error);

G_END_DECLS

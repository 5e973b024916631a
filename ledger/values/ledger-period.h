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

/**
 * ledger_date_parse:
 * @text: a date as typed: YYYY-MM-DD, YYYY/MM/DD, full-width digits
 * @field: the option or column it came from, for the message
 * @out_iso: (out caller-allocates): the canonical "YYYY-MM-DD" (11 bytes
 *   with the NUL)
 * @error: return location for an error
 *
 * Returns: TRUE for a real date of the years 1900..2200; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field for anything else (2026-02-30
 *   included)
 */
gboolean ledger_date_parse (const char *text,
                            const char *field,
                            char        out_iso[11],
                            GError    **error);

/**
 * ledger_date_today:
 * @out_iso: (out caller-allocates): today's date in local time, "YYYY-MM-DD"
 *
 * By the machine's clock; a book's clock (ledger_book_today()) is what
 * entries are dated by.
 */
void ledger_date_today (char out_iso[11]);

/**
 * ledger_date_year:
 * @iso: a canonical date, "YYYY-MM-DD"
 *
 * Returns: its year; 0 (with a warning) for anything else
 */
int ledger_date_year (const char *iso);

/**
 * ledger_period_parse:
 * @text: "2026", "2026-Q1".."2026-Q4" (q in either case), "2026-03" or "2026-3"
 * @field: the option it came from, for the message
 * @out: (out caller-allocates): the period, its name normalised
 * @error: return location for an error
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean ledger_period_parse (const char   *text,
                              const char   *field,
                              LedgerPeriod *out,
                              GError      **error);

/**
 * ledger_period_for_year:
 * @year: a year, 1..9999
 * @out: (out caller-allocates): the period of the whole calendar year
 */
void ledger_period_for_year (int year, LedgerPeriod *out);

/**
 * ledger_year_parse:
 * @text: a year as typed
 * @field: the option it came from, for the message
 * @out_year: (out): the year
 * @error: return location for an error
 *
 * Returns: TRUE for a year 1900..2200; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field
 */
gboolean ledger_year_parse (const char *text,
                            const char *field,
                            int        *out_year,
                            GError    **error);

G_END_DECLS

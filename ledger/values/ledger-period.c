/* ledger-period.c — calendar dates and reporting periods
 *
 * Dates live in the book as "YYYY-MM-DD" text; GLib's GDate decides which
 * of them exist. Periods are the closed ranges a notice covers.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-period.h"
#include "ledger-text-private.h"

/* The years the book accepts: older dates are typing errors (a move-in in
 * 1026), later ones too. */
#define YEAR_MIN 1900
#define YEAR_MAX 2200

/* Reads @min_digits to @max_digits ASCII digits at *p into @out, and fails
 * when there are fewer or more. At most four digits, so no overflow. */
static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *out)
{
  const char *s = *p;
  int value = 0;
  guint n = 0;

  g_assert (max_digits <= 4);

  for (; g_ascii_isdigit (*s) && n < max_digits; s++, n++)
    value = value * 10 + g_ascii_digit_value (*s);

  if (n < min_digits || g_ascii_isdigit (*s))
    return FALSE;

  *p = s;
  *out = value;
  return TRUE;
}

/* Moves *p past @c if it is the next character. */
static gboolean
skip_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* Reports a year outside YEAR_MIN..YEAR_MAX. */
static gboolean
report_year_out_of_range (const char  *text,
                          const char  *field,
                          GError     **error)
{
  g_autofree char *reason =
    g_strdup_printf (_("the year must be between %d and %d"), YEAR_MIN, YEAR_MAX);

  return ledger_text_set_invalid_input (error, field, text, reason);
}

/* Writes the canonical "YYYY-MM-DD". */
static void
format_iso (char out_iso[11],
            int  year,
            int  month,
            int  day)
{
  g_snprintf (out_iso, 11, "%04d-%02d-%02d", year, month, day);
}

/* Splits "YYYY-M-D" or "YYYY/MM/DD" (one separator throughout, month and
 * day with or without a leading zero) into numbers, without judging them. */
static gboolean
split_date (const char *s,
            int        *year,
            int        *month,
            int        *day)
{
  char separator;

  if (!read_digits (&s, 4, 4, year) || (*s != '-' && *s != '/'))
    return FALSE;
  separator = *s++;

  return read_digits (&s, 1, 2, month)
         && skip_char (&s, separator)
         && read_digits (&s, 1, 2, day)
         && *s == '\0';
}

/* Accepts the ways people write a date in China with a keyboard: with
 * dashes or slashes (not mixed), with or without leading zeros, in
 * full-width digits. */
gboolean
ledger_date_parse (const char  *text,
                   const char  *field,
                   char         out_iso[11],
                   GError     **error)
{
  g_autofree char *folded = NULL;
  int year, month, day;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_iso != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = ledger_text_fold_input (text, field, error);
  if (folded == NULL)
    return FALSE;

  if (!split_date (folded, &year, &month, &day))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("not a date (write it as YYYY-MM-DD)"));

  if (year < YEAR_MIN || year > YEAR_MAX)
    return report_year_out_of_range (text, field, error);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("no such date"));

  format_iso (out_iso, year, month, day);
  return TRUE;
}

/* Today in local time: the default date of a payment or an expenditure. */
void
ledger_date_today (char out_iso[11])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (out_iso != NULL);
  g_assert (now != NULL);

  format_iso (out_iso,
              g_date_time_get_year (now),
              g_date_time_get_month (now),
              g_date_time_get_day_of_month (now));
}

/* The year of a canonical date, or 0 (with a critical warning) for
 * anything that does not start with four digits. */
int
ledger_date_year (const char *iso)
{
  const char *p = iso;
  int year;

  g_return_val_if_fail (iso != NULL, 0);

  if (!read_digits (&p, 4, 4, &year))
    g_return_val_if_reached (0);

  return year;
}

/* Fills @out with the months @first_month..@last_month of @year. The name
 * is left to the caller. */
static void
set_months (LedgerPeriod *out,
            int           year,
            int           first_month,
            int           last_month)
{
  format_iso (out->first, year, first_month, 1);
  format_iso (out->last, year, last_month,
              g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year));
  out->year = year;
}

/* Parses what follows "YYYY-" in a period name: "Q1".."Q4" (or "q1") or a
 * month "3" / "03", into @period. */
static gboolean
parse_period_part (const char    *text,
                   const char    *field,
                   const char    *part,
                   LedgerPeriod  *period,
                   GError       **error)
{
  const char *p = part;
  int n;

  if (skip_char (&p, 'Q') || skip_char (&p, 'q'))
    {
      if (!read_digits (&p, 1, 1, &n) || *p != '\0')
        return ledger_text_set_invalid_input (error, field, text,
                                              _("not a period (write it as YYYY, YYYY-Q1 or YYYY-MM)"));
      if (n < 1 || n > 4)
        return ledger_text_set_invalid_input (error, field, text,
                                              _("no such quarter"));
      g_snprintf (period->name, sizeof period->name, "%04d-Q%d", period->year, n);
      set_months (period, period->year, 3 * n - 2, 3 * n);
      return TRUE;
    }

  if (!read_digits (&p, 1, 2, &n) || *p != '\0')
    return ledger_text_set_invalid_input (error, field, text,
                                          _("not a period (write it as YYYY, YYYY-Q1 or YYYY-MM)"));
  if (n < 1 || n > 12)
    return ledger_text_set_invalid_input (error, field, text,
                                          _("no such month"));
  g_snprintf (period->name, sizeof period->name, "%04d-%02d", period->year, n);
  set_months (period, period->year, n, n);
  return TRUE;
}

/* Parses the period a notice or a report covers. @out is written only on
 * success. */
gboolean
ledger_period_parse (const char    *text,
                     const char    *field,
                     LedgerPeriod  *out,
                     GError       **error)
{
  g_autofree char *folded = NULL;
  const char *p;
  LedgerPeriod period;
  int year;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = ledger_text_fold_input (text, field, error);
  if (folded == NULL)
    return FALSE;

  p = folded;
  if (!read_digits (&p, 4, 4, &year) || (*p != '\0' && *p != '-'))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("not a period (write it as YYYY, YYYY-Q1 or YYYY-MM)"));
  if (year < YEAR_MIN || year > YEAR_MAX)
    return report_year_out_of_range (text, field, error);

  ledger_period_for_year (year, &period);
  if (skip_char (&p, '-') && !parse_period_part (text, field, p, &period, error))
    return FALSE;

  *out = period;
  return TRUE;
}

/* The whole calendar year: what `bill` and the yearly notice cover. */
void
ledger_period_for_year (int           year,
                        LedgerPeriod *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (year >= 1 && year <= 9999);

  memset (out, 0, sizeof *out);
  g_snprintf (out->name, sizeof out->name, "%04d", year);
  set_months (out, year, 1, 12);
}

/* Parses a year typed on its own ("bill 2026"): four digits, full-width
 * allowed, within YEAR_MIN..YEAR_MAX. */
gboolean
ledger_year_parse (const char  *text,
                   const char  *field,
                   int         *out_year,
                   GError     **error)
{
  g_autofree char *folded = NULL;
  const char *p;
  int year;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_year != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = ledger_text_fold_input (text, field, error);
  if (folded == NULL)
    return FALSE;

  p = folded;
  if (!read_digits (&p, 4, 4, &year) || *p != '\0')
    return ledger_text_set_invalid_input (error, field, text,
                                          _("not a year (write it as YYYY)"));
  if (year < YEAR_MIN || year > YEAR_MAX)
    return report_year_out_of_range (text, field, error);

  *out_year = year;
  return TRUE;
}

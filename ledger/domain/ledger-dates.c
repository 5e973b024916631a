/* ledger-dates.c — which dates and years the book accepts
 *
 * A date typed a decade wrong cannot be undone once journaled (it takes
 * a receipt number of that year and sorts after everything), so every
 * entry, bill year and move-in passes one of these checks, all by the
 * book's clock (ledger_book_today()).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-closed-periods-private.h"
#include "ledger-dates-private.h"
#include "ledger-limits.h"
#include "ledger-period.h"
#include "ledger-settings.h"
#include "ledger-text.h"

/* The last day an entry may be dated: today plus the days_ahead setting.
 * Today is read digit by digit (g_date_set_parse() follows the locale). */
static void
last_entry_day (LedgerBook *book,
                char        out_iso[11])
{
  g_autoptr(GDate) day = g_date_new ();
  int month, dom;

  ledger_book_today (book, out_iso);
  month = (out_iso[5] - '0') * 10 + (out_iso[6] - '0');
  dom = (out_iso[8] - '0') * 10 + (out_iso[9] - '0');
  if (!g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) ledger_date_year (out_iso)))
    return;
  g_date_set_dmy (day, (GDateDay) dom, (GDateMonth) month, (GDateYear) ledger_date_year (out_iso));
  g_date_add_days (day, (guint) ledger_settings_get_days_ahead (book));
  g_snprintf (out_iso, 11, "%04d-%02d-%02d", g_date_get_year (day),
              g_date_get_month (day), g_date_get_day (day));
}

gboolean
ledger_check_entry_date (LedgerBook  *book,
                         const char  *iso,
                         const char  *field,
                         GError     **error)
{
  char last[11], today[11];
  g_autofree char *reason = NULL;
  int ahead;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (iso != NULL && field != NULL, FALSE);

  if (ledger_date_year (iso) < LEDGER_YEAR_FIRST)
    {
      reason = g_strdup_printf (_("before %d; check the year"), LEDGER_YEAR_FIRST);
      return ledger_text_set_invalid_input (error, field, iso, reason);
    }
  /* A closed period takes no more entries (docs/money.md): its notice
   * was published and its figures stand. */
  if (!ledger_closed_period_check (book, iso, field, error))
    return FALSE;
  last_entry_day (book, last);
  if (strcmp (iso, last) <= 0)
    return TRUE;
  ledger_book_today (book, today);
  ahead = ledger_settings_get_days_ahead (book);
  if (ahead == 0)
    reason = g_strdup_printf (_("after today (%s); an entry may be dated in the future only "
                                "as far as the book's days-ahead setting allows (now 0 days)"),
                              today);
  else
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "more than %d day after today (%s), which the days-ahead setting allows",
                                           "more than %d days after today (%s), which the days-ahead setting allows",
                                           ahead),
                              ahead, today);
  return ledger_text_set_invalid_input (error, field, iso, reason);
}

/* Fees are announced and billed ahead, but not further than next year:
 * `bill 2062` is a typing slip that could never be undone. */
gboolean
ledger_check_bill_year (LedgerBook  *book,
                        int          year,
                        const char  *field,
                        GError     **error)
{
  char today[11];
  int this_year;

  ledger_book_today (book, today);
  this_year = ledger_date_year (today);
  if (year >= LEDGER_YEAR_FIRST && year <= this_year + 1)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               _("%s “%d”: expected a year from %d to next year (%d)"),
               field, year, LEDGER_YEAR_FIRST, this_year + 1);
  return FALSE;
}

gboolean
ledger_check_move_in (LedgerBook  *book,
                      const char  *iso,
                      const char  *field,
                      GError     **error)
{
  char today[11];
  int next_year;

  ledger_book_today (book, today);
  next_year = ledger_date_year (today) + 1;
  if (ledger_date_year (iso) <= next_year)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               _("%s “%s”: after next year (%d); a move-in may be planned, but not further ahead than billing"),
               field, iso, next_year);
  return FALSE;
}

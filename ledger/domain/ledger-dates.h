/* ledger-dates.h — which dates and years the book accepts */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_check_entry_date:
 * @iso: a canonical date, "YYYY-MM-DD", the day an entry is dated
 * @field: the option or column the date came from ("--date"), for the message
 *
 * Refuses (LEDGER_ERROR_INVALID_INPUT naming @field) a date more than the
 * book's days_ahead setting after today, by the book's clock
 * (ledger_book_today(): COMMUNITY_LEDGER_NOW and the demo's clock count),
 * and a date before LEDGER_YEAR_FIRST. An entry dated in the future is
 * almost always a typing slip (2031 for 2021), and it cannot be undone:
 * it takes a receipt number of that year and sorts after everything.
 */
gboolean ledger_check_entry_date (LedgerBook  *book,
                                  const char  *iso,
                                  const char  *field,
                                  GError     **error);

/* Refuses (LEDGER_ERROR_INVALID_INPUT naming @field) a year before
 * LEDGER_YEAR_FIRST or after next year by the book's clock: the years
 * `bill` and a fee version's --from accept. */
gboolean ledger_check_bill_year (LedgerBook  *book,
                                 int          year,
                                 const char  *field,
                                 GError     **error);

/* Refuses (LEDGER_ERROR_INVALID_INPUT naming @field) a move-in date
 * after next year. Old dates are facts (people moved in in 1985), so
 * there is no floor beyond what ledger_date_parse() accepts; a planned
 * move-in is billed from its year, and billing goes up to next year. */
gboolean ledger_check_move_in (LedgerBook  *book,
                               const char  *iso,
                               const char  *field,
                               GError     **error);

G_END_DECLS

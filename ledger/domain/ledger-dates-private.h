/* ledger-dates-private.h — which dates and years the book accepts
 *
 * Only ledger/ and the tests include this: ledger.h does not (the modules
 * that record dated entries check them).
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_check_entry_date:
 * @book: an open book (its clock and days_ahead setting count)
 * @iso: a canonical date, "YYYY-MM-DD", the day an entry is dated
 * @field: the option or column the date came from ("--date"), for the message
 * @error: return location for an error
 *
 * Refuses a date inside a closed period (period close), naming it, and a
 * date more than the book's days_ahead setting after today, by
 * the book's clock (ledger_book_today(): COMMUNITY_LEDGER_NOW and the
 * demo's clock count), and a date before LEDGER_YEAR_FIRST. An entry dated
 * in the future is almost always a typing slip (2031 for 2021), and it
 * cannot be undone: it takes a receipt number of that year and sorts
 * after everything.
 *
 * Returns: TRUE for an acceptable date; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field (and the closed period)
 */
gboolean ledger_check_entry_date (LedgerBook  *book,
                                  const char  *iso,
                                  const char  *field,
                                  GError     **error);

/**
 * ledger_check_bill_year:
 * @book: an open book (its clock counts)
 * @year: the year given
 * @field: the option it came from, for the message
 * @error: return location for an error
 *
 * The years `bill` and a fee version's --from accept: from
 * LEDGER_YEAR_FIRST to next year by the book's clock.
 *
 * Returns: TRUE for such a year; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean ledger_check_bill_year (LedgerBook  *book,
                                 int          year,
                                 const char  *field,
                                 GError     **error);

/**
 * ledger_check_move_in:
 * @book: an open book (its clock counts)
 * @iso: a canonical date, "YYYY-MM-DD"
 * @field: the option or column it came from, for the message
 * @error: return location for an error
 *
 * Refuses a move-in date after next year. Old dates are facts (people
 * moved in in 1985), so there is no floor beyond what ledger_date_parse()
 * accepts; a planned move-in is billed from its year, and billing goes up
 * to next year.
 *
 * Returns: TRUE for an acceptable date; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field
 */
gboolean ledger_check_move_in (LedgerBook  *book,
                               const char  *iso,
                               const char  *field,
                               GError     **error);

G_END_DECLS

/* ledger-money-private.h — range errors for amounts and totals, for ledger modules
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-money.h"

G_BEGIN_DECLS

/* Sets LEDGER_ERROR_INVALID_INPUT for an amount of @fen that is not more
 * than zero or is above LEDGER_AMOUNT_MAX, naming @field; returns FALSE.
 * For amounts that did not come through ledger_money_parse() (the
 * window's forms, computed charges). */
gboolean ledger_amount_set_out_of_range (GError     **error,
                                         const char  *field,
                                         gint64       fen);

/* Adds @amount to *@total like ledger_total_add(); past the ceiling sets
 * LEDGER_ERROR_CORRUPT naming @what ("the arrears"). No input the book
 * accepts can take a total there, so a book that does was changed behind
 * the program's back, which `verify` then names. */
gboolean ledger_total_add_or_error (gint64      *total,
                                    gint64       amount,
                                    const char  *what,
                                    GError     **error);

G_END_DECLS

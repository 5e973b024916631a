/* ledger-error-private.h — how ledger/ says which field an error is about
 *
 * The helpers that compose the field-naming messages
 * (ledger_text_set_invalid_input(), ledger_amount_set_out_of_range(), the
 * lookups of a unit, an account, a member) call these right after
 * setting the error, so that every caller, the window's forms first,
 * learns the field from ledger_error_get_field() and never from the
 * message.
 */
#pragma once

#include "ledger-error.h"

G_BEGIN_DECLS

/* Records @field (as the command line names it: "--date", "UNIT") on
 * *@error, a LEDGER_ERROR just set; nothing when @error is NULL, unset
 * or of another domain. The translated word for the amount is recorded
 * as LEDGER_FIELD_AMOUNT. */
void ledger_error_set_field (GError     **error,
                             const char  *field);

/* Records the money account (its code) that the entry of *@error would
 * take below zero. */
void ledger_error_set_account (GError     **error,
                               const char  *account);

G_END_DECLS

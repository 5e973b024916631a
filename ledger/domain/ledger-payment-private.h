/* ledger-payment-private.h — payments inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-payment.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write(); returns the number. */
char *ledger_pay_in_write (LedgerBook    *book,
                           const char    *unit,
                           gint64         amount,
                           LedgerMethod   method,
                           const char    *date,
                           GError       **error);

G_END_DECLS

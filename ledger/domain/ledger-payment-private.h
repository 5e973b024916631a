/* ledger-payment-private.h — payments inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write(); returns the number. */
char *ledger_pay_in_write (LedgerBook    *book,
                           const char    *unit,
                           gint64         amount,
                           LedgerMethod   method,
                           const char    *date,
                           GError       **error);

/* "receipt|NUMBER|UNIT|AMOUNT|METHOD": a payment's receipt, dated the
 * entry's date. */
extern const LedgerFactKind ledger_fact_receipt;
/* "void|RECEIPT|REASON" */
extern const LedgerFactKind ledger_fact_void;

/* The rules of "payment" and "void" entries (ledger-replay.c's rules[],
 * a LedgerReplayRule each): the allocation of a payment over the open
 * charges, oldest first, and its receipt number; a void's reversal of
 * exactly its receipt's payment. */
gboolean ledger_payment_rule (LedgerBook          *book,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error);
gboolean ledger_void_rule    (LedgerBook          *book,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error);

G_END_DECLS

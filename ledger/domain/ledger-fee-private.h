/* ledger-fee-private.h — fee versions inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fee.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write(). */
gboolean ledger_fee_set_in_write (LedgerBook            *book,
                                  const char            *code,
                                  const char            *name,
                                  gint64                 amount,
                                  const LedgerFeeBasis  *basis,
                                  const char            *from,
                                  GError               **error);

G_END_DECLS

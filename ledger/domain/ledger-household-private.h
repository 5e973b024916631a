/* ledger-household-private.h — registering inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-household.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write() (imports, demos). */
gboolean ledger_household_add_in_write (LedgerBook       *book,
                                        LedgerHousehold  *household,
                                        GError          **error);

G_END_DECLS

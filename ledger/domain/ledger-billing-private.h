/* ledger-billing-private.h — billing inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-billing.h"

G_BEGIN_DECLS

gboolean ledger_bill_year_in_write (LedgerBook         *book,
                                    int                 year,
                                    LedgerBillSummary  *out_summary,
                                    GError            **error);

G_END_DECLS

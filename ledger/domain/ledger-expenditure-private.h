/* ledger-expenditure-private.h — expenditures inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-expenditure.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write(), without attachments. */
gboolean ledger_expenditure_record_in_write (LedgerBook         *book,
                                             LedgerExpenditure  *expenditure,
                                             GError            **error);

G_END_DECLS

/* ledger-household-salts.h — each unit's salt, for the auditor's workbook
 *
 * An owner's name and phone enter the journal only as salted commitments
 * (docs/leaf-format.md, "Personal data"). The auditor's workbook carries
 * the names and each unit's salt, so that whoever holds it can check every
 * name it shows against the journal's commitment.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_household_salts:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8 utf8): unit → its salt (32
 *   lowercase hex digits), for every unit that has one; NULL with a
 *   storage error
 */
GHashTable *ledger_household_salts (LedgerBook  *book,
                                    GError     **error);

G_END_DECLS

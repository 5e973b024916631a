/* ledger-backup-private.h — the backup the book makes before an upgrade
 *
 * Only ledger/ and the tests include this: ledger.h does not (the rest of
 * the program opens books with ledger_community_open(), which passes it).
 */
#pragma once

#include "ledger-backup.h"
#include "ledger-book-private.h"

G_BEGIN_DECLS

/**
 * ledger_backup_before_upgrade:
 * @book: a book of an older schema, about to be upgraded
 * @error: return location for an error
 *
 * A LedgerBookUpgradeFunc: an automatic backup of @book, reason
 * "before-upgrade", so that the book as it was stays at hand.
 *
 * Returns: TRUE when the copy is written and checked; FALSE with @error
 * set (LEDGER_ERROR_IO) otherwise, and the upgrade does not go ahead.
 */
gboolean ledger_backup_before_upgrade (LedgerBook  *book,
                                       GError     **error);

G_END_DECLS

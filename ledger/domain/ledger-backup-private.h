/* ledger-backup-private.h — the restore, told how to open and back up the book */
#pragma once

#include "ledger-backup.h"
#include "ledger-book-private.h"

G_BEGIN_DECLS

/* ledger_restore() (ledger-community.h) with what it needs from the rest
 * of the domain passed in, so that the backup code reads no settings:
 * @place_of reads where the safety copy goes from the book being replaced
 * (read before the restore takes the book's write lock), and
 * @before_upgrade backs up an older book as it is opened (the book being
 * replaced, and the restored one). Returns and errors as ledger_restore(). */
gboolean ledger_restore_full (const char             *book_path,
                              const char             *from,
                              LedgerBackupPlaceFunc   place_of,
                              LedgerBookUpgradeFunc   before_upgrade,
                              char                  **out_safety_copy,
                              GError                **error);

G_END_DECLS

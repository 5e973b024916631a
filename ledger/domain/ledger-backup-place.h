/* ledger-backup-place.h — where a book's automatic backups go
 *
 * A value of its own, below both the backup code (which is told it) and
 * the settings (which read it from the book), so that neither calls the
 * other.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * LedgerBackupPlace:
 * @folder: the folder automatic backups go to
 * @chosen: TRUE when @folder was chosen in the settings rather than the
 *   book's own BOOK.backups/: other books may share it (a USB stick for
 *   the whole street), so the names of this book's backups carry a tag of
 *   its path, and when it cannot be written BOOK.backups/ is used instead
 * @keep: how many recent automatic backups are kept besides the newest of
 *   each month
 *
 * Where a book's automatic backups go and how many are kept. The backup
 * code is told this rather than reading the settings itself:
 * ledger_settings_get_backup_place() reads it from a book's settings.
 */
typedef struct
{
  char     *folder;
  gboolean  chosen;
  int       keep;
} LedgerBackupPlace;

/**
 * ledger_backup_place_new:
 * @folder: the folder automatic backups go to
 * @chosen: whether it was chosen in the settings (see #LedgerBackupPlace)
 * @keep: how many recent automatic backups are kept, at least 1
 *
 * Returns: (transfer full): a new place; free it with
 *   ledger_backup_place_free()
 */
LedgerBackupPlace *ledger_backup_place_new (const char *folder,
                                            gboolean    chosen,
                                            int         keep);

/**
 * ledger_backup_place_free:
 * @place: (nullable): a place from ledger_backup_place_new()
 */
void ledger_backup_place_free (LedgerBackupPlace *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerBackupPlace, ledger_backup_place_free)

/**
 * LedgerBackupPlaceFunc:
 * @book: an open book
 *
 * Reads where @book's automatic backups go (for a restore, which opens
 * the book itself: ledger_settings_get_backup_place() is one).
 *
 * Returns: (transfer full): the place
 */
typedef LedgerBackupPlace *(*LedgerBackupPlaceFunc) (LedgerBook *book);

G_END_DECLS

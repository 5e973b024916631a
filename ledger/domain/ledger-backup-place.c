/* ledger-backup-place.c — where a book's automatic backups go */
#define G_LOG_DOMAIN "ledger"

#include "ledger-backup-place.h"

LedgerBackupPlace *
ledger_backup_place_new (const char *folder,
                         gboolean    chosen,
                         int         keep)
{
  LedgerBackupPlace *place;

  g_return_val_if_fail (folder != NULL, NULL);
  place = g_new0 (LedgerBackupPlace, 1);
  place->folder = g_strdup (folder);
  place->chosen = chosen;
  place->keep = keep;
  return place;
}

void
ledger_backup_place_free (LedgerBackupPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->folder);
  g_free (place);
}

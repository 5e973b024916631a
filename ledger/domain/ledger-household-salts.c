/* ledger-household-salts.c — each unit's salt, read for the workbook */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-book-private.h"
#include "ledger-household-salts.h"

GHashTable *
ledger_household_salts (LedgerBook  *book,
                        GError     **error)
{
  g_autoptr(GHashTable) salts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT unit, salt FROM household_salts", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (salts, ledger_column_dup (stmt, 0), ledger_column_dup (stmt, 1));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the households' salts"), error))
    return NULL;
  return g_steal_pointer (&salts);
}

/* ledger-waiver-list.c — the waivers of a period with their reasons */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-book-private.h"
#include "ledger-waiver-list.h"

void
ledger_waiver_row_free (LedgerWaiverRow *row)
{
  if (row == NULL)
    return;
  g_free (row->unit);
  g_free (row->fee_code);
  g_free (row->fee_name);
  g_free (row->reason);
  g_free (row);
}

static LedgerWaiverRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  LedgerWaiverRow *row = g_new0 (LedgerWaiverRow, 1);
  const char *date = (const char *) sqlite3_column_text (stmt, 1);

  row->txn_id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (row->date, date != NULL ? date : "", sizeof row->date);
  row->unit = ledger_column_dup (stmt, 2);
  row->fee_code = ledger_column_dup (stmt, 3);
  row->fee_name = ledger_column_dup (stmt, 4);
  row->year = sqlite3_column_int (stmt, 5);
  row->amount = sqlite3_column_int64 (stmt, 6);
  row->reason = ledger_column_dup (stmt, 7);
  return row;
}

GPtrArray *
ledger_report_waivers (LedgerBook          *book,
                       const LedgerPeriod  *period,
                       GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_waiver_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book,
    "SELECT t.id, t.date, h.unit, c.fee_code, f.name, c.year, w.amount, w.reason"
    " FROM waivers w JOIN txns t ON t.id = w.txn_id JOIN charges c ON c.id = w.charge_id"
    " JOIN households h ON h.id = c.household_id JOIN fees f ON f.id = c.fee_id"
    " WHERE t.date BETWEEN ?1 AND ?2 ORDER BY t.date, t.id",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period != NULL ? period->first : "0000-01-01");
  ledger_bind_text (stmt, 2, period != NULL ? period->last : "9999-12-31");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("listing the waivers"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

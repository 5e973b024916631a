/* ledger-money-entries.c — the period's other income, refunds and transfers, one row each */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-money-entries.h"

void
ledger_money_entry_free (LedgerMoneyEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->voucher);
  g_free (entry->account);
  g_free (entry->to);
  g_free (entry->category);
  g_free (entry->fund);
  g_free (entry->unit);
  g_free (entry->payer);
  g_free (entry->memo);
  g_free (entry);
}

static LedgerMoneyEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  LedgerMoneyEntry *entry = g_new0 (LedgerMoneyEntry, 1);
  const char *date = (const char *) sqlite3_column_text (stmt, 1);

  entry->txn_id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (entry->date, date != NULL ? date : "", sizeof entry->date);
  entry->kind = ledger_column_dup (stmt, 2);
  entry->voucher = ledger_column_dup (stmt, 3);
  entry->account = ledger_column_dup (stmt, 4);
  entry->to = ledger_column_dup (stmt, 5);
  entry->category = ledger_column_dup (stmt, 6);
  entry->fund = ledger_column_dup (stmt, 7);
  entry->unit = ledger_column_dup (stmt, 8);
  entry->payer = ledger_column_dup (stmt, 9);
  entry->memo = ledger_column_dup (stmt, 10);
  entry->amount = sqlite3_column_int64 (stmt, 11);
  entry->fee = sqlite3_column_int64 (stmt, 12);
  return entry;
}

GPtrArray *
ledger_report_money_entries (LedgerBook          *book,
                             const LedgerPeriod  *period,
                             GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_money_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book,
    "SELECT t.id, t.date, t.kind, m.voucher, m.account, m.to_account, m.category, m.fund,"
    "       m.unit, m.payer, m.memo, m.amount, m.fee"
    " FROM ("
    "   SELECT txn_id, voucher, account, '' AS to_account, category, fund, '' AS unit, payer, memo,"
    "          amount, 0 AS fee FROM incomes"
    "   UNION ALL SELECT r.txn_id, r.voucher, r.account, '', '', 'operating', h.unit, '', r.reason,"
    "          r.amount, 0 FROM refunds r JOIN households h ON h.id = r.household_id"
    "   UNION ALL SELECT txn_id, voucher, from_account, to_account, '', 'operating', '', '', memo,"
    "          amount, fee FROM transfers"
    " ) m JOIN txns t ON t.id = m.txn_id"
    " WHERE t.date BETWEEN ?1 AND ?2"
    " ORDER BY t.date, t.id",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period != NULL ? period->first : "0000-01-01");
  ledger_bind_text (stmt, 2, period != NULL ? period->last : "9999-12-31");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, entry_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("listing other income, refunds and transfers"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* ledger-voucher.c — voucher numbers: S2026-0001, F2026-0001, Z2026-0001
 *
 * One sequence per letter and year over every table that gives vouchers
 * (the view `vouchers`, schema 4), so that a number is never given twice
 * and the numbers of a year have no gaps.
 */
#define G_LOG_DOMAIN "ledger"

#include "ledger-book-private.h"
#include "ledger-voucher-private.h"

char *
ledger_voucher_next (LedgerBook  *book,
                     char         letter,
                     int          year,
                     GError     **error)
{
  g_autofree char *pattern = g_strdup_printf ("%c%04d-*", letter, year);
  sqlite3_stmt *stmt;
  gint64 last = 0;

  g_return_val_if_fail (letter == LEDGER_VOUCHER_RECEIVED || letter == LEDGER_VOUCHER_PAID ||
                        letter == LEDGER_VOUCHER_MOVED, NULL);

  /* "S2026-" is six characters: the number starts at the seventh. */
  stmt = ledger_book_prepare (book,
                              "SELECT coalesce (max (CAST (substr (voucher, 7) AS INTEGER)), 0)"
                              " FROM vouchers WHERE voucher GLOB ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, pattern);
  if (!ledger_book_query_int64 (book, stmt, 0, &last, error))
    return NULL;
  return g_strdup_printf ("%c%04d-%04" G_GINT64_FORMAT, letter, year, last + 1);
}

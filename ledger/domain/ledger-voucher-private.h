/* ledger-voucher-private.h — voucher numbers for the committee's own entries
 *
 * Incomes, transfers, refunds and advances each get a voucher number, the
 * way a Chinese cash book numbers its 收/付/转 vouchers: a letter, the
 * year, a number without gaps (S2026-0001 收款, F2026-0001 付款,
 * Z2026-0001 转账). The writer takes the next one; verify's replay asks
 * the same function on the replayed book and compares.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/* The voucher letters. */
#define LEDGER_VOUCHER_RECEIVED 'S' /* 收: money in (income, an advance returned) */
#define LEDGER_VOUCHER_PAID     'F' /* 付: money out (a refund, an advance given) */
#define LEDGER_VOUCHER_MOVED    'Z' /* 转: between the committee's own accounts */

/**
 * ledger_voucher_next:
 * @book: an open book, inside a write transaction
 * @letter: LEDGER_VOUCHER_RECEIVED, _PAID or _MOVED
 * @year: the year of the entry's date
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the next voucher number of @letter
 *   in @year ("S2026-0007"), or NULL with a storage error
 */
char *ledger_voucher_next (LedgerBook  *book,
                           char         letter,
                           int          year,
                           GError     **error);

G_END_DECLS

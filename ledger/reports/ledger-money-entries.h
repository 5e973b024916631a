/* ledger-money-entries.h — the period's other income, refunds and
 * transfers, one row each, for the auditor's workbook (its 收入 and 支出
 * sheets list them beside receipts and expenditures) */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 txn_id;
  char   date[11];
  char  *kind;      /* "income", "refund" or "transfer" */
  char  *voucher;   /* S2026-0001 … */
  char  *account;   /* income: the account it went to; refund, transfer: the one it left */
  char  *to;        /* transfer: the account it went to; "" otherwise */
  char  *category;  /* income: its category code; "" otherwise */
  char  *fund;      /* income: its fund code; "operating" otherwise */
  char  *unit;      /* refund: the household; "" otherwise */
  char  *payer;     /* income: the payer, "" when not given */
  char  *memo;      /* income, transfer: the memo; refund: the reason */
  gint64 amount;    /* fen, > 0 */
  gint64 fee;       /* transfer: the bank's charge, ≥ 0; 0 otherwise */
} LedgerMoneyEntry;

/**
 * ledger_money_entry_free:
 * @entry: (nullable) (transfer full): a row
 *
 * Frees @entry and its strings.
 */
void ledger_money_entry_free (LedgerMoneyEntry *entry);

/**
 * ledger_report_money_entries:
 * @book: an open book
 * @period: (nullable): the entries dated in it; NULL for every one
 * @error: return location for an error
 *
 * The other income, refunds and transfers dated in @period, by date and
 * entry, as their tables (incomes, refunds, transfers) hold them.
 *
 * Returns: (transfer full) (element-type LedgerMoneyEntry): the rows, or
 *   NULL with a storage error
 */
GPtrArray *ledger_report_money_entries (LedgerBook          *book,
                                        const LedgerPeriod  *period,
                                        GError             **error);

G_END_DECLS

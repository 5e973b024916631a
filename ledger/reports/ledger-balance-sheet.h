/* ledger-balance-sheet.h — the balance report: every account, every fund,
 * the totals, and the identity that ties them (docs/money.md)
 *
 * money + receivable + advances − liabilities = the sum of the funds
 *
 * holds at every date in a sound book, since every entry balances and a
 * fund is what its entries put on income, expense and opening balances.
 * The report states it and checks it; a book where it fails is broken.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fund.h"

G_BEGIN_DECLS

typedef struct
{
  char       as_of[11];   /* "YYYY-MM-DD": balances at the end of it */
  GPtrArray *accounts;    /* LedgerReportLine, chart order, natural sign */
  gint64     funds[LEDGER_FUND_COUNT]; /* by LedgerFund */
  gint64     money;       /* cash, bank, every bank:NAME, WeChat, Alipay */
  gint64     receivable;  /* every other asset but advances: fees owed */
  gint64     advances;    /* every advance:MEMBER */
  gint64     liabilities; /* owners' prepaid credit, deposits */
  gint64     net;         /* money + receivable + advances − liabilities */
  gint64     funds_total; /* operating + maintenance + public */
  gboolean   ties_out;    /* net == funds_total: FALSE only in a broken book */
} LedgerBalanceSheet;

/**
 * ledger_balance_sheet_free:
 * @sheet: (nullable) (transfer full): a balance report
 *
 * Frees @sheet with its lines.
 */
void ledger_balance_sheet_free (LedgerBalanceSheet *sheet);

/**
 * ledger_report_balance_sheet:
 * @book: an open book
 * @date: (nullable): "YYYY-MM-DD": balances at the end of it; NULL for
 *   every entry
 * @error: return location for an error
 *
 * Each account's balance (ledger_report_balance_at(), from the daily
 * cache), each fund's (from the entries' splits) and the totals. The
 * two sides are read from different tables, so a cache edited behind the
 * program's back shows as ties_out FALSE: the caller must say so loudly.
 *
 * Returns: (transfer full): the report, or NULL with a storage error
 *   (LEDGER_ERROR_CORRUPT when a total is past LEDGER_TOTAL_MAX)
 */
LedgerBalanceSheet *ledger_report_balance_sheet (LedgerBook  *book,
                                                 const char  *date,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerBalanceSheet, ledger_balance_sheet_free)

G_END_DECLS

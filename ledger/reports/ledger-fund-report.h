/* ledger-fund-report.h — the funds of a period (基金): whose money it is
 *
 * For each fund (日常经费 operating, 维修资金 maintenance, 公共收益 public
 * revenue) its balance before the period, what the period put in and took
 * out, and its balance at the end; the movements by account (a fee, an
 * income category, the opening balances, waivers, a spending category,
 * bank charges) and fund; and every entry of the period that moved a fund,
 * so that each figure can be traced. A fund moves by its entries' splits
 * on income, expense and equity accounts, sign turned (docs/money.md):
 * the same splits ledger_fund_balances() adds up.
 *
 * The funds' closings together are the committee's money at the period's
 * end: money accounts + receivable + advances − liabilities, the balance
 * report's identity. The report checks it.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fund.h"
#include "ledger-period.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 opening;  /* fen: the balance before the period */
  gint64 in;       /* the period's entry lines that raised it, ≥ 0 */
  gint64 out;      /* those that lowered it, ≥ 0 */
  gint64 closing;  /* the balance at the period's end */
} LedgerFundFigures;

/* What the period moved on one account, by fund (raising a fund positive). */
typedef struct
{
  char  *code;     /* opening, income:FEE, other-income:CATEGORY, waivers, expense:CATEGORY … */
  char  *name;     /* as the book stores it */
  gint64 amounts[LEDGER_FUND_COUNT];
  gint64 total;
} LedgerFundMovement;

/* One entry's splits on one income, expense or equity account. */
typedef struct
{
  gint64     txn_id;
  char       date[11];
  char      *kind;     /* the entry's kind: opening, charge, income, expenditure … */
  char      *ref;      /* the voucher, invoice or receipt the entry names */
  char      *memo;
  LedgerFund fund;     /* the entry's (entry_funds; operating when it says none) */
  char      *account;  /* the account's code */
  char      *name;     /* as the book stores it */
  gint64     in;       /* what it raised the fund by, ≥ 0 */
  gint64     out;      /* what it lowered it by, ≥ 0 (one of the two is 0) */
} LedgerFundEntry;

typedef struct
{
  LedgerPeriod      period;
  LedgerFundFigures funds[LEDGER_FUND_COUNT];  /* by LedgerFund */
  LedgerFundFigures total;
  GPtrArray        *movements;   /* LedgerFundMovement, chart order */
  GPtrArray        *entries;     /* LedgerFundEntry, by date, entry, chart order */
  gint64            committee_money; /* money + receivable + advances − liabilities at the end */
  gboolean          ties_out;    /* every fund's opening + in − out = closing, total closing = committee_money */
  char             *problem;     /* NULL when it ties out; else which figure does not */
} LedgerFundReport;

/**
 * ledger_fund_report_free:
 * @report: (nullable) (transfer full): a funds report
 *
 * Frees @report with its movements and entries.
 */
void ledger_fund_report_free (LedgerFundReport *report);

/**
 * ledger_report_funds:
 * @book: an open book
 * @period: the period
 * @error: return location for an error
 *
 * The funds of @period: openings and closings from ledger_fund_balances(),
 * movements and entry lines from the period's splits, the committee's
 * money from the balance report (the daily cache). A book edited behind
 * the program's back shows as ties_out FALSE with the figure named in
 * problem: the caller must say so loudly.
 *
 * Returns: (transfer full): the report, or NULL with a storage error
 *   (LEDGER_ERROR_CORRUPT when a total is past LEDGER_TOTAL_MAX)
 */
LedgerFundReport *ledger_report_funds (LedgerBook          *book,
                                       const LedgerPeriod  *period,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerFundReport, ledger_fund_report_free)

G_END_DECLS

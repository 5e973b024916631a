/* ledger-report.h — the figures people read: balances, arrears, income,
 * collection. Every screen, export and command that shows one of these
 * calls the function here, so they cannot disagree. */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

/* One line of a report: an account, a fee item, a category. */
typedef struct
{
  char  *code;
  char  *name;
  char  *kind;    /* accounts only: asset, liability, equity, income, expense */
  gint64 amount;  /* fen; for accounts in their natural sign (a bank balance is positive) */
} LedgerReportLine;

void ledger_report_line_free (LedgerReportLine *line);

/* The balance of every account at the end of @period (now when NULL):
 * a GPtrArray of LedgerReportLine in chart-of-accounts order. */
GPtrArray *ledger_report_balance (LedgerBook          *book,
                                  const LedgerPeriod  *period,
                                  GError             **error);

/* The money the committee holds (cash, bank, WeChat, Alipay) at the end of
 * @date, inclusive; a date before the first entry gives zero. */
gboolean ledger_report_funds_at (LedgerBook  *book,
                                 const char  *date,
                                 gint64      *out_funds,
                                 GError     **error);

typedef struct
{
  gint64 household_id;
  char  *unit;
  char  *owner;
  gint64 owed;        /* fen */
  int    charges;     /* open charges */
  int    first_year;  /* the oldest year still owed */
  int    last_year;
} LedgerArrear;

typedef struct
{
  int        up_to_year; /* 0: every year */
  GPtrArray *rows;       /* of LedgerArrear, by unit */
  gint64     total;
} LedgerArrearsReport;

void ledger_arrears_report_free (LedgerArrearsReport *report);

/* Households with charges still open for years up to @up_to_year (0: all). */
LedgerArrearsReport *ledger_report_arrears (LedgerBook  *book,
                                            int          up_to_year,
                                            GError     **error);

typedef struct
{
  LedgerPeriod period;
  gint64       opening;       /* funds held before the period */
  GPtrArray   *income;        /* LedgerReportLine by fee code, then "prepaid" */
  gint64       income_total;
  GPtrArray   *expenses;      /* LedgerReportLine by category */
  gint64       expense_total;
  gint64       closing;       /* funds held at its end */
} LedgerIncomeReport;

void ledger_income_report_free (LedgerIncomeReport *report);

/* Money received and spent in @period, cash basis: what the notice board
 * shows. opening + income_total − expense_total == closing always holds. */
LedgerIncomeReport *ledger_report_income (LedgerBook          *book,
                                          const LedgerPeriod  *period,
                                          GError             **error);

typedef struct
{
  int    year;
  gint64 billed;          /* charges posted for the year */
  gint64 waived;
  gint64 due;             /* billed − waived */
  gint64 paid;            /* settled by payments and prepaid credit */
  gint64 outstanding;     /* due − paid */
  int    rate_bp;         /* paid ÷ due in basis points (9345 = 93.45%); 0 when nothing is due */
  guint  households;      /* households billed */
  guint  households_paid; /* of which nothing is owed for the year */
} LedgerCollection;

/* Collection for @year: how much of what was billed has been paid. */
gboolean ledger_report_collection (LedgerBook        *book,
                                   int                year,
                                   LedgerCollection  *out,
                                   GError           **error);

/* "93.45%" */
char *ledger_rate_format (int rate_bp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerArrearsReport, ledger_arrears_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerIncomeReport, ledger_income_report_free)

G_END_DECLS

/* ------------------------------------------------------------------ */
/* Arrears, charge by charge (for the auditor's workbook) */

G_BEGIN_DECLS

typedef struct
{
  gint64 household_id;
  char  *unit;
  char  *owner;
  int    year;
  char  *fee_code;
  char  *fee_name;  /* the name of the fee version that was billed */
  gint64 billed;    /* fen */
  gint64 waived;
  gint64 paid;      /* by payments and prepaid credit, net of voids */
  gint64 owed;      /* billed − waived − paid, > 0 */
} LedgerArrearCharge;

void ledger_arrear_charge_free (LedgerArrearCharge *charge);

/* The open charges behind ledger_report_arrears() for the same
 * @up_to_year (0: all), one per household, year and fee item, by unit,
 * year and fee code: a GPtrArray of LedgerArrearCharge. Their owed amounts
 * add up to that report's total, and per year to the outstanding amount of
 * ledger_report_collection(). */
GPtrArray *ledger_report_arrears_detail (LedgerBook  *book,
                                         int          up_to_year,
                                         GError     **error);

G_END_DECLS

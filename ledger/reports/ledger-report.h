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
  char  *kind;    /* accounts only: asset, liability, equity, income, expenditure */
  gint64 amount;  /* fen; for accounts in their natural sign (a bank balance is positive) */
} LedgerReportLine;

/**
 * ledger_report_line_free:
 * @line: (nullable) (transfer full): a report line
 *
 * Frees @line and its strings.
 */
void ledger_report_line_free (LedgerReportLine *line);

/**
 * ledger_report_balance:
 * @book: an open book
 * @period: (nullable): balances at the end of it; NULL for now
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerReportLine): the balance
 *   of every account in chart-of-accounts order, or NULL with
 *   a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX)
 */
GPtrArray *ledger_report_balance (LedgerBook          *book,
                                  const LedgerPeriod  *period,
                                  GError             **error);

/**
 * ledger_report_balance_at:
 * @book: an open book
 * @date: (nullable): "YYYY-MM-DD": balances at the end of it; NULL for
 *   every entry
 * @error: return location for an error
 *
 * The same lines as ledger_report_balance(), at a day.
 *
 * Returns: (transfer full) (element-type LedgerReportLine): the balance
 *   of every account in chart-of-accounts order, or NULL with a storage
 *   error
 */
GPtrArray *ledger_report_balance_at (LedgerBook  *book,
                                     const char  *date,
                                     GError     **error);

/**
 * ledger_report_funds_at:
 * @book: an open book
 * @date: "YYYY-MM-DD", inclusive
 * @out_funds: (out): fen held in cash, bank, WeChat and Alipay at the end
 *   of @date; zero before the first entry
 * @error: return location for an error
 *
 * Returns: TRUE with the figure; FALSE with
 *   a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX)
 */
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

/**
 * ledger_arrears_report_free:
 * @report: (nullable) (transfer full): a report
 *
 * Frees @report with its rows.
 */
void ledger_arrears_report_free (LedgerArrearsReport *report);

/**
 * ledger_report_arrears:
 * @book: an open book
 * @up_to_year: only charges of years up to this one; 0 for every year
 * @error: return location for an error
 *
 * Households with charges still open, by unit, with the total.
 *
 * Returns: (transfer full): the report, or NULL with
 *   a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX)
 */
LedgerArrearsReport *ledger_report_arrears (LedgerBook  *book,
                                            int          up_to_year,
                                            GError     **error);

typedef struct
{
  LedgerPeriod period;
  gint64       opening;       /* funds held before the period, and the opening balances
                               * (期初) dated in it: money the paper ledger left, never income */
  GPtrArray   *income;        /* LedgerReportLine by fee code, then "prepaid" */
  gint64       income_total;
  GPtrArray   *expenditures;      /* LedgerReportLine by category */
  gint64       expenditure_total;
  gint64       closing;       /* funds held at its end */
} LedgerIncomeReport;

/**
 * ledger_income_report_free:
 * @report: (nullable) (transfer full): a report
 *
 * Frees @report with its lines.
 */
void ledger_income_report_free (LedgerIncomeReport *report);

/**
 * ledger_report_income:
 * @book: an open book
 * @period: the period
 * @error: return location for an error
 *
 * Money received and spent in @period, cash basis: what the notice board
 * shows. opening + income_total − expenditure_total == closing always holds:
 * a report whose figures do not tie out is never returned.
 *
 * Returns: (transfer full): the report, or NULL with
 *   a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX), or LEDGER_ERROR_VERIFY when the figures do
 *   not tie out (opening + income − expenses ≠ closing: the book is
 *   inconsistent, and the message says to run verify)
 */
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

/**
 * ledger_report_collection:
 * @book: an open book
 * @year: the year billed
 * @out: (out caller-allocates): the figures
 * @error: return location for an error
 *
 * Collection for @year: how much of what was billed has been paid.
 *
 * Returns: TRUE with the figures; FALSE with
 *   a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX)
 */
gboolean ledger_report_collection (LedgerBook        *book,
                                   int                year,
                                   LedgerCollection  *out,
                                   GError           **error);

/**
 * ledger_rate_format:
 * @rate_bp: a rate in basis points
 *
 * Returns: (transfer full): "93.45%"
 */
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

/**
 * ledger_arrear_charge_free:
 * @charge: (nullable) (transfer full): a charge
 *
 * Frees @charge and its strings.
 */
void ledger_arrear_charge_free (LedgerArrearCharge *charge);

/**
 * ledger_report_arrears_detail:
 * @book: an open book
 * @up_to_year: as for ledger_report_arrears(); 0 for every year
 * @error: return location for an error
 *
 * The open charges behind ledger_report_arrears() for the same
 * @up_to_year, one per household, year and fee item, by unit, year and
 * fee code. Their owed amounts add up to that report's total, and per
 * year to the outstanding amount of ledger_report_collection().
 *
 * Returns: (transfer full) (element-type LedgerArrearCharge): the
 *   charges, or NULL with a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX)
 */
GPtrArray *ledger_report_arrears_detail (LedgerBook  *book,
                                         int          up_to_year,
                                         GError     **error);

G_END_DECLS

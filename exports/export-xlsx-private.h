/* export-xlsx-private.h — what the workbook's writers share: the state of
 * one export, the cell writers and the detail sheets (export-xlsx-sheets.c)
 * and the tie-out checks (export-xlsx-checks.c).
 *
 * Only export-xlsx.c, export-xlsx-sheets.c and export-xlsx-checks.c
 * include this.
 */
#pragma once

#include <xlsxwriter.h>

#include "export-xlsx.h"
#include "ledger.h"

G_BEGIN_DECLS

typedef struct
{
  const char *header;
  double      width;
} Column;

typedef struct
{
  lxw_worksheet *ws;
  char          *name;
  lxw_row_t      row;   /* the next row to write */
  lxw_col_t      columns;
} Sheet;

typedef struct
{
  char  *code;          /* a fee code, or "prepaid" */
  char  *name;
  char  *header;        /* the name, neutralised */
  gint64 sum;
} FeeColumn;

typedef struct
{
  LedgerBook         *book;
  LedgerPeriod        period;        /* "everything" is 1900-01-01 … 2200-12-31 */
  gboolean            everything;
  ExportProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;   /* checked as the journal is written */
  lxw_workbook       *wb;
  lxw_error           status;        /* the first libxlsxwriter error */
  lxw_format         *title, *header, *money, *date, *percent, *area;
  Sheet               summary, income, expenditures, waivers, trial, funds, arrears, households, votes, verification;
  Sheet              *journal;
  GPtrArray          *cashbooks;     /* Sheet: a cash book per money account and advance */
  guint               n_journal;
  guint64             rows_per_sheet;
  guint64             entries;       /* counted before streaming the journal */
  GArray             *hashes;        /* the leaf hashes as written */
  int                 first_year, last_year;  /* of the journal's dates */
  LedgerIncomeReport *report;
  GPtrArray          *fees;          /* FeeColumn: the Income sheet's fee columns */
  gint64              category_sums[16];
  gint64              bank_charges;  /* the transfers' fees on the Expenditures sheet */
  GPtrArray          *money_entries; /* LedgerMoneyEntry: other income, refunds, transfers */
  GArray             *owed_by_year;  /* gint64 pairs (year, owed) from the Arrears sheet */
  gint64              arrears_total;
  LedgerTreeHead      head;
  char               *now;
  LedgerPrivacyScrubber *scrubber;   /* the register's phones, read at the first free text */
} Export;

#define EXPORT_ERROR(error, ...) g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, __VA_ARGS__)

/* ------------------------------------------------------------------ */
/* What the writer and the verifier derive alike (export-xlsx.c) */

/* The Chinese name of a journal entry kind (the Journal's 类型); an
 * unknown kind as it is. */
const char *export_xlsx_kind_chinese (const char *kind);
/* The Journal's 分录 text from a canonical leaf's split lines. */
char       *export_xlsx_splits_text  (const char *leaf);
/* The Chinese name of an expense category the workbook shows: the
 * expenditure categories' and 银行手续费 (bank-charges, a transfer's fee). */
const char *export_xlsx_category_chinese (const char *category);
/* The Chinese name of an income column's code: other-income:CATEGORY →
 * 利息 …; NULL for any other code. */
const char *export_xlsx_other_income_chinese (const char *code);
/* The 说明 of other income: "利息", "利息：MEMO" (@category its code). */
char       *export_xlsx_other_income_note (const char *category,
                                           const char *memo);
/* The 摘要 of a transfer's bank charge: "转账 现金 → 银行存款", then
 * "：MEMO" when it has one (@from, @to money-account codes). */
char       *export_xlsx_transfer_note (const char *from,
                                       const char *to,
                                       const char *memo);
/* An account as the workbook prints it: money accounts and advances as
 * ledger_account_chinese(), the standard accounts, income categories and
 * expense categories in Chinese, a fee's income account by @name (the
 * fee's), anything else by @name. */
char       *export_xlsx_account_chinese (const char *code,
                                         const char *name);
/* 资产, 负债, 权益, 收入 or 费用, from the account's code. */
const char *export_xlsx_account_kind_chinese (const char *code);
/* The trial balance's total of column @col (D … G) over rows 2 … @last:
 * "SUM(D2:D17)", without "=". */
char       *export_xlsx_trial_total_formula (guint   col,
                                             guint32 last);
/* The cash-book sheets' names of @codes (money accounts and advances, no
 * two alike), in @codes' order: the account's Chinese name and 日记账
 * (现金日记账, 银行存款（NAME）日记账, 备用金（MEMBER）日记账), at most 31
 * characters, ":\\/?*[]" as "_"; a name cut short to fit that meets
 * another (without case) gets 2, 3 … before 日记账, given in the codes'
 * sorted order so that the writer and verify --export agree. */
char      **export_xlsx_cashbook_sheet_names (const char *const *codes,
                                              guint              n_codes);
/* Whether @account holds the committee's money (a money account or an
 * advance: ledger_committee_money_where()). */
gboolean    export_xlsx_is_funds_account (const char *account);
/* A line of the Summary's funds section: its code (column C), its label
 * (A; for "income:" and "expense:" the prefix before the fee's or the
 * category's name) and how it is computed (D). */
typedef struct
{
  const char *code;
  const char *label;
  const char *how;
} ExportSummaryLine;

/* The line of @code ("opening", "income:property" …), or NULL. */
const ExportSummaryLine *export_xlsx_summary_line (const char *code);

/* Fixed texts of the layout, for verify --export to compare: the headers
 * of "journal", "verification", "summary" (its funds section) and
 * "collection", and the "recipe" lines on the Verification sheet. */
const char *const *export_xlsx_layout_texts (const char *which,
                                             guint      *n_texts);

/* The Summary's opening (@op "<") or closing ("<=") funds formula, without
 * "=": SUMIFS over the funds column of each Journal sheet, by date. */
char       *export_xlsx_funds_formula (const char *const *sheets,
                                       const guint32     *last_rows,
                                       guint              n_sheets,
                                       const char        *op,
                                       const char        *iso);

/* The Summary's opening funds formula, without "=": the funds column
 * summed over the dates before @first, and the opening balances (期初)
 * dated from @first to @last, which open the period as the income
 * report counts them. */
char       *export_xlsx_opening_formula (const char *const *sheets,
                                         const guint32     *last_rows,
                                         guint              n_sheets,
                                         const char        *first,
                                         const char        *last);

/* ------------------------------------------------------------------ */
/* Writing cells (export-xlsx-sheets.c) */

/* Keeps the first error libxlsxwriter reports; checked before closing. */
void export_xlsx_check (Export    *x,
                        lxw_error  err);

/* A copy of text from the book that no spreadsheet takes for a formula: a
 * leading = + - @, tab or carriage return gets an apostrophe in front;
 * control characters (in a book older than the validator) become U+FFFD
 * and invisible ones are dropped, so that any book can be exported. */
char *export_xlsx_neutralise (const char *text);

/* Text from the book as a string cell, neutralised; empty leaves it blank. */
void export_xlsx_put_text (Export     *x,
                           Sheet      *s,
                           lxw_col_t   col,
                           const char *text);
/* Free text people typed (payees, memos, vote titles, fee names, reasons):
 * as export_xlsx_put_text, with every phone number in it removed as on the
 * notice (ledger_privacy_scrub(): mobile numbers and the register's phones,
 * however written). Names stay: the workbook is the auditor's. */
/* @text without its phone numbers, as export_xlsx_put_free_text writes it
 * (control characters as U+FFFD, invisible ones dropped). */
char *export_xlsx_scrub (Export     *x,
                         const char *text);
void export_xlsx_put_free_text (Export     *x,
                                Sheet      *s,
                                lxw_col_t   col,
                                const char *text);
/* Money: fen / 100.0 in the "¥"#,##0.00 format. */
void export_xlsx_put_money (Export    *x,
                            Sheet     *s,
                            lxw_col_t  col,
                            gint64     fen);
/* A plain number (counts, entry numbers, areas, ratios) in @format. */
void export_xlsx_put_number (Export     *x,
                             Sheet      *s,
                             lxw_col_t   col,
                             double      value,
                             lxw_format *format);
/* A "YYYY-MM-DD" date as a spreadsheet date; empty stays empty. */
void export_xlsx_put_date (Export     *x,
                           Sheet      *s,
                           lxw_col_t   col,
                           const char *iso);

/* ------------------------------------------------------------------ */
/* Sheets (export-xlsx-sheets.c) */

/* Adds a sheet; for a table (@columns != NULL) writes the header row,
 * sets the widths and freezes the header. */
gboolean export_xlsx_sheet_add (Export        *x,
                                Sheet         *s,
                                const char    *name,
                                const Column  *columns,
                                guint          n_columns,
                                GError       **error);
/* The columns of detail sheet @sheet ("收入": its fixed columns, before
 * the fee columns), or NULL: their headers are part of what verify
 * --export compares. */
const Column *export_xlsx_sheet_columns (const char *sheet,
                                         guint      *n_columns);
/* An autofilter over the table, once its length is known. */
void     export_xlsx_sheet_finish (Export *x,
                                   Sheet  *s);

/* ------------------------------------------------------------------ */
/* Tie-out checks (export-xlsx-checks.c): each detail sheet against the ledger's
 * report, to the fen; LEDGER_ERROR_VERIFY when they differ. */

/* The Income rows (amounts adding up to @total) against the income
 * report, column by column. */
gboolean export_xlsx_check_income (Export  *x,
                                   gint64   total,
                                   GError **error);
/* The Expenditures rows against the income report, category by category. */
gboolean export_xlsx_check_expenditures (Export  *x,
                                         GError **error);
/* The Arrears rows against the arrears report's @total. */
gboolean export_xlsx_check_arrears (Export  *x,
                                    gint64   total,
                                    GError **error);

/* ------------------------------------------------------------------ */
/* The detail sheets (export-xlsx-sheets.c), each checked as it ends */

gboolean export_xlsx_write_income     (Export  *x,
                                       GError **error);
gboolean export_xlsx_write_expenditures   (Export  *x,
                                       GError **error);
gboolean export_xlsx_write_arrears    (Export  *x,
                                       GError **error);
gboolean export_xlsx_write_households (Export  *x,
                                       GError **error);
gboolean export_xlsx_write_votes      (Export  *x,
                                       GError **error);

/* ------------------------------------------------------------------ */
/* The sheets of the committee's money (export-xlsx-money.c) */

#define EXPORT_WAIVERS_SHEET      "减免"
#define EXPORT_TRIAL_SHEET        "试算平衡表"
#define EXPORT_TRIAL_TOTAL_LABEL  "合计"
#define EXPORT_CASHBOOK_OPENING   "期初余额"
#define EXPORT_CASHBOOK_TOTAL     "本期合计"

/* The columns of 减免 or 试算平衡表, or NULL. */
const Column *export_xlsx_money_columns (const char *sheet,
                                         guint      *n_columns);
gboolean export_xlsx_write_waivers       (Export  *x,
                                          GError **error);
gboolean export_xlsx_write_trial_balance (Export  *x,
                                          GError **error);
/* The columns every cash-book sheet has. */
const Column *export_xlsx_cashbook_columns (guint *n_columns);
/* A cash-book sheet (日记账) for each money account and advance with an
 * entry up to the period's end (ledger_report_cashbook()): the opening
 * row, one row per entry, the totals row. */
gboolean export_xlsx_write_cashbooks     (Export  *x,
                                          GError **error);

/* ------------------------------------------------------------------ */
/* 基金: the funds of the period (export-xlsx-funds.c) */

#define EXPORT_FUNDS_SHEET                  "基金"
#define EXPORT_FUNDS_TOTAL_LABEL            "合计"
#define EXPORT_FUNDS_MONEY_LABEL            "期末委员会资金（货币资金＋应收＋备用金－负债）"
#define EXPORT_FUNDS_CHECK_LABEL            "核对：期末合计－期末委员会资金（应为 0）"
#define EXPORT_FUNDS_MOVEMENTS_TOTAL_LABEL  "本期变动合计"
/* Rows of part 1 (1-based): the header, the three funds, 合计, the
 * committee's money, the check. */
#define EXPORT_FUNDS_FIRST_FUND_ROW  2
#define EXPORT_FUNDS_TOTAL_ROW       5
#define EXPORT_FUNDS_MONEY_ROW       6
#define EXPORT_FUNDS_CHECK_ROW       7

typedef enum
{
  EXPORT_FUNDS_PART_FUNDS,      /* 代码 基金 期初余额 本期增加 本期减少 期末余额 */
  EXPORT_FUNDS_PART_MOVEMENTS,  /* 代码 项目 日常经费 维修资金 公共收益 合计 */
  EXPORT_FUNDS_PART_LINES,      /* 日期 日记账序号 凭证号 类型 基金 项目 代码 增加 减少 摘要 */
} ExportFundsPart;

/* Where the parts of the sheet are (rows 1-based). */
typedef struct
{
  guint   n_movements, n_lines;
  guint32 movements_header;  /* the movements follow it, then their total */
  guint32 movements_total;
  guint32 lines_header;      /* the entry lines follow it */
  guint32 last_row;          /* the last line's (lines_header when none) */
} ExportFundsLayout;

/* The header cells of @part. */
const Column *export_xlsx_funds_columns (ExportFundsPart  part,
                                         guint           *n_columns);
/* The layout of a sheet with @n_movements accounts and @n_lines lines. */
void          export_xlsx_funds_layout  (guint              n_movements,
                                         guint              n_lines,
                                         ExportFundsLayout *out);
/* The formula (without "=") of the cell at @row (1-based), @col (0 = A),
 * or NULL when the cell holds a value: what the writer writes and verify
 * --export expects. */
char         *export_xlsx_fund_sheet_formula (const ExportFundsLayout *layout,
                                         guint32                  row,
                                         guint                    col);
/* The 基金 sheet (ledger_report_funds()). */
gboolean      export_xlsx_write_funds   (Export  *x,
                                         GError **error);

/* ------------------------------------------------------------------ */
/* The written file (export-xlsx-verify.c) */

/* Reads the workbook just written at @path back whole, every part (CRC
 * checked) and every XML document to its end: libxlsxwriter writes each
 * sheet to a temporary file first and does not check those writes, so a
 * full disk would otherwise give a truncated workbook and no error. */
gboolean export_workbook_check_written (const char  *path,
                                        GError     **error);

G_END_DECLS

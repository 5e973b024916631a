/* ledger-pay-batch.h — many payments from a CSV statement, all or none */
#pragma once

#include "ledger-book.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

/* One valid row of a payment batch, ready to be recorded. */
typedef struct
{
  guint         line;     /* the 1-based line of the file the row starts on */
  char         *unit;     /* normalised ("3-2-301"), registered in the book */
  gint64        amount;   /* fen, > 0 */
  LedgerMethod  method;   /* the row's, else the default */
  char          date[11]; /* "YYYY-MM-DD": the row's, else the default */
} LedgerPayBatchRow;

typedef struct
{
  char      *display;  /* the file's name for messages ("standard input" for "-") */
  char      *encoding; /* "UTF-8" or "GB18030" */
  GPtrArray *rows;     /* LedgerPayBatchRow, valid, in file order */
  GPtrArray *problems; /* char *, "FILE: line N: FIELD “VALUE”: REASON", in file order */
} LedgerPayBatchPlan;

void ledger_pay_batch_plan_free (LedgerPayBatchPlan *plan);

/**
 * ledger_pay_batch_read:
 * @book: the book whose units the rows must name
 * @path: the CSV file, or "-" for standard input
 * @default_method: the method of rows that give none
 * @default_date: (nullable): "YYYY-MM-DD" (checked, as `--date`) for rows
 *   that give no date; NULL for today by the book's clock
 *
 * Reads a payment statement: UTF-8 with or without BOM, or GB18030. The
 * first row is a header naming the columns in English or Chinese, in any
 * order: unit/单元/房号/户号 and amount/金额 (required), method/方式/支付方式
 * and date/日期 (optional). Every row is checked — the unit registered,
 * the amount positive with at most two decimals, method and date valid —
 * and every bad one is kept in plan->problems; nothing is written.
 *
 * Returns: the plan (which may hold problems), or NULL with
 * LEDGER_ERROR_INVALID_INPUT when the file cannot be read, its header is
 * wrong (a column unknown, repeated or missing) or it has no rows.
 */
LedgerPayBatchPlan *ledger_pay_batch_read (LedgerBook    *book,
                                           const char    *path,
                                           LedgerMethod   default_method,
                                           const char    *default_date,
                                           GError       **error);

/**
 * ledger_pay_batch_read_bytes:
 * @display: the name of the data in messages (a file name)
 *
 * The same as ledger_pay_batch_read() for data already in memory.
 */
LedgerPayBatchPlan *ledger_pay_batch_read_bytes (LedgerBook    *book,
                                                 GBytes        *bytes,
                                                 const char    *display,
                                                 LedgerMethod   default_method,
                                                 const char    *default_date,
                                                 GError       **error);

/**
 * ledger_pay_batch_apply:
 * @out_receipts: (out) (optional) (element-type utf8): the receipt numbers,
 *   one per row of plan->rows and in the same order
 *
 * All rows or none: when the plan has problems, fails with
 * LEDGER_ERROR_INVALID_INPUT listing them, one per line, and writes
 * nothing. Otherwise records every row with ledger_pay_in_write() in file
 * order inside one transaction, so the receipt numbers follow the file
 * without gaps; if any payment fails, none is recorded.
 */
gboolean ledger_pay_batch_apply (LedgerBook                *book,
                                 const LedgerPayBatchPlan  *plan,
                                 GPtrArray                **out_receipts,
                                 GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPayBatchPlan, ledger_pay_batch_plan_free)

G_END_DECLS

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

/**
 * ledger_pay_batch_plan_free:
 * @plan: (nullable) (transfer full): a plan
 *
 * Frees @plan with its rows and problems.
 */
void ledger_pay_batch_plan_free (LedgerPayBatchPlan *plan);

/**
 * ledger_pay_batch_read:
 * @book: the book whose units the rows must name
 * @path: the CSV file, or "-" for standard input
 * @default_method: the method of rows that give none
 * @default_date: (nullable): "YYYY-MM-DD" (checked, as `--date`) for rows
 *   that give no date; NULL for today by the book's clock
 * @error: return location for an error
 *
 * Reads a payment statement: UTF-8 with or without BOM, or GB18030. The
 * first row is a header naming the columns in English or Chinese, in any
 * order: unit/单元/房号/户号 and amount/金额 (required), method/方式/支付方式
 * and date/日期 (optional). Every row is checked — the unit registered,
 * the amount positive with at most two decimals, method and date valid —
 * and every bad one is kept in plan->problems; nothing is written.
 *
 * Returns: (transfer full): the plan (which may hold problems), or NULL
 *   with @error set: LEDGER_ERROR_INVALID_INPUT when the file cannot be
 *   read, its header is wrong (a column unknown, repeated or missing) or
 *   it has no rows; LEDGER_ERROR_IO for a failing read; or a storage error
 */
LedgerPayBatchPlan *ledger_pay_batch_read (LedgerBook    *book,
                                           const char    *path,
                                           LedgerMethod   default_method,
                                           const char    *default_date,
                                           GError       **error);

/**
 * ledger_pay_batch_read_bytes:
 * @book: the book whose units the rows must name
 * @bytes: the file's contents
 * @display: the name of the data in messages (a file name)
 * @default_method: as for ledger_pay_batch_read()
 * @default_date: (nullable): as for ledger_pay_batch_read()
 * @error: return location for an error
 *
 * The same as ledger_pay_batch_read() for data already in memory.
 *
 * Returns: (transfer full): as ledger_pay_batch_read()
 */
LedgerPayBatchPlan *ledger_pay_batch_read_bytes (LedgerBook    *book,
                                                 GBytes        *bytes,
                                                 const char    *display,
                                                 LedgerMethod   default_method,
                                                 const char    *default_date,
                                                 GError       **error);

/**
 * ledger_pay_batch_apply:
 * @book: an open book
 * @plan: what ledger_pay_batch_read() read
 * @out_receipts: (out) (optional) (element-type utf8) (transfer full):
 *   the receipt numbers, one per row of plan->rows and in the same order
 * @error: return location for an error
 *
 * All rows or none: when the plan has problems, fails listing them, one
 * per line, and writes nothing. Otherwise records every row as
 * ledger_pay() would, in file order inside one transaction, so the
 * receipt numbers follow the file without gaps; if any payment fails,
 * none is recorded.
 *
 * Returns: TRUE when every row was recorded; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT listing the plan's problems, what
 *   ledger_pay() sets for the row that failed, or a storage or journal
 *   error
 */
gboolean ledger_pay_batch_apply (LedgerBook                *book,
                                 const LedgerPayBatchPlan  *plan,
                                 GPtrArray                **out_receipts,
                                 GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPayBatchPlan, ledger_pay_batch_plan_free)

G_END_DECLS

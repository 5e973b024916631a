/* ledger-pay-batch.c — many payments from a CSV statement, all or none
 *
 * A treasurer enters a day's bank or WeChat statement in one go. Like the
 * household import this is two steps: ledger_pay_batch_read() reads the
 * file as a LedgerCsvTable (ledger-csv-table.c: UTF-8 with or without
 * BOM, or GB18030, the header's column names, the limit on rows, the list
 * of problems) and checks every row against the book, collecting a
 * problem for each bad field instead of stopping at the first one; then
 * ledger_pay_batch_apply() records every payment in one transaction with
 * ledger_pay_in_write(), in file order, or none at all (docs/architecture.md §9).
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-book-private.h"
#include "ledger-csv-table-private.h"
#include "ledger-dates-private.h"
#include "ledger-household.h"
#include "ledger-input-private.h"
#include "ledger-money.h"
#include "ledger-pay-batch.h"
#include "ledger-payment-private.h"
#include "ledger-period.h"
#include "ledger-settings.h"
#include "ledger-text.h"

/* A day's statement of a large compound has a few thousand lines; a file
 * ten times the largest compound is a mistake, not a statement. */
#define BATCH_MAX_ROWS 100000
/* 100000 rows of a few dozen bytes each fit well below this; a file is
 * bounded while it is read (ledger-input-private.h). */
#define BATCH_MAX_BYTES LEDGER_INPUT_CSV_MAX_BYTES
/* SQLite's page cache while a batch is recorded, in KiB (a negative
 * cache_size). Each payment reads a random household's charges and
 * allocations; with the default 2 MB a large book's pages are read again
 * and again and dirty pages spill to the file before COMMIT. With this
 * much, 10,000 payments on a 5,000-household, ten-year book take half
 * the time. It is a bound, not an allocation: only pages read use memory. */
#define BATCH_CACHE_KIB 65536

typedef enum
{
  COLUMN_UNIT,
  COLUMN_AMOUNT,
  COLUMN_METHOD,
  COLUMN_DATE,
  N_COLUMNS
} Column;

/* The names a header cell may give each column: the English name first
 * (compared without regard to case), then the Chinese ones that bank and
 * WeChat statements and the household register use. In the order of
 * Column. */
static const LedgerCsvColumn columns[N_COLUMNS] = {
  { { "unit", "单元", "房号", "户号", NULL }, TRUE },
  { { "amount", "金额", "缴费金额", NULL }, TRUE },
  { { "method", "方式", "支付方式", "付款方式", NULL }, FALSE },
  { { "date", "日期", "缴费日期", NULL }, FALSE },
};

/* ------------------------------------------------------------------ */
/* The messages that name a statement's columns and rows */

static char *
unknown_column_message (const char *display,
                        const char *cell)
{
  g_autofree char *safe = ledger_text_quote (cell);

  return g_strdup_printf (_("%s: unknown column “%s” in the header; the columns are unit, amount, "
                            "method and date"),
                          display, safe);
}

static char *
missing_columns_message (const char *display,
                         const char *names,
                         guint       n_missing)
{
  return g_strdup_printf (/* Translators: the file, then the English names of columns */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s: the header lacks the required column %s "
                                       "(unit and amount are needed)",
                                       "%s: the header lacks the required columns %s "
                                       "(unit and amount are needed)", n_missing),
                          display, names);
}

static char *
too_many_rows_message (const char *display)
{
  return g_strdup_printf (_("%s has more than %d payments; record it in parts"),
                          display, BATCH_MAX_ROWS);
}

static char *
no_rows_message (const char *display)
{
  return g_strdup_printf (_("%s has no payments"), display);
}

static const LedgerCsvTableSpec statement_spec = {
  .columns = columns,
  .n_columns = N_COLUMNS,
  .max_rows = BATCH_MAX_ROWS,
  .header_search = 0,
  .unknown_column = unknown_column_message,
  .missing_columns = missing_columns_message,
  .too_many_rows = too_many_rows_message,
  .no_rows = no_rows_message,
};

/* ------------------------------------------------------------------ */
/* The plan */

static void
row_free (LedgerPayBatchRow *row)
{
  g_free (row->unit);
  g_free (row);
}

static LedgerPayBatchPlan *
plan_new (const char *display)
{
  LedgerPayBatchPlan *plan = g_new0 (LedgerPayBatchPlan, 1);

  plan->display = g_strdup (display);
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  plan->problems = g_ptr_array_new_with_free_func (g_free);
  return plan;
}

/* Frees the plan with its rows and problems. */
void
ledger_pay_batch_plan_free (LedgerPayBatchPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->rows);
  g_ptr_array_unref (plan->problems);
  g_free (plan->display);
  g_free (plan->encoding);
  g_free (plan);
}

/* Copies the table's problems into the plan as "FILE: line N: REASON";
 * each reason is one line already (the parsers quote values safely). */
static void
plan_take_problems (LedgerPayBatchPlan   *plan,
                    const LedgerCsvTable *table)
{
  GPtrArray *problems = ledger_csv_table_get_problems (table);

  for (guint i = 0; i < problems->len; i++)
    {
      const LedgerCsvProblem *problem = g_ptr_array_index (problems, i);

      /* Translators: the file, a line number in it, then what is wrong */
      g_ptr_array_add (plan->problems, g_strdup_printf (_("%s: line %u: %s"), plan->display,
                                                        problem->line, problem->reason));
    }
}

/* ------------------------------------------------------------------ */
/* Rows */

typedef struct
{
  LedgerPayBatchPlan *plan;
  LedgerCsvTable     *table;
  GHashTable         *registered; /* the units of the book */
  LedgerBook         *book;       /* for the dates' rule (not a reference) */
  LedgerMethod        default_method;
  char                default_date[11];
} Batch;

/* The text of @column in @row, "" when the file has no such column. */
static const char *
row_field (const Batch        *batch,
           const LedgerCsvRow *row,
           Column              column)
{
  return ledger_csv_table_field (batch->table, row, column);
}

/* Moves the message of a failed parse into the plan's problems. */
static void
take_problem (Batch   *batch,
              guint    line,
              GError **error)
{
  ledger_csv_table_take_problem (batch->table, line, error);
}

/* Normalises the unit of @row into @out and checks it is registered. */
static gboolean
read_unit (const Batch         *batch,
           const LedgerCsvRow  *row,
           char               **out_unit,
           GError             **error)
{
  const char *text = row_field (batch, row, COLUMN_UNIT);
  g_autofree char *unit = NULL;

  if (!ledger_unit_parse (text, _("unit"), &unit, NULL, NULL, NULL, error))
    return FALSE;
  if (!g_hash_table_contains (batch->registered, unit))
    return ledger_text_set_invalid_input (error, _("unit"), text,
                                          _("not registered in this book"));
  *out_unit = g_steal_pointer (&unit);
  return TRUE;
}

/* Parses method and date, which default to the batch's when empty. */
static void
read_method_and_date (Batch              *batch,
                      const LedgerCsvRow *row,
                      LedgerPayBatchRow  *payment,
                      gboolean           *ok)
{
  g_autoptr(GError) error = NULL;
  const char *method = row_field (batch, row, COLUMN_METHOD);
  const char *date = row_field (batch, row, COLUMN_DATE);

  payment->method = batch->default_method;
  if (*method != '\0' && !ledger_method_parse (method, _("method"), &payment->method, &error))
    {
      take_problem (batch, row->line, &error);
      *ok = FALSE;
    }
  g_strlcpy (payment->date, batch->default_date, sizeof payment->date);
  if (*date != '\0' &&
      (!ledger_date_parse (date, _("date"), payment->date, &error) ||
       !ledger_check_entry_date (batch->book, payment->date, _("date"), &error)))
    {
      take_problem (batch, row->line, &error);
      *ok = FALSE;
    }
}

/* Turns one data row (lined up with the header) into a payment for the
 * plan, or into one problem for each thing wrong with it. */
static void
batch_row (const LedgerCsvRow *row,
           gpointer            user_data)
{
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  LedgerPayBatchRow *payment;
  gboolean ok = TRUE;

  payment = g_new0 (LedgerPayBatchRow, 1);
  payment->line = row->line;
  if (!read_unit (batch, row, &payment->unit, &error))
    {
      take_problem (batch, row->line, &error);
      ok = FALSE;
    }
  if (!ledger_money_parse (row_field (batch, row, COLUMN_AMOUNT), _("amount"),
                           LEDGER_MONEY_POSITIVE, &payment->amount, &error))
    {
      take_problem (batch, row->line, &error);
      ok = FALSE;
    }
  read_method_and_date (batch, row, payment, &ok);

  if (ok)
    g_ptr_array_add (batch->plan->rows, payment);
  else
    row_free (payment);
}

/* Frees what a Batch owns; the plan is the caller's. */
static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->table, ledger_csv_table_free);
  g_clear_pointer (&batch->registered, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

/* Sets up @batch for @book with the defaults of rows that give no method
 * or date. */
static gboolean
batch_init (Batch         *batch,
            LedgerBook    *book,
            LedgerMethod   default_method,
            const char    *default_date,
            GError       **error)
{
  batch->book = book;
  batch->default_method = default_method;
  if (default_date == NULL)
    ledger_book_today (book, batch->default_date);
  else if (!ledger_date_parse (default_date, "--date", batch->default_date, error) ||
           !ledger_check_entry_date (book, batch->default_date, "--date", error))
    return FALSE;
  batch->registered = ledger_csv_registered_units (book, error);
  return batch->registered != NULL;
}

/* Reads @bytes, the content of the file shown as @display (already made
 * fit for a message). */
static LedgerPayBatchPlan *
read_plan (LedgerBook    *book,
           GBytes        *bytes,
           const char    *display,
           LedgerMethod   default_method,
           const char    *default_date,
           GError       **error)
{
  g_autoptr(LedgerPayBatchPlan) plan = plan_new (display);
  g_auto(Batch) batch = { 0 };

  if (!batch_init (&batch, book, default_method, default_date, error))
    return NULL;
  batch.table = ledger_csv_table_new (&statement_spec, bytes, plan->display, error);
  if (batch.table == NULL)
    return NULL;
  plan->encoding = g_strdup (ledger_csv_table_get_encoding (batch.table));
  batch.plan = plan;
  if (!ledger_csv_table_foreach (batch.table, batch_row, &batch, error))
    return NULL;
  plan_take_problems (plan, batch.table);
  return g_steal_pointer (&plan);
}

LedgerPayBatchPlan *
ledger_pay_batch_read_bytes (LedgerBook    *book,
                             GBytes        *bytes,
                             const char    *display,
                             LedgerMethod   default_method,
                             const char    *default_date,
                             GError       **error)
{
  g_autofree char *safe = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  safe = ledger_csv_one_line (display);
  if (g_bytes_get_size (bytes) > BATCH_MAX_BYTES)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s is larger than %d MB; this is not a payment statement"),
                   safe, BATCH_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  return read_plan (book, bytes, safe, default_method, default_date, error);
}

LedgerPayBatchPlan *
ledger_pay_batch_read (LedgerBook    *book,
                       const char    *path,
                       LedgerMethod   default_method,
                       const char    *default_date,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  g_autofree char *safe = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Bounded while reading: standard input, a pipe or /dev/zero has no
   * size to check first. */
  display = ledger_input_display_name (path, LEDGER_INPUT_DASH_IS_STDIN);
  safe = ledger_csv_one_line (display);
  bytes = ledger_input_read (path, NULL, BATCH_MAX_BYTES, _("this is not a payment statement"),
                             LEDGER_INPUT_DASH_IS_STDIN, error);
  if (bytes == NULL)
    return NULL;
  return read_plan (book, bytes, safe, default_method, default_date, error);
}

/* ------------------------------------------------------------------ */
/* Recording */

/* Refuses a plan with problems, with every problem on its own line, so
 * the command line can print them all. */
static gboolean
check_plan (const LedgerPayBatchPlan  *plan,
            GError                   **error)
{
  if (plan->problems->len > 0)
    {
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint i = 0; i < plan->problems->len; i++)
        {
          if (i > 0)
            g_string_append_c (lines, '\n');
          g_string_append (lines, g_ptr_array_index (plan->problems, i));
        }
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, lines->str);
      return FALSE;
    }
  if (plan->rows->len == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s has no payments"), plan->display);
      return FALSE;
    }
  return TRUE;
}

/* Enlarges the connection's page cache for the batch (see
 * BATCH_CACHE_KIB) and returns the setting to restore, 0 when it was left
 * alone. Only speed depends on it, so a failure is not an error. */
static gint64
raise_cache (LedgerBook *book)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "PRAGMA cache_size", NULL);
  g_autofree char *sql = NULL;
  gint64 old = 0;

  if (stmt == NULL || !ledger_book_query_int64 (book, stmt, 0, &old, NULL) || old == 0)
    return 0;
  /* Positive values count pages, negative ones KiB. */
  if (old < 0 && -old >= BATCH_CACHE_KIB)
    return 0;
  sql = g_strdup_printf ("PRAGMA cache_size = -%d", BATCH_CACHE_KIB);
  return ledger_book_exec (book, sql, NULL) ? old : 0;
}

/* Puts back the page cache setting raise_cache() changed. */
static void
restore_cache (LedgerBook *book,
               gint64      old)
{
  g_autofree char *sql = NULL;

  if (old == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, old);
  if (!ledger_book_exec (book, sql, NULL))
    g_debug ("could not restore the page cache size (%s)", sql);
}

typedef struct
{
  const LedgerPayBatchPlan *plan;
  GPtrArray                *receipts; /* char *, one per row recorded so far */
} ApplyRequest;

/* Records every row of the plan inside the batch's one transaction. A
 * failure names the row's line; the transaction then rolls back. */
static gboolean
apply_cb (LedgerBook  *book,
          gpointer     user_data,
          GError     **error)
{
  ApplyRequest *r = user_data;

  for (guint i = 0; i < r->plan->rows->len; i++)
    {
      const LedgerPayBatchRow *row = g_ptr_array_index (r->plan->rows, i);
      g_autoptr(GError) local_error = NULL;
      char *number = ledger_pay_in_write (book, row->unit, row->amount, row->method,
                                          row->date, &local_error);

      if (number == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: line %u: %s"), r->plan->display, row->line,
                       local_error->message);
          return FALSE;
        }
      g_ptr_array_add (r->receipts, number);
    }
  return TRUE;
}

gboolean
ledger_pay_batch_apply (LedgerBook                *book,
                        const LedgerPayBatchPlan  *plan,
                        GPtrArray                **out_receipts,
                        GError                   **error)
{
  g_autoptr(GPtrArray) receipts = NULL;
  ApplyRequest request;
  gint64 cache_kib;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_receipts != NULL)
    *out_receipts = NULL;
  if (!check_plan (plan, error))
    return FALSE;
  receipts = g_ptr_array_new_full (plan->rows->len, g_free);
  request.plan = plan;
  request.receipts = receipts;
  cache_kib = raise_cache (book);
  ok = ledger_book_write (book, apply_cb, &request, error);
  restore_cache (book, cache_kib);
  if (!ok)
    return FALSE;
  if (out_receipts != NULL)
    *out_receipts = g_steal_pointer (&receipts);
  return TRUE;
}

/* ledger-pay-batch.c — many payments from a CSV statement, all or none
 *
 * A treasurer enters a day's bank or WeChat statement in one go. Like the
 * household import this is two steps: ledger_pay_batch_read() decodes the
 * file (ledger-csv.c: UTF-8 with or without BOM, or GB18030), maps the
 * header to columns and checks every row against the book, collecting a
 * problem for each bad field instead of stopping at the first one; then
 * ledger_pay_batch_apply() records every payment in one transaction with
 * ledger_pay_in_write(), in file order, or none at all (DESIGN.md §6).
 */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ledger-book-private.h"
#include "ledger-csv-private.h"
#include "ledger-dates.h"
#include "ledger-household.h"
#include "ledger-input.h"
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
 * bounded while it is read (ledger-input.h). */
#define BATCH_MAX_BYTES LEDGER_INPUT_CSV_MAX_BYTES
/* SQLite's page cache while a batch is recorded, in KiB (a negative
 * cache_size). Each payment reads a random household's charges and
 * allocations; with the default 2 MB a large book's pages are read again
 * and again and dirty pages spill to the file before COMMIT. With this
 * much, 10,000 payments on a 5,000-household, ten-year book take half
 * the time. It is a bound, not an allocation: only pages read use memory. */
#define BATCH_CACHE_KIB 65536
/* A file name in a message: keep the line readable. */
#define DISPLAY_MAX_CHARS 200

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
 * WeChat statements and the household register use. */
static const struct
{
  Column      column;
  gboolean    required;
  const char *names[5];
} column_names[N_COLUMNS] = {
  { COLUMN_UNIT,   TRUE,  { "unit", "单元", "房号", "户号", NULL } },
  { COLUMN_AMOUNT, TRUE,  { "amount", "金额", "缴费金额", NULL } },
  { COLUMN_METHOD, FALSE, { "method", "方式", "支付方式", "付款方式", NULL } },
  { COLUMN_DATE,   FALSE, { "date", "日期", "缴费日期", NULL } },
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

/* Returns @text (valid UTF-8 or not) as one line of bounded length, for a
 * file name in a message: control characters become U+FFFD. */
static char *
one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p = valid;

  for (guint n = 0; *p != '\0' && n < DISPLAY_MAX_CHARS; n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c < 0x20 || (c >= 0x7F && c <= 0x9F) ? 0xFFFD : c);
      p = g_utf8_next_char (p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* Records that the row starting on @line is bad because of @reason, which
 * is one line already (the parsers quote values safely). */
static void
add_problem (LedgerPayBatchPlan *plan,
             guint               line,
             const char         *reason)
{
  /* Translators: the file, a line number in it, then what is wrong */
  g_ptr_array_add (plan->problems,
                   g_strdup_printf (_("%s: line %u: %s"), plan->display, line, reason));
}

/* ------------------------------------------------------------------ */
/* Reading the bytes */

/* ------------------------------------------------------------------ */
/* The header */

typedef struct
{
  LedgerPayBatchPlan *plan;
  int                 position[N_COLUMNS]; /* index of each column's field, -1 when absent */
  guint               n_fields;            /* fields in the header, so in every row */
  GHashTable         *registered;          /* the units of the book */
  LedgerBook         *book;                /* for the dates' rule (not a reference) */
  LedgerMethod        default_method;
  char                default_date[11];
} Batch;

/* Which column a header cell names, or -1. */
static int
find_column (const char *cell)
{
  g_autofree char *folded = ledger_text_fold_ascii (cell);
  g_autofree char *name = g_ascii_strdown (folded, -1);

  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; column_names[c].names[i] != NULL; i++)
      if (strcmp (name, column_names[c].names[i]) == 0)
        return (int) column_names[c].column;
  return -1;
}

/* Names every required column the header lacks, or returns TRUE. */
static gboolean
check_required_columns (const Batch  *batch,
                        GError      **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_names[c].required && batch->position[c] < 0)
      g_string_append_printf (missing, "%s%s", n_missing++ > 0 ? ", " : "",
                              column_names[c].names[0]);
  if (n_missing == 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               /* Translators: the file, then the English names of columns */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: the header lacks the required column %s "
                            "(unit and amount are needed)",
                            "%s: the header lacks the required columns %s "
                            "(unit and amount are needed)", n_missing),
               batch->plan->display, missing->str);
  return FALSE;
}

/* Assigns the header cell @index to its column; refuses names it does
 * not know and columns named twice. */
static gboolean
map_header_cell (Batch         *batch,
                 LedgerCsvRow  *header,
                 guint          index,
                 GError       **error)
{
  const char *display = batch->plan->display;
  const char *cell = g_ptr_array_index (header->fields, index);
  int column = find_column (cell);

  if (*cell == '\0')
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                 _("%s: column %u of the header has no name"), display, index + 1);
  else if (column < 0)
    {
      g_autofree char *safe = ledger_text_quote (cell);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s: unknown column “%s” in the header; the columns are unit, amount, "
                     "method and date"),
                   display, safe);
    }
  else if (batch->position[column] >= 0)
    {
      g_autofree char *first =
        ledger_text_quote (g_ptr_array_index (header->fields, batch->position[column]));
      g_autofree char *second = ledger_text_quote (cell);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s: the header names the %s column twice (“%s” and “%s”)"),
                   display, column_names[column].names[0], first, second);
    }
  else
    {
      batch->position[column] = (int) index;
      return TRUE;
    }
  return FALSE;
}

/* Maps the first row of the file to columns. */
static gboolean
parse_header (Batch         *batch,
              LedgerCsvRow  *header,
              GError       **error)
{
  if (header->problem != NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s: line %u (the header): %s"), batch->plan->display, header->line,
                   header->problem);
      return FALSE;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    batch->position[c] = -1;
  batch->n_fields = header->fields->len;
  for (guint i = 0; i < header->fields->len; i++)
    if (!map_header_cell (batch, header, i, error))
      return FALSE;
  return check_required_columns (batch, error);
}

/* ------------------------------------------------------------------ */
/* Rows */

/* The text of @column in @row, "" when the file has no such column. */
static const char *
row_field (const Batch        *batch,
           const LedgerCsvRow *row,
           Column              column)
{
  int position = batch->position[column];

  return position < 0 ? "" : g_ptr_array_index (row->fields, position);
}

/* Moves the message of a failed parse into the plan's problems. */
static void
take_problem (Batch   *batch,
              guint    line,
              GError **error)
{
  add_problem (batch->plan, line, (*error)->message);
  g_clear_error (error);
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

/* Turns one data row into a payment for the plan, or into one problem
 * for each thing wrong with it. */
static void
batch_row (Batch        *batch,
           LedgerCsvRow *row)
{
  g_autoptr(GError) error = NULL;
  LedgerPayBatchRow *payment;
  gboolean ok = TRUE;

  if (row->problem != NULL)
    {
      add_problem (batch->plan, row->line, row->problem);
      return;
    }
  if (row->fields->len != batch->n_fields)
    {
      g_autofree char *reason =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %u field, found %u",
                                      "expected %u fields, found %u", batch->n_fields),
                         batch->n_fields, row->fields->len);

      add_problem (batch->plan, row->line, reason);
      return;
    }

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

/* Reads the header and every row after it into the plan. */
static gboolean
batch_rows (Batch       *batch,
            const char  *text,
            GError     **error)
{
  const char *display = batch->plan->display;
  g_autoptr(LedgerCsvRow) header = NULL;
  LedgerCsvReader reader;
  guint n_rows = 0;
  LedgerCsvRow *row;

  ledger_csv_reader_init (&reader, text);
  header = ledger_csv_reader_next (&reader);
  if (header == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, _("%s is empty"), display);
      return FALSE;
    }
  if (!parse_header (batch, header, error))
    return FALSE;

  while ((row = ledger_csv_reader_next (&reader)) != NULL)
    {
      g_autoptr(LedgerCsvRow) owned = row;

      if (++n_rows > BATCH_MAX_ROWS)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                       _("%s has more than %d payments; record it in parts"),
                       display, BATCH_MAX_ROWS);
          return FALSE;
        }
      batch_row (batch, owned);
    }
  if (n_rows == 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                 _("%s has no payments"), display);
  return n_rows > 0;
}

/* The units of @book, read once so that each row is checked without a
 * query. */
static GHashTable *
registered_units (LedgerBook  *book,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = ledger_household_list (book, error);
  GHashTable *units;

  if (list == NULL)
    return NULL;
  units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      LedgerHousehold *household = g_ptr_array_index (list, i);

      g_hash_table_add (units, g_strdup (household->unit));
    }
  return units;
}

/* Frees what a Batch owns; the plan is the caller's. */
static void
batch_clear (Batch *batch)
{
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
  batch->registered = registered_units (book, error);
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
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!batch_init (&batch, book, default_method, default_date, error))
    return NULL;
  text = ledger_csv_decode (data != NULL ? data : "", length, plan->display,
                            &plan->encoding, error);
  if (text == NULL)
    return NULL;
  batch.plan = plan;
  if (!batch_rows (&batch, text, error))
    return NULL;
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

  safe = one_line (display);
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
  safe = one_line (display);
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

/* ledger-csv-table-private.h — a CSV file as rows of named columns, for the importers
 *
 * Every CSV intake (the household register, the payment batch, and the
 * bank/WeChat/Alipay statements to come) does the same things before it
 * looks at a single value: decode the file (ledger-csv-private.h), find the
 * header row, map its cells to columns by the names people give them,
 * refuse a header that lacks a required column or names one twice, and
 * then go through the rows, naming each by the line it starts on and
 * collecting a problem for every bad field instead of stopping at the
 * first. A LedgerCsvTable does all of that; an importer describes its
 * columns (LedgerCsvTableSpec) and turns each row into its own records.
 */
#pragma once

#include <glib.h>

#include "ledger-book.h"
#include "ledger-csv-private.h"

G_BEGIN_DECLS

/* The longest text a problem quotes from the file, in characters. */
#define LEDGER_CSV_ONE_LINE_MAX_CHARS 200

/* One column an importer reads: @names[0] is the English name that
 * messages use; the rest are other names a header cell may give it
 * (Chinese ones from registers and statements), NULL-terminated. Header
 * cells are compared after folding full-width forms to ASCII, in lower
 * case, with "-" and " " read as "_". */
typedef struct
{
  const char *names[8];
  gboolean    required;
} LedgerCsvColumn;

/**
 * LedgerCsvTableSpec:
 * @columns: the columns, in the order the importer numbers them
 * @n_columns: how many
 * @max_rows: more data rows than this and the whole file is refused
 *   (a mistake — a whole city's register, a log file — not a compound)
 * @header_search: 0 when the first row with something in it is the
 *   header, and every header cell must name a column; N for files such as
 *   WeChat and Alipay statements, which put a preamble above the header:
 *   the header is then the first of the first N rows that names every
 *   required column, and cells naming no column are ignored
 * @unknown_column: the message for a header cell naming no column
 *   (only when @header_search is 0)
 * @missing_columns: the message for a header lacking required columns:
 *   @names lists their English names, separated by ", "
 * @too_many_rows: the message for a file of more than @max_rows rows
 * @no_rows: the message for a file with a header and no rows
 *
 * What an importer reads. The messages name what the file should hold
 * ("households", "payments"), so each importer words its own; each gets
 * the file's name as @display, already fit for a message.
 */
typedef struct
{
  const LedgerCsvColumn *columns;
  guint                  n_columns;
  guint                  max_rows;
  guint                  header_search;
  char *(*unknown_column)  (const char *display,
                            const char *cell);
  char *(*missing_columns) (const char *display,
                            const char *names,
                            guint       n_missing);
  char *(*too_many_rows)   (const char *display);
  char *(*no_rows)         (const char *display);
} LedgerCsvTableSpec;

/* A bad row: the 1-based line of the file it starts on, and why, naming
 * the field ("amount “12.345”: more than two decimals"). */
typedef struct
{
  guint  line;
  char  *reason;
} LedgerCsvProblem;

typedef struct _LedgerCsvTable LedgerCsvTable;

/**
 * ledger_csv_table_new:
 * @spec: the columns and messages; must outlive the table
 * @bytes: the file's content (bounded by the caller: ledger_input_read())
 * @display: the file's name for messages, already fit for one
 *   (ledger_csv_one_line())
 * @error: (nullable): where to put the error
 *
 * Decodes @bytes (UTF-8 with or without BOM, or GB18030:
 * ledger_csv_decode()), finds the header and maps it to the columns of
 * @spec.
 *
 * Returns: (transfer full) (nullable): the table, ready for
 *   ledger_csv_table_next(); or NULL with LEDGER_ERROR_INVALID_INPUT when
 *   the file is not text, is empty, or its header has bad quoting, an
 *   unnamed or unknown cell, a column named twice or lacks a required one.
 */
LedgerCsvTable *ledger_csv_table_new (const LedgerCsvTableSpec  *spec,
                                      GBytes                    *bytes,
                                      const char                *display,
                                      GError                   **error);

/* Frees the table with its problems. */
void ledger_csv_table_free (LedgerCsvTable *table);

/* "UTF-8" or "GB18030": what the file was in. */
const char *ledger_csv_table_get_encoding (const LedgerCsvTable *table);

/* The 1-based line the header row starts on. */
guint ledger_csv_table_get_header_line (const LedgerCsvTable *table);

/* TRUE when the header names @column (an index into spec->columns). */
gboolean ledger_csv_table_has_column (const LedgerCsvTable *table,
                                      guint                 column);

/**
 * ledger_csv_table_next:
 * @table: the table
 * @out_row: (out) (transfer full): the next data row, NULL at the end
 * @error: (nullable): where to put the error
 *
 * Moves to the next data row whose fields line up with the header. A row
 * with bad quoting or a different number of fields becomes a problem and
 * is passed over.
 *
 * Returns: FALSE with LEDGER_ERROR_INVALID_INPUT when the file has more
 *   than spec->max_rows rows, or ends without a single one; TRUE otherwise
 *   (with *@out_row NULL at the end).
 */
gboolean ledger_csv_table_next (LedgerCsvTable  *table,
                                LedgerCsvRow   **out_row,
                                GError         **error);

/* Called by ledger_csv_table_foreach() with each data row; a bad field
 * becomes a problem (ledger_csv_table_add_problem()), not a stop. */
typedef void (*LedgerCsvRowFunc) (const LedgerCsvRow *row,
                                  gpointer            user_data);

/**
 * ledger_csv_table_foreach:
 * @table: the table
 * @func: called with each data row that lines up with the header
 * @user_data: passed to @func
 * @error: (nullable): where to put the error
 *
 * Reads the rest of the table with ledger_csv_table_next(), calling @func
 * with each row.
 *
 * Returns: FALSE when ledger_csv_table_next() fails.
 */
gboolean ledger_csv_table_foreach (LedgerCsvTable    *table,
                                   LedgerCsvRowFunc   func,
                                   gpointer           user_data,
                                   GError           **error);

/* The text of @column (an index into spec->columns) in @row, trimmed;
 * "" when the file has no such column. */
const char *ledger_csv_table_field (const LedgerCsvTable *table,
                                    const LedgerCsvRow   *row,
                                    guint                 column);

/* Records that the row starting on @line is bad because of @reason. */
void ledger_csv_table_add_problem (LedgerCsvTable *table,
                                   guint           line,
                                   const char     *reason);

/* Records the message of a failed parse of the row starting on @line as
 * its problem and clears *@error. */
void ledger_csv_table_take_problem (LedgerCsvTable  *table,
                                    guint            line,
                                    GError         **error);

/* The problems so far (LedgerCsvProblem), in file order. */
GPtrArray *ledger_csv_table_get_problems (const LedgerCsvTable *table);

/* Returns @text (valid UTF-8 or not) as one line of at most
 * LEDGER_CSV_ONE_LINE_MAX_CHARS characters, with "…" when it was cut:
 * control characters (a quoted field's line breaks) become U+FFFD, so a
 * problem or a file name cannot split the command's output. */
char *ledger_csv_one_line (const char *text);

/* The units registered in @book (a set of normalised unit codes), read
 * once so that each row is checked without a query; NULL on a failed
 * query. */
GHashTable *ledger_csv_registered_units (LedgerBook  *book,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerCsvTable, ledger_csv_table_free)

G_END_DECLS

/* ledger-csv-table.c — a CSV file as rows of named columns, for the importers
 *
 * The household import and the payment batch once each carried their own
 * copy of this: decoding, the header's aliases, finding the columns, the
 * limit on rows and the list of problems. Here it is once, driven by a
 * table of column definitions (LedgerCsvTableSpec), so that an importer
 * only says which columns it reads and what a row becomes. A statement
 * exported by WeChat or Alipay puts a preamble above its header; a spec
 * with header_search set finds the header among the first rows instead of
 * taking the first one.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-csv-table-private.h"
#include "ledger-error.h"
#include "ledger-household.h"
#include "ledger-text.h"

/* More columns than any importer reads; a spec is a static table. */
#define MAX_COLUMNS 32

struct _LedgerCsvTable
{
  const LedgerCsvTableSpec *spec;
  char                     *display;               /* the file's name for messages */
  char                     *encoding;              /* "UTF-8" or "GB18030" */
  char                     *text;                  /* the decoded file, which the reader walks */
  LedgerCsvReader           reader;
  guint                     header_line;
  int                       position[MAX_COLUMNS]; /* each column's field, -1 when absent */
  guint                     n_fields;              /* fields in the header, so in every row */
  guint                     n_rows;                /* data rows read so far, good or bad */
  GPtrArray                *problems;              /* LedgerCsvProblem, in file order */
};

/* ------------------------------------------------------------------ */
/* Problems */

static void
problem_free (LedgerCsvProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

/* Records that the row starting on @line is bad because of @reason. */
void
ledger_csv_table_add_problem (LedgerCsvTable *table,
                              guint           line,
                              const char     *reason)
{
  LedgerCsvProblem *problem;

  g_return_if_fail (table != NULL);
  g_return_if_fail (reason != NULL);

  problem = g_new0 (LedgerCsvProblem, 1);
  problem->line = line;
  problem->reason = g_strdup (reason);
  g_ptr_array_add (table->problems, problem);
}

/* Moves the message of a failed parse into the problems. */
void
ledger_csv_table_take_problem (LedgerCsvTable  *table,
                               guint            line,
                               GError         **error)
{
  g_return_if_fail (error != NULL && *error != NULL);

  ledger_csv_table_add_problem (table, line, (*error)->message);
  g_clear_error (error);
}

GPtrArray *
ledger_csv_table_get_problems (const LedgerCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->problems;
}

/* Returns @text as one line of bounded length: the parsers quote what the
 * user typed, and a quoted CSV field may hold line breaks, which would
 * split the problem over several lines of the command's output. */
char *
ledger_csv_one_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  p = valid;
  for (guint n = 0; *p != '\0' && n < LEDGER_CSV_ONE_LINE_MAX_CHARS; n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c < 0x20 || (c >= 0x7F && c <= 0x9F) ? 0xFFFD : c);
      p = g_utf8_next_char (p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* The header */

/* Which column of @spec a header cell names, or -1. */
static int
find_column (const LedgerCsvTableSpec *spec,
             const char               *cell)
{
  g_autofree char *folded = ledger_text_fold_ascii (cell);
  g_autofree char *name = g_ascii_strdown (folded, -1);

  g_strdelimit (name, "- ", '_');
  for (guint c = 0; c < spec->n_columns; c++)
    for (guint i = 0; spec->columns[c].names[i] != NULL; i++)
      if (strcmp (name, spec->columns[c].names[i]) == 0)
        return (int) c;
  return -1;
}

/* Sets an error with a message one of the spec's functions made. */
static void
set_error_taking (GError **error,
                  char    *message)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, message);
  g_free (message);
}

/* How many required columns @position lacks; lists their English names
 * in @missing when it is not NULL. */
static guint
count_missing (const LedgerCsvTableSpec *spec,
               const int                *position,
               GString                  *missing)
{
  guint n_missing = 0;

  for (guint c = 0; c < spec->n_columns; c++)
    if (spec->columns[c].required && position[c] < 0)
      {
        if (missing != NULL)
          g_string_append_printf (missing, "%s%s", n_missing > 0 ? ", " : "",
                                  spec->columns[c].names[0]);
        n_missing++;
      }
  return n_missing;
}

/* Names every required column @position lacks, or returns TRUE. */
static gboolean
check_required_columns (const LedgerCsvTable  *table,
                        const int             *position,
                        GError               **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = count_missing (table->spec, position, missing);

  if (n_missing == 0)
    return TRUE;
  set_error_taking (error, table->spec->missing_columns (table->display, missing->str, n_missing));
  return FALSE;
}

/* Refuses a column named by two cells of @header. */
static void
set_named_twice (const LedgerCsvTable  *table,
                 const LedgerCsvRow    *header,
                 guint                  column,
                 guint                  first,
                 guint                  second,
                 GError               **error)
{
  g_autofree char *first_cell = ledger_text_quote (g_ptr_array_index (header->fields, first));
  g_autofree char *second_cell = ledger_text_quote (g_ptr_array_index (header->fields, second));

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               _("%s: the header names the %s column twice (“%s” and “%s”)"),
               table->display, table->spec->columns[column].names[0], first_cell, second_cell);
}

/* Maps the cells of @header to columns in @position (all -1 on entry).
 * When @strict, a cell without a name or naming no column is refused;
 * otherwise (a row that may be a statement's preamble or its header) it
 * is passed over. A column named twice is refused either way (when not
 * @strict, after mapping the rest of the row). */
static gboolean
map_cells (const LedgerCsvTable  *table,
           const LedgerCsvRow    *header,
           gboolean               strict,
           int                   *position,
           GError               **error)
{
  gboolean mapped = TRUE;

  for (guint i = 0; i < header->fields->len; i++)
    {
      const char *cell = g_ptr_array_index (header->fields, i);
      int column = *cell != '\0' ? find_column (table->spec, cell) : -1;

      if (column >= 0 && position[column] >= 0)
        {
          /* The first one is the error; the rest of a row that may be the
           * header is still mapped, to see whether it is. */
          if (mapped)
            set_named_twice (table, header, (guint) column, (guint) position[column], i, error);
          mapped = FALSE;
          if (strict)
            return FALSE;
        }
      else if (column >= 0)
        position[column] = (int) i;
      else if (strict && *cell == '\0')
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                       _("%s: column %u of the header has no name"), table->display, i + 1);
          return FALSE;
        }
      else if (strict)
        {
          set_error_taking (error, table->spec->unknown_column (table->display, cell));
          return FALSE;
        }
    }
  return mapped;
}

/* Takes @header as the header row, with its columns at @position. */
static void
set_header (LedgerCsvTable     *table,
            const LedgerCsvRow *header,
            const int          *position)
{
  memcpy (table->position, position, sizeof table->position);
  table->header_line = header->line;
  table->n_fields = header->fields->len;
}

/* Every column absent. */
static void
clear_positions (int *position)
{
  for (guint c = 0; c < MAX_COLUMNS; c++)
    position[c] = -1;
}

/* Maps the first row of the file to columns: every cell must name one. */
static gboolean
read_first_row_header (LedgerCsvTable  *table,
                       GError         **error)
{
  g_autoptr(LedgerCsvRow) header = ledger_csv_reader_next (&table->reader);
  int position[MAX_COLUMNS];

  if (header == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s is empty"), table->display);
      return FALSE;
    }
  if (header->problem != NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s: line %u (the header): %s"), table->display, header->line,
                   header->problem);
      return FALSE;
    }
  clear_positions (position);
  if (!map_cells (table, header, TRUE, position, error) ||
      !check_required_columns (table, position, error))
    return FALSE;
  set_header (table, header, position);
  return TRUE;
}

/* Finds the header among the first spec->header_search rows: the first
 * that names every required column. The rows above it (a statement's
 * title, account and period) are passed over. When there is none, the
 * row that came nearest says which columns are missing. */
static gboolean
search_header (LedgerCsvTable  *table,
               GError         **error)
{
  int best[MAX_COLUMNS];
  guint best_missing = G_MAXUINT;

  clear_positions (best);
  for (guint n = 0; n < table->spec->header_search; n++)
    {
      g_autoptr(LedgerCsvRow) row = ledger_csv_reader_next (&table->reader);
      g_autoptr(GError) local_error = NULL;
      int position[MAX_COLUMNS];
      guint n_missing;
      gboolean mapped;

      if (row == NULL && n == 0)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                       _("%s is empty"), table->display);
          return FALSE;
        }
      if (row == NULL)
        break;
      if (row->problem != NULL)
        continue;
      clear_positions (position);
      mapped = map_cells (table, row, FALSE, position, &local_error);
      n_missing = count_missing (table->spec, position, NULL);
      if (n_missing == 0 && !mapped)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (n_missing == 0)
        {
          set_header (table, row, position);
          return TRUE;
        }
      if (n_missing < best_missing)
        {
          memcpy (best, position, sizeof best);
          best_missing = n_missing;
        }
    }
  return check_required_columns (table, best, error);
}

/* ------------------------------------------------------------------ */
/* The table */

LedgerCsvTable *
ledger_csv_table_new (const LedgerCsvTableSpec  *spec,
                      GBytes                    *bytes,
                      const char                *display,
                      GError                   **error)
{
  g_autoptr(LedgerCsvTable) table = NULL;
  gsize length = 0;
  const char *data;
  gboolean found;

  g_return_val_if_fail (spec != NULL && spec->n_columns <= MAX_COLUMNS, NULL);
  g_return_val_if_fail (spec->header_search > 0 || spec->unknown_column != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = g_new0 (LedgerCsvTable, 1);
  table->spec = spec;
  table->display = g_strdup (display);
  table->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  data = g_bytes_get_data (bytes, &length);
  table->text = ledger_csv_decode (data != NULL ? data : "", length, display,
                                   &table->encoding, error);
  if (table->text == NULL)
    return NULL;

  ledger_csv_reader_init (&table->reader, table->text);
  found = spec->header_search == 0 ? read_first_row_header (table, error)
                                   : search_header (table, error);
  return found ? g_steal_pointer (&table) : NULL;
}

void
ledger_csv_table_free (LedgerCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->problems);
  g_free (table->display);
  g_free (table->encoding);
  g_free (table->text);
  g_free (table);
}

const char *
ledger_csv_table_get_encoding (const LedgerCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->encoding;
}

guint
ledger_csv_table_get_header_line (const LedgerCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->header_line;
}

gboolean
ledger_csv_table_has_column (const LedgerCsvTable *table,
                             guint                 column)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column < table->spec->n_columns, FALSE);

  return table->position[column] >= 0;
}

/* ------------------------------------------------------------------ */
/* Rows */

/* TRUE for a row that lines up with the header; otherwise the row
 * becomes a problem. */
static gboolean
check_row_shape (LedgerCsvTable     *table,
                 const LedgerCsvRow *row)
{
  g_autofree char *reason = NULL;

  if (row->problem != NULL)
    {
      ledger_csv_table_add_problem (table, row->line, row->problem);
      return FALSE;
    }
  if (row->fields->len == table->n_fields)
    return TRUE;
  reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %u field, found %u",
                                         "expected %u fields, found %u", table->n_fields),
                            table->n_fields, row->fields->len);
  ledger_csv_table_add_problem (table, row->line, reason);
  return FALSE;
}

gboolean
ledger_csv_table_next (LedgerCsvTable  *table,
                       LedgerCsvRow   **out_row,
                       GError         **error)
{
  LedgerCsvRow *row;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (out_row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_row = NULL;
  while ((row = ledger_csv_reader_next (&table->reader)) != NULL)
    {
      g_autoptr(LedgerCsvRow) owned = row;

      if (++table->n_rows > table->spec->max_rows)
        {
          set_error_taking (error, table->spec->too_many_rows (table->display));
          return FALSE;
        }
      if (check_row_shape (table, owned))
        {
          *out_row = g_steal_pointer (&owned);
          return TRUE;
        }
    }
  if (table->n_rows == 0)
    {
      set_error_taking (error, table->spec->no_rows (table->display));
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_csv_table_foreach (LedgerCsvTable    *table,
                          LedgerCsvRowFunc   func,
                          gpointer           user_data,
                          GError           **error)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  for (;;)
    {
      g_autoptr(LedgerCsvRow) row = NULL;

      if (!ledger_csv_table_next (table, &row, error))
        return FALSE;
      if (row == NULL)
        return TRUE;
      func (row, user_data);
    }
}

const char *
ledger_csv_table_field (const LedgerCsvTable *table,
                        const LedgerCsvRow   *row,
                        guint                 column)
{
  int position;

  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row != NULL, "");
  g_return_val_if_fail (column < table->spec->n_columns, "");

  position = table->position[column];
  return position < 0 ? "" : g_ptr_array_index (row->fields, position);
}

/* ------------------------------------------------------------------ */
/* The book's units */

GHashTable *
ledger_csv_registered_units (LedgerBook  *book,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GHashTable *units;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  list = ledger_household_list (book, error);
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

/* ledger-import.c — registering households from a CSV file
 *
 * Importing is two steps. ledger_import_read() decodes the file (UTF-8,
 * with or without BOM, or GB18030 as Chinese Excel saves it) and splits
 * it into rows by RFC 4180, both in ledger-csv.c; then it maps the header
 * to columns and validates every row, collecting a problem for each bad
 * field instead of stopping at the first one, so that the treasurer can
 * fix the whole sheet in one go.
 * ledger_import_households() then adds every household in one transaction,
 * or nothing at all (DESIGN.md §6: imports are all-or-nothing).
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ledger-backup.h"
#include "ledger-billing.h"
#include "ledger-csv-private.h"
#include "ledger-dates.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-import.h"
#include "ledger-input.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-quote.h"
#include "ledger-text.h"

/* More rows than any compound has households: a file this long is a
 * mistake (a whole city's register, a log file), not a compound. */
#define IMPORT_MAX_ROWS 100000
/* The file's size is bounded while it is read: LEDGER_INPUT_CSV_MAX_BYTES
 * (100000 rows of a few hundred bytes each fit well below it). */
#define SPACES_MAX LEDGER_SPACES_MAX
/* A problem quotes what the user typed; keep a line readable. */
#define PROBLEM_MAX_CHARS 200

typedef enum
{
  COLUMN_UNIT,
  COLUMN_OWNER,
  COLUMN_AREA,
  COLUMN_PHONE,
  COLUMN_SPACES,
  COLUMN_OWNER_KEY,
  COLUMN_STATUS,
  COLUMN_MOVE_IN,
  N_COLUMNS
} Column;

/* The names a header cell may give each column: the English name first
 * (compared without regard to case, with "-" or " " for "_"), then the
 * Chinese ones found in registers kept by street offices and property
 * firms. */
static const struct
{
  Column      column;
  gboolean    required;
  const char *names[5];
} column_names[N_COLUMNS] = {
  { COLUMN_UNIT,      TRUE,  { "unit", "单元", "房号", "户号", NULL } },
  { COLUMN_OWNER,     TRUE,  { "owner", "业主", "业主姓名", NULL } },
  { COLUMN_AREA,      TRUE,  { "area", "面积", "建筑面积", "专有面积", NULL } },
  { COLUMN_PHONE,     FALSE, { "phone", "电话", "手机", NULL } },
  { COLUMN_SPACES,    FALSE, { "spaces", "车位", "车位数", NULL } },
  { COLUMN_OWNER_KEY, FALSE, { "owner_key", "业主编号", NULL } },
  { COLUMN_STATUS,    FALSE, { "status", "状态", NULL } },
  { COLUMN_MOVE_IN,   FALSE, { "move_in", "入住日期", NULL } },
};

/* ------------------------------------------------------------------ */
/* The plan */

/* Frees one entry of plan->problems. */
static void
problem_free (LedgerImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/* An empty plan whose arrays free what they hold. */
static LedgerImportPlan *
plan_new (void)
{
  LedgerImportPlan *plan = g_new0 (LedgerImportPlan, 1);

  plan->households = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_household_free);
  plan->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return plan;
}

/* Frees the plan with its households and problems. */
void
ledger_import_plan_free (LedgerImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->households);
  g_ptr_array_unref (plan->problems);
  g_free (plan->encoding);
  g_free (plan);
}

/* Returns @text as one line of bounded length: the parsers quote what the
 * user typed, and a quoted CSV field may hold line breaks, which would
 * split the problem over several lines of the command's output. */
static char *
one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p = valid;

  for (guint n = 0; *p != '\0' && n < PROBLEM_MAX_CHARS; n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c < 0x20 || (c >= 0x7F && c <= 0x9F) ? 0xFFFD : c);
      p = g_utf8_next_char (p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* Records that the row starting on @line is bad because of @reason. */
static void
add_problem (LedgerImportPlan *plan,
             guint             line,
             const char       *reason)
{
  LedgerImportProblem *problem = g_new0 (LedgerImportProblem, 1);
  g_autofree char *safe = one_line (reason);

  problem->line = line;
  /* Translators: a line number in the imported file, then what is wrong */
  problem->message = g_strdup_printf (_("line %u: %s"), line, safe);
  g_ptr_array_add (plan->problems, problem);
}

/* ------------------------------------------------------------------ */
/* Reading the file */

/* ------------------------------------------------------------------ */
/* The header */

typedef struct
{
  const char       *display;               /* the file's name for messages */
  int               position[N_COLUMNS];   /* index of each column's field, -1 when absent */
  guint             n_fields;              /* fields in the header, so in every row */
  GHashTable       *seen;                  /* unit → line it was first on */
  GHashTable       *registered;            /* units already in the book, or NULL */
  LedgerBook       *book;                  /* the book, or NULL (not a reference) */
  LedgerImportPlan *plan;
} Import;

/* Which column a header cell names, or -1. */
static int
find_column (const char *cell)
{
  g_autofree char *folded = ledger_text_fold_ascii (cell);
  g_autofree char *name = g_ascii_strdown (folded, -1);

  g_strdelimit (name, "- ", '_');
  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; column_names[c].names[i] != NULL; i++)
      if (strcmp (name, column_names[c].names[i]) == 0)
        return (int) column_names[c].column;
  return -1;
}

/* Names every required column the header lacks, or returns TRUE. */
static gboolean
check_required_columns (const Import  *import,
                        GError       **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (column_names[c].required && import->position[c] < 0)
      g_string_append_printf (missing, "%s%s", n_missing++ > 0 ? ", " : "",
                              column_names[c].names[0]);
  if (n_missing == 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               /* Translators: the file, then the English names of columns */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: the header lacks the required column %s "
                            "(unit, owner and area are needed)",
                            "%s: the header lacks the required columns %s "
                            "(unit, owner and area are needed)", n_missing),
               import->display, missing->str);
  return FALSE;
}

/* Assigns the header cell @index, which reads @cell, to its column;
 * refuses names it does not know and columns named twice. */
static gboolean
map_header_cell (Import        *import,
                 LedgerCsvRow  *header,
                 guint          index,
                 GError       **error)
{
  const char *cell = g_ptr_array_index (header->fields, index);
  int column = find_column (cell);

  if (*cell == '\0')
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                 _("%s: column %u of the header has no name"), import->display, index + 1);
  else if (column < 0)
    {
      /* A quoted header cell may hold line breaks and control characters. */
      g_autofree char *safe = one_line (cell);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s: unknown column “%s” in the header; the columns are unit, owner, "
                     "area, phone, spaces, owner_key, status and move_in"),
                   import->display, safe);
    }
  else if (import->position[column] >= 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                 _("%s: the header names the %s column twice (“%s” and “%s”)"),
                 import->display, column_names[column].names[0],
                 (const char *) g_ptr_array_index (header->fields, import->position[column]),
                 cell);
  else
    {
      import->position[column] = (int) index;
      return TRUE;
    }
  return FALSE;
}

/* Maps the first row of the file to columns. */
static gboolean
parse_header (Import        *import,
              LedgerCsvRow  *header,
              GError       **error)
{
  if (header->problem != NULL)
    {
      g_autofree char *safe = one_line (header->problem);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s: line %u (the header): %s"), import->display, header->line, safe);
      return FALSE;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    import->position[c] = -1;
  import->n_fields = header->fields->len;
  for (guint i = 0; i < header->fields->len; i++)
    if (!map_header_cell (import, header, i, error))
      return FALSE;
  return check_required_columns (import, error);
}

/* ------------------------------------------------------------------ */
/* Rows */

/* The text of @column in @row, "" when the file has no such column. */
static const char *
row_field (const Import       *import,
           const LedgerCsvRow *row,
           Column              column)
{
  int position = import->position[column];

  return position < 0 ? "" : g_ptr_array_index (row->fields, position);
}

/* Parses a number of parking spaces: a whole number 0..SPACES_MAX, in
 * ASCII or full-width digits; empty means none. */
static gboolean
parse_spaces (const char  *text,
              int         *out_spaces,
              GError     **error)
{
  g_autofree char *folded = ledger_text_fold_ascii (text);
  int value = 0;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) || value * 10 + g_ascii_digit_value (*p) > SPACES_MAX)
        {
          g_autofree char *reason =
            g_strdup_printf (_("expected a whole number of parking spaces from 0 to %d"),
                             SPACES_MAX);

          return ledger_text_set_invalid_input (error, _("spaces"), text, reason);
        }
      value = value * 10 + g_ascii_digit_value (*p);
    }
  *out_spaces = value;
  return TRUE;
}

/* Moves the message of a failed parse into @messages. */
static void
take_message (GPtrArray  *messages,
              GError    **error)
{
  g_ptr_array_add (messages, g_strdup ((*error)->message));
  g_clear_error (error);
}

/* Sets the text columns of @household and checks them with
 * ledger_household_validate(), which normalises the unit code, the phone
 * and the owner key (that defaults to the unit). The numbers checked
 * there are still the defaults, so only unit, owner, owner key and phone
 * can fail; it reports the first of those. */
static void
read_identity (const Import       *import,
               const LedgerCsvRow *row,
               LedgerHousehold    *household,
               GPtrArray          *messages)
{
  g_autoptr(GError) error = NULL;
  const char *owner_key = row_field (import, row, COLUMN_OWNER_KEY);

  household->unit = g_strdup (row_field (import, row, COLUMN_UNIT));
  household->owner = g_strdup (row_field (import, row, COLUMN_OWNER));
  household->owner_key = *owner_key != '\0' ? g_strdup (owner_key) : NULL;
  g_free (household->phone);
  household->phone = g_strdup (row_field (import, row, COLUMN_PHONE));
  if (!ledger_household_validate (household, &error))
    take_message (messages, &error);
}

/* Parses area, spaces, occupancy and move-in date into @household, one
 * message for each that is wrong. Empty optional fields keep the
 * defaults of ledger_household_new(). */
static void
read_figures (const Import       *import,
              const LedgerCsvRow *row,
              LedgerHousehold    *household,
              GPtrArray          *messages)
{
  g_autoptr(GError) error = NULL;
  const char *status = row_field (import, row, COLUMN_STATUS);
  const char *move_in = row_field (import, row, COLUMN_MOVE_IN);
  char iso[11];

  if (!ledger_area_parse (row_field (import, row, COLUMN_AREA), _("area"),
                          &household->area, &error))
    take_message (messages, &error);
  if (!parse_spaces (row_field (import, row, COLUMN_SPACES), &household->spaces, &error))
    take_message (messages, &error);
  if (*status != '\0' &&
      !ledger_occupancy_parse (status, _("status"), &household->status, &error))
    take_message (messages, &error);
  if (*move_in == '\0')
    return;
  if (ledger_date_parse (move_in, _("move_in"), iso, &error) &&
      (import->book == NULL ||
       ledger_check_move_in (import->book, iso, _("move_in"), &error)))
    {
      g_free (household->move_in);
      household->move_in = g_strdup (iso);
    }
  else
    take_message (messages, &error);
}

/* Checks that the (valid, normalised) unit of the row on @line is neither
 * on an earlier row nor in the book, and remembers it. */
static void
check_unit_unique (Import     *import,
                   const char *unit,
                   guint       line,
                   GPtrArray  *messages)
{
  gpointer first_line;

  if (g_hash_table_lookup_extended (import->seen, unit, NULL, &first_line))
    g_ptr_array_add (messages,
                     g_strdup_printf (_("unit %s also on line %u"), unit,
                                      GPOINTER_TO_UINT (first_line)));
  else
    g_hash_table_insert (import->seen, g_strdup (unit), GUINT_TO_POINTER (line));

  if (import->registered != NULL && g_hash_table_contains (import->registered, unit))
    g_ptr_array_add (messages,
                     g_strdup_printf (_("unit %s is already registered in this book"), unit));
}

/* Turns one data row into a household for the plan, or into one problem
 * for each thing wrong with it. */
static void
import_row (Import       *import,
            LedgerCsvRow *row)
{
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  if (row->problem != NULL)
    {
      add_problem (import->plan, row->line, row->problem);
      return;
    }
  if (row->fields->len != import->n_fields)
    {
      g_autofree char *reason =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %u field, found %u",
                                      "expected %u fields, found %u", import->n_fields),
                         import->n_fields, row->fields->len);

      add_problem (import->plan, row->line, reason);
      return;
    }

  household = ledger_household_new ();
  messages = g_ptr_array_new_with_free_func (g_free);
  read_identity (import, row, household, messages);
  if (messages->len == 0)
    check_unit_unique (import, household->unit, row->line, messages);
  read_figures (import, row, household, messages);

  for (guint i = 0; i < messages->len; i++)
    add_problem (import->plan, row->line, g_ptr_array_index (messages, i));
  if (messages->len == 0)
    g_ptr_array_add (import->plan->households, g_steal_pointer (&household));
}

/* Reads the header and every row after it into the plan. */
static gboolean
import_rows (Import      *import,
             const char  *text,
             GError     **error)
{
  g_autoptr(LedgerCsvRow) header = NULL;
  LedgerCsvReader reader;
  guint n_rows = 0;
  LedgerCsvRow *row;

  ledger_csv_reader_init (&reader, text);
  header = ledger_csv_reader_next (&reader);
  if (header == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s is empty"), import->display);
      return FALSE;
    }
  if (!parse_header (import, header, error))
    return FALSE;

  while ((row = ledger_csv_reader_next (&reader)) != NULL)
    {
      g_autoptr(LedgerCsvRow) owned = row;

      if (++n_rows > IMPORT_MAX_ROWS)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                       _("%s has more than %d households; import it in parts"),
                       import->display, IMPORT_MAX_ROWS);
          return FALSE;
        }
      import_row (import, owned);
    }
  if (n_rows == 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                 _("%s has no households"), import->display);
  return n_rows > 0;
}

/* The units @book already has, so that rows repeating one are reported
 * while the treasurer can still fix the file. */
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

/* Frees what an Import owns; the plan and the file name are the caller's. */
static void
import_clear (Import *import)
{
  g_clear_pointer (&import->seen, g_hash_table_unref);
  g_clear_pointer (&import->registered, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

LedgerImportPlan *
ledger_import_read (LedgerBook  *book,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *text = NULL;
  g_auto(Import) import = { 0 };

  g_return_val_if_fail (book == NULL || LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = ledger_quote_path (path);
  plan = plan_new ();
  /* Bounded while reading: stat() says nothing about a pipe or a device. */
  data = ledger_input_read (path, NULL, LEDGER_INPUT_CSV_MAX_BYTES,
                            _("this is not a household register"), LEDGER_INPUT_DEFAULT, error);
  if (data == NULL)
    return NULL;
  text = ledger_csv_decode (g_bytes_get_data (data, NULL), g_bytes_get_size (data), display,
                            &plan->encoding, error);
  if (text == NULL)
    return NULL;

  import.display = display;
  import.book = book;
  import.plan = plan;
  import.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (book != NULL && (import.registered = registered_units (book, error)) == NULL)
    return NULL;
  if (!import_rows (&import, text, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* ------------------------------------------------------------------ */
/* Writing */

/* Refuses a plan with problems, with every problem on its own line, so
 * the command line can print them all. */
static gboolean
check_plan (const LedgerImportPlan  *plan,
            GError                 **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < plan->problems->len; i++)
    {
      const LedgerImportProblem *problem = g_ptr_array_index (plan->problems, i);

      if (i > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, problem->message);
    }
  if (lines->len > 0)
    g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, lines->str);
  else if (plan->households->len == 0)
    g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                         _("There are no households to import"));
  return plan->problems->len == 0 && plan->households->len > 0;
}

/* What the import's transaction needs: the plan and whom to tell. */
typedef struct
{
  const LedgerImportPlan *plan;
  LedgerProgressFunc      progress;
  gpointer                progress_data;
} ImportWrite;

/* Households between two progress reports. */
#define IMPORT_PROGRESS_STEP 100

/* Adds every household of the plan inside the import's one transaction.
 * Copies are added, so a rolled-back import leaves the plan as it was
 * (no ids of rows that were never stored). */
static gboolean
add_households_cb (LedgerBook  *book,
                   gpointer     user_data,
                   GError     **error)
{
  const ImportWrite *w = user_data;
  const LedgerImportPlan *plan = w->plan;

  for (guint i = 0; i < plan->households->len; i++)
    {
      g_autoptr(LedgerHousehold) household =
        ledger_household_copy (g_ptr_array_index (plan->households, i));

      if (!ledger_household_add_in_write (book, household, error))
        return FALSE;
      if (w->progress != NULL && (i + 1) % IMPORT_PROGRESS_STEP == 0)
        w->progress (w->progress_data, i + 1, plan->households->len);
    }
  return TRUE;
}

gboolean
ledger_import_households (LedgerBook        *book,
                          LedgerImportPlan  *plan,
                          guint             *out_count,
                          GError           **error)
{
  return ledger_import_households_full (book, plan, NULL, NULL, out_count, error);
}

gboolean
ledger_import_households_full (LedgerBook          *book,
                               LedgerImportPlan    *plan,
                               LedgerProgressFunc   progress,
                               gpointer             progress_data,
                               guint               *out_count,
                               GError             **error)
{
  ImportWrite w = { plan, progress, progress_data };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_count != NULL)
    *out_count = 0;
  if (!check_plan (plan, error))
    return FALSE;
  if (progress != NULL)
    progress (progress_data, 0, plan->households->len);
  if (!ledger_backup_automatic (book, "before-import", NULL, error))
    return FALSE;
  if (!ledger_book_write (book, add_households_cb, &w, error))
    return FALSE;
  if (progress != NULL)
    progress (progress_data, plan->households->len, plan->households->len);
  if (out_count != NULL)
    *out_count = plan->households->len;
  return TRUE;
}

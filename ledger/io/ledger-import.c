/* ledger-import.c — registering households from a CSV file
 *
 * Importing is two steps. ledger_import_read() reads the file as a
 * LedgerCsvTable (ledger-csv-table.c: decoding UTF-8, with or without BOM,
 * or GB18030 as Chinese Excel saves it, the header's column names, the
 * limit on rows and the list of problems); this file only says which
 * columns a register has and validates every row, collecting a problem
 * for each bad field instead of stopping at the first one, so that the
 * treasurer can fix the whole sheet in one go.
 * ledger_import_households() then adds every household in one transaction,
 * or nothing at all (docs/architecture.md §9: imports are all-or-nothing).
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-backup.h"
#include "ledger-billing.h"
#include "ledger-csv-table-private.h"
#include "ledger-dates-private.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-import.h"
#include "ledger-input-private.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-quote.h"
#include "ledger-settings.h"
#include "ledger-text.h"

/* More rows than any compound has households: a file this long is a
 * mistake (a whole city's register, a log file), not a compound. */
#define IMPORT_MAX_ROWS 100000
/* The file's size is bounded while it is read: LEDGER_INPUT_CSV_MAX_BYTES
 * (100000 rows of a few hundred bytes each fit well below it). */
#define SPACES_MAX LEDGER_SPACES_MAX

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
 * firms. In the order of Column. */
static const LedgerCsvColumn columns[N_COLUMNS] = {
  { { "unit", "单元", "房号", "户号", NULL }, TRUE },
  { { "owner", "业主", "业主姓名", NULL }, TRUE },
  { { "area", "面积", "建筑面积", "专有面积", NULL }, TRUE },
  { { "phone", "电话", "手机", NULL }, FALSE },
  { { "spaces", "车位", "车位数", NULL }, FALSE },
  { { "owner_key", "业主编号", NULL }, FALSE },
  { { "status", "状态", NULL }, FALSE },
  { { "move_in", "入住日期", NULL }, FALSE },
};

/* ------------------------------------------------------------------ */
/* The messages that name a register's columns and rows */

static char *
unknown_column_message (const char *display,
                        const char *cell)
{
  /* A quoted header cell may hold line breaks and control characters. */
  g_autofree char *safe = ledger_csv_one_line (cell);

  return g_strdup_printf (_("%s: unknown column “%s” in the header; the columns are unit, owner, "
                            "area, phone, spaces, owner_key, status and move_in"),
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
                                       "(unit, owner and area are needed)",
                                       "%s: the header lacks the required columns %s "
                                       "(unit, owner and area are needed)", n_missing),
                          display, names);
}

static char *
too_many_rows_message (const char *display)
{
  return g_strdup_printf (_("%s has more than %d households; import it in parts"),
                          display, IMPORT_MAX_ROWS);
}

static char *
no_rows_message (const char *display)
{
  return g_strdup_printf (_("%s has no households"), display);
}

static const LedgerCsvTableSpec register_spec = {
  .columns = columns,
  .n_columns = N_COLUMNS,
  .max_rows = IMPORT_MAX_ROWS,
  .header_search = 0,
  .unknown_column = unknown_column_message,
  .missing_columns = missing_columns_message,
  .too_many_rows = too_many_rows_message,
  .no_rows = no_rows_message,
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

/* Copies the table's problems into the plan as "line N: REASON", each on
 * one line of bounded length. */
static void
plan_take_problems (LedgerImportPlan     *plan,
                    const LedgerCsvTable *table)
{
  GPtrArray *problems = ledger_csv_table_get_problems (table);

  for (guint i = 0; i < problems->len; i++)
    {
      const LedgerCsvProblem *found = g_ptr_array_index (problems, i);
      LedgerImportProblem *problem = g_new0 (LedgerImportProblem, 1);
      g_autofree char *safe = ledger_csv_one_line (found->reason);

      problem->line = found->line;
      /* Translators: a line number in the imported file, then what is wrong */
      problem->message = g_strdup_printf (_("line %u: %s"), found->line, safe);
      g_ptr_array_add (plan->problems, problem);
    }
}

/* ------------------------------------------------------------------ */
/* Rows */

typedef struct
{
  LedgerCsvTable   *table;
  GHashTable       *seen;       /* unit → line it was first on */
  GHashTable       *registered; /* units already in the book, or NULL */
  LedgerBook       *book;       /* the book, or NULL (not a reference) */
  LedgerImportPlan *plan;
} Import;

/* The text of @column in @row, "" when the file has no such column. */
static const char *
row_field (const Import       *import,
           const LedgerCsvRow *row,
           Column              column)
{
  return ledger_csv_table_field (import->table, row, column);
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

/* Turns one data row (lined up with the header) into a household for the
 * plan, or into one problem for each thing wrong with it. */
static void
import_row (const LedgerCsvRow *row,
            gpointer            user_data)
{
  Import *import = user_data;
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  household = ledger_household_new ();
  messages = g_ptr_array_new_with_free_func (g_free);
  read_identity (import, row, household, messages);
  if (messages->len == 0)
    check_unit_unique (import, household->unit, row->line, messages);
  read_figures (import, row, household, messages);

  for (guint i = 0; i < messages->len; i++)
    ledger_csv_table_add_problem (import->table, row->line, g_ptr_array_index (messages, i));
  if (messages->len == 0)
    g_ptr_array_add (import->plan->households, g_steal_pointer (&household));
}

/* Frees what an Import owns; the plan is the caller's. */
static void
import_clear (Import *import)
{
  g_clear_pointer (&import->table, ledger_csv_table_free);
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
  import.table = ledger_csv_table_new (&register_spec, data, display, error);
  if (import.table == NULL)
    return NULL;
  plan->encoding = g_strdup (ledger_csv_table_get_encoding (import.table));

  import.book = book;
  import.plan = plan;
  import.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Units already in the book are reported while the treasurer can still
   * fix the file. */
  if (book != NULL && (import.registered = ledger_csv_registered_units (book, error)) == NULL)
    return NULL;
  if (!ledger_csv_table_foreach (import.table, import_row, &import, error))
    return NULL;
  plan_take_problems (plan, import.table);
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

/* A copy of the book as it was, into the place its settings name. */
static gboolean
back_up_before_import (LedgerBook  *book,
                       GError     **error)
{
  g_autoptr(LedgerBackupPlace) place = ledger_settings_get_backup_place (book);

  return ledger_backup_automatic (book, place, "before-import", NULL, error);
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
  if (!back_up_before_import (book, error))
    return FALSE;
  if (!ledger_book_write (book, add_households_cb, &w, error))
    return FALSE;
  if (progress != NULL)
    progress (progress_data, plan->households->len, plan->households->len);
  if (out_count != NULL)
    *out_count = plan->households->len;
  return TRUE;
}

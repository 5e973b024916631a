/* ledger-import.h — registering households from a CSV file */
#pragma once

#include "ledger-book.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

/* One rejected row of an import: the 1-based line number in the file and
 * the reason, which names the column. */
typedef struct
{
  guint line;
  char *message;
} LedgerImportProblem;

typedef struct
{
  GPtrArray *households; /* LedgerHousehold, validated, in file order */
  GPtrArray *problems;   /* LedgerImportProblem, in file order */
  char      *encoding;   /* "UTF-8" or "GB18030" */
} LedgerImportPlan;

/**
 * ledger_import_plan_free:
 * @plan: (nullable) (transfer full): a plan
 *
 * Frees @plan with its households and problems.
 */
void ledger_import_plan_free (LedgerImportPlan *plan);

/**
 * ledger_import_read:
 * @book: (nullable): when given, units already in the book are reported too
 * @path: the CSV file
 * @error: return location for an error
 *
 * Reads a household CSV: UTF-8 with or without BOM, or GB18030. The first
 * row is a header naming the columns in English or Chinese (unit/单元,
 * owner/业主, area/面积, phone/电话, spaces/车位, owner_key/业主编号,
 * status/状态, move_in/入住日期; unit, owner and area are required, order
 * is free). Every row is validated; a plan is returned even when rows are
 * bad (the GUI shows a preview). Nothing is written.
 *
 * Returns: (transfer full): the plan, which may hold problems; NULL only
 *   when the file cannot be read at all or has no usable header:
 *   LEDGER_ERROR_INVALID_INPUT (a file that cannot be opened, is too large,
 *   is not text, lacks a column), LEDGER_ERROR_IO for a failing read, or a
 *   storage error from @book
 */
LedgerImportPlan *ledger_import_read (LedgerBook  *book,
                                      const char  *path,
                                      GError     **error);

/**
 * ledger_import_households:
 * @book: an open book
 * @plan: what ledger_import_read() read
 * @out_count: (out) (optional): the number of households added
 * @error: return location for an error
 *
 * All rows or none: when the plan has problems, fails listing them (one
 * per line) and writes nothing; otherwise makes an automatic backup and
 * adds every household in one transaction.
 *
 * Returns: TRUE when every household was added; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT listing the plan's problems,
 *   LEDGER_ERROR_CONFLICT for a unit registered meanwhile, what
 *   ledger_backup_automatic() sets, or a storage or journal error
 */
gboolean ledger_import_households (LedgerBook        *book,
                                   LedgerImportPlan  *plan,
                                   guint             *out_count,
                                   GError           **error);

/**
 * ledger_import_households_full:
 * @book: an open book
 * @plan: what ledger_import_read() read
 * @progress: (nullable): told how many households of the plan are added
 *   (0 while the automatic backup is made)
 * @progress_data: passed to @progress
 * @out_count: (out) (optional): the number of households added
 * @error: return location for an error
 *
 * ledger_import_households() with progress; that function is this with
 * NULL. There is no GCancellable: the window does not offer to stop an
 * import halfway, since it is one transaction that a treasurer should see
 * either done or refused for a reason (see cl-import-dialog.c).
 *
 * Returns: as ledger_import_households()
 */
gboolean ledger_import_households_full (LedgerBook          *book,
                                        LedgerImportPlan    *plan,
                                        LedgerProgressFunc   progress,
                                        gpointer             progress_data,
                                        guint               *out_count,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerImportPlan, ledger_import_plan_free)

G_END_DECLS

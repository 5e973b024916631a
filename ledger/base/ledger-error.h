/* ledger-error.h — the error domain shared by every ledger module
 *
 * Each code maps to one command-line exit status (see app/cli.c):
 * bad input and unknown names are the user's to fix (exit 2),
 * storage problems are the machine's (exit 1), a verification
 * difference is its own thing (exit 3).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_ERROR ledger_error_quark ()

typedef enum
{
  /** A value the user typed is malformed; the message names the field. */
  LEDGER_ERROR_INVALID_INPUT,
  /** A unit, receipt, fee, vote … that the book does not have. */
  LEDGER_ERROR_NOT_FOUND,
  /** The input is well formed but contradicts the book (duplicate unit, void twice …). */
  LEDGER_ERROR_CONFLICT,
  /** The file is not a Community Ledger book. */
  LEDGER_ERROR_FOREIGN_FILE,
  /** The book was written by a newer version of this program. */
  LEDGER_ERROR_NEWER_VERSION,
  /** The book failed an integrity check. */
  LEDGER_ERROR_CORRUPT,
  /** Another program holds the book's write lock. */
  LEDGER_ERROR_LOCKED,
  /** Reading or writing a file failed. */
  LEDGER_ERROR_IO,
  /** SQLite reported an error not covered above. */
  LEDGER_ERROR_DATABASE,
  /** Recomputed figures differ from recorded ones. */
  LEDGER_ERROR_VERIFY,
} LedgerError;

GQuark ledger_error_quark (void);

/* TRUE when @error is the user's to fix (bad input), which the
 * command line reports with exit status 2. */
gboolean ledger_error_is_usage (const GError *error);

G_END_DECLS

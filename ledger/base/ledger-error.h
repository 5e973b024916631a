/* ledger-error.h — the error domain shared by every ledger module
 *
 * Each code maps to one command-line exit status (see app/cli.c):
 * bad input and unknown names are the user's to fix (exit 2),
 * storage problems are the machine's (exit 1), a verification
 * difference is its own thing (exit 3).
 *
 * The doc comments of the public functions name the codes each one sets
 * for its own reasons, and refer to these two groups rather than repeat
 * them:
 *
 * - the storage errors, which any function that reads or writes the book
 *   may set: LEDGER_ERROR_LOCKED (another program holds the write lock),
 *   LEDGER_ERROR_IO (a read or write failed, the disk is full),
 *   LEDGER_ERROR_CORRUPT (SQLite found the file damaged, or a total the
 *   book holds is past LEDGER_TOTAL_MAX) and LEDGER_ERROR_DATABASE
 *   (anything else SQLite reports);
 * - the journal errors, which any function that journals an entry may
 *   also set: LEDGER_ERROR_CONFLICT when the entry would take a money
 *   account below zero on some day, LEDGER_ERROR_VERIFY when the
 *   fingerprint's cached tree has a gap (run verify).
 *
 * A function that fails leaves the book as it was.
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

/**
 * ledger_error_quark:
 *
 * Returns: the GQuark of the LEDGER_ERROR domain
 */
GQuark ledger_error_quark (void);

/**
 * ledger_error_is_usage:
 * @error: (nullable): an error of any domain
 *
 * Whether @error is the user's to fix, which the command line reports
 * with exit status 2: LEDGER_ERROR_INVALID_INPUT, LEDGER_ERROR_NOT_FOUND
 * or LEDGER_ERROR_CONFLICT.
 *
 * Returns: TRUE for those three codes of LEDGER_ERROR; FALSE for any
 *   other code or domain, and for NULL
 */
gboolean ledger_error_is_usage (const GError *error);

/* The field name ledger_error_get_field() gives for an amount, whatever
 * the language of the message. */
#define LEDGER_FIELD_AMOUNT "amount"

/**
 * ledger_error_get_field:
 * @error: (nullable): an error of any domain
 *
 * The field a usage error (ledger_error_is_usage()) is about, as the
 * command line names it: an option ("--date", "--from", "--to", "--fee",
 * "--memo", "--payer", "--account", "--method", "--reason"), an argument
 * ("UNIT", "MEMBER", "ACCOUNT") or LEDGER_FIELD_AMOUNT. The window marks
 * that field; the message itself, which names it too, is for people.
 *
 * Returns: (nullable): the field, owned by @error; NULL when the error
 *   names none (a storage error, another domain) or for NULL
 */
const char *ledger_error_get_field (const GError *error);

/**
 * ledger_error_get_account:
 * @error: (nullable): an error of any domain
 *
 * For LEDGER_ERROR_CONFLICT "would go below zero": the code of the money
 * account ("cash", "bank:NAME", "advance:MEMBER") the entry would take
 * below zero, so that a form marks the choice that holds it.
 *
 * Returns: (nullable): the account's code, owned by @error, or NULL
 */
const char *ledger_error_get_account (const GError *error);

G_END_DECLS

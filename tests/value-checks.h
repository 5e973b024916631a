/* value-checks.h — shared tables and checks for the tests of ledger/values
 *
 * test-money, test-period, test-text and test-masks are tables of inputs;
 * these check one row and, on failure, name its input, so that one bad row
 * does not hide the others.
 */
#pragma once

#include "ledger.h"

G_BEGIN_DECLS

#define ANY_AMOUNT (LEDGER_MONEY_ALLOW_ZERO | LEDGER_MONEY_ALLOW_NEGATIVE)

/* @text parses to @expected (under @flags, for amounts). */
typedef struct
{
  const char *text;
  LedgerMoneyFlags flags;
  gint64 expected;
} AcceptCase;

/* @text is refused (under @flags, for amounts). */
typedef struct
{
  const char *text;
  LedgerMoneyFlags flags;
  const char *reason; /* a part of the message that says what is wrong */
} RejectCase;

/* @value is shown as @expected. */
typedef struct
{
  gint64 value;
  const char *expected;
} FormatCase;

/* Untranslated messages (the tests match English text), but UTF-8 output,
 * so a failure shows the Chinese it is about; then g_test_init(). */
void value_tests_init (int    *argc,
                       char ***argv);

/* Fails the test, naming @text, unless @error is an invalid-input error
 * whose message is one line, starts with @field and contains @reason. */
void check_invalid_input (const char   *text,
                          const GError *error,
                          const char   *field,
                          const char   *reason);

/* Fails the test unless @got equals @expected, naming @input. */
void check_string (const char *input,
                   const char *got,
                   const char *expected);

G_END_DECLS

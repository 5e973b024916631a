/* value-checks.c — shared checks for the tests of ledger/values */
#include <locale.h>
#include <string.h>

#include "value-checks.h"

void
value_tests_init (int    *argc,
                  char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
}

void
check_invalid_input (const char   *text,
                     const GError *error,
                     const char   *field,
                     const char   *reason)
{
  if (error == NULL)
    {
      g_test_fail_printf ("“%s” was accepted", text ? text : "(null)");
      return;
    }

  if (!g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT)
      || !g_str_has_prefix (error->message, field)
      || strstr (error->message, reason) == NULL
      || strchr (error->message, '\n') != NULL
      || !g_utf8_validate (error->message, -1, NULL))
    g_test_fail_printf ("“%s”: got “%s”, wanted field “%s” and “%s”",
                        text ? text : "(null)", error->message, field, reason);
}

void
check_string (const char *input,
              const char *got,
              const char *expected)
{
  if (g_strcmp0 (got, expected) != 0)
    g_test_fail_printf ("“%s”: got “%s”, wanted “%s”", input, got, expected);
}

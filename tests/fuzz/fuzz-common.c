/* fuzz-common.c — what the fuzz targets share */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"

#include "fuzz-common.h"

/* An error message is one line of a terminal: the quoted text is cut to 40
 * characters, field names and reasons are short. */
#define ERROR_MAX_CHARS 200

/* Makes criticals and warnings abort, so libFuzzer records the input. */
void
fuzz_init_glib (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Prints the broken property and aborts: a crash to libFuzzer. */
void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  fputs ("fuzz property broken: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

/* Looks for bytes that would break the line or move the cursor. UTF-8
 * continuation bytes are all >= 0x80, so a byte scan is enough. */
gboolean
fuzz_is_one_line (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7F)
      return FALSE;
  return TRUE;
}

/* Escapes @text with g_strescape() so a failure message shows its bytes. */
char *
fuzz_describe (const char *text)
{
  g_autofree char *cut = g_strndup (text != NULL ? text : "(null)", 300);

  return g_strescape (cut, NULL);
}

/* Checks the shape every ledger parser gives its errors. */
void
fuzz_check_field_error (const GError *error,
                        const char   *field,
                        const char   *what)
{
  g_autofree char *shown = NULL;
  const char *rest;

  FUZZ_CHECK (error != NULL, "%s failed without an error", what);
  shown = fuzz_describe (error->message);
  FUZZ_CHECK (error->domain == LEDGER_ERROR && error->code == LEDGER_ERROR_INVALID_INPUT,
              "%s: error is not LEDGER_ERROR_INVALID_INPUT: \"%s\"", what, shown);
  FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL),
              "%s: error message is not valid UTF-8: \"%s\"", what, shown);
  FUZZ_CHECK (fuzz_is_one_line (error->message),
              "%s: error message is not one line: \"%s\"", what, shown);
  FUZZ_CHECK (g_utf8_strlen (error->message, -1) <= ERROR_MAX_CHARS,
              "%s: error message longer than %d characters: \"%s\"", what,
              ERROR_MAX_CHARS, shown);
  FUZZ_CHECK (g_str_has_prefix (error->message, field),
              "%s: error message does not start with the field \"%s\": \"%s\"",
              what, field, shown);
  rest = error->message + strlen (field);
  FUZZ_CHECK (g_str_has_prefix (rest, ": ") || g_str_has_prefix (rest, " “"),
              "%s: error message does not have the shape FIELD: or FIELD “TEXT”: \"%s\"",
              what, shown);
}

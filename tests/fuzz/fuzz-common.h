/* fuzz-common.h — what the fuzz targets share
 *
 * Every target is a libFuzzer target (LLVMFuzzerTestOneInput) that checks
 * properties of the ledger code and aborts with a message when one does
 * not hold, so that libFuzzer (or the standalone corpus replay) reports
 * the input as a crash.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* The libFuzzer entry points, declared here because the build warns about
 * functions without a prototype. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

/* Makes GLib criticals and warnings fatal, as G_DEBUG=fatal-criticals
 * does for the test suite, so that a g_return_if_fail() hit by a fuzz
 * input counts as a crash. Safe to call more than once. */
void fuzz_init_glib (void);

/* Reports a broken property with @format and aborts. */
G_NORETURN void fuzz_fail (const char *format,
                           ...) G_GNUC_PRINTF (1, 2);

/* Aborts with @format unless @condition holds. */
#define FUZZ_CHECK(condition, ...) \
  G_STMT_START { if (G_UNLIKELY (!(condition))) fuzz_fail (__VA_ARGS__); } G_STMT_END

/* TRUE when @text has no line feed, carriage return or other C0 control
 * character, nor DEL: it prints as one line. */
gboolean fuzz_is_one_line (const char *text);

/* Checks an error of a ledger parser: LEDGER_ERROR_INVALID_INPUT, valid
 * UTF-8, one line of at most a couple of hundred characters, starting with
 * @field followed by ": " or " “" (the shape ledger_text_set_invalid_input()
 * gives every message). @what names the call for the failure message. */
void fuzz_check_field_error (const GError *error,
                             const char   *field,
                             const char   *what);

/* A printable form of @text for failure messages: C escapes, cut short. */
char *fuzz_describe (const char *text);

G_END_DECLS

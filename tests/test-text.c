/* test-text.c — the checks on user text and how messages quote it
 *
 * Unit tests for ledger-text: folding full-width input, the text check
 * (names the field, refuses what cannot be shown), quoting. No book.
 * Most tests are tables; a failing row names its input.
 */
#define G_LOG_DOMAIN "test-text"

#include <string.h>

#include <glib.h>

#include "value-checks.h"

/* ----------------------------------------------------------------- text */

static void
test_text_fold_ascii (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "３６０．５０", "360.50" },
    { "　ＡＢＣ　", "ABC" },
    { "Ａ　Ｂ", "A B" },
    { " x\t", "x" },
    { "！～", "!~" },
    { "－，／：", "-,/:" },
    { "张三", "张三" },
    { "￥３６０", "￥360" },
    { "", "" },
    { "　 　", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_text_fold_ascii (cases[i].text);

      check_string (cases[i].text, got, cases[i].expected);
    }
}

static void
test_text_check_accepts (void)
{
  static const struct
  {
    const char *text;
    guint max_chars;
    gboolean required;
  } cases[] = {
    { "张三", 10, TRUE },
    { "一二三", 3, TRUE },
    { "abc", 3, TRUE },
    { "Zhang San", 20, TRUE },
    { "", 10, FALSE },
    { NULL, 10, FALSE },
    { "  ", 10, FALSE },
    { "", 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ledger_text_check (cases[i].text, "payee", cases[i].max_chars,
                              cases[i].required, &error))
        g_test_fail_printf ("“%s” was refused: %s",
                            cases[i].text ? cases[i].text : "(null)", error->message);
    }
}

static void
test_text_check_rejects (void)
{
  static const struct
  {
    const char *text;
    guint max_chars;
    gboolean required;
    const char *reason;
  } cases[] = {
    { "\xff", 10, FALSE, "UTF-8" },
    { "张\xe4\xb8", 10, FALSE, "UTF-8" },
    { "a\tb", 10, FALSE, "control character" },
    { "a\nb", 10, FALSE, "control character" },
    { "a\rb", 10, FALSE, "control character" },
    { "\x01", 10, FALSE, "control character" },
    { "\x1f", 10, FALSE, "control character" },
    { "a\x7f", 10, FALSE, "control character" },
    { "a\xc2\x80", 10, FALSE, "control character" },
    { "a\xc2\x85" "b", 10, FALSE, "control character" },
    { "a\xc2\x9f", 10, FALSE, "control character" },
    { "\t", 10, FALSE, "control character" },
    { "一二三四", 3, FALSE, "longer than 3 characters" },
    { "ab", 1, FALSE, "longer than 1 character" },
    { "", 10, TRUE, "nothing entered" },
    { NULL, 10, TRUE, "nothing entered" },
    { "   ", 10, TRUE, "nothing entered" },
    { "　", 10, TRUE, "nothing entered" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (ledger_text_check (cases[i].text, "payee", cases[i].max_chars,
                             cases[i].required, &error))
        g_test_fail_printf ("“%s” was accepted", cases[i].text);
      else
        check_invalid_input (cases[i].text, error, "payee", cases[i].reason);
    }
}

/* A message quotes at most 40 characters of what was typed. */
static void
test_text_check_long_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "长");

  g_assert_false (ledger_text_check (text->str, "memo", 50, FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_cmpint (g_utf8_strlen (error->message, -1), <, 80);
  g_assert_nonnull (strstr (error->message, "长…”"));
  g_assert_nonnull (strstr (error->message, "longer than 50 characters"));
}

static void
test_text_quote (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "2026-000123", "2026-000123" },
    { "a\tb\nc", "a\uFFFDb\uFFFDc" },
    { "\xff\xfe", "\uFFFD\uFFFD" },
    { "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_text_quote (cases[i].text);

      check_string (cases[i].text, got, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  value_tests_init (&argc, &argv);

  g_test_add_func ("/text/fold-ascii", test_text_fold_ascii);
  g_test_add_func ("/text/check/accepts", test_text_check_accepts);
  g_test_add_func ("/text/check/rejects", test_text_check_rejects);
  g_test_add_func ("/text/check/long-message", test_text_check_long_message);
  g_test_add_func ("/text/quote", test_text_quote);

  return g_test_run ();
}

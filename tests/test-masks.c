/* test-masks.c — names and phone numbers masked for public output
 *
 * Unit tests for the masks of ledger-text and the mobile-number detector of
 * ledger-privacy: what a notice or a receipt may show of a person.
 * Most tests are tables; a failing row names its input.
 */
#define G_LOG_DOMAIN "test-masks"

#include <string.h>

#include <glib.h>

#include "value-checks.h"

static void
test_text_mask_name (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "张三", "张*" },
    { "欧阳娜娜", "欧***" },
    { "张", "张*" },
    { "Li", "L*" },
    { "Li Wei", "L*****" },
    { " 张三　", "张*" },
    { "", "" },
    { "  ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_text_mask_name (cases[i].text);

      check_string (cases[i].text, got, cases[i].expected);
    }
}

static void
test_text_mask_phone (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "13812341234", "138****1234" },
    { "138 1234 1234", "138****1234" },
    { "138-1234-1234", "138****1234" },
    { "１３８１２３４１２３４", "138****1234" },
    { "+86 138 1234 1234", "861******1234" },
    { "0571-87654321", "057*****4321" },
    { "87654321", "******21" },
    { "12345", "***45" },
    { "12", "12" },
    { "", "" },
    { "unknown", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_text_mask_phone (cases[i].text);

      check_string (cases[i].text, got, cases[i].expected);
    }
}

/* A mainland mobile number anywhere in a publication URL is refused: 11
 * digits from 13 to 19, full-width too, but not longer runs (dates, ids)
 * or landlines. */
static void
test_text_has_mobile_number (void)
{
  static const struct
  {
    const char *text;
    gboolean    expected;
  } cases[] = {
    { "https://example.org/xfl?contact=13812341234", TRUE },
    { "13912345678", TRUE },
    { "tel１３８１２３４１２３４", TRUE },
    { "https://example.org/n/19900001111/x", TRUE },
    { "https://example.org/notices", FALSE },
    { "https://example.org/n/20260301", FALSE },
    { "https://example.org/n/12812341234", FALSE },     /* 12… is not a mobile prefix */
    { "https://example.org/n/138123412345", FALSE },    /* 12 digits: an id */
    { "021-87654321", FALSE },
    { "", FALSE },
    { "\xff\xfe", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (ledger_privacy_has_mobile_number (cases[i].text) != cases[i].expected)
      g_test_fail_printf ("“%s”: expected %s", cases[i].text, cases[i].expected ? "TRUE" : "FALSE");
}

/* What a message quotes: control characters and invalid bytes replaced,
 * cut to 40 characters. */

int
main (int   argc,
      char *argv[])
{
  value_tests_init (&argc, &argv);

  g_test_add_func ("/text/mask-name", test_text_mask_name);
  g_test_add_func ("/text/mask-phone", test_text_mask_phone);
  g_test_add_func ("/text/has-mobile-number", test_text_has_mobile_number);

  return g_test_run ();
}

/* test-method.c — the one table of payment methods (ledger-method.c)
 *
 * Each method has one code, one Chinese name and one label, read the
 * same way everywhere: the code and the Chinese name read back as the
 * method, the workbook and the receipt print the same name, and what
 * the earlier versions wrote (银行) is still read.
 */
#include <string.h>

#include "ledger.h"

static void
test_codes_and_names (void)
{
  static const struct
  {
    LedgerMethod method;
    const char  *code;
    const char  *chinese;
    const char  *label;
  } expected[] = {
    { LEDGER_METHOD_CASH,   "cash",   "现金",     "Cash" },
    { LEDGER_METHOD_WECHAT, "wechat", "微信",     "WeChat Pay" },
    { LEDGER_METHOD_ALIPAY, "alipay", "支付宝",   "Alipay" },
    { LEDGER_METHOD_BANK,   "bank",   "银行转账", "Bank" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, LEDGER_METHOD_COUNT);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (ledger_method_to_string (expected[i].method), ==, expected[i].code);
      g_assert_cmpstr (ledger_method_chinese (expected[i].method), ==, expected[i].chinese);
      /* LANG=C in the tests: the source-language label. */
      g_assert_cmpstr (ledger_method_label (expected[i].method), ==, expected[i].label);
    }
}

static void
test_parse_reads_back (void)
{
  for (guint m = 0; m < LEDGER_METHOD_COUNT; m++)
    {
      g_autofree char *upper = g_ascii_strup (ledger_method_to_string (m), -1);
      const char *spellings[] = { ledger_method_to_string (m), upper, ledger_method_chinese (m) };

      for (gsize i = 0; i < G_N_ELEMENTS (spellings); i++)
        {
          g_autoptr(GError) error = NULL;
          LedgerMethod parsed = LEDGER_METHOD_COUNT;

          g_assert_true (ledger_method_parse (spellings[i], "method", &parsed, &error));
          g_assert_no_error (error);
          g_assert_cmpint (parsed, ==, m);
        }
    }
}

static void
test_parse_old_bank_word (void)
{
  g_autoptr(GError) error = NULL;
  LedgerMethod parsed = LEDGER_METHOD_CASH;

  g_assert_true (ledger_method_parse ("银行", "method", &parsed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (parsed, ==, LEDGER_METHOD_BANK);
}

static void
test_parse_refuses (void)
{
  const char *bad[] = { "", "card", "银", "现金 ", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      LedgerMethod parsed = LEDGER_METHOD_ALIPAY;

      g_assert_false (ledger_method_parse (bad[i], "--method", &parsed, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "--method"));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpint (parsed, ==, LEDGER_METHOD_ALIPAY);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/method/codes-and-names", test_codes_and_names);
  g_test_add_func ("/method/parse/reads-back", test_parse_reads_back);
  g_test_add_func ("/method/parse/old-bank-word", test_parse_old_bank_word);
  g_test_add_func ("/method/parse/refuses", test_parse_refuses);

  return g_test_run ();
}

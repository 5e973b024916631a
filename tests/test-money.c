/* test-money.c — amounts and areas
 *
 * Unit tests for ledger-money: parsing what a treasurer types, formatting,
 * the amount in Chinese capitals, round trips. No book, no display.
 * Most tests are tables; a failing row names its input.
 */
#define G_LOG_DOMAIN "test-money"

#include <string.h>

#include <glib.h>

#include "value-checks.h"

/* ---------------------------------------------------------------- money */

static void
test_money_parse_accepts (void)
{
  static const AcceptCase cases[] = {
    { "360", LEDGER_MONEY_POSITIVE, 36000 },
    { "360.5", LEDGER_MONEY_POSITIVE, 36050 },
    { "360.50", LEDGER_MONEY_POSITIVE, 36050 },
    { "360.05", LEDGER_MONEY_POSITIVE, 36005 },
    { "0.01", LEDGER_MONEY_POSITIVE, 1 },
    { "0.5", LEDGER_MONEY_POSITIVE, 50 },
    { "007", LEDGER_MONEY_POSITIVE, 700 },
    { "¥360", LEDGER_MONEY_POSITIVE, 36000 },
    { "￥360", LEDGER_MONEY_POSITIVE, 36000 },
    { "1,234.56", LEDGER_MONEY_POSITIVE, 123456 },
    { "1,000,000", LEDGER_MONEY_POSITIVE, 100000000 },
    { "234,567", LEDGER_MONEY_POSITIVE, 23456700 },
    { "¥1,234.56", LEDGER_MONEY_POSITIVE, 123456 },
    { "３６０", LEDGER_MONEY_POSITIVE, 36000 },
    { "３６０．５０", LEDGER_MONEY_POSITIVE, 36050 },
    { "１，２３４．５６", LEDGER_MONEY_POSITIVE, 123456 },
    { "360元", LEDGER_MONEY_POSITIVE, 36000 },
    { "￥３６０元", LEDGER_MONEY_POSITIVE, 36000 },
    { "¥ 360 元", LEDGER_MONEY_POSITIVE, 36000 },
    { "  360  ", LEDGER_MONEY_POSITIVE, 36000 },
    { "　360.50　", LEDGER_MONEY_POSITIVE, 36050 },
    { "　￥　３６０　元　", LEDGER_MONEY_POSITIVE, 36000 },
    { "1000000", LEDGER_MONEY_POSITIVE, LEDGER_MONEY_MAX },
    { "¥1,000,000.00", LEDGER_MONEY_POSITIVE, LEDGER_MONEY_MAX },
    { "0", LEDGER_MONEY_ALLOW_ZERO, 0 },
    { "0.00", LEDGER_MONEY_ALLOW_ZERO, 0 },
    { "¥0", LEDGER_MONEY_ALLOW_ZERO, 0 },
    { "-5", LEDGER_MONEY_ALLOW_NEGATIVE, -500 },
    { "－５", LEDGER_MONEY_ALLOW_NEGATIVE, -500 },
    { "-0.05", LEDGER_MONEY_ALLOW_NEGATIVE, -5 },
    { "-¥1,234.56", LEDGER_MONEY_ALLOW_NEGATIVE, -123456 },
    { "¥-5", LEDGER_MONEY_ALLOW_NEGATIVE, -500 },
    { "-1,000,000.00", LEDGER_MONEY_ALLOW_NEGATIVE, -LEDGER_MONEY_MAX },
    { "-0", ANY_AMOUNT, 0 },
    { "12", ANY_AMOUNT, 1200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = G_MININT64;

      if (!ledger_money_parse (cases[i].text, "amount", cases[i].flags, &fen, &error))
        g_test_fail_printf ("“%s” was refused: %s", cases[i].text, error->message);
      else if (fen != cases[i].expected)
        g_test_fail_printf ("“%s” gave %" G_GINT64_FORMAT ", wanted %" G_GINT64_FORMAT,
                            cases[i].text, fen, cases[i].expected);
    }
}

static void
test_money_parse_rejects (void)
{
  static const RejectCase cases[] = {
    { "", LEDGER_MONEY_POSITIVE, "nothing entered" },
    { NULL, LEDGER_MONEY_POSITIVE, "nothing entered" },
    { "   ", LEDGER_MONEY_POSITIVE, "nothing entered" },
    { "　", ANY_AMOUNT, "nothing entered" },
    { "¥", LEDGER_MONEY_POSITIVE, "no digits" },
    { "￥ ", LEDGER_MONEY_POSITIVE, "no digits" },
    { "元", LEDGER_MONEY_POSITIVE, "no digits" },
    { "-", ANY_AMOUNT, "no digits" },
    { ".", LEDGER_MONEY_POSITIVE, "no digits" },
    { "12.345", LEDGER_MONEY_POSITIVE, "more than two decimals" },
    { "１２．３４５", LEDGER_MONEY_POSITIVE, "more than two decimals" },
    { "12.340", LEDGER_MONEY_POSITIVE, "more than two decimals" },
    { "-5", LEDGER_MONEY_POSITIVE, "must not be negative" },
    { "-5", LEDGER_MONEY_ALLOW_ZERO, "must not be negative" },
    { "－５", LEDGER_MONEY_POSITIVE, "must not be negative" },
    { "-¥5", LEDGER_MONEY_POSITIVE, "must not be negative" },
    { "+5", LEDGER_MONEY_POSITIVE, "plus sign" },
    { "+5", ANY_AMOUNT, "plus sign" },
    { "--5", ANY_AMOUNT, "not a number" },
    { "1e3", LEDGER_MONEY_POSITIVE, "not a number" },
    { "NaN", LEDGER_MONEY_POSITIVE, "not a number" },
    { "nan", ANY_AMOUNT, "not a number" },
    { "inf", LEDGER_MONEY_POSITIVE, "not a number" },
    { "-inf", ANY_AMOUNT, "not a number" },
    { "0x10", LEDGER_MONEY_POSITIVE, "not a number" },
    { "12 34", LEDGER_MONEY_POSITIVE, "not a number" },
    { "12\n34", LEDGER_MONEY_POSITIVE, "not a number" },
    { "3.60.5", LEDGER_MONEY_POSITIVE, "not a number" },
    { "12..5", LEDGER_MONEY_POSITIVE, "not a number" },
    { "360元整", LEDGER_MONEY_POSITIVE, "not a number" },
    { "360。50", LEDGER_MONEY_POSITIVE, "not a number" },
    { "¥¥360", LEDGER_MONEY_POSITIVE, "not a number" },
    { "360¥", LEDGER_MONEY_POSITIVE, "not a number" },
    { "99999999999999x", LEDGER_MONEY_POSITIVE, "not a number" },
    { "1,2,3", LEDGER_MONEY_POSITIVE, "thousands separator" },
    { "1,23.00", LEDGER_MONEY_POSITIVE, "thousands separator" },
    { ",123", LEDGER_MONEY_POSITIVE, "thousands separator" },
    { "1234,567", LEDGER_MONEY_POSITIVE, "thousands separator" },
    { "1,,234", LEDGER_MONEY_POSITIVE, "thousands separator" },
    { "1,234,56", LEDGER_MONEY_POSITIVE, "thousands separator" },
    { "12.", LEDGER_MONEY_POSITIVE, "after the decimal point" },
    { ".5", LEDGER_MONEY_POSITIVE, "before the decimal point" },
    { "９９９９９９９９９９９９９９", LEDGER_MONEY_POSITIVE, "too large" },
    { "99999999999999999999999999", LEDGER_MONEY_POSITIVE, "too large" },
    { "1000000.01", LEDGER_MONEY_POSITIVE, "too large" },
    { "1,000,001", LEDGER_MONEY_POSITIVE, "too large" },
    { "-1000000.01", ANY_AMOUNT, "too large" },
    { "10000000000", LEDGER_MONEY_POSITIVE, "too large" },
    { "0", LEDGER_MONEY_POSITIVE, "more than zero" },
    { "0.00", LEDGER_MONEY_POSITIVE, "more than zero" },
    { "-0", LEDGER_MONEY_ALLOW_NEGATIVE, "must not be zero" },
    { "0", LEDGER_MONEY_ALLOW_NEGATIVE, "must not be zero" },
    { "\xff\xfe", LEDGER_MONEY_POSITIVE, "UTF-8" },
    { "36\xe5\x85", LEDGER_MONEY_POSITIVE, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 12345;

      if (ledger_money_parse (cases[i].text, "amount", cases[i].flags, &fen, &error))
        g_test_fail_printf ("“%s” gave %" G_GINT64_FORMAT, cases[i].text, fen);
      else
        check_invalid_input (cases[i].text, error, "amount", cases[i].reason);
      g_assert_cmpint (fen, ==, 12345);
    }
}

/* The exact shape of a message: field, quoted text, reason, one line. */
static void
test_money_parse_messages (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "12.345", "--amount “12.345”: more than two decimals" },
    { "", "--amount: nothing entered" },
    { "  ", "--amount: nothing entered" },
    { "12\n34", "--amount “12\xef\xbf\xbd" "34”: not a number" },
    { "\xff" "5", "--amount “\xef\xbf\xbd" "5”: not valid UTF-8 text" },
    { "1000000.01", "--amount “1000000.01”: too large (the limit is ¥1,000,000.00)" },
    { "123456789012345678901234567890123456789012345678901234567890",
      "--amount “1234567890123456789012345678901234567890…”: too large (the limit is ¥1,000,000.00)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen;

      g_assert_false (ledger_money_parse (cases[i].text, "--amount",
                                          LEDGER_MONEY_POSITIVE, &fen, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      check_string (cases[i].text, error->message, cases[i].message);
    }
}

static void
test_money_format (void)
{
  static const FormatCase cases[] = {
    { 0, "¥0.00" },
    { 1, "¥0.01" },
    { 5, "¥0.05" },
    { -5, "-¥0.05" },
    { 100, "¥1.00" },
    { 36050, "¥360.50" },
    { 99999, "¥999.99" },
    { 100000, "¥1,000.00" },
    { 123456, "¥1,234.56" },
    { -123456, "-¥1,234.56" },
    { 12345678, "¥123,456.78" },
    { 123456789, "¥1,234,567.89" },
    { LEDGER_MONEY_MAX, "¥1,000,000.00" },
    { 1000000000000, "¥10,000,000,000.00" },
    { G_MAXINT64, "¥92,233,720,368,547,758.07" },
    { G_MININT64, "-¥92,233,720,368,547,758.08" },
    { G_MININT64 + 1, "-¥92,233,720,368,547,758.07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_money_format (cases[i].value);

      check_string (cases[i].expected, got, cases[i].expected);
    }
}

static void
test_money_format_plain (void)
{
  static const FormatCase cases[] = {
    { 0, "0.00" },
    { 1, "0.01" },
    { -5, "-0.05" },
    { -100, "-1.00" },
    { 36050, "360.50" },
    { 123456, "1234.56" },
    { 123456789, "1234567.89" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_money_format_plain (cases[i].value);

      check_string (cases[i].expected, got, cases[i].expected);
    }
}

static void
test_money_capital (void)
{
  static const FormatCase cases[] = {
    { 0, "人民币零元整" },
    { 5, "人民币伍分" },
    { 10, "人民币壹角整" },
    { 15, "人民币壹角伍分" },
    { 100, "人民币壹元整" },
    { 1000, "人民币壹拾元整" },
    { 1105, "人民币壹拾壹元零伍分" },
    { 48000, "人民币肆佰捌拾元整" },
    { 36000, "人民币叁佰陆拾元整" },
    { 36050, "人民币叁佰陆拾元伍角整" },
    { 36005, "人民币叁佰陆拾元零伍分" },
    { 102005, "人民币壹仟零贰拾元零伍分" },
    { 100010, "人民币壹仟元壹角整" },
    { 100100, "人民币壹仟零壹元整" },       /* 1001 yuan */
    { 140950, "人民币壹仟肆佰零玖元伍角整" },
    { 600714, "人民币陆仟零柒元壹角肆分" },
    { 1000000, "人民币壹万元整" },
    { 1010000, "人民币壹万零壹佰元整" },     /* 10100 yuan */
    { 1100000, "人民币壹万壹仟元整" },
    { 1640902, "人民币壹万陆仟肆佰零玖元零贰分" },
    { 10000000, "人民币壹拾万元整" },        /* 100000 yuan */
    { 10000100, "人民币壹拾万零壹元整" },    /* 100001 yuan */
    { 10700053, "人民币壹拾万柒仟元伍角叁分" },
    { 101000000, "人民币壹佰零壹万元整" },   /* 1010000 yuan */
    { 1000000000, "人民币壹仟万元整" },      /* 10,000,000 yuan */
    { 10000000000, "人民币壹亿元整" },
    { 10000000100, "人民币壹亿零壹元整" },   /* 100000001 yuan */
    { 10001000000, "人民币壹亿零壹万元整" },
    { 11000000000, "人民币壹亿壹仟万元整" },
    { 100000000000, "人民币壹拾亿元整" },
    { 123456789012, "人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分" },
    { 1000000000000, "人民币壹佰亿元整" },
    { LEDGER_MONEY_MAX, "人民币壹佰万元整" },
    { 100000000000000000, "人民币壹仟万亿元整" },
    { 1000000000000000000, "人民币壹亿亿元整" },
    { -5, "人民币负伍分" },
    { -48000, "人民币负肆佰捌拾元整" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_money_to_capital (cases[i].value);
      g_autofree char *input = g_strdup_printf ("%" G_GINT64_FORMAT, cases[i].value);

      check_string (input, got, cases[i].expected);
    }
}

/* The extremes must neither overflow nor crash. */
static void
test_money_capital_extremes (void)
{
  g_autofree char *max = ledger_money_to_capital (G_MAXINT64);
  g_autofree char *min = ledger_money_to_capital (G_MININT64);

  g_assert_true (g_str_has_prefix (max, "人民币玖亿"));
  g_assert_true (g_str_has_suffix (max, "元零柒分"));
  g_assert_true (g_str_has_prefix (min, "人民币负玖亿"));
  g_assert_true (g_str_has_suffix (min, "元零捌分"));
}

/* A pseudo-random amount within ±LEDGER_MONEY_MAX with a random number of
 * digits, so that short amounts are as likely as long ones. */
static gint64
random_fen (GRand *rand)
{
  guint digits = (guint) g_rand_int_range (rand, 1, 10);
  guint64 bits = (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
  guint64 limit = 1;
  gint64 fen;

  for (guint i = 0; i < digits; i++)
    limit *= 10;
  fen = (gint64) (bits % MIN (limit, (guint64) LEDGER_MONEY_MAX + 1));

  return g_rand_boolean (rand) ? -fen : fen;
}

/* Parsing what we print gives back the same amount. */
static void
check_round_trip (gint64 fen)
{
  g_autofree char *plain = ledger_money_format_plain (fen);
  g_autofree char *fancy = ledger_money_format (fen);
  g_autoptr(GError) error = NULL;
  gint64 back = G_MININT64;

  if (!ledger_money_parse (plain, "amount", ANY_AMOUNT, &back, &error) || back != fen)
    g_test_fail_printf ("“%s” did not round-trip: %s", plain,
                        error ? error->message : "another value");
  g_clear_error (&error);

  back = G_MININT64;
  if (!ledger_money_parse (fancy, "amount", ANY_AMOUNT, &back, &error) || back != fen)
    g_test_fail_printf ("“%s” did not round-trip: %s", fancy,
                        error ? error->message : "another value");
}

static void
test_money_round_trip (void)
{
  static const gint64 edges[] = {
    0, 1, -1, 99, 100, 101, 99999, 100000, LEDGER_MONEY_MAX, -LEDGER_MONEY_MAX,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    check_round_trip (edges[i]);
  for (guint i = 0; i < 5000; i++)
    check_round_trip (random_fen (rand));
}

/* ----------------------------------------------------------------- area */

static void
test_area_parse_accepts (void)
{
  static const AcceptCase cases[] = {
    { "89.5", 0, 8950 },
    { "89.50", 0, 8950 },
    { "89.50㎡", 0, 8950 },
    { "89.5 m2", 0, 8950 },
    { "89.5m²", 0, 8950 },
    { "89.5 M2", 0, 8950 },
    { "89.5平方米", 0, 8950 },
    { "89.5 平米", 0, 8950 },
    { "８９．５", 0, 8950 },
    { "８９．５ｍ２", 0, 8950 },
    { "　120　", 0, 12000 },
    { "0", 0, 0 },
    { "0.01", 0, 1 },
    { "1,234.5 ㎡", 0, 123450 },
    { "100000", 0, 10000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 area = G_MININT64;

      if (!ledger_area_parse (cases[i].text, "area", &area, &error))
        g_test_fail_printf ("“%s” was refused: %s", cases[i].text, error->message);
      else if (area != cases[i].expected)
        g_test_fail_printf ("“%s” gave %" G_GINT64_FORMAT ", wanted %" G_GINT64_FORMAT,
                            cases[i].text, area, cases[i].expected);
    }
}

static void
test_area_parse_rejects (void)
{
  static const RejectCase cases[] = {
    { "", 0, "nothing entered" },
    { "㎡", 0, "no digits" },
    { "-1", 0, "must not be negative" },
    { "+1", 0, "plus sign" },
    { "89.555", 0, "more than two decimals" },
    { "100000.01", 0, "too large (the limit is 100000 m²)" },
    { "1e5", 0, "not a number" },
    { "¥89", 0, "not a number" },
    { "89.5 m3", 0, "not a number" },
    { "89.5元", 0, "not a number" },
    { ".5", 0, "before the decimal point" },
    { "\xc0", 0, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 area = 12345;

      if (ledger_area_parse (cases[i].text, "area", &area, &error))
        g_test_fail_printf ("“%s” gave %" G_GINT64_FORMAT, cases[i].text, area);
      else
        check_invalid_input (cases[i].text, error, "area", cases[i].reason);
      g_assert_cmpint (area, ==, 12345);
    }
}

static void
test_area_format (void)
{
  static const FormatCase cases[] = {
    { 8950, "89.50" },
    { 0, "0.00" },
    { 1, "0.01" },
    { 10000000, "100000.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ledger_area_format (cases[i].value);

      check_string (cases[i].expected, got, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  value_tests_init (&argc, &argv);

  g_test_add_func ("/money/parse/accepts", test_money_parse_accepts);
  g_test_add_func ("/money/parse/rejects", test_money_parse_rejects);
  g_test_add_func ("/money/parse/messages", test_money_parse_messages);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/format-plain", test_money_format_plain);
  g_test_add_func ("/money/capital", test_money_capital);
  g_test_add_func ("/money/capital/extremes", test_money_capital_extremes);
  g_test_add_func ("/money/round-trip", test_money_round_trip);
  g_test_add_func ("/area/parse/accepts", test_area_parse_accepts);
  g_test_add_func ("/area/parse/rejects", test_area_parse_rejects);
  g_test_add_func ("/area/format", test_area_format);

  return g_test_run ();
}

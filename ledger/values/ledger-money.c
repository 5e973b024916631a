/* ledger-money.c — money as an integer number of fen (0.01 yuan)
 *
 * Amounts and areas are both "hundredths": parsed digit by digit into a
 * gint64 with every multiplication bounded, formatted from integers, and
 * never passed through floating point.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-error-private.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-text-private.h"

/* The largest exclusive area (ledger-limits.h). */
#define AREA_MAX_M2 LEDGER_AREA_MAX_M2
#define AREA_MAX LEDGER_AREA_MAX

/* Why a number did not parse; each has its own message. */
typedef enum
{
  NUMBER_OK,
  NUMBER_NO_DIGITS,         /* "", "¥", "元" */
  NUMBER_MALFORMED,         /* "1e3", "0x10", "12 34", "NaN" */
  NUMBER_BAD_GROUPING,      /* "1,2,3", ",123", "1,23.00" */
  NUMBER_NO_WHOLE_DIGITS,   /* ".5" */
  NUMBER_NO_DECIMAL_DIGITS, /* "12." */
  NUMBER_TOO_MANY_DECIMALS, /* "12.345" */
  NUMBER_TOO_LARGE,         /* above the caller's limit */
} NumberProblem;

/* Units an area may be followed by, longest first among look-alikes. */
static const char *const area_units[] = {
  "㎡", "m²", "m2", "M²", "M2", "平方米", "平米",
};

static const char *const capital_digits[] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};

/* The places inside a four-digit section, from the thousands down. */
static const char *const capital_places[] = { "仟", "佰", "拾", "" };

#define TEN_THOUSAND ((guint64) 10000)
#define HUNDRED_MILLION ((guint64) 100000000)

/* Reads the whole part of a number at *p: digits, optionally grouped in
 * threes by commas ("1,234,567"). The value saturates just above @limit
 * instead of overflowing, so the caller can still report the most useful
 * problem for "99999999999999x". Leaves *p after the last digit or comma. */
static NumberProblem
read_whole_part (const char **p,
                 gint64       limit,
                 gint64      *out)
{
  const char *s = *p;
  gint64 value = 0;
  guint run = 0; /* digits since the start or the last comma */
  gboolean grouped = FALSE;

  for (; g_ascii_isdigit (*s) || *s == ','; s++)
    {
      if (*s == ',')
        {
          if (run == 0 || run > 3 || (grouped && run != 3))
            return NUMBER_BAD_GROUPING;
          grouped = TRUE;
          run = 0;
          continue;
        }
      run++;
      if (value <= limit)
        value = value * 10 + g_ascii_digit_value (*s);
    }

  *p = s;
  *out = value;
  return grouped && run != 3 ? NUMBER_BAD_GROUPING : NUMBER_OK;
}

/* Reads the digits after a decimal point at *p as hundredths ("5" is 50).
 * Every digit is consumed, so "12.345" is reported as too many decimals
 * rather than as malformed. */
static NumberProblem
read_decimals (const char **p,
               gint64      *out)
{
  const char *s = *p;
  gint64 value = 0;
  guint n = 0;

  for (; g_ascii_isdigit (*s); s++, n++)
    {
      if (n < 2)
        value = value * 10 + g_ascii_digit_value (*s);
    }

  *p = s;
  if (n == 0)
    return NUMBER_NO_DECIMAL_DIGITS;
  if (n > 2)
    return NUMBER_TOO_MANY_DECIMALS;
  *out = n == 1 ? value * 10 : value;
  return NUMBER_OK;
}

/* Parses a bare unsigned number with at most two decimals ("1,234.5") into
 * hundredths no larger than @max. Both sides of the decimal point need a
 * digit: "12." and ".5" look like typing slips, so they are refused rather
 * than guessed at. */
static NumberProblem
parse_hundredths (const char *s,
                  gint64      max,
                  gint64     *out)
{
  const char *p = s;
  gint64 whole = 0;
  gint64 decimals = 0;
  gboolean has_whole;
  NumberProblem problem;

  problem = read_whole_part (&p, max / 100, &whole);
  if (problem != NUMBER_OK)
    return problem;
  has_whole = p != s;

  if (*p == '.')
    {
      p++;
      problem = read_decimals (&p, &decimals);
      if (*p != '\0')
        return NUMBER_MALFORMED;
      if (!has_whole)
        return problem == NUMBER_NO_DECIMAL_DIGITS ? NUMBER_NO_DIGITS
                                                   : NUMBER_NO_WHOLE_DIGITS;
      if (problem != NUMBER_OK)
        return problem;
    }

  if (*p != '\0')
    return NUMBER_MALFORMED;
  if (!has_whole)
    return NUMBER_NO_DIGITS;
  if (whole > max / 100 || whole * 100 + decimals > max)
    return NUMBER_TOO_LARGE;

  *out = whole * 100 + decimals;
  return NUMBER_OK;
}

/* The message for a malformed number; NUMBER_TOO_LARGE depends on what is
 * being parsed and is left to the caller. */
static const char *
number_problem_reason (NumberProblem problem)
{
  switch (problem)
    {
    case NUMBER_NO_DIGITS:
      return _("no digits");
    case NUMBER_MALFORMED:
      return _("not a number");
    case NUMBER_BAD_GROUPING:
      return _("misplaced thousands separator");
    case NUMBER_NO_WHOLE_DIGITS:
      return _("a digit is needed before the decimal point");
    case NUMBER_NO_DECIMAL_DIGITS:
      return _("a digit is needed after the decimal point");
    case NUMBER_TOO_MANY_DECIMALS:
      return _("more than two decimals");
    case NUMBER_OK:
    case NUMBER_TOO_LARGE:
      break;
    }
  g_return_val_if_reached (_("not a number"));
}

/* Cuts @suffix and the spaces before it off the end of @s, if it is there. */
static gboolean
strip_suffix (char       *s,
              const char *suffix)
{
  if (!g_str_has_suffix (s, suffix))
    return FALSE;

  s[strlen (s) - strlen (suffix)] = '\0';
  g_strchomp (s);
  return TRUE;
}

/* Moves *s past @prefix and the spaces after it, if it is there. */
static gboolean
skip_prefix (const char **s,
             const char  *prefix)
{
  if (!g_str_has_prefix (*s, prefix))
    return FALSE;

  *s += strlen (prefix);
  while (**s == ' ')
    (*s)++;
  return TRUE;
}

/* Reads a sign at *s: '-' or '+' (their full-width forms are folded
 * already), or 0 when there is none. */
static char
read_sign (const char **s)
{
  char sign = **s;

  if (sign != '-' && sign != '+')
    return 0;
  (*s)++;
  return sign;
}

/* Reports what is wrong with a number that has been taken apart into
 * @sign and @problem, in the order a user would fix it: first the digits,
 * then the sign. Leaves NUMBER_TOO_LARGE to the caller, whose limit is
 * shown in its own units. */
static gboolean
check_number (const char     *text,
              const char     *field,
              char            sign,
              gboolean        allow_negative,
              NumberProblem   problem,
              GError        **error)
{
  if (problem != NUMBER_OK && problem != NUMBER_TOO_LARGE)
    return ledger_text_set_invalid_input (error, field, text,
                                          number_problem_reason (problem));
  if (sign == '+')
    return ledger_text_set_invalid_input (error, field, text,
                                          _("a plus sign is not allowed"));
  if (sign == '-' && !allow_negative)
    return ledger_text_set_invalid_input (error, field, text,
                                          _("must not be negative"));
  return TRUE;
}

/* Reports a number beyond @limit, the largest value as shown to the user. */
static gboolean
report_too_large (const char  *text,
                  const char  *field,
                  const char  *limit,
                  GError     **error)
{
  g_autofree char *reason = g_strdup_printf (_("too large (the limit is %s)"),
                                             limit);

  return ledger_text_set_invalid_input (error, field, text, reason);
}

/* Parses an amount as typed by a treasurer or read from a spreadsheet:
 * an optional sign, an optional yuan sign (¥ or ￥), the number and an
 * optional "元", with spaces around the yuan sign and the "元". */
gboolean
ledger_money_parse (const char        *text,
                    const char        *field,
                    LedgerMoneyFlags   flags,
                    gint64            *out_fen,
                    GError           **error)
{
  g_autofree char *folded = NULL;
  const char *number;
  char sign;
  gint64 fen = 0;
  gint64 max = (flags & LEDGER_MONEY_BALANCE) != 0 ? LEDGER_TOTAL_MAX : LEDGER_MONEY_MAX;
  NumberProblem problem;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_fen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = ledger_text_fold_input (text, field, error);
  if (folded == NULL)
    return FALSE;

  strip_suffix (folded, "元");
  number = folded;
  sign = read_sign (&number);
  if (!skip_prefix (&number, "¥"))
    skip_prefix (&number, "￥");
  if (sign == 0)
    sign = read_sign (&number);

  problem = parse_hundredths (number, max, &fen);
  if (!check_number (text, field, sign,
                     (flags & LEDGER_MONEY_ALLOW_NEGATIVE) != 0, problem, error))
    return FALSE;
  if (problem == NUMBER_TOO_LARGE)
    {
      g_autofree char *limit = ledger_money_format (max);

      return report_too_large (text, field, limit, error);
    }

  if (fen == 0 && !(flags & LEDGER_MONEY_ALLOW_ZERO))
    return ledger_text_set_invalid_input (error, field, text,
                                          flags & LEDGER_MONEY_ALLOW_NEGATIVE
                                          ? _("must not be zero")
                                          : _("must be more than zero"));

  *out_fen = sign == '-' ? -fen : fen;
  return TRUE;
}

/* Returns the absolute value of @value without overflowing on G_MININT64. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
}

/* "-1234.56": the common form of amounts and areas in plain text. */
static char *
format_hundredths (gint64 value)
{
  guint64 m = magnitude (value);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          value < 0 ? "-" : "", m / 100, (guint) (m % 100));
}

/* Formats for files and forms, where separators would get in the way. */
char *
ledger_money_format_plain (gint64 fen)
{
  return format_hundredths (fen);
}

/* Appends @n in decimal with a comma between groups of three digits. */
static void
append_grouped (GString *out,
                guint64  n)
{
  char digits[24]; /* G_MAXUINT64 has 20 digits */
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/* Formats for people: yuan sign, thousands separators, the sign in front. */
char *
ledger_money_format (gint64 fen)
{
  guint64 m = magnitude (fen);
  GString *out = g_string_new (fen < 0 ? "-¥" : "¥");

  append_grouped (out, m / 100);
  g_string_append_printf (out, ".%02u", (guint) (m % 100));
  return g_string_free (out, FALSE);
}

/* Appends one digit in capitals followed by its unit: "伍" "佰". */
static void
append_capital_digit (GString    *out,
                      guint       digit,
                      const char *unit)
{
  g_assert (digit < G_N_ELEMENTS (capital_digits));

  g_string_append (out, capital_digits[digit]);
  g_string_append (out, unit);
}

/* Appends a section of 1..9999 in capitals: "壹仟零贰拾" for 1020. A run
 * of zeros between two digits is one 零; trailing zeros are silent. */
static void
append_capital_section (GString *out,
                        guint    n)
{
  gboolean started = FALSE;
  gboolean zero_pending = FALSE;
  guint divisor = 1000;

  g_assert (n > 0 && n < TEN_THOUSAND);

  for (guint place = 0; place < G_N_ELEMENTS (capital_places); place++, divisor /= 10)
    {
      guint digit = n / divisor % 10;

      if (digit == 0)
        {
          zero_pending = started;
          continue;
        }
      if (zero_pending)
        g_string_append (out, "零");
      append_capital_digit (out, digit, capital_places[place]);
      started = TRUE;
      zero_pending = FALSE;
    }
}

/* Appends 1..99,999,999 in capitals: a 万 section, then a section of
 * units preceded by 零 when its thousands digit is missing
 * ("壹万零壹佰" for 10100). */
static void
append_capital_below_yi (GString *out,
                         guint64  n)
{
  guint high = (guint) (n / TEN_THOUSAND);
  guint low = (guint) (n % TEN_THOUSAND);

  g_assert (n > 0 && n < HUNDRED_MILLION);

  if (high > 0)
    {
      append_capital_section (out, high);
      g_string_append (out, "万");
      if (low > 0 && low < 1000)
        g_string_append (out, "零");
    }
  if (low > 0)
    append_capital_section (out, low);
}

/* Appends a positive whole number of yuan in capitals, 亿 by 亿, so that
 * even G_MAXINT64 fen has a (long) reading. */
static void
append_capital_integer (GString *out,
                        guint64  n)
{
  guint64 rest = n % HUNDRED_MILLION;

  g_assert (n > 0);

  if (n < HUNDRED_MILLION)
    {
      append_capital_below_yi (out, n);
      return;
    }

  append_capital_integer (out, n / HUNDRED_MILLION);
  g_string_append (out, "亿");
  if (rest == 0)
    return;
  if (rest < HUNDRED_MILLION / 10)
    g_string_append (out, "零");
  append_capital_below_yi (out, rest);
}

/* Appends 角 and 分. 整 closes an amount without 分 so nothing can be
 * added after it; 零 stands for a missing 角 between 元 and 分. */
static void
append_capital_cents (GString  *out,
                      gboolean  has_yuan,
                      guint     jiao,
                      guint     fen)
{
  if (jiao > 0)
    append_capital_digit (out, jiao, "角");
  else if (fen > 0 && has_yuan)
    g_string_append (out, "零");

  if (fen > 0)
    append_capital_digit (out, fen, "分");
  else
    g_string_append (out, "整");
}

/* Writes an amount the way a Chinese receipt does, so it cannot be altered
 * by adding a stroke: 人民币, 负 when negative, the yuan in capitals with
 * 壹拾 (not 拾) for the tens, then 角 and 分. */
char *
ledger_money_to_capital (gint64 fen)
{
  guint64 m = magnitude (fen);
  guint64 yuan = m / 100;
  GString *out = g_string_new ("人民币");

  if (fen < 0)
    g_string_append (out, "负");

  if (yuan > 0)
    {
      append_capital_integer (out, yuan);
      g_string_append (out, "元");
    }
  else if (m == 0)
    g_string_append (out, "零元");

  append_capital_cents (out, yuan > 0, (guint) (m / 10 % 10), (guint) (m % 10));
  return g_string_free (out, FALSE);
}

/* Parses an area like an amount, with a unit instead of a currency and no
 * sign; zero is a valid area (a unit that is only a parking space). */
gboolean
ledger_area_parse (const char  *text,
                   const char  *field,
                   gint64      *out_centi_m2,
                   GError     **error)
{
  g_autofree char *folded = NULL;
  const char *number;
  char sign;
  gint64 value = 0;
  NumberProblem problem;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_centi_m2 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = ledger_text_fold_input (text, field, error);
  if (folded == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (area_units); i++)
    {
      if (strip_suffix (folded, area_units[i]))
        break;
    }
  number = folded;
  sign = read_sign (&number);

  problem = parse_hundredths (number, AREA_MAX, &value);
  if (!check_number (text, field, sign, FALSE, problem, error))
    return FALSE;
  if (problem == NUMBER_TOO_LARGE)
    {
      g_autofree char *limit = g_strdup_printf (_("%d m²"), AREA_MAX_M2);

      return report_too_large (text, field, limit, error);
    }

  *out_centi_m2 = value;
  return TRUE;
}

/* "89.50": an area in plain text, without unit. */
char *
ledger_area_format (gint64 centi_m2)
{
  return format_hundredths (centi_m2);
}

gboolean
ledger_amount_set_out_of_range (GError     **error,
                                const char  *field,
                                gint64       fen)
{
  g_autofree char *shown = ledger_money_format (fen);
  g_autofree char *limit = ledger_money_format (LEDGER_AMOUNT_MAX);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               _("%s %s: must be more than zero and at most %s"), field, shown, limit);
  ledger_error_set_field (error, field);
  return FALSE;
}

gboolean
ledger_total_add_or_error (gint64      *total,
                           gint64       amount,
                           const char  *what,
                           GError     **error)
{
  g_autofree char *limit = NULL;

  if (ledger_total_add (total, amount))
    return TRUE;
  limit = ledger_money_format (LEDGER_TOTAL_MAX);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT,
               _("%s add up to more than %s, which no entry the program accepts can reach; "
                 "the book was changed outside the program (run verify)"),
               what, limit);
  return FALSE;
}

/* fuzz-money.c — libFuzzer target for ledger_money_parse() and
 * ledger_area_parse()
 *
 * The input is the text as typed, up to its first NUL byte. It is parsed
 * as an amount with each of the four flag combinations and as an area.
 * Properties:
 *   - nothing crashes, leaks or reads out of bounds;
 *   - an accepted amount is within ±LEDGER_MONEY_MAX and obeys the flags
 *     (positive, zero allowed, negative allowed);
 *   - the stricter flags accept nothing the loosest ones refuse, with the
 *     same value; a positive amount is accepted by every flag combination;
 *   - ledger_money_format_plain() and ledger_money_format() of an accepted
 *     amount parse back to the same value, and surrounding spaces (ASCII
 *     or U+3000) change nothing;
 *   - an accepted area is within 0..100000 m² and ledger_area_format()
 *     (with or without "㎡") parses back to it;
 *   - a refusal is LEDGER_ERROR_INVALID_INPUT, one line of valid UTF-8,
 *     naming the field.
 */
#include <string.h>

#include "ledger.h"

#include "fuzz-common.h"

#define MONEY_FIELD "--amount"
#define AREA_FIELD "area"
#define AREA_MAX ((gint64) 100000 * 100)
#define ANY_AMOUNT (LEDGER_MONEY_ALLOW_ZERO | LEDGER_MONEY_ALLOW_NEGATIVE)

/* Sets up GLib once; libFuzzer calls this before the first input. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

/* Parses @text as an amount with @flags and checks the error when it is
 * refused. Returns whether it was accepted. */
static gboolean
parse_money (const char       *text,
             LedgerMoneyFlags  flags,
             gint64           *out_fen)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  gboolean ok = ledger_money_parse (text, MONEY_FIELD, flags, out_fen, &error);

  if (ok)
    {
      FUZZ_CHECK (error == NULL, "ledger_money_parse accepted and set an error");
      return TRUE;
    }
  what = g_strdup_printf ("ledger_money_parse (flags %d)", flags);
  fuzz_check_field_error (error, MONEY_FIELD, what);
  return FALSE;
}

/* Checks that @formatted, made by @formatter from @fen, parses back to @fen. */
static void
check_money_round_trip (gint64      fen,
                        const char *formatted,
                        const char *formatter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fuzz_describe (formatted);
  gint64 back = 0;

  FUZZ_CHECK (ledger_money_parse (formatted, MONEY_FIELD, ANY_AMOUNT, &back, &error),
              "%s (%" G_GINT64_FORMAT ") = \"%s\" does not parse back: %s",
              formatter, fen, shown, error->message);
  FUZZ_CHECK (back == fen, "%s (%" G_GINT64_FORMAT ") = \"%s\" parses back as %" G_GINT64_FORMAT,
              formatter, fen, shown, back);
}

/* Checks an amount that @text was accepted as with @flags. */
static void
check_accepted_money (const char       *text,
                      LedgerMoneyFlags  flags,
                      gint64            fen)
{
  g_autofree char *shown = fuzz_describe (text);
  g_autofree char *plain = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *capital = NULL;

  FUZZ_CHECK (fen >= -LEDGER_MONEY_MAX && fen <= LEDGER_MONEY_MAX,
              "\"%s\" accepted as %" G_GINT64_FORMAT " fen, beyond ±LEDGER_MONEY_MAX", shown, fen);
  FUZZ_CHECK (fen >= 0 || (flags & LEDGER_MONEY_ALLOW_NEGATIVE),
              "\"%s\" accepted as %" G_GINT64_FORMAT " fen without ALLOW_NEGATIVE", shown, fen);
  FUZZ_CHECK (fen != 0 || (flags & LEDGER_MONEY_ALLOW_ZERO),
              "\"%s\" accepted as zero without ALLOW_ZERO", shown);

  plain = ledger_money_format_plain (fen);
  check_money_round_trip (fen, plain, "ledger_money_format_plain");
  formatted = ledger_money_format (fen);
  check_money_round_trip (fen, formatted, "ledger_money_format");

  capital = ledger_money_to_capital (fen);
  FUZZ_CHECK (g_utf8_validate (capital, -1, NULL) && g_str_has_prefix (capital, "人民币"),
              "ledger_money_to_capital (%" G_GINT64_FORMAT ") = \"%s\"", fen, capital);
}

/* Parses @text as an amount with each combination of flags and checks
 * each answer against the loosest one. */
static void
check_money (const char *text)
{
  g_autofree char *shown = fuzz_describe (text);
  gint64 any = 0;
  gboolean any_ok = parse_money (text, ANY_AMOUNT, &any);

  if (any_ok)
    check_accepted_money (text, ANY_AMOUNT, any);

  for (int flags = 0; flags < ANY_AMOUNT; flags++)
    {
      gint64 fen = 0;
      gboolean ok = parse_money (text, flags, &fen);

      if (ok)
        {
          check_accepted_money (text, flags, fen);
          FUZZ_CHECK (any_ok && fen == any,
                      "\"%s\": flags %d accept %" G_GINT64_FORMAT " but any-amount %s",
                      shown, flags, fen, any_ok ? "gives another value" : "refuses it");
        }
      else if (any_ok)
        {
          /* A refusal by stricter flags must be for the sign: a positive
           * amount has no sign to object to. */
          FUZZ_CHECK (any <= 0, "\"%s\" = %" G_GINT64_FORMAT " fen refused with flags %d",
                      shown, any, flags);
          FUZZ_CHECK (any == 0 || !(flags & LEDGER_MONEY_ALLOW_NEGATIVE),
                      "\"%s\" = %" G_GINT64_FORMAT " fen refused with ALLOW_NEGATIVE (flags %d)",
                      shown, any, flags);
        }
    }

  /* Surrounding whitespace is trimmed before anything else. */
  if (g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *padded = g_strconcat (" \t\xe3\x80\x80", text, "\xe3\x80\x80 ", NULL);
      gint64 fen = 0;
      gboolean ok = parse_money (padded, ANY_AMOUNT, &fen);

      FUZZ_CHECK (ok == any_ok && (!ok || fen == any),
                  "\"%s\" and the same with spaces around parse differently", shown);
    }
}

/* Checks that @formatted parses back to the area @value. */
static void
check_area_round_trip (gint64      value,
                       const char *formatted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fuzz_describe (formatted);
  gint64 back = -1;

  FUZZ_CHECK (ledger_area_parse (formatted, AREA_FIELD, &back, &error),
              "area \"%s\" does not parse back: %s", shown, error->message);
  FUZZ_CHECK (back == value, "area \"%s\" parses back as %" G_GINT64_FORMAT, shown, back);
}

/* Parses @text as an area and checks the answer. */
static void
check_area (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = fuzz_describe (text);
  gint64 value = -1;

  if (!ledger_area_parse (text, AREA_FIELD, &value, &error))
    {
      fuzz_check_field_error (error, AREA_FIELD, "ledger_area_parse");
      return;
    }

  FUZZ_CHECK (value >= 0 && value <= AREA_MAX,
              "\"%s\" accepted as an area of %" G_GINT64_FORMAT " hundredths of m²", shown, value);
  {
    g_autofree char *plain = ledger_area_format (value);
    g_autofree char *with_unit = g_strconcat (plain, "㎡", NULL);

    check_area_round_trip (value, plain);
    check_area_round_trip (value, with_unit);
  }
}

/* One fuzz input: the text up to the first NUL, as an amount and as an area. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_money (text);
  check_area (text);
  return 0;
}

/* ledger-limits.h — the ceilings of every amount, count and total
 *
 * Money is gint64 fen, and SQLite turns an integer sum that overflows into
 * a floating-point number without a word (only SUM() raises "integer
 * overflow"; `+`, TOTAL() and avg() go REAL). Rather than hope, every value
 * that enters the book has a ceiling far above what a residential compound
 * ever sees and far below what could overflow, checked where the value
 * enters (the parsers and validators, exit 2 with nothing written), and
 * every product and sum the book forms is checked against the total
 * ceiling (ledger_total_add(), ledger_total_mul()).
 *
 * Why these numbers: one gint64 holds 9.2 × 10^18 fen. A book whose
 * single amounts stay under LEDGER_AMOUNT_MAX would need 9 × 10^10 of
 * them before any sum could overflow, about 10^5 times more than a large
 * compound (5,000 households, 100 entries a day) writes in a century.
 * LEDGER_TOTAL_MAX bounds every total a report shows with the same margin.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One amount as typed or computed: a payment, a fee, one charge (a fee
 * per parking space times the spaces, too), a waiver, an expenditure, the
 * spend limit. ¥1,000,000.00: a year's fees of the largest flat are a few
 * thousand yuan and the largest repair paid at once a few hundred
 * thousand. */
#define LEDGER_AMOUNT_MAX ((gint64) 100000000)

/* One total: a year's charges, an account's balance, a report's sum.
 * ¥1,000,000,000,000.00 (10^12 yuan) — 10^6 maximal amounts. */
#define LEDGER_TOTAL_MAX ((gint64) 100000000000000)

/* One household's exclusive area, in hundredths of a square metre:
 * 100,000 m² (the largest villa is a few thousand). */
#define LEDGER_AREA_MAX_M2 100000
#define LEDGER_AREA_MAX ((gint64) LEDGER_AREA_MAX_M2 * 100)

/* Parking spaces of one household. */
#define LEDGER_SPACES_MAX 99

/* Households in one book: the largest compounds have a few thousand. */
#define LEDGER_HOUSEHOLDS_MAX 100000

/* Receipts of one year: the number has six digits (2026-000123). With
 * LEDGER_AMOUNT_MAX each, a year's receipts stay within LEDGER_TOTAL_MAX. */
#define LEDGER_RECEIPTS_PER_YEAR_MAX 999999

/* The earliest year an entry, a fee version or a bill may be for: the
 * program did not exist before, and an older year is a typing slip. */
#define LEDGER_YEAR_FIRST 2000

/* The most days ahead of today an entry may be dated when the book's
 * days_ahead setting allows it (0 by default: no entry after today). */
#define LEDGER_DAYS_AHEAD_MAX 366

/**
 * ledger_total_add:
 * @total: (inout): a running total, fen
 * @amount: what to add, fen
 *
 * Adds @amount to *@total when the result stays within ±LEDGER_TOTAL_MAX
 * (and so cannot overflow); otherwise leaves *@total alone.
 *
 * Returns: TRUE when added
 */
static inline gboolean
ledger_total_add (gint64 *total,
                  gint64  amount)
{
  gint64 sum;

  if (__builtin_add_overflow (*total, amount, &sum) ||
      sum > LEDGER_TOTAL_MAX || sum < -LEDGER_TOTAL_MAX)
    return FALSE;
  *total = sum;
  return TRUE;
}

/**
 * ledger_total_mul:
 * @a: a factor (an amount per space …)
 * @b: the other (the spaces …)
 * @out: (out): @a × @b, set only when it stays within ±LEDGER_TOTAL_MAX
 *
 * Returns: TRUE when the product is within the ceiling
 */
static inline gboolean
ledger_total_mul (gint64  a,
                  gint64  b,
                  gint64 *out)
{
  gint64 product;

  if (__builtin_mul_overflow (a, b, &product) ||
      product > LEDGER_TOTAL_MAX || product < -LEDGER_TOTAL_MAX)
    return FALSE;
  *out = product;
  return TRUE;
}

/**
 * ledger_total_add_saturating:
 * @total: (inout): a running total, fen
 * @amount: what to add, fen
 *
 * For sums that exports and screens form from figures the ledger has
 * already added with a check (its reports refuse a total past the
 * ceiling first): adds, or stops at ±(LEDGER_TOTAL_MAX + 1), so the sum
 * can neither wrap around (undefined behaviour in C) nor tie out with a
 * checked total.
 */
static inline void
ledger_total_add_saturating (gint64 *total,
                             gint64  amount)
{
  if (!ledger_total_add (total, amount))
    *total = (*total < 0 || (*total == 0 && amount < 0)) ? -LEDGER_TOTAL_MAX - 1 : LEDGER_TOTAL_MAX + 1;
}

G_END_DECLS

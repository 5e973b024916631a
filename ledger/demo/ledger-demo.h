/* ledger-demo.h — a realistic, deterministic demo community */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

typedef struct
{
  guint households;  /* default 120 */
  guint years;       /* default 3: the last @years years up to @end_year */
  int   end_year;    /* default: the current year */
  guint32 seed;      /* default 2026: the same seed gives the same book */
} LedgerDemoOptions;

/**
 * ledger_demo_populate:
 * @book: a freshly created book (ledger_community_create())
 * @options: (nullable): the community's size, years and seed; zeros (or
 *   NULL) take the defaults
 * @error: return location for an error
 *
 * Fills @book with a synthetic community: households with
 * common Chinese names, buildings of 2–3 entrances and 6 floors, areas of
 * 50–140 m², parking for about a third; each year billed on 1 January,
 * paid mostly in the first quarter by WeChat, cash, Alipay or bank, some
 * late, some two years at once, a few never (arrears); a waiver or two;
 * monthly cleaning, lighting and utilities, seasonal greening, repairs.
 * Deterministic: the same options give the same book, entry for entry.
 * The book runs on a simulated clock meanwhile and is back on the real
 * one afterwards.
 *
 * Returns: TRUE when the community is recorded; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for options out of range,
 *   LEDGER_ERROR_CONFLICT for a book that already has households, what
 *   the first operation that failed set, or a storage or journal error
 */
gboolean ledger_demo_populate (LedgerBook               *book,
                               const LedgerDemoOptions  *options,
                               GError                  **error);

G_END_DECLS

/* ledger-overview.h — the figures on the app's first screen, in one call
 *
 * The Overview page shows them, the benchmark times them and `report
 * overview` prints them: one function, so the three always agree. Every
 * figure comes from an index or a cache (schema version 2), so the call
 * costs the same for a new book and for ten years of a large compound.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"
#include "ledger-report.h"

G_BEGIN_DECLS

typedef struct
{
  char             date[11];          /* the figures are as of this day */
  gint64           funds;             /* cash + every bank account + WeChat + Alipay */
  gint64           cash;
  gint64           bank;              /* bank and every bank:NAME */
  gint64           mobile;            /* WeChat Pay + Alipay */
  LedgerCollection year;              /* collection for the date's year */
  gint64           arrears;           /* owed for every year up to the date's */
  guint            arrears_households;
  guint            open_votes;
  gint64           unannounced;       /* expenditures no notice has shown yet */
  LedgerTreeHead   head;              /* the book's fingerprint */
} LedgerOverview;

/**
 * ledger_overview_compute:
 * @book: an open book
 * @date: (nullable): "YYYY-MM-DD"; NULL for today by the book's clock
 * @out: (out caller-allocates): the figures of the first screen, as of @date
 * @error: return location for an error
 *
 * Returns: TRUE with the figures; FALSE with LEDGER_ERROR_VERIFY when the
 *   fingerprint's cached tree has a gap, or
 *   a storage error (LEDGER_ERROR_CORRUPT too when a total the book holds
 *   is past LEDGER_TOTAL_MAX)
 */
gboolean ledger_overview_compute (LedgerBook      *book,
                                  const char      *date,
                                  LedgerOverview  *out,
                                  GError         **error);

G_END_DECLS

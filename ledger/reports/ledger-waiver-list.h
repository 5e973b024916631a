/* ledger-waiver-list.h — the waivers of a period with their reasons (the
 * auditor's workbook's 减免 sheet) */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 txn_id;
  char   date[11];
  char  *unit;
  char  *fee_code;
  char  *fee_name;  /* the name of the fee version that billed the charge */
  int    year;
  gint64 amount;    /* fen waived, > 0 */
  char  *reason;
} LedgerWaiverRow;

/**
 * ledger_waiver_row_free:
 * @row: (nullable) (transfer full): a row
 *
 * Frees @row and its strings.
 */
void ledger_waiver_row_free (LedgerWaiverRow *row);

/**
 * ledger_report_waivers:
 * @book: an open book
 * @period: (nullable): the waivers dated in it; NULL for every one
 * @error: return location for an error
 *
 * Every waiver dated in @period, by date and entry.
 *
 * Returns: (transfer full) (element-type LedgerWaiverRow): the rows, or
 *   NULL with a storage error
 */
GPtrArray *ledger_report_waivers (LedgerBook          *book,
                                  const LedgerPeriod  *period,
                                  GError             **error);

G_END_DECLS

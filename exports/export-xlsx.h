/* export-xlsx.h — the auditor's workbook (libxlsxwriter) */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

/* Reports progress (0..1000 per mille) for long exports; may be NULL. */
typedef void (*ExportProgressFunc) (int      per_mille,
                                    gpointer user_data);

/**
 * export_workbook:
 * @period: (nullable): the period for Summary, Income, Expenditures; NULL = everything
 *
 * Writes the auditor's workbook to @path: Summary, Income, Expenditures,
 * Arrears, Households, Votes, Journal (every journal entry with its
 * canonical leaf and leaf hash, split across sheets past 1,048,575 rows)
 * and Verification (the fingerprint). Written to a temporary file in the
 * same folder and renamed into place: a failure leaves no half file.
 */
gboolean export_workbook (LedgerBook          *book,
                          const LedgerPeriod  *period,
                          const char          *path,
                          ExportProgressFunc   progress,
                          gpointer             progress_data,
                          GError             **error);

/**
 * export_workbook_verify:
 * Recomputes the fingerprint from the Journal sheet(s) of the workbook at
 * @path alone and compares it with the fingerprint on its Verification
 * sheet; with @book, also with the book's head at the same size.
 * LEDGER_ERROR_VERIFY naming the sheet and row of the first difference.
 */
gboolean export_workbook_verify (const char  *path,
                                 LedgerBook  *book,
                                 char       **out_fingerprint,
                                 GError     **error);

G_END_DECLS

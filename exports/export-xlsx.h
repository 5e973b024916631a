/* export-xlsx.h — the auditor's workbook (libxlsxwriter) */
#pragma once

#include "ledger.h"

G_BEGIN_DECLS

/**
 * ExportProgressFunc:
 * @per_mille: how far the export has come, 0 to 1000
 * @user_data: what the caller passed with the function
 *
 * Reports progress for long exports, in the thread that runs the export.
 */
typedef void (*ExportProgressFunc) (int      per_mille,
                                    gpointer user_data);

/**
 * export_workbook:
 * @book: an open book, not inside a write
 * @period: (nullable): the period for Summary, Income, Expenditures (and
 *   the year up to which Arrears count); NULL = everything
 * @path: where the workbook goes (.xlsx); a file there is replaced only
 *   by a workbook that was written whole
 * @progress: (nullable): called with 0..1000 as the journal is written
 * @progress_data: passed to @progress
 * @error: return location for an error
 *
 * Writes the auditor's workbook to @path: 汇总 Summary, 收入 Income, 支出
 * Expenditures, 欠费 Arrears, 住户 Households, 表决 Votes, 日记账 Journal
 * (every journal entry with its canonical leaf and leaf hash, continued on
 * 日记账2 … past 1,048,575 rows) and 校验 Verification (the fingerprint).
 * The detail sheets are checked to add up to the ledger's reports to the
 * fen, and the leaves to the book's recorded fingerprint, before the file
 * is given its name (LEDGER_ERROR_VERIFY otherwise). Written to
 * PATH.partial-XXXXXX in the same folder and renamed into place: a failure
 * leaves no file behind (LEDGER_ERROR_IO). Memory stays small however long
 * the journal: libxlsxwriter's constant_memory mode. All the sheets are
 * read in one read transaction, so they agree with each other.
 *
 * Returns: TRUE when the workbook is in place; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a @path that names the book or its
 *   files (ledger_book_check_outputs()), LEDGER_ERROR_VERIFY when the
 *   sheets do not add up to the reports, the leaves to the fingerprint, or
 *   the period's figures do not tie out (ledger_report_income()),
 *   LEDGER_ERROR_CORRUPT for a total past LEDGER_TOTAL_MAX,
 *   LEDGER_ERROR_IO when the file cannot be written or does not read back
 *   whole, or a storage error
 */
gboolean export_workbook (LedgerBook          *book,
                          const LedgerPeriod  *period,
                          const char          *path,
                          ExportProgressFunc   progress,
                          gpointer             progress_data,
                          GError             **error);

/**
 * export_workbook_full:
 * @book: as for export_workbook()
 * @period: (nullable): as for export_workbook()
 * @path: as for export_workbook()
 * @progress: (nullable): as for export_workbook()
 * @progress_data: passed to @progress
 * @cancellable: (nullable): stops the export (G_IO_ERROR_CANCELLED) while
 *   the journal is written, leaving no file
 * @error: return location for an error
 *
 * export_workbook(), for a worker thread that may be asked to stop.
 *
 * Returns: TRUE when the workbook is in place; FALSE with @error set as
 *   for export_workbook(), or G_IO_ERROR_CANCELLED when @cancellable was
 *   cancelled (no file is left)
 */
gboolean export_workbook_full (LedgerBook          *book,
                               const LedgerPeriod  *period,
                               const char          *path,
                               ExportProgressFunc   progress,
                               gpointer             progress_data,
                               GCancellable        *cancellable,
                               GError             **error);

/**
 * export_workbook_verify:
 * @path: a workbook export_workbook() wrote
 * @book: (nullable): also compare with this book
 * @out_fingerprint: (out) (optional) (transfer full): "SIZE:ROOT"
 *   recomputed from the workbook
 * @error: return location for an error
 *
 * Recomputes the fingerprint from the Journal sheet(s) of the workbook at
 * @path alone — entry numbers 1..n without gaps, each leaf hash equal to
 * SHA-256 (0x00 ‖ leaf text), the RFC 6962 root — and compares it with the
 * fingerprint on its Verification sheet; then derives every visible cell
 * of every sheet from the leaves again (their v1 lines, and the facts of
 * v2 leaves) and compares: the Journal's other columns, the Households
 * (owners' names against the journal's commitment, with the unit's salt
 * the sheet carries), Income and Expenditures row by row against their
 * journal entries, Arrears, Votes, the Summary's figures and formulas,
 * the Verification figures. With @book, also compares with the book's
 * head at the same size, naming the first entry that differs. Fails with
 * LEDGER_ERROR_VERIFY naming the sheet and spreadsheet row of the first
 * difference ("日记账 row 58: the leaf hash does not match its text") or
 * the sheet and cell ("sheet 收入, cell F7: expected 360.00, found
 * 3600.00"), or LEDGER_ERROR_IO when the file cannot be read.
 *
 * Returns: TRUE when the workbook's journal gives its recorded fingerprint
 *   (and, with @book, the book's); FALSE with @error set as above, or a
 *   storage error reading @book
 */
gboolean export_workbook_verify (const char  *path,
                                 LedgerBook  *book,
                                 char       **out_fingerprint,
                                 GError     **error);

G_END_DECLS

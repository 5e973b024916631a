/* export-xlsx-expect-private.h — every visible cell of the auditor's
 * workbook derived again from its Journal sheet (export-xlsx-expect.c)
 *
 * export_workbook_verify() (export-xlsx-verify.c) checks the leaves
 * against their hashes and the fingerprint; this then reads what the
 * leaves say (the v1 lines, and the facts of v2 leaves where an entry has
 * them: docs/leaf-format.md) and compares each sheet with it, cell by
 * cell: LEDGER_ERROR_VERIFY "sheet 收入, cell F7: expected 360.00, found
 * 3600.00". What a sheet shows that the journal cannot give (owners'
 * names, which the journal only commits to; the export time) is checked
 * against the commitment or against the other sheet that shows it.
 *
 * Only export-xlsx-verify.c and export-xlsx-expect.c include this.
 */
#pragma once

#include <glib.h>

#include "export-xlsx-read-private.h"
#include "ledger.h"

G_BEGIN_DECLS

typedef struct _ExportExpect ExportExpect;

ExportExpect *export_expect_new  (void);
void          export_expect_free (ExportExpect *e);

/* Reads the Verification sheet's period (needed before the journal to
 * sum the funds at its ends); the sheet's other cells are checked by
 * export_expect_check_sheets(). */
gboolean export_expect_read_period (ExportExpect      *e,
                                    ExportXlsxReader  *reader,
                                    GError           **error);

/* One Journal row whose leaf (@leaf, decoded from its columns) has been
 * checked against its hash: compares columns B … I with the leaf and
 * keeps what the other sheets need. */
gboolean export_expect_journal_row (ExportExpect          *e,
                                    const char            *sheet,
                                    guint32                row,
                                    const ExportXlsxCell  *cells,
                                    guint                  n_cells,
                                    const char            *leaf,
                                    GError               **error);

/* A Journal sheet's header row (row 1). */
gboolean export_expect_journal_header (const char            *sheet,
                                       const ExportXlsxCell  *cells,
                                       guint                  n_cells,
                                       GError               **error);

/* A Journal sheet has been read whole; @last_row its last row, 1-based. */
void     export_expect_journal_sheet_done (ExportExpect *e,
                                           const char   *sheet,
                                           guint32       last_row);

/* Every other sheet against what the journal gave, in the order their
 * figures depend on each other; @head is the fingerprint recomputed. */
gboolean export_expect_check_sheets (ExportExpect          *e,
                                     ExportXlsxReader      *reader,
                                     const LedgerTreeHead  *head,
                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportExpect, export_expect_free)

G_END_DECLS

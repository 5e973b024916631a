/* cl-notices-page.h — the notice for the board: preview, publish, print,
 * and the auditor's workbook */
#pragma once

#include "cl-page.h"
#include "cl-print-preview.h"

G_BEGIN_DECLS

#define CL_TYPE_NOTICES_PAGE (cl_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (ClNoticesPage, cl_notices_page, CL, NOTICES_PAGE, ClPage)

/* Chooses the period ("2026", "2026-Q1", "2026-03") as the period
 * controls would, and redraws the preview. Text that is not a period is
 * shown as a problem in place of the preview. */
void     cl_notices_page_set_period (ClNoticesPage *self,
                                     const char    *period);

/* Publishes the chosen period's notice as the Publish… button does once a
 * file is chosen: @pdf_path, with the PNG and HTML beside it (same base
 * name), recorded in the book; then a toast. */
gboolean cl_notices_page_publish_to (ClNoticesPage  *self,
                                     const char     *pdf_path,
                                     GError        **error);

/* Prints the notice to a PDF through the same GtkPrintOperation as the
 * Print… button (its "export" action, no dialog). Records nothing. */
gboolean cl_notices_page_print_to_pdf (ClNoticesPage  *self,
                                       const char     *pdf_path,
                                       GError        **error);

/* Shows the print preview of the chosen period's notice (Print Preview…,
 * Ctrl+P), on the page shown here. Returns the window (owned by GTK), or
 * NULL when there is no notice to show (the error is shown in a dialog). */
ClPrintPreview *cl_notices_page_print_preview (ClNoticesPage *self);

/* Starts writing the auditor's workbook for the chosen period to @path in
 * a worker thread, as the Export Workbook… button does once a file is
 * chosen. ClNoticesPage::export-done tells when it has finished. */
void     cl_notices_page_export_xlsx_to (ClNoticesPage *self,
                                         const char    *path);

G_END_DECLS

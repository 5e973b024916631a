/* cl-notices-page-private.h — what only the GUI tests (tests/gui/) and
 * tools call of ClNoticesPage: the actions a user takes with the mouse,
 * made callable without a dialog, and what a test reads back. The app
 * itself uses cl-notices-page.h only. */
#pragma once

#include "cl-notices-page.h"

G_BEGIN_DECLS

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

/* Starts writing the auditor's workbook for the chosen period to @path in
 * a worker thread, as the Export Workbook… button does once a file is
 * chosen. ClNoticesPage::export-done tells when it has finished. */
void     cl_notices_page_export_xlsx_to (ClNoticesPage *self,
                                         const char    *path);

G_END_DECLS

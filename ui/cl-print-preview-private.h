/* cl-print-preview-private.h — what only the GUI tests (tests/gui/) and
 * tools call of ClPrintPreview: the actions a user takes with the mouse,
 * made callable without a dialog, and what a test reads back. The app
 * itself uses cl-print-preview.h only. */
#pragma once

#include "cl-print-preview.h"

G_BEGIN_DECLS

int                cl_print_preview_get_n_pages (ClPrintPreview *self);

/* The page shown, from 1. */
int                cl_print_preview_get_page (ClPrintPreview *self);

/* TRUE: the page fits the window; FALSE: actual size (1 point = 4/3 px). */
void               cl_print_preview_set_fit (ClPrintPreview *self,
                                             gboolean        fit);

/* The print job Print… runs: the document's pages, paper and job name,
 * drawn by the preview's draw function; its Preview button shows this
 * window (GtkPrintOperation::preview). Not yet run. */
GtkPrintOperation *cl_print_preview_create_operation (ClPrintPreview *self);

/* Whether the print dialog's answer @settings may be printed: its "Print
 * to File" output (GTK_PRINT_SETTINGS_OUTPUT_URI, a file: URI) must not
 * name the book, its SQLite files, a backup or an attachment
 * (ledger_book_check_outputs(); LEDGER_ERROR_INVALID_INPUT). Print…
 * cancels the job when it fails. */
gboolean           cl_print_preview_check_print_settings (ClPrintPreview    *self,
                                                          GtkPrintSettings  *settings,
                                                          GError           **error);

G_END_DECLS

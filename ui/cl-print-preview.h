/* cl-print-preview.h — pages as they will print, before they are printed
 *
 * A window that shows a document's pages drawn by the same function the
 * print job and the PDF use (exports/), at screen scale: page by page,
 * fitted to the window or at actual size, with Print… (GtkPrintOperation
 * and the system print dialog) and Save as PDF…. Receipts and notices use
 * it; the print dialog's own Preview button shows it too.
 */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_PRINT_PREVIEW (cl_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (ClPrintPreview, cl_print_preview, CL, PRINT_PREVIEW, AdwWindow)

void               cl_print_preview_set_page (ClPrintPreview *self,
                                              int             page);

/* Save as PDF… once the path is known. */
gboolean           cl_print_preview_save_pdf (ClPrintPreview  *self,
                                              const char      *path,
                                              GError         **error);

/* The preview of receipt @number (A5, or A4 when it does not fit), drawn
 * by export_receipt_pages_draw(); Save as PDF… writes export_receipt()'s
 * PDF. Its title is "Receipt NUMBER". NULL with @error when the receipt
 * cannot be read. */
ClPrintPreview    *cl_print_preview_new_for_receipt (GtkWindow   *parent,
                                                     LedgerBook  *book,
                                                     const char  *number,
                                                     GError     **error);

/* The preview of @period's notice on A4, drawn by export_notice_pages_draw();
 * nothing is published or recorded (Save as PDF… prints to a PDF). */
ClPrintPreview    *cl_print_preview_new_for_notice (GtkWindow           *parent,
                                                    LedgerBook          *book,
                                                    const LedgerPeriod  *period,
                                                    GError             **error);

G_END_DECLS

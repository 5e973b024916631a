/* export-notice.h — the notice for the board (A4 PDF/PNG), its QR code,
 * the phone page (HTML), and receipts. cairo + pango + libqrencode. */
#pragma once

#include <cairo.h>

#include "ledger.h"

G_BEGIN_DECLS

/**
 * export_notice:
 * @png_path, @html_path: (nullable): also write these
 * @out_qr_payload: (out) (optional): the exact bytes in the QR code
 *
 * Renders the period's notice (公示) and records the publication in the
 * book (period, fingerprint, the files' SHA-256), which marks the covered
 * expenditures as announced. Files are written to temporary names and
 * renamed into place.
 */
gboolean export_notice (LedgerBook          *book,
                        const LedgerPeriod  *period,
                        const char          *pdf_path,
                        const char          *png_path,
                        const char          *html_path,
                        char               **out_qr_payload,
                        GError             **error);

/* Renders receipt @number (a voided one prints as void) to a PDF. */
gboolean export_receipt (LedgerBook  *book,
                         const char  *number,
                         const char  *pdf_path,
                         char       **out_qr_payload,
                         GError     **error);

/* ------------------------------------------------------------------ */
/* A receipt on screen and on a printer (export-receipt.c): drawn by the
 * same routine as export_receipt()'s PDF, with nothing written. */

typedef struct _ExportReceiptPages ExportReceiptPages;

/**
 * export_receipt_pages_new:
 *
 * Reads receipt @number from @book (a voided one draws as void), encodes
 * its QR code and chooses its paper: A5, or A4 when it does not fit.
 *
 * |[
 * g_autoptr(ExportReceiptPages) pages = export_receipt_pages_new (book, "2026-000001", &error);
 * export_receipt_pages_draw (pages, printer_cr, 1);
 * ]|
 */
ExportReceiptPages *export_receipt_pages_new (LedgerBook  *book,
                                              const char  *number,
                                              GError     **error);
void                export_receipt_pages_free (ExportReceiptPages *pages);
/* Always 1: a receipt is one sheet. */
int                 export_receipt_pages_get_n_pages (const ExportReceiptPages *pages);
/* The paper in points (EXPORT A5 419.5 × 595.3, or A4). */
void                export_receipt_pages_get_size (const ExportReceiptPages *pages,
                                                   double                   *out_width,
                                                   double                   *out_height);
const char         *export_receipt_pages_get_number (const ExportReceiptPages *pages);
/* Draws page @page (from 1) onto @cr in points, the paper's top left
 * corner at the origin: exactly what export_receipt() puts in its PDF. */
void                export_receipt_pages_draw (const ExportReceiptPages *pages,
                                               cairo_t                  *cr,
                                               int                       page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportReceiptPages, export_receipt_pages_free)

/* ------------------------------------------------------------------ */
/* The notice on screen and on a printer (export-notice-page.c): the same
 * pages as the PDF, drawn one at a time, with nothing written or recorded. */

/* A notice gathered once and laid out, ready to draw page by page: what
 * the window's preview keeps and what a print job draws from. */
typedef struct _ExportNoticePages ExportNoticePages;

/* Gathers @period's notice from @book (one read) and lays it out. */
ExportNoticePages *export_notice_pages_new (LedgerBook          *book,
                                            const LedgerPeriod  *period,
                                            GError             **error);
void               export_notice_pages_free (ExportNoticePages *pages);
int                export_notice_pages_get_n_pages (const ExportNoticePages *pages);
/* The paper in points: A4, 595.3 × 841.9. */
void               export_notice_pages_get_size (const ExportNoticePages *pages,
                                                 double                  *out_width,
                                                 double                  *out_height);
/* Draws page @page (from 1) onto @cr in points, as export_notice_draw_page(). */
void               export_notice_pages_draw (const ExportNoticePages *pages,
                                             cairo_t                 *cr,
                                             int                      page);
/* Page @page (from 1) as a new CAIRO_FORMAT_ARGB32 image on white, @scale
 * pixels per point; LEDGER_ERROR_INVALID_INPUT for a page that is not there. */
cairo_surface_t   *export_notice_pages_render (const ExportNoticePages  *pages,
                                               int                       page,
                                               double                    scale,
                                               GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportNoticePages, export_notice_pages_free)

G_END_DECLS

/* export-notice.h — the notice for the board (A4 PDF/PNG), its QR code,
 * the phone page (HTML), and receipts. cairo + pango + libqrencode. */
#pragma once

#include <cairo.h>

#include "ledger.h"

G_BEGIN_DECLS

/**
 * export_notice:
 * @book: an open book, not inside a write
 * @period: the period the notice covers
 * @pdf_path: where the notice goes (A4 PDF)
 * @png_path: (nullable): also write the first page as a PNG here
 * @html_path: (nullable): also write the phone page (one self-contained
 *   HTML file) here
 * @out_qr_payload: (out) (optional) (transfer full): the exact text in the
 *   notice's QR code
 * @error: return location for an error
 *
 * Renders the period's notice (公示) and records the publication in the
 * book (period, fingerprint, the files' SHA-256), which marks the covered
 * expenditures as announced. Every file is drawn in memory, written to a
 * temporary name in its folder and renamed into place; the record is made
 * after the renames, and when it fails the files are taken back and any
 * they replaced put back: either the notice is published and recorded, or
 * nothing changes.
 *
 * Returns: TRUE when the files are in place and the publication recorded;
 *   FALSE with @error set: LEDGER_ERROR_INVALID_INPUT for an output path
 *   that names the book, its files or another output
 *   (ledger_book_check_outputs()), LEDGER_ERROR_VERIFY for a gap in the
 *   fingerprint's cached tree (ledger_notice_gather()),
 *   LEDGER_ERROR_CONFLICT when the book changed while the notice was
 *   drawn (ledger_notice_record()), LEDGER_ERROR_IO when a file cannot be
 *   drawn or written, or a storage or journal error
 */
gboolean export_notice (LedgerBook          *book,
                        const LedgerPeriod  *period,
                        const char          *pdf_path,
                        const char          *png_path,
                        const char          *html_path,
                        char               **out_qr_payload,
                        GError             **error);

/**
 * export_receipt:
 * @book: an open book
 * @number: the receipt's number, "YYYY-NNNNNN"
 * @pdf_path: where the receipt goes
 * @out_qr_payload: (out) (optional) (transfer full): the exact text in the
 *   receipt's QR code (the receipt and its proof of inclusion)
 * @error: return location for an error
 *
 * Renders receipt @number (a voided one prints as void) to a PDF of one
 * page, A5 or A4 when it does not fit (export_receipt_pages_draw()),
 * written to a temporary name in @pdf_path's folder and renamed into
 * place. Nothing is recorded in the book.
 *
 * Returns: TRUE when the PDF is in place; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed number or for a @pdf_path
 *   that names the book or its files (ledger_book_check_outputs()),
 *   LEDGER_ERROR_NOT_FOUND for a receipt the book does not have,
 *   LEDGER_ERROR_VERIFY for a gap in the fingerprint's cached tree,
 *   LEDGER_ERROR_IO when the PDF cannot be drawn or written, or a storage
 *   error
 */
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
 * @book: an open book
 * @number: the receipt's number, "YYYY-NNNNNN"
 * @error: return location for an error
 *
 * Reads receipt @number from @book (a voided one draws as void), encodes
 * its QR code and chooses its paper: A5, or A4 when it does not fit.
 * Nothing is written or recorded.
 *
 * |[
 * g_autoptr(ExportReceiptPages) pages = export_receipt_pages_new (book, "2026-000001", &error);
 * export_receipt_pages_draw (pages, printer_cr, 1);
 * ]|
 *
 * Returns: (transfer full): the receipt, ready to draw (free with
 *   export_receipt_pages_free()), or NULL with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed number,
 *   LEDGER_ERROR_NOT_FOUND for a receipt the book does not have,
 *   LEDGER_ERROR_VERIFY for a gap in the fingerprint's cached tree, or a
 *   storage error
 */
ExportReceiptPages *export_receipt_pages_new (LedgerBook  *book,
                                              const char  *number,
                                              GError     **error);

/**
 * export_receipt_pages_free:
 * @pages: (nullable) (transfer full): what export_receipt_pages_new() made
 *
 * Frees @pages.
 */
void                export_receipt_pages_free (ExportReceiptPages *pages);

/**
 * export_receipt_pages_get_n_pages:
 * @pages: a receipt's pages
 *
 * Returns: 1: a receipt is one sheet
 */
int                 export_receipt_pages_get_n_pages (const ExportReceiptPages *pages);

/**
 * export_receipt_pages_get_size:
 * @pages: a receipt's pages
 * @out_width: (out) (optional): the paper's width in points
 * @out_height: (out) (optional): the paper's height in points
 *
 * The paper the receipt was laid out for: A5, 419.5 × 595.3, or A4,
 * 595.3 × 841.9, when it does not fit on A5.
 */
void                export_receipt_pages_get_size (const ExportReceiptPages *pages,
                                                   double                   *out_width,
                                                   double                   *out_height);

/**
 * export_receipt_pages_get_number:
 * @pages: a receipt's pages
 *
 * Returns: (transfer none): the receipt's number, "YYYY-NNNNNN", owned by
 *   @pages
 */
const char         *export_receipt_pages_get_number (const ExportReceiptPages *pages);

/**
 * export_receipt_pages_draw:
 * @pages: a receipt's pages
 * @cr: where to draw, in points, the paper's top left corner at the
 *   origin; its state is as it was afterwards
 * @page: the page, from 1: only 1
 *
 * Draws the receipt onto @cr: exactly what export_receipt() puts in its
 * PDF, for the window's preview and a printer's page.
 */
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

/**
 * export_notice_pages_new:
 * @book: an open book
 * @period: the period the notice covers
 * @error: return location for an error
 *
 * Gathers @period's notice from @book (one read, ledger_notice_gather()),
 * encodes its QR code and lays it out in pages. Nothing is written or
 * recorded: only export_notice() publishes.
 *
 * Returns: (transfer full): the notice, ready to draw (free with
 *   export_notice_pages_free()), or NULL with @error set:
 *   LEDGER_ERROR_VERIFY for a gap in the fingerprint's cached tree, or a
 *   storage error
 */
ExportNoticePages *export_notice_pages_new (LedgerBook          *book,
                                            const LedgerPeriod  *period,
                                            GError             **error);

/**
 * export_notice_pages_free:
 * @pages: (nullable) (transfer full): what export_notice_pages_new() made
 *
 * Frees @pages and the notice gathered for it.
 */
void               export_notice_pages_free (ExportNoticePages *pages);

/**
 * export_notice_pages_get_n_pages:
 * @pages: a notice's pages
 *
 * Returns: how many pages the notice has, at least 1
 */
int                export_notice_pages_get_n_pages (const ExportNoticePages *pages);

/**
 * export_notice_pages_get_size:
 * @pages: a notice's pages
 * @out_width: (out) (optional): the paper's width in points
 * @out_height: (out) (optional): the paper's height in points
 *
 * The paper the notice is laid out for: A4, 595.3 × 841.9, every page.
 */
void               export_notice_pages_get_size (const ExportNoticePages *pages,
                                                 double                  *out_width,
                                                 double                  *out_height);

/**
 * export_notice_pages_draw:
 * @pages: a notice's pages
 * @cr: where to draw, in points, the paper's top left corner at the origin
 * @page: the page, from 1 to export_notice_pages_get_n_pages()
 *
 * Draws page @page onto @cr (a printer's, say) by the routine that draws
 * the published PDF (export_notice_draw_page()).
 */
void               export_notice_pages_draw (const ExportNoticePages *pages,
                                             cairo_t                 *cr,
                                             int                      page);

/**
 * export_notice_pages_render:
 * @pages: a notice's pages
 * @page: the page, from 1
 * @scale: pixels per point, more than 0 and at most 8
 * @error: return location for an error
 *
 * Draws page @page as export_notice_pages_draw() does into a new image:
 * the window's live preview.
 *
 * Returns: (transfer full): a new CAIRO_FORMAT_ARGB32 image of the page on
 *   white (free with cairo_surface_destroy()), or NULL with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a page that is not there,
 *   LEDGER_ERROR_IO when cairo cannot draw it
 */
cairo_surface_t   *export_notice_pages_render (const ExportNoticePages  *pages,
                                               int                       page,
                                               double                    scale,
                                               GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportNoticePages, export_notice_pages_free)

/* Checking a receipt from its QR code alone (export-receipt-check.c) */

typedef struct
{
  char           *number;   /* "2026-000123" */
  char           *unit;
  gint64          amount;   /* fen */
  gboolean        voided;   /* the receipt says it was voided */
  gint64          entry;    /* the payment's journal entry, 1-based */
  LedgerTreeHead  head;     /* the fingerprint it is proven against */
} ExportReceiptProof;

/**
 * export_receipt_check:
 * @payload: the text of a receipt's QR code, as a phone's scanner gives it
 *   (a final line break and CR LF line ends are accepted)
 * @out_proof: (out caller-allocates) (optional): what was proven; clear
 *   it with export_receipt_proof_clear()
 * @error: return location for an error
 *
 * Rebuilds the canonical leaf of the receipt's payment entry from the
 * fields of @payload alone (docs/leaf-format.md, "Receipts: rebuilding the
 * leaf from the QR"), hashes it, and walks the printed audit path to the
 * printed fingerprint's root. No book is read: a resident can check a
 * receipt without one, and then compare the fingerprint with a published
 * notice (or `proof consistency`).
 *
 * Returns: TRUE when the receipt's fields are the leaf of entry N of the
 *   tree with that fingerprint; FALSE with LEDGER_ERROR_VERIFY saying what
 *   does not hold: text that is not a receipt's QR code, a field out of
 *   form, items that do not add up to the total, a rebuilt leaf hash other
 *   than the printed one, or a path that does not lead to the root
 */
gboolean export_receipt_check (const char          *payload,
                               ExportReceiptProof  *out_proof,
                               GError             **error);

/**
 * export_receipt_check_file:
 * @path: a file holding the text of a receipt's QR code (any name)
 * @out_proof: (out caller-allocates) (optional): as for
 *   export_receipt_check()
 * @error: return location for an error
 *
 * export_receipt_check() of the file's text. A file that cannot be read,
 * or is not a regular file, is LEDGER_ERROR_IO; one longer than a QR code
 * holds, or not UTF-8 text, LEDGER_ERROR_VERIFY. Messages quote @path
 * with ledger_quote_path().
 *
 * Returns: as export_receipt_check()
 */
gboolean export_receipt_check_file (const char          *path,
                                    ExportReceiptProof  *out_proof,
                                    GError             **error);

/**
 * export_receipt_proof_clear:
 * @proof: what export_receipt_check() filled in
 *
 * Frees its strings.
 */
void     export_receipt_proof_clear (ExportReceiptProof *proof);

G_END_DECLS

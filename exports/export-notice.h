/* export-notice.h — the notice for the board (A4 PDF/PNG), its QR code,
 * the phone page (HTML), and receipts. cairo + pango + libqrencode. */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

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

G_END_DECLS

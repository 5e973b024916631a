/* export-qr-private.h — QR codes (libqrencode) drawn with cairo or as SVG
 *
 * Every code is UTF-8 text in 8-bit mode at error correction level M, as
 * phones' scanners (WeChat's included) show it as is. A code is drawn with
 * its quiet zone of four white modules on every side.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define EXPORT_QR_QUIET_ZONE 4

typedef struct _ExportQr ExportQr;

/* Encodes @payload; LEDGER_ERROR_INVALID_INPUT when it is empty or too
 * long for any QR version. */
ExportQr *export_qr_new (const char  *payload,
                         GError     **error);
void      export_qr_free (ExportQr *qr);

/* The QR version (1–40) libqrencode chose. */
int export_qr_get_version (const ExportQr *qr);
/* Modules per side, without the quiet zone. */
int export_qr_get_width (const ExportQr *qr);
/* Modules per side, with the quiet zone. */
int export_qr_get_span (const ExportQr *qr);
/* Whether module (@x, @y) is dark. */
gboolean export_qr_is_dark (const ExportQr *qr,
                            int             x,
                            int             y);

/* Draws the code with its quiet zone on white, top left corner at (@x, @y),
 * each module @module user units wide: span × module in all. */
void export_qr_draw (const ExportQr *qr,
                     cairo_t        *cr,
                     double          x,
                     double          y,
                     double          module);

/* The code as a standalone <svg> element (viewBox in modules, quiet zone
 * included, one path) that scales to its container. */
char *export_qr_svg (const ExportQr *qr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportQr, export_qr_free)

G_END_DECLS

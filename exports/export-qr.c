/* export-qr.c — QR codes: libqrencode for the modules, cairo or SVG for
 * the drawing */
#define G_LOG_DOMAIN "exports"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <string.h>

#include "export-qr-private.h"
#include "ledger.h"

struct _ExportQr
{
  QRcode *code;
};

/* Encodes the payload as it is: 8-bit mode, level M. */
ExportQr *
export_qr_new (const char  *payload,
               GError     **error)
{
  g_autoptr(ExportQr) qr = g_new0 (ExportQr, 1);

  g_return_val_if_fail (payload != NULL, NULL);

  if (*payload == '\0')
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("QR code: nothing to encode"));
      return NULL;
    }
  /* Version 0: the smallest that fits; 8-bit mode keeps the UTF-8 bytes
   * exactly; case-sensitive. */
  qr->code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr->code == NULL)
    {
      int saved = errno;

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   saved == ERANGE ? _("QR code: %zu bytes are too many for one code")
                                   : _("QR code: %zu bytes could not be encoded"),
                   strlen (payload));
      return NULL;
    }
  return g_steal_pointer (&qr);
}

/* Frees the code and its modules. */
void
export_qr_free (ExportQr *qr)
{
  if (qr == NULL)
    return;
  g_clear_pointer (&qr->code, QRcode_free);
  g_free (qr);
}

/* For tests and reports: how dense the code came out. */
int
export_qr_get_version (const ExportQr *qr)
{
  return qr->code->version;
}

/* Modules per side as libqrencode made them. */
int
export_qr_get_width (const ExportQr *qr)
{
  return qr->code->width;
}

/* What the drawing takes: the code and its quiet zone. */
int
export_qr_get_span (const ExportQr *qr)
{
  return qr->code->width + 2 * EXPORT_QR_QUIET_ZONE;
}

/* Modules outside the code (the quiet zone) are light. */
gboolean
export_qr_is_dark (const ExportQr *qr,
                   int             x,
                   int             y)
{
  int w = qr->code->width;

  if (x < 0 || y < 0 || x >= w || y >= w)
    return FALSE;
  /* The lowest bit of each byte is the module's colour. */
  return (qr->code->data[y * w + x] & 1) != 0;
}

/* Length of the run of dark modules in row @y from column @x. */
static int
dark_run (const ExportQr *qr,
          int             x,
          int             y)
{
  int n = 0;

  while (export_qr_is_dark (qr, x + n, y))
    n++;
  return n;
}

/* Draws onto any cairo surface: PDF for print, image for PNG. */
void
export_qr_draw (const ExportQr *qr,
                cairo_t        *cr,
                double          x,
                double          y,
                double          module)
{
  int w = qr->code->width;
  double span = export_qr_get_span (qr) * module;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, span, span);
  cairo_fill (cr);

  /* One path of horizontal runs, filled once: neighbouring modules merge
   * without the hairline seams separate fills would leave. */
  cairo_new_path (cr);
  for (int row = 0; row < w; row++)
    for (int col = 0; col < w;)
      {
        int run = dark_run (qr, col, row);

        if (run == 0)
          {
            col++;
            continue;
          }
        cairo_rectangle (cr, x + (col + EXPORT_QR_QUIET_ZONE) * module,
                         y + (row + EXPORT_QR_QUIET_ZONE) * module, run * module, module);
        col += run;
      }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* For the phone page: vector, so it stays sharp at any zoom. */
char *
export_qr_svg (const ExportQr *qr)
{
  GString *svg = g_string_new (NULL);
  int w = qr->code->width;
  int span = export_qr_get_span (qr);

  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                          " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\">"
                          "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
                          span, span, span, span);
  for (int row = 0; row < w; row++)
    for (int col = 0; col < w;)
      {
        int run = dark_run (qr, col, row);

        if (run == 0)
          {
            col++;
            continue;
          }
        g_string_append_printf (svg, "M%d %dh%dv1h-%dz", col + EXPORT_QR_QUIET_ZONE,
                                row + EXPORT_QR_QUIET_ZONE, run, run);
        col += run;
      }
  g_string_append (svg, "\"/></svg>");
  return g_string_free (svg, FALSE);
}

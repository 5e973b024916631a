/* export-notice-page.c — the notice one page at a time: for the window's
 * live preview and for printing
 *
 * The pages come from export_notice_draw_page(), the routine that draws
 * the published PDF, so what the treasurer sees and prints is what
 * export_notice() publishes. Nothing here writes a file or records
 * anything in the book: only export_notice() publishes.
 */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "export-notice-private.h"
#include "export-notice.h"

struct _ExportNoticePages
{
  LedgerNoticeData *data;
  ExportQr         *qr;
  int               n_pages;
};

/* Gathers the notice, encodes its QR code and counts its pages. */
ExportNoticePages *
export_notice_pages_new (LedgerBook          *book,
                         const LedgerPeriod  *period,
                         GError             **error)
{
  g_autoptr(LedgerNoticeData) data = NULL;
  g_autoptr(ExportQr) qr = NULL;
  g_autofree char *payload = NULL;
  ExportNoticePages *pages;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  data = ledger_notice_gather (book, period, error);
  if (data == NULL)
    return NULL;
  payload = export_notice_qr_payload (data);
  qr = export_qr_new (payload, error);
  if (qr == NULL)
    return NULL;
  pages = g_new0 (ExportNoticePages, 1);
  pages->n_pages = export_notice_draw_page (data, qr, NULL, 0);
  pages->data = g_steal_pointer (&data);
  pages->qr = g_steal_pointer (&qr);
  return pages;
}

/* Frees the gathered notice. */
void
export_notice_pages_free (ExportNoticePages *pages)
{
  if (pages == NULL)
    return;
  ledger_notice_data_free (pages->data);
  export_qr_free (pages->qr);
  g_free (pages);
}

/* How many pages the notice has (at least one). */
int
export_notice_pages_get_n_pages (const ExportNoticePages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->n_pages;
}

/* A4: the notice is laid out for it. */
void
export_notice_pages_get_size (const ExportNoticePages *pages,
                              double                  *out_width,
                              double                  *out_height)
{
  g_return_if_fail (pages != NULL);
  if (out_width != NULL)
    *out_width = EXPORT_A4_WIDTH;
  if (out_height != NULL)
    *out_height = EXPORT_A4_HEIGHT;
}

/* One page onto the caller's context (a printer's, say), in points. */
void
export_notice_pages_draw (const ExportNoticePages *pages,
                          cairo_t                 *cr,
                          int                      page)
{
  g_return_if_fail (pages != NULL && cr != NULL);
  g_return_if_fail (page >= 1 && page <= pages->n_pages);

  export_notice_draw_page (pages->data, pages->qr, cr, page);
}

/* One page as an image on white, @scale pixels per point. */
cairo_surface_t *
export_notice_pages_render (const ExportNoticePages  *pages,
                            int                       page,
                            double                    scale,
                            GError                  **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (pages != NULL, NULL);
  g_return_val_if_fail (scale > 0 && scale <= 8, NULL);

  if (page < 1 || page > pages->n_pages)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE, "The notice has %d page: there is no page %d",
                                "The notice has %d pages: there is no page %d", pages->n_pages),
                   pages->n_pages, page);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (EXPORT_A4_WIDTH * scale),
                                        (int) ceil (EXPORT_A4_HEIGHT * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  export_notice_draw_page (pages->data, pages->qr, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not draw the notice: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return surface;
}

/* Gathers, lays out and draws one page: the whole preview in one call. */
cairo_surface_t *
export_notice_render_page (LedgerBook          *book,
                           const LedgerPeriod  *period,
                           int                  page,
                           double               scale,
                           int                 *out_n_pages,
                           GError             **error)
{
  g_autoptr(ExportNoticePages) pages = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  pages = export_notice_pages_new (book, period, error);
  if (pages == NULL)
    return NULL;
  if (out_n_pages != NULL)
    *out_n_pages = pages->n_pages;
  return export_notice_pages_render (pages, page, scale, error);
}

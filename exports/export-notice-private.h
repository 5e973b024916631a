/* export-notice-private.h — what the notice, the receipt and the phone
 * page share: Chinese wording, text layout with pango, the QR payload and
 * files written under a temporary name and renamed into place.
 *
 * Only the files of exports/ include this, and the tests (the test hooks
 * at the end).
 */
#pragma once

#include <sys/types.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "export-notice.h"
#include "export-qr-private.h"
#include "ledger.h"

G_BEGIN_DECLS

/* The one font of every printed page: it embeds cleanly in PDFs. */
#define EXPORT_FONT_FAMILY "WenQuanYi Micro Hei"

/* Pages in points (1/72 inch). */
#define EXPORT_A4_WIDTH  595.276
#define EXPORT_A4_HEIGHT 841.890
#define EXPORT_A5_WIDTH  419.528
#define EXPORT_A5_HEIGHT 595.276

/* The resolution printed QR codes must survive (pdftoppm -r 150), and the
 * size of one device pixel there in points. */
#define EXPORT_PRINT_DPI 150
#define EXPORT_PRINT_PIXEL (72.0 / EXPORT_PRINT_DPI)

/* ------------------------------------------------------------------ */
/* Wording (export-text.c) */

/* "2026年度", "2026年第一季度", "2026年3月" */
char       *export_period_chinese (const LedgerPeriod *period);
char       *export_period_name_chinese (const char *name);
/* "2026年4月1日" for "2026-04-01" */
char       *export_date_chinese (const char *iso);
/* When the notice replaces one of the same period published before: the
 * sentence that says so, with that notice's day, closing and fingerprint
 * and what the entries recorded since add up to; NULL otherwise. The same
 * words on paper and on the phone. */
char       *export_revision_text (const LedgerNoticeData *data);
/* Under the title of such a notice: "更正版：替代2026年4月2日发布的本期公示"; NULL otherwise */
char       *export_revision_mark (const LedgerNoticeData *data);
/* The name of an income line in Chinese: the fee's own name, or 预交款 */
const char *export_income_name (const LedgerReportLine *line);
/* The name of an expense line in Chinese: the category's, or 银行手续费 */
const char *export_expense_name (const LedgerReportLine *line);
/* An account as the notice names it (银行存款（工商银行）, 备用金（王*）) */
char       *export_account_name (const LedgerNoticeData *data,
                                 const char             *code);
/* A fund's Chinese name by its LedgerFund (日常经费, 维修资金, 公共收益) */
const char *export_fund_chinese (int fund);
/* The line of an income other than fees: category, voucher, account,
 * fund, memo ("租金（S2026-0002，存入银行存款，计入公共收益）：…") */
char       *export_other_income_text (const LedgerNoticeData   *data,
                                      const LedgerNoticeIncome *income);
/* The line of a refund: the account it was paid from, the reason */
char       *export_refund_text (const LedgerNoticeData   *data,
                                const LedgerNoticeRefund *refund);
/* The line of a transfer: from → to, the bank's charge, the memo */
char       *export_transfer_text (const LedgerNoticeData     *data,
                                  const LedgerNoticeTransfer *transfer);
/* What a journal entry of @kind is, in Chinese (收费, 支出, 退款 …),
 * for the late entries and corrections a notice lists */
const char *export_entry_kind_chinese (const char *kind);
/* "75.00%" for the part of the whole, rounded down */
char       *export_ratio_text (gint64 part,
                               gint64 whole);
/* "expenditure purpose": the category in Chinese, the memo, the vote */
char       *export_expenditure_purpose (gint64      vote_id,
                                        gboolean    from_maintenance_fund,
                                        const char *category,
                                        const char *memo);

/* The lines that report vote @v: "第3号表决：TITLE", the matter, the four
 * ratios against their thresholds, the result. */
char      **export_vote_lines (const LedgerVote *v);

/* The exact text of the notice's QR code (UTF-8, no final line feed). */
char *export_notice_qr_payload (const LedgerNoticeData *data);

/* ------------------------------------------------------------------ */
/* Text on a page (export-text.c) */

/**
 * export_layout_new:
 * @width: wrap at this width in points; 0 for no wrapping
 *
 * A layout of @text in EXPORT_FONT_FAMILY at @size points. Metrics are
 * unhinted, so a page measures the same on a PDF and on an image surface.
 */
PangoLayout *export_layout_new (cairo_t        *cr,
                                const char     *text,
                                double          size,
                                double          width,
                                PangoAlignment  align);

/* The layout's height in points. */
double export_layout_height (PangoLayout *layout);

/* Draws @layout with its top left corner at (@x, @y) in the current colour. */
void export_layout_show (cairo_t     *cr,
                         PangoLayout *layout,
                         double       x,
                         double       y);

/* Rounds @value down to the device pixel grid of a 150 dpi print, so a
 * QR code's modules fall on whole pixels. */
double export_snap_to_print (double value);

/* ------------------------------------------------------------------ */
/* Files (export-text.c) */

/* A file written under a temporary name beside @path, to be renamed into
 * place or removed. */
typedef struct
{
  char    *path;
  char    *tmp_path;
  char    *old_path;    /* the file @path replaced, kept until export_stage_clear() */
  char    *name;        /* @path without its folder, as UTF-8 for the book */
  char     sha256[65];
  gboolean committed;
  dev_t    dev;         /* the temporary file's identity: export_stage_undo() */
  ino_t    ino;         /* takes back only this file, never one put there since */
} ExportStagedFile;

/* Writes @bytes to a new temporary file in @path's folder and hashes them. */
gboolean export_stage_file (ExportStagedFile  *file,
                            const char        *path,
                            GBytes            *bytes,
                            GError           **error);
/* Renames the temporary file into place; a file already there is moved
 * aside (not deleted) until export_stage_clear(), so that
 * export_stage_undo() can put it back. */
gboolean export_stage_commit (ExportStagedFile  *file,
                              GError           **error);
/* Takes a committed file out of place again and restores the one it
 * replaced: for a publication whose other files or record failed. */
void     export_stage_undo (ExportStagedFile *file);
/* Removes the temporary file and any replaced one, and frees @file's fields. */
void     export_stage_clear (ExportStagedFile *file);

/* ------------------------------------------------------------------ */
/* The phone page (export-html.c) */

/* The notice as one self-contained HTML page with @qr_payload drawn in it. */
GBytes *export_notice_html (const LedgerNoticeData  *data,
                            const char              *qr_payload,
                            GError                 **error);

/* ------------------------------------------------------------------ */
/* Drawing the notice (export-notice.c), for the PDF, the PNG and
 * export-notice-page.c */

/**
 * export_notice_draw_page:
 * @cr: (nullable): where to draw, in points, the page's top left corner at
 *   the origin; NULL only counts the pages
 * @page: from 1
 *
 * Draws page @page of the notice of @data, whose QR code is @qr, exactly
 * as export_notice() would put it in the PDF. Returns the number of pages.
 * (The one drawing routine, in export-notice.c.)
 */
int export_notice_draw_page (const LedgerNoticeData *data,
                             const ExportQr         *qr,
                             cairo_t                *cr,
                             int                     page);

/* ------------------------------------------------------------------ */
/* Test hooks (export-notice-page.c): used only by the tests */

/**
 * export_notice_render_page:
 * @page: from 1
 * @scale: pixels per point (1.0: 595 × 842 pixels for A4)
 * @out_n_pages: (out) (optional): how many pages the notice has
 *
 * A preview: page @page of @period's notice as a new CAIRO_FORMAT_ARGB32
 * image surface, the same page export_notice() would publish. Nothing is
 * written and nothing is recorded in @book.
 *
 * |[
 * int n_pages;
 * cairo_surface_t *image = export_notice_render_page (book, &period, 1, 2.0, &n_pages, &error);
 * ]|
 */
cairo_surface_t *export_notice_render_page (LedgerBook          *book,
                                            const LedgerPeriod  *period,
                                            int                  page,
                                            double               scale,
                                            int                 *out_n_pages,
                                            GError             **error);

G_END_DECLS

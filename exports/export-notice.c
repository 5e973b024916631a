/* export-notice.c — the notice for the board (公示): an A4 page or more in
 * Chinese, drawn once with cairo and pango onto a PDF and, for --png, onto
 * an image of the same pages; then recorded in the book.
 *
 * The drawing runs three times over the same code: a measuring pass finds
 * where pages break, and the PDF and image passes break exactly there, so
 * both show the same pages and "第2页 共3页" is right on each. A fourth
 * kind of pass draws a single page onto a caller's cairo context (the
 * window's preview, the printer) and records nothing.
 */
#define G_LOG_DOMAIN "exports"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "export-notice-private.h"
#include "ledger.h"
#include "export-notice.h"
#include "export-qr-private.h"

#define MARGIN       45.0
#define TOP          42.0
#define BOTTOM_SPACE 56.0   /* below the last line of content: the footer */
#define CONTENT_W    (EXPORT_A4_WIDTH - 2 * MARGIN)
#define BODY_SIZE    10.5
#define TABLE_SIZE   9.0
#define SMALL_SIZE   7.5
#define ROW_PAD      3.0
#define QR_BLOCK_W   170.0
#define SUMMARY_W    (CONTENT_W - QR_BLOCK_W - 20)
/* A module of the notice's QR code is 4 (or, for a long payload, 3)
 * device pixels of a 150 dpi print: sharp when scanned from a printout.
 * The side may reach 202 pt (a version-20 code with its quiet zone at 4
 * pixels a module): the code is centred on its block, so it then reaches
 * 16 pt into the gutter and the right margin, still clear of the summary
 * (which ends QR_BLOCK_W + 20 from the right edge). It was 176 pt: issue
 * 16's lines (期末基金, 期末欠费, 本期退款, 上期补记) with a publication URL
 * took an ordinary quarter's payload past it, to 3-pixel modules of 0.5 mm
 * that a phone's photo of the board (scaled, tilted, a little blurred,
 * JPEG) no longer decoded (tests/exports/test_outputs_agree.py). */
#define QR_MAX_SIDE  202.0

/* The columns of the tables: x offset and width in points. Every table
 * has five, placed alike; only the titles of the middle two differ. */
static const struct
{
  const char    *title;
  double         x;
  double         width;
  PangoAlignment align;
} columns[] = {
  { "序号",   0,   24,  PANGO_ALIGN_LEFT },
  { "日期",   26,  58,  PANGO_ALIGN_LEFT },
  { "收款方", 88,  128, PANGO_ALIGN_LEFT },
  { "用途",   222, 196, PANGO_ALIGN_LEFT },
  { "金额",   420, 85,  PANGO_ALIGN_RIGHT },
};

/* The titles of each table's columns (the expenditures' are columns[]'s). */
static const char *const expenditure_titles[] = { "序号", "日期", "收款方", "用途", "金额" };
static const char *const late_titles[] = { "序号", "日期", "类别", "收据号／凭证号", "金额" };
static const char *const correction_titles[] = { "序号", "日期", "类别及编号", "更正的期间", "金额" };
static const char *const income_titles[] = { "序号", "日期", "付款方", "类别、凭证号及说明", "金额" };
static const char *const refund_titles[] = { "序号", "日期", "凭证号", "退款说明", "金额" };
static const char *const transfer_titles[] = { "序号", "日期", "凭证号", "转出 → 转入", "金额" };

typedef enum
{
  PASS_MEASURE,
  PASS_PDF,
  PASS_IMAGE,
  PASS_PAGE,    /* one page (only_page) onto the caller's context */
} Pass;

typedef struct
{
  cairo_t                *cr;
  Pass                    pass;
  const LedgerNoticeData *data;
  const ExportQr         *qr;
  char                   *period;       /* "2026年第一季度" */
  char                   *fingerprint;  /* short form */
  GArray                 *breaks;       /* guint: the block each later page starts with */
  guint                   block;
  guint                   next_break;
  int                     page;
  int                     pages;
  int                     only_page;    /* PASS_PAGE: the page drawn */
  double                  y;
  double                  page_top;     /* where this page's content starts */
  guint                   section;      /* the numbered sections drawn so far */
  const char *const      *in_table;     /* the titles to repeat on a new page, or NULL */
} Notice;

/* Frees what the passes share. */
static void
notice_clear (Notice *n)
{
  g_clear_pointer (&n->period, g_free);
  g_clear_pointer (&n->fingerprint, g_free);
  g_clear_pointer (&n->breaks, g_array_unref);
}

/* Whether this pass draws at the current page: never while measuring,
 * and only on its page when drawing one page. */
static gboolean
notice_draws (const Notice *n)
{
  return n->pass != PASS_MEASURE && (n->pass != PASS_PAGE || n->page == n->only_page);
}

/* Lays out @text at @size in a box @width wide at (MARGIN + @x, y), draws
 * it unless measuring and returns its height. */
static double
notice_text_at (Notice         *n,
                const char     *text,
                double          size,
                double          x,
                double          y,
                double          width,
                PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = export_layout_new (n->cr, text, size, width, align);

  if (notice_draws (n))
    export_layout_show (n->cr, layout, MARGIN + x, y);
  return export_layout_height (layout);
}

/* The same at the current line, which then moves below the text. */
static void
notice_line (Notice         *n,
             const char     *text,
             double          size,
             PangoAlignment  align,
             double          space_after)
{
  n->y += notice_text_at (n, text, size, 0, n->y, CONTENT_W, align) + space_after;
}

/* A horizontal line at @y from @x, @length long (0: to the right margin). */
static void
notice_rule (Notice *n,
             double  y,
             double  grey,
             double  width,
             double  x,
             double  length)
{
  if (!notice_draws (n))
    return;
  cairo_save (n->cr);
  cairo_set_source_rgb (n->cr, grey, grey, grey);
  cairo_set_line_width (n->cr, width);
  cairo_move_to (n->cr, MARGIN + x, y);
  cairo_line_to (n->cr, MARGIN + (length > 0 ? x + length : CONTENT_W), y);
  cairo_stroke (n->cr);
  cairo_restore (n->cr);
}

/* ------------------------------------------------------------------ */
/* Pages */

/* The footer of every page: what it is, "第n页 共N页", the fingerprint. */
static void
draw_footer (Notice *n)
{
  double y = EXPORT_A4_HEIGHT - 36;
  g_autofree char *what = g_strdup_printf ("%s %s财务收支公示", n->data->community, n->period);
  g_autofree char *page = g_strdup_printf ("第%d页 共%d页", n->page, n->pages);
  g_autofree char *print = g_strdup_printf ("账本指纹 %s", n->fingerprint);

  notice_rule (n, y - 4, 0.6, 0.5, 0, 0);
  notice_text_at (n, what, SMALL_SIZE, 0, y, CONTENT_W / 3, PANGO_ALIGN_LEFT);
  notice_text_at (n, page, SMALL_SIZE, CONTENT_W / 3, y, CONTENT_W / 3, PANGO_ALIGN_CENTER);
  notice_text_at (n, print, SMALL_SIZE, 2 * CONTENT_W / 3, y, CONTENT_W / 3, PANGO_ALIGN_RIGHT);
}

/* The titles of the expenditure table, on its first page and on each
 * page it continues on. */
static void
draw_column_titles (Notice            *n,
                    const char *const *titles)
{
  double height = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    height = MAX (height, notice_text_at (n, titles[i], TABLE_SIZE, columns[i].x,
                                          n->y + ROW_PAD, columns[i].width, columns[i].align));
  n->y += height + 2 * ROW_PAD;
  notice_rule (n, n->y, 0.0, 0.8, 0, 0);
}

/* Moves to the top of the next page and draws its furniture. */
static void
notice_next_page (Notice *n)
{
  g_autofree char *title = NULL;

  if (n->pass == PASS_PDF)
    cairo_show_page (n->cr);
  else if (n->pass == PASS_IMAGE)
    {
      /* The image stacks the pages: move down one page. */
      cairo_translate (n->cr, 0, EXPORT_A4_HEIGHT);
      cairo_save (n->cr);
      cairo_set_source_rgb (n->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (n->cr, 1.0);
      cairo_move_to (n->cr, 0, 0.5);
      cairo_line_to (n->cr, EXPORT_A4_WIDTH, 0.5);
      cairo_stroke (n->cr);
      cairo_restore (n->cr);
    }
  n->page++;
  n->y = TOP;
  draw_footer (n);
  title = g_strdup_printf ("%s财务收支公示（%s）续", n->data->community, n->period);
  notice_line (n, title, BODY_SIZE, PANGO_ALIGN_LEFT, 8);
  if (n->in_table != NULL)
    draw_column_titles (n, n->in_table);
  n->page_top = n->y;
}

/* Makes room for the next block, @height tall: while measuring, a block
 * that does not fit starts a new page; the drawing passes break before
 * the same blocks. */
static void
notice_place (Notice *n,
              double  height)
{
  gboolean page_break;

  if (n->pass == PASS_MEASURE)
    {
      /* A block taller than a page starts at the top of one and runs over. */
      page_break = n->y + height > EXPORT_A4_HEIGHT - BOTTOM_SPACE && n->y > n->page_top;
      if (page_break)
        g_array_append_val (n->breaks, n->block);
    }
  else
    {
      page_break = n->next_break < n->breaks->len &&
                   g_array_index (n->breaks, guint, n->next_break) == n->block;
      if (page_break)
        n->next_break++;
    }
  n->block++;
  if (page_break)
    notice_next_page (n);
}

/* ------------------------------------------------------------------ */
/* Page one: title, figures, QR code */

/* The title, the community's address when it has one, and the period,
 * centred at the top of page one. */
static void
draw_title (Notice *n)
{
  const LedgerPeriod *p = &n->data->period;
  g_autofree char *title = g_strdup_printf ("%s财务收支公示", n->data->community);
  g_autofree char *first = export_date_chinese (p->first);
  g_autofree char *last = export_date_chinese (p->last);
  g_autofree char *when = g_strdup_printf ("公示期间：%s（%s至%s）", n->period, first, last);
  g_autofree char *revision = export_revision_mark (n->data);

  notice_line (n, title, 20, PANGO_ALIGN_CENTER, 6);
  if (n->data->address != NULL && *n->data->address != '\0')
    notice_line (n, n->data->address, BODY_SIZE, PANGO_ALIGN_CENTER, 4);
  notice_line (n, when, BODY_SIZE, PANGO_ALIGN_CENTER, revision != NULL ? 4 : 14);
  if (revision != NULL)
    notice_line (n, revision, BODY_SIZE, PANGO_ALIGN_CENTER, 14);
}

/* One line of the summary: label at @indent, amount at the right edge. */
static double
summary_line (Notice     *n,
              double      y,
              const char *label,
              gint64      amount,
              double      indent)
{
  g_autofree char *money = ledger_money_format (amount);
  double width = SUMMARY_W;
  double h = notice_text_at (n, label, BODY_SIZE, indent, y, width - 100 - indent, PANGO_ALIGN_LEFT);

  h = MAX (h, notice_text_at (n, money, BODY_SIZE, width - 100, y, 100, PANGO_ALIGN_RIGHT));
  return h + 4;
}

/* 一、收支概况: opening, income by item, expenditures by category, closing.
 * Returns the height used. */
static double
draw_summary (Notice *n,
              double  y0)
{
  const LedgerIncomeReport *r = n->data->report;
  double y = y0;

  n->section = 1;
  y += notice_text_at (n, "一、收支概况", 12, 0, y, 200, PANGO_ALIGN_LEFT) + 6;
  /* The opening is the closing the last notice printed; entries entered
   * for its days since are a line of their own (listed under 上期补记). */
  y += summary_line (n, y, "期初余额", n->data->carried, 0);
  if (n->data->late_entries->len > 0)
    y += summary_line (n, y, "上期补记", n->data->late_total, 0);
  y += summary_line (n, y, "本期收入", r->income_total, 0);
  for (guint i = 0; i < r->income->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (r->income, i);

      y += summary_line (n, y, export_income_name (line), line->amount, 16);
    }
  if (n->data->refunds->len > 0)
    y += summary_line (n, y, "本期退款", n->data->refund_total, 0);
  y += summary_line (n, y, "本期支出", r->expenditure_total, 0);
  for (guint i = 0; i < r->expenditures->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (r->expenditures, i);

      y += summary_line (n, y, export_expense_name (line), line->amount, 16);
    }
  notice_rule (n, y, 0.0, 0.8, 0, SUMMARY_W);
  y += 3;
  y += summary_line (n, y, "期末余额", r->closing, 0);
  return y - y0;
}

/* The side of one QR module: 4 print pixels, or 3 when that is too big. */
static double
qr_module (const ExportQr *qr)
{
  double module = 4 * EXPORT_PRINT_PIXEL;

  if (export_qr_get_span (qr) * module > QR_MAX_SIDE)
    module = 3 * EXPORT_PRINT_PIXEL;
  return module;
}

/* The QR code at the top right, with the fingerprint as text below it so
 * that a sticker over the code can be spotted. Returns the height used. */
static double
draw_qr_block (Notice *n,
               double  y0)
{
  double module = qr_module (n->qr);
  double side = export_qr_get_span (n->qr) * module;
  double x = export_snap_to_print (MARGIN + CONTENT_W - QR_BLOCK_W + (QR_BLOCK_W - side) / 2);
  double y = export_snap_to_print (y0);
  double bx = CONTENT_W - QR_BLOCK_W;
  g_autofree char *entries = g_strdup_printf ("共%" G_GUINT64_FORMAT "条记录", n->data->head.size);

  if (notice_draws (n))
    export_qr_draw (n->qr, n->cr, x, y, module);
  y += side + 2;
  y += notice_text_at (n, "账本指纹", SMALL_SIZE, bx, y, QR_BLOCK_W, PANGO_ALIGN_CENTER);
  y += notice_text_at (n, n->fingerprint, 12, bx, y, QR_BLOCK_W, PANGO_ALIGN_CENTER);
  y += notice_text_at (n, entries, SMALL_SIZE, bx, y, QR_BLOCK_W, PANGO_ALIGN_CENTER);
  y += notice_text_at (n, "扫码核对：扫出的金额与指纹应与本页印刷的一致。本码仅含公示数据。",
                       SMALL_SIZE, bx + 6, y + 2, QR_BLOCK_W - 12, PANGO_ALIGN_LEFT) + 2;
  return y - y0;
}

/* 收缴情况 and the full fingerprint, across the page. */
static void
draw_collection (Notice *n)
{
  const LedgerCollection *c = &n->data->collection;
  g_autofree char *due = ledger_money_format (c->due);
  g_autofree char *paid = ledger_money_format (c->paid);
  g_autofree char *rate = ledger_rate_format (c->rate_bp);
  g_autofree char *fingerprint = ledger_tree_head_format (&n->data->head);
  g_autofree char *line = NULL;
  g_autofree char *full = g_strdup_printf ("完整账本指纹：%s", fingerprint);

  if (c->due > 0)
    line = g_strdup_printf ("收缴情况：%d年度应收%s，已收%s，收缴率%s（%u户中已缴清%u户）",
                            c->year, due, paid, rate, c->households, c->households_paid);
  else
    line = g_strdup_printf ("收缴情况：%d年度尚未开征费用。", c->year);
  notice_line (n, line, BODY_SIZE, PANGO_ALIGN_LEFT, 4);
  notice_line (n, full, SMALL_SIZE, PANGO_ALIGN_LEFT, 14);
}

/* ------------------------------------------------------------------ */
/* The expenditures, one row each */

/* One row of the table: measured first, so that it moves to the next
 * page whole. */
static void
draw_row (Notice            *n,
          const char *const *cells)
{
  PangoLayout *layouts[G_N_ELEMENTS (columns)];
  double height = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      layouts[i] = export_layout_new (n->cr, cells[i], TABLE_SIZE, columns[i].width, columns[i].align);
      height = MAX (height, export_layout_height (layouts[i]));
    }
  height += 2 * ROW_PAD;
  notice_place (n, height);
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (notice_draws (n))
        export_layout_show (n->cr, layouts[i], MARGIN + columns[i].x, n->y + ROW_PAD);
      g_object_unref (layouts[i]);
    }
  n->y += height;
  notice_rule (n, n->y, 0.8, 0.4, 0, 0);
}

static void
draw_expenditure (Notice                  *n,
                  guint                    number,
                  const LedgerExpenditure *e)
{
  g_autofree char *no = g_strdup_printf ("%u", number);
  g_autofree char *purpose = export_expenditure_purpose (e->vote_id, e->from_maintenance_fund,
                                                         e->category, e->memo);
  g_autofree char *money = ledger_money_format (e->amount);
  const char *cells[] = { no, e->date, e->payee, purpose, money };

  draw_row (n, cells);
}

/* A section title, kept on one page with the first @next points after it. */
static void
draw_section_title (Notice     *n,
                    const char *title,
                    double      next)
{
  g_autoptr(PangoLayout) layout = export_layout_new (n->cr, title, 12, CONTENT_W, PANGO_ALIGN_LEFT);
  double height = export_layout_height (layout) + 6;

  notice_place (n, height + next);
  if (notice_draws (n))
    export_layout_show (n->cr, layout, MARGIN, n->y);
  n->y += height;
}

/* The next numbered section's title: "二、@title". */
static char *
numbered_title (Notice     *n,
                const char *title)
{
  static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

  n->section = MIN (n->section + 1, G_N_ELEMENTS (numerals));
  return g_strdup_printf ("%s、%s", numerals[n->section - 1], title);
}

/* "@label ¥…" under a table. */
static void
draw_sum_line (Notice     *n,
               const char *label,
               const char *sum)
{
  notice_place (n, 24);
  n->y += 4;
  notice_text_at (n, label, BODY_SIZE, columns[1].x, n->y, 200, PANGO_ALIGN_LEFT);
  n->y += notice_text_at (n, sum, BODY_SIZE, columns[4].x - 40, n->y, columns[4].width + 40,
                          PANGO_ALIGN_RIGHT) + 16;
}

/* The table of @list under its column titles, then "@sum_label ¥…". */
static void
draw_expenditure_table (Notice          *n,
                        const GPtrArray *list,
                        const char      *sum_label)
{
  g_autofree char *sum = NULL;
  gint64 listed = 0;

  draw_column_titles (n, expenditure_titles);
  n->in_table = expenditure_titles;
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerExpenditure *e = g_ptr_array_index (list, i);

      ledger_total_add_saturating (&listed, e->amount);
      draw_expenditure (n, i + 1, e);
    }
  n->in_table = NULL;
  sum = ledger_money_format (listed);
  draw_sum_line (n, sum_label, sum);
}

/* The table of late entries or corrections (LedgerNoticeEntry), then
 * "@sum_label ¥…". */
static void
draw_entry_table (Notice            *n,
                  const GPtrArray   *list,
                  const char *const *titles,
                  const char        *sum_label)
{
  g_autofree char *sum = NULL;
  gint64 listed = 0;

  draw_column_titles (n, titles);
  n->in_table = titles;
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerNoticeEntry *e = g_ptr_array_index (list, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *money = ledger_money_format (e->amount);
      g_autofree char *what = g_strdup_printf ("%s %s", export_entry_kind_chinese (e->kind), e->ref);
      g_autofree char *period = export_period_name_chinese (e->period);
      const char *late_cells[] = { no, e->date, export_entry_kind_chinese (e->kind), e->ref, money };
      const char *correction_cells[] = { no, e->date, what, period, money };

      ledger_total_add_saturating (&listed, e->amount);
      draw_row (n, titles == late_titles ? late_cells : correction_cells);
    }
  n->in_table = NULL;
  sum = ledger_money_format (listed);
  draw_sum_line (n, sum_label, sum);
}

/* 上期补记 and 对已公示期间的更正, each when there is something to list;
 * first, when this notice replaces one of its period, what changed since. */
static void
draw_carried (Notice *n)
{
  const LedgerNoticeData *d = n->data;
  g_autofree char *revision = export_revision_text (d);

  if (revision != NULL)
    {
      draw_section_title (n, revision, 60);
      if (d->revisions->len > 0)
        draw_entry_table (n, d->revisions, late_titles, "此后登记合计");
    }
  if (d->late_entries->len > 0)
    {
      g_autofree char *from = export_period_name_chinese (d->carried_from);
      g_autofree char *title = g_strdup_printf ("上期补记：%s公示后登记、日期在已公示期间内的款项"
                                                "（共%u笔）。期初余额为%s公示的期末余额，这些款项在此列出，"
                                                "不改动已公示的数字。",
                                                from, d->late_entries->len, from);

      draw_section_title (n, title, 60);
      draw_entry_table (n, d->late_entries, late_titles, "上期补记合计");
    }
  if (d->corrections->len > 0)
    {
      g_autofree char *title = g_strdup_printf ("对已公示期间的更正（共%u笔，登记在本期，已计入本期收支）",
                                                d->corrections->len);

      draw_section_title (n, title, 60);
      draw_entry_table (n, d->corrections, correction_titles, "更正合计");
    }
}

/* 二、支出明细: every expenditure of the period, then their sum; then any
 * that missed an earlier notice, so that every expenditure is announced. */
static void
draw_expenditures (Notice *n)
{
  const GPtrArray *list = n->data->expenditures;
  const GPtrArray *late = n->data->late_expenditures;
  g_autofree char *heading = g_strdup_printf ("支出明细（共%u笔）", list->len);
  g_autofree char *title = numbered_title (n, heading);

  draw_section_title (n, title, 60);
  if (list->len == 0)
    notice_line (n, "本期没有支出。", BODY_SIZE, PANGO_ALIGN_LEFT, 14);
  else
    draw_expenditure_table (n, list, "支出合计");
  if (late->len == 0)
    return;
  g_free (title);
  title = n->data->late_entries->len > 0
            ? g_strdup_printf ("补充公示：以前期间公示后才登记的支出（共%u笔，已计入所属期间，"
                               "见“上期补记”）", late->len)
            : g_strdup_printf ("补充公示：以前期间公示后才登记的支出（共%u笔，已计入所属期间，"
                               "本期期初余额已含）", late->len);
  draw_section_title (n, title, 60);
  draw_expenditure_table (n, late, "补充公示合计");
}

/* ------------------------------------------------------------------ */
/* The committee's money at the end, other income, refunds, transfers */

/* A line of the balances: a label (indented under its total), an amount. */
typedef struct
{
  const char *label;
  gint64      amount;
  double      indent;
} BalanceRow;

#define BALANCE_MONEY_W 78.0

/* Draws @rows in a column @width wide at @x from the current line (or
 * only measures them, with @draw FALSE); returns the column's height. */
static double
balance_column (Notice           *n,
                const BalanceRow *rows,
                guint             len,
                double            x,
                double            width,
                gboolean          draw)
{
  double y = n->y;

  for (guint i = 0; i < len; i++)
    {
      g_autofree char *money = ledger_money_format (rows[i].amount);
      g_autoptr(PangoLayout) label = export_layout_new (n->cr, rows[i].label, TABLE_SIZE,
                                                        width - BALANCE_MONEY_W - rows[i].indent,
                                                        PANGO_ALIGN_LEFT);

      if (draw && notice_draws (n))
        {
          export_layout_show (n->cr, label, MARGIN + x + rows[i].indent, y);
          notice_text_at (n, money, TABLE_SIZE, x + width - BALANCE_MONEY_W, y, BALANCE_MONEY_W,
                          PANGO_ALIGN_RIGHT);
        }
      y += export_layout_height (label) + 3;
    }
  return y - n->y;
}

/* 期末资金: by account (where the money is) on the left, by fund (whose
 * it is) on the right, and the line that ties them: the funds are the
 * money held, plus what owners owe, less what they prepaid. */
static void
draw_balances (Notice *n)
{
  const LedgerNoticeData *d = n->data;
  g_autofree char *last = export_date_chinese (d->period.last);
  g_autofree char *heading = g_strdup_printf ("期末资金（%s）", last);
  g_autofree char *title = numbered_title (n, heading);
  g_autofree BalanceRow *accounts = g_new0 (BalanceRow, d->accounts->len + 1);
  BalanceRow funds[LEDGER_FUND_COUNT + 1] = { { "按基金合计", d->funds_total, 0 } };
  g_autofree char *total = ledger_money_format (d->accounts_total);
  g_autofree char *arrears = ledger_money_format (d->arrears);
  g_autofree char *credit = ledger_money_format (d->owners_credit);
  g_autofree char *sum = ledger_money_format (d->funds_total);
  g_autofree char *ties = g_strdup_printf ("基金合计%s = 账户合计%s + 期末欠费（业主应缴未缴）%s"
                                           " − 业主预交款及押金%s", sum, total, arrears, credit);
  double half = (CONTENT_W - 24) / 2, height;

  accounts[0] = (BalanceRow) { "按账户合计（即期末余额）", d->accounts_total, 0 };
  for (guint i = 0; i < d->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (d->accounts, i);

      accounts[i + 1] = (BalanceRow) { line->name, line->amount, 12 };
    }
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    funds[f + 1] = (BalanceRow) { export_fund_chinese (f), d->funds[f], 12 };

  height = MAX (balance_column (n, accounts, d->accounts->len + 1, 0, half, FALSE),
                balance_column (n, funds, G_N_ELEMENTS (funds), half + 24, half, FALSE));
  draw_section_title (n, title, height);
  balance_column (n, accounts, d->accounts->len + 1, 0, half, TRUE);
  balance_column (n, funds, G_N_ELEMENTS (funds), half + 24, half, TRUE);
  n->y += height + 2;
  notice_place (n, 20);
  n->y += notice_text_at (n, ties, SMALL_SIZE + 0.5, 0, n->y, CONTENT_W, PANGO_ALIGN_LEFT) + 12;
}

/* The table of @list under @titles, @fill giving each item's cells after
 * its number, then "@sum_label ¥…". */
typedef void (*RowCells) (const LedgerNoticeData *data,
                          gconstpointer           item,
                          char                   *cells[5]);

static void
draw_item_table (Notice            *n,
                 const GPtrArray   *list,
                 const char *const *titles,
                 RowCells           fill,
                 const char        *sum_label,
                 gint64             sum)
{
  g_autofree char *total = ledger_money_format (sum);

  draw_column_titles (n, titles);
  n->in_table = titles;
  for (guint i = 0; i < list->len; i++)
    {
      char *cells[5] = { g_strdup_printf ("%u", i + 1), NULL, NULL, NULL, NULL };

      fill (n->data, g_ptr_array_index ((GPtrArray *) list, i), cells);
      draw_row (n, (const char *const *) cells);
      for (int k = 0; k < 5; k++)
        g_free (cells[k]);
    }
  n->in_table = NULL;
  draw_sum_line (n, sum_label, total);
}

static void
income_cells (const LedgerNoticeData *data,
              gconstpointer           item,
              char                   *cells[5])
{
  const LedgerNoticeIncome *income = item;

  cells[1] = g_strdup (income->date);
  cells[2] = g_strdup (*income->payer != '\0' ? income->payer : "—");
  cells[3] = export_other_income_text (data, income);
  cells[4] = ledger_money_format (income->amount);
}

static void
refund_cells (const LedgerNoticeData *data,
              gconstpointer           item,
              char                   *cells[5])
{
  const LedgerNoticeRefund *refund = item;

  cells[1] = g_strdup (refund->date);
  cells[2] = g_strdup (refund->voucher);
  cells[3] = export_refund_text (data, refund);
  cells[4] = ledger_money_format (refund->amount);
}

static void
transfer_cells (const LedgerNoticeData *data,
                gconstpointer           item,
                char                   *cells[5])
{
  const LedgerNoticeTransfer *transfer = item;

  cells[1] = g_strdup (transfer->date);
  cells[2] = g_strdup (transfer->voucher);
  cells[3] = export_transfer_text (data, transfer);
  cells[4] = ledger_money_format (transfer->amount);
}

/* 其他收入明细, 退款明细 and 资金划转, each when there is one. Transfers
 * are listed for information: money moved between the committee's own
 * accounts is neither income nor expense. */
static void
draw_money_moves (Notice *n)
{
  const LedgerNoticeData *d = n->data;
  gint64 sum = 0;

  if (d->incomes->len > 0)
    {
      g_autofree char *heading = g_strdup_printf ("其他收入明细（共%u笔，已计入本期收入）", d->incomes->len);
      g_autofree char *title = numbered_title (n, heading);

      for (guint i = 0; i < d->incomes->len; i++)
        sum += ((const LedgerNoticeIncome *) g_ptr_array_index (d->incomes, i))->amount;
      draw_section_title (n, title, 60);
      draw_item_table (n, d->incomes, income_titles, income_cells, "其他收入合计", sum);
    }
  if (d->refunds->len > 0)
    {
      g_autofree char *heading = g_strdup_printf ("退款明细（共%u笔）", d->refunds->len);
      g_autofree char *title = numbered_title (n, heading);

      draw_section_title (n, title, 60);
      draw_item_table (n, d->refunds, refund_titles, refund_cells, "退款合计", d->refund_total);
    }
  if (d->transfers->len > 0)
    {
      g_autofree char *heading = g_strdup_printf ("资金划转（共%u笔，账户之间划转，不计入收入和支出）",
                                                  d->transfers->len);
      g_autofree char *title = numbered_title (n, heading);

      sum = 0;
      for (guint i = 0; i < d->transfers->len; i++)
        sum += ((const LedgerNoticeTransfer *) g_ptr_array_index (d->transfers, i))->amount;
      draw_section_title (n, title, 60);
      draw_item_table (n, d->transfers, transfer_titles, transfer_cells, "划转合计", sum);
    }
}

/* ------------------------------------------------------------------ */
/* Votes closed in the period */

/* The text of one vote: heading, matter, the four ratios, the result. */
static char *
vote_text (guint             number,
           const LedgerVote *v)
{
  g_auto(GStrv) lines = export_vote_lines (v);
  g_autofree char *rest = g_strjoinv ("\n    ", lines + 1);

  return g_strdup_printf ("%u. %s\n    %s", number, lines[0], rest);
}

/* 三、表决结果: each vote closed in the period as one block. */
static void
draw_votes (Notice *n)
{
  const GPtrArray *votes = n->data->votes;

  g_autofree char *title = numbered_title (n, "表决结果");

  draw_section_title (n, title, 40);
  if (votes->len == 0)
    {
      notice_line (n, "本期没有结束的业主表决。", BODY_SIZE, PANGO_ALIGN_LEFT, 14);
      return;
    }
  for (guint i = 0; i < votes->len; i++)
    {
      g_autofree char *text = vote_text (i + 1, g_ptr_array_index (votes, i));
      g_autoptr(PangoLayout) layout = export_layout_new (n->cr, text, TABLE_SIZE + 0.5, CONTENT_W,
                                                         PANGO_ALIGN_LEFT);
      double height = export_layout_height (layout) + 8;

      notice_place (n, height);
      if (notice_draws (n))
        export_layout_show (n->cr, layout, MARGIN, n->y);
      n->y += height;
    }
  n->y += 6;
}

/* The closing words, the committee's name and the date. */
static void
draw_signature (Notice *n)
{
  g_autofree char *words = g_strdup_printf ("以上为%s%s财务收支情况，请全体业主监督。"
                                            "如有疑问，请向业主委员会提出。",
                                            n->data->community, n->period);
  g_autofree char *date = export_date_chinese (n->data->date);
  g_autoptr(PangoLayout) layout = export_layout_new (n->cr, words, BODY_SIZE, CONTENT_W,
                                                     PANGO_ALIGN_LEFT);

  notice_place (n, export_layout_height (layout) + 60);
  if (notice_draws (n))
    export_layout_show (n->cr, layout, MARGIN, n->y);
  n->y += export_layout_height (layout) + 16;
  notice_line (n, n->data->committee, BODY_SIZE + 1, PANGO_ALIGN_RIGHT, 4);
  notice_line (n, date, BODY_SIZE + 1, PANGO_ALIGN_RIGHT, 0);
}

/* The whole notice, from the first page to the last. */
static void
draw_notice (Notice *n)
{
  double top, summary, qr;

  n->page = 1;
  n->block = 0;
  n->next_break = 0;
  n->in_table = NULL;
  n->y = TOP;
  n->page_top = TOP;
  draw_footer (n);
  draw_title (n);
  top = n->y;
  summary = draw_summary (n, top);
  qr = draw_qr_block (n, top);
  n->y = top + MAX (summary, qr) + 12;
  draw_collection (n);
  draw_balances (n);
  draw_money_moves (n);
  draw_expenditures (n);
  draw_carried (n);
  draw_votes (n);
  draw_signature (n);
}

/* ------------------------------------------------------------------ */
/* Surfaces */

/* Finds the page breaks with a throwaway surface. */
static void
measure_notice (Notice *n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

  n->cr = cairo_create (surface);
  n->pass = PASS_MEASURE;
  n->pages = 1;
  g_array_set_size (n->breaks, 0);
  draw_notice (n);
  n->pages = n->page;
  g_clear_pointer (&n->cr, cairo_destroy);
  cairo_surface_destroy (surface);
}

/* Collects what cairo writes, so nothing touches the disk before the
 * book has recorded the publication. */
static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Turns a cairo failure into a GError and drops the partial bytes. */
static GBytes *
surface_error (cairo_status_t   status,
               GByteArray      *bytes,
               GError         **error)
{
  g_byte_array_unref (bytes);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not draw the notice: %s"),
               cairo_status_to_string (status));
  return NULL;
}

/* The notice as PDF bytes, breaking pages where measuring said. */
static GBytes *
render_pdf (Notice  *n,
            GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                                  EXPORT_A4_WIDTH, EXPORT_A4_HEIGHT);
  g_autofree char *title = g_strdup_printf ("%s财务收支公示 %s", n->data->community, n->period);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Community Ledger (小区公账)");
  n->cr = cairo_create (surface);
  n->pass = PASS_PDF;
  draw_notice (n);
  cairo_show_page (n->cr);
  g_clear_pointer (&n->cr, cairo_destroy);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return surface_error (status, bytes, error);
  return g_byte_array_free_to_bytes (bytes);
}

/* The pages one below the other on white, at 150 dpi, or less when that
 * would be taller than an image may be. */
static GBytes *
render_png (Notice  *n,
            GError **error)
{
  double dpi = MIN (EXPORT_PRINT_DPI, floor (32000.0 * 72 / (n->pages * EXPORT_A4_HEIGHT)));
  double scale = dpi / 72;
  int width = (int) ceil (EXPORT_A4_WIDTH * scale);
  int height = (int) ceil (n->pages * EXPORT_A4_HEIGHT * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  GByteArray *bytes = g_byte_array_new ();
  cairo_status_t status;

  n->cr = cairo_create (surface);
  cairo_set_source_rgb (n->cr, 1, 1, 1);
  cairo_paint (n->cr);
  cairo_set_source_rgb (n->cr, 0, 0, 0);
  cairo_scale (n->cr, scale, scale);
  n->pass = PASS_IMAGE;
  draw_notice (n);
  g_clear_pointer (&n->cr, cairo_destroy);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return surface_error (status, bytes, error);
  return g_byte_array_free_to_bytes (bytes);
}

/* ------------------------------------------------------------------ */
/* Publishing */

typedef struct
{
  const char *kind;
  const char *path;
  GBytes     *bytes;
} Output;

/* Writes every output under a temporary name; on failure removes them. */
static gboolean
stage_outputs (const Output      *outputs,
               guint              n_outputs,
               ExportStagedFile  *staged,
               GError           **error)
{
  for (guint i = 0; i < n_outputs; i++)
    if (!export_stage_file (&staged[i], outputs[i].path, outputs[i].bytes, error))
      return FALSE;
  return TRUE;
}

/* Puts every file in place, then records the publication; if a file
 * cannot be put in place or the record fails, the files already placed are
 * taken back out (and any they replaced restored). A notice in the book
 * cannot be taken back, a file can: so the record comes last. */
static gboolean
publish (LedgerBook              *book,
         const LedgerNoticeData  *data,
         const Output            *outputs,
         guint                    n_outputs,
         GError                 **error)
{
  ExportStagedFile staged[3] = { { 0 } };
  LedgerNoticeFile files[3];
  gboolean ok = stage_outputs (outputs, n_outputs, staged, error);

  for (guint i = 0; ok && i < n_outputs; i++)
    {
      files[i].kind = outputs[i].kind;
      files[i].name = staged[i].name;
      files[i].sha256 = staged[i].sha256;
    }
  for (guint i = 0; ok && i < n_outputs; i++)
    ok = export_stage_commit (&staged[i], error);
  ok = ok && ledger_notice_record (book, data, files, n_outputs, NULL, error);
  for (guint i = 0; i < n_outputs; i++)
    {
      if (!ok)
        export_stage_undo (&staged[i]);
      export_stage_clear (&staged[i]);
    }
  return ok;
}

/* Sets up the passes over @data and finds where its pages break. */
static void
notice_init (Notice                 *n,
             const LedgerNoticeData *data,
             const ExportQr         *qr)
{
  n->data = data;
  n->qr = qr;
  n->period = export_period_chinese (&data->period);
  n->fingerprint = ledger_tree_head_format_short (&data->head);
  n->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  measure_notice (n);
}

/* Draws the PDF, and the PNG when asked, into memory. */
static gboolean
render_notice (const LedgerNoticeData  *data,
               const ExportQr          *qr,
               GBytes                 **out_pdf,
               GBytes                 **out_png,
               GError                 **error)
{
  Notice n = { 0 };
  gboolean ok;

  notice_init (&n, data, qr);
  *out_pdf = render_pdf (&n, error);
  ok = *out_pdf != NULL && (out_png == NULL || (*out_png = render_png (&n, error)) != NULL);
  notice_clear (&n);
  return ok;
}

/* Page @page (from 1) of the notice onto @cr, which the caller owns; the
 * other pages are laid out, so that the breaks and "第n页 共N页" are the
 * PDF's, but not drawn. Nothing is written or recorded. */
int
export_notice_draw_page (const LedgerNoticeData *data,
                         const ExportQr         *qr,
                         cairo_t                *cr,
                         int                     page)
{
  Notice n = { 0 };
  int pages;

  g_return_val_if_fail (data != NULL && qr != NULL, 0);

  notice_init (&n, data, qr);
  pages = n.pages;
  if (cr != NULL && page >= 1 && page <= pages)
    {
      n.cr = cr;
      n.pass = PASS_PAGE;
      n.only_page = page;
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_notice (&n);
      cairo_restore (cr);
      n.cr = NULL;
    }
  notice_clear (&n);
  return pages;
}

/* Gathers, draws, stages the files, records, then renames into place. */
gboolean
export_notice (LedgerBook          *book,
               const LedgerPeriod  *period,
               const char          *pdf_path,
               const char          *png_path,
               const char          *html_path,
               char               **out_qr_payload,
               GError             **error)
{
  g_autoptr(LedgerNoticeData) data = NULL;
  g_autoptr(ExportQr) qr = NULL;
  g_autoptr(GBytes) pdf = NULL, png = NULL, html = NULL;
  g_autofree char *payload = NULL;
  Output outputs[3];
  guint n_outputs = 0;
  /* The window names the PNG and page after the PDF; the command line
   * checks its own options first, with their names. */
  const char *fields[] = { _("notice"), _("notice image"), _("phone page") };
  const char *paths[] = { pdf_path, png_path, html_path };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (period != NULL && pdf_path != NULL, FALSE);

  if (!ledger_book_check_outputs (book, G_N_ELEMENTS (paths), fields, paths, error))
    return FALSE;
  data = ledger_notice_gather (book, period, error);
  if (data == NULL)
    return FALSE;
  payload = export_notice_qr_payload (data);
  qr = export_qr_new (payload, error);
  if (qr == NULL ||
      !render_notice (data, qr, &pdf, png_path != NULL ? &png : NULL, error) ||
      (html_path != NULL && (html = export_notice_html (data, payload, error)) == NULL))
    return FALSE;

  outputs[n_outputs++] = (Output) { "pdf", pdf_path, pdf };
  if (png != NULL)
    outputs[n_outputs++] = (Output) { "png", png_path, png };
  if (html != NULL)
    outputs[n_outputs++] = (Output) { "html", html_path, html };
  if (!publish (book, data, outputs, n_outputs, error))
    return FALSE;
  if (out_qr_payload != NULL)
    *out_qr_payload = g_steal_pointer (&payload);
  return TRUE;
}

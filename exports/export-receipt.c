/* export-receipt.c — a printed receipt (收款收据) for the payer: A5
 * portrait (A4 when a payment settles too many lines for A5), with the
 * amount in figures and in Chinese capitals, and a QR code that carries
 * the receipt's details and the proof that its entry is in the book.
 *
 * The proof is against the book as it stood when the receipt was issued:
 * the tree of the first N entries, where N is the payment's own entry. It
 * does not change when the receipt is printed again later; `proof
 * consistency N` links it to any later fingerprint.
 */
#define G_LOG_DOMAIN "exports"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "export-notice-private.h"
#include "ledger.h"
#include "export-notice.h"
#include "export-qr-private.h"
#include "export-receipt-private.h"

#define MARGIN    30.0
#define BODY_SIZE 10.0

typedef struct
{
  LedgerReceipt  *receipt;
  char           *community;
  char           *committee;   /* who receives the money */
  GHashTable     *fee_names;   /* code → name */
  char           *operator_name; /* as recorded, or with a phone in it masked */
  LedgerTreeHead  head;        /* the book when the receipt was issued */
  LedgerHash      leaf;
  GArray         *path;        /* of LedgerHash */
  LedgerPrivacyScrubber *scrubber;  /* the register's names and phones */
} ReceiptData;

/* Frees what read_receipt() filled in. */
static void
receipt_data_clear (ReceiptData *d)
{
  g_clear_pointer (&d->receipt, ledger_receipt_free);
  g_clear_pointer (&d->community, g_free);
  g_clear_pointer (&d->committee, g_free);
  g_clear_pointer (&d->operator_name, g_free);
  g_clear_pointer (&d->fee_names, g_hash_table_unref);
  g_clear_pointer (&d->path, g_array_unref);
  g_clear_pointer (&d->scrubber, ledger_privacy_scrubber_free);
}

/* Fee codes to the names people know (the newest version's name). */
static GHashTable *
read_fee_names (LedgerBook  *book,
                GError     **error)
{
  g_autoptr(GPtrArray) fees = ledger_fee_list_versions (book, error);
  GHashTable *names;

  if (fees == NULL)
    return NULL;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < fees->len; i++)
    {
      const LedgerFee *fee = g_ptr_array_index (fees, i);

      g_hash_table_replace (names, g_strdup (fee->code), g_strdup (fee->name));
    }
  return names;
}

/* Replaces *@text by its copy fit to be printed: the receipt goes to the
 * payer, who is not to read other owners' names or anyone's phone in what
 * was typed into the book (the payer's own name is printed from the
 * register, not through this). */
static void
scrub_in_place (LedgerPrivacyScrubber  *scrubber,
                char                  **text)
{
  char *clean;

  if (*text == NULL)
    return;
  clean = ledger_privacy_scrubber_run (scrubber, *text);
  g_free (*text);
  *text = clean;
}

static void
neutralise_in_place (char **text)
{
  char *clean = ledger_privacy_neutralise (*text);

  g_free (*text);
  *text = clean;
}

/* The texts people typed that the receipt prints, scrubbed. */
static void
scrub_receipt (ReceiptData *d)
{
  GHashTableIter iter;
  gpointer code, name;

  scrub_in_place (d->scrubber, &d->community);
  scrub_in_place (d->scrubber, &d->committee);
  scrub_in_place (d->scrubber, &d->receipt->void_reason);
  /* The payer's name and unit as the register holds them, made fit to
   * draw (a book edited behind the program's back may hold bytes that
   * are not text). */
  neutralise_in_place (&d->receipt->owner);
  neutralise_in_place (&d->receipt->unit);
  g_hash_table_iter_init (&iter, d->fee_names);
  while (g_hash_table_iter_next (&iter, &code, &name))
    g_hash_table_iter_replace (&iter, ledger_privacy_scrubber_run (d->scrubber, name));
}

/* The operator as the receipt prints it: the committee member who took
 * the money is named as recorded, for the leaf holds the name and the
 * QR code must rebuild the leaf; only a phone number typed into it is
 * masked (and that receipt's QR code then proves nothing). */
static gboolean
read_operator (LedgerBook   *book,
               ReceiptData  *d,
               GError      **error)
{
  g_autoptr(LedgerPrivacyScrubber) phones = ledger_household_scrubber_new (book, FALSE, error);

  if (phones == NULL)
    return FALSE;
  d->operator_name = ledger_privacy_scrubber_run (phones, d->receipt->operator_name);
  return TRUE;
}

/* Reads the receipt, the fee names and the inclusion proof. */
static gboolean
read_receipt (LedgerBook   *book,
              const char   *number,
              ReceiptData  *d,
              GError      **error)
{
  d->receipt = ledger_receipt_lookup (book, number, error);
  if (d->receipt == NULL)
    return FALSE;
  d->community = ledger_book_dup_name (book);
  d->committee = ledger_book_dup_setting (book, LEDGER_SETTING_COMMITTEE);
  if (d->committee == NULL || *d->committee == '\0')
    {
      g_free (d->committee);
      d->committee = g_strconcat (d->community, "业主委员会", NULL);
    }
  d->fee_names = read_fee_names (book, error);
  d->scrubber = d->fee_names != NULL ? ledger_household_scrubber_new (book, TRUE, error) : NULL;
  if (d->scrubber != NULL && !read_operator (book, d, error))
    return FALSE;
  if (d->fee_names == NULL || d->scrubber == NULL ||
      !ledger_fingerprint_head_at (book, (guint64) d->receipt->txn_id, &d->head, error))
    return FALSE;
  scrub_receipt (d);
  d->path = ledger_fingerprint_inclusion (book, d->receipt->txn_id, (guint64) d->receipt->txn_id,
                                          &d->leaf, error);
  return d->path != NULL;
}

/* The name of fee @code, or the code when the book has no name for it. */
static const char *
fee_name (const ReceiptData *d,
          const char        *code)
{
  const char *name = g_hash_table_lookup (d->fee_names, code);

  return name != NULL ? name : code;
}

/* "2026年度物业费（property）": the name people know, and the fee's code
 * and year as the journal has them (the QR code's item line). */
static char *
line_label (const ReceiptData       *d,
            const LedgerReceiptLine *line)
{
  return g_strdup_printf ("%d年度%s（%s）", line->year, fee_name (d, line->fee_code), line->fee_code);
}

/* ------------------------------------------------------------------ */
/* The QR payload */

/* "LABEL：VALUE\n", the value escaped as a leaf's header writes it. */
static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  g_string_append (text, label);
  g_string_append (text, EXPORT_RECEIPT_COLON);
  export_receipt_append_escaped (text, value);
  g_string_append_c (text, '\n');
}

static void
append_money_line (GString    *text,
                   const char *label,
                   gint64      fen)
{
  g_autofree char *money = ledger_money_format (fen);

  append_line (text, label, money);
}

/* "2025年度物业费（property）：¥1,200.00": the fee's name as the book has
 * it now (scrubbed; left out, "2025年度（property）：…", without
 * @with_name), and its code and year as the leaf has them. */
static void
append_item (GString                 *text,
             const ReceiptData       *d,
             const LedgerReceiptLine *line,
             gboolean                 with_name)
{
  g_autofree char *scrubbed = ledger_privacy_scrubber_run (d->scrubber, fee_name (d, line->fee_code));
  g_autofree char *name = with_name ? ledger_privacy_neutralise (scrubbed) : g_strdup ("");
  g_autofree char *money = ledger_money_format (line->amount);

  g_string_append_printf (text, "%04d" EXPORT_RECEIPT_YEAR_SUFFIX "%s" EXPORT_RECEIPT_CODE_OPEN "%s"
                          EXPORT_RECEIPT_CODE_CLOSE EXPORT_RECEIPT_COLON "%s\n",
                          line->year, name, line->fee_code, money);
}

/* "微信（wechat）" */
static char *
method_text (LedgerMethod method)
{
  return g_strconcat (ledger_method_chinese (method), EXPORT_RECEIPT_CODE_OPEN,
                      ledger_method_to_string (method), EXPORT_RECEIPT_CODE_CLOSE, NULL);
}

/* "HEX,HEX,…", the audit path from the leaf up. */
static char *
path_text (const GArray *path)
{
  GString *text = g_string_new (NULL);
  char hex[65];

  for (guint i = 0; i < path->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      ledger_hash_to_hex (&g_array_index (path, LedgerHash, i), hex);
      g_string_append (text, hex);
    }
  return g_string_free (text, FALSE);
}

/* The receipt's QR code: every field of its payment's leaf of version
 * @version (docs/leaf-format.md, "Receipts: rebuilding the leaf from the
 * QR"), the payer's name masked, the community's and the fee names
 * scrubbed (a scanner shows them to whoever scans), and the proof. */
static char *
receipt_payload (const ReceiptData *d,
                 int                version,
                 gboolean           with_names)
{
  const LedgerReceipt *r = d->receipt;
  g_autofree char *payer = ledger_text_mask_name (r->owner);
  g_autofree char *scrubbed = ledger_privacy_scrubber_run (d->scrubber, d->community);
  g_autofree char *community = ledger_privacy_neutralise (scrubbed);
  g_autofree char *method = method_text (r->method);
  g_autofree char *fingerprint = ledger_tree_head_format (&d->head);
  g_autofree char *path = path_text (d->path);
  char number[24], hex[65];
  GString *text = g_string_new (EXPORT_RECEIPT_TITLE "\n");

  g_string_append_printf (text, "%s\n", community);
  append_line (text, EXPORT_RECEIPT_NUMBER, r->number);
  append_line (text, EXPORT_RECEIPT_UNIT, r->unit);
  append_line (text, EXPORT_RECEIPT_PAYER, payer);
  for (guint i = 0; i < r->lines->len; i++)
    append_item (text, d, &g_array_index (r->lines, LedgerReceiptLine, i), with_names);
  if (r->to_credit != 0)
    append_money_line (text, EXPORT_RECEIPT_CREDIT, r->to_credit);
  append_money_line (text, EXPORT_RECEIPT_TOTAL, r->amount);
  append_line (text, EXPORT_RECEIPT_METHOD, method);
  append_line (text, EXPORT_RECEIPT_DATE, r->date);
  append_line (text, EXPORT_RECEIPT_RECORDED_AT, r->recorded_at);
  append_line (text, EXPORT_RECEIPT_OPERATOR, d->operator_name);
  if (r->voided)
    append_line (text, EXPORT_RECEIPT_STATUS, EXPORT_RECEIPT_VOIDED);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, r->txn_id);
  append_line (text, EXPORT_RECEIPT_ENTRY, number);
  g_snprintf (number, sizeof number, "%d", version);
  append_line (text, EXPORT_RECEIPT_LEAF_VERSION, number);
  ledger_hash_to_hex (&d->leaf, hex);
  append_line (text, EXPORT_RECEIPT_LEAF_HASH, hex);
  append_line (text, EXPORT_RECEIPT_PATH, path);
  g_string_append (text, EXPORT_RECEIPT_FINGERPRINT EXPORT_RECEIPT_COLON);
  g_string_append (text, fingerprint);
  return g_string_free (text, FALSE);
}

/* The QR code's text, of the leaf version the entry has: the one whose
 * leaf, rebuilt from the text, is the entry's. A receipt whose text
 * rebuilds neither (a phone masked in the operator's name, a book edited
 * behind the program's back) still prints, and its check says it does
 * not hold. */
static char *
proven_payload (const ReceiptData *d,
                gboolean           with_names)
{
  for (int version = 2; version >= 1; version--)
    {
      g_autofree char *payload = receipt_payload (d, version, with_names);
      LedgerHash rebuilt;

      if (export_receipt_payload_leaf_hash (payload, &rebuilt, NULL) &&
          memcmp (&rebuilt, &d->leaf, sizeof rebuilt) == 0)
        return g_steal_pointer (&payload);
    }
  g_debug ("receipt %s: its QR code does not rebuild entry %" G_GINT64_FORMAT "'s leaf",
           d->receipt->number, d->receipt->txn_id);
  return receipt_payload (d, 2, with_names);
}

/* ------------------------------------------------------------------ */
/* Drawing */

typedef struct
{
  cairo_t           *cr;
  gboolean           measuring;
  double             width;     /* the page */
  double             y;
  const ReceiptData *d;
  const ExportQr    *qr;
} Sheet;

/* Text at (@x, y) in a box @w wide; drawn unless measuring; its height. */
static double
sheet_text (Sheet          *s,
            const char     *text,
            double          size,
            double          x,
            double          w,
            PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = export_layout_new (s->cr, text, size, w, align);

  if (!s->measuring)
    export_layout_show (s->cr, layout, x, s->y);
  return export_layout_height (layout);
}

/* A line across the receipt at the current height. */
static void
sheet_rule (Sheet  *s,
            double  width)
{
  if (s->measuring)
    return;
  cairo_set_line_width (s->cr, width);
  cairo_move_to (s->cr, MARGIN, s->y);
  cairo_line_to (s->cr, s->width - MARGIN, s->y);
  cairo_stroke (s->cr);
}

/* Two "label：value" pairs side by side. */
static void
sheet_pair (Sheet      *s,
            const char *left,
            const char *right)
{
  double half = (s->width - 2 * MARGIN) / 2;
  double h = sheet_text (s, left, BODY_SIZE, MARGIN, half - 6, PANGO_ALIGN_LEFT);

  h = MAX (h, sheet_text (s, right, BODY_SIZE, MARGIN + half, half, PANGO_ALIGN_LEFT));
  s->y += h + 5;
}

/* One line of what was paid: item, amount. */
static void
sheet_item (Sheet      *s,
            const char *label,
            gint64      amount)
{
  g_autofree char *money = ledger_money_format (amount);
  double inner = s->width - 2 * MARGIN;
  double h = sheet_text (s, label, BODY_SIZE, MARGIN + 4, inner - 110, PANGO_ALIGN_LEFT);

  h = MAX (h, sheet_text (s, money, BODY_SIZE, s->width - MARGIN - 104, 100, PANGO_ALIGN_RIGHT));
  s->y += h + 4;
}

/* Community, title and receipt number. */
static void
draw_header (Sheet *s)
{
  const LedgerReceipt *r = s->d->receipt;
  double inner = s->width - 2 * MARGIN;
  g_autofree char *number = g_strdup_printf ("No. %s", r->number);

  s->y += sheet_text (s, s->d->community, 13, MARGIN, inner, PANGO_ALIGN_CENTER) + 2;
  s->y += sheet_text (s, "收款收据", 18, MARGIN, inner, PANGO_ALIGN_CENTER) + 4;
  s->y += sheet_text (s, number, BODY_SIZE + 1, MARGIN, inner, PANGO_ALIGN_RIGHT) + 6;
  sheet_rule (s, 1.0);
  s->y += 8;
}

/* Unit, payer, date, method and what the payment settled. */
static void
draw_details (Sheet *s)
{
  const LedgerReceipt *r = s->d->receipt;
  g_autofree char *unit = g_strdup_printf ("户号：%s", r->unit);
  g_autofree char *payer = g_strdup_printf ("缴款人：%s", r->owner);
  g_autofree char *day = export_date_chinese (r->date);
  g_autofree char *date = g_strdup_printf ("缴款日期：%s", day);
  g_autofree char *method_name = method_text (r->method);
  g_autofree char *method = g_strdup_printf ("缴款方式：%s", method_name);

  sheet_pair (s, unit, payer);
  sheet_pair (s, date, method);
  s->y += 4;
  s->y += sheet_text (s, "缴费项目", BODY_SIZE, MARGIN, 200, PANGO_ALIGN_LEFT) + 4;
  sheet_rule (s, 0.5);
  s->y += 4;
  for (guint i = 0; i < r->lines->len; i++)
    {
      const LedgerReceiptLine *line = &g_array_index (r->lines, LedgerReceiptLine, i);
      g_autofree char *label = line_label (s->d, line);

      sheet_item (s, label, line->amount);
    }
  if (r->to_credit != 0)
    sheet_item (s, "预交款（抵扣以后年度费用）", r->to_credit);
  sheet_rule (s, 0.5);
  s->y += 6;
}

/* The total in figures and in capitals, who took it, the fingerprint. */
static void
draw_amount (Sheet *s)
{
  const LedgerReceipt *r = s->d->receipt;
  g_autofree char *figures = ledger_money_format (r->amount);
  g_autofree char *capital = ledger_money_to_capital (r->amount);
  g_autofree char *small = g_strdup_printf ("合计金额（小写）：%s", figures);
  g_autofree char *large = g_strdup_printf ("合计金额（大写）：%s", capital);
  g_autofree char *operator_line = g_strdup_printf ("经手人：%s", s->d->operator_name);
  g_autofree char *fingerprint = ledger_tree_head_format_short (&s->d->head);
  g_autofree char *payee = g_strdup_printf ("收款单位：%s", s->d->committee);
  /* What the QR code needs besides, in small print: a long receipt needs
   * its height for the code. */
  g_autofree char *print = g_strdup_printf ("登记时间：%s；账本第%" G_GINT64_FORMAT "条记录；"
                                            "账本指纹（开具时，共%" G_GUINT64_FORMAT "条记录）：%s",
                                            r->recorded_at, r->txn_id, s->d->head.size, fingerprint);
  double inner = s->width - 2 * MARGIN;

  s->y += sheet_text (s, small, BODY_SIZE + 1, MARGIN, inner, PANGO_ALIGN_LEFT) + 5;
  s->y += sheet_text (s, large, BODY_SIZE + 1, MARGIN, inner, PANGO_ALIGN_LEFT) + 8;
  sheet_pair (s, operator_line, payee);
  s->y += sheet_text (s, print, 8, MARGIN, inner, PANGO_ALIGN_LEFT) + 8;
}

/* The red 作废 mark and the reason, for a voided receipt. */
static void
draw_void (Sheet  *s,
           double  centre_y)
{
  const LedgerReceipt *r = s->d->receipt;
  g_autofree char *reason = g_strdup_printf ("本收据已作废　作废原因：%s", r->void_reason);
  double inner = s->width - 2 * MARGIN;

  if (!s->measuring)
    cairo_set_source_rgb (s->cr, 0.8, 0.05, 0.05);
  s->y += sheet_text (s, reason, BODY_SIZE + 1, MARGIN, inner, PANGO_ALIGN_LEFT) + 8;
  if (!s->measuring)
    {
      g_autoptr(PangoLayout) stamp = export_layout_new (s->cr, "作废", 72, 0, PANGO_ALIGN_LEFT);
      int w = 0, h = 0;

      pango_layout_get_size (stamp, &w, &h);
      cairo_save (s->cr);
      cairo_translate (s->cr, s->width / 2, centre_y);
      cairo_rotate (s->cr, -G_PI / 9);
      cairo_set_source_rgba (s->cr, 0.8, 0.05, 0.05, 0.55);
      export_layout_show (s->cr, stamp, -w / 2.0 / PANGO_SCALE, -h / 2.0 / PANGO_SCALE);
      cairo_restore (s->cr);
      cairo_set_source_rgb (s->cr, 0, 0, 0);
    }
}

/* The QR code, 4 print pixels a module (3 for a long proof), with a note. */
static void
draw_qr (Sheet *s)
{
  double module = 4 * EXPORT_PRINT_PIXEL;
  double side, x, y;

  if (export_qr_get_span (s->qr) * module > 220)
    module = 3 * EXPORT_PRINT_PIXEL;
  side = export_qr_get_span (s->qr) * module;
  x = export_snap_to_print (MARGIN);
  y = export_snap_to_print (s->y);
  if (!s->measuring)
    export_qr_draw (s->qr, s->cr, x, y, module);
  s->y = y;
  sheet_text (s, "扫码可核对本收据，并验证它已记入账本（含存在证明）。", 8, x + side + 8,
              s->width - MARGIN - x - side - 8, PANGO_ALIGN_LEFT);
  s->y = y + side + 4;
}

/* Draws the receipt; returns the height it needs. */
static double
draw_receipt (Sheet *s)
{
  double top;

  s->y = MARGIN;
  draw_header (s);
  top = s->y;
  draw_details (s);
  draw_amount (s);
  if (s->d->receipt->voided)
    draw_void (s, (top + s->y) / 2);
  draw_qr (s);
  return s->y + MARGIN;
}

/* The height the receipt needs on a page @width wide. */
static double
measure_receipt (const ReceiptData *d,
                 const ExportQr    *qr,
                 double             width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  Sheet s = { cairo_create (surface), TRUE, width, 0, d, qr };
  double height = draw_receipt (&s);

  cairo_destroy (s.cr);
  cairo_surface_destroy (surface);
  return height;
}

/* Collects the PDF in memory; it is written to disk only when whole. */
static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* The receipt as pages: for the PDF, the window's preview and printing */

struct _ExportReceiptPages
{
  ReceiptData  d;
  ExportQr    *qr;
  char        *payload;  /* the QR code's text */
  double       width;    /* the page, in points: A5, or A4 when A5 is too short */
  double       height;
};

/* Reads receipt @number, encodes its QR code and chooses its paper. */
ExportReceiptPages *
export_receipt_pages_new (LedgerBook  *book,
                          const char  *number,
                          GError     **error)
{
  ExportReceiptPages *pages;
  gboolean a5;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  pages = g_new0 (ExportReceiptPages, 1);
  if (!read_receipt (book, number, &pages->d, error))
    {
      export_receipt_pages_free (pages);
      return NULL;
    }
  pages->payload = proven_payload (&pages->d, TRUE);
  pages->qr = export_qr_new (pages->payload, NULL);
  if (pages->qr == NULL ||
      measure_receipt (&pages->d, pages->qr, EXPORT_A4_WIDTH) > EXPORT_A4_HEIGHT)
    {
      /* A payment that settled many charges: the fee names, which prove
       * nothing, are left out of the QR code (the receipt prints them),
       * for a smaller code that still fits on the page. */
      g_clear_pointer (&pages->qr, export_qr_free);
      g_free (pages->payload);
      pages->payload = proven_payload (&pages->d, FALSE);
      pages->qr = export_qr_new (pages->payload, error);
    }
  if (pages->qr == NULL)
    {
      export_receipt_pages_free (pages);
      return NULL;
    }
  a5 = measure_receipt (&pages->d, pages->qr, EXPORT_A5_WIDTH) <= EXPORT_A5_HEIGHT;
  pages->width = a5 ? EXPORT_A5_WIDTH : EXPORT_A4_WIDTH;
  pages->height = a5 ? EXPORT_A5_HEIGHT : EXPORT_A4_HEIGHT;
  return pages;
}

void
export_receipt_pages_free (ExportReceiptPages *pages)
{
  if (pages == NULL)
    return;
  receipt_data_clear (&pages->d);
  g_clear_pointer (&pages->qr, export_qr_free);
  g_free (pages->payload);
  g_free (pages);
}

/* A receipt is one page. */
int
export_receipt_pages_get_n_pages (const ExportReceiptPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return 1;
}

void
export_receipt_pages_get_size (const ExportReceiptPages *pages,
                               double                   *out_width,
                               double                   *out_height)
{
  g_return_if_fail (pages != NULL);
  if (out_width != NULL)
    *out_width = pages->width;
  if (out_height != NULL)
    *out_height = pages->height;
}

const char *
export_receipt_pages_get_number (const ExportReceiptPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);
  return pages->d.receipt->number;
}

/* The one drawing routine of a receipt: the PDF, the preview and a
 * printer's page all come through here. */
void
export_receipt_pages_draw (const ExportReceiptPages *pages,
                           cairo_t                  *cr,
                           int                       page)
{
  Sheet s = { cr, FALSE, 0, 0, NULL, NULL };

  g_return_if_fail (pages != NULL && cr != NULL);
  g_return_if_fail (page == 1);

  s.width = pages->width;
  s.d = &pages->d;
  s.qr = pages->qr;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_receipt (&s);
  cairo_restore (cr);
}

/* The receipt as PDF bytes, drawn by export_receipt_pages_draw(). */
static GBytes *
render_receipt (const ExportReceiptPages  *pages,
                GError                   **error)
{
  const ReceiptData *d = &pages->d;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, pages->width,
                                                                  pages->height);
  g_autofree char *title = g_strdup_printf ("%s收款收据 %s", d->community, d->receipt->number);
  cairo_status_t status;
  cairo_t *cr;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Community Ledger (小区公账)");
  cr = cairo_create (surface);
  export_receipt_pages_draw (pages, cr, 1);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not draw the receipt: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* Reads, draws, and writes the PDF under a temporary name first. */
gboolean
export_receipt (LedgerBook  *book,
                const char  *number,
                const char  *pdf_path,
                char       **out_qr_payload,
                GError     **error)
{
  g_autoptr(ExportReceiptPages) pages = NULL;
  ExportStagedFile staged = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  const char *field = _("receipt file");
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (number != NULL && pdf_path != NULL, FALSE);

  if (!ledger_book_check_outputs (book, 1, &field, &pdf_path, error))
    return FALSE;
  pages = export_receipt_pages_new (book, number, error);
  ok = pages != NULL && (pdf = render_receipt (pages, error)) != NULL;
  ok = ok && export_stage_file (&staged, pdf_path, pdf, error) &&
       export_stage_commit (&staged, error);
  export_stage_clear (&staged);
  if (ok && out_qr_payload != NULL)
    *out_qr_payload = g_strdup (pages->payload);
  return ok;
}

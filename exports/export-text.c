/* export-text.c — what the notice, the receipt and the phone page share:
 * Chinese wording, the notice's QR payload, pango layouts and files that
 * appear whole or not at all */
#define G_LOG_DOMAIN "exports"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export-notice-private.h"
#include "ledger.h"

/* ------------------------------------------------------------------ */
/* Wording */

/* The period as the notice names it. */
char *
export_period_chinese (const LedgerPeriod *period)
{
  static const char *const quarters[] = { "一", "二", "三", "四" };
  const char *rest = strchr (period->name, '-');
  int n;

  if (rest == NULL)
    return g_strdup_printf ("%d年度", period->year);
  if (rest[1] == 'Q' || rest[1] == 'q')
    {
      n = atoi (rest + 2);
      if (n >= 1 && n <= 4)
        return g_strdup_printf ("%d年第%s季度", period->year, quarters[n - 1]);
    }
  n = atoi (rest + 1);
  return g_strdup_printf ("%d年%d月", period->year, n);
}

/* A period's name as stored ("2026-Q1", in the 上期补记 and 更正 lists) as
 * the notice writes it (2026年第一季度). Shared by the PDF and the phone
 * page: the phone page printed the stored code, so a resident read
 * "2026-Q1" on the phone where the printed notice said 2026年第一季度. */
char *
export_period_name_chinese (const char *name)
{
  LedgerPeriod period;

  if (!ledger_period_parse (name, "period", &period, NULL))
    return g_strdup (name);
  return export_period_chinese (&period);
}

char *
export_revision_mark (const LedgerNoticeData *data)
{
  g_autofree char *day = NULL;

  if (data->replaces_at[0] == '\0')
    return NULL;
  day = export_date_chinese (data->replaces_at);
  return g_strdup_printf ("更正版：替代%s发布的本期公示（说明见下文）", day);
}

char *
export_revision_text (const LedgerNoticeData *data)
{
  g_autofree char *day = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *total = NULL;
  g_autofree char *now = NULL;

  if (data->replaces_at[0] == '\0')
    return NULL;
  day = export_date_chinese (data->replaces_at);
  closing = ledger_money_format (data->replaced_closing);
  if (data->revisions->len == 0)
    return g_strdup_printf ("本公示替代%s发布的本期公示（账本指纹%s），期末余额%s不变。",
                            day, data->replaces_fingerprint, closing);
  total = ledger_money_format (data->revision_total);
  now = ledger_money_format (data->report->closing);
  return g_strdup_printf ("本公示替代%s发布的本期公示（账本指纹%s）：该公示期末余额为%s；此后登记、"
                          "日期在本期内的款项%u笔，合计%s，已计入本期数字，期末余额现为%s。",
                          day, data->replaces_fingerprint, closing, data->revisions->len, total, now);
}

/* A date as people write it on a notice. */
char *
export_date_chinese (const char *iso)
{
  int year = 0, month = 0, day = 0;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup_printf ("%d年%d月%d日", year, month, day);
}

/* What an income line is called on the notice. */
const char *
export_income_name (const LedgerReportLine *line)
{
  /* The prepaid line carries the account's source-language name; fee
   * items carry the committee's own (Chinese) name. */
  LedgerIncomeCategory category;

  if (g_strcmp0 (line->code, "prepaid") == 0)
    return "预交款";
  /* Other income under its category's Chinese name (利息, 租金 …). */
  if (g_str_has_prefix (line->code, "other-income:") &&
      ledger_income_category_parse (line->code + strlen ("other-income:"), "category", &category, NULL))
    return ledger_income_category_chinese (category);
  return line->name;
}

/* What an expense line is called on the notice: its category in Chinese;
 * a bank's charge on a transfer is not a category anyone spends on. */
const char *
export_expense_name (const LedgerReportLine *line)
{
  if (g_strcmp0 (line->code, "bank-charges") == 0)
    return "银行手续费";
  return ledger_expenditure_category_chinese (line->code);
}

/* An account as the notice names it: as listed by account (scrubbed),
 * or in Chinese for one it does not list. */
char *
export_account_name (const LedgerNoticeData *data,
                     const char             *code)
{
  for (guint i = 0; i < data->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (data->accounts, i);

      if (g_strcmp0 (line->code, code) == 0)
        return g_strdup (line->name);
    }
  return ledger_account_chinese (code, NULL);
}

/* A fund's Chinese name by its code ("maintenance": 维修资金). */
static const char *
fund_chinese (const char *code)
{
  LedgerFund fund;

  if (ledger_fund_parse (code, "fund", &fund, NULL))
    return ledger_fund_chinese (fund);
  return code;
}

char *
export_other_income_text (const LedgerNoticeData   *data,
                          const LedgerNoticeIncome *income)
{
  const char *category = income->category;
  g_autofree char *account = export_account_name (data, income->account);
  LedgerIncomeCategory c;
  GString *text = g_string_new (NULL);

  if (ledger_income_category_parse (income->category, "category", &c, NULL))
    category = ledger_income_category_chinese (c);
  g_string_append_printf (text, "%s（%s，存入%s，计入%s）", category, income->voucher, account,
                          fund_chinese (income->fund));
  if (*income->memo != '\0')
    g_string_append_printf (text, "：%s", income->memo);
  return g_string_free (text, FALSE);
}

char *
export_refund_text (const LedgerNoticeData   *data,
                    const LedgerNoticeRefund *refund)
{
  g_autofree char *account = export_account_name (data, refund->account);

  return g_strdup_printf ("退还业主预交款，从%s付出：%s", account, refund->reason);
}

char *
export_transfer_text (const LedgerNoticeData     *data,
                      const LedgerNoticeTransfer *transfer)
{
  g_autofree char *from = export_account_name (data, transfer->from);
  g_autofree char *to = export_account_name (data, transfer->to);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s → %s", from, to);
  if (transfer->fee > 0)
    {
      g_autofree char *fee = ledger_money_format (transfer->fee);

      g_string_append_printf (text, "（手续费%s，已计入支出）", fee);
    }
  if (*transfer->memo != '\0')
    g_string_append_printf (text, "：%s", transfer->memo);
  return g_string_free (text, FALSE);
}

const char *
export_fund_chinese (int fund)
{
  return ledger_fund_chinese ((LedgerFund) fund);
}

const char *
export_entry_kind_chinese (const char *kind)
{
  static const struct { const char *kind, *chinese; } kinds[] = {
    { "payment", "收费" }, { "void", "作废收据" }, { "waiver", "减免" }, { "charge", "应收费用" },
    { "expenditure", "支出" }, { "income", "其他收入" }, { "refund", "退款" },
    { "transfer", "转账" }, { "opening", "期初" }, { "advance", "备用金" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return kinds[i].chinese;
  return kind;
}

/* A percentage with two decimals, from integers only. */
char *
export_ratio_text (gint64 part,
                   gint64 whole)
{
  int bp = ledger_ratio_bp (part, whole);

  return g_strdup_printf ("%d.%02d%%", bp / 100, bp % 100);
}

/* What an expenditure was for, as one line of the table. */
char *
export_expenditure_purpose (gint64      vote_id,
                            gboolean    from_maintenance_fund,
                            const char *category,
                            const char *memo)
{
  GString *text = g_string_new (ledger_expenditure_category_chinese (category));

  if (memo != NULL && *memo != '\0')
    g_string_append_printf (text, "：%s", memo);
  if (from_maintenance_fund)
    g_string_append (text, "（动用维修资金）");
  if (vote_id > 0)
    g_string_append_printf (text, "（经第%" G_GINT64_FORMAT "号表决）", vote_id);
  return g_string_free (text, FALSE);
}

/* "参与表决的业主人数：8 / 10（80.00%，须不少于三分之二）达到" */
static char *
ratio_line (const char *label,
            const char *part_text,
            const char *whole_text,
            gint64      part,
            gint64      whole,
            const char *needed,
            gboolean    met)
{
  g_autofree char *pct = export_ratio_text (part, whole);

  return g_strdup_printf ("%s：%s / %s（%s，须%s）%s", label, part_text, whole_text, pct, needed,
                          met ? "达到" : "未达到");
}

/* Shared by the paper and the phone page, so they cannot disagree. */
char **
export_vote_lines (const LedgerVote *v)
{
  const LedgerTally *t = &v->tally;
  gboolean major = ledger_matter_is_major (v->matter);
  const char *approval = major ? "不少于四分之三" : "超过半数";
  g_autofree char *hv = g_strdup_printf ("%" G_GINT64_FORMAT, t->heads_voted);
  g_autofree char *ht = g_strdup_printf ("%" G_GINT64_FORMAT, t->heads_total);
  g_autofree char *hy = g_strdup_printf ("%" G_GINT64_FORMAT, t->heads_yes);
  g_autofree char *av = ledger_area_format (t->area_voted);
  g_autofree char *at = ledger_area_format (t->area_total);
  g_autofree char *ay = ledger_area_format (t->area_yes);
  g_autofree char *closed = export_date_chinese (v->closed_on);
  GPtrArray *lines = g_ptr_array_new ();

  /* The same tests as ledger_tally_decide(), shown one by one. */
  g_ptr_array_add (lines, g_strdup_printf ("第%" G_GINT64_FORMAT "号表决：%s", v->id, v->title));
  g_ptr_array_add (lines, g_strdup_printf ("事项：第%d项 %s；%s结束计票", v->matter,
                                           ledger_matter_name (v->matter), closed));
  g_ptr_array_add (lines, ratio_line ("参与表决的业主人数", hv, ht, t->heads_voted, t->heads_total,
                                      "不少于三分之二",
                                      t->heads_total > 0 && 3 * t->heads_voted >= 2 * t->heads_total));
  g_ptr_array_add (lines, ratio_line ("参与表决的专有面积（㎡）", av, at, t->area_voted, t->area_total,
                                      "不少于三分之二",
                                      t->heads_total > 0 && 3 * t->area_voted >= 2 * t->area_total));
  g_ptr_array_add (lines, ratio_line ("同意的业主人数", hy, hv, t->heads_yes, t->heads_voted, approval,
                                      major ? 4 * t->heads_yes >= 3 * t->heads_voted
                                            : 2 * t->heads_yes > t->heads_voted));
  g_ptr_array_add (lines, ratio_line ("同意的专有面积（㎡）", ay, av, t->area_yes, t->area_voted, approval,
                                      major ? 4 * t->area_yes >= 3 * t->area_voted
                                            : 2 * t->area_yes > t->area_voted));
  g_ptr_array_add (lines, g_strdup_printf ("表决结果：%s",
                                           t->passed ? "通过"
                                           : !t->participation_met ? "未通过（参与表决的业主不足）"
                                           : "未通过（同意的业主不足）"));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/* ------------------------------------------------------------------ */
/* The notice's QR code */

/* "基金：日常经费¥…，维修资金¥…，公共收益¥…" and the arrears, for the QR
 * code: whose the money is, and what owners still owe. */
static void
append_funds (GString                *text,
              const LedgerNoticeData *data)
{
  g_autofree char *arrears = ledger_money_format (data->arrears);

  g_string_append (text, "期末基金：");
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    {
      g_autofree char *money = ledger_money_format (data->funds[f]);

      g_string_append_printf (text, "%s%s%s", f > 0 ? "，" : "", export_fund_chinese (f), money);
    }
  g_string_append_printf (text, "\n期末欠费：%s\n", arrears);
}

/* The text of the notice's QR code. */
char *
export_notice_qr_payload (const LedgerNoticeData *data)
{
  const LedgerIncomeReport *r = data->report;
  g_autofree char *period = export_period_chinese (&data->period);
  g_autofree char *opening = ledger_money_format (data->carried);
  g_autofree char *late = ledger_money_format (data->late_total);
  g_autofree char *income = ledger_money_format (r->income_total);
  g_autofree char *expenditures = ledger_money_format (r->expenditure_total);
  g_autofree char *closing = ledger_money_format (r->closing);
  g_autofree char *fingerprint = ledger_tree_head_format (&data->head);
  GString *text = g_string_new (NULL);

  /* Plain text a scanner shows as it is: figures to compare with the
   * paper, and the fingerprint to compare with the book. It asks nobody
   * for anything. */
  if (data->publication_url != NULL && *data->publication_url != '\0')
    g_string_append_printf (text, "%s\n", data->publication_url);
  g_string_append_printf (text,
                          "%s财务收支公示\n"
                          "期间：%s\n"
                          "期初余额：%s\n",
                          data->community, period, opening);
  /* A second notice of the period says which it replaces and what that
   * one closed with, so that a scan of either paper tells them apart. */
  if (data->replaces_at[0] != '\0')
    {
      g_autofree char *was = ledger_money_format (data->replaced_closing);

      g_string_append_printf (text, "替代%s公示，原期末余额：%s\n", data->replaces_at, was);
    }
  /* The opening is what the last notice closed with; what was entered
   * for its days since follows on a line of its own, as on the paper. */
  if (data->late_entries->len > 0)
    g_string_append_printf (text, "上期补记：%s\n", late);
  g_string_append_printf (text, "本期收入：%s\n", income);
  /* Refunds are money out of their own, only when there were any. */
  if (data->refunds->len > 0)
    {
      g_autofree char *refunds = ledger_money_format (data->refund_total);

      g_string_append_printf (text, "本期退款：%s\n", refunds);
    }
  g_string_append_printf (text,
                          "本期支出：%s\n"
                          "期末余额：%s\n",
                          expenditures, closing);
  append_funds (text, data);
  g_string_append_printf (text, "账本指纹：%s", fingerprint);
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ */
/* Text on a page */

/* Every text on paper goes through here: one font, unhinted metrics. */
PangoLayout *
export_layout_new (cairo_t        *cr,
                   const char     *text,
                   double          size,
                   double          width,
                   PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_new ();

  /* Unhinted metrics: the same line breaks on paper and on screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_family (font, EXPORT_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* How far a layout reaches down. */
double
export_layout_height (PangoLayout *layout)
{
  int width = 0, height = 0;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

/* Draws a layout at a point. */
void
export_layout_show (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Keeps QR modules on whole pixels of a 150 dpi print. */
double
export_snap_to_print (double value)
{
  return floor (value / EXPORT_PRINT_PIXEL) * EXPORT_PRINT_PIXEL;
}

/* ------------------------------------------------------------------ */
/* Files */

/* LEDGER_ERROR_IO naming the file the user asked for. */
static gboolean
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = ledger_quote_path (path);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not write %s: %s"), display,
               g_strerror (saved_errno));
  return FALSE;
}

/* Writes all of @data to @fd and flushes it to the disk. */
static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           const char  *path,
           GError     **error)
{
  int saved = ledger_write_all (fd, data, length);

  if (saved != 0)
    return set_io_error (error, path, saved);
  if (fsync (fd) != 0)
    return set_io_error (error, path, errno);
  return TRUE;
}

/* Writes under a temporary name in the same folder, so that the
 * final rename is atomic. */
gboolean
export_stage_file (ExportStagedFile  *file,
                   const char        *path,
                   GBytes            *bytes,
                   GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *checksum = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean ok;
  int fd;

  memset (file, 0, sizeof *file);
  file->path = g_strdup (path);
  file->name = g_filename_display_basename (path);
  /* A hidden name in the same folder: the rename is then atomic. */
  {
    g_autofree char *base = g_path_get_basename (path);

    file->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  }
  fd = g_mkstemp_full (file->tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&file->tmp_path, g_free);
      return set_io_error (error, path, saved);
    }
  {
    GStatBuf info;

    if (fstat (fd, &info) == 0)
      {
        file->dev = info.st_dev;
        file->ino = info.st_ino;
      }
  }
  ok = write_all (fd, data, length, path, error);
  if (close (fd) != 0 && ok)
    ok = set_io_error (error, path, errno);
  if (!ok)
    return FALSE;
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_strlcpy (file->sha256, checksum, sizeof file->sha256);
  return TRUE;
}

/* Puts the file in place in one step, moving aside what was there. */
gboolean
export_stage_commit (ExportStagedFile  *file,
                     GError           **error)
{
  GStatBuf info;

  g_return_val_if_fail (file->tmp_path != NULL && !file->committed, FALSE);

  if (g_lstat (file->path, &info) == 0 && !S_ISDIR (info.st_mode))
    {
      /* The old file goes to a name created here (O_EXCL), which is then
       * ours to remove: a rename onto a name that merely looked free
       * would destroy whatever was there. */
      int fd;

      file->old_path = g_strconcat (file->tmp_path, ".old-XXXXXX", NULL);
      fd = g_mkstemp_full (file->old_path, O_RDWR | O_CLOEXEC, 0600);
      if (fd >= 0)
        close (fd);
      if (fd < 0 || g_rename (file->path, file->old_path) != 0)
        {
          int saved = errno;

          if (fd >= 0)
            g_unlink (file->old_path);
          g_clear_pointer (&file->old_path, g_free);
          return set_io_error (error, file->path, saved);
        }
    }
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      int saved = errno;

      if (file->old_path != NULL && g_rename (file->old_path, file->path) == 0)
        g_clear_pointer (&file->old_path, g_free);
      return set_io_error (error, file->path, saved);
    }
  g_clear_pointer (&file->tmp_path, g_free);
  file->committed = TRUE;
  return TRUE;
}

void
export_stage_undo (ExportStagedFile *file)
{
  GStatBuf now;

  if (!file->committed)
    return;
  file->committed = FALSE;
  /* Only the file put in place here: one renamed over it meanwhile is
   * someone else's, and then the replaced file is left (under its
   * temporary name) rather than removed or put back over theirs. */
  if (g_lstat (file->path, &now) != 0 || now.st_dev != file->dev || now.st_ino != file->ino)
    {
      g_clear_pointer (&file->old_path, g_free);
      return;
    }
  g_unlink (file->path);
  if (file->old_path != NULL && g_rename (file->old_path, file->path) == 0)
    g_clear_pointer (&file->old_path, g_free);
}

/* Removes a temporary file that was not committed and a replaced one. */
void
export_stage_clear (ExportStagedFile *file)
{
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  if (file->old_path != NULL)
    g_unlink (file->old_path);
  g_clear_pointer (&file->tmp_path, g_free);
  g_clear_pointer (&file->old_path, g_free);
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->name, g_free);
}

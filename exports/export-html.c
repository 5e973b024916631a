/* export-html.c — the notice as a page for phones: one self-contained HTML
 * file (inline CSS, the QR code as inline SVG, no external resources), the
 * same content as the paper, mobile first. Every piece of text is escaped.
 */
#define G_LOG_DOMAIN "exports"

#include "export-notice-private.h"
#include "export-qr-private.h"
#include "ledger.h"

/* Narrow screens first; nothing may be wider than the screen: long words
 * (payees, the fingerprint) wrap anywhere. */
static const char page_style[] =
  "*{box-sizing:border-box}"
  "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
  "body{margin:0;background:#f3f3f0;color:#1b1b1b;"
  "font:16px/1.6 \"WenQuanYi Micro Hei\",\"PingFang SC\",\"Hiragino Sans GB\","
  "\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif}"
  "main{max-width:42rem;margin:0 auto;padding:.75rem}"
  "h1{font-size:1.35rem;line-height:1.3;margin:.5rem 0 .25rem;text-align:center;overflow-wrap:anywhere}"
  ".period{text-align:center;color:#555;margin:0 0 .75rem}"
  "section{background:#fff;border-radius:.5rem;padding:.75rem;margin:0 0 .75rem}"
  "h2{font-size:1.1rem;margin:0 0 .5rem}"
  "h3{font-size:1rem;margin:.5rem 0 .25rem;overflow-wrap:anywhere}"
  "table{width:100%;border-collapse:collapse;table-layout:fixed}"
  "td{padding:.3rem 0;border-bottom:1px solid #eee;overflow-wrap:anywhere;vertical-align:top}"
  "td.amount{text-align:right;width:9.5em}"
  "tr.sub td:first-child{padding-left:1em;color:#444}"
  "tr.total td{font-weight:bold;border-bottom:2px solid #999}"
  ".amount{white-space:nowrap;font-variant-numeric:tabular-nums}"
  "ol{list-style:none;margin:0;padding:0}"
  "ol li{padding:.5rem 0;border-bottom:1px solid #eee}"
  ".row{display:flex;justify-content:space-between;gap:.5rem;align-items:baseline}"
  ".payee{font-weight:bold;overflow-wrap:anywhere;min-width:0}"
  ".purpose{color:#444;overflow-wrap:anywhere}"
  ".date{color:#666;font-size:.875rem}"
  "ul{margin:0;padding-left:1.1em}"
  "ul li{overflow-wrap:anywhere}"
  ".qr{max-width:15rem;margin:0 auto}"
  ".qr svg{display:block;width:100%;height:auto}"
  ".short{font-size:1.3rem;text-align:center;letter-spacing:.05em;margin:.5rem 0 0}"
  ".full{font-family:monospace;font-size:.8rem;word-break:break-all;overflow-wrap:anywhere;color:#555}"
  ".note{color:#555;font-size:.875rem}"
  "footer{text-align:right;margin:1rem .25rem 2rem}";

/* Appends @text escaped for HTML. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* Appends "<TAG class="CLASS">escaped text</TAG>". */
static void
append_element (GString    *out,
                const char *tag,
                const char *klass,
                const char *text)
{
  if (klass != NULL)
    g_string_append_printf (out, "<%s class=\"%s\">", tag, klass);
  else
    g_string_append_printf (out, "<%s>", tag);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

/* One row of the figures: label, amount. */
static void
append_figure (GString    *out,
               const char *klass,
               const char *label,
               gint64      amount)
{
  g_autofree char *money = ledger_money_format (amount);

  g_string_append_printf (out, "<tr class=\"%s\">", klass);
  append_element (out, "td", NULL, label);
  append_element (out, "td", "amount", money);
  g_string_append (out, "</tr>");
}

/* The doctype, the language, the viewport and the inline style. */
static void
append_head (GString                *out,
             const LedgerNoticeData *data,
             const char             *period)
{
  g_autofree char *title = g_strdup_printf ("%s财务收支公示 %s", data->community, period);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Community Ledger\">\n");
  append_element (out, "title", NULL, title);
  g_string_append_printf (out, "\n<style>%s</style>\n</head>\n<body>\n<main>\n", page_style);
}

/* 收支概况 and 收缴情况. */
static void
append_figures (GString                *out,
                const LedgerNoticeData *data)
{
  const LedgerIncomeReport *r = data->report;
  const LedgerCollection *c = &data->collection;

  g_string_append (out, "<section id=\"figures\"><h2>收支概况</h2><table>");
  /* The opening is the closing the last notice printed (上期补记 below). */
  append_figure (out, "total", "期初余额", data->carried);
  if (data->late_entries->len > 0)
    append_figure (out, "total", "上期补记", data->late_total);
  append_figure (out, "total", "本期收入", r->income_total);
  for (guint i = 0; i < r->income->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (r->income, i);

      append_figure (out, "sub", export_income_name (line), line->amount);
    }
  if (data->refunds->len > 0)
    append_figure (out, "total", "本期退款", data->refund_total);
  append_figure (out, "total", "本期支出", r->expenditure_total);
  for (guint i = 0; i < r->expenditures->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (r->expenditures, i);

      append_figure (out, "sub", export_expense_name (line), line->amount);
    }
  append_figure (out, "total", "期末余额", r->closing);
  g_string_append (out, "</table>");
  if (c->due > 0)
    {
      g_autofree char *due = ledger_money_format (c->due);
      g_autofree char *paid = ledger_money_format (c->paid);
      g_autofree char *rate = ledger_rate_format (c->rate_bp);
      g_autofree char *line = g_strdup_printf ("%d年度收缴率%s：应收%s，已收%s；%u户中已缴清%u户。",
                                               c->year, rate, due, paid, c->households,
                                               c->households_paid);

      append_element (out, "p", "note", line);
    }
  g_string_append (out, "</section>\n");
}

/* 期末资金: where the money is (by account) and whose it is (by fund),
 * and the two lines that tie them. */
static void
append_balances (GString                *out,
                 const LedgerNoticeData *data)
{
  g_string_append (out, "<section id=\"balances\"><h2>期末资金</h2><table>");
  append_figure (out, "total", "按账户", data->accounts_total);
  for (guint i = 0; i < data->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (data->accounts, i);

      append_figure (out, "sub", line->name, line->amount);
    }
  append_figure (out, "total", "按基金", data->funds_total);
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    append_figure (out, "sub", export_fund_chinese (f), data->funds[f]);
  append_figure (out, "total", "期末欠费（业主应缴未缴）", data->arrears);
  append_figure (out, "total", "业主预交款及押金", data->owners_credit);
  g_string_append (out, "</table>");
  append_element (out, "p", "note", "基金合计 = 账户合计 + 期末欠费 − 业主预交款及押金。");
  g_string_append (out, "</section>\n");
}

/* One list item: @who and @amount on a row, then @what and @date. */
static void
append_item (GString    *out,
             const char *who,
             gint64      amount,
             const char *what,
             const char *date)
{
  g_autofree char *money = ledger_money_format (amount);

  g_string_append (out, "<li><div class=\"row\">");
  append_element (out, "span", "payee", who);
  append_element (out, "span", "amount", money);
  g_string_append (out, "</div>");
  append_element (out, "div", "purpose", what);
  append_element (out, "div", "date", date);
  g_string_append (out, "</li>");
}

/* 其他收入, 退款 and 资金划转, each when there is something to list. */
static void
append_money_moves (GString                *out,
                    const LedgerNoticeData *data)
{
  if (data->incomes->len > 0)
    {
      g_string_append_printf (out, "<section id=\"other-income\"><h2>其他收入明细（共%u笔）</h2><ol>",
                              data->incomes->len);
      for (guint i = 0; i < data->incomes->len; i++)
        {
          const LedgerNoticeIncome *income = g_ptr_array_index (data->incomes, i);
          g_autofree char *what = export_other_income_text (data, income);

          append_item (out, *income->payer != '\0' ? income->payer : "—", income->amount, what, income->date);
        }
      g_string_append (out, "</ol></section>\n");
    }
  if (data->refunds->len > 0)
    {
      g_string_append_printf (out, "<section id=\"refunds\"><h2>退款明细（共%u笔）</h2><ol>",
                              data->refunds->len);
      for (guint i = 0; i < data->refunds->len; i++)
        {
          const LedgerNoticeRefund *refund = g_ptr_array_index (data->refunds, i);
          g_autofree char *what = export_refund_text (data, refund);

          append_item (out, refund->voucher, refund->amount, what, refund->date);
        }
      g_string_append (out, "</ol></section>\n");
    }
  if (data->transfers->len > 0)
    {
      g_string_append_printf (out, "<section id=\"transfers\"><h2>资金划转（共%u笔）</h2>",
                              data->transfers->len);
      append_element (out, "p", "note", "在业主委员会自己的账户之间划转，不是收入也不是支出。");
      g_string_append (out, "<ol>");
      for (guint i = 0; i < data->transfers->len; i++)
        {
          const LedgerNoticeTransfer *transfer = g_ptr_array_index (data->transfers, i);
          g_autofree char *what = export_transfer_text (data, transfer);

          append_item (out, transfer->voucher, transfer->amount, what, transfer->date);
        }
      g_string_append (out, "</ol></section>\n");
    }
}

/* One list item per expenditure of @list. */
static void
append_expenditure_list (GString         *out,
                         const GPtrArray *list)
{
  g_string_append (out, "<ol>");
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerExpenditure *e = g_ptr_array_index (list, i);
      g_autofree char *money = ledger_money_format (e->amount);
      g_autofree char *purpose = export_expenditure_purpose (e->vote_id, e->from_maintenance_fund,
                                                             e->category, e->memo);

      g_string_append (out, "<li><div class=\"row\">");
      append_element (out, "span", "payee", e->payee);
      append_element (out, "span", "amount", money);
      g_string_append (out, "</div>");
      append_element (out, "div", "purpose", purpose);
      append_element (out, "div", "date", e->date);
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ol>");
}

/* 支出明细, and those that missed an earlier notice. */
static void
append_expenditures (GString                *out,
                     const LedgerNoticeData *data)
{
  const GPtrArray *list = data->expenditures;
  const GPtrArray *late = data->late_expenditures;

  g_string_append_printf (out, "<section id=\"spending\"><h2>支出明细（共%u笔）</h2>", list->len);
  if (list->len == 0)
    append_element (out, "p", "note", "本期没有支出。");
  else
    append_expenditure_list (out, list);
  if (late->len > 0)
    {
      g_autofree char *title = g_strdup_printf ("补充公示：以前期间公示后才登记的支出（共%u笔）",
                                                late->len);

      append_element (out, "h3", NULL, title);
      append_element (out, "p", "note", data->late_entries->len > 0 ? "已计入所属期间的收支，见“上期补记”。"
                                                                    : "已计入所属期间的收支，本期期初余额已含。");
      append_expenditure_list (out, late);
    }
  g_string_append (out, "</section>\n");
}

/* One list item per late entry or correction of @list; @corrections
 * names the period each corrects. */
static void
append_entry_list (GString         *out,
                   const GPtrArray *list,
                   gboolean         corrections)
{
  g_string_append (out, "<ol>");
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerNoticeEntry *e = g_ptr_array_index (list, i);
      g_autofree char *money = ledger_money_format (e->amount);
      g_autofree char *what = g_strdup_printf ("%s %s", export_entry_kind_chinese (e->kind), e->ref);
      g_autofree char *corrected = export_period_name_chinese (e->period);
      g_autofree char *period = g_strdup_printf ("更正%s", corrected);

      g_string_append (out, "<li><div class=\"row\">");
      append_element (out, "span", "payee", what);
      append_element (out, "span", "amount", money);
      g_string_append (out, "</div>");
      if (corrections)
        append_element (out, "div", "purpose", period);
      append_element (out, "div", "date", e->date);
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ol>");
}

/* 上期补记 and 对已公示期间的更正, each when there is something to list;
 * first, when this notice replaces one of its period, what changed since
 * (the PDF's words: export_revision_text()). */
static void
append_carried (GString                *out,
                const LedgerNoticeData *data)
{
  g_autofree char *revision = export_revision_text (data);

  if (revision != NULL)
    {
      g_string_append (out, "<section id=\"revision\">");
      append_element (out, "h2", NULL, "更正版公示");
      append_element (out, "p", "note", revision);
      if (data->revisions->len > 0)
        append_entry_list (out, data->revisions, FALSE);
      g_string_append (out, "</section>\n");
    }
  if (data->late_entries->len > 0)
    {
      g_autofree char *from = export_period_name_chinese (data->carried_from);
      g_autofree char *title = g_strdup_printf ("上期补记：%s公示后登记的款项（共%u笔）",
                                                from, data->late_entries->len);

      g_string_append (out, "<section id=\"late\">");
      append_element (out, "h2", NULL, title);
      append_element (out, "p", "note", "期初余额为上期公示的期末余额；这些款项日期在已公示期间内，在此列出，不改动已公示的数字。");
      append_entry_list (out, data->late_entries, FALSE);
      g_string_append (out, "</section>\n");
    }
  if (data->corrections->len > 0)
    {
      g_autofree char *title = g_strdup_printf ("对已公示期间的更正（共%u笔）", data->corrections->len);

      g_string_append (out, "<section id=\"corrections\">");
      append_element (out, "h2", NULL, title);
      append_element (out, "p", "note", "登记在本期、已计入本期收支。");
      append_entry_list (out, data->corrections, TRUE);
      g_string_append (out, "</section>\n");
    }
}

/* 表决结果: each vote with its four ratios. */
static void
append_votes (GString                *out,
              const LedgerNoticeData *data)
{
  g_string_append (out, "<section id=\"votes\"><h2>表决结果</h2>");
  if (data->votes->len == 0)
    append_element (out, "p", "note", "本期没有结束的业主表决。");
  for (guint i = 0; i < data->votes->len; i++)
    {
      g_auto(GStrv) lines = export_vote_lines (g_ptr_array_index (data->votes, i));

      append_element (out, "h3", NULL, lines[0]);
      g_string_append (out, "<ul>");
      for (guint k = 1; lines[k] != NULL; k++)
        append_element (out, "li", NULL, lines[k]);
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</section>\n");
}

/* 账本指纹: the QR code, the short and the full fingerprint. */
static gboolean
append_fingerprint (GString                 *out,
                    const LedgerNoticeData  *data,
                    const char              *qr_payload,
                    GError                 **error)
{
  g_autoptr(ExportQr) qr = export_qr_new (qr_payload, error);
  g_autofree char *svg = NULL;
  g_autofree char *short_form = ledger_tree_head_format_short (&data->head);
  g_autofree char *full = ledger_tree_head_format (&data->head);

  if (qr == NULL)
    return FALSE;
  svg = export_qr_svg (qr);
  g_string_append (out, "<section id=\"fingerprint\"><h2>账本指纹</h2>");
  /* The SVG is ours, not user text: it goes in as it is. */
  g_string_append_printf (out, "<div class=\"qr\">%s</div>", svg);
  append_element (out, "p", "short", short_form);
  append_element (out, "p", "full", full);
  append_element (out, "p", "note",
                  "纸质公示上的二维码与这里的相同：扫出的金额与指纹应与公示上印刷的一致。");
  g_string_append (out, "</section>\n");
  return TRUE;
}

/* Builds the whole page in memory; the caller writes it beside the PDF. */
GBytes *
export_notice_html (const LedgerNoticeData  *data,
                    const char              *qr_payload,
                    GError                 **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *period = export_period_chinese (&data->period);
  g_autofree char *first = export_date_chinese (data->period.first);
  g_autofree char *last = export_date_chinese (data->period.last);
  g_autofree char *heading = g_strdup_printf ("%s财务收支公示", data->community);
  g_autofree char *when = g_strdup_printf ("%s（%s至%s）", period, first, last);
  g_autofree char *date = export_date_chinese (data->date);
  g_autofree char *revision = export_revision_mark (data);

  append_head (out, data, period);
  g_string_append (out, "<header>");
  append_element (out, "h1", NULL, heading);
  if (data->address != NULL && *data->address != '\0')
    append_element (out, "p", "period", data->address);
  append_element (out, "p", "period", when);
  if (revision != NULL)
    append_element (out, "p", "period", revision);
  g_string_append (out, "</header>\n");
  append_figures (out, data);
  append_balances (out, data);
  append_money_moves (out, data);
  append_expenditures (out, data);
  append_carried (out, data);
  append_votes (out, data);
  if (!append_fingerprint (out, data, qr_payload, error))
    return NULL;
  g_string_append (out, "<footer>");
  append_element (out, "div", NULL, data->committee);
  append_element (out, "div", NULL, date);
  g_string_append (out, "</footer>\n</main>\n</body>\n</html>\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

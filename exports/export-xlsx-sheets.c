/* export-xlsx-sheets.c — writing the workbook's sheets: the cell writers
 * every sheet uses, and the detail sheets 收入 (Income), 支出
 * (Expenditures), 欠费 (Arrears), 住户 (Households) and 表决 (Votes)
 *
 * Each sheet is written strictly row by row (constant_memory mode) and,
 * where the ledger has a report for it, checked against that report as it
 * ends (the tie-out checks in export-xlsx-checks.c). See the top of export-xlsx.c
 * for the decisions an auditor should know.
 */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "export-xlsx-private.h"
#include "ledger.h"

/* ------------------------------------------------------------------ */
/* Writing cells */

/* Keeps the first error libxlsxwriter reports; checked before closing. */
void
export_xlsx_check (Export    *x,
                   lxw_error  err)
{
  if (x->status == LXW_NO_ERROR)
    x->status = err;
}

/* A copy of text from the book that no spreadsheet takes for a formula: a
 * leading = + - @, tab or carriage return gets an apostrophe in front (see
 * the top of export-xlsx.c); invalid UTF-8 (never in a book) is repaired. */
char *
export_xlsx_neutralise (const char *text)
{
  g_autofree char *valid = ledger_privacy_neutralise (text);

  if (strchr ("=+-@\t\r", valid[0]) != NULL && valid[0] != '\0')
    return g_strconcat ("'", valid, NULL);
  return g_steal_pointer (&valid);
}

/* Writes text from the book as a string cell; empty text leaves it blank. */
void
export_xlsx_put_text (Export     *x,
                      Sheet      *s,
                      lxw_col_t   col,
                      const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL || *text == '\0')
    return;
  /* Nearly every text is its own neutralised form: no copy for it. */
  if (strchr ("=+-@\t\r", text[0]) != NULL || !ledger_privacy_is_neutral (text))
    safe = export_xlsx_neutralise (text);
  export_xlsx_check (x, worksheet_write_string (s->ws, s->row, col, safe != NULL ? safe : text, NULL));
}

/* The scrubber for the register's phones, made once inside the export's
 * read transaction; an export never fails for it (a register that cannot
 * be read leaves the mobile numbers to be found by their form). */
static LedgerPrivacyScrubber *
scrubber (Export *x)
{
  if (x->scrubber == NULL)
    x->scrubber = ledger_household_scrubber_new (x->book, FALSE, NULL);
  if (x->scrubber == NULL)
    x->scrubber = ledger_privacy_scrubber_new (NULL, NULL);
  return x->scrubber;
}

char *
export_xlsx_scrub (Export     *x,
                   const char *text)
{
  return ledger_privacy_scrubber_run (scrubber (x), text);
}

void
export_xlsx_put_free_text (Export     *x,
                           Sheet      *s,
                           lxw_col_t   col,
                           const char *text)
{
  g_autofree char *scrubbed = NULL;

  if (text == NULL || *text == '\0')
    return;
  scrubbed = export_xlsx_scrub (x, text);
  export_xlsx_put_text (x, s, col, scrubbed);
}

/* Money: the only place a double touches an amount. */
void
export_xlsx_put_money (Export    *x,
                       Sheet     *s,
                       lxw_col_t  col,
                       gint64     fen)
{
  export_xlsx_check (x, worksheet_write_number (s->ws, s->row, col, (double) fen / 100.0, x->money));
}

/* A plain number (counts, entry numbers, areas, ratios) in @format. */
void
export_xlsx_put_number (Export     *x,
                        Sheet      *s,
                        lxw_col_t   col,
                        double      value,
                        lxw_format *format)
{
  export_xlsx_check (x, worksheet_write_number (s->ws, s->row, col, value, format));
}

/* Whether @iso starts with four digits, "-", two digits, "-", two digits. */
static gboolean
is_iso_date (const char *iso)
{
  static const char shape[] = "dddd-dd-dd";

  for (gsize i = 0; i < sizeof shape - 1; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (iso[i]) : iso[i] != '-')
      return FALSE;
  return TRUE;
}

/* A "YYYY-MM-DD" date as a spreadsheet date; empty stays empty. */
void
export_xlsx_put_date (Export     *x,
                      Sheet      *s,
                      lxw_col_t   col,
                      const char *iso)
{
  lxw_datetime dt = { 0 };

  if (iso == NULL)
    return;
  /* A date of the book is YYYY-MM-DD: read without sscanf() (one per row
   * of the journal); anything else as sscanf() reads it. */
  if (is_iso_date (iso))
    {
      dt.year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
      dt.month = (iso[5] - '0') * 10 + (iso[6] - '0');
      dt.day = (iso[8] - '0') * 10 + (iso[9] - '0');
    }
  else if (sscanf (iso, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) != 3)
    return;
  export_xlsx_check (x, worksheet_write_datetime (s->ws, s->row, col, &dt, x->date));
}

/* ------------------------------------------------------------------ */
/* The detail sheets' columns (their headers are what verify compares) */

static const Column income_columns[] = { { "收据号", 13 }, { "日期", 11 }, { "单元", 10 }, { "缴款人", 10 },
                                       { "方式", 7 }, { "金额", 12 }, { "作废", 7 }, { "说明", 36 },
                                       { "日记账序号", 8 } };

static const Column expenditure_columns[] = { { "编号", 7 }, { "日期", 11 }, { "收款方", 20 }, { "类别", 7 },
                                            { "摘要", 28 }, { "发票号", 14 }, { "审批人", 14 }, { "金额", 12 },
                                            { "付款方式", 8 }, { "资金来源", 9 }, { "表决编号", 8 },
                                            { "附件 SHA-256", 40 }, { "日记账序号", 8 } };

static const Column arrears_columns[] = { { "单元", 10 }, { "业主", 10 }, { "年度", 7 }, { "收费项目", 10 },
                                        { "应收", 12 }, { "减免", 12 }, { "已缴", 12 }, { "欠费", 12 } };

static const Column household_columns[] = { { "单元", 10 }, { "业主", 10 }, { "业主编号", 10 }, { "电话", 13 },
                                          { "面积（㎡）", 10 }, { "车位", 6 }, { "状态", 7 }, { "入住日期", 11 },
                                          { "盐（核对业主承诺用）", 34 } };

static const Column vote_columns[] = { { "编号", 6 }, { "标题", 26 }, { "事项", 24 }, { "说明", 24 },
                                     { "开始", 11 }, { "截止", 11 }, { "状态", 7 }, { "结束日期", 11 },
                                     { "总人数", 8 }, { "参与人数", 8 }, { "同意人数", 8 }, { "反对人数", 8 },
                                     { "总面积", 11 }, { "参与面积", 11 }, { "同意面积", 11 }, { "反对面积", 11 },
                                     { "人数参与率", 9 }, { "面积参与率", 9 }, { "人数同意率", 9 },
                                     { "面积同意率", 9 }, { "参与门槛", 7 }, { "通过门槛", 7 }, { "结果", 12 } };

const Column *
export_xlsx_sheet_columns (const char *sheet,
                           guint      *n_columns)
{
  static const struct { const char *sheet; const Column *columns; guint n; } sheets[] = {
    { "收入", income_columns, G_N_ELEMENTS (income_columns) },
    { "支出", expenditure_columns, G_N_ELEMENTS (expenditure_columns) },
    { "欠费", arrears_columns, G_N_ELEMENTS (arrears_columns) },
    { "住户", household_columns, G_N_ELEMENTS (household_columns) },
    { "表决", vote_columns, G_N_ELEMENTS (vote_columns) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sheets); i++)
    if (strcmp (sheets[i].sheet, sheet) == 0)
      {
        *n_columns = sheets[i].n;
        return sheets[i].columns;
      }
  return export_xlsx_money_columns (sheet, n_columns);
}

/* ------------------------------------------------------------------ */
/* Sheets */

/* Landscape A4, one page wide, headers repeated on every page. */
static void
page_setup (lxw_worksheet *ws,
            gboolean       titles)
{
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
  worksheet_fit_to_pages (ws, 1, 0);
  if (titles)
    worksheet_repeat_rows (ws, 0, 0);
}

/* Adds a sheet; for a table (@columns != NULL) writes the header row,
 * sets the widths and freezes the header. */
gboolean
export_xlsx_sheet_add (Export        *x,
                       Sheet         *s,
                       const char    *name,
                       const Column  *columns,
                       guint          n_columns,
                       GError       **error)
{
  s->name = g_strdup (name);
  s->ws = workbook_add_worksheet (x->wb, name);
  if (s->ws == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot add the sheet “%s”"), name);
      return FALSE;
    }
  page_setup (s->ws, columns != NULL);
  s->columns = (lxw_col_t) n_columns;
  for (guint i = 0; columns != NULL && i < n_columns; i++)
    {
      worksheet_set_column (s->ws, (lxw_col_t) i, (lxw_col_t) i, columns[i].width, NULL);
      export_xlsx_check (x, worksheet_write_string (s->ws, 0, (lxw_col_t) i, columns[i].header, x->header));
    }
  if (columns != NULL)
    {
      worksheet_freeze_panes (s->ws, 1, 0);
      s->row = 1;
    }
  return TRUE;
}

/* An autofilter over the table, once its length is known. */
void
export_xlsx_sheet_finish (Export *x,
                          Sheet  *s)
{
  export_xlsx_check (x, worksheet_autofilter (s->ws, 0, 0, MAX (s->row, 2) - 1, s->columns - 1));
}

/* ------------------------------------------------------------------ */
/* 收入 Income */

/* Frees a FeeColumn (the GDestroyNotify of Export.fees). */
static void
fee_column_free (FeeColumn *c)
{
  g_free (c->code);
  g_free (c->name);
  g_free (c->header);
  g_free (c);
}

/* Adds a fee column for @code unless there is one. Its name is typed by
 * people and shows in the Income sheet's header and the Summary's labels:
 * phone numbers removed, as in every free-text cell. */
static void
fee_column_add (Export     *x,
                GPtrArray  *fees,
                const char *code,
                const char *name)
{
  FeeColumn *c;

  for (guint i = 0; i < fees->len; i++)
    if (strcmp (((FeeColumn *) g_ptr_array_index (fees, i))->code, code) == 0)
      return;
  c = g_new0 (FeeColumn, 1);
  c->code = g_strdup (code);
  c->name = export_xlsx_scrub (x, name);
  c->header = export_xlsx_neutralise (c->name);
  g_ptr_array_add (fees, c);
}

/* The fee columns: the report's fee items, then any other fee a listed
 * receipt settled (paid and voided within the period), then prepaid credit. */
static gboolean
plan_fee_columns (Export     *x,
                  GPtrArray  *receipts,
                  GError    **error)
{
  g_autoptr(GPtrArray) versions = ledger_fee_list_versions (x->book, error);

  if (versions == NULL)
    return FALSE;
  x->fees = g_ptr_array_new_with_free_func ((GDestroyNotify) fee_column_free);
  for (guint i = 0; i < x->report->income->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (x->report->income, i);

      const char *other = export_xlsx_other_income_chinese (line->code);

      if (strcmp (line->code, "prepaid") != 0)
        fee_column_add (x, x->fees, line->code, other != NULL ? other : line->name);
    }
  for (guint i = 0; i < receipts->len; i++)
    {
      const LedgerReceipt *r = g_ptr_array_index (receipts, i);

      for (guint j = 0; j < r->lines->len; j++)
        for (guint k = 0; k < versions->len; k++)
          if (strcmp (((LedgerFee *) g_ptr_array_index (versions, k))->code,
                      g_array_index (r->lines, LedgerReceiptLine, j).fee_code) == 0)
            fee_column_add (x, x->fees, ((LedgerFee *) g_ptr_array_index (versions, k))->code,
                            ((LedgerFee *) g_ptr_array_index (versions, k))->name);
    }
  fee_column_add (x, x->fees, "prepaid", "预收款");
  return TRUE;
}

/* The part of receipt @r that went to fee column @c. */
static gint64
receipt_part (const LedgerReceipt *r,
              const FeeColumn     *c)
{
  gint64 part = 0;

  if (strcmp (c->code, "prepaid") == 0)
    return r->to_credit;
  for (guint i = 0; i < r->lines->len; i++)
    if (strcmp (g_array_index (r->lines, LedgerReceiptLine, i).fee_code, c->code) == 0)
      ledger_total_add_saturating (&part, g_array_index (r->lines, LedgerReceiptLine, i).amount);
  return part;
}

/* "物业费 2026 ¥360.00；预收款 ¥20.00" */
static char *
receipt_settled (Export              *x,
                 const LedgerReceipt *r)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < r->lines->len; i++)
    {
      const LedgerReceiptLine *line = &g_array_index (r->lines, LedgerReceiptLine, i);
      g_autofree char *money = ledger_money_format (line->amount);

      for (guint j = 0; j < x->fees->len; j++)
        if (strcmp (((FeeColumn *) g_ptr_array_index (x->fees, j))->code, line->fee_code) == 0)
          g_string_append_printf (text, "%s%s %d %s", text->len > 0 ? "；" : "",
                                  ((FeeColumn *) g_ptr_array_index (x->fees, j))->name, line->year, money);
    }
  if (r->to_credit != 0)
    {
      g_autofree char *money = ledger_money_format (r->to_credit);

      g_string_append_printf (text, "%s预收款 %s", text->len > 0 ? "；" : "", money);
    }
  return g_string_free (text, FALSE);
}

/* A receipt's row (@sign 1) or the row of its reversal (@sign −1). */
static void
income_row (Export              *x,
            const LedgerReceipt *r,
            int                  sign,
            const char          *date,
            gint64               txn_id)
{
  Sheet *s = &x->income;
  g_autofree char *note = sign > 0 ? receipt_settled (x, r)
                                   : g_strdup_printf ("冲销 %s：%s", r->number, r->void_reason);

  export_xlsx_put_text (x, s, 0, r->number);
  export_xlsx_put_date (x, s, 1, date);
  export_xlsx_put_text (x, s, 2, r->unit);
  export_xlsx_put_free_text (x, s, 3, r->owner);
  export_xlsx_put_text (x, s, 4, ledger_method_chinese (r->method));
  export_xlsx_put_money (x, s, 5, sign * r->amount);
  export_xlsx_put_text (x, s, 6, sign < 0 ? "冲销" : r->voided ? "已作废" : "");
  export_xlsx_put_free_text (x, s, 7, note);
  export_xlsx_put_number (x, s, 8, (double) txn_id, NULL);
  for (guint i = 0; i < x->fees->len; i++)
    {
      FeeColumn *c = g_ptr_array_index (x->fees, i);
      gint64 part = sign * receipt_part (r, c);

      if (part != 0)
        export_xlsx_put_money (x, s, 9 + i, part);
      ledger_total_add_saturating (&c->sum, part);
    }
  s->row++;
}

/* "利息：MEMO" for other income, "退款：REASON" for a refund (the 说明). */
static char *
money_entry_note (const LedgerMoneyEntry *m)
{
  if (strcmp (m->kind, "refund") == 0)
    return g_strconcat ("退款：", m->memo, NULL);
  return export_xlsx_other_income_note (m->category, m->memo);
}

/* A row of other income (the amount in its category's column) or of a
 * refund (minus the amount, in 预收款: the owner's credit paid back). */
static void
money_entry_row (Export                 *x,
                 const LedgerMoneyEntry *m)
{
  Sheet *s = &x->income;
  gboolean refund = strcmp (m->kind, "refund") == 0;
  g_autofree char *column = refund ? g_strdup ("prepaid") : g_strconcat ("other-income:", m->category, NULL);
  g_autofree char *account = ledger_account_chinese (m->account, NULL);
  g_autofree char *note = money_entry_note (m);
  gint64 amount = refund ? -m->amount : m->amount;

  export_xlsx_put_text (x, s, 0, m->voucher);
  export_xlsx_put_date (x, s, 1, m->date);
  export_xlsx_put_text (x, s, 2, m->unit);
  export_xlsx_put_free_text (x, s, 3, m->payer);
  export_xlsx_put_text (x, s, 4, account);
  export_xlsx_put_money (x, s, 5, amount);
  export_xlsx_put_free_text (x, s, 7, note);
  export_xlsx_put_number (x, s, 8, (double) m->txn_id, NULL);
  for (guint i = 0; i < x->fees->len; i++)
    {
      FeeColumn *c = g_ptr_array_index (x->fees, i);

      if (strcmp (c->code, column) == 0)
        {
          export_xlsx_put_money (x, s, 9 + i, amount);
          ledger_total_add_saturating (&c->sum, amount);
        }
    }
  s->row++;
}

/* Whether "YYYY-MM-DD" @date lies in the export's period (ISO dates compare as text). */
static gboolean
in_period (Export     *x,
           const char *date)
{
  return strcmp (date, x->period.first) >= 0 && strcmp (date, x->period.last) <= 0;
}

/* The Income sheet: receipts of the period and reversals of voids in it. */
gboolean
export_xlsx_write_income (Export  *x,
                          GError **error)
{
  g_autoptr(GPtrArray) receipts = ledger_receipt_list (x->book, x->everything ? NULL : &x->period, error);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  gint64 total = 0, void_txn;
  char void_date[11];

  if (receipts == NULL || !plan_fee_columns (x, receipts, error))
    return FALSE;
  g_array_append_vals (columns, income_columns, G_N_ELEMENTS (income_columns));
  for (guint i = 0; i < x->fees->len; i++)
    g_array_append_val (columns, ((Column) { ((FeeColumn *) g_ptr_array_index (x->fees, i))->header, 12 }));
  if (!export_xlsx_sheet_add (x, &x->income, "收入", (Column *) columns->data, columns->len, error))
    return FALSE;
  for (guint i = 0; i < receipts->len; i++)
    {
      const LedgerReceipt *r = g_ptr_array_index (receipts, i);

      if (!ledger_receipt_void_info (x->book, r->number, void_date, &void_txn, error))
        return FALSE;
      if (in_period (x, r->date))
        {
          income_row (x, r, 1, r->date, r->txn_id);
          ledger_total_add_saturating (&total, r->amount);
        }
      if (void_txn > 0 && in_period (x, void_date))
        {
          income_row (x, r, -1, void_date, void_txn);
          ledger_total_add_saturating (&total, -r->amount);
        }
    }
  /* Then other income and refunds, by date: money received that no
   * receipt shows, and an owner's credit paid back. */
  for (guint i = 0; i < x->money_entries->len; i++)
    {
      const LedgerMoneyEntry *m = g_ptr_array_index (x->money_entries, i);

      if (strcmp (m->kind, "transfer") == 0)
        continue;
      money_entry_row (x, m);
      ledger_total_add_saturating (&total, strcmp (m->kind, "refund") == 0 ? -m->amount : m->amount);
    }
  export_xlsx_sheet_finish (x, &x->income);
  return export_xlsx_check_income (x, total, error);
}

/* ------------------------------------------------------------------ */
/* 支出 Expenditures */

/* The position of @category in ledger_expenditure_categories(), for the sums. */
static guint
category_index (const char *category)
{
  const char * const *codes = ledger_expenditure_categories ();
  guint i;

  for (i = 0; i < 15 && codes[i] != NULL; i++)
    if (strcmp (codes[i], category) == 0)
      break;
  return i;
}

/* "3f2a…  发票.jpg", one attachment a line; the names people gave the
 * files with phone numbers removed (the hashes as they are). */
static char *
attachments_text (Export          *x,
                  const GPtrArray *attachments)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < attachments->len; i++)
    {
      const LedgerAttachment *a = g_ptr_array_index (attachments, i);
      g_autofree char *name = export_xlsx_scrub (x, a->original_name);

      g_string_append_printf (text, "%s%s  %s", i > 0 ? "\n" : "", a->sha256, name);
    }
  return g_string_free (text, FALSE);
}

/* One expenditure, and its amount added to its category's sum. */
static void
expenditure_row (Export                  *x,
              const LedgerExpenditure *e)
{
  Sheet *s = &x->expenditures;
  g_autofree char *attachments = attachments_text (x, e->attachments);

  export_xlsx_put_number (x, s, 0, (double) e->id, NULL);
  export_xlsx_put_date (x, s, 1, e->date);
  export_xlsx_put_free_text (x, s, 2, e->payee);
  export_xlsx_put_text (x, s, 3, ledger_expenditure_category_chinese (e->category));
  export_xlsx_put_free_text (x, s, 4, e->memo);
  export_xlsx_put_free_text (x, s, 5, e->invoice);
  export_xlsx_put_free_text (x, s, 6, e->approvers);
  export_xlsx_put_money (x, s, 7, e->amount);
  export_xlsx_put_text (x, s, 8, ledger_method_chinese (e->method));
  export_xlsx_put_text (x, s, 9, e->from_maintenance_fund ? "维修资金" : "日常经费");
  if (e->vote_id > 0)
    export_xlsx_put_number (x, s, 10, (double) e->vote_id, NULL);
  export_xlsx_put_text (x, s, 11, attachments);
  export_xlsx_put_number (x, s, 12, (double) e->txn_id, NULL);
  ledger_total_add_saturating (&x->category_sums[category_index (e->category)], e->amount);
  s->row++;
}

/* A bank's charge on a transfer: spent from the operating fund, from the
 * account the transfer left; its voucher in 发票号, its accounts in 摘要. */
static void
bank_charge_row (Export                 *x,
                 const LedgerMoneyEntry *m)
{
  Sheet *s = &x->expenditures;
  g_autofree char *from = ledger_account_chinese (m->account, NULL);
  g_autofree char *memo = export_xlsx_transfer_note (m->account, m->to, m->memo);

  export_xlsx_put_date (x, s, 1, m->date);
  export_xlsx_put_text (x, s, 3, export_xlsx_category_chinese ("bank-charges"));
  export_xlsx_put_free_text (x, s, 4, memo);
  export_xlsx_put_text (x, s, 5, m->voucher);
  export_xlsx_put_money (x, s, 7, m->fee);
  export_xlsx_put_text (x, s, 8, from);
  export_xlsx_put_text (x, s, 9, "日常经费");
  export_xlsx_put_number (x, s, 12, (double) m->txn_id, NULL);
  ledger_total_add_saturating (&x->bank_charges, m->fee);
  s->row++;
}

/* The Expenditures sheet: every expenditure dated in the period, then
 * the bank charges on its transfers. */
gboolean
export_xlsx_write_expenditures (Export  *x,
                                GError **error)
{
  g_autoptr(GPtrArray) list = ledger_expenditure_list (x->book, x->everything ? NULL : &x->period, error);

  if (list == NULL || !export_xlsx_sheet_add (x, &x->expenditures, "支出", expenditure_columns,
                                              G_N_ELEMENTS (expenditure_columns), error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    expenditure_row (x, g_ptr_array_index (list, i));
  for (guint i = 0; i < x->money_entries->len; i++)
    {
      const LedgerMoneyEntry *m = g_ptr_array_index (x->money_entries, i);

      if (strcmp (m->kind, "transfer") == 0 && m->fee > 0)
        bank_charge_row (x, m);
    }
  export_xlsx_sheet_finish (x, &x->expenditures);
  return export_xlsx_check_expenditures (x, error);
}

/* ------------------------------------------------------------------ */
/* 欠费 Arrears */

/* Adds @owed to the year's total (the Summary's collection rows use them). */
static void
add_owed (GArray *by_year,
          int     year,
          gint64  owed)
{
  gint64 pair[2] = { year, owed };

  for (guint i = 0; i < by_year->len; i += 2)
    if (g_array_index (by_year, gint64, i) == year)
      {
        ledger_total_add_saturating (&g_array_index (by_year, gint64, i + 1), owed);
        return;
      }
  g_array_append_vals (by_year, pair, 2);
}

/* The Arrears sheet: every open charge up to the period's year, which
 * must add up to the arrears report. */
gboolean
export_xlsx_write_arrears (Export  *x,
                           GError **error)
{
  int up_to = x->everything ? 0 : x->period.year;
  g_autoptr(GPtrArray) rows = ledger_report_arrears_detail (x->book, up_to, error);
  g_autoptr(LedgerArrearsReport) report = rows != NULL ? ledger_report_arrears (x->book, up_to, error) : NULL;
  Sheet *s = &x->arrears;

  if (report == NULL || !export_xlsx_sheet_add (x, s, "欠费", arrears_columns, G_N_ELEMENTS (arrears_columns), error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++, s->row++)
    {
      const LedgerArrearCharge *c = g_ptr_array_index (rows, i);

      export_xlsx_put_text (x, s, 0, c->unit);
      export_xlsx_put_free_text (x, s, 1, c->owner);
      export_xlsx_put_number (x, s, 2, c->year, NULL);
      export_xlsx_put_free_text (x, s, 3, c->fee_name);
      export_xlsx_put_money (x, s, 4, c->billed);
      export_xlsx_put_money (x, s, 5, c->waived);
      export_xlsx_put_money (x, s, 6, c->paid);
      export_xlsx_put_money (x, s, 7, c->owed);
      add_owed (x->owed_by_year, c->year, c->owed);
      ledger_total_add_saturating (&x->arrears_total, c->owed);
    }
  export_xlsx_sheet_finish (x, s);
  return export_xlsx_check_arrears (x, report->total, error);
}

/* ------------------------------------------------------------------ */
/* 住户 Households */

/* The Households sheet: the register, phones masked (138****1234), and
 * each unit's salt, with which the owner's name shown can be checked
 * against the commitment in the journal (docs/leaf-format.md). */
gboolean
export_xlsx_write_households (Export  *x,
                              GError **error)
{
  static const char *const status[] = { "自住", "出租", "空置" };
  g_autoptr(GPtrArray) list = ledger_household_list (x->book, error);
  g_autoptr(GHashTable) salts = list != NULL ? ledger_household_salts (x->book, error) : NULL;
  Sheet *s = &x->households;

  if (salts == NULL ||
      !export_xlsx_sheet_add (x, s, "住户", household_columns, G_N_ELEMENTS (household_columns), error))
    return FALSE;
  for (guint i = 0; i < list->len; i++, s->row++)
    {
      const LedgerHousehold *h = g_ptr_array_index (list, i);
      g_autofree char *phone = ledger_text_mask_phone (h->phone);

      export_xlsx_put_text (x, s, 0, h->unit);
      export_xlsx_put_free_text (x, s, 1, h->owner);
      export_xlsx_put_free_text (x, s, 2, h->owner_key);
      export_xlsx_put_text (x, s, 3, phone);
      export_xlsx_put_number (x, s, 4, (double) h->area / 100.0, x->area);
      export_xlsx_put_number (x, s, 5, h->spaces, NULL);
      export_xlsx_put_text (x, s, 6, (guint) h->status < G_N_ELEMENTS (status) ? status[h->status] : "");
      export_xlsx_put_date (x, s, 7, h->move_in);
      export_xlsx_put_text (x, s, 8, g_hash_table_lookup (salts, h->unit));
    }
  export_xlsx_sheet_finish (x, s);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 表决 Votes */

/* One vote: counts by head and by area, the four ratios, thresholds, result. */
static void
vote_row (Export           *x,
          const LedgerVote *v)
{
  const LedgerTally *t = &v->tally;
  gint64 counts[] = { t->heads_total, t->heads_voted, t->heads_yes, t->heads_no };
  gint64 areas[] = { t->area_total, t->area_voted, t->area_yes, t->area_no };
  int ratios[] = { ledger_ratio_bp (t->heads_voted, t->heads_total), ledger_ratio_bp (t->area_voted, t->area_total),
                   ledger_ratio_bp (t->heads_yes, t->heads_voted), ledger_ratio_bp (t->area_yes, t->area_voted) };
  g_autofree char *matter = g_strdup_printf ("%d %s", v->matter, ledger_matter_name (v->matter));
  Sheet *s = &x->votes;

  export_xlsx_put_number (x, s, 0, (double) v->id, NULL);
  export_xlsx_put_free_text (x, s, 1, v->title);
  export_xlsx_put_text (x, s, 2, matter);
  export_xlsx_put_free_text (x, s, 3, v->description);
  export_xlsx_put_date (x, s, 4, v->opens);
  export_xlsx_put_date (x, s, 5, v->closes);
  export_xlsx_put_text (x, s, 6, v->closed ? "已结束" : "进行中");
  export_xlsx_put_date (x, s, 7, v->closed ? v->closed_on : NULL);
  for (guint i = 0; i < 4; i++)
    {
      export_xlsx_put_number (x, s, 8 + i, (double) counts[i], NULL);
      export_xlsx_put_number (x, s, 12 + i, (double) areas[i] / 100.0, x->area);
      export_xlsx_put_number (x, s, 16 + i, ratios[i] / 10000.0, x->percent);
    }
  export_xlsx_put_text (x, s, 20, "2/3");
  export_xlsx_put_text (x, s, 21, ledger_matter_is_major (v->matter) ? "3/4" : ">1/2");
  export_xlsx_put_text (x, s, 22, !v->closed ? "尚未结束" : v->tally.passed ? "通过"
                                  : v->tally.participation_met ? "未通过" : "未通过（参与不足）");
  s->row++;
}

/* The Votes sheet: every vote, with its (frozen or live) tally. */
gboolean
export_xlsx_write_votes (Export  *x,
                         GError **error)
{
  g_autoptr(GPtrArray) list = ledger_vote_list (x->book, error);

  if (list == NULL || !export_xlsx_sheet_add (x, &x->votes, "表决", vote_columns, G_N_ELEMENTS (vote_columns), error))
    return FALSE;
  /* ledger_vote_list() is newest first; the sheet reads oldest first. */
  for (guint i = list->len; i > 0; i--)
    vote_row (x, g_ptr_array_index (list, i - 1));
  export_xlsx_sheet_finish (x, &x->votes);
  return TRUE;
}

/* export-xlsx-money.c — the workbook's sheets of the committee's money:
 * 减免 (each waiver of the period with its reason) and 试算平衡表 (the
 * trial balance of the period, ledger_report_trial_balance())
 *
 * Each is the ledger's own report for the period, written row by row;
 * verify --export derives every cell again from the Journal's leaves
 * (export-xlsx-expect.c). Account names are printed in Chinese as the
 * notices and cash books print them (export_xlsx_account_chinese()).
 */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "export-xlsx-private.h"
#include "ledger.h"

static const Column waiver_columns[] = { { "日期", 11 }, { "单元", 10 }, { "收费项目", 10 }, { "年度", 7 },
                                         { "减免金额", 12 }, { "原因", 36 }, { "日记账序号", 8 } };

static const Column trial_columns[] = { { "代码", 22 }, { "账户", 22 }, { "类别", 7 }, { "期初", 14 },
                                        { "借方", 14 }, { "贷方", 14 }, { "期末", 14 } };

const Column *
export_xlsx_money_columns (const char *sheet,
                           guint      *n_columns)
{
  if (strcmp (sheet, EXPORT_WAIVERS_SHEET) == 0)
    {
      *n_columns = G_N_ELEMENTS (waiver_columns);
      return waiver_columns;
    }
  if (strcmp (sheet, EXPORT_TRIAL_SHEET) == 0)
    {
      *n_columns = G_N_ELEMENTS (trial_columns);
      return trial_columns;
    }
  *n_columns = 0;
  return NULL;
}

/* ------------------------------------------------------------------ */
/* 减免 Waivers */

gboolean
export_xlsx_write_waivers (Export  *x,
                           GError **error)
{
  g_autoptr(GPtrArray) rows = ledger_report_waivers (x->book, x->everything ? NULL : &x->period, error);
  Sheet *s = &x->waivers;

  if (rows == NULL ||
      !export_xlsx_sheet_add (x, s, EXPORT_WAIVERS_SHEET, waiver_columns, G_N_ELEMENTS (waiver_columns), error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++, s->row++)
    {
      const LedgerWaiverRow *w = g_ptr_array_index (rows, i);

      export_xlsx_put_date (x, s, 0, w->date);
      export_xlsx_put_text (x, s, 1, w->unit);
      export_xlsx_put_free_text (x, s, 2, w->fee_name);
      export_xlsx_put_number (x, s, 3, w->year, NULL);
      export_xlsx_put_money (x, s, 4, w->amount);
      export_xlsx_put_free_text (x, s, 5, w->reason);
      export_xlsx_put_number (x, s, 6, (double) w->txn_id, NULL);
    }
  export_xlsx_sheet_finish (x, s);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 试算平衡表 Trial balance */

/* The totals row: live SUMs over the four figures, cached with the
 * report's totals (openings and closings 0, debits = credits). */
static void
trial_totals (Export                   *x,
              const LedgerTrialBalance *trial)
{
  Sheet *s = &x->trial;
  gint64 totals[] = { trial->opening, trial->debits, trial->credits, trial->closing };
  lxw_row_t last = MAX (s->row, 2);

  export_xlsx_put_text (x, s, 1, EXPORT_TRIAL_TOTAL_LABEL);
  for (lxw_col_t col = 3; col < 7; col++)
    {
      g_autofree char *formula = export_xlsx_trial_total_formula (col, last);

      export_xlsx_check (x, worksheet_write_formula_num (s->ws, s->row, col, formula, x->money,
                                                         (double) totals[col - 3] / 100.0));
    }
  s->row++;
}

gboolean
export_xlsx_write_trial_balance (Export  *x,
                                 GError **error)
{
  g_autoptr(LedgerTrialBalance) trial = ledger_report_trial_balance (x->book, &x->period, error);
  Sheet *s = &x->trial;

  if (trial == NULL ||
      !export_xlsx_sheet_add (x, s, EXPORT_TRIAL_SHEET, trial_columns, G_N_ELEMENTS (trial_columns), error))
    return FALSE;
  if (!trial->ties_out)
    {
      EXPORT_ERROR (error, _("the trial balance of %s does not tie out (%s); run verify"),
                    x->period.name, trial->problem != NULL ? trial->problem : "");
      return FALSE;
    }
  for (guint i = 0; i < trial->lines->len; i++, s->row++)
    {
      const LedgerTrialLine *line = g_ptr_array_index (trial->lines, i);
      g_autofree char *name = export_xlsx_account_chinese (line->code, line->name);

      export_xlsx_put_text (x, s, 0, line->code);
      export_xlsx_put_free_text (x, s, 1, name);
      export_xlsx_put_text (x, s, 2, export_xlsx_account_kind_chinese (line->code));
      export_xlsx_put_money (x, s, 3, line->opening);
      export_xlsx_put_money (x, s, 4, line->debits);
      export_xlsx_put_money (x, s, 5, line->credits);
      export_xlsx_put_money (x, s, 6, line->closing);
    }
  trial_totals (x, trial);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 日记账 Cash books, one per money account and advance */

static const Column cashbook_columns[] = { { "日期", 11 }, { "凭证号", 16 }, { "类型", 9 }, { "摘要", 36 },
                                           { "收入", 14 }, { "支出", 14 }, { "余额", 14 }, { "日记账序号", 8 } };

const Column *
export_xlsx_cashbook_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (cashbook_columns);
  return cashbook_columns;
}

/* Whether @code has any entry up to the period's end: its cash book from
 * the first day there is. */
static gboolean
cashbook_has_entries (Export      *x,
                      const char  *code,
                      gboolean    *out_has,
                      GError     **error)
{
  LedgerPeriod upto = x->period;

  g_strlcpy (upto.first, "1900-01-01", sizeof upto.first);
  return ledger_cashbook_has_lines (x->book, code, &upto, out_has, error);
}

/* The money accounts and advances the cash-book sheets are for, in chart
 * order. */
static GPtrArray *
cashbook_accounts (Export  *x,
                   GError **error)
{
  g_autoptr(GPtrArray) accounts = ledger_account_list (x->book, error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < accounts->len; i++)
    {
      const LedgerAccountLine *line = g_ptr_array_index (accounts, i);
      gboolean has = FALSE;

      if (!export_xlsx_is_funds_account (line->code))
        continue;
      if (!cashbook_has_entries (x, line->code, &has, error))
        return NULL;
      if (has)
        g_ptr_array_add (codes, g_strdup (line->code));
    }
  return g_steal_pointer (&codes);
}

static void
cashbook_sheet_free (Sheet *s)
{
  g_free (s->name);
  g_free (s);
}

static void
cashbook_rows (Export               *x,
               Sheet                *s,
               const LedgerCashbook *book)
{
  export_xlsx_put_text (x, s, 3, EXPORT_CASHBOOK_OPENING);
  export_xlsx_put_money (x, s, 6, book->opening);
  s->row++;
  for (guint i = 0; i < book->lines->len; i++, s->row++)
    {
      const LedgerCashbookLine *line = g_ptr_array_index (book->lines, i);
      /* A Chinese document: the memo without the journal's English words. */
      g_autofree char *memo = ledger_entry_memo_chinese (line->kind, line->memo);

      export_xlsx_put_date (x, s, 0, line->date);
      export_xlsx_put_free_text (x, s, 1, line->voucher);
      export_xlsx_put_text (x, s, 2, ledger_entry_kind_chinese (line->kind));
      export_xlsx_put_free_text (x, s, 3, memo);
      export_xlsx_put_money (x, s, 4, line->in);
      export_xlsx_put_money (x, s, 5, line->out);
      export_xlsx_put_money (x, s, 6, line->balance);
      export_xlsx_put_number (x, s, 7, (double) line->txn_id, NULL);
    }
  export_xlsx_put_text (x, s, 3, EXPORT_CASHBOOK_TOTAL);
  export_xlsx_put_money (x, s, 4, book->total_in);
  export_xlsx_put_money (x, s, 5, book->total_out);
  export_xlsx_put_money (x, s, 6, book->closing);
  s->row++;
}

static gboolean
write_cashbook (Export      *x,
                const char  *code,
                const char  *sheet_name,
                GError     **error)
{
  g_autoptr(LedgerCashbook) book = ledger_report_cashbook (x->book, code, &x->period, error);
  Sheet *s;

  if (book == NULL)
    return FALSE;
  if (!book->ties_out)
    {
      EXPORT_ERROR (error, _("the cash book of %s does not tie out in %s; run verify"), code, x->period.name);
      return FALSE;
    }
  s = g_new0 (Sheet, 1);
  g_ptr_array_add (x->cashbooks, s);
  if (!export_xlsx_sheet_add (x, s, sheet_name, cashbook_columns, G_N_ELEMENTS (cashbook_columns), error))
    return FALSE;
  cashbook_rows (x, s, book);
  return TRUE;
}

gboolean
export_xlsx_write_cashbooks (Export  *x,
                             GError **error)
{
  g_autoptr(GPtrArray) codes = cashbook_accounts (x, error);
  g_auto(GStrv) names = NULL;

  if (codes == NULL)
    return FALSE;
  names = export_xlsx_cashbook_sheet_names ((const char *const *) codes->pdata, codes->len);
  if (x->cashbooks == NULL)
    x->cashbooks = g_ptr_array_new_with_free_func ((GDestroyNotify) cashbook_sheet_free);
  for (guint i = 0; i < codes->len; i++)
    if (!write_cashbook (x, g_ptr_array_index (codes, i), names[i], error))
      return FALSE;
  return TRUE;
}

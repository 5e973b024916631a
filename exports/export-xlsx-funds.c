/* export-xlsx-funds.c — the workbook's 基金 sheet: whose money it is
 *
 * ledger_report_funds() for the export's period, in three parts, one
 * below the other:
 *
 *   1. each fund (日常经费, 维修资金, 公共收益) with its opening balance,
 *      what the period put in and took out, its closing balance, a 合计
 *      row, the committee's money at the period's end (money accounts +
 *      receivable + advances − liabilities) and a check row (0);
 *   2. the movements by account (a fee, an income category, the opening
 *      balances, waivers, a spending category, bank charges) and fund;
 *   3. every entry of the period that moved a fund, one line per entry
 *      and account: date, entry number, voucher, kind, fund, account, in,
 *      out, memo.
 *
 * The in, out and closing figures of part 1 and every cell of part 2 are
 * live formulas (SUMIFS over part 3), cached with the report's figures,
 * so a spreadsheet's own recalculation ties them to the lines. Which
 * cell holds which formula follows from the layout alone
 * (export_xlsx_funds_formula()), which the writer and verify --export
 * (export-xlsx-expect.c) share.
 */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "export-xlsx-private.h"
#include "ledger.h"

static const Column fund_columns[] = { { "代码", 16 }, { "基金", 26 }, { "期初余额", 14 }, { "本期增加", 14 },
                                       { "本期减少", 14 }, { "期末余额", 14 } };

static const Column movement_columns[] = { { "代码", 16 }, { "项目", 26 }, { "日常经费", 14 }, { "维修资金", 14 },
                                           { "公共收益", 14 }, { "合计", 14 } };

static const Column line_columns[] = { { "日期", 16 }, { "日记账序号", 26 }, { "凭证号", 14 }, { "类型", 14 },
                                       { "基金", 14 }, { "项目", 14 }, { "代码", 22 }, { "增加", 14 },
                                       { "减少", 14 }, { "摘要", 36 } };

const Column *
export_xlsx_funds_columns (ExportFundsPart  part,
                           guint           *n_columns)
{
  switch (part)
    {
    case EXPORT_FUNDS_PART_FUNDS:
      *n_columns = G_N_ELEMENTS (fund_columns);
      return fund_columns;
    case EXPORT_FUNDS_PART_MOVEMENTS:
      *n_columns = G_N_ELEMENTS (movement_columns);
      return movement_columns;
    case EXPORT_FUNDS_PART_LINES:
    default:
      *n_columns = G_N_ELEMENTS (line_columns);
      return line_columns;
    }
}

void
export_xlsx_funds_layout (guint              n_movements,
                          guint              n_lines,
                          ExportFundsLayout *out)
{
  out->n_movements = n_movements;
  out->n_lines = n_lines;
  /* header 1, funds 2 … 4, 合计 5, committee's money 6, check 7, blank 8 */
  out->movements_header = 9;
  out->movements_total = out->movements_header + n_movements + 1;
  /* a blank row after the movements' total */
  out->lines_header = out->movements_total + 2;
  out->last_row = out->lines_header + n_lines;
}

/* "$H$13:$H$25": column @col of the lines (one empty row when none). */
static char *
lines_range (const ExportFundsLayout *l,
             char                     col)
{
  guint32 first = l->lines_header + 1, last = MAX (l->last_row, first);

  return g_strdup_printf ("$%c$%u:$%c$%u", col, first, col, last);
}

/* The in (H) or out (I) lines of the fund named in @fund_cell, and of the
 * account coded in @code_cell when not NULL. */
static char *
sumifs (const ExportFundsLayout *l,
        char                     amount_col,
        const char              *fund_cell,
        const char              *code_cell)
{
  g_autofree char *amounts = lines_range (l, amount_col);
  g_autofree char *funds = lines_range (l, 'E');
  g_autofree char *codes = lines_range (l, 'G');

  if (code_cell == NULL)
    return g_strdup_printf ("SUMIFS(%s,%s,%s)", amounts, funds, fund_cell);
  return g_strdup_printf ("SUMIFS(%s,%s,%s,%s,%s)", amounts, codes, code_cell, funds, fund_cell);
}

/* Part 1: in and out of a fund are its lines', closing = C + D − E; the
 * 合计 row sums the funds; the check row is 合计 − the committee's money. */
static char *
fund_part_formula (const ExportFundsLayout *l,
                   guint32                  row,
                   guint                    col)
{
  g_autofree char *fund_cell = g_strdup_printf ("$B%u", row);
  char letter = (char) ('A' + col);

  if (row >= EXPORT_FUNDS_FIRST_FUND_ROW && row < EXPORT_FUNDS_TOTAL_ROW)
    {
      if (col == 3)
        return sumifs (l, 'H', fund_cell, NULL);
      if (col == 4)
        return sumifs (l, 'I', fund_cell, NULL);
      if (col == 5)
        return g_strdup_printf ("C%u+D%u-E%u", row, row, row);
      return NULL;
    }
  if (row == EXPORT_FUNDS_TOTAL_ROW && col >= 2 && col <= 5)
    return g_strdup_printf ("SUM(%c%u:%c%u)", letter, EXPORT_FUNDS_FIRST_FUND_ROW, letter, EXPORT_FUNDS_TOTAL_ROW - 1);
  if (row == EXPORT_FUNDS_CHECK_ROW && col == 5)
    return g_strdup_printf ("F%u-F%u", EXPORT_FUNDS_TOTAL_ROW, EXPORT_FUNDS_MONEY_ROW);
  return NULL;
}

/* Part 2: an account's movement in a fund is its lines' in − out in that
 * fund (the fund named by the header above); 合计 across the funds; the
 * total row sums the movements (only when there are some: a sum over no
 * rows would take in the row itself). */
static char *
movement_part_formula (const ExportFundsLayout *l,
                       guint32                  row,
                       guint                    col)
{
  char letter = (char) ('A' + col);

  if (row > l->movements_header && row < l->movements_total)
    {
      g_autofree char *code_cell = g_strdup_printf ("$A%u", row);
      g_autofree char *fund_cell = g_strdup_printf ("%c$%u", letter, l->movements_header);
      g_autofree char *in = NULL, *out = NULL;

      if (col == 5)
        return g_strdup_printf ("SUM(C%u:E%u)", row, row);
      if (col < 2 || col > 4)
        return NULL;
      in = sumifs (l, 'H', fund_cell, code_cell);
      out = sumifs (l, 'I', fund_cell, code_cell);
      return g_strdup_printf ("%s-%s", in, out);
    }
  if (row == l->movements_total && l->n_movements > 0 && col >= 2 && col <= 5)
    return g_strdup_printf ("SUM(%c%u:%c%u)", letter, l->movements_header + 1, letter, l->movements_total - 1);
  return NULL;
}

char *
export_xlsx_fund_sheet_formula (const ExportFundsLayout *l,
                           guint32                  row,
                           guint                    col)
{
  if (row < l->movements_header)
    return fund_part_formula (l, row, col);
  if (row <= l->movements_total)
    return movement_part_formula (l, row, col);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Writing */

static void
put_headers (Export          *x,
             Sheet           *s,
             ExportFundsPart  part)
{
  guint n = 0;
  const Column *columns = export_xlsx_funds_columns (part, &n);

  for (guint i = 0; i < n; i++)
    export_xlsx_check (x, worksheet_write_string (s->ws, s->row, (lxw_col_t) i, columns[i].header, x->header));
  s->row++;
}

/* A money cell: the layout's formula with @fen cached, or @fen itself. */
static void
put_figure (Export                  *x,
            Sheet                   *s,
            const ExportFundsLayout *l,
            lxw_col_t                col,
            gint64                   fen)
{
  g_autofree char *formula = export_xlsx_fund_sheet_formula (l, s->row + 1, col);

  if (formula == NULL)
    export_xlsx_put_money (x, s, col, fen);
  else
    export_xlsx_check (x, worksheet_write_formula_num (s->ws, s->row, col, formula, x->money, (double) fen / 100.0));
}

static void
put_fund_row (Export                  *x,
              Sheet                   *s,
              const ExportFundsLayout *l,
              const char              *code,
              const char              *label,
              const LedgerFundFigures *f)
{
  export_xlsx_put_text (x, s, 0, code);
  export_xlsx_put_text (x, s, 1, label);
  put_figure (x, s, l, 2, f->opening);
  put_figure (x, s, l, 3, f->in);
  put_figure (x, s, l, 4, f->out);
  put_figure (x, s, l, 5, f->closing);
  s->row++;
}

/* Part 1: the funds, their total, the committee's money and the check. */
static void
write_fund_part (Export                  *x,
                 Sheet                   *s,
                 const ExportFundsLayout *l,
                 const LedgerFundReport  *report)
{
  put_headers (x, s, EXPORT_FUNDS_PART_FUNDS);
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    put_fund_row (x, s, l, ledger_fund_to_string ((LedgerFund) f), ledger_fund_chinese ((LedgerFund) f),
                  &report->funds[f]);
  put_fund_row (x, s, l, NULL, EXPORT_FUNDS_TOTAL_LABEL, &report->total);
  export_xlsx_put_text (x, s, 1, EXPORT_FUNDS_MONEY_LABEL);
  put_figure (x, s, l, 5, report->committee_money);
  s->row++;
  export_xlsx_put_text (x, s, 1, EXPORT_FUNDS_CHECK_LABEL);
  put_figure (x, s, l, 5, report->total.closing - report->committee_money);
  s->row += 2;
}

/* Part 2: the movements by account and fund, and their total. */
static void
write_movement_part (Export                  *x,
                     Sheet                   *s,
                     const ExportFundsLayout *l,
                     const LedgerFundReport  *report)
{
  put_headers (x, s, EXPORT_FUNDS_PART_MOVEMENTS);
  for (guint i = 0; i < report->movements->len; i++)
    {
      const LedgerFundMovement *m = g_ptr_array_index (report->movements, i);
      g_autofree char *name = export_xlsx_account_chinese (m->code, m->name);

      export_xlsx_put_text (x, s, 0, m->code);
      export_xlsx_put_free_text (x, s, 1, name);
      for (int f = 0; f < LEDGER_FUND_COUNT; f++)
        put_figure (x, s, l, (lxw_col_t) (2 + f), m->amounts[f]);
      put_figure (x, s, l, 5, m->total);
      s->row++;
    }
  export_xlsx_put_text (x, s, 1, EXPORT_FUNDS_MOVEMENTS_TOTAL_LABEL);
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    put_figure (x, s, l, (lxw_col_t) (2 + f), report->funds[f].in - report->funds[f].out);
  put_figure (x, s, l, 5, report->total.in - report->total.out);
  s->row += 2;
}

/* Part 3: the entry lines, with an autofilter over them. */
static void
write_line_part (Export                 *x,
                 Sheet                  *s,
                 const LedgerFundReport *report)
{
  lxw_row_t header = s->row;

  put_headers (x, s, EXPORT_FUNDS_PART_LINES);
  for (guint i = 0; i < report->entries->len; i++, s->row++)
    {
      const LedgerFundEntry *e = g_ptr_array_index (report->entries, i);
      g_autofree char *name = export_xlsx_account_chinese (e->account, e->name);
      /* A Chinese document: the memo without the journal's English words. */
      g_autofree char *memo = ledger_entry_memo_chinese (e->kind, e->memo);

      export_xlsx_put_date (x, s, 0, e->date);
      export_xlsx_put_number (x, s, 1, (double) e->txn_id, NULL);
      export_xlsx_put_free_text (x, s, 2, e->ref);
      export_xlsx_put_text (x, s, 3, export_xlsx_kind_chinese (e->kind));
      export_xlsx_put_text (x, s, 4, ledger_fund_chinese (e->fund));
      export_xlsx_put_free_text (x, s, 5, name);
      export_xlsx_put_text (x, s, 6, e->account);
      export_xlsx_put_money (x, s, 7, e->in);
      export_xlsx_put_money (x, s, 8, e->out);
      export_xlsx_put_free_text (x, s, 9, memo);
    }
  export_xlsx_check (x, worksheet_autofilter (s->ws, header, 0, MAX (s->row, header + 2) - 1,
                                              G_N_ELEMENTS (line_columns) - 1));
}

gboolean
export_xlsx_write_funds (Export  *x,
                         GError **error)
{
  g_autoptr(LedgerFundReport) report = ledger_report_funds (x->book, &x->period, error);
  Sheet *s = &x->funds;
  ExportFundsLayout layout;

  if (report == NULL || !export_xlsx_sheet_add (x, s, EXPORT_FUNDS_SHEET, NULL, 0, error))
    return FALSE;
  if (!report->ties_out)
    {
      EXPORT_ERROR (error, _("the funds of %s do not tie out (%s); run verify"), x->period.name,
                    report->problem != NULL ? report->problem : "");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (line_columns); i++)
    worksheet_set_column (s->ws, (lxw_col_t) i, (lxw_col_t) i, line_columns[i].width, NULL);
  export_xlsx_funds_layout (report->movements->len, report->entries->len, &layout);
  write_fund_part (x, s, &layout, report);
  write_movement_part (x, s, &layout, report);
  write_line_part (x, s, report);
  return TRUE;
}

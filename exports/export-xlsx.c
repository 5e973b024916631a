/* export-xlsx.c — the auditor's workbook (libxlsxwriter)
 *
 * Sheets, in this order: 汇总 (Summary), 收入 (Income: receipts, other
 * income, refunds), 支出 (Expenditures, and transfers' bank charges), 减免
 * (Waivers), 试算平衡表 (Trial balance), 基金 (Funds), 欠费 (Arrears), 住户 (Households), 表决 (Votes), 日记账
 * (Journal; 日记账2, 日记账3 … past EXPORT_JOURNAL_ROWS_PER_SHEET entries)
 * and 校验 (Verification). The workbook is a Chinese document with a fixed
 * layout that verify reads back, so its sheet names, headers and labels are
 * not translated; messages to the user are.
 *
 * This file sets up the workbook and writes the Summary, the Journal and
 * the Verification sheets, and gives the file its name; the cell writers
 * and the detail sheets are in export-xlsx-sheets.c, the tie-out checks
 * they end with in export-xlsx-checks.c, the verifier in
 * export-xlsx-verify.c.
 *
 * Decisions an auditor should know:
 * - Money is written as fen / 100.0 with the format "¥"#,##0.00 at the
 *   moment of writing; every sum the program checks is done in fen.
 * - The Summary's totals are live formulas (SUM, SUMIF) over the detail
 *   sheets, cached with the value from the ledger's own report, and the
 *   detail sheets are checked to add up to those reports to the fen
 *   before the file gets its name. Opening and closing funds are SUMIFS
 *   over the Journal's funds column (资金变动: what each entry moved into
 *   or out of the payment methods' accounts) by date, cached with the
 *   report's figures. Those are the workbook's only formulas.
 * - verify --export (export-xlsx-verify.c) derives every visible cell of
 *   every sheet from the Journal's leaves again and compares.
 * - Every query the export makes runs inside one read transaction
 *   (ledger_book_read), so the sheets agree with each other and with the
 *   reports even while another program writes to the book.
 * - Income has a row per receipt dated in the period and, for each
 *   receipt voided in the period, a negative row dated on the day of the
 *   void, right after the receipt (as the income report counts a void on
 *   the day it was made). Its amount column and its per-fee columns then
 *   add up to the income report exactly.
 * - Text that came from people is only ever written with
 *   worksheet_write_string. When it starts with = + - @, a tab or a carriage
 *   return it gets a leading apostrophe ("'=1+1"), so that no program, and
 *   no CSV saved from the sheet, takes it for a formula. The canonical
 *   leaves need no such change: each starts "community-ledger leaf v1", and
 *   a long one is continued only after a line feed, where each line starts
 *   with a field name. So the leaf cells hold the leaves byte for byte.
 * - Phone numbers are masked (138****1234); names are shown in full.
 * - constant_memory mode: every sheet is created first (in order) and
 *   filled strictly row by row; the Summary, which needs the detail
 *   sheets' extents and totals, is filled last.
 * - The Journal is read on a thread of its own (the book's connection,
 *   inside the same read transaction, used by that thread alone while the
 *   export's thread writes the cells): see stream_journal().
 */
#define G_LOG_DOMAIN "exports"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "export-xlsx-private.h"
#include "ledger.h"
#include "export-xlsx-read-private.h"
#include "export-xlsx.h"

/* ------------------------------------------------------------------ */
/* Formats */

/* The formats every sheet shares. */
static void
add_formats (Export *x)
{
  x->title = workbook_add_format (x->wb);
  format_set_bold (x->title);
  format_set_font_size (x->title, 14);
  x->header = workbook_add_format (x->wb);
  format_set_bold (x->header);
  format_set_bg_color (x->header, 0xDDEBF7);
  format_set_bottom (x->header, LXW_BORDER_THIN);
  format_set_text_wrap (x->header);
  x->money = workbook_add_format (x->wb);
  format_set_num_format (x->money, "\"¥\"#,##0.00");
  x->date = workbook_add_format (x->wb);
  format_set_num_format (x->date, "yyyy-mm-dd");
  x->percent = workbook_add_format (x->wb);
  format_set_num_format (x->percent, "0.00%");
  x->area = workbook_add_format (x->wb);
  format_set_num_format (x->area, "#,##0.00");
}

/* What the Arrears sheet holds as still owed for @year. */
static gint64
owed_in (GArray *by_year,
         int     year)
{
  for (guint i = 0; i < by_year->len; i += 2)
    if (g_array_index (by_year, gint64, i) == year)
      return g_array_index (by_year, gint64, i + 1);
  return 0;
}

/* The headers the Journal, Verification and Summary sheets carry (verify
 * --export compares them): the Summary's first four columns head its
 * funds section, and the collection section has a header row of its own. */
static const Column journal_columns[] = { { "序号", 8 }, { "日期", 11 }, { "类型", 9 }, { "操作员", 10 },
                                          { "凭证号", 14 }, { "摘要", 28 }, { "分录", 40 }, { "叶哈希", 20 },
                                          { "资金变动", 12 }, { EXPORT_JOURNAL_LEAF_HEADER, 60 } };

static const Column verification_columns[] = { { "项目", 16 }, { "内容", 100 } };

static const Column summary_columns[] = { { "项目", 30 }, { "金额", 15 }, { "代码", 16 }, { "计算方法", 30 },
                                          { "已缴", 14 }, { "欠缴", 14 }, { "收缴率", 10 }, { "应缴户数", 10 },
                                          { "已缴清户数", 10 } };

static const char *const collection_headers[] = { "收缴年度", "应收", "减免", "应缴", "已缴", "欠缴", "收缴率",
                                                  "应缴户数", "已缴清户数" };

/* How to recompute the fingerprint, after the README's "Verifying the books". */
static const char *const recipe[] = {
  "1. 在「日记账」工作表（条目多时还有「日记账2」「日记账3」…）中，按序号 1、2、3…逐行取「规范叶文本」列的文字（过长时接上右侧各列），按 UTF-8 编码。",
  "2. 每条的叶哈希 = SHA-256(0x00 ‖ 叶文本)，应与「叶哈希」列相同。",
  "3. 按 RFC 6962 计算树根：n 条（n > 1）的根 = SHA-256(0x01 ‖ 前 k 条的根 ‖ 其余各条的根)，k 为小于 n 的最大的 2 的幂；一条的根即其叶哈希；零条的根为 SHA-256(空)。",
  "4. 指纹 = 条目数:树根（64 位小写十六进制）；简短指纹为树根前 16 位，每 4 位一组。它应与公示、收据上印的指纹一致。",
  "5. 也可用命令核对：community-ledger verify --export 本文件.xlsx（能打开账本时还逐条与账本比对）。",
  "6. 规范叶文本的格式（字段顺序、转义规则）见程序说明 README 的「Verifying the books」一节。",
};

const char *const *
export_xlsx_layout_texts (const char *which,
                          guint      *n_texts)
{
  static const char *journal[G_N_ELEMENTS (journal_columns)], *verification[G_N_ELEMENTS (verification_columns)];
  static const char *summary[4];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (journal_columns); i++)
        journal[i] = journal_columns[i].header;
      for (gsize i = 0; i < G_N_ELEMENTS (verification_columns); i++)
        verification[i] = verification_columns[i].header;
      for (gsize i = 0; i < G_N_ELEMENTS (summary); i++)
        summary[i] = summary_columns[i].header;
      g_once_init_leave (&once, 1);
    }
  {
    const struct { const char *which; const char *const *texts; guint n; } layouts[] = {
      { "journal", journal, G_N_ELEMENTS (journal) },
      { "verification", verification, G_N_ELEMENTS (verification) },
      { "summary", summary, G_N_ELEMENTS (summary) },
      { "collection", collection_headers, G_N_ELEMENTS (collection_headers) },
      { "recipe", recipe, G_N_ELEMENTS (recipe) },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
      if (strcmp (layouts[i].which, which) == 0)
        {
          *n_texts = layouts[i].n;
          return layouts[i].texts;
        }
  }
  *n_texts = 0;
  return NULL;
}

/* SUMIFS of the funds column (I) of each Journal sheet over its dates
 * (B) @op @iso, the sheets' sums added: "SUMIFS('日记账'!$I$2:$I$1592,
 * '日记账'!$B$2:$B$1592,"<"&DATE(2026,1,1))". @last_rows are each
 * sheet's last row, 1-based. */
char *
export_xlsx_funds_formula (const char *const *sheets,
                           const guint32     *last_rows,
                           guint              n_sheets,
                           const char        *op,
                           const char        *iso)
{
  GString *formula = g_string_new (NULL);
  int year = 0, month = 0, day = 0;

  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    year = month = day = 0;
  for (guint i = 0; i < n_sheets; i++)
    g_string_append_printf (formula, "%sSUMIFS('%s'!$I$2:$I$%u,'%s'!$B$2:$B$%u,\"%s\"&DATE(%d,%d,%d))",
                            i > 0 ? "+" : "", sheets[i], last_rows[i], sheets[i], last_rows[i],
                            op, year, month, day);
  return g_string_free (formula, FALSE);
}

char *
export_xlsx_opening_formula (const char *const *sheets,
                             const guint32     *last_rows,
                             guint              n_sheets,
                             const char        *first,
                             const char        *last)
{
  g_autofree char *before = export_xlsx_funds_formula (sheets, last_rows, n_sheets, "<", first);
  GString *formula = g_string_new (before);
  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;

  if (sscanf (first, "%4d-%2d-%2d", &y1, &m1, &d1) != 3)
    y1 = m1 = d1 = 0;
  if (sscanf (last, "%4d-%2d-%2d", &y2, &m2, &d2) != 3)
    y2 = m2 = d2 = 0;
  for (guint i = 0; i < n_sheets; i++)
    g_string_append_printf (formula, "+SUMIFS('%s'!$I$2:$I$%u,'%s'!$C$2:$C$%u,\"期初\","
                            "'%s'!$B$2:$B$%u,\">=\"&DATE(%d,%d,%d),'%s'!$B$2:$B$%u,\"<=\"&DATE(%d,%d,%d))",
                            sheets[i], last_rows[i], sheets[i], last_rows[i], sheets[i], last_rows[i],
                            y1, m1, d1, sheets[i], last_rows[i], y2, m2, d2);
  return g_string_free (formula, FALSE);
}

/* ------------------------------------------------------------------ */
/* 日记账 Journal */

/* The Chinese name of a journal entry kind; an unknown kind as it is. */
const char *
export_xlsx_kind_chinese (const char *kind)
{
  static const char *const names[][2] = {
    { "init", "建账" }, { "setting", "设置" }, { "fee", "收费标准" }, { "household", "住户登记" },
    { "charge", "计费" }, { "payment", "收款" }, { "void", "作废" }, { "waiver", "减免" },
    { "expenditure", "支出" }, { "vote", "发起表决" }, { "ballot", "选票" }, { "vote-close", "表决结束" },
    { "opening", "期初" }, { "account", "增设账户" }, { "transfer", "转账" }, { "income", "其他收入" },
    { "refund", "退款" }, { "advance", "备用金" }, { "period-close", "结账" }, { "reconcile", "对账" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (kind, names[i][0]) == 0)
      return names[i][1];
  return kind;
}

/* Appends one split's "account unit amount" from the fields of its line:
 * [@line, @end) is "ACCOUNT|UNIT|AMOUNT…" (the amount is read as
 * g_ascii_strtoll() reads it). FALSE when it has not three fields. */
static gboolean
append_split (GString    *text,
              gsize       base,
              const char *line,
              const char *end)
{
  const char *bar1 = memchr (line, '|', end - line);
  const char *bar2 = bar1 != NULL ? memchr (bar1 + 1, '|', end - bar1 - 1) : NULL;
  g_autofree char *money = NULL;
  char amount[32];
  gsize n;

  if (bar2 == NULL)
    return FALSE;
  n = MIN ((gsize) (end - bar2 - 1), sizeof amount - 1);
  memcpy (amount, bar2 + 1, n);
  amount[n] = '\0';
  /* A longer field is no amount the journal writes; read it whole. */
  if ((gsize) (end - bar2 - 1) >= sizeof amount)
    {
      g_autofree char *whole = g_strndup (bar2 + 1, end - bar2 - 1);

      money = ledger_money_format_plain (g_ascii_strtoll (whole, NULL, 10));
    }
  else
    money = ledger_money_format_plain (g_ascii_strtoll (amount, NULL, 10));
  if (text->len > base)
    g_string_append (text, "；");
  g_string_append_len (text, line, bar1 - line);
  if (bar2 > bar1 + 1)
    {
      g_string_append_c (text, ' ');
      g_string_append_len (text, bar1 + 1, bar2 - bar1 - 1);
    }
  g_string_append_c (text, ' ');
  g_string_append (text, money);
  return TRUE;
}

/* Appends the 分录 text of @leaf to @text (export_xlsx_splits_text()). */
static void
append_splits_text (GString    *text,
                    const char *leaf)
{
  gsize base = text->len;

  for (const char *line = strstr (leaf, "\nsplit: "); line != NULL; line = strstr (line + 1, "\nsplit: "))
    {
      const char *start = line + 8;
      const char *end = start + strcspn (start, "\n");
      const char *bar1 = memchr (start, '|', end - start);

      /* A line without three fields is skipped before the length counts. */
      if (bar1 == NULL || memchr (bar1 + 1, '|', end - bar1 - 1) == NULL)
        continue;
      if (text->len - base > 8000)
        {
          g_string_append (text, "；…");
          break;
        }
      append_split (text, base, start, end);
    }
}

/* "cash 480.00；receivable 3-2-301 -480.00" from the leaf's split lines
 * (accounts and unit codes never contain "|"); cut short past 8,000 bytes. */
char *
export_xlsx_splits_text (const char *leaf)
{
  GString *text = g_string_sized_new (128);

  append_splits_text (text, leaf);
  return g_string_free (text, FALSE);
}

/* Whether @leaf needs escape_leaf(): invalid UTF-8 (or a NUL inside), a
 * control character other than tab and line feed, or "_x" that could
 * start an escape. Hardly any leaf does: the others go in as they are. */
static gboolean
leaf_needs_escape (const LedgerLeaf *leaf)
{
  const char *text = leaf->text, *end = leaf->text + leaf->length;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c == '_' && p[1] == 'x'))
        return TRUE;
    }
  return !g_utf8_validate_len (text, leaf->length, NULL);
}

/* The leaf as a spreadsheet cell can hold it, in the escape of the file
 * format itself (ECMA-376 ST_Xstring, which Excel and LibreOffice read
 * back): a control character other than tab and line feed, which XML
 * cannot carry, is written _xHHHH_, and an underscore that starts such a
 * sequence in the text is written _x005F_ so that it is not read as one.
 * Such characters are never let into a book now, but one written before
 * (or edited behind the program's back) must still export: verify
 * --export decodes the cells and finds the leaf byte for byte. Invalid
 * UTF-8 cannot be carried at all: it is repaired, and verify --export
 * then reports that entry. */
static char *
escape_leaf (const LedgerLeaf *leaf)
{
  g_autofree char *valid = g_utf8_make_valid (leaf->text, (gssize) leaf->length);
  GString *out = g_string_sized_new (leaf->length);

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
        g_string_append_printf (out, "_x%04X_", c);
      else if (c == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
               g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        g_string_append (out, "_x005F_");
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

/* Appends the leaf's cell text to @text: the leaf itself, or escaped as
 * above. */
static void
append_leaf_cell_text (GString          *text,
                       const LedgerLeaf *leaf)
{
  g_autofree char *escaped = NULL;

  if (!leaf_needs_escape (leaf))
    {
      g_string_append_len (text, leaf->text, (gssize) leaf->length);
      return;
    }
  escaped = escape_leaf (leaf);
  g_string_append (text, escaped);
}

/* The leaf's cell text (append_leaf_cell_text() of entry @index) in column I and,
 * past EXPORT_JOURNAL_LEAF_PART characters, continued in J, K … after a
 * line feed. */
static gboolean
put_leaf (Export      *x,
          Sheet       *s,
          const char  *text,
          gint64       index,
          GError     **error)
{
  const char *p = text, *end = text + strlen (text);

  for (lxw_col_t col = EXPORT_JOURNAL_COL_LEAF; p < end; col++)
    {
      const char *cut = end;
      g_autofree char *part = NULL;

      if (end - p > EXPORT_JOURNAL_LEAF_PART &&
          g_utf8_strlen (p, end - p) > EXPORT_JOURNAL_LEAF_PART)
        {
          const char *limit = g_utf8_offset_to_pointer (p, EXPORT_JOURNAL_LEAF_PART);

          for (cut = limit; cut > p && cut[-1] != '\n'; cut--)
            ;
          if (cut == p)
            {
              EXPORT_ERROR (error, _("entry %" PRId64 " has a line too long for a spreadsheet cell"), index);
              return FALSE;
            }
        }
      /* The text is NUL-terminated: its last part needs no copy. */
      if (cut != end)
        part = g_strndup (p, cut - p);
      export_xlsx_check (x, worksheet_write_string (s->ws, s->row, col, part != NULL ? part : p, NULL));
      p = cut;
    }
  return TRUE;
}

/* Whether @account holds the committee's money: cash, the bank accounts,
 * WeChat, Alipay and what members hold as advances, as the income report
 * and the notice count it (ledger_committee_money_where()): an advance is
 * money moved, not spent. */
gboolean
export_xlsx_is_funds_account (const char *account)
{
  return ledger_account_is_money (account) || ledger_account_is_advance (account);
}

const char *
export_xlsx_category_chinese (const char *category)
{
  if (g_strcmp0 (category, "bank-charges") == 0)
    return "银行手续费";
  return ledger_expenditure_category_chinese (category);
}

char *
export_xlsx_other_income_note (const char *category,
                               const char *memo)
{
  g_autofree char *code = g_strconcat ("other-income:", category, NULL);
  const char *name = export_xlsx_other_income_chinese (code);

  if (name == NULL)
    name = category;
  if (memo == NULL || *memo == '\0')
    return g_strdup (name);
  return g_strconcat (name, "：", memo, NULL);
}

char *
export_xlsx_transfer_note (const char *from,
                           const char *to,
                           const char *memo)
{
  g_autofree char *from_name = ledger_account_chinese (from, NULL);
  g_autofree char *to_name = ledger_account_chinese (to, NULL);

  if (memo == NULL || *memo == '\0')
    return g_strdup_printf ("转账 %s → %s", from_name, to_name);
  return g_strdup_printf ("转账 %s → %s：%s", from_name, to_name, memo);
}

char *
export_xlsx_account_chinese (const char *code,
                             const char *name)
{
  static const char *const standard[][2] = {
    { "receivable", "应收费用" }, { "prepaid", "业主预交" }, { "opening", "期初余额" },
    { "waivers", "减免" }, { "deposits", "押金" },
  };
  const char *other = export_xlsx_other_income_chinese (code);

  if (ledger_account_is_money (code) || ledger_account_is_advance (code))
    return ledger_account_chinese (code, name);
  for (gsize i = 0; i < G_N_ELEMENTS (standard); i++)
    if (strcmp (code, standard[i][0]) == 0)
      return g_strdup (standard[i][1]);
  if (other != NULL)
    return g_strdup (other);
  if (g_str_has_prefix (code, "expense:"))
    return g_strdup (export_xlsx_category_chinese (code + strlen ("expense:")));
  return g_strdup (name != NULL ? name : code);
}

const char *
export_xlsx_account_kind_chinese (const char *code)
{
  if (ledger_account_is_money (code) || ledger_account_is_advance (code) || strcmp (code, "receivable") == 0)
    return "资产";
  if (strcmp (code, "prepaid") == 0 || strcmp (code, "deposits") == 0)
    return "负债";
  if (strcmp (code, "opening") == 0)
    return "权益";
  if (g_str_has_prefix (code, "income:") || g_str_has_prefix (code, "other-income:"))
    return "收入";
  return "费用";
}

char *
export_xlsx_trial_total_formula (guint   col,
                                 guint32 last)
{
  char first_cell[16], last_cell[16];

  lxw_rowcol_to_cell (first_cell, 1, (lxw_col_t) col);
  lxw_rowcol_to_cell (last_cell, MAX (last, 2) - 1, (lxw_col_t) col);
  return g_strdup_printf ("SUM(%s:%s)", first_cell, last_cell);
}

/* The longest sheet name a spreadsheet takes, in characters. */
#define SHEET_NAME_MAX 31
#define CASHBOOK_SUFFIX "日记账"

/* @base (the account's Chinese name) cut to @keep characters, then
 * @number (when not empty) and 日记账; characters no sheet name may hold
 * become "_". */
static char *
cashbook_sheet_name (const char *base,
                     glong       keep,
                     const char *number)
{
  GString *name = g_string_new (NULL);
  glong n = 0;

  for (const char *p = base; *p != '\0' && n < keep; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr (":\\/?*[]", (int) c) != NULL))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  g_string_append (name, number);
  g_string_append (name, CASHBOOK_SUFFIX);
  return g_string_free (name, FALSE);
}

static gint
code_compare (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
export_xlsx_cashbook_sheet_names (const char *const *codes,
                                  guint              n_codes)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree const char **sorted = g_new0 (const char *, n_codes + 1);
  char **names = g_new0 (char *, n_codes + 1);
  glong room = SHEET_NAME_MAX - (glong) g_utf8_strlen (CASHBOOK_SUFFIX, -1);

  /* Named in the codes' order, whatever order they come in: the writer
   * and verify --export must give a colliding pair the same suffixes. */
  if (n_codes > 0) /* an empty GPtrArray's pdata is NULL */
    memcpy (sorted, codes, n_codes * sizeof *codes);
  qsort (sorted, n_codes, sizeof *sorted, code_compare);
  for (guint i = 0; i < n_codes; i++)
    {
      g_autofree char *base = ledger_account_chinese (sorted[i], NULL);
      char *name = cashbook_sheet_name (base, room, "");

      char *folded = g_utf8_casefold (name, -1);

      /* Spreadsheets compare sheet names without case. */
      for (guint k = 2; g_hash_table_contains (taken, folded); k++)
        {
          g_autofree char *number = g_strdup_printf ("%u", k);

          g_free (name);
          g_free (folded);
          name = cashbook_sheet_name (base, room - (glong) strlen (number), number);
          folded = g_utf8_casefold (name, -1);
        }
      g_hash_table_add (taken, folded);
      g_hash_table_insert (by_code, (gpointer) sorted[i], name);
    }
  for (guint i = 0; i < n_codes; i++)
    names[i] = g_strdup (g_hash_table_lookup (by_code, codes[i]));
  return names;
}

const char *
export_xlsx_other_income_chinese (const char *code)
{
  LedgerIncomeCategory category;

  if (code == NULL || !g_str_has_prefix (code, "other-income:") ||
      !ledger_income_category_parse (code + strlen ("other-income:"), "category", &category, NULL))
    return NULL;
  return ledger_income_category_chinese (category);
}

/* The Journal is most of the workbook, and half of its work is reading:
 * SQLite, the canonical leaves and their hashes, the scrubbing of each
 * entry's texts. That runs on a thread of its own (the reader), which
 * hands rows ready to write, in batches, to the export's thread (the
 * writer), which puts them in the cells with libxlsxwriter; each keeps to
 * its own: the reader alone uses the book and the scrubber, the writer
 * alone the workbook. JOURNAL_BATCHES batches go round between them, so
 * the reader is never more than that far ahead. */
#define JOURNAL_BATCH_ROWS 256
#define JOURNAL_BATCHES    4

/* The texts of a row, in JournalBatch.text. */
enum
{
  ROW_DATE,
  ROW_KIND,      /* in Chinese */
  ROW_OPERATOR,  /* the free texts, scrubbed */
  ROW_REF,
  ROW_MEMO,
  ROW_SPLITS,
  ROW_HASH,
  ROW_LEAF,      /* append_leaf_cell_text() */
  ROW_N_TEXTS
};

/* One Journal row, as the writer puts it in the cells. */
typedef struct
{
  gint64   index;
  gssize   at[ROW_N_TEXTS];  /* where each text starts in the batch's text; -1: none */
  gboolean touches;          /* the entry moved the funds: the change is written */
  gint64   change;
} JournalRow;

/* The texts of its rows are in one buffer, each NUL-terminated: a batch
 * goes from thread to thread without a malloc or free per text. */
typedef struct
{
  JournalRow rows[JOURNAL_BATCH_ROWS];
  guint      n;
  GString   *text;
  gboolean   last;     /* the reader's last batch */
} JournalBatch;

typedef struct
{
  Export       *x;
  GAsyncQueue  *full;    /* JournalBatch: to write */
  GAsyncQueue  *empty;   /* JournalBatch: to fill */
  JournalBatch *batch;   /* the one the reader fills */
  GString      *scratch; /* the reader's */
  gint          stop;    /* atomic: the writer failed, the reader stops */
  gboolean      ok;      /* the reader's result */
  GError       *error;   /* the reader's error */
} JournalPipe;

/* Starts text @which of @row at the end of the batch's buffer. */
static void
row_text_begin (JournalBatch *batch,
                JournalRow   *row,
                guint         which)
{
  row->at[which] = (gssize) batch->text->len;
}

/* Ends the text begun last (a NUL after it). */
static void
row_text_end (JournalBatch *batch)
{
  g_string_append_c (batch->text, '\0');
}

/* Puts @text as text @which of @row, or none for NULL. */
static void
row_text_set (JournalBatch *batch,
              JournalRow   *row,
              guint         which,
              const char   *text)
{
  if (text == NULL)
    {
      row->at[which] = -1;
      return;
    }
  row_text_begin (batch, row, which);
  g_string_append (batch->text, text);
  row_text_end (batch);
}

/* Text @which of @row, or NULL. */
static const char *
row_text (const JournalBatch *batch,
          const JournalRow   *row,
          guint               which)
{
  return row->at[which] < 0 ? NULL : batch->text->str + row->at[which];
}

/* What the entry moved into (or out of) the funds, for the funds column:
 * the Summary's opening and closing funds are SUMIFS over it. Left empty
 * for an entry that touches no funds account. */
static void
funds_change (const LedgerLeaf *leaf,
              JournalRow       *row)
{
  for (guint i = 0; i < leaf->n_splits; i++)
    if (export_xlsx_is_funds_account (leaf->splits[i].account))
      {
        ledger_total_add_saturating (&row->change, leaf->splits[i].amount);
        row->touches = TRUE;
      }
}

/* @text as export_xlsx_put_text() writes it (neutralised; none when
 * empty), as text @which of @row: the reader does that work, the writer
 * only writes the cell (put_cell()). */
static void
row_cell_text (JournalBatch *batch,
               JournalRow   *row,
               guint         which,
               const char   *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL || *text == '\0')
    {
      row->at[which] = -1;
      return;
    }
  if (strchr ("=+-@\t\r", text[0]) != NULL || !ledger_privacy_is_neutral (text))
    safe = export_xlsx_neutralise (text);
  row_text_set (batch, row, which, safe != NULL ? safe : text);
}

/* Free text people typed, as export_xlsx_put_free_text() writes it, as
 * text @which of @row. */
static void
row_free_text (Export       *x,
               JournalBatch *batch,
               JournalRow   *row,
               guint         which,
               const char   *text)
{
  g_autofree char *scrubbed = text != NULL && *text != '\0' ? export_xlsx_scrub (x, text) : NULL;

  row_cell_text (batch, row, which, scrubbed);
}

/* The leaves come in order, one per entry: anything else is a bug. What
 * they hold is not checked: escape_leaf carries anything. */
static gboolean
check_leaf (const LedgerLeaf  *leaf,
            gint64             expected,
            GError           **error)
{
  if (leaf->index != expected)
    EXPORT_ERROR (error, _("entry %" PRId64 " cannot be written to a spreadsheet as it is; run verify"),
                  leaf->index);
  return leaf->index == expected;
}

/* The reader: makes one journal entry's row (a LedgerLeafFunc) and keeps
 * its leaf hash. */
static gboolean
journal_leaf_cb (const LedgerLeaf  *leaf,
                 gpointer           user_data,
                 GError           **error)
{
  JournalPipe *pipe = user_data;
  Export *x = pipe->x;
  JournalBatch *batch;
  JournalRow *row;
  char hex[65];
  int year;

  /* The writer failed: its error is the one reported, never this one
   * (which is not translated for that reason). */
  if (g_atomic_int_get (&pipe->stop))
    {
      EXPORT_ERROR (error, "stopped");
      return FALSE;
    }
  /* Entries recorded after the count belong to the next export. */
  if ((guint64) leaf->index > x->entries)
    return TRUE;
  if (!check_leaf (leaf, (gint64) x->hashes->len + 1, error))
    return FALSE;
  batch = pipe->batch;
  row = &batch->rows[batch->n++];
  memset (row, 0, sizeof *row);
  row->index = leaf->index;
  row_text_set (batch, row, ROW_DATE, leaf->date);
  row_cell_text (batch, row, ROW_KIND, export_xlsx_kind_chinese (leaf->kind));
  row_free_text (x, batch, row, ROW_OPERATOR, leaf->operator_name);
  row_free_text (x, batch, row, ROW_REF, leaf->ref);
  row_free_text (x, batch, row, ROW_MEMO, leaf->memo);
  g_string_truncate (pipe->scratch, 0);
  append_splits_text (pipe->scratch, leaf->text);
  row_cell_text (batch, row, ROW_SPLITS, pipe->scratch->str);
  ledger_hash_to_hex (&leaf->hash, hex);
  row_cell_text (batch, row, ROW_HASH, hex);
  funds_change (leaf, row);
  row_text_begin (batch, row, ROW_LEAF);
  append_leaf_cell_text (batch->text, leaf);
  row_text_end (batch);
  g_array_append_val (x->hashes, leaf->hash);
  year = ledger_date_year (leaf->date);
  x->first_year = x->first_year == 0 ? year : MIN (x->first_year, year);
  x->last_year = MAX (x->last_year, year);
  if (pipe->batch->n == JOURNAL_BATCH_ROWS)
    {
      g_async_queue_push (pipe->full, pipe->batch);
      pipe->batch = g_async_queue_pop (pipe->empty);
    }
  /* The journal is most of the work: stop here when asked to. */
  if (x->hashes->len % 1024 == 0 && g_cancellable_set_error_if_cancelled (x->cancellable, error))
    return FALSE;
  return TRUE;
}

/* The reader's thread: every leaf, then the last batch, which tells the
 * writer there is no more. */
static gpointer
journal_read_thread (gpointer data)
{
  JournalPipe *pipe = data;

  pipe->batch = g_async_queue_pop (pipe->empty);
  pipe->ok = ledger_journal_foreach_leaf (pipe->x->book, journal_leaf_cb, pipe, &pipe->error);
  pipe->batch->last = TRUE;
  g_async_queue_push (pipe->full, pipe->batch);
  return NULL;
}

/* The writer: a text cell the reader made (row_cell_text()), if any. */
static void
put_cell (Export     *x,
          Sheet      *s,
          lxw_col_t   col,
          const char *text)
{
  if (text != NULL)
    export_xlsx_check (x, worksheet_write_string (s->ws, s->row, col, text, NULL));
}

/* The writer: one row's cells. */
static gboolean
put_journal_row (Export              *x,
                 const JournalBatch  *batch,
                 const JournalRow    *row,
                 GError             **error)
{
  Sheet *s = &x->journal[(row->index - 1) / x->rows_per_sheet];

  export_xlsx_put_number (x, s, EXPORT_JOURNAL_COL_INDEX, (double) row->index, NULL);
  export_xlsx_put_date (x, s, 1, row_text (batch, row, ROW_DATE));
  put_cell (x, s, 2, row_text (batch, row, ROW_KIND));
  put_cell (x, s, 3, row_text (batch, row, ROW_OPERATOR));
  put_cell (x, s, 4, row_text (batch, row, ROW_REF));
  put_cell (x, s, 5, row_text (batch, row, ROW_MEMO));
  put_cell (x, s, 6, row_text (batch, row, ROW_SPLITS));
  put_cell (x, s, EXPORT_JOURNAL_COL_HASH, row_text (batch, row, ROW_HASH));
  if (row->touches)
    export_xlsx_put_money (x, s, EXPORT_JOURNAL_COL_FUNDS, row->change);
  if (!put_leaf (x, s, row_text (batch, row, ROW_LEAF), row->index, error))
    return FALSE;
  s->row++;
  return TRUE;
}

/* The writer's loop: every batch up to the reader's last, written while
 * all goes well and handed back either way, so that the reader never
 * waits for a batch that does not come. */
static gboolean
write_journal_rows (Export       *x,
                    JournalPipe  *pipe,
                    GError      **error)
{
  gboolean ok = TRUE, last = FALSE;
  guint64 written = 0;

  while (!last)
    {
      JournalBatch *batch = g_async_queue_pop (pipe->full);

      for (guint i = 0; i < batch->n; i++)
        {
          ok = ok && put_journal_row (x, batch, &batch->rows[i], error);
          if (ok && x->progress != NULL && ++written % 4096 == 0)
            x->progress (100 + (int) (850 * written / MAX (x->entries, 1)), x->progress_data);
        }
      if (!ok)
        g_atomic_int_set (&pipe->stop, 1);
      last = batch->last;
      batch->n = 0;
      batch->last = FALSE;
      g_string_truncate (batch->text, 0);
      g_async_queue_push (pipe->empty, batch);
    }
  return ok;
}

/* Reads and writes every journal entry, each on its own thread. */
static gboolean
stream_journal (Export  *x,
                GError **error)
{
  JournalPipe pipe = { .x = x, .full = g_async_queue_new (), .empty = g_async_queue_new (),
                       .scratch = g_string_sized_new (256) };
  g_autofree JournalBatch *batches = g_new0 (JournalBatch, JOURNAL_BATCHES);
  GThread *reader;
  gboolean ok;

  for (guint i = 0; i < JOURNAL_BATCHES; i++)
    {
      batches[i].text = g_string_sized_new (JOURNAL_BATCH_ROWS * 512);
      g_async_queue_push (pipe.empty, &batches[i]);
    }
  reader = g_thread_try_new ("export-journal", journal_read_thread, &pipe, error);
  ok = reader != NULL && write_journal_rows (x, &pipe, error);
  if (reader != NULL)
    g_thread_join (reader);
  if (ok && !pipe.ok)
    {
      g_propagate_error (error, g_steal_pointer (&pipe.error));
      ok = FALSE;
    }
  g_clear_error (&pipe.error);
  g_string_free (pipe.scratch, TRUE);
  for (guint i = 0; i < JOURNAL_BATCHES; i++)
    g_string_free (batches[i].text, TRUE);
  g_async_queue_unref (pipe.full);
  g_async_queue_unref (pipe.empty);
  return ok;
}

/* The tree head over the leaves as written; it must be the book's own. */
static gboolean
journal_head (Export  *x,
              GError **error)
{
  LedgerTreeHead recorded;

  x->head.size = x->hashes->len;
  if (x->head.size != x->entries ||
      !ledger_merkle_root (ledger_merkle_array_subtree, x->hashes, x->head.size, &x->head.root, error) ||
      !ledger_fingerprint_head_at (x->book, x->head.size, &recorded, error))
    {
      if (error != NULL && *error == NULL)
        EXPORT_ERROR (error, _("the journal changed during the export; try again"));
      return FALSE;
    }
  if (memcmp (&recorded.root, &x->head.root, sizeof recorded.root) != 0)
    {
      EXPORT_ERROR (error, _("the book's recorded fingerprint differs from its journal; run verify"));
      return FALSE;
    }
  return TRUE;
}

/* The Journal sheets: every entry, streamed, split past the row limit. */
static gboolean
write_journal (Export  *x,
               GError **error)
{
  gint64 count = ledger_journal_count (x->book, error);

  if (count < 0)
    return FALSE;
  x->entries = (guint64) count;
  x->n_journal = (guint) MAX (1, (x->entries + x->rows_per_sheet - 1) / x->rows_per_sheet);
  x->journal = g_new0 (Sheet, x->n_journal);
  for (guint i = 0; i < x->n_journal; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup (EXPORT_JOURNAL_SHEET)
                                     : g_strdup_printf ("%s%u", EXPORT_JOURNAL_SHEET, i + 1);

      if (!export_xlsx_sheet_add (x, &x->journal[i], name, journal_columns, G_N_ELEMENTS (journal_columns), error))
        return FALSE;
    }
  if (!stream_journal (x, error))
    return FALSE;
  for (guint i = 0; i < x->n_journal; i++)
    export_xlsx_sheet_finish (x, &x->journal[i]);
  return journal_head (x, error);
}

/* ------------------------------------------------------------------ */
/* 校验 Verification */


/* A label in A and a value in B (text, or money when @text is NULL). */
static void
put_line (Export     *x,
          Sheet      *s,
          const char *label,
          const char *text,
          gint64      fen)
{
  export_xlsx_put_text (x, s, 0, label);
  if (text != NULL)
    export_xlsx_put_text (x, s, 1, text);
  else
    export_xlsx_put_money (x, s, 1, fen);
  s->row++;
}

/* The Verification sheet: the fingerprint, what it covers, and how
 * to recompute it. */
static gboolean
write_verification (Export  *x,
                    GError **error)
{
  g_autofree char *fingerprint = ledger_tree_head_format (&x->head);
  g_autofree char *short_form = ledger_tree_head_format_short (&x->head);
  g_autofree char *size = g_strdup_printf ("%" G_GUINT64_FORMAT, x->head.size);
  g_autofree char *sheets = g_strdup_printf ("%s（%u 张）", EXPORT_JOURNAL_SHEET, x->n_journal);
  g_autofree char *period = g_strdup_printf ("%s（%s 至 %s）", x->period.name, x->period.first, x->period.last);
  Sheet *s = &x->verification;

  if (!export_xlsx_sheet_add (x, s, EXPORT_VERIFICATION_SHEET, verification_columns,
                              G_N_ELEMENTS (verification_columns), error))
    return FALSE;
  put_line (x, s, EXPORT_FINGERPRINT_LABEL, fingerprint, 0);
  put_line (x, s, "简短指纹", short_form, 0);
  put_line (x, s, "条目数", size, 0);
  put_line (x, s, "日记账工作表", sheets, 0);
  put_line (x, s, "期间", period, 0);
  put_line (x, s, "期初资金", NULL, x->report->opening);
  put_line (x, s, "收入合计", NULL, x->report->income_total);
  put_line (x, s, "支出合计", NULL, x->report->expenditure_total);
  put_line (x, s, "期末资金", NULL, x->report->closing);
  put_line (x, s, "欠费合计", NULL, x->arrears_total);
  put_line (x, s, "导出时间", x->now, 0);
  s->row++;
  export_xlsx_check (x, worksheet_write_string (s->ws, s->row++, 0, "如何重新计算指纹", x->header));
  for (gsize i = 0; i < G_N_ELEMENTS (recipe); i++)
    export_xlsx_check (x, worksheet_write_string (s->ws, s->row++, 0, recipe[i], NULL));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 汇总 Summary (filled last: it needs the detail sheets' extents) */

/* One of the workbook's own totals: a live formula with its real value
 * cached, for viewers that do not recalculate. */
static void
put_formula (Export     *x,
             Sheet      *s,
             lxw_col_t   col,
             const char *formula,
             double      value,
             lxw_format *format)
{
  export_xlsx_check (x, worksheet_write_formula_num (s->ws, s->row, col, formula, format, value));
}

/* "'收入'!F2:F104": a column of a sheet's data rows (one empty row if none). */
static char *
data_range (const Sheet *s,
            lxw_col_t    col,
            gboolean     absolute)
{
  char range[64];
  lxw_row_t last = MAX (s->row, 2) - 1;

  if (absolute)
    lxw_rowcol_to_range_abs (range, 1, col, last, col);
  else
    lxw_rowcol_to_range (range, 1, col, last, col);
  return g_strdup_printf ("'%s'!%s", s->name, range);
}

/* Label, live formula (cached @fen) and code of one Summary line. */
static void
summary_formula (Export     *x,
                 const char *label,
                 const char *formula,
                 gint64      fen,
                 const char *code,
                 const char *how)
{
  Sheet *s = &x->summary;

  export_xlsx_put_text (x, s, 0, label);
  if (formula != NULL)
    put_formula (x, s, 1, formula, (double) fen / 100.0, x->money);
  else
    export_xlsx_put_money (x, s, 1, fen);
  export_xlsx_put_text (x, s, 2, code);
  export_xlsx_put_text (x, s, 3, how);
  s->row++;
}

static const ExportSummaryLine summary_lines[] = {
  { "opening",       "期初资金", "「日记账」资金变动列：期初前各条及期内期初余额之和" },
  { "income:",       "收入 · ", "「收入」表该列之和" },
  { "income_total",  "收入合计", "「收入」表金额列之和" },
  { "expense:",      "支出 · ", "「支出」表该类别金额之和" },
  { "expense_total", "支出合计", "「支出」表金额列之和" },
  { "closing",       "期末资金", "「日记账」资金变动列：截至期末各条之和" },
  { "check",         "核对：期初＋收入－支出－期末", "应为 0" },
};

const ExportSummaryLine *
export_xlsx_summary_line (const char *code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (summary_lines); i++)
    if (g_str_has_suffix (summary_lines[i].code, ":") ? g_str_has_prefix (code, summary_lines[i].code)
                                                      : strcmp (code, summary_lines[i].code) == 0)
      return &summary_lines[i];
  return NULL;
}

/* Label (the line's, or its prefix and @name), live formula (cached
 * @fen) and code of one Summary line. */
static void
summary_line (Export     *x,
              const char *code,
              const char *name,
              const char *formula,
              gint64      fen)
{
  const ExportSummaryLine *line = export_xlsx_summary_line (code);
  g_autofree char *label = g_strconcat (line->label, name, NULL);

  summary_formula (x, label, formula, fen, code, line->how);
}

/* The spreadsheet's own sum of the funds column over the Journal sheets. */
static char *
journal_funds_formula (Export     *x,
                       const char *op,
                       const char *iso)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *formula = NULL;

  for (guint i = 0; i < x->n_journal; i++)
    {
      guint32 last = MAX (x->journal[i].row, 2);

      g_ptr_array_add (names, x->journal[i].name);
      g_array_append_val (rows, last);
    }
  if (strcmp (op, "<") == 0)
    formula = export_xlsx_opening_formula ((const char *const *) names->pdata, (const guint32 *) rows->data,
                                           x->n_journal, x->period.first, x->period.last);
  else
    formula = export_xlsx_funds_formula ((const char *const *) names->pdata, (const guint32 *) rows->data,
                                         x->n_journal, op, iso);
  return g_strconcat ("=", formula, NULL);
}

/* Opening, income by fee item, expenditures by category, closing, and a check. */
static void
summary_funds (Export *x)
{
  Sheet *s = &x->summary;
  lxw_row_t opening = s->row + 1, income_total, expenditure_total;
  g_autofree char *received = data_range (&x->income, 5, FALSE), *paid_out = data_range (&x->expenditures, 7, FALSE);
  g_autofree char *income_sum = g_strdup_printf ("=SUM(%s)", received);
  g_autofree char *expenditure_sum = g_strdup_printf ("=SUM(%s)", paid_out);
  g_autofree char *categories = data_range (&x->expenditures, 3, TRUE), *amounts = data_range (&x->expenditures, 7, TRUE);
  g_autofree char *balance = NULL;
  g_autofree char *opening_formula = journal_funds_formula (x, "<", x->period.first);
  g_autofree char *closing_formula = journal_funds_formula (x, "<=", x->period.last);

  summary_line (x, "opening", NULL, opening_formula, x->report->opening);
  for (guint i = 0; i < x->fees->len; i++)
    {
      const FeeColumn *c = g_ptr_array_index (x->fees, i);
      g_autofree char *range = data_range (&x->income, 9 + i, FALSE);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);
      g_autofree char *code = g_strconcat ("income:", c->code, NULL);

      summary_line (x, code, c->name, formula, c->sum);
    }
  income_total = s->row + 1;
  summary_line (x, "income_total", NULL, income_sum, x->report->income_total);
  for (guint i = 0; i < x->report->expenditures->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (x->report->expenditures, i);
      const char *name = export_xlsx_category_chinese (line->code);
      g_autofree char *formula = g_strdup_printf ("=SUMIF(%s,\"%s\",%s)", categories, name, amounts);
      g_autofree char *code = g_strconcat ("expense:", line->code, NULL);

      summary_line (x, code, name, formula, line->amount);
    }
  expenditure_total = s->row + 1;
  summary_line (x, "expense_total", NULL, expenditure_sum, x->report->expenditure_total);
  summary_line (x, "closing", NULL, closing_formula, x->report->closing);
  balance = g_strdup_printf ("=B%u+B%u-B%u-B%u", opening, income_total, expenditure_total, s->row);
  summary_line (x, "check", NULL, balance, 0);
}

/* One year's collection: billed and waived from the report, the rest live
 * over the Arrears sheet, which must agree with the report. */
static gboolean
summary_collection_row (Export  *x,
                        int      year,
                        GError **error)
{
  Sheet *s = &x->summary;
  LedgerCollection c;
  lxw_row_t r = s->row + 1;
  g_autofree char *years = data_range (&x->arrears, 2, TRUE), *owed = data_range (&x->arrears, 7, TRUE);
  g_autofree char *due = g_strdup_printf ("=B%u-C%u", r, r), *paid = g_strdup_printf ("=D%u-F%u", r, r);
  g_autofree char *open = g_strdup_printf ("=SUMIF(%s,A%u,%s)", years, r, owed);
  g_autofree char *rate = g_strdup_printf ("=IF(D%u=0,0,ROUNDDOWN(E%u/D%u,4))", r, r, r);

  if (!ledger_report_collection (x->book, year, &c, error))
    return FALSE;
  if (x->everything && c.billed == 0)
    return TRUE;
  if (c.outstanding != owed_in (x->owed_by_year, year))
    {
      EXPORT_ERROR (error, _("the open charges of %d do not add up to its collection report; did the book change during the export?"),
                    year);
      return FALSE;
    }
  export_xlsx_put_number (x, s, 0, year, NULL);
  export_xlsx_put_money (x, s, 1, c.billed);
  export_xlsx_put_money (x, s, 2, c.waived);
  put_formula (x, s, 3, due, (double) c.due / 100.0, x->money);
  put_formula (x, s, 4, paid, (double) c.paid / 100.0, x->money);
  put_formula (x, s, 5, open, (double) c.outstanding / 100.0, x->money);
  put_formula (x, s, 6, rate, c.rate_bp / 10000.0, x->percent);
  export_xlsx_put_number (x, s, 7, c.households, NULL);
  export_xlsx_put_number (x, s, 8, c.households_paid, NULL);
  s->row++;
  return TRUE;
}

/* The Summary sheet, written last: heading, funds, collection by year. */
static gboolean
write_summary (Export  *x,
               GError **error)
{
  g_autofree char *stored_name = ledger_book_dup_name (x->book);
  g_autofree char *name = export_xlsx_scrub (x, stored_name);
  g_autofree char *title = g_strdup_printf ("公账汇总：%s", name);
  g_autofree char *fingerprint = ledger_tree_head_format (&x->head);
  g_autofree char *period = g_strdup_printf ("%s（%s 至 %s）", x->period.name, x->period.first, x->period.last);
  Sheet *s = &x->summary;
  /* The whole book: every year a charge may be of, the years before the
   * first entry's included (opening arrears of last year are dated this
   * year); summary_collection_row() skips the years never billed. */
  int first = x->everything ? LEDGER_YEAR_FIRST : ledger_date_year (x->period.first);
  int last = x->everything ? x->last_year + 1 : ledger_date_year (x->period.last);

  for (guint i = 0; i < G_N_ELEMENTS (summary_columns); i++)
    worksheet_set_column (s->ws, (lxw_col_t) i, (lxw_col_t) i, summary_columns[i].width, NULL);
  export_xlsx_check (x, worksheet_write_string (s->ws, s->row++, 0, title, x->title));
  put_line (x, s, "期间", period, 0);
  put_line (x, s, "账本指纹", fingerprint, 0);
  put_line (x, s, "导出时间", x->now, 0);
  s->row++;
  for (guint i = 0; i < 4; i++)
    export_xlsx_check (x, worksheet_write_string (s->ws, s->row, (lxw_col_t) i, summary_columns[i].header, x->header));
  s->row++;
  summary_funds (x);
  s->row++;
  for (guint i = 0; i < G_N_ELEMENTS (collection_headers); i++)
    export_xlsx_check (x, worksheet_write_string (s->ws, s->row, (lxw_col_t) i, collection_headers[i], x->header));
  s->row++;
  for (int year = first; year <= last && year > 0; year++)
    if (!summary_collection_row (x, year, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The file */

/* Reports progress when the caller asked for it. */
static void
step (Export *x,
      int     per_mille)
{
  if (x->progress != NULL)
    x->progress (per_mille, x->progress_data);
}

/* Every sheet, in workbook order; the Summary is created first and filled
 * last. A LedgerWriteFunc for ledger_book_read(): every query of every
 * sheet and of the tie-out checks sees the same state of the book. */
static gboolean
write_all (LedgerBook  *book,
           gpointer     user_data,
           GError     **error)
{
  Export *x = user_data;

  add_formats (x);
  x->report = ledger_report_income (book, &x->period, error);
  if (x->report != NULL)
    x->money_entries = ledger_report_money_entries (book, x->everything ? NULL : &x->period, error);
  return x->report != NULL && x->money_entries != NULL &&
         export_xlsx_sheet_add (x, &x->summary, "汇总", NULL, 0, error) &&
         export_xlsx_write_income (x, error) &&
         export_xlsx_write_expenditures (x, error) &&
         export_xlsx_write_waivers (x, error) &&
         export_xlsx_write_trial_balance (x, error) &&
         export_xlsx_write_funds (x, error) &&
         export_xlsx_write_cashbooks (x, error) &&
         export_xlsx_write_arrears (x, error) &&
         export_xlsx_write_households (x, error) &&
         export_xlsx_write_votes (x, error) &&
         (step (x, 100), write_journal (x, error)) &&
         write_verification (x, error) &&
         write_summary (x, error);
}

/* The test suite shortens the Journal sheets to see them split. */
static guint64
journal_rows_per_sheet (void)
{
  const char *text = g_getenv ("COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS");
  guint64 rows = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, EXPORT_JOURNAL_ROWS_PER_SHEET, &rows, NULL))
    rows = EXPORT_JOURNAL_ROWS_PER_SHEET;
  return rows;
}

/* Fills in the export's settings; "everything" is a period too. */
static void
export_init (Export             *x,
             LedgerBook         *book,
             const LedgerPeriod *period)
{
  static const LedgerPeriod everything = { "全部", "1900-01-01", "2200-12-31", 0 };

  x->book = book;
  x->everything = period == NULL;
  x->period = period != NULL ? *period : everything;
  x->rows_per_sheet = journal_rows_per_sheet ();
  x->hashes = g_array_new (FALSE, FALSE, sizeof (LedgerHash));
  x->owed_by_year = g_array_new (FALSE, FALSE, sizeof (gint64));
  x->now = ledger_book_now (book);
}

/* Frees what a Sheet owns (the worksheet belongs to the workbook). */
static void
sheet_clear (Sheet *s)
{
  g_free (s->name);
}

/* Frees everything the export holds (and the workbook, if not closed). */
static void
export_clear (Export *x)
{
  Sheet *sheets[] = { &x->summary, &x->income, &x->expenditures, &x->waivers, &x->trial, &x->funds, &x->arrears, &x->households,
                      &x->votes, &x->verification };

  for (gsize i = 0; i < G_N_ELEMENTS (sheets); i++)
    sheet_clear (sheets[i]);
  for (guint i = 0; x->journal != NULL && i < x->n_journal; i++)
    sheet_clear (&x->journal[i]);
  g_free (x->journal);
  g_clear_pointer (&x->cashbooks, g_ptr_array_unref);
  g_clear_pointer (&x->report, ledger_income_report_free);
  g_clear_pointer (&x->fees, g_ptr_array_unref);
  g_clear_pointer (&x->money_entries, g_ptr_array_unref);
  g_array_unref (x->hashes);
  g_array_unref (x->owed_by_year);
  g_free (x->now);
  g_clear_pointer (&x->scrubber, ledger_privacy_scrubber_free);
  if (x->wb != NULL)
    lxw_workbook_free (x->wb);
}

/* "cannot write FILE: REASON", the name quoted for a one-line message. */
static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = ledger_quote_path (path);

  if (reason != NULL)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot write %s: %s"), display, reason);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot write %s"), display);
}

/* A new, empty file beside @path for the workbook to be written to. */
static char *
create_temp (const char  *path,
             GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".partial-XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  int saved_errno = errno;

  if (fd < 0)
    {
      set_write_error (error, path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

/* Writes the zip, flushes it to disk and gives it its name. */
static gboolean
close_and_rename (Export      *x,
                  const char  *temp,
                  const char  *path,
                  GError     **error)
{
  lxw_error err = x->status != LXW_NO_ERROR ? x->status : workbook_close (x->wb);
  int fd, saved_errno = 0;

  if (x->status == LXW_NO_ERROR)
    x->wb = NULL;
  if (err != LXW_NO_ERROR)
    {
      set_write_error (error, path, lxw_strerror (err));
      return FALSE;
    }
  fd = open (temp, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (saved_errno != 0)
    {
      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Only a workbook that reads back whole replaces the previous one. */
  {
    g_autoptr(GError) unreadable = NULL;

    if (!export_workbook_check_written (temp, &unreadable))
      {
        g_autofree char *reason = g_strdup_printf (_("what was written does not read back whole "
                                                     "(is the disk full?): %s"), unreadable->message);

        set_write_error (error, path, reason);
        return FALSE;
      }
  }
  if (g_rename (temp, path) != 0)
    {
      set_write_error (error, path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
export_workbook (LedgerBook          *book,
                 const LedgerPeriod  *period,
                 const char          *path,
                 ExportProgressFunc   progress,
                 gpointer             progress_data,
                 GError             **error)
{
  return export_workbook_full (book, period, path, progress, progress_data, NULL, error);
}

gboolean
export_workbook_full (LedgerBook          *book,
                      const LedgerPeriod  *period,
                      const char          *path,
                      ExportProgressFunc   progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  g_autofree char *temp = NULL;
  g_autofree char *folder = NULL;
  Export x = { .progress = progress, .progress_data = progress_data, .cancellable = cancellable };
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!ledger_book_in_write (book), FALSE);

  if (!ledger_book_check_outputs (book, 1, (const char *[]) { _("workbook") }, &path, error))
    return FALSE;
  temp = create_temp (path, error);
  if (temp == NULL)
    return FALSE;
  /* libxlsxwriter's own temporary files go beside the workbook, not in
   * /tmp: the disk the user chose is the one whose space counts. */
  folder = g_path_get_dirname (temp);
  options.tmpdir = folder;
  export_init (&x, book, period);
  x.wb = workbook_new_opt (temp, &options);
  if (x.wb == NULL)
    set_write_error (error, path, NULL);
  /* One read transaction for every sheet; the zip is written after it. */
  ok = x.wb != NULL && ledger_book_read (book, write_all, &x, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       close_and_rename (&x, temp, path, error);
  export_clear (&x);
  if (!ok)
    g_unlink (temp);
  else
    step (&x, 1000);
  return ok;
}

/* ledger-cashbook.c — one money account's or advance's entries with a running balance (日记账) */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-book-private.h"
#include "ledger-cashbook.h"
#include "ledger-money-private.h"
#include "ledger-report-private.h"
#include "ledger-text.h"

#define ADVANCE_PREFIX "advance:"

/* The entries that move money, as the screens and the printed books name
 * them (docs/money.md). */
static const struct
{
  const char *kind;
  const char *label;
  const char *chinese;
} entry_kinds[] = {
  { "opening",     N_("Opening balance"), "期初" },
  { "payment",     N_("Fee payment"),     "收费" },
  { "void",        N_("Voided receipt"),  "作废" },
  { "income",      N_("Other income"),    "其他收入" },
  { "expenditure", N_("Expenditure"),     "支出" },
  { "transfer",    N_("Transfer"),        "转账" },
  { "refund",      N_("Refund"),          "退款" },
  { "advance",     N_("Advance"),         "备用金" },
};

const char *
ledger_entry_kind_label (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (entry_kinds); i++)
    if (strcmp (entry_kinds[i].kind, kind) == 0)
      return _(entry_kinds[i].label);
  return kind;
}

const char *
ledger_entry_kind_chinese (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (entry_kinds); i++)
    if (strcmp (entry_kinds[i].kind, kind) == 0)
      return entry_kinds[i].chinese;
  return kind;
}

static void
cashbook_line_free (LedgerCashbookLine *line)
{
  g_free (line->voucher);
  g_free (line->kind);
  g_free (line->memo);
  g_free (line);
}

void
ledger_cashbook_free (LedgerCashbook *cashbook)
{
  if (cashbook == NULL)
    return;
  g_free (cashbook->account);
  g_free (cashbook->name);
  g_free (cashbook->chinese);
  g_clear_pointer (&cashbook->lines, g_ptr_array_unref);
  g_free (cashbook);
}

/* The member's name after "advance:" or "备用金:" (either colon), or NULL. */
static const char *
advance_member (const char *text)
{
  static const char *const prefixes[] = { ADVANCE_PREFIX, "备用金:", "备用金：" };

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return text + strlen (prefixes[i]);
  return NULL;
}

char *
ledger_cashbook_account_parse (const char  *text,
                               const char  *field,
                               GError     **error)
{
  const char *member = text != NULL && g_utf8_validate (text, -1, NULL) ? advance_member (text) : NULL;
  g_autoptr(GError) money_error = NULL;
  char *code;

  if (member != NULL)
    return ledger_account_name_check (member, field, error) ? ledger_account_advance_code (member) : NULL;
  code = ledger_money_account_parse (text, field, &money_error);
  if (code == NULL)
    ledger_text_set_invalid_input (error, field, text,
                                   _("expected cash, bank, bank:NAME, wechat, alipay or advance:MEMBER"));
  return code;
}

/* The account's stored name, or NOT_FOUND naming @code. */
static char *
account_stored_name (LedgerBook  *book,
                     const char  *code,
                     GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT name FROM accounts WHERE code = ?1", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, code);
  /* codes are unique: at most one row */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (name == NULL)
      name = ledger_column_dup (stmt, 0);
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the accounts"), error))
    {
      g_free (name);
      return NULL;
    }
  if (name == NULL)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                 _("ACCOUNT: the book has no account “%s”"), code);
  return name;
}

/* The account's balance at the end of @date, from the daily cache. */
static gboolean
balance_at (LedgerBook  *book,
            const char  *code,
            const char  *date,
            gboolean     inclusive,
            gint64      *out_balance,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              inclusive ? "SELECT coalesce (sum (amount), 0) FROM account_days"
                                          " WHERE account = ?1 AND date <= ?2"
                                        : "SELECT coalesce (sum (amount), 0) FROM account_days"
                                          " WHERE account = ?1 AND date < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, code);
  ledger_bind_text (stmt, 2, date);
  return ledger_book_query_int64 (book, stmt, 0, out_balance, error);
}

static LedgerCashbookLine *
read_line (sqlite3_stmt *stmt)
{
  LedgerCashbookLine *line = g_new0 (LedgerCashbookLine, 1);

  line->txn_id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (line->date, (const char *) sqlite3_column_text (stmt, 1), sizeof line->date);
  line->kind = ledger_column_dup (stmt, 2);
  line->voucher = ledger_column_dup (stmt, 3);
  line->memo = ledger_column_dup (stmt, 4);
  line->in = sqlite3_column_int64 (stmt, 5);
  line->out = sqlite3_column_int64 (stmt, 6);
  return line;
}

/* Adds @line to the running figures and gives it its balance. */
static gboolean
run_line (LedgerCashbook      *cashbook,
          LedgerCashbookLine  *line,
          GError             **error)
{
  const char *what = _("the cash book");

  /* in and out are sums of positive figures (SQLite refuses a sum that
   * overflows), so neither is negative. */
  if (!ledger_total_add_or_error (&cashbook->total_in, line->in, what, error) ||
      !ledger_total_add_or_error (&cashbook->total_out, line->out, what, error) ||
      !ledger_total_add_or_error (&cashbook->closing, line->in, what, error) ||
      !ledger_total_add_or_error (&cashbook->closing, -line->out, what, error))
    return FALSE;
  line->balance = cashbook->closing;
  return TRUE;
}

/* The least and the greatest id of the entries dated in @period; FALSE in
 * *@out_any when it has none. Entries are numbered as they are written and
 * mostly in date order, so the ids of a year are a narrow band of the
 * account's entries: read through txns_date alone (its rows hold the id). */
static gboolean
period_entry_ids (LedgerBook          *book,
                  const LedgerPeriod  *period,
                  gint64              *out_first,
                  gint64              *out_last,
                  gboolean            *out_any,
                  GError             **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT min (id), max (id) FROM txns WHERE date BETWEEN ?1 AND ?2",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, period->first);
  ledger_bind_text (stmt, 2, period->last);
  *out_any = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      {
        *out_first = sqlite3_column_int64 (stmt, 0);
        *out_last = sqlite3_column_int64 (stmt, 1);
        *out_any = TRUE;
      }
  return ledger_book_finish_rows (book, stmt, rc, N_("preparing the cash book"), error);
}

/* Every entry that moved the account in the period, its splits on it
 * added up (a transfer's bank charge leaves by the same account). The
 * account's splits are read by their index (account, txn_id) between the
 * period's first and last entry id, so that a year's cash book reads that
 * year's entries and not the account's whole history; the date decides. */
static gboolean
read_lines (LedgerBook      *book,
            LedgerCashbook  *cashbook,
            GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 first_id = 0, last_id = 0;
  gboolean any = FALSE;
  int rc;

  cashbook->closing = cashbook->opening;
  if (!period_entry_ids (book, &cashbook->period, &first_id, &last_id, &any, error))
    return FALSE;
  if (!any)
    return TRUE;
  stmt = ledger_book_prepare (book,
    "SELECT t.id, t.date, t.kind, t.ref, t.memo,"
    "       sum (CASE WHEN s.amount > 0 THEN s.amount ELSE 0 END),"
    "       sum (CASE WHEN s.amount < 0 THEN -s.amount ELSE 0 END)"
    " FROM splits s JOIN txns t ON t.id = s.txn_id"
    " WHERE s.account = ?1 AND s.txn_id BETWEEN ?4 AND ?5 AND t.date BETWEEN ?2 AND ?3"
    " GROUP BY t.id ORDER BY t.date, t.id",
    error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, cashbook->account);
  ledger_bind_text (stmt, 2, cashbook->period.first);
  ledger_bind_text (stmt, 3, cashbook->period.last);
  sqlite3_bind_int64 (stmt, 4, first_id);
  sqlite3_bind_int64 (stmt, 5, last_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerCashbookLine *line = read_line (stmt);

      g_ptr_array_add (cashbook->lines, line);
      if (!run_line (cashbook, line, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("preparing the cash book"), error);
}

gboolean
ledger_cashbook_has_lines (LedgerBook          *book,
                           const char          *account,
                           const LedgerPeriod  *period,
                           gboolean            *out_has,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 any = 0;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (account != NULL && period != NULL && out_has != NULL, FALSE);

  /* read_lines()' rows without their grouping: one split is enough. */
  stmt = ledger_book_prepare (book,
    "SELECT EXISTS (SELECT 1 FROM splits s JOIN txns t ON t.id = s.txn_id"
    "               WHERE s.account = ?1 AND t.date BETWEEN ?2 AND ?3)",
    error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, account);
  ledger_bind_text (stmt, 2, period->first);
  ledger_bind_text (stmt, 3, period->last);
  if (!ledger_book_query_int64 (book, stmt, 0, &any, error))
    return FALSE;
  *out_has = any != 0;
  return TRUE;
}

LedgerCashbook *
ledger_report_cashbook (LedgerBook          *book,
                        const char          *account,
                        const LedgerPeriod  *period,
                        GError             **error)
{
  g_autoptr(LedgerCashbook) cashbook = g_new0 (LedgerCashbook, 1);
  g_autofree char *stored = NULL;
  gint64 cached_closing = 0;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (account != NULL && period != NULL, NULL);

  if (!ledger_account_is_money (account) && !ledger_account_is_advance (account))
    {
      ledger_text_set_invalid_input (error, "ACCOUNT", account,
                                     _("expected cash, bank, bank:NAME, wechat, alipay or advance:MEMBER"));
      return NULL;
    }
  if ((stored = account_stored_name (book, account, error)) == NULL)
    return NULL;
  cashbook->account = g_strdup (account);
  cashbook->name = ledger_report_account_name (account, stored);
  cashbook->chinese = ledger_account_chinese (account, stored);
  cashbook->period = *period;
  cashbook->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cashbook_line_free);
  if (!balance_at (book, account, period->first, FALSE, &cashbook->opening, error) ||
      !read_lines (book, cashbook, error) ||
      !balance_at (book, account, period->last, TRUE, &cached_closing, error))
    return NULL;
  cashbook->ties_out = cached_closing == cashbook->closing;
  return g_steal_pointer (&cashbook);
}

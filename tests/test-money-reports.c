/* test-money-reports.c — the balance report, the trial balance and the cash book (docs/money.md)
 *
 * Two small books with every figure worked out by hand in the comments
 * before it is asserted:
 *
 * - a year of fees: bills, payments by cash, WeChat, Alipay and bank, a
 *   void, a waiver, two expenditures; verify passes after the story;
 * - the committee's money: opening balances, transfers (one with a bank
 *   charge), interest and rent, an advance, a refund, and an expenditure
 *   of the maintenance fund approved by a matter-5 vote. The opening,
 *   transfer, income, advance and refund writers are other slices of
 *   issue 16, so those entries are posted here directly with
 *   ledger_posting, with the fund rows their facts would project (so the
 *   funds see them); verify cannot replay entries no writer of this
 *   branch knows, so that story checks the reports only.
 *
 * And the cash book's refusals, and a daily cache edited behind the
 * program's back: every report then says it does not tie out.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-journal-private.h"

typedef BookFixture Fixture;

static const BookFixtureOptions new_book = { .name = "报表测试小区", .today = "2026-12-07" };

/* ------------------------------------------------------------------ */
/* Helpers */

static gint64
account_balance (const LedgerBalanceSheet *sheet,
                 const char               *code)
{
  for (guint i = 0; i < sheet->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (sheet->accounts, i);

      if (strcmp (line->code, code) == 0)
        return line->amount;
    }
  g_assert_not_reached ();
}

static const LedgerTrialLine *
trial_line (const LedgerTrialBalance *trial,
            const char               *code)
{
  for (guint i = 0; i < trial->lines->len; i++)
    {
      const LedgerTrialLine *line = g_ptr_array_index (trial->lines, i);

      if (strcmp (line->code, code) == 0)
        return line;
    }
  g_assert_not_reached ();
}

static void
assert_trial_line (const LedgerTrialBalance *trial,
                   const char               *code,
                   gint64                    opening,
                   gint64                    debits,
                   gint64                    credits,
                   gint64                    closing)
{
  const LedgerTrialLine *line = trial_line (trial, code);

  g_assert_cmpint (line->opening, ==, opening);
  g_assert_cmpint (line->debits, ==, debits);
  g_assert_cmpint (line->credits, ==, credits);
  g_assert_cmpint (line->closing, ==, closing);
}

static void
assert_cashbook_line (const LedgerCashbook *cashbook,
                      guint                 i,
                      const char           *date,
                      const char           *voucher,
                      const char           *kind,
                      gint64                in,
                      gint64                out,
                      gint64                balance)
{
  const LedgerCashbookLine *line;

  g_assert_cmpuint (i, <, cashbook->lines->len);
  line = g_ptr_array_index (cashbook->lines, i);
  g_assert_cmpstr (line->date, ==, date);
  g_assert_cmpstr (line->voucher, ==, voucher);
  g_assert_cmpstr (line->kind, ==, kind);
  g_assert_cmpint (line->in, ==, in);
  g_assert_cmpint (line->out, ==, out);
  g_assert_cmpint (line->balance, ==, balance);
}

static LedgerPeriod
period (const char *name)
{
  LedgerPeriod p;

  g_assert_true (ledger_period_parse (name, "--period", &p, NULL));
  return p;
}

static LedgerCashbook *
cashbook (LedgerBook *book,
          const char *account,
          const char *period_name)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod p = period (period_name);
  LedgerCashbook *c = ledger_report_cashbook (book, account, &p, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_true (c->ties_out);
  return c;
}

static LedgerTrialBalance *
trial_balance (LedgerBook *book,
               const char *period_name)
{
  g_autoptr(GError) error = NULL;
  LedgerPeriod p = period (period_name);
  LedgerTrialBalance *t = ledger_report_trial_balance (book, &p, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static void
record_expenditure (LedgerBook   *book,
                    gint64        amount,
                    LedgerMethod  method,
                    const char   *date,
                    const char   *category,
                    const char   *invoice,
                    gint64        vote_id)
{
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autoptr(GError) error = NULL;

  e->amount = amount;
  e->method = method;
  g_strlcpy (e->date, date, sizeof e->date);
  g_free (e->payee);
  e->payee = g_strdup ("五金店");
  g_free (e->category);
  e->category = g_strdup (category);
  g_free (e->invoice);
  e->invoice = g_strdup (invoice);
  e->vote_id = vote_id;
  e->from_maintenance_fund = vote_id != 0;
  g_assert_true (ledger_expenditure_record (book, e, NULL, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* A year of fees */

/* Three households billed for 2026 on 1 January: property 360.00 each,
 * parking 120.00 for 1-1-102's one space: 1,200.00 receivable, income
 * property 1,080.00 and parking 120.00.
 *
 *   2026-02-01  2026-000001  1-1-101 pays 360.00 cash
 *   2026-02-10  2026-000002  1-1-102 pays 600.00 WeChat: 480.00 settles, 120.00 prepaid
 *   2026-03-01  2026-000003  1-1-103 pays 200.00 Alipay
 *   2026-03-05  2026-000004  1-1-103 pays 100.00 bank, voided on 2026-12-07 (today)
 *   2026-04-01  FP-0001      repairs 150.00 from cash
 *   2026-05-01  FP-0002      cleaning 80.00 from WeChat
 *   2026-12-07               1-1-103's property waived by 60.00 */
static void
fee_year (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL;
  gint64 amount = 6000, waived = 0;

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_add_household (f->book, "1-1-102", "李娜", 12000, 1);
  book_add_household (f->book, "1-1-103", "张敏", 8000, 0);
  book_bill_year (f->book, 2026);
  r1 = book_pay (f->book, "1-1-101", 36000, LEDGER_METHOD_CASH, "2026-02-01");
  r2 = book_pay (f->book, "1-1-102", 60000, LEDGER_METHOD_WECHAT, "2026-02-10");
  r3 = book_pay (f->book, "1-1-103", 20000, LEDGER_METHOD_ALIPAY, "2026-03-01");
  r4 = book_pay (f->book, "1-1-103", 10000, LEDGER_METHOD_BANK, "2026-03-05");
  g_assert_cmpstr (r4, ==, "2026-000004");
  record_expenditure (f->book, 15000, LEDGER_METHOD_CASH, "2026-04-01", "repair", "FP-0001", 0);
  record_expenditure (f->book, 8000, LEDGER_METHOD_WECHAT, "2026-05-01", "cleaning", "FP-0002", 0);
  g_assert_true (ledger_void (f->book, r4, "银行退回", &error));
  g_assert_no_error (error);
  g_assert_true (ledger_waive (f->book, "1-1-103", "property", 2026, &amount, "低保户", &waived, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waived, ==, 6000);
}

static void
test_fee_year_balance (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBalanceSheet) sheet = NULL;

  fee_year (f);
  sheet = ledger_report_balance_sheet (f->book, "2026-12-31", &error);
  g_assert_no_error (error);

  /* cash 360.00 − 150.00 = 210.00; WeChat 600.00 − 80.00 = 520.00;
   * Alipay 200.00; bank 100.00 − 100.00 (the void) = 0. */
  g_assert_cmpint (account_balance (sheet, "cash"), ==, 21000);
  g_assert_cmpint (account_balance (sheet, "wechat"), ==, 52000);
  g_assert_cmpint (account_balance (sheet, "alipay"), ==, 20000);
  g_assert_cmpint (account_balance (sheet, "bank"), ==, 0);
  /* receivable 1,200.00 − 360.00 − 480.00 − 200.00 − 60.00 waived = 100.00
   * (the voided 100.00 came back); prepaid 120.00. */
  g_assert_cmpint (account_balance (sheet, "receivable"), ==, 10000);
  g_assert_cmpint (account_balance (sheet, "prepaid"), ==, 12000);
  g_assert_cmpint (account_balance (sheet, "waivers"), ==, 6000);
  g_assert_cmpint (account_balance (sheet, "expense:repair"), ==, 15000);

  /* money 210.00 + 520.00 + 200.00 = 930.00; net 930.00 + 100.00 −
   * 120.00 = 910.00; the operating fund: income 1,200.00 − waived 60.00
   * − spent 230.00 = 910.00; nothing in the other funds. */
  g_assert_cmpint (sheet->money, ==, 93000);
  g_assert_cmpint (sheet->receivable, ==, 10000);
  g_assert_cmpint (sheet->advances, ==, 0);
  g_assert_cmpint (sheet->liabilities, ==, 12000);
  g_assert_cmpint (sheet->net, ==, 91000);
  g_assert_cmpint (sheet->funds[LEDGER_FUND_OPERATING], ==, 91000);
  g_assert_cmpint (sheet->funds[LEDGER_FUND_MAINTENANCE], ==, 0);
  g_assert_cmpint (sheet->funds[LEDGER_FUND_PUBLIC], ==, 0);
  g_assert_cmpint (sheet->funds_total, ==, 91000);
  g_assert_true (sheet->ties_out);

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

static void
test_fee_year_trial_balance (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTrialBalance) year = NULL, q2 = NULL;

  fee_year (f);
  year = trial_balance (f->book, "2026");

  /* Every entry is of 2026: nothing before it. */
  assert_trial_line (year, "cash", 0, 36000, 15000, 21000);
  assert_trial_line (year, "wechat", 0, 60000, 8000, 52000);
  assert_trial_line (year, "alipay", 0, 20000, 0, 20000);
  /* the payment in, its void out */
  assert_trial_line (year, "bank", 0, 10000, 10000, 0);
  /* debits: the bill 1,200.00 and the void giving back 100.00; credits:
   * the four payments' 360.00 + 480.00 + 200.00 + 100.00 and the waiver
   * 60.00 = 1,200.00. */
  assert_trial_line (year, "receivable", 0, 130000, 120000, 10000);
  assert_trial_line (year, "prepaid", 0, 0, 12000, -12000);
  assert_trial_line (year, "income:property", 0, 0, 108000, -108000);
  assert_trial_line (year, "income:parking", 0, 0, 12000, -12000);
  assert_trial_line (year, "waivers", 0, 6000, 0, 6000);
  assert_trial_line (year, "expense:repair", 0, 15000, 0, 15000);
  assert_trial_line (year, "expense:cleaning", 0, 8000, 0, 8000);
  /* debits 360 + 600 + 200 + 100 + 1,300 + 60 + 150 + 80 = 2,850.00;
   * credits 150 + 80 + 100 + 1,200 + 120 + 1,080 + 120 = 2,850.00. */
  g_assert_cmpint (year->debits, ==, 285000);
  g_assert_cmpint (year->credits, ==, 285000);
  g_assert_cmpint (year->opening, ==, 0);
  g_assert_cmpint (year->closing, ==, 0);
  g_assert_true (year->ties_out);
  g_assert_null (year->problem);

  /* The second quarter opens with the first's closing: cash 360.00, the
   * bank 100.00 (not yet voided), receivable 1,200 − 360 − 480 − 200 −
   * 100 = 60.00; it moves cash by the repair and WeChat by the cleaning. */
  q2 = trial_balance (f->book, "2026-Q2");
  assert_trial_line (q2, "cash", 36000, 0, 15000, 21000);
  assert_trial_line (q2, "bank", 10000, 0, 0, 10000);
  assert_trial_line (q2, "receivable", 6000, 0, 0, 6000);
  assert_trial_line (q2, "wechat", 60000, 0, 8000, 52000);
  g_assert_cmpint (q2->debits, ==, 23000);
  g_assert_cmpint (q2->credits, ==, 23000);
  g_assert_cmpint (q2->opening, ==, 0);
  g_assert_cmpint (q2->closing, ==, 0);
  g_assert_true (q2->ties_out);

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

static void
test_fee_year_cashbooks (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerCashbook) bank = NULL, cash_q2 = NULL, cash = NULL;

  fee_year (f);

  /* The bank: the payment in on 5 March, its void out today, both under
   * the receipt's number. */
  bank = cashbook (f->book, "bank", "2026");
  g_assert_cmpint (bank->opening, ==, 0);
  g_assert_cmpuint (bank->lines->len, ==, 2);
  assert_cashbook_line (bank, 0, "2026-03-05", "2026-000004", "payment", 10000, 0, 10000);
  assert_cashbook_line (bank, 1, "2026-12-07", "2026-000004", "void", 0, 10000, 0);
  g_assert_cmpint (bank->closing, ==, 0);

  /* Cash in the second quarter: 360.00 brought forward, the repair's
   * 150.00 out under its invoice, 210.00 left. */
  cash_q2 = cashbook (f->book, "cash", "2026-Q2");
  g_assert_cmpint (cash_q2->opening, ==, 36000);
  g_assert_cmpuint (cash_q2->lines->len, ==, 1);
  assert_cashbook_line (cash_q2, 0, "2026-04-01", "FP-0001", "expenditure", 0, 15000, 21000);
  g_assert_cmpstr (((LedgerCashbookLine *) g_ptr_array_index (cash_q2->lines, 0))->memo, ==, "五金店");
  g_assert_cmpint (cash_q2->total_in, ==, 0);
  g_assert_cmpint (cash_q2->total_out, ==, 15000);
  g_assert_cmpint (cash_q2->closing, ==, 21000);
  g_assert_cmpstr (cash_q2->chinese, ==, "现金");

  /* The whole year's cash: the payment's memo is its unit. */
  cash = cashbook (f->book, "cash", "2026");
  g_assert_cmpuint (cash->lines->len, ==, 2);
  assert_cashbook_line (cash, 0, "2026-02-01", "2026-000001", "payment", 36000, 0, 36000);
  g_assert_cmpstr (((LedgerCashbookLine *) g_ptr_array_index (cash->lines, 0))->memo, ==, "1-1-101");
  g_assert_cmpint (cash->total_in, ==, 36000);

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* The committee's money: every kind of account and fund */

typedef struct
{
  const char *kind;
  const char *date;
  const char *ref;
  const char *memo;
  const char *accounts[4];
  gint64      amounts[4];
  gint64      household_id;   /* on the first split with "prepaid" */
  const char *fund_table;     /* "openings" or "incomes": the row its fact would project */
  const char *fund;
} DirectEntry;

static gboolean
add_fund_row (LedgerBook         *book,
              const DirectEntry  *e,
              gint64              txn_id,
              GError            **error)
{
  sqlite3_stmt *stmt;

  if (e->fund_table == NULL)
    return TRUE;
  stmt = ledger_book_prepare (book,
                              strcmp (e->fund_table, "openings") == 0
                                ? "INSERT INTO openings (txn_id, kind, account, amount, fund)"
                                  " VALUES (?1, 'balance', ?2, ?3, ?4)"
                                : "INSERT INTO incomes (txn_id, voucher, category, account, fund, amount)"
                                  " VALUES (?1, ?5, 'interest', ?2, ?4, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, e->accounts[0]);
  sqlite3_bind_int64 (stmt, 3, e->amounts[0]);
  ledger_bind_text (stmt, 4, e->fund);
  if (strcmp (e->fund_table, "incomes") == 0)
    ledger_bind_text (stmt, 5, e->ref);
  return ledger_book_step_done (book, stmt, error);
}

static gboolean
post_direct_cb (LedgerBook *book,
                gpointer    user_data,
                GError    **error)
{
  const DirectEntry *e = user_data;
  g_autoptr(LedgerPosting) posting = ledger_posting_new (e->kind, e->date);
  gint64 txn_id = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (e->accounts) && e->accounts[i] != NULL; i++)
    if (!ledger_account_ensure_in_write (book, e->accounts[i], e->date, error))
      return FALSE;
  ledger_posting_set_ref (posting, e->ref);
  ledger_posting_set_memo (posting, e->memo);
  for (gsize i = 0; i < G_N_ELEMENTS (e->accounts) && e->accounts[i] != NULL; i++)
    ledger_posting_add (posting, e->accounts[i],
                        strcmp (e->accounts[i], "prepaid") == 0 ? e->household_id : 0, e->amounts[i]);
  return ledger_posting_commit (posting, book, &txn_id, error) && add_fund_row (book, e, txn_id, error);
}

static void
post_direct (LedgerBook        *book,
             const DirectEntry *e)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_book_write (book, post_direct_cb, (gpointer) e, &error));
  g_assert_no_error (error);
}

static gboolean
add_bank_cb (LedgerBook *book,
             gpointer    user_data,
             GError    **error)
{
  return ledger_bank_account_add_in_write (book, user_data, "2026-01-01", error);
}

static gint64
household_id (LedgerBook *book,
              const char *unit)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT id FROM households WHERE unit = ?1", NULL);
  gint64 id = 0;

  g_assert_nonnull (stmt);
  ledger_bind_text (stmt, 1, unit);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &id, NULL));
  return id;
}

/* A matter-5 vote the one household passes, closed today. */
static gint64
maintenance_vote (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ledger_vote_new (book, "屋面维修", "", 5, NULL, NULL, &id, &error));
  g_assert_true (ledger_vote_ballot (book, id, "1-1-101", LEDGER_CHOICE_YES, NULL, NULL, NULL, &error));
  g_assert_true (ledger_vote_close (book, id, &error));
  g_assert_no_error (error);
  return id;
}

/* The story, in date order:
 *
 *   2026-01-01  opening      bank:工商银行 +5,000.00, maintenance fund
 *   2026-01-01  opening      cash +200.00, operating fund
 *   2026-02-01  Z2026-0001   cash 100.00 deposited in the bank
 *   2026-02-15  Z2026-0002   bank:工商银行 300.00 to the bank, 5.00 bank charge
 *   2026-03-01  S2026-0001   interest 12.00 into the bank, operating fund
 *   2026-03-10  S2026-0002   rent 500.00 by WeChat, public revenue
 *   2026-04-01  F2026-0001   advance of 30.00 cash to 张三
 *   2026-05-01  2026-000001  1-1-101 pays 100.00 cash, nothing billed: all credit
 *   2026-06-01  F2026-0002   40.00 of that credit refunded in cash
 *   2026-12-07  (no invoice) roof repair 200.00 from the bank, maintenance fund (vote) */
static void
money_year (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = NULL;
  gint64 h;
  const DirectEntry entries[] = {
    { "opening", "2026-01-01", "", "期初", { "bank:工商银行", "opening" }, { 500000, -500000 }, 0,
      "openings", "maintenance" },
    { "opening", "2026-01-01", "", "期初", { "cash", "opening" }, { 20000, -20000 }, 0, "openings", "operating" },
    { "transfer", "2026-02-01", "Z2026-0001", "现金存入银行", { "bank", "cash" }, { 10000, -10000 } },
    { "transfer", "2026-02-15", "Z2026-0002", "转入基本户",
      { "bank", "bank:工商银行", "expense:bank-charges", "bank:工商银行" }, { 30000, -30000, 500, -500 } },
    { "income", "2026-03-01", "S2026-0001", "利息", { "bank", "other-income:interest" }, { 1200, -1200 }, 0,
      "incomes", "operating" },
    { "income", "2026-03-10", "S2026-0002", "快递柜场地租金", { "wechat", "other-income:rent" }, { 50000, -50000 }, 0,
      "incomes", "public" },
    { "advance", "2026-04-01", "F2026-0001", "张三", { "advance:张三", "cash" }, { 3000, -3000 } },
  };

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  h = household_id (f->book, "1-1-101");
  g_assert_true (ledger_book_write (f->book, add_bank_cb, (gpointer) "bank:工商银行", &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    post_direct (f->book, &entries[i]);
  receipt = book_pay (f->book, "1-1-101", 10000, LEDGER_METHOD_CASH, "2026-05-01");
  g_assert_cmpstr (receipt, ==, "2026-000001");
  {
    const DirectEntry refund = { "refund", "2026-06-01", "F2026-0002", "1-1-101 迁出",
                                 { "prepaid", "cash" }, { 4000, -4000 }, h };

    post_direct (f->book, &refund);
  }
  record_expenditure (f->book, 20000, LEDGER_METHOD_BANK, "2026-12-07", "repair", "", maintenance_vote (f->book));
}

static void
test_money_year_balance (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBalanceSheet) sheet = NULL, january = NULL;

  money_year (f);
  sheet = ledger_report_balance_sheet (f->book, "2026-12-31", &error);
  g_assert_no_error (error);

  /* cash 200 − 100 − 30 + 100 − 40 = 130.00; bank 100 + 300 + 12 − 200 =
   * 212.00; 工商银行 5,000 − 300 − 5 = 4,695.00; WeChat 500.00. */
  g_assert_cmpint (account_balance (sheet, "cash"), ==, 13000);
  g_assert_cmpint (account_balance (sheet, "bank"), ==, 21200);
  g_assert_cmpint (account_balance (sheet, "bank:工商银行"), ==, 469500);
  g_assert_cmpint (account_balance (sheet, "wechat"), ==, 50000);
  g_assert_cmpint (account_balance (sheet, "advance:张三"), ==, 3000);
  /* credit 100 − 40 refunded = 60.00 */
  g_assert_cmpint (account_balance (sheet, "prepaid"), ==, 6000);
  /* equity and income read positive */
  g_assert_cmpint (account_balance (sheet, "opening"), ==, 520000);
  g_assert_cmpint (account_balance (sheet, "other-income:rent"), ==, 50000);
  g_assert_cmpint (account_balance (sheet, "expense:bank-charges"), ==, 500);

  /* money 130 + 212 + 4,695 + 500 = 5,537.00; net 5,537 + 30 − 60 =
   * 5,507.00. Funds: maintenance 5,000 − 200 = 4,800.00; public revenue
   * the rent 500.00; operating 200 + 12 interest − 5 charge = 207.00;
   * together 5,507.00. */
  g_assert_cmpint (sheet->money, ==, 553700);
  g_assert_cmpint (sheet->advances, ==, 3000);
  g_assert_cmpint (sheet->receivable, ==, 0);
  g_assert_cmpint (sheet->liabilities, ==, 6000);
  g_assert_cmpint (sheet->net, ==, 550700);
  g_assert_cmpint (sheet->funds[LEDGER_FUND_MAINTENANCE], ==, 480000);
  g_assert_cmpint (sheet->funds[LEDGER_FUND_PUBLIC], ==, 50000);
  g_assert_cmpint (sheet->funds[LEDGER_FUND_OPERATING], ==, 20700);
  g_assert_cmpint (sheet->funds_total, ==, 550700);
  g_assert_true (sheet->ties_out);

  /* At the end of January only the opening balances: 5,200.00 on each
   * side, 5,000.00 of it the maintenance fund's. */
  january = ledger_report_balance_sheet (f->book, "2026-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (january->money, ==, 520000);
  g_assert_cmpint (january->funds[LEDGER_FUND_MAINTENANCE], ==, 500000);
  g_assert_cmpint (january->funds_total, ==, 520000);
  g_assert_true (january->ties_out);
}

static void
test_money_year_trial_balance (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(LedgerTrialBalance) year = NULL, h2 = NULL;
  gint64 debits = 0;

  money_year (f);
  year = trial_balance (f->book, "2026");
  assert_trial_line (year, "bank:工商银行", 0, 500000, 30500, 469500);
  assert_trial_line (year, "cash", 0, 20000 + 10000, 10000 + 3000 + 4000, 13000);
  assert_trial_line (year, "bank", 0, 10000 + 30000 + 1200, 20000, 21200);
  assert_trial_line (year, "advance:张三", 0, 3000, 0, 3000);
  assert_trial_line (year, "prepaid", 0, 4000, 10000, -6000);
  assert_trial_line (year, "opening", 0, 0, 520000, -520000);
  assert_trial_line (year, "other-income:interest", 0, 0, 1200, -1200);
  assert_trial_line (year, "expense:bank-charges", 0, 500, 0, 500);
  assert_trial_line (year, "expense:repair", 0, 20000, 0, 20000);
  /* Every entry's debits: the openings 5,200.00, the transfers 100.00 and
   * 305.00, interest 12.00, rent 500.00, the advance 30.00, the payment
   * 100.00, the refund 40.00, the repair 200.00: 6,487.00 either side. */
  for (guint i = 0; i < year->lines->len; i++)
    debits += ((LedgerTrialLine *) g_ptr_array_index (year->lines, i))->debits;
  g_assert_cmpint (debits, ==, 648700);
  g_assert_cmpint (year->debits, ==, 648700);
  g_assert_cmpint (year->credits, ==, 648700);
  g_assert_cmpint (year->opening, ==, 0);
  g_assert_cmpint (year->closing, ==, 0);
  g_assert_true (year->ties_out);

  /* July, when nothing happened, opens with what the first half did and
   * closes with the same: 工商银行 4,695.00, the equity −5,200.00. */
  h2 = trial_balance (f->book, "2026-07");
  assert_trial_line (h2, "bank:工商银行", 469500, 0, 0, 469500);
  assert_trial_line (h2, "opening", -520000, 0, 0, -520000);
  g_assert_cmpint (h2->opening, ==, 0);
  g_assert_cmpint (h2->debits, ==, 0);
  g_assert_true (h2->ties_out);
}

static void
test_money_year_cashbooks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LedgerCashbook) cash = NULL, icbc = NULL, advance = NULL, bank_h2 = NULL;

  money_year (f);

  /* Cash: 200.00 opening balance, 100.00 to the bank, 30.00 advanced,
   * 100.00 received, 40.00 refunded. */
  cash = cashbook (f->book, "cash", "2026");
  g_assert_cmpint (cash->opening, ==, 0);
  g_assert_cmpuint (cash->lines->len, ==, 5);
  assert_cashbook_line (cash, 0, "2026-01-01", "", "opening", 20000, 0, 20000);
  assert_cashbook_line (cash, 1, "2026-02-01", "Z2026-0001", "transfer", 0, 10000, 10000);
  assert_cashbook_line (cash, 2, "2026-04-01", "F2026-0001", "advance", 0, 3000, 7000);
  assert_cashbook_line (cash, 3, "2026-05-01", "2026-000001", "payment", 10000, 0, 17000);
  assert_cashbook_line (cash, 4, "2026-06-01", "F2026-0002", "refund", 0, 4000, 13000);
  g_assert_cmpint (cash->total_in, ==, 30000);
  g_assert_cmpint (cash->total_out, ==, 17000);
  g_assert_cmpint (cash->closing, ==, 13000);

  /* The named bank account: the transfer's 300.00 and its 5.00 charge
   * leave it as one line of 305.00. */
  icbc = cashbook (f->book, "bank:工商银行", "2026");
  g_assert_cmpuint (icbc->lines->len, ==, 2);
  assert_cashbook_line (icbc, 0, "2026-01-01", "", "opening", 500000, 0, 500000);
  assert_cashbook_line (icbc, 1, "2026-02-15", "Z2026-0002", "transfer", 0, 30500, 469500);
  g_assert_cmpstr (icbc->chinese, ==, "银行存款（工商银行）");
  g_assert_cmpstr (icbc->name, ==, "工商银行");

  /* The member's advance */
  advance = cashbook (f->book, "advance:张三", "2026");
  g_assert_cmpuint (advance->lines->len, ==, 1);
  assert_cashbook_line (advance, 0, "2026-04-01", "F2026-0001", "advance", 3000, 0, 3000);
  g_assert_cmpstr (advance->chinese, ==, "备用金（张三）");

  /* The bank in December: 100 + 300 + 12 = 412.00 brought forward, the
   * maintenance fund's repair out. */
  bank_h2 = cashbook (f->book, "bank", "2026-12");
  g_assert_cmpint (bank_h2->opening, ==, 41200);
  g_assert_cmpuint (bank_h2->lines->len, ==, 1);
  assert_cashbook_line (bank_h2, 0, "2026-12-07", "", "expenditure", 0, 20000, 21200);
}

/* ------------------------------------------------------------------ */
/* A backdated entry in the cash book */

/* The cash book reads an account's splits between the period's least and
 * greatest entry id (ledger-cashbook.c): a transfer backdated into the
 * first quarter, recorded after a payment of May, widens the first
 * quarter's band over the May payment, which must still stay out of it,
 * and the backdated transfer must be in it. */
static void
test_cashbook_backdated (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *voucher = NULL;
  g_autoptr(LedgerCashbook) q1 = NULL, q2 = NULL, year = NULL, before = NULL;

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_bill_year (f->book, 2026);
  r1 = book_pay (f->book, "1-1-101", 20000, LEDGER_METHOD_CASH, "2026-03-01");
  r2 = book_pay (f->book, "1-1-101", 16000, LEDGER_METHOD_CASH, "2026-05-01");
  g_assert_true (ledger_transfer (f->book, 5000, "cash", "bank", 0, "2026-03-10", "存现", &voucher, &error));
  g_assert_no_error (error);

  /* First quarter: 200.00 in on 1 March, 50.00 to the bank on 10 March:
   * 150.00 left. */
  q1 = cashbook (f->book, "cash", "2026-Q1");
  g_assert_cmpint (q1->opening, ==, 0);
  g_assert_cmpuint (q1->lines->len, ==, 2);
  assert_cashbook_line (q1, 0, "2026-03-01", r1, "payment", 20000, 0, 20000);
  assert_cashbook_line (q1, 1, "2026-03-10", voucher, "transfer", 0, 5000, 15000);
  /* Second quarter: 150.00 brought forward, 160.00 in on 1 May: 310.00. */
  q2 = cashbook (f->book, "cash", "2026-Q2");
  g_assert_cmpint (q2->opening, ==, 15000);
  g_assert_cmpuint (q2->lines->len, ==, 1);
  assert_cashbook_line (q2, 0, "2026-05-01", r2, "payment", 16000, 0, 31000);
  /* The year: the three in date order, not in the order written. */
  year = cashbook (f->book, "cash", "2026");
  g_assert_cmpuint (year->lines->len, ==, 3);
  assert_cashbook_line (year, 1, "2026-03-10", voucher, "transfer", 0, 5000, 15000);
  g_assert_cmpint (year->closing, ==, 31000);
  /* A period without a single entry: nothing brought forward, no line. */
  before = cashbook (f->book, "cash", "2025");
  g_assert_cmpint (before->opening, ==, 0);
  g_assert_cmpuint (before->lines->len, ==, 0);
  g_assert_cmpint (before->closing, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Refusals and a broken book */

static void
test_cashbook_refusals (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const bad[] = { "receivable", "prepaid", "", "advance:", "bank:", "income:property" };
  g_autoptr(GBytes) before = NULL, after = NULL;
  LedgerPeriod p = period ("2026");

  fee_year (f);
  before = book_fixture_bytes (f);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = ledger_cashbook_account_parse (bad[i], "ACCOUNT", &error);

      g_assert_null (code);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "ACCOUNT"));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *code = ledger_cashbook_account_parse ("备用金:李四", "ACCOUNT", &error);
    g_autoptr(LedgerCashbook) none = NULL;

    g_assert_cmpstr (code, ==, "advance:李四");
    none = ledger_report_cashbook (f->book, code, &p, &error);
    g_assert_null (none);
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "advance:李四"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LedgerCashbook) none = ledger_report_cashbook (f->book, "bank:建设银行", &p, &error);

    g_assert_null (none);
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  }
  /* Reports read; they never write. */
  after = book_fixture_bytes (f);
  g_assert_true (g_bytes_equal (before, after));
}

/* One fen added to cash's daily cache behind the program's back: each
 * report reads the two sides of its check from different tables, and
 * none of them ties out. */
static void
test_broken_cache (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBalanceSheet) sheet = NULL;
  g_autoptr(LedgerTrialBalance) trial = NULL;
  g_autoptr(LedgerCashbook) cash = NULL;
  LedgerPeriod p = period ("2026");

  fee_year (f);
  /* account_days is a cache, not append-only: an UPDATE goes through. */
  g_assert_true (ledger_book_exec (f->book,
                                   "UPDATE account_days SET amount = amount + 1"
                                   " WHERE account = 'cash' AND date = '2026-04-01'", &error));
  g_assert_no_error (error);

  sheet = ledger_report_balance_sheet (f->book, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->net, ==, 91001);
  g_assert_cmpint (sheet->funds_total, ==, 91000);
  g_assert_false (sheet->ties_out);

  trial = ledger_report_trial_balance (f->book, &p, &error);
  g_assert_no_error (error);
  g_assert_false (trial->ties_out);
  g_assert_nonnull (strstr (trial->problem, "cash"));

  cash = ledger_report_cashbook (f->book, "cash", &p, &error);
  g_assert_no_error (error);
  g_assert_false (cash->ties_out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BOOK_FIXTURE_ADD ("/money-reports/fee-year/balance", &new_book, test_fee_year_balance);
  BOOK_FIXTURE_ADD ("/money-reports/fee-year/trial-balance", &new_book, test_fee_year_trial_balance);
  BOOK_FIXTURE_ADD ("/money-reports/fee-year/cashbooks", &new_book, test_fee_year_cashbooks);
  BOOK_FIXTURE_ADD ("/money-reports/money-year/balance", &new_book, test_money_year_balance);
  BOOK_FIXTURE_ADD ("/money-reports/money-year/trial-balance", &new_book, test_money_year_trial_balance);
  BOOK_FIXTURE_ADD ("/money-reports/money-year/cashbooks", &new_book, test_money_year_cashbooks);
  BOOK_FIXTURE_ADD ("/money-reports/cashbook-backdated", &new_book, test_cashbook_backdated);
  BOOK_FIXTURE_ADD ("/money-reports/cashbook-refusals", &new_book, test_cashbook_refusals);
  BOOK_FIXTURE_ADD ("/money-reports/broken-cache", &new_book, test_broken_cache);
  return g_test_run ();
}

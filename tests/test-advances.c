/* test-advances.c — advances to committee members, spending from any
 * account, and the maintenance fund's cap (docs/money.md)
 *
 * Each story works its figures out by hand in comments before asserting
 * them, ends with verify where the branch's replay knows every entry, and
 * checks that a refused entry leaves the book's bytes alone.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-funds-private.h"
#include "maintenance-fund-helper.h"

typedef BookFixture Fixture;

static const BookFixtureOptions new_book = { .name = "备用金测试小区", .today = "2026-06-30" };

/* ------------------------------------------------------------------ */
/* Helpers */

static gint64
query_int (LedgerBook *book,
           const char *sql)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, NULL);
  gint64 n = 0;

  g_assert_nonnull (stmt);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &n, NULL));
  return n;
}

static char *
query_text (LedgerBook *book,
            const char *sql)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* The balance of @account at the end of every entry (fen). */
static gint64
balance_of (LedgerBook *book,
            const char *account)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT coalesce (sum (amount), 0) FROM splits WHERE account = ?1",
                                            NULL);
  gint64 n = 0;

  g_assert_nonnull (stmt);
  ledger_bind_text (stmt, 1, account);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &n, NULL));
  return n;
}

static gboolean
add_bank_cb (LedgerBook *book,
             gpointer    user_data,
             GError    **error)
{
  return ledger_bank_account_add_in_write (book, user_data, "2026-01-05", error);
}

/* An expenditure paid from @source ("" for the method's own account). */
static gboolean
spend_from (LedgerBook  *book,
            gint64       amount,
            const char  *source,
            const char  *date,
            const char  *category,
            gint64       vote_id,
            gboolean     maintenance,
            GError     **error)
{
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();

  e->amount = amount;
  g_strlcpy (e->date, date, sizeof e->date);
  g_free (e->payee);
  e->payee = g_strdup ("五金店");
  g_free (e->category);
  e->category = g_strdup (category);
  g_free (e->source);
  e->source = g_strdup (source);
  e->vote_id = vote_id;
  e->from_maintenance_fund = maintenance;
  return ledger_expenditure_record (book, e, NULL, error);
}

/* The book with the committee's cash: 王伟 (1-1-101) pays ¥2,000.00 in
 * cash on 10 January; 王芳 is the treasurer from 5 January; the book has
 * the bank account 工商银行 from 5 January. */
static void
set_up_story (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *receipt = NULL;

  ledger_book_set_clock (f->book, "2026-01-05");
  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  g_assert_true (ledger_member_add (f->book, "王芳", "出纳", &error));
  g_assert_true (ledger_book_write (f->book, add_bank_cb, (gpointer) "bank:工商银行", &error));
  g_assert_no_error (error);
  ledger_book_set_clock (f->book, "2026-06-30");
  receipt = book_pay (f->book, "1-1-101", 200000, LEDGER_METHOD_CASH, "2026-01-10");
}

/* ------------------------------------------------------------------ */
/* Given, spent, returned */

static void
test_advance_story (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *give = NULL, *give2 = NULL, *back = NULL;
  g_autofree char *row = NULL, *source = NULL, *method = NULL, *memo = NULL;
  const LedgerAdvanceSummary *a;
  gint64 entries;

  set_up_story (f);
  entries = book_journal_count (f->book);

  /* 1 February: ¥800.00 from the cash box to 王芳, voucher 付 F2026-0001;
   * her advance account is added by an entry of its own first (two
   * entries). Cash 2,000.00 − 800.00 = 1,200.00; her advance 800.00. */
  g_assert_true (ledger_advance_give (f->book, "王芳", 80000, "现金", "2026-02-01", "买灯泡", &give, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (give, ==, "F2026-0001");
  g_assert_cmpint (book_journal_count (f->book), ==, entries + 2);
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 120000);
  g_assert_cmpint (balance_of (f->book, "advance:王芳"), ==, 80000);
  row = query_text (f->book, "SELECT voucher || '|' || member || '|' || kind || '|' || account || '|'"
                             " || amount || '|' || memo FROM advances");
  g_assert_cmpstr (row, ==, "F2026-0001|王芳|give|cash|80000|买灯泡");
  memo = query_text (f->book, "SELECT ref || '|' || memo FROM txns WHERE kind = 'advance'");
  g_assert_cmpstr (memo, ==, "F2026-0001|王芳: 买灯泡");

  /* 10 February: she pays ¥150.00 for lamps out of the advance. The
   * expenditure records cash (she paid in cash), the credit is on her
   * advance: 800.00 − 150.00 = 650.00 open; the cash box keeps 1,200.00. */
  g_assert_true (spend_from (f->book, 15000, "advance:王芳", "2026-02-10", "lighting", 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f->book, "advance:王芳"), ==, 65000);
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 120000);
  method = query_text (f->book, "SELECT method FROM expenditures");
  source = query_text (f->book, "SELECT account FROM expenditure_sources");
  g_assert_cmpstr (method, ==, "cash");
  g_assert_cmpstr (source, ==, "advance:王芳");

  /* 1 March: she returns ¥300.00 into the bank account 工商银行, voucher
   * 收 S2026-0001: advance 650.00 − 300.00 = 350.00; the bank 300.00. */
  g_assert_true (ledger_advance_return (f->book, "王芳", 30000, "bank:工商银行", "2026-03-01", &back, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (back, ==, "S2026-0001");
  g_assert_cmpint (balance_of (f->book, "advance:王芳"), ==, 35000);
  g_assert_cmpint (balance_of (f->book, "bank:工商银行"), ==, 30000);

  /* 5 March: ¥100.00 of office supplies paid from 工商银行: method bank,
   * the bank account 300.00 − 100.00 = 200.00; "bank" itself untouched. */
  g_assert_true (spend_from (f->book, 10000, "bank:工商银行", "2026-03-05", "office", 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f->book, "bank:工商银行"), ==, 20000);
  g_assert_cmpint (balance_of (f->book, "bank"), ==, 0);
  g_clear_pointer (&method, g_free);
  method = query_text (f->book, "SELECT method FROM expenditures ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (method, ==, "bank");

  /* 1 April: ¥100.00 more, the second 付 voucher of 2026: open 450.00. */
  g_assert_true (ledger_advance_give (f->book, "王芳", 10000, "cash", "2026-04-01", NULL, &give2, &error));
  g_assert_cmpstr (give2, ==, "F2026-0002");

  /* Given 800.00 + 100.00 = 900.00, spent 150.00, returned 300.00,
   * open 900.00 − 150.00 − 300.00 = 450.00, her account's balance. */
  list = ledger_advance_list (f->book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->member, ==, "王芳");
  g_assert_cmpint (a->given, ==, 90000);
  g_assert_cmpint (a->spent, ==, 15000);
  g_assert_cmpint (a->returned, ==, 30000);
  g_assert_cmpint (a->open, ==, 45000);
  g_assert_cmpint (a->open, ==, balance_of (f->book, "advance:王芳"));

  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* Refused, the book untouched */

static void
assert_refused (gboolean     ok,
                GError     **error,
                int          code,
                const char  *words)
{
  g_assert_false (ok);
  g_assert_error (*error, LEDGER_ERROR, code);
  g_assert_nonnull (strstr ((*error)->message, words));
  g_assert_null (strchr ((*error)->message, '\n'));
  g_clear_error (error);
}

static void
test_advance_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autofree char *voucher = NULL;

  set_up_story (f);
  /* Given 800.00 on 1 February, 150.00 spent on 10 February, 300.00
   * returned on 1 March: open 800.00 to 9 February, 650.00 to 28
   * February, 350.00 from 1 March. */
  g_assert_true (ledger_advance_give (f->book, "王芳", 80000, "cash", "2026-02-01", NULL, &voucher, &error));
  g_assert_true (spend_from (f->book, 15000, "advance:王芳", "2026-02-10", "lighting", 0, FALSE, &error));
  g_assert_true (ledger_advance_return (f->book, "王芳", 30000, "cash", "2026-03-01", NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&f->book);
  before = book_fixture_bytes (f);
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ledger_book_set_clock (f->book, "2026-06-30");

  /* ¥400.00 back when 350.00 is open: 50.00 short, in her words. */
  assert_refused (ledger_advance_return (f->book, "王芳", 40000, "cash", "2026-04-01", NULL, &error),
                  &error, LEDGER_ERROR_CONFLICT, "王芳's open advance on 2026-04-01 (¥350.00), ¥50.00 short");
  /* ¥700.00 back on 5 February, when 800.00 was open: the returns and
   * spending after it leave 350.00 from 1 March, so 350.00 short then. */
  assert_refused (ledger_advance_return (f->book, "王芳", 70000, "cash", "2026-02-05", NULL, &error),
                  &error, LEDGER_ERROR_CONFLICT, "on 2026-03-01 (¥350.00), ¥350.00 short");
  /* Spending ¥400.00 of her advance: the same 50.00. */
  assert_refused (spend_from (f->book, 40000, "advance:王芳", "2026-04-01", "repair", 0, FALSE, &error),
                  &error, LEDGER_ERROR_CONFLICT, "--from ¥400.00");
  /* Not a committee member; a member before she joined (5 January). */
  assert_refused (ledger_advance_give (f->book, "李四", 100, "cash", "2026-04-01", NULL, NULL, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "MEMBER “李四”");
  assert_refused (ledger_advance_give (f->book, "王芳", 100, "cash", "2026-01-04", NULL, NULL, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "not a member of the committee on 2026-01-04");
  /* Someone never given an advance returns nothing, spends nothing of one. */
  assert_refused (spend_from (f->book, 100, "advance:张三", "2026-04-01", "repair", 0, FALSE, &error),
                  &error, LEDGER_ERROR_NOT_FOUND, "张三 was never given an advance");
  /* An account the book lacks, one that is no money account, more cash
   * than the box holds (2,000.00 − 800.00 + 300.00 = 1,500.00). */
  assert_refused (ledger_advance_give (f->book, "王芳", 100, "bank:建设银行", "2026-04-01", NULL, NULL, &error),
                  &error, LEDGER_ERROR_NOT_FOUND, "--from");
  assert_refused (ledger_advance_give (f->book, "王芳", 100, "receivable", "2026-04-01", NULL, NULL, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "--from");
  assert_refused (ledger_advance_give (f->book, "王芳", 150001, "cash", "2026-04-01", NULL, NULL, &error),
                  &error, LEDGER_ERROR_CONFLICT, "¥0.01 short");
  /* No amount, a day after today, a memo with a line break. */
  assert_refused (ledger_advance_give (f->book, "王芳", 0, "cash", "2026-04-01", NULL, NULL, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "amount");
  assert_refused (ledger_advance_give (f->book, "王芳", 100, "cash", "2026-07-01", NULL, NULL, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "--date");
  assert_refused (ledger_advance_give (f->book, "王芳", 100, "cash", "2026-04-01", "a\nb", NULL, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "--memo");
  /* --from that names no account at all. */
  assert_refused (spend_from (f->book, 100, "advance:", "2026-04-01", "repair", 0, FALSE, &error),
                  &error, LEDGER_ERROR_INVALID_INPUT, "--from");

  g_clear_object (&f->book);
  after = book_fixture_bytes (f);
  g_assert_true (g_bytes_equal (before, after));
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* The plain method accounts named with --from are the method itself: no
 * source fact, no row. */
static void
test_source_of_a_method_account (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  set_up_story (f);
  g_assert_true (spend_from (f->book, 5000, "现金", "2026-02-01", "repair", 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM expenditure_sources"), ==, 0);
  g_assert_cmpint (balance_of (f->book, "cash"), ==, 200000 - 5000);

  code = ledger_expenditure_source_parse ("备用金：王芳", "--from", &error);
  g_assert_cmpstr (code, ==, "advance:王芳");
  g_assert_cmpint (ledger_expenditure_source_method (code), ==, LEDGER_METHOD_CASH);
  g_assert_cmpint (ledger_expenditure_source_method ("bank:工商银行"), ==, LEDGER_METHOD_BANK);
  g_assert_cmpint (ledger_expenditure_source_method ("wechat"), ==, LEDGER_METHOD_WECHAT);
  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* The maintenance fund's cap */

static gint64
passed_matter_5 (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ledger_vote_new (book, "动用维修资金更换水泵", NULL, 5, "2026-01-20", "2026-01-31", &id, &error));
  g_assert_true (ledger_vote_ballot (book, id, "1-1-101", LEDGER_CHOICE_YES, NULL, NULL, NULL, &error));
  g_assert_true (ledger_vote_close (book, id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_maintenance_fund_cap (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  gint64 vote, funds[LEDGER_FUND_COUNT];

  set_up_story (f);                              /* cash 2,000.00 */
  ledger_book_set_clock (f->book, "2026-01-20");
  vote = passed_matter_5 (f->book);              /* closed 20 January */
  ledger_book_set_clock (f->book, "2026-06-30");

  /* Nothing in the fund yet: even ¥1.00 is refused, 1.00 short. */
  g_assert_false (spend_from (f->book, 100, "", "2026-02-01", "repair", vote, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "maintenance fund (维修资金) holds ¥0.00 on 2026-02-01, ¥1.00 short"));
  g_clear_error (&error);

  /* ¥3,000.00 into the fund (and the cash box) on 1 February; ¥2,000.00
   * for the pump on 1 March: the fund holds 1,000.00 from then on. */
  book_fund_maintenance (f->book, 300000, "2026-02-01");
  g_assert_true (spend_from (f->book, 200000, "", "2026-03-01", "repair", vote, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_MAINTENANCE], ==, 100000);

  g_clear_object (&f->book);
  before = book_fixture_bytes (f);
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  ledger_book_set_clock (f->book, "2026-06-30");
  /* ¥1,500.00 on 1 April: 500.00 short. */
  g_assert_false (spend_from (f->book, 150000, "", "2026-04-01", "repair", vote, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "holds ¥1,000.00 on 2026-04-01, ¥500.00 short"));
  g_clear_error (&error);
  /* Backdated to 15 February, when it held 3,000.00: the pump of 1 March
   * was paid from that money, so from 1 March it would be 500.00 short. */
  g_assert_false (spend_from (f->book, 150000, "", "2026-02-15", "repair", vote, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "holds ¥1,000.00 on 2026-03-01, ¥500.00 short"));
  g_clear_error (&error);
  g_clear_object (&f->book);
  after = book_fixture_bytes (f);
  g_assert_true (g_bytes_equal (before, after));

  /* Exactly what it holds is allowed: the fund ends at nothing. The
   * operating fund is untouched by all this (2,000.00 of credit and fees
   * is owners' money: billed nothing, so it is all prepaid, not a fund). */
  f->book = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  ledger_book_set_clock (f->book, "2026-06-30");
  g_assert_true (spend_from (f->book, 100000, "", "2026-04-01", "repair", vote, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_cmpint (funds[LEDGER_FUND_MAINTENANCE], ==, 0);
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==, 0);
  /* No verify: the helper's "opening" entry belongs to the opening
   * balances' slice, whose rule this branch's replay does not have. */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BOOK_FIXTURE_ADD ("/advances/story", &new_book, test_advance_story);
  BOOK_FIXTURE_ADD ("/advances/refusals", &new_book, test_advance_refusals);
  BOOK_FIXTURE_ADD ("/advances/source-of-a-method-account", &new_book, test_source_of_a_method_account);
  BOOK_FIXTURE_ADD ("/advances/maintenance-fund-cap", &new_book, test_maintenance_fund_cap);
  return g_test_run ();
}

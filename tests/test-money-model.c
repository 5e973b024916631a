/* test-money-model.c — accounts, funds and vouchers (docs/money.md)
 *
 * The codes the command line reads (money accounts, named bank accounts,
 * funds, income categories); the entries that add an account, decided
 * again by verify; the funds, which together always equal the money and
 * what is owed minus what is owed to owners; voucher numbers without gaps.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-funds-private.h"
#include "ledger-replay.h"
#include "ledger-voucher-private.h"

typedef BookFixture Fixture;

static const LedgerDemoOptions small_demo = { .households = 12, .years = 2, .seed = 7 };
static const BookFixtureOptions demo_book = { .name = "资金测试小区", .demo = &small_demo };
static const BookFixtureOptions new_book = { .name = "资金测试小区", .today = "2026-12-07" };

/* ------------------------------------------------------------------ */
/* The codes */

static void
test_money_account_codes (void)
{
  static const struct { const char *typed, *code; } good[] = {
    { "cash", "cash" }, { "现金", "cash" }, { "BANK", "bank" }, { "银行存款", "bank" },
    { "银行转账", "bank" }, { "wechat", "wechat" }, { "支付宝", "alipay" },
    { "bank:工商银行", "bank:工商银行" }, { "银行:建行", "bank:建行" }, { "银行：农商行", "bank:农商行" },
  };
  static const char *const bad[] = {
    "", "credit", "bank:", "bank: 工行", "bank:工行 ", "bank:a|b", "bank:a:b",
    "bank:一二三四五六七八九十一二三四五六七八九十一", "advance:张三", "receivable",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = ledger_money_account_parse (good[i].typed, "--from", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, good[i].code);
      g_assert_true (ledger_account_is_money (code));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = ledger_money_account_parse (bad[i], "--from", &error);

      g_assert_null (code);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "--from"));
    }
  g_assert_false (ledger_account_is_money ("receivable"));
  g_assert_false (ledger_account_is_money ("bank:"));
  g_assert_true (ledger_account_is_advance ("advance:张三"));
  g_assert_false (ledger_account_is_advance ("advance:"));
}

static void
test_account_chinese (void)
{
  static const struct { const char *code, *chinese; } names[] = {
    { "cash", "现金" }, { "bank", "银行存款" }, { "wechat", "微信" }, { "alipay", "支付宝" },
    { "bank:工商银行", "银行存款（工商银行）" }, { "advance:张三", "备用金（张三）" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *chinese = ledger_account_chinese (names[i].code, NULL);

      g_assert_cmpstr (chinese, ==, names[i].chinese);
    }
}

static void
test_funds_and_categories (void)
{
  static const struct { const char *typed; LedgerFund fund; } funds[] = {
    { "operating", LEDGER_FUND_OPERATING }, { "general", LEDGER_FUND_OPERATING },
    { "日常经费", LEDGER_FUND_OPERATING }, { "Maintenance", LEDGER_FUND_MAINTENANCE },
    { "维修资金", LEDGER_FUND_MAINTENANCE }, { "public", LEDGER_FUND_PUBLIC }, { "公共收益", LEDGER_FUND_PUBLIC },
  };
  g_autoptr(GError) error = NULL;
  LedgerIncomeCategory category;
  LedgerFund fund;

  for (gsize i = 0; i < G_N_ELEMENTS (funds); i++)
    {
      g_assert_true (ledger_fund_parse (funds[i].typed, "--fund", &fund, NULL));
      g_assert_cmpint (fund, ==, funds[i].fund);
    }
  g_assert_false (ledger_fund_parse ("reserve", "--fund", &fund, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "--fund"));

  /* Rent and advertising come from the common parts: public revenue
   * (Civil Code Art. 282); interest goes to the operating fund. */
  g_assert_true (ledger_income_category_parse ("租金", "--category", &category, NULL));
  g_assert_cmpint (category, ==, LEDGER_INCOME_RENT);
  g_assert_cmpint (ledger_income_category_default_fund (category), ==, LEDGER_FUND_PUBLIC);
  g_assert_cmpint (ledger_income_category_default_fund (LEDGER_INCOME_ADVERTISING), ==, LEDGER_FUND_PUBLIC);
  g_assert_cmpint (ledger_income_category_default_fund (LEDGER_INCOME_INTEREST), ==, LEDGER_FUND_OPERATING);
  g_assert_cmpstr (ledger_income_category_account (LEDGER_INCOME_INTEREST), ==, "other-income:interest");
  g_assert_false (ledger_income_category_parse ("lottery", "--category", &category, NULL));
}

/* ------------------------------------------------------------------ */
/* Adding accounts */

typedef struct
{
  const char *code;
  const char *date;
  gboolean    explicit_add; /* `account add` rather than added when needed */
} AddAccount;

static gboolean
add_account_cb (LedgerBook *book,
                gpointer    user_data,
                GError    **error)
{
  const AddAccount *a = user_data;

  return a->explicit_add ? ledger_bank_account_add_in_write (book, a->code, a->date, error)
                         : ledger_account_ensure_in_write (book, a->code, a->date, error);
}

static gboolean
add_account (LedgerBook  *book,
             const char  *code,
             gboolean     explicit_add,
             GError     **error)
{
  AddAccount a = { code, "2026-03-01", explicit_add };

  return ledger_book_write (book, add_account_cb, &a, error);
}

static char *
account_row (LedgerBook *book,
             const char *code)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT name || '|' || kind FROM accounts WHERE code = ?1", NULL);
  char *row = NULL;

  g_assert_nonnull (stmt);
  ledger_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return row;
}

static void
test_accounts_added_by_entries (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = book_journal_count (f->book);
  g_autofree char *bank = NULL, *opening = NULL, *rent = NULL, *advance = NULL;

  g_assert_true (add_account (f->book, "bank:工商银行", TRUE, &error));
  g_assert_no_error (error);
  /* Added when needed: once, however often asked for. */
  g_assert_true (add_account (f->book, LEDGER_ACCOUNT_OPENING, FALSE, &error));
  g_assert_true (add_account (f->book, LEDGER_ACCOUNT_OPENING, FALSE, &error));
  g_assert_true (add_account (f->book, "other-income:rent", FALSE, &error));
  g_assert_true (add_account (f->book, "advance:张三", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (book_journal_count (f->book), ==, before + 4);

  bank = account_row (f->book, "bank:工商银行");
  opening = account_row (f->book, "opening");
  rent = account_row (f->book, "other-income:rent");
  advance = account_row (f->book, "advance:张三");
  g_assert_cmpstr (bank, ==, "工商银行|asset");
  g_assert_cmpstr (opening, ==, "Opening balances|equity");
  g_assert_cmpstr (rent, ==, "Rent|income");
  g_assert_cmpstr (advance, ==, "Advance to 张三|asset");

  /* The same bank account twice is refused, the book untouched. */
  g_assert_false (add_account (f->book, "bank:工商银行", TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (add_account (f->book, "cash", TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (book_journal_count (f->book), ==, before + 4);

  /* verify replays the four entries and finds the same chart. */
  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

static void
test_money_account_required (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ledger_money_account_require (f->book, "bank:建设银行", "--to", &error);
  g_assert_false (ok);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "account add bank:建设银行"));
  g_clear_error (&error);
  g_assert_false (ledger_money_account_require (f->book, "receivable", "--to", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (ledger_money_account_require (f->book, "wechat", "--to", &error));
  g_assert_true (add_account (f->book, "bank:建设银行", TRUE, &error));
  g_assert_true (ledger_money_account_require (f->book, "bank:建设银行", "--to", &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* Funds */

static gint64
query_sum (LedgerBook *book,
           const char *sql)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, NULL);
  gint64 n = 0;

  g_assert_nonnull (stmt);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &n, NULL));
  return n;
}

/* Every entry is the operating fund's except the maintenance fund's
 * expenditures and those that name a fund: opening balances and other
 * income (the demo has both since issue 16); the funds together equal money
 * + receivable − prepaid, whatever the demo did. */
static void
test_funds_equal_net_assets (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 funds[LEDGER_FUND_COUNT], net, expenses, income, maintenance_spent, total = 0;
  gint64 opened[LEDGER_FUND_COUNT], earned[LEDGER_FUND_COUNT];

  g_assert_true (ledger_fund_balances (f->book, NULL, funds, &error));
  g_assert_no_error (error);
  net = query_sum (f->book, "SELECT coalesce (sum (s.amount), 0) FROM splits s JOIN accounts a ON a.code = s.account"
                            " WHERE a.kind IN ('asset', 'liability')");
  income = query_sum (f->book, "SELECT -coalesce (sum (s.amount), 0) FROM splits s JOIN accounts a"
                               " ON a.code = s.account WHERE a.kind = 'income'");
  expenses = query_sum (f->book, "SELECT coalesce (sum (s.amount), 0) FROM splits s JOIN accounts a"
                                 " ON a.code = s.account WHERE a.kind = 'expense'");
  maintenance_spent = query_sum (f->book, "SELECT coalesce (sum (amount), 0) FROM expenditures"
                                          " WHERE fund = 'maintenance'");
  /* Literal texts: the book's statement cache keeps the text's pointer. */
#define FUND_SUMS(code) \
  "SELECT -coalesce (sum (s.amount), 0) FROM splits s JOIN openings o ON o.txn_id = s.txn_id" \
  " WHERE s.account = 'opening' AND o.fund = '" code "'", \
  "SELECT coalesce (sum (amount), 0) FROM incomes WHERE fund = '" code "'"
  static const char *const sums[LEDGER_FUND_COUNT][2] = {
    { FUND_SUMS ("operating") }, { FUND_SUMS ("maintenance") }, { FUND_SUMS ("public") },
  };
#undef FUND_SUMS

  for (int i = 0; i < LEDGER_FUND_COUNT; i++)
    {
      opened[i] = query_sum (f->book, sums[i][0]);
      earned[i] = query_sum (f->book, sums[i][1]);
      total += funds[i];
    }
  g_assert_cmpint (total, ==, net);
  g_assert_cmpint (funds[LEDGER_FUND_MAINTENANCE], ==,
                   opened[LEDGER_FUND_MAINTENANCE] + earned[LEDGER_FUND_MAINTENANCE] - maintenance_spent);
  g_assert_cmpint (funds[LEDGER_FUND_PUBLIC], ==, opened[LEDGER_FUND_PUBLIC] + earned[LEDGER_FUND_PUBLIC]);
  g_assert_cmpint (funds[LEDGER_FUND_OPERATING], ==,
                   opened[LEDGER_FUND_OPERATING] + income - earned[LEDGER_FUND_MAINTENANCE]
                   - earned[LEDGER_FUND_PUBLIC] - expenses + maintenance_spent);
  g_assert_cmpint (income, >, 0);
}

/* The lowest a fund holds from a day on: worked out by hand on a new
 * book with two expenditures of the operating fund (paid by cash the
 * households' payments brought in). */
static void
test_fund_lowest_from (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL;
  char day[11];
  gint64 lowest = -1;

  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_add_household (f->book, "1-1-102", "李娜", 9000, 0);
  book_bill_year (f->book, 2026);               /* income 2 × 360.00, dated 2026-01-01 */
  r1 = book_pay (f->book, "1-1-101", 36000, LEDGER_METHOD_CASH, "2026-02-01");
  r2 = book_pay (f->book, "1-1-102", 36000, LEDGER_METHOD_CASH, "2026-02-01");
  book_record_expenditure (f->book, 10000, LEDGER_METHOD_CASH, "2026-03-01", "五金店", "repair", "");
  book_record_expenditure (f->book, 20000, LEDGER_METHOD_CASH, "2026-04-01", "保洁公司", "cleaning", "");

  /* Operating fund: 720.00 from 1 January, 620.00 from 1 March, 420.00
   * from 1 April. */
  g_assert_true (ledger_fund_lowest_from (f->book, LEDGER_FUND_OPERATING, "2026-02-15", &lowest, day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lowest, ==, 42000);
  g_assert_cmpstr (day, ==, "2026-04-01");
  g_assert_true (ledger_fund_lowest_from (f->book, LEDGER_FUND_OPERATING, "2026-12-31", &lowest, day, &error));
  g_assert_cmpint (lowest, ==, 42000);
  g_assert_cmpstr (day, ==, "2026-12-31");
  /* Before the charges were billed the fund held nothing. */
  g_assert_true (ledger_fund_lowest_from (f->book, LEDGER_FUND_OPERATING, "2025-12-31", &lowest, day, &error));
  g_assert_cmpint (lowest, ==, 0);
  g_assert_cmpstr (day, ==, "2025-12-31");
  /* Nothing was ever put in the maintenance fund. */
  g_assert_true (ledger_fund_lowest_from (f->book, LEDGER_FUND_MAINTENANCE, "2026-01-01", &lowest, day, &error));
  g_assert_cmpint (lowest, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Vouchers */

typedef struct
{
  char letter;
  int  year;
  char *voucher;
} NextVoucher;

static gboolean
next_voucher_cb (LedgerBook *book,
                 gpointer    user_data,
                 GError    **error)
{
  NextVoucher *v = user_data;

  v->voucher = ledger_voucher_next (book, v->letter, v->year, error);
  return v->voucher != NULL;
}

static char *
next_voucher (LedgerBook *book,
              char        letter,
              int         year)
{
  NextVoucher v = { letter, year, NULL };

  g_assert_true (ledger_book_write (book, next_voucher_cb, &v, NULL));
  return v.voucher;
}

static void
test_voucher_numbers (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = next_voucher (f->book, LEDGER_VOUCHER_RECEIVED, 2026);
  g_autofree char *other = next_voucher (f->book, LEDGER_VOUCHER_MOVED, 2025);

  /* An empty book: the first of each letter and year. */
  g_assert_cmpstr (first, ==, "S2026-0001");
  g_assert_cmpstr (other, ==, "Z2025-0001");
}

/* The workbook's memos in Chinese (ledger_entry_memo_chinese()): each
 * writer's canonical form read back, the treasurer's own text untouched. */
static void
test_entry_memo_chinese (void)
{
  static const struct { const char *kind, *memo, *chinese; } cases[] = {
    { "transfer", "cash -> bank: 现金存入银行", "现金 → 银行存款：现金存入银行" },
    { "transfer", "wechat -> bank:工商银行", "微信 → 银行存款（工商银行）" },
    { "transfer", "bank:工商银行 -> cash: a -> b: c", "银行存款（工商银行） → 现金：a -> b: c" },
    { "income", "interest: 第1季度结息", "利息：第1季度结息" },
    { "income", "interest", "利息" },
    { "income", "rent from 惠民便利店: 门面房租金", "租金（付款方：惠民便利店）：门面房租金" },
    { "income", "donation from 热心居民", "捐赠（付款方：热心居民）" },
    { "income", "advertising from A: B: C", "广告（付款方：A）：B: C" },
    { "opening", "balance operating", "期初余额（日常经费）" },
    { "opening", "balance maintenance", "期初余额（维修资金）" },
    { "opening", "arrears property 2023", "期初欠费（property，2023年）" },
    { "opening", "credit", "期初预交款" },
    { "expenditure", "张师傅水电维修部: 楼道照明", "张师傅水电维修部：楼道照明" },
    { "expenditure", "五金店", "五金店" },
    { "refund", "2-2-201: 房屋已出售", "2-2-201：房屋已出售" },
    { "advance", "刘委员: 零星采购", "刘委员：零星采购" },
    { "payment", "1-1-101", "1-1-101" },
    { "income", "salary from x", "salary from x" },   /* no writer's form: as it is */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *chinese = ledger_entry_memo_chinese (cases[i].kind, cases[i].memo);

      g_assert_cmpstr (chinese, ==, cases[i].chinese);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money-model/entry-memo-chinese", test_entry_memo_chinese);

  g_test_add_func ("/money/account-codes", test_money_account_codes);
  g_test_add_func ("/money/account-chinese", test_account_chinese);
  g_test_add_func ("/money/funds-and-categories", test_funds_and_categories);
  BOOK_FIXTURE_ADD ("/money/accounts-added-by-entries", &new_book, test_accounts_added_by_entries);
  BOOK_FIXTURE_ADD ("/money/money-account-required", &new_book, test_money_account_required);
  BOOK_FIXTURE_ADD ("/money/funds-equal-net-assets", &demo_book, test_funds_equal_net_assets);
  BOOK_FIXTURE_ADD ("/money/fund-lowest-from", &new_book, test_fund_lowest_from);
  BOOK_FIXTURE_ADD ("/money/voucher-numbers", &new_book, test_voucher_numbers);
  return g_test_run ();
}

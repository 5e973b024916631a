/* ledger-demo-money.c — the demo committee's money: the paper ledger it
 * starts from, the bank, interest, rent and advertising, a refund, an
 * advance, and repairs paid from the maintenance fund
 *
 * Every amount is sized when it is posted, from what the demo knows each
 * account holds at that moment (Demo.funds, .maintenance, .advance), so
 * that no money account ever goes below zero; the real writers refuse
 * anything else, and verify replays each entry. Dates and amounts that are
 * planned are drawn from the demo's one PRNG in a fixed order.
 */
#define G_LOG_DOMAIN "ledger"

#include <stdlib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-advance-private.h"
#include "ledger-book-private.h"
#include "ledger-demo-private.h"
#include "ledger-income-private.h"
#include "ledger-limits.h"
#include "ledger-method.h"
#include "ledger-opening-private.h"
#include "ledger-reconcile-private.h"
#include "ledger-refund-private.h"
#include "ledger-settings.h"
#include "ledger-transfer-private.h"

#define CASH_FLOAT   (2000 * DEMO_YUAN) /* what stays in the cash box when it is banked */
#define BANK_RATE_BP 35                 /* a current account's yearly interest: 0.35% */
#define FUND_RATE_BP 150                /* the maintenance fund's fixed deposit: 1.50% */
#define FEE_PER_MILLE 1                 /* WeChat's and Alipay's charge on a withdrawal */
#define FEE_MIN      10                 /* … at least 0.10 yuan */

/* ------------------------------------------------------------------ */
/* The paper ledger */

/* @fen, at most what one entry may carry. */
static gint64
cap_amount (gint64 fen)
{
  return MIN (fen, LEDGER_AMOUNT_MAX);
}

gboolean
ledger_demo_add_members (Demo    *demo,
                         GError **error)
{
  return ledger_member_add (demo->book, DEMO_CHAIR, "主任", error) &&
         ledger_member_add (demo->book, DEMO_ADVANCE_MEMBER, "委员", error) &&
         ledger_member_add (demo->book, DEMO_MEMBER, "委员", error);
}

/* Cash, the bank, and the maintenance fund's own bank account, as the
 * paper ledger's last page gives them. */
static gboolean
open_balances (Demo       *demo,
               const char *date,
               GError    **error)
{
  gint64 n = demo->opt.households;
  gint64 cash = round_to (rng_range (&demo->rng, 1000, 3000) * (gint64) DEMO_YUAN, 10 * DEMO_YUAN);
  /* A tiny community still has something in the bank. */
  gint64 bank = cap_amount (MAX (1000, round_to (n * rng_range (&demo->rng, 40, 80), 100)) * DEMO_YUAN);
  gint64 fund = cap_amount (MAX (3000, round_to (n * rng_range (&demo->rng, 120, 200), 100)) * DEMO_YUAN);

  if (!ledger_bank_account_add_in_write (demo->book, DEMO_MAINTENANCE_ACCOUNT, date, error) ||
      !ledger_opening_balance_in_write (demo->book, "cash", cash, LEDGER_FUND_OPERATING, date, error) ||
      !ledger_opening_balance_in_write (demo->book, "bank", bank, LEDGER_FUND_OPERATING, date, error) ||
      !ledger_opening_balance_in_write (demo->book, DEMO_MAINTENANCE_ACCOUNT, fund,
                                        LEDGER_FUND_MAINTENANCE, date, error))
    return FALSE;
  demo->funds[LEDGER_METHOD_CASH] += cash;
  demo->funds[LEDGER_METHOD_BANK] += bank;
  demo->maintenance += fund;
  return TRUE;
}

/* Whether household @h lived here before the books were opened. */
static gboolean
lived_here_before (const Demo          *demo,
                   const DemoHousehold *h)
{
  return h->move_in_year < demo->first_year;
}

/* Some chronic debtors' property fee of the year before, unpaid on paper;
 * one or two households' credit (they paid ahead before the book began).
 * Each is its own entry; billing then settles the credit first, as the
 * demo's own accounts expect. */
static gboolean
open_households (Demo       *demo,
                 const char *date,
                 GError    **error)
{
  guint len = demo->households->len;
  guint start = rng_below (&demo->rng, len);
  guint arrears = MIN (2 + len / 100, 12), credits = 1 + rng_below (&demo->rng, 2);
  int year = demo->first_year - 1;

  for (guint k = 0; k < len && (arrears > 0 || credits > 0); k++)
    {
      DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, (start + k) % len);
      gint64 amount = 360 * DEMO_YUAN;

      if (!lived_here_before (demo, h))
        continue;
      if (h->profile == PROFILE_CHRONIC && arrears > 0 && year >= LEDGER_YEAR_FIRST)
        {
          if (!ledger_opening_arrears_in_write (demo->book, h->unit, "property", year, amount, date, error))
            return FALSE;
          h->owed += amount;
          arrears--;
        }
      else if (h->profile == PROFILE_NORMAL && credits > 0)
        {
          amount = credits == 2 ? 180 * DEMO_YUAN : amount;
          if (!ledger_opening_credit_in_write (demo->book, h->unit, amount, date, error))
            return FALSE;
          h->credit += amount;
          credits--;
        }
    }
  return TRUE;
}

gboolean
ledger_demo_open_books (Demo    *demo,
                        GError **error)
{
  char date[11];

  g_snprintf (date, sizeof date, "%04d-01-01", demo->first_year);
  return open_balances (demo, date, error) &&
         open_households (demo, date, error);
}

/* ------------------------------------------------------------------ */
/* Planning the year */

/* The date of day @day of this year (1-based). */
static void
day_date (Demo *demo,
          int   day,
          char  out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) demo->year);
  g_date_add_days (&date, (guint) day - 1);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* Cash banked at the end of each quarter; the WeChat takings withdrawn to
 * the bank twice a year, Alipay's once. */
static void
plan_transfers (Demo *demo)
{
  char date[11];

  for (int quarter = 1; quarter <= 4; quarter++)
    {
      year_date (demo, quarter * 3, rng_range (&demo->rng, 24, 28), date);
      add_event (demo, EVENT_TRANSFER, 0, date)->method = LEDGER_METHOD_CASH;
    }
  year_date (demo, 6, 26, date);
  add_event (demo, EVENT_TRANSFER, 0, date)->method = LEDGER_METHOD_WECHAT;
  year_date (demo, 12, 26, date);
  add_event (demo, EVENT_TRANSFER, 0, date)->method = LEDGER_METHOD_WECHAT;
  year_date (demo, 12, 27, date);
  add_event (demo, EVENT_TRANSFER, 0, date)->method = LEDGER_METHOD_ALIPAY;
}

/* The banks pay interest on the 21st of the last month of each quarter:
 * on the current account (operating fund) and on the maintenance fund's
 * deposit (its own fund). */
static void
plan_interest (Demo *demo)
{
  char date[11];

  for (int quarter = 1; quarter <= 4; quarter++)
    {
      year_date (demo, quarter * 3, 21, date);
      add_event (demo, EVENT_INTEREST, 0, date);
      add_event (demo, EVENT_INTEREST, 1, date);
    }
}

/* The former bicycle shed, let as a shop, pays its rent each quarter; the
 * gate barrier's and the notice board's advertising space every half
 * year. Both are income of the common parts (公共收益). */
static void
plan_public_revenue (Demo *demo)
{
  gint64 n = demo->opt.households;
  gint64 rent = cap_amount (round_to ((300 + 2 * n) * DEMO_YUAN, 10 * DEMO_YUAN));
  gint64 advertising = cap_amount (round_to ((200 + n) * DEMO_YUAN, 10 * DEMO_YUAN));
  char date[11];

  for (int quarter = 1; quarter <= 4; quarter++)
    {
      year_date (demo, quarter * 3 - 2, rng_range (&demo->rng, 5, 15), date);
      add_event (demo, EVENT_INCOME, 0, date)->amount = rent;
    }
  for (int half = 0; half < 2; half++)
    {
      year_date (demo, 1 + 6 * half, rng_range (&demo->rng, 10, 20), date);
      add_event (demo, EVENT_INCOME, 1 + half, date)->amount = advertising;
    }
}

/* An advance to a committee member in spring for small purchases: spent
 * against two invoices within weeks, the rest returned. */
static void
plan_advance (Demo *demo)
{
  gint64 amount = MIN (1000 + 5 * (gint64) demo->opt.households, 5000) * DEMO_YUAN;
  int give = rng_range (&demo->rng, 95, 115);
  int first = give + rng_range (&demo->rng, 3, 10);
  int second = first + rng_range (&demo->rng, 5, 15);
  char date[11];

  day_date (demo, give, date);
  add_event (demo, EVENT_ADVANCE_GIVE, 0, date)->amount = amount;
  day_date (demo, first, date);
  add_expenditure_from (demo, date, "repair", "李记五金建材店",
                        round_to (jitter (demo, amount, 30, 45), DEMO_YUAN / 2), TRUE, SOURCE_ADVANCE,
                        g_strdup ("楼道维修五金材料（备用金支付）"));
  day_date (demo, second, date);
  add_expenditure_from (demo, date, "cleaning", "百姓日用品超市",
                        round_to (jitter (demo, amount, 20, 35), DEMO_YUAN / 2), TRUE, SOURCE_ADVANCE,
                        g_strdup ("清洁用品及垃圾袋（备用金支付）"));
  day_date (demo, second + rng_range (&demo->rng, 7, 20), date);
  add_event (demo, EVENT_ADVANCE_RETURN, 0, date);
}

/* A household's credit paid back in the second half of the year (it sold
 * the flat, or paid twice): which household is decided when it is posted,
 * among those holding credit then, from a drawn starting point. */
static void
plan_refund (Demo *demo)
{
  char date[11];
  guint start = rng_below (&demo->rng, demo->households->len);

  random_date (demo, demo->year, 180, 300, date);
  add_event (demo, EVENT_REFUND, start, date);
}

/* A larger repair of the common parts, paid from the maintenance fund with
 * the owners' matter-5 vote: a fifth to a third of what the fund holds. */
static void
plan_fund_repair (Demo *demo)
{
  static const char *const payees[] = { "宏达防水工程有限公司", "诚信建筑修缮有限公司" };
  static const char *const what[] = { "屋面防水翻新", "外墙保温层修复", "雨污水管道更换" };
  const DemoHousehold *where = &g_array_index (demo->households, DemoHousehold,
                                               rng_below (&demo->rng, demo->households->len));
  gint64 amount = round_to (jitter (demo, demo->maintenance, 20, 33), 100 * DEMO_YUAN);
  const char *payee = payees[rng_below (&demo->rng, G_N_ELEMENTS (payees))];
  const char *job = what[rng_below (&demo->rng, G_N_ELEMENTS (what))];
  char date[11];

  random_date (demo, demo->year, 120, 280, date);
  add_expenditure_from (demo, date, "repair", payee, cap_amount (amount), FALSE, SOURCE_MAINTENANCE,
                        g_strdup_printf ("%d号楼%s（使用专项维修资金）", where->building, job));
}

/* At the end of each quarter the treasurer counts the cash and checks
 * the bank's statements and the platforms' bills against the book; the
 * last event of its day, so the day's entries are all in. */
static void
plan_reconciliations (Demo *demo)
{
  static const char *const last_days[] = { "03-31", "06-30", "09-30", "12-31" };
  char date[11];

  for (int quarter = 0; quarter < 4; quarter++)
    {
      g_snprintf (date, sizeof date, "%04d-%s", demo->year, last_days[quarter]);
      add_event (demo, EVENT_RECONCILE, 0, date);
    }
}

void
ledger_demo_plan_money (Demo *demo)
{
  plan_transfers (demo);
  plan_interest (demo);
  plan_public_revenue (demo);
  plan_advance (demo);
  plan_refund (demo);
  plan_fund_repair (demo);
  plan_reconciliations (demo);
}

/* ------------------------------------------------------------------ */
/* Posting */

/* Banks the cash above what is kept in hand, or withdraws the WeChat or Alipay
 * takings to the bank less the platform's charge (an expense). */
static gboolean
post_transfer (Demo            *demo,
               const DemoEvent *event,
               GError         **error)
{
  LedgerMethod from = event->method;
  gint64 held = demo->funds[from], amount, fee = 0;
  g_autofree char *voucher = NULL;

  /* Whole hundreds of yuan; a platform keeps a hundred back for its fee. */
  amount = from == LEDGER_METHOD_CASH ? held - CASH_FLOAT : held - 100 * DEMO_YUAN;
  amount = cap_amount (amount / (100 * DEMO_YUAN) * (100 * DEMO_YUAN));
  if (from != LEDGER_METHOD_CASH)
    fee = MAX (FEE_MIN, amount * FEE_PER_MILLE / 1000);
  if (amount <= 0 || amount + fee > held)
    return TRUE; /* not worth a trip to the bank */
  voucher = ledger_transfer_in_write (demo->book, amount, ledger_method_to_string (from), "bank", fee,
                                      event->date,
                                      from == LEDGER_METHOD_CASH ? "现金存入银行"
                                      : from == LEDGER_METHOD_WECHAT ? "微信收款提现至银行"
                                      : "支付宝收款提现至银行",
                                      error);
  if (voucher == NULL)
    return FALSE;
  demo->funds[from] -= amount + fee;
  demo->funds[LEDGER_METHOD_BANK] += amount;
  return TRUE;
}

/* A quarter's interest on what the account holds now. */
static gboolean
post_interest (Demo            *demo,
               const DemoEvent *event,
               GError         **error)
{
  gboolean fund = event->index == 1;
  gint64 *held = fund ? &demo->maintenance : &demo->funds[LEDGER_METHOD_BANK];
  gint64 amount = cap_amount (*held * (fund ? FUND_RATE_BP : BANK_RATE_BP) / 40000);
  LedgerFund to = fund ? LEDGER_FUND_MAINTENANCE : LEDGER_FUND_OPERATING;
  g_autofree char *memo = g_strdup_printf ("第%d季度结息", (atoi (event->date + 5) + 2) / 3);
  g_autofree char *voucher = NULL;

  if (amount <= 0)
    return TRUE;
  voucher = ledger_income_record_in_write (demo->book, amount, LEDGER_INCOME_INTEREST,
                                           fund ? DEMO_MAINTENANCE_ACCOUNT : "bank", &to, NULL,
                                           event->date, memo, error);
  if (voucher == NULL)
    return FALSE;
  *held += amount;
  return TRUE;
}

/* The shop's rent or the advertiser's fee, into the bank; the fund is the
 * category's own (公共收益). */
static gboolean
post_income (Demo            *demo,
             const DemoEvent *event,
             GError         **error)
{
  static const char *const halves[] = { "上半年", "下半年" };
  gboolean rent = event->index == 0;
  g_autofree char *memo = rent ? g_strdup_printf ("%.7s月起一个季度原自行车棚门面房租金", event->date)
                               : g_strdup_printf ("%d年%s道闸及宣传栏广告位使用费", demo->year,
                                                  halves[event->index - 1]);
  g_autofree char *voucher = ledger_income_record_in_write (demo->book, event->amount,
                                                            rent ? LEDGER_INCOME_RENT : LEDGER_INCOME_ADVERTISING,
                                                            "bank", NULL,
                                                            rent ? "惠民便利店" : "城市传媒广告有限公司",
                                                            event->date, memo, error);

  if (voucher == NULL)
    return FALSE;
  demo->funds[LEDGER_METHOD_BANK] += event->amount;
  return TRUE;
}

/* Pays back the whole credit of the first household holding some, from
 * the drawn starting point: by bank transfer, or in cash when the bank is
 * short. */
static gboolean
post_refund (Demo            *demo,
             const DemoEvent *event,
             GError         **error)
{
  guint len = demo->households->len;

  for (guint k = 0; k < len; k++)
    {
      DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, (event->index + k) % len);
      LedgerMethod method = LEDGER_METHOD_BANK;
      g_autofree char *voucher = NULL;

      if (h->credit <= 0)
        continue;
      if (demo->funds[method] < h->credit)
        method = LEDGER_METHOD_CASH;
      if (demo->funds[method] < h->credit)
        return TRUE;
      voucher = ledger_refund_in_write (demo->book, h->unit, h->credit, ledger_method_to_string (method),
                                        h->profile == PROFILE_NORMAL && k % 2 == 0
                                          ? "房屋已出售，退还预交物业费" : "重复缴费，退还多缴部分",
                                        event->date, error);
      if (voucher == NULL)
        return FALSE;
      demo->funds[method] -= h->credit;
      h->credit = 0;
      return TRUE;
    }
  return TRUE;
}

/* The advance is handed over in cash, or from the bank when the cash box
 * is short; the member brings back in cash what is left. */
static gboolean
post_advance (Demo            *demo,
              const DemoEvent *event,
              GError         **error)
{
  LedgerMethod from = LEDGER_METHOD_CASH;
  gint64 amount = event->amount;

  if (event->kind == EVENT_ADVANCE_RETURN)
    {
      if (demo->advance <= 0)
        return TRUE;
      if (!ledger_advance_in_write (demo->book, FALSE, DEMO_ADVANCE_MEMBER, demo->advance, "cash",
                                    event->date, NULL, error))
        return FALSE;
      demo->funds[LEDGER_METHOD_CASH] += demo->advance;
      demo->advance = 0;
      return TRUE;
    }
  if (demo->funds[from] < amount)
    from = LEDGER_METHOD_BANK;
  if (demo->funds[from] < amount)
    return TRUE; /* no advance this year: nothing to hand over */
  if (!ledger_advance_in_write (demo->book, TRUE, DEMO_ADVANCE_MEMBER, amount, ledger_method_to_string (from),
                                event->date, "零星采购备用金", error))
    return FALSE;
  demo->funds[from] -= amount;
  demo->advance += amount;
  return TRUE;
}

/* Each money account's statement at the end of the day: in this demo the
 * book and the statements agree (a real committee's may not, until the
 * bank charge or interest it missed is entered). */
static gboolean
post_reconciliations (Demo            *demo,
                      const DemoEvent *event,
                      GError         **error)
{
  static const struct { const char *account, *memo; } statements[] = {
    { "cash", "季末现金盘点" }, { "bank", "工商银行对账单" }, { DEMO_MAINTENANCE_ACCOUNT, "维修资金专户对账单" },
    { "wechat", "微信收款账单" }, { "alipay", "支付宝收款账单" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = ledger_book_prepare (demo->book,
                                                "SELECT coalesce (sum (amount), 0) FROM account_days"
                                                " WHERE account = ?1 AND date <= ?2",
                                                error);
      gint64 held = 0;

      if (stmt == NULL)
        return FALSE;
      ledger_bind_text (stmt, 1, statements[i].account);
      ledger_bind_text (stmt, 2, event->date);
      if (!ledger_book_query_int64 (demo->book, stmt, 0, &held, error) ||
          !ledger_account_reconcile_in_write (demo->book, statements[i].account, held, event->date,
                                              statements[i].memo, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ledger_demo_post_money (Demo            *demo,
                        const DemoEvent *event,
                        GError         **error)
{
  switch (event->kind)
    {
    case EVENT_TRANSFER:
      return post_transfer (demo, event, error);
    case EVENT_INTEREST:
      return post_interest (demo, event, error);
    case EVENT_INCOME:
      return post_income (demo, event, error);
    case EVENT_REFUND:
      return post_refund (demo, event, error);
    case EVENT_ADVANCE_GIVE:
    case EVENT_ADVANCE_RETURN:
      return post_advance (demo, event, error);
    case EVENT_RECONCILE:
      return post_reconciliations (demo, event, error);
    case EVENT_PAYMENT:
    case EVENT_EXPENDITURE:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}


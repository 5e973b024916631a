/* ledger-demo.c — a realistic, deterministic demo community
 *
 * Everything here is drawn from one small PRNG (splitmix64) seeded by the
 * options, in a fixed order, and every entry is posted with the book's
 * simulated clock set to the entry's own date: the same options give the
 * same book, entry for entry, down to "recorded at". Integer arithmetic
 * only, like the rest of the book.
 *
 * Each year is a handful of transactions: one that registers (first year)
 * and bills the year on 1 January, one per waiver (ledger_waive() runs its
 * own), and one with the year's payments and expenditures in date order.
 * To stay fast with thousands of households the demo keeps its own copy of
 * what each household owes and has prepaid, instead of asking the book
 * after every payment; billing's summary is checked against that copy.
 *
 * The households are drawn in ledger-demo-households.c and the owners'
 * votes held in ledger-demo-votes.c; ledger-demo-private.h has the state
 * and the PRNG they share.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-billing-private.h"
#include "ledger-expenditure-approval.h"
#include "ledger-billing.h"
#include "ledger-book-private.h"
#include "ledger-demo.h"
#include "ledger-demo-private.h"
#include "ledger-expenditure-private.h"
#include "ledger-payment-private.h"
#include "ledger-vote.h"
#include "ledger-expenditure.h"
#include "ledger-fee.h"
#include "ledger-household.h"
#include "ledger-money.h"
#include "ledger-payment.h"
#include "ledger-period.h"
#include "ledger-account-code.h"
#include "ledger-text.h"

#define DEMO_OPERATOR "演示出纳"
#define DEFAULT_HOUSEHOLDS 120
#define DEFAULT_YEARS 3
#define DEFAULT_SEED 2026
#define MAX_HOUSEHOLDS LEDGER_HOUSEHOLDS_MAX /* a demo book is a book */
#define MAX_YEARS 50
#define YUAN DEMO_YUAN

/* The day of the year of @month/@day in a common year (close enough for
 * choosing dates: a leap year only shifts the window by a day). */
static int
day_of_year (int month,
             int day)
{
  static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

  return before[month - 1] + day;
}

/* ------------------------------------------------------------------ */
/* Posting */

/* Runs the book's clock at @date: "recorded at" and every default date of
 * what is posted next are that day. */
static void
set_clock (Demo       *demo,
           const char *date)
{
  ledger_book_set_clock (demo->book, date);
}

/* What billing will charge @h for the year under @fees (the same rule as
 * ledger_bill_year(): per household, or per space times its spaces). */
static gint64
household_due (const GPtrArray     *fees,
               const DemoHousehold *h)
{
  gint64 due = 0;

  for (guint f = 0; f < fees->len; f++)
    {
      const LedgerFee *fee = g_ptr_array_index ((GPtrArray *) fees, f);

      due += fee->basis == LEDGER_BASIS_SPACE ? fee->amount * h->spaces : fee->amount;
    }
  return due;
}

/* The property fee in force this year, for the waivers (0: none). */
static gint64
property_fee (const GPtrArray *fees)
{
  for (guint f = 0; f < fees->len; f++)
    {
      const LedgerFee *fee = g_ptr_array_index ((GPtrArray *) fees, f);

      if (g_strcmp0 (fee->code, "property") == 0)
        return fee->amount;
    }
  return 0;
}

/* Applies the year's bill to the demo's copy of each household's account
 * (prepaid credit settles the new charges first) and returns the totals
 * billing should report. */
static void
track_bill (Demo            *demo,
            const GPtrArray *fees,
            gint64          *out_amount,
            gint64          *out_credited)
{
  *out_amount = *out_credited = 0;
  for (guint i = 0; i < demo->households->len; i++)
    {
      DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, i);
      gint64 settled;

      h->due = h->move_in_year <= demo->year ? household_due (fees, h) : 0;
      settled = MIN (h->credit, h->due);
      h->credit -= settled;
      h->owed += h->due - settled;
      *out_amount += h->due;
      *out_credited += settled;
    }
}

/* Bills the year on 1 January and checks the book agrees with the demo's
 * own accounts, which the payments rely on. */
static gboolean
bill_year (Demo    *demo,
           GError **error)
{
  g_autoptr(GPtrArray) fees = ledger_fee_list_for_year (demo->book, demo->year, error);
  LedgerBillSummary summary = { 0 };
  gint64 amount, credited;

  if (fees == NULL)
    return FALSE;
  for (guint f = fees->len; f > 0; f--)
    if (((LedgerFee *) g_ptr_array_index (fees, f - 1))->amount <= 0)
      g_ptr_array_remove_index (fees, f - 1);

  track_bill (demo, fees, &amount, &credited);
  demo->billed = amount;
  demo->property = property_fee (fees);
  if (!ledger_bill_year_in_write (demo->book, demo->year, &summary, error))
    return FALSE;
  if (summary.amount != amount || summary.credited != credited)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE,
                   "internal error: the demo expected to bill %" G_GINT64_FORMAT
                   " fen (%" G_GINT64_FORMAT " from credit) for %d, the book billed %"
                   G_GINT64_FORMAT " (%" G_GINT64_FORMAT ")",
                   amount, credited, demo->year, summary.amount, summary.credited);
      return FALSE;
    }
  return TRUE;
}

/* The first transaction of a year, on 1 January: registration of the
 * households that have moved in by next year; in the first year the books
 * opened from the paper ledger, before the first bill (which prepaid
 * credit pays); the bill; the owners' votes, and in the first year the
 * vote on the maintenance fund's repair plan. */
static gboolean
open_year_cb (LedgerBook *book,
              gpointer    user_data,
              GError    **error)
{
  Demo *demo = user_data;
  gboolean first = demo->year == demo->first_year;

  return ledger_demo_register_households (demo, error) &&
         (!first || ledger_demo_open_books (demo, error)) &&
         bill_year (demo, error) &&
         ledger_demo_post_votes (demo->book, demo->year, demo->year == demo->opt.end_year,
                                 demo->opt.seed, &demo->budget_vote, error) &&
         (!first || ledger_demo_post_maintenance_vote (demo->book, demo->year, demo->opt.seed,
                                                       &demo->maintenance_vote, error));
}

/* 1 January: the committee's members (first year: the setting is its own
 * transaction), then the year's first transaction. */
static gboolean
open_year (Demo    *demo,
           GError **error)
{
  char jan1[11];

  g_snprintf (jan1, sizeof jan1, "%04d-01-01", demo->year);
  set_clock (demo, jan1);
  if (demo->year == demo->first_year && !ledger_demo_add_members (demo, error))
    return FALSE;
  return ledger_book_write (demo->book, open_year_cb, demo, error);
}

/* Posts the year's waivers on 2 January, when the committee meets: the
 * first household's property fee in full (低保户), the second's by half
 * in most years (孤寡老人). Each is its own transaction. */
static gboolean
post_waivers (Demo    *demo,
              GError **error)
{
  char jan2[11];

  g_snprintf (jan2, sizeof jan2, "%04d-01-02", demo->year);
  if (strcmp (jan2, demo->today) > 0)
    return TRUE; /* the committee has not met yet this year */
  set_clock (demo, jan2);
  for (guint k = 0; k < demo->n_waived && demo->property > 0; k++)
    {
      DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, demo->waived[k]);
      gint64 half = demo->property / 2;
      gint64 waived = 0;

      if (k == 1 && !rng_percent (&demo->rng, 70))
        continue;
      if (!ledger_waive (demo->book, h->unit, "property", demo->year,
                         k == 0 ? NULL : &half, k == 0 ? "低保户减免" : "孤寡老人减免",
                         &waived, error))
        return FALSE;
      h->owed -= waived;
    }
  return TRUE;
}

/* Decides whether and when household @i pays this year: most in the
 * first quarter, some later, a few two years at once, a few not at all;
 * chronic debtors now and then clear everything late in the year. */
static void
plan_payment (Demo *demo,
              guint i)
{
  DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, i);
  guint r = rng_below (&demo->rng, 100);
  gboolean early, two_years = FALSE;
  DemoEvent *event;
  char date[11];

  if (h->profile == PROFILE_CHRONIC)
    {
      if (r >= 30)
        return;
      early = FALSE;
    }
  else if (h->profile == PROFILE_WAIVED)
    early = r < 90;
  else if (r >= 96)
    return;
  else
    {
      early = r < 82 || r >= 93;
      two_years = r >= 93;
    }

  if (early)
    random_date (demo, demo->year, 3, day_of_year (3, 31), date);
  else
    random_date (demo, demo->year, day_of_year (4, 1), day_of_year (12, 28), date);
  event = add_event (demo, EVENT_PAYMENT, i, date);
  event->method = rng_percent (&demo->rng, 85) ? h->method : random_method (demo);
  event->two_years = two_years;
}

/* Plans a payment for every household that has been billed by now. */
static void
plan_payments (Demo *demo)
{
  for (guint i = 0; i < demo->households->len; i++)
    if (g_array_index (demo->households, DemoHousehold, i).move_in_year <= demo->year)
      plan_payment (demo, i);
}

/* Queues an expenditure paid the usual way. */
static void
add_expenditure (Demo       *demo,
                 const char *date,
                 const char *category,
                 const char *payee,
                 gint64      amount,
                 gboolean    small,
                 char       *memo)
{
  add_expenditure_from (demo, date, category, payee, amount, small, SOURCE_ACCOUNTS, memo);
}

/* Frees a queued expenditure with its memo. */
static void
demo_expenditure_free (gpointer data)
{
  DemoExpenditure *x = data;

  g_free (x->memo);
  g_free (x);
}

/* The cleaning company's fixed monthly fee, paid on the 28th. */
static void
plan_cleaning (Demo   *demo,
               gint64  budget)
{
  gint64 monthly = round_to (jitter (demo, budget / 12, 95, 105), 100 * YUAN);
  char date[11];

  for (int month = 1; month <= 12; month++)
    {
      year_date (demo, month, 28, date);
      add_expenditure (demo, date, "cleaning", "洁美保洁服务有限公司", monthly, FALSE,
                   g_strdup_printf ("%d月小区保洁服务费", month));
    }
}

/* Electricity and water of the common areas, every month, dearer in
 * summer and winter. */
static void
plan_utilities (Demo   *demo,
                gint64  budget)
{
  static const int season[] = { 120, 110, 95, 85, 85, 100, 120, 120, 95, 85, 95, 115 };
  char date[11];

  for (int month = 1; month <= 12; month++)
    {
      gint64 base = budget * season[month - 1] / 100 / 12;

      year_date (demo, month, 10, date);
      add_expenditure (demo, date, "utilities", "国网供电公司", jitter (demo, base * 70 / 100, 90, 110),
                   FALSE, g_strdup_printf ("%d月公共区域电费", month));
      year_date (demo, month, 12, date);
      add_expenditure (demo, date, "utilities", "市自来水公司", jitter (demo, base * 30 / 100, 90, 110),
                   FALSE, g_strdup_printf ("%d月公共区域水费", month));
    }
}

/* Stairwell lights mended and replaced once a quarter. */
static void
plan_lighting (Demo   *demo,
               gint64  budget)
{
  char date[11];

  for (int quarter = 1; quarter <= 4; quarter++)
    {
      year_date (demo, quarter * 3, rng_range (&demo->rng, 20, 28), date);
      add_expenditure (demo, date, "lighting", "张师傅水电维修部",
                   round_to (jitter (demo, budget / 4, 85, 115), YUAN), TRUE,
                   g_strdup_printf ("第%d季度楼道照明维修及灯具更换", quarter));
    }
}

/* Spring planting and autumn pruning. */
static void
plan_greening (Demo   *demo,
               gint64  budget)
{
  char date[11];

  year_date (demo, 4, rng_range (&demo->rng, 8, 20), date);
  add_expenditure (demo, date, "greening", "绿源园林绿化有限公司",
               round_to (jitter (demo, budget * 55 / 100, 90, 110), 10 * YUAN), FALSE,
               g_strdup ("春季绿化养护及苗木补种"));
  year_date (demo, 10, rng_range (&demo->rng, 8, 20), date);
  add_expenditure (demo, date, "greening", "绿源园林绿化有限公司",
               round_to (jitter (demo, budget * 45 / 100, 90, 110), 10 * YUAN), FALSE,
               g_strdup ("秋季绿化修剪及除草"));
}

/* The access-control and camera contractor's yearly service. */
static void
plan_security (Demo   *demo,
               gint64  budget)
{
  char date[11];

  year_date (demo, rng_range (&demo->rng, 5, 7), rng_range (&demo->rng, 1, 28), date);
  add_expenditure (demo, date, "security", "安居安防科技有限公司",
               round_to (jitter (demo, budget, 95, 105), 10 * YUAN), FALSE,
               g_strdup ("单元门禁及监控年度维护"));
}

/* A few repairs a year (more in a larger compound), each somewhere in the
 * compound, by a tradesman or a firm: the job is done on a whole building
 * or on one entrance of it. */
static void
plan_repairs (Demo   *demo,
              gint64  budget)
{
  static const struct { const char *payee, *what; gboolean entrance, small; } jobs[] = {
    { "张师傅水电维修部",     "楼道水管维修",     TRUE,  TRUE },
    { "宏达防水工程有限公司", "屋面防水补漏",     FALSE, FALSE },
    { "安居门窗维修部",       "单元门闭门器更换", TRUE,  TRUE },
    { "通畅管道疏通服务部",   "下水管道疏通",     TRUE,  TRUE },
    { "诚信建筑修缮有限公司", "外墙空鼓修补",     FALSE, FALSE },
    { "李记五金建材店",       "楼梯扶手修补",     TRUE,  TRUE },
  };
  guint count = 3 + demo->opt.households / 120;
  char date[11];

  for (guint k = 0; k < count; k++)
    {
      guint j = rng_below (&demo->rng, G_N_ELEMENTS (jobs));
      const DemoHousehold *where = &g_array_index (demo->households, DemoHousehold,
                                                   rng_below (&demo->rng, demo->households->len));
      char *memo = jobs[j].entrance
                     ? g_strdup_printf ("%d号楼%d单元%s", where->building, where->entrance, jobs[j].what)
                     : g_strdup_printf ("%d号楼%s", where->building, jobs[j].what);

      random_date (demo, demo->year, day_of_year (2, 1), day_of_year (12, 20), date);
      add_expenditure (demo, date, "repair", jobs[j].payee,
                   round_to (jitter (demo, budget / count, 50, 150), 10 * YUAN), jobs[j].small, memo);
    }
}

/* Notices, receipt books and stationery, bought in small amounts. */
static void
plan_office (Demo   *demo,
             gint64  budget)
{
  static const char *const what[] = {
    "公示栏公告打印", "收据本印制", "办公用品采购", "业主大会通知及表决票打印",
  };
  guint count = 3 + demo->opt.households / 500;
  char date[11];

  for (guint k = 0; k < count; k++)
    {
      random_date (demo, demo->year, 5, day_of_year (12, 20), date);
      add_expenditure (demo, date, "office", k % 2 ? "晨光文具店" : "快印图文广告店",
                   round_to (jitter (demo, budget / count, 60, 140), YUAN / 2), TRUE,
                   g_strdup (what[rng_below (&demo->rng, G_N_ELEMENTS (what))]));
    }
}

/* Plans the year's spending at 68–80% of what was billed (so about 70–90%
 * of what is collected), shared out over the categories. */
static void
plan_expenditures (Demo *demo)
{
  gint64 budget = demo->billed * rng_range (&demo->rng, 68, 80) / 100;

  plan_cleaning (demo, budget * 52 / 100);
  plan_utilities (demo, budget * 14 / 100);
  plan_lighting (demo, budget * 7 / 100);
  plan_greening (demo, budget * 8 / 100);
  plan_repairs (demo, budget * 13 / 100);
  plan_security (demo, budget * 4 / 100);
  plan_office (demo, budget * 2 / 100);
}

/* Date order; events of one day in the order they were planned. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const DemoEvent *x = a, *y = b;
  int by_date = strcmp (x->date, y->date);

  if (by_date != 0)
    return by_date;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Posts a planned payment of what the household owes now (plus next
 * year's fee when it pays two years at once) and updates its account. */
static gboolean
post_payment (Demo            *demo,
              const DemoEvent *event,
              GError         **error)
{
  DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, event->index);
  gint64 amount = h->owed + (event->two_years ? h->due : 0);
  g_autofree char *number = NULL;

  if (amount <= 0)
    return TRUE; /* prepaid credit already covered the year */
  number = ledger_pay_in_write (demo->book, h->unit, amount, event->method, event->date, error);
  if (number == NULL)
    return FALSE;
  h->credit += MAX (0, amount - h->owed);
  h->owed = MAX (0, h->owed - amount);
  demo->funds[event->method] += amount;
  return TRUE;
}

/* The account an expenditure is paid from: cash for small bills while the
 * cash box holds enough, otherwise the account holding the most, so that
 * every account stays above zero (the treasurer also banks the cash and
 * withdraws the WeChat and Alipay takings: ledger-demo-money.c). FALSE
 * when no account can pay it yet: the committee waits. */
static gboolean
choose_account (Demo              *demo,
                const DemoExpenditure *x,
                LedgerMethod      *out_method)
{
  static const LedgerMethod order[DEMO_N_METHODS] = {
    LEDGER_METHOD_BANK, LEDGER_METHOD_WECHAT, LEDGER_METHOD_ALIPAY, LEDGER_METHOD_CASH,
  };
  LedgerMethod richest = order[0];

  if (x->small && demo->funds[LEDGER_METHOD_CASH] >= x->amount)
    {
      *out_method = LEDGER_METHOD_CASH;
      return TRUE;
    }
  for (int k = 1; k < DEMO_N_METHODS; k++)
    if (demo->funds[order[k]] > demo->funds[richest])
      richest = order[k];
  *out_method = richest;
  return demo->funds[richest] >= x->amount;
}

/* The next invoice number of @date: FP, the date, and a two-digit serial
 * of the day ("FP2026031501"). */
static char *
next_invoice (Demo       *demo,
              const char *date)
{
  if (strcmp (demo->invoice_day, date) != 0)
    {
      g_strlcpy (demo->invoice_day, date, sizeof demo->invoice_day);
      demo->invoice_seq = 0;
    }
  demo->invoice_seq++;
  return g_strdup_printf ("FP%.4s%.2s%.2s%02d", date, date + 5, date + 8, demo->invoice_seq);
}

/* The account an expenditure from @x->source is paid from, and whether
 * it holds enough: the member's advance, or the maintenance fund's bank
 * account (the fund holds exactly what that account holds). */
static gboolean
choose_source (Demo                  *demo,
               const DemoExpenditure *x,
               LedgerExpenditure     *e)
{
  g_free (e->source);
  if (x->source == SOURCE_ADVANCE)
    {
      e->source = ledger_account_advance_code (DEMO_ADVANCE_MEMBER);
      e->method = LEDGER_METHOD_CASH;
      return demo->advance >= x->amount;
    }
  e->source = g_strdup (DEMO_MAINTENANCE_ACCOUNT);
  e->method = LEDGER_METHOD_BANK;
  e->from_maintenance_fund = TRUE;
  e->vote_id = demo->maintenance_vote;
  return demo->maintenance_vote != 0 && demo->maintenance >= x->amount;
}

/* Takes a posted expenditure off what the demo knows each account holds. */
static void
track_expenditure (Demo                  *demo,
                   const DemoExpenditure *x,
                   LedgerMethod           method)
{
  if (x->source == SOURCE_ADVANCE)
    demo->advance -= x->amount;
  else if (x->source == SOURCE_MAINTENANCE)
    demo->maintenance -= x->amount;
  else
    demo->funds[method] -= x->amount;
}

/* Posts a planned expenditure with its invoice and approvers. */
static gboolean
post_expenditure (Demo            *demo,
                  const DemoEvent *event,
                  GError         **error)
{
  const DemoExpenditure *x = g_ptr_array_index (demo->expenditures, event->index);
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  LedgerMethod method = LEDGER_METHOD_CASH;
  gint64 limit = 0;

  if (x->source == SOURCE_ACCOUNTS ? !choose_account (demo, x, &method) : !choose_source (demo, x, e))
    return TRUE; /* the committee waits: nothing holds enough yet */
  g_strlcpy (e->date, event->date, sizeof e->date);
  e->amount = x->amount;
  if (x->source == SOURCE_ACCOUNTS)
    e->method = method;
  g_free (e->payee);
  e->payee = g_strdup (x->payee);
  g_free (e->category);
  e->category = g_strdup (x->category);
  g_free (e->memo);
  e->memo = g_strdup (x->memo);
  g_free (e->invoice);
  e->invoice = next_invoice (demo, event->date);
  g_free (e->approvers);
  e->approvers = g_strdup (x->amount >= 2000 * YUAN ? DEMO_CHAIR "," DEMO_ADVANCE_MEMBER "," DEMO_MEMBER : DEMO_CHAIR "," DEMO_ADVANCE_MEMBER);
  /* Above the committee's own limit of that day, the owners' yearly
   * budget vote (the maintenance fund's repairs cite their own). */
  if (!ledger_spend_limit_on (demo->book, event->date, &limit, error))
    return FALSE;
  if (x->amount > limit && e->vote_id == 0)
    e->vote_id = demo->budget_vote;
  if (!ledger_expenditure_record_in_write (demo->book, e, error))
    return FALSE;
  track_expenditure (demo, x, e->method);
  return TRUE;
}

/* The rest of the year in one transaction: every event in date order,
 * each with the clock at its own date. */
static gboolean
post_events_cb (LedgerBook *book,
                gpointer    user_data,
                GError    **error)
{
  Demo *demo = user_data;

  for (guint k = 0; k < demo->events->len; k++)
    {
      const DemoEvent *event = &g_array_index (demo->events, DemoEvent, k);
      gboolean ok;

      /* This year's rest has not happened yet: a demo writes the past
       * only, like the treasurer it imitates (no entry after today). */
      if (strcmp (event->date, demo->today) > 0)
        break;
      set_clock (demo, event->date);
      if (event->kind == EVENT_PAYMENT)
        ok = post_payment (demo, event, error);
      else if (event->kind == EVENT_EXPENDITURE)
        ok = post_expenditure (demo, event, error);
      else
        ok = ledger_demo_post_money (demo, event, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* One year of the community's life: bill, waive, then collect and spend. */
static gboolean
simulate_year (Demo    *demo,
               int      year,
               GError **error)
{
  demo->year = year;
  g_array_set_size (demo->events, 0);
  g_ptr_array_set_size (demo->expenditures, 0);

  if (!open_year (demo, error) || !post_waivers (demo, error))
    return FALSE;
  plan_payments (demo);
  plan_expenditures (demo);
  ledger_demo_plan_money (demo);
  g_array_sort (demo->events, compare_events);
  return ledger_book_write (demo->book, post_events_cb, demo, error);
}

/* ------------------------------------------------------------------ */
/* Options and the entry point */

/* Fills in the defaults and checks the ranges, naming the option that is
 * wrong as the command line spells it. */
static gboolean
resolve_options (const LedgerDemoOptions  *options,
                 const char               *today,
                 LedgerDemoOptions        *out,
                 GError                  **error)
{
  char text[16];

  *out = options != NULL ? *options : (LedgerDemoOptions) { 0 };
  out->households = out->households != 0 ? out->households : DEFAULT_HOUSEHOLDS;
  out->years = out->years != 0 ? out->years : DEFAULT_YEARS;
  out->end_year = out->end_year != 0 ? out->end_year : ledger_date_year (today);
  out->seed = out->seed != 0 ? out->seed : DEFAULT_SEED;

  if (out->households > MAX_HOUSEHOLDS)
    {
      g_snprintf (text, sizeof text, "%u", out->households);
      return ledger_text_set_invalid_input (error, "--households", text,
                                            _("expected 1 to 100000 households"));
    }
  if (out->years > MAX_YEARS)
    {
      g_snprintf (text, sizeof text, "%u", out->years);
      return ledger_text_set_invalid_input (error, "--years", text, _("expected 1 to 50 years"));
    }
  if (out->end_year > 2200 || out->end_year - (int) out->years + 1 < 1901)
    {
      g_snprintf (text, sizeof text, "%d", out->end_year);
      return ledger_text_set_invalid_input (error, _("end year"), text,
                                            _("the demo years must lie between 1901 and 2200"));
    }
  /* The demo is a community's past, written under the same rules as any
   * book: no entry before LEDGER_YEAR_FIRST, none after today. */
  if (out->end_year - (int) out->years + 1 < LEDGER_YEAR_FIRST)
    {
      g_autofree char *reason = g_strdup_printf (_("the demo would start before %d; give fewer years or a later end year"),
                                                 LEDGER_YEAR_FIRST);

      g_snprintf (text, sizeof text, "%u", out->years);
      return ledger_text_set_invalid_input (error, "--years", text, reason);
    }
  if (out->end_year > ledger_date_year (today))
    {
      g_snprintf (text, sizeof text, "%d", out->end_year);
      return ledger_text_set_invalid_input (error, "--end-year", text,
                                            _("after this year; the demo writes only what has already happened"));
    }
  return TRUE;
}

/* The demo writes a whole community: refuse a book that already has one. */
static gboolean
check_empty (LedgerBook  *book,
             GError     **error)
{
  g_autoptr(GPtrArray) households = ledger_household_list (book, error);

  if (households == NULL)
    return FALSE;
  if (households->len > 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("The book already has households; the demo needs a new, empty book"));
      return FALSE;
    }
  return TRUE;
}

/* Draws the community, then lives through every year in turn. */
static gboolean
run_demo (Demo    *demo,
          GError **error)
{
  ledger_demo_generate_households (demo);
  for (int year = demo->first_year; year <= demo->opt.end_year; year++)
    if (!simulate_year (demo, year, error))
      return FALSE;
  return TRUE;
}

gboolean
ledger_demo_populate (LedgerBook               *book,
                      const LedgerDemoOptions  *options,
                      GError                  **error)
{
  g_autofree char *saved_operator = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Today by the book's clock (COMMUNITY_LEDGER_NOW too), before the demo
   * runs it through the years. */
  ledger_book_today (book, demo.today);
  if (!resolve_options (options, demo.today, &demo.opt, error) || !check_empty (book, error))
    return FALSE;

  demo.book = book;
  demo.first_year = demo.opt.end_year - (int) demo.opt.years + 1;
  demo.rng.state = demo.opt.seed;
  demo.households = g_array_sized_new (FALSE, TRUE, sizeof (DemoHousehold), demo.opt.households);
  demo.owner_units = g_array_new (FALSE, FALSE, sizeof (guint));
  demo.events = g_array_new (FALSE, FALSE, sizeof (DemoEvent));
  demo.expenditures = g_ptr_array_new_with_free_func (demo_expenditure_free);

  saved_operator = g_strdup (ledger_book_get_operator (book));
  ledger_book_set_operator (book, DEMO_OPERATOR);
  ok = run_demo (&demo, error);
  ledger_book_set_clock (book, NULL);
  ledger_book_set_operator (book, saved_operator);

  g_array_unref (demo.households);
  g_array_unref (demo.owner_units);
  g_array_unref (demo.events);
  g_ptr_array_unref (demo.expenditures);
  return ok;
}

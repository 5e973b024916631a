/* ledger-demo-private.h — the parts of the demo community in other files
 *
 * ledger-demo.c lives through the years; ledger-demo-households.c draws
 * the households it bills; ledger-demo-votes.c holds the owners' votes;
 * ledger-demo-money.c keeps the committee's money (the paper ledger it
 * starts from, bank deposits, interest, rent, a refund, an advance, the
 * maintenance fund). They share the Demo state and draw from its one
 * PRNG, in a fixed order, so that the same options give the same book.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-demo.h"
#include "ledger-household.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

#define DEMO_N_METHODS 4 /* LedgerMethod: cash, WeChat, Alipay, bank */
#define DEMO_YUAN 100     /* fen */
/* The named bank account that holds the maintenance fund's money; the
 * committee's members, who approve spending (named by their titles, as a
 * notice board does), one of whom is given an advance for small purchases. */
#define DEMO_MAINTENANCE_ACCOUNT "bank:维修资金专户"
#define DEMO_CHAIR "陈主任"
#define DEMO_ADVANCE_MEMBER "刘委员"
#define DEMO_MEMBER "孙委员"

/* ------------------------------------------------------------------ */
/* The community */

typedef struct
{
  guint64 state;
} DemoRng;

typedef enum
{
  PROFILE_NORMAL,  /* pays every year, mostly early */
  PROFILE_CHRONIC, /* rarely pays, then all at once */
  PROFILE_WAIVED,  /* a low-income or elderly owner whose fee is reduced */
} PayerProfile;

/* One household as the demo draws it, with the demo's own copy of its
 * account (what billing charged, what it owes, what it prepaid). */
typedef struct
{
  char            unit[24];
  int             building;
  int             entrance;
  char            owner[16];     /* surname + one or two characters: ≤ 9 bytes */
  char            owner_key[16]; /* "O-0042" */
  char            phone[12];     /* 11 digits or "" */
  guint           owner_no;
  gint64          area;          /* 0.01 m² */
  int             spaces;
  LedgerOccupancy status;
  char            move_in[11];
  int             move_in_year;
  PayerProfile    profile;
  LedgerMethod    method;        /* how the household usually pays */
  gint64          due;           /* billed for the current year, fen */
  gint64          owed;          /* open charges, fen: what the book says */
  gint64          credit;        /* prepaid credit, fen */
} DemoHousehold;

/* ------------------------------------------------------------------ */
/* The year's events */

typedef enum
{
  EVENT_PAYMENT,
  EVENT_EXPENDITURE,
  EVENT_TRANSFER,       /* cash banked, WeChat or Alipay withdrawn to the bank */
  EVENT_INTEREST,       /* the bank's quarterly interest */
  EVENT_INCOME,         /* rent of a common space, advertising */
  EVENT_REFUND,         /* an owner's credit paid back */
  EVENT_ADVANCE_GIVE,   /* to a committee member, for small purchases */
  EVENT_ADVANCE_RETURN, /* what is left of it */
  EVENT_RECONCILE,      /* a quarter's statements checked against the book (对账) */
} EventKind;

typedef struct
{
  char         date[11];
  guint        order;     /* creation order breaks ties on a date */
  EventKind    kind;
  guint        index;     /* into households or expenditures; what else an event means */
  LedgerMethod method;    /* payments; the account a transfer leaves */
  gboolean     two_years; /* payments: this year and next at once */
  gint64       amount;    /* what was planned: an income, an advance given */
} DemoEvent;

/* Where an expenditure's money comes from besides the usual accounts. */
typedef enum
{
  SOURCE_ACCOUNTS,     /* cash for small bills, else the richest account */
  SOURCE_ADVANCE,      /* the member's advance (spent against invoices) */
  SOURCE_MAINTENANCE,  /* the maintenance fund's bank account, with a matter-5 vote */
} DemoSource;

typedef struct
{
  const char *category;
  const char *payee;
  char       *memo;
  gint64      amount;
  gboolean    small;      /* paid from the cash box when it can */
  DemoSource  source;
} DemoExpenditure;

/* One run of the demo: its options, its PRNG, the community and the year
 * being lived through. */
typedef struct
{
  LedgerBook        *book;
  LedgerDemoOptions  opt;        /* resolved: no zeros */
  int                first_year;
  DemoRng            rng;
  GArray            *households; /* of DemoHousehold */
  GArray            *owner_units;/* of guint, by owner_no: units each owner has */
  guint              waived[2];  /* households with a waiver every year */
  guint              n_waived;
  gint64             funds[DEMO_N_METHODS]; /* by LedgerMethod */
  int                year;
  gint64             billed;     /* this year's charges */
  gint64             property;   /* this year's property fee, fen (0: none) */
  GArray            *events;     /* of DemoEvent: this year's */
  GPtrArray         *expenditures;   /* of DemoExpenditure: this year's */
  char               invoice_day[11];
  int                invoice_seq;
  gint64             budget_vote;  /* this year's owners' vote on spending */
  gint64             maintenance_vote; /* the passed matter-5 vote repairs from the fund cite */
  gint64             maintenance;  /* what DEMO_MAINTENANCE_ACCOUNT holds: the maintenance fund */
  gint64             advance;      /* what DEMO_ADVANCE_MEMBER holds of an advance */
  char               today[11];    /* the book's real today: nothing is dated after it */
} Demo;

/* ------------------------------------------------------------------ */
/* Random numbers: one stream, drawn in a fixed order */

/* splitmix64: tiny, fast, and the same on every platform. */
static inline guint64
rng_next (DemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A number in 0 .. @n − 1 (multiply-shift: no modulo, no floats). */
static inline guint
rng_below (DemoRng *rng,
           guint    n)
{
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* A number in @lo .. @hi inclusive. */
static inline int
rng_range (DemoRng *rng,
           int      lo,
           int      hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

/* TRUE with a chance of @percent in a hundred. */
static inline gboolean
rng_percent (DemoRng *rng,
             guint    percent)
{
  return rng_below (rng, 100) < percent;
}

/* WeChat 45%, cash 25%, Alipay 15%, bank 15%. */
static inline LedgerMethod
random_method (Demo *demo)
{
  guint r = rng_below (&demo->rng, 100);

  if (r < 45)
    return LEDGER_METHOD_WECHAT;
  if (r < 70)
    return LEDGER_METHOD_CASH;
  if (r < 85)
    return LEDGER_METHOD_ALIPAY;
  return LEDGER_METHOD_BANK;
}

/* A random date "YYYY-MM-DD" in @year between day @from and day @to of
 * the year (1-based, inclusive). GDate keeps this integer-only. */
static inline void
random_date (Demo *demo,
             int   year,
             int   from,
             int   to,
             char  out[11])
{
  GDate date;

  to = MIN (to, g_date_is_leap_year ((GDateYear) year) ? 366 : 365);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_add_days (&date, (guint) rng_range (&demo->rng, from, to) - 1);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

/* Rounds @fen to the nearest multiple of @unit fen. */
static inline gint64
round_to (gint64 fen,
          gint64 unit)
{
  return (fen + unit / 2) / unit * unit;
}

/* @fen scaled by a random @lo..@hi percent. */
static inline gint64
jitter (Demo   *demo,
        gint64  fen,
        int     lo,
        int     hi)
{
  return fen * rng_range (&demo->rng, lo, hi) / 100;
}

/* The date @month/@day of this year. */
static inline void
year_date (Demo *demo,
           int   month,
           int   day,
           char  out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", demo->year, month, day);
}

/* Queues an event of this year. */
static inline DemoEvent *
add_event (Demo       *demo,
           EventKind   kind,
           guint       index,
           const char *date)
{
  DemoEvent event = { "", demo->events->len, kind, index, LEDGER_METHOD_CASH, FALSE, 0 };

  g_strlcpy (event.date, date, sizeof event.date);
  g_array_append_val (demo->events, event);
  return &g_array_index (demo->events, DemoEvent, demo->events->len - 1);
}

/* Queues an expenditure on @date (taking @memo); amounts under one yuan (a
 * tiny demo community) are not worth a voucher and are dropped. */
static inline void
add_expenditure_from (Demo       *demo,
                      const char *date,
                      const char *category,
                      const char *payee,
                      gint64      amount,
                      gboolean    small,
                      DemoSource  source,
                      char       *memo)
{
  DemoExpenditure *x;

  if (amount < DEMO_YUAN)
    {
      g_free (memo);
      return;
    }
  x = g_new0 (DemoExpenditure, 1);
  x->category = category;
  x->payee = payee;
  x->memo = memo;
  x->amount = amount;
  x->small = small;
  x->source = source;
  add_event (demo, EVENT_EXPENDITURE, demo->expenditures->len, date);
  g_ptr_array_add (demo->expenditures, x);
}

/* ------------------------------------------------------------------ */
/* The other files */

/**
 * ledger_demo_generate_households:
 * Draws the whole community into @demo->households: units, owners (some
 * with two or three units), areas, phones, parking, move-in dates, how
 * each household pays, and the one or two whose fee is waived every year.
 */
void ledger_demo_generate_households (Demo *demo);

/**
 * ledger_demo_register_households:
 * Inside a running write: adds every drawn household to the book (their
 * move-in dates may lie in later years: billing skips them until then).
 */
gboolean ledger_demo_register_households (Demo    *demo,
                                          GError **error);

/**
 * ledger_demo_post_votes:
 * Inside a running write on @year's first day: the owners' yearly vote on
 * the budget and service contracts (matter 9, passes), whose number is
 * returned in @out_budget_vote so large expenditures can cite it; and, in
 * the demo's last year, three more — one that passes, one that fails for
 * want of participation, one major matter (6) that fails the 3/4 test.
 */
gboolean ledger_demo_post_votes (LedgerBook  *book,
                                 int          year,
                                 gboolean     last_year,
                                 guint64      seed,
                                 gint64      *out_budget_vote,
                                 GError     **error);

/**
 * ledger_demo_post_maintenance_vote:
 * Inside a running write on the first year's first day: the owners'
 * vote (matter 5, passes) on a plan of repairs paid from the maintenance
 * fund, whose number is returned in @out_vote for those repairs to cite.
 */
gboolean ledger_demo_post_maintenance_vote (LedgerBook  *book,
                                            int          year,
                                            guint64      seed,
                                            gint64      *out_vote,
                                            GError     **error);

/**
 * ledger_demo_add_members:
 * On the first year's first day, outside any write: the committee's
 * members (each a setting of its own), who approve spending and one of
 * whom is given advances.
 */
gboolean ledger_demo_add_members (Demo    *demo,
                                  GError **error);

/**
 * ledger_demo_open_books:
 * Inside the first year's first write, after the households are
 * registered and before they are billed: the committee's books as they
 * stood on paper — the maintenance fund's bank account, the opening
 * balances of cash, the bank and that account, some households' unpaid
 * property fees of the year before and one or two households' credit.
 */
gboolean ledger_demo_open_books (Demo    *demo,
                                 GError **error);

/**
 * ledger_demo_plan_money:
 * Queues the year's movements of money other than fees and the usual
 * spending: cash banked each quarter, WeChat and Alipay withdrawn to the
 * bank (with the platform's charge), the bank's quarterly interest, rent
 * of a common space and advertising, a refund of an owner's credit, an
 * advance spent against invoices and partly returned, and a repair paid
 * from the maintenance fund.
 */
void     ledger_demo_plan_money (Demo *demo);

/**
 * ledger_demo_post_money:
 * Inside the year's write with the clock at @event's date: posts a
 * transfer, interest, income, refund or advance event with the real
 * writer, sized from what the demo knows each account holds, and updates
 * that.
 */
gboolean ledger_demo_post_money (Demo            *demo,
                                 const DemoEvent *event,
                                 GError         **error);

G_END_DECLS

/* ledger-demo-private.h — the parts of the demo community in other files
 *
 * ledger-demo.c lives through the years; ledger-demo-households.c draws
 * the households it bills; ledger-demo-votes.c holds the owners' votes.
 * The first two share the Demo state and draw from its one PRNG, in a
 * fixed order, so that the same options give the same book.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-demo.h"
#include "ledger-household.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

#define DEMO_N_METHODS 4 /* LedgerMethod: cash, WeChat, Alipay, bank */

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

G_END_DECLS

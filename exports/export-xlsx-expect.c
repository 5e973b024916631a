/* export-xlsx-expect.c — every visible cell of the auditor's workbook
 * derived again from its Journal sheet, and compared
 *
 * The Journal sheet's leaves are the workbook's only trusted content (the
 * fingerprint covers them). As they are streamed, this keeps what the
 * other sheets show: the funds moved by each entry, receipts, voids and
 * expenditures of the period, charges and waivers by unit, fee and year,
 * each unit's register entry, the votes and their results, the book's
 * name. A v2 leaf's facts (docs/leaf-format.md) are used where the entry
 * has them; a v1 entry gives what its lines give (the memo that the
 * writers of v1 composed: "matter 9: TITLE", "property 2024", "add
 * area=92.45 …"). A cell whose figure neither gives is left unchecked,
 * and said so in the README's section on the workbook.
 *
 * Then each sheet is read once, row by row, and every cell compared:
 * the first difference is LEDGER_ERROR_VERIFY "sheet NAME, cell B7:
 * expected X, found Y". Numbers are compared as the spreadsheet holds
 * them (fen / 100.0, dates as serial days), text as the writer
 * neutralises and scrubs it: a phone number the writer removed with the
 * register's numbers (which the workbook does not carry) may show as
 * "***" where the leaf has digits.
 *
 * What the journal cannot give, and how it is checked instead:
 * - owners' names (住户 B; 收入 D and 欠费 B show the same): the journal
 *   holds a salted commitment; the Households sheet carries each unit's
 *   salt, and the name shown must give the commitment of the unit's last
 *   register entry. (A v1 register entry commits to nothing: its name is
 *   only compared between the sheets.)
 * - phones (住户 D): masked (138****1234), so the commitment cannot be
 *   recomputed from them; not checked.
 * - the export time and the period: what the Verification sheet says; the
 *   Summary must say the same.
 * - a v1 entry's details that its lines do not hold (an expenditure's
 *   payee, approvers, fund, vote and attachments, a payment's fee items,
 *   a household's move-in date, a vote's description and dates): checked
 *   only where the entry has v2 facts; a v1 payment's fee columns must
 *   still add up to its amount, and an arrears row to its charge.
 */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export-xlsx-expect-private.h"
#include "export-xlsx-private.h"
#include "export-xlsx-read-private.h"
#include "ledger.h"

/* Replaces the string at @place with a copy of @value (g_set_str is
 * GLib 2.76). */
static void
set_str (char       **place,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*place);
  *place = copy;
}

/* ------------------------------------------------------------------ */
/* A canonical leaf, parsed (docs/leaf-format.md) */

typedef struct
{
  char  *account;
  char  *unit;
  gint64 amount;
} Split;

typedef struct
{
  gint64     index;
  char      *kind, *date, *operator_name, *ref, *memo;
  GArray    *splits;   /* Split */
  GPtrArray *facts;    /* GStrv: name, fields … */
} Leaf;

static void
split_clear (gpointer data)
{
  Split *s = data;

  g_free (s->account);
  g_free (s->unit);
}

static void
leaf_free (Leaf *leaf)
{
  if (leaf == NULL)
    return;
  g_free (leaf->kind);
  g_free (leaf->date);
  g_free (leaf->operator_name);
  g_free (leaf->ref);
  g_free (leaf->memo);
  g_array_unref (leaf->splits);
  g_ptr_array_unref (leaf->facts);
  g_free (leaf);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Leaf, leaf_free)

/* A value with its escapes undone: \\ \n \r, and \| inside fields. */
static char *
unescape (const char *text,
          gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\\' && i + 1 < length)
        {
          char c = text[++i];

          g_string_append_c (out, c == 'n' ? '\n' : c == 'r' ? '\r' : c);
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* "A|B\|C|" → { "A", "B|C", "" }: fields split on unescaped bars. */
static char **
split_fields (const char *text)
{
  GPtrArray *fields = g_ptr_array_new ();
  const char *start = text, *p;

  for (p = text; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == '|' || *p == '\0')
        {
          g_ptr_array_add (fields, unescape (start, p - start));
          start = p + 1;
          if (*p == '\0')
            break;
        }
    }
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

static Leaf *
leaf_parse (const char *text)
{
  g_autoptr(Leaf) leaf = g_new0 (Leaf, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  leaf->splits = g_array_new (FALSE, TRUE, sizeof (Split));
  g_array_set_clear_func (leaf->splits, split_clear);
  leaf->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *line = lines[i], *colon = strstr (line, ": ");
      g_autofree char *name = NULL;
      const char *value;

      if (colon == NULL)
        continue;
      name = g_strndup (line, colon - line);
      value = colon + 2;
      if (strcmp (name, "index") == 0)
        leaf->index = g_ascii_strtoll (value, NULL, 10);
      else if (strcmp (name, "kind") == 0)
        leaf->kind = unescape (value, strlen (value));
      else if (strcmp (name, "date") == 0)
        leaf->date = unescape (value, strlen (value));
      else if (strcmp (name, "operator") == 0)
        leaf->operator_name = unescape (value, strlen (value));
      else if (strcmp (name, "ref") == 0)
        leaf->ref = unescape (value, strlen (value));
      else if (strcmp (name, "memo") == 0)
        leaf->memo = unescape (value, strlen (value));
      else if (strcmp (name, "split") == 0)
        {
          g_auto(GStrv) fields = split_fields (value);
          Split s = { 0 };

          if (g_strv_length (fields) != 3)
            continue;
          s.account = g_strdup (fields[0]);
          s.unit = g_strdup (fields[1]);
          s.amount = g_ascii_strtoll (fields[2], NULL, 10);
          g_array_append_val (leaf->splits, s);
        }
      else if (strcmp (name, "fact") == 0)
        g_ptr_array_add (leaf->facts, split_fields (value));
    }
  if (leaf->kind == NULL || leaf->date == NULL)
    return NULL;
  if (leaf->operator_name == NULL)
    leaf->operator_name = g_strdup ("");
  if (leaf->ref == NULL)
    leaf->ref = g_strdup ("");
  if (leaf->memo == NULL)
    leaf->memo = g_strdup ("");
  return g_steal_pointer (&leaf);
}

/* The entry's first fact called @name with @n_fields fields, or NULL. */
static char **
leaf_fact (const Leaf *leaf,
           const char *name,
           guint       n_fields)
{
  for (guint i = 0; i < leaf->facts->len; i++)
    {
      char **fact = g_ptr_array_index (leaf->facts, i);

      if (strcmp (fact[0], name) == 0 && g_strv_length (fact) == n_fields + 1)
        return fact;
    }
  return NULL;
}

static gint64
int_field (const char *text)
{
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* The first unit any split names ("" when none). */
static const char *
leaf_unit (const Leaf *leaf)
{
  for (guint i = 0; i < leaf->splits->len; i++)
    if (*g_array_index (leaf->splits, Split, i).unit != '\0')
      return g_array_index (leaf->splits, Split, i).unit;
  return "";
}

/* The sum of the splits on the funds accounts; *@touches whether any. */
static gint64
leaf_funds (const Leaf *leaf,
            gboolean   *touches,
            const char **method)
{
  gint64 total = 0;

  *touches = FALSE;
  for (guint i = 0; i < leaf->splits->len; i++)
    {
      const Split *s = &g_array_index (leaf->splits, Split, i);

      if (export_xlsx_is_funds_account (s->account))
        {
          ledger_total_add_saturating (&total, s->amount);
          *touches = TRUE;
          if (method != NULL)
            *method = s->account;
        }
    }
  return total;
}

/* The Chinese name of a payment method's code ("cash" → 现金), or "".
 * An expenditure paid from a named bank account records method bank, one
 * paid from an advance method cash (docs/money.md). */
static const char *
method_chinese (const char *code)
{
  if (code != NULL && g_str_has_prefix (code, "bank:"))
    code = "bank";
  else if (code != NULL && ledger_account_is_advance (code))
    code = "cash";
  for (int i = 0; code != NULL && i < LEDGER_METHOD_COUNT; i++)
    if (strcmp (code, ledger_method_to_string ((LedgerMethod) i)) == 0)
      return ledger_method_chinese ((LedgerMethod) i);
  return "";
}

/* ------------------------------------------------------------------ */
/* What the journal says the other sheets show */

/* The kinds of entry the Income sheet shows a row of. */
static gboolean
on_income_sheet (const char *kind)
{
  return strcmp (kind, "payment") == 0 || strcmp (kind, "void") == 0 || strcmp (kind, "income") == 0 ||
         strcmp (kind, "refund") == 0;
}

typedef struct
{
  gint64 index;
  int    ordinal;      /* expenditures: the id users see */
  char  *kind, *date, *ref, *memo, *unit, *method;
  gint64 funds;        /* the change in funds */
  gint64 expense;      /* expenditures: the expense splits' sum */
  char  *category;     /* expenditures: after "expense:" */
  GPtrArray *facts;    /* the entry's facts (shared with the leaf) */
  gboolean seen;       /* a row of its sheet has shown it */
} Entry;

typedef struct
{
  char  *fee;
  int    year;
  gint64 amount;
} Part;

typedef struct
{
  char  *unit;
  char  *method;
  gint64 amount;
  gboolean voided;
  GArray *parts;        /* Part: the payment's allocations, when it has facts */
} Receipt;

typedef struct
{
  gint64 billed, waived, paid;
  gboolean shown;       /* a row of the Arrears sheet is this charge */
} Charge;

typedef struct
{
  gint64 area;
  int    spaces;
  char  *status, *owner_key, *move_in, *owner_commitment;
  gboolean area_known, move_in_known;
  gboolean seen;
} Household;

typedef struct
{
  int    id;
  char  *title, *description, *opens, *closes;
  int    matter;
  gboolean described;   /* a vote fact gave description, opens, closes */
  gboolean closed;
  char  *closed_on;
  gint64 counts[8];     /* heads total, voted, yes, no; area total, voted, yes, no */
  gboolean counted[8];
  gboolean participation_met, passed, decided;
  gboolean seen;
  GHashTable *ballots;  /* owner key → choice of the owner's newest ballot */
} Vote;

typedef struct
{
  gint64 billed, waived;
  GHashTable *units;    /* the units charged that year */
} Year;

typedef struct
{
  gint64 index;
  char  *date, *unit, *fee;
  int    year;
  gint64 amount;
  char  *reason;
  gboolean seen;
} Waiver;

typedef struct
{
  gint64 opening, debits, credits, closing;  /* signed as the journal stores them */
  gboolean seen;        /* a row of the trial balance is this account */
} TrialSums;

/* One entry on a cash book: its splits on the account added up. */
typedef struct
{
  gint64 index;
  char  *date, *kind, *ref, *memo;
  gint64 in, out;
} CashLine;

typedef struct
{
  gint64     opening;   /* before the period */
  GPtrArray *lines;     /* CashLine: the period's entries */
} CashAccount;

/* One entry's splits on one income, expense or equity account, in the
 * period: a line of the 基金 sheet (ledger_report_funds()). */
typedef struct
{
  gint64     index;
  char      *date, *kind, *ref, *memo, *account;
  LedgerFund fund;
  gint64     in, out;
  gboolean   seen;
} FundLine;

struct _ExportExpect
{
  /* the Verification sheet */
  char       *period_text, *first, *last, *export_time;
  gboolean    everything;
  int         up_to_year;
  /* the Journal sheets */
  GPtrArray  *journal_names;
  GArray     *journal_last_rows;   /* guint32 */
  gint64      entries;
  int         first_year, last_year;
  gint64      opening, closing, income_total, expenditure_total;
  GHashTable *categories;          /* code → gint64 * */
  GHashTable *entries_in_period;   /* index → Entry: payments, voids, expenditures */
  GHashTable *receipts;            /* number → Receipt */
  int         expenditures;        /* counted, for their ids */
  GHashTable *charges;             /* "unit|fee|year" → Charge */
  gboolean    allocations_known;   /* the journal has allocation facts */
  GHashTable *receivable;          /* unit → gint64 *: the unit's balance */
  GHashTable *last_charge_year;    /* unit → int (as pointer) */
  GHashTable *years;               /* year → Year */
  GHashTable *fees;                /* code → name (the latest version's) */
  GPtrArray  *fee_versions;        /* code, name, code, name …: every version's */
  GHashTable *households;          /* unit → Household */
  GPtrArray  *votes;               /* Vote, by id − 1 */
  char       *name;                /* the community's name (setting "name") */
  LedgerPrivacyScrubber *scrubber; /* mobile numbers only */
  /* read from the sheets */
  GHashTable *owners;              /* unit → the owner the Households sheet shows */
  GHashTable *salts;               /* unit → salt */
  GHashTable *owed;                /* unit → gint64 *: the Arrears sheet's sum */
  GHashTable *owed_years;          /* year → gint64 *: the Arrears sheet's sum */
  GHashTable *owing_units;         /* "year|unit" of the Arrears rows */
  gint64      arrears_total;
  guint32     income_last, expenditures_last, arrears_last;
  GPtrArray  *income_fee_headers;  /* the Income sheet's fee column headers, J … */
  GArray     *income_fee_sums;     /* gint64: their sums as found */
  gint64      income_found, expenditure_found;
  GHashTable *category_found;      /* Chinese category → gint64 *: the sheet's sums */
  GPtrArray  *waivers;             /* Waiver: the waivers of the period */
  GHashTable *trial;               /* account code → TrialSums */
  GHashTable *cash;                /* money account or advance → CashAccount, up to the period's end */
  GPtrArray  *cash_codes;          /* their codes, and their sheets' names: */
  char      **cash_sheets;
  /* the 基金 sheet: each fund before the period and at its end, the
   * committee's money at its end, the period's lines */
  gint64      fund_opening[LEDGER_FUND_COUNT], fund_closing[LEDGER_FUND_COUNT];
  gint64      committee_money;
  GPtrArray  *fund_lines;          /* FundLine */
};

static void
fund_line_free (FundLine *l)
{
  g_free (l->date);
  g_free (l->kind);
  g_free (l->ref);
  g_free (l->memo);
  g_free (l->account);
  g_free (l);
}

static void
cash_line_free (CashLine *l)
{
  g_free (l->date);
  g_free (l->kind);
  g_free (l->ref);
  g_free (l->memo);
  g_free (l);
}

static void
cash_account_free (CashAccount *a)
{
  g_ptr_array_unref (a->lines);
  g_free (a);
}

static void
waiver_free (Waiver *w)
{
  g_free (w->date);
  g_free (w->unit);
  g_free (w->fee);
  g_free (w->reason);
  g_free (w);
}

static void
entry_free (Entry *e)
{
  g_free (e->kind);
  g_free (e->date);
  g_free (e->ref);
  g_free (e->memo);
  g_free (e->unit);
  g_free (e->method);
  g_free (e->category);
  g_ptr_array_unref (e->facts);
  g_free (e);
}

static void
part_clear (gpointer data)
{
  g_free (((Part *) data)->fee);
}

static void
receipt_free (Receipt *r)
{
  g_free (r->unit);
  g_free (r->method);
  if (r->parts != NULL)
    g_array_unref (r->parts);
  g_free (r);
}

static void
household_free (Household *h)
{
  g_free (h->status);
  g_free (h->owner_key);
  g_free (h->move_in);
  g_free (h->owner_commitment);
  g_free (h);
}

static void
vote_free (Vote *v)
{
  g_free (v->title);
  g_free (v->description);
  g_free (v->opens);
  g_free (v->closes);
  g_free (v->closed_on);
  g_hash_table_unref (v->ballots);
  g_free (v);
}

static void
year_free (Year *y)
{
  g_hash_table_unref (y->units);
  g_free (y);
}

ExportExpect *
export_expect_new (void)
{
  ExportExpect *e = g_new0 (ExportExpect, 1);

  e->journal_names = g_ptr_array_new_with_free_func (g_free);
  e->journal_last_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  e->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->entries_in_period = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) entry_free);
  e->receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) receipt_free);
  e->charges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->receivable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->last_charge_year = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) year_free);
  e->fees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->fee_versions = g_ptr_array_new_with_free_func (g_free);
  e->households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) household_free);
  e->votes = g_ptr_array_new_with_free_func ((GDestroyNotify) vote_free);
  e->scrubber = ledger_privacy_scrubber_new (NULL, NULL);
  e->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->salts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->owed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->owed_years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  e->owing_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->income_fee_headers = g_ptr_array_new_with_free_func (g_free);
  e->income_fee_sums = g_array_new (FALSE, TRUE, sizeof (gint64));
  e->category_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->waivers = g_ptr_array_new_with_free_func ((GDestroyNotify) waiver_free);
  e->trial = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e->cash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cash_account_free);
  e->cash_codes = g_ptr_array_new ();
  e->fund_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fund_line_free);
  return e;
}

void
export_expect_free (ExportExpect *e)
{
  if (e == NULL)
    return;
  g_free (e->period_text);
  g_free (e->first);
  g_free (e->last);
  g_free (e->export_time);
  g_free (e->name);
  g_ptr_array_unref (e->journal_names);
  g_array_unref (e->journal_last_rows);
  g_hash_table_unref (e->categories);
  g_hash_table_unref (e->entries_in_period);
  g_hash_table_unref (e->receipts);
  g_hash_table_unref (e->charges);
  g_hash_table_unref (e->receivable);
  g_hash_table_unref (e->last_charge_year);
  g_hash_table_unref (e->years);
  g_hash_table_unref (e->fees);
  g_ptr_array_unref (e->fee_versions);
  g_hash_table_unref (e->households);
  g_ptr_array_unref (e->votes);
  ledger_privacy_scrubber_free (e->scrubber);
  g_hash_table_unref (e->owners);
  g_hash_table_unref (e->salts);
  g_hash_table_unref (e->owed);
  g_hash_table_unref (e->owed_years);
  g_hash_table_unref (e->owing_units);
  g_ptr_array_unref (e->income_fee_headers);
  g_array_unref (e->income_fee_sums);
  g_hash_table_unref (e->category_found);
  g_ptr_array_unref (e->waivers);
  g_hash_table_unref (e->trial);
  g_ptr_array_unref (e->cash_codes);
  g_strfreev (e->cash_sheets);
  g_hash_table_unref (e->cash);
  g_ptr_array_unref (e->fund_lines);
  g_free (e);
}

/* Adds @amount to the gint64 kept under @key (a copy is made). */
static void
add_to (GHashTable *table,
        const char *key,
        gint64      amount)
{
  gint64 *sum = g_hash_table_lookup (table, key);

  if (sum == NULL)
    {
      sum = g_new0 (gint64, 1);
      g_hash_table_insert (table, g_strdup (key), sum);
    }
  ledger_total_add_saturating (sum, amount);
}

static gint64
sum_of (GHashTable *table,
        const char *key)
{
  gint64 *sum = g_hash_table_lookup (table, key);

  return sum != NULL ? *sum : 0;
}

static gboolean
in_period (ExportExpect *e,
           const char   *date)
{
  return strcmp (date, e->first) >= 0 && strcmp (date, e->last) <= 0;
}

static Year *
year_of (ExportExpect *e,
         int           year)
{
  Year *y = g_hash_table_lookup (e->years, GINT_TO_POINTER (year));

  if (y == NULL)
    {
      y = g_new0 (Year, 1);
      y->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (e->years, GINT_TO_POINTER (year), y);
    }
  return y;
}

/* "property 2024" or "property 2024: reason" → the fee code and year. */
static gboolean
fee_and_year (const char *memo,
              char      **out_fee,
              int        *out_year)
{
  g_auto(GStrv) words = g_strsplit_set (memo, " :", 3);

  if (g_strv_length (words) < 2 || *words[0] == '\0')
    return FALSE;
  *out_year = (int) g_ascii_strtoll (words[1], NULL, 10);
  *out_fee = g_strdup (words[0]);
  return *out_year > 0;
}

/* A charge's or waiver's amount: the sum of the splits on the accounts
 * starting @prefix ("income:" credited by a charge, "waivers" debited by
 * a waiver), and the unit of its receivable split. A charge settled from
 * prepaid credit as it is billed also moves receivable back, so the
 * receivable splits do not give it. */
static gint64
amount_of (const Leaf  *leaf,
           const char  *prefix,
           const char **unit)
{
  gint64 total = 0;

  *unit = "";
  for (guint i = 0; i < leaf->splits->len; i++)
    {
      const Split *s = &g_array_index (leaf->splits, Split, i);

      if (g_str_has_prefix (s->account, prefix))
        total += s->amount;
      if (strcmp (s->account, "receivable") == 0 && **unit == '\0')
        *unit = s->unit;
    }
  return total;
}

static void
keep_charge (ExportExpect *e,
             const char   *unit,
             const char   *fee,
             int           year,
             gint64        billed,
             gint64        waived)
{
  g_autofree char *key = g_strdup_printf ("%s|%s|%d", unit, fee, year);
  Charge *c = g_hash_table_lookup (e->charges, key);
  Year *y = year_of (e, year);

  if (c == NULL)
    {
      c = g_new0 (Charge, 1);
      g_hash_table_insert (e->charges, g_strdup (key), c);
    }
  c->billed += billed;
  c->waived += waived;
  y->billed += billed;
  y->waived += waived;
  if (billed != 0)
    {
      g_hash_table_add (y->units, g_strdup (unit));
      if (GPOINTER_TO_INT (g_hash_table_lookup (e->last_charge_year, unit)) < year)
        g_hash_table_insert (e->last_charge_year, g_strdup (unit), GINT_TO_POINTER (year));
    }
}

/* A charge: the charge fact, or (v1) "FEE YEAR" and the receivable split. */
static void
keep_charge_entry (ExportExpect *e,
                   const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "charge", 5);
  g_autofree char *fee = NULL;
  const char *unit;
  gint64 amount = -amount_of (leaf, "income:", &unit);
  int year = 0;

  if (fact != NULL)
    keep_charge (e, fact[1], fact[2], (int) int_field (fact[3]), int_field (fact[4]), 0);
  else if (fee_and_year (leaf->memo, &fee, &year))
    keep_charge (e, unit, fee, year, amount, 0);
}

static void
keep_waiver_entry (ExportExpect *e,
                   const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "waiver", 5);
  g_autofree char *fee = NULL;
  const char *unit;
  gint64 amount = amount_of (leaf, "waivers", &unit);
  int year = 0;

  if (fact != NULL)
    keep_charge (e, fact[1], fact[2], (int) int_field (fact[3]), 0, int_field (fact[4]));
  else if (fee_and_year (leaf->memo, &fee, &year))
    keep_charge (e, unit, fee, year, 0, amount);
  if (in_period (e, leaf->date) && (fact != NULL || fee != NULL))
    {
      /* v1: "property 2026: 低保户" gives the reason after ": ". */
      const char *colon = strstr (leaf->memo, ": ");
      Waiver *w = g_new0 (Waiver, 1);

      w->index = leaf->index;
      w->date = g_strdup (leaf->date);
      w->unit = g_strdup (fact != NULL ? fact[1] : unit);
      w->fee = g_strdup (fact != NULL ? fact[2] : fee);
      w->year = fact != NULL ? (int) int_field (fact[3]) : year;
      w->amount = fact != NULL ? int_field (fact[4]) : amount;
      w->reason = g_strdup (fact != NULL ? fact[5] : colon != NULL ? colon + 2 : "");
      g_ptr_array_add (e->waivers, w);
    }
}

/* "add area=92.45 spaces=0 status=occupied owner_key=O-0001" (v1) */
static void
household_from_memo (Household  *h,
                     const char *memo)
{
  g_auto(GStrv) words = g_strsplit (memo, " ", -1);

  for (guint i = 1; words[i] != NULL; i++)
    {
      const char *eq = strchr (words[i], '=');

      if (eq == NULL)
        continue;
      if (g_str_has_prefix (words[i], "area="))
        {
          g_auto(GStrv) parts = g_strsplit (eq + 1, ".", 2);

          h->area = g_ascii_strtoll (parts[0], NULL, 10) * 100 +
                    (parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0);
          h->area_known = TRUE;
        }
      else if (g_str_has_prefix (words[i], "spaces="))
        h->spaces = (int) g_ascii_strtoll (eq + 1, NULL, 10);
      else if (g_str_has_prefix (words[i], "status="))
        set_str (&h->status, eq + 1);
      else if (g_str_has_prefix (words[i], "owner_key="))
        break;
    }
  /* The owner key is last, and may hold spaces: the rest of the memo. */
  if (strstr (memo, " owner_key=") != NULL)
    set_str (&h->owner_key, strstr (memo, " owner_key=") + strlen (" owner_key="));
}

static void
keep_household_entry (ExportExpect *e,
                      const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "household", 8);
  const char *unit = fact != NULL ? fact[1] : leaf->ref;
  Household *h = g_hash_table_lookup (e->households, unit);

  if (h == NULL)
    {
      h = g_new0 (Household, 1);
      g_hash_table_insert (e->households, g_strdup (unit), h);
    }
  if (fact == NULL)
    {
      household_from_memo (h, leaf->memo);
      return;
    }
  h->area = int_field (fact[2]);
  h->area_known = TRUE;
  h->spaces = (int) int_field (fact[3]);
  set_str (&h->status, fact[4]);
  set_str (&h->move_in, fact[5]);
  h->move_in_known = TRUE;
  set_str (&h->owner_key, fact[6]);
  set_str (&h->owner_commitment, fact[7]);
}

/* The vote "vote N" names, or the result fact's. */
static Vote *
vote_named (ExportExpect *e,
            const char   *ref)
{
  gint64 id = g_str_has_prefix (ref, "vote ") ? g_ascii_strtoll (ref + 5, NULL, 10) : int_field (ref);

  return id >= 1 && id <= e->votes->len ? g_ptr_array_index (e->votes, id - 1) : NULL;
}

static void
keep_vote_entry (ExportExpect *e,
                 const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "vote", 5);
  Vote *v = g_new0 (Vote, 1);

  v->id = (int) e->votes->len + 1;
  v->ballots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_ptr_array_add (e->votes, v);
  if (fact != NULL)
    {
      v->title = g_strdup (fact[1]);
      v->description = g_strdup (fact[2]);
      v->matter = (int) int_field (fact[3]);
      v->opens = g_strdup (fact[4]);
      v->closes = g_strdup (fact[5]);
      v->described = TRUE;
    }
  else if (g_str_has_prefix (leaf->memo, "matter ") && strstr (leaf->memo, ": ") != NULL)
    {
      v->matter = (int) g_ascii_strtoll (leaf->memo + 7, NULL, 10);
      v->title = g_strdup (strstr (leaf->memo, ": ") + 2);
    }
}

/* A ballot: the ballot fact, or (v1) ref "vote N" and memo "owner KEY
 * (unit UNIT): CHOICE …". The newest ballot of an owner counts. */
static void
keep_ballot_entry (ExportExpect *e,
                   const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "ballot", 7);
  Vote *v = vote_named (e, fact != NULL ? fact[1] : leaf->ref);
  const char *unit_at = strstr (leaf->memo, " (unit "), *choice_at = strstr (leaf->memo, "): ");

  if (v == NULL)
    return;
  if (fact != NULL)
    g_hash_table_replace (v->ballots, g_strdup (fact[3]), g_strdup (fact[4]));
  else if (g_str_has_prefix (leaf->memo, "owner ") && unit_at != NULL && choice_at != NULL)
    g_hash_table_replace (v->ballots, g_strndup (leaf->memo + 6, unit_at - leaf->memo - 6),
                          g_strndup (choice_at + 3, strspn (choice_at + 3, "abcdefghijklmnopqrstuvwxyz")));
}

/* An open vote's tally as it stands: every owner of the register (its
 * units' areas added up), the newest ballot of each (as count_live() in
 * ledger-vote.c counts). */
static void
count_live (ExportExpect *e,
            Vote         *v)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, e->households);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Household *h = value;

      add_to (owners, h->owner_key != NULL ? h->owner_key : "", h->area);
    }
  memset (v->counts, 0, sizeof v->counts);
  g_hash_table_iter_init (&iter, owners);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 area = *(gint64 *) value;
      const char *choice = g_hash_table_lookup (v->ballots, key);

      v->counts[0]++, v->counts[4] += area;
      if (choice == NULL)
        continue;
      v->counts[1]++, v->counts[5] += area;
      if (strcmp (choice, "yes") == 0)
        v->counts[2]++, v->counts[6] += area;
      else if (strcmp (choice, "no") == 0)
        v->counts[3]++, v->counts[7] += area;
    }
  for (guint i = 0; i < 8; i++)
    v->counted[i] = TRUE;
}

/* "heads 95/112 voted, 83 yes; area 948465/1143913 voted, 837620 yes: passed" (v1) */
static void
result_from_memo (Vote       *v,
                  const char *memo)
{
  gint64 n[6];
  char word[32] = "";

  if (sscanf (memo, "heads %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " voted, %" G_GINT64_FORMAT
              " yes; area %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " voted, %" G_GINT64_FORMAT " yes: %31s",
              &n[0], &n[1], &n[2], &n[3], &n[4], &n[5], word) != 7)
    return;
  v->counts[1] = n[0], v->counts[0] = n[1], v->counts[2] = n[2];
  v->counts[5] = n[3], v->counts[4] = n[4], v->counts[6] = n[5];
  v->counted[0] = v->counted[1] = v->counted[2] = TRUE;
  v->counted[4] = v->counted[5] = v->counted[6] = TRUE;
  v->passed = strcmp (word, "passed") == 0;
  v->participation_met = strcmp (word, "too") != 0;
  v->decided = TRUE;
}

static void
keep_vote_close_entry (ExportExpect *e,
                       const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "result", 12);
  Vote *v = vote_named (e, fact != NULL ? fact[1] : leaf->ref);

  if (v == NULL)
    return;
  v->closed = TRUE;
  set_str (&v->closed_on, fact != NULL ? fact[2] : leaf->date);
  if (fact == NULL)
    {
      result_from_memo (v, leaf->memo);
      return;
    }
  for (guint i = 0; i < 8; i++)
    {
      v->counts[i] = int_field (fact[3 + i]);
      v->counted[i] = TRUE;
    }
  v->participation_met = int_field (fact[11]) != 0;
  v->passed = int_field (fact[12]) != 0;
  v->decided = TRUE;
}

/* A fee version: the fee fact, or (v1) ref CODE and memo "…: NAME". */
static void
keep_fee_entry (ExportExpect *e,
                const Leaf   *leaf)
{
  char **fact = leaf_fact (leaf, "fee", 5);
  /* "10.00 per household per year from 2026-01-01: NAME": the first ": " */
  const char *colon = strstr (leaf->memo, ": ");
  const char *code = fact != NULL ? fact[1] : leaf->ref;
  const char *name = fact != NULL ? fact[2] : colon != NULL ? colon + 2 : NULL;

  if (name == NULL || *code == '\0')
    return;
  g_hash_table_replace (e->fees, g_strdup (code), g_strdup (name));
  g_ptr_array_add (e->fee_versions, g_strdup (code));
  g_ptr_array_add (e->fee_versions, g_strdup (name));
}

static void
keep_settings (ExportExpect *e,
               const Leaf   *leaf)
{
  for (guint i = 0; i < leaf->facts->len; i++)
    {
      char **fact = g_ptr_array_index (leaf->facts, i);

      if (strcmp (fact[0], "setting") == 0 && g_strv_length (fact) == 3 && strcmp (fact[1], "name") == 0)
        set_str (&e->name, fact[2]);
    }
  /* v1: the community's name was the init entry's memo, and a setting
   * entry's ref the key and its memo the value. */
  if (leaf->facts->len == 0 && strcmp (leaf->kind, "init") == 0)
    set_str (&e->name, leaf->memo);
  if (leaf->facts->len == 0 && strcmp (leaf->kind, "setting") == 0 && strcmp (leaf->ref, "name") == 0)
    set_str (&e->name, leaf->memo);
}

/* What payments (and credit, and their voids' reversals) paid of each
 * charge: the allocation facts. A waiver's allocation is its waiver. */
static void
keep_allocations (ExportExpect *e,
                  const Leaf   *leaf)
{
  for (guint i = 0; i < leaf->facts->len; i++)
    {
      char **fact = g_ptr_array_index (leaf->facts, i);
      g_autofree char *key = NULL;
      Charge *c;

      if (strcmp (fact[0], "allocation") != 0 || g_strv_length (fact) != 6 || strcmp (fact[4], "waiver") == 0)
        continue;
      e->allocations_known = TRUE;
      key = g_strdup_printf ("%s|%s|%s", fact[1], fact[2], fact[3]);
      c = g_hash_table_lookup (e->charges, key);
      if (c != NULL)
        c->paid += int_field (fact[5]);
    }
}

/* The payment's allocations to charges, in the order it made them. */
static GArray *
payment_parts (const Leaf *leaf)
{
  GArray *parts = NULL;

  for (guint i = 0; i < leaf->facts->len; i++)
    {
      char **fact = g_ptr_array_index (leaf->facts, i);
      Part part;

      if (strcmp (fact[0], "allocation") != 0 || g_strv_length (fact) != 6 || strcmp (fact[4], "payment") != 0)
        continue;
      if (parts == NULL)
        {
          parts = g_array_new (FALSE, FALSE, sizeof (Part));
          g_array_set_clear_func (parts, part_clear);
        }
      part.fee = g_strdup (fact[2]);
      part.year = (int) int_field (fact[3]);
      part.amount = int_field (fact[5]);
      g_array_append_val (parts, part);
    }
  /* A receipt with facts but nothing allocated went all to credit. */
  if (parts == NULL && leaf_fact (leaf, "receipt", 4) != NULL)
    {
      parts = g_array_new (FALSE, FALSE, sizeof (Part));
      g_array_set_clear_func (parts, part_clear);
    }
  return parts;
}

/* Payments, voids, expenditures of the period, kept for their sheets. */
static void
keep_money_entry (ExportExpect *e,
                  const Leaf   *leaf,
                  gint64        funds,
                  const char   *method)
{
  Entry *entry;
  char **receipt = leaf_fact (leaf, "receipt", 4);

  if (strcmp (leaf->kind, "expenditure") == 0)
    e->expenditures++;
  if (strcmp (leaf->kind, "payment") == 0)
    {
      Receipt *r = g_new0 (Receipt, 1);

      r->unit = g_strdup (receipt != NULL ? receipt[2] : leaf_unit (leaf));
      r->method = g_strdup (method);
      r->amount = funds;
      r->parts = payment_parts (leaf);
      g_hash_table_replace (e->receipts, g_strdup (receipt != NULL ? receipt[1] : leaf->ref), r);
    }
  else if (strcmp (leaf->kind, "void") == 0)
    {
      char **fact = leaf_fact (leaf, "void", 2);
      Receipt *r = g_hash_table_lookup (e->receipts, fact != NULL ? fact[1] : leaf->ref);

      if (r != NULL)
        r->voided = TRUE;
    }
  if (!in_period (e, leaf->date))
    return;
  entry = g_new0 (Entry, 1);
  entry->index = leaf->index;
  entry->ordinal = e->expenditures;
  entry->kind = g_strdup (leaf->kind);
  entry->date = g_strdup (leaf->date);
  entry->ref = g_strdup (leaf->ref);
  entry->memo = g_strdup (leaf->memo);
  entry->unit = g_strdup (leaf_unit (leaf));
  entry->method = g_strdup (method);
  entry->funds = funds;
  entry->facts = g_ptr_array_ref (leaf->facts);
  for (guint i = 0; i < leaf->splits->len; i++)
    {
      const Split *s = &g_array_index (leaf->splits, Split, i);

      if (g_str_has_prefix (s->account, "expense:"))
        {
          entry->expense += s->amount;
          set_str (&entry->category, s->account + 8);
        }
    }
  g_hash_table_insert (e->entries_in_period, &entry->index, entry);
  if (!on_income_sheet (leaf->kind))
    {
      ledger_total_add_saturating (&e->expenditure_total, entry->expense);
      add_to (e->categories, entry->category != NULL ? entry->category : "", entry->expense);
    }
  else
    ledger_total_add_saturating (&e->income_total, funds);
}

/* The trial balance's figures of @code, made when first needed. */
static TrialSums *
trial_sums (ExportExpect *e,
            const char   *code)
{
  TrialSums *t = g_hash_table_lookup (e->trial, code);

  if (t == NULL)
    {
      t = g_new0 (TrialSums, 1);
      g_hash_table_insert (e->trial, g_strdup (code), t);
    }
  return t;
}

/* A split in the trial balance: before the period its opening, in it a
 * debit (> 0) or a credit, up to its end its closing. */
static void
keep_trial_split (ExportExpect *e,
                  const char   *date,
                  const Split  *s)
{
  TrialSums *t = trial_sums (e, s->account);

  if (strcmp (date, e->first) < 0)
    ledger_total_add_saturating (&t->opening, s->amount);
  else if (strcmp (date, e->last) <= 0)
    ledger_total_add_saturating (s->amount > 0 ? &t->debits : &t->credits, s->amount > 0 ? s->amount : -s->amount);
  if (strcmp (date, e->last) <= 0)
    ledger_total_add_saturating (&t->closing, s->amount);
}

/* A split on a money account or an advance, for its cash book: before
 * the period its opening, in it the entry's line (ledger_report_cashbook()
 * adds an entry's splits on the account up: a transfer's charge leaves
 * by the same account). */
static void
keep_cash_split (ExportExpect *e,
                 const Leaf   *leaf,
                 const Split  *s)
{
  CashAccount *a;
  CashLine *line;

  if (!export_xlsx_is_funds_account (s->account) || strcmp (leaf->date, e->last) > 0)
    return;
  if ((a = g_hash_table_lookup (e->cash, s->account)) == NULL)
    {
      a = g_new0 (CashAccount, 1);
      a->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) cash_line_free);
      g_hash_table_insert (e->cash, g_strdup (s->account), a);
    }
  if (strcmp (leaf->date, e->first) < 0)
    {
      ledger_total_add_saturating (&a->opening, s->amount);
      return;
    }
  line = a->lines->len > 0 ? g_ptr_array_index (a->lines, a->lines->len - 1) : NULL;
  if (line == NULL || line->index != leaf->index)
    {
      line = g_new0 (CashLine, 1);
      line->index = leaf->index;
      line->date = g_strdup (leaf->date);
      line->kind = g_strdup (leaf->kind);
      line->ref = g_strdup (leaf->ref);
      line->memo = ledger_entry_memo_chinese (leaf->kind, leaf->memo);
      g_ptr_array_add (a->lines, line);
    }
  ledger_total_add_saturating (s->amount > 0 ? &line->in : &line->out, s->amount > 0 ? s->amount : -s->amount);
}

/* Whether @code is on the funds' side of the book (income, expense, the
 * opening balances), not an asset or a liability. */
static gboolean
moves_a_fund (const char *code)
{
  const char *kind = export_xlsx_account_kind_chinese (code);

  return strcmp (kind, "资产") != 0 && strcmp (kind, "负债") != 0;
}

/* The fund an entry belongs to, from its own facts (docs/money.md): an
 * expenditure's FUND (general is operating), an income's, an opening
 * balance's; every other entry, and an entry without facts (a v1 leaf),
 * is the operating fund's. Never from the sheet. */
static LedgerFund
leaf_fund_of (const Leaf *leaf)
{
  static const struct { const char *fact; guint n_fields, field; } sources[] = {
    { "expenditure", 9, 8 }, { "income", 7, 4 }, { "opening", 5, 5 },
  };
  LedgerFund fund = LEDGER_FUND_OPERATING;

  for (gsize i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      char **fact;

      if (strcmp (leaf->kind, sources[i].fact) != 0 ||
          (fact = leaf_fact (leaf, sources[i].fact, sources[i].n_fields)) == NULL)
        continue;
      if (!ledger_fund_parse (fact[sources[i].field], "fund", &fund, NULL))
        fund = LEDGER_FUND_OPERATING;
    }
  return fund;
}

static gint
fund_line_compare (gconstpointer a,
                   gconstpointer b)
{
  const FundLine *x = *(const FundLine *const *) a, *y = *(const FundLine *const *) b;
  int by_date = strcmp (x->date, y->date);

  if (by_date != 0)
    return by_date;
  if (x->index != y->index)
    return (x->index > y->index) - (x->index < y->index);
  return strcmp (x->account, y->account);
}

/* A line of the period for each account the entry moved a fund on (its
 * splits there added up, raising the fund positive; none when they come
 * to 0), and the funds' balances and the committee's money up to the
 * period's end. */
static void
keep_fund_splits (ExportExpect *e,
                  const Leaf   *leaf)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fund_line_free);
  LedgerFund fund;

  if (strcmp (leaf->date, e->last) > 0)
    return;
  fund = leaf_fund_of (leaf);
  for (guint i = 0; i < leaf->splits->len; i++)
    {
      const Split *s = &g_array_index (leaf->splits, Split, i);
      FundLine *line = NULL;

      if (!moves_a_fund (s->account))
        {
          ledger_total_add_saturating (&e->committee_money, s->amount);
          continue;
        }
      if (strcmp (leaf->date, e->first) < 0)
        ledger_total_add_saturating (&e->fund_opening[fund], -s->amount);
      ledger_total_add_saturating (&e->fund_closing[fund], -s->amount);
      for (guint j = 0; line == NULL && j < lines->len; j++)
        if (strcmp (((FundLine *) g_ptr_array_index (lines, j))->account, s->account) == 0)
          line = g_ptr_array_index (lines, j);
      if (line == NULL)
        {
          line = g_new0 (FundLine, 1);
          line->account = g_strdup (s->account);
          g_ptr_array_add (lines, line);
        }
      /* in − out, sorted out below */
      ledger_total_add_saturating (&line->in, -s->amount);
    }
  if (!in_period (e, leaf->date))
    return;
  for (guint j = 0; j < lines->len; j++)
    {
      FundLine *line = g_ptr_array_index (lines, j);
      gint64 net = line->in;

      if (net == 0)
        continue;
      line->index = leaf->index;
      line->date = g_strdup (leaf->date);
      line->kind = g_strdup (leaf->kind);
      line->ref = g_strdup (leaf->ref);
      line->memo = ledger_entry_memo_chinese (leaf->kind, leaf->memo);
      line->fund = fund;
      line->in = net > 0 ? net : 0;
      line->out = net < 0 ? -net : 0;
      g_ptr_array_add (e->fund_lines, g_ptr_array_steal_index (lines, j--));
    }
}

/* The bank's charge on a transfer: its expense split (0 when none). */
static gint64
transfer_fee (const Leaf *leaf)
{
  gint64 fee = 0;

  for (guint i = 0; i < leaf->splits->len; i++)
    if (g_str_has_prefix (g_array_index (leaf->splits, Split, i).account, "expense:"))
      fee += g_array_index (leaf->splits, Split, i).amount;
  return fee;
}

/* Keeps what the other sheets show of one entry. */
static void
keep_entry (ExportExpect *e,
            const Leaf   *leaf,
            gint64        funds,
            gboolean      touches,
            const char   *method)
{
  int year = ledger_date_year (leaf->date);

  e->first_year = e->first_year == 0 ? year : MIN (e->first_year, year);
  e->last_year = MAX (e->last_year, year);
  /* Opening balances (期初) dated in the period open it, as the income
   * report counts them (ledger_report_income()). */
  if (touches && (strcmp (leaf->date, e->first) < 0 ||
                  (strcmp (leaf->kind, "opening") == 0 && strcmp (leaf->date, e->last) <= 0)))
    ledger_total_add_saturating (&e->opening, funds);
  if (touches && strcmp (leaf->date, e->last) <= 0)
    ledger_total_add_saturating (&e->closing, funds);
  for (guint i = 0; i < leaf->splits->len; i++)
    {
      const Split *s = &g_array_index (leaf->splits, Split, i);

      if (strcmp (s->account, "receivable") == 0)
        add_to (e->receivable, s->unit, s->amount);
      keep_trial_split (e, leaf->date, s);
      keep_cash_split (e, leaf, s);
    }
  keep_fund_splits (e, leaf);
  if (strcmp (leaf->kind, "account") == 0 && leaf_fact (leaf, "account", 3) != NULL)
    trial_sums (e, leaf_fact (leaf, "account", 3)[1]);
  keep_settings (e, leaf);
  if (strcmp (leaf->kind, "charge") == 0 ||
      (strcmp (leaf->kind, "opening") == 0 && leaf_fact (leaf, "charge", 5) != NULL))
    keep_charge_entry (e, leaf);
  else if (strcmp (leaf->kind, "waiver") == 0)
    keep_waiver_entry (e, leaf);
  else if (strcmp (leaf->kind, "household") == 0)
    keep_household_entry (e, leaf);
  else if (strcmp (leaf->kind, "vote") == 0)
    keep_vote_entry (e, leaf);
  else if (strcmp (leaf->kind, "vote-close") == 0)
    keep_vote_close_entry (e, leaf);
  else if (strcmp (leaf->kind, "ballot") == 0)
    keep_ballot_entry (e, leaf);
  else if (strcmp (leaf->kind, "fee") == 0)
    keep_fee_entry (e, leaf);
  else if (strcmp (leaf->kind, "payment") == 0 || strcmp (leaf->kind, "void") == 0 ||
           strcmp (leaf->kind, "expenditure") == 0 || strcmp (leaf->kind, "income") == 0 ||
           strcmp (leaf->kind, "refund") == 0 ||
           (strcmp (leaf->kind, "transfer") == 0 && transfer_fee (leaf) > 0))
    keep_money_entry (e, leaf, funds, method);
  /* After the entry's own charge (a charge settled from credit as billed). */
  keep_allocations (e, leaf);
}

/* ------------------------------------------------------------------ */
/* Comparing cells */

typedef struct
{
  const char           *sheet;
  guint32               row;
  const ExportXlsxCell *cells;
  guint                 n_cells;
} Row;

static const char *
found_value (const Row *r,
             guint      col)
{
  const char *value = col < r->n_cells ? r->cells[col].value : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

/* "B7" */
static char *
cell_name (guint   col,
           guint32 row)
{
  char letters[8];
  int n = 0;

  for (guint c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  letters[n] = '\0';
  g_strreverse (letters);
  return g_strdup_printf ("%s%u", letters, row);
}

static gboolean
mismatch (const Row   *r,
          guint        col,
          const char  *expected,
          const char  *found,
          GError     **error)
{
  g_autofree char *cell = cell_name (col, r->row);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, _("sheet %s, cell %s: expected %s, found %s"),
               r->sheet, cell, expected != NULL && *expected != '\0' ? expected : _("an empty cell"),
               found != NULL && *found != '\0' ? found : _("an empty cell"));
  return FALSE;
}

/* A problem with a sheet as a whole ("sheet 收入: …"). */
static gboolean
sheet_error (const char  *sheet,
             GError     **error,
             const char  *problem)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, _("sheet %s: %s"), sheet, problem);
  return FALSE;
}

/* Nothing is written right of the sheet's last column. */
static gboolean
expect_no_more (const Row   *r,
                guint        n_columns,
                GError     **error)
{
  for (guint col = n_columns; col < r->n_cells; col++)
    if (found_value (r, col) != NULL)
      return mismatch (r, col, NULL, found_value (r, col), error);
  return TRUE;
}

static gboolean expect_text (const Row   *r,
                             guint        col,
                             const char  *text,
                             GError     **error);

/* A header row: @texts in columns A, B … */
static gboolean
expect_headers (const Row          *r,
                const char *const  *texts,
                guint               n_texts,
                GError            **error)
{
  for (guint i = 0; i < n_texts; i++)
    if (!expect_text (r, i, texts[i], error))
      return FALSE;
  return TRUE;
}

/* A detail sheet's header row, as export-xlsx-sheets.c writes it. */
static gboolean
expect_sheet_headers (const Row  *r,
                      GError    **error)
{
  guint n = 0;
  const Column *columns = export_xlsx_sheet_columns (r->sheet, &n);

  for (guint i = 0; i < n; i++)
    if (!expect_text (r, i, columns[i].header, error))
      return FALSE;
  return TRUE;
}

/* Text the writer put as it is (neutralised). */
static gboolean
expect_text (const Row   *r,
             guint        col,
             const char  *text,
             GError     **error)
{
  g_autofree char *expected = text != NULL && *text != '\0' ? export_xlsx_neutralise (text) : NULL;
  const char *found = found_value (r, col);

  if (g_strcmp0 (expected, found) == 0)
    return TRUE;
  return mismatch (r, col, expected, found, error);
}

/* Whether @found is @expected with some runs of it shown as "***" (the
 * register's phone numbers, which the writer removed and the workbook
 * does not carry). */
static gboolean
matches_scrubbed (const char *expected,
                  const char *found)
{
  g_auto(GStrv) parts = NULL;
  GString *pattern;
  gboolean match;

  if (found == NULL || strstr (found, "***") == NULL || expected == NULL)
    return FALSE;
  parts = g_strsplit (found, "***", -1);
  pattern = g_string_new ("^");
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *quoted = g_regex_escape_string (parts[i], -1);

      g_string_append_printf (pattern, "%s%s", i > 0 ? "[^\\n]+" : "", quoted);
    }
  g_string_append_c (pattern, '$');
  match = g_regex_match_simple (pattern->str, expected, G_REGEX_DOTALL, 0);
  g_string_free (pattern, TRUE);
  return match;
}

/* Free text: mobile numbers removed, as the writer does. */
static gboolean
expect_free_text (ExportExpect *e,
                  const Row    *r,
                  guint         col,
                  const char   *text,
                  GError      **error)
{
  g_autofree char *scrubbed = text != NULL && *text != '\0' ? ledger_privacy_scrubber_run (e->scrubber, text) : NULL;
  g_autofree char *expected = scrubbed != NULL && *scrubbed != '\0' ? export_xlsx_neutralise (scrubbed) : NULL;
  const char *found = found_value (r, col);

  if (g_strcmp0 (expected, found) == 0 || matches_scrubbed (expected, found))
    return TRUE;
  return mismatch (r, col, expected, found, error);
}

/* "12.5" as the value it has; FALSE for text that is not a number. */
static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out);
}

/* @value / @scale for a message: "360.00", "92.45", "84.82%", "7". */
static char *
scaled_text (gint64 value,
             int    scale)
{
  if (scale == 100)
    return ledger_money_format_plain (value);
  if (scale == 10000)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", value / 100, (int) (ABS (value) % 100));
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A number: money (@scale 100: fen), an area (100), a ratio (10000: basis
 * points) or a count (1). */
static gboolean
expect_number (const Row   *r,
               guint        col,
               gint64       value,
               int          scale,
               GError     **error)
{
  const char *found = found_value (r, col);
  g_autofree char *expected = scaled_text (value, scale);
  double number;

  if (parse_number (found, &number) && fabs (number * scale - (double) value) < 0.001)
    return TRUE;
  if (parse_number (found, &number))
    {
      g_autofree char *shown = scale > 1 ? g_strdup_printf ("%.*f", scale == 10000 ? 4 : 2, number)
                                         : g_strdup (found);

      return mismatch (r, col, expected, shown, error);
    }
  return mismatch (r, col, expected, found, error);
}

/* The amount in a money cell, in fen (0 when empty or not a number). */
static gint64
found_fen (const Row *r,
           guint      col)
{
  double number;

  if (!parse_number (found_value (r, col), &number))
    return 0;
  return (gint64) llround (number * 100.0);
}

/* "YYYY-MM-DD" as the spreadsheet's serial day (1900 date system). */
static double
date_serial (const char *iso)
{
  GDate epoch, date;
  int y = 0, m = 0, d = 0;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return -1;
  g_date_clear (&epoch, 1);
  g_date_clear (&date, 1);
  g_date_set_dmy (&epoch, 30, 12, 1899);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_days_between (&epoch, &date);
}

/* A serial day as "YYYY-MM-DD", for messages. */
static char *
serial_text (const char *found)
{
  double number;
  GDate date;
  char text[16];

  if (!parse_number (found, &number) || number < 1 || number > 2958465 || number != floor (number))
    return g_strdup (found);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, 12, 1899);
  g_date_add_days (&date, (guint) number);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static gboolean
expect_date (const Row   *r,
             guint        col,
             const char  *iso,
             GError     **error)
{
  const char *found = found_value (r, col);
  double number, serial = date_serial (iso);
  g_autofree char *shown = NULL;

  if (serial < 0 && found == NULL)
    return TRUE;
  if (serial >= 0 && parse_number (found, &number) && number == serial)
    return TRUE;
  shown = serial_text (found);
  return mismatch (r, col, serial >= 0 ? iso : NULL, shown, error);
}

static gboolean expect_formula (const Row   *r,
                                guint        col,
                                const char  *formula,
                                GError     **error);

/* A formula cell: the formula, and its cached value when there is one (a
 * program that saves a workbook without recalculating leaves none; a
 * spreadsheet then computes it from the formula, over cells checked). */
static gboolean
expect_computed (const Row   *r,
                 guint        col,
                 gint64       value,
                 int          scale,
                 const char  *formula,
                 GError     **error)
{
  if (!expect_formula (r, col, formula, error))
    return FALSE;
  return found_value (r, col) == NULL || expect_number (r, col, value, scale, error);
}

static gboolean
expect_formula (const Row   *r,
                guint        col,
                const char  *formula,
                GError     **error)
{
  const char *found = col < r->n_cells ? r->cells[col].formula : NULL;
  g_autofree char *expected = g_strconcat ("=", formula, NULL);
  /* A formula typed over with a number shows as that number. */
  g_autofree char *shown = found != NULL ? g_strconcat ("=", found, NULL) : g_strdup (found_value (r, col));

  if (g_strcmp0 (found, formula) == 0)
    return TRUE;
  return mismatch (r, col, expected, shown, error);
}

/* ------------------------------------------------------------------ */
/* 校验 Verification: the period first */

/* "2026（2026-01-01 至 2026-12-31）" → first and last. */
static gboolean
parse_period (ExportExpect *e,
              const char   *text)
{
  const char *open = g_strrstr (text, "（"), *to = g_strrstr (text, " 至 ");

  if (open == NULL || to == NULL || to < open)
    return FALSE;
  g_free (e->first);
  g_free (e->last);
  e->first = g_strndup (open + strlen ("（"), to - open - strlen ("（"));
  e->last = g_strndup (to + strlen (" 至 "), 10);
  e->everything = g_str_has_prefix (text, "全部（");
  e->up_to_year = e->everything ? 9999 : ledger_date_year (e->last);
  return strlen (e->first) == 10 && strlen (e->last) == 10;
}

static gboolean
period_row_cb (guint32               row,
               const ExportXlsxCell *cells,
               guint                 n_cells,
               gpointer              user_data,
               GError              **error)
{
  ExportExpect *e = user_data;

  if (n_cells >= 2 && g_strcmp0 (cells[0].value, "期间") == 0 && e->period_text == NULL)
    e->period_text = g_strdup (cells[1].value != NULL ? cells[1].value : "");
  if (n_cells >= 2 && g_strcmp0 (cells[0].value, "导出时间") == 0 && e->export_time == NULL)
    e->export_time = g_strdup (cells[1].value != NULL ? cells[1].value : "");
  return TRUE;
}

gboolean
export_expect_read_period (ExportExpect      *e,
                           ExportXlsxReader  *reader,
                           GError           **error)
{
  if (!export_xlsx_reader_foreach_row (reader, EXPORT_VERIFICATION_SHEET, period_row_cb, e, error))
    return FALSE;
  if (e->period_text == NULL || !parse_period (e, e->period_text))
    return sheet_error (EXPORT_VERIFICATION_SHEET, error, _("the period (期间) cannot be read"));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 日记账 Journal */

gboolean
export_expect_journal_row (ExportExpect          *e,
                           const char            *sheet,
                           guint32                row,
                           const ExportXlsxCell  *cells,
                           guint                  n_cells,
                           const char            *text,
                           GError               **error)
{
  g_autoptr(Leaf) leaf = leaf_parse (text);
  Row r = { sheet, row, cells, n_cells };
  g_autofree char *splits = NULL;
  const char *method = NULL;
  gboolean touches;
  gint64 funds;

  if (leaf == NULL)
    return sheet_error (sheet, error, _("a leaf has no kind or date"));
  splits = export_xlsx_splits_text (text);
  funds = leaf_funds (leaf, &touches, &method);
  if (!expect_date (&r, 1, leaf->date, error) ||
      !expect_text (&r, 2, export_xlsx_kind_chinese (leaf->kind), error) ||
      !expect_free_text (e, &r, 3, leaf->operator_name, error) ||
      !expect_free_text (e, &r, 4, leaf->ref, error) ||
      !expect_free_text (e, &r, 5, leaf->memo, error) ||
      !expect_text (&r, 6, splits, error))
    return FALSE;
  if (touches && !expect_number (&r, EXPORT_JOURNAL_COL_FUNDS, funds, 100, error))
    return FALSE;
  if (!touches && found_value (&r, EXPORT_JOURNAL_COL_FUNDS) != NULL)
    return mismatch (&r, EXPORT_JOURNAL_COL_FUNDS, NULL, found_value (&r, EXPORT_JOURNAL_COL_FUNDS), error);
  e->entries++;
  keep_entry (e, leaf, funds, touches, method);
  return TRUE;
}

gboolean
export_expect_journal_header (const char            *sheet,
                              const ExportXlsxCell  *cells,
                              guint                  n_cells,
                              GError               **error)
{
  Row r = { sheet, 1, cells, n_cells };
  guint n = 0;
  const char *const *headers = export_xlsx_layout_texts ("journal", &n);

  return expect_headers (&r, headers, n, error);
}

void
export_expect_journal_sheet_done (ExportExpect *e,
                                  const char   *sheet,
                                  guint32       last_row)
{
  guint32 last = MAX (last_row, 2);

  g_ptr_array_add (e->journal_names, g_strdup (sheet));
  g_array_append_val (e->journal_last_rows, last);
}

/* ------------------------------------------------------------------ */
/* 住户 Households */

/* hex (SHA-256 (SALT ‖ "\n" ‖ "owner" ‖ "\n" ‖ NAME)) (docs/leaf-format.md) */
static char *
owner_commitment (const char *salt,
                  const char *name)
{
  g_autofree char *text = g_strdup_printf ("%s\nowner\n%s", salt, name);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static const char *
status_chinese (const char *status)
{
  static const char *const names[][2] = { { "occupied", "自住" }, { "rented", "出租" }, { "vacant", "空置" } };

  for (gsize i = 0; status != NULL && i < G_N_ELEMENTS (names); i++)
    if (strcmp (status, names[i][0]) == 0)
      return names[i][1];
  return "";
}

static gboolean
household_row_cb (guint32               row,
                  const ExportXlsxCell *cells,
                  guint                 n_cells,
                  gpointer              user_data,
                  GError              **error)
{
  ExportExpect *e = user_data;
  Row r = { "住户", row, cells, n_cells };
  const char *unit = found_value (&r, 0), *owner = found_value (&r, 1), *salt = found_value (&r, 8);
  Household *h;

  if (row == 1)
    return expect_sheet_headers (&r, error) && expect_no_more (&r, 9, error);
  if (!expect_no_more (&r, 9, error))
    return FALSE;
  h = unit != NULL ? g_hash_table_lookup (e->households, unit) : NULL;
  if (h == NULL || h->seen)
    {
      g_autofree char *cell = cell_name (0, row);
      g_autofree char *problem = g_strdup_printf (_("cell %s: no entry of the journal registers the unit %s, or it is shown twice"),
                                                  cell, unit != NULL ? unit : "");

      return sheet_error (r.sheet, error, problem);
    }
  h->seen = TRUE;
  g_hash_table_replace (e->owners, g_strdup (unit), g_strdup (owner != NULL ? owner : ""));
  if (h->owner_commitment != NULL)
    {
      const char *name = owner != NULL ? owner : "";
      g_autofree char *commitment = owner_commitment (salt != NULL ? salt : "", name);
      /* The name as typed when the writer put an apostrophe before it
       * (export_xlsx_neutralise()); a name that itself starts with one
       * gives the commitment as shown. */
      g_autofree char *typed = name[0] == '\'' && name[1] != '\0' && strchr ("=+-@\t\r", name[1]) != NULL
                               ? owner_commitment (salt != NULL ? salt : "", name + 1) : NULL;

      if (salt == NULL || (strcmp (commitment, h->owner_commitment) != 0 &&
                           g_strcmp0 (typed, h->owner_commitment) != 0))
        {
          g_autofree char *cell = cell_name (1, row);
          g_autofree char *problem = g_strdup_printf (_("cell %s: the owner's name and the salt do not give the journal's commitment"),
                                                      cell);

          return sheet_error (r.sheet, error, problem);
        }
    }
  /* The phone (D) is masked: what the journal commits to cannot be
   * recomputed from it, so it is left unchecked. */
  return expect_free_text (e, &r, 2, h->owner_key, error) &&
         (!h->area_known || expect_number (&r, 4, h->area, 100, error)) &&
         expect_number (&r, 5, h->spaces, 1, error) &&
         expect_text (&r, 6, status_chinese (h->status), error) &&
         (!h->move_in_known || expect_date (&r, 7, h->move_in, error));
}

static gboolean
check_households (ExportExpect      *e,
                  ExportXlsxReader  *reader,
                  GError           **error)
{
  GHashTableIter iter;
  gpointer unit, h;

  if (!export_xlsx_reader_foreach_row (reader, "住户", household_row_cb, e, error))
    return FALSE;
  g_hash_table_iter_init (&iter, e->households);
  while (g_hash_table_iter_next (&iter, &unit, &h))
    if (!((Household *) h)->seen)
      {
        g_autofree char *problem = g_strdup_printf (_("the journal registers the unit %s, which has no row"),
                                                    (const char *) unit);

        return sheet_error ("住户", error, problem);
      }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 收入 Income */

/* The entry's first fact called @name with @n_fields fields, or NULL. */
static char **
entry_fact (const Entry *entry,
            const char  *name,
            guint        n_fields)
{
  for (guint i = 0; i < entry->facts->len; i++)
    {
      char **fact = g_ptr_array_index (entry->facts, i);

      if (strcmp (fact[0], name) == 0 && g_strv_length (fact) == n_fields + 1)
        return fact;
    }
  return NULL;
}


typedef struct
{
  ExportExpect *e;
  gint64        total;
} IncomeRead;

/* The row's fee parts must add up to its amount: which fee each part
 * went to is in the allocation facts, and is checked where the entry
 * has them. */
/* A fee's name as the Income sheet's header shows it. */
static char *
fee_header (ExportExpect *e,
            const char   *code)
{
  const char *name = g_hash_table_lookup (e->fees, code);
  g_autofree char *scrubbed = ledger_privacy_scrubber_run (e->scrubber, name != NULL ? name : code);

  return export_xlsx_neutralise (scrubbed);
}

/* What the receipt's allocations put in fee column @header (times
 * @sign: −1 on a void's row); the rest of the receipt went to credit. */
static gint64
receipt_part (ExportExpect  *e,
              const Receipt *receipt,
              const char    *header,
              int            sign)
{
  gint64 part = 0, allocated = 0;

  for (guint i = 0; i < receipt->parts->len; i++)
    {
      const Part *p = &g_array_index (receipt->parts, Part, i);
      g_autofree char *shown = fee_header (e, p->fee);

      allocated += p->amount;
      if (strcmp (shown, header) == 0)
        part += p->amount;
    }
  if (strcmp (header, "预收款") == 0)
    part = receipt->amount - allocated;
  return sign * part;
}

/* "物业费 2026 ¥360.00；预收款 ¥20.00", as the writer's receipt_settled(). */
static char *
receipt_note (ExportExpect  *e,
              const Receipt *receipt)
{
  GString *text = g_string_new (NULL);
  gint64 allocated = 0;

  for (guint i = 0; i < receipt->parts->len; i++)
    {
      const Part *p = &g_array_index (receipt->parts, Part, i);
      const char *name = g_hash_table_lookup (e->fees, p->fee);
      g_autofree char *scrubbed = ledger_privacy_scrubber_run (e->scrubber, name != NULL ? name : p->fee);
      g_autofree char *money = ledger_money_format (p->amount);

      allocated += p->amount;
      g_string_append_printf (text, "%s%s %d %s", text->len > 0 ? "；" : "", scrubbed, p->year, money);
    }
  if (receipt->amount != allocated)
    {
      g_autofree char *money = ledger_money_format (receipt->amount - allocated);

      g_string_append_printf (text, "%s预收款 %s", text->len > 0 ? "；" : "", money);
    }
  return g_string_free (text, FALSE);
}

/* Each fee column of an Income row: from the receipt's allocation facts
 * where it has them (a fee column left empty for nothing), or else they
 * must at least add up to the row's amount. */
static gboolean
check_fee_parts (ExportExpect  *e,
                 const Row     *r,
                 const Receipt *receipt,
                 int            sign,
                 gint64         amount,
                 GError       **error)
{
  gint64 parts = 0;

  for (guint i = 0; i < e->income_fee_headers->len; i++)
    {
      gint64 part = found_fen (r, 9 + i);

      parts += part;
      g_array_index (e->income_fee_sums, gint64, i) += part;
    }
  for (guint i = 0; receipt != NULL && receipt->parts != NULL && i < e->income_fee_headers->len; i++)
    {
      gint64 expected = receipt_part (e, receipt, g_ptr_array_index (e->income_fee_headers, i), sign);

      if (expected != 0 ? !expect_number (r, 9 + i, expected, 100, error)
                        : !expect_text (r, 9 + i, NULL, error))
        return FALSE;
    }
  if (parts == amount)
    return TRUE;
  {
    g_autofree char *cell = cell_name (9, r->row);
    g_autofree char *expected = ledger_money_format_plain (amount);
    g_autofree char *found = ledger_money_format_plain (parts);
    g_autofree char *problem = g_strdup_printf (_("row %u: the fee columns add up to %s, the amount is %s"),
                                                r->row, found, expected);

    return sheet_error (r->sheet, error, problem);
  }
}

/* Whether @header is the column of an income category (利息 …). */
static gboolean
other_income_header (const char *header)
{
  for (int i = 0; i < LEDGER_INCOME_CATEGORY_COUNT; i++)
    if (strcmp (header, ledger_income_category_chinese ((LedgerIncomeCategory) i)) == 0)
      return TRUE;
  return FALSE;
}

/* A row of other income or of a refund: from its one fact
 * (income|VOUCHER|CATEGORY|ACCOUNT|FUND|AMOUNT|PAYER|MEMO,
 * refund|VOUCHER|UNIT|ACCOUNT|AMOUNT|REASON); the amount in the
 * category's column, or minus it in 预收款. */
static gboolean
money_entry_row (ExportExpect  *e,
                 const Row     *r,
                 const Entry   *entry,
                 gint64        *total,
                 GError       **error)
{
  gboolean refund = strcmp (entry->kind, "refund") == 0;
  char **fact = refund ? entry_fact (entry, "refund", 5) : entry_fact (entry, "income", 7);
  g_autofree char *column_code = NULL, *account = NULL, *note = NULL;
  const char *header;
  gint64 amount;

  if (fact == NULL)
    return sheet_error (r->sheet, error, _("an entry of other income or a refund has no fact"));
  amount = refund ? -int_field (fact[4]) : int_field (fact[5]);
  account = ledger_account_chinese (fact[3], NULL);
  column_code = g_strconcat ("other-income:", fact[2], NULL);
  header = refund ? "预收款" : export_xlsx_other_income_chinese (column_code);
  note = refund ? g_strconcat ("退款：", fact[5], NULL) : export_xlsx_other_income_note (fact[2], fact[7]);
  ledger_total_add_saturating (total, found_fen (r, 5));
  if (!expect_text (r, 0, fact[1], error) ||
      !expect_date (r, 1, entry->date, error) ||
      !expect_text (r, 2, refund ? fact[2] : NULL, error) ||
      !expect_free_text (e, r, 3, refund ? "" : fact[6], error) ||
      !expect_text (r, 4, account, error) ||
      !expect_number (r, 5, amount, 100, error) ||
      !expect_text (r, 6, NULL, error) ||
      !expect_free_text (e, r, 7, note, error) ||
      amount != entry->funds)
    {
      if (error != NULL && *error == NULL)
        return mismatch (r, 5, NULL, found_value (r, 5), error);
      return FALSE;
    }
  for (guint i = 0; i < e->income_fee_headers->len; i++)
    {
      gboolean here = header != NULL && strcmp (header, g_ptr_array_index (e->income_fee_headers, i)) == 0;

      g_array_index (e->income_fee_sums, gint64, i) += found_fen (r, 9 + i);
      if (here ? !expect_number (r, 9 + i, amount, 100, error) : !expect_text (r, 9 + i, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The Income sheet's headers: the fixed columns, then one column per fee
 * (a fee of the journal, by its name) and 预收款. */
static gboolean
income_headers (ExportExpect  *e,
                const Row     *r,
                GError       **error)
{
  if (!expect_sheet_headers (r, error))
    return FALSE;
  for (guint i = 9; i < r->n_cells; i++)
    {
      const char *header = found_value (r, i);
      gboolean known = header != NULL && (strcmp (header, "预收款") == 0 || other_income_header (header));
      GHashTableIter iter;
      gpointer code;
      gint64 zero = 0;

      g_hash_table_iter_init (&iter, e->fees);
      while (!known && header != NULL && g_hash_table_iter_next (&iter, &code, NULL))
        {
          g_autofree char *shown = fee_header (e, code);

          known = strcmp (shown, header) == 0;
        }
      if (header == NULL)
        break;
      if (!known)
        return mismatch (r, i, NULL, header, error);
      g_ptr_array_add (e->income_fee_headers, g_strdup (header));
      g_array_append_val (e->income_fee_sums, zero);
    }
  return TRUE;
}

static gboolean
income_row_cb (guint32               row,
               const ExportXlsxCell *cells,
               guint                 n_cells,
               gpointer              user_data,
               GError              **error)
{
  IncomeRead *read = user_data;
  ExportExpect *e = read->e;
  Row r = { "收入", row, cells, n_cells };
  double number = 0;
  gint64 index;
  Entry *entry;
  const Receipt *receipt;
  char **fact;
  gboolean is_void;
  const char *number_text, *unit, *method, *owner;
  g_autofree char *note = NULL;

  if (row == 1)
    return income_headers (e, &r, error);
  e->income_last = row;
  if (!expect_no_more (&r, 9 + e->income_fee_headers->len, error))
    return FALSE;
  index = parse_number (found_value (&r, 8), &number) ? (gint64) number : 0;
  entry = g_hash_table_lookup (e->entries_in_period, &index);
  if (entry == NULL || entry->seen || !on_income_sheet (entry->kind))
    {
      g_autofree char *cell = cell_name (8, row);
      g_autofree char *problem = g_strdup_printf (_("cell %s: no payment or void of the period is entry %" PRId64 ", or it is shown twice"),
                                                  cell, index);

      return sheet_error (r.sheet, error, problem);
    }
  entry->seen = TRUE;
  if (strcmp (entry->kind, "income") == 0 || strcmp (entry->kind, "refund") == 0)
    return money_entry_row (e, &r, entry, &read->total, error);
  is_void = strcmp (entry->kind, "void") == 0;
  fact = is_void ? entry_fact (entry, "void", 2) : entry_fact (entry, "receipt", 4);
  number_text = fact != NULL ? fact[1] : entry->ref;
  receipt = g_hash_table_lookup (e->receipts, number_text);
  unit = !is_void && fact != NULL ? fact[2] : receipt != NULL ? receipt->unit : entry->unit;
  method = receipt != NULL ? receipt->method : entry->method;
  owner = g_hash_table_lookup (e->owners, unit);
  if (is_void)
    note = g_strdup_printf ("冲销 %s：%s", number_text, fact != NULL ? fact[2] : entry->memo);
  else if (receipt != NULL && receipt->parts != NULL)
    note = receipt_note (e, receipt);
  ledger_total_add_saturating (&read->total, found_fen (&r, 5));
  return expect_text (&r, 0, number_text, error) &&
         expect_date (&r, 1, entry->date, error) &&
         expect_text (&r, 2, unit, error) &&
         /* The payer is the unit's owner, as the Households sheet shows
          * (checked there against the journal's commitment). */
         (owner == NULL || expect_text (&r, 3, owner, error)) &&
         expect_text (&r, 4, method_chinese (method), error) &&
         expect_number (&r, 5, entry->funds, 100, error) &&
         expect_text (&r, 6, is_void ? "冲销" : receipt != NULL && receipt->voided ? "已作废" : "", error) &&
         (note == NULL || expect_free_text (e, &r, 7, note, error)) &&
         check_fee_parts (e, &r, receipt, is_void ? -1 : 1, entry->funds, error);
}

/* Every payment and void of the period must have shown. */
static gboolean
check_all_seen (ExportExpect *e,
                const char   *sheet,
                gboolean      expenditures,
                GError      **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, e->entries_in_period);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;

      if (!entry->seen && (!on_income_sheet (entry->kind)) == expenditures)
        {
          g_autofree char *problem = g_strdup_printf (_("journal entry %" PRId64 " (%s, %s) has no row"),
                                                      entry->index, entry->kind, entry->date);

          return sheet_error (sheet, error, problem);
        }
    }
  return TRUE;
}

static gboolean
check_income (ExportExpect      *e,
              ExportXlsxReader  *reader,
              GError           **error)
{
  IncomeRead read = { e, 0 };

  if (!export_xlsx_reader_foreach_row (reader, "收入", income_row_cb, &read, error) ||
      !check_all_seen (e, "收入", FALSE, error))
    return FALSE;
  e->income_found = read.total;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 支出 Expenditures */

/* "3f2a…  发票.jpg", one a line, from the entry's attachment facts. */
static char *
attachments_text (ExportExpect *e,
                  const Entry  *entry)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entry->facts->len; i++)
    {
      char **fact = g_ptr_array_index (entry->facts, i);
      g_autofree char *name = NULL;

      if (strcmp (fact[0], "attachment") != 0 || g_strv_length (fact) != 7 ||
          strcmp (fact[1], "expenditure") != 0)
        continue;
      name = ledger_privacy_scrubber_run (e->scrubber, fact[3]);
      g_string_append_printf (text, "%s%s  %s", text->len > 0 ? "\n" : "", fact[5], name);
    }
  return g_string_free (text, FALSE);
}

/* A transfer's bank charge, from its fact
 * transfer|VOUCHER|FROM|TO|AMOUNT|FEE|MEMO. */
static gboolean
bank_charge_row (ExportExpect  *e,
                 const Row     *r,
                 const Entry   *entry,
                 GError       **error)
{
  char **fact = entry_fact (entry, "transfer", 6);
  const char *name = export_xlsx_category_chinese ("bank-charges");
  g_autofree char *memo = NULL, *from = NULL;

  add_to (e->category_found, name, found_fen (r, 7));
  ledger_total_add_saturating (&e->expenditure_found, found_fen (r, 7));
  if (fact == NULL)
    return sheet_error (r->sheet, error, _("a transfer with a bank charge has no transfer fact"));
  memo = export_xlsx_transfer_note (fact[2], fact[3], fact[6]);
  from = ledger_account_chinese (fact[2], NULL);
  return expect_text (r, 0, NULL, error) &&
         expect_date (r, 1, entry->date, error) &&
         expect_text (r, 2, NULL, error) &&
         expect_text (r, 3, name, error) &&
         expect_free_text (e, r, 4, memo, error) &&
         expect_text (r, 5, fact[1], error) &&
         expect_text (r, 6, NULL, error) &&
         expect_number (r, 7, entry->expense, 100, error) &&
         expect_text (r, 8, from, error) &&
         expect_text (r, 9, "日常经费", error) &&
         expect_text (r, 10, NULL, error) &&
         expect_text (r, 11, NULL, error);
}

static gboolean
expenditure_row_cb (guint32               row,
                    const ExportXlsxCell *cells,
                    guint                 n_cells,
                    gpointer              user_data,
                    GError              **error)
{
  ExportExpect *e = user_data;
  Row r = { "支出", row, cells, n_cells };
  double number = 0;
  gint64 index;
  Entry *entry;
  char **fact;
  g_autofree char *attachments = NULL;
  const char *category_name;

  if (row == 1)
    return expect_sheet_headers (&r, error) && expect_no_more (&r, 13, error);
  e->expenditures_last = row;
  if (!expect_no_more (&r, 13, error))
    return FALSE;
  index = parse_number (found_value (&r, 12), &number) ? (gint64) number : 0;
  entry = g_hash_table_lookup (e->entries_in_period, &index);
  if (entry == NULL || entry->seen || on_income_sheet (entry->kind))
    {
      g_autofree char *cell = cell_name (12, row);
      g_autofree char *problem = g_strdup_printf (_("cell %s: no expenditure of the period is entry %" PRId64 ", or it is shown twice"),
                                                  cell, index);

      return sheet_error (r.sheet, error, problem);
    }
  entry->seen = TRUE;
  if (strcmp (entry->kind, "transfer") == 0)
    return bank_charge_row (e, &r, entry, error);
  fact = entry_fact (entry, "expenditure", 9);
  category_name = export_xlsx_category_chinese (entry->category != NULL ? entry->category : "");
  add_to (e->category_found, category_name, found_fen (&r, 7));
  ledger_total_add_saturating (&e->expenditure_found, found_fen (&r, 7));
  if (!expect_number (&r, 0, entry->ordinal, 1, error) ||
      !expect_date (&r, 1, entry->date, error) ||
      !expect_text (&r, 3, category_name, error) ||
      !expect_free_text (e, &r, 5, fact != NULL ? fact[6] : entry->ref, error) ||
      !expect_number (&r, 7, entry->expense, 100, error) ||
      !expect_text (&r, 8, method_chinese (entry->method), error))
    return FALSE;
  if (fact == NULL)
    return TRUE;   /* payee, memo, approvers, fund, vote and attachments are only in the facts */
  attachments = attachments_text (e, entry);
  return expect_free_text (e, &r, 2, fact[2], error) &&
         expect_free_text (e, &r, 4, fact[5], error) &&
         expect_free_text (e, &r, 6, fact[7], error) &&
         expect_text (&r, 9, strcmp (fact[8], "maintenance") == 0 ? "维修资金" : "日常经费", error) &&
         (int_field (fact[9]) > 0 ? expect_number (&r, 10, int_field (fact[9]), 1, error)
                                  : expect_text (&r, 10, NULL, error)) &&
         expect_text (&r, 11, attachments, error);
}

static gboolean
check_expenditures (ExportExpect      *e,
                    ExportXlsxReader  *reader,
                    GError           **error)
{
  return export_xlsx_reader_foreach_row (reader, "支出", expenditure_row_cb, e, error) &&
         check_all_seen (e, "支出", TRUE, error);
}

/* ------------------------------------------------------------------ */
/* 欠费 Arrears */

static gboolean
arrears_row_cb (guint32               row,
                const ExportXlsxCell *cells,
                guint                 n_cells,
                gpointer              user_data,
                GError              **error)
{
  ExportExpect *e = user_data;
  Row r = { "欠费", row, cells, n_cells };
  const char *unit = found_value (&r, 0), *fee_name = found_value (&r, 3), *owner;
  double number = 0;
  int year;
  const Charge *charge = NULL;
  gint64 billed = found_fen (&r, 4), waived = found_fen (&r, 5), paid = found_fen (&r, 6), owed = found_fen (&r, 7);

  if (row == 1)
    return expect_sheet_headers (&r, error) && expect_no_more (&r, 8, error);
  e->arrears_last = row;
  if (!expect_no_more (&r, 8, error))
    return FALSE;
  year = parse_number (found_value (&r, 2), &number) ? (int) number : 0;
  /* The fee by its name: the name of the fee's version that billed the
   * charge, any of the journal's versions. */
  for (guint i = 0; charge == NULL && i + 1 < e->fee_versions->len; i += 2)
    {
      const char *code = g_ptr_array_index (e->fee_versions, i), *name = g_ptr_array_index (e->fee_versions, i + 1);
      g_autofree char *scrubbed = ledger_privacy_scrubber_run (e->scrubber, name);
      g_autofree char *shown = export_xlsx_neutralise (scrubbed);
      g_autofree char *key = g_strdup_printf ("%s|%s|%d", unit != NULL ? unit : "", code, year);

      if (g_strcmp0 (shown, fee_name) == 0 || matches_scrubbed (shown, fee_name))
        charge = g_hash_table_lookup (e->charges, key);
    }
  if (charge == NULL)
    {
      g_autofree char *cell = cell_name (0, row);
      g_autofree char *problem = g_strdup_printf (_("cell %s: the journal has no charge of %s for %s %d"),
                                                  cell, unit != NULL ? unit : "", fee_name != NULL ? fee_name : "", year);

      return sheet_error (r.sheet, error, problem);
    }
  owner = g_hash_table_lookup (e->owners, unit);
  add_to (e->owed, unit, owed);
  {
    gint64 *sum = g_hash_table_lookup (e->owed_years, GINT_TO_POINTER (year));

    if (sum == NULL)
      g_hash_table_insert (e->owed_years, GINT_TO_POINTER (year), sum = g_new0 (gint64, 1));
    ledger_total_add_saturating (sum, owed);
  }
  g_hash_table_add (e->owing_units, g_strdup_printf ("%d|%s", year, unit));
  ledger_total_add_saturating (&e->arrears_total, owed);
  /* Billed and waived are the journal's; what was paid is, charge by
   * charge, in the allocation facts (v2); the row must add up. */
  ((Charge *) charge)->shown = TRUE;
  return (owner == NULL || expect_text (&r, 1, owner, error)) &&
         expect_number (&r, 4, charge->billed, 100, error) &&
         expect_number (&r, 5, charge->waived, 100, error) &&
         (!e->allocations_known || expect_number (&r, 6, charge->paid, 100, error)) &&
         (billed - waived - paid == owed || expect_number (&r, 7, billed - waived - paid, 100, error)) &&
         (owed > 0 || sheet_error (r.sheet, error, _("a row owes nothing")));
}

/* Each unit's open charges add up to what it owes the book (its
 * receivable balance in the journal), when none of its charges is of a
 * year after the period's. */
static gboolean
check_owed_by_unit (ExportExpect  *e,
                    GError       **error)
{
  GHashTableIter iter;
  gpointer unit, balance;

  g_hash_table_iter_init (&iter, e->receivable);
  while (g_hash_table_iter_next (&iter, &unit, &balance))
    {
      gint64 shown = sum_of (e->owed, unit);

      if (GPOINTER_TO_INT (g_hash_table_lookup (e->last_charge_year, unit)) > e->up_to_year)
        continue;
      if (shown != *(gint64 *) balance)
        {
          g_autofree char *expected = ledger_money_format_plain (*(gint64 *) balance);
          g_autofree char *found = ledger_money_format_plain (shown);
          g_autofree char *problem = g_strdup_printf (_("the unit %s owes %s by the journal, its rows %s"),
                                                      (const char *) unit, expected, found);

          return sheet_error ("欠费", error, problem);
        }
    }
  return TRUE;
}

/* With allocation facts, every charge of the period's years still owed
 * has its row. */
static gboolean
check_open_charges_shown (ExportExpect  *e,
                          GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!e->allocations_known)
    return TRUE;
  g_hash_table_iter_init (&iter, e->charges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Charge *c = value;
      const char *year = strrchr (key, '|') + 1;

      if (!c->shown && c->billed - c->waived - c->paid > 0 && g_ascii_strtoll (year, NULL, 10) <= e->up_to_year)
        {
          g_autofree char *owed = ledger_money_format_plain (c->billed - c->waived - c->paid);
          g_autofree char *problem = g_strdup_printf (_("the journal's charge %s owes %s and has no row"),
                                                      (const char *) key, owed);

          return sheet_error ("欠费", error, problem);
        }
    }
  return TRUE;
}

static gboolean
check_arrears (ExportExpect      *e,
               ExportXlsxReader  *reader,
               GError           **error)
{
  return export_xlsx_reader_foreach_row (reader, "欠费", arrears_row_cb, e, error) &&
         check_owed_by_unit (e, error) &&
         check_open_charges_shown (e, error);
}

/* ------------------------------------------------------------------ */
/* 表决 Votes */

static const char *
vote_result (const Vote *v)
{
  if (!v->closed)
    return "尚未结束";
  return v->passed ? "通过" : v->participation_met ? "未通过" : "未通过（参与不足）";
}

static gboolean
vote_row_cb (guint32               row,
             const ExportXlsxCell *cells,
             guint                 n_cells,
             gpointer              user_data,
             GError              **error)
{
  ExportExpect *e = user_data;
  Row r = { "表决", row, cells, n_cells };
  double number = 0;
  Vote *v;
  g_autofree char *matter = NULL;
  const int ratio_of[4][2] = { { 1, 0 }, { 5, 4 }, { 2, 1 }, { 6, 5 } };

  if (row == 1)
    return expect_sheet_headers (&r, error) && expect_no_more (&r, 23, error);
  if (!expect_no_more (&r, 23, error))
    return FALSE;
  v = parse_number (found_value (&r, 0), &number) && number >= 1 && number <= e->votes->len
      ? g_ptr_array_index (e->votes, (guint) number - 1) : NULL;
  if (v == NULL || v->seen)
    {
      g_autofree char *cell = cell_name (0, row);
      g_autofree char *problem = g_strdup_printf (_("cell %s: the journal opens no such vote, or it is shown twice"), cell);

      return sheet_error (r.sheet, error, problem);
    }
  v->seen = TRUE;
  matter = g_strdup_printf ("%d %s", v->matter, ledger_matter_name (v->matter));
  if (!expect_free_text (e, &r, 1, v->title, error) ||
      !expect_text (&r, 2, matter, error) ||
      (v->described && (!expect_free_text (e, &r, 3, v->description, error) ||
                        !expect_date (&r, 4, v->opens, error) ||
                        !expect_date (&r, 5, v->closes, error))) ||
      !expect_text (&r, 6, v->closed ? "已结束" : "进行中", error) ||
      !expect_date (&r, 7, v->closed ? v->closed_on : NULL, error) ||
      !expect_text (&r, 20, "2/3", error) ||
      !expect_text (&r, 21, ledger_matter_is_major (v->matter) ? "3/4" : ">1/2", error))
    return FALSE;
  /* An open vote's tally is live: the ballots so far, over the register
   * as the journal leaves it (the areas only v1 register entries lack
   * are the households' own, so this needs every area known). */
  if (!v->closed)
    count_live (e, v);
  for (guint i = 0; i < 4; i++)
    if ((v->counted[i] && !expect_number (&r, 8 + i, v->counts[i], 1, error)) ||
        (v->counted[4 + i] && !expect_number (&r, 12 + i, v->counts[4 + i], 100, error)))
      return FALSE;
  for (guint i = 0; i < 4; i++)
    if (v->counted[ratio_of[i][0]] && v->counted[ratio_of[i][1]] &&
        !expect_number (&r, 16 + i, ledger_ratio_bp (v->counts[ratio_of[i][0]], v->counts[ratio_of[i][1]]),
                        10000, error))
      return FALSE;
  return (v->closed && !v->decided) || expect_text (&r, 22, vote_result (v), error);
}

static gboolean
check_votes (ExportExpect      *e,
             ExportXlsxReader  *reader,
             GError           **error)
{
  if (!export_xlsx_reader_foreach_row (reader, "表决", vote_row_cb, e, error))
    return FALSE;
  for (guint i = 0; i < e->votes->len; i++)
    if (!((Vote *) g_ptr_array_index (e->votes, i))->seen)
      {
        g_autofree char *problem = g_strdup_printf (_("vote %u has no row"), i + 1);

        return sheet_error ("表决", error, problem);
      }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 汇总 Summary */

typedef struct
{
  ExportExpect *e;
  const LedgerTreeHead *head;
  gboolean     collection;     /* past the collection header */
  guint32      rows[5];        /* opening, income total, expenditure total, closing, check */
  GHashTable  *years_seen;
  GHashTable  *categories_seen;
  guint        fixed_seen;     /* how many of the fixed lines (期间 … 收缴年度) */
} SummaryRead;

/* "'收入'!F2:F104" as the writer's data_range() gives it. */
static char *
range_of (const char *sheet,
          guint       col,
          guint32     last,
          gboolean    absolute)
{
  g_autofree char *first_cell = cell_name (col, 2), *last_cell = cell_name (col, MAX (last, 2));
  g_autofree char *letters = g_strndup (first_cell, strcspn (first_cell, "0123456789"));

  /* libxlsxwriter writes a range of one cell as that cell: "H2". */
  if (last <= 2)
    return absolute ? g_strdup_printf ("'%s'!$%s$2", sheet, letters) : g_strdup_printf ("'%s'!%s", sheet, first_cell);
  if (!absolute)
    return g_strdup_printf ("'%s'!%s:%s", sheet, first_cell, last_cell);
  return g_strdup_printf ("'%s'!$%s$2:$%s$%u", sheet, letters, letters, last);
}

static char *
funds_formula (ExportExpect *e,
               const char   *op,
               const char   *iso)
{
  return export_xlsx_funds_formula ((const char *const *) e->journal_names->pdata,
                                    (const guint32 *) e->journal_last_rows->data,
                                    e->journal_names->len, op, iso);
}

static gboolean
summary_funds_row (SummaryRead  *s,
                   const Row    *r,
                   const char   *code,
                   GError      **error)
{
  ExportExpect *e = s->e;
  const ExportSummaryLine *line = export_xlsx_summary_line (code);
  g_autofree char *formula = NULL;
  gint64 value;

  if (line == NULL)
    return mismatch (r, 2, NULL, code, error);
  if (!expect_text (r, 3, line->how, error) ||
      (!g_str_has_suffix (line->code, ":") && !expect_text (r, 0, line->label, error)))
    return FALSE;
  if (strcmp (code, "opening") == 0 || strcmp (code, "closing") == 0)
    {
      gboolean opening = code[0] == 'o';

      s->rows[opening ? 0 : 3] = r->row;
      formula = opening ? export_xlsx_opening_formula ((const char *const *) e->journal_names->pdata,
                                                       (const guint32 *) e->journal_last_rows->data,
                                                       e->journal_names->len, e->first, e->last)
                        : funds_formula (e, "<=", e->last);
      return expect_computed (r, 1, opening ? e->opening : e->closing, 100, formula, error);
    }
  if (strcmp (code, "income_total") == 0)
    {
      g_autofree char *range = range_of ("收入", 5, e->income_last, FALSE);

      s->rows[1] = r->row;
      formula = g_strdup_printf ("SUM(%s)", range);
      return expect_computed (r, 1, e->income_total, 100, formula, error) &&
             (found_value (r, 1) == NULL || expect_number (r, 1, e->income_found, 100, error));
    }
  if (strcmp (code, "expense_total") == 0)
    {
      g_autofree char *range = range_of ("支出", 7, e->expenditures_last, FALSE);

      s->rows[2] = r->row;
      formula = g_strdup_printf ("SUM(%s)", range);
      return expect_computed (r, 1, e->expenditure_total, 100, formula, error);
    }
  if (g_str_has_prefix (code, "income:"))
    {
      /* The fee's name (prepaid credit is 预收款), as the label and as the
       * Income sheet's header of its column. */
      const char *fee = code + strlen ("income:");
      const char *other = export_xlsx_other_income_chinese (fee);
      const char *name = strcmp (fee, "prepaid") == 0 ? "预收款" : other != NULL ? other : g_hash_table_lookup (e->fees, fee);
      g_autofree char *scrubbed = ledger_privacy_scrubber_run (e->scrubber, name != NULL ? name : fee);
      g_autofree char *header = export_xlsx_neutralise (scrubbed);
      g_autofree char *label = g_strconcat (line->label, scrubbed, NULL);
      g_autofree char *range = NULL;

      if (!expect_text (r, 0, label, error))
        return FALSE;
      for (guint i = 0; i < e->income_fee_headers->len; i++)
        if (strcmp (header, g_ptr_array_index (e->income_fee_headers, i)) == 0)
          {
            range = range_of ("收入", 9 + i, e->income_last, FALSE);
            value = g_array_index (e->income_fee_sums, gint64, i);
            formula = g_strdup_printf ("SUM(%s)", range);
            return expect_computed (r, 1, value, 100, formula, error);
          }
      return mismatch (r, 0, NULL, label, error);
    }
  if (g_str_has_prefix (code, "expense:"))
    {
      const char *name = export_xlsx_category_chinese (code + 8);
      g_autofree char *categories = range_of ("支出", 3, e->expenditures_last, TRUE);
      g_autofree char *amounts = range_of ("支出", 7, e->expenditures_last, TRUE);
      g_autofree char *label = g_strconcat (line->label, name, NULL);

      formula = g_strdup_printf ("SUMIF(%s,\"%s\",%s)", categories, name, amounts);
      g_hash_table_add (s->categories_seen, g_strdup (code + 8));
      return expect_text (r, 0, label, error) &&
             expect_computed (r, 1, sum_of (e->categories, code + 8), 100, formula, error);
    }
  if (strcmp (code, "check") == 0)
    {
      s->rows[4] = r->row;
      formula = g_strdup_printf ("B%u+B%u-B%u-B%u", s->rows[0], s->rows[1], s->rows[2], s->rows[3]);
      return expect_computed (r, 1, 0, 100, formula, error);
    }
  return mismatch (r, 2, NULL, code, error);
}

/* A collection row: the year's charges and waivers from the journal, the
 * rest from the Arrears sheet as checked. */
static gboolean
summary_collection_row (SummaryRead  *s,
                        const Row    *r,
                        GError      **error)
{
  ExportExpect *e = s->e;
  double number = 0;
  int year = parse_number (found_value (r, 0), &number) ? (int) number : 0;
  Year *y = g_hash_table_lookup (e->years, GINT_TO_POINTER (year));
  gint64 billed = y != NULL ? y->billed : 0, waived = y != NULL ? y->waived : 0;
  gint64 *owed = g_hash_table_lookup (e->owed_years, GINT_TO_POINTER (year));
  gint64 outstanding = owed != NULL ? *owed : 0, due = billed - waived, paid = due - outstanding;
  guint households = y != NULL ? g_hash_table_size (y->units) : 0, owing = 0;
  g_autofree char *years = range_of ("欠费", 2, e->arrears_last, TRUE), *owed_range = range_of ("欠费", 7, e->arrears_last, TRUE);
  g_autofree char *f_due = g_strdup_printf ("B%u-C%u", r->row, r->row), *f_paid = g_strdup_printf ("D%u-F%u", r->row, r->row);
  g_autofree char *f_open = g_strdup_printf ("SUMIF(%s,A%u,%s)", years, r->row, owed_range);
  g_autofree char *f_rate = g_strdup_printf ("IF(D%u=0,0,ROUNDDOWN(E%u/D%u,4))", r->row, r->row, r->row);
  GHashTableIter iter;
  gpointer unit;

  g_hash_table_add (s->years_seen, GINT_TO_POINTER (year));
  if (y != NULL)
    {
      g_hash_table_iter_init (&iter, y->units);
      while (g_hash_table_iter_next (&iter, &unit, NULL))
        {
          g_autofree char *key = g_strdup_printf ("%d|%s", year, (const char *) unit);

          owing += g_hash_table_contains (e->owing_units, key);
        }
    }
  return expect_number (r, 1, billed, 100, error) &&
         expect_number (r, 2, waived, 100, error) &&
         expect_computed (r, 3, due, 100, f_due, error) &&
         expect_computed (r, 4, paid, 100, f_paid, error) &&
         expect_computed (r, 5, outstanding, 100, f_open, error) &&
         expect_computed (r, 6, due > 0 ? paid * 10000 / due : 0, 10000, f_rate, error) &&
         expect_number (r, 7, households, 1, error) &&
         expect_number (r, 8, households - owing, 1, error);
}

static gboolean
summary_row_cb (guint32               row,
                const ExportXlsxCell *cells,
                guint                 n_cells,
                gpointer              user_data,
                GError              **error)
{
  SummaryRead *s = user_data;
  ExportExpect *e = s->e;
  Row r = { "汇总", row, cells, n_cells };
  const char *label = found_value (&r, 0), *code = found_value (&r, 2);

  if (!expect_no_more (&r, s->collection || g_strcmp0 (label, "收缴年度") == 0 ? 9 : 4, error))
    return FALSE;
  if (row == 1)
    {
      g_autofree char *name = ledger_privacy_scrubber_run (e->scrubber, e->name != NULL ? e->name : "");
      g_autofree char *title = g_strdup_printf ("公账汇总：%s", name);

      return expect_free_text (e, &r, 0, title, error);
    }
  if (s->collection)
    return (label == NULL && code == NULL) || summary_collection_row (s, &r, error);
  if (label == NULL && code == NULL && found_value (&r, 1) == NULL && found_value (&r, 3) == NULL)
    return TRUE;
  if (g_strcmp0 (label, "期间") == 0 || g_strcmp0 (label, "账本指纹") == 0 ||
      g_strcmp0 (label, "导出时间") == 0 || g_strcmp0 (label, "项目") == 0 ||
      g_strcmp0 (label, "收缴年度") == 0)
    {
      g_autofree char *fingerprint = ledger_tree_head_format (s->head);
      const char *const *headers;
      guint n = 0;

      s->fixed_seen++;
      if (strcmp (label, "期间") == 0)
        return expect_text (&r, 1, e->period_text, error) && expect_no_more (&r, 2, error);
      if (strcmp (label, "账本指纹") == 0)
        return expect_text (&r, 1, fingerprint, error) && expect_no_more (&r, 2, error);
      if (strcmp (label, "导出时间") == 0)
        return expect_text (&r, 1, e->export_time, error) && expect_no_more (&r, 2, error);
      headers = export_xlsx_layout_texts (strcmp (label, "项目") == 0 ? "summary" : "collection", &n);
      s->collection = strcmp (label, "收缴年度") == 0;
      return expect_headers (&r, headers, n, error);
    }
  return summary_funds_row (s, &r, code != NULL ? code : "", error);
}

static gboolean
check_summary (ExportExpect          *e,
               ExportXlsxReader      *reader,
               const LedgerTreeHead  *head,
               GError               **error)
{
  g_autoptr(GHashTable) years_seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) categories_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SummaryRead s = { e, head, FALSE, { 0 }, years_seen, categories_seen, 0 };
  GHashTableIter iter;
  gpointer year, y, code, sum;

  if (!export_xlsx_reader_foreach_row (reader, "汇总", summary_row_cb, &s, error))
    return FALSE;
  if (s.rows[0] == 0 || s.rows[1] == 0 || s.rows[2] == 0 || s.rows[3] == 0 || s.rows[4] == 0 || s.fixed_seen != 5)
    return sheet_error ("汇总", error, _("a heading or a line of the funds (opening, totals, closing, check) is missing"));
  /* Every category the period spent on has its line. */
  g_hash_table_iter_init (&iter, e->categories);
  while (g_hash_table_iter_next (&iter, &code, &sum))
    if (*(gint64 *) sum != 0 && !g_hash_table_contains (categories_seen, code))
      {
        g_autofree char *problem = g_strdup_printf (_("the journal's expenditures of %s have no line"),
                                                    ledger_expenditure_category_chinese (code));

        return sheet_error ("汇总", error, problem);
      }
  /* Every year the period covers that was billed has its row. */
  g_hash_table_iter_init (&iter, e->years);
  while (g_hash_table_iter_next (&iter, &year, &y))
    {
      int n = GPOINTER_TO_INT (year);
      gboolean covered = e->everything ? ((Year *) y)->billed != 0
                                       : n >= ledger_date_year (e->first) && n <= ledger_date_year (e->last);

      if (covered && !g_hash_table_contains (years_seen, year))
        {
          g_autofree char *problem = g_strdup_printf (_("the year %d has no collection row"), n);

          return sheet_error ("汇总", error, problem);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 校验 Verification: the figures */

typedef struct
{
  ExportExpect         *e;
  const LedgerTreeHead *head;
  GPtrArray            *labels;   /* column A of the rows after the header, in order */
  guint                 next;
} VerificationRead;

/* What column A of the Verification sheet says, row after row. */
static GPtrArray *
verification_labels (void)
{
  static const char *const lines[] = { EXPORT_FINGERPRINT_LABEL, "简短指纹", "条目数", "日记账工作表", "期间",
                                       "期初资金", "收入合计", "支出合计", "期末资金", "欠费合计", "导出时间",
                                       "如何重新计算指纹" };
  GPtrArray *labels = g_ptr_array_new ();
  guint n = 0;
  const char *const *recipe = export_xlsx_layout_texts ("recipe", &n);

  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    g_ptr_array_add (labels, (gpointer) lines[i]);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, (gpointer) recipe[i]);
  return labels;
}

/* Column B of the line labelled @label. */
static gboolean
verification_value (VerificationRead  *v,
                    const Row         *r,
                    const char        *label,
                    GError           **error)
{
  ExportExpect *e = v->e;
  g_autofree char *text = NULL;

  if (strcmp (label, EXPORT_FINGERPRINT_LABEL) == 0)
    text = ledger_tree_head_format (v->head);
  else if (strcmp (label, "简短指纹") == 0)
    text = ledger_tree_head_format_short (v->head);
  else if (strcmp (label, "条目数") == 0)
    text = g_strdup_printf ("%" G_GUINT64_FORMAT, v->head->size);
  else if (strcmp (label, "日记账工作表") == 0)
    text = g_strdup_printf ("%s（%u 张）", EXPORT_JOURNAL_SHEET, e->journal_names->len);
  else if (strcmp (label, "期初资金") == 0)
    return expect_number (r, 1, e->opening, 100, error);
  else if (strcmp (label, "收入合计") == 0)
    return expect_number (r, 1, e->income_total, 100, error);
  else if (strcmp (label, "支出合计") == 0)
    return expect_number (r, 1, e->expenditure_total, 100, error);
  else if (strcmp (label, "期末资金") == 0)
    return expect_number (r, 1, e->closing, 100, error);
  else if (strcmp (label, "欠费合计") == 0)
    return expect_number (r, 1, e->arrears_total, 100, error);
  /* The period and the export time are what this sheet says they are
   * (the journal has neither); the Summary must say the same. Below the
   * recipe's header, column B is empty. */
  else if (strcmp (label, "期间") == 0 || strcmp (label, "导出时间") == 0)
    return TRUE;
  else
    return expect_no_more (r, 1, error);
  return expect_text (r, 1, text, error);
}

static gboolean
verification_row_cb (guint32               row,
                     const ExportXlsxCell *cells,
                     guint                 n_cells,
                     gpointer              user_data,
                     GError              **error)
{
  VerificationRead *v = user_data;
  Row r = { EXPORT_VERIFICATION_SHEET, row, cells, n_cells };
  const char *label;
  guint n = 0;
  const char *const *headers = export_xlsx_layout_texts ("verification", &n);

  if (!expect_no_more (&r, 2, error))
    return FALSE;
  if (row == 1)
    return expect_headers (&r, headers, n, error);
  if (found_value (&r, 0) == NULL && found_value (&r, 1) == NULL)
    return TRUE;
  label = v->next < v->labels->len ? g_ptr_array_index (v->labels, v->next) : NULL;
  v->next++;
  return expect_text (&r, 0, label, error) && verification_value (v, &r, label, error);
}

static gboolean
check_verification (ExportExpect          *e,
                    ExportXlsxReader      *reader,
                    const LedgerTreeHead  *head,
                    GError               **error)
{
  g_autoptr(GPtrArray) labels = verification_labels ();
  VerificationRead v = { e, head, labels, 0 };
  g_autofree char *problem = NULL;

  if (!export_xlsx_reader_foreach_row (reader, EXPORT_VERIFICATION_SHEET, verification_row_cb, &v, error))
    return FALSE;
  if (v.next >= labels->len)
    return TRUE;
  problem = g_strdup_printf (_("the line “%s” is missing"), (const char *) g_ptr_array_index (labels, v.next));
  return sheet_error (EXPORT_VERIFICATION_SHEET, error, problem);
}

/* The workbook holds the sheets the program writes, and no other: a
 * sheet added beside them would show figures nothing checks. */
/* ------------------------------------------------------------------ */
/* 减免 Waivers */

typedef struct
{
  ExportExpect *e;
  guint         next;   /* the next waiver of the period, in journal order */
} WaiverRead;

/* Whether @shown is the name of one of the versions of fee @code. */
static gboolean
fee_name_of (ExportExpect *e,
             const char   *code,
             const char   *shown)
{
  for (guint i = 0; i + 1 < e->fee_versions->len; i += 2)
    if (strcmp (g_ptr_array_index (e->fee_versions, i), code) == 0)
      {
        g_autofree char *scrubbed = ledger_privacy_scrubber_run (e->scrubber, g_ptr_array_index (e->fee_versions, i + 1));
        g_autofree char *neutral = export_xlsx_neutralise (scrubbed);

        if (g_strcmp0 (neutral, shown) == 0 || matches_scrubbed (neutral, shown))
          return TRUE;
      }
  return FALSE;
}

static gint
waiver_compare (gconstpointer a,
                gconstpointer b)
{
  const Waiver *x = *(const Waiver *const *) a, *y = *(const Waiver *const *) b;
  int by_date = strcmp (x->date, y->date);

  return by_date != 0 ? by_date : (x->index > y->index) - (x->index < y->index);
}

static gboolean
waiver_row_cb (guint32               row,
               const ExportXlsxCell *cells,
               guint                 n_cells,
               gpointer              user_data,
               GError              **error)
{
  WaiverRead *read = user_data;
  ExportExpect *e = read->e;
  Row r = { EXPORT_WAIVERS_SHEET, row, cells, n_cells };
  const Waiver *w;

  if (row == 1)
    return expect_sheet_headers (&r, error) && expect_no_more (&r, 7, error);
  if (!expect_no_more (&r, 7, error))
    return FALSE;
  if (read->next >= e->waivers->len)
    return sheet_error (r.sheet, error, _("a row shows no waiver of the period"));
  w = g_ptr_array_index (e->waivers, read->next++);
  if (!expect_date (&r, 0, w->date, error) ||
      !expect_text (&r, 1, w->unit, error) ||
      !expect_number (&r, 3, w->year, 1, error) ||
      !expect_number (&r, 4, w->amount, 100, error) ||
      !expect_free_text (e, &r, 5, w->reason, error) ||
      !expect_number (&r, 6, w->index, 1, error))
    return FALSE;
  if (!fee_name_of (e, w->fee, found_value (&r, 2)))
    {
      const char *name = g_hash_table_lookup (e->fees, w->fee);

      return mismatch (&r, 2, name != NULL ? name : w->fee, found_value (&r, 2), error);
    }
  return TRUE;
}

static gboolean
check_waivers (ExportExpect      *e,
               ExportXlsxReader  *reader,
               GError           **error)
{
  WaiverRead read = { e, 0 };

  /* The sheet lists them by date, then entry (ledger_report_waivers()). */
  g_ptr_array_sort (e->waivers, waiver_compare);
  if (!export_xlsx_reader_foreach_row (reader, EXPORT_WAIVERS_SHEET, waiver_row_cb, &read, error))
    return FALSE;
  if (read.next < e->waivers->len)
    {
      const Waiver *w = g_ptr_array_index (e->waivers, read.next);
      g_autofree char *problem = g_strdup_printf (_("journal entry %" PRId64 " (waiver, %s) has no row"),
                                                  w->index, w->date);

      return sheet_error (EXPORT_WAIVERS_SHEET, error, problem);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 试算平衡表 Trial balance */

typedef struct
{
  ExportExpect *e;
  gint64        totals[4];
  gboolean      done;   /* the totals row has been read */
} TrialRead;

/* Whether @code is an account every book has or this journal added. */
static gboolean
known_account (ExportExpect *e,
               const char   *code)
{
  static const char *const standard[] = { "cash", "bank", "wechat", "alipay", "receivable", "prepaid", "waivers" };
  const char *const *categories = ledger_expenditure_categories ();

  if (g_hash_table_contains (e->trial, code))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (standard); i++)
    if (strcmp (code, standard[i]) == 0)
      return TRUE;
  for (guint i = 0; categories[i] != NULL; i++)
    if (g_str_has_prefix (code, "expense:") && strcmp (code + 8, categories[i]) == 0)
      return TRUE;
  return g_str_has_prefix (code, "income:") && g_hash_table_contains (e->fees, code + 7);
}

/* The account's name: a fee's income account by any version's name. */
static gboolean
expect_account_name (ExportExpect  *e,
                     const Row     *r,
                     guint          col,
                     const char    *code,
                     GError       **error)
{
  g_autofree char *name = NULL;

  if (g_str_has_prefix (code, "income:"))
    {
      if (fee_name_of (e, code + 7, found_value (r, col)))
        return TRUE;
      return mismatch (r, col, g_hash_table_lookup (e->fees, code + 7), found_value (r, col), error);
    }
  name = export_xlsx_account_chinese (code, NULL);
  return expect_free_text (e, r, col, name, error);
}

static gboolean
trial_totals_row (TrialRead  *read,
                  const Row  *r,
                  GError    **error)
{
  read->done = TRUE;
  if (!expect_text (r, 0, NULL, error) || !expect_text (r, 2, NULL, error))
    return FALSE;
  for (guint col = 3; col < 7; col++)
    {
      g_autofree char *formula = export_xlsx_trial_total_formula (col, r->row - 1);

      if (!expect_computed (r, col, read->totals[col - 3], 100, formula, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
trial_row_cb (guint32               row,
              const ExportXlsxCell *cells,
              guint                 n_cells,
              gpointer              user_data,
              GError              **error)
{
  TrialRead *read = user_data;
  ExportExpect *e = read->e;
  Row r = { EXPORT_TRIAL_SHEET, row, cells, n_cells };
  const char *code = found_value (&r, 0);
  TrialSums *t;

  if (row == 1)
    return expect_sheet_headers (&r, error) && expect_no_more (&r, 7, error);
  if (!expect_no_more (&r, 7, error))
    return FALSE;
  if (read->done)
    return sheet_error (r.sheet, error, _("a row after the totals"));
  if (code == NULL && g_strcmp0 (found_value (&r, 1), EXPORT_TRIAL_TOTAL_LABEL) == 0)
    return trial_totals_row (read, &r, error);
  if (code == NULL || !known_account (e, code))
    return mismatch (&r, 0, NULL, code, error);
  t = trial_sums (e, code);
  if (t->seen)
    return mismatch (&r, 0, NULL, code, error);
  t->seen = TRUE;
  ledger_total_add_saturating (&read->totals[0], t->opening);
  ledger_total_add_saturating (&read->totals[1], t->debits);
  ledger_total_add_saturating (&read->totals[2], t->credits);
  ledger_total_add_saturating (&read->totals[3], t->closing);
  return expect_account_name (e, &r, 1, code, error) &&
         expect_text (&r, 2, export_xlsx_account_kind_chinese (code), error) &&
         expect_number (&r, 3, t->opening, 100, error) &&
         expect_number (&r, 4, t->debits, 100, error) &&
         expect_number (&r, 5, t->credits, 100, error) &&
         expect_number (&r, 6, t->closing, 100, error);
}

static gboolean
check_trial_balance (ExportExpect      *e,
                     ExportXlsxReader  *reader,
                     GError           **error)
{
  TrialRead read = { e, { 0 }, FALSE };
  GHashTableIter iter;
  gpointer code, value;

  if (!export_xlsx_reader_foreach_row (reader, EXPORT_TRIAL_SHEET, trial_row_cb, &read, error))
    return FALSE;
  if (!read.done)
    return sheet_error (EXPORT_TRIAL_SHEET, error, _("the totals row is missing"));
  g_hash_table_iter_init (&iter, e->trial);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      const TrialSums *t = value;

      if (!t->seen && (t->opening != 0 || t->debits != 0 || t->credits != 0 || t->closing != 0))
        {
          g_autofree char *problem = g_strdup_printf (_("account %s has no row"), (const char *) code);

          return sheet_error (EXPORT_TRIAL_SHEET, error, problem);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 基金 Funds */

static gboolean expect_blank (const Row   *r,
                              const guint *cols,
                              guint        n_cols,
                              GError     **error);

typedef struct
{
  ExportExpect      *e;
  ExportFundsLayout  layout;
  GPtrArray         *codes;          /* the accounts the lines are on, each once */
  GHashTable        *movements;      /* code → gint64[LEDGER_FUND_COUNT + 1]: by fund, total */
  GHashTable        *movement_seen;  /* the codes a row has shown */
  gint64             in[LEDGER_FUND_COUNT], out[LEDGER_FUND_COUNT];
  guint              lines_seen;
} FundRead;

/* A money cell of the sheet: the layout's formula (its cached value, when
 * there is one, @fen) or the figure @fen itself. */
static gboolean
expect_fund_figure (FundRead   *read,
                    const Row  *r,
                    guint       col,
                    gint64      fen,
                    GError    **error)
{
  g_autofree char *formula = export_xlsx_fund_sheet_formula (&read->layout, r->row, col);

  if (formula != NULL)
    return expect_computed (r, col, fen, 100, formula, error);
  return expect_number (r, col, fen, 100, error);
}

static gboolean
expect_part_headers (const Row        *r,
                     ExportFundsPart   part,
                     GError          **error)
{
  guint n = 0;
  const Column *columns = export_xlsx_funds_columns (part, &n);

  for (guint i = 0; i < n; i++)
    if (!expect_text (r, i, columns[i].header, error))
      return FALSE;
  return expect_no_more (r, n, error);
}

static gint64
figure_sum (const gint64 figures[LEDGER_FUND_COUNT])
{
  gint64 total = 0;

  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    ledger_total_add_saturating (&total, figures[f]);
  return total;
}

/* Rows 2 … 7: the funds, 合计, the committee's money, the check. */
static gboolean
fund_part_row (FundRead   *read,
               const Row  *r,
               GError    **error)
{
  ExportExpect *e = read->e;
  gint64 opening = figure_sum (e->fund_opening), closing = figure_sum (e->fund_closing);

  if (r->row < EXPORT_FUNDS_TOTAL_ROW)
    {
      LedgerFund f = (LedgerFund) (r->row - EXPORT_FUNDS_FIRST_FUND_ROW);

      return expect_no_more (r, 6, error) &&
             expect_text (r, 0, ledger_fund_to_string (f), error) &&
             expect_text (r, 1, ledger_fund_chinese (f), error) &&
             expect_fund_figure (read, r, 2, e->fund_opening[f], error) &&
             expect_fund_figure (read, r, 3, read->in[f], error) &&
             expect_fund_figure (read, r, 4, read->out[f], error) &&
             expect_fund_figure (read, r, 5, e->fund_closing[f], error);
    }
  if (r->row == EXPORT_FUNDS_TOTAL_ROW)
    return expect_no_more (r, 6, error) &&
           expect_text (r, 0, NULL, error) &&
           expect_text (r, 1, EXPORT_FUNDS_TOTAL_LABEL, error) &&
           expect_fund_figure (read, r, 2, opening, error) &&
           expect_fund_figure (read, r, 3, figure_sum (read->in), error) &&
           expect_fund_figure (read, r, 4, figure_sum (read->out), error) &&
           expect_fund_figure (read, r, 5, closing, error);
  {
    static const guint blank[] = { 0, 2, 3, 4 };
    gboolean money = r->row == EXPORT_FUNDS_MONEY_ROW;

    return expect_no_more (r, 6, error) &&
           expect_blank (r, blank, G_N_ELEMENTS (blank), error) &&
           expect_text (r, 1, money ? EXPORT_FUNDS_MONEY_LABEL : EXPORT_FUNDS_CHECK_LABEL, error) &&
           expect_fund_figure (read, r, 5, money ? e->committee_money : closing - e->committee_money, error);
  }
}

/* A movement row: an account the lines are on, shown once, in any order. */
static gboolean
movement_row (FundRead   *read,
              const Row  *r,
              GError    **error)
{
  const char *code = found_value (r, 0);
  const gint64 *sums;

  if (!expect_no_more (r, 6, error))
    return FALSE;
  if (code == NULL || (sums = g_hash_table_lookup (read->movements, code)) == NULL ||
      g_hash_table_contains (read->movement_seen, sums))
    return mismatch (r, 0, NULL, code, error);
  g_hash_table_add (read->movement_seen, (gpointer) sums);
  if (!expect_account_name (read->e, r, 1, code, error))
    return FALSE;
  for (guint f = 0; f <= LEDGER_FUND_COUNT; f++)
    if (!expect_fund_figure (read, r, 2 + f, sums[f], error))
      return FALSE;
  return TRUE;
}

static gboolean
movements_total_row (FundRead   *read,
                     const Row  *r,
                     GError    **error)
{
  gint64 total = 0;

  if (!expect_no_more (r, 6, error) || !expect_text (r, 0, NULL, error) ||
      !expect_text (r, 1, EXPORT_FUNDS_MOVEMENTS_TOTAL_LABEL, error))
    return FALSE;
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    {
      ledger_total_add_saturating (&total, read->in[f] - read->out[f]);
      if (!expect_fund_figure (read, r, 2 + f, read->in[f] - read->out[f], error))
        return FALSE;
    }
  return expect_fund_figure (read, r, 5, total, error);
}

static gboolean
fund_line_row (FundRead   *read,
               const Row  *r,
               GError    **error)
{
  ExportExpect *e = read->e;
  FundLine *line = g_ptr_array_index (e->fund_lines, r->row - read->layout.lines_header - 1);

  line->seen = TRUE;
  read->lines_seen++;
  return expect_no_more (r, 10, error) &&
         expect_date (r, 0, line->date, error) &&
         expect_number (r, 1, line->index, 1, error) &&
         expect_free_text (e, r, 2, line->ref, error) &&
         expect_text (r, 3, export_xlsx_kind_chinese (line->kind), error) &&
         expect_text (r, 4, ledger_fund_chinese (line->fund), error) &&
         expect_account_name (e, r, 5, line->account, error) &&
         expect_text (r, 6, line->account, error) &&
         expect_number (r, 7, line->in, 100, error) &&
         expect_number (r, 8, line->out, 100, error) &&
         expect_free_text (e, r, 9, line->memo, error);
}

static gboolean
fund_row_cb (guint32               row,
             const ExportXlsxCell *cells,
             guint                 n_cells,
             gpointer              user_data,
             GError              **error)
{
  FundRead *read = user_data;
  const ExportFundsLayout *l = &read->layout;
  Row r = { EXPORT_FUNDS_SHEET, row, cells, n_cells };

  if (row == 1)
    return expect_part_headers (&r, EXPORT_FUNDS_PART_FUNDS, error);
  if (row <= EXPORT_FUNDS_CHECK_ROW)
    return fund_part_row (read, &r, error);
  if (row == l->movements_header)
    return expect_part_headers (&r, EXPORT_FUNDS_PART_MOVEMENTS, error);
  if (row > l->movements_header && row < l->movements_total)
    return movement_row (read, &r, error);
  if (row == l->movements_total)
    return movements_total_row (read, &r, error);
  if (row == l->lines_header)
    return expect_part_headers (&r, EXPORT_FUNDS_PART_LINES, error);
  if (row > l->lines_header && row <= l->last_row)
    return fund_line_row (read, &r, error);
  /* the blank rows between the parts, and nothing after the lines */
  return expect_no_more (&r, 0, error);
}

/* The movements the lines give, by account: what each fund and all of
 * them moved; and each fund's in and out. */
static void
prepare_funds (FundRead *read)
{
  GPtrArray *lines = read->e->fund_lines;

  g_ptr_array_sort (lines, fund_line_compare);
  for (guint i = 0; i < lines->len; i++)
    {
      const FundLine *line = g_ptr_array_index (lines, i);
      gint64 *sums = g_hash_table_lookup (read->movements, line->account);

      if (sums == NULL)
        {
          sums = g_new0 (gint64, LEDGER_FUND_COUNT + 1);
          g_hash_table_insert (read->movements, line->account, sums);
          g_ptr_array_add (read->codes, line->account);
        }
      ledger_total_add_saturating (&sums[line->fund], line->in - line->out);
      ledger_total_add_saturating (&sums[LEDGER_FUND_COUNT], line->in - line->out);
      ledger_total_add_saturating (&read->in[line->fund], line->in);
      ledger_total_add_saturating (&read->out[line->fund], line->out);
    }
  export_xlsx_funds_layout (read->codes->len, lines->len, &read->layout);
}

static gboolean
check_funds (ExportExpect      *e,
             ExportXlsxReader  *reader,
             GError           **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GHashTable) movements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  FundRead read = { e, { 0 }, codes, movements, seen, { 0 }, { 0 }, 0 };

  prepare_funds (&read);
  if (export_xlsx_reader_sheet_entry (reader, EXPORT_FUNDS_SHEET) == NULL)
    return sheet_error (EXPORT_FUNDS_SHEET, error, _("the sheet is missing"));
  if (!export_xlsx_reader_foreach_row (reader, EXPORT_FUNDS_SHEET, fund_row_cb, &read, error))
    return FALSE;
  for (guint i = 0; i < e->fund_lines->len; i++)
    {
      const FundLine *line = g_ptr_array_index (e->fund_lines, i);

      if (!line->seen)
        {
          g_autofree char *problem = g_strdup_printf (_("journal entry %" PRId64 " (%s, %s) has no row"),
                                                      line->index, line->account, line->date);

          return sheet_error (EXPORT_FUNDS_SHEET, error, problem);
        }
    }
  if (g_hash_table_size (seen) < codes->len)
    {
      for (guint i = 0; i < codes->len; i++)
        if (!g_hash_table_contains (seen, g_hash_table_lookup (movements, g_ptr_array_index (codes, i))))
          {
            g_autofree char *problem = g_strdup_printf (_("account %s has no row"),
                                                        (const char *) g_ptr_array_index (codes, i));

            return sheet_error (EXPORT_FUNDS_SHEET, error, problem);
          }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* 日记账 Cash books */

typedef struct
{
  ExportExpect      *e;
  const CashAccount *account;
  const char        *sheet;
  guint              next;      /* 0 the opening row, 1 … n the lines, n + 1 the totals */
  gint64             balance, in, out;
} CashRead;

static gint
cash_line_compare (gconstpointer a,
                   gconstpointer b)
{
  const CashLine *x = *(const CashLine *const *) a, *y = *(const CashLine *const *) b;
  int by_date = strcmp (x->date, y->date);

  return by_date != 0 ? by_date : (x->index > y->index) - (x->index < y->index);
}

/* The accounts with a cash book, their lines by date then entry, and
 * their sheets' names (export_xlsx_cashbook_sheet_names()). */
static void
prepare_cashbooks (ExportExpect *e)
{
  GHashTableIter iter;
  gpointer code, value;

  if (e->cash_sheets != NULL)
    return;
  g_hash_table_iter_init (&iter, e->cash);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      g_ptr_array_sort (((CashAccount *) value)->lines, cash_line_compare);
      g_ptr_array_add (e->cash_codes, code);
    }
  e->cash_sheets = export_xlsx_cashbook_sheet_names ((const char *const *) e->cash_codes->pdata, e->cash_codes->len);
}

static gboolean
expect_blank (const Row   *r,
              const guint *cols,
              guint        n_cols,
              GError     **error)
{
  for (guint i = 0; i < n_cols; i++)
    if (!expect_text (r, cols[i], NULL, error))
      return FALSE;
  return TRUE;
}

static gboolean
cash_line_row (CashRead   *read,
               const Row  *r,
               guint       i,
               GError    **error)
{
  const CashLine *line = g_ptr_array_index (read->account->lines, i);

  ledger_total_add_saturating (&read->in, line->in);
  ledger_total_add_saturating (&read->out, line->out);
  ledger_total_add_saturating (&read->balance, line->in);
  ledger_total_add_saturating (&read->balance, -line->out);
  return expect_date (r, 0, line->date, error) &&
         expect_free_text (read->e, r, 1, line->ref, error) &&
         expect_text (r, 2, ledger_entry_kind_chinese (line->kind), error) &&
         expect_free_text (read->e, r, 3, line->memo, error) &&
         expect_number (r, 4, line->in, 100, error) &&
         expect_number (r, 5, line->out, 100, error) &&
         expect_number (r, 6, read->balance, 100, error) &&
         expect_number (r, 7, line->index, 1, error);
}

static gboolean
cash_row_cb (guint32               row,
             const ExportXlsxCell *cells,
             guint                 n_cells,
             gpointer              user_data,
             GError              **error)
{
  static const guint opening_blank[] = { 0, 1, 2, 4, 5, 7 }, total_blank[] = { 0, 1, 2, 7 };
  CashRead *read = user_data;
  Row r = { read->sheet, row, cells, n_cells };
  guint n = 0, n_lines = read->account->lines->len;
  const Column *columns = export_xlsx_cashbook_columns (&n);

  if (!expect_no_more (&r, n, error))
    return FALSE;
  if (row == 1)
    {
      for (guint i = 0; i < n; i++)
        if (!expect_text (&r, i, columns[i].header, error))
          return FALSE;
      return TRUE;
    }
  if (read->next > n_lines + 1)
    return sheet_error (r.sheet, error, _("a row after the totals"));
  if (read->next == 0)
    {
      read->next++;
      read->balance = read->account->opening;
      return expect_blank (&r, opening_blank, G_N_ELEMENTS (opening_blank), error) &&
             expect_text (&r, 3, EXPORT_CASHBOOK_OPENING, error) &&
             expect_number (&r, 6, read->account->opening, 100, error);
    }
  if (read->next++ <= n_lines)
    return cash_line_row (read, &r, read->next - 2, error);
  return expect_blank (&r, total_blank, G_N_ELEMENTS (total_blank), error) &&
         expect_text (&r, 3, EXPORT_CASHBOOK_TOTAL, error) &&
         expect_number (&r, 4, read->in, 100, error) &&
         expect_number (&r, 5, read->out, 100, error) &&
         expect_number (&r, 6, read->balance, 100, error);
}

static gboolean
check_cashbooks (ExportExpect      *e,
                 ExportXlsxReader  *reader,
                 GError           **error)
{
  prepare_cashbooks (e);
  for (guint i = 0; i < e->cash_codes->len; i++)
    {
      CashRead read = { e, g_hash_table_lookup (e->cash, g_ptr_array_index (e->cash_codes, i)), e->cash_sheets[i],
                        0, 0, 0, 0 };

      if (!export_xlsx_reader_foreach_row (reader, read.sheet, cash_row_cb, &read, error))
        return FALSE;
      if (read.next < read.account->lines->len + 2)
        return sheet_error (read.sheet, error, _("the totals row is missing"));
    }
  return TRUE;
}

static gboolean
check_sheet_names (ExportExpect      *e,
                   ExportXlsxReader  *reader,
                   GError           **error)
{
  static const char *const fixed[] = { "汇总", "收入", "支出", EXPORT_WAIVERS_SHEET, EXPORT_TRIAL_SHEET, EXPORT_FUNDS_SHEET, "欠费",
                                       "住户", "表决",
                                       EXPORT_VERIFICATION_SHEET };
  const char *const *names = export_xlsx_reader_sheet_names (reader);

  for (gsize i = 0; names[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; !known && j < e->journal_names->len; j++)
        known = strcmp (names[i], g_ptr_array_index (e->journal_names, j)) == 0;
      for (gsize j = 0; !known && j < G_N_ELEMENTS (fixed); j++)
        known = strcmp (names[i], fixed[j]) == 0;
      for (guint j = 0; !known && j < e->cash_codes->len; j++)
        known = strcmp (names[i], e->cash_sheets[j]) == 0;
      if (!known)
        return sheet_error (names[i], error, _("this program writes no such sheet"));
    }
  return TRUE;
}

gboolean
export_expect_check_sheets (ExportExpect          *e,
                            ExportXlsxReader      *reader,
                            const LedgerTreeHead  *head,
                            GError               **error)
{
  prepare_cashbooks (e);
  return check_sheet_names (e, reader, error) &&
         check_households (e, reader, error) &&
         check_income (e, reader, error) &&
         check_expenditures (e, reader, error) &&
         check_waivers (e, reader, error) &&
         check_trial_balance (e, reader, error) &&
         check_funds (e, reader, error) &&
         check_cashbooks (e, reader, error) &&
         check_arrears (e, reader, error) &&
         check_votes (e, reader, error) &&
         check_summary (e, reader, head, error) &&
         check_verification (e, reader, head, error);
}

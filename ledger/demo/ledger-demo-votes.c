/* ledger-demo-votes.c — the demo community's owners' votes
 *
 * The outcomes are arranged, not left to chance: each vote takes part of
 * the owners in a fixed pattern so that the three teaching examples fail
 * or pass for the reason their title promises, at any community size.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-demo-private.h"
#include "ledger-household.h"
#include "ledger-vote-private.h"
#include "ledger-vote.h"

typedef struct
{
  const char *title;
  int         matter;
  guint       turnout;  /* percent of owners who vote */
  guint       yes;      /* percent of voters who vote yes */
} DemoVote;

/* One unit per owner (the first of each owner key), in unit order. */
static GPtrArray *
one_unit_per_owner (LedgerBook  *book,
                    GError     **error)
{
  g_autoptr(GPtrArray) households = ledger_household_list (book, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);

  if (households == NULL)
    return NULL;
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);

      if (g_hash_table_add (seen, h->owner_key))
        g_ptr_array_add (units, g_strdup (h->unit));
    }
  /* The keys in @seen belong to @households: empty it before they go. */
  g_hash_table_remove_all (seen);
  return g_steal_pointer (&units);
}

/* splitmix64's finaliser: a well-mixed number for each (index, salt). */
static guint64
mix (guint64 i,
     guint64 salt)
{
  guint64 z = i + salt * 0x9E3779B97F4A7C15ull;

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

typedef struct
{
  guint64 key;
  guint   index;
} Shuffled;

static int
compare_shuffled (gconstpointer a,
                  gconstpointer b)
{
  guint64 x = ((const Shuffled *) a)->key, y = ((const Shuffled *) b)->key;

  return x < y ? -1 : x > y;
}

/* The owners in a deterministic shuffled order. */
static GArray *
shuffle (guint   n,
         guint64 salt)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (Shuffled), n);

  for (guint i = 0; i < n; i++)
    {
      Shuffled s = { mix (i, salt), i };
      g_array_append_val (order, s);
    }
  g_array_sort (order, compare_shuffled);
  return order;
}

/* Exactly turnout% of the owners (by count) vote, in shuffled order, and
 * exactly yes% of the voters say yes; of the rest one in five abstains.
 * Counting heads exactly keeps each example on its side of the line at any
 * size; the shuffle keeps the share of area close to the share of heads. */
static gboolean
hold_vote (LedgerBook      *book,
           GPtrArray       *owners,
           const DemoVote  *spec,
           guint64          salt,
           gint64          *out_id,
           GError         **error)
{
  g_autoptr(GArray) order = shuffle (owners->len, salt);
  guint voters = owners->len * spec->turnout / 100;
  guint yes = voters * spec->yes / 100;

  if (!ledger_vote_new_in_write (book, spec->title, "", spec->matter, NULL, NULL, out_id, error))
    return FALSE;
  for (guint k = 0; k < voters; k++)
    {
      guint i = g_array_index (order, Shuffled, k).index;
      LedgerChoice choice = k < yes ? LEDGER_CHOICE_YES
                            : (k - yes) % 5 == 4 ? LEDGER_CHOICE_ABSTAIN : LEDGER_CHOICE_NO;

      if (!ledger_vote_ballot_in_write (book, *out_id, g_ptr_array_index (owners, i),
                                        choice, NULL, error))
        return FALSE;
    }
  return ledger_vote_close_in_write (book, *out_id, error);
}

gboolean
ledger_demo_post_votes (LedgerBook  *book,
                        int          year,
                        gboolean     last_year,
                        guint64      seed,
                        gint64      *out_budget_vote,
                        GError     **error)
{
  g_autofree char *budget_title = g_strdup_printf ("%d年度公共开支预算及保洁、绿化服务合同", year);
  const DemoVote budget = { budget_title, 9, 85, 88 };
  const DemoVote examples[] = {
    { "更换小区路灯为LED节能灯", 9, 76, 80 },     /* passes */
    { "修订《小区管理规约》停车条款", 2, 52, 90 }, /* too few take part */
    { "续筹专项维修资金每平方米20元", 6, 84, 68 }, /* under 3/4 yes */
  };
  g_autoptr(GPtrArray) owners = one_unit_per_owner (book, error);
  guint64 salt = seed * 1000003u + (guint64) year;
  gint64 id = 0;

  if (owners == NULL || !hold_vote (book, owners, &budget, salt, out_budget_vote, error))
    return FALSE;
  for (gsize i = 0; last_year && i < G_N_ELEMENTS (examples); i++)
    if (!hold_vote (book, owners, &examples[i], salt + 17 * (i + 1), &id, error))
      return FALSE;
  return TRUE;
}

gboolean
ledger_demo_post_maintenance_vote (LedgerBook  *book,
                                   int          year,
                                   guint64      seed,
                                   gint64      *out_vote,
                                   GError     **error)
{
  g_autofree char *title = g_strdup_printf ("%d年起使用专项维修资金维修房屋共用部位（屋面、外墙、管道）", year);
  const DemoVote plan = { title, 5, 80, 86 };
  g_autoptr(GPtrArray) owners = one_unit_per_owner (book, error);
  g_autoptr(LedgerVote) vote = NULL;

  if (owners == NULL ||
      !hold_vote (book, owners, &plan, seed * 1000003u + (guint64) year + 101, out_vote, error))
    return FALSE;
  /* In a community of a handful of owners the fixed shares may leave too
   * few voting: then the fund is not spent. */
  vote = ledger_vote_lookup (book, *out_vote, error);
  if (vote == NULL)
    return FALSE;
  if (!vote->tally.passed)
    *out_vote = 0;
  return TRUE;
}

/* ledger-vote-item.c — one owners' vote as a row for the screens */
#define G_LOG_DOMAIN "ledger"

#include "ledger-vote-item.h"

struct _LedgerVoteItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  int      matter;
  gboolean closed;
  gboolean passed;
  char     opens[11];
  char     closes[11];
  char     closed_on[11];
};

G_DEFINE_FINAL_TYPE (LedgerVoteItem, ledger_vote_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_MATTER,
  PROP_MATTER_NAME,
  PROP_STATUS,
  PROP_CLOSED,
  PROP_PASSED,
  PROP_OPENS,
  PROP_CLOSES,
  PROP_CLOSED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Helpers */

/* Copies @value into the fixed buffer @field; TRUE when it changed. */
static gboolean
set_date (char        field[11],
          const char *value)
{
  if (g_strcmp0 (field, value) == 0)
    return FALSE;
  g_strlcpy (field, value != NULL ? value : "", 11);
  return TRUE;
}

/* Makes @self show @vote, notifying each property that changed. */
static void
update_from_vote (LedgerVoteItem   *self,
                  const LedgerVote *vote)
{
  GObject *object = G_OBJECT (self);
  const char *status = ledger_vote_item_get_status (self);
  gboolean status_changed;

  g_object_freeze_notify (object);
  if (g_strcmp0 (self->title, vote->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (vote->title);
      g_object_notify_by_pspec (object, properties[PROP_TITLE]);
    }
  if (self->matter != vote->matter)
    {
      self->matter = vote->matter;
      g_object_notify_by_pspec (object, properties[PROP_MATTER]);
      g_object_notify_by_pspec (object, properties[PROP_MATTER_NAME]);
    }
  status_changed = self->closed != vote->closed || self->passed != vote->tally.passed;
  self->closed = vote->closed;
  self->passed = vote->tally.passed;
  if (status_changed)
    {
      g_object_notify_by_pspec (object, properties[PROP_CLOSED]);
      g_object_notify_by_pspec (object, properties[PROP_PASSED]);
      if (g_strcmp0 (status, ledger_vote_item_get_status (self)) != 0)
        g_object_notify_by_pspec (object, properties[PROP_STATUS]);
    }
  if (set_date (self->opens, vote->opens))
    g_object_notify_by_pspec (object, properties[PROP_OPENS]);
  if (set_date (self->closes, vote->closes))
    g_object_notify_by_pspec (object, properties[PROP_CLOSES]);
  if (set_date (self->closed_on, vote->closed ? vote->closed_on : ""))
    g_object_notify_by_pspec (object, properties[PROP_CLOSED_ON]);
  g_object_thaw_notify (object);
}

/* ------------------------------------------------------------------ */
/* GObject */

/* Frees the title. */
static void
ledger_vote_item_finalize (GObject *object)
{
  LedgerVoteItem *self = LEDGER_VOTE_ITEM (object);

  g_free (self->title);
  G_OBJECT_CLASS (ledger_vote_item_parent_class)->finalize (object);
}

/* Reads a property; "status" and "matter-name" are derived. */
static void
ledger_vote_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LedgerVoteItem *self = LEDGER_VOTE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_int64 (value, self->id); break;
    case PROP_TITLE:       g_value_set_string (value, self->title); break;
    case PROP_MATTER:      g_value_set_int (value, self->matter); break;
    case PROP_MATTER_NAME: g_value_set_string (value, self->matter > 0 ? ledger_matter_name (self->matter) : ""); break;
    case PROP_STATUS:      g_value_set_string (value, ledger_vote_item_get_status (self)); break;
    case PROP_CLOSED:      g_value_set_boolean (value, self->closed); break;
    case PROP_PASSED:      g_value_set_boolean (value, self->passed); break;
    case PROP_OPENS:       g_value_set_string (value, self->opens); break;
    case PROP_CLOSES:      g_value_set_string (value, self->closes); break;
    case PROP_CLOSED_ON:   g_value_set_string (value, self->closed_on); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Every property is read-only: a row mirrors the book. */
static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* A read-only boolean property. */
static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* Installs the properties the screens bind to. */
static void
ledger_vote_item_class_init (LedgerVoteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_vote_item_finalize;
  object_class->get_property = ledger_vote_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_MATTER] =
    g_param_spec_int ("matter", NULL, NULL, 0, 9, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATTER_NAME] = string_property ("matter-name");
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_CLOSED] = boolean_property ("closed");
  properties[PROP_PASSED] = boolean_property ("passed");
  properties[PROP_OPENS] = string_property ("opens");
  properties[PROP_CLOSES] = string_property ("closes");
  properties[PROP_CLOSED_ON] = string_property ("closed-on");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* An empty row: no title yet. */
static void
ledger_vote_item_init (LedgerVoteItem *self)
{
  self->title = g_strdup ("");
}

/* ------------------------------------------------------------------ */
/* Public API */

/* See ledger-vote-item.h. */
LedgerVoteItem *
ledger_vote_item_new (const LedgerVote *vote)
{
  LedgerVoteItem *self = g_object_new (LEDGER_TYPE_VOTE_ITEM, NULL);

  if (vote != NULL)
    {
      self->id = vote->id;
      update_from_vote (self, vote);
    }
  return self;
}

/* The vote's number (0 for the "no vote" row). */
gint64
ledger_vote_item_get_id (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), 0);
  return self->id;
}

/* The vote's title. */
const char *
ledger_vote_item_get_title (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), NULL);
  return self->title;
}

/* The matter of Art. 278, 1–9 (0 for the "no vote" row). */
int
ledger_vote_item_get_matter (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), 0);
  return self->matter;
}

/* "open", "passed" or "not-passed", from the closed and passed flags. */
const char *
ledger_vote_item_get_status (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), NULL);
  return !self->closed ? "open" : self->passed ? "passed" : "not-passed";
}

/* Whether the vote is closed and its result frozen. */
gboolean
ledger_vote_item_get_closed (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), FALSE);
  return self->closed;
}

/* Whether the tally (frozen, or live while open) passes. */
gboolean
ledger_vote_item_get_passed (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), FALSE);
  return self->passed;
}

/* The first day of voting. */
const char *
ledger_vote_item_get_opens (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), NULL);
  return self->opens;
}

/* The deadline for ballots, "" when none. */
const char *
ledger_vote_item_get_closes (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), NULL);
  return self->closes;
}

/* See ledger-vote-item.h. */
GListModel *
ledger_vote_item_model_new (LedgerBook       *book,
                            LedgerVoteItems   which,
                            GError          **error)
{
  g_autoptr(GPtrArray) votes = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  if ((votes = ledger_vote_list (book, error)) == NULL)
    return NULL;
  store = g_list_store_new (LEDGER_TYPE_VOTE_ITEM);
  for (guint i = 0; i < votes->len; i++)
    {
      const LedgerVote *vote = g_ptr_array_index (votes, i);
      g_autoptr(LedgerVoteItem) item = NULL;

      if (which == LEDGER_VOTE_ITEMS_PASSED && !(vote->closed && vote->tally.passed))
        continue;
      item = ledger_vote_item_new (vote);
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Whether @a and @b list the same votes in the same order. */
static gboolean
same_votes (GListModel *a,
            GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerVoteItem) x = g_list_model_get_item (a, i);
      g_autoptr(LedgerVoteItem) y = g_list_model_get_item (b, i);

      if (x->id != y->id)
        return FALSE;
    }
  return TRUE;
}

/* See ledger-vote-item.h. */
void
ledger_vote_item_model_sync (GListStore *store,
                             GListModel *fresh)
{
  guint n = g_list_model_get_n_items (fresh);
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (fresh));

  if (!same_votes (G_LIST_MODEL (store), fresh))
    {
      items = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (fresh, i));
      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           items->pdata, items->len);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerVoteItem) old = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(LedgerVoteItem) item = g_list_model_get_item (fresh, i);
      LedgerVote vote = { item->id, item->title, NULL, item->matter, "", "", item->closed, "", { 0 } };

      vote.tally.passed = item->passed;
      g_strlcpy (vote.opens, item->opens, sizeof vote.opens);
      g_strlcpy (vote.closes, item->closes, sizeof vote.closes);
      g_strlcpy (vote.closed_on, item->closed_on, sizeof vote.closed_on);
      update_from_vote (old, &vote);
    }
}

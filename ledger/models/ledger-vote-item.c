/* ledger-vote-item.c — one owners' vote as a row for the screens */
#define G_LOG_DOMAIN "ledger"

#include "ledger-vote-item.h"
#include "ledger-row-private.h"

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
  ledger_row_set_string (self, &self->title, vote->title, properties[PROP_TITLE]);
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

/* What each property shows; "status" and "matter-name" are derived. */
#define FIELD(name, kind, member) LEDGER_ROW_FIELD (name, kind, LedgerVoteItem, member)
static const LedgerRowField fields[N_PROPS] = {
  [PROP_ID]          = FIELD ("id",        LEDGER_ROW_INT64,   id),
  [PROP_TITLE]       = FIELD ("title",     LEDGER_ROW_TEXT,    title),
  [PROP_MATTER]      = LEDGER_ROW_INT_FIELD ("matter", LedgerVoteItem, matter, 0, 9),
  [PROP_MATTER_NAME] = LEDGER_ROW_DERIVED_FIELD ("matter-name"),
  [PROP_STATUS]      = LEDGER_ROW_DERIVED_FIELD ("status"),
  [PROP_CLOSED]      = FIELD ("closed",    LEDGER_ROW_BOOLEAN, closed),
  [PROP_PASSED]      = FIELD ("passed",    LEDGER_ROW_BOOLEAN, passed),
  [PROP_OPENS]       = FIELD ("opens",     LEDGER_ROW_CHARS,   opens),
  [PROP_CLOSES]      = FIELD ("closes",    LEDGER_ROW_CHARS,   closes),
  [PROP_CLOSED_ON]   = FIELD ("closed-on", LEDGER_ROW_CHARS,   closed_on),
};
#undef FIELD

/* Reads a property; "status" and "matter-name" are derived. */
static void
ledger_vote_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LedgerVoteItem *self = LEDGER_VOTE_ITEM (object);

  if (prop_id == PROP_MATTER_NAME)
    g_value_set_string (value, self->matter > 0 ? ledger_matter_name (self->matter) : "");
  else if (prop_id == PROP_STATUS)
    g_value_set_string (value, ledger_vote_item_get_status (self));
  else
    ledger_row_get_property (object, prop_id, value, pspec);
}

/* Installs the properties the screens bind to. */
static void
ledger_vote_item_class_init (LedgerVoteItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  ledger_row_class_init (object_class, fields, N_PROPS, properties);
  object_class->get_property = ledger_vote_item_get_property;
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

/* The getters of the fields that properties mirror as they are (the
 * header says what each returns). */
#define GETTER(ReturnType, field, fallback) \
  LEDGER_ROW_GETTER (LedgerVoteItem, ledger_vote_item, LEDGER_IS_VOTE_ITEM, \
                     ReturnType, field, fallback)

GETTER (gint64,       id,     0)
GETTER (const char *, title,  NULL)
GETTER (int,          matter, 0)
GETTER (gboolean,     closed, FALSE)
GETTER (gboolean,     passed, FALSE)
GETTER (const char *, opens,  NULL)
GETTER (const char *, closes, NULL)

/* "open", "passed" or "not-passed", from the closed and passed flags. */
const char *
ledger_vote_item_get_status (LedgerVoteItem *self)
{
  g_return_val_if_fail (LEDGER_IS_VOTE_ITEM (self), NULL);
  return !self->closed ? "open" : self->passed ? "passed" : "not-passed";
}

/* A row of @record (a LedgerVote) for ledger_row_model_new(), or NULL
 * for a vote the model of @which leaves out. */
static gpointer
row_from_vote (gconstpointer record,
               gpointer      which)
{
  const LedgerVote *vote = record;

  if (GPOINTER_TO_INT (which) == LEDGER_VOTE_ITEMS_PASSED && !(vote->closed && vote->tally.passed))
    return NULL;
  return ledger_vote_item_new (vote);
}

/* See ledger-vote-item.h. */
GListModel *
ledger_vote_item_model_new (LedgerBook       *book,
                            LedgerVoteItems   which,
                            GError          **error)
{
  g_autoptr(GPtrArray) votes = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  if ((votes = ledger_vote_list (book, error)) == NULL)
    return NULL;
  return ledger_row_model_new (LEDGER_TYPE_VOTE_ITEM, votes, row_from_vote, GINT_TO_POINTER (which));
}

/* Whether rows @a and @b show the same vote (for a refresh in place). */
static gboolean
same_vote (gconstpointer a,
           gconstpointer b)
{
  return ((const LedgerVoteItem *) a)->id == ((const LedgerVoteItem *) b)->id;
}

/* See ledger-vote-item.h. */
void
ledger_vote_item_model_sync (GListStore *store,
                             GListModel *fresh)
{
  guint n;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (fresh));

  if (!ledger_row_model_same_rows (G_LIST_MODEL (store), fresh, same_vote))
    {
      ledger_row_store_replace (store, fresh);
      return;
    }
  n = g_list_model_get_n_items (fresh);
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

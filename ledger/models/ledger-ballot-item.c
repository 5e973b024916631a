/* ledger-ballot-item.c — one owner's line on a vote's ballot grid */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-ballot-item.h"
#include "ledger-row-private.h"
#include "ledger-book-private.h"

struct _LedgerBallotItem
{
  GObject  parent_instance;

  char    *owner_key;
  char    *unit;
  char    *units;
  char    *owner;
  gint64   area;
  int      choice;
};

G_DEFINE_FINAL_TYPE (LedgerBallotItem, ledger_ballot_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_OWNER_KEY,
  PROP_UNIT,
  PROP_UNITS,
  PROP_OWNER,
  PROP_AREA,
  PROP_CHOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row per owner key. The representative unit is the owner's first in
 * building/entrance/room order, and so is the name shown; the areas add
 * up; the choice is the owner's newest ballot in the vote, as the tally
 * (ledger-vote.c, count_live) counts it. */
static const char grid_sql[] =
  "WITH h AS ("
  "  SELECT owner_key, unit, owner, building, entrance, room,"
  "         row_number () OVER w AS rn,"
  "         sum (area) OVER (PARTITION BY owner_key) AS total_area,"
  "         group_concat (unit, ', ') OVER (w ROWS BETWEEN UNBOUNDED PRECEDING"
  "                                         AND UNBOUNDED FOLLOWING) AS units"
  "  FROM households"
  "  WINDOW w AS (PARTITION BY owner_key ORDER BY building, entrance, room)),"
  " current AS ("
  "  SELECT b.owner_key, b.choice FROM ballots b"
  "  WHERE b.vote_id = ?1 AND b.id = (SELECT max (c.id) FROM ballots c"
  "                                   WHERE c.vote_id = ?1 AND c.owner_key = b.owner_key))"
  " SELECT h.owner_key, h.unit, h.units, h.owner, h.total_area, coalesce (c.choice, '')"
  " FROM h LEFT JOIN current c ON c.owner_key = h.owner_key"
  " WHERE h.rn = 1"
  " ORDER BY h.building, h.entrance, h.room";

/* ------------------------------------------------------------------ */
/* Helpers */

/* "yes"/"no"/"abstain" as stored, or "" for no ballot. */
static int
choice_from_text (const char *text)
{
  LedgerChoice choice;

  if (text == NULL || *text == '\0' || !ledger_choice_parse (text, "choice", &choice, NULL))
    return LEDGER_BALLOT_ITEM_NO_CHOICE;
  return choice;
}

/* A row of grid_sql as a new item. */
static LedgerBallotItem *
item_from_row (sqlite3_stmt *stmt)
{
  LedgerBallotItem *self = g_object_new (LEDGER_TYPE_BALLOT_ITEM, NULL);

  self->owner_key = ledger_column_dup (stmt, 0);
  self->unit = ledger_column_dup (stmt, 1);
  self->units = ledger_column_dup (stmt, 2);
  self->owner = ledger_column_dup (stmt, 3);
  self->area = sqlite3_column_int64 (stmt, 4);
  self->choice = choice_from_text ((const char *) sqlite3_column_text (stmt, 5));
  return self;
}

/* ------------------------------------------------------------------ */
/* GObject */

/* What each property shows. */
#define FIELD(name, kind, member) LEDGER_ROW_FIELD (name, kind, LedgerBallotItem, member)
static const LedgerRowField fields[N_PROPS] = {
  [PROP_OWNER_KEY] = FIELD ("owner-key", LEDGER_ROW_TEXT,  owner_key),
  [PROP_UNIT]      = FIELD ("unit",      LEDGER_ROW_TEXT,  unit),
  [PROP_UNITS]     = FIELD ("units",     LEDGER_ROW_TEXT,  units),
  [PROP_OWNER]     = FIELD ("owner",     LEDGER_ROW_TEXT,  owner),
  [PROP_AREA]      = FIELD ("area",      LEDGER_ROW_INT64, area),
  [PROP_CHOICE]    = LEDGER_ROW_INT_FIELD ("choice", LedgerBallotItem, choice,
                                           LEDGER_BALLOT_ITEM_NO_CHOICE, LEDGER_CHOICE_ABSTAIN),
};
#undef FIELD

/* Installs the properties the ballot grid binds to. */
static void
ledger_ballot_item_class_init (LedgerBallotItemClass *klass)
{
  ledger_row_class_init (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

/* A row without a ballot. */
static void
ledger_ballot_item_init (LedgerBallotItem *self)
{
  self->choice = LEDGER_BALLOT_ITEM_NO_CHOICE;
}

/* ------------------------------------------------------------------ */
/* Public API */

/* The getters of the fields that properties mirror as they are (the
 * header says what each returns). */
#define GETTER(ReturnType, field, fallback) \
  LEDGER_ROW_GETTER (LedgerBallotItem, ledger_ballot_item, LEDGER_IS_BALLOT_ITEM, \
                     ReturnType, field, fallback)

GETTER (const char *, owner_key, NULL)
GETTER (const char *, unit,      NULL)
GETTER (const char *, units,     NULL)
GETTER (const char *, owner,     NULL)
GETTER (gint64,       area,      0)
GETTER (int,          choice,    LEDGER_BALLOT_ITEM_NO_CHOICE)

/* Records on the row the choice the book now holds (after a ballot). */
void
ledger_ballot_item_set_choice (LedgerBallotItem *self,
                               int               choice)
{
  g_return_if_fail (LEDGER_IS_BALLOT_ITEM (self));
  g_return_if_fail (choice >= LEDGER_BALLOT_ITEM_NO_CHOICE && choice <= LEDGER_CHOICE_ABSTAIN);

  if (self->choice == choice)
    return;
  self->choice = choice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

/* See ledger-ballot-item.h. */
gboolean
ledger_ballot_item_has_unit (LedgerBallotItem *self,
                             const char       *unit)
{
  g_auto(GStrv) units = NULL;

  g_return_val_if_fail (LEDGER_IS_BALLOT_ITEM (self), FALSE);

  if (unit == NULL)
    return FALSE;
  units = g_strsplit (self->units, ", ", -1);
  return g_strv_contains ((const char * const *) units, unit);
}

/* See ledger-ballot-item.h. */
GListModel *
ledger_ballot_item_model_new (LedgerBook  *book,
                              gint64       vote_id,
                              GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  if ((stmt = ledger_book_prepare (book, grid_sql, error)) == NULL)
    return NULL;
  store = g_list_store_new (LEDGER_TYPE_BALLOT_ITEM);
  sqlite3_bind_int64 (stmt, 1, vote_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerBallotItem) item = item_from_row (stmt);

      g_list_store_append (store, item);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the ballot grid"), error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Whether rows @a and @b are the same owner's (for a refresh in place). */
static gboolean
same_owner (gconstpointer a,
            gconstpointer b)
{
  const LedgerBallotItem *x = a, *y = b;

  return strcmp (x->owner_key, y->owner_key) == 0 && strcmp (x->unit, y->unit) == 0;
}

/* See ledger-ballot-item.h. */
gboolean
ledger_ballot_item_model_sync (GListStore *store,
                               GListModel *fresh)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (fresh), FALSE);

  if (!ledger_row_model_same_rows (G_LIST_MODEL (store), fresh, same_owner))
    return FALSE;
  n = g_list_model_get_n_items (fresh);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerBallotItem) old = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(LedgerBallotItem) item = g_list_model_get_item (fresh, i);

      g_object_freeze_notify (G_OBJECT (old));
      ledger_row_set_string (old, &old->units, item->units, properties[PROP_UNITS]);
      ledger_row_set_string (old, &old->owner, item->owner, properties[PROP_OWNER]);
      ledger_row_set_int64 (old, &old->area, item->area, properties[PROP_AREA]);
      ledger_ballot_item_set_choice (old, item->choice);
      g_object_thaw_notify (G_OBJECT (old));
    }
  return TRUE;
}

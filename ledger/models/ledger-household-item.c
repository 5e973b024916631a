/* ledger-household-item.c — one row of the households screen
 *
 * The list model is read in one statement: a screen of 5,000 households
 * must not cost 5,000 queries (ledger_household_balance() per unit would).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-book-private.h"
#include "ledger-household-item.h"
#include "ledger-row-private.h"
#include "ledger-schema-private.h"
#include "ledger-text.h"

struct _LedgerHouseholdItem
{
  GObject          parent_instance;

  LedgerHousehold *household;
  char            *owner_masked;
  gint64           unit_order;
  gint64           owed;
  int              year;
  gboolean         billed_this_year;
  gint64           owed_this_year;
};

G_DEFINE_FINAL_TYPE (LedgerHouseholdItem, ledger_household_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UNIT,
  PROP_UNIT_ORDER,
  PROP_OWNER,
  PROP_OWNER_MASKED,
  PROP_OWNER_KEY,
  PROP_PHONE,
  PROP_AREA,
  PROP_SPACES,
  PROP_STATUS,
  PROP_MOVE_IN,
  PROP_OWED,
  PROP_YEAR,
  PROP_BILLED_THIS_YEAR,
  PROP_OWED_THIS_YEAR,
  PROP_PAID_THIS_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Helpers */

/* A number that orders units as people do: by building, entrance, room
 * (as text, "10-1-101" would come before "2-1-101"). */
static gint64
unit_order (const char *unit)
{
  int building = 0, entrance = 0, room = 0;

  if (!ledger_unit_parse (unit, "unit", NULL, &building, &entrance, &room, NULL))
    return G_MAXINT64;
  return (gint64) building * 10000000 + (gint64) entrance * 100000 + room;
}

/* Takes ownership of @household. */
static LedgerHouseholdItem *
item_new_take (LedgerHousehold *household)
{
  LedgerHouseholdItem *self = g_object_new (LEDGER_TYPE_HOUSEHOLD_ITEM, NULL);

  self->household = household;
  self->owner_masked = ledger_text_mask_name (household->owner != NULL ? household->owner : "");
  self->unit_order = unit_order (household->unit);
  return self;
}

/* One row of the query in ledger_household_model_new(). */
static LedgerHouseholdItem *
item_from_row (sqlite3_stmt *stmt,
               int           year)
{
  LedgerHousehold *household = ledger_household_new ();
  LedgerHouseholdItem *self;

  household->id = sqlite3_column_int64 (stmt, 0);
  household->unit = ledger_column_dup (stmt, 1);
  household->owner = ledger_column_dup (stmt, 2);
  household->owner_key = ledger_column_dup (stmt, 3);
  g_free (household->phone);
  household->phone = ledger_column_dup (stmt, 4);
  household->area = sqlite3_column_int64 (stmt, 5);
  household->spaces = sqlite3_column_int (stmt, 6);
  ledger_occupancy_parse ((const char *) sqlite3_column_text (stmt, 7), "status",
                          &household->status, NULL);
  g_free (household->move_in);
  household->move_in = ledger_column_dup (stmt, 8);

  self = item_new_take (household);
  self->owed = sqlite3_column_int64 (stmt, 9);
  self->year = year;
  self->billed_this_year = sqlite3_column_int64 (stmt, 10) > 0;
  self->owed_this_year = sqlite3_column_int64 (stmt, 11);
  return self;
}

/* ------------------------------------------------------------------ */
/* GObject */

/* Frees the household and the masked name. */
static void
ledger_household_item_finalize (GObject *object)
{
  LedgerHouseholdItem *self = LEDGER_HOUSEHOLD_ITEM (object);

  ledger_household_free (self->household);
  g_free (self->owner_masked);
  G_OBJECT_CLASS (ledger_household_item_parent_class)->finalize (object);
}

/* Every property is read-only: an item is a snapshot of one read. */
static void
ledger_household_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LedgerHouseholdItem *self = LEDGER_HOUSEHOLD_ITEM (object);
  const LedgerHousehold *h = self->household;

  switch (prop_id)
    {
    case PROP_UNIT:             g_value_set_string (value, h->unit); break;
    case PROP_UNIT_ORDER:       g_value_set_int64 (value, self->unit_order); break;
    case PROP_OWNER:            g_value_set_string (value, h->owner); break;
    case PROP_OWNER_MASKED:     g_value_set_string (value, self->owner_masked); break;
    case PROP_OWNER_KEY:        g_value_set_string (value, h->owner_key); break;
    case PROP_PHONE:            g_value_set_string (value, h->phone); break;
    case PROP_AREA:             g_value_set_int64 (value, h->area); break;
    case PROP_SPACES:           g_value_set_int (value, h->spaces); break;
    case PROP_STATUS:           g_value_set_string (value, ledger_occupancy_to_string (h->status)); break;
    case PROP_MOVE_IN:          g_value_set_string (value, h->move_in); break;
    case PROP_OWED:             g_value_set_int64 (value, self->owed); break;
    case PROP_YEAR:             g_value_set_int (value, self->year); break;
    case PROP_BILLED_THIS_YEAR: g_value_set_boolean (value, self->billed_this_year); break;
    case PROP_OWED_THIS_YEAR:   g_value_set_int64 (value, self->owed_this_year); break;
    case PROP_PAID_THIS_YEAR:   g_value_set_boolean (value, ledger_household_item_get_paid_this_year (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Installs the properties the screens sort, filter and show. */
static void
ledger_household_item_class_init (LedgerHouseholdItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_household_item_finalize;
  object_class->get_property = ledger_household_item_get_property;

  properties[PROP_UNIT] = ledger_row_string_property ("unit");
  properties[PROP_UNIT_ORDER] = ledger_row_int64_property ("unit-order");
  properties[PROP_OWNER] = ledger_row_string_property ("owner");
  properties[PROP_OWNER_MASKED] = ledger_row_string_property ("owner-masked");
  properties[PROP_OWNER_KEY] = ledger_row_string_property ("owner-key");
  properties[PROP_PHONE] = ledger_row_string_property ("phone");
  properties[PROP_AREA] = ledger_row_int64_property ("area");
  properties[PROP_SPACES] = ledger_row_int_property ("spaces", 0, G_MAXINT, 0);
  properties[PROP_STATUS] = ledger_row_string_property ("status");
  properties[PROP_MOVE_IN] = ledger_row_string_property ("move-in");
  properties[PROP_OWED] = ledger_row_int64_property ("owed");
  properties[PROP_YEAR] = ledger_row_int_property ("year", 0, G_MAXINT, 0);
  properties[PROP_BILLED_THIS_YEAR] = ledger_row_boolean_property ("billed-this-year");
  properties[PROP_OWED_THIS_YEAR] = ledger_row_int64_property ("owed-this-year");
  properties[PROP_PAID_THIS_YEAR] = ledger_row_boolean_property ("paid-this-year");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Fields are filled by item_new_take () and item_from_row (). */
static void
ledger_household_item_init (LedgerHouseholdItem *self)
{
}

/* ------------------------------------------------------------------ */
/* Public API */

/* An item that owes nothing, for a household outside the book. */
LedgerHouseholdItem *
ledger_household_item_new (const LedgerHousehold *household)
{
  g_return_val_if_fail (household != NULL, NULL);

  return item_new_take (ledger_household_copy (household));
}

/* The getters of the fields that properties mirror as they are (the
 * header says what each returns). */
#define GETTER(ReturnType, field, fallback) \
  LEDGER_ROW_GETTER (LedgerHouseholdItem, ledger_household_item, LEDGER_IS_HOUSEHOLD_ITEM, \
                     ReturnType, field, fallback)

GETTER (const LedgerHousehold *, household,      NULL)
GETTER (const char *,            owner_masked,   NULL)
GETTER (gint64,                  owed,           0)
GETTER (gint64,                  owed_this_year, 0)

/* "3-2-301" */
const char *
ledger_household_item_get_unit (LedgerHouseholdItem *self)
{
  g_return_val_if_fail (LEDGER_IS_HOUSEHOLD_ITEM (self), NULL);
  return self->household->unit;
}

/* The owner's full name. */
const char *
ledger_household_item_get_owner (LedgerHouseholdItem *self)
{
  g_return_val_if_fail (LEDGER_IS_HOUSEHOLD_ITEM (self), NULL);
  return self->household->owner;
}

/* Exclusive floor area in 0.01 m². */
gint64
ledger_household_item_get_area (LedgerHouseholdItem *self)
{
  g_return_val_if_fail (LEDGER_IS_HOUSEHOLD_ITEM (self), 0);
  return self->household->area;
}

/* Parking spaces. */
int
ledger_household_item_get_spaces (LedgerHouseholdItem *self)
{
  g_return_val_if_fail (LEDGER_IS_HOUSEHOLD_ITEM (self), 0);
  return self->household->spaces;
}

/* Billed for the year and nothing of it open. */
gboolean
ledger_household_item_get_paid_this_year (LedgerHouseholdItem *self)
{
  g_return_val_if_fail (LEDGER_IS_HOUSEHOLD_ITEM (self), FALSE);
  return self->billed_this_year && self->owed_this_year <= 0;
}

/* The arithmetic of ledger_report_arrears() (open charges of every year,
 * a charge's open amount being what its allocations — payments, prepaid
 * credit, waivers, net of voids — left) and of ledger_report_collection()
 * (a household has paid a year when nothing of it is open), per household. */
#define HOUSEHOLD_MODEL_SQL \
  "WITH per_charge AS (" \
  "  SELECT household_id, year, amount - paid - waived AS open," \
  "         " LEDGER_CHARGE_OWED " AS owing FROM charge_status" \
  "  WHERE " LEDGER_CHARGE_OPEN " OR year = ?1)," \
  " per_household AS (" \
  "  SELECT household_id," \
  "         sum (CASE WHEN owing THEN open ELSE 0 END) AS owed," \
  "         count (CASE WHEN year = ?1 THEN 1 END) AS year_charges," \
  "         sum (CASE WHEN year = ?1 THEN open ELSE 0 END) AS year_open" \
  "  FROM per_charge GROUP BY household_id)" \
  " SELECT h.id, h.unit, h.owner, h.owner_key, h.phone, h.area, h.spaces, h.status, h.move_in," \
  "        coalesce (p.owed, 0), coalesce (p.year_charges, 0), coalesce (p.year_open, 0)" \
  " FROM households h LEFT JOIN per_household p ON p.household_id = h.id" \
  " ORDER BY h.building, h.entrance, h.room"

/* One statement for the whole register: no query per household. */
GListModel *
ledger_household_model_new (LedgerBook  *book,
                            int          year,
                            GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = ledger_book_prepare (book, HOUSEHOLD_MODEL_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt, year));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading households"), error))
    return NULL;
  /* One splice: one items-changed for the whole register. */
  store = g_list_store_new (LEDGER_TYPE_HOUSEHOLD_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

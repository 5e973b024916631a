/* ledger-row.c — what the rows of the screens' list models share */
#define G_LOG_DOMAIN "ledger"

#include "ledger-row-private.h"

/* ------------------------------------------------------------------ */
/* Property specs */

/* See ledger-row-private.h. */
GParamSpec *
ledger_row_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", LEDGER_ROW_READ_ONLY);
}

/* See ledger-row-private.h. */
GParamSpec *
ledger_row_int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, LEDGER_ROW_READ_ONLY);
}

/* See ledger-row-private.h. */
GParamSpec *
ledger_row_int_property (const char *name,
                         int         min,
                         int         max,
                         int         default_value)
{
  return g_param_spec_int (name, NULL, NULL, min, max, default_value, LEDGER_ROW_READ_ONLY);
}

/* See ledger-row-private.h. */
GParamSpec *
ledger_row_uint_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, LEDGER_ROW_READ_ONLY);
}

/* See ledger-row-private.h. */
GParamSpec *
ledger_row_boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, LEDGER_ROW_READ_ONLY);
}

/* ------------------------------------------------------------------ */
/* Property tables */

/* Where a row class keeps its table (type qdata). */
typedef struct
{
  const LedgerRowField *fields;
  guint                 n_props;
} RowTable;

static GQuark
row_table_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("ledger-row-table");
  return quark;
}

/* The table of @object's class. */
static const RowTable *
row_table (gpointer object)
{
  const RowTable *table = g_type_get_qdata (G_OBJECT_TYPE (object), row_table_quark ());

  g_assert (table != NULL);
  return table;
}

/* Frees the LEDGER_ROW_TEXT fields, then chains up. */
static void
row_finalize (GObject *object)
{
  const RowTable *table = row_table (object);
  GObjectClass *parent = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  for (guint id = 1; id < table->n_props; id++)
    if (table->fields[id].kind == LEDGER_ROW_TEXT)
      g_clear_pointer ((char **) ((guint8 *) object + table->fields[id].offset), g_free);
  parent->finalize (object);
}

/* The property spec of @field. */
static GParamSpec *
field_property (const LedgerRowField *field)
{
  switch (field->kind)
    {
    case LEDGER_ROW_TEXT:
    case LEDGER_ROW_CHARS:
    case LEDGER_ROW_DERIVED: return ledger_row_string_property (field->name);
    case LEDGER_ROW_INT64:   return ledger_row_int64_property (field->name);
    case LEDGER_ROW_UINT:    return ledger_row_uint_property (field->name);
    case LEDGER_ROW_BOOLEAN: return ledger_row_boolean_property (field->name);
    case LEDGER_ROW_INT:     return ledger_row_int_property (field->name, field->min, field->max, field->min);
    default:                 g_assert_not_reached ();
    }
}

/* See ledger-row-private.h. */
void
ledger_row_class_init (GObjectClass          *klass,
                       const LedgerRowField  *fields,
                       guint                  n_props,
                       GParamSpec           **properties)
{
  RowTable *table = g_new (RowTable, 1);   /* lives as long as the type */

  table->fields = fields;
  table->n_props = n_props;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), row_table_quark (), table);
  klass->get_property = ledger_row_get_property;
  klass->finalize = row_finalize;
  for (guint id = 1; id < n_props; id++)
    properties[id] = field_property (&fields[id]);
  g_object_class_install_properties (klass, n_props, properties);
}

/* See ledger-row-private.h. */
void
ledger_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  const RowTable *table = row_table (object);
  const LedgerRowField *field = prop_id > 0 && prop_id < table->n_props ? &table->fields[prop_id] : NULL;
  const guint8 *at = field != NULL ? (const guint8 *) object + field->offset : NULL;

  switch (field != NULL ? field->kind : LEDGER_ROW_DERIVED)
    {
    case LEDGER_ROW_TEXT:    g_value_set_string (value, *(char * const *) at); break;
    case LEDGER_ROW_CHARS:   g_value_set_string (value, (const char *) at); break;
    case LEDGER_ROW_INT64:   g_value_set_int64 (value, *(const gint64 *) at); break;
    case LEDGER_ROW_INT:     g_value_set_int (value, *(const int *) at); break;
    case LEDGER_ROW_UINT:    g_value_set_uint (value, *(const guint *) at); break;
    case LEDGER_ROW_BOOLEAN: g_value_set_boolean (value, *(const gboolean *) at); break;
    case LEDGER_ROW_DERIVED:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ------------------------------------------------------------------ */
/* Changing a row in place */

/* See ledger-row-private.h. */
void
ledger_row_set_string (gpointer     row,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (row), pspec);
}

/* See ledger-row-private.h. */
void
ledger_row_set_int64 (gpointer     row,
                      gint64      *field,
                      gint64       value,
                      GParamSpec  *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (row), pspec);
}

/* ------------------------------------------------------------------ */
/* Models */

/* See ledger-row-private.h. */
GListModel *
ledger_row_model_new (GType             item_type,
                      const GPtrArray  *records,
                      LedgerRowNewFunc  new_row,
                      gpointer          user_data)
{
  GListStore *store = g_list_store_new (item_type);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GObject) row = new_row (g_ptr_array_index (records, i), user_data);

      if (row != NULL)
        g_list_store_append (store, row);
    }
  return G_LIST_MODEL (store);
}

/* See ledger-row-private.h. */
gboolean
ledger_row_model_same_rows (GListModel        *a,
                            GListModel        *b,
                            LedgerRowSameFunc  same_row)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      if (!same_row (x, y))
        return FALSE;
    }
  return TRUE;
}

/* See ledger-row-private.h. */
void
ledger_row_store_replace (GListStore *store,
                          GListModel *fresh)
{
  guint n = g_list_model_get_n_items (fresh);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (fresh, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
}

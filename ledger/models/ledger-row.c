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

/* The address of the field @field describes in @row. */
#define FIELD_AT(row, field) ((const guint8 *) (row) + (field)->offset)

/* See ledger-row-private.h. */
void
ledger_row_install_properties (GObjectClass          *klass,
                               const LedgerRowField  *fields,
                               guint                  n_props,
                               GParamSpec           **properties)
{
  for (guint id = 1; id < n_props; id++)
    {
      const LedgerRowField *field = &fields[id];

      switch (field->kind)
        {
        case LEDGER_ROW_TEXT:
        case LEDGER_ROW_CHARS:
        case LEDGER_ROW_DERIVED: properties[id] = ledger_row_string_property (field->name); break;
        case LEDGER_ROW_INT64:   properties[id] = ledger_row_int64_property (field->name); break;
        case LEDGER_ROW_UINT:    properties[id] = ledger_row_uint_property (field->name); break;
        case LEDGER_ROW_BOOLEAN: properties[id] = ledger_row_boolean_property (field->name); break;
        case LEDGER_ROW_INT:
          properties[id] = ledger_row_int_property (field->name, field->min, field->max, field->min);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_object_class_install_properties (klass, n_props, properties);
}

/* See ledger-row-private.h. */
gboolean
ledger_row_get_field (gconstpointer          row,
                      const LedgerRowField  *field,
                      GValue                *value)
{
  const guint8 *at = FIELD_AT (row, field);

  switch (field->kind)
    {
    case LEDGER_ROW_TEXT:    g_value_set_string (value, *(char * const *) at); return TRUE;
    case LEDGER_ROW_CHARS:   g_value_set_string (value, (const char *) at); return TRUE;
    case LEDGER_ROW_INT64:   g_value_set_int64 (value, *(const gint64 *) at); return TRUE;
    case LEDGER_ROW_INT:     g_value_set_int (value, *(const int *) at); return TRUE;
    case LEDGER_ROW_UINT:    g_value_set_uint (value, *(const guint *) at); return TRUE;
    case LEDGER_ROW_BOOLEAN: g_value_set_boolean (value, *(const gboolean *) at); return TRUE;
    case LEDGER_ROW_DERIVED: return FALSE;
    default:                 g_assert_not_reached ();
    }
}

/* See ledger-row-private.h. */
void
ledger_row_free_text (gpointer               row,
                      const LedgerRowField  *fields,
                      guint                  n_props)
{
  for (guint id = 1; id < n_props; id++)
    if (fields[id].kind == LEDGER_ROW_TEXT)
      g_clear_pointer ((char **) ((guint8 *) row + fields[id].offset), g_free);
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

/* ledger-row-private.h — what the rows of the screens' list models share
 *
 * Each *-item.c is a small final GObject mirroring one row of a query
 * (a household, a receipt, an expenditure, a vote, an owner's ballot):
 * read-only properties the screens bind and sort by, a getter per
 * property, and a GListStore of such rows built from the book. The
 * property specs, the getters, the store built from a list and the
 * refresh in place are the same for all of them and live here, so that
 * each row's file only says what its row holds and where it comes from.
 * Only the files of ledger/models/ include this.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rows mirror the book: every property is read-only (a row that changes
 * in place notifies by pspec). */
#define LEDGER_ROW_READ_ONLY (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Read-only property specs: text (default ""), any gint64, an int in
 * [@min, @max], a guint, a boolean. */
GParamSpec *ledger_row_string_property  (const char *name);
GParamSpec *ledger_row_int64_property   (const char *name);
GParamSpec *ledger_row_int_property     (const char *name,
                                         int         min,
                                         int         max,
                                         int         default_value);
GParamSpec *ledger_row_uint_property    (const char *name);
GParamSpec *ledger_row_boolean_property (const char *name);

/* What a row's property shows: a field of the row's struct, of one of
 * these kinds, or text the row's own get_property works out. */
typedef enum
{
  LEDGER_ROW_TEXT,     /* char *, owned by the row (freed with it) */
  LEDGER_ROW_CHARS,    /* char [N] inside the row (a date) */
  LEDGER_ROW_INT64,
  LEDGER_ROW_INT,      /* in [min, max], min by default */
  LEDGER_ROW_UINT,
  LEDGER_ROW_BOOLEAN,
  LEDGER_ROW_DERIVED,  /* text, no field: the row's get_property says it */
} LedgerRowKind;

/* One property of a row; a table of them, indexed by property id (the
 * PROP_0 entry left empty), is what a row's file says about its rows. */
typedef struct
{
  const char    *name;
  LedgerRowKind  kind;
  gsize          offset;  /* of the field in the instance struct */
  int            min;     /* LEDGER_ROW_INT only */
  int            max;
} LedgerRowField;

/* A table entry for the field @member of @Type. */
#define LEDGER_ROW_FIELD(name, kind, Type, member) \
  { (name), (kind), G_STRUCT_OFFSET (Type, member), 0, 0 }
/* A table entry for an int field in [@min, @max]. */
#define LEDGER_ROW_INT_FIELD(name, Type, member, min, max) \
  { (name), LEDGER_ROW_INT, G_STRUCT_OFFSET (Type, member), (min), (max) }
/* A table entry for a text the row works out. */
#define LEDGER_ROW_DERIVED_FIELD(name) { (name), LEDGER_ROW_DERIVED, 0, 0, 0 }

/* Sets up a row class from its table: makes a read-only property of
 * each entry of @fields (ids 1 to @n_props − 1) into @properties and
 * installs them, and sets get_property to ledger_row_get_property() and
 * finalize to one that frees the LEDGER_ROW_TEXT fields. @fields must
 * outlive the class (a static table). A row with derived properties sets
 * its own get_property afterwards, which answers those and hands the
 * rest to ledger_row_get_property(). */
void ledger_row_class_init (GObjectClass          *klass,
                            const LedgerRowField  *fields,
                            guint                  n_props,
                            GParamSpec           **properties);

/* A GObjectClass.get_property for the rows of ledger_row_class_init():
 * reads the field the table names; warns for a derived or unknown id. */
void ledger_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec);

/* Defines PREFIX_get_FIELD (Type *self), the getter of a field that a
 * property mirrors as it is: checks @self with IS_TYPE and returns
 * @fallback for anything else. The public header declares it and says
 * what it returns. */
#define LEDGER_ROW_GETTER(Type, prefix, IS_TYPE, ReturnType, field, fallback) \
  ReturnType                                                                 \
  prefix##_get_##field (Type *self)                                          \
  {                                                                          \
    g_return_val_if_fail (IS_TYPE (self), fallback);                         \
    return self->field;                                                      \
  }

/* Replaces *@field with a copy of @value and notifies @pspec on @row,
 * only when the text changed. */
void ledger_row_set_string (gpointer     row,
                            char       **field,
                            const char  *value,
                            GParamSpec  *pspec);

/* Sets *@field to @value and notifies @pspec on @row, only when it changed. */
void ledger_row_set_int64 (gpointer     row,
                           gint64      *field,
                           gint64       value,
                           GParamSpec  *pspec);

/* Makes one row of @record; NULL leaves @record out of the model. */
typedef gpointer (*LedgerRowNewFunc) (gconstpointer record,
                                      gpointer      user_data);

/* A GListStore of @item_type with a row for each of @records, in order,
 * made by @new_row (which returns a new reference, or NULL to skip). */
GListModel *ledger_row_model_new (GType             item_type,
                                  const GPtrArray  *records,
                                  LedgerRowNewFunc  new_row,
                                  gpointer          user_data);

/* Whether two rows stand for the same record (same vote, same owner). */
typedef gboolean (*LedgerRowSameFunc) (gconstpointer a,
                                       gconstpointer b);

/* TRUE when @a and @b hold the same records in the same order: then a
 * refresh may update @a's rows in place (a selection and a scroll
 * position survive) rather than replace them. */
gboolean ledger_row_model_same_rows (GListModel        *a,
                                     GListModel        *b,
                                     LedgerRowSameFunc  same_row);

/* Replaces every row of @store with the rows of @fresh, in one
 * items-changed. */
void ledger_row_store_replace (GListStore *store,
                               GListModel *fresh);

G_END_DECLS

/* ledger-expenditure-item.c — one expenditure as a row for the screens */
#define G_LOG_DOMAIN "ledger"

#include "ledger-expenditure-item.h"
#include "ledger-notice.h"

struct _LedgerExpenditureItem
{
  GObject  parent_instance;

  gint64   id;
  char     date[11];
  gint64   amount;
  char    *payee;
  char    *category;
  char    *method;
  char    *memo;
  char    *invoice;
  char    *approvers;
  gint64   vote_id;
  gboolean maintenance_fund;
  gboolean announced;
  guint    n_attachments;
};

G_DEFINE_FINAL_TYPE (LedgerExpenditureItem, ledger_expenditure_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_AMOUNT,
  PROP_PAYEE,
  PROP_CATEGORY,
  PROP_CATEGORY_NAME,
  PROP_METHOD,
  PROP_MEMO,
  PROP_INVOICE,
  PROP_APPROVERS,
  PROP_VOTE_ID,
  PROP_MAINTENANCE_FUND,
  PROP_ANNOUNCED,
  PROP_N_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* GObject */

/* Frees the strings. */
static void
ledger_expenditure_item_finalize (GObject *object)
{
  LedgerExpenditureItem *self = LEDGER_EXPENDITURE_ITEM (object);

  g_free (self->payee);
  g_free (self->category);
  g_free (self->method);
  g_free (self->memo);
  g_free (self->invoice);
  g_free (self->approvers);
  G_OBJECT_CLASS (ledger_expenditure_item_parent_class)->finalize (object);
}

/* Reads a property; "category-name" is derived from the code. */
static void
ledger_expenditure_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LedgerExpenditureItem *self = LEDGER_EXPENDITURE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:               g_value_set_int64 (value, self->id); break;
    case PROP_DATE:             g_value_set_string (value, self->date); break;
    case PROP_AMOUNT:           g_value_set_int64 (value, self->amount); break;
    case PROP_PAYEE:            g_value_set_string (value, self->payee); break;
    case PROP_CATEGORY:         g_value_set_string (value, self->category); break;
    case PROP_CATEGORY_NAME:    g_value_set_string (value, ledger_expense_category_chinese (self->category)); break;
    case PROP_METHOD:           g_value_set_string (value, self->method); break;
    case PROP_MEMO:             g_value_set_string (value, self->memo); break;
    case PROP_INVOICE:          g_value_set_string (value, self->invoice); break;
    case PROP_APPROVERS:        g_value_set_string (value, self->approvers); break;
    case PROP_VOTE_ID:          g_value_set_int64 (value, self->vote_id); break;
    case PROP_MAINTENANCE_FUND: g_value_set_boolean (value, self->maintenance_fund); break;
    case PROP_ANNOUNCED:        g_value_set_boolean (value, self->announced); break;
    case PROP_N_ATTACHMENTS:    g_value_set_uint (value, self->n_attachments); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Rows mirror the book: every property is read-only. */
#define READ_ONLY (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Installs the properties the expenditures page binds and sorts by. */
static void
ledger_expenditure_item_class_init (LedgerExpenditureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_expenditure_item_finalize;
  object_class->get_property = ledger_expenditure_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", READ_ONLY);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_PAYEE] = g_param_spec_string ("payee", NULL, NULL, "", READ_ONLY);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", READ_ONLY);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, "", READ_ONLY);
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, "", READ_ONLY);
  properties[PROP_MEMO] = g_param_spec_string ("memo", NULL, NULL, "", READ_ONLY);
  properties[PROP_INVOICE] = g_param_spec_string ("invoice", NULL, NULL, "", READ_ONLY);
  properties[PROP_APPROVERS] = g_param_spec_string ("approvers", NULL, NULL, "", READ_ONLY);
  properties[PROP_VOTE_ID] = g_param_spec_int64 ("vote-id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_MAINTENANCE_FUND] = g_param_spec_boolean ("maintenance-fund", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_ANNOUNCED] = g_param_spec_boolean ("announced", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_N_ATTACHMENTS] = g_param_spec_uint ("n-attachments", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Nothing to set: ledger_expenditure_item_new() fills every field. */
static void
ledger_expenditure_item_init (LedgerExpenditureItem *self)
{
}

/* ------------------------------------------------------------------ */
/* Public API */

/* See ledger-expenditure-item.h. */
LedgerExpenditureItem *
ledger_expenditure_item_new (const LedgerExpenditure *e,
                             gboolean                 announced)
{
  LedgerExpenditureItem *self;

  g_return_val_if_fail (e != NULL, NULL);

  self = g_object_new (LEDGER_TYPE_EXPENDITURE_ITEM, NULL);
  self->id = e->id;
  g_strlcpy (self->date, e->date, sizeof self->date);
  self->amount = e->amount;
  self->payee = g_strdup (e->payee);
  self->category = g_strdup (e->category);
  self->method = g_strdup (ledger_method_to_string (e->method));
  self->memo = g_strdup (e->memo);
  self->invoice = g_strdup (e->invoice);
  self->approvers = g_strdup (e->approvers);
  self->vote_id = e->vote_id;
  self->maintenance_fund = e->from_maintenance_fund;
  self->announced = announced;
  self->n_attachments = e->attachments != NULL ? e->attachments->len : 0;
  return self;
}

/* The expenditure's number. */
gint64
ledger_expenditure_item_get_id (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), 0);
  return self->id;
}

/* The day it was paid, "YYYY-MM-DD". */
const char *
ledger_expenditure_item_get_date (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), NULL);
  return self->date;
}

/* The amount in fen. */
gint64
ledger_expenditure_item_get_amount (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), 0);
  return self->amount;
}

/* Who was paid. */
const char *
ledger_expenditure_item_get_payee (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), NULL);
  return self->payee;
}

/* See ledger-expenditure-item.h. */
const char *
ledger_expenditure_item_get_category (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), NULL);
  return self->category;
}

/* What it was for. */
const char *
ledger_expenditure_item_get_memo (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), NULL);
  return self->memo;
}

/* The invoice number, "" when none. */
const char *
ledger_expenditure_item_get_invoice (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), NULL);
  return self->invoice;
}

/* The committee members who approved it, comma-separated. */
const char *
ledger_expenditure_item_get_approvers (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), NULL);
  return self->approvers;
}

/* The vote that approved it, 0 when none. */
gint64
ledger_expenditure_item_get_vote_id (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), 0);
  return self->vote_id;
}

/* Whether a published notice has listed it. */
gboolean
ledger_expenditure_item_get_announced (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), FALSE);
  return self->announced;
}

/* How many files are kept with it. */
guint
ledger_expenditure_item_get_n_attachments (LedgerExpenditureItem *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPENDITURE_ITEM (self), 0);
  return self->n_attachments;
}

/* See ledger-expenditure-item.h. */
GListModel *
ledger_expenditure_item_model_new (LedgerBook          *book,
                                   const LedgerPeriod  *period,
                                   GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  if ((list = ledger_expenditure_list (book, period, error)) == NULL)
    return NULL;
  store = g_list_store_new (LEDGER_TYPE_EXPENDITURE_ITEM);
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerExpenditure *e = g_ptr_array_index (list, i);
      g_autoptr(LedgerExpenditureItem) item =
        ledger_expenditure_item_new (e, ledger_expenditure_is_announced (book, e->id));

      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

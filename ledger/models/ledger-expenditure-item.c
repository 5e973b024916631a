/* ledger-expenditure-item.c — one expenditure as a row for the screens */
#define G_LOG_DOMAIN "ledger"

#include "ledger-expenditure-item.h"
#include "ledger-notice.h"
#include "ledger-row-private.h"

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

/* What each property shows; "category-name" is derived from the code. */
#define FIELD(name, kind, member) LEDGER_ROW_FIELD (name, kind, LedgerExpenditureItem, member)
static const LedgerRowField fields[N_PROPS] = {
  [PROP_ID]               = FIELD ("id",               LEDGER_ROW_INT64,   id),
  [PROP_DATE]             = FIELD ("date",             LEDGER_ROW_CHARS,   date),
  [PROP_AMOUNT]           = FIELD ("amount",           LEDGER_ROW_INT64,   amount),
  [PROP_PAYEE]            = FIELD ("payee",            LEDGER_ROW_TEXT,    payee),
  [PROP_CATEGORY]         = FIELD ("category",         LEDGER_ROW_TEXT,    category),
  [PROP_CATEGORY_NAME]    = LEDGER_ROW_DERIVED_FIELD ("category-name"),
  [PROP_METHOD]           = FIELD ("method",           LEDGER_ROW_TEXT,    method),
  [PROP_MEMO]             = FIELD ("memo",             LEDGER_ROW_TEXT,    memo),
  [PROP_INVOICE]          = FIELD ("invoice",          LEDGER_ROW_TEXT,    invoice),
  [PROP_APPROVERS]        = FIELD ("approvers",        LEDGER_ROW_TEXT,    approvers),
  [PROP_VOTE_ID]          = FIELD ("vote-id",          LEDGER_ROW_INT64,   vote_id),
  [PROP_MAINTENANCE_FUND] = FIELD ("maintenance-fund", LEDGER_ROW_BOOLEAN, maintenance_fund),
  [PROP_ANNOUNCED]        = FIELD ("announced",        LEDGER_ROW_BOOLEAN, announced),
  [PROP_N_ATTACHMENTS]    = FIELD ("n-attachments",    LEDGER_ROW_UINT,    n_attachments),
};
#undef FIELD

/* Reads a property; "category-name" is derived from the code. */
static void
ledger_expenditure_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LedgerExpenditureItem *self = LEDGER_EXPENDITURE_ITEM (object);

  if (prop_id == PROP_CATEGORY_NAME)
    g_value_set_string (value, ledger_expenditure_category_chinese (self->category));
  else
    ledger_row_get_property (object, prop_id, value, pspec);
}

/* Installs the properties the expenditures page binds and sorts by. */
static void
ledger_expenditure_item_class_init (LedgerExpenditureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  ledger_row_class_init (object_class, fields, N_PROPS, properties);
  object_class->get_property = ledger_expenditure_item_get_property;
}

/* Nothing to set: ledger_expenditure_item_new() fills every field. */
static void
ledger_expenditure_item_init (LedgerExpenditureItem *self)
{
}

/* A row for @e (copied); @announced: whether a published notice has
 * listed it. */
static LedgerExpenditureItem *
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

/* ------------------------------------------------------------------ */
/* Public API */

/* The getters of the fields that properties mirror as they are (the
 * header says what each returns). */
#define GETTER(ReturnType, field, fallback) \
  LEDGER_ROW_GETTER (LedgerExpenditureItem, ledger_expenditure_item, LEDGER_IS_EXPENDITURE_ITEM, \
                     ReturnType, field, fallback)

GETTER (gint64,       id,            0)
GETTER (const char *, date,          NULL)
GETTER (gint64,       amount,        0)
GETTER (const char *, payee,         NULL)
GETTER (const char *, category,      NULL)
GETTER (const char *, memo,          NULL)
GETTER (const char *, invoice,       NULL)
GETTER (const char *, approvers,     NULL)
GETTER (gint64,       vote_id,       0)
GETTER (gboolean,     announced,     FALSE)
GETTER (guint,        n_attachments, 0)

/* A row of @record (a LedgerExpenditure) for ledger_row_model_new(). */
static gpointer
row_from_expenditure (gconstpointer record,
                      gpointer      book)
{
  const LedgerExpenditure *e = record;

  return ledger_expenditure_item_new (e, ledger_expenditure_is_announced (book, e->id));
}

/* See ledger-expenditure-item.h. */
GListModel *
ledger_expenditure_item_model_new (LedgerBook          *book,
                                   const LedgerPeriod  *period,
                                   GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  if ((list = ledger_expenditure_list (book, period, error)) == NULL)
    return NULL;
  return ledger_row_model_new (LEDGER_TYPE_EXPENDITURE_ITEM, list, row_from_expenditure, book);
}

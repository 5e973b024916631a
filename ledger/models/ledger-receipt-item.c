/* ledger-receipt-item.c — receipts as a list model */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-book-private.h"
#include "ledger-payment.h"
#include "ledger-receipt-item.h"
#include "ledger-row-private.h"

struct _LedgerReceiptItem
{
  GObject   parent_instance;

  char     *number;
  char     *date;
  char     *unit;
  char     *owner;
  gint64    amount;
  char     *method;
  gboolean  voided;
  char     *void_reason;
  char     *settled;
};

G_DEFINE_FINAL_TYPE (LedgerReceiptItem, ledger_receipt_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NUMBER,
  PROP_DATE,
  PROP_UNIT,
  PROP_OWNER,
  PROP_AMOUNT,
  PROP_METHOD,
  PROP_VOIDED,
  PROP_VOID_REASON,
  PROP_SETTLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row per receipt of the year, with what it settled folded into one
 * text. The inner query is ordered so that group_concat() sees the fee
 * items oldest first (SQLite 3.40 has no ORDER BY inside aggregates). */
static const char receipts_sql[] =
  "WITH settled AS ("
  "  SELECT txn_id, group_concat (label, ', ') AS text FROM ("
  "    SELECT a.txn_id, f.name || ' ' || c.year AS label"
  "    FROM receipts r2 JOIN allocations a ON a.txn_id = r2.txn_id"
  "    JOIN charges c ON c.id = a.charge_id JOIN fees f ON f.id = c.fee_id"
  "    WHERE r2.year = ?1 ORDER BY a.txn_id, c.year, c.id)"
  "  GROUP BY txn_id)"
  " SELECT r.number, r.date, h.unit, h.owner, r.amount, r.method,"
  "        v.receipt IS NOT NULL, coalesce (v.reason, ''), coalesce (s.text, '')"
  " FROM receipts r JOIN households h ON h.id = r.household_id"
  " LEFT JOIN voids v ON v.receipt = r.number"
  " LEFT JOIN settled s ON s.txn_id = r.txn_id"
  " WHERE r.year = ?1 ORDER BY r.seq DESC";


/* ------------------------------------------------------------------ */
/* The row */

/* What each property shows. */
#define FIELD(name, kind, member) LEDGER_ROW_FIELD (name, kind, LedgerReceiptItem, member)
static const LedgerRowField fields[N_PROPS] = {
  [PROP_NUMBER]      = FIELD ("number",      LEDGER_ROW_TEXT,    number),
  [PROP_DATE]        = FIELD ("date",        LEDGER_ROW_TEXT,    date),
  [PROP_UNIT]        = FIELD ("unit",        LEDGER_ROW_TEXT,    unit),
  [PROP_OWNER]       = FIELD ("owner",       LEDGER_ROW_TEXT,    owner),
  [PROP_AMOUNT]      = FIELD ("amount",      LEDGER_ROW_INT64,   amount),
  [PROP_METHOD]      = FIELD ("method",      LEDGER_ROW_TEXT,    method),
  [PROP_VOIDED]      = FIELD ("voided",      LEDGER_ROW_BOOLEAN, voided),
  [PROP_VOID_REASON] = FIELD ("void-reason", LEDGER_ROW_TEXT,    void_reason),
  [PROP_SETTLED]     = FIELD ("settled",     LEDGER_ROW_TEXT,    settled),
};
#undef FIELD

static void
ledger_receipt_item_class_init (LedgerReceiptItemClass *klass)
{
  ledger_row_class_init (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
ledger_receipt_item_init (LedgerReceiptItem *self)
{
}

/* A row from the current result row of receipts_sql. */
static LedgerReceiptItem *
receipt_item_from_row (sqlite3_stmt *stmt)
{
  LedgerReceiptItem *self = g_object_new (LEDGER_TYPE_RECEIPT_ITEM, NULL);

  self->number = ledger_column_dup (stmt, 0);
  self->date = ledger_column_dup (stmt, 1);
  self->unit = ledger_column_dup (stmt, 2);
  self->owner = ledger_column_dup (stmt, 3);
  self->amount = sqlite3_column_int64 (stmt, 4);
  self->method = ledger_column_dup (stmt, 5);
  self->voided = sqlite3_column_int (stmt, 6) != 0;
  self->void_reason = ledger_column_dup (stmt, 7);
  self->settled = ledger_column_dup (stmt, 8);
  return self;
}

/* The getters of the fields that properties mirror as they are (the
 * header says what each returns). */
#define GETTER(ReturnType, field, fallback) \
  LEDGER_ROW_GETTER (LedgerReceiptItem, ledger_receipt_item, LEDGER_IS_RECEIPT_ITEM, \
                     ReturnType, field, fallback)

GETTER (const char *, number,      NULL)
GETTER (const char *, date,        NULL)
GETTER (const char *, unit,        NULL)
GETTER (const char *, owner,       NULL)
GETTER (gint64,       amount,      0)
GETTER (const char *, method,      NULL)
GETTER (gboolean,     voided,      FALSE)
GETTER (const char *, void_reason, NULL)
GETTER (const char *, settled,     NULL)

/* ------------------------------------------------------------------ */
/* The model */

/* Reads the year's receipts in one query, newest first. */
GListModel *
ledger_receipt_model_new (LedgerBook  *book,
                          int          year,
                          GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book, receipts_sql, error);
  if (stmt == NULL)
    return NULL;
  store = g_list_store_new (LEDGER_TYPE_RECEIPT_ITEM);
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerReceiptItem) item = receipt_item_from_row (stmt);

      g_list_store_append (store, item);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading receipts"), error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ledger-voucher-item.c — the money entries with a voucher, as a list model */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-account-code.h"
#include "ledger-income-category.h"
#include "ledger-money.h"
#include "ledger-book-private.h"
#include "ledger-row-private.h"
#include "ledger-voucher-item.h"

struct _LedgerVoucherItem
{
  GObject  parent_instance;

  char    *voucher;
  char    *date;
  char    *kind;
  char    *from;
  char    *to;
  gint64   amount;
  char    *memo;
};

G_DEFINE_FINAL_TYPE (LedgerVoucherItem, ledger_voucher_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VOUCHER,
  PROP_DATE,
  PROP_KIND,
  PROP_FROM,
  PROP_TO,
  PROP_AMOUNT,
  PROP_MEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row per entry that carries a voucher (the tables the vouchers view
 * of schema 4 reads), with the accounts the money left and reached and
 * their names as the book stores them, and what the entry is about: an
 * income's category, payer and memo; a refund's unit and reason; an
 * advance's member and memo; a transfer's memo and bank charge. An
 * advance moves money from a money account to the member's advance
 * account, or back. */
static const char vouchers_sql[] =
  "SELECT v.voucher, t.date, t.kind, v.from_account, fa.name, v.to_account, ta.name,"
  "       v.amount, v.what, v.who, v.note, v.fee"
  " FROM ("
  "   SELECT txn_id, voucher, from_account, to_account, amount, '' AS what, '' AS who, memo AS note, fee"
  "   FROM transfers"
  "   UNION ALL SELECT txn_id, voucher, NULL, account, amount, category, payer, memo, 0 FROM incomes"
  "   UNION ALL SELECT txn_id, voucher, account, NULL, amount,"
  "          (SELECT unit FROM households h WHERE h.id = household_id), '', reason, 0 FROM refunds"
  "   UNION ALL SELECT txn_id, voucher,"
  "          CASE kind WHEN 'give' THEN account ELSE 'advance:' || member END,"
  "          CASE kind WHEN 'give' THEN 'advance:' || member ELSE account END, amount, member, '', memo, 0"
  "   FROM advances) v"
  " JOIN txns t ON t.id = v.txn_id"
  " LEFT JOIN accounts fa ON fa.code = v.from_account"
  " LEFT JOIN accounts ta ON ta.code = v.to_account"
  " WHERE t.date BETWEEN ?1 AND ?2 ORDER BY t.date DESC, t.id DESC";

/* ------------------------------------------------------------------ */
/* The row */

#define FIELD(name, kind, member) LEDGER_ROW_FIELD (name, kind, LedgerVoucherItem, member)
static const LedgerRowField fields[N_PROPS] = {
  [PROP_VOUCHER] = FIELD ("voucher", LEDGER_ROW_TEXT,  voucher),
  [PROP_DATE]    = FIELD ("date",    LEDGER_ROW_TEXT,  date),
  [PROP_KIND]    = FIELD ("kind",    LEDGER_ROW_TEXT,  kind),
  [PROP_FROM]    = FIELD ("from",    LEDGER_ROW_TEXT,  from),
  [PROP_TO]      = FIELD ("to",      LEDGER_ROW_TEXT,  to),
  [PROP_AMOUNT]  = FIELD ("amount",  LEDGER_ROW_INT64, amount),
  [PROP_MEMO]    = FIELD ("memo",    LEDGER_ROW_TEXT,  memo),
};
#undef FIELD

static void
ledger_voucher_item_class_init (LedgerVoucherItemClass *klass)
{
  ledger_row_class_init (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
ledger_voucher_item_init (LedgerVoucherItem *self)
{
}

/* The account in result columns @code_col and @code_col + 1 as printed;
 * "" when the entry has none on that side. */
static char *
account_column (sqlite3_stmt *stmt,
                int           code_col)
{
  const char *code = (const char *) sqlite3_column_text (stmt, code_col);

  if (code == NULL)
    return g_strdup ("");
  return ledger_account_chinese (code, (const char *) sqlite3_column_text (stmt, code_col + 1));
}

/* What the entry is about, for people: its parts that are not empty,
 * joined by " · " ("租金 · 快递柜公司 · 三季度", "1-2-301 · 搬离退还预交款"),
 * an income's category in the user's language and a bank charge named. */
static char *
describe (const char   *kind,
          sqlite3_stmt *stmt)
{
  const char *what = (const char *) sqlite3_column_text (stmt, 8);
  const char *parts[4] = { NULL };
  g_autofree char *fee = NULL;
  gint64 fee_fen = sqlite3_column_int64 (stmt, 11);
  LedgerIncomeCategory category;
  GString *text = g_string_new (NULL);
  guint n = 0;

  if (g_strcmp0 (kind, "income") == 0 && what != NULL &&
      ledger_income_category_parse (what, "category", &category, NULL))
    parts[n++] = ledger_income_category_label (category);
  else
    parts[n++] = what;
  parts[n++] = (const char *) sqlite3_column_text (stmt, 9);
  parts[n++] = (const char *) sqlite3_column_text (stmt, 10);
  if (fee_fen > 0)
    {
      g_autofree char *money = ledger_money_format (fee_fen);

      /* Translators: a transfer's bank charge */
      fee = g_strdup_printf (_("charge %s"), money);
      parts[n++] = fee;
    }
  for (guint i = 0; i < n; i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", parts[i]);
  return g_string_free (text, FALSE);
}

/* A row from the current result row of vouchers_sql. */
static LedgerVoucherItem *
voucher_item_from_row (sqlite3_stmt *stmt)
{
  LedgerVoucherItem *self = g_object_new (LEDGER_TYPE_VOUCHER_ITEM, NULL);

  self->voucher = ledger_column_dup (stmt, 0);
  self->date = ledger_column_dup (stmt, 1);
  self->kind = ledger_column_dup (stmt, 2);
  self->from = account_column (stmt, 3);
  self->to = account_column (stmt, 5);
  self->amount = sqlite3_column_int64 (stmt, 7);
  self->memo = describe (self->kind, stmt);
  return self;
}

#define GETTER(ReturnType, field, fallback) \
  LEDGER_ROW_GETTER (LedgerVoucherItem, ledger_voucher_item, LEDGER_IS_VOUCHER_ITEM, \
                     ReturnType, field, fallback)

GETTER (const char *, voucher, NULL)
GETTER (const char *, date,    NULL)
GETTER (const char *, kind,    NULL)
GETTER (const char *, from,    NULL)
GETTER (const char *, to,      NULL)
GETTER (gint64,       amount,  0)
GETTER (const char *, memo,    NULL)

/* ------------------------------------------------------------------ */
/* The model */

GListModel *
ledger_voucher_model_new (LedgerBook  *book,
                          int          year,
                          GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autofree char *first = NULL, *last = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book, vouchers_sql, error);
  if (stmt == NULL)
    return NULL;
  first = g_strdup_printf ("%04d-01-01", year);
  last = g_strdup_printf ("%04d-12-31", year);
  ledger_bind_text (stmt, 1, first);
  ledger_bind_text (stmt, 2, last);
  store = g_list_store_new (LEDGER_TYPE_VOUCHER_ITEM);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerVoucherItem) item = voucher_item_from_row (stmt);

      g_list_store_append (store, item);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the vouchers"), error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

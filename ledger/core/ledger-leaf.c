/* ledger-leaf.c — each journal entry as its canonical leaf
 *
 * A leaf is the text the fingerprint hashes: an entry's fields and its
 * splits, escaped so that no two entries give the same text. Verify,
 * the cached tree and the exports all read the journal through
 * ledger_journal_foreach_leaf(), so there is one leaf format.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-fact-private.h"
#include "ledger-leaf-private.h"

/* ------------------------------------------------------------------ */
/* Canonical leaves */

/* Appends @value with "\" "\n" "\r" (and, in split fields, "|") escaped.
 * What needs no escape goes in a run at a time: every leaf of the journal
 * is made here, for verify and for each export. */
static void
append_escaped (GString    *leaf,
                const char *value,
                gboolean    in_split)
{
  const char *special = in_split ? "\\\n\r|" : "\\\n\r";

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      gsize plain = strcspn (p, special);

      g_string_append_len (leaf, p, (gssize) plain);
      p += plain;
      switch (*p)
        {
        case '\0': return;
        case '\\': g_string_append (leaf, "\\\\"); break;
        case '\n': g_string_append (leaf, "\\n"); break;
        case '\r': g_string_append (leaf, "\\r"); break;
        default:    g_string_append (leaf, "\\|"); break;   /* in a split field */
        }
    }
}

static void
append_field (GString    *leaf,
              const char *name,
              const char *value)
{
  g_string_append (leaf, name);
  g_string_append (leaf, ": ");
  append_escaped (leaf, value, FALSE);
  g_string_append_c (leaf, '\n');
}

static void
leaf_begin (GString          *leaf,
            const LedgerLeaf *l)
{
  char number[32];

  g_string_truncate (leaf, 0);
  g_string_append (leaf, l->version == 2 ? "community-ledger leaf v2\n" : "community-ledger leaf v1\n");
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, l->index);
  append_field (leaf, "index", number);
  append_field (leaf, "kind", l->kind);
  append_field (leaf, "date", l->date);
  append_field (leaf, "recorded_at", l->recorded_at);
  append_field (leaf, "operator", l->operator_name);
  append_field (leaf, "ref", l->ref);
  append_field (leaf, "memo", l->memo);
  if (l->reverses > 0)
    g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, l->reverses);
  else
    number[0] = '\0';
  append_field (leaf, "reverses", number);
}

/* Appends @value in decimal, as "%" G_GINT64_FORMAT writes it, without
 * printf (a split's amount, on every split of the journal). */
static void
append_int64 (GString *leaf,
              gint64   value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (leaf, p, digits + sizeof digits - p);
}

static void
leaf_add_split (GString    *leaf,
                const char *account,
                const char *unit,
                gint64      amount)
{
  g_string_append (leaf, "split: ");
  append_escaped (leaf, account, TRUE);
  g_string_append_c (leaf, '|');
  append_escaped (leaf, unit, TRUE);
  g_string_append_c (leaf, '|');
  append_int64 (leaf, amount);
  g_string_append_c (leaf, '\n');
}

#define LEAF_QUERY \
  "SELECT t.id, t.kind, t.date, t.recorded_at, t.operator, t.ref, t.memo," \
  "       coalesce (t.reverses, 0), s.account, h.unit, s.amount, t.leaf" \
  " FROM txns t LEFT JOIN splits s ON s.txn_id = t.id" \
  " LEFT JOIN households h ON h.id = s.household_id"

typedef struct
{
  GString      *text;
  LedgerLeaf    leaf;
  /* Copies of the current row's fields: sqlite3 text is only valid until
   * the next step, and a leaf ends only when the next row begins. */
  char         *fields[6];
  GArray       *splits;  /* of LedgerLeafSplit, owning their texts */
  GPtrArray    *facts;   /* of char *, the fact lines' text */
  sqlite3_stmt *facts_stmt; /* txn_id, fact in journal order, or NULL */
  int           facts_rc;   /* its last step */
} LeafBuilder;

static void
clear_leaf_split (gpointer data)
{
  LedgerLeafSplit *split = data;

  g_free ((char *) split->account);
  g_free ((char *) split->unit);
}

static void
builder_start (LeafBuilder  *b,
               sqlite3_stmt *stmt)
{
  for (int i = 0; i < 6; i++)
    {
      g_free (b->fields[i]);
      b->fields[i] = ledger_column_dup (stmt, i + 1);
    }
  b->leaf.index = sqlite3_column_int64 (stmt, 0);
  b->leaf.kind = b->fields[0];
  b->leaf.date = b->fields[1];
  b->leaf.recorded_at = b->fields[2];
  b->leaf.operator_name = b->fields[3];
  b->leaf.ref = b->fields[4];
  b->leaf.memo = b->fields[5];
  b->leaf.reverses = sqlite3_column_int64 (stmt, 7);
  b->leaf.version = sqlite3_column_int (stmt, 11);
  g_array_set_size (b->splits, 0);
  g_ptr_array_set_size (b->facts, 0);
  leaf_begin (b->text, &b->leaf);
}

static void
builder_add_split (LeafBuilder  *b,
                   sqlite3_stmt *stmt)
{
  LedgerLeafSplit split = {
    ledger_column_dup (stmt, 8),
    ledger_column_dup (stmt, 9),
    sqlite3_column_int64 (stmt, 10),
  };

  leaf_add_split (b->text, split.account, split.unit, split.amount);
  g_array_append_val (b->splits, split);
}

/* Adds the facts of the current entry: the facts statement runs in
 * journal order beside the entries, one step ahead. */
static gboolean
builder_add_facts (LedgerBook   *book,
                   LeafBuilder  *b,
                   GError      **error)
{
  if (b->facts_stmt == NULL)
    return TRUE;
  while (b->facts_rc == SQLITE_ROW &&
         sqlite3_column_int64 (b->facts_stmt, 0) <= b->leaf.index)
    {
      if (sqlite3_column_int64 (b->facts_stmt, 0) == b->leaf.index)
        {
          char *fact = ledger_column_dup (b->facts_stmt, 1);

          g_string_append (b->text, "fact: ");
          g_string_append (b->text, fact);
          g_string_append_c (b->text, '\n');
          g_ptr_array_add (b->facts, fact);
        }
      b->facts_rc = sqlite3_step (b->facts_stmt);
    }
  if (b->facts_rc != SQLITE_ROW && b->facts_rc != SQLITE_DONE)
    {
      ledger_book_finish_rows (book, b->facts_stmt, b->facts_rc, N_("reading the journal's facts"), error);
      b->facts_stmt = NULL;
      return FALSE;
    }
  return TRUE;
}

static gboolean
builder_emit (LedgerBook      *book,
              LeafBuilder     *b,
              LedgerLeafFunc   func,
              gpointer         user_data,
              GError         **error)
{
  if (b->leaf.version == 2 && !builder_add_facts (book, b, error))
    return FALSE;
  b->leaf.text = b->text->str;
  b->leaf.length = b->text->len;
  b->leaf.splits = (const LedgerLeafSplit *) b->splits->data;
  b->leaf.n_splits = b->splits->len;
  b->leaf.facts = (const char *const *) b->facts->pdata;
  b->leaf.n_facts = b->facts->len;
  ledger_merkle_leaf_hash ((const guint8 *) b->text->str, b->text->len, &b->leaf.hash);
  return func (&b->leaf, user_data, error);
}

static void
builder_clear (LeafBuilder *b)
{
  g_string_free (b->text, TRUE);
  for (int i = 0; i < 6; i++)
    g_free (b->fields[i]);
  g_array_unref (b->splits);
  g_ptr_array_unref (b->facts);
  if (b->facts_stmt != NULL)
    sqlite3_reset (b->facts_stmt);
}

/* Runs a LEAF_QUERY statement and calls @func once per transaction;
 * @facts_stmt (txn_id, fact, in the same order) supplies the facts. */
static gboolean
stream_leaves (LedgerBook      *book,
               sqlite3_stmt    *stmt,
               sqlite3_stmt    *facts_stmt,
               LedgerLeafFunc   func,
               gpointer         user_data,
               GError         **error)
{
  LeafBuilder b = { g_string_sized_new (512), { 0 }, { NULL },
                    g_array_new (FALSE, FALSE, sizeof (LedgerLeafSplit)),
                    g_ptr_array_new_with_free_func (g_free), facts_stmt, SQLITE_DONE };
  gboolean have_leaf = FALSE, ok = TRUE;
  int rc;

  g_array_set_clear_func (b.splits, clear_leaf_split);
  if (facts_stmt != NULL)
    b.facts_rc = sqlite3_step (facts_stmt);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!have_leaf || id != b.leaf.index)
        {
          if (have_leaf)
            ok = builder_emit (book, &b, func, user_data, error);
          builder_start (&b, stmt);
          have_leaf = TRUE;
        }
      if (ok && sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        builder_add_split (&b, stmt);
    }
  if (!ok)
    sqlite3_reset (stmt);
  else
    /* The last leaf ends with the rows: it holds copies, not the row. */
    ok = ledger_book_finish_rows (book, stmt, rc, N_("reading the journal"), error) &&
         (!have_leaf || builder_emit (book, &b, func, user_data, error));
  builder_clear (&b);
  return ok;
}

gboolean
ledger_journal_foreach_leaf (LedgerBook      *book,
                             LedgerLeafFunc   func,
                             gpointer         user_data,
                             GError         **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, LEAF_QUERY " ORDER BY t.id, s.seq", error);
  sqlite3_stmt *facts = NULL;

  if (stmt == NULL ||
      (facts = ledger_book_prepare (book, "SELECT txn_id, fact FROM facts ORDER BY txn_id, seq", error)) == NULL)
    return FALSE;
  return stream_leaves (book, stmt, facts, func, user_data, error);
}

gboolean
ledger_journal_leaf_of (LedgerBook      *book,
                        gint64           txn_id,
                        LedgerLeafFunc   func,
                        gpointer         user_data,
                        GError         **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, LEAF_QUERY " WHERE t.id = ?1 ORDER BY s.seq", error);
  sqlite3_stmt *facts = NULL;

  if (stmt == NULL ||
      (facts = ledger_book_prepare (book, "SELECT txn_id, fact FROM facts WHERE txn_id = ?1 ORDER BY seq",
                                    error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  sqlite3_bind_int64 (facts, 1, txn_id);
  return stream_leaves (book, stmt, facts, func, user_data, error);
}

gint64
ledger_journal_count (LedgerBook  *book,
                      GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT max(id) FROM txns", error);
  gint64 count = -1;

  if (stmt == NULL || !ledger_book_query_int64 (book, stmt, 0, &count, error))
    return -1;
  return count;
}

/* ------------------------------------------------------------------ */
/* Leaves rebuilt from their fields */

char *
ledger_leaf_compose (const LedgerLeaf *leaf,
                     LedgerHash       *out_hash)
{
  GString *text = g_string_sized_new (512);

  g_return_val_if_fail (leaf != NULL, NULL);

  leaf_begin (text, leaf);
  for (guint i = 0; i < leaf->n_splits; i++)
    leaf_add_split (text, leaf->splits[i].account, leaf->splits[i].unit, leaf->splits[i].amount);
  for (guint i = 0; leaf->version == 2 && i < leaf->n_facts; i++)
    {
      g_string_append (text, "fact: ");
      g_string_append (text, leaf->facts[i]);
      g_string_append_c (text, '\n');
    }
  if (out_hash != NULL)
    ledger_merkle_leaf_hash ((const guint8 *) text->str, text->len, out_hash);
  return g_string_free (text, FALSE);
}

char *
ledger_leaf_compose_fact (const char         *name,
                          const char *const  *fields,
                          guint               n_fields)
{
  g_return_val_if_fail (name != NULL, NULL);
  return ledger_fact_format (name, fields, n_fields);
}

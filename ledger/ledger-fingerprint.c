/* ledger-fingerprint.c — canonical leaves, the cached Merkle tree, verify
 *
 * The tree is cached in merkle_nodes: node (level, idx) is the head of the
 * perfect subtree over leaves [idx·2^level, (idx+1)·2^level). Appending a
 * leaf adds it and every perfect subtree it completes — O(log n) at worst,
 * O(1) on average — and any tree head or proof needs O(log n) cached nodes.
 * The fingerprint never depends on the cache: verify rebuilds it all from
 * the journal and compares.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-fingerprint.h"
#include "ledger-fingerprint-private.h"
#include "ledger-journal.h"

/* ------------------------------------------------------------------ */
/* Canonical leaves */

/* Appends @value with "\" "\n" "\r" (and, in split fields, "|") escaped. */
static void
append_escaped (GString    *leaf,
                const char *value,
                gboolean    in_split)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (leaf, "\\\\"); break;
      case '\n': g_string_append (leaf, "\\n"); break;
      case '\r': g_string_append (leaf, "\\r"); break;
      case '|':
        g_string_append (leaf, in_split ? "\\|" : "|");
        break;
      default:
        g_string_append_c (leaf, *p);
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
  g_string_append (leaf, "community-ledger leaf v1\n");
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
  g_string_append_printf (leaf, "|%" G_GINT64_FORMAT "\n", amount);
}

#define LEAF_QUERY \
  "SELECT t.id, t.kind, t.date, t.recorded_at, t.operator, t.ref, t.memo," \
  "       coalesce (t.reverses, 0), s.account, h.unit, s.amount" \
  " FROM txns t LEFT JOIN splits s ON s.txn_id = t.id" \
  " LEFT JOIN households h ON h.id = s.household_id"

typedef struct
{
  GString   *text;
  LedgerLeaf leaf;
  /* Copies of the current row's fields: sqlite3 text is only valid until
   * the next step, and a leaf ends only when the next row begins. */
  char      *fields[6];
} LeafBuilder;

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
  leaf_begin (b->text, &b->leaf);
}

static gboolean
builder_emit (LeafBuilder     *b,
              LedgerLeafFunc   func,
              gpointer         user_data,
              GError         **error)
{
  b->leaf.text = b->text->str;
  b->leaf.length = b->text->len;
  ledger_merkle_leaf_hash ((const guint8 *) b->text->str, b->text->len, &b->leaf.hash);
  return func (&b->leaf, user_data, error);
}

static void
builder_clear (LeafBuilder *b)
{
  g_string_free (b->text, TRUE);
  for (int i = 0; i < 6; i++)
    g_free (b->fields[i]);
}

/* Runs a LEAF_QUERY statement and calls @func once per transaction. */
static gboolean
stream_leaves (LedgerBook      *book,
               sqlite3_stmt    *stmt,
               LedgerLeafFunc   func,
               gpointer         user_data,
               GError         **error)
{
  LeafBuilder b = { g_string_sized_new (512), { 0 }, { NULL } };
  gboolean have_leaf = FALSE, ok = TRUE;
  int rc;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!have_leaf || id != b.leaf.index)
        {
          if (have_leaf)
            ok = builder_emit (&b, func, user_data, error);
          builder_start (&b, stmt);
          have_leaf = TRUE;
        }
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        leaf_add_split (b.text, (const char *) sqlite3_column_text (stmt, 8),
                        (const char *) sqlite3_column_text (stmt, 9),
                        sqlite3_column_int64 (stmt, 10));
    }
  if (ok && rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, "reading the journal");
      ok = FALSE;
    }
  if (ok && have_leaf)
    ok = builder_emit (&b, func, user_data, error);
  sqlite3_reset (stmt);
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

  return stmt != NULL && stream_leaves (book, stmt, func, user_data, error);
}

/* ------------------------------------------------------------------ */
/* The cached tree */

static gboolean
read_node (LedgerBook  *book,
           int          level,
           guint64      idx,
           LedgerHash  *out,
           gboolean    *out_found,
           GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT hash FROM merkle_nodes WHERE level = ?1 AND idx = ?2",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, level);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) idx);
  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == LEDGER_HASH_SIZE;
  if (*out_found)
    memcpy (out->bytes, sqlite3_column_blob (stmt, 0), LEDGER_HASH_SIZE);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, "reading the fingerprint");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_node (LedgerBook        *book,
            int                level,
            guint64            idx,
            const LedgerHash  *hash,
            GError           **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "INSERT INTO merkle_nodes (level, idx, hash) VALUES (?1, ?2, ?3)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, level);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) idx);
  sqlite3_bind_blob (stmt, 3, hash->bytes, LEDGER_HASH_SIZE, SQLITE_TRANSIENT);
  return ledger_book_step_done (book, stmt, error);
}

/* A LedgerSubtreeFunc over the cache: a perfect, aligned subtree is one
 * cached node; any other range splits as RFC 6962 does. */
static gboolean
cached_subtree (gpointer     source,
                guint64      start,
                guint64      end,
                LedgerHash  *out,
                GError     **error)
{
  LedgerBook *book = source;
  guint64 n = end - start, k = 1;
  LedgerHash left, right;
  gboolean found = FALSE;
  int level = 0;

  if ((n & (n - 1)) == 0 && start % n == 0)
    {
      while ((G_GUINT64_CONSTANT (1) << level) < n)
        level++;
      if (!read_node (book, level, start >> level, out, &found, error))
        return FALSE;
      if (!found)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                     _("the fingerprint of entries %" PRIu64 " to %" PRIu64 " is missing; run verify"),
                     start + 1, end);
      return found;
    }
  while (k << 1 < n)
    k <<= 1;
  if (!cached_subtree (source, start, start + k, &left, error) ||
      !cached_subtree (source, start + k, end, &right, error))
    return FALSE;
  ledger_merkle_node_hash (&left, &right, out);
  return TRUE;
}

static gboolean
append_leaf_cb (const LedgerLeaf  *leaf,
                gpointer           user_data,
                GError           **error)
{
  LedgerBook *book = user_data;
  guint64 idx = (guint64) leaf->index - 1;
  LedgerHash node = leaf->hash, left;
  gboolean found = FALSE;
  int level = 0;

  if (!write_node (book, 0, idx, &node, error))
    return FALSE;
  /* Each time the new node is a right child, its parent is complete. */
  while (idx & 1)
    {
      if (!read_node (book, level, idx - 1, &left, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("the fingerprint cache has a gap before entry %" PRId64 "; run verify"),
                       leaf->index);
          return FALSE;
        }
      ledger_merkle_node_hash (&left, &node, &node);
      level++;
      idx >>= 1;
      if (!write_node (book, level, idx, &node, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ledger_fingerprint_append (LedgerBook  *book,
                           gint64       txn_id,
                           GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, LEAF_QUERY " WHERE t.id = ?1 ORDER BY s.seq", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  return stream_leaves (book, stmt, append_leaf_cb, book, error);
}

gboolean
ledger_fingerprint_head_at (LedgerBook      *book,
                            guint64          size,
                            LedgerTreeHead  *out_head,
                            GError         **error)
{
  out_head->size = size;
  return ledger_merkle_root (cached_subtree, book, size, &out_head->root, error);
}

gboolean
ledger_book_fingerprint (LedgerBook      *book,
                         LedgerTreeHead  *out_head,
                         GError         **error)
{
  gint64 size = ledger_journal_count (book, error);

  return size >= 0 && ledger_fingerprint_head_at (book, (guint64) size, out_head, error);
}

GArray *
ledger_fingerprint_inclusion (LedgerBook  *book,
                              gint64       index,
                              guint64      size,
                              LedgerHash  *out_leaf_hash,
                              GError     **error)
{
  gboolean found = FALSE;

  if (index < 1 || (guint64) index > size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("entry %" PRId64 " is not among the %" PRIu64 " entries of the book"), index, size);
      return NULL;
    }
  if (!read_node (book, 0, (guint64) index - 1, out_leaf_hash, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("entry %" PRId64 " has no recorded fingerprint; run verify"), index);
      return NULL;
    }
  return ledger_merkle_inclusion_proof (cached_subtree, book, (guint64) index - 1, size, error);
}

GArray *
ledger_fingerprint_consistency (LedgerBook  *book,
                                guint64      old_size,
                                guint64      new_size,
                                GError     **error)
{
  return ledger_merkle_consistency_proof (cached_subtree, book, old_size, new_size, error);
}

/* ------------------------------------------------------------------ */
/* Verification */

typedef struct
{
  gboolean   present;
  LedgerHash hash;
} CachedNode;

typedef struct
{
  LedgerBook *book;
  GArray     *frontier;  /* of FrontierNode: the perfect subtrees so far */
  gint64      count;
  GPtrArray  *cached;    /* per level, a GArray of CachedNode by index */
  gint64      total;     /* progress steps: the entries, then the caches */
  LedgerProgressFunc progress;
  gpointer    progress_data;
  GCancellable *cancellable;
} Verifier;

/* How many entries verify checks between two progress reports (and two
 * looks at its GCancellable). */
#define VERIFY_PROGRESS_STEP 512

/* Reads the whole cached tree in one ordered scan: verify compares every
 * node of it, and one point query per node cost more than the hashing.
 * Nodes beyond what the journal's @n_entries can have are left out (they
 * are found as extra leaves, and a forged huge index allocates nothing). */
static gboolean
load_cached_tree (Verifier  *v,
                  gint64     n_entries,
                  GError   **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (v->book,
                                            "SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = sqlite3_column_int (stmt, 0);
      gint64 idx = sqlite3_column_int64 (stmt, 1);
      GArray *nodes;
      CachedNode *node;

      if (level < 0 || level > 62 || idx < 0 || idx >= (n_entries >> level) ||
          sqlite3_column_bytes (stmt, 2) != LEDGER_HASH_SIZE)
        continue;
      while (v->cached->len <= (guint) level)
        g_ptr_array_add (v->cached, g_array_new (FALSE, TRUE, sizeof (CachedNode)));
      nodes = g_ptr_array_index (v->cached, level);
      if (nodes->len <= (guint) idx)
        g_array_set_size (nodes, (guint) idx + 1);
      node = &g_array_index (nodes, CachedNode, idx);
      node->present = TRUE;
      memcpy (node->hash.bytes, sqlite3_column_blob (stmt, 2), LEDGER_HASH_SIZE);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (v->book, error, "reading the fingerprint");
      return FALSE;
    }
  return TRUE;
}

static const CachedNode *
find_cached (const Verifier *v,
             int             level,
             guint64         idx)
{
  GArray *nodes = (guint) level < v->cached->len ? g_ptr_array_index (v->cached, level) : NULL;

  if (nodes == NULL || idx >= nodes->len)
    return NULL;
  return &g_array_index (nodes, CachedNode, idx);
}

typedef struct
{
  int        level;
  guint64    idx;
  LedgerHash hash;
} FrontierNode;

/* Names an entry the way a treasurer finds it: number, kind, date, ref. */
static char *
describe_leaf (const LedgerLeaf *leaf)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " (%s %s%s%s)", leaf->index, leaf->kind, leaf->date,
                          *leaf->ref != '\0' ? " " : "", leaf->ref);
}

static gboolean
compare_node (Verifier            *v,
              const FrontierNode  *node,
              const LedgerLeaf    *leaf,
              GError             **error)
{
  const CachedNode *cached = find_cached (v, node->level, node->idx);
  gboolean found = cached != NULL && cached->present;
  g_autofree char *what = NULL;

  if (found && memcmp (cached->hash.bytes, node->hash.bytes, LEDGER_HASH_SIZE) == 0)
    return TRUE;
  what = describe_leaf (leaf);
  if (node->level == 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                 found ? _("entry %s differs from the fingerprint recorded when it was written")
                       : _("entry %s has no recorded fingerprint"),
                 what);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                 _("the recorded fingerprint of entries %" PRIu64 " to %" PRIu64 " is wrong (checked up to entry %s)"),
                 (node->idx << node->level) + 1, (node->idx + 1) << node->level, what);
  return FALSE;
}

static gboolean
verify_leaf_cb (const LedgerLeaf  *leaf,
                gpointer           user_data,
                GError           **error)
{
  Verifier *v = user_data;
  FrontierNode node = { 0, (guint64) leaf->index - 1, leaf->hash };

  if (leaf->index != v->count + 1)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   leaf->index > v->count + 1
                     ? _("entry %" PRId64 " is missing from the journal")
                     : _("entry %" PRId64 " is out of place in the journal"),
                   v->count + 1);
      return FALSE;
    }
  v->count++;
  if (v->count % VERIFY_PROGRESS_STEP == 0)
    {
      if (g_cancellable_set_error_if_cancelled (v->cancellable, error))
        return FALSE;
      if (v->progress != NULL)
        v->progress (v->progress_data, v->count, v->total);
    }
  if (!compare_node (v, &node, leaf, error))
    return FALSE;
  g_array_append_val (v->frontier, node);

  /* Merge equal-sized neighbours, checking each completed subtree. */
  while (v->frontier->len >= 2)
    {
      FrontierNode *right = &g_array_index (v->frontier, FrontierNode, v->frontier->len - 1);
      FrontierNode *left = right - 1;
      FrontierNode parent;

      if (left->level != right->level)
        break;
      parent.level = left->level + 1;
      parent.idx = left->idx >> 1;
      ledger_merkle_node_hash (&left->hash, &right->hash, &parent.hash);
      g_array_set_size (v->frontier, v->frontier->len - 2);
      if (!compare_node (v, &parent, leaf, error))
        return FALSE;
      g_array_append_val (v->frontier, parent);
    }
  return TRUE;
}

/* The head from the frontier: fold the perfect subtrees right to left. */
static void
frontier_root (GArray     *frontier,
               LedgerHash *out)
{
  *out = g_array_index (frontier, FrontierNode, frontier->len - 1).hash;
  for (guint i = frontier->len - 1; i-- > 0;)
    ledger_merkle_node_hash (&g_array_index (frontier, FrontierNode, i).hash, out, out);
}

/* The cache must not remember entries the journal no longer has. */
static gboolean
check_no_extra_leaves (Verifier  *v,
                       GError   **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (v->book,
                                            "SELECT count (*) FROM merkle_nodes WHERE level = 0", error);
  gint64 cached = 0;

  if (stmt == NULL || !ledger_book_query_int64 (v->book, stmt, 0, &cached, error))
    return FALSE;
  if (cached > v->count)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("entry %" PRId64 " is missing: the journal ends at entry %" PRId64 " but %" PRId64 " entries were fingerprinted"),
                   v->count + 1, v->count, cached);
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_fingerprint_verify (LedgerBook      *book,
                           LedgerTreeHead  *out_head,
                           GError         **error)
{
  return ledger_fingerprint_verify_full (book, out_head, NULL, NULL, NULL, error);
}

typedef struct
{
  LedgerTreeHead     *out_head;
  LedgerProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} VerifyRequest;

/* The whole check, inside one read transaction (verify_full). */
static gboolean
verify_cb (LedgerBook  *book,
           gpointer     user_data,
           GError     **error)
{
  VerifyRequest *r = user_data;
  Verifier v = { book, g_array_new (FALSE, FALSE, sizeof (FrontierNode)), 0,
                 g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref),
                 0, r->progress, r->progress_data, r->cancellable };
  gint64 n_entries = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = ledger_book_prepare (book, "SELECT coalesce (max (id), 0) FROM txns", error);
  ok = stmt != NULL && ledger_book_query_int64 (book, stmt, 0, &n_entries, error);
  v.total = n_entries + 1;
  if (ok && r->progress != NULL)
    r->progress (r->progress_data, 0, v.total);
  ok = ok && load_cached_tree (&v, n_entries, error) &&
       ledger_journal_foreach_leaf (book, verify_leaf_cb, &v, error) &&
       check_no_extra_leaves (&v, error) &&
       !g_cancellable_set_error_if_cancelled (r->cancellable, error) &&
       ledger_schema_check_caches (book, error);
  if (ok)
    {
      r->out_head->size = (guint64) v.count;
      if (v.count == 0)
        ledger_merkle_root (cached_subtree, book, 0, &r->out_head->root, NULL);
      else
        frontier_root (v.frontier, &r->out_head->root);
      if (r->progress != NULL)
        r->progress (r->progress_data, v.total, v.total);
    }
  g_array_unref (v.frontier);
  g_ptr_array_unref (v.cached);
  return ok;
}

/* The steps it reports: one per entry, and one for the report caches.
 *
 * One read transaction: the journal, the cached tree and the report
 * caches are read as they stood at one moment. Without it an entry
 * written between two of its queries (the window's own connection, or
 * the command line) showed as an entry with no recorded fingerprint: a
 * false alarm of tampering. Writers wait for it, as for an export. */
gboolean
ledger_fingerprint_verify_full (LedgerBook          *book,
                                LedgerTreeHead      *out_head,
                                LedgerProgressFunc   progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GError             **error)
{
  VerifyRequest request = { out_head, progress, progress_data, cancellable };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (out_head != NULL, FALSE);

  return ledger_book_read (book, verify_cb, &request, error);
}

gboolean
ledger_fingerprint_check_head (LedgerBook            *book,
                               const LedgerTreeHead  *earlier,
                               guint                 *out_proof_length,
                               GError               **error)
{
  g_autoptr(GArray) proof = NULL;
  g_autofree char *shown = ledger_tree_head_format_short (earlier);
  LedgerTreeHead current, old_in_book;

  if (!ledger_book_fingerprint (book, &current, error))
    return FALSE;
  if (earlier->size > current.size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the published head covers %" PRIu64 " entries but the book has only %" PRIu64 ": entries were removed"),
                   earlier->size, current.size);
      return FALSE;
    }
  proof = ledger_fingerprint_consistency (book, earlier->size, current.size, error);
  if (proof == NULL || !ledger_fingerprint_head_at (book, earlier->size, &old_in_book, error))
    return FALSE;
  if (memcmp (old_in_book.root.bytes, earlier->root.bytes, LEDGER_HASH_SIZE) != 0 ||
      !ledger_merkle_verify_consistency (earlier->size, &earlier->root, current.size,
                                         &current.root, proof))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the book does not extend the published head %" PRIu64 ":%s…: some of its first %" PRIu64 " entries were changed"),
                   earlier->size, shown, earlier->size);
      return FALSE;
    }
  if (out_proof_length != NULL)
    *out_proof_length = proof->len;
  return TRUE;
}

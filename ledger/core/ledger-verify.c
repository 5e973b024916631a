/* ledger-verify.c — verify's first half: the fingerprint
 *
 * Every leaf is recomputed from the journal and hashed into a fresh tree,
 * node by node against the cached one; each fingerprint a notice
 * published is compared with the head recomputed at its size, in the same
 * pass. The first entry, node or notice that differs is named. The second
 * half, every table rebuilt by replaying the journal (the report caches
 * among them), is ledger-replay.c.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-schema-private.h"
#include "ledger-fingerprint.h"
#include "ledger-leaf.h"
#include "ledger-verify.h"
#include "ledger-verify-private.h"

/* ------------------------------------------------------------------ */
/* The journal against the cached tree */

typedef struct
{
  gboolean   present;
  LedgerHash hash;
} CachedNode;

/* A fingerprint a notice put on the board, to be found again in the
 * journal at its size. */
typedef struct
{
  gint64          txn_id;   /* the notice's own journal entry */
  char           *period;
  char           *shown;    /* as the notices table holds it */
  LedgerTreeHead  head;
} PublishedHead;

typedef struct
{
  LedgerBook *book;
  GArray     *frontier;  /* of FrontierNode: the perfect subtrees so far */
  gint64      count;
  GPtrArray  *cached;    /* per level, a GArray of CachedNode by index */
  GArray     *published; /* of PublishedHead, by size */
  guint       next_published;
  gint64      total;     /* progress steps: the entries, then the replay */
  LedgerProgressFunc progress;
  gpointer    progress_data;
  GCancellable *cancellable;
  LedgerLeafFunc each_leaf;  /* the replay, fed from the same pass */
  gpointer    each_leaf_data;
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
  if (!ledger_book_finish_rows (v->book, stmt, rc, N_("reading the fingerprint"), error))
    return FALSE;
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

/* The head from the frontier: fold the perfect subtrees right to left. */
static void
frontier_root (GArray     *frontier,
               LedgerHash *out)
{
  *out = g_array_index (frontier, FrontierNode, frontier->len - 1).hash;
  for (guint i = frontier->len - 1; i-- > 0;)
    ledger_merkle_node_hash (&g_array_index (frontier, FrontierNode, i).hash, out, out);
}

/* ------------------------------------------------------------------ */
/* The fingerprints the notices published */

static void
published_head_clear (gpointer data)
{
  PublishedHead *p = data;

  g_free (p->period);
  g_free (p->shown);
}

static int
compare_published (gconstpointer a,
                   gconstpointer b)
{
  const PublishedHead *pa = a, *pb = b;

  if (pa->head.size != pb->head.size)
    return pa->head.size < pb->head.size ? -1 : 1;
  return pa->txn_id < pb->txn_id ? -1 : pa->txn_id > pb->txn_id;
}

/* Every notice's fingerprint, smallest size first. One whose text is not
 * SIZE:ROOT is a difference: the program never records one. */
static gboolean
load_published_heads (Verifier  *v,
                      GError   **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (v->book,
                                            "SELECT txn_id, period, fingerprint FROM notices ORDER BY id",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PublishedHead p = { sqlite3_column_int64 (stmt, 0), ledger_column_dup (stmt, 1),
                          ledger_column_dup (stmt, 2), { 0 } };

      if (!ledger_tree_head_parse (p.shown, "fingerprint", &p.head, NULL))
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("table notices, column fingerprint: notice %s (entry %" PRId64 ") records “%s”, which is not SIZE:ROOT"),
                       p.period, p.txn_id, p.shown);
          published_head_clear (&p);
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_array_append_val (v->published, p);
    }
  if (!ledger_book_finish_rows (v->book, stmt, rc, N_("reading notices"), error))
    return FALSE;
  g_array_sort (v->published, compare_published);
  return TRUE;
}

/* The head of the first @v->count entries, recomputed from the leaves
 * (the frontier), never read from the cache: a history rewritten with a
 * new, self-consistent cache still gives another root here. */
static void
recomputed_head (const Verifier *v,
                 LedgerTreeHead *out)
{
  out->size = (guint64) v->count;
  if (v->count == 0)
    ledger_merkle_root (NULL, NULL, 0, &out->root, NULL); /* the empty tree */
  else
    frontier_root (v->frontier, &out->root);
}

/* Compares each notice published at the current size with the recomputed
 * head. */
static gboolean
check_published_heads (Verifier  *v,
                       GError   **error)
{
  for (; v->next_published < v->published->len; v->next_published++)
    {
      const PublishedHead *p = &g_array_index (v->published, PublishedHead, v->next_published);
      LedgerTreeHead head;

      if (p->head.size != (guint64) v->count)
        break;
      recomputed_head (v, &head);
      if (memcmp (head.root.bytes, p->head.root.bytes, LEDGER_HASH_SIZE) != 0)
        {
          /* In full: a forger would keep the 16 digits people compare. */
          g_autofree char *published = ledger_tree_head_format (&p->head);
          g_autofree char *now = ledger_tree_head_format (&head);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("notice %s (entry %" PRId64 ") published the fingerprint %s, "
                         "but the journal's first %" PRIu64 " entries now give %s: "
                         "the journal or the notice's record was changed after it was published"),
                       p->period, p->txn_id, published, head.size, now);
          return FALSE;
        }
    }
  return TRUE;
}

/* After the last entry: a notice that showed more entries than the
 * journal has. */
static gboolean
check_no_published_beyond (Verifier  *v,
                           GError   **error)
{
  const PublishedHead *p;

  if (v->next_published >= v->published->len)
    return TRUE;
  p = &g_array_index (v->published, PublishedHead, v->next_published);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("notice %s (entry %" PRId64 ") published the fingerprint of %" PRIu64
                 " entries, but the journal has only %" PRId64 ": entries were removed"),
               p->period, p->txn_id, p->head.size, v->count);
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
  /* Only a leaf whose fingerprint holds is handed on: a changed entry is
   * named as changed, not as whatever its replay then finds wrong. */
  return check_published_heads (v, error) &&
         (v->each_leaf == NULL || v->each_leaf (leaf, v->each_leaf_data, error));
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

/* Rows of the journal that no leaf shows: facts of an entry that has no
 * version-2 leaf (planted for the next entry number, the next entry
 * would adopt them), splits of an entry not yet written, a split naming
 * a household no one registered (the leaf's unit is then empty, and the
 * next registration would change an old leaf). */
static const struct
{
  const char *sql;
  const char *what;
} orphan_checks[] = {
  { "SELECT f.txn_id FROM facts f LEFT JOIN txns t ON t.id = f.txn_id"
    " WHERE t.id IS NULL OR t.leaf <> 2 ORDER BY f.txn_id LIMIT 1",
    N_("journal entry %s: the journal holds facts of it, but its leaf has none") },
  { "SELECT s.txn_id FROM splits s LEFT JOIN txns t ON t.id = s.txn_id"
    " WHERE t.id IS NULL ORDER BY s.txn_id LIMIT 1",
    N_("journal entry %s: the journal holds splits of it, but not the entry") },
  { "SELECT s.txn_id FROM splits s LEFT JOIN households h ON h.id = s.household_id"
    " WHERE s.household_id IS NOT NULL AND h.id IS NULL ORDER BY s.txn_id LIMIT 1",
    N_("journal entry %s: a split names a household the book does not have") },
};

static gboolean
check_orphans (LedgerBook  *book,
               GError     **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (orphan_checks); i++)
    {
      sqlite3_stmt *stmt = ledger_book_prepare (book, orphan_checks[i].sql, error);
      gint64 txn_id = 0;

      if (stmt == NULL || !ledger_book_query_int64 (book, stmt, 0, &txn_id, error))
        return FALSE;
      if (txn_id != 0)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, txn_id);
          g_autofree char *message = g_strdup (_(orphan_checks[i].what));
          char *at = strstr (message, "%s");

          /* The one "%s" of the message replaced by hand: the texts are a
           * table, and a format must be a literal. */
          if (at != NULL)
            {
              *at = '\0';
              g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, "%s%s%s", message, number, at + 2);
            }
          else
            g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, message);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  LedgerTreeHead     *out_head;
  LedgerProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} VerifyRequest;

gboolean
ledger_verify_tree_in_read (LedgerBook          *book,
                            LedgerTreeHead      *out_head,
                            LedgerProgressFunc   progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error)
{
  return ledger_verify_tree_each_leaf_in_read (book, out_head, progress, progress_data, cancellable,
                                               NULL, NULL, error);
}

/* The leaves and the tree, each leaf then handed to @each_leaf (the
 * caller holds a read transaction; ledger_verify_full() in
 * ledger-replay.c). One pass: building every leaf from the journal's rows
 * and hashing it is a tenth of verify, and the replay needs the same
 * leaves in the same order. */
gboolean
ledger_verify_tree_each_leaf_in_read (LedgerBook          *book,
                                      LedgerTreeHead      *out_head,
                                      LedgerProgressFunc   progress,
                                      gpointer             progress_data,
                                      GCancellable        *cancellable,
                                      LedgerLeafFunc       each_leaf,
                                      gpointer             each_leaf_data,
                                      GError             **error)
{
  VerifyRequest request = { out_head, progress, progress_data, cancellable };
  VerifyRequest *r = &request;
  Verifier v = {
    .book = book,
    .frontier = g_array_new (FALSE, FALSE, sizeof (FrontierNode)),
    .cached = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref),
    .published = g_array_new (FALSE, FALSE, sizeof (PublishedHead)),
    .progress = r->progress,
    .progress_data = r->progress_data,
    .cancellable = r->cancellable,
    .each_leaf = each_leaf,
    .each_leaf_data = each_leaf_data,
  };
  gint64 n_entries = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = ledger_book_prepare (book, "SELECT coalesce (max (id), 0) FROM txns", error);
  ok = stmt != NULL && ledger_book_query_int64 (book, stmt, 0, &n_entries, error);
  v.total = n_entries + 1;
  if (ok && r->progress != NULL)
    r->progress (r->progress_data, 0, v.total);
  g_array_set_clear_func (v.published, published_head_clear);
  ok = ok && load_cached_tree (&v, n_entries, error) &&
       load_published_heads (&v, error) &&
       check_published_heads (&v, error) && /* any of the empty book */
       ledger_journal_foreach_leaf (book, verify_leaf_cb, &v, error) &&
       check_no_extra_leaves (&v, error) &&
       check_no_published_beyond (&v, error) &&
       check_orphans (book, error) &&
       !g_cancellable_set_error_if_cancelled (r->cancellable, error);
  if (ok)
    recomputed_head (&v, r->out_head);
  g_array_unref (v.frontier);
  g_ptr_array_unref (v.cached);
  g_array_unref (v.published);
  return ok;
}

/* The head of the first @size entries, refusing a size the book does not
 * have (the cache would only say a node is missing). */
static gboolean
head_of_book_at (LedgerBook      *book,
                 gint64           size,
                 LedgerTreeHead  *out,
                 GError         **error)
{
  gint64 count = ledger_journal_count (book, error);

  if (count < 0)
    return FALSE;
  if (size < 0)
    size = count;
  if (size > count)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("the book has only %" PRId64 " entries, not %" PRId64), count, size);
      return FALSE;
    }
  return ledger_fingerprint_head_at (book, (guint64) size, out, error);
}

GArray *
ledger_verify_extends (LedgerBook            *book,
                       const LedgerTreeHead  *earlier,
                       gint64                 later_size,
                       LedgerTreeHead        *out_later,
                       GError               **error)
{
  g_autoptr(GArray) proof = NULL;
  g_autofree char *shown = ledger_tree_head_format_short (earlier);
  LedgerTreeHead later, old_in_book;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (earlier != NULL, NULL);

  if (!head_of_book_at (book, later_size, &later, error))
    return NULL;
  /* Against the whole book, a published head beyond it is the book's
   * fault; against a size the caller chose, the caller's. */
  if (later_size < 0 && earlier->size > later.size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the published head covers %" PRIu64 " entries but the book has only %" PRIu64 ": entries were removed"),
                   earlier->size, later.size);
      return NULL;
    }
  proof = ledger_fingerprint_consistency (book, earlier->size, later.size, error);
  if (proof == NULL || !ledger_fingerprint_head_at (book, earlier->size, &old_in_book, error))
    return NULL;
  if (memcmp (old_in_book.root.bytes, earlier->root.bytes, LEDGER_HASH_SIZE) != 0 ||
      !ledger_merkle_verify_consistency (earlier->size, &earlier->root, later.size,
                                         &later.root, proof))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the book does not extend the published head %" PRIu64 ":%s…: some of its first %" PRIu64 " entries were changed"),
                   earlier->size, shown, earlier->size);
      return NULL;
    }
  if (out_later != NULL)
    *out_later = later;
  return g_steal_pointer (&proof);
}

gboolean
ledger_verify_earlier_head (LedgerBook            *book,
                            const LedgerTreeHead  *earlier,
                            guint                 *out_proof_length,
                            GError               **error)
{
  g_autoptr(GArray) proof = ledger_verify_extends (book, earlier, -1, NULL, error);

  if (proof == NULL)
    return FALSE;
  if (out_proof_length != NULL)
    *out_proof_length = proof->len;
  return TRUE;
}

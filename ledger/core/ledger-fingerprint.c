/* ledger-fingerprint.c — the cached Merkle tree and its heads and proofs
 *
 * The tree is cached in merkle_nodes: node (level, idx) is the head of the
 * perfect subtree over leaves [idx·2^level, (idx+1)·2^level). Appending a
 * leaf adds it and every perfect subtree it completes — O(log n) at worst,
 * O(1) on average — and any tree head or proof needs O(log n) cached nodes.
 * The fingerprint never depends on the cache: verify (ledger-verify.c)
 * rebuilds it all from the journal and compares.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-fingerprint.h"
#include "ledger-fingerprint-private.h"
#include "ledger-leaf-private.h"

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
      ledger_book_set_sqlite_error (book, error, N_("reading the fingerprint"));
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
  return ledger_journal_leaf_of (book, txn_id, append_leaf_cb, book, error);
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

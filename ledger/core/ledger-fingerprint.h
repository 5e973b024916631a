/* ledger-fingerprint.h — the book's fingerprint: an RFC 6962 Merkle tree
 * over the canonical leaves of every journal entry (ledger-leaf.h); the
 * fingerprint is SIZE:ROOT, the tree head over all leaves.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"

G_BEGIN_DECLS

/**
 * ledger_book_fingerprint:
 * @book: an open book
 * @out_head: (out): the current fingerprint, SIZE:ROOT
 * @error: return location for an error
 *
 * The current fingerprint, from the cached tree (O(log n)).
 *
 * Returns: TRUE with the head; FALSE with LEDGER_ERROR_VERIFY when the
 *   cached tree has a gap (run verify), or a storage error
 */
gboolean ledger_book_fingerprint (LedgerBook      *book,
                                  LedgerTreeHead  *out_head,
                                  GError         **error);


/**
 * ledger_fingerprint_inclusion:
 * @book: an open book
 * @index: the entry, 1-based
 * @size: the tree's size, @index ≤ @size ≤ the journal's
 * @out_leaf_hash: (out): the entry's leaf hash
 * @error: return location for an error
 *
 * The inclusion proof of entry @index in the tree of @size entries.
 *
 * Returns: (transfer full) (element-type LedgerHash): the proof, from
 *   the leaf upwards, or NULL with @error set: LEDGER_ERROR_NOT_FOUND
 *   for an index outside 1..@size, LEDGER_ERROR_VERIFY when the cached
 *   tree lacks the entry, or a storage error
 */
GArray *ledger_fingerprint_inclusion (LedgerBook  *book,
                                      gint64       index,
                                      guint64      size,
                                      LedgerHash  *out_leaf_hash,
                                      GError     **error);

/**
 * ledger_fingerprint_consistency:
 * @book: an open book
 * @old_size: the earlier tree's size
 * @new_size: the later tree's size, @old_size ≤ @new_size ≤ the journal's
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerHash): the consistency
 *   proof between the book's trees of @old_size and @new_size entries, or
 *   NULL with @error set: LEDGER_ERROR_INVALID_INPUT when @old_size is
 *   past @new_size, LEDGER_ERROR_VERIFY for a gap in the cached tree, or a storage
 *   error
 */
GArray *ledger_fingerprint_consistency (LedgerBook  *book,
                                        guint64      old_size,
                                        guint64      new_size,
                                        GError     **error);

/**
 * ledger_fingerprint_head_at:
 * @book: an open book
 * @size: how many entries, at most the journal's
 * @out_head: (out): the head of the tree over the first @size entries
 * @error: return location for an error
 *
 * Returns: TRUE with the head; FALSE with LEDGER_ERROR_VERIFY for a gap
 *   in the cached tree, or a storage error
 */
gboolean ledger_fingerprint_head_at (LedgerBook      *book,
                                     guint64          size,
                                     LedgerTreeHead  *out_head,
                                     GError         **error);

G_END_DECLS

/* ledger-fingerprint.h — the book's fingerprint: an RFC 6962 Merkle tree
 * over the canonical leaves of every journal entry (ledger-leaf.h); the
 * fingerprint is SIZE:ROOT, the tree head over all leaves.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"

G_BEGIN_DECLS

/* The current fingerprint, from the cached tree (O(log n)). */
gboolean ledger_book_fingerprint (LedgerBook      *book,
                                  LedgerTreeHead  *out_head,
                                  GError         **error);


/* The inclusion proof of entry @index (1-based) in the tree of @size
 * entries, and the entry's leaf hash. A GArray of LedgerHash. */
GArray *ledger_fingerprint_inclusion (LedgerBook  *book,
                                      gint64       index,
                                      guint64      size,
                                      LedgerHash  *out_leaf_hash,
                                      GError     **error);

/* The consistency proof between the book's trees of @old_size and
 * @new_size entries. A GArray of LedgerHash. */
GArray *ledger_fingerprint_consistency (LedgerBook  *book,
                                        guint64      old_size,
                                        guint64      new_size,
                                        GError     **error);

/* The head of the book's tree over its first @size entries. */
gboolean ledger_fingerprint_head_at (LedgerBook      *book,
                                     guint64          size,
                                     LedgerTreeHead  *out_head,
                                     GError         **error);

G_END_DECLS

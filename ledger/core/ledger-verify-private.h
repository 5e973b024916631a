/* ledger-verify-private.h — the fingerprint half of verify, for
 * ledger-replay.c, which adds the replay */
#pragma once

#include "ledger-book.h"
#include "ledger-leaf.h"
#include "ledger-merkle.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

/* Recomputes every leaf and cached tree node and the report caches, as
 * ledger_verify() describes, and compares each notice's published
 * fingerprint with the head recomputed from the leaves at its size
 * (LEDGER_ERROR_VERIFY naming the notice); the caller holds a read
 * transaction.
 * @progress is told of the entries plus one step, and not of the last
 * step: the caller reports it when its own part is done. */
gboolean ledger_verify_tree_in_read (LedgerBook          *book,
                                     LedgerTreeHead      *out_head,
                                     LedgerProgressFunc   progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* The same, handing each leaf whose fingerprint holds to @each_leaf (in
 * journal order, before the next leaf is read): verify's replay rides on
 * the fingerprint's pass instead of building every leaf again. An error
 * of @each_leaf stops the pass and is returned as it is. */
gboolean ledger_verify_tree_each_leaf_in_read (LedgerBook          *book,
                                               LedgerTreeHead      *out_head,
                                               LedgerProgressFunc   progress,
                                               gpointer             progress_data,
                                               GCancellable        *cancellable,
                                               LedgerLeafFunc       each_leaf,
                                               gpointer             each_leaf_data,
                                               GError             **error);

G_END_DECLS

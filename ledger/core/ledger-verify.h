/* ledger-verify.h — verify: the whole book rebuilt from its journal and
 * compared with what is stored */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

/**
 * ledger_verify:
 * Recomputes every leaf from the journal and every cached tree node, and
 * fails with LEDGER_ERROR_VERIFY naming the first entry that differs, is
 * missing or is out of place; then recomputes the report caches
 * (charge_status, account_days) and names the first row that differs. On
 * success @out_head is the recomputed fingerprint.
 */
gboolean ledger_verify (LedgerBook      *book,
                        LedgerTreeHead  *out_head,
                        GError         **error);

/**
 * ledger_verify_full:
 * @progress: (nullable): told how many entries are checked, of the
 *   entries plus one (the report caches, checked last)
 * @cancellable: (nullable): looked at every few hundred entries; verify
 *   only reads, so stopping leaves the book as it was (G_IO_ERROR_CANCELLED)
 *
 * ledger_verify() with progress, for the window's worker
 * thread; ledger_verify() is this with NULLs.
 */
gboolean ledger_verify_full (LedgerBook          *book,
                             LedgerTreeHead      *out_head,
                             LedgerProgressFunc   progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GError             **error);

/**
 * ledger_verify_earlier_head:
 * Proves that the book extends the earlier, published head @earlier: the
 * book's first @earlier->size entries hash to @earlier->root, and a
 * consistency proof from @earlier to the current head verifies.
 * LEDGER_ERROR_VERIFY otherwise. @out_proof_length: the proof's hashes.
 */
gboolean ledger_verify_earlier_head (LedgerBook            *book,
                                     const LedgerTreeHead  *earlier,
                                     guint                 *out_proof_length,
                                     GError               **error);

G_END_DECLS

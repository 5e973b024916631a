/* ledger-verify.h — verify: the whole book rebuilt from its journal and
 * compared with what is stored */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

/**
 * ledger_verify:
 * @book: an open book
 * @out_head: (out) (optional): the recomputed fingerprint
 * @error: return location for an error
 *
 * Recomputes every leaf from the journal and every cached tree node,
 * naming the first entry that differs, is missing or is out of place;
 * then recomputes the report caches (charge_status, account_days) and
 * names the first row that differs. Only reads.
 *
 * Returns: TRUE when everything agrees; FALSE with @error set:
 *   LEDGER_ERROR_VERIFY naming the first difference, or a storage error
 */
gboolean ledger_verify (LedgerBook      *book,
                        LedgerTreeHead  *out_head,
                        GError         **error);

/**
 * ledger_verify_full:
 * @book: an open book (the window's worker thread opens one of its own)
 * @out_head: (out) (optional): the recomputed fingerprint
 * @progress: (nullable): told how many entries are checked, of the
 *   entries plus one (the report caches, checked last)
 * @progress_data: passed to @progress
 * @cancellable: (nullable): looked at every few hundred entries; verify
 *   only reads, so stopping leaves the book as it was
 * @error: return location for an error
 *
 * ledger_verify() with progress, for the window's worker
 * thread; ledger_verify() is this with NULLs.
 *
 * Returns: as ledger_verify(), or FALSE with G_IO_ERROR_CANCELLED
 */
gboolean ledger_verify_full (LedgerBook          *book,
                             LedgerTreeHead      *out_head,
                             LedgerProgressFunc   progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GError             **error);

/**
 * ledger_verify_earlier_head:
 * @book: an open book
 * @earlier: a fingerprint published earlier (a notice's)
 * @out_proof_length: (out) (optional): how many hashes the consistency
 *   proof has
 * @error: return location for an error
 *
 * Proves that the book extends the earlier, published head @earlier: the
 * book's first @earlier->size entries hash to @earlier->root, and a
 * consistency proof from @earlier to the current head verifies.
 *
 * Returns: TRUE when proven; FALSE with @error set: LEDGER_ERROR_VERIFY
 *   when the book does not extend @earlier (or is shorter than it), or a
 *   storage error
 */
gboolean ledger_verify_earlier_head (LedgerBook            *book,
                                     const LedgerTreeHead  *earlier,
                                     guint                 *out_proof_length,
                                     GError               **error);

G_END_DECLS

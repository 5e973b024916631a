/* ledger-replay.h — verify: the whole book rebuilt from its journal and
 * compared with what is stored
 *
 * The fingerprint part (every leaf and cached tree node recomputed) is
 * core's (ledger-verify.c); the replay is here because it applies the
 * domain's rules: every version-2 entry is posted again, with its facts,
 * into an empty book in memory (ledger_book_new_scratch()), through the
 * same apply functions and the same rules (allocation order, vote tally,
 * spend limit, money accounts never below zero) as when it was written;
 * then every table beside the journal is compared row by row with the
 * book's.
 */
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
 * then recomputes the report caches (charge_status, account_days);
 * then replays the journal and compares every table beside it (the
 * first difference is named: table, row, column, what the journal
 * gives and what the book has). Only reads.
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

G_END_DECLS

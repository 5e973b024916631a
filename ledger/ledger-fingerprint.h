/* ledger-fingerprint.h — the book's fingerprint: an RFC 6962 Merkle tree
 * over the canonical bytes of every journal transaction
 *
 * The canonical leaf of transaction N (its 1-based position in the
 * journal) is UTF-8 text, one "name: value" line each, in this order:
 *
 *     community-ledger leaf v1
 *     index: N
 *     kind: KIND
 *     date: YYYY-MM-DD
 *     recorded_at: ISO 8601 time
 *     operator: NAME
 *     ref: REF
 *     memo: MEMO
 *     reverses: M            (empty when the entry reverses nothing)
 *     split: ACCOUNT|UNIT|AMOUNT     (one line per split, in entry order;
 *                                      UNIT empty when none; AMOUNT in fen,
 *                                      debit positive, "-" for credits)
 *
 * every line ending in "\n". In values a backslash is written "\\", a line
 * feed "\n", a carriage return "\r", and in split fields "|" is "\|".
 * The leaf hash is SHA-256 (0x00 ‖ leaf); the fingerprint is SIZE:ROOT,
 * the RFC 6962 tree head over all leaves.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      index;       /* 1-based position in the journal */
  const char *kind;
  const char *date;
  const char *recorded_at;
  const char *operator_name;
  const char *ref;
  const char *memo;
  gint64      reverses;    /* 0: none */
  const char *text;        /* the canonical leaf */
  gsize       length;
  LedgerHash  hash;        /* SHA-256 (0x00 ‖ text) */
} LedgerLeaf;

typedef gboolean (*LedgerLeafFunc) (const LedgerLeaf  *leaf,
                                    gpointer           user_data,
                                    GError           **error);

/* Calls @func for every journal transaction in order, with its canonical
 * leaf. The XLSX export and verify read the journal only through this. */
gboolean ledger_journal_foreach_leaf (LedgerBook      *book,
                                      LedgerLeafFunc   func,
                                      gpointer         user_data,
                                      GError         **error);

/* The current fingerprint, from the cached tree (O(log n)). */
gboolean ledger_book_fingerprint (LedgerBook      *book,
                                  LedgerTreeHead  *out_head,
                                  GError         **error);

/**
 * ledger_fingerprint_verify:
 * Recomputes every leaf from the journal and every cached tree node, and
 * fails with LEDGER_ERROR_VERIFY naming the first entry that differs, is
 * missing or is out of place; then recomputes the report caches
 * (charge_status, account_days) and names the first row that differs. On
 * success @out_head is the recomputed fingerprint.
 */
gboolean ledger_fingerprint_verify (LedgerBook      *book,
                                    LedgerTreeHead  *out_head,
                                    GError         **error);

/**
 * ledger_fingerprint_verify_full:
 * @progress: (nullable): told how many entries are checked, of the
 *   entries plus one (the report caches, checked last)
 * @cancellable: (nullable): looked at every few hundred entries; verify
 *   only reads, so stopping leaves the book as it was (G_IO_ERROR_CANCELLED)
 *
 * ledger_fingerprint_verify() with progress, for the window's worker
 * thread; ledger_fingerprint_verify() is this with NULLs.
 */
gboolean ledger_fingerprint_verify_full (LedgerBook          *book,
                                         LedgerTreeHead      *out_head,
                                         LedgerProgressFunc   progress,
                                         gpointer             progress_data,
                                         GCancellable        *cancellable,
                                         GError             **error);

/**
 * ledger_fingerprint_check_head:
 * Proves that the book extends the earlier, published head @earlier: the
 * book's first @earlier->size entries hash to @earlier->root, and a
 * consistency proof from @earlier to the current head verifies.
 * LEDGER_ERROR_VERIFY otherwise. @out_proof_length: the proof's hashes.
 */
gboolean ledger_fingerprint_check_head (LedgerBook            *book,
                                        const LedgerTreeHead  *earlier,
                                        guint                 *out_proof_length,
                                        GError               **error);

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

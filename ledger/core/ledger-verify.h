/* ledger-verify.h — proving that the book extends a published head
 *
 * ledger_verify() itself, which also rebuilds every table from the
 * journal, is in ledger-replay.h (domain/): the rules it re-applies are
 * the domain's. */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"

G_BEGIN_DECLS

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

/**
 * ledger_verify_extends:
 * @book: an open book
 * @earlier: a fingerprint published earlier, as a resident has it from a
 *   photo of a notice
 * @later_size: the size of the later head, at most the book's; -1: the
 *   whole book
 * @out_later: (out caller-allocates) (optional): the later head
 * @error: return location for an error
 *
 * Proves from the cached tree that the book's first @later_size entries
 * extend @earlier: its first @earlier->size entries hash to
 * @earlier->root, and the consistency proof from @earlier to the later
 * head verifies. (verify recomputes the cached tree from the journal, and
 * checks every notice's fingerprint against the leaves.)
 *
 * Returns: (transfer full) (element-type LedgerHash): the consistency
 *   proof; NULL with @error set: LEDGER_ERROR_VERIFY when the book does
 *   not extend @earlier, or is shorter than it when @later_size is -1;
 *   LEDGER_ERROR_INVALID_INPUT for a @later_size beyond the book or below
 *   @earlier->size; or a storage error
 */
GArray  *ledger_verify_extends      (LedgerBook            *book,
                                     const LedgerTreeHead  *earlier,
                                     gint64                 later_size,
                                     LedgerTreeHead        *out_later,
                                     GError               **error);

G_END_DECLS

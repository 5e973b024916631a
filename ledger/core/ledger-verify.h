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

G_END_DECLS

/* ledger-replay-private.h — what the domain modules hand to the replay
 *
 * Each module that writes facts (ledger-fact-private.h) exports its fact
 * kinds, and, where a rule decided what the facts say, a rule function
 * that decides it again on the replayed book; ledger-replay.c lists them.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/**
 * LedgerReplayRule:
 * @book: the replayed book, as it stood before the entry
 * @leaf: the entry being replayed
 * @facts: its facts parsed: each a NULL-terminated array, the fact's name
 *   first, then its fields; the array itself NULL-terminated
 * @error: return location for the difference
 *
 * Applies the rule that decided the entry's facts when it was written
 * (the same function, not a copy) and compares: LEDGER_ERROR_VERIFY
 * saying what the rule gives and what the entry says.
 */
typedef gboolean (*LedgerReplayRule) (LedgerBook          *book,
                                      const LedgerLeaf    *leaf,
                                      char *const *const  *facts,
                                      GError             **error);

/**
 * LedgerReplayPrivateFunc:
 * @replayed: the replayed book, the entry just applied
 * @book: the book being verified
 * @txn_id: the entry
 * @fields: the fact's fields
 * @error: return location for an error
 *
 * For facts that commit to personal data instead of holding it: brings
 * the data over from @book and checks it against the commitment.
 */
typedef gboolean (*LedgerReplayPrivateFunc) (LedgerBook          *replayed,
                                             LedgerBook          *book,
                                             gint64               txn_id,
                                             const char *const   *fields,
                                             GError             **error);

G_END_DECLS

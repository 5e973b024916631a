/* ledger-community-private.h — what verify's replay needs of a
 * community's book: the rule of its first entry
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* The replay rule of the "init" entry (LedgerReplayRule,
 * ledger-replay-private.h): the book's first entry, with no ref and the
 * community's name it sets as memo, as ledger_community_create() writes
 * it. */
gboolean ledger_community_replay_init (LedgerBook          *book,
                                       const LedgerLeaf    *leaf,
                                       char *const *const  *facts,
                                       GError             **error);

G_END_DECLS

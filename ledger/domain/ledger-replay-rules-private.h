/* ledger-replay-rules-private.h — what the replay rules of the domain
 * modules share: finding an entry's fact and saying how it differs
 *
 * A rule (LedgerReplayRule, ledger-replay-private.h) runs the writer's own
 * decision again on the replayed book and compares it with the entry's
 * facts; these put its findings into words, all as LEDGER_ERROR_VERIFY.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* The entry's one fact named @name (its name first, then its fields),
 * when every other fact of the entry is named one of @others (a
 * NULL-terminated list; NULL: no other fact may be); else NULL with an
 * error: an entry of @leaf's kind holds no other facts than its writer
 * adds, so that no fact escapes the rule. */
char *const *ledger_replay_only_fact (const LedgerLeaf     *leaf,
                                      char *const *const   *facts,
                                      const char           *name,
                                      const char *const    *others,
                                      GError              **error);

/* FALSE with an error saying that the writer's checks, run on the book
 * the journal rebuilds, refuse the entry (@refused says why; not freed). */
gboolean ledger_replay_refused (GError            **error,
                                const LedgerLeaf   *leaf,
                                const GError       *refused);

/* FALSE with an error saying that the rule gives @expected for @field
 * where the entry says @found. */
gboolean ledger_replay_differs (GError      **error,
                                const char   *field,
                                const char   *expected,
                                const char   *found);

/* Whether the entry's ref and memo are @ref and @memo, which the function
 * that composes them for the entry's writer gives again from its facts:
 * otherwise FALSE with ledger_replay_differs() naming "ref" or "memo".
 * Both are the program's words, so a forged entry may not make them say
 * something else than its facts (a vote "passed" that was rejected, a
 * charge naming another unit). */
gboolean ledger_replay_check_ref_memo (const LedgerLeaf  *leaf,
                                       const char        *ref,
                                       const char        *memo,
                                       GError           **error);

G_END_DECLS

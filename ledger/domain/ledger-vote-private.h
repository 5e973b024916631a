/* ledger-vote-private.h — votes inside a running write, and vote helpers
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-journal-private.h"
#include "ledger-leaf.h"
#include "ledger-vote.h"

G_BEGIN_DECLS

/* ledger_vote_new(), ledger_vote_ballot() (without a scan or a
 * replacement) and ledger_vote_close() inside a running
 * ledger_book_write(): the demo records its votes in its own writes. */
gboolean ledger_vote_new_in_write (LedgerBook  *book,
                                   const char  *title,
                                   const char  *description,
                                   int          matter,
                                   const char  *opens,
                                   const char  *closes,
                                   gint64      *out_id,
                                   GError     **error);
gboolean ledger_vote_ballot_in_write (LedgerBook    *book,
                                      gint64         vote_id,
                                      const char    *unit,
                                      LedgerChoice   choice,
                                      const char    *date,
                                      GError       **error);
gboolean ledger_vote_close_in_write (LedgerBook  *book,
                                     gint64       vote_id,
                                     GError     **error);

/* The facts of a vote's entries (docs/leaf-format.md):
 * "vote|TITLE|DESCRIPTION|MATTER|OPENS|CLOSES" (votes, numbered in
 * journal order), "ballot|VOTE|UNIT|OWNER_KEY|CHOICE|DATE|REPLACES|REASON"
 * (ballots; REPLACES the number of the ballot corrected, or empty) and
 * "result|VOTE|CLOSED_ON|HEADS_TOTAL|HEADS_VOTED|HEADS_YES|HEADS_NO|
 * AREA_TOTAL|AREA_VOTED|AREA_YES|AREA_NO|PARTICIPATION_MET|PASSED"
 * (vote_results, the tally frozen; the last two 0 or 1). */
extern const LedgerFactKind ledger_fact_vote;
extern const LedgerFactKind ledger_fact_ballot;
extern const LedgerFactKind ledger_fact_result;

/* Replay rules (LedgerReplayRule, ledger-replay-private.h): a "vote"
 * entry has the terms a new vote must have and opens on its own date; a "ballot"
 * entry passes the checks its writer makes (the vote open on its date,
 * a replacement only with a reason…) and names the owner and replaced
 * ballot they give; a "vote-close" entry's result is the tally of the
 * ballots, counted and decided by the code that closes a vote. */
gboolean ledger_vote_replay_new    (LedgerBook          *book,
                                    const LedgerLeaf    *leaf,
                                    char *const *const  *facts,
                                    GError             **error);
gboolean ledger_vote_replay_ballot (LedgerBook          *book,
                                    const LedgerLeaf    *leaf,
                                    char *const *const  *facts,
                                    GError             **error);
gboolean ledger_vote_replay_close  (LedgerBook          *book,
                                    const LedgerLeaf    *leaf,
                                    char *const *const  *facts,
                                    GError             **error);

/* "yes", "no", "abstain": the word stored in the book. */
const char *ledger_choice_to_string (LedgerChoice choice);

G_END_DECLS

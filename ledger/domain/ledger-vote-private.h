/* ledger-vote-private.h — votes inside a running write, and vote helpers
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

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

/* "yes", "no", "abstain": the word stored in the book. */
const char *ledger_choice_to_string (LedgerChoice choice);

G_END_DECLS

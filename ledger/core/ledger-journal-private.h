/* ledger-journal-private.h — posting balanced transactions to the journal
 *
 * Every operation on the book posts exactly one journal transaction (a
 * "posting") whose splits sum to zero: debits positive, credits negative.
 * A posting with no splits records an event that moves no money (a new
 * household, a fee change) so that it, too, is dated, signed and later
 * fingerprinted.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fact-private.h"

G_BEGIN_DECLS

typedef struct _LedgerPosting LedgerPosting;

/* Starts a posting of @kind ("payment", "charge", …) dated @date. */
LedgerPosting *ledger_posting_new (const char *kind,
                                   const char *date);
void           ledger_posting_free (LedgerPosting *posting);

/* A reference people search by (receipt number, unit code, fee code). */
void ledger_posting_set_ref (LedgerPosting *posting,
                             const char    *ref);
void ledger_posting_set_memo (LedgerPosting *posting,
                              const char    *memo);
/* Marks the posting as the reversal of transaction @txn_id (a reversal
 * also calls ledger_posting_set_follows(): the two are separate so that
 * the journal's own tests can post any leaf). */
void ledger_posting_set_reverses (LedgerPosting *posting,
                                  gint64         txn_id);

/* Makes the posting follow transaction @txn_id (a waiver its charge, a
 * vote's close its opening): when committed, it is dated no earlier than
 * @txn_id, whatever date it was started with. A correction dated before
 * what it corrects would show, for a while, a book that never was (a
 * payment voided before it was received: negative funds). */
void ledger_posting_set_follows (LedgerPosting *posting,
                                 gint64         txn_id);

/* Adds a split: @amount fen, positive for a debit, negative for a credit;
 * @household_id is 0 for splits that belong to no household. Zero amounts
 * are ignored. */
void ledger_posting_add (LedgerPosting *posting,
                         const char    *account,
                         gint64         household_id,
                         gint64         amount);

/* Adds a fact (ledger-fact-private.h): @kind and its n_fields texts,
 * put into the leaf and, at commit, into the tables by @kind's apply
 * function. NULL fields are taken as "". */
void ledger_posting_add_fact  (LedgerPosting         *posting,
                               const LedgerFactKind  *kind,
                               ...);
void ledger_posting_add_factv (LedgerPosting         *posting,
                               const LedgerFactKind  *kind,
                               const char *const     *fields);

/* Replay only: the entry keeps the time and operator it was recorded
 * with, not the replaying book's clock and desk. */
void ledger_posting_set_recorded (LedgerPosting *posting,
                                  const char    *recorded_at,
                                  const char    *operator_name);

/* The sum of the splits so far (zero when balanced; G_MAXINT64 when it
 * is beyond ±LEDGER_TOTAL_MAX, which no posting may be). */
gint64 ledger_posting_balance (LedgerPosting *posting);

/**
 * ledger_posting_commit:
 * Writes the posting to the journal of @book. Must run inside
 * ledger_book_write(). Refuses an unbalanced posting. @out_txn_id receives
 * the new transaction's id (its 1-based position in the journal).
 */
gboolean ledger_posting_commit (LedgerPosting  *posting,
                                LedgerBook     *book,
                                gint64         *out_txn_id,
                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPosting, ledger_posting_free)

G_END_DECLS

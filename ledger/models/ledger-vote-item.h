/* ledger-vote-item.h — one owners' vote as a row for the screens
 *
 * A small GObject over LedgerVote: the votes page lists them, the
 * expenditure form offers the passed ones. The row carries what a list
 * shows (number, title, matter, status); the four ratios of a vote are read
 * with ledger_vote_lookup() when it is opened, so they are always live.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-vote.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_VOTE_ITEM (ledger_vote_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerVoteItem, ledger_vote_item, LEDGER, VOTE_ITEM, GObject)

/* Which votes a model holds. */
typedef enum
{
  LEDGER_VOTE_ITEMS_ALL,     /* every vote, newest first */
  LEDGER_VOTE_ITEMS_PASSED,  /* closed and passed, newest first: those that may authorise spending */
} LedgerVoteItems;

/**
 * ledger_vote_item_new:
 * @vote: (nullable): the vote (copied); NULL for the "no vote" row (id 0)
 *
 * Returns: (transfer full): a row for @vote
 */
LedgerVoteItem *ledger_vote_item_new (const LedgerVote *vote);

/* The getters return what the property of the same name shows; text
 * lives as long as the row. On anything but a LedgerVoteItem they warn
 * (g_return_val_if_fail) and return 0, NULL or FALSE. */

/**
 * ledger_vote_item_get_id:
 * @self: a row
 *
 * Returns: the vote's number (0 for the "no vote" row).
 */
gint64      ledger_vote_item_get_id          (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_title:
 * @self: a row
 *
 * Returns: (transfer none): the vote's title.
 */
const char *ledger_vote_item_get_title       (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_matter:
 * @self: a row
 *
 * Returns: the matter of Art. 278, 1–9 (0 for the "no vote" row).
 */
int         ledger_vote_item_get_matter      (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_status:
 * @self: a row
 *
 * Returns: (transfer none): "open", "passed" or "not-passed", from the
 *   closed and passed flags.
 */
const char *ledger_vote_item_get_status      (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_closed:
 * @self: a row
 *
 * Returns: whether the vote is closed and its result frozen.
 */
gboolean    ledger_vote_item_get_closed      (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_passed:
 * @self: a row
 *
 * Returns: whether the tally (frozen, or live while open) passes.
 */
gboolean    ledger_vote_item_get_passed      (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_opens:
 * @self: a row
 *
 * Returns: (transfer none): the first day of voting, "YYYY-MM-DD".
 */
const char *ledger_vote_item_get_opens       (LedgerVoteItem *self);

/**
 * ledger_vote_item_get_closes:
 * @self: a row
 *
 * Returns: (transfer none): the deadline for ballots, "" when none.
 */
const char *ledger_vote_item_get_closes      (LedgerVoteItem *self);

/**
 * ledger_vote_item_model_new:
 * @book: an open book
 * @which: every vote, or only those closed and passed
 * @error: return location for an error
 *
 * Returns: (transfer full): a GListStore of LedgerVoteItem, newest first,
 *   or NULL with a storage error
 */
GListModel *ledger_vote_item_model_new (LedgerBook       *book,
                                        LedgerVoteItems   which,
                                        GError          **error);

/**
 * ledger_vote_item_model_sync:
 * @store: the store a screen shows
 * @fresh: a model just read (ledger_vote_item_model_new())
 *
 * Makes @store hold the rows of @fresh. When both list the same votes in
 * the same order the existing rows are updated in place (and notify only
 * what changed), so selections and bound widgets survive a reload;
 * otherwise the contents are replaced in one items-changed.
 */
void ledger_vote_item_model_sync (GListStore *store,
                                  GListModel *fresh);

G_END_DECLS

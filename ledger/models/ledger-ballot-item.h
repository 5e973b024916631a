/* ledger-ballot-item.h — one owner's line on a vote's ballot grid
 *
 * Owners are counted by owner key (Civil Code Art. 278: one head per
 * owner, the areas of their units added up), so the grid has one row per
 * owner key: a representative unit (the first in building/entrance/room
 * order), all of the owner's units, the owner's name, the total exclusive
 * area, and the owner's current choice in the vote (the newest ballot).
 */
#pragma once

#include <gio/gio.h>

#include "ledger-vote.h"

G_BEGIN_DECLS

/* The choice of an owner who has not voted. */
#define LEDGER_BALLOT_ITEM_NO_CHOICE (-1)

#define LEDGER_TYPE_BALLOT_ITEM (ledger_ballot_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerBallotItem, ledger_ballot_item, LEDGER, BALLOT_ITEM, GObject)

/* The getters return what the property of the same name shows; text
 * lives as long as the row. On anything but a LedgerBallotItem they warn
 * (g_return_val_if_fail) and return 0, NULL or FALSE. */

/**
 * ledger_ballot_item_get_owner_key:
 * @self: a row
 *
 * Returns: (transfer none): the owner key that groups the owner's units (one
 *   head).
 */
const char *ledger_ballot_item_get_owner_key (LedgerBallotItem *self);

/**
 * ledger_ballot_item_get_unit:
 * @self: a row
 *
 * Returns: (transfer none): the representative unit: ballots are entered
 *   under it.
 */
const char *ledger_ballot_item_get_unit      (LedgerBallotItem *self);

/**
 * ledger_ballot_item_get_units:
 * @self: a row
 *
 * Returns: (transfer none): all of the owner's units, "1-1-101, 1-1-102".
 */
const char *ledger_ballot_item_get_units     (LedgerBallotItem *self);

/**
 * ledger_ballot_item_get_owner:
 * @self: a row
 *
 * Returns: (transfer none): the owner's name as the register has it for the
 *   representative unit.
 */
const char *ledger_ballot_item_get_owner     (LedgerBallotItem *self);

/**
 * ledger_ballot_item_get_area:
 * @self: a row
 *
 * Returns: total exclusive area in 0.01 m².
 */
gint64      ledger_ballot_item_get_area      (LedgerBallotItem *self);

/**
 * ledger_ballot_item_get_choice:
 * @self: a row
 *
 * Returns: a LedgerChoice, or LEDGER_BALLOT_ITEM_NO_CHOICE.
 */
int         ledger_ballot_item_get_choice    (LedgerBallotItem *self);

/**
 * ledger_ballot_item_set_choice:
 * @self: a row
 * @choice: a LedgerChoice, or LEDGER_BALLOT_ITEM_NO_CHOICE
 *
 * Records on the row the choice the book now holds (after a ballot),
 * notifying "choice" when it changed.
 */
void        ledger_ballot_item_set_choice    (LedgerBallotItem *self,
                                              int               choice);

/**
 * ledger_ballot_item_has_unit:
 * @self: a row
 * @unit: (nullable): a normalised unit code
 *
 * Returns: whether @unit is one of the owner's units
 */
gboolean    ledger_ballot_item_has_unit      (LedgerBallotItem *self,
                                              const char       *unit);

/**
 * ledger_ballot_item_model_new:
 * @book: an open book
 * @vote_id: the vote whose current ballots fill the "choice" column
 * @error: return location for an error
 *
 * Returns: (transfer full): a GListStore of LedgerBallotItem, one per
 *   owner key, in the order of their representative units; NULL with a
 *   storage error
 */
GListModel *ledger_ballot_item_model_new (LedgerBook  *book,
                                          gint64       vote_id,
                                          GError     **error);

/**
 * ledger_ballot_item_model_sync:
 * @store: the store a screen shows
 * @fresh: a model just read (ledger_ballot_item_model_new())
 *
 * When @store and @fresh hold the same owners in the same order, copies
 * the fresh rows (choice, owner's name, area, units) into the rows of
 * @store, notifying only what changed: bound cells and the selection stay
 * where they are.
 *
 * Returns: TRUE when updated in place; FALSE, touching nothing, when the
 *   register itself changed and the caller must swap the model
 */
gboolean ledger_ballot_item_model_sync (GListStore *store,
                                        GListModel *fresh);

G_END_DECLS

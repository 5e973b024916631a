/* ledger-household-item.h — one row of the households screen
 *
 * A LedgerHouseholdItem is a read-only GObject snapshot of a registered
 * household with what it owes, for list models (GtkColumnView sorts and
 * filters on its properties through GtkPropertyExpression):
 *
 *   unit            "3-2-301"
 *   unit-order      building × 10⁷ + entrance × 10⁵ + room: sorts 2-1-101 before 10-1-101
 *   owner           "张三"
 *   owner-masked    "张*" (ledger_text_mask_name())
 *   owner-key       units with the same key belong to one owner
 *   phone           "" when unknown
 *   area            exclusive floor area in 0.01 m²
 *   spaces          parking spaces
 *   status          "occupied", "rented" or "vacant"
 *   move-in         "YYYY-MM-DD" or ""
 *   owed            arrears, all years, in fen: ledger_report_arrears()'s figure
 *   year            the year the next three describe
 *   billed-this-year whether the year was billed to the household
 *   owed-this-year  what is still open of the year's charges, in fen
 *   paid-this-year  billed and nothing open (ledger_report_collection() counts it as paid)
 */
#pragma once

#include <gio/gio.h>

#include "ledger-book.h"
#include "ledger-household.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_HOUSEHOLD_ITEM (ledger_household_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerHouseholdItem, ledger_household_item, LEDGER, HOUSEHOLD_ITEM, GObject)

/**
 * ledger_household_item_new:
 * @household: a household that need not be in a book (copied)
 *
 * A row for an import preview: it owes nothing.
 *
 * Returns: (transfer full): the row
 */
LedgerHouseholdItem   *ledger_household_item_new (const LedgerHousehold *household);

/* The getters return what the property of the same name shows; text
 * lives as long as the row. On anything but a LedgerHouseholdItem they warn
 * (g_return_val_if_fail) and return 0, NULL or FALSE. */
/**
 * ledger_household_item_get_household:
 * @self: a row
 *
 * Returns: (transfer none): the household as registered (for an edit
 *   form), owned by @self
 */

/**
 * ledger_household_item_get_household:
 * @self: a row
 *
 * Returns: (transfer none)
 */
const LedgerHousehold *ledger_household_item_get_household (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_unit:
 * @self: a row
 *
 * Returns: (transfer none): "3-2-301"
 */
const char *ledger_household_item_get_unit           (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_owner:
 * @self: a row
 *
 * Returns: (transfer none): the owner's full name.
 */
const char *ledger_household_item_get_owner          (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_owner_masked:
 * @self: a row
 *
 * Returns: (transfer none): the owner's name masked for public outputs:
 *   "张*".
 */
const char *ledger_household_item_get_owner_masked   (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_area:
 * @self: a row
 *
 * Returns: exclusive floor area in 0.01 m².
 */
gint64      ledger_household_item_get_area           (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_spaces:
 * @self: a row
 *
 * Returns: parking spaces.
 */
int         ledger_household_item_get_spaces         (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_owed:
 * @self: a row
 *
 * Returns: arrears of every year, in fen.
 */
gint64      ledger_household_item_get_owed           (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_owed_this_year:
 * @self: a row
 *
 * Returns: what is still open of the year's charges, in fen.
 */
gint64      ledger_household_item_get_owed_this_year (LedgerHouseholdItem *self);

/**
 * ledger_household_item_get_paid_this_year:
 * @self: a row
 *
 * Returns: billed for the year and nothing of it open.
 */
gboolean    ledger_household_item_get_paid_this_year (LedgerHouseholdItem *self);

/**
 * ledger_household_model_new:
 * @book: an open book
 * @year: the year whose charges "this year" describes (ledger_book_today()'s year)
 * @error: return location for an error
 *
 * Every household of @book in building/entrance/room order, each with its
 * arrears and the state of @year's charges, read in ONE query (5,000
 * households in a few milliseconds). The arithmetic is that of
 * ledger_report_arrears() and ledger_report_collection(), so the screen
 * and the reports agree.
 *
 * Returns: (transfer full): a GListStore of LedgerHouseholdItem, or NULL
 *   with a storage error
 */
GListModel *ledger_household_model_new (LedgerBook  *book,
                                        int          year,
                                        GError     **error);

G_END_DECLS

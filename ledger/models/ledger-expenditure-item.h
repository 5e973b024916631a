/* ledger-expenditure-item.h — one expenditure as a row for the screens
 *
 * A small GObject over LedgerExpenditure with what the expenditures page
 * shows: date, payee, category, memo, invoice, approvers, amount (fen),
 * whether a notice has announced it, the vote that approved it and how
 * many files are kept with it.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-expenditure.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_EXPENDITURE_ITEM (ledger_expenditure_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerExpenditureItem, ledger_expenditure_item, LEDGER, EXPENDITURE_ITEM, GObject)

/* The getters return what the property of the same name shows; text
 * lives as long as the row. On anything but a LedgerExpenditureItem they warn
 * (g_return_val_if_fail) and return 0, NULL or FALSE. */

/**
 * ledger_expenditure_item_get_id:
 * @self: a row
 *
 * Returns: the expenditure's number.
 */
gint64      ledger_expenditure_item_get_id            (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_date:
 * @self: a row
 *
 * Returns: (transfer none): the day it was paid, "YYYY-MM-DD".
 */
const char *ledger_expenditure_item_get_date          (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_amount:
 * @self: a row
 *
 * Returns: the amount in fen.
 */
gint64      ledger_expenditure_item_get_amount        (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_payee:
 * @self: a row
 *
 * Returns: (transfer none): who was paid.
 */
const char *ledger_expenditure_item_get_payee         (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_category:
 * @self: a row
 *
 * Returns: (transfer none): the code ("repair"); "category-name" is the
 *   Chinese name ("维修").
 */
const char *ledger_expenditure_item_get_category      (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_memo:
 * @self: a row
 *
 * Returns: (transfer none): what it was for.
 */
const char *ledger_expenditure_item_get_memo          (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_invoice:
 * @self: a row
 *
 * Returns: (transfer none): the invoice number, "" when none.
 */
const char *ledger_expenditure_item_get_invoice       (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_approvers:
 * @self: a row
 *
 * Returns: (transfer none): the committee members who approved it,
 *   comma-separated.
 */
const char *ledger_expenditure_item_get_approvers     (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_vote_id:
 * @self: a row
 *
 * Returns: the vote that approved it, 0 when none.
 */
gint64      ledger_expenditure_item_get_vote_id       (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_announced:
 * @self: a row
 *
 * Returns: whether a published notice has listed it.
 */
gboolean    ledger_expenditure_item_get_announced     (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_get_n_attachments:
 * @self: a row
 *
 * Returns: how many files are kept with it.
 */
guint       ledger_expenditure_item_get_n_attachments (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_model_new:
 * @book: an open book
 * @period: (nullable): only expenditures dated within it; all when NULL
 * @error: return location for an error
 *
 * Returns: (transfer full): a GListStore of LedgerExpenditureItem by date,
 *   the same rows as ledger_expenditure_list(); NULL with a storage error
 */
GListModel *ledger_expenditure_item_model_new (LedgerBook          *book,
                                               const LedgerPeriod  *period,
                                               GError             **error);

G_END_DECLS

/* ledger-expenditure-item.h — one expenditure as a row for the screens
 *
 * A small GObject over LedgerExpenditure with what the expenditures page
 * shows: date, payee, category, memo, invoice, approvers, amount (fen),
 * whether a notice has announced it, the vote that approved it and how
 * many files are kept with it.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-expense.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_EXPENDITURE_ITEM (ledger_expenditure_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerExpenditureItem, ledger_expenditure_item, LEDGER, EXPENDITURE_ITEM, GObject)

/* A row for @expenditure (copied), announced or not. */
LedgerExpenditureItem *ledger_expenditure_item_new (const LedgerExpenditure *expenditure,
                                                    gboolean                 announced);

gint64      ledger_expenditure_item_get_id            (LedgerExpenditureItem *self);
const char *ledger_expenditure_item_get_date          (LedgerExpenditureItem *self);
gint64      ledger_expenditure_item_get_amount        (LedgerExpenditureItem *self);
const char *ledger_expenditure_item_get_payee         (LedgerExpenditureItem *self);
/* The code ("repair"); "category-name" is the Chinese name ("维修"). */
const char *ledger_expenditure_item_get_category      (LedgerExpenditureItem *self);
const char *ledger_expenditure_item_get_memo          (LedgerExpenditureItem *self);
const char *ledger_expenditure_item_get_invoice       (LedgerExpenditureItem *self);
const char *ledger_expenditure_item_get_approvers     (LedgerExpenditureItem *self);
gint64      ledger_expenditure_item_get_vote_id       (LedgerExpenditureItem *self);
gboolean    ledger_expenditure_item_get_announced     (LedgerExpenditureItem *self);
guint       ledger_expenditure_item_get_n_attachments (LedgerExpenditureItem *self);

/**
 * ledger_expenditure_item_model_new:
 * @period: (nullable): only expenditures dated within it; all when NULL
 *
 * Returns: (transfer full): a GListStore of LedgerExpenditureItem by date,
 *   the same rows as ledger_expenditure_list(); NULL with @error set.
 */
GListModel *ledger_expenditure_item_model_new (LedgerBook          *book,
                                               const LedgerPeriod  *period,
                                               GError             **error);

G_END_DECLS

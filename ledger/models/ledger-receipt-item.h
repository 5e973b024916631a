/* ledger-receipt-item.h — receipts as a list model
 *
 * The payments screen lists a year's receipts (newest first) from here;
 * what a picked unit owes (ledger_household_due()) and re-entering a
 * voided payment (ledger_receipt_reenter()) are in ledger-payment.h. The
 * screen holds no SQL and no arithmetic.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-book.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_RECEIPT_ITEM (ledger_receipt_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerReceiptItem, ledger_receipt_item, LEDGER, RECEIPT_ITEM, GObject)

/* The getters return what the property of the same name shows; text
 * lives as long as the row. On anything but a LedgerReceiptItem they warn
 * (g_return_val_if_fail) and return 0, NULL or FALSE. */

/**
 * ledger_receipt_item_get_number:
 * @self: a row
 *
 * Returns: (transfer none): "2026-000123"
 */
const char *ledger_receipt_item_get_number      (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_date:
 * @self: a row
 *
 * Returns: (transfer none): "YYYY-MM-DD", the day of the payment
 */
const char *ledger_receipt_item_get_date        (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_unit:
 * @self: a row
 *
 * Returns: (transfer none): the payer's unit, "3-2-301".
 */
const char *ledger_receipt_item_get_unit        (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_owner:
 * @self: a row
 *
 * Returns: (transfer none): the owner's full name, as registered now.
 */
const char *ledger_receipt_item_get_owner       (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_amount:
 * @self: a row
 *
 * Returns: in fen, always > 0 (a void does not change the receipt's
 *   amount).
 */
gint64      ledger_receipt_item_get_amount      (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_method:
 * @self: a row
 *
 * Returns: (transfer none): "cash", "wechat", "alipay" or "bank" (see
 *   ledger_method_parse()).
 */
const char *ledger_receipt_item_get_method      (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_voided:
 * @self: a row
 *
 * Returns: whether the receipt was voided.
 */
gboolean    ledger_receipt_item_get_voided      (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_void_reason:
 * @self: a row
 *
 * Returns: (transfer none): "" while the receipt stands.
 */
const char *ledger_receipt_item_get_void_reason (LedgerReceiptItem *self);

/**
 * ledger_receipt_item_get_settled:
 * @self: a row
 *
 * Returns: (transfer none): what the payment settled, oldest first: "物业费
 *   2026, 停车费 2026"; "" when it all went to prepaid credit.
 */
const char *ledger_receipt_item_get_settled     (LedgerReceiptItem *self);

/**
 * ledger_receipt_model_new:
 * @book: an open book
 * @year: the receipt year (the "2026" of "2026-000123")
 * @error: return location for an error
 *
 * The receipts of @year, newest (highest number) first, voided ones
 * included, read with one query. The store is a snapshot; read it again
 * after LedgerBook::changed.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GListModel) receipts = ledger_receipt_model_new (book, 2026, &error);
 * ]|
 *
 * Returns: (transfer full): a GListStore of LedgerReceiptItem, or NULL
 *   with a storage error
 */
GListModel *ledger_receipt_model_new (LedgerBook  *book,
                                      int          year,
                                      GError     **error);

G_END_DECLS

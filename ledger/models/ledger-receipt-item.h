/* ledger-receipt-item.h — receipts as a list model, and what a unit owes
 *
 * The payments screen lists a year's receipts (newest first) and, when the
 * treasurer picks a unit, shows what it owes and suggests that amount.
 * Both come from here, so the screen holds no SQL and no arithmetic.
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

/**
 * ledger_receipt_reenter:
 * @book: an open book
 * @number: a voided receipt
 * @out_receipt: (out) (optional) (transfer full): the new receipt
 * @error: return location for an error
 *
 * Corrects a void that was itself a mistake. An append-only book cannot
 * take a void back, so the voided payment is recorded again (same unit,
 * amount, method and date) under the next receipt number, through
 * ledger_pay(). Calling it twice records the payment twice: the caller
 * decides when a void may be undone.
 *
 * Returns: TRUE when recorded; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed number,
 *   LEDGER_ERROR_NOT_FOUND for a receipt the book does not have,
 *   LEDGER_ERROR_CONFLICT, writing nothing, when @number was never voided,
 *   or what ledger_pay() sets
 */
gboolean ledger_receipt_reenter (LedgerBook     *book,
                                 const char     *number,
                                 LedgerReceipt **out_receipt,
                                 GError        **error);

/* What a unit owes now, and what to suggest when its owner pays. */
typedef struct
{
  char   *unit;       /* normalised: "3-2-301" */
  char   *owner;
  gint64  owed;       /* fen of open charges, all years */
  gint64  credit;     /* fen of prepaid credit the book holds for it */
  gint64  suggested;  /* the amount to offer: everything owed (0 when nothing is) */
  int     first_year; /* the oldest year with an open charge; 0 when none */
  int     last_year;  /* the newest; 0 when none */
} LedgerHouseholdDue;

/**
 * ledger_household_due_free:
 * @due: (nullable) (transfer full): what a unit owes
 *
 * Frees @due and its strings.
 */
void ledger_household_due_free (LedgerHouseholdDue *due);

/**
 * ledger_household_due:
 * @book: an open book
 * @unit: a unit code in any form ledger_unit_parse() accepts
 * @error: return location for an error
 *
 * Looks @unit up and says what it owes (the same figures as
 * ledger_household_balance()) with the years of the open charges.
 *
 * Returns: (transfer full): the figures, or NULL with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed code,
 *   LEDGER_ERROR_NOT_FOUND for a unit that is not registered, or a
 *   storage error
 */
LedgerHouseholdDue *ledger_household_due (LedgerBook  *book,
                                          const char  *unit,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerHouseholdDue, ledger_household_due_free)

G_END_DECLS

/* ledger-voucher-item.h — the money entries with a voucher, as a list model
 *
 * The Money page lists a year's transfers, other income, refunds and
 * advances (the entries that carry a 收/付/转 voucher, docs/money.md)
 * from here, newest first, read with one query. The page holds no SQL.
 */
#pragma once

#include <gio/gio.h>

#include "ledger-book.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_VOUCHER_ITEM (ledger_voucher_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerVoucherItem, ledger_voucher_item, LEDGER, VOUCHER_ITEM, GObject)

/* The getters return what the property of the same name shows; text
 * lives as long as the row. On anything but a LedgerVoucherItem they warn
 * (g_return_val_if_fail) and return 0 or NULL. */

/**
 * ledger_voucher_item_get_voucher:
 * @self: a row
 *
 * Returns: (transfer none): "S2026-0001", "F2026-0002", "Z2026-0003"
 */
const char *ledger_voucher_item_get_voucher (LedgerVoucherItem *self);

/**
 * ledger_voucher_item_get_date:
 * @self: a row
 *
 * Returns: (transfer none): "YYYY-MM-DD", the entry's date
 */
const char *ledger_voucher_item_get_date    (LedgerVoucherItem *self);

/**
 * ledger_voucher_item_get_kind:
 * @self: a row
 *
 * Returns: (transfer none): the entry's kind: "transfer", "income",
 *   "refund" or "advance" (ledger_entry_kind_label() names it)
 */
const char *ledger_voucher_item_get_kind    (LedgerVoucherItem *self);

/**
 * ledger_voucher_item_get_from:
 * @self: a row
 *
 * Returns: (transfer none): the account the money left, as printed
 *   (ledger_account_chinese(): 现金, 备用金（张三）); "" for an income
 */
const char *ledger_voucher_item_get_from    (LedgerVoucherItem *self);

/**
 * ledger_voucher_item_get_to:
 * @self: a row
 *
 * Returns: (transfer none): the account the money reached, as printed;
 *   "" for a refund (it left the committee)
 */
const char *ledger_voucher_item_get_to      (LedgerVoucherItem *self);

/**
 * ledger_voucher_item_get_amount:
 * @self: a row
 *
 * Returns: in fen, > 0 (a transfer's bank charge not included)
 */
gint64      ledger_voucher_item_get_amount  (LedgerVoucherItem *self);

/**
 * ledger_voucher_item_get_memo:
 * @self: a row
 *
 * Returns: (transfer none): what the entry is about, for people: its
 *   parts joined by " · " — an income's category (in the user's
 *   language), payer and memo ("租金 · 快递柜公司 · 三季度"), a refund's
 *   unit and reason ("3-2-301 · 搬走"), an advance's member and memo, a
 *   transfer's memo and bank charge ("存现 · charge ¥0.80")
 */
const char *ledger_voucher_item_get_memo    (LedgerVoucherItem *self);

/**
 * ledger_voucher_model_new:
 * @book: an open book
 * @year: the year whose entries are listed (by entry date)
 * @error: return location for an error
 *
 * The transfers, other income, refunds and advances dated in @year, newest
 * first, read with one query. The store is a snapshot; read it again after
 * LedgerBook::changed.
 *
 * Returns: (transfer full): a GListStore of LedgerVoucherItem, or NULL
 *   with a storage error
 */
GListModel *ledger_voucher_model_new (LedgerBook  *book,
                                      int          year,
                                      GError     **error);

G_END_DECLS

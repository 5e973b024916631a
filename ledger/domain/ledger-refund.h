/* ledger-refund.h — an owner's prepaid credit paid back
 *
 * A household that moved away, an overpayment: the committee pays back
 * what it holds for the household, by any method, with a reason and a
 * payment voucher (F2026-0001). No more than the credit the household
 * holds on the refund's day and on every later day (docs/money.md).
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/* The longest reason, in characters. */
#define LEDGER_REFUND_REASON_MAX_CHARS 200

/* A refund as a household's history lists it. */
typedef struct
{
  char   *voucher;  /* "F2026-0001" */
  char    date[11];
  char   *account;  /* the money account it was paid from: "cash", "bank:工商银行" */
  gint64  amount;
  char   *reason;
  gint64  txn_id;
} LedgerRefund;

/**
 * ledger_refund_free:
 * @refund: (nullable) (transfer full): a refund
 *
 * Frees @refund with its strings.
 */
void ledger_refund_free (LedgerRefund *refund);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRefund, ledger_refund_free)

/**
 * ledger_refund:
 * @book: an open book
 * @unit: the household, in any form ledger_unit_parse() accepts
 * @amount: fen paid back, above zero and at most the household's credit
 * @method: the money account it is paid from, as typed: cash, wechat,
 *   alipay, bank (or their Chinese names) or bank:NAME
 * @reason: why (required, at most LEDGER_REFUND_REASON_MAX_CHARS)
 * @date: (nullable): the day, NULL for today
 * @out_voucher: (out) (optional) (transfer full): its voucher, "F2026-0001"
 * @error: return location for an error
 *
 * Posts one "refund" entry: prepaid(UNIT) +@amount, the method's
 * account −@amount.
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT naming
 *   the field (the amount when it is more than the credit the household
 *   holds from @date on, saying that credit), LEDGER_ERROR_NOT_FOUND for
 *   an unknown unit or an account the book lacks, LEDGER_ERROR_CONFLICT
 *   when the account would hold less than nothing, or a storage error;
 *   the book is then unchanged.
 */
gboolean ledger_refund (LedgerBook  *book,
                        const char  *unit,
                        gint64       amount,
                        const char  *method,
                        const char  *reason,
                        const char  *date,
                        char       **out_voucher,
                        GError     **error);

/**
 * ledger_refunds_of_household:
 * @book: an open book
 * @household_id: the household's id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerRefund): the household's
 *   refunds in the order they were recorded, or NULL with a storage error
 */
GPtrArray *ledger_refunds_of_household (LedgerBook  *book,
                                        gint64       household_id,
                                        GError     **error);

G_END_DECLS

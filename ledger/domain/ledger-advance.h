/* ledger-advance.h — money advanced to a committee member (备用金)
 *
 * A member is handed money from a money account (`advance give`), spends
 * it against invoices (expenditures paid from advance:MEMBER) and returns
 * what is left (`advance return`). The member's open advance is what was
 * given less what was spent and returned; it never goes below zero
 * (docs/money.md).
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * LedgerAdvanceSummary:
 * @member: the member, as the register spells the name
 * @given: all that was advanced to the member, in fen
 * @spent: what the member paid out of it (expenditures from the advance)
 * @returned: what the member handed back
 * @open: what the member still holds: @given − @spent − @returned
 */
typedef struct
{
  char   *member;
  gint64  given;
  gint64  spent;
  gint64  returned;
  gint64  open;
} LedgerAdvanceSummary;

void ledger_advance_summary_free (LedgerAdvanceSummary *summary);

/**
 * ledger_advance_give:
 * @book: an open book
 * @member: a committee member on @date (ledger_members_list())
 * @amount: the amount in fen, more than zero
 * @account: the money account it leaves: cash, bank, bank:NAME, wechat, alipay
 * @date: (nullable): the day it was handed over, "YYYY-MM-DD" (NULL: today)
 * @memo: (nullable): what it is for
 * @out_voucher: (out) (optional) (transfer full): its 付 voucher number
 * @error: return location for an error
 *
 * Posts an "advance" entry: advance:MEMBER +@amount, @account −@amount
 * (the member's advance account is added by its own entry the first
 * time).
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT naming
 *   the field, LEDGER_ERROR_NOT_FOUND for an account the book lacks,
 *   LEDGER_ERROR_CONFLICT when @account would go below zero, or a storage
 *   error; the book is then unchanged
 */
gboolean ledger_advance_give (LedgerBook   *book,
                              const char   *member,
                              gint64        amount,
                              const char   *account,
                              const char   *date,
                              const char   *memo,
                              char        **out_voucher,
                              GError      **error);

/**
 * ledger_advance_return:
 * @book: an open book
 * @member: a member who was given an advance
 * @amount: the amount in fen, more than zero, at most the open advance
 * @account: the money account it goes into
 * @date: (nullable): the day it was handed back (NULL: today)
 * @out_voucher: (out) (optional) (transfer full): its 收 voucher number
 * @error: return location for an error
 *
 * Posts an "advance" entry: @account +@amount, advance:MEMBER −@amount.
 *
 * Returns: TRUE when saved; FALSE as ledger_advance_give(), and
 *   LEDGER_ERROR_CONFLICT naming the member's open advance when @amount
 *   is more than it on @date or any later day
 */
gboolean ledger_advance_return (LedgerBook   *book,
                                const char   *member,
                                gint64        amount,
                                const char   *account,
                                const char   *date,
                                char        **out_voucher,
                                GError      **error);

/**
 * ledger_advance_list:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerAdvanceSummary) (nullable):
 *   one summary per member ever given an advance, in the order of their
 *   first advance; NULL with a storage error
 */
GPtrArray *ledger_advance_list (LedgerBook  *book,
                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerAdvanceSummary, ledger_advance_summary_free)

G_END_DECLS

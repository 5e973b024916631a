/* ledger-cashbook.h — the cash book (日记账) of one money account or advance
 *
 * A money account's (cash, bank, bank:NAME, WeChat, Alipay) or a
 * member's advance's opening balance in a period, then every entry that
 * moved it, in date order, with its voucher (the entry's ref: a
 * payment's receipt number, an expenditure's invoice, the voucher number
 * of an income, transfer, refund or advance), what it was, what came in
 * and went out and the balance after it; then the closing balance.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 txn_id;
  char   date[11];
  char  *voucher;  /* the entry's ref; "" when it has none */
  char  *kind;     /* the entry's kind: payment, expenditure, transfer … */
  char  *memo;     /* the entry's memo, as recorded */
  gint64 in;       /* fen received into the account, ≥ 0 */
  gint64 out;      /* fen paid out of it, ≥ 0 */
  gint64 balance;  /* after this entry */
} LedgerCashbookLine;

typedef struct
{
  char        *account;   /* its code: "cash", "bank:工商银行", "advance:张三" */
  char        *name;      /* as the screens show it */
  char        *chinese;   /* as printed cash books show it: 现金, 银行存款（工商银行） */
  LedgerPeriod period;
  gint64       opening;   /* the balance before the period */
  GPtrArray   *lines;     /* LedgerCashbookLine, by date and entry */
  gint64       total_in;
  gint64       total_out;
  gint64       closing;   /* opening + total_in − total_out */
  gboolean     ties_out;  /* closing is the balance the daily cache holds */
} LedgerCashbook;

/**
 * ledger_cashbook_free:
 * @cashbook: (nullable) (transfer full): a cash book
 *
 * Frees @cashbook with its lines.
 */
void ledger_cashbook_free (LedgerCashbook *cashbook);

/**
 * ledger_cashbook_account_parse:
 * @text: (nullable): what the user wrote: a money account as
 *   ledger_money_account_parse() reads it, or advance:MEMBER (备用金:MEMBER)
 * @field: the field it came from, for the message
 * @error: return location for an error
 *
 * Reads the account a cash book is kept for. It does not say whether
 * the book has it.
 *
 * Returns: (transfer full) (nullable): its code, or NULL with
 *   LEDGER_ERROR_INVALID_INPUT naming @field
 */
char *ledger_cashbook_account_parse (const char  *text,
                                     const char  *field,
                                     GError     **error);

/**
 * ledger_report_cashbook:
 * @book: an open book
 * @account: a money account's or an advance's code
 *   (ledger_cashbook_account_parse())
 * @period: the period
 * @error: return location for an error
 *
 * The cash book of @account for @period. The opening balance and the
 * check of the closing one come from the daily cache, the lines from the
 * splits: a cache edited behind the program's back shows as ties_out
 * FALSE, and the caller must say so loudly.
 *
 * Returns: (transfer full): the cash book, or NULL with
 *   LEDGER_ERROR_INVALID_INPUT when @account is not a money account or
 *   an advance, LEDGER_ERROR_NOT_FOUND when the book has no such account,
 *   or a storage error (LEDGER_ERROR_CORRUPT when a total is past
 *   LEDGER_TOTAL_MAX)
 */
LedgerCashbook *ledger_report_cashbook (LedgerBook          *book,
                                        const char          *account,
                                        const LedgerPeriod  *period,
                                        GError             **error);

/**
 * ledger_cashbook_has_lines:
 * @book: an open book
 * @account: a money account's or an advance's code
 * @period: the period
 * @out_has: (out): whether it has
 * @error: return location for an error
 *
 * Whether ledger_report_cashbook() of @account for @period would have a
 * line (an entry dated in @period with a split on @account), without
 * reading them: the export asks it of every account up to the period's
 * end, which is the account's whole history.
 *
 * Returns: FALSE with a storage error
 */
gboolean ledger_cashbook_has_lines (LedgerBook          *book,
                                    const char          *account,
                                    const LedgerPeriod  *period,
                                    gboolean            *out_has,
                                    GError             **error);

/**
 * ledger_entry_kind_label:
 * @kind: an entry's kind ("payment", "transfer" …)
 *
 * Returns: what the screens call entries of @kind, translated; @kind
 *   itself for a kind this function does not know
 */
const char *ledger_entry_kind_label (const char *kind);

/**
 * ledger_entry_kind_chinese:
 * @kind: an entry's kind
 *
 * Returns: what printed cash books call entries of @kind (收费, 支出,
 *   转账 …), whatever the user's language; @kind itself for a kind this
 *   function does not know
 */
const char *ledger_entry_kind_chinese (const char *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerCashbook, ledger_cashbook_free)

G_END_DECLS

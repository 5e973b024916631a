/* ledger-opening.h — a committee's book started from a paper ledger: opening balances
 *
 * A committee that kept its accounts on paper enters, as at a date, what
 * it held in each money account for each fund, each household's unpaid
 * charges of earlier years and each household's credit (期初,
 * docs/money.md). Each is a journal entry of kind "opening" against the
 * equity account "opening" (期初余额): never a payment, never fee income
 * of a year. The window's opening-balances form and the command line's
 * `opening` commands call these functions.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fund.h"

G_BEGIN_DECLS

/**
 * ledger_opening_balance:
 * @book: an open book
 * @account: a money account as typed: cash, bank, wechat, alipay (or
 *   their Chinese names), bank:NAME; the book must have it
 * @amount: fen, more than zero and at most LEDGER_AMOUNT_MAX
 * @fund: whose money it is
 * @date: "YYYY-MM-DD" as typed: the day the paper ledger was closed
 * @error: return location for an error
 *
 * Posts the opening balance of @account for @fund: @account +@amount,
 * opening −@amount; adds the account "opening" first when the book has
 * none. One opening balance per account and fund: a difference found
 * later is not corrected here but by the entry that explains it.
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT (a bad
 *   account, amount or date), LEDGER_ERROR_NOT_FOUND (an account the book
 *   does not have), LEDGER_ERROR_CONFLICT (the account and fund have an
 *   opening balance already), or a storage error; nothing written then
 */
gboolean ledger_opening_balance (LedgerBook  *book,
                                 const char  *account,
                                 gint64       amount,
                                 LedgerFund   fund,
                                 const char  *date,
                                 GError     **error);

/**
 * ledger_opening_arrears:
 * @book: an open book
 * @unit: a registered unit as typed
 * @fee_code: a fee item the book has
 * @year: the year of the unpaid charge: not after this year
 * @amount: fen still owed, more than zero and at most LEDGER_AMOUNT_MAX
 * @date: (nullable): "YYYY-MM-DD" as typed; NULL:
 *   ledger_opening_default_date()
 * @error: return location for an error
 *
 * Posts a household's unpaid charge of an earlier year without billing
 * anyone else: a real charge of @fee_code for @year (the version in
 * force that year, or the item's first version if it started later), so
 * that payments settle it oldest first and the arrears report shows it;
 * receivable +@amount, opening −@amount. As billing does, the prepaid
 * credit the household holds from @date on settles as much of it as it
 * can at once.
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT,
 *   LEDGER_ERROR_NOT_FOUND (the unit or fee), LEDGER_ERROR_CONFLICT (the
 *   unit has a charge of that fee and year already) or a storage error
 */
gboolean ledger_opening_arrears (LedgerBook  *book,
                                 const char  *unit,
                                 const char  *fee_code,
                                 int          year,
                                 gint64       amount,
                                 const char  *date,
                                 GError     **error);

/**
 * ledger_opening_credit:
 * @book: an open book
 * @unit: a registered unit as typed
 * @amount: fen the committee owes the household, more than zero and at
 *   most LEDGER_AMOUNT_MAX
 * @date: (nullable): as for ledger_opening_arrears()
 * @error: return location for an error
 *
 * Posts a household's credit from the paper ledger: opening +@amount,
 * prepaid −@amount. Credit never stands beside an open charge (billing
 * settles a new charge from it first), so charges the household owes,
 * billed by @date, are settled from it at once, oldest first; the rest
 * is prepaid credit. One opening credit per household.
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_INVALID_INPUT,
 *   LEDGER_ERROR_NOT_FOUND (the unit), LEDGER_ERROR_CONFLICT (the
 *   household has an opening credit already) or a storage error
 */
gboolean ledger_opening_credit (LedgerBook  *book,
                                const char  *unit,
                                gint64       amount,
                                const char  *date,
                                GError     **error);

/**
 * ledger_opening_default_date:
 * @book: an open book
 * @out_iso: (out caller-allocates): the date
 * @error: return location for an error
 *
 * The date opening arrears and credit take when none is given: that of
 * the book's latest opening balance entry, else today by the book's
 * clock.
 *
 * Returns: TRUE, or FALSE with a storage error
 */
gboolean ledger_opening_default_date (LedgerBook  *book,
                                      char         out_iso[11],
                                      GError     **error);

/* An opening entry of the book, as the form that entered it saw it. */
typedef struct
{
  char       *kind;      /* "balance", "arrears" or "credit" */
  char       *account;   /* balance: the money account's code; "" otherwise */
  LedgerFund  fund;      /* balance: its fund; operating otherwise */
  char       *unit;      /* arrears, credit: the household's unit; "" for a balance */
  char       *fee_code;  /* arrears: the fee; "" otherwise */
  int         year;      /* arrears: the year; 0 otherwise */
  gint64      amount;    /* fen */
  char        date[11];  /* the entry's date */
} LedgerOpeningLine;

void ledger_opening_line_free (LedgerOpeningLine *line);

/**
 * ledger_opening_list:
 * @book: an open book
 * @error: return location for an error
 *
 * The book's opening entries (balances, arrears, credit), in the order
 * they were entered: what the opening-balances form shows as entered
 * already when the treasurer comes back to it.
 *
 * Returns: (transfer full) (element-type LedgerOpeningLine): the lines,
 *   or NULL with a storage error
 */
GPtrArray *ledger_opening_list (LedgerBook  *book,
                                GError     **error);

/**
 * ledger_opening_accepts:
 * @book: an open book
 * @out_date: (out caller-allocates): the date further opening entries
 *   take (ledger_opening_default_date())
 * @error: return location for an error
 *
 * Whether the book still takes opening entries as at its opening date.
 * Opening entries may follow other entries (docs/money.md: a household's
 * credit found on paper later is still an opening credit), but not once
 * that date is inside a closed period: the notice of that period was
 * published and its figures stand. The balances for an account and fund
 * entered already, a household's second credit and a second charge for
 * the same fee and year are refused by the writers themselves.
 *
 * Returns: TRUE, or FALSE with LEDGER_ERROR_INVALID_INPUT naming the
 *   closed period (field "--date") or a storage error
 */
gboolean   ledger_opening_accepts (LedgerBook  *book,
                                   char         out_date[11],
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerOpeningLine, ledger_opening_line_free)

G_END_DECLS

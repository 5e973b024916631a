/* ledger-expenditure-approval.h — the rule that large expenditures need
 * the owners' approval: the book's spend limit, and which votes may
 * authorise an expenditure above it */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_spend_limit:
 * @book: an open book
 *
 * Returns: the amount in fen above which an expenditure needs a passed
 *   vote: the limit set last, or 5,000.00 when none was set or it cannot
 *   be read
 */
gint64   ledger_spend_limit (LedgerBook *book);
/**
 * ledger_spend_limit_on:
 * @book: an open book
 * @day: (nullable): "YYYY-MM-DD"; NULL for today
 * @out_limit: (out): the limit in fen
 * @error: return location for an error
 *
 * The limit in force on @day: the last change dated on or before it, from
 * the journal. An expenditure is judged by its own day's.
 *
 * Returns: TRUE with the limit; FALSE with a storage error
 */
gboolean ledger_spend_limit_on (LedgerBook  *book,
                                const char  *day,
                                gint64      *out_limit,
                                GError     **error);

/**
 * ledger_set_spend_limit:
 * @book: an open book
 * @limit: fen, 0 to LEDGER_AMOUNT_MAX
 * @error: return location for an error
 *
 * Sets the spend limit from today, journaled as a "setting" entry.
 *
 * Returns: TRUE when set; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a limit out of range, or a storage or
 *   journal error
 */
gboolean ledger_set_spend_limit (LedgerBook  *book,
                                 gint64       limit,
                                 GError     **error);

/**
 * ledger_check_expenditure_vote_on:
 * @book: an open book
 * @amount: the expenditure, fen
 * @vote_id: the linked vote, 0 when none is linked
 * @from_maintenance_fund: whether the money comes from the maintenance fund
 * @day: (nullable): the expenditure's date; NULL for today
 * @error: return location for an error
 *
 * Refuses an expenditure above the limit in force on @day without a
 * passed vote of a fitting matter — 5 for the maintenance fund, otherwise
 * 5 or 9 — and any linked vote that is not closed and passed.
 *
 * Returns: TRUE when the expenditure may be made; FALSE with @error set:
 *   LEDGER_ERROR_CONFLICT explained in words, LEDGER_ERROR_NOT_FOUND for
 *   an unknown vote, or a storage error
 */
gboolean ledger_check_expenditure_vote_on (LedgerBook  *book,
                                           gint64       amount,
                                           gint64       vote_id,
                                           gboolean     from_maintenance_fund,
                                           const char  *day,
                                           GError     **error);

/**
 * ledger_check_maintenance_fund_holds:
 * @book: an open book
 * @amount: the expenditure, fen
 * @day: the expenditure's date, "YYYY-MM-DD"
 * @error: return location for an error
 *
 * The maintenance fund may never pay more than it holds: refuses @amount
 * when the fund would hold less than nothing at the end of @day or of any
 * later day (ledger_fund_lowest_from(): a backdated repair may not take
 * money a later one already spent).
 *
 * Returns: TRUE when the fund holds @amount; FALSE with @error set:
 *   LEDGER_ERROR_CONFLICT naming the fund, the day and the shortfall, or
 *   a storage error
 */
gboolean ledger_check_maintenance_fund_holds (LedgerBook  *book,
                                              gint64       amount,
                                              const char  *day,
                                              GError     **error);

G_END_DECLS

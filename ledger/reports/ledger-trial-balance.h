/* ledger-trial-balance.h — the trial balance (试算平衡表) of a period
 *
 * Every account with its balance before the period, what the period
 * debited and credited to it, and its balance at the period's end. The
 * balances are signed as the journal stores them (debits positive,
 * credits negative), so that the openings and the closings each add up
 * to zero and the debits equal the credits: that is the test.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

typedef struct
{
  char  *code;
  char  *name;     /* as the screens show it */
  char  *kind;     /* asset, liability, equity, income, expense */
  gint64 opening;  /* fen, debit positive: the balance before the period */
  gint64 debits;   /* the period's debits, ≥ 0 */
  gint64 credits;  /* the period's credits, ≥ 0 */
  gint64 closing;  /* opening + debits − credits */
} LedgerTrialLine;

typedef struct
{
  LedgerPeriod period;
  GPtrArray   *lines;    /* LedgerTrialLine, every account, chart order */
  gint64       opening;  /* totals: 0, debits == credits, 0 */
  gint64       debits;
  gint64       credits;
  gint64       closing;
  gboolean     ties_out; /* the totals are as above and every line adds up */
  char        *problem;  /* NULL when it ties out; else which figure does not */
} LedgerTrialBalance;

/**
 * ledger_trial_balance_free:
 * @trial: (nullable) (transfer full): a trial balance
 *
 * Frees @trial with its lines.
 */
void ledger_trial_balance_free (LedgerTrialBalance *trial);

/**
 * ledger_report_trial_balance:
 * @book: an open book
 * @period: the period
 * @error: return location for an error
 *
 * The trial balance of @period: openings and closings from the daily
 * cache, debits and credits from the period's splits. The two are read
 * from different tables, so a cache or a split edited behind the
 * program's back shows as ties_out FALSE with the account named in
 * problem: the caller must say so loudly.
 *
 * Returns: (transfer full): the trial balance, or NULL with a storage
 *   error (LEDGER_ERROR_CORRUPT when a total is past LEDGER_TOTAL_MAX)
 */
LedgerTrialBalance *ledger_report_trial_balance (LedgerBook          *book,
                                                 const LedgerPeriod  *period,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerTrialBalance, ledger_trial_balance_free)

G_END_DECLS

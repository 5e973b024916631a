/* ledger-balance-sheet.c — every account, every fund, the totals and the identity that ties them */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-balance-sheet.h"
#include "ledger-funds-private.h"
#include "ledger-money-private.h"
#include "ledger-report.h"

void
ledger_balance_sheet_free (LedgerBalanceSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_clear_pointer (&sheet->accounts, g_ptr_array_unref);
  g_free (sheet);
}

/* Which total an asset or liability adds to; NULL for the accounts that
 * are not the committee's money or what is owed (income, expense,
 * opening balances: the funds' side). */
static gint64 *
total_of (LedgerBalanceSheet     *sheet,
          const LedgerReportLine *line)
{
  if (strcmp (line->kind, "liability") == 0)
    return &sheet->liabilities;
  if (strcmp (line->kind, "asset") != 0)
    return NULL;
  if (ledger_account_is_money (line->code))
    return &sheet->money;
  if (ledger_account_is_advance (line->code))
    return &sheet->advances;
  return &sheet->receivable;
}

static gboolean
add_up_accounts (LedgerBalanceSheet  *sheet,
                 GError             **error)
{
  for (guint i = 0; i < sheet->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (sheet->accounts, i);
      gint64 *total = total_of (sheet, line);

      if (total != NULL && !ledger_total_add_or_error (total, line->amount, _("the balances"), error))
        return FALSE;
    }
  /* Each total is at most LEDGER_TOTAL_MAX, so these cannot overflow. */
  sheet->net = sheet->money + sheet->receivable + sheet->advances;
  return ledger_total_add_or_error (&sheet->net, -sheet->liabilities, _("the balances"), error);
}

static gboolean
add_up_funds (LedgerBalanceSheet  *sheet,
              GError             **error)
{
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    if (!ledger_total_add_or_error (&sheet->funds_total, sheet->funds[f], _("the funds"), error))
      return FALSE;
  return TRUE;
}

LedgerBalanceSheet *
ledger_report_balance_sheet (LedgerBook  *book,
                             const char  *date,
                             GError     **error)
{
  g_autoptr(LedgerBalanceSheet) sheet = g_new0 (LedgerBalanceSheet, 1);

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  g_strlcpy (sheet->as_of, date != NULL ? date : "", sizeof sheet->as_of);
  sheet->accounts = ledger_report_balance_at (book, date, error);
  if (sheet->accounts == NULL ||
      !ledger_fund_balances (book, date, sheet->funds, error) ||
      !add_up_accounts (sheet, error) ||
      !add_up_funds (sheet, error))
    return NULL;
  sheet->ties_out = sheet->net == sheet->funds_total;
  return g_steal_pointer (&sheet);
}

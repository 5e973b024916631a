/* ledger-notice-money.c — the committee's money on a notice: by account
 * and by fund at the period's end, other income, refunds and transfers
 * line by line, and the checks that make the figures tie out
 *
 * A notice shows where the money is (cash, each bank account, WeChat,
 * Alipay, the advances members hold) and whose it is (日常经费, 维修资金,
 * 公共收益). The two differ by what owners owe and what they prepaid:
 *
 *   accounts + arrears − owners' credit = operating + maintenance + public
 *
 * Refunds are shown as money out on their own lines, so the income the
 * notice prints counts prepaid credit before refunds:
 *
 *   opening + income − refunds − expenses = closing = accounts
 *
 * If either fails the book is inconsistent and no notice is printed
 * (LEDGER_ERROR_VERIFY: run verify). docs/money.md, "The notice".
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-balance-sheet.h"
#include "ledger-book-private.h"
#include "ledger-money-entries.h"
#include "ledger-money-private.h"
#include "ledger-notice-private.h"

void
ledger_notice_income_free (LedgerNoticeIncome *income)
{
  if (income == NULL)
    return;
  g_free (income->voucher);
  g_free (income->category);
  g_free (income->account);
  g_free (income->fund);
  g_free (income->payer);
  g_free (income->memo);
  g_free (income);
}

void
ledger_notice_refund_free (LedgerNoticeRefund *refund)
{
  if (refund == NULL)
    return;
  g_free (refund->voucher);
  g_free (refund->account);
  g_free (refund->reason);
  g_free (refund);
}

void
ledger_notice_transfer_free (LedgerNoticeTransfer *transfer)
{
  if (transfer == NULL)
    return;
  g_free (transfer->voucher);
  g_free (transfer->from);
  g_free (transfer->to);
  g_free (transfer->memo);
  g_free (transfer);
}

/* ------------------------------------------------------------------ */
/* Where the money is, and whose it is */

/* Whether a line of the balance sheet is shown by account: every money
 * account (an empty one too: the board sees the bank holds nothing), and
 * an advance while a member holds some of it. */
static gboolean
shown_by_account (const LedgerReportLine *line)
{
  if (ledger_account_is_money (line->code))
    return TRUE;
  return ledger_account_is_advance (line->code) && line->amount != 0;
}

/* A balance sheet line as the notice shows it: its Chinese name. */
static LedgerReportLine *
account_line (const LedgerReportLine *line)
{
  LedgerReportLine *shown = g_new0 (LedgerReportLine, 1);

  shown->code = g_strdup (line->code);
  shown->name = ledger_account_chinese (line->code, line->name);
  shown->kind = g_strdup (line->kind);
  shown->amount = line->amount;
  return shown;
}

/* Reads the balances at the period's last day into @data. */
static gboolean
read_balances (LedgerBook        *book,
               LedgerNoticeData  *data,
               GError           **error)
{
  g_autoptr(LedgerBalanceSheet) sheet = ledger_report_balance_sheet (book, data->period.last, error);

  if (sheet == NULL)
    return FALSE;
  data->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_report_line_free);
  for (guint i = 0; i < sheet->accounts->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (sheet->accounts, i);

      if (shown_by_account (line))
        g_ptr_array_add (data->accounts, account_line (line));
    }
  data->accounts_total = sheet->money + sheet->advances;
  memcpy (data->funds, sheet->funds, sizeof data->funds);
  data->funds_total = sheet->funds_total;
  data->arrears = sheet->receivable;
  data->owners_credit = sheet->liabilities;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Other income, refunds and transfers of the period */

/* The period's other income, refunds and transfers, from the query the
 * workbook reads them with (ledger_report_money_entries()), each into
 * the notice's list of its kind. */
static LedgerNoticeIncome *
notice_income (const LedgerMoneyEntry *e)
{
  LedgerNoticeIncome *income = g_new0 (LedgerNoticeIncome, 1);

  income->txn_id = e->txn_id;
  g_strlcpy (income->date, e->date, sizeof income->date);
  income->voucher = g_strdup (e->voucher);
  income->category = g_strdup (e->category);
  income->account = g_strdup (e->account);
  income->fund = g_strdup (e->fund);
  income->payer = g_strdup (e->payer);
  income->memo = g_strdup (e->memo);
  income->amount = e->amount;
  return income;
}

static LedgerNoticeRefund *
notice_refund (const LedgerMoneyEntry *e)
{
  LedgerNoticeRefund *refund = g_new0 (LedgerNoticeRefund, 1);

  refund->txn_id = e->txn_id;
  g_strlcpy (refund->date, e->date, sizeof refund->date);
  refund->voucher = g_strdup (e->voucher);
  refund->account = g_strdup (e->account);
  refund->reason = g_strdup (e->memo);
  refund->amount = e->amount;
  return refund;
}

static LedgerNoticeTransfer *
notice_transfer (const LedgerMoneyEntry *e)
{
  LedgerNoticeTransfer *transfer = g_new0 (LedgerNoticeTransfer, 1);

  transfer->txn_id = e->txn_id;
  g_strlcpy (transfer->date, e->date, sizeof transfer->date);
  transfer->voucher = g_strdup (e->voucher);
  transfer->from = g_strdup (e->account);
  transfer->to = g_strdup (e->to);
  transfer->memo = g_strdup (e->memo);
  transfer->amount = e->amount;
  transfer->fee = e->fee;
  return transfer;
}

static gboolean
read_money_entries (LedgerBook        *book,
                    LedgerNoticeData  *data,
                    GError           **error)
{
  g_autoptr(GPtrArray) entries = ledger_report_money_entries (book, &data->period, error);

  if (entries == NULL)
    return FALSE;
  data->incomes = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_income_free);
  data->refunds = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_refund_free);
  data->transfers = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_transfer_free);
  for (guint i = 0; i < entries->len; i++)
    {
      const LedgerMoneyEntry *e = g_ptr_array_index (entries, i);

      if (strcmp (e->kind, "income") == 0)
        g_ptr_array_add (data->incomes, notice_income (e));
      else if (strcmp (e->kind, "refund") == 0)
        g_ptr_array_add (data->refunds, notice_refund (e));
      else
        g_ptr_array_add (data->transfers, notice_transfer (e));
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Refunds out of the prepaid line */

/* The income report's "prepaid" line is net of refunds; the notice lists
 * refunds as money out, so its prepaid line is what owners prepaid. */
static gboolean
gross_up_prepaid (LedgerIncomeReport  *report,
                  gint64               refunds,
                  GError             **error)
{
  LedgerReportLine *prepaid = NULL;

  if (refunds == 0)
    return TRUE;
  for (guint i = 0; i < report->income->len && prepaid == NULL; i++)
    if (g_strcmp0 (((LedgerReportLine *) g_ptr_array_index (report->income, i))->code, "prepaid") == 0)
      prepaid = g_ptr_array_index (report->income, i);
  if (prepaid == NULL)
    {
      /* Refunds took back exactly what was prepaid in the period: the
       * report left the line off, the notice shows it. */
      prepaid = g_new0 (LedgerReportLine, 1);
      prepaid->code = g_strdup ("prepaid");
      prepaid->name = g_strdup (_("Prepaid by owners"));
      prepaid->kind = g_strdup ("income");
      g_ptr_array_add (report->income, prepaid);
    }
  return ledger_total_add_or_error (&prepaid->amount, refunds, _("the income"), error) &&
         ledger_total_add_or_error (&report->income_total, refunds, _("the income"), error);
}

/* ------------------------------------------------------------------ */
/* The checks */

static gboolean
refuse (LedgerNoticeData  *data,
        const char        *what,
        GError           **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("The figures for %s do not tie out (%s); run verify"), data->period.name, what);
  return FALSE;
}

/* The identities the notice prints; each is true of a sound book. */
static gboolean
check_ties_out (LedgerNoticeData  *data,
                GError           **error)
{
  const LedgerIncomeReport *r = data->report;
  gint64 funds = 0;

  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    funds += data->funds[f];
  /* Every amount here is at most LEDGER_TOTAL_MAX: no overflow. */
  if (r->opening + r->income_total - data->refund_total - r->expenditure_total != r->closing)
    return refuse (data, _("opening + income − refunds − expenses ≠ closing"), error);
  if (data->accounts_total != r->closing)
    return refuse (data, _("the accounts do not add up to the closing balance"), error);
  if (funds != data->funds_total ||
      data->accounts_total + data->arrears - data->owners_credit != data->funds_total)
    return refuse (data, _("the funds do not add up to the accounts"), error);
  return TRUE;
}

gboolean
ledger_notice_read_money (LedgerBook        *book,
                          LedgerNoticeData  *data,
                          GError           **error)
{
  if (!read_balances (book, data, error))
    return FALSE;
  if (!read_money_entries (book, data, error))
    return FALSE;
  data->refund_total = 0;
  for (guint i = 0; i < data->refunds->len; i++)
    if (!ledger_total_add_or_error (&data->refund_total,
                                    ((LedgerNoticeRefund *) g_ptr_array_index (data->refunds, i))->amount,
                                    _("the refunds"), error))
      return FALSE;
  return gross_up_prepaid (data->report, data->refund_total, error) &&
         check_ties_out (data, error);
}

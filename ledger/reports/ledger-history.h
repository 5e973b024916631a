/* ledger-history.h — one household's whole account: every charge, receipt
 * and waiver, with totals that agree with the reports */
#pragma once

#include "ledger-book.h"
#include "ledger-household.h"
#include "ledger-payment.h"
#include "ledger-refund.h"

G_BEGIN_DECLS

/* A charge as it stands now (from the charge_status cache). */
typedef struct
{
  int    year;
  char  *fee_code;
  char  *fee_name;  /* the name of the fee version that was billed */
  gint64 amount;    /* fen billed */
  gint64 paid;      /* by payments and prepaid credit, net of voids */
  gint64 waived;
  gint64 open;      /* amount − paid − waived */
  gboolean opening; /* unpaid on the paper ledger the book started from (期初, ledger_opening_arrears()) */
} LedgerHistoryCharge;

typedef struct
{
  char   date[11];  /* the day it was recorded */
  int    year;      /* the charge's year */
  char  *fee_code;
  gint64 amount;
  char  *reason;
} LedgerHistoryWaiver;

typedef struct
{
  LedgerHousehold *household; /* the register entry; its phone is in full, mask it to show it */
  GPtrArray       *charges;   /* of LedgerHistoryCharge, by year and fee code */
  GPtrArray       *receipts;  /* of LedgerReceipt, by date and number */
  GPtrArray       *waivers;   /* of LedgerHistoryWaiver, in the order they were made */
  GPtrArray       *refunds;   /* of LedgerRefund: credit paid back, in the order recorded */
  gint64           billed;    /* the sums of the charges' columns */
  gint64           paid;
  gint64           waived;
  gint64           owed;      /* open charges (the sum of the positive open amounts) */
  gint64           credit;    /* prepaid credit the book holds for the household */
  gint64           received;        /* receipts that stand */
  gint64           refunded;        /* credit paid back (the refunds' sum) */
  gint64           opening_credit;  /* credit from the paper ledger (期初) */
  /* Always: received + opening_credit = paid + credit + refunded. */
} LedgerHouseholdHistory;

/**
 * ledger_household_history_free:
 * @history: (nullable) (transfer full): a history
 *
 * Frees @history with everything in it.
 */
void ledger_household_history_free (LedgerHouseholdHistory *history);

/**
 * ledger_household_history:
 * @book: an open book
 * @unit: a unit code in any form ledger_unit_parse() accepts
 * @error: return location for an error
 *
 * Reads everything the book holds on one household, every query through
 * an index on the household: its charges with what settled them, its
 * receipts (voided ones too, with the reason) and what each settled, its
 * waivers, the refunds of its credit, and the totals. owed and credit are the figures of
 * ledger_household_balance(); per year, the charges add up to that
 * household's share of ledger_report_collection().
 *
 * Returns: (transfer full): the history, or NULL with @error set:
 * LEDGER_ERROR_INVALID_INPUT for a malformed code, LEDGER_ERROR_NOT_FOUND
 * for a unit that is not registered (as ledger_household_lookup()), or a
 * storage error.
 *
 * |[
 * g_autoptr(LedgerHouseholdHistory) h = ledger_household_history (book, "3-2-301", &error);
 * if (h != NULL)
 *   g_print ("%s owes %" G_GINT64_FORMAT " fen\n", h->household->unit, h->owed);
 * ]|
 */
LedgerHouseholdHistory *ledger_household_history (LedgerBook  *book,
                                                  const char  *unit,
                                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerHouseholdHistory, ledger_household_history_free)

G_END_DECLS

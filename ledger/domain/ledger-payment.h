/* ledger-payment.h — payments, receipts and voids */
#pragma once

#include "ledger-book.h"
#include "ledger-method.h"

G_BEGIN_DECLS

typedef struct
{
  char  *fee_code;
  int    year;
  gint64 amount;
} LedgerReceiptLine;

typedef struct
{
  char         *number;       /* "2026-000123" */
  int           year;
  int           seq;
  gint64        household_id;
  char         *unit;
  char         *owner;
  gint64        amount;
  LedgerMethod  method;
  char          date[11];
  char         *recorded_at;
  char         *operator_name;
  gint64        txn_id;
  GArray       *lines;        /* of LedgerReceiptLine: what the payment settled */
  gint64        to_credit;    /* the part kept as prepaid credit */
  gboolean      voided;
  char         *void_reason;
} LedgerReceipt;

void ledger_receipt_free (LedgerReceipt *receipt);

/* "2026-000123": 4-digit year, dash, 6-digit sequence. */
gboolean ledger_receipt_number_parse (const char  *text,
                                      int         *out_year,
                                      int         *out_seq,
                                      GError     **error);

/**
 * ledger_pay:
 * @date: (nullable): "YYYY-MM-DD" or NULL for today
 * @out_receipt: (out) (optional): the receipt, with what it settled
 *
 * Records a payment by @unit. It takes the next receipt number of the
 * payment's year (gapless), settles the household's oldest open charges
 * first, and keeps anything left over as prepaid credit.
 */
gboolean ledger_pay (LedgerBook      *book,
                     const char      *unit,
                     gint64           amount,
                     LedgerMethod     method,
                     const char      *date,
                     LedgerReceipt  **out_receipt,
                     GError         **error);

/**
 * ledger_void:
 * Voids a receipt by posting its exact reversal; the receipt number stays
 * used. Refused when the receipt was already voided, or when the credit it
 * created has since been used by a later bill.
 */
gboolean ledger_void (LedgerBook  *book,
                      const char  *number,
                      const char  *reason,
                      GError     **error);

LedgerReceipt *ledger_receipt_lookup (LedgerBook  *book,
                                      const char  *number,
                                      GError     **error);

/* What @unit owes now (open charges) and its prepaid credit, in fen. */
gboolean ledger_household_balance (LedgerBook  *book,
                                   const char  *unit,
                                   gint64      *out_owed,
                                   gint64      *out_credit,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerReceipt, ledger_receipt_free)

G_END_DECLS

/* ------------------------------------------------------------------ */
/* Listing receipts (for the auditor's workbook) */

#include "ledger-period.h"

G_BEGIN_DECLS

/* Every receipt dated within @period and every receipt voided within it
 * (all receipts when NULL), by date and number, each with what it settled:
 * a GPtrArray of LedgerReceipt. A receipt issued before the period and
 * voided within it is listed too, so that its reversal can be shown. */
GPtrArray *ledger_receipt_list (LedgerBook          *book,
                                const LedgerPeriod  *period,
                                GError             **error);

/* The day receipt @number was voided and the journal entry that voided
 * it; "" and 0 when the receipt stands. */
gboolean ledger_receipt_void_info (LedgerBook  *book,
                                   const char  *number,
                                   char         out_date[11],
                                   gint64      *out_txn_id,
                                   GError     **error);

G_END_DECLS

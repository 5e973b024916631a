/* ledger-payment.h — payments, receipts and voids, and what a unit owes */
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
  char          void_date[11]; /* the day of the void; "" when the receipt stands */
  char         *void_reason;   /* NULL when the receipt stands */
} LedgerReceipt;

/**
 * ledger_receipt_free:
 * @receipt: (nullable) (transfer full): a receipt
 *
 * Frees @receipt with its strings and lines.
 */
void ledger_receipt_free (LedgerReceipt *receipt);

/**
 * ledger_receipt_number_parse:
 * @text: a receipt number as typed, "2026-000123" (4-digit year, dash,
 *   6-digit sequence)
 * @out_year: (out) (optional): the year
 * @out_seq: (out) (optional): the sequence number
 * @error: return location for an error
 *
 * Returns: TRUE for a well-formed number; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming the receipt otherwise
 */
gboolean ledger_receipt_number_parse (const char  *text,
                                      int         *out_year,
                                      int         *out_seq,
                                      GError     **error);

/**
 * ledger_pay:
 * @book: an open book
 * @unit: the paying unit, in any form ledger_unit_parse() accepts
 * @amount: fen, 1 to LEDGER_AMOUNT_MAX
 * @method: how it was paid
 * @date: (nullable): "YYYY-MM-DD" or NULL for today
 * @out_receipt: (out) (optional) (transfer full): the receipt, with what
 *   it settled
 * @error: return location for an error
 *
 * Records a payment by @unit in one transaction. It takes the next receipt
 * number of the payment's year (gapless), settles the household's oldest
 * open charges first, and keeps anything left over as prepaid credit.
 *
 * Returns: TRUE when recorded; FALSE with @error set:
 * LEDGER_ERROR_INVALID_INPUT for a malformed unit, an amount out of range
 * or a date the book refuses (ledger_check_entry_date()),
 * LEDGER_ERROR_NOT_FOUND for an unregistered unit, LEDGER_ERROR_CONFLICT
 * when the year's receipt numbers are used up, or a storage or journal
 * error.
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
 * @book: an open book
 * @number: the receipt, "2026-000123"
 * @reason: why (required: it is printed for the auditors)
 * @error: return location for an error
 *
 * Voids a receipt by posting its exact reversal; the receipt number stays
 * used.
 *
 * Returns: TRUE when voided; FALSE with @error set:
 * LEDGER_ERROR_INVALID_INPUT for a malformed number or reason,
 * LEDGER_ERROR_NOT_FOUND for a receipt the book does not have,
 * LEDGER_ERROR_CONFLICT when it was already voided or when the credit it
 * created has since settled a later bill, or a storage or journal error.
 */
gboolean ledger_void (LedgerBook  *book,
                      const char  *number,
                      const char  *reason,
                      GError     **error);

/**
 * ledger_receipt_lookup:
 * @book: an open book
 * @number: the receipt, "2026-000123"
 * @error: return location for an error
 *
 * Returns: (transfer full): the receipt with what it settled and whether
 *   it was voided, or NULL with @error set: LEDGER_ERROR_INVALID_INPUT for
 *   a malformed number, LEDGER_ERROR_NOT_FOUND for a receipt the book does
 *   not have, or a storage error
 */
LedgerReceipt *ledger_receipt_lookup (LedgerBook  *book,
                                      const char  *number,
                                      GError     **error);

/**
 * ledger_household_balance:
 * @book: an open book
 * @unit: the unit, in any form ledger_unit_parse() accepts
 * @out_owed: (out) (optional): fen of open charges, all years
 * @out_credit: (out) (optional): fen of prepaid credit
 * @error: return location for an error
 *
 * What @unit owes now and what the book holds for it.
 *
 * Returns: TRUE with the figures; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed unit, LEDGER_ERROR_NOT_FOUND
 *   for an unregistered one, or a storage error
 */
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

/**
 * ledger_receipt_list:
 * @book: an open book
 * @period: (nullable): the period; NULL for every receipt
 * @error: return location for an error
 *
 * Every receipt dated within @period and every receipt voided within it,
 * by date and number, each with what it settled. A receipt issued before
 * the period and voided within it is listed too, so that its reversal can
 * be shown.
 *
 * Returns: (transfer full) (element-type LedgerReceipt): the receipts,
 *   or NULL with a storage error
 */
GPtrArray *ledger_receipt_list (LedgerBook          *book,
                                const LedgerPeriod  *period,
                                GError             **error);

/**
 * ledger_receipt_void_info:
 * @book: an open book
 * @number: a receipt number
 * @out_date: (out caller-allocates): the day it was voided, "" when it stands
 * @out_txn_id: (out) (optional): the journal entry that voided it, 0 when none
 * @error: return location for an error
 *
 * Returns: TRUE when read (a receipt that stands, or is unknown, gives ""
 *   and 0); FALSE with a storage error
 */
gboolean ledger_receipt_void_info (LedgerBook  *book,
                                   const char  *number,
                                   char         out_date[11],
                                   gint64      *out_txn_id,
                                   GError     **error);

/**
 * ledger_receipt_reenter:
 * @book: an open book
 * @number: a voided receipt
 * @out_receipt: (out) (optional) (transfer full): the new receipt
 * @error: return location for an error
 *
 * Corrects a void that was itself a mistake. An append-only book cannot
 * take a void back, so the voided payment is recorded again (same unit,
 * amount, method and date) under the next receipt number, through
 * ledger_pay(). Calling it twice records the payment twice: the caller
 * decides when a void may be undone.
 *
 * Returns: TRUE when recorded; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed number,
 *   LEDGER_ERROR_NOT_FOUND for a receipt the book does not have,
 *   LEDGER_ERROR_CONFLICT, writing nothing, when @number was never voided,
 *   or what ledger_pay() sets
 */
gboolean ledger_receipt_reenter (LedgerBook     *book,
                                 const char     *number,
                                 LedgerReceipt **out_receipt,
                                 GError        **error);

/* What a unit owes now, and what to suggest when its owner pays. */
typedef struct
{
  char   *unit;       /* normalised: "3-2-301" */
  char   *owner;
  gint64  owed;       /* fen of open charges, all years */
  gint64  credit;     /* fen of prepaid credit the book holds for it */
  gint64  suggested;  /* the amount to offer: everything owed (0 when nothing is) */
  int     first_year; /* the oldest year with an open charge; 0 when none */
  int     last_year;  /* the newest; 0 when none */
} LedgerHouseholdDue;

/**
 * ledger_household_due_free:
 * @due: (nullable) (transfer full): what a unit owes
 *
 * Frees @due and its strings.
 */
void ledger_household_due_free (LedgerHouseholdDue *due);

/**
 * ledger_household_due:
 * @book: an open book
 * @unit: a unit code in any form ledger_unit_parse() accepts
 * @error: return location for an error
 *
 * Looks @unit up and says what it owes (the same figures as
 * ledger_household_balance()) with the years of the open charges.
 *
 * Returns: (transfer full): the figures, or NULL with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed code,
 *   LEDGER_ERROR_NOT_FOUND for a unit that is not registered, or a
 *   storage error
 */
LedgerHouseholdDue *ledger_household_due (LedgerBook  *book,
                                          const char  *unit,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerHouseholdDue, ledger_household_due_free)

G_END_DECLS

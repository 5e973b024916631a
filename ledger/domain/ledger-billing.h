/* ledger-billing.h — yearly charges and waivers */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

typedef struct
{
  guint  charges;   /* charges posted by this run */
  gint64 amount;    /* their total, fen */
  gint64 credited;  /* settled at once from owners' prepaid credit, fen */
} LedgerBillSummary;

/**
 * ledger_bill_year:
 * @book: an open book
 * @year: the year to bill (ledger_check_bill_year() is the caller's check)
 * @out_summary: (out) (optional): what this run posted
 * @error: return location for an error
 *
 * Posts one charge per household per fee item in force for @year
 * (ledger_fee_list_for_year()): the amount per household, or per parking
 * space times the household's spaces. Households that moved in after the
 * year are skipped. Idempotent: a charge that exists is never posted again,
 * so running it twice, or after adding households, is safe. Prepaid credit
 * settles new charges at once. One transaction, one journal entry per charge.
 *
 * Returns: TRUE when billed; FALSE with @error set: LEDGER_ERROR_INVALID_INPUT
 * when a charge would pass LEDGER_AMOUNT_MAX, or a storage or journal error.
 */
gboolean ledger_bill_year (LedgerBook         *book,
                           int                 year,
                           LedgerBillSummary  *out_summary,
                           GError            **error);

/**
 * ledger_waive:
 * @book: an open book
 * @unit: the unit, in any form ledger_unit_parse() accepts
 * @fee_code: the fee item whose charge is reduced
 * @year: the year of the charge
 * @amount: (nullable): fen to waive; NULL waives everything still owed
 * @reason: why (required: it is printed for the auditors)
 * @out_waived: (out) (optional): the amount waived
 * @error: return location for an error
 *
 * Reduces the charge of @fee_code for @unit in @year (减免), journaled.
 *
 * Returns: TRUE when waived; FALSE with @error set:
 * LEDGER_ERROR_INVALID_INPUT for a malformed unit, a missing reason or an
 * amount that is not positive or exceeds what is open,
 * LEDGER_ERROR_NOT_FOUND for an unregistered unit or a charge the book
 * does not have, LEDGER_ERROR_CONFLICT for a charge already settled, or a
 * storage or journal error.
 */
gboolean ledger_waive (LedgerBook    *book,
                       const char    *unit,
                       const char    *fee_code,
                       int            year,
                       const gint64  *amount,
                       const char    *reason,
                       gint64        *out_waived,
                       GError       **error);

G_END_DECLS

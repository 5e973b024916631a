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
 * Posts one charge per household per fee item in force for @year
 * (ledger_fee_list_for_year()): the amount per household, or per parking
 * space times the household's spaces. Households that moved in after the
 * year are skipped. Idempotent: a charge that exists is never posted again,
 * so running it twice, or after adding households, is safe. Prepaid credit
 * settles new charges at once.
 */
gboolean ledger_bill_year (LedgerBook         *book,
                           int                 year,
                           LedgerBillSummary  *out_summary,
                           GError            **error);

/**
 * ledger_waive:
 * @amount: (nullable): fen to waive; NULL waives everything still owed
 * @reason: why (required: it is printed for the auditors)
 * @out_waived: (out) (optional): the amount waived
 *
 * Reduces the charge of @fee_code for @unit in @year (减免).
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

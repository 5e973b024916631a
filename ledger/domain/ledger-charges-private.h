/* ledger-charges-private.h — settling charges, shared by billing and
 * payments, and the receipts that settled them, for a household's history */
#pragma once

#include "ledger-book-private.h"
#include "ledger-journal-private.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 charge_id;
  gint64 open;      /* fen still owed on the charge */
} LedgerOpenCharge;

/* The household's charges that are not fully settled, oldest first (by
 * year, then in the order they were billed): a GArray of LedgerOpenCharge.
 * With @billed_by, only those billed on or before that day: what a payment
 * of that day can settle (a settlement is never dated before what it
 * settles; the rest of the payment is credit). NULL: all of them. */
GArray *ledger_open_charges (LedgerBook  *book,
                             gint64       household_id,
                             const char  *billed_by,
                             GError     **error);

/* The household's prepaid credit in fen (what the book owes the owner). */
gboolean ledger_prepaid_credit (LedgerBook  *book,
                                gint64       household_id,
                                gint64      *out_credit,
                                GError     **error);

/* The credit a charge dated @day may use: the least the household holds
 * on any day from @day on. Credit paid in June cannot settle a bill of
 * January (prepaid would be owed by the owner until June), and credit
 * that a later entry used is not there to use again. */
gboolean ledger_prepaid_credit_from (LedgerBook  *book,
                                     gint64       household_id,
                                     const char  *day,
                                     gint64      *out_credit,
                                     GError     **error);

/* Records that transaction @txn_id settled @amount of @charge_id. */
gboolean ledger_allocation_insert (LedgerBook  *book,
                                   gint64       txn_id,
                                   gint64       charge_id,
                                   const char  *kind,
                                   gint64       amount,
                                   GError     **error);

/* The household's receipts by date and number, each with what it settled
 * and, when voided, the day and the reason: a GPtrArray of LedgerReceipt
 * (ledger_receipt_lookup()'s reader). @doing names the operation in an
 * error, an N_()-marked literal. NULL with @error set on failure. */
GPtrArray *ledger_receipts_of_household (LedgerBook  *book,
                                         gint64       household_id,
                                         const char  *doing,
                                         GError     **error);

G_END_DECLS

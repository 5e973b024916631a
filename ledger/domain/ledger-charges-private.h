/* ledger-charges-private.h — settling charges, shared by billing and
 * payments: the open charges and the prepaid credit, the charge,
 * allocation and waiver facts, billing's rules for verify's replay, and
 * the receipts that settled them, for a household's history */
#pragma once

#include "ledger-book-private.h"
#include "ledger-draft-private.h"
#include "ledger-fact-private.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"
#include "ledger-payment.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 charge_id;
  gint64 open;         /* fen still owed on the charge */
  int    year;
  char   fee_code[33]; /* ledger_fee_code_check(): at most 32 bytes */
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

/* "charge|UNIT|FEE_CODE|YEAR|AMOUNT|FEE_ENTRY": a charge of the fee
 * version that journal entry FEE_ENTRY set. */
extern const LedgerFactKind ledger_fact_charge;
/* "allocation|UNIT|FEE_CODE|YEAR|KIND|AMOUNT": this entry settled (a
 * void's: un-settled, AMOUNT negative) AMOUNT of that charge. */
extern const LedgerFactKind ledger_fact_allocation;
/* "waiver|UNIT|FEE_CODE|YEAR|AMOUNT|REASON". */
extern const LedgerFactKind ledger_fact_waiver;


/* An allocation fact: the entry settles @amount of @charge of @unit
 * (@kind "payment", "credit" or "waiver"; a void's negative). */
void ledger_allocation_add_to_draft (LedgerDraft            *draft,
                                     const char             *unit,
                                     const LedgerOpenCharge *charge,
                                     const char             *kind,
                                     gint64                  amount);

/* The rule of a "charge" entry (ledger-replay.c's rules[]): the fee
 * version in force for the year, its amount per household or per space,
 * the day it falls due and the prepaid credit that settles it at once. */
gboolean ledger_charge_rule (LedgerBook          *book,
                             const LedgerLeaf    *leaf,
                             char *const *const  *facts,
                             GError             **error);
/* The rule of a "waiver" entry: at most what is owed, settled at once. */
gboolean ledger_waiver_rule (LedgerBook          *book,
                             const LedgerLeaf    *leaf,
                             char *const *const  *facts,
                             GError             **error);

/* The household's receipts by date and number, each with what it settled
 * and, when voided, the day and the reason: a GPtrArray of LedgerReceipt
 * (ledger_receipt_lookup()'s reader). @doing names the operation in an
 * error, an N_()-marked literal. NULL with @error set on failure. */
GPtrArray *ledger_receipts_of_household (LedgerBook  *book,
                                         gint64       household_id,
                                         const char  *doing,
                                         GError     **error);

G_END_DECLS

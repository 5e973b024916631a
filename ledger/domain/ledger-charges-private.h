/* ledger-charges-private.h — settling charges, shared by billing and
 * payments, and the receipts that settled them, for a household's history */
#pragma once

#include "ledger-book-private.h"
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

/* The household registered as @unit, for an apply function or a rule
 * of a @fact: LEDGER_ERROR_VERIFY when there is none. */
gboolean ledger_fact_household_id (LedgerBook  *book,
                                   const char  *fact,
                                   const char  *unit,
                                   gint64      *out_id,
                                   GError     **error);

/**
 * LedgerDraft:
 *
 * The splits and facts an entry must have, as the rule that writes it
 * decides them (which charges a payment settles, what credit a bill
 * uses, what a void takes back): the writer posts the draft, and verify's
 * replay builds it again from the entry's own inputs on the replayed book
 * and compares it with the entry's leaf. One function decides, for both.
 */
typedef struct _LedgerDraft LedgerDraft;

LedgerDraft *ledger_draft_new       (void);
void         ledger_draft_free      (LedgerDraft          *draft);
/* A split as ledger_posting_add() takes it; @unit is the household's
 * unit (for the comparison with the leaf), "" with @household_id 0. */
void         ledger_draft_add_split (LedgerDraft          *draft,
                                     const char           *account,
                                     gint64                household_id,
                                     const char           *unit,
                                     gint64                amount);
void         ledger_draft_add_factv (LedgerDraft          *draft,
                                     const LedgerFactKind *kind,
                                     const char *const    *fields);
/* An allocation fact: the entry settles @amount of @charge of @unit
 * (@kind "payment", "credit" or "waiver"; a void's negative). */
void         ledger_draft_add_allocation (LedgerDraft            *draft,
                                          const char             *unit,
                                          const LedgerOpenCharge *charge,
                                          const char             *kind,
                                          gint64                  amount);
/* Adds the draft's splits and facts to @posting. */
void         ledger_draft_post      (const LedgerDraft    *draft,
                                     LedgerPosting        *posting);
/* Whether @leaf has exactly the draft's splits and facts, in order:
 * otherwise LEDGER_ERROR_VERIFY naming @rule, what it gives and what the
 * entry says. */
gboolean     ledger_draft_check     (const LedgerDraft    *draft,
                                     const LedgerLeaf     *leaf,
                                     const char           *rule,
                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerDraft, ledger_draft_free)

/* The fields of the entry's first @name fact, or NULL with
 * LEDGER_ERROR_VERIFY when it has none (the fields are the facts'). */
const char *const *ledger_draft_find_fact (char *const *const  *facts,
                                           const char          *name,
                                           const LedgerLeaf    *leaf,
                                           GError             **error);

/* The rule of a "charge" entry: the prepaid credit a new charge uses
 * (ledger-replay.c's rules[]). */
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

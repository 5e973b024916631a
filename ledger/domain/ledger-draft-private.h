/* ledger-draft-private.h — an entry as the rule that writes it decides
 * it, for the writer to post and for verify's replay to compare */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/**
 * LedgerDraft:
 *
 * The splits and facts an entry must have, as the rule that writes it
 * decides them (which charges a payment settles, what credit a bill
 * uses, what a void takes back), and its ref and memo, composed from
 * them: the writer posts the draft, and verify's replay builds it again
 * from the entry's own inputs on the replayed book and compares it with
 * the entry's leaf. One function decides, for both.
 */
typedef struct _LedgerDraft LedgerDraft;

LedgerDraft *ledger_draft_new          (void);
void         ledger_draft_free         (LedgerDraft          *draft);
/* The entry's date, when the rule decides it (a bill's due day). */
void         ledger_draft_set_date     (LedgerDraft          *draft,
                                        const char           *date);
/* The entry's ref and memo ("" until set: an entry the draft's rule
 * writes without one must have none). */
void         ledger_draft_set_ref_memo (LedgerDraft          *draft,
                                        const char           *ref,
                                        const char           *memo);
/* A split as ledger_posting_add() takes it; @unit is the household's
 * unit (for the comparison with the leaf), "" with @household_id 0. */
void         ledger_draft_add_split    (LedgerDraft          *draft,
                                        const char           *account,
                                        gint64                household_id,
                                        const char           *unit,
                                        gint64                amount);
void         ledger_draft_add_factv    (LedgerDraft          *draft,
                                        const LedgerFactKind *kind,
                                        const char *const    *fields);
/* Adds the draft's ref, memo, splits and facts to @posting. */
void         ledger_draft_post         (const LedgerDraft    *draft,
                                        LedgerPosting        *posting);
/* Whether @leaf has exactly the draft's splits and facts, in order, and
 * then its ref and memo: otherwise LEDGER_ERROR_VERIFY naming @rule (or
 * the field "ref" or "memo"), what it gives and what the entry says. */
gboolean     ledger_draft_check        (const LedgerDraft    *draft,
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

/* For a fact's apply function: whether entry @txn_id is of one of
 * @kinds (NULL-terminated), the entries whose writers, and so whose
 * rules, have @fact. A fact in another entry would be applied with no
 * rule checking it: LEDGER_ERROR_VERIFY. */
gboolean ledger_draft_require_kind (LedgerBook         *book,
                                        gint64              txn_id,
                                        const char         *fact,
                                        const char *const  *kinds,
                                        GError            **error);

G_END_DECLS

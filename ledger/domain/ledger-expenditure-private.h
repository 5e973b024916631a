/* ledger-expenditure-private.h — expenditures inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-expenditure.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write(), without attachments. */
gboolean ledger_expenditure_record_in_write (LedgerBook         *book,
                                             LedgerExpenditure  *expenditure,
                                             GError            **error);

/* "expenditure|AMOUNT|PAYEE|CATEGORY|METHOD|MEMO|INVOICE|APPROVERS|FUND|VOTE"
 * (docs/leaf-format.md): the expenditures row. */
extern const LedgerFactKind ledger_fact_expenditure;

/* "source|ACCOUNT": the expenditure_sources row of an expenditure paid
 * from a named bank account or a member's advance; the fact after the
 * expenditure's in the same entry, whose credit split is on ACCOUNT. */
extern const LedgerFactKind ledger_fact_source;

/* Replay rule (LedgerReplayRule, ledger-replay-private.h): an
 * "expenditure" entry obeys, on the book as the journal rebuilds it, the
 * rules its writer applies: the spend limit of its day or a passed vote
 * of a fitting matter (so a vote whose stored result was forged
 * authorises nothing), approvers on the committee; its splits move its
 * amount. */
gboolean ledger_expenditure_replay (LedgerBook          *book,
                                    const LedgerLeaf    *leaf,
                                    char *const *const  *facts,
                                    GError             **error);

G_END_DECLS

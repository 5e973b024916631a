/* ledger-closed-periods-private.h — the periods no entry may be dated in,
 * and the entries that correct them
 *
 * A period is closed by a `period-close` entry (domain/ledger-period-close.c)
 * after its notice was published. From then on the journal refuses any
 * entry dated inside it, whoever writes it (ledger_posting_commit() asks
 * here, so billing and every automatic entry are covered, and so is verify's
 * replay, which sees the closed periods as they stood when each entry was
 * written). A mistake found later is entered in an open period and marked
 * with a `corrects|PERIOD` fact (docs/money.md, "Closed periods").
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fact-private.h"

G_BEGIN_DECLS

/* "corrects|PERIOD": the entry corrects the closed period PERIOD; a row of
 * `corrections`. Refused (LEDGER_ERROR_INVALID_INPUT naming --corrects)
 * unless PERIOD is closed in the book at that point. */
extern const LedgerFactKind ledger_fact_corrects;

/* Whether an entry of @kind may carry a `corrects` fact: every kind but
 * the automatic ones (`account`, `snapshot`). */
gboolean ledger_closed_may_correct (const char *kind);

/**
 * ledger_closed_period_of:
 * @book: a book
 * @date: "YYYY-MM-DD"
 * @out_period: (out caller-allocates): the closed period holding @date
 *   (the earliest-starting one when several do), "" when none does
 * @error: return location for a storage error
 */
gboolean ledger_closed_period_of (LedgerBook  *book,
                                  const char  *date,
                                  char         out_period[16],
                                  GError     **error);

/**
 * ledger_closed_period_check:
 * @book: a book
 * @date: the day an entry is dated, "YYYY-MM-DD"
 * @field: the option or column it came from, for the message
 * @error: return location for an error
 *
 * Returns: TRUE when @date lies in no closed period; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field and the period
 */
gboolean ledger_closed_period_check (LedgerBook  *book,
                                     const char  *date,
                                     const char  *field,
                                     GError     **error);

G_END_DECLS

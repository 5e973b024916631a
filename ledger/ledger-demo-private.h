/* ledger-demo-private.h — the parts of the demo community in other files */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_demo_post_votes:
 * Inside a running write on @year's first day: the owners' yearly vote on
 * the budget and service contracts (matter 9, passes), whose number is
 * returned in @out_budget_vote so large expenditures can cite it; and, in
 * the demo's last year, three more — one that passes, one that fails for
 * want of participation, one major matter (6) that fails the 3/4 test.
 */
gboolean ledger_demo_post_votes (LedgerBook  *book,
                                 int          year,
                                 gboolean     last_year,
                                 guint64      seed,
                                 gint64      *out_budget_vote,
                                 GError     **error);

G_END_DECLS

/* cl-votes-page.h — owners' votes: the list, the ballot grid, the tally */
#pragma once

#include "cl-page.h"
#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_VOTES_PAGE (cl_votes_page_get_type ())
G_DECLARE_FINAL_TYPE (ClVotesPage, cl_votes_page, CL, VOTES_PAGE, ClPage)

/* Selects vote @id in the list and shows its ballot grid, as a click on
 * its row would (0 clears the selection). For tests and other pages. */
void cl_votes_page_select_vote (ClVotesPage *self,
                                gint64       id);

/* Marks the ballot of the owner of @unit in the shown vote, through the
 * same code as the toggle buttons and the Y/N/A keys: a first ballot is
 * recorded at once, a change asks for the reason of the correction. */
void cl_votes_page_mark (ClVotesPage  *self,
                         const char   *unit,
                         LedgerChoice  choice);

G_END_DECLS

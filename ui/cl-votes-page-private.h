/* cl-votes-page-private.h — what only the GUI tests (tests/gui/) and tools
 * call of ClVotesPage: the actions a user takes with the mouse, made
 * callable without a dialog, and what a test reads back. The app itself
 * uses cl-votes-page.h only. */
#pragma once

#include "cl-votes-page.h"

G_BEGIN_DECLS

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

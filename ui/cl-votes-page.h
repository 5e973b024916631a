/* cl-votes-page.h — owners' votes: the list, the ballot grid, the tally */
#pragma once

#include "cl-page.h"
#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_VOTES_PAGE (cl_votes_page_get_type ())
G_DECLARE_FINAL_TYPE (ClVotesPage, cl_votes_page, CL, VOTES_PAGE, ClPage)

G_END_DECLS

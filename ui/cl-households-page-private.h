/* cl-households-page-private.h — what only the GUI tests (tests/gui/) and
 * tools call of ClHouseholdsPage: the actions a user takes with the mouse,
 * made callable without a dialog, and what a test reads back. The app
 * itself uses cl-households-page.h only. */
#pragma once

#include "cl-households-page.h"

G_BEGIN_DECLS

/* Selects the household of @unit (a normalised unit code) and scrolls it
 * into view; does nothing when it is not shown. */
void cl_households_page_select_unit (ClHouseholdsPage *self,
                                     const char       *unit);

G_END_DECLS

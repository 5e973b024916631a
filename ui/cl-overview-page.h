/* cl-overview-page.h — the figures a treasurer looks at first */
#pragma once

#include "cl-page.h"

G_BEGIN_DECLS

#define CL_TYPE_OVERVIEW_PAGE (cl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ClOverviewPage, cl_overview_page, CL, OVERVIEW_PAGE, ClPage)

G_END_DECLS

/* cl-households-page.h — the register of units: a sortable, searchable table */
#pragma once

#include "cl-page.h"

G_BEGIN_DECLS

#define CL_TYPE_HOUSEHOLDS_PAGE (cl_households_page_get_type ())
G_DECLARE_FINAL_TYPE (ClHouseholdsPage, cl_households_page, CL, HOUSEHOLDS_PAGE, ClPage)

G_END_DECLS

/* cl-expenditures-page.h — every expenditure, searchable, and the way to add one */
#pragma once

#include "cl-page.h"

G_BEGIN_DECLS

#define CL_TYPE_EXPENDITURES_PAGE (cl_expenditures_page_get_type ())
G_DECLARE_FINAL_TYPE (ClExpendituresPage, cl_expenditures_page, CL, EXPENDITURES_PAGE, ClPage)

G_END_DECLS

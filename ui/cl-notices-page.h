/* cl-notices-page.h — the notice for the board: preview, publish, print,
 * and the auditor's workbook */
#pragma once

#include "cl-page.h"

G_BEGIN_DECLS

#define CL_TYPE_NOTICES_PAGE (cl_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (ClNoticesPage, cl_notices_page, CL, NOTICES_PAGE, ClPage)

G_END_DECLS

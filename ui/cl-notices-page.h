/* cl-notices-page.h — the notice for the board: preview, publish, print,
 * and the auditor's workbook */
#pragma once

#include "cl-page.h"
#include "cl-print-preview.h"

G_BEGIN_DECLS

#define CL_TYPE_NOTICES_PAGE (cl_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (ClNoticesPage, cl_notices_page, CL, NOTICES_PAGE, ClPage)

/* Shows the print preview of the chosen period's notice (Print Preview…,
 * Ctrl+P), on the page shown here. Returns the window (owned by GTK), or
 * NULL when there is no notice to show (the error is shown in a dialog). */
ClPrintPreview *cl_notices_page_print_preview (ClNoticesPage *self);

G_END_DECLS

/* cl-expenditure-dialog.h — the form that records an expenditure */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_EXPENDITURE_DIALOG (cl_expenditure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClExpenditureDialog, cl_expenditure_dialog, CL, EXPENDITURE_DIALOG, AdwWindow)

/* A modal form over @parent. It emits ::expenditure-saved (gint64 id)
 * after ledger_expenditure_record() committed, and then closes itself. */
ClExpenditureDialog *cl_expenditure_dialog_new (GtkWindow  *parent,
                                                LedgerBook *book);

G_END_DECLS

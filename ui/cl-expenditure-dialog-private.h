/* cl-expenditure-dialog-private.h — what only the GUI tests (tests/gui/)
 * and tools call of ClExpenditureDialog: the actions a user takes with the
 * mouse, made callable without a dialog, and what a test reads back. The
 * app itself uses cl-expenditure-dialog.h only. */
#pragma once

#include "cl-expenditure-dialog.h"

G_BEGIN_DECLS

/* Adds @path to the files kept with the expenditure, as choosing it in
 * the file chooser would. */
void cl_expenditure_dialog_add_attachment (ClExpenditureDialog *self,
                                           const char          *path);

G_END_DECLS

/* cl-opening-dialog.h — the guided opening-balances form (期初) for a book
 * started from a paper ledger */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_OPENING_DIALOG (cl_opening_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClOpeningDialog, cl_opening_dialog, CL, OPENING_DIALOG, AdwWindow)

/* A modal form over @parent in four steps: the date the balances are as
 * at; each money account's balance with its fund (named bank accounts can
 * be added there); households' unpaid charges of earlier years and their
 * credit; a summary by account and by fund. Save writes each line by the
 * ledger's own opening calls after all of them were checked together on a
 * copy of the book; then the form closes itself with a toast on @parent. */
ClOpeningDialog *cl_opening_dialog_new (GtkWindow  *parent,
                                        LedgerBook *book);

G_END_DECLS

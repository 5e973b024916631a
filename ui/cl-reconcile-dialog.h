/* cl-reconcile-dialog.h — recording a money account's statement (对账)
 *
 * The Overview's "Reconcile…" button on each money account opens it: the
 * balance the bank statement (or the cash counted, a platform's bill)
 * shows at the end of a day, recorded with ledger_account_reconcile(),
 * the same call as `account reconcile`.
 */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_RECONCILE_DIALOG (cl_reconcile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClReconcileDialog, cl_reconcile_dialog, CL, RECONCILE_DIALOG, AdwMessageDialog)

/* A dialog for @account (a money account's code, shown as @title) of
 * @book, modal to @parent. */
GtkWidget *cl_reconcile_dialog_new (GtkWindow  *parent,
                                    LedgerBook *book,
                                    const char *account,
                                    const char *title);

G_END_DECLS

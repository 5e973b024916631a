/* cl-import-dialog.h — registering households from a CSV file, with a preview */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_IMPORT_DIALOG (cl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClImportDialog, cl_import_dialog, CL, IMPORT_DIALOG, AdwWindow)

/* A modal preview for @parent; nothing is shown until a file is loaded. */
ClImportDialog *cl_import_dialog_new (GtkWindow  *parent,
                                      LedgerBook *book);

/* Asks for the CSV with GtkFileChooserNative (GTK 4.8 has no
 * GtkFileDialog), then loads and presents the preview; cancelling the
 * first choice destroys the dialog that was never shown. */
void            cl_import_dialog_choose_file (ClImportDialog *self);

G_END_DECLS

/* cl-import-dialog-private.h — what only the GUI tests (tests/gui/) and
 * tools call of ClImportDialog: the actions a user takes with the mouse,
 * made callable without a dialog, and what a test reads back. The app
 * itself uses cl-import-dialog.h only. */
#pragma once

#include "cl-import-dialog.h"

G_BEGIN_DECLS

/**
 * cl_import_dialog_load:
 * Reads @path with ledger_import_read() and shows its rows (unit, owner,
 * area, spaces) and its problems with their line numbers. The Import
 * button is sensitive only when there are rows and no problem at all;
 * ledger_import_households() then writes every row or none. Tests call
 * this directly instead of going through the file chooser.
 */
void            cl_import_dialog_load (ClImportDialog *self,
                                       const char     *path);

G_END_DECLS

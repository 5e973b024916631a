/* cl-payments-page-private.h — what only the GUI tests (tests/gui/) and
 * tools call of ClPaymentsPage: the actions a user takes with the mouse,
 * made callable without a dialog, and what a test reads back. The app
 * itself uses cl-payments-page.h only. */
#pragma once

#include "cl-payments-page.h"

G_BEGIN_DECLS

/**
 * cl_payments_page_print_receipt:
 * @number: (nullable): the receipt; NULL for the last one recorded here
 *
 * Puts receipt @number on paper for the owner: opens its print preview
 * (ClPrintPreview: the receipt as export_receipt() draws it, with Print…
 * through the system print dialog and Save as PDF…). Returns the preview
 * window (owned by GTK), or NULL when there is no receipt to print or it
 * could not be read (the error is shown in a dialog).
 */
ClPrintPreview *cl_payments_page_print_receipt (ClPaymentsPage *self,
                                                const char     *number);

/* Voids the receipt selected in the list, giving @reason; shows a toast
 * with an Undo button. What the "Void…" dialog does once confirmed. */
void        cl_payments_page_void_selected (ClPaymentsPage *self,
                                            const char     *reason);

/* Undoes the last void while its toast is still shown: a void cannot be
 * taken back in an append-only book, so the same payment (unit, amount,
 * method, date) is recorded again under a new receipt number. Returns
 * FALSE when there is nothing to undo or recording failed. */
gboolean    cl_payments_page_undo_last_void (ClPaymentsPage *self);

G_END_DECLS

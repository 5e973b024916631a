/* cl-household-dialog.h — the form that adds or edits one household */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_HOUSEHOLD_DIALOG (cl_household_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClHouseholdDialog, cl_household_dialog, CL, HOUSEHOLD_DIALOG, AdwWindow)

/**
 * cl_household_dialog_new:
 * @parent: the window it is modal for (it shows the "saved" toast)
 * @book: the book the household is written to
 * @household: (nullable): the registered household to edit, or NULL to add one
 *
 * A modal form. Each field is checked by the ledger's own parsers as the
 * user leaves it and again on Save; nothing is written while any field is
 * wrong. After a successful write it emits ClHouseholdDialog::saved with
 * the normalised unit code, shows "Household 3-2-301 saved" in @parent and
 * closes. Escape or Cancel closes it without writing.
 */
ClHouseholdDialog *cl_household_dialog_new (GtkWindow             *parent,
                                            LedgerBook            *book,
                                            const LedgerHousehold *household);

G_END_DECLS

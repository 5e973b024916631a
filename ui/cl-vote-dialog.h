/* cl-vote-dialog.h — the form that opens an owners' vote */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_VOTE_DIALOG (cl_vote_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClVoteDialog, cl_vote_dialog, CL, VOTE_DIALOG, AdwWindow)

/* A modal form over @parent. It emits ::vote-created (gint64 id) after
 * ledger_vote_new() committed, and then closes itself. */
ClVoteDialog *cl_vote_dialog_new (GtkWindow  *parent,
                                  LedgerBook *book);

G_END_DECLS

/* cl-preferences-window.h — the open book's settings, and this desk's */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_WINDOW (cl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, CL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/**
 * cl_preferences_window_new:
 * @parent: the window it is modal for
 * @book: the open book whose settings it edits
 *
 * The Preferences: the community's name and address, the publication URL
 * and committee, fee versions, the spend limit, the committee members,
 * the backup folder and rotation (all in @book, each change one
 * transaction through the same ledger function as the command line, with
 * the ledger's message next to the field when it is refused), and this
 * computer's language and operator (GSettings; hidden when the schema is
 * not installed).
 */
ClPreferencesWindow *cl_preferences_window_new (GtkWindow  *parent,
                                                LedgerBook *book);

G_END_DECLS

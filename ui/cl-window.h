/* cl-window.h — the treasurer's main window: a sidebar of pages */
#pragma once

#include <adwaita.h>

#include "cl-feedback.h"
#include "cl-job.h"
#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

/* @book may be NULL, with @problem saying in plain words why. */
ClWindow   *cl_window_new (GtkApplication *application,
                           LedgerBook     *book,
                           const char     *problem);

/* The window's book; it is set through the "book" property. */
LedgerBook *cl_window_get_book (ClWindow *self);

/**
 * cl_window_remake:
 * @old: a window, which is destroyed
 *
 * A new window in place of @old, in the language gettext now speaks: the
 * same application, book, size and page, and the Preferences again if
 * they were open. @old goes without a close request, so without the
 * backup on closing: nothing was closed, only translated.
 *
 * Returns: (transfer none): the new window, presented
 */
ClWindow   *cl_window_remake (ClWindow *old);

G_END_DECLS

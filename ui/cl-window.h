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

LedgerBook *cl_window_get_book (ClWindow *self);
void        cl_window_set_book (ClWindow   *self,
                                LedgerBook *book);

/* Shows the page named @name ("overview", "households", "payments",
 * "expenditures", "votes", "notices"). */
void        cl_window_show_page (ClWindow   *self,
                                 const char *name);
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

/* The name of the page shown ("overview", "payments", …). */
const char *cl_window_get_visible_page_name (ClWindow *self);
GtkWidget  *cl_window_get_page (ClWindow   *self,
                                const char *name);

/* Backs the book up to @path in a worker thread, as Back Up… does once a
 * file is chosen: a progress dialog after half a second, Cancel, and a
 * toast when the copy is written and checked. */
void        cl_window_backup_to (ClWindow   *self,
                                 const char *path);

/* The verify or backup running in a worker thread, or NULL. */
ClJob      *cl_window_get_job (ClWindow *self);

G_END_DECLS

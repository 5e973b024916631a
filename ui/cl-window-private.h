/* cl-window-private.h — what only the GUI tests (tests/gui/) and tools
 * call of ClWindow: the actions a user takes with the mouse, made callable
 * without a dialog, and what a test reads back. The app itself uses cl-
 * window.h only. */
#pragma once

#include "cl-window.h"

G_BEGIN_DECLS

/* Backs the book up to @path in a worker thread, as Back Up… does once a
 * file is chosen: a progress dialog after half a second, Cancel, and a
 * toast when the copy is written and checked. */
void        cl_window_backup_to (ClWindow   *self,
                                 const char *path);

/* Creates a book at @path and shows it, as New Book… does once a file is
 * chosen; then offers to start from a paper ledger. */
void        cl_window_create_book_at (ClWindow   *self,
                                      const char *path);

/* The verify or backup running in a worker thread, or NULL. */
ClJob      *cl_window_get_job (ClWindow *self);

GtkWidget  *cl_window_get_page (ClWindow   *self,
                                const char *name);

/* The name of the page shown ("overview", "payments", …). */
const char *cl_window_get_visible_page_name (ClWindow *self);

/* Shows the page named @name ("overview", "households", "payments",
 * "expenditures", "votes", "notices"). */
void        cl_window_show_page (ClWindow   *self,
                                 const char *name);

G_END_DECLS

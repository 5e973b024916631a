/* cl-window.h — the treasurer's main window: a sidebar of pages */
#pragma once

#include <adwaita.h>

#include "ledger-book.h"

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
GtkWidget  *cl_window_get_page (ClWindow   *self,
                                const char *name);

/* Shows @toast in the window that holds @widget (any widget inside it). */
void        cl_window_add_toast (GtkWidget *widget,
                                 AdwToast  *toast);

/* Tells the user, in a dialog, that @error happened while @doing; the
 * book was left as it was. */
void        cl_window_show_error (GtkWidget    *widget,
                                  const char   *doing,
                                  const GError *error);

G_END_DECLS

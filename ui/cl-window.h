/* cl-window.h — the treasurer's main window */
#pragma once

#include <adwaita.h>

#include "ledger-book.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

/* @book may be NULL, with @problem saying in plain words why. */
ClWindow *cl_window_new (GtkApplication *application,
                         LedgerBook     *book,
                         const char     *problem);

LedgerBook *cl_window_get_book (ClWindow *self);

G_END_DECLS

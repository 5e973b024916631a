/* cl-feedback.h — telling the user how something went: a toast in the
 * window that holds a widget, an error dialog over it. Below the window
 * and its pages, so that the pages never call the window that holds them. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A window that shows the toasts of the widgets inside it (ClWindow):
 * cl_window_add_toast() looks for the nearest one. */
#define CL_TYPE_TOAST_HOST (cl_toast_host_get_type ())
G_DECLARE_INTERFACE (ClToastHost, cl_toast_host, CL, TOAST_HOST, GtkWidget)

struct _ClToastHostInterface
{
  GTypeInterface parent_iface;

  AdwToastOverlay *(*get_toast_overlay) (ClToastHost *self);
};

/* A toast "FORMAT" with the file @path in it: control characters and
 * bytes that are not UTF-8 escaped (ledger_quote_path()), then the
 * markup a toast's title is read as (a name with "&" or "<" in it showed
 * nothing, or showed as markup). */
AdwToast   *cl_toast_new_for_file (const char *format,
                                   const char *path);

/* Shows @toast (taking the reference adw_toast_new() returned) in the
 * ClToastHost that holds @widget (any widget inside it, or the host
 * itself); outside of one the toast is dropped. */
void        cl_window_add_toast (GtkWidget *widget,
                                 AdwToast  *toast);

/* Tells the user, in a dialog, that @error happened while @doing; the
 * book was left as it was. */
void        cl_window_show_error (GtkWidget    *widget,
                                  const char   *doing,
                                  const GError *error);

G_END_DECLS

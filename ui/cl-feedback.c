/* cl-feedback.c — toasts and error dialogs for any widget of the app */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-feedback.h"
#include "ledger.h"

G_DEFINE_INTERFACE (ClToastHost, cl_toast_host, GTK_TYPE_WIDGET)

static void
cl_toast_host_default_init (ClToastHostInterface *iface)
{
}

AdwToast *
cl_toast_new_for_file (const char *format,
                       const char *path)
{
  g_autofree char *quoted = ledger_quote_path (path);
  g_autofree char *title = NULL;

  /* @format is one of the translated messages of the callers, with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  title = g_markup_printf_escaped (format, quoted);
#pragma GCC diagnostic pop
  return adw_toast_new (title);
}

void
cl_window_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkWidget *host = gtk_widget_get_ancestor (widget, CL_TYPE_TOAST_HOST);

  if (host == NULL)
    {
      g_object_unref (toast); /* adw_toast_new () returns a full reference */
      return;
    }
  adw_toast_overlay_add_toast (CL_TOAST_HOST_GET_IFACE (host)->get_toast_overlay (CL_TOAST_HOST (host)),
                               toast);
}

void
cl_window_show_error (GtkWidget    *widget,
                      const char   *doing,
                      const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = g_strdup_printf (_("Problem %s"), doing);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

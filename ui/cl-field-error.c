/* cl-field-error.c — marking the field a refused entry is about */
#define G_LOG_DOMAIN "community-ledger"

#include "cl-field-error.h"
#include "ledger.h"

static void
unmark_cb (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "error");
}

void
cl_field_error_watch (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_EDITABLE (widget))
    g_signal_connect (widget, "changed", G_CALLBACK (unmark_cb), NULL);
  else
    g_signal_connect (widget, "notify::selected", G_CALLBACK (unmark_cb), NULL);
}

void
cl_field_error_mark (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_add_css_class (widget, "error");
  gtk_widget_grab_focus (widget);
}

void
cl_field_error_clear (const ClErrorField *fields,
                      gsize               n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    gtk_widget_remove_css_class (fields[i].widget, "error");
}

/* Whether @f is what @error is about. */
static gboolean
is_about (const ClErrorField *f,
          const char         *field,
          const char         *account)
{
  return (field != NULL && g_strcmp0 (f->field, field) == 0) ||
         (account != NULL && g_strcmp0 (f->account, account) == 0);
}

GtkWidget *
cl_field_error_show (const GError       *error,
                     const ClErrorField *fields,
                     gsize               n_fields)
{
  const char *field = ledger_error_get_field (error);
  const char *account = ledger_error_get_account (error);

  cl_field_error_clear (fields, n_fields);
  for (gsize i = 0; i < n_fields; i++)
    if (is_about (&fields[i], field, account))
      {
        cl_field_error_mark (fields[i].widget);
        return fields[i].widget;
      }
  return NULL;
}

/* cl-reconcile-dialog.c — recording a money account's statement (对账)
 *
 * A message dialog with three fields: the statement's balance, its day
 * (today unless changed) and what it is. A message dialog closes when it
 * answers, so a refused statement opens a new one with what was typed,
 * the reason, and the field it concerns marked and focused: nothing
 * typed is lost and nothing is written.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-feedback.h"
#include "cl-field-error.h"
#include "cl-reconcile-dialog.h"

struct _ClReconcileDialog
{
  AdwMessageDialog parent_instance;

  LedgerBook *book;
  char       *account;
  char       *title;
  GtkEntry   *amount_entry;
  GtkEntry   *date_entry;
  GtkEntry   *memo_entry;
};

G_DEFINE_FINAL_TYPE (ClReconcileDialog, cl_reconcile_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Marks the field @error is about (ledger_error_get_field()): the
 * amount when it names none of the three, the account being fixed. */
static void
mark_field_of_error (ClReconcileDialog *self,
                     const GError      *error)
{
  const ClErrorField fields[] = {
    { LEDGER_FIELD_AMOUNT, NULL, GTK_WIDGET (self->amount_entry) },
    { "--date", NULL, GTK_WIDGET (self->date_entry) },
    { "--memo", NULL, GTK_WIDGET (self->memo_entry) },
  };

  if (cl_field_error_show (error, fields, G_N_ELEMENTS (fields)) == NULL)
    cl_field_error_mark (GTK_WIDGET (self->amount_entry));
}

static void
reopen_refused (ClReconcileDialog *self,
                const GError      *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ClReconcileDialog *again = CL_RECONCILE_DIALOG (cl_reconcile_dialog_new (parent, self->book, self->account,
                                                                              self->title));

  gtk_editable_set_text (GTK_EDITABLE (again->amount_entry), gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)));
  gtk_editable_set_text (GTK_EDITABLE (again->date_entry), gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  gtk_editable_set_text (GTK_EDITABLE (again->memo_entry), gtk_editable_get_text (GTK_EDITABLE (self->memo_entry)));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (again), error->message);
  gtk_window_present (GTK_WINDOW (again));
  mark_field_of_error (again, error);
}

static gboolean
record_statement (ClReconcileDialog  *self,
                  GError            **error)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  gint64 statement = 0;

  return ledger_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)), _("amount"),
                             LEDGER_MONEY_ALLOW_ZERO | LEDGER_MONEY_BALANCE, &statement, error) &&
         ledger_account_reconcile (self->book, self->account, statement, date[0] != '\0' ? date : NULL,
                                   gtk_editable_get_text (GTK_EDITABLE (self->memo_entry)), error);
}

static void
cl_reconcile_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  ClReconcileDialog *self = CL_RECONCILE_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (g_strcmp0 (response, "record") != 0)
    return;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (!record_statement (self, &error))
    {
      if (error->domain == LEDGER_ERROR && error->code != LEDGER_ERROR_DATABASE && error->code != LEDGER_ERROR_CORRUPT)
        reopen_refused (self, error);
      else
        cl_window_show_error (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self),
                              _("recording the statement"), error);
      return;
    }
  if (parent != NULL)
    {
      /* Translators: the account */
      g_autofree char *done = g_strdup_printf (_("Statement of %s recorded"), self->title);

      cl_window_add_toast (GTK_WIDGET (parent), adw_toast_new (done));
    }
}

static void
cl_reconcile_dialog_finalize (GObject *object)
{
  ClReconcileDialog *self = CL_RECONCILE_DIALOG (object);

  g_clear_object (&self->book);
  g_free (self->account);
  g_free (self->title);
  G_OBJECT_CLASS (cl_reconcile_dialog_parent_class)->finalize (object);
}

static void
cl_reconcile_dialog_class_init (ClReconcileDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cl_reconcile_dialog_finalize;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = cl_reconcile_dialog_response;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-reconcile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClReconcileDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, ClReconcileDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClReconcileDialog, memo_entry);
}

static void
cl_reconcile_dialog_init (ClReconcileDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_field_error_watch (GTK_WIDGET (self->amount_entry));
  cl_field_error_watch (GTK_WIDGET (self->date_entry));
  cl_field_error_watch (GTK_WIDGET (self->memo_entry));
}

GtkWidget *
cl_reconcile_dialog_new (GtkWindow  *parent,
                         LedgerBook *book,
                         const char *account,
                         const char *title)
{
  ClReconcileDialog *self = g_object_new (CL_TYPE_RECONCILE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_autofree char *heading = g_strdup_printf (_("Reconcile %s"), title);
  char today[11];

  self->book = g_object_ref (book);
  self->account = g_strdup (account);
  self->title = g_strdup (title);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  ledger_book_today (book, today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  return GTK_WIDGET (self);
}

/* cl-vote-dialog.c — the form that opens an owners' vote
 *
 * Title, the Art. 278 matter (1–9, as the Civil Code words it), an
 * optional description and an optional deadline. The ledger checks
 * everything; its messages appear next to the field they name.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-vote-dialog.h"
#include "ledger.h"

/* The matter a new vote starts with: most votes are "other major matters". */
#define DEFAULT_MATTER LEDGER_MATTER_OTHER

struct _ClVoteDialog
{
  AdwWindow    parent_instance;

  /* Template widgets */
  GtkEntry    *title_entry;
  GtkLabel    *title_error;
  GtkDropDown *matter_dropdown;
  GtkLabel    *matter_hint;
  GtkEntry    *description_entry;
  GtkLabel    *description_error;
  GtkEntry    *deadline_entry;
  GtkLabel    *deadline_error;
  GtkLabel    *general_error;

  /* Owned references */
  LedgerBook  *book;
};

G_DEFINE_FINAL_TYPE (ClVoteDialog, cl_vote_dialog, ADW_TYPE_WINDOW)

enum
{
  VOTE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Helpers */

/* Shows @message under a field, or hides the label when NULL. */
static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Hides every message before the form is checked again. */
static void
clear_messages (ClVoteDialog *self)
{
  show_message (self->title_error, NULL);
  show_message (self->description_error, NULL);
  show_message (self->deadline_error, NULL);
  show_message (self->general_error, NULL);
}

/* The ledger names command-line options in its messages ("--title: …");
 * the form shows the message under the field it names, without the dashes. */
static void
show_error (ClVoteDialog *self,
            const GError *error)
{
  static const struct { const char *option; gsize offset; } fields[] = {
    { "--title", G_STRUCT_OFFSET (ClVoteDialog, title_error) },
    { "--description", G_STRUCT_OFFSET (ClVoteDialog, description_error) },
    { "--closes", G_STRUCT_OFFSET (ClVoteDialog, deadline_error) },
  };
  const char *message = error->message;

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_has_prefix (message, fields[i].option))
      {
        show_message (G_STRUCT_MEMBER (GtkLabel *, self, fields[i].offset), message + 2);
        return;
      }
  show_message (self->general_error, message);
}

/* What the chosen matter needs, in plain words. */
static void
update_matter_hint (ClVoteDialog *self)
{
  int matter = (int) gtk_drop_down_get_selected (self->matter_dropdown) + 1;

  gtk_label_set_text (self->matter_hint,
                      ledger_matter_is_major (matter)
                        ? _("Passes when two thirds of the owners take part, by head and by area, and at least three quarters of them vote yes, by head and by area.")
                        : _("Passes when two thirds of the owners take part, by head and by area, and more than half of them vote yes, by head and by area."));
}

/* The nine matters of Civil Code Art. 278, numbered as the law numbers them. */
static GListModel *
matter_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int matter = LEDGER_MATTER_RULES; matter <= LEDGER_MATTER_OTHER; matter++)
    {
      g_autofree char *text = g_strdup_printf ("%d · %s", matter, ledger_matter_name (matter));

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

/* The trimmed text of @entry, or NULL when it is blank. */
static char *
dup_optional_text (GtkEntry *entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* ------------------------------------------------------------------ */
/* Template callbacks */

/* Another matter was chosen: say what it needs to pass. */
static void
matter_changed_cb (ClVoteDialog *self)
{
  update_matter_hint (self);
}

/* vote.create ("Create", Enter): the ledger checks and records the vote; its messages go next to the fields. */
static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClVoteDialog *self = CL_VOTE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = dup_optional_text (self->description_entry);
  g_autofree char *deadline = dup_optional_text (self->deadline_entry);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  int matter = (int) gtk_drop_down_get_selected (self->matter_dropdown) + 1;
  char closes[11] = "";
  gint64 id = 0;

  clear_messages (self);
  if (deadline != NULL && !ledger_date_parse (deadline, _("deadline"), closes, &error))
    {
      show_message (self->deadline_error, error->message);
      return;
    }
  if (!ledger_vote_new (self->book, title, description, matter, NULL,
                        deadline != NULL ? closes : NULL, &id, &error))
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[VOTE_CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Releases the book and the template. */
static void
cl_vote_dialog_dispose (GObject *object)
{
  ClVoteDialog *self = CL_VOTE_DIALOG (object);

  g_clear_object (&self->book);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VOTE_DIALOG);
  G_OBJECT_CLASS (cl_vote_dialog_parent_class)->dispose (object);
}

/* The template, its children and callbacks, the signal, Escape. */
static void
cl_vote_dialog_class_init (ClVoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_vote_dialog_dispose;

  /**
   * ClVoteDialog::vote-created:
   * @id: the new vote's number
   */
  signals[VOTE_CREATED] =
    g_signal_new ("vote-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-vote-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, matter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, matter_hint);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, description_entry);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, description_error);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, deadline_entry);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, deadline_error);
  gtk_widget_class_bind_template_child (widget_class, ClVoteDialog, general_error);
  gtk_widget_class_bind_template_callback (widget_class, matter_changed_cb);
  gtk_widget_class_install_action (widget_class, "vote.create", NULL, create_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Fills the matter dropdown with the nine matters of Art. 278. */
static void
cl_vote_dialog_init (ClVoteDialog *self)
{
  g_autoptr(GListModel) matters = matter_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->matter_dropdown, matters);
  gtk_drop_down_set_selected (self->matter_dropdown, DEFAULT_MATTER - 1);
  update_matter_hint (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* See cl-vote-dialog.h. */
ClVoteDialog *
cl_vote_dialog_new (GtkWindow  *parent,
                    LedgerBook *book)
{
  ClVoteDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  self = g_object_new (CL_TYPE_VOTE_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  return self;
}

/* cl-expenditure-dialog.c — the form that records an expenditure
 *
 * Payee, amount, category, date, how it was paid, the maintenance fund,
 * the owners' vote that approved it, invoice, approvers, memo and the
 * files to keep with it (docs/architecture.md §9). The ledger checks
 * everything and its messages appear under the field they name.
 *
 * The approvers are ticked from the book's active committee members
 * (Preferences, `member add`); a book without members asks for their
 * names as text instead.
 *
 * The approval rule is explained before it bites: as soon as the amount
 * is above the book's spend limit (or the money comes from the maintenance
 * fund) the form says that the owners must approve it and which vote
 * would do, and Save stays insensitive until a fitting vote is chosen.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cl-expenditure-dialog-private.h"
#include "cl-format.h"
#include "ledger.h"

struct _ClExpenditureDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkEntry       *payee_entry;
  GtkLabel       *payee_error;
  GtkEntry       *amount_entry;
  GtkLabel       *amount_error;
  GtkWidget      *spend_limit_box;
  GtkLabel       *spend_limit_label;
  GtkDropDown    *category_dropdown;
  GtkEntry       *date_entry;
  GtkLabel       *date_error;
  GtkDropDown    *method_dropdown;
  GtkCheckButton *fund_check;
  GtkDropDown    *vote_dropdown;
  GtkLabel       *vote_error;
  GtkEntry       *invoice_entry;
  GtkLabel       *invoice_error;
  GtkEntry       *approvers_entry;
  GtkBox         *approvers_box;   /* a check button per active member */
  GtkLabel       *approvers_error;
  GtkEntry       *memo_entry;
  GtkLabel       *memo_error;
  GtkListBox     *attachments_list;
  GtkLabel       *attachments_error;
  GtkLabel       *general_error;

  /* Owned references */
  LedgerBook     *book;
  GListStore     *votes;   /* "no vote", then the closed, passed votes */
};

G_DEFINE_FINAL_TYPE (ClExpenditureDialog, cl_expenditure_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPENDITURE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Messages */

/* Shows @message under a field, or hides the label when NULL. */
static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Clears the messages that are checked on Save (amount and date are
 * checked as they are typed). */
static void
clear_messages (ClExpenditureDialog *self)
{
  show_message (self->payee_error, NULL);
  show_message (self->invoice_error, NULL);
  show_message (self->approvers_error, NULL);
  show_message (self->memo_error, NULL);
  show_message (self->attachments_error, NULL);
  show_message (self->general_error, NULL);
}

/* The form shows each message under the field the error is about
 * (ledger_error_get_field(), never the translated message), without the
 * dashes of the command-line option the message starts with. */
static void
show_error (ClExpenditureDialog *self,
            const GError        *error)
{
  const struct { const char *field; GtkLabel *label; } fields[] = {
    { "--payee", self->payee_error },
    { "--memo", self->memo_error },
    { "--invoice", self->invoice_error },
    { "--approvers", self->approvers_error },
    { "--date", self->date_error },
    { "--vote", self->vote_error },
    { "--attach", self->attachments_error },
    { LEDGER_FIELD_AMOUNT, self->amount_error },
  };
  const char *message = error->message;
  const char *field = ledger_error_get_field (error);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i].field) == 0)
      {
        show_message (fields[i].label, g_str_has_prefix (message, "--") ? message + 2 : message);
        return;
      }
  show_message (self->general_error, message);
}

/* ------------------------------------------------------------------ */
/* Reading the form */

/* The trimmed text of @entry (newly allocated). */
static char *
dup_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The amount in fen. An amount that does not parse gets the ledger's
 * message under the field; an empty one none yet. */
static gboolean
read_amount (ClExpenditureDialog *self,
             gint64              *out_fen)
{
  g_autofree char *text = dup_text (self->amount_entry);
  g_autoptr(GError) error = NULL;

  if (*text == '\0' || !ledger_money_parse (text, _("amount"), LEDGER_MONEY_POSITIVE, out_fen, &error))
    {
      show_message (self->amount_error, error != NULL ? error->message : NULL);
      return FALSE;
    }
  show_message (self->amount_error, NULL);
  return TRUE;
}

/* The date as "YYYY-MM-DD", or "" for today when left empty. */
static gboolean
read_date (ClExpenditureDialog *self,
           char                 out_iso[11])
{
  g_autofree char *text = dup_text (self->date_entry);
  g_autoptr(GError) error = NULL;

  out_iso[0] = '\0';
  if (*text != '\0' && !ledger_date_parse (text, _("date"), out_iso, &error))
    {
      show_message (self->date_error, error->message);
      return FALSE;
    }
  show_message (self->date_error, NULL);
  return TRUE;
}

/* The vote chosen in the dropdown, 0 for none. */
static gint64
selected_vote_id (ClExpenditureDialog *self)
{
  LedgerVoteItem *item = gtk_drop_down_get_selected_item (self->vote_dropdown);

  return item != NULL ? ledger_vote_item_get_id (item) : 0;
}

/* The approvers: the members ticked, "王主任,李委员", or the text typed
 * when the book has no members. */
static char *
dup_approvers (ClExpenditureDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->approvers_box)))
    return dup_text (self->approvers_entry);
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->approvers_box)); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "",
                              (const char *) g_object_get_data (G_OBJECT (check), "member-name"));
  return g_strdup (names->str);
}

/* The files chosen, NULL-terminated, in the order they were added. */
static GStrv
dup_attachment_paths (ClExpenditureDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "path") != NULL)
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "path"));
  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------ */
/* The approval rule */

/* The day the expenditure is judged on (the date typed, else today) in
 * @out_day, and the spend limit in force then: the ledger's rule is the
 * expenditure's own day's limit, not today's. */
static gint64
limit_of_the_day (ClExpenditureDialog *self,
                  char                 out_day[11])
{
  g_autofree char *text = dup_text (self->date_entry);
  gint64 limit = 0;

  if (*text == '\0' || !ledger_date_parse (text, _("date"), out_day, NULL))
    ledger_book_today (self->book, out_day);
  if (!ledger_spend_limit_on (self->book, out_day, &limit, NULL))
    return ledger_spend_limit (self->book);
  return limit;
}

/* Explains what the rule asks for @amount on the expenditure's date and
 * whether the chosen vote satisfies it (the check is the ledger's own);
 * TRUE when it does. */
static gboolean
explain_approval_rule (ClExpenditureDialog *self,
                       gint64               amount)
{
  char day[11];
  gint64 limit = limit_of_the_day (self, day);
  gboolean fund = gtk_check_button_get_active (self->fund_check);
  gint64 vote_id = selected_vote_id (self);
  g_autofree char *limit_text = ledger_money_format (limit);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = ledger_check_expenditure_vote_on (self->book, amount, vote_id, fund, day, &error);

  if (ok && vote_id > 0)
    text = fund ? g_strdup_printf (_("The owners approved spending from the maintenance fund in vote %" PRId64 "."), vote_id)
                : g_strdup_printf (_("Above %s the owners must approve the spending: vote %" PRId64 ", which passed, approves it."),
                                   limit_text, vote_id);
  else if (fund)
    text = g_strdup (_("The maintenance fund may only be spent with the owners' approval. Under “Vote”, pick a closed vote on matter 5 (use of the maintenance fund) that passed."));
  else
    text = g_strdup_printf (_("The committee may spend up to %s on its own. Above that the owners must approve the spending: under “Vote”, pick a closed vote on matter 5 (use of the maintenance fund) or 9 (other major matters) that passed."),
                            limit_text);
  if (!ok && g_list_model_get_n_items (G_LIST_MODEL (self->votes)) <= 1)
    {
      g_autofree char *more = g_strconcat (text, " ", _("This book has no passed vote yet: hold one on the Votes page first."), NULL);

      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->spend_limit_label, text);
  gtk_widget_set_visible (self->spend_limit_box, fund || amount > limit);
  /* A vote was chosen but cannot approve this (say, the wrong matter). */
  show_message (self->vote_error, !ok && vote_id > 0 ? error->message + (g_str_has_prefix (error->message, "--") ? 2 : 0) : NULL);
  return ok;
}

/* Save is possible once the amount parses and the approval rule is met;
 * everything else is checked on Save, with messages next to the fields. */
static void
update_state (ClExpenditureDialog *self)
{
  gint64 amount = 0;
  gboolean ready = read_amount (self, &amount) && explain_approval_rule (self, amount);

  if (amount == 0)
    {
      gtk_widget_set_visible (self->spend_limit_box, FALSE);
      show_message (self->vote_error, NULL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "expenditure.save", ready && !ledger_book_is_read_only (self->book));
}

/* ------------------------------------------------------------------ */
/* Template callbacks */

/* The amount changed: check it and the approval rule at once. */
static void
amount_changed_cb (ClExpenditureDialog *self)
{
  update_state (self);
}

/* The date changed: check it at once, and the approval rule of that day. */
static void
date_changed_cb (ClExpenditureDialog *self)
{
  char iso[11];

  read_date (self, iso);
  update_state (self);
}

/* The maintenance fund needs a matter-5 vote: check the rule again. */
static void
fund_toggled_cb (ClExpenditureDialog *self)
{
  update_state (self);
}

/* Another vote was chosen: check the rule again. */
static void
vote_changed_cb (ClExpenditureDialog *self)
{
  update_state (self);
}

/* How the vote dropdown names a vote: "No vote" or "Vote 3: title (matter 9)". */
static char *
format_vote_choice (LedgerVoteItem *item)
{
  if (item == NULL || ledger_vote_item_get_id (item) == 0)
    return g_strdup (_("No vote"));
  return g_strdup_printf (_("Vote %" PRId64 ": %s (matter %d)"), ledger_vote_item_get_id (item),
                          ledger_vote_item_get_title (item), ledger_vote_item_get_matter (item));
}

/* expenditure.save ("Save"): one ledger_expenditure_record(); its messages go next to the fields. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClExpenditureDialog *self = CL_EXPENDITURE_DIALOG (widget);
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_auto(GStrv) paths = dup_attachment_paths (self);
  g_autoptr(GError) error = NULL;
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  clear_messages (self);
  if (!read_amount (self, &e->amount) || !read_date (self, e->date))
    return;
  g_free (e->payee);
  e->payee = dup_text (self->payee_entry);
  g_free (e->category);
  e->category = g_strdup (ledger_expenditure_categories ()[category]);
  e->method = (LedgerMethod) gtk_drop_down_get_selected (self->method_dropdown);
  g_free (e->memo);
  e->memo = dup_text (self->memo_entry);
  g_free (e->invoice);
  e->invoice = dup_text (self->invoice_entry);
  g_free (e->approvers);
  e->approvers = dup_approvers (self);
  e->vote_id = selected_vote_id (self);
  e->from_maintenance_fund = gtk_check_button_get_active (self->fund_check);
  if (!ledger_expenditure_record (self->book, e, (const char * const *) paths, &error))
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[EXPENDITURE_SAVED], 0, e->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Attachments */

/* Takes a file off the list. */
static void
remove_attachment_cb (GtkListBoxRow *row)
{
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), GTK_WIDGET (row));
}

/* The file chooser answered: add the chosen files. */
static void
files_chosen_cb (GtkNativeDialog     *chooser,
                 int                  response,
                 ClExpenditureDialog *self)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  for (guint i = 0; response == GTK_RESPONSE_ACCEPT && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        cl_expenditure_dialog_add_attachment (self, path);
    }
  g_object_unref (chooser);
}

/* GTK 4.8 has no GtkFileDialog: GtkFileChooserNative, several files at once. */
static void
add_file_clicked_cb (ClExpenditureDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add Files"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Add"), _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (files_chosen_cb), self, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* The categories as the notice names them (维修, 保洁 …), in ledger order. */
static GListModel *
category_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (const char * const *code = ledger_expenditure_categories (); *code != NULL; code++)
    gtk_string_list_append (list, ledger_expenditure_category_chinese (*code));
  return G_LIST_MODEL (list);
}

/* "No vote" first, then every closed vote that passed, newest first. */
static void
fill_votes (ClExpenditureDialog *self)
{
  g_autoptr(LedgerVoteItem) none = ledger_vote_item_new (NULL);
  g_autoptr(GListModel) passed = ledger_vote_item_model_new (self->book, LEDGER_VOTE_ITEMS_PASSED, NULL);

  g_list_store_append (self->votes, none);
  for (guint i = 0; passed != NULL && i < g_list_model_get_n_items (passed); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (passed, i);

      g_list_store_append (self->votes, item);
    }
  gtk_drop_down_set_model (self->vote_dropdown, G_LIST_MODEL (self->votes));
}

/* A check button per active committee member, in place of the text
 * entry; the entry stays when the book has none. */
static void
fill_approvers (ClExpenditureDialog *self)
{
  g_autoptr(GPtrArray) members = ledger_members_list (self->book, FALSE, NULL);

  if (members == NULL || members->len == 0)
    return;
  for (guint i = 0; i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), m->name, m->role);
      g_autofree char *name = g_strdup_printf ("approver-check-%u", i);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_widget_set_name (check, name);
      g_object_set_data_full (G_OBJECT (check), "member-name", g_strdup (m->name), g_free);
      gtk_box_append (self->approvers_box, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->approvers_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->approvers_box), TRUE);
}

/* Releases the book, the votes and the template. */
static void
cl_expenditure_dialog_dispose (GObject *object)
{
  ClExpenditureDialog *self = CL_EXPENDITURE_DIALOG (object);

  g_clear_object (&self->book);
  g_clear_object (&self->votes);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_EXPENDITURE_DIALOG);
  G_OBJECT_CLASS (cl_expenditure_dialog_parent_class)->dispose (object);
}

/* Binds every template child the code uses. */
static void
bind_template_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, payee_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, payee_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, spend_limit_box);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, spend_limit_label);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, fund_check);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, vote_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, vote_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, invoice_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, invoice_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, approvers_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, approvers_box);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, approvers_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, memo_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, memo_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, attachments_error);
  gtk_widget_class_bind_template_child (widget_class, ClExpenditureDialog, general_error);
}

/* The template, its callbacks, the signal, the Save action, Escape. */
static void
cl_expenditure_dialog_class_init (ClExpenditureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_expenditure_dialog_dispose;

  /**
   * ClExpenditureDialog::expenditure-saved:
   * @id: the new expenditure's number
   */
  signals[EXPENDITURE_SAVED] =
    g_signal_new ("expenditure-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LEDGER_TYPE_VOTE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-expenditure-dialog.ui");
  bind_template_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fund_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, vote_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_vote_choice);
  gtk_widget_class_bind_template_callback (widget_class, add_file_clicked_cb);

  gtk_widget_class_install_action (widget_class, "expenditure.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The category and method dropdowns; the rest needs the book
 * (cl_expenditure_dialog_new()). */
static void
cl_expenditure_dialog_init (ClExpenditureDialog *self)
{
  g_autoptr(GListModel) categories = category_model_new ();
  g_autoptr(GListModel) methods = cl_format_method_list ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->votes = g_list_store_new (LEDGER_TYPE_VOTE_ITEM);
  gtk_drop_down_set_model (self->category_dropdown, categories);
  gtk_drop_down_set_model (self->method_dropdown, methods);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* See cl-expenditure-dialog.h. */
ClExpenditureDialog *
cl_expenditure_dialog_new (GtkWindow  *parent,
                           LedgerBook *book)
{
  ClExpenditureDialog *self;
  char today[11];

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  self = g_object_new (CL_TYPE_EXPENDITURE_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  fill_votes (self);
  fill_approvers (self);
  ledger_book_today (book, today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  update_state (self);
  return self;
}

/* See cl-expenditure-dialog.h. */
void
cl_expenditure_dialog_add_attachment (ClExpenditureDialog *self,
                                      const char          *path)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) paths = NULL;
  GtkWidget *row, *box, *label, *remove;

  g_return_if_fail (CL_IS_EXPENDITURE_DIALOG (self));
  g_return_if_fail (path != NULL);

  paths = dup_attachment_paths (self);
  if (g_strv_contains ((const char * const *) paths, path))
    return;
  name = g_filename_display_basename (path);
  label = gtk_label_new (name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, path);
  row = gtk_list_box_row_new ();
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_attachment_cb), row);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
  gtk_list_box_append (self->attachments_list, row);
  show_message (self->attachments_error, NULL);
}

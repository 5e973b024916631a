/* cl-preferences-window.c — the open book's settings, and this desk's
 *
 * Every book setting goes through the ledger function the command line
 * uses (ledger_settings_set(), ledger_fee_set(), ledger_set_spend_limit(),
 * ledger_member_add() …): one transaction each, and when the ledger
 * refuses a value its one-line message appears right under the field and
 * the book is left as it was. Text fields apply with their ✓ button or
 * Enter (AdwEntryRow::apply), so nothing is written while typing.
 *
 * The language and the operator belong to this computer, not to the book:
 * they are GSettings keys, and the group is hidden when the schema is not
 * installed.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-preferences-window.h"
#include "cl-settings.h"
#include "ledger.h"

#define OPERATOR_MAX_CHARS    LEDGER_OPERATOR_MAX_CHARS

/* The book settings edited as one line of text each. */
typedef enum
{
  FIELD_NAME,
  FIELD_ADDRESS,
  FIELD_URL,
  FIELD_COMMITTEE,
  FIELD_BACKUP_DIR,
  FIELD_BACKUP_KEEP,
  FIELD_DAYS_AHEAD,
  N_FIELDS
} Field;

static const struct
{
  const char *key;
  const char *row;
  const char *error;
} field_info[N_FIELDS] = {
  [FIELD_NAME]        = { LEDGER_SETTING_NAME, "name_row", "name_error" },
  [FIELD_ADDRESS]     = { LEDGER_SETTING_ADDRESS, "address_row", "address_error" },
  [FIELD_URL]         = { LEDGER_SETTING_PUBLICATION_URL, "url_row", "url_error" },
  [FIELD_COMMITTEE]   = { LEDGER_SETTING_COMMITTEE, "committee_row", "committee_error" },
  [FIELD_BACKUP_DIR]  = { LEDGER_SETTING_BACKUP_DIR, "backup_dir_row", "backup_dir_error" },
  [FIELD_BACKUP_KEEP] = { LEDGER_SETTING_BACKUP_KEEP, "backup_keep_row", "backup_keep_error" },
  [FIELD_DAYS_AHEAD]  = { LEDGER_SETTING_DAYS_AHEAD, "days_ahead_row", "days_ahead_error" },
};

/* The languages of the combo row, in its order. */
static const char *const languages[] = { "", "zh_CN", "en" };

struct _ClPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* The folder chooser while it is open: destroyed with the window, whose
   * handler would otherwise never run to release it. */
  GtkNativeDialog      *chooser;

  /* Template widgets */
  AdwEntryRow          *rows[N_FIELDS];
  GtkLabel             *errors[N_FIELDS];
  AdwPreferencesGroup  *fees_group;
  AdwComboRow          *fee_combo;
  AdwEntryRow          *fee_amount_row;
  AdwComboRow          *fee_basis_combo;
  AdwEntryRow          *fee_from_row;
  GtkLabel             *fee_error;
  AdwEntryRow          *spend_limit_row;
  GtkLabel             *spend_limit_error;
  AdwPreferencesGroup  *members_group;
  AdwPreferencesGroup  *former_group;
  AdwEntryRow          *member_name_row;
  AdwEntryRow          *member_role_row;
  GtkLabel             *member_error;
  AdwPreferencesGroup  *desk_group;
  AdwComboRow          *language_row;
  AdwEntryRow          *operator_row;
  GtkLabel             *operator_error;
  AdwEntryRow          *default_url_row;
  GtkLabel             *default_url_error;

  /* Owned references */
  LedgerBook           *book;
  GSettings            *settings;     /* NULL when the schema is not installed */
  GPtrArray            *fees;         /* LedgerFee: the newest version of each code */
  GPtrArray            *fee_rows;     /* rows added to fees_group (owned by it) */
  GPtrArray            *member_rows;  /* rows added to members_group / former_group */
  gboolean              filling;      /* setting widgets from the book, not the user */
};

G_DEFINE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* ------------------------------------------------------------------ */
/* Messages */

/* Shows @message under the field (its label sits in a row of its own right
 * below it), or hides it when NULL; marks @row as wrong meanwhile. */
static void
show_field_message (GtkLabel   *label,
                    GtkWidget  *row,
                    const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), message != NULL);
  if (row == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
toast (ClPreferencesWindow *self,
       const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* The trimmed text of an editable, newly allocated. */
static char *
dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* ------------------------------------------------------------------ */
/* Filling the widgets from the book */

/* The value a field shows: the setting as stored, and for the backup
 * settings the value in force (the defaults when unset). */
static char *
dup_field_value (ClPreferencesWindow *self,
                 Field                field)
{
  char *value;

  switch (field)
    {
    case FIELD_NAME:
      return ledger_book_dup_name (self->book);
    case FIELD_BACKUP_DIR:
      return ledger_settings_dup_backup_dir (self->book);
    case FIELD_BACKUP_KEEP:
      return g_strdup_printf ("%d", ledger_settings_get_backup_keep (self->book));
    case FIELD_DAYS_AHEAD:
      return g_strdup_printf ("%d", ledger_settings_get_days_ahead (self->book));
    case FIELD_ADDRESS:
    case FIELD_URL:
    case FIELD_COMMITTEE:
      value = ledger_book_dup_setting (self->book, field_info[field].key);
      return value != NULL ? value : g_strdup ("");
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
fill_field (ClPreferencesWindow *self,
            Field                field)
{
  g_autofree char *value = dup_field_value (self, field);

  gtk_editable_set_text (GTK_EDITABLE (self->rows[field]), value);
}

static void
fill_spend_limit (ClPreferencesWindow *self)
{
  g_autofree char *limit = ledger_money_format (ledger_spend_limit (self->book));

  gtk_editable_set_text (GTK_EDITABLE (self->spend_limit_row), limit);
}

/* "¥360.00 per household" */
static char *
format_fee_amount (const LedgerFee *fee)
{
  g_autofree char *money = ledger_money_format (fee->amount);

  return g_strdup_printf (fee->basis == LEDGER_BASIS_SPACE ? _("%s per parking space a year")
                                                            : _("%s per household a year"),
                          money);
}

/* An expander row per fee item, its versions (oldest first) inside. */
static GtkWidget *
fee_row_new (const GPtrArray *versions,
             guint            first,
             guint            last)
{
  const LedgerFee *newest = g_ptr_array_index (versions, last);
  g_autofree char *title = g_strdup_printf ("%s (%s)", newest->name, newest->code);
  g_autofree char *name = g_strdup_printf ("fee-row-%s", newest->code);
  GtkWidget *expander = adw_expander_row_new ();

  gtk_widget_set_name (expander, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  for (guint i = first; i <= last; i++)
    {
      const LedgerFee *fee = g_ptr_array_index (versions, i);
      g_autofree char *amount = format_fee_amount (fee);
      g_autofree char *from = g_strdup_printf (_("from %s"), fee->effective_from);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amount);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), from);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      if (i == last)
        {
          g_autofree char *subtitle = g_strdup_printf ("%s, %s", amount, from);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
        }
    }
  return expander;
}

/* The fee items with every version, and the items the form can change. */
static void
fill_fees (ClPreferencesWindow *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) codes = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->fee_combo);

  for (guint i = 0; i < self->fee_rows->len; i++)
    adw_preferences_group_remove (self->fees_group, g_ptr_array_index (self->fee_rows, i));
  g_ptr_array_set_size (self->fee_rows, 0);
  g_ptr_array_set_size (self->fees, 0);

  versions = ledger_fee_list_versions (self->book, &error);
  if (versions == NULL)
    {
      show_field_message (self->fee_error, NULL, error->message);
      return;
    }
  /* Versions come by code, then date: one run per item. */
  for (guint first = 0, i = 0; i < versions->len; i++)
    {
      const LedgerFee *fee = g_ptr_array_index (versions, i);
      const LedgerFee *next = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;
      GtkWidget *row;

      if (next != NULL && g_strcmp0 (next->code, fee->code) == 0)
        continue;
      row = fee_row_new (versions, first, i);
      adw_preferences_group_add (self->fees_group, row);
      g_ptr_array_add (self->fee_rows, row);
      g_ptr_array_add (self->fees, g_steal_pointer (&g_ptr_array_index (versions, i)));
      gtk_string_list_append (codes, fee->name);
      first = i + 1;
    }
  adw_combo_row_set_model (self->fee_combo, G_LIST_MODEL (codes));
  if (selected < self->fees->len)
    adw_combo_row_set_selected (self->fee_combo, selected);
}

/* ------------------------------------------------------------------ */
/* Committee members */

static void retire_clicked_cb (GtkButton           *button,
                               ClPreferencesWindow *self);
static void role_apply_cb     (AdwEntryRow         *row,
                               ClPreferencesWindow *self);

/* An active member: their role, editable, and a Retire button. */
static GtkWidget *
active_member_row_new (ClPreferencesWindow *self,
                       const LedgerMember  *member,
                       guint                index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *retire = gtk_button_new_with_mnemonic (_("_Retire"));
  g_autofree char *row_name = g_strdup_printf ("member-row-%u", index);
  g_autofree char *button_name = g_strdup_printf ("retire-member-button-%u", index);
  g_autofree char *tooltip = g_strdup_printf (_("Member since %s"), member->since);

  gtk_widget_set_name (row, row_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), member->role);
  gtk_widget_set_tooltip_text (row, tooltip);
  g_object_set_data_full (G_OBJECT (row), "member-name", g_strdup (member->name), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (role_apply_cb), self);

  gtk_widget_set_name (retire, button_name);
  gtk_widget_set_valign (retire, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (retire, _("The member leaves the committee; they stay on what they approved"));
  g_object_set_data_full (G_OBJECT (retire), "member-name", g_strdup (member->name), g_free);
  g_signal_connect (retire, "clicked", G_CALLBACK (retire_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), retire);
  return row;
}

/* A former member: name, role and the time they served. */
static GtkWidget *
former_member_row_new (const LedgerMember *member)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf (_("%s, %s to %s"), member->role, member->since,
                                               member->retired);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill_members (ClPreferencesWindow *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  guint active = 0, former = 0;

  for (guint i = 0; i < self->member_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->member_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->member_rows, 0);

  members = ledger_members_list (self->book, TRUE, &error);
  if (members == NULL)
    {
      show_field_message (self->member_error, NULL, error->message);
      return;
    }
  for (guint i = 0; i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);
      gboolean is_active = ledger_member_is_active (m);
      GtkWidget *row = is_active ? active_member_row_new (self, m, active++)
                                 : former_member_row_new (m);

      former += is_active ? 0 : 1;
      adw_preferences_group_add (is_active ? self->members_group : self->former_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->former_group), former > 0);
  adw_preferences_group_set_description (self->members_group,
                                         active > 0 ? _("The members who approve expenditures; the expenditure form offers them to tick. A retired member stays on what they approved.")
                                                    : _("No members yet: the expenditure form then asks for the approvers' names as text."));
}

/* Gives the member of @row the role typed in it. */
static void
role_apply_cb (AdwEntryRow         *row,
               ClPreferencesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "member-name");
  g_autoptr(GError) error = NULL;

  if (!ledger_member_set_role (self->book, name, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_field_message (self->member_error, GTK_WIDGET (row), error->message);
      return;
    }
  show_field_message (self->member_error, NULL, NULL);
  fill_members (self);
  toast (self, _("Role changed"));
}

static void
retire_clicked_cb (GtkButton           *button,
                   ClPreferencesWindow *self)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "member-name"));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!ledger_member_retire (self->book, name, &error))
    {
      show_field_message (self->member_error, NULL, error->message);
      return;
    }
  show_field_message (self->member_error, NULL, NULL);
  fill_members (self);  /* destroys @button */
  message = g_strdup_printf (_("%s retired from the committee"), name);
  toast (self, message);
}

/* "Add Member": name and role through ledger_member_add(). */
static void
add_member_cb (ClPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_member_add (self->book, gtk_editable_get_text (GTK_EDITABLE (self->member_name_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->member_role_row)), &error))
    {
      show_field_message (self->member_error, NULL, error->message);
      return;
    }
  show_field_message (self->member_error, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->member_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->member_role_row), "");
  fill_members (self);
  toast (self, _("Member added"));
}

/* ------------------------------------------------------------------ */
/* Book settings */

/* A field's ✓ (or Enter): the ledger checks and writes the value. */
static void
field_apply_cb (AdwEntryRow         *row,
                ClPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  Field field = 0;

  while (field < N_FIELDS && self->rows[field] != row)
    field++;
  g_assert (field < N_FIELDS);
  if (!ledger_settings_set (self->book, field_info[field].key,
                            gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_field_message (self->errors[field], GTK_WIDGET (row), error->message);
      return;
    }
  show_field_message (self->errors[field], GTK_WIDGET (row), NULL);
  fill_field (self, field);
  toast (self, _("Saved"));
}

/* The spend limit, as money: "5000", "¥5,000.00". */
static void
spend_limit_apply_cb (ClPreferencesWindow *self)
{
  g_autofree char *text = dup_text (self->spend_limit_row);
  g_autoptr(GError) error = NULL;
  gint64 limit = 0;

  if (!ledger_money_parse (text, _("spend limit"), LEDGER_MONEY_ALLOW_ZERO, &limit, &error) ||
      !ledger_set_spend_limit (self->book, limit, &error))
    {
      show_field_message (self->spend_limit_error, GTK_WIDGET (self->spend_limit_row), error->message);
      return;
    }
  show_field_message (self->spend_limit_error, GTK_WIDGET (self->spend_limit_row), NULL);
  fill_spend_limit (self);
  toast (self, _("Saved"));
}

/* Another fee chosen: the form starts from its current basis. */
static void
fee_selected_cb (ClPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->fee_combo);

  if (self->fees == NULL || i >= self->fees->len)
    return;
  adw_combo_row_set_selected (self->fee_basis_combo,
                              ((LedgerFee *) g_ptr_array_index (self->fees, i))->basis == LEDGER_BASIS_SPACE);
}

/* "Add Version": the same ledger_fee_set() as `fee set CODE AMOUNT`. */
static void
add_fee_version_cb (ClPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->fee_combo);
  g_autofree char *amount_text = dup_text (self->fee_amount_row);
  g_autofree char *from = dup_text (self->fee_from_row);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  LedgerFeeBasis basis = adw_combo_row_get_selected (self->fee_basis_combo) == 1 ? LEDGER_BASIS_SPACE
                                                                                  : LEDGER_BASIS_HOUSEHOLD;
  const LedgerFee *fee;
  gint64 amount = 0;

  if (i >= self->fees->len)
    return;
  fee = g_ptr_array_index (self->fees, i);
  if (!ledger_money_parse (amount_text, _("amount"), LEDGER_MONEY_ALLOW_ZERO, &amount, &error) ||
      !ledger_fee_set (self->book, fee->code, NULL, amount, &basis, *from != '\0' ? from : NULL, &error))
    {
      show_field_message (self->fee_error, NULL, error->message);
      return;
    }
  show_field_message (self->fee_error, NULL, NULL);
  message = g_strdup_printf (_("%s: new version added"), fee->name);
  gtk_editable_set_text (GTK_EDITABLE (self->fee_amount_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->fee_from_row), "");
  fill_fees (self);
  toast (self, message);
}

/* The folder chooser answered: the folder goes through the same check. */
static void
backup_dir_chosen_cb (GtkNativeDialog     *chooser,
                      int                  response,
                      ClPreferencesWindow *self)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->rows[FIELD_BACKUP_DIR]), path);
      field_apply_cb (self->rows[FIELD_BACKUP_DIR], self);
    }
  g_clear_object (&self->chooser);
}

/* GTK 4.8 has no GtkFileDialog: GtkFileChooserNative, choosing a folder. */
static void
choose_backup_dir_cb (ClPreferencesWindow *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                                  _("_Choose"), _("_Cancel")));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (backup_dir_chosen_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------ */
/* This computer: GSettings */

static void
language_selected_cb (ClPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  if (self->filling || self->settings == NULL || i >= G_N_ELEMENTS (languages))
    return;
  g_settings_set_string (self->settings, CL_SETTINGS_LANGUAGE, languages[i]);
}

/* The operator of this desk: recorded on every entry made here from now on. */
static void
operator_apply_cb (ClPreferencesWindow *self)
{
  g_autofree char *name = dup_text (self->operator_row);
  g_autoptr(GError) error = NULL;

  if (!ledger_text_check (name, _("operator"),
                          OPERATOR_MAX_CHARS, FALSE, &error))
    {
      show_field_message (self->operator_error, GTK_WIDGET (self->operator_row), error->message);
      return;
    }
  show_field_message (self->operator_error, GTK_WIDGET (self->operator_row), NULL);
  g_settings_set_string (self->settings, CL_SETTINGS_OPERATOR_NAME, name);
  if (*name != '\0')
    ledger_book_set_operator (self->book, name);
  toast (self, _("Saved"));
}

/* The publication URL new books made at this desk start with. */
static void
default_url_apply_cb (ClPreferencesWindow *self)
{
  g_autofree char *url = dup_text (self->default_url_row);
  g_autoptr(GError) error = NULL;

  if (!ledger_settings_check_url (url, &error))
    {
      show_field_message (self->default_url_error, GTK_WIDGET (self->default_url_row), error->message);
      return;
    }
  show_field_message (self->default_url_error, GTK_WIDGET (self->default_url_row), NULL);
  g_settings_set_string (self->settings, CL_SETTINGS_PUBLICATION_URL, url);
  toast (self, _("Saved"));
}

static void
fill_desk (ClPreferencesWindow *self)
{
  g_autofree char *language = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *default_url = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->desk_group), self->settings != NULL);
  if (self->settings == NULL)
    return;
  language = g_settings_get_string (self->settings, CL_SETTINGS_LANGUAGE);
  operator_name = g_settings_get_string (self->settings, CL_SETTINGS_OPERATOR_NAME);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->operator_row), operator_name);
  default_url = g_settings_get_string (self->settings, CL_SETTINGS_PUBLICATION_URL);
  gtk_editable_set_text (GTK_EDITABLE (self->default_url_row), default_url);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

static void
cl_preferences_window_dispose (GObject *object)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->book);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->fees, g_ptr_array_unref);
  g_clear_pointer (&self->fee_rows, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_preferences_window_parent_class)->dispose (object);
}

static void
bind_template_children (GtkWidgetClass *widget_class)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, field_info[field].row, FALSE,
                                                 G_STRUCT_OFFSET (ClPreferencesWindow, rows) +
                                                 field * sizeof (AdwEntryRow *));
      gtk_widget_class_bind_template_child_full (widget_class, field_info[field].error, FALSE,
                                                 G_STRUCT_OFFSET (ClPreferencesWindow, errors) +
                                                 field * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, fees_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, fee_combo);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, fee_amount_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, fee_basis_combo);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, fee_from_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, fee_error);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, spend_limit_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, spend_limit_error);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, members_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, former_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, member_name_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, member_role_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, member_error);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, desk_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, operator_error);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, default_url_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, default_url_error);
}

static void
cl_preferences_window_class_init (ClPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-preferences-window.ui");
  bind_template_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, add_fee_version_cb);
  gtk_widget_class_bind_template_callback (widget_class, fee_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_member_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_backup_dir_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
}

static void
cl_preferences_window_init (ClPreferencesWindow *self)
{
  self->fees = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_fee_free);
  self->fee_rows = g_ptr_array_new ();
  self->member_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (Field field = 0; field < N_FIELDS; field++)
    g_signal_connect (self->rows[field], "apply", G_CALLBACK (field_apply_cb), self);
  g_signal_connect_swapped (self->spend_limit_row, "apply", G_CALLBACK (spend_limit_apply_cb), self);
  g_signal_connect_swapped (self->operator_row, "apply", G_CALLBACK (operator_apply_cb), self);
  g_signal_connect_swapped (self->default_url_row, "apply", G_CALLBACK (default_url_apply_cb), self);
  /* Enter in the add forms adds, as the button does. */
  g_signal_connect_swapped (self->fee_amount_row, "entry-activated", G_CALLBACK (add_fee_version_cb), self);
  g_signal_connect_swapped (self->fee_from_row, "entry-activated", G_CALLBACK (add_fee_version_cb), self);
  g_signal_connect_swapped (self->member_name_row, "entry-activated", G_CALLBACK (add_member_cb), self);
  g_signal_connect_swapped (self->member_role_row, "entry-activated", G_CALLBACK (add_member_cb), self);
}

/* ------------------------------------------------------------------ */
/* Public API */

ClPreferencesWindow *
cl_preferences_window_new (GtkWindow  *parent,
                           LedgerBook *book)
{
  ClPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  self = g_object_new (CL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  self->settings = cl_settings_new ();
  self->filling = TRUE;
  for (Field field = 0; field < N_FIELDS; field++)
    fill_field (self, field);
  fill_spend_limit (self);
  fill_fees (self);
  fee_selected_cb (self);
  fill_members (self);
  fill_desk (self);
  self->filling = FALSE;
  return self;
}

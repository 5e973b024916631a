/* cl-household-dialog.c — the form that adds or edits one household
 *
 * The form checks nothing by itself: every field goes through the same
 * ledger functions the command line uses (ledger_unit_parse(),
 * ledger_area_parse(), ledger_household_validate()), so a value the window
 * accepts is exactly what `household add` would have written. To say which
 * field is wrong, each one is validated alone on a "probe" household whose
 * other fields are known to be good.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-feedback.h"
#include "cl-household-dialog.h"
#include "ledger.h"

typedef enum
{
  FIELD_UNIT,
  FIELD_OWNER,
  FIELD_PHONE,
  FIELD_AREA,
  FIELD_SPACES,
  FIELD_OWNER_KEY,
  FIELD_MOVE_IN,
  N_FIELDS
} Field;

/* The template ids of each field's editable and of the label under it. */
static const struct
{
  const char *editable;
  const char *error;
} field_ids[N_FIELDS] = {
  [FIELD_UNIT]      = { "unit_entry", "unit_error" },
  [FIELD_OWNER]     = { "owner_entry", "owner_error" },
  [FIELD_PHONE]     = { "phone_entry", "phone_error" },
  [FIELD_AREA]      = { "area_entry", "area_error" },
  [FIELD_SPACES]    = { "spaces_spin", "spaces_error" },
  [FIELD_OWNER_KEY] = { "owner_key_entry", "owner_key_error" },
  [FIELD_MOVE_IN]   = { "move_in_entry", "move_in_error" },
};

struct _ClHouseholdDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *fields[N_FIELDS];   /* GtkEditable: GtkEntry, GtkSpinButton */
  GtkLabel        *errors[N_FIELDS];
  GtkDropDown     *status_dropdown;
  GtkLabel        *form_error;

  /* Owned references */
  LedgerBook      *book;
  LedgerHousehold *original;           /* NULL when adding */
};

G_DEFINE_FINAL_TYPE (ClHouseholdDialog, cl_household_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Reading and checking the fields */

/* Replaces the string *@field by a copy of @text. */
static void
replace_string (char       **field,
                const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* Copies @field of the form onto @household; only the area can fail here
 * (it is parsed from text), everything else is checked by validation. */
static gboolean
apply_field (ClHouseholdDialog  *self,
             Field               field,
             LedgerHousehold    *household,
             GError            **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[field]));

  switch (field)
    {
    case FIELD_UNIT:      replace_string (&household->unit, text); break;
    case FIELD_OWNER:     replace_string (&household->owner, text); break;
    case FIELD_PHONE:     replace_string (&household->phone, text); break;
    case FIELD_OWNER_KEY: replace_string (&household->owner_key, text); break;
    case FIELD_MOVE_IN:   replace_string (&household->move_in, text); break;
    case FIELD_AREA:
      return ledger_area_parse (text, _("area"), &household->area, error);
    case FIELD_SPACES:
      gtk_spin_button_update (GTK_SPIN_BUTTON (self->fields[field]));
      household->spaces = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->fields[field]));
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* A household every field of which passes validation. */
static LedgerHousehold *
probe_new (void)
{
  LedgerHousehold *probe = ledger_household_new ();

  probe->unit = g_strdup ("1-1-1");
  probe->owner = g_strdup ("X");
  return probe;
}

/* In the add form, a unit already in the book is wrong too (the ledger
 * would refuse it on Save with the same words). */
static gboolean
check_unit_is_new (ClHouseholdDialog  *self,
                   const char         *unit,
                   GError            **error)
{
  g_autoptr(LedgerHousehold) existing = NULL;

  if (self->original != NULL)
    return TRUE;
  existing = ledger_household_lookup (self->book, unit, NULL);
  if (existing == NULL)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
               _("unit “%s” is already registered"), existing->unit);
  return FALSE;
}

/* Shows @message under @field and marks it, or clears both when NULL. */
static void
show_field_error (ClHouseholdDialog *self,
                  Field              field,
                  const char        *message)
{
  gtk_label_set_text (self->errors[field], message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->errors[field]), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->fields[field], "error");
  else
    gtk_widget_remove_css_class (self->fields[field], "error");
}

/* Validates @field alone and shows the result under it. */
static gboolean
check_field (ClHouseholdDialog *self,
             Field              field)
{
  g_autoptr(LedgerHousehold) probe = probe_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = apply_field (self, field, probe, &error) &&
       ledger_household_validate (probe, &error) &&
       (field != FIELD_UNIT || check_unit_is_new (self, probe->unit, &error));
  show_field_error (self, field, ok ? NULL : error->message);
  return ok;
}

/* The field of @widget, or N_FIELDS. */
static Field
field_of (ClHouseholdDialog *self,
          GtkWidget         *widget)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->fields[field] == widget)
      return field;
  return N_FIELDS;
}

/* The household the form describes; every field must have been checked. */
static LedgerHousehold *
read_form (ClHouseholdDialog *self)
{
  LedgerHousehold *household = self->original != NULL ? ledger_household_copy (self->original)
                                                       : ledger_household_new ();

  for (Field field = 0; field < N_FIELDS; field++)
    if (!apply_field (self, field, household, NULL))
      g_assert_not_reached ();
  household->status = (LedgerOccupancy) gtk_drop_down_get_selected (self->status_dropdown);
  return household;
}

/* ------------------------------------------------------------------ */
/* Saving */

/* A refusal of the ledger: under the unit when it is a duplicate, above
 * the form when it is the user's to fix, in a dialog when it is not. */
static void
show_write_error (ClHouseholdDialog *self,
                  const GError      *error)
{
  if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT))
    show_field_error (self, FIELD_UNIT, error->message);
  else if (ledger_error_is_usage (error))
    {
      gtk_label_set_text (self->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
    }
  else
    cl_window_show_error (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                          _("saving the household"), error);
}

/* Checks every field (all messages at once), then writes in one
 * transaction. Nothing is written while any field is wrong. */
static void
save_clicked_cb (ClHouseholdDialog *self)
{
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  Field wrong = N_FIELDS;

  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  for (Field field = N_FIELDS; field-- > 0;)
    if (!check_field (self, field))
      wrong = field;
  if (wrong != N_FIELDS)
    {
      gtk_widget_grab_focus (self->fields[wrong]);
      return;
    }
  household = read_form (self);
  if (!ledger_household_validate (household, &error) ||
      !(self->original != NULL ? ledger_household_update (self->book, household, &error)
                               : ledger_household_add (self->book, household, &error)))
    {
      show_write_error (self, error);
      return;
    }
  message = g_strdup_printf (_("Household %s saved"), household->unit);
  if (parent != NULL)
    cl_window_add_toast (GTK_WIDGET (parent), adw_toast_new (message));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, household->unit);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* Signal callbacks */

/* Leaving a field checks it. */
static void
field_leave_cb (GtkEventControllerFocus *controller,
                ClHouseholdDialog       *self)
{
  Field field = field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (field != N_FIELDS && gtk_widget_get_mapped (GTK_WIDGET (self)))
    check_field (self, field);
}

/* A field marked wrong is checked again at every change, so the message
 * goes away as soon as the value is right. */
static void
field_changed_cb (GtkEditable       *editable,
                  ClHouseholdDialog *self)
{
  Field field = field_of (self, GTK_WIDGET (editable));

  if (field != N_FIELDS && gtk_widget_get_visible (GTK_WIDGET (self->errors[field])))
    check_field (self, field);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Fills the form from the household being edited. */
static void
fill_form (ClHouseholdDialog     *self,
           const LedgerHousehold *household)
{
  g_autofree char *area = ledger_area_format (household->area);

  gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_UNIT]), household->unit);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_OWNER]), household->owner);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_PHONE]), household->phone);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_AREA]), area);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[FIELD_SPACES]), household->spaces);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_OWNER_KEY]), household->owner_key);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_MOVE_IN]), household->move_in);
  gtk_drop_down_set_selected (self->status_dropdown, household->status);
  /* The unit code is the household's identity: it never changes. */
  gtk_widget_set_sensitive (self->fields[FIELD_UNIT], FALSE);
  gtk_widget_set_tooltip_text (self->fields[FIELD_UNIT], _("The unit code of a registered household cannot change"));
}

/* Drops the template's widgets, the book and the original household. */
static void
cl_household_dialog_dispose (GObject *object)
{
  ClHouseholdDialog *self = CL_HOUSEHOLD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_HOUSEHOLD_DIALOG);
  g_clear_object (&self->book);
  g_clear_pointer (&self->original, ledger_household_free);
  G_OBJECT_CLASS (cl_household_dialog_parent_class)->dispose (object);
}

/* The template (each field bound by its id), ::saved, and Escape. */
static void
cl_household_dialog_class_init (ClHouseholdDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_household_dialog_dispose;

  /**
   * ClHouseholdDialog::saved:
   * @unit: the normalised unit code of the household written
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-household-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdDialog, form_error);
  for (Field field = 0; field < N_FIELDS; field++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, field_ids[field].editable, FALSE,
                                                 G_STRUCT_OFFSET (ClHouseholdDialog, fields) +
                                                 field * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, field_ids[field].error, FALSE,
                                                 G_STRUCT_OFFSET (ClHouseholdDialog, errors) +
                                                 field * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Checks each field as the user leaves it, and again as it changes
 * while marked wrong. */
static void
cl_household_dialog_init (ClHouseholdDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (Field field = 0; field < N_FIELDS; field++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (field_leave_cb), self);
      gtk_widget_add_controller (self->fields[field], focus);
      g_signal_connect (self->fields[field], "changed", G_CALLBACK (field_changed_cb), self);
    }
  /* Enter saves from the spin button too (GtkSpinButton:activates-default is GTK 4.14). */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->fields[FIELD_SPACES]))),
                                  TRUE);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* The empty form for adding, or the form filled with @household. */
ClHouseholdDialog *
cl_household_dialog_new (GtkWindow             *parent,
                         LedgerBook            *book,
                         const LedgerHousehold *household)
{
  ClHouseholdDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  self = g_object_new (CL_TYPE_HOUSEHOLD_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  if (household == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Add Household"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Household"));
      gtk_window_set_focus (GTK_WINDOW (self), self->fields[FIELD_UNIT]);
      return self;
    }
  self->original = ledger_household_copy (household);
  fill_form (self, household);
  adw_window_title_set_title (self->window_title, _("Edit Household"));
  adw_window_title_set_subtitle (self->window_title, household->unit);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Household"));
  gtk_window_set_focus (GTK_WINDOW (self), self->fields[FIELD_OWNER]);
  return self;
}

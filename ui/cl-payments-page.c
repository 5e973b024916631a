/* cl-payments-page.c — taking payments at the table, and the year's receipts
 *
 * The form is made for a queue of owners: unit, Enter, (amount,) Enter.
 * Everything it writes goes through ledger_pay(), ledger_void() and
 * ledger_receipt_reenter(); the receipts list is ledger_receipt_model_new()
 * behind a filter and a sort model, reloaded by ClPage when the book changes.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-feedback.h"
#include "cl-field-error.h"
#include "cl-format.h"
#include "cl-payments-page-private.h"
#include "cl-print-preview.h"
#include "exports.h"
#include "ledger.h"

struct _ClPaymentsPage
{
  ClPage              parent_instance;

  /* Template widgets */
  GtkEntry           *unit_entry;
  GtkLabel           *owed_label;
  GtkEntry           *amount_entry;
  GtkDropDown        *method_dropdown;
  GtkLabel           *amount_error_label;
  GtkLabel           *last_receipt_label;
  GtkLabel           *last_receipt_detail;
  GtkLabel           *receipts_title;
  GtkSearchEntry     *receipt_search;
  GtkSingleSelection *receipt_selection;
  GtkFilterListModel *receipt_filter;
  GtkPopover         *completion_popover;
  GtkListView        *completion_view;
  GtkSingleSelection *completion_selection;
  GtkFilterListModel *completion_filter;
  GtkStringFilter    *unit_filter;
  GtkStringFilter    *owner_filter;
  AdwMessageDialog   *void_dialog;
  GtkEntry           *void_reason_entry;

  /* Owned references */
  char               *typed;        /* what the unit entry holds, stripped */
  char               *chosen_unit;  /* the household being paid for, or NULL */
  char               *last_receipt; /* the receipt recorded last here, or NULL */
  AdwToast           *void_toast;   /* the toast offering Undo, while shown */

  gboolean            filling_unit; /* the page itself is setting the unit text */
};

G_DEFINE_FINAL_TYPE (ClPaymentsPage, cl_payments_page, CL_TYPE_PAGE)

/* ------------------------------------------------------------------ */
/* Helpers */

/* The receipt selected in the list, or NULL. */
static LedgerReceiptItem *
selected_receipt (ClPaymentsPage *self)
{
  return self->receipt_selection != NULL ? gtk_single_selection_get_selected_item (self->receipt_selection) : NULL;
}

/* Enables each action according to what the page holds. */
static void
update_actions (ClPaymentsPage *self)
{
  LedgerReceiptItem *item = selected_receipt (self);
  gboolean can_void = item != NULL && !ledger_receipt_item_get_voided (item);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payments.print-receipt", self->last_receipt != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payments.void", can_void);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payments.undo-void", self->void_toast != NULL);
}

/* Adds or removes @css_class. */
static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Shows @message (the ledger's words) next to the amount and marks the
 * amount (cl-field-error.c, as every form does); NULL hides both. */
static void
set_amount_error (ClPaymentsPage *self,
                  const char     *message)
{
  const ClErrorField amount = { LEDGER_FIELD_AMOUNT, NULL, GTK_WIDGET (self->amount_entry) };

  gtk_label_set_text (self->amount_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), message != NULL);
  if (message != NULL)
    cl_field_error_mark (amount.widget);
  else
    cl_field_error_clear (&amount, 1);
}

/* Says what the chosen household owes, or (in red) why there is none. */
static void
show_owed (ClPaymentsPage *self,
           const char     *text,
           gboolean        problem)
{
  gtk_label_set_text (self->owed_label, text);
  set_css_class (GTK_WIDGET (self->owed_label), "error", problem);
}

/* Sets the unit entry's text without treating it as typing. */
static void
set_unit_text (ClPaymentsPage *self,
               const char     *text)
{
  self->filling_unit = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), text);
  self->filling_unit = FALSE;
  gtk_popover_popdown (self->completion_popover);
}

/* "王伟 · owes ¥480.00 (2025–2026)": the treasurer's own screen, so the
 * owner's full name is shown. */
static char *
describe_due (const LedgerHouseholdDue *due)
{
  g_autofree char *owed = ledger_money_format (due->owed);
  g_autofree char *credit = ledger_money_format (due->credit);

  if (due->owed > 0 && due->first_year == due->last_year)
    return g_strdup_printf (_("%s · owes %s (%d)"), due->owner, owed, due->first_year);
  if (due->owed > 0)
    return g_strdup_printf (_("%s · owes %s (%d–%d)"), due->owner, owed, due->first_year,
                            due->last_year);
  if (due->credit > 0)
    return g_strdup_printf (_("%s · nothing owed · %s prepaid"), due->owner, credit);
  return g_strdup_printf (_("%s · nothing owed"), due->owner);
}

/* Forgets the household being paid for and what was offered for it. */
static void
forget_household (ClPaymentsPage *self)
{
  g_clear_pointer (&self->chosen_unit, g_free);
  show_owed (self, "", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
  set_amount_error (self, NULL);
}

/* Empties the form for the next household and puts the cursor in the
 * unit entry. The method is kept: a queue tends to pay the same way. */
static void
clear_form (ClPaymentsPage *self)
{
  forget_household (self);
  set_unit_text (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_entry));
}

/* Looks @unit up, shows what it owes and offers that amount. */
static void
choose_household (ClPaymentsPage *self,
                  const char     *unit)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autoptr(LedgerHouseholdDue) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *amount = NULL;

  gtk_popover_popdown (self->completion_popover);
  if (book == NULL)
    return;
  due = ledger_household_due (book, unit, &error);
  if (due == NULL)
    {
      forget_household (self);
      show_owed (self, error->message, TRUE);
      return;
    }
  g_free (self->chosen_unit);
  self->chosen_unit = g_strdup (due->unit);
  set_unit_text (self, due->unit);
  text = describe_due (due);
  show_owed (self, text, FALSE);
  amount = due->suggested > 0 ? ledger_money_format_plain (due->suggested) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), amount);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->amount_entry), 0, -1);
}

/* The unit Enter means: the highlighted suggestion, else the text as
 * typed (a code such as "3号楼2单元301", or one that then fails with the
 * ledger's message). Suggestions come in building/entrance/room order, so
 * a complete code such as "1-1-10" is offered before "1-1-101". */
static char *
pick_unit (ClPaymentsPage *self)
{
  LedgerHouseholdItem *suggestion = gtk_single_selection_get_selected_item (self->completion_selection);

  if (suggestion != NULL && gtk_widget_get_visible (GTK_WIDGET (self->completion_popover)))
    return g_strdup (ledger_household_item_get_unit (suggestion));
  return g_strdup (self->typed);
}

/* Shows the suggestions for what the unit entry holds. */
static void
update_completion (ClPaymentsPage *self)
{
  gtk_string_filter_set_search (self->unit_filter, self->typed);
  gtk_string_filter_set_search (self->owner_filter, self->typed);
  if (self->typed[0] == '\0' || g_list_model_get_n_items (G_LIST_MODEL (self->completion_filter)) == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->unit_entry)))
    {
      gtk_popover_popdown (self->completion_popover);
      return;
    }
  gtk_single_selection_set_selected (self->completion_selection, 0);
  gtk_popover_popup (self->completion_popover);
}

/* Moves the highlighted suggestion by @delta rows. */
static void
move_completion (ClPaymentsPage *self,
                 int             delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->completion_selection));
  guint selected = gtk_single_selection_get_selected (self->completion_selection);
  gint64 next = selected == GTK_INVALID_LIST_POSITION ? 0 : (gint64) selected + delta;

  if (n == 0)
    return;
  next = CLAMP (next, 0, (gint64) n - 1);
  gtk_single_selection_set_selected (self->completion_selection, (guint) next);
  gtk_widget_activate_action (GTK_WIDGET (self->completion_view), "list.scroll-to-item", "u", (guint) next);
}

/* Shows @receipt as the one to hand over and print. */
static void
show_last_receipt (ClPaymentsPage      *self,
                   const LedgerReceipt *receipt)
{
  g_autofree char *amount = ledger_money_format (receipt->amount);
  g_autofree char *detail = g_strdup_printf ("%s · %s · %s", amount, receipt->unit, receipt->owner);

  g_free (self->last_receipt);
  self->last_receipt = g_strdup (receipt->number);
  gtk_label_set_text (self->last_receipt_label, receipt->number);
  gtk_label_set_text (self->last_receipt_detail, detail);
  update_actions (self);
}

/* Records the payment in the form: what Enter in the amount entry does.
 * Errors in what was typed go next to the amount; anything else (a busy
 * or damaged book) gets a dialog. Either way nothing was written. */
static void
record_payment (ClPaymentsPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LedgerMethod method = MIN (gtk_drop_down_get_selected (self->method_dropdown), LEDGER_METHOD_BANK);
  gint64 fen = 0;

  if (book == NULL)
    return;
  if (self->chosen_unit == NULL)
    {
      set_amount_error (self, _("Choose a unit first: type it and press Enter."));
      gtk_widget_grab_focus (GTK_WIDGET (self->unit_entry));
      return;
    }
  if (!ledger_money_parse (text, _("amount"), LEDGER_MONEY_POSITIVE, &fen, &error) ||
      !ledger_pay (book, self->chosen_unit, fen, method, NULL, &receipt, &error))
    {
      if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT))
        set_amount_error (self, error->message);
      else
        cl_window_show_error (GTK_WIDGET (self), _("recording the payment"), error);
      return;
    }
  show_last_receipt (self, receipt);
  clear_form (self);
}

/* Reads the suggestions (every household with what it owes) and the
 * year's receipts again, and what the chosen household owes now. */
static void
cl_payments_page_reload (ClPage     *page,
                         LedgerBook *book)
{
  ClPaymentsPage *self = CL_PAYMENTS_PAGE (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) households = NULL, receipts = NULL;
  g_autoptr(LedgerHouseholdDue) due = NULL;
  g_autofree char *title = NULL, *text = NULL;
  char today[11];

  ledger_book_today (book, today);
  title = g_strdup_printf (_("Receipts of %d"), ledger_date_year (today));
  gtk_label_set_text (self->receipts_title, title);
  if ((households = ledger_household_model_new (book, ledger_date_year (today), &error)) == NULL ||
      (receipts = ledger_receipt_model_new (book, ledger_date_year (today), &error)) == NULL)
    cl_window_show_error (GTK_WIDGET (self), _("reading the book"), error);
  gtk_filter_list_model_set_model (self->completion_filter, households);
  gtk_filter_list_model_set_model (self->receipt_filter, receipts);
  if (self->chosen_unit != NULL && (due = ledger_household_due (book, self->chosen_unit, NULL)) != NULL)
    {
      text = describe_due (due);
      show_owed (self, text, FALSE);
    }
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Voiding and undoing */

/* Records voided receipt @number again; the new receipt shows as the last. */
static gboolean
reenter_payment (ClPaymentsPage *self,
                 const char     *number)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  if (book == NULL)
    return FALSE;
  if (!ledger_receipt_reenter (book, number, &receipt, &error))
    {
      cl_window_show_error (GTK_WIDGET (self), _("re-entering the payment"), error);
      return FALSE;
    }
  show_last_receipt (self, receipt);
  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Re-entered as %s"), receipt->number));
  return TRUE;
}

/* The toast's Undo button. The voided number travels with the toast and is
 * taken from it once, so Undo works whatever order libadwaita emits
 * "button-clicked" and "dismissed" in, and never re-enters twice. */
static void
undo_clicked_cb (AdwToast       *toast,
                 ClPaymentsPage *self)
{
  g_autofree char *number = g_object_steal_data (G_OBJECT (toast), "voided-receipt");

  if (number != NULL)
    reenter_payment (self, number);
}

/* The Undo offer ends with its toast. */
static void
void_toast_dismissed_cb (AdwToast       *toast,
                         ClPaymentsPage *self)
{
  if (toast != self->void_toast)
    return;
  g_clear_object (&self->void_toast);
  update_actions (self);
}

/* Shows "Receipt … voided" with an Undo button for the toast's seconds. */
static void
offer_undo (ClPaymentsPage *self,
            const char     *number)
{
  AdwToast *toast = adw_toast_new_format (_("Receipt %s voided"), number);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "voided-receipt", g_strdup (number), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (void_toast_dismissed_cb), self, G_CONNECT_DEFAULT);
  /* One offer at a time: Undo is for the void just made. */
  if (self->void_toast != NULL)
    adw_toast_dismiss (self->void_toast);
  g_set_object (&self->void_toast, toast);
  cl_window_add_toast (GTK_WIDGET (self), toast);
  update_actions (self);
}

/* Voids receipt @number; nothing is written when the ledger refuses. */
static void
void_receipt (ClPaymentsPage *self,
              const char     *number,
              const char     *reason)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (book == NULL)
    return;
  if (!ledger_void (book, number, reason, &error))
    cl_window_show_error (GTK_WIDGET (self), _("voiding the receipt"), error);
  else
    offer_undo (self, number);
}

/* Asks why @item is being voided before anything is written. */
static void
ask_void_reason (ClPaymentsPage    *self,
                 LedgerReceiptItem *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *number = ledger_receipt_item_get_number (item);
  g_autofree char *amount = ledger_money_format (ledger_receipt_item_get_amount (item));
  g_autofree char *heading = g_strdup_printf (_("Void Receipt %s?"), number);
  g_autofree char *body = g_strdup_printf (_("%s from %s (%s). The number stays used and the payment is reversed in the book."),
                                           amount, ledger_receipt_item_get_unit (item),
                                           ledger_receipt_item_get_owner (item));

  adw_message_dialog_set_heading (self->void_dialog, heading);
  adw_message_dialog_set_body (self->void_dialog, body);
  g_object_set_data_full (G_OBJECT (self->void_dialog), "receipt", g_strdup (number), g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->void_reason_entry), "");
  /* Enter in the reason answers "void" (once enabled): the default. */
  adw_message_dialog_set_default_response (self->void_dialog, "void");
  gtk_window_set_transient_for (GTK_WINDOW (self->void_dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (self->void_dialog));
  gtk_widget_grab_focus (GTK_WIDGET (self->void_reason_entry));
}

/* ------------------------------------------------------------------ */
/* Template callbacks */

/* Typing a unit: forget the household chosen before, suggest matches. */
static void
unit_changed_cb (GtkEditable    *entry,
                 ClPaymentsPage *self)
{
  g_free (self->typed);
  self->typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (self->filling_unit)
    return;
  if (self->chosen_unit != NULL)
    forget_household (self);
  update_completion (self);
}

/* Enter in the unit entry chooses the household. */
static void
unit_activate_cb (GtkEntry       *entry,
                  ClPaymentsPage *self)
{
  g_autofree char *unit = NULL;

  if (self->typed[0] == '\0')
    return;
  unit = pick_unit (self);
  choose_household (self, unit);
}

/* Up and Down move through the suggestions, Escape hides them. */
static gboolean
unit_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ClPaymentsPage        *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->completion_popover)))
    return FALSE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_Up)
    move_completion (self, keyval == GDK_KEY_Down ? 1 : -1);
  else if (keyval == GDK_KEY_Escape)
    gtk_popover_popdown (self->completion_popover);
  else
    return FALSE;
  return TRUE;
}

/* Leaving the unit entry (Tab, a click) hides the suggestions. */
static void
unit_focus_leave_cb (GtkEventControllerFocus *controller,
                     ClPaymentsPage          *self)
{
  gtk_popover_popdown (self->completion_popover);
}

/* A click on a suggestion chooses it. */
static void
completion_activate_cb (GtkListView    *view,
                        guint           position,
                        ClPaymentsPage *self)
{
  g_autoptr(LedgerHouseholdItem) item = g_list_model_get_item (G_LIST_MODEL (self->completion_selection), position);

  if (item != NULL)
    choose_household (self, ledger_household_item_get_unit (item));
}

/* A void needs a reason: "Void" is enabled once one is typed. */
static void
void_reason_changed_cb (GtkEditable    *entry,
                        ClPaymentsPage *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (self->void_dialog, "void", reason[0] != '\0');
}

/* The void dialog was answered; only "void" with a reason writes. */
static void
void_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ClPaymentsPage   *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->void_reason_entry))));

  if (g_str_equal (response, "void") && reason[0] != '\0')
    void_receipt (self, g_object_get_data (G_OBJECT (dialog), "receipt"), reason);
}

/* Editing the amount takes the last complaint about it away. */
static void
amount_changed_cb (GtkEditable    *entry,
                   ClPaymentsPage *self)
{
  set_amount_error (self, NULL);
}

/* "2026年3月1日" in Chinese, "2026-03-01" in English. */
static char *
format_date (gpointer    unused,
             const char *iso_date)
{
  return cl_format_date (iso_date);
}

/* "¥480.00"; nothing for zero (a household that owes nothing). */
static char *
format_money (gpointer unused,
              gint64   fen)
{
  return fen != 0 ? ledger_money_format (fen) : g_strdup ("");
}

/* "wechat" → "WeChat Pay", in the user's language. */
static char *
format_method (gpointer    unused,
               const char *word)
{
  LedgerMethod method;

  if (word == NULL || !ledger_method_parse (word, "method", &method, NULL))
    return g_strdup (word);
  return g_strdup (ledger_method_label (method));
}

/* "Valid", or "Voided: " and the reason. */
static char *
format_status (gpointer    unused,
               gboolean    voided,
               const char *reason)
{
  return voided ? g_strdup_printf (_("Voided: %s"), reason) : g_strdup (_("Valid"));
}

/* ------------------------------------------------------------------ */
/* Actions */

/* Ctrl+N: an empty form for the next household. */
static void
new_payment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  clear_form (CL_PAYMENTS_PAGE (widget));
}

/* Ctrl+F: search the receipts. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CL_PAYMENTS_PAGE (widget)->receipt_search));
}

/* Ctrl+P: the print preview of the last receipt, to print or save it. */
static void
print_receipt_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cl_payments_page_print_receipt (CL_PAYMENTS_PAGE (widget), NULL);
}

/* Ctrl+Delete, "Void…": ask why, then void the selected receipt. */
static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClPaymentsPage *self = CL_PAYMENTS_PAGE (widget);
  LedgerReceiptItem *item = selected_receipt (self);

  if (item != NULL)
    ask_void_reason (self, item);
}

/* Ctrl+Shift+Z: undo the last void while its toast is shown. */
static void
undo_void_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cl_payments_page_undo_last_void (CL_PAYMENTS_PAGE (widget));
}

/* ------------------------------------------------------------------ */
/* Life cycle */

static void
cl_payments_page_dispose (GObject *object)
{
  ClPaymentsPage *self = CL_PAYMENTS_PAGE (object);

  /* Outside the template's tree: a popover on the entry, a toplevel. */
  if (self->completion_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->completion_popover));
  if (self->void_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->void_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PAYMENTS_PAGE);
  g_clear_object (&self->void_toast);
  G_OBJECT_CLASS (cl_payments_page_parent_class)->dispose (object);
}

static void
cl_payments_page_finalize (GObject *object)
{
  ClPaymentsPage *self = CL_PAYMENTS_PAGE (object);

  g_free (self->typed);
  g_free (self->chosen_unit);
  g_free (self->last_receipt);
  G_OBJECT_CLASS (cl_payments_page_parent_class)->finalize (object);
}

/* Binds the template's widgets, models and callbacks. */
static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-payments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, owed_label);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, last_receipt_label);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, last_receipt_detail);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, receipts_title);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, receipt_search);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, receipt_selection);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, receipt_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, completion_popover);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, completion_view);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, completion_selection);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, completion_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, unit_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, void_dialog);
  gtk_widget_class_bind_template_child (widget_class, ClPaymentsPage, void_reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, completion_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, void_reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, void_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_payment);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_bind_template_callback (widget_class, format_money);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_method);
  gtk_widget_class_bind_template_callback (widget_class, format_status);
}

/* The page's actions ("payments.*") and their keys. */
static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "payments.new", NULL, new_payment_action);
  gtk_widget_class_install_action (widget_class, "payments.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "payments.print-receipt", NULL, print_receipt_action);
  gtk_widget_class_install_action (widget_class, "payments.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "payments.undo-void", NULL, undo_void_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "payments.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "payments.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "payments.print-receipt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "payments.void", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "payments.undo-void", NULL);
}

static void
cl_payments_page_class_init (ClPaymentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_payments_page_dispose;
  object_class->finalize = cl_payments_page_finalize;
  CL_PAGE_CLASS (klass)->reload = cl_payments_page_reload;

  /* The template and its cell factories name the row types. */
  g_type_ensure (LEDGER_TYPE_RECEIPT_ITEM);
  g_type_ensure (LEDGER_TYPE_HOUSEHOLD_ITEM);
  bind_template (widget_class);
  install_actions (widget_class);
}

static void
cl_payments_page_init (ClPaymentsPage *self)
{
  g_autoptr(GListModel) methods = cl_format_method_list ();

  self->typed = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->method_dropdown, methods);
  gtk_widget_set_parent (GTK_WIDGET (self->completion_popover), GTK_WIDGET (self->unit_entry));
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

ClPrintPreview *
cl_payments_page_print_receipt (ClPaymentsPage *self,
                                const char     *number)
{
  LedgerBook *book;
  GtkRoot *root;
  ClPrintPreview *preview;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_PAYMENTS_PAGE (self), NULL);

  book = cl_page_get_book (CL_PAGE (self));
  number = number != NULL ? number : self->last_receipt;
  if (book == NULL || number == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  preview = cl_print_preview_new_for_receipt (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, book, number,
                                              &error);
  if (preview == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("printing the receipt"), error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

void
cl_payments_page_void_selected (ClPaymentsPage *self,
                                const char     *reason)
{
  LedgerReceiptItem *item;
  g_autofree char *number = NULL;

  g_return_if_fail (CL_IS_PAYMENTS_PAGE (self));
  g_return_if_fail (reason != NULL);

  /* The write reloads the list, and with it this row: keep a copy. */
  item = selected_receipt (self);
  number = item != NULL ? g_strdup (ledger_receipt_item_get_number (item)) : NULL;
  if (number != NULL)
    void_receipt (self, number, reason);
}

gboolean
cl_payments_page_undo_last_void (ClPaymentsPage *self)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (CL_IS_PAYMENTS_PAGE (self), FALSE);

  toast = g_steal_pointer (&self->void_toast);
  if (toast == NULL)
    return FALSE;
  number = g_object_steal_data (G_OBJECT (toast), "voided-receipt");
  adw_toast_dismiss (toast);
  update_actions (self);
  return number != NULL && reenter_payment (self, number);
}

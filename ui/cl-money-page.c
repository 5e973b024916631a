/* cl-money-page.c — transfers, other income, refunds and advances
 *
 * Four forms, one at a time (Ctrl+T, Ctrl+I, Ctrl+R, Ctrl+M), each made
 * for the keyboard: type, Tab, Enter records. Each calls the function the
 * command line calls (ledger_transfer(), ledger_income_record(),
 * ledger_refund(), ledger_advance_give() and ledger_advance_return()), so
 * the window accepts and refuses exactly what `transfer`, `income`,
 * `refund` and `advance` do; a refusal is the ledger's one line under the
 * form, the field it is about marked and focused (cl-field-error.c), and
 * nothing was written. Below: the year's vouchers
 * (ledger_voucher_model_new()), every money account and advance with its
 * balance (ledger_account_list()) and each member's open advance
 * (ledger_advance_list()).
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-feedback.h"
#include "cl-field-error.h"
#include "cl-format.h"
#include "cl-money-page-private.h"
#include "ledger.h"

struct _ClMoneyPage
{
  ClPage            parent_instance;

  /* Template widgets */
  GtkStack         *form_stack;
  GtkLabel         *last_voucher_label;
  GtkLabel         *vouchers_title;
  GtkSortListModel *voucher_sort;
  GtkListBox       *accounts_list;
  GtkLabel         *accounts_error_label;
  GtkListBox       *advances_list;
  AdwMessageDialog *bank_dialog;
  GtkEntry         *bank_name_entry;

  GtkEntry         *transfer_amount_entry;
  GtkDropDown      *transfer_from_dropdown;
  GtkDropDown      *transfer_to_dropdown;
  GtkEntry         *transfer_fee_entry;
  GtkEntry         *transfer_date_entry;
  GtkEntry         *transfer_memo_entry;
  GtkLabel         *transfer_error_label;

  GtkDropDown      *income_category_dropdown;
  GtkEntry         *income_amount_entry;
  GtkDropDown      *income_account_dropdown;
  GtkDropDown      *income_fund_dropdown;
  GtkEntry         *income_payer_entry;
  GtkEntry         *income_date_entry;
  GtkEntry         *income_memo_entry;
  GtkLabel         *income_error_label;

  GtkEntry         *refund_unit_entry;
  GtkLabel         *refund_credit_label;
  GtkEntry         *refund_amount_entry;
  GtkDropDown      *refund_account_dropdown;
  GtkEntry         *refund_date_entry;
  GtkEntry         *refund_reason_entry;
  GtkLabel         *refund_error_label;

  GtkDropDown      *advance_kind_dropdown;
  GtkDropDown      *advance_member_dropdown;
  GtkEntry         *advance_amount_entry;
  GtkDropDown      *advance_account_dropdown;
  GtkEntry         *advance_date_entry;
  GtkEntry         *advance_memo_entry;
  GtkLabel         *advance_error_label;
  GtkLabel         *advance_open_label;

  /* Owned references */
  GPtrArray        *account_codes; /* the money accounts, in the dropdowns' order */
  GPtrArray        *member_names;  /* the committee, in the member dropdown's order */
  GPtrArray        *advances;      /* LedgerAdvanceSummary of each member who was given one */
};

G_DEFINE_FINAL_TYPE (ClMoneyPage, cl_money_page, CL_TYPE_PAGE)

/* The advance form's first dropdown, in this order. */
enum { ADVANCE_GIVE, ADVANCE_RETURN };

/* ------------------------------------------------------------------ */
/* Helpers */

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

/* Shows @message (the ledger's one line) in @label; NULL hides it. */
static void
set_error (GtkLabel   *label,
           const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* What @entry holds, trimmed; NULL when that is nothing (an optional
 * field left empty: today, no memo). */
static char *
optional_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Reads the amount in @entry as the command line does; an empty
 * optional field (a transfer's fee) is 0. When it is no amount, @entry
 * is the field in error (*@failed). */
static gboolean
read_amount (GtkEntry    *entry,
             const char  *field,
             gboolean     optional,
             gint64      *fen,
             GtkWidget  **failed,
             GError     **error)
{
  g_autofree char *text = optional_text (entry);

  *fen = 0;
  if (text == NULL && optional)
    return TRUE;
  if (ledger_money_parse (text != NULL ? text : "", field,
                          optional ? LEDGER_MONEY_ALLOW_ZERO : LEDGER_MONEY_POSITIVE, fen, error))
    return TRUE;
  *failed = GTK_WIDGET (entry);
  return FALSE;
}

/* The code of the money account chosen in @dropdown, or NULL. */
static const char *
chosen_account (ClMoneyPage *self,
                GtkDropDown *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return self->account_codes != NULL && i < self->account_codes->len ? g_ptr_array_index (self->account_codes, i)
                                                                        : NULL;
}

/* Chooses @code in @dropdown, if the book has it. */
static void
choose_account (ClMoneyPage *self,
                GtkDropDown *dropdown,
                const char  *code)
{
  guint i;

  if (code != NULL && g_ptr_array_find_with_equal_func (self->account_codes, code, g_str_equal, &i))
    gtk_drop_down_set_selected (dropdown, i);
}

/* Empties @entries (a form after it was recorded). */
static void
clear_entries (GtkEntry *const *entries,
               gsize            n)
{
  for (gsize i = 0; i < n; i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
}

/* After a write: the voucher on the page and in a toast, the form empty
 * for the next one and the cursor back in @focus. */
static void
show_recorded (ClMoneyPage     *self,
               GtkLabel        *error_label,
               const char      *voucher,
               GtkEntry *const *entries,
               gsize            n_entries,
               GtkWidget       *focus)
{
  gtk_label_set_text (self->last_voucher_label, voucher);
  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Recorded as %s"), voucher));
  clear_entries (entries, n_entries);
  set_error (error_label, NULL);
  gtk_widget_grab_focus (focus);
}

#define W(widget) GTK_WIDGET (widget)

/* A refusal: what the treasurer typed or chose (an amount, an account,
 * a date, not enough money) goes under the form in the ledger's words,
 * and the field it is about is marked and gets the cursor: @failed when
 * the form's own reading of it failed, else the one of @fields the
 * ledger's error names. Anything else (a busy or damaged book) gets a
 * dialog. Either way the book is as it was. */
static void
show_refused (ClMoneyPage        *self,
              GtkLabel           *error_label,
              const char         *doing,
              const GError       *error,
              const ClErrorField *fields,
              gsize               n_fields,
              GtkWidget          *failed)
{
  cl_field_error_clear (fields, n_fields);
  if (!ledger_error_is_usage (error))
    {
      cl_window_show_error (GTK_WIDGET (self), doing, error);
      return;
    }
  set_error (error_label, error->message);
  if (failed != NULL)
    cl_field_error_mark (failed);
  else
    cl_field_error_show (error, fields, n_fields);
}

/* ------------------------------------------------------------------ */
/* The four forms */

static void
record_transfer (ClMoneyPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkEntry *const entries[] = { self->transfer_amount_entry, self->transfer_fee_entry, self->transfer_memo_entry };
  g_autofree char *date = optional_text (self->transfer_date_entry);
  g_autofree char *memo = optional_text (self->transfer_memo_entry);
  g_autofree char *voucher = NULL;
  g_autoptr(GError) error = NULL;
  const char *from = chosen_account (self, self->transfer_from_dropdown);
  /* Only the account the money leaves can go below zero. */
  const ClErrorField fields[] = {
    { LEDGER_FIELD_AMOUNT, NULL, W (self->transfer_amount_entry) },
    { "--from", from, W (self->transfer_from_dropdown) },
    { "--to", NULL, W (self->transfer_to_dropdown) },
    { "--fee", NULL, W (self->transfer_fee_entry) },
    { "--date", NULL, W (self->transfer_date_entry) },
    { "--memo", NULL, W (self->transfer_memo_entry) },
  };
  GtkWidget *failed = NULL;
  gint64 amount, fee;

  if (book == NULL)
    return;
  if (!read_amount (self->transfer_amount_entry, _("amount"), FALSE, &amount, &failed, &error) ||
      !read_amount (self->transfer_fee_entry, _("fee"), TRUE, &fee, &failed, &error) ||
      !ledger_transfer (book, amount, from, chosen_account (self, self->transfer_to_dropdown), fee, date, memo,
                        &voucher, &error))
    {
      show_refused (self, self->transfer_error_label, _("recording the transfer"), error, fields,
                    G_N_ELEMENTS (fields), failed);
      return;
    }
  show_recorded (self, self->transfer_error_label, voucher, entries, G_N_ELEMENTS (entries),
                 GTK_WIDGET (self->transfer_amount_entry));
}

static void
record_income (ClMoneyPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkEntry *const entries[] = { self->income_amount_entry, self->income_payer_entry, self->income_memo_entry };
  g_autofree char *payer = optional_text (self->income_payer_entry);
  g_autofree char *date = optional_text (self->income_date_entry);
  g_autofree char *memo = optional_text (self->income_memo_entry);
  g_autofree char *voucher = NULL;
  g_autoptr(GError) error = NULL;
  LedgerIncomeCategory category = MIN (gtk_drop_down_get_selected (self->income_category_dropdown),
                                       LEDGER_INCOME_OTHER);
  LedgerFund fund = MIN (gtk_drop_down_get_selected (self->income_fund_dropdown), LEDGER_FUND_PUBLIC);
  const ClErrorField fields[] = {
    { LEDGER_FIELD_AMOUNT, NULL, W (self->income_amount_entry) },
    { "--account", NULL, W (self->income_account_dropdown) },
    { "--payer", NULL, W (self->income_payer_entry) },
    { "--date", NULL, W (self->income_date_entry) },
    { "--memo", NULL, W (self->income_memo_entry) },
  };
  GtkWidget *failed = NULL;
  gint64 amount;

  if (book == NULL)
    return;
  if (!read_amount (self->income_amount_entry, _("amount"), FALSE, &amount, &failed, &error) ||
      !ledger_income_record (book, amount, category, chosen_account (self, self->income_account_dropdown), &fund,
                             payer, date, memo, &voucher, &error))
    {
      show_refused (self, self->income_error_label, _("recording the income"), error, fields,
                    G_N_ELEMENTS (fields), failed);
      return;
    }
  show_recorded (self, self->income_error_label, voucher, entries, G_N_ELEMENTS (entries),
                 GTK_WIDGET (self->income_amount_entry));
}

/* "王伟 · credit ¥200.00" for the unit in the refund form; in red when
 * it is unknown or holds no credit. Offers the whole credit in the
 * amount, unless the treasurer typed one already. Returns whether the
 * unit is known. */
static gboolean
look_up_refund_unit (ClMoneyPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autofree char *unit = optional_text (self->refund_unit_entry);
  g_autoptr(LedgerHouseholdDue) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *credit = NULL, *text = NULL, *offer = NULL;

  if (book == NULL || unit == NULL)
    return FALSE;
  due = ledger_household_due (book, unit, &error);
  if (due == NULL)
    {
      gtk_label_set_text (self->refund_credit_label, error->message);
      set_css_class (GTK_WIDGET (self->refund_credit_label), "error", TRUE);
      return FALSE;
    }
  credit = ledger_money_format (due->credit);
  text = due->credit > 0 ? g_strdup_printf (_("%s · credit %s"), due->owner, credit)
                         : g_strdup_printf (_("%s · holds no credit to refund"), due->owner);
  gtk_label_set_text (self->refund_credit_label, text);
  set_css_class (GTK_WIDGET (self->refund_credit_label), "error", due->credit <= 0);
  offer = due->credit > 0 ? ledger_money_format_plain (due->credit) : g_strdup ("");
  if (*gtk_editable_get_text (GTK_EDITABLE (self->refund_amount_entry)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->refund_amount_entry), offer);
  return TRUE;
}

static void
record_refund (ClMoneyPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkEntry *const entries[] = { self->refund_unit_entry, self->refund_amount_entry, self->refund_reason_entry };
  g_autofree char *unit = optional_text (self->refund_unit_entry);
  g_autofree char *date = optional_text (self->refund_date_entry);
  g_autofree char *reason = optional_text (self->refund_reason_entry);
  g_autofree char *voucher = NULL;
  g_autoptr(GError) error = NULL;
  const char *account = chosen_account (self, self->refund_account_dropdown);
  const ClErrorField fields[] = {
    { "UNIT", NULL, W (self->refund_unit_entry) },
    { LEDGER_FIELD_AMOUNT, NULL, W (self->refund_amount_entry) },
    { "--method", account, W (self->refund_account_dropdown) },
    { "--date", NULL, W (self->refund_date_entry) },
    { "--reason", NULL, W (self->refund_reason_entry) },
  };
  GtkWidget *failed = NULL;
  gint64 amount;

  if (book == NULL)
    return;
  if (!read_amount (self->refund_amount_entry, _("amount"), FALSE, &amount, &failed, &error) ||
      !ledger_refund (book, unit != NULL ? unit : "", amount, account, reason != NULL ? reason : "", date, &voucher,
                      &error))
    {
      show_refused (self, self->refund_error_label, _("recording the refund"), error, fields,
                    G_N_ELEMENTS (fields), failed);
      return;
    }
  show_recorded (self, self->refund_error_label, voucher, entries, G_N_ELEMENTS (entries),
                 GTK_WIDGET (self->refund_unit_entry));
  gtk_label_set_text (self->refund_credit_label, "");
}

/* The member chosen in the advance form, or "" when the committee has
 * no members yet (the ledger names the field then). */
static const char *
chosen_member (ClMoneyPage *self)
{
  guint i = gtk_drop_down_get_selected (self->advance_member_dropdown);

  return self->member_names != NULL && i < self->member_names->len ? g_ptr_array_index (self->member_names, i) : "";
}

static void
record_advance (ClMoneyPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkEntry *const entries[] = { self->advance_amount_entry, self->advance_memo_entry };
  gboolean giving = gtk_drop_down_get_selected (self->advance_kind_dropdown) != ADVANCE_RETURN;
  const char *account = chosen_account (self, self->advance_account_dropdown);
  g_autofree char *date = optional_text (self->advance_date_entry);
  g_autofree char *memo = optional_text (self->advance_memo_entry);
  g_autofree char *voucher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *advance = ledger_account_advance_code (chosen_member (self));
  /* The account is --from when giving, --to when taking back; what a
   * member holds is the advance's own account. */
  const ClErrorField fields[] = {
    { "MEMBER", advance, W (self->advance_member_dropdown) },
    { LEDGER_FIELD_AMOUNT, NULL, W (self->advance_amount_entry) },
    { giving ? "--from" : "--to", account, W (self->advance_account_dropdown) },
    { "--date", NULL, W (self->advance_date_entry) },
    { "--memo", NULL, W (self->advance_memo_entry) },
  };
  GtkWidget *failed = NULL;
  gint64 amount;

  if (book == NULL)
    return;
  if (!read_amount (self->advance_amount_entry, _("amount"), FALSE, &amount, &failed, &error) ||
      !(giving ? ledger_advance_give (book, chosen_member (self), amount, account, date, memo, &voucher, &error)
               : ledger_advance_return (book, chosen_member (self), amount, account, date, &voucher, &error)))
    {
      show_refused (self, self->advance_error_label, _("recording the advance"), error, fields,
                    G_N_ELEMENTS (fields), failed);
      return;
    }
  show_recorded (self, self->advance_error_label, voucher, entries, G_N_ELEMENTS (entries),
                 GTK_WIDGET (self->advance_amount_entry));
}

/* ------------------------------------------------------------------ */
/* What the page shows */

/* A row of the accounts or advances list: @title, @subtitle and a
 * figure; a figure below zero is marked, with why, never hidden. */
static GtkWidget *
money_row (const char *title,
           const char *subtitle,
           gint64      fen)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = ledger_money_format (fen);
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (fen < 0)
    subtitle = _("Below zero: the book should never allow this; run Verify the Book");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  set_css_class (label, "error", fen < 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* Removes the rows of @list; its placeholder, a child too, stays. */
static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* Every money account and advance with its balance, and the money
 * accounts, in chart order, as the dropdowns' choices. */
static gboolean
show_accounts (ClMoneyPage  *self,
               LedgerBook   *book,
               GtkStringList *names,
               GError      **error)
{
  g_autoptr(GPtrArray) lines = ledger_account_list (book, error);

  if (lines == NULL)
    return FALSE;
  remove_rows (self->accounts_list);
  g_clear_pointer (&self->account_codes, g_ptr_array_unref);
  self->account_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      const LedgerAccountLine *line = g_ptr_array_index (lines, i);

      if (!ledger_account_is_money (line->code) && !ledger_account_is_advance (line->code))
        continue;
      gtk_list_box_append (self->accounts_list, money_row (line->name, NULL, line->balance));
      if (!ledger_account_is_money (line->code))
        continue;
      g_ptr_array_add (self->account_codes, g_strdup (line->code));
      gtk_string_list_append (names, line->name);
    }
  return TRUE;
}

/* Sets the money accounts on every form, keeping what each had chosen
 * (or its usual account: cash out, bank in). */
static void
set_account_choices (ClMoneyPage *self,
                     GListModel  *names,
                     GPtrArray   *old_codes)
{
  struct { GtkDropDown *dropdown; const char *usual; } choices[] = {
    { self->transfer_from_dropdown, "cash" },
    { self->transfer_to_dropdown, "bank" },
    { self->income_account_dropdown, "bank" },
    { self->refund_account_dropdown, "cash" },
    { self->advance_account_dropdown, "cash" },
  };
  g_autofree const char **had = g_new0 (const char *, G_N_ELEMENTS (choices));

  for (gsize i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      guint selected = gtk_drop_down_get_selected (choices[i].dropdown);

      had[i] = old_codes != NULL && selected < old_codes->len ? g_ptr_array_index (old_codes, selected) : NULL;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      gtk_drop_down_set_model (choices[i].dropdown, names);
      choose_account (self, choices[i].dropdown, had[i] != NULL ? had[i] : choices[i].usual);
    }
}

/* Beside the member chosen in the advance form, what the member holds
 * now: a treasurer takes back at most that, and sees it before typing. */
static void
show_chosen_member_advance (ClMoneyPage *self)
{
  const char *member = chosen_member (self);
  g_autofree char *text = NULL;

  for (guint i = 0; self->advances != NULL && i < self->advances->len; i++)
    {
      const LedgerAdvanceSummary *a = g_ptr_array_index (self->advances, i);
      g_autofree char *open = NULL;

      if (!g_str_equal (a->member, member))
        continue;
      open = ledger_money_format (a->open);
      /* Translators: the member's open advance */
      text = g_strdup_printf (_("Holds %s of advances"), open);
    }
  gtk_label_set_text (self->advance_open_label,
                      text != NULL ? text : member[0] != '\0' ? _("Holds no advance") : "");
}

static void
advance_member_changed_cb (ClMoneyPage *self)
{
  show_chosen_member_advance (self);
}

/* Each member's open advance: given, spent, returned. */
static gboolean
show_advances (ClMoneyPage  *self,
               LedgerBook   *book,
               GError      **error)
{
  g_autoptr(GPtrArray) advances = ledger_advance_list (book, error);

  if (advances == NULL)
    return FALSE;
  g_clear_pointer (&self->advances, g_ptr_array_unref);
  self->advances = g_ptr_array_ref (advances);
  remove_rows (self->advances_list);
  for (guint i = 0; i < advances->len; i++)
    {
      const LedgerAdvanceSummary *a = g_ptr_array_index (advances, i);
      g_autofree char *given = ledger_money_format (a->given);
      g_autofree char *spent = ledger_money_format (a->spent);
      g_autofree char *returned = ledger_money_format (a->returned);
      g_autofree char *detail = g_strdup_printf (_("Given %s · spent %s · returned %s"), given, spent, returned);

      gtk_list_box_append (self->advances_list, money_row (a->member, detail, a->open));
    }
  return TRUE;
}

/* The committee (retired members too: they may still return an
 * advance), keeping the member chosen. */
static void
show_members (ClMoneyPage *self,
              LedgerBook  *book)
{
  g_autoptr(GPtrArray) members = ledger_members_list (book, TRUE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *had = g_strdup (chosen_member (self));
  guint keep = 0;

  g_clear_pointer (&self->member_names, g_ptr_array_unref);
  self->member_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);

      if (g_str_equal (m->name, had))
        keep = i;
      g_ptr_array_add (self->member_names, g_strdup (m->name));
      gtk_string_list_append (names, m->name);
    }
  gtk_drop_down_set_model (self->advance_member_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->advance_member_dropdown, keep);
}

static void
cl_money_page_reload (ClPage     *page,
                      LedgerBook *book)
{
  ClMoneyPage *self = CL_MONEY_PAGE (page);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) old_codes = self->account_codes != NULL ? g_ptr_array_ref (self->account_codes) : NULL;
  g_autoptr(GListModel) vouchers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  char today[11];

  ledger_book_today (book, today);
  title = g_strdup_printf (_("Vouchers of %d"), ledger_date_year (today));
  gtk_label_set_text (self->vouchers_title, title);
  if (!show_accounts (self, book, names, &error) || !show_advances (self, book, &error) ||
      (vouchers = ledger_voucher_model_new (book, ledger_date_year (today), &error)) == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the book"), error);
      return;
    }
  set_account_choices (self, G_LIST_MODEL (names), old_codes);
  show_members (self, book);
  show_chosen_member_advance (self);
  gtk_sort_list_model_set_model (self->voucher_sort, vouchers);
}

/* ------------------------------------------------------------------ */
/* Template callbacks */

/* Editing a field (typing, another choice in a drop-down) takes the
 * form's last complaint away; the field's own mark goes too
 * (cl_field_error_watch()). */
static void
field_changed_cb (ClMoneyPage *self,
                  GtkWidget   *field)
{
  GtkLabel *labels[] = { self->transfer_error_label, self->income_error_label, self->refund_error_label,
                         self->advance_error_label };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_is_ancestor (field, gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (labels[i])))))
      set_error (labels[i], NULL);
  if (field == GTK_WIDGET (self->refund_unit_entry))
    gtk_label_set_text (self->refund_credit_label, "");
}

static void
choice_changed_cb (GtkWidget   *dropdown,
                   GParamSpec  *pspec,
                   ClMoneyPage *self)
{
  field_changed_cb (self, dropdown);
}

/* Enter in the unit: show its credit and offer it, the amount selected
 * to be typed over; Enter again records. */
static void
refund_unit_activate_cb (ClMoneyPage *self)
{
  if (!look_up_refund_unit (self))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->refund_amount_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->refund_amount_entry), 0, -1);
}

/* Tab out of the unit: its credit is shown (and offered) before the
 * amount is typed, as with Enter. */
static void
refund_unit_left_cb (ClMoneyPage *self)
{
  if (gtk_label_get_text (self->refund_credit_label)[0] == '\0')
    look_up_refund_unit (self);
}

/* A category's fund is the one it goes to unless the treasurer says
 * otherwise: rent and advertising are public revenue. */
static void
income_category_changed_cb (ClMoneyPage *self)
{
  LedgerIncomeCategory category = MIN (gtk_drop_down_get_selected (self->income_category_dropdown),
                                       LEDGER_INCOME_OTHER);

  gtk_drop_down_set_selected (self->income_fund_dropdown, ledger_income_category_default_fund (category));
}

/* A returned advance has no memo of its own. */
static void
advance_kind_changed_cb (ClMoneyPage *self)
{
  gboolean giving = gtk_drop_down_get_selected (self->advance_kind_dropdown) != ADVANCE_RETURN;

  gtk_widget_set_sensitive (GTK_WIDGET (self->advance_memo_entry), giving);
}

/* Another form shown: no stale complaint from the last one. */
static void
form_switched_cb (ClMoneyPage *self)
{
  set_error (self->accounts_error_label, NULL);
}

static void
bank_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ClMoneyPage      *self)
{
  g_autofree char *name = optional_text (self->bank_name_entry);

  if (g_str_equal (response, "add"))
    cl_money_page_add_bank_account (self, name != NULL ? name : "");
}

static char *
format_date (gpointer    unused,
             const char *iso_date)
{
  return cl_format_date (iso_date);
}

static char *
format_money (gpointer unused,
              gint64   fen)
{
  return ledger_money_format (fen);
}

/* "transfer" → "Transfer", in the user's language. */
static char *
format_kind (gpointer    unused,
             const char *kind)
{
  return g_strdup (kind != NULL ? ledger_entry_kind_label (kind) : "");
}

/* ------------------------------------------------------------------ */
/* Actions */

static void
show_form_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cl_money_page_show_form (CL_MONEY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
add_bank_account_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ClMoneyPage *self = CL_MONEY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->bank_name_entry), "");
  adw_message_dialog_set_default_response (self->bank_dialog, "add");
  gtk_window_set_transient_for (GTK_WINDOW (self->bank_dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (self->bank_dialog));
  gtk_widget_grab_focus (GTK_WIDGET (self->bank_name_entry));
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Shown (Alt+5, a click in the sidebar): the cursor goes to the form, so
 * that the treasurer types at once and the page's keys (Ctrl+T …), which
 * act only while the focus is inside the page, work straight away. */
static void
cl_money_page_map (GtkWidget *widget)
{
  ClMoneyPage *self = CL_MONEY_PAGE (widget);

  GTK_WIDGET_CLASS (cl_money_page_parent_class)->map (widget);
  cl_money_page_show_form (self, gtk_stack_get_visible_child_name (self->form_stack));
}

static void
cl_money_page_dispose (GObject *object)
{
  ClMoneyPage *self = CL_MONEY_PAGE (object);

  /* A toplevel, outside the template's tree. */
  if (self->bank_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->bank_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_MONEY_PAGE);
  G_OBJECT_CLASS (cl_money_page_parent_class)->dispose (object);
}

static void
cl_money_page_finalize (GObject *object)
{
  ClMoneyPage *self = CL_MONEY_PAGE (object);

  g_clear_pointer (&self->account_codes, g_ptr_array_unref);
  g_clear_pointer (&self->member_names, g_ptr_array_unref);
  g_clear_pointer (&self->advances, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_money_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ClMoneyPage, name)

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-money-page.ui");
  BIND (form_stack);
  BIND (last_voucher_label);
  BIND (vouchers_title);
  BIND (voucher_sort);
  BIND (accounts_list);
  BIND (accounts_error_label);
  BIND (advances_list);
  BIND (bank_dialog);
  BIND (bank_name_entry);
  BIND (transfer_amount_entry);
  BIND (transfer_from_dropdown);
  BIND (transfer_to_dropdown);
  BIND (transfer_fee_entry);
  BIND (transfer_date_entry);
  BIND (transfer_memo_entry);
  BIND (transfer_error_label);
  BIND (income_category_dropdown);
  BIND (income_amount_entry);
  BIND (income_account_dropdown);
  BIND (income_fund_dropdown);
  BIND (income_payer_entry);
  BIND (income_date_entry);
  BIND (income_memo_entry);
  BIND (income_error_label);
  BIND (refund_unit_entry);
  BIND (refund_credit_label);
  BIND (refund_amount_entry);
  BIND (refund_account_dropdown);
  BIND (refund_date_entry);
  BIND (refund_reason_entry);
  BIND (refund_error_label);
  BIND (advance_kind_dropdown);
  BIND (advance_member_dropdown);
  BIND (advance_amount_entry);
  BIND (advance_account_dropdown);
  BIND (advance_date_entry);
  BIND (advance_memo_entry);
  BIND (advance_error_label);
  BIND (advance_open_label);
  gtk_widget_class_bind_template_callback (widget_class, record_transfer);
  gtk_widget_class_bind_template_callback (widget_class, record_income);
  gtk_widget_class_bind_template_callback (widget_class, record_refund);
  gtk_widget_class_bind_template_callback (widget_class, record_advance);
  gtk_widget_class_bind_template_callback (widget_class, advance_member_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, refund_unit_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, income_category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, bank_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_money);
  gtk_widget_class_bind_template_callback (widget_class, format_kind);
}

#undef BIND

/* The page's actions ("money.*") and their keys. */
static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "money.show-form", "s", show_form_action);
  gtk_widget_class_install_action (widget_class, "money.add-bank-account", NULL, add_bank_account_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "money.show-form", "s", "transfer");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "money.show-form", "s", "income");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "money.show-form", "s", "refund");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "money.show-form", "s", "advance");
}

static void
cl_money_page_class_init (ClMoneyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_money_page_dispose;
  object_class->finalize = cl_money_page_finalize;
  widget_class->map = cl_money_page_map;
  CL_PAGE_CLASS (klass)->reload = cl_money_page_reload;

  g_type_ensure (LEDGER_TYPE_VOUCHER_ITEM);
  bind_template (widget_class);
  install_actions (widget_class);
}

/* The fixed choices: the income categories, the funds, give or return. */
static void
fill_fixed_choices (ClMoneyPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) funds = gtk_string_list_new (NULL);
  const char *const kinds[] = { _("Give"), _("Return"), NULL };
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (kinds);

  for (int c = 0; c < LEDGER_INCOME_CATEGORY_COUNT; c++)
    gtk_string_list_append (categories, ledger_income_category_label (c));
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    gtk_string_list_append (funds, ledger_fund_label (f));
  gtk_drop_down_set_model (self->income_fund_dropdown, G_LIST_MODEL (funds));
  gtk_drop_down_set_model (self->income_category_dropdown, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->advance_kind_dropdown, G_LIST_MODEL (kind_list));
  income_category_changed_cb (self);
}

/* What the advances list says while no member was ever given one. */
static void
set_advances_placeholder (ClMoneyPage *self)
{
  GtkWidget *none = gtk_label_new (_("No member has been given an advance"));

  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 12);
  gtk_widget_set_margin_bottom (none, 12);
  gtk_list_box_set_placeholder (self->advances_list, none);
}

/* Every field's error mark goes when it is edited; a drop-down's new
 * choice also takes the form's complaint away, as typing does. */
static void
watch_fields (ClMoneyPage *self)
{
  GtkWidget *entries[] = {
    W (self->transfer_amount_entry), W (self->transfer_fee_entry), W (self->transfer_date_entry),
    W (self->transfer_memo_entry), W (self->income_amount_entry), W (self->income_payer_entry),
    W (self->income_date_entry), W (self->income_memo_entry), W (self->refund_unit_entry),
    W (self->refund_amount_entry), W (self->refund_date_entry), W (self->refund_reason_entry),
    W (self->advance_amount_entry), W (self->advance_date_entry), W (self->advance_memo_entry),
  };
  GtkWidget *dropdowns[] = {
    W (self->transfer_from_dropdown), W (self->transfer_to_dropdown), W (self->income_account_dropdown),
    W (self->refund_account_dropdown), W (self->advance_kind_dropdown), W (self->advance_member_dropdown),
    W (self->advance_account_dropdown),
  };
  GtkEventController *unit_focus = gtk_event_controller_focus_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    cl_field_error_watch (entries[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      cl_field_error_watch (dropdowns[i]);
      g_signal_connect_object (dropdowns[i], "notify::selected", G_CALLBACK (choice_changed_cb), self, 0);
    }
  g_signal_connect_object (unit_focus, "leave", G_CALLBACK (refund_unit_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (W (self->refund_unit_entry), unit_focus);
}

static void
cl_money_page_init (ClMoneyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_fixed_choices (self);
  set_advances_placeholder (self);
  g_signal_connect_object (self->advance_kind_dropdown, "notify::selected", G_CALLBACK (advance_kind_changed_cb),
                           self, G_CONNECT_SWAPPED);
  watch_fields (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

void
cl_money_page_show_form (ClMoneyPage *self,
                         const char  *form)
{
  struct { const char *name; GtkEntry *first; } forms[] = {
    { "transfer", self->transfer_amount_entry },
    { "income", self->income_amount_entry },
    { "refund", self->refund_unit_entry },
    { "advance", self->advance_amount_entry },
  };

  g_return_if_fail (CL_IS_MONEY_PAGE (self));

  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (form, forms[i].name) == 0)
      {
        gtk_stack_set_visible_child_name (self->form_stack, form);
        gtk_widget_grab_focus (GTK_WIDGET (forms[i].first));
      }
}

gboolean
cl_money_page_add_bank_account (ClMoneyPage *self,
                                const char  *name)
{
  LedgerBook *book;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL, *escaped = NULL;

  g_return_val_if_fail (CL_IS_MONEY_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  book = cl_page_get_book (CL_PAGE (self));
  if (book == NULL)
    return FALSE;
  code = g_strconcat ("bank:", name, NULL);
  if (!ledger_bank_account_add (book, code, &error))
    {
      if (error->domain == LEDGER_ERROR && error->code != LEDGER_ERROR_VERIFY)
        set_error (self->accounts_error_label, error->message);
      else
        cl_window_show_error (GTK_WIDGET (self), _("adding the bank account"), error);
      return FALSE;
    }
  set_error (self->accounts_error_label, NULL);
  /* A toast's title is markup: the name is the treasurer's text. */
  escaped = g_markup_escape_text (name, -1);
  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Bank account %s added"), escaped));
  return TRUE;
}

/* cl-opening-dialog.c — the guided opening-balances form (期初)
 *
 * Four steps in a stack: the date; the money accounts (a line per account
 * and fund, named bank accounts added here); the households' unpaid
 * charges of earlier years and their credit; a summary by account and by
 * fund. The lines become a ClOpeningPlan (cl-opening-plan.c): checked
 * together on a scratch copy of the book before the summary shows, then
 * written line by line by the same ledger calls as the command line's
 * `opening` commands. A line refused there (the book changed meanwhile)
 * is named with its reason; the lines before it are in the book and are
 * marked saved, so that saving again after the correction never enters
 * them twice.
 *
 * The form can be left and come back to while the ledger takes opening
 * entries (ledger_opening_accepts()): what the book has already
 * (ledger_opening_list()) is shown as saved lines, greyed, counted in the
 * summary's totals and never written again, at the date it was entered
 * as at; only what is still missing is offered.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "cl-feedback.h"
#include "cl-opening-dialog.h"
#include "cl-opening-plan.h"

/* The steps, in the order of the stack's pages. */
static const char *const step_names[] = { "date", "money", "households", "summary" };
enum { STEP_DATE, STEP_MONEY, STEP_HOUSEHOLDS, STEP_SUMMARY, N_STEPS };

/* What every line of the form has: the widget to show when it is refused
 * and whether it is in the book already. */
typedef struct
{
  GtkWidget *focus;
  GtkWidget *row;     /* the list row, NULL for a bank account */
  int        step;
  gboolean   saved;
  gboolean   entered;  /* in the book before the form was opened */
} FormLine;

typedef struct
{
  FormLine base;
  char    *code;      /* "bank:NAME" */
} BankLine;

typedef struct
{
  FormLine     base;
  GtkDropDown *account;
  GtkDropDown *fund;
  GtkEntry    *amount;
} BalanceLine;

typedef struct
{
  FormLine       base;
  GtkEntry      *unit;
  GtkDropDown   *fee;
  GtkSpinButton *year;
  GtkEntry      *amount;
} ArrearsLine;

typedef struct
{
  FormLine  base;
  GtkEntry *unit;
  GtkEntry *amount;
} CreditLine;

struct _ClOpeningDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *next_button;
  GtkWidget      *save_button;
  GtkLabel       *error_label;
  GtkStack       *steps;
  GtkEntry       *date_entry;
  GtkLabel       *entered_label;
  GtkEntry       *bank_name_entry;
  GtkListBox     *balance_list;
  GtkListBox     *arrears_list;
  GtkListBox     *credit_list;
  GtkLabel       *summary_intro_label;
  GtkListBox     *summary_accounts_list;
  GtkListBox     *summary_funds_list;
  GtkListBox     *summary_lines_list;

  /* Owned references */
  LedgerBook     *book;
  GtkStringList  *account_labels; /* the account drop-downs' model */
  GPtrArray      *account_codes;  /* parallel to it */
  GtkStringList  *fund_labels;
  GtkStringList  *fee_labels;
  GPtrArray      *fee_codes;      /* parallel to it */
  GPtrArray      *banks;          /* of BankLine */
  GPtrArray      *balances;       /* of BalanceLine */
  GPtrArray      *arrears;        /* of ArrearsLine */
  GPtrArray      *credits;        /* of CreditLine */
  ClOpeningPlan  *plan;           /* the lines last checked, or NULL */
  GPtrArray      *plan_lines;     /* FormLine of each plan line (borrowed) */

  int             step;
  int             this_year;
  guint           default_fee;    /* the property fee's position, else 0 */
};

G_DEFINE_FINAL_TYPE (ClOpeningDialog, cl_opening_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* Messages and steps */

static void
show_error (ClOpeningDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The ledger names command-line options in its messages ("--date: …"):
 * the form drops the dashes. */
static const char *
without_dashes (const char *message)
{
  return g_str_has_prefix (message, "--") ? message + 2 : message;
}

/* The first line of @lines still to fill in (not saved), or NULL. */
static FormLine *
first_open_line (GPtrArray *lines)
{
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    if (!((FormLine *) g_ptr_array_index (lines, i))->saved)
      return g_ptr_array_index (lines, i);
  return NULL;
}

/* Each step starts with its first field focused, for the keyboard (the
 * first line still to fill in: saved lines are greyed). */
static void
focus_step (ClOpeningDialog *self,
            int              step)
{
  FormLine *line = step == STEP_MONEY ? first_open_line (self->balances)
                   : step == STEP_HOUSEHOLDS ? first_open_line (self->arrears) : NULL;

  if (step == STEP_HOUSEHOLDS && line == NULL)
    line = first_open_line (self->credits);
  if (step == STEP_DATE && gtk_editable_get_editable (GTK_EDITABLE (self->date_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  else if (line != NULL)
    gtk_widget_grab_focus (line->focus);
  else
    gtk_widget_grab_focus (step == STEP_SUMMARY ? self->save_button : self->next_button);
}

static void
go_to_step (ClOpeningDialog *self,
            int              step)
{
  g_autofree char *subtitle = NULL;

  self->step = step;
  gtk_stack_set_visible_child_name (self->steps, step_names[step]);
  /* Translators: the opening-balances form's progress, "Step 2 of 4". */
  subtitle = g_strdup_printf (_("Step %d of %d"), step + 1, N_STEPS);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->next_button, step != STEP_SUMMARY);
  gtk_widget_set_visible (self->save_button, step == STEP_SUMMARY);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 step == STEP_SUMMARY ? self->save_button : self->next_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opening.back", step > STEP_DATE);
  focus_step (self, step);
}

/* Marks @widget as the one in error (or clears the mark). */
static void
mark_error (GtkWidget *widget,
            gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* Shows the step of @line, marks and focuses its widget. */
static void
point_at (ClOpeningDialog *self,
          FormLine        *line)
{
  go_to_step (self, line->step);
  mark_error (line->focus, TRUE);
  gtk_widget_grab_focus (line->focus);
}

/* ------------------------------------------------------------------ */
/* The lines of the form */

static void
bank_line_free (BankLine *line)
{
  g_free (line->code);
  g_free (line);
}

/* A widget named NAME-N, so that tests find each line's fields. */
static void
name_widget (GtkWidget  *widget,
             const char *name,
             guint       n)
{
  g_autofree char *full = g_strdup_printf ("%s-%u", name, n);

  gtk_widget_set_name (widget, full);
}

static GtkEntry *
amount_entry_new (const char *name,
                  guint       n)
{
  GtkWidget *entry = gtk_entry_new ();

  name_widget (entry, name, n);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Amount"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  return GTK_ENTRY (entry);
}

static GtkEntry *
unit_entry_new (const char *name,
                guint       n)
{
  GtkWidget *entry = gtk_entry_new ();

  name_widget (entry, name, n);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Unit, e.g. 3-2-301"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  return GTK_ENTRY (entry);
}

/* A row of @list holding @children side by side. */
static GtkWidget *
append_row (GtkListBox *list,
            GtkWidget **children,
            guint       n_children)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (guint i = 0; i < n_children; i++)
    gtk_box_append (GTK_BOX (box), children[i]);
  gtk_list_box_append (list, box);
  return gtk_widget_get_parent (box);
}

/* A money line: @code's account (its position in the drop-down), the
 * operating fund, an empty amount. */
static void
add_balance_line (ClOpeningDialog *self,
                  guint            account)
{
  BalanceLine *line = g_new0 (BalanceLine, 1);
  guint n = self->balances->len;
  GtkWidget *children[3];

  line->account = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->account_labels)), NULL));
  line->fund = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->fund_labels)), NULL));
  line->amount = amount_entry_new ("balance-amount", n);
  name_widget (GTK_WIDGET (line->account), "balance-account", n);
  name_widget (GTK_WIDGET (line->fund), "balance-fund", n);
  gtk_drop_down_set_selected (line->account, account);
  gtk_drop_down_set_selected (line->fund, LEDGER_FUND_OPERATING);
  gtk_widget_set_hexpand (GTK_WIDGET (line->account), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (line->fund), 190, -1);
  children[0] = GTK_WIDGET (line->account);
  children[1] = GTK_WIDGET (line->fund);
  children[2] = GTK_WIDGET (line->amount);
  line->base.row = append_row (self->balance_list, children, 3);
  line->base.focus = GTK_WIDGET (line->amount);
  line->base.step = STEP_MONEY;
  g_ptr_array_add (self->balances, line);
}

static void
add_arrears_line (ClOpeningDialog *self)
{
  ArrearsLine *line = g_new0 (ArrearsLine, 1);
  guint n = self->arrears->len;
  GtkWidget *children[4];

  line->unit = unit_entry_new ("arrears-unit", n);
  line->fee = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->fee_labels)), NULL));
  line->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, self->this_year, 1));
  line->amount = amount_entry_new ("arrears-amount", n);
  name_widget (GTK_WIDGET (line->fee), "arrears-fee", n);
  name_widget (GTK_WIDGET (line->year), "arrears-year", n);
  gtk_spin_button_set_value (line->year, self->this_year - 1);
  gtk_drop_down_set_selected (line->fee, self->default_fee);
  children[0] = GTK_WIDGET (line->unit);
  children[1] = GTK_WIDGET (line->fee);
  children[2] = GTK_WIDGET (line->year);
  children[3] = GTK_WIDGET (line->amount);
  line->base.row = append_row (self->arrears_list, children, 4);
  line->base.focus = GTK_WIDGET (line->unit);
  line->base.step = STEP_HOUSEHOLDS;
  g_ptr_array_add (self->arrears, line);
}

static void
add_credit_line (ClOpeningDialog *self)
{
  CreditLine *line = g_new0 (CreditLine, 1);
  guint n = self->credits->len;
  GtkWidget *children[2];

  line->unit = unit_entry_new ("credit-unit", n);
  line->amount = amount_entry_new ("credit-amount", n);
  children[0] = GTK_WIDGET (line->unit);
  children[1] = GTK_WIDGET (line->amount);
  line->base.row = append_row (self->credit_list, children, 2);
  line->base.focus = GTK_WIDGET (line->unit);
  line->base.step = STEP_HOUSEHOLDS;
  g_ptr_array_add (self->credits, line);
}

/* An account the drop-downs offer: its code and its name on the screen. */
static void
offer_account (ClOpeningDialog *self,
               const char      *code)
{
  g_autofree char *label = cl_opening_account_label (code);

  g_ptr_array_add (self->account_codes, g_strdup (code));
  gtk_string_list_append (self->account_labels, label);
}

/* The book's money accounts, offered in the drop-downs. */
static void
load_accounts (ClOpeningDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ledger_account_list (self->book, &error);

  if (accounts == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      LedgerAccountLine *account = g_ptr_array_index (accounts, i);

      if (ledger_account_is_money (account->code))
        offer_account (self, account->code);
    }
}

/* The fee items, each code once, as "Name (code)". */
static void
load_fees (ClOpeningDialog *self)
{
  g_autoptr(GPtrArray) fees = ledger_fee_list_versions (self->book, NULL);

  for (guint i = 0; fees != NULL && i < fees->len; i++)
    {
      LedgerFee *fee = g_ptr_array_index (fees, i);
      g_autofree char *label = NULL;

      if (g_ptr_array_find_with_equal_func (self->fee_codes, fee->code, g_str_equal, NULL))
        continue;
      label = g_strdup_printf ("%s (%s)", fee->name, fee->code);
      /* Arrears are mostly of the property fee: it is offered first. */
      if (g_str_equal (fee->code, "property"))
        self->default_fee = self->fee_codes->len;
      g_ptr_array_add (self->fee_codes, g_strdup (fee->code));
      gtk_string_list_append (self->fee_labels, label);
    }
}

/* ------------------------------------------------------------------ */
/* What the book has already */

/* @line, entered before: saved, greyed, never written again. */
static void
freeze_entered (FormLine *line)
{
  line->saved = TRUE;
  line->entered = TRUE;
  gtk_widget_set_sensitive (line->row, FALSE);
}

static void
set_amount_text (GtkEntry *entry,
                 gint64    fen)
{
  g_autofree char *text = ledger_money_format_plain (fen);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The position of @code in @codes (0 when missing: it never is, the
 * ledger only opens accounts and fees the book has). */
static guint
position_of (GPtrArray  *codes,
             const char *code)
{
  guint i = 0;

  g_ptr_array_find_with_equal_func (codes, code, g_str_equal, &i);
  return i;
}

/* An opening entry of the book as a saved line of the form. */
static void
show_entered_line (ClOpeningDialog         *self,
                   const LedgerOpeningLine *entered)
{
  if (g_str_equal (entered->kind, "balance"))
    {
      BalanceLine *line;

      add_balance_line (self, position_of (self->account_codes, entered->account));
      line = g_ptr_array_index (self->balances, self->balances->len - 1);
      gtk_drop_down_set_selected (line->fund, entered->fund);
      set_amount_text (line->amount, entered->amount);
      freeze_entered (&line->base);
    }
  else if (g_str_equal (entered->kind, "arrears"))
    {
      ArrearsLine *line;

      add_arrears_line (self);
      line = g_ptr_array_index (self->arrears, self->arrears->len - 1);
      gtk_editable_set_text (GTK_EDITABLE (line->unit), entered->unit);
      gtk_drop_down_set_selected (line->fee, position_of (self->fee_codes, entered->fee_code));
      gtk_spin_button_set_range (line->year, MIN (2000, entered->year), self->this_year);
      gtk_spin_button_set_value (line->year, entered->year);
      set_amount_text (line->amount, entered->amount);
      freeze_entered (&line->base);
    }
  else
    {
      CreditLine *line;

      add_credit_line (self);
      line = g_ptr_array_index (self->credits, self->credits->len - 1);
      gtk_editable_set_text (GTK_EDITABLE (line->unit), entered->unit);
      set_amount_text (line->amount, entered->amount);
      freeze_entered (&line->base);
    }
}

/* Whether a balance of @account in @fund is entered already. */
static gboolean
balance_entered (ClOpeningDialog *self,
                 guint            account,
                 LedgerFund       fund)
{
  for (guint i = 0; i < self->balances->len; i++)
    {
      BalanceLine *line = g_ptr_array_index (self->balances, i);

      if (line->base.entered && gtk_drop_down_get_selected (line->account) == account &&
          gtk_drop_down_get_selected (line->fund) == (guint) fund)
        return TRUE;
    }
  return FALSE;
}

/* A line to fill in for each money account, in the first fund it has no
 * balance in yet; none for an account with a balance in every fund (a
 * second balance for an account and fund is refused: docs/money.md). */
static void
offer_missing_balances (ClOpeningDialog *self)
{
  for (guint account = 0; account < self->account_codes->len; account++)
    for (int fund = 0; fund < LEDGER_FUND_COUNT; fund++)
      if (!balance_entered (self, account, fund))
        {
          BalanceLine *line;

          add_balance_line (self, account);
          line = g_ptr_array_index (self->balances, self->balances->len - 1);
          gtk_drop_down_set_selected (line->fund, fund);
          break;
        }
}

/* The book's opening entries, if any: shown as saved lines, and the date
 * fixed to theirs (the paper ledger's balances are as at one day). */
static void
load_entered (ClOpeningDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entered = ledger_opening_list (self->book, &error);
  g_autofree char *text = NULL;
  gboolean any_balance = FALSE;
  char date[11];

  if (entered == NULL || !ledger_opening_default_date (self->book, date, &error))
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < entered->len; i++)
    show_entered_line (self, g_ptr_array_index (entered, i));
  if (entered->len == 0)
    return;
  /* With no balance yet, the date of the first arrears or credit. */
  for (guint i = 0; i < entered->len; i++)
    any_balance |= g_str_equal (((LedgerOpeningLine *) g_ptr_array_index (entered, i))->kind, "balance");
  if (!any_balance)
    g_strlcpy (date, ((LedgerOpeningLine *) g_ptr_array_index (entered, 0))->date, sizeof date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_editable_set_editable (GTK_EDITABLE (self->date_entry), FALSE);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The book has %u opening entry already, as at %s. It is shown greyed on "
                                       "the next steps and counted in the summary; add what is still missing.",
                                       "The book has %u opening entries already, as at %s. They are shown greyed "
                                       "on the next steps and counted in the summary; add what is still missing.",
                                       entered->len),
                          entered->len, date);
  gtk_label_set_text (self->entered_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->entered_label), TRUE);
}

/* ------------------------------------------------------------------ */
/* The plan: the form's lines in the order they are written */

static gboolean
entry_is_empty (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text == '\0';
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The amount of @entry, or FALSE with the form pointing at it. */
static gboolean
read_amount (ClOpeningDialog *self,
             FormLine        *line,
             GtkEntry        *entry,
             gint64          *out_fen)
{
  g_autofree char *text = entry_text (entry);
  g_autoptr(GError) error = NULL;

  if (ledger_money_parse (text, _("amount"), LEDGER_MONEY_POSITIVE, out_fen, &error))
    return TRUE;
  show_error (self, error->message);
  line->focus = GTK_WIDGET (entry);
  point_at (self, line);
  return FALSE;
}

static void
plan_line (ClOpeningDialog *self,
           FormLine        *line)
{
  cl_opening_plan_get_line (self->plan, cl_opening_plan_get_n_lines (self->plan) - 1)->saved = line->saved;
  g_ptr_array_add (self->plan_lines, line);
}

static gboolean
plan_balances (ClOpeningDialog *self)
{
  for (guint i = 0; i < self->balances->len; i++)
    {
      BalanceLine *line = g_ptr_array_index (self->balances, i);
      guint account = gtk_drop_down_get_selected (line->account);
      gint64 fen;

      if (entry_is_empty (line->amount) && !line->base.saved)
        continue;
      if (!read_amount (self, &line->base, line->amount, &fen))
        return FALSE;
      cl_opening_plan_add_balance (self->plan, g_ptr_array_index (self->account_codes, account),
                                   (LedgerFund) gtk_drop_down_get_selected (line->fund), fen);
      plan_line (self, &line->base);
    }
  return TRUE;
}

/* An arrears or credit line needs its unit. */
static gboolean
read_unit (ClOpeningDialog *self,
           FormLine        *line,
           GtkEntry        *entry,
           char           **out_unit)
{
  *out_unit = entry_text (entry);
  if (**out_unit != '\0')
    return TRUE;
  show_error (self, _("unit: enter the household's unit"));
  line->focus = GTK_WIDGET (entry);
  point_at (self, line);
  return FALSE;
}

static gboolean
plan_arrears (ClOpeningDialog *self)
{
  for (guint i = 0; i < self->arrears->len; i++)
    {
      ArrearsLine *line = g_ptr_array_index (self->arrears, i);
      guint fee = gtk_drop_down_get_selected (line->fee);
      g_autofree char *unit = NULL;
      gint64 fen;

      if (entry_is_empty (line->unit) && entry_is_empty (line->amount) && !line->base.saved)
        continue;
      if (!read_unit (self, &line->base, line->unit, &unit) ||
          !read_amount (self, &line->base, line->amount, &fen))
        return FALSE;
      line->base.focus = GTK_WIDGET (line->unit);
      cl_opening_plan_add_arrears (self->plan, unit,
                                   fee < self->fee_codes->len ? g_ptr_array_index (self->fee_codes, fee) : "",
                                   gtk_spin_button_get_value_as_int (line->year), fen);
      plan_line (self, &line->base);
    }
  return TRUE;
}

static gboolean
plan_credits (ClOpeningDialog *self)
{
  for (guint i = 0; i < self->credits->len; i++)
    {
      CreditLine *line = g_ptr_array_index (self->credits, i);
      g_autofree char *unit = NULL;
      gint64 fen;

      if (entry_is_empty (line->unit) && entry_is_empty (line->amount) && !line->base.saved)
        continue;
      if (!read_unit (self, &line->base, line->unit, &unit) ||
          !read_amount (self, &line->base, line->amount, &fen))
        return FALSE;
      line->base.focus = GTK_WIDGET (line->unit);
      cl_opening_plan_add_credit (self->plan, unit, fen);
      plan_line (self, &line->base);
    }
  return TRUE;
}

/* How many lines of the plan were not in the book when the form opened:
 * those this form enters. */
static guint
count_new_lines (ClOpeningDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->plan_lines->len; i++)
    n += !((FormLine *) g_ptr_array_index (self->plan_lines, i))->entered;
  return n;
}

/* How many lines of the plan are still to be written. */
static guint
count_unsaved_lines (ClOpeningDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < cl_opening_plan_get_n_lines (self->plan); i++)
    n += !cl_opening_plan_get_line (self->plan, i)->saved;
  return n;
}

/* The plan from the form: bank accounts to add, balances, arrears,
 * credit. FALSE, with the form pointing at the line, when a field
 * cannot be read. */
static gboolean
make_plan (ClOpeningDialog *self)
{
  g_autofree char *date_text = entry_text (self->date_entry);
  g_autoptr(GError) error = NULL;
  char date[11];

  g_clear_pointer (&self->plan, cl_opening_plan_free);
  g_ptr_array_set_size (self->plan_lines, 0);
  if (!ledger_date_parse (date_text, _("date"), date, &error))
    {
      show_error (self, error->message);
      go_to_step (self, STEP_DATE);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return FALSE;
    }
  self->plan = cl_opening_plan_new (date);
  for (guint i = 0; i < self->banks->len; i++)
    {
      BankLine *line = g_ptr_array_index (self->banks, i);

      cl_opening_plan_add_bank (self->plan, line->code);
      plan_line (self, &line->base);
    }
  if (!plan_balances (self) || !plan_arrears (self) || !plan_credits (self))
    return FALSE;
  /* A plan whose lines are all saved already (one was refused while
   * writing, then taken out) goes on to a summary that Save closes. */
  if (count_new_lines (self) == 0)
    {
      show_error (self, _("There is nothing to write: enter at least one amount."));
      return FALSE;
    }
  return TRUE;
}

/* "Line 5 of 9 (3-2-301 has a credit of ¥200.00)" */
static char *
describe_plan_line (ClOpeningDialog *self,
                    guint            index)
{
  g_autofree char *what = cl_opening_line_describe (cl_opening_plan_get_line (self->plan, index));

  /* Translators: a line of the opening-balances form: its number, how
   * many there are, what it says. */
  return g_strdup_printf (_("Line %u of %u (%s)"), index + 1, cl_opening_plan_get_n_lines (self->plan), what);
}

/* ------------------------------------------------------------------ */
/* The summary */

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A row "TITLE  AMOUNT" (or TITLE and a word instead of an amount). */
static void
append_summary_row (GtkListBox *list,
                    const char *name,
                    const char *title,
                    const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  if (name != NULL)
    gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (label, "numeric");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

static void
append_money_row (GtkListBox *list,
                  const char *name,
                  const char *title,
                  gint64      fen)
{
  g_autofree char *amount = ledger_money_format (fen);

  append_summary_row (list, name, title, amount);
}

/* Money accounts, then the households' side: what they owe the
 * committee and what it owes them. The total equals the funds' total. */
static void
show_accounts_summary (ClOpeningDialog *self)
{
  gint64 arrears = cl_opening_plan_total (self->plan, CL_OPENING_LINE_ARREARS);
  gint64 credit = cl_opening_plan_total (self->plan, CL_OPENING_LINE_CREDIT);

  clear_list (self->summary_accounts_list);
  for (guint i = 0; i < self->account_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->account_codes, i);
      gint64 total = cl_opening_plan_balance_total (self->plan, code, -1);
      g_autofree char *label = NULL;

      if (total == 0)
        continue;
      label = cl_opening_account_label (code);
      append_money_row (self->summary_accounts_list, NULL, label, total);
    }
  if (arrears != 0)
    append_money_row (self->summary_accounts_list, NULL, _("Households' unpaid charges"), arrears);
  if (credit != 0)
    append_money_row (self->summary_accounts_list, NULL, _("Households' credit (owed to them)"), -credit);
  append_money_row (self->summary_accounts_list, "opening-summary-accounts-total", _("Total"),
                    cl_opening_plan_balance_total (self->plan, NULL, -1) + arrears - credit);
}

/* Each fund: its balances; the operating fund also holds the
 * households' arrears less their credit (docs/money.md). */
static void
show_funds_summary (ClOpeningDialog *self)
{
  gint64 households = cl_opening_plan_total (self->plan, CL_OPENING_LINE_ARREARS) -
                      cl_opening_plan_total (self->plan, CL_OPENING_LINE_CREDIT);
  gint64 total = 0;

  clear_list (self->summary_funds_list);
  for (int fund = 0; fund < LEDGER_FUND_COUNT; fund++)
    {
      gint64 fen = cl_opening_plan_balance_total (self->plan, NULL, fund) +
                   (fund == LEDGER_FUND_OPERATING ? households : 0);
      g_autofree char *name = g_strdup_printf ("opening-summary-fund-%s", ledger_fund_to_string (fund));

      append_money_row (self->summary_funds_list, name, ledger_fund_label (fund), fen);
      total += fen;
    }
  append_money_row (self->summary_funds_list, "opening-summary-funds-total", _("Total"), total);
}

static void
show_lines_summary (ClOpeningDialog *self)
{
  clear_list (self->summary_lines_list);
  for (guint i = 0; i < cl_opening_plan_get_n_lines (self->plan); i++)
    {
      ClOpeningLine *line = cl_opening_plan_get_line (self->plan, i);
      g_autofree char *what = cl_opening_line_describe (line);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, what);

      append_summary_row (self->summary_lines_list, NULL, title, line->saved ? _("Saved") : "");
    }
}

static void
show_summary (ClOpeningDialog *self)
{
  g_autofree char *date = NULL;
  g_autofree char *intro = NULL;
  guint n = count_unsaved_lines (self);

  date = g_strdup (cl_opening_plan_get_date (self->plan));
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "As at %s. The line below was checked against a copy of the book and "
                                        "would be accepted. Nothing has been written yet: Save writes it.",
                                        "As at %s. The %u lines below were checked together against a copy of "
                                        "the book and would be accepted. Nothing has been written yet: Save "
                                        "writes them, in this order, each as its own entry.", n),
                           date, n);
  if (n < cl_opening_plan_get_n_lines (self->plan))
    {
      g_autofree char *more = g_strconcat (intro, " ", _("The lines marked Saved are in the book already."), NULL);

      g_free (intro);
      intro = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->summary_intro_label, intro);
  show_accounts_summary (self);
  show_funds_summary (self);
  show_lines_summary (self);
  go_to_step (self, STEP_SUMMARY);
}

/* ------------------------------------------------------------------ */
/* Checking and saving */

static void
clear_marks (ClOpeningDialog *self)
{
  GPtrArray *all[] = { self->balances, self->arrears, self->credits };

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->bank_name_entry), "error");
  for (guint a = 0; a < G_N_ELEMENTS (all); a++)
    for (guint i = 0; i < all[a]->len; i++)
      {
        FormLine *line = g_ptr_array_index (all[a], i);
        GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (line->row)));

        for (; child != NULL; child = gtk_widget_get_next_sibling (child))
          mark_error (child, FALSE);
      }
}

/* The plan, checked on a copy of the book; then the summary. */
static void
check_and_summarise (ClOpeningDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint failed;

  clear_marks (self);
  if (!make_plan (self))
    return;
  if (!cl_opening_plan_rehearse (self->plan, self->book, &failed, &error))
    {
      g_autofree char *line = NULL;
      g_autofree char *message = NULL;

      if (failed == G_MAXUINT)
        {
          message = g_strdup_printf (_("The lines could not be checked: %s"), error->message);
          show_error (self, message);
          return;
        }
      line = describe_plan_line (self, failed);
      /* Translators: "Line 5 of 9 (…) would be refused: REASON. Nothing was written." */
      message = g_strdup_printf (_("%s would be refused: %s. Nothing was written."), line,
                                 without_dashes (error->message));
      show_error (self, message);
      point_at (self, g_ptr_array_index (self->plan_lines, failed));
      return;
    }
  show_error (self, NULL);
  show_summary (self);
}

/* Saved lines are not to be changed: they are in the book. */
static void
freeze_saved_lines (ClOpeningDialog *self)
{
  for (guint i = 0; i < self->plan_lines->len; i++)
    {
      FormLine *line = g_ptr_array_index (self->plan_lines, i);

      line->saved = cl_opening_plan_get_line (self->plan, i)->saved;
      if (line->saved && line->row != NULL)
        gtk_widget_set_sensitive (line->row, FALSE);
    }
}

static void
saved (ClOpeningDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n = count_new_lines (self);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opening balances saved: %u line",
                                                         "Opening balances saved: %u lines", n), n);

  if (parent != NULL)
    cl_window_add_toast (GTK_WIDGET (parent), adw_toast_new (title));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A line refused while writing for real: which, why, and where the book
 * stands (the lines before it are written, each a whole entry). */
static void
show_refused (ClOpeningDialog *self,
              guint            failed,
              const GError    *error)
{
  g_autofree char *line = describe_plan_line (self, failed);
  g_autofree char *message = NULL;

  if (failed == 0 || cl_opening_plan_get_line (self->plan, failed - 1)->saved == FALSE)
    message = g_strdup_printf (_("%s was refused: %s. Nothing more was written. Correct it and save again."),
                               line, without_dashes (error->message));
  else
    message = g_strdup_printf (_("%s was refused: %s. The lines before it are saved in the book, each as "
                                 "a whole entry, and will not be written again; the lines from this one on "
                                 "are not. Correct it and save again, or cancel to leave them out."),
                               line, without_dashes (error->message));
  show_error (self, message);
  gtk_label_set_text (self->summary_intro_label,
                      _("The lines marked Saved are in the book; the others are not written yet."));
  show_lines_summary (self);
}

static void
save_plan (ClOpeningDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint failed;

  if (self->plan == NULL)
    return;
  if (cl_opening_plan_apply (self->plan, self->book, &failed, &error))
    {
      freeze_saved_lines (self);
      saved (self);
      return;
    }
  freeze_saved_lines (self);
  if (failed == G_MAXUINT)
    {
      cl_window_show_error (GTK_WIDGET (self), _("saving the opening balances"), error);
      return;
    }
  show_refused (self, failed, error);
}

/* ------------------------------------------------------------------ */
/* Actions */

/* opening.next (Enter): the date is read, the households' step ends with
 * the check of every line and the summary. */
static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (widget);
  g_autofree char *text = entry_text (self->date_entry);
  g_autoptr(GError) error = NULL;
  char date[11];

  switch (self->step)
    {
    case STEP_DATE:
      if (!ledger_date_parse (text, _("date"), date, &error))
        {
          show_error (self, error->message);
          mark_error (GTK_WIDGET (self->date_entry), TRUE);
          return;
        }
      show_error (self, NULL);
      mark_error (GTK_WIDGET (self->date_entry), FALSE);
      go_to_step (self, STEP_MONEY);
      break;
    case STEP_MONEY:
      show_error (self, NULL);
      go_to_step (self, STEP_HOUSEHOLDS);
      break;
    case STEP_HOUSEHOLDS:
      check_and_summarise (self);
      break;
    default:
      break;
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (widget);

  if (self->step > STEP_DATE)
    go_to_step (self, self->step - 1);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (widget);

  if (self->step == STEP_SUMMARY)
    save_plan (self);
}

/* opening.add-bank: a named bank account, offered at once in every
 * account drop-down with a line of its own; it is added to the book,
 * before the balances, on Save. */
static void
add_bank_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (widget);
  g_autofree char *name = entry_text (self->bank_name_entry);
  g_autofree char *typed = g_strconcat ("bank:", name, NULL);
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;
  BankLine *line;

  code = ledger_money_account_parse (typed, _("bank account"), &error);
  if (code == NULL || !ledger_account_name_check (name, _("bank account"), &error))
    {
      show_error (self, error->message);
      mark_error (GTK_WIDGET (self->bank_name_entry), TRUE);
      return;
    }
  if (g_ptr_array_find_with_equal_func (self->account_codes, code, g_str_equal, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("bank account: the book has %s already"), code);

      show_error (self, message);
      mark_error (GTK_WIDGET (self->bank_name_entry), TRUE);
      return;
    }
  line = g_new0 (BankLine, 1);
  line->code = g_steal_pointer (&code);
  line->base.focus = GTK_WIDGET (self->bank_name_entry);
  line->base.step = STEP_MONEY;
  g_ptr_array_add (self->banks, line);
  offer_account (self, line->code);
  add_balance_line (self, self->account_codes->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->bank_name_entry), "");
  mark_error (GTK_WIDGET (self->bank_name_entry), FALSE);
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (((BalanceLine *) g_ptr_array_index (self->balances,
                                                                         self->balances->len - 1))->amount));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (widget);

  if (g_str_equal (action_name, "opening.add-balance"))
    add_balance_line (self, 0);
  else if (g_str_equal (action_name, "opening.add-arrears"))
    add_arrears_line (self);
  else
    add_credit_line (self);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

static void
cl_opening_dialog_dispose (GObject *object)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (object);

  g_clear_pointer (&self->plan, cl_opening_plan_free);
  g_clear_object (&self->book);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_OPENING_DIALOG);
  G_OBJECT_CLASS (cl_opening_dialog_parent_class)->dispose (object);
}

static void
cl_opening_dialog_finalize (GObject *object)
{
  ClOpeningDialog *self = CL_OPENING_DIALOG (object);

  g_clear_object (&self->account_labels);
  g_clear_object (&self->fund_labels);
  g_clear_object (&self->fee_labels);
  g_clear_pointer (&self->account_codes, g_ptr_array_unref);
  g_clear_pointer (&self->fee_codes, g_ptr_array_unref);
  g_clear_pointer (&self->plan_lines, g_ptr_array_unref);
  g_clear_pointer (&self->banks, g_ptr_array_unref);
  g_clear_pointer (&self->balances, g_ptr_array_unref);
  g_clear_pointer (&self->arrears, g_ptr_array_unref);
  g_clear_pointer (&self->credits, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_opening_dialog_parent_class)->finalize (object);
}

static void
cl_opening_dialog_class_init (ClOpeningDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_opening_dialog_dispose;
  object_class->finalize = cl_opening_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-opening-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, entered_label);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, bank_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, balance_list);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, arrears_list);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, credit_list);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, summary_intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, summary_accounts_list);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, summary_funds_list);
  gtk_widget_class_bind_template_child (widget_class, ClOpeningDialog, summary_lines_list);

  gtk_widget_class_install_action (widget_class, "opening.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "opening.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "opening.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "opening.add-bank", NULL, add_bank_action);
  gtk_widget_class_install_action (widget_class, "opening.add-balance", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "opening.add-arrears", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "opening.add-credit", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_opening_dialog_init (ClOpeningDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->account_labels = gtk_string_list_new (NULL);
  self->account_codes = g_ptr_array_new_with_free_func (g_free);
  self->fund_labels = gtk_string_list_new (NULL);
  for (int fund = 0; fund < LEDGER_FUND_COUNT; fund++)
    gtk_string_list_append (self->fund_labels, ledger_fund_label (fund));
  self->fee_labels = gtk_string_list_new (NULL);
  self->fee_codes = g_ptr_array_new_with_free_func (g_free);
  self->banks = g_ptr_array_new_with_free_func ((GDestroyNotify) bank_line_free);
  self->balances = g_ptr_array_new_with_free_func (g_free);
  self->arrears = g_ptr_array_new_with_free_func (g_free);
  self->credits = g_ptr_array_new_with_free_func (g_free);
  self->plan_lines = g_ptr_array_new ();
  go_to_step (self, STEP_DATE);
}

/* ------------------------------------------------------------------ */
/* Public API */

ClOpeningDialog *
cl_opening_dialog_new (GtkWindow  *parent,
                       LedgerBook *book)
{
  ClOpeningDialog *self;
  char today[11];
  g_autofree char *date = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  self = g_object_new (CL_TYPE_OPENING_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  ledger_book_today (book, today);
  self->this_year = ledger_date_year (today);
  /* A paper ledger is most often closed at the end of a year: the last
   * day of the year before this one, which the treasurer may change. */
  date = g_strdup_printf ("%d-12-31", self->this_year - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  load_accounts (self);
  load_fees (self);
  load_entered (self);
  offer_missing_balances (self);
  add_arrears_line (self);
  add_credit_line (self);
  go_to_step (self, STEP_DATE);
  return self;
}

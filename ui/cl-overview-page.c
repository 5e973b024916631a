/* cl-overview-page.c — the figures a treasurer looks at first
 *
 * Every figure comes from ledger_overview_compute(), which `report
 * overview` prints too, and the money by account and by fund from
 * ledger_report_balance_sheet(), which `report balance` prints, so the
 * window and the command line never disagree. A figure below zero, or a
 * balance sheet whose two sides differ, is marked and explained, never
 * hidden: both mean the book was damaged (the journal refuses any entry
 * that would cause them), and the treasurer must run verify.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-overview-page.h"
#include "cl-reconcile-dialog.h"
#include "ledger.h"

struct _ClOverviewPage
{
  ClPage       parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *accounts_group;
  AdwPreferencesGroup *funds_group;
  AdwPreferencesGroup *year_group;
  GtkLabel    *funds_label;
  AdwActionRow *net_row;
  GtkLabel    *net_label;
  GtkLabel    *billed_label;
  GtkLabel    *collected_label;
  GtkLevelBar *rate_bar;
  GtkLabel    *rate_label;
  GtkLabel    *arrears_label;
  GtkLabel    *unannounced_label;
  GtkLabel    *open_votes_label;
  GtkLabel    *fingerprint_label;

  /* Owned references */
  GPtrArray   *figure_rows;  /* the rows added for each account and fund */
};

G_DEFINE_FINAL_TYPE (ClOverviewPage, cl_overview_page, CL_TYPE_PAGE)

static void
set_money (GtkLabel *label,
           gint64    fen)
{
  g_autofree char *text = ledger_money_format (fen);

  gtk_label_set_text (label, text);
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_text (label, text);
}

/* Marks @label when @fen is below zero. */
static void
mark_negative (GtkWidget *label,
               gint64     fen)
{
  if (fen < 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* Adds a row "@title … ¥1,234.56" to @group, its figure named
 * overview-@kind-@code for the tests; below zero it is marked and says
 * why that must not be. */
static AdwActionRow *
add_figure_row (ClOverviewPage      *self,
                AdwPreferencesGroup *group,
                const char          *kind,
                const char          *code,
                const char          *title,
                gint64               fen)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = ledger_money_format (fen);
  g_autofree char *name = g_strdup_printf ("overview-%s-%s", kind, code);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (label, name);
  gtk_widget_add_css_class (label, "numeric");
  mark_negative (label, fen);
  if (fen < 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Below zero: no entry may take money below nothing, so the book was changed "
                                   "behind the program's back. Run Verify the Book."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "figure", label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->figure_rows, row);
  return ADW_ACTION_ROW (row);
}

static void
reconcile_clicked (GtkButton      *button,
                   ClOverviewPage *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (book == NULL || ledger_book_is_read_only (book))
    return;
  gtk_window_present (GTK_WINDOW (cl_reconcile_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, book,
                                                           g_object_get_data (G_OBJECT (button), "account"),
                                                           g_object_get_data (G_OBJECT (button), "title"))));
}

/* What @line's last statement says of the account's row: agreed on a
 * day, never reconciled, or a difference the book has yet to explain,
 * marked like a figure below zero; and the button that records the next
 * statement (named overview-reconcile-CODE for the tests). */
static void
show_reconciliation (ClOverviewPage             *self,
                     AdwActionRow               *row,
                     const LedgerReconciliation *line,
                     gboolean                    writable)
{
  GtkWidget *button = gtk_button_new_with_label (_("Reconcile…"));
  g_autofree char *name = g_strdup_printf ("overview-reconcile-%s", line->account);
  g_autofree char *statement = ledger_money_format (line->statement);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, writable);
  gtk_widget_set_tooltip_text (button, _("Record the balance a statement or a count shows, to check the book against"));
  g_object_set_data_full (G_OBJECT (button), "account", g_strdup (line->account), g_free);
  g_object_set_data_full (G_OBJECT (button), "title", g_strdup (line->chinese), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (reconcile_clicked), self, 0);
  adw_action_row_add_suffix (row, button);

  if (!line->has_statement)
    subtitle = g_strdup (_("Not reconciled yet"));
  else if (line->difference == 0)
    /* Translators: the statement's date and balance */
    subtitle = g_strdup_printf (_("Agrees with the statement of %s (%s)"), line->statement_date, statement);
  else
    {
      g_autofree char *on_the_day = ledger_money_format (line->book_at_statement);
      g_autofree char *difference = ledger_money_format (line->difference);

      /* Translators: the statement's date and balance, the book's balance
       * that day, the difference */
      subtitle = g_strdup_printf (_("Unreconciled: the statement of %s shows %s, the book %s; %s to explain"),
                                  line->statement_date, statement, on_the_day, difference);
      gtk_widget_add_css_class (GTK_WIDGET (row), "unreconciled");
      gtk_widget_add_css_class (g_object_get_data (G_OBJECT (row), "figure"), "error");
    }
  /* A figure below zero says why already: that matters more. */
  if (adw_action_row_get_subtitle (row) == NULL || adw_action_row_get_subtitle (row)[0] == '\0')
    adw_action_row_set_subtitle (row, subtitle);
}

static void
remove_figure_rows (ClOverviewPage *self)
{
  for (guint i = 0; i < self->figure_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->figure_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->figure_rows, 0);
}

/* The identity of the balance sheet: marked when its two sides differ. */
static void
show_net (ClOverviewPage           *self,
          const LedgerBalanceSheet *sheet)
{
  g_autofree char *net = ledger_money_format (sheet->net);
  g_autofree char *funds = ledger_money_format (sheet->funds_total);
  g_autofree char *problem = NULL;

  gtk_label_set_text (self->net_label, net);
  if (sheet->ties_out)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->net_label), "error");
      adw_action_row_set_subtitle (self->net_row, _("Equal to the funds together: the book ties out"));
      return;
    }
  problem = g_strdup_printf (_("Does not tie out: the funds together hold %s. The book was changed behind the "
                               "program's back; run Verify the Book."), funds);
  gtk_widget_add_css_class (GTK_WIDGET (self->net_label), "error");
  adw_action_row_set_subtitle (self->net_row, problem);
}

/* Money by account (each money account, then each member's advance)
 * and by fund, from the balance report as at @date. */
static gboolean
show_balance_sheet (ClOverviewPage  *self,
                    LedgerBook      *book,
                    const char      *date,
                    GError         **error)
{
  g_autoptr(LedgerBalanceSheet) sheet = ledger_report_balance_sheet (book, date, error);
  g_autoptr(GPtrArray) statements = NULL;

  if (sheet == NULL || (statements = ledger_report_reconciliation (book, date, error)) == NULL)
    return FALSE;
  remove_figure_rows (self);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < sheet->accounts->len; i++)
      {
        const LedgerReportLine *line = g_ptr_array_index (sheet->accounts, i);
        g_autofree char *title = NULL;
        AdwActionRow *row;

        if (!(pass == 0 ? ledger_account_is_money (line->code) : ledger_account_is_advance (line->code)))
          continue;
        title = ledger_account_chinese (line->code, line->name);
        row = add_figure_row (self, self->accounts_group, "account", line->code, title, line->amount);
        for (guint j = 0; pass == 0 && j < statements->len; j++)
          {
            const LedgerReconciliation *statement = g_ptr_array_index (statements, j);

            if (strcmp (statement->account, line->code) == 0)
              show_reconciliation (self, row, statement, !ledger_book_is_read_only (book));
          }
      }
  for (int f = 0; f < LEDGER_FUND_COUNT; f++)
    add_figure_row (self, self->funds_group, "fund", ledger_fund_to_string (f), ledger_fund_label (f),
                    sheet->funds[f]);
  show_net (self, sheet);
  return TRUE;
}

static void
show_year (ClOverviewPage         *self,
           const LedgerCollection *year)
{
  g_autofree char *title = g_strdup_printf (_("The year %d"), year->year);
  g_autofree char *rate = ledger_rate_format (year->rate_bp);

  adw_preferences_group_set_title (self->year_group, title);
  set_money (self->billed_label, year->billed);
  set_money (self->collected_label, year->paid);
  gtk_label_set_text (self->rate_label, rate);
  gtk_level_bar_set_value (self->rate_bar, year->rate_bp / 10000.0);
}

static void
show_arrears (ClOverviewPage       *self,
              const LedgerOverview *o)
{
  g_autofree char *owed = ledger_money_format (o->arrears);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u household",
                                                        "%s from %u households",
                                                        o->arrears_households),
                                           owed, o->arrears_households);

  gtk_label_set_text (self->arrears_label, text);
}

static void
cl_overview_page_reload (ClPage     *page,
                         LedgerBook *book)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (page);
  g_autofree char *short_form = NULL;
  g_autoptr(GError) error = NULL;
  LedgerOverview o;

  if (!ledger_overview_compute (book, NULL, &o, &error))
    {
      g_warning ("Cannot read the overview: %s", error->message);
      return;
    }
  set_money (self->funds_label, o.funds);
  mark_negative (GTK_WIDGET (self->funds_label), o.funds);
  if (!show_balance_sheet (self, book, o.date, &error))
    {
      g_warning ("Cannot read the balance report: %s", error->message);
      return;
    }
  show_year (self, &o.year);
  show_arrears (self, &o);
  set_count (self->open_votes_label, o.open_votes);
  set_count (self->unannounced_label, o.unannounced);
  short_form = ledger_tree_head_format_short (&o.head);
  gtk_label_set_text (self->fingerprint_label, short_form);
}

static void
cl_overview_page_finalize (GObject *object)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_overview_page_parent_class)->finalize (object);
}

static void
cl_overview_page_class_init (ClOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ClPageClass *page_class = CL_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cl_overview_page_finalize;

  page_class->reload = cl_overview_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, funds_group);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, year_group);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, funds_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, net_row);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, net_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, billed_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, collected_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, rate_bar);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, rate_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, arrears_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, unannounced_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, open_votes_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, fingerprint_label);
}

static void
cl_overview_page_init (ClOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The rows belong to their groups; this only lists them. */
  self->figure_rows = g_ptr_array_new ();
}

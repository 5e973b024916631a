/* cl-overview-page.c — the figures a treasurer looks at first
 *
 * Every figure comes from the same ledger/ report functions the command
 * line prints, so the window and `report` never disagree.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-overview-page.h"
#include "ledger-expense.h"
#include "ledger-fingerprint.h"
#include "ledger-money.h"
#include "ledger-notice.h"
#include "ledger-report.h"
#include "ledger-vote.h"

struct _ClOverviewPage
{
  ClPage       parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *year_group;
  GtkLabel    *funds_label;
  GtkLabel    *cash_label;
  GtkLabel    *bank_label;
  GtkLabel    *mobile_label;
  GtkLabel    *billed_label;
  GtkLabel    *collected_label;
  GtkLevelBar *rate_bar;
  GtkLabel    *rate_label;
  GtkLabel    *arrears_label;
  GtkLabel    *unannounced_label;
  GtkLabel    *open_votes_label;
  GtkLabel    *fingerprint_label;
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
show_balances (ClOverviewPage *self,
               LedgerBook     *book,
               const char     *today)
{
  g_autoptr(GPtrArray) balances = ledger_report_balance (book, NULL, NULL);
  gint64 funds = 0, mobile = 0;

  if (ledger_report_funds_at (book, today, &funds, NULL))
    set_money (self->funds_label, funds);
  for (guint i = 0; balances != NULL && i < balances->len; i++)
    {
      const LedgerReportLine *line = g_ptr_array_index (balances, i);

      if (g_str_equal (line->code, "cash"))
        set_money (self->cash_label, line->amount);
      else if (g_str_equal (line->code, "bank"))
        set_money (self->bank_label, line->amount);
      else if (g_str_equal (line->code, "wechat") || g_str_equal (line->code, "alipay"))
        mobile += line->amount;
    }
  set_money (self->mobile_label, mobile);
}

static void
show_collection (ClOverviewPage *self,
                 LedgerBook     *book,
                 int             year)
{
  g_autoptr(LedgerArrearsReport) arrears = ledger_report_arrears (book, 0, NULL);
  g_autofree char *title = g_strdup_printf (_("The year %d"), year);
  g_autofree char *rate = NULL, *owed = NULL, *arrears_text = NULL;
  LedgerCollection c;

  adw_preferences_group_set_title (self->year_group, title);
  if (ledger_report_collection (book, year, &c, NULL))
    {
      set_money (self->billed_label, c.billed);
      set_money (self->collected_label, c.paid);
      rate = ledger_rate_format (c.rate_bp);
      gtk_label_set_text (self->rate_label, rate);
      gtk_level_bar_set_value (self->rate_bar, c.rate_bp / 10000.0);
    }
  if (arrears != NULL)
    {
      owed = ledger_money_format (arrears->total);
      arrears_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u household",
                                                   "%s from %u households", arrears->rows->len),
                                      owed, arrears->rows->len);
      gtk_label_set_text (self->arrears_label, arrears_text);
    }
}

static void
show_to_do (ClOverviewPage *self,
            LedgerBook     *book)
{
  g_autoptr(GPtrArray) votes = ledger_vote_list (book, NULL);
  g_autoptr(GPtrArray) expenditures = ledger_expenditure_list (book, NULL, NULL);
  g_autofree char *open_text = NULL, *unannounced_text = NULL;
  guint open = 0, unannounced = 0;

  for (guint i = 0; votes != NULL && i < votes->len; i++)
    open += !((LedgerVote *) g_ptr_array_index (votes, i))->closed;
  open_text = g_strdup_printf ("%u", open);
  gtk_label_set_text (self->open_votes_label, open_text);
  for (guint i = 0; expenditures != NULL && i < expenditures->len; i++)
    unannounced += !ledger_expenditure_is_announced (book, ((LedgerExpenditure *) g_ptr_array_index (expenditures, i))->id);
  unannounced_text = g_strdup_printf ("%u", unannounced);
  gtk_label_set_text (self->unannounced_label, unannounced_text);
}

static void
cl_overview_page_reload (ClPage     *page,
                         LedgerBook *book)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (page);
  g_autofree char *short_form = NULL;
  LedgerTreeHead head;
  char today[11];

  ledger_book_today (book, today);
  show_balances (self, book, today);
  show_collection (self, book, ledger_date_year (today));
  show_to_do (self, book);
  if (ledger_book_fingerprint (book, &head, NULL))
    {
      short_form = ledger_tree_head_format_short (&head);
      gtk_label_set_text (self->fingerprint_label, short_form);
    }
}

static void
cl_overview_page_class_init (ClOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ClPageClass *page_class = CL_PAGE_CLASS (klass);

  page_class->reload = cl_overview_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, year_group);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, funds_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, cash_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, bank_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, mobile_label);
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
}

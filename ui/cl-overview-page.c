/* cl-overview-page.c — the figures a treasurer looks at first
 *
 * Every figure comes from ledger_overview_compute(), which `report
 * overview` prints too, so the window and the command line never disagree.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-overview-page.h"
#include "ledger.h"

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
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_text (label, text);
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
  set_money (self->cash_label, o.cash);
  set_money (self->bank_label, o.bank);
  set_money (self->mobile_label, o.mobile);
  show_year (self, &o.year);
  show_arrears (self, &o);
  set_count (self->open_votes_label, o.open_votes);
  set_count (self->unannounced_label, o.unannounced);
  short_form = ledger_tree_head_format_short (&o.head);
  gtk_label_set_text (self->fingerprint_label, short_form);
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

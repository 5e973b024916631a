/* cl-window.c — the treasurer's main window
 *
 * Every figure comes from the same ledger/ report functions the command
 * line prints, so the window and `report` never disagree.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-window.h"
#include "ledger-money.h"
#include "ledger-report.h"

struct _ClWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *problem_page;
  AdwActionRow   *funds_row;
  AdwActionRow   *collection_row;
  AdwActionRow   *arrears_row;

  /* Owned references */
  LedgerBook     *book;
};

G_DEFINE_FINAL_TYPE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)

/* Puts @text as a right-aligned value label at the end of @row. */
static void
set_row_value (AdwActionRow *row,
               const char   *text)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "value-label");

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (row, label);
      g_object_set_data (G_OBJECT (row), "value-label", label);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
show_problem (ClWindow   *self,
              const char *problem)
{
  adw_status_page_set_description (self->problem_page, problem);
  gtk_stack_set_visible_child_name (self->stack, "problem");
}

/* Fills the overview rows from the book's reports. */
static void
refresh_overview (ClWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerArrearsReport) arrears = NULL;
  g_autofree char *name = ledger_book_dup_name (self->book);
  g_autofree char *funds_text = NULL, *rate = NULL, *paid = NULL, *owed = NULL;
  g_autofree char *collection_text = NULL, *arrears_text = NULL;
  LedgerCollection collection;
  char today[11];
  gint64 funds = 0;

  ledger_book_today (self->book, today);
  if (!ledger_report_funds_at (self->book, today, &funds, &error) ||
      !ledger_report_collection (self->book, ledger_date_year (today), &collection, &error) ||
      (arrears = ledger_report_arrears (self->book, 0, &error)) == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, ledger_book_get_path (self->book));
  gtk_window_set_title (GTK_WINDOW (self), name);

  funds_text = ledger_money_format (funds);
  set_row_value (self->funds_row, funds_text);
  rate = ledger_rate_format (collection.rate_bp);
  paid = ledger_money_format (collection.paid);
  collection_text = g_strdup_printf ("%s (%s)", paid, rate);
  set_row_value (self->collection_row, collection_text);
  owed = ledger_money_format (arrears->total);
  arrears_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u household",
                                               "%s from %u households", arrears->rows->len),
                                  owed, arrears->rows->len);
  set_row_value (self->arrears_row, arrears_text);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  g_clear_object (&self->book);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);
  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static void
cl_window_class_init (ClWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, funds_row);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, collection_row);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, arrears_row);
}

static void
cl_window_init (ClWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClWindow *
cl_window_new (GtkApplication *application,
               LedgerBook     *book,
               const char     *problem)
{
  ClWindow *self = g_object_new (CL_TYPE_WINDOW, "application", application, NULL);

  if (book != NULL)
    {
      self->book = g_object_ref (book);
      refresh_overview (self);
    }
  else
    show_problem (self, problem != NULL ? problem : _("No book is open"));
  return self;
}

LedgerBook *
cl_window_get_book (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->book;
}

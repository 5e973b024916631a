/* cl-expenditures-page.c — every expenditure, searchable, and the way to add one
 *
 * One row per expenditure with what the notice board will show (docs/architecture.md
 * §9): date, payee, category in Chinese, memo, invoice, the committee
 * members who approved it, amount, whether a notice has announced it yet,
 * the vote that approved it and the files kept with it. Newest first;
 * every column with a sorter sorts; the search matches the text columns.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "cl-expenditure-dialog.h"
#include "cl-expenditures-page.h"
#include "cl-feedback.h"
#include "cl-format.h"
#include "ledger.h"

struct _ClExpendituresPage
{
  ClPage               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkLabel            *total_label;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *expenditures_view;
  GtkColumnViewColumn *date_column;

  /* Owned references */
  GListStore          *store;     /* of LedgerExpenditureItem, as the ledger lists them */
  GtkFilter           *filter;
  GListModel          *filtered;
  char                *query;     /* casefolded search text, "" for everything */
};

G_DEFINE_FINAL_TYPE (ClExpendituresPage, cl_expenditures_page, CL_TYPE_PAGE)

/* ------------------------------------------------------------------ */
/* Closures for the columns */

/* "2026年3月1日" in Chinese, "2026-03-01" in English. */
static char *
format_date (gpointer    unused,
             const char *iso_date)
{
  return cl_format_date (iso_date);
}

/* "¥1,250.50" from fen. */
static char *
format_money (gpointer unused,
              gint64   fen)
{
  return ledger_money_format (fen);
}

/* Recorded, or announced by a published notice. */
static char *
format_status (gpointer unused,
               gboolean announced)
{
  return g_strdup (announced ? _("Announced") : _("Recorded"));
}

/* The number of the vote that approved it, if any. */
static char *
format_vote (gpointer unused,
             gint64   vote_id)
{
  return vote_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, vote_id) : g_strdup ("");
}

/* How many files are kept with it, if any. */
static char *
format_files (gpointer unused,
              guint    n)
{
  return n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
}

/* ------------------------------------------------------------------ */
/* Search */

/* Whether @text contains the (casefolded) query. */
static gboolean
contains (const char *text,
          const char *query)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return strstr (folded, query) != NULL;
}

/* Whether a row matches the search: payee, memo, invoice, approvers, category, date or amount. */
static gboolean
match_cb (gpointer object,
          gpointer user_data)
{
  ClExpendituresPage *self = user_data;
  LedgerExpenditureItem *item = object;
  g_autofree char *amount = NULL;

  if (self->query == NULL || *self->query == '\0')
    return TRUE;
  amount = ledger_money_format (ledger_expenditure_item_get_amount (item));
  return contains (ledger_expenditure_item_get_payee (item), self->query) ||
         contains (ledger_expenditure_item_get_memo (item), self->query) ||
         contains (ledger_expenditure_item_get_invoice (item), self->query) ||
         contains (ledger_expenditure_item_get_approvers (item), self->query) ||
         contains (ledger_expenditure_item_get_category (item), self->query) ||
         contains (ledger_expenditure_category_chinese (ledger_expenditure_item_get_category (item)), self->query) ||
         contains (ledger_expenditure_item_get_date (item), self->query) ||
         contains (amount, self->query);
}

/* The search changed: filter again. */
static void
search_changed_cb (ClExpendituresPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_free (self->query);
  self->query = g_utf8_casefold (text, -1);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* "12 expenditures · ¥8,431.50" for what the search shows, or an empty page. */
static void
update_total (ClExpendituresPage *self)
{
  guint n = g_list_model_get_n_items (self->filtered);
  g_autofree char *money = NULL, *text = NULL;
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerExpenditureItem) item = g_list_model_get_item (self->filtered, i);

      ledger_total_add_saturating (&total, ledger_expenditure_item_get_amount (item));
    }
  money = ledger_money_format (total);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expenditure · %s", "%u expenditures · %s", n),
                          n, money);
  gtk_label_set_text (self->total_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  adw_status_page_set_description (self->empty_page,
                                   self->query != NULL && *self->query != '\0'
                                     ? _("Nothing matches the search.")
                                     : _("Record the first with “New Expenditure…”."));
}

/* ------------------------------------------------------------------ */
/* New expenditure */

/* The form recorded an expenditure: say so. */
static void
expenditure_saved_cb (ClExpendituresPage *self,
                      gint64              id)
{
  g_autofree char *text = g_strdup_printf (_("Expenditure %" PRId64 " recorded; the next notice announces it"), id);

  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* expenditures.new ("New Expenditure…", Ctrl+N): the form. */
static void
new_expenditure_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClExpendituresPage *self = CL_EXPENDITURES_PAGE (widget);
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ClExpenditureDialog *dialog;

  if (book == NULL)
    return;
  dialog = cl_expenditure_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, book);
  g_signal_connect_object (dialog, "expenditure-saved", G_CALLBACK (expenditure_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* expenditures.find (Ctrl+F): to the search. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CL_EXPENDITURES_PAGE (widget)->search_entry));
}

/* ------------------------------------------------------------------ */
/* ClPage */

/* Replaces the rows with the book's expenditures. */
static void
cl_expenditures_page_reload (ClPage     *page,
                             LedgerBook *book)
{
  ClExpendituresPage *self = CL_EXPENDITURES_PAGE (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = ledger_expenditure_item_model_new (book, NULL, &error);
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "expenditures.new", !ledger_book_is_read_only (book));
  if (model == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the expenditures"), error);
      return;
    }
  n = g_list_model_get_n_items (model);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Releases the template and the models. */
static void
cl_expenditures_page_dispose (GObject *object)
{
  ClExpendituresPage *self = CL_EXPENDITURES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_EXPENDITURES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);
  G_OBJECT_CLASS (cl_expenditures_page_parent_class)->dispose (object);
}

/* The template, its children and callbacks, the item type it names, the actions and their keys. */
static void
cl_expenditures_page_class_init (ClExpendituresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_expenditures_page_dispose;
  CL_PAGE_CLASS (klass)->reload = cl_expenditures_page_reload;

  g_type_ensure (LEDGER_TYPE_EXPENDITURE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-expenditures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClExpendituresPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClExpendituresPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, ClExpendituresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClExpendituresPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClExpendituresPage, expenditures_view);
  gtk_widget_class_bind_template_child (widget_class, ClExpendituresPage, date_column);
  gtk_widget_class_bind_template_callback (widget_class, format_money);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_status);
  gtk_widget_class_bind_template_callback (widget_class, format_vote);
  gtk_widget_class_bind_template_callback (widget_class, format_files);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "expenditures.new", NULL, new_expenditure_action);
  gtk_widget_class_install_action (widget_class, "expenditures.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "expenditures.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "expenditures.find", NULL);
}

/* The model chain: store → filter (search) → sort (the column headers)
 * → selection → column view. */
static void
cl_expenditures_page_init (ClExpendituresPage *self)
{
  GtkSorter *sorter;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (LEDGER_TYPE_EXPENDITURE_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (match_cb, self, NULL));
  self->filtered = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                            g_object_ref (self->filter)));
  sorter = gtk_column_view_get_sorter (self->expenditures_view);
  sorted = gtk_sort_list_model_new (g_object_ref (self->filtered), g_object_ref (sorter));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->expenditures_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->expenditures_view, self->date_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_total), self, G_CONNECT_SWAPPED);
  update_total (self);
}

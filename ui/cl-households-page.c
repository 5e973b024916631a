/* cl-households-page.c — the register of units: a sortable, searchable table
 *
 * The table is declared in cl-households-page.ui: a GListStore of
 * LedgerHouseholdItem (one query, ledger_household_model_new()) feeds a
 * GtkFilterListModel (the search), a GtkSortListModel bound to the column
 * view's sorter and a GtkSingleSelection. GtkColumnView recycles its rows,
 * so 5,000 households cost no more than the rows on screen. The model is
 * read only in reload(), which ClPage calls when the page is shown and
 * after every write to the book.
 *
 * Owners' names are masked (张*) unless "Show Names" is on: the window may
 * be on a screen others can see, at the collection table in the courtyard.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-feedback.h"
#include "cl-household-dialog.h"
#include "cl-households-page-private.h"
#include "cl-import-dialog.h"
#include "ledger.h"

struct _ClHouseholdsPage
{
  ClPage               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *show_names_button;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *year_column;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkStringFilter     *unit_filter;
  GtkStringFilter     *owner_filter;
  GtkStringFilter     *owner_key_filter;
  GtkLabel            *count_label;

  /* State */
  guint                total;     /* households in the book */
};

G_DEFINE_FINAL_TYPE (ClHouseholdsPage, cl_households_page, CL_TYPE_PAGE)

/* ------------------------------------------------------------------ */
/* Cell formatting: closures of the .ui's list item factories */

/* "89.50": an area of 0.01 m² without its unit (the header says m²). */
static char *
format_area (gpointer unused,
             gint64   centi_m2)
{
  return ledger_area_format (centi_m2);
}

/* A count of parking spaces as digits. */
static char *
format_count (gpointer unused,
              int      count)
{
  return g_strdup_printf ("%d", count);
}

/* "¥960.00", or a dash for a household that owes nothing. */
static char *
format_arrears (gpointer unused,
                gint64   fen)
{
  return fen > 0 ? ledger_money_format (fen) : g_strdup ("—");
}

/* The stored occupancy word, in the user's language. */
static char *
format_occupancy (gpointer    unused,
                  const char *status)
{
  if (g_strcmp0 (status, "rented") == 0)
    return g_strdup (_("Rented"));
  if (g_strcmp0 (status, "vacant") == 0)
    return g_strdup (_("Vacant"));
  return g_strdup (_("Owner-occupied"));
}

/* This year's fees in words: not billed, paid, or "Owes ¥480.00". */
static char *
format_year_status (gpointer unused,
                    gboolean billed,
                    gint64   owed)
{
  g_autofree char *money = NULL;

  if (!billed)
    return g_strdup (_("Not billed"));
  if (owed <= 0)
    return g_strdup (_("Paid"));
  money = ledger_money_format (owed);
  /* TRANSLATORS: this year's fees, still open: "owes ¥480.00" */
  return g_strdup_printf (_("Owes %s"), money);
}

/* ------------------------------------------------------------------ */
/* Helpers */

/* "30 households", or "5 of 30 households shown" while searching. */
static void
update_count (ClHouseholdsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == self->total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                         self->total), self->total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u household shown",
                                         "%u of %u households shown", self->total),
                            shown, self->total);
  gtk_label_set_text (self->count_label, text);
}

/* The list view inside the column view, which knows "list.scroll-to-item"
 * (GTK 4.8 has no gtk_column_view_scroll_to ()). */
static GtkWidget *
inner_list_view (ClHouseholdsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The unit of the selected row, or NULL. */
static char *
dup_selected_unit (ClHouseholdsPage *self)
{
  LedgerHouseholdItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? g_strdup (ledger_household_item_get_unit (item)) : NULL;
}

/* Opens the add (@household NULL) or edit form; a saved household is
 * selected once the page has reloaded. */
static void
open_household_dialog (ClHouseholdsPage      *self,
                       const LedgerHousehold *household)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ClHouseholdDialog *dialog;

  if (book == NULL || !GTK_IS_WINDOW (root))
    return;
  dialog = cl_household_dialog_new (GTK_WINDOW (root), book, household);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_households_page_select_unit),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Signal callbacks */

/* Filters on unit, owner and owner key at once (any of them may match). */
static void
search_changed_cb (ClHouseholdsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = ledger_text_fold_ascii (text);
  g_autofree char *unit = NULL;

  /* "3号楼2单元301室" or "３-２-３０１" finds 3-2-301, as on the command line. */
  if (ledger_unit_parse (search, "unit", &unit, NULL, NULL, NULL, NULL))
    {
      g_free (search);
      search = g_steal_pointer (&unit);
    }

  gtk_string_filter_set_search (self->unit_filter, search);
  gtk_string_filter_set_search (self->owner_filter, search);
  gtk_string_filter_set_search (self->owner_key_filter, search);
}

/* Escape in the search entry clears it. */
static void
stop_search_cb (ClHouseholdsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Keeps the count under the table in step with the search. */
static void
filtered_items_changed_cb (ClHouseholdsPage *self)
{
  update_count (self);
}

/* A double click or Enter on a row opens it for editing. */
static void
row_activated_cb (ClHouseholdsPage *self,
                  guint             position)
{
  g_autoptr(LedgerHouseholdItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    open_household_dialog (self, ledger_household_item_get_household (item));
}

/* ------------------------------------------------------------------ */
/* Actions */

/* households.add (Ctrl+N): the empty form. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_household_dialog (CL_HOUSEHOLDS_PAGE (widget), NULL);
}

/* households.import (Ctrl+I): choose a CSV file, then preview it. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (widget));
  GtkRoot *root = gtk_widget_get_root (widget);

  if (book != NULL && GTK_IS_WINDOW (root))
    cl_import_dialog_choose_file (cl_import_dialog_new (GTK_WINDOW (root), book));
}

/* households.search (Ctrl+F): to the search entry. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CL_HOUSEHOLDS_PAGE (widget)->search_entry));
}

/* ------------------------------------------------------------------ */
/* ClPage */

/* Reads the register again (one query) and keeps the selected unit
 * selected, so an edit does not lose the treasurer's place in the list. */
static void
cl_households_page_reload (ClPage     *page,
                           LedgerBook *book)
{
  ClHouseholdsPage *self = CL_HOUSEHOLDS_PAGE (page);
  g_autofree char *selected = dup_selected_unit (self);
  g_autofree char *year_title = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  char today[11];

  /* A book opened read-only (a backup being looked at) takes no entries. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.add", !ledger_book_is_read_only (book));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "households.import", !ledger_book_is_read_only (book));
  ledger_book_today (book, today);
  model = ledger_household_model_new (book, ledger_date_year (today), &error);
  if (model == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the households"), error);
      return;
    }
  /* TRANSLATORS: the column with this year's fees; %d is the year */
  year_title = g_strdup_printf (_("Fees %d"), ledger_date_year (today));
  gtk_column_view_column_set_title (self->year_column, year_title);
  self->total = g_list_model_get_n_items (model);
  gtk_filter_list_model_set_model (self->filter_model, model);
  gtk_stack_set_visible_child_name (self->stack, self->total > 0 ? "list" : "empty");
  update_count (self);
  if (selected != NULL)
    cl_households_page_select_unit (self, selected);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Drops the template's widgets and models. */
static void
cl_households_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_HOUSEHOLDS_PAGE);
  G_OBJECT_CLASS (cl_households_page_parent_class)->dispose (object);
}

/* The template, its callbacks and the page's actions and keys. */
static void
cl_households_page_class_init (ClHouseholdsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_households_page_dispose;
  CL_PAGE_CLASS (klass)->reload = cl_households_page_reload;

  /* The .ui's expressions name the item type. */
  g_type_ensure (LEDGER_TYPE_HOUSEHOLD_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-households-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, show_names_button);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, unit_column);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, year_column);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, unit_filter);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, owner_key_filter);
  gtk_widget_class_bind_template_child (widget_class, ClHouseholdsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, format_area);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, format_arrears);
  gtk_widget_class_bind_template_callback (widget_class, format_occupancy);
  gtk_widget_class_bind_template_callback (widget_class, format_year_status);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "households.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "households.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "households.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "households.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "households.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "households.search", NULL);
}

/* Builds the page from its template; the model comes with reload(). */
static void
cl_households_page_init (ClHouseholdsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing in the table starts a search (not a property in GTK 4.8). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  /* Register order until the treasurer clicks a header. */
  gtk_column_view_sort_by_column (self->column_view, self->unit_column, GTK_SORT_ASCENDING);
  update_count (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* Finds @unit in the sorted, filtered list; GTK 4.8 has no
 * gtk_column_view_scroll_to (), so the inner list view scrolls. */
void
cl_households_page_select_unit (ClHouseholdsPage *self,
                                const char       *unit)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  GtkWidget *list_view = inner_list_view (self);
  guint n;

  g_return_if_fail (CL_IS_HOUSEHOLDS_PAGE (self));

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerHouseholdItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (ledger_household_item_get_unit (item), unit) != 0)
        continue;
      gtk_single_selection_set_selected (self->selection, i);
      if (list_view != NULL)
        gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", i);
      return;
    }
}

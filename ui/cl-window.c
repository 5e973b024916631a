/* cl-window.c — the treasurer's main window
 *
 * A sidebar of pages over one book. The window owns the book; the pages
 * are handed it and reload on LedgerBook::changed, so a payment recorded
 * on one page shows at once on the others.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-book-jobs.h"
#include "cl-feedback.h"
#include "cl-opening-dialog.h"
#include "cl-pages.h"
#include "cl-preferences-window.h"
#include "cl-settings.h"
#include "cl-window-private.h"
#include "ledger.h"

struct _ClWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *outer_stack;
  AdwStatusPage   *problem_page;
  GtkStack        *pages;

  /* Owned references */
  LedgerBook      *book;
  GSettings       *settings;          /* NULL when the schema is not installed */
  GCancellable    *check_cancellable; /* the book's quick_check behind the first screen */
  guint            check_source;      /* the idle that starts it */
  ClJob           *job;               /* verify or backup in a worker thread, or NULL */
};

static void cl_window_toast_host_init (ClToastHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (CL_TYPE_TOAST_HOST, cl_window_toast_host_init))

enum
{
  PROP_0,
  PROP_BOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cl_window_set_book (ClWindow   *self,
                                LedgerBook *book);

/* ------------------------------------------------------------------ */
/* Helpers */

static void
show_problem (ClWindow   *self,
              const char *problem)
{
  adw_status_page_set_description (self->problem_page, problem);
  gtk_stack_set_visible_child_name (self->outer_stack, "problem");
  adw_window_title_set_title (self->window_title, _("Community Ledger"));
  adw_window_title_set_subtitle (self->window_title, NULL);
}

static void
add_pages (ClWindow *self)
{
  for (const ClPageInfo *info = cl_pages (); info->name != NULL; info++)
    {
      GtkWidget *page = g_object_new (info->get_type (), NULL);

      gtk_stack_add_titled (self->pages, page, info->name, _(info->title));
    }
}

static void
update_title (ClWindow *self)
{
  g_autofree char *name = ledger_book_dup_name (self->book);
  g_autofree char *base = g_path_get_basename (ledger_book_get_path (self->book));

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, base);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

/* ------------------------------------------------------------------ */
/* Actions */

typedef void (*ChosenFunc) (ClWindow *self,
                            GFile    *file);

/* The function a file chooser hands its file to, in a box: ISO C does not
 * let a function pointer pass as the gpointer of g_object_set_data(). */
typedef struct
{
  ChosenFunc func;
} ChosenCall;

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  ChosenCall *call = g_object_get_data (G_OBJECT (dialog), "chosen-func");
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    call->func (self, file);
  g_object_unref (dialog);
}

/* Asks for a file with GtkFileChooserNative (GTK 4.8 has no GtkFileDialog). */
static void
choose_file (ClWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *suggested_name,
             ChosenFunc            func)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ChosenCall *call = g_new (ChosenCall, 1);

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, NULL, NULL);
  gtk_file_filter_set_name (filter, _("Community Ledger books"));
  gtk_file_filter_add_pattern (filter, "*.clbook");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  call->func = func;
  g_object_set_data_full (G_OBJECT (dialog), "chosen-func", call, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_chosen (ClWindow *self,
             GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = ledger_community_open (path, LEDGER_BOOK_OPEN_NO_CHECK, &error);

  if (book == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("opening the book"), error);
      return;
    }
  cl_window_set_book (self, book);
}

/* A new book starts with the publication URL this desk uses (Preferences),
 * so that its first notice already carries the QR code. A URL the book
 * refuses is left out: the book is made, and can be given one later. */
static void
offer_publication_url (ClWindow   *self,
                       LedgerBook *book)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL)
    return;
  url = g_settings_get_string (self->settings, CL_SETTINGS_PUBLICATION_URL);
  if (*url != '\0' &&
      !ledger_settings_set (book, LEDGER_SETTING_PUBLICATION_URL, url, &error))
    g_warning ("The default publication URL was not given to the new book: %s", error->message);
}

/* The answer to the offer after a new book: the form, or nothing yet
 * (the menu keeps it until the book has opening entries). */
static void
paper_ledger_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ClWindow         *self)
{
  if (g_str_equal (response, "paper"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.opening-balances", NULL);
}

/* A committee that kept its accounts on paper starts from what they say
 * (期初): offered at once, since that is when it is wanted. */
static void
offer_paper_ledger (ClWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Start from a Paper Ledger?"),
                                              _("If the committee kept its accounts on paper, enter what they "
                                                "say as at the day they were closed: the money in each account "
                                                "and fund, the households' unpaid charges of earlier years and "
                                                "their credit. You can also do this later from the main menu."));

  gtk_widget_set_name (dialog, "paper-ledger-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "empty", _("Start _Empty"),
                                    "paper", _("Start from a _Paper Ledger…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "paper", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "paper");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "empty");
  g_signal_connect_object (dialog, "response", G_CALLBACK (paper_ledger_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_chosen (ClWindow *self,
            GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  cl_window_create_book_at (self, path);
}

void
cl_window_create_book_at (ClWindow   *self,
                          const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = NULL;
  char *dot = strrchr (base, '.');

  /* The file name, without its extension, is a fair first community name;
   * it can be changed in the book's settings. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  book = ledger_community_create (path, base, NULL, &error);
  if (book == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("creating the book"), error);
      return;
    }
  offer_publication_url (self, book);
  cl_window_set_book (self, book);
  offer_paper_ledger (self);
}

/* ------------------------------------------------------------------ */
/* Verify and backups in a worker thread (cl-book-jobs.c) */

/* Verify and Back Up wait while a job runs. */
static void
update_job_actions (ClWindow *self)
{
  gboolean idle = self->book != NULL && self->job == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup-book", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.verify-book", idle);
}

/* A job ended: it is let go if it still is this window's (a window
 * closed meanwhile detached it in dispose, and has nothing to say). */
static gboolean
job_ended (GtkWindow *owner,
           ClJob     *job)
{
  ClWindow *self = CL_WINDOW (owner);

  if (self->job != job)
    return FALSE;
  g_clear_object (&self->job);
  update_job_actions (self);
  return TRUE;
}

/* win.verify-book: recompute the fingerprint from every entry in a worker
 * thread, as `community-ledger verify` does; the window stays usable, and
 * Cancel stops it (it only reads). */
static void
verify_book_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  if (self->book == NULL || self->job != NULL)
    return;
  self->job = cl_book_jobs_verify (GTK_WINDOW (self), ledger_book_get_path (self->book), job_ended);
  update_job_actions (self);
}

static void
backup_chosen (ClWindow *self,
               GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  cl_window_backup_to (self, path);
}

static void
open_book_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (CL_WINDOW (widget), _("Open Book"), GTK_FILE_CHOOSER_ACTION_OPEN, NULL, open_chosen);
}

static void
new_book_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose_file (CL_WINDOW (widget), _("New Book"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("community.clbook"), new_chosen);
}

static void
backup_book_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("backup-%s.clbook"), stamp);

  choose_file (self, _("Back Up Book"), GTK_FILE_CHOOSER_ACTION_SAVE, name, backup_chosen);
}

/* Whether the opening-balances form may be shown: as long as the ledger
 * takes opening entries (ledger_opening_accepts(): until their date is
 * in a closed period), so that a treasurer who saved the money accounts
 * comes back for the arrears and credit; after other entries too, as
 * the ledger allows (docs/money.md). */
static gboolean
opening_form_available (ClWindow *self)
{
  char date[11];

  return self->book != NULL && !ledger_book_is_read_only (self->book) &&
         ledger_opening_accepts (self->book, date, NULL);
}

/* win.opening-balances: the opening-balances form, showing what the book
 * has already. */
static void
opening_balances_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  if (!opening_form_available (self))
    return;
  gtk_window_present (GTK_WINDOW (cl_opening_dialog_new (GTK_WINDOW (self), self->book)));
}

static void
update_opening_action (ClWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.opening-balances", opening_form_available (self));
}

/* The Preferences closed: the title follows a new community name. */
static void
preferences_closed_cb (ClWindow *self)
{
  if (self->book != NULL)
    update_title (self);
}

/* The Preferences of the open book. */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClPreferencesWindow *preferences;

  if (self->book == NULL)
    return;
  preferences = cl_preferences_window_new (GTK_WINDOW (self), self->book);
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (preferences_closed_cb), self,
                         G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* win.show-page (Alt+1 … Alt+7): the page named by the parameter. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->pages, name) != NULL)
    cl_window_show_page (self, name);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* The check of the book that cl_window_set_book() started. A damaged
 * book is said so at once; the check could also fail to run at all (the
 * book moved away, say), which is not a verdict and is only logged. */
static void
book_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (ledger_book_check_finish (LEDGER_BOOK (source), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT))
    cl_window_show_error (GTK_WIDGET (user_data), _("checking the book"), error);
  else
    g_warning ("Could not check %s: %s", ledger_book_get_path (LEDGER_BOOK (source)), error->message);
}

/* Books are opened without PRAGMA quick_check, which reads every page
 * (about a second for ten years of a large compound): the window shows
 * the book at once and the check runs in a thread behind it. Writing
 * meanwhile waits for the check's read lock at COMMIT, well within the
 * busy timeout. */
static gboolean
run_check_cb (gpointer user_data)
{
  ClWindow *self = user_data;

  self->check_source = 0;
  if (self->book != NULL)
    ledger_book_check_async (self->book, self->check_cancellable, book_checked_cb, self);
  return G_SOURCE_REMOVE;
}

/* The check starts once the window has drawn its first frame (an idle of
 * low priority runs after GTK's layout and paint), so that its thread
 * does not compete with the first screen for the processor. */
static void
start_check (ClWindow *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->book == NULL)
    return;
  self->check_cancellable = g_cancellable_new ();
  self->check_source = g_idle_add_full (G_PRIORITY_LOW, run_check_cb, self, NULL);
}

LedgerBook *
cl_window_get_book (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->book;
}

/* Shows @book (or, for NULL, the welcome page): the "book" property's
 * setter, and what New and Open end with. */
static void
cl_window_set_book (ClWindow   *self,
                    LedgerBook *book)
{
  GtkWidget *child;

  g_return_if_fail (CL_IS_WINDOW (self));

  if (self->book == book)
    return;
  if (self->book != NULL)
    g_signal_handlers_disconnect_by_data (self->book, self);
  g_set_object (&self->book, book);
  if (book != NULL)
    g_signal_connect_object (book, "changed", G_CALLBACK (update_opening_action), self, G_CONNECT_SWAPPED);
  update_opening_action (self);
  start_check (self);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_object_set (child, "book", book, NULL);
  update_job_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", book != NULL);
  if (book == NULL)
    {
      show_problem (self, _("Create a new book for your community, or open one."));
      return;
    }
  update_title (self);
  gtk_stack_set_visible_child_name (self->outer_stack, "book");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOK]);
}

void
cl_window_show_page (ClWindow   *self,
                     const char *name)
{
  gtk_stack_set_visible_child_name (self->pages, name);
}

/* Whether the Preferences of @window are open (the language is changed
 * there). */
static gboolean
window_has_preferences (ClWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CL_IS_PREFERENCES_WINDOW (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return TRUE;
    }
  return FALSE;
}

ClWindow *
cl_window_remake (ClWindow *old)
{
  ClWindow *self;
  gboolean had_preferences;
  int width, height;

  g_return_val_if_fail (CL_IS_WINDOW (old), NULL);

  self = cl_window_new (gtk_window_get_application (GTK_WINDOW (old)), old->book, NULL);
  had_preferences = window_has_preferences (old);
  gtk_window_get_default_size (GTK_WINDOW (old), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (old)))
    gtk_window_maximize (GTK_WINDOW (self));
  if (old->book == NULL)
    show_problem (self, adw_status_page_get_description (old->problem_page));
  cl_window_show_page (self, cl_window_get_visible_page_name (old));
  gtk_window_present (GTK_WINDOW (self));
  gtk_window_destroy (GTK_WINDOW (old));
  /* The language is chosen in the Preferences: they stay open, now in it. */
  if (had_preferences)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.preferences", NULL);
  return self;
}

const char *
cl_window_get_visible_page_name (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

GtkWidget *
cl_window_get_page (ClWindow   *self,
                    const char *name)
{
  return gtk_stack_get_child_by_name (self->pages, name);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* The size the window had, for the next start. Saved on closing rather
 * than bound to the properties, which would write at every step of a
 * resize. */
static void
save_window_size (ClWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, CL_SETTINGS_WINDOW_WIDTH, width);
  g_settings_set_int (self->settings, CL_SETTINGS_WINDOW_HEIGHT, height);
  g_settings_set_boolean (self->settings, CL_SETTINGS_WINDOW_MAXIMIZED,
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
restore_window_size (ClWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  width = g_settings_get_int (self->settings, CL_SETTINGS_WINDOW_WIDTH);
  height = g_settings_get_int (self->settings, CL_SETTINGS_WINDOW_HEIGHT);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, CL_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* A copy of the book whenever its window closes (docs/architecture.md §3): the
 * treasurer's work of the day is never only in one file. It stays
 * synchronous, unlike Back Up…: the window is going and the application
 * may end with it, so the copy must be whole before the close goes on, and
 * there is nothing left to keep responsive. It is short (VACUUM INTO plus
 * integrity_check: about 0.9 s for ten years of a 3,000-household
 * compound, 40 MB, and far less for most books). */
static gboolean
cl_window_close_request (GtkWindow *window)
{
  ClWindow *self = CL_WINDOW (window);
  g_autoptr(GError) error = NULL;

  save_window_size (self);
  if (self->book != NULL && !ledger_book_is_read_only (self->book))
    {
      g_autoptr(LedgerBackupPlace) place = ledger_settings_get_backup_place (self->book);

      if (!ledger_backup_automatic (self->book, place, "on-close", NULL, &error))
        g_warning ("Could not back up %s on closing: %s", ledger_book_get_path (self->book),
                   error->message);
    }
  return GTK_WINDOW_CLASS (cl_window_parent_class)->close_request (window);
}

static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  /* A running job finishes (or stops) in its thread on its own
   * connection, without a dialog; its result callback sees that it is no
   * longer this window's job and drops it. */
  if (self->job != NULL)
    cl_job_detach (self->job);
  g_clear_object (&self->job);
  g_clear_object (&self->book);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);
  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static void
cl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      g_value_set_object (value, self->book);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      cl_window_set_book (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwToastOverlay *
cl_window_get_toast_overlay (ClToastHost *host)
{
  return CL_WINDOW (host)->toast_overlay;
}

static void
cl_window_toast_host_init (ClToastHostInterface *iface)
{
  iface->get_toast_overlay = cl_window_get_toast_overlay;
}

static void
cl_window_class_init (ClWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_window_dispose;
  object_class->get_property = cl_window_get_property;
  object_class->set_property = cl_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = cl_window_close_request;

  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL, LEDGER_TYPE_BOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, outer_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, pages);

  gtk_widget_class_install_action (widget_class, "win.open-book", NULL, open_book_action);
  gtk_widget_class_install_action (widget_class, "win.new-book", NULL, new_book_action);
  gtk_widget_class_install_action (widget_class, "win.backup-book", NULL, backup_book_action);
  gtk_widget_class_install_action (widget_class, "win.verify-book", NULL, verify_book_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.opening-balances", NULL, opening_balances_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-book", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-book", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "win.backup-book", NULL);
  /* Alt+1 … Alt+7: the pages in sidebar order (cl-pages.c). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "households");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "payments");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "expenditures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "money");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-page", "s", "votes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-page", "s", "notices");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
}

static void
cl_window_init (ClWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = cl_settings_new ();
  restore_window_size (self);
  add_pages (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup-book", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.verify-book", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.opening-balances", FALSE);
}

ClWindow *
cl_window_new (GtkApplication *application,
               LedgerBook     *book,
               const char     *problem)
{
  ClWindow *self = g_object_new (CL_TYPE_WINDOW, "application", application, NULL);

  if (book != NULL)
    cl_window_set_book (self, book);
  else
    show_problem (self, problem != NULL ? problem : _("No book is open"));
  return self;
}

void
cl_window_backup_to (ClWindow   *self,
                     const char *path)
{
  g_return_if_fail (CL_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->book == NULL || self->job != NULL)
    return;
  self->job = cl_book_jobs_backup (GTK_WINDOW (self), ledger_book_get_path (self->book), path, job_ended);
  update_job_actions (self);
}

ClJob *
cl_window_get_job (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->job;
}

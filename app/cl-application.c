/* cl-application.c — the GtkApplication: opens the book and its window
 *
 * GApplication makes the program single-instance per session: starting it
 * again activates the window that is already open instead of opening the
 * same book twice.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-settings.h"
#include "cl-window.h"
#include "ledger.h"

struct _ClApplication
{
  AdwApplication parent_instance;

  GSettings *settings;       /* NULL when the schema is not installed */
  guint      replace_source; /* the idle that remakes the windows in a new language */
  char      *book_path;
  char      *operator_name;
};

G_DEFINE_FINAL_TYPE (ClApplication, cl_application, ADW_TYPE_APPLICATION)

/* Remembers @book_path so the next start reopens it. */
static void
remember_book (ClApplication *self,
               const char    *book_path)
{
  /* Absolute: the next start may be from another folder. */
  g_autofree char *absolute = g_canonicalize_filename (book_path, NULL);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, CL_SETTINGS_LAST_BOOK, absolute);
}

/* --book, then $COMMUNITY_LEDGER_BOOK, then the last book, then the default. */
static char *
default_book_path (ClApplication *self)
{
  const char *env = g_getenv ("COMMUNITY_LEDGER_BOOK");
  g_autofree char *last = self->settings != NULL
                        ? g_settings_get_string (self->settings, CL_SETTINGS_LAST_BOOK) : NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return g_build_filename (g_get_user_data_dir (), "community-ledger", "book.clbook", NULL);
}

static void
window_book_cb (GObject    *window,
                GParamSpec *pspec,
                gpointer    user_data)
{
  LedgerBook *book = cl_window_get_book (CL_WINDOW (window));

  if (book != NULL)
    remember_book (CL_APPLICATION (user_data), ledger_book_get_path (book));
}

/* Opens the book, or explains in the window why it could not. */
static LedgerBook *
open_book (ClApplication  *self,
           GError        **error)
{
  g_autofree char *path = self->book_path != NULL ? g_strdup (self->book_path) : default_book_path (self);
  /* The window checks the book behind its first screen (cl-window.c). */
  LedgerBook *book = ledger_community_open (path, LEDGER_BOOK_OPEN_NO_CHECK, error);
  g_autofree char *operator_name = NULL;

  /* --operator, else the name this desk was given in the Preferences. */
  if (self->operator_name != NULL)
    operator_name = g_strdup (self->operator_name);
  else if (self->settings != NULL)
    operator_name = g_settings_get_string (self->settings, CL_SETTINGS_OPERATOR_NAME);
  /* A name edited into the settings behind the Preferences' back would
   * make every entry fail (the journal refuses it): keep the default. */
  if (operator_name != NULL && *operator_name != '\0' &&
      !ledger_text_check (operator_name, _("operator"), LEDGER_OPERATOR_MAX_CHARS, TRUE, NULL))
    {
      g_message ("operator name in the settings refused; entries are recorded as the default");
      g_clear_pointer (&operator_name, g_free);
    }
  if (book != NULL && operator_name != NULL && *operator_name != '\0')
    ledger_book_set_operator (book, operator_name);
  return book;
}

static void
cl_application_activate (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      book = open_book (self, &error);
      window = GTK_WINDOW (cl_window_new (GTK_APPLICATION (app), book,
                                          error != NULL ? error->message : NULL));
      g_signal_connect (window, "notify::book", G_CALLBACK (window_book_cb), self);
      if (book != NULL)
        remember_book (self, ledger_book_get_path (book));
    }
  gtk_window_present (window);
}

static int
cl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ClApplication *self = CL_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "book", "^ay", &self->book_path);
  g_variant_dict_lookup (options, "operator", "s", &self->operator_name);
  if (!ledger_paths_check_book_choice (self->book_path, &error))
    {
      g_printerr ("community-ledger: %s\n", error->message);
      return 2;   /* a usage error, as on the command line */
    }
  return -1; /* go on with the default handling */
}

/* Ctrl+Q closes every window as the close button would, so that each
 * makes its backup on closing; the application ends with its last window.
 * (g_application_quit() would destroy them without a close request.) */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr(GList) copy = g_list_copy (windows);

  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

/* app.about: the About window, over the active window. */
static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Community Ledger contributors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", window,
                                   "application-name", _("Community Ledger"),
                                   "application-icon", APP_ID,
                                   "version", PACKAGE_VERSION,
                                   "developer-name", _("The Community Ledger contributors"),
                                   "developers", developers,
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   /* As in the AppStream metainfo. */
                                   "website", "https://communityledger.org",
                                   "comments", _("The books of a self-governed residential compound: "
                                                 "households and their fees, payments with receipts, "
                                                 "every expenditure, owners’ votes and the notices for "
                                                 "the board, in an append-only journal whose fingerprint "
                                                 "anyone can check."),
                                   /* TRANSLATORS: your names, one a line */
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  gtk_widget_set_name (about, "about-window");
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static gboolean
replace_windows_cb (gpointer user_data)
{
  ClApplication *self = CL_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  self->replace_source = 0;
  for (GList *l = windows; l != NULL; l = l->next)
    if (CL_IS_WINDOW (l->data))
      {
        ClWindow *window = cl_window_remake (CL_WINDOW (l->data));

        g_signal_connect (window, "notify::book", G_CALLBACK (window_book_cb), self);
      }
  return G_SOURCE_REMOVE;
}

/* The language was changed in the Preferences: every window is made anew,
 * so that each of its words is looked up again. From an idle, not from
 * inside the signal of the Preferences' own row that is being destroyed. */
static void
language_changed_cb (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  ClApplication *self = CL_APPLICATION (user_data);
  g_autofree char *language = g_settings_get_string (settings, key);

  cl_settings_apply_language (language);
  if (self->replace_source == 0)
    self->replace_source = g_idle_add (replace_windows_cb, self);
}

static void
cl_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  ClApplication *self = CL_APPLICATION (app);

  /* Before GTK starts, so that its own words follow the chosen language. */
  self->settings = cl_settings_new ();
  if (self->settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (self->settings, CL_SETTINGS_LANGUAGE);

      if (*language != '\0')
        cl_settings_apply_language (language);
      g_signal_connect_object (self->settings, "changed::" CL_SETTINGS_LANGUAGE,
                               G_CALLBACK (language_changed_cb), self, 0);
    }

  G_APPLICATION_CLASS (cl_application_parent_class)->startup (app);
  /* From the resource's icons when run from the build tree, else from
   * the installed hicolor theme. */
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
cl_application_finalize (GObject *object)
{
  ClApplication *self = CL_APPLICATION (object);

  g_clear_handle_id (&self->replace_source, g_source_remove);
  g_clear_object (&self->settings);
  g_free (self->book_path);
  g_free (self->operator_name);
  G_OBJECT_CLASS (cl_application_parent_class)->finalize (object);
}

static void
cl_application_class_init (ClApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cl_application_finalize;
  app_class->activate = cl_application_activate;
  app_class->startup = cl_application_startup;
  app_class->handle_local_options = cl_application_handle_local_options;
}

static void
cl_application_init (ClApplication *self)
{
  const GOptionEntry options[] = {
    { "book", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The book to open"), N_("FILE") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The committee member recording the entries"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

ClApplication *
cl_application_new (void)
{
  return g_object_new (CL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/communityledger/CommunityLedger",
                       NULL);
}

/* cl-settings.c — the app's GSettings */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-settings.h"

GSettings *
cl_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: nothing will be remembered", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

void
cl_settings_use_build_tree (void)
{
  g_autofree char *installed = g_build_filename (DATADIR, "glib-2.0", "schemas",
                                                 APP_ID ".gschema.xml", NULL);
  g_autofree char *built = g_build_filename (BUILD_SCHEMADIR, "gschemas.compiled", NULL);
  const char *dirs = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *value = NULL;

  if (g_file_test (installed, G_FILE_TEST_EXISTS) || !g_file_test (built, G_FILE_TEST_EXISTS))
    return;
  value = dirs != NULL && *dirs != '\0'
        ? g_strconcat (BUILD_SCHEMADIR, G_SEARCHPATH_SEPARATOR_S, dirs, NULL)
        : g_strdup (BUILD_SCHEMADIR);
  g_setenv ("GSETTINGS_SCHEMA_DIR", value, TRUE);
}

/* What LANGUAGE was when the program started, to go back to on "follow
 * the system"; "" when it was not set (gettext ignores an empty one). */
static char *initial_language;

void
cl_settings_prepare_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  g_return_if_fail (initial_language == NULL);

  initial_language = g_strdup (language != NULL ? language : "");
  if (language == NULL)
    g_setenv ("LANGUAGE", "", TRUE);
}

void
cl_settings_apply_language (const char *language)
{
  if (initial_language == NULL)
    cl_settings_prepare_language ();
  /* Only ever a change of value: the variable exists from the start
   * (cl_settings_prepare_language()), so the environment is not moved
   * while GLib's threads may read it, and glibc keeps old values. */
  g_setenv ("LANGUAGE", language != NULL && *language != '\0' ? language : initial_language, TRUE);

  /* Setting the text domain again makes gettext forget the translations
   * it has looked up, so that new strings come in the new language. */
  textdomain (GETTEXT_PACKAGE);
}

/* The translations next to the build are used only when the installed
 * ones are missing: an installed program never reads the build tree's. */
void
cl_settings_bind_translations (void)
{
  const char *dir = LOCALEDIR;
  g_autofree char *built = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                             GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    dir = BUILD_LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

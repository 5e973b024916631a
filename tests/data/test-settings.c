/* test-settings.c — the GSettings schema the app is written against
 *
 * Loads org.communityledger.CommunityLedger from the schema compiled into
 * the build tree (SCHEMA_DIR, build/data) over the memory backend, so
 * nothing touches the user's settings: every key and its default, a write
 * read back, and a language outside the choices refused.
 */
#define G_LOG_DOMAIN "test-settings"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>

#define SCHEMA_ID "org.communityledger.CommunityLedger"

static const struct {
  const char *name;
  const char *type;
} expected_keys[] = {
  { "window-width", "i" },
  { "window-height", "i" },
  { "window-maximized", "b" },
  { "last-book", "s" },
  { "publication-url", "s" },
  { "operator-name", "s" },
  { "language", "s" },
};

static GSettingsSchema *
lookup_schema (void)
{
  const char *dir = g_getenv ("SCHEMA_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  GSettingsSchema *schema;

  g_assert_nonnull (dir);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
  g_assert_nonnull (schema);
  return schema;
}

static GSettings *
new_settings (GSettingsSchema *schema)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_full (schema, backend, NULL);
}

/* Exactly the keys the app uses, of the types it reads them as, at the
 * path it expects. (Summaries and descriptions are not compiled in: GLib
 * reads them from the XML, and glib-compile-schemas --strict and the
 * translations test check those.) */
static void
test_keys (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_auto(GStrv) keys = g_settings_schema_list_keys (schema);

  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/org/communityledger/CommunityLedger/");
  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (expected_keys));
  for (gsize i = 0; i < G_N_ELEMENTS (expected_keys); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autofree char *type = NULL;

      g_assert_true (g_settings_schema_has_key (schema, expected_keys[i].name));
      key = g_settings_schema_get_key (schema, expected_keys[i].name);
      type = g_variant_type_dup_string (g_settings_schema_key_get_value_type (key));
      g_assert_cmpstr (type, ==, expected_keys[i].type);
    }
}

static void
test_defaults (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettings) settings = new_settings (schema);
  g_autofree char *last_book = g_settings_get_string (settings, "last-book");
  g_autofree char *url = g_settings_get_string (settings, "publication-url");
  g_autofree char *operator_name = g_settings_get_string (settings, "operator-name");
  g_autofree char *language = g_settings_get_string (settings, "language");

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpstr (last_book, ==, "");
  g_assert_cmpstr (url, ==, "");
  g_assert_cmpstr (operator_name, ==, "");
  g_assert_cmpstr (language, ==, "");
}

static void
assert_string (GSettings  *settings,
               const char *key,
               const char *value)
{
  g_autofree char *read = NULL;

  g_assert_true (g_settings_set_string (settings, key, value));
  read = g_settings_get_string (settings, key);
  g_assert_cmpstr (read, ==, value);
}

static void
test_write_read (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettings) settings = new_settings (schema);
  g_autoptr(GVariant) user_value = NULL;

  g_assert_true (g_settings_set_int (settings, "window-width", 1280));
  g_assert_true (g_settings_set_int (settings, "window-height", 800));
  g_assert_true (g_settings_set_boolean (settings, "window-maximized", TRUE));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1280);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));

  assert_string (settings, "last-book", "/home/会计/幸福里.clbook");
  assert_string (settings, "publication-url", "https://example.org/公示");
  assert_string (settings, "operator-name", "王会计");
  assert_string (settings, "language", "zh_CN");
  assert_string (settings, "language", "en");
  assert_string (settings, "language", "");

  user_value = g_settings_get_user_value (settings, "operator-name");
  g_assert_nonnull (user_value);
  g_settings_reset (settings, "operator-name");
  {
    g_autofree char *operator_name = g_settings_get_string (settings, "operator-name");
    g_assert_cmpstr (operator_name, ==, "");
  }
}

/* The schema's range: only "", "zh_CN" and "en". */
static void
test_language_choices (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "language");
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  const char *type = NULL;
  g_autoptr(GVariant) choices = NULL;
  const char *accepted[] = { "", "zh_CN", "en" };
  const char *refused[] = { "fr", "zh_TW", "zh-CN", "EN", "C" };

  g_variant_get (range, "(&sv)", &type, &choices);
  g_assert_cmpstr (type, ==, "enum");
  g_assert_cmpuint (g_variant_n_children (choices), ==, G_N_ELEMENTS (accepted));

  for (gsize i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_string (accepted[i]));
      g_assert_true (g_settings_schema_key_range_check (key, v));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_string (refused[i]));
      g_assert_false (g_settings_schema_key_range_check (key, v));
    }
}

/* Writing a language outside the choices is refused (GSettings warns
 * about it) and the stored value does not change. */
static void
test_language_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettingsSchema) schema = lookup_schema ();
      g_autoptr(GSettings) settings = new_settings (schema);
      g_autofree char *language = NULL;
      gboolean written;

      g_assert_true (g_settings_set_string (settings, "language", "en"));
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_log_set_fatal_mask ("GLib-GIO", G_LOG_FATAL_MASK);
      written = g_settings_set_string (settings, "language", "fr");
      language = g_settings_get_string (settings, "language");
      g_print ("written=%d language=%s\n", written, language);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*language*outside of valid range*");
  g_test_trap_assert_stdout ("written=0 language=en*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data/settings/keys", test_keys);
  g_test_add_func ("/data/settings/defaults", test_defaults);
  g_test_add_func ("/data/settings/write-read", test_write_read);
  g_test_add_func ("/data/settings/language-choices", test_language_choices);
  g_test_add_func ("/data/settings/language-refused", test_language_refused);

  return g_test_run ();
}

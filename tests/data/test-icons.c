/* test-icons.c — the app's icons load and draw something
 *
 * Each SVG under data/icons/ (ICONS_DIR) must be well-formed XML, must not
 * point outside itself, and must render through gdk-pixbuf's SVG loader
 * (librsvg, as GTK loads icons) into a picture that is neither empty nor a
 * plain square. The symbolic icon must be drawn in #2e3436 only, the
 * colour GTK replaces with the theme's foreground.
 */
#define G_LOG_DOMAIN "test-icons"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#define APP_ID "org.communityledger.CommunityLedger"

typedef struct {
  const char *path;      /* under ICONS_DIR */
  int         size;      /* the size it is drawn at */
  gboolean    symbolic;
} IconCase;

static const IconCase icons[] = {
  { "hicolor/scalable/apps/" APP_ID ".svg", 128, FALSE },
  { "hicolor/scalable/apps/" APP_ID ".svg", 32, FALSE },
  { "hicolor/symbolic/apps/" APP_ID "-symbolic.svg", 16, TRUE },
  { "hicolor/symbolic/apps/" APP_ID "-symbolic.svg", 64, TRUE },
};

static char *
icon_path (const IconCase *icon)
{
  const char *dir = g_getenv ("ICONS_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, icon->path, NULL);
}

/* Well-formed, an <svg> root with a viewBox, nothing from outside. */
static void
test_markup (gconstpointer data)
{
  const IconCase *icon = data;
  g_autofree char *path = icon_path (icon);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParser parser = { NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error)
                 && g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_nonnull (strstr (contents, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  g_assert_nonnull (strstr (contents, icon->symbolic ? "viewBox=\"0 0 16 16\""
                                                     : "viewBox=\"0 0 128 128\""));
  g_assert_null (strstr (contents, "href"));
  g_assert_null (strstr (contents, "<image"));
  g_assert_null (strstr (contents, "<text"));
  g_assert_null (strstr (contents, "url("));
}

static void
test_render (gconstpointer data)
{
  const IconCase *icon = data;
  g_autofree char *path = icon_path (icon);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (path, icon->size, icon->size, &error);
  const guint8 *pixels;
  int rowstride;
  guint64 covered = 0, foreign = 0, total;

  g_assert_no_error (error);
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, icon->size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, icon->size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  g_assert_cmpint (gdk_pixbuf_get_n_channels (pixbuf), ==, 4);

  pixels = gdk_pixbuf_read_pixels (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  for (int y = 0; y < icon->size; y++)
    for (int x = 0; x < icon->size; x++)
      {
        const guint8 *p = pixels + y * rowstride + x * 4;

        if (p[3] == 0)
          continue;
        covered++;
        /* gdk-pixbuf's pixels are not premultiplied */
        if (icon->symbolic && p[3] > 127 &&
            (ABS (p[0] - 0x2e) > 2 || ABS (p[1] - 0x34) > 2 || ABS (p[2] - 0x36) > 2))
          foreign++;
      }
  total = (guint64) icon->size * icon->size;
  g_test_message ("%s at %d px: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " pixels drawn",
                  icon->path, icon->size, covered, total);
  /* Something is drawn, and it is not a plain square. */
  g_assert_cmpuint (covered * 100, >=, total * 25);
  g_assert_cmpuint (covered * 100, <=, total * 95);
  g_assert_cmpuint (foreign, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *name = g_path_get_basename (icons[i].path);
      g_autofree char *markup = g_strdup_printf ("/data/icons/markup/%s", name);
      g_autofree char *render = g_strdup_printf ("/data/icons/render/%s/%d", name, icons[i].size);

      if (i == 0 || strcmp (icons[i].path, icons[i - 1].path) != 0)
        g_test_add_data_func (markup, &icons[i], test_markup);
      g_test_add_data_func (render, &icons[i], test_render);
    }

  return g_test_run ();
}

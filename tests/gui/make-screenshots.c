/* make-screenshots.c — a PNG of every page of the window
 *
 *   make-screenshots BOOK OUT-DIR
 *
 * Opens BOOK in a real ClWindow of 1100×720, shows each page of cl_pages()
 * in turn, selects the first row of its list so that the details next to
 * it are filled, and saves what the window drew to OUT-DIR/PAGE.png,
 * printing each path written. The language is the environment's, as for
 * the app itself: data/screenshots/take-screenshots.sh runs this under
 * Xvfb with LANGUAGE=zh_CN and with LANGUAGE=en (LANG=C.UTF-8 for both).
 *
 * The picture is taken from inside the process, as GTK would draw it: the
 * window's paintable is rendered by the window's own renderer from the
 * frame clock's after-paint, once the page has settled.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cl-pages.h"
#include "cl-settings.h"
#include "cl-window-private.h"

#define WINDOW_WIDTH      1100
#define WINDOW_HEIGHT     720
/* How long a page may take to load and lay out before it is pictured. */
#define SETTLE_MS         250
/* How long to wait for a frame before giving up on a page. */
#define FRAME_TIMEOUT_MS  10000

/* How many warnings and criticals GTK or the app logged: pictures taken
 * after one may show a broken window, so the program then fails. */
static guint problems;

/* Counts warnings and criticals, and logs everything as usual. */
static GLogWriterOutput
count_problems (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    problems++;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Sets *@data (a gboolean) and wakes the main loop up. */
static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing is pending, then @ms more milliseconds
 * (as the GUI tests' gui_wait() does). */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The selection model of @widget when it is a list the user selects rows
 * in (a column, list or grid view), else NULL. */
static GtkSelectionModel *
selection_of (GtkWidget *widget)
{
  GtkSelectionModel *model = NULL;

  if (GTK_IS_COLUMN_VIEW (widget))
    model = gtk_column_view_get_model (GTK_COLUMN_VIEW (widget));
  else if (GTK_IS_LIST_VIEW (widget))
    model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  else if (GTK_IS_GRID_VIEW (widget))
    model = gtk_grid_view_get_model (GTK_GRID_VIEW (widget));
  if (model == NULL || GTK_IS_NO_SELECTION (model))
    return NULL;
  return model;
}

/* The first list under @root, depth first, that is on screen and whose
 * rows can be selected: a view with a selection model, or a GtkListBox
 * whose selection mode is not "none" (boxed lists of rows are skipped). */
static GtkWidget *
find_selectable_list (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (selection_of (root) != NULL)
    return root;
  if (GTK_IS_LIST_BOX (root) &&
      gtk_list_box_get_selection_mode (GTK_LIST_BOX (root)) != GTK_SELECTION_NONE)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_selectable_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selects the first row of the page's list, as a click on it would, so
 * that what the page shows about the selected row is filled in. A row the
 * page selected itself is left selected: the votes page opens on the
 * newest vote, which is also its first row. */
static void
select_first_row (GtkWidget *page)
{
  GtkWidget *list = find_selectable_list (page);
  g_autoptr(GtkBitset) selected = NULL;
  GtkSelectionModel *model;

  if (list == NULL)
    return;
  if (GTK_IS_LIST_BOX (list))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

      if (row != NULL && gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == NULL)
        gtk_list_box_select_row (GTK_LIST_BOX (list), row);
      return;
    }
  model = selection_of (list);
  selected = gtk_selection_model_get_selection (model);
  if (gtk_bitset_is_empty (selected) && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    gtk_selection_model_select_item (model, 0, TRUE);
}

/* Where the window's content is in a picture of the whole window: the
 * whole window (@frame, the size gtk_widget_paintable_new() draws it at)
 * includes the border that GTK draws around a window when there is no
 * compositor, and the picture keeps only what is inside (@area). */
static gboolean
content_area (GtkWidget       *window,
              graphene_rect_t *frame,
              graphene_rect_t *area)
{
  GtkWidget *content = gtk_widget_get_first_child (window);

  if (content == NULL || !gtk_widget_compute_bounds (window, window, frame) ||
      !gtk_widget_compute_bounds (content, window, area))
    return FALSE;
  area->origin.x -= frame->origin.x;
  area->origin.y -= frame->origin.y;
  return TRUE;
}

/* What one picture is waiting for. */
typedef struct
{
  GtkWidget  *window;
  const char *path;
  gboolean    taken;
  gboolean    saved;
} Capture;

/* Renders the window as it was just painted and saves its content as a
 * PNG. */
static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  Capture *capture = user_data;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t frame, area;
  GtkSnapshot *snapshot;

  if (capture->taken)
    return;
  capture->taken = TRUE;
  g_main_context_wakeup (NULL);
  if (!content_area (capture->window, &frame, &area))
    {
      g_printerr ("%s: the window has no content\n", capture->path);
      return;
    }

  /* At the paintable's own size, so it is not scaled. */
  paintable = gtk_widget_paintable_new (capture->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), frame.size.width, frame.size.height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_printerr ("%s: the window drew nothing\n", capture->path);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (capture->window)),
                                         node, &area);
  capture->saved = gdk_texture_save_to_png (texture, capture->path);
  if (!capture->saved)
    g_printerr ("%s: could not write the file\n", capture->path);
}

/* Gives the window's content exactly WINDOW_WIDTH×WINDOW_HEIGHT pixels:
 * the default size counts the frame around it too. */
static gboolean
fit_window (GtkWidget *window)
{
  graphene_rect_t frame, area;
  int width = WINDOW_WIDTH;
  int height = WINDOW_HEIGHT;

  for (int attempt = 0; attempt < 3; attempt++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      settle (SETTLE_MS);
      if (!content_area (window, &frame, &area))
        return FALSE;
      if ((int) area.size.width == WINDOW_WIDTH && (int) area.size.height == WINDOW_HEIGHT)
        return TRUE;
      width = WINDOW_WIDTH + (int) (frame.size.width - area.size.width);
      height = WINDOW_HEIGHT + (int) (frame.size.height - area.size.height);
    }
  g_printerr ("The window's content is %g×%g, not %d×%d\n", area.size.width, area.size.height,
              WINDOW_WIDTH, WINDOW_HEIGHT);
  return FALSE;
}

/* Draws the window once more and saves that frame to @path. */
static gboolean
take_picture (GtkWidget  *window,
              const char *path)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Capture capture = { .window = window, .path = path };
  gboolean timed_out = FALSE;
  gulong handler;
  guint timeout;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &capture);
  timeout = g_timeout_add (FRAME_TIMEOUT_MS, timeout_cb, &timed_out);
  gtk_widget_queue_draw (window);
  while (!capture.taken && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
  else
    g_printerr ("%s: the window was not drawn within %d ms\n", path, FRAME_TIMEOUT_MS);
  return capture.saved;
}

/* make-screenshots BOOK OUT-DIR: one PNG per page, each path printed. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  const char *out_dir;
  ClWindow *window;
  int status = EXIT_SUCCESS;

  /* As app/main.c does, so that LANGUAGE=zh_CN shows Chinese. */
  cl_settings_bind_translations ();
  g_log_set_writer_func (count_problems, NULL, NULL);
  if (argc != 3)
    {
      g_printerr ("Usage: %s BOOK OUT-DIR\n", argv[0]);
      return 2;
    }
  out_dir = argv[2];
  if (!gtk_init_check ())
    {
      g_printerr ("%s: no display (run it under xvfb-run)\n", argv[0]);
      return EXIT_FAILURE;
    }
  adw_init ();

  /* The same pictures on every run: no transitions, no blinking caret,
   * the light style whatever the desktop prefers. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  book = ledger_community_open (argv[1], LEDGER_BOOK_OPEN_DEFAULT, &error);
  if (book == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      g_printerr ("%s: %s\n", out_dir, g_strerror (errno));
      return EXIT_FAILURE;
    }

  window = cl_window_new (NULL, book, NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (!fit_window (GTK_WIDGET (window)))
    {
      g_printerr ("%s: the window could not be made %d×%d\n", argv[0], WINDOW_WIDTH, WINDOW_HEIGHT);
      gtk_window_destroy (GTK_WINDOW (window));
      return EXIT_FAILURE;
    }

  for (const ClPageInfo *info = cl_pages (); info->name != NULL; info++)
    {
      g_autofree char *file = g_strconcat (info->name, ".png", NULL);
      g_autofree char *path = g_build_filename (out_dir, file, NULL);

      cl_window_show_page (window, info->name);
      settle (SETTLE_MS);
      select_first_row (cl_window_get_page (window, info->name));
      settle (SETTLE_MS);
      if (!take_picture (GTK_WIDGET (window), path))
        {
          status = EXIT_FAILURE;
          continue;
        }
      g_print ("%s\n", path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (0);
  if (problems > 0)
    {
      g_printerr ("%s: %u warnings or criticals were logged (above): check the pictures\n",
                  argv[0], problems);
      status = EXIT_FAILURE;
    }
  return status;
}

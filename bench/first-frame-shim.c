/* first-frame-shim.c — ends the app right after its first frame, from outside.
 *
 * Only a stand-in while the app has no hook of its own: bench/run first tries
 * COMMUNITY_LEDGER_EXIT_AFTER_FIRST_FRAME=1 and loads this LD_PRELOAD library
 * only when the binary ignores it.  It wraps gtk_window_present(): once the
 * window has a surface, the surface's frame clock gets an "after-paint"
 * handler that waits for the X server to have the frame (gdk_display_sync)
 * and exits at once with status 0, so that the process's wall time is the
 * time to the first frame.  Nothing of the app is changed.
 *
 *   cc -O2 -shared -fPIC first-frame-shim.c -o first-frame-shim.so $(pkg-config --cflags --libs gtk4) -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

#include <gtk/gtk.h>

static gboolean hooked;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GdkSurface *surface = user_data;

  gdk_display_sync (gdk_surface_get_display (surface));
  fflush (stdout);
  _exit (0);
}

static void
hook_surface (GtkWindow *window)
{
  GdkSurface *surface;

  if (hooked || (surface = gtk_native_get_surface (GTK_NATIVE (window))) == NULL)
    return;
  hooked = TRUE;
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (after_paint_cb), surface);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  hook_surface (GTK_WINDOW (widget));
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  if (!hooked && gtk_native_get_surface (GTK_NATIVE (window)) == NULL)
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  real (window);
  hook_surface (window);
}

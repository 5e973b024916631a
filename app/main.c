/* main.c — one binary: the window, or a command when one is given */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-application.h"
#include "cl-settings.h"
#include "cli.h"

/* Uses the translations next to the build when the program runs from the
 * build tree (make run, make test) and the installed ones otherwise. */
static void
setup_gettext (void)
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(ClApplication) app = NULL;

  cl_settings_prepare_language ();
  setup_gettext ();
  cl_settings_use_build_tree ();

  if (cli_wants_command (argc, argv))
    return cli_run (argc, argv);

  app = cl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

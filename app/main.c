/* main.c — one binary: the window, or a command when one is given */
#define G_LOG_DOMAIN "community-ledger"

#include "cl-application.h"
#include "cl-settings.h"
#include "cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ClApplication) app = NULL;

  cl_settings_prepare_language ();
  cl_settings_bind_translations ();
  cl_settings_use_build_tree ();

  if (cli_wants_command (argc, argv))
    return cli_run (argc, argv);

  app = cl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

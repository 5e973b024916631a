/* cli.h — the headless command line (README, "The command line")
 *
 * Exit status: 0 done; 1 could not do it (I/O, locked, corrupt book);
 * 2 bad usage or bad input (nothing was written); 3 verification found a
 * difference (CLI_EXIT_*, cli-common.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the command line; returns the exit status. */
int cli_run (int    argc,
             char **argv);

/* TRUE when @argv asks for a command rather than the GUI. */
gboolean cli_wants_command (int    argc,
                            char **argv);

G_END_DECLS

/* standalone-main.c — replays a fuzz target's corpus without libFuzzer
 *
 * The normal (gcc) build links each fuzz target with this main(), which
 * feeds every file named on the command line, and every file inside each
 * folder named there, to LLVMFuzzerTestOneInput() in name order. A broken
 * property aborts, so `meson test --suite fuzz` fails on any seed that the
 * libFuzzer build would report as a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "fuzz-common.h"

/* Targets that need no set-up leave LLVMFuzzerInitialize() out; the weak
 * reference is then NULL. */
#pragma weak LLVMFuzzerInitialize

/* Runs the target on the contents of the file @path. */
static void
replay_file (const char *path,
             guint      *n_inputs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  /* A copy of exactly @length bytes, so that ASan sees reads past the
   * end; never NULL, as libFuzzer never passes NULL (g_malloc (0) is). */
  {
    guint8 *input = malloc (MAX (length, 1));

    if (input == NULL)
      abort ();
    memcpy (input, data, length);
    LLVMFuzzerTestOneInput (input, length);
    free (input);
  }
  (*n_inputs)++;
}

/* Compares two file names for g_ptr_array_sort(). */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Runs the target on every regular file inside the folder @path. */
static void
replay_dir (const char *path,
            guint      *n_inputs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, &error);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        replay_file (file, n_inputs);
    }
}

/* Replays every file and folder named in @argv; fails when none held an
 * input, so a mistyped corpus path is not a silent pass. */
int
main (int    argc,
      char **argv)
{
  guint n_inputs = 0;

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        replay_dir (argv[i], &n_inputs);
      else
        replay_file (argv[i], &n_inputs);
    }

  if (n_inputs == 0)
    {
      fprintf (stderr, "usage: %s CORPUS-DIR-OR-FILE…: no inputs replayed\n", argv[0]);
      return EXIT_FAILURE;
    }
  printf ("replayed %u inputs, no property broken\n", n_inputs);
  return EXIT_SUCCESS;
}

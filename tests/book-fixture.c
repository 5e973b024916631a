/* book-fixture.c — a new book in a folder of its own, for the unit tests */
#include <glib/gstdio.h>

#include "book-fixture.h"

void
book_fixture_init (BookFixture             *f,
                   const char              *name,
                   const LedgerDemoOptions *demo)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ledger-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "book.clbook", NULL);
  f->book = ledger_community_create (f->path, name, "tester", &error);
  g_assert_no_error (error);
  if (demo != NULL)
    g_assert_true (ledger_demo_populate (f->book, demo, &error));
  g_assert_no_error (error);
}

void
book_fixture_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        book_fixture_remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir == NULL)
    g_unlink (path);
  else
    g_rmdir (path);
}

void
book_fixture_clear (BookFixture *f)
{
  g_clear_object (&f->book);
  book_fixture_remove_tree (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

/* ledger-file-names.c — where a book's files are
 *
 * The book's real file behind any symbolic links (its folders, its
 * -journal and its backups live beside that file, not beside the link)
 * and the folder of its automatic backups. Pure names: nothing here
 * opens the book.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ledger-file-names-private.h"

#define MAX_LINKS 40

char *
ledger_backup_dir (const char *book_path)
{
  return g_strconcat (book_path, ".backups", NULL);
}

/* "a/b///" → "a/b": a trailing separator would make the folder of the
 * name "a/b" itself. The root stays "/". */
static char *
strip_trailing_separators (const char *path)
{
  gsize len = strlen (path);

  while (len > 1 && G_IS_DIR_SEPARATOR (path[len - 1]))
    len--;
  return g_strndup (path, len);
}

/* Follows @path's last component while it is a symbolic link, dangling
 * ones included: the path a writer would in the end create or replace.
 * Folders along the way are resolved by the kernel when it is stat()ed. */
char *
ledger_path_follow_links (const char *path)
{
  g_autofree char *current = strip_trailing_separators (path);

  for (int i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf info;

      if (g_lstat (current, &info) != 0 || !S_ISLNK (info.st_mode) ||
          (target = g_file_read_link (current, NULL)) == NULL)
        break;
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *relative = g_steal_pointer (&target);

          target = g_build_filename (dir, relative, NULL);
        }
      g_free (current);
      current = strip_trailing_separators (target);
    }
  return g_steal_pointer (&current);
}

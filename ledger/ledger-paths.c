/* ledger-paths.c — the files no output may be written over */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-backup.h"
#include "ledger-paths.h"
#include "ledger-quote.h"
#include "ledger-settings.h"
#include "ledger-text.h"

/* As many links as the kernel follows before it gives up (ELOOP). */
#define MAX_LINKS 40
#define BACKUP_SUFFIX ".clbook"

/* What a path names, as the kernel will see it when the file is opened:
 * the file itself when it exists, and in any case the folder it is (or
 * would be) created in and its name there. */
typedef struct
{
  gboolean has_file;
  dev_t    dev;
  ino_t    ino;
  gboolean has_place;
  dev_t    dir_dev;
  ino_t    dir_ino;
  char    *name;
} PathId;

typedef enum
{
  PROTECTED_BOOK,
  PROTECTED_SIDECAR,
  PROTECTED_BACKUP,
  PROTECTED_ATTACHMENT,
  PROTECTED_OUTPUT,
} ProtectedKind;

/* One file no output may name; @label is the sidecar's name or the other
 * output's option. */
typedef struct
{
  ProtectedKind kind;
  PathId        id;
  char         *label;
} ProtectedFile;

/* A folder some of whose names are protected, existing or not: every name
 * in the attachment store (@prefix NULL), the book's backups in a backup
 * folder (names PREFIX…@….clbook). */
typedef struct
{
  ProtectedKind kind;
  dev_t         dev;
  ino_t         ino;
  char         *prefix;
} ProtectedDir;

struct _LedgerPathGuard
{
  GArray *files;   /* ProtectedFile */
  GArray *dirs;    /* ProtectedDir */
};

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
static char *
follow_links (const char *path)
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

static void
path_id_init (PathId     *id,
              const char *path)
{
  g_autofree char *target = follow_links (path);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);
  GStatBuf info;

  memset (id, 0, sizeof *id);
  if (g_stat (target, &info) == 0)
    {
      id->has_file = TRUE;
      id->dev = info.st_dev;
      id->ino = info.st_ino;
    }
  /* "." and ".." are folders, never created: the file test covers them. */
  if (strcmp (name, ".") != 0 && strcmp (name, "..") != 0 && strcmp (name, G_DIR_SEPARATOR_S) != 0 &&
      g_stat (dir, &info) == 0 && S_ISDIR (info.st_mode))
    {
      id->has_place = TRUE;
      id->dir_dev = info.st_dev;
      id->dir_ino = info.st_ino;
      id->name = g_steal_pointer (&name);
    }
}

static void
path_id_clear (PathId *id)
{
  g_clear_pointer (&id->name, g_free);
}

/* Whether @a and @b are one file: the same inode (a hard link, a symbolic
 * link), or, for a file that does not exist yet, the same name in the
 * same folder. */
static gboolean
path_id_same (const PathId *a,
              const PathId *b)
{
  if (a->has_file && b->has_file && a->dev == b->dev && a->ino == b->ino)
    return TRUE;
  return a->has_place && b->has_place && a->dir_dev == b->dir_dev && a->dir_ino == b->dir_ino &&
         strcmp (a->name, b->name) == 0;
}

static void
protected_file_clear (gpointer data)
{
  ProtectedFile *file = data;

  path_id_clear (&file->id);
  g_free (file->label);
}

static void
protected_dir_clear (gpointer data)
{
  g_free (((ProtectedDir *) data)->prefix);
}

static LedgerPathGuard *
guard_new_empty (void)
{
  LedgerPathGuard *guard = g_new0 (LedgerPathGuard, 1);

  guard->files = g_array_new (FALSE, TRUE, sizeof (ProtectedFile));
  g_array_set_clear_func (guard->files, protected_file_clear);
  guard->dirs = g_array_new (FALSE, TRUE, sizeof (ProtectedDir));
  g_array_set_clear_func (guard->dirs, protected_dir_clear);
  return guard;
}

void
ledger_path_guard_free (LedgerPathGuard *guard)
{
  if (guard == NULL)
    return;
  g_array_unref (guard->files);
  g_array_unref (guard->dirs);
  g_free (guard);
}

static void
protect_file (LedgerPathGuard *guard,
              ProtectedKind    kind,
              const char      *path,
              const char      *label)
{
  ProtectedFile file = { kind, { 0 }, g_strdup (label) };

  path_id_init (&file.id, path);
  g_array_append_val (guard->files, file);
}

/* The book and SQLite's files beside it, under the name given and under
 * the name its links lead to (SQLite puts them beside the real file),
 * whether they exist now or not. */
static void
protect_book (LedgerPathGuard *guard,
              const char      *book_path)
{
  static const char *const suffixes[] = { "-journal", "-wal", "-shm" };
  g_autofree char *resolved = follow_links (book_path);
  const char *names[] = { book_path, resolved };

  protect_file (guard, PROTECTED_BOOK, book_path, NULL);
  for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
    for (gsize s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_autofree char *sidecar = g_strconcat (names[n], suffixes[s], NULL);
        g_autofree char *label = g_path_get_basename (sidecar);

        protect_file (guard, PROTECTED_SIDECAR, sidecar, label);
      }
}

static gboolean
is_backup_name (const char *name,
                const char *prefix)
{
  return g_str_has_prefix (name, prefix) && strchr (name + strlen (prefix), '@') != NULL &&
         g_str_has_suffix (name, BACKUP_SUFFIX);
}

/* Every file of @dir whose name @prefix allows (all of them when NULL),
 * as the folder's names and, for hard links elsewhere, as inodes. */
static void
protect_dir (LedgerPathGuard *guard,
             ProtectedKind    kind,
             const char      *dir,
             const char      *prefix)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;
  GStatBuf info;

  if (g_stat (dir, &info) != 0 || !S_ISDIR (info.st_mode))
    return;
  {
    ProtectedDir entry = { kind, info.st_dev, info.st_ino, g_strdup (prefix) };

    g_array_append_val (guard->dirs, entry);
  }
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (prefix == NULL || is_backup_name (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        protect_file (guard, kind, path, NULL);
      }
}

LedgerPathGuard *
ledger_path_guard_new (LedgerBook *book)
{
  LedgerPathGuard *guard;
  const char *book_path;
  g_autofree char *base = NULL, *files_dir = NULL, *default_backups = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  guard = guard_new_empty ();
  book_path = ledger_book_get_path (book);
  base = g_path_get_basename (book_path);
  protect_book (guard, book_path);
  files_dir = ledger_book_dup_files_dir (book);
  protect_dir (guard, PROTECTED_ATTACHMENT, files_dir, NULL);
  /* Backups may be in both folders: the configured one falls back to
   * the default one when it cannot be written. */
  default_backups = ledger_backup_dir (book_path);
  protect_dir (guard, PROTECTED_BACKUP, default_backups, base);
  if (ledger_settings_has_backup_dir (book))
    {
      g_autofree char *configured = ledger_settings_dup_backup_dir (book);

      protect_dir (guard, PROTECTED_BACKUP, configured, base);
    }
  return guard;
}

static gboolean
refuse (const ProtectedFile  *file,
        ProtectedKind         kind,
        const char           *field,
        const char           *path,
        GError              **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *label = file != NULL && file->label != NULL ? ledger_quote_path (file->label) : NULL;

  switch (kind)
    {
    case PROTECTED_BOOK:
      reason = g_strdup (_("this is the book itself; choose another file"));
      break;
    case PROTECTED_SIDECAR:
      reason = g_strdup_printf (_("this is the book's working file %s; choose another file"), label);
      break;
    case PROTECTED_BACKUP:
      reason = g_strdup (_("this is one of the book's backups; choose another file"));
      break;
    case PROTECTED_ATTACHMENT:
      reason = g_strdup (_("this is in the book's attachment store; choose another file"));
      break;
    case PROTECTED_OUTPUT:
    default:
      reason = g_strdup_printf (_("this is also the file for %s; choose different files"), label);
      break;
    }
  {
    /* The shape of ledger_text_set_invalid_input(), with the whole path:
     * the user must see which file it is, however long its name. */
    g_autofree char *shown = ledger_quote_path (path);

    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT, _("%s “%s”: %s"), field, shown, reason);
    return FALSE;
  }
}

gboolean
ledger_path_guard_check (LedgerPathGuard  *guard,
                         const char       *field,
                         const char       *path,
                         GError          **error)
{
  ProtectedFile output = { PROTECTED_OUTPUT, { 0 }, g_strdup (field) };

  g_return_val_if_fail (guard != NULL, FALSE);
  g_return_val_if_fail (field != NULL && path != NULL, FALSE);

  if (*path == '\0')
    {
      g_free (output.label);
      return ledger_text_set_invalid_input (error, field, NULL, _("empty; name a file"));
    }
  path_id_init (&output.id, path);
  for (guint i = 0; i < guard->files->len; i++)
    {
      const ProtectedFile *file = &g_array_index (guard->files, ProtectedFile, i);

      if (path_id_same (&file->id, &output.id))
        {
          protected_file_clear (&output);
          return refuse (file, file->kind, field, path, error);
        }
    }
  for (guint i = 0; output.id.has_place && i < guard->dirs->len; i++)
    {
      const ProtectedDir *dir = &g_array_index (guard->dirs, ProtectedDir, i);

      if (dir->dev == output.id.dir_dev && dir->ino == output.id.dir_ino &&
          (dir->prefix == NULL || is_backup_name (output.id.name, dir->prefix)))
        {
          protected_file_clear (&output);
          return refuse (NULL, dir->kind, field, path, error);
        }
    }
  g_array_append_val (guard->files, output);
  return TRUE;
}

gboolean
ledger_book_check_outputs (LedgerBook         *book,
                           gsize               n,
                           const char *const  *fields,
                           const char *const  *paths,
                           GError            **error)
{
  g_autoptr(LedgerPathGuard) guard = ledger_path_guard_new (book);

  for (gsize i = 0; i < n; i++)
    if (paths[i] != NULL && !ledger_path_guard_check (guard, fields[i], paths[i], error))
      return FALSE;
  return TRUE;
}

gboolean
ledger_path_is_book_file (const char *book_path,
                          const char *path)
{
  g_autoptr(LedgerPathGuard) guard = guard_new_empty ();
  PathId id;
  gboolean same = FALSE;

  protect_book (guard, book_path);
  path_id_init (&id, path);
  for (guint i = 0; i < guard->files->len && !same; i++)
    same = path_id_same (&g_array_index (guard->files, ProtectedFile, i).id, &id);
  path_id_clear (&id);
  return same;
}

gboolean
ledger_paths_check_book_choice (const char  *book_option,
                       GError     **error)
{
  const char *env = g_getenv ("COMMUNITY_LEDGER_BOOK");

  /* An empty name would open a temporary database that vanishes with the
   * command: the write would "succeed" into nothing. Set but empty is a
   * mistake to report, not a reason to fall back to the default book. */
  if (book_option != NULL && *book_option == '\0')
    return ledger_text_set_invalid_input (error, "--book", NULL, _("empty; name the book file"));
  if (book_option == NULL && env != NULL && *env == '\0')
    return ledger_text_set_invalid_input (error, "COMMUNITY_LEDGER_BOOK", NULL,
                                          _("empty; name the book file or unset it"));
  return TRUE;
}

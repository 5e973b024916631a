/* ledger-paths.c — the files no output may be written over */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-backup.h"
#include "ledger-file-names-private.h"
#include "ledger-book-private.h"
#include "ledger-paths-private.h"
#include "ledger-quote.h"
#include "ledger-settings-private.h"
#include "ledger-text.h"

/* As many links as the kernel follows before it gives up (ELOOP). */
#define BACKUP_SUFFIX ".clbook"

/* What a path names, as the kernel will see it when the file is opened:
 * the file itself when it exists, and in any case the folder it is (or
 * would be) created in and its name there. */
typedef struct
{
  gboolean has_file;
  dev_t    dev;
  ino_t    ino;
  mode_t   mode;
  gboolean has_place;
  dev_t    dir_dev;
  ino_t    dir_ino;
  char    *name;
  char    *real_dir;  /* the folder, its links and ".." resolved */
} PathId;

typedef enum
{
  PROTECTED_BOOK,
  PROTECTED_SIDECAR,
  PROTECTED_BACKUP,
  PROTECTED_ATTACHMENT,
  PROTECTED_FOLDER,
  PROTECTED_OUTPUT,
  NOT_A_REGULAR_FILE,
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

/* The outputs of one command on a book and the files none may name. */
typedef struct _LedgerPathGuard LedgerPathGuard;

struct _LedgerPathGuard
{
  GArray  *files;   /* ProtectedFile */
  GArray  *dirs;    /* ProtectedDir */
  gboolean has_book;
  dev_t    book_dev;  /* the book's inode, to know its folders by any */
  ino_t    book_ino;  /* of its names (BOOK.files/, BOOK.backups/) */
};

/* The folders named after the book, beside it: every file in them is the
 * book's (attachments; backups and what SQLite keeps beside them). */
static const struct
{
  const char   *suffix;
  ProtectedKind kind;
} book_folders[] = {
  { ".files", PROTECTED_ATTACHMENT },
  { ".backups", PROTECTED_BACKUP },
};

static void
path_id_init (PathId     *id,
              const char *path)
{
  g_autofree char *target = ledger_path_follow_links (path);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);
  GStatBuf info;

  memset (id, 0, sizeof *id);
  if (g_stat (target, &info) == 0)
    {
      id->has_file = TRUE;
      id->dev = info.st_dev;
      id->ino = info.st_ino;
      id->mode = info.st_mode;
    }
  /* "." and ".." are folders, never created: the file test covers them. */
  if (strcmp (name, ".") != 0 && strcmp (name, "..") != 0 && strcmp (name, G_DIR_SEPARATOR_S) != 0 &&
      g_stat (dir, &info) == 0 && S_ISDIR (info.st_mode))
    {
      id->has_place = TRUE;
      id->dir_dev = info.st_dev;
      id->dir_ino = info.st_ino;
      id->name = g_steal_pointer (&name);
      id->real_dir = realpath (dir, NULL);
    }
}

static void
path_id_clear (PathId *id)
{
  g_clear_pointer (&id->name, g_free);
  g_clear_pointer (&id->real_dir, free);
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

static void
ledger_path_guard_free (LedgerPathGuard *guard)
{
  if (guard == NULL)
    return;
  g_array_unref (guard->files);
  g_array_unref (guard->dirs);
  g_free (guard);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPathGuard, ledger_path_guard_free)

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
  g_autofree char *resolved = ledger_path_follow_links (book_path);
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

/* The names of automatic backups in a folder: PREFIX…@….clbook, and the
 * files SQLite keeps beside such a book when it is opened (a restore
 * reads them). */
static gboolean
is_backup_name (const char *name,
                const char *prefix)
{
  static const char *const sidecars[] = { "", "-journal", "-wal", "-shm" };

  if (!g_str_has_prefix (name, prefix) || strchr (name + strlen (prefix), '@') == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *suffix = g_strconcat (BACKUP_SUFFIX, sidecars[i], NULL);

      if (g_str_has_suffix (name, suffix))
        return TRUE;
    }
  return FALSE;
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

/* A folder of the book's (@kind's files go in it): its own name, so that
 * no output takes it before it exists, and everything in it. */
static void
protect_folder (LedgerPathGuard *guard,
                ProtectedKind    kind,
                const char      *dir,
                const char      *prefix)
{
  g_autofree char *label = g_path_get_basename (dir);

  protect_file (guard, PROTECTED_FOLDER, dir, label);
  protect_dir (guard, kind, dir, prefix);
}

/* A guard for the outputs of one command on @book. */
static LedgerPathGuard *
ledger_path_guard_new (LedgerBook *book)
{
  LedgerPathGuard *guard;
  const char *names[2];
  GStatBuf info;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  guard = guard_new_empty ();
  names[0] = ledger_book_get_path (book);
  names[1] = ledger_book_get_real_path (book);
  if (g_stat (names[0], &info) == 0)
    {
      guard->has_book = TRUE;
      guard->book_dev = info.st_dev;
      guard->book_ino = info.st_ino;
    }
  protect_book (guard, names[0]);
  /* BOOK.files/ and BOOK.backups/ beside the real file (where the book
   * keeps them) and beside the name used; beside a hard link's other
   * names they are recognised in ledger_path_guard_check(). In the
   * book's own backups folder every file is the book's. */
  for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
    for (gsize f = 0; f < G_N_ELEMENTS (book_folders); f++)
      {
        g_autofree char *dir = g_strconcat (names[n], book_folders[f].suffix, NULL);

        protect_folder (guard, book_folders[f].kind, dir, NULL);
      }
  /* A configured backup folder may be shared (a USB stick for the whole
   * street): every automatic backup there, of this book or another, and
   * the folder's name itself while it does not exist. */
  if (ledger_settings_has_backup_dir (book))
    {
      g_autofree char *configured = ledger_settings_dup_backup_dir (book);

      protect_folder (guard, PROTECTED_BACKUP, configured, "");
    }
  return guard;
}

/* Whether @name in the folder @dir is one of the book's folders
 * (BOOK.files, BOOK.backups) beside any name of the book, a hard link
 * included: @out_kind says which. */
static gboolean
is_book_folder (const LedgerPathGuard *guard,
                const char            *dir,
                const char            *name,
                ProtectedKind         *out_kind)
{
  if (!guard->has_book || dir == NULL || name == NULL)
    return FALSE;
  for (gsize f = 0; f < G_N_ELEMENTS (book_folders); f++)
    {
      gsize len = strlen (name), suffix_len = strlen (book_folders[f].suffix);
      g_autofree char *stem = NULL, *sibling = NULL;
      GStatBuf info;

      if (len <= suffix_len || !g_str_has_suffix (name, book_folders[f].suffix))
        continue;
      stem = g_strndup (name, len - suffix_len);
      sibling = g_build_filename (dir, stem, NULL);
      if (g_stat (sibling, &info) == 0 && info.st_dev == guard->book_dev && info.st_ino == guard->book_ino)
        {
          *out_kind = book_folders[f].kind;
          return TRUE;
        }
    }
  return FALSE;
}

/* Refuses (through refuse()) an output that is one of the book's folders
 * or inside one, found by the book's inode: @id's folder is resolved. */
static gboolean
check_book_folders (const LedgerPathGuard *guard,
                    const PathId          *id,
                    ProtectedKind         *out_kind,
                    char                 **out_label)
{
  g_autofree char *parent = NULL, *parent_name = NULL;

  if (id->real_dir == NULL)
    return TRUE;
  if (is_book_folder (guard, id->real_dir, id->name, out_kind))
    {
      *out_kind = PROTECTED_FOLDER;
      *out_label = g_strdup (id->name);
      return FALSE;
    }
  parent = g_path_get_dirname (id->real_dir);
  parent_name = g_path_get_basename (id->real_dir);
  return !is_book_folder (guard, parent, parent_name, out_kind);
}

static gboolean
refuse (ProtectedKind         kind,
        const char           *label_text,
        const char           *field,
        const char           *path,
        GError              **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *label = label_text != NULL ? ledger_quote_path (label_text) : NULL;

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
    case PROTECTED_FOLDER:
      reason = g_strdup_printf (_("this is the name of the book's folder %s; choose another file"), label);
      break;
    case NOT_A_REGULAR_FILE:
      reason = g_strdup (_("this is not a regular file (a folder, a device or a pipe); choose a file name"));
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

/* Refuses @path (LEDGER_ERROR_INVALID_INPUT naming @field and the file it
 * would overwrite) when it is one of the protected files or an output
 * already accepted by this guard; otherwise remembers it as an output of
 * this command. */
static gboolean
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
          return refuse (file->kind, file->label, field, path, error);
        }
    }
  for (guint i = 0; output.id.has_place && i < guard->dirs->len; i++)
    {
      const ProtectedDir *dir = &g_array_index (guard->dirs, ProtectedDir, i);

      if (dir->dev == output.id.dir_dev && dir->ino == output.id.dir_ino &&
          (dir->prefix == NULL || is_backup_name (output.id.name, dir->prefix)))
        {
          protected_file_clear (&output);
          return refuse (dir->kind, NULL, field, path, error);
        }
    }
  {
    ProtectedKind kind = PROTECTED_FOLDER;
    g_autofree char *label = NULL;

    if (!check_book_folders (guard, &output.id, &kind, &label))
      {
        protected_file_clear (&output);
        return refuse (kind, label, field, path, error);
      }
  }
  /* A pipe, a device or a folder is not replaced by a regular file
   * (renaming over /dev/null would delete it), nor written through (a
   * pipe with no reader blocks for good). */
  if (output.id.has_file && !S_ISREG (output.id.mode))
    {
      protected_file_clear (&output);
      return refuse (NOT_A_REGULAR_FILE, NULL, field, path, error);
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

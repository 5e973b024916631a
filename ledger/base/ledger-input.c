/* ledger-input.c — reading files the user hands the program, with a bound */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ledger-error-private.h"
#include "ledger-input-private.h"
#include "ledger-quote.h"

#define CHUNK_BYTES (64 * 1024)

static gboolean
is_stdin (const char       *path,
          LedgerInputFlags  flags)
{
  return (flags & LEDGER_INPUT_DASH_IS_STDIN) != 0 && strcmp (path, "-") == 0;
}

char *
ledger_input_display_name (const char       *path,
                           LedgerInputFlags  flags)
{
  if (is_stdin (path, flags))
    return g_strdup (_("standard input"));
  return ledger_quote_path (path);
}

/* Sets @code with the one-line message "FIELD “FILE”: REASON" (or
 * "“FILE”: REASON" without a field). */
static gboolean
set_input_error (GError           **error,
                 int                code,
                 const char        *path,
                 const char        *field,
                 LedgerInputFlags   flags,
                 const char        *reason)
{
  g_autofree char *name = ledger_input_display_name (path, flags);

  if (is_stdin (path, flags))
    g_set_error (error, LEDGER_ERROR, code,
                 /* Translators: a field name, then why its value is wrong */
                 _("%s: %s"), name, reason);
  else if (field != NULL)
    g_set_error (error, LEDGER_ERROR, code,
                 /* Translators: a field name, what the user typed, then why it is wrong */
                 _("%s “%s”: %s"), field, name, reason);
  else
    g_set_error (error, LEDGER_ERROR, code,
                 /* Translators: a file name, then what is wrong with it */
                 _("“%s”: %s"), name, reason);
  ledger_error_set_field (error, field);
  return FALSE;
}

static gboolean
set_errno_error (GError           **error,
                 int                code,
                 const char        *path,
                 const char        *field,
                 LedgerInputFlags   flags,
                 int                saved_errno)
{
  /* Translators: why a file the user named cannot be read (from the system) */
  g_autofree char *reason = g_strdup_printf (_("cannot be read: %s"), g_strerror (saved_errno));

  return set_input_error (error, code, path, field, flags, reason);
}

/* Opens @path without blocking (a FIFO without a writer would otherwise
 * wait forever in open()), refuses what @flags refuse, then makes reads
 * block again so that a pipe is read as its writer writes. */
static int
open_input (const char        *path,
            const char        *field,
            LedgerInputFlags   flags,
            GError           **error)
{
  struct stat info;
  int fd;

  if (is_stdin (path, flags))
    fd = dup (STDIN_FILENO);
  else
    fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, LEDGER_ERROR_INVALID_INPUT, path, field, flags, errno);
      return -1;
    }
  if (fstat (fd, &info) != 0)
    {
      set_errno_error (error, LEDGER_ERROR_IO, path, field, flags, errno);
      close (fd);
      return -1;
    }
  if (S_ISDIR (info.st_mode) ||
      ((flags & LEDGER_INPUT_REGULAR_ONLY) != 0 && !S_ISREG (info.st_mode)))
    {
      set_input_error (error, LEDGER_ERROR_INVALID_INPUT, path, field, flags,
                       S_ISDIR (info.st_mode)
                         ? _("is a folder, not a file")
                         : _("is not a regular file (a device, a pipe or a socket); give a file"));
      close (fd);
      return -1;
    }
  if (!is_stdin (path, flags))
    fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/* Reads @fd to its end in chunks, stopping past @limit. */
static gboolean
pump (int                    fd,
      const char            *path,
      const char            *field,
      gsize                  limit,
      const char            *too_large,
      LedgerInputFlags       flags,
      LedgerInputChunkFunc   func,
      gpointer               user_data,
      GError               **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_BYTES);
  gsize total = 0;

  for (;;)
    {
      gssize n = read (fd, buffer, CHUNK_BYTES);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        return set_errno_error (error, errno == EISDIR ? LEDGER_ERROR_INVALID_INPUT : LEDGER_ERROR_IO,
                                path, field, flags, errno);
      if (n == 0)
        return TRUE;
      total += (gsize) n;
      if (total > limit)
        {
          /* Translators: the size limit in MB, then what that means for this file */
          g_autofree char *reason = g_strdup_printf (_("larger than %u MB; %s"),
                                                     LEDGER_INPUT_MB (limit),
                                                     too_large != NULL ? too_large
                                                                       : _("give a smaller file"));

          return set_input_error (error, LEDGER_ERROR_INVALID_INPUT, path, field, flags, reason);
        }
      if (!func (buffer, (gsize) n, user_data, error))
        return FALSE;
    }
}

gboolean
ledger_input_stream (const char            *path,
                     const char            *field,
                     gsize                  limit,
                     const char            *too_large,
                     LedgerInputFlags       flags,
                     LedgerInputChunkFunc   func,
                     gpointer               user_data,
                     GError               **error)
{
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = open_input (path, field, flags, error);
  if (fd < 0)
    return FALSE;
  ok = pump (fd, path, field, limit, too_large, flags, func, user_data, error);
  close (fd);
  return ok;
}

/* Appends a chunk to a GByteArray (the LedgerInputChunkFunc of _read). */
static gboolean
append_chunk (const guint8  *data,
              gsize          length,
              gpointer       user_data,
              GError       **error)
{
  g_byte_array_append (user_data, data, (guint) length);
  return TRUE;
}

GBytes *
ledger_input_read (const char        *path,
                   const char        *field,
                   gsize              limit,
                   const char        *too_large,
                   LedgerInputFlags   flags,
                   GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) whole = NULL;
  static const guint8 nul = 0;
  gsize length;

  g_return_val_if_fail (limit < G_MAXUINT, NULL);

  if (!ledger_input_stream (path, field, limit, too_large, flags, append_chunk, bytes, error))
    return NULL;
  /* A terminating NUL that is not part of the data, as g_file_get_contents
   * gives, so that text parsers can take the bytes as a string. */
  length = bytes->len;
  g_byte_array_append (bytes, &nul, 1);
  whole = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  return g_bytes_new_from_bytes (whole, 0, length);
}

/* ledger-book-file.c — why a file cannot be opened as a book */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ledger-book-file-private.h"
#include "ledger-error.h"
#include "ledger-quote.h"

/* The SQLite file format: a 100-byte header starting with this magic
 * string, the page size at offset 16 (big-endian, 1 meaning 65536) and the
 * number of pages at offset 28, valid when the change counter at offset 24
 * equals the "version-valid-for" number at offset 92. */
#define SQLITE_HEADER_BYTES 100
#define SQLITE_MAGIC        "SQLite format 3"

typedef struct
{
  gsize   read;        /* bytes of the header present */
  gboolean magic;      /* it starts as an SQLite database */
  guint32 page_size;
  guint32 pages;       /* 0 when the header does not say */
  gint64  file_size;
} Header;

static guint32
get_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Reads what the first 100 bytes of @path say; FALSE when it cannot be read. */
static gboolean
read_header (const char *path,
             Header     *out)
{
  guint8 bytes[SQLITE_HEADER_BYTES] = { 0 };
  struct stat info;
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  memset (out, 0, sizeof *out);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &info) != 0 || (n = pread (fd, bytes, sizeof bytes, 0)) < 0)
    {
      close (fd);
      return FALSE;
    }
  close (fd);
  out->file_size = info.st_size;
  out->read = (gsize) n;
  /* A file cut inside its header starts with a piece of the magic string. */
  out->magic = n > 0 && memcmp (bytes, SQLITE_MAGIC, MIN ((gsize) n, sizeof SQLITE_MAGIC)) == 0;
  if (n < SQLITE_HEADER_BYTES)
    return TRUE;
  out->page_size = (guint32) bytes[16] << 8 | bytes[17];
  if (out->page_size == 1)
    out->page_size = 65536;
  if (get_be32 (bytes + 24) == get_be32 (bytes + 92))
    out->pages = get_be32 (bytes + 28);
  return TRUE;
}

/* Sets the "cut short" error when @header shows missing bytes. */
static gboolean
cut_short (const char    *path,
           const Header  *header,
           GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  gint64 expected;

  if (!header->magic)
    return FALSE;
  if (header->read < SQLITE_HEADER_BYTES)
    expected = SQLITE_HEADER_BYTES;
  else if (header->pages > 0 && header->page_size >= 512)
    expected = (gint64) header->pages * header->page_size;
  else
    return FALSE;
  if (header->file_size >= expected)
    return FALSE;
  name = ledger_quote_path (path);
  /* Translators: the bytes a damaged book has, then the bytes it should have */
  reason = g_strdup_printf (_("the file is cut short: %" PRId64 " bytes of %" PRId64),
                            header->file_size, expected);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT,
               _("The book %s is damaged (%s); restore it from a backup"), name, reason);
  return TRUE;
}

gboolean
ledger_book_file_is_cut_short (const char  *path,
                               GError     **error)
{
  Header header;

  return read_header (path, &header) && cut_short (path, &header, error);
}

gboolean
ledger_book_file_check (const char  *path,
                        GError     **error)
{
  g_autofree char *name = ledger_quote_path (path);
  GStatBuf info;

  if (*path == '\0')
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("No book file name given"));
      return FALSE;
    }
  if (g_stat (path, &info) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                     _("There is no book at %s (create one with “init”)"), name);
      else
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                     _("Cannot open the book %s: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("%s is a folder, not a book; give the book's file"), name);
      return FALSE;
    }
  if (!S_ISREG (info.st_mode))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE,
                   _("%s is not a regular file (a device, a pipe or a socket), so not a book"), name);
      return FALSE;
    }
  if (g_access (path, R_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot open the book %s: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (info.st_size == 0)
    {
      /* SQLite would take an empty file for an empty database, and this
       * for "not a book"; it is a copy that never got its bytes. */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT,
                   _("The book %s is empty (0 bytes): a copy that failed or a file cut short; restore it from a backup"),
                   name);
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_book_file_explain (const char  *path,
                          const char  *sqlite_message,
                          GError     **error)
{
  g_autofree char *name = ledger_quote_path (path);
  Header header;

  if (!read_header (path, &header))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot open the book %s: %s"), name, sqlite_message);
      return FALSE;
    }
  if (cut_short (path, &header, error))
    return FALSE;
  if (header.magic)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT,
                 _("The book %s is damaged (%s); restore it from a backup"), name, sqlite_message);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE,
                 _("%s is not a Community Ledger book (%s)"), name,
                 _("it is not an SQLite database"));
  return FALSE;
}

/* ledger-attachment.c — files kept beside the book, with their SHA-256 */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>

#include "ledger-attachment-private.h"
#include "ledger-attachment.h"
#include "ledger-book-private.h"
#include "ledger-input-private.h"
#include "ledger-journal-private.h"
#include "ledger-quote.h"
#include "ledger-text.h"
#include "ledger-write.h"

/* Bounded while the file is read and copied: see ledger-input-private.h. */
#define ATTACHMENT_MAX_BYTES LEDGER_INPUT_ATTACHMENT_MAX_BYTES
/* A file name is at most 255 bytes on the file systems in use. */
#define ATTACHMENT_NAME_MAX_CHARS 255

void
ledger_attachment_free (LedgerAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->original_name);
  g_free (attachment->stored_name);
  g_free (attachment);
}

/* Describes the file at @path, whose SHA-256 is @hash, as an attachment. */
static LedgerAttachment *
describe (const char  *path,
          const char  *hash,
          gsize        length)
{
  g_autofree char *basename = g_path_get_basename (path);
  LedgerAttachment *attachment = g_new0 (LedgerAttachment, 1);

  if (!g_utf8_validate (basename, -1, NULL))
    {
      g_free (basename);
      basename = g_strdup ("attachment");
    }
  attachment->original_name = g_strdup (basename);
  attachment->stored_name = g_strdup_printf ("%.16s-%s", hash, basename);
  g_strlcpy (attachment->sha256, hash, sizeof attachment->sha256);
  attachment->size = (gint64) length;
  return attachment;
}

/* The copy being made: written to a temporary file of the attachment
 * folder and hashed as it streams, so a scan is never held in memory. */
typedef struct
{
  int         fd;         /* -1 until the first bytes come */
  char       *temp_path;  /* created by this process, or NULL */
  GChecksum  *sha256;
  gsize       length;
  const char *dir;
} Copy;

static char *create_temporary (const char  *dir,
                               int         *out_fd,
                               GError     **error);

/* The temporary file is made when the first bytes are read, so that a
 * file that cannot be read leaves no attachment folder behind. */
static gboolean
ensure_temporary (Copy     *copy,
                  GError  **error)
{
  if (copy->temp_path == NULL)
    copy->temp_path = create_temporary (copy->dir, &copy->fd, error);
  return copy->temp_path != NULL;
}

/* Writes one chunk of the attachment to the copy (a LedgerInputChunkFunc). */
static gboolean
copy_chunk (const guint8  *data,
            gsize          length,
            gpointer       user_data,
            GError       **error)
{
  Copy *copy = user_data;
  int saved;

  if (!ensure_temporary (copy, error))
    return FALSE;
  g_checksum_update (copy->sha256, data, length);
  copy->length += length;
  saved = ledger_write_all (copy->fd, data, length);
  if (saved != 0)
    {
      g_autofree char *dir = ledger_quote_path (copy->dir);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot copy the attachment to “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Flushes the copy to the disk and closes it. */
static gboolean
finish_copy (Copy     *copy,
             GError  **error)
{
  int rc = fsync (copy->fd);
  int saved = errno;

  if (close (copy->fd) != 0 && rc == 0)
    {
      rc = -1;
      saved = errno;
    }
  copy->fd = -1;
  if (rc != 0)
    {
      g_autofree char *dir = ledger_quote_path (copy->dir);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot copy the attachment to “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Creates the attachment folder and a temporary file in it that this
 * process alone created (O_EXCL), so that a failure removes only its own. */
static char *
create_temporary (const char  *dir,
                  int         *out_fd,
                  GError     **error)
{
  g_autofree char *quoted = ledger_quote_path (dir);
  char *temp_path;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot create the attachment folder “%s”: %s"), quoted, g_strerror (saved));
      return NULL;
    }
  temp_path = g_build_filename (dir, ".attaching-XXXXXX", NULL);
  *out_fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (*out_fd < 0)
    {
      int saved = errno;

      g_free (temp_path);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot copy the attachment to “%s”: %s"), quoted, g_strerror (saved));
      return NULL;
    }
  return temp_path;
}

LedgerAttachment *
ledger_attachment_store (LedgerBook  *book,
                         const char  *path,
                         const char  *field,
                         GError     **error)
{
  g_autofree char *dir = ledger_book_dup_files_dir (book);
  g_autofree char *temp_path = NULL;
  g_autofree char *stored_path = NULL;
  g_autoptr(GChecksum) sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(LedgerAttachment) attachment = NULL;
  g_autofree char *name = g_path_get_basename (path);
  Copy copy = { -1, NULL, sha256, 0, dir };
  gboolean ok;

  /* The name is stored and journaled: the rules of any stored text (a
   * name that is no UTF-8 at all is stored as "attachment", see describe). */
  if (g_utf8_validate (name, -1, NULL) &&
      !ledger_text_check (name, field, ATTACHMENT_NAME_MAX_CHARS, TRUE, error))
    return NULL;
  /* Streamed and bounded while reading: a scan is never held whole in
   * memory, and /dev/zero or a FIFO cannot fill the disk or wait forever. */
  ok = ledger_input_stream (path, field, ATTACHMENT_MAX_BYTES, _("attach a smaller scan"),
                            LEDGER_INPUT_REGULAR_ONLY, copy_chunk, &copy, error) &&
       ensure_temporary (&copy, error) &&      /* an empty file has no chunk */
       finish_copy (&copy, error);
  temp_path = g_steal_pointer (&copy.temp_path);
  if (!ok)
    {
      if (copy.fd >= 0)
        close (copy.fd);
      if (temp_path != NULL)
        g_unlink (temp_path);
      return NULL;
    }

  /* Content-addressed: attaching the same file twice stores it once. */
  attachment = describe (path, g_checksum_get_string (sha256), copy.length);
  stored_path = g_build_filename (dir, attachment->stored_name, NULL);
  if (g_rename (temp_path, stored_path) != 0)
    {
      int saved = errno;
      g_autofree char *quoted = ledger_quote_path (dir);

      g_unlink (temp_path);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot copy the attachment to “%s”: %s"), quoted, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&attachment);
}

/* The tables of the rows an attachment may belong to. An attachment is
 * recorded by the entry that records its owner, so its owner's number is
 * the row that entry puts into this table. */
static const struct
{
  const char *owner_kind;
  const char *next_id_sql;
  const char *txn_sql;
} owner_tables[] = {
  { "ballot",
    "SELECT coalesce (max (id), 0) + 1 FROM ballots",
    "SELECT txn_id FROM ballots WHERE id = ?1" },
  { "expenditure",
    "SELECT coalesce (max (id), 0) + 1 FROM expenditures",
    "SELECT txn_id FROM expenditures WHERE id = ?1" },
};

static gsize
find_owner_table (const char *owner_kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (owner_tables); i++)
    if (g_strcmp0 (owner_tables[i].owner_kind, owner_kind) == 0)
      return i;
  return G_N_ELEMENTS (owner_tables);
}

gboolean
ledger_attachment_next_owner_id (LedgerBook  *book,
                                 const char  *owner_kind,
                                 gint64      *out_id,
                                 GError     **error)
{
  gsize i = find_owner_table (owner_kind);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (i < G_N_ELEMENTS (owner_tables), FALSE);

  /* SQLite numbers a new row of a table without AUTOINCREMENT one past
   * the largest; these tables only grow, inside this one write. */
  stmt = ledger_book_prepare (book, owner_tables[i].next_id_sql, error);
  return stmt != NULL && ledger_book_query_int64 (book, stmt, 1, out_id, error);
}

void
ledger_attachment_add_fact (LedgerPosting           *posting,
                            const LedgerAttachment  *attachment,
                            const char              *owner_kind,
                            gint64                   owner_id)
{
  char owner[24], size[24];

  ledger_posting_add_fact (posting, &ledger_fact_attachment, owner_kind,
                           ledger_fact_int_text (owner, owner_id),
                           attachment->original_name, attachment->stored_name,
                           attachment->sha256, ledger_fact_int_text (size, attachment->size));
}

/* The fact's owner must be the row its own entry recorded just before. */
static gboolean
check_owner_in_entry (LedgerBook  *book,
                      const char  *owner_kind,
                      gint64       owner_id,
                      gint64       txn_id,
                      GError     **error)
{
  gsize i = find_owner_table (owner_kind);
  sqlite3_stmt *stmt;
  gint64 owner_txn = 0;

  if (i < G_N_ELEMENTS (owner_tables))
    {
      stmt = ledger_book_prepare (book, owner_tables[i].txn_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      if (!ledger_book_query_int64 (book, stmt, 0, &owner_txn, error))
        return FALSE;
    }
  if (owner_txn == txn_id)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("an attachment belongs to %s %" PRId64 ", which its journal entry does not record"),
               owner_kind, owner_id);
  return FALSE;
}

/* "attachment|OWNER_KIND|OWNER_ID|ORIGINAL_NAME|STORED_NAME|SHA256|SIZE" */
static gboolean
apply_attachment (LedgerBook         *book,
                  gint64              txn_id,
                  const char         *date G_GNUC_UNUSED,
                  const char *const  *fields,
                  GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 owner_id, size;

  if (!ledger_fact_int64 ("attachment", fields, 1, &owner_id, error) ||
      !ledger_fact_int64 ("attachment", fields, 5, &size, error) ||
      !check_owner_in_entry (book, fields[0], owner_id, txn_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO attachments (owner_kind, owner_id, original_name, stored_name,"
                              " sha256, size, txn_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, fields[0]);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  ledger_bind_text (stmt, 3, fields[2]);
  ledger_bind_text (stmt, 4, fields[3]);
  ledger_bind_text (stmt, 5, fields[4]);
  sqlite3_bind_int64 (stmt, 6, size);
  sqlite3_bind_int64 (stmt, 7, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_attachment = { "attachment", 6, apply_attachment };

gboolean
ledger_attachment_list (LedgerBook  *book,
                        const char  *owner_kind,
                        gint64       owner_id,
                        GPtrArray   *out,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT original_name, stored_name, sha256, size FROM attachments"
                              " WHERE owner_kind = ?1 AND owner_id = ?2 ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, owner_kind);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerAttachment *a = g_new0 (LedgerAttachment, 1);

      a->original_name = ledger_column_dup (stmt, 0);
      a->stored_name = ledger_column_dup (stmt, 1);
      g_strlcpy (a->sha256, (const char *) sqlite3_column_text (stmt, 2), sizeof a->sha256);
      a->size = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (out, a);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading attachments"), error))
    return FALSE;
  return TRUE;
}

/* ledger-attachment.c — files kept beside the book, with their SHA-256 */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "ledger-attachment.h"
#include "ledger-book-private.h"
#include "ledger-text.h"

#define ATTACHMENT_MAX_BYTES (64 * 1024 * 1024)
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

/* Describes @contents as an attachment named after @path. */
static LedgerAttachment *
describe (const char  *path,
          const char  *contents,
          gsize        length)
{
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
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

LedgerAttachment *
ledger_attachment_store (LedgerBook  *book,
                         const char  *path,
                         const char  *field,
                         GError     **error)
{
  g_autofree char *dir = ledger_book_dup_files_dir (book);
  g_autofree char *contents = NULL;
  g_autofree char *stored_path = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LedgerAttachment) attachment = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gsize length = 0;

  /* The name is stored and journaled: the rules of any stored text (a
   * name that is no UTF-8 at all is stored as "attachment", see describe). */
  if (g_utf8_validate (name, -1, NULL) &&
      !ledger_text_check (name, field, ATTACHMENT_NAME_MAX_CHARS, TRUE, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      ledger_text_set_invalid_input (error, field, path, local_error->message);
      return NULL;
    }
  if (length > ATTACHMENT_MAX_BYTES)
    {
      ledger_text_set_invalid_input (error, field, path, _("larger than 64 MB; attach a smaller scan"));
      return NULL;
    }

  /* Content-addressed: attaching the same file twice stores it once. */
  attachment = describe (path, contents, length);
  stored_path = g_build_filename (dir, attachment->stored_name, NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot create the attachment folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }
  if (!g_file_set_contents (stored_path, contents, length, &local_error))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("Cannot copy the attachment to %s: %s"), dir, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&attachment);
}

gboolean
ledger_attachment_insert (LedgerBook              *book,
                          const LedgerAttachment  *attachment,
                          const char              *owner_kind,
                          gint64                   owner_id,
                          gint64                   txn_id,
                          GError                 **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO attachments (owner_kind, owner_id, original_name, stored_name,"
                              " sha256, size, txn_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, owner_kind);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  ledger_bind_text (stmt, 3, attachment->original_name);
  ledger_bind_text (stmt, 4, attachment->stored_name);
  ledger_bind_text (stmt, 5, attachment->sha256);
  sqlite3_bind_int64 (stmt, 6, attachment->size);
  sqlite3_bind_int64 (stmt, 7, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

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
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, "reading attachments");
      return FALSE;
    }
  return TRUE;
}

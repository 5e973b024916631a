/* ledger-notice-record.c — recording a notice's publication (the files
 * made, with their SHA-256, and the expenditures announced), and reading
 * the publications back
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-expenditure.h"
#include "ledger-fingerprint.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"
#include "ledger-notice-facts-private.h"
#include "ledger-notice-private.h"
#include "ledger-text.h"

/* A file name is at most 255 bytes on the file systems a notice goes to. */
#define FILE_NAME_MAX_CHARS 255

typedef struct
{
  const LedgerNoticeData *data;
  const LedgerNoticeFile *files;
  guint                   n_files;
  gint64                  notice_id;
} RecordRequest;

/* The entry's ref and memo (ledger_notice_ref_memo(): "fingerprint
 * 383:57fd…; pdf notice.pdf sha256 ab12…; …"), from what its facts hold. */
static void
record_ref_memo (const RecordRequest  *r,
                 const char           *fingerprint,
                 char                **out_ref,
                 char                **out_memo)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (guint i = 0; i < r->n_files; i++)
    {
      g_ptr_array_add (files, (gpointer) r->files[i].kind);
      g_ptr_array_add (files, (gpointer) r->files[i].name);
      g_ptr_array_add (files, (gpointer) r->files[i].sha256);
    }
  g_ptr_array_add (files, NULL);
  ledger_notice_ref_memo (r->data->period.name, fingerprint, (const char *const *) files->pdata,
                          out_ref, out_memo);
}

/* An announcement fact for each listed expenditure that no earlier
 * notice announced: the first notice that shows an expenditure announces
 * it, once. */
static gboolean
add_announcement_facts (LedgerBook           *book,
                        LedgerPosting        *posting,
                        const RecordRequest  *r,
                        GError              **error)
{
  g_autoptr(GHashTable) announced = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book, "SELECT count (*) FROM announcements WHERE expenditure_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < 2; k++)
    {
      const GPtrArray *list = k == 0 ? r->data->expenditures : r->data->late_expenditures;

      for (guint i = 0; i < list->len; i++)
        {
          const LedgerExpenditure *e = g_ptr_array_index (list, i);
          gint64 earlier = 0;
          char id[24];

          sqlite3_bind_int64 (stmt, 1, e->id);
          if (!ledger_book_query_int64 (book, stmt, 0, &earlier, error))
            return FALSE;
          if (earlier == 0 && g_hash_table_add (announced, (gpointer) &e->id))
            ledger_posting_add_fact (posting, &ledger_fact_announcement, ledger_fact_int_text (id, e->id));
        }
    }
  return TRUE;
}

/* The facts of the publication: the notice, each file made with its
 * SHA-256, the expenditures it announces. */
static gboolean
add_notice_facts (LedgerBook           *book,
                  LedgerPosting        *posting,
                  const RecordRequest  *r,
                  const char           *fingerprint,
                  GError              **error)
{
  g_autofree char *now = ledger_book_now (book);

  ledger_posting_add_fact (posting, &ledger_fact_notice, r->data->period.name, r->data->period.first,
                           r->data->period.last, fingerprint, now);
  for (guint i = 0; i < r->n_files; i++)
    ledger_posting_add_fact (posting, &ledger_fact_notice_file, r->files[i].kind, r->files[i].name,
                             r->files[i].sha256);
  return add_announcement_facts (book, posting, r, error);
}

/* The publication, inside one transaction: refused when the book
 * moved on since the data was gathered. */
static gboolean
record_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  RecordRequest *r = user_data;
  g_autofree char *fingerprint = ledger_tree_head_format (&r->data->head);
  g_autofree char *ref = NULL, *memo = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  gint64 size = ledger_journal_count (book, error);
  gint64 txn_id = 0;
  sqlite3_stmt *stmt;

  if (size < 0)
    return FALSE;
  if ((guint64) size != r->data->head.size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("The book changed while the notice for %s was being made; make it again"),
                   r->data->period.name);
      return FALSE;
    }
  record_ref_memo (r, fingerprint, &ref, &memo);
  posting = ledger_posting_new ("notice", r->data->date);
  ledger_posting_set_ref (posting, ref);
  ledger_posting_set_memo (posting, memo);
  if (!add_notice_facts (book, posting, r, fingerprint, error) ||
      !ledger_posting_commit (posting, book, &txn_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book, "SELECT id FROM notices WHERE txn_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  return ledger_book_query_int64 (book, stmt, 0, &r->notice_id, error);
}

/* Records a publication in one transaction. */
gboolean
ledger_notice_record (LedgerBook              *book,
                      const LedgerNoticeData  *data,
                      const LedgerNoticeFile  *files,
                      guint                    n_files,
                      gint64                  *out_notice_id,
                      GError                 **error)
{
  RecordRequest request = { data, files, n_files, 0 };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  /* The names go into the journal: the rules of any stored text, checked
   * here to name the file rather than the memo they end up in. */
  for (guint i = 0; i < n_files; i++)
    if (!ledger_text_check (files[i].name, _("file name"), FILE_NAME_MAX_CHARS, TRUE, error))
      return FALSE;
  if (!ledger_book_write (book, record_cb, &request, error))
    return FALSE;
  if (out_notice_id != NULL)
    *out_notice_id = request.notice_id;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading publications */

/* For the GUI's status column: recorded or announced. */
gboolean
ledger_expenditure_is_announced (LedgerBook *book,
                                 gint64      expenditure_id)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  stmt = ledger_book_prepare (book,
                              "SELECT count (*) FROM announcements WHERE expenditure_id = ?1",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, expenditure_id);
  return ledger_book_query_int64 (book, stmt, 0, &count, NULL) && count > 0;
}

gboolean
ledger_expenditure_count_unannounced (LedgerBook  *book,
                                      gint64      *out_count,
                                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  stmt = ledger_book_prepare (book,
                              "SELECT count (*) FROM expenditures e"
                              " WHERE NOT EXISTS (SELECT 1 FROM announcements a"
                              "                   WHERE a.expenditure_id = e.id)",
                              error);
  return stmt != NULL && ledger_book_query_int64 (book, stmt, 0, out_count, error);
}

/* Frees one row of ledger_notice_list(). */
void
ledger_notice_free (LedgerNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->fingerprint);
  g_free (notice->published_at);
  g_free (notice);
}

/* The publications, for the GUI and for auditors. */
GPtrArray *
ledger_notice_list (LedgerBook  *book,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT id, period, first, last, fingerprint, published_at, txn_id"
                              " FROM notices ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerNotice *n = g_new0 (LedgerNotice, 1);

      n->id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (n->period, (const char *) sqlite3_column_text (stmt, 1), sizeof n->period);
      g_strlcpy (n->first, (const char *) sqlite3_column_text (stmt, 2), sizeof n->first);
      g_strlcpy (n->last, (const char *) sqlite3_column_text (stmt, 3), sizeof n->last);
      n->fingerprint = ledger_column_dup (stmt, 4);
      n->published_at = ledger_column_dup (stmt, 5);
      n->txn_id = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (list, n);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading notices"), error))
    return NULL;
  return g_steal_pointer (&list);
}

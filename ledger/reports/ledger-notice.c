/* ledger-notice.c — gathering a notice's data, scrubbing it for the public,
 * and recording its publication */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-expense.h"
#include "ledger-fingerprint.h"
#include "ledger-household.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"
#include "ledger-notice.h"
#include "ledger-privacy.h"
#include "ledger-settings.h"
#include "ledger-text.h"
#include "ledger-vote.h"

/* A file name is at most 255 bytes on the file systems a notice goes to. */
#define FILE_NAME_MAX_CHARS 255

/* Frees a notice's data and everything in it. */
void
ledger_notice_data_free (LedgerNoticeData *data)
{
  if (data == NULL)
    return;
  g_free (data->community);
  g_free (data->address);
  g_free (data->committee);
  g_free (data->publication_url);
  g_clear_pointer (&data->report, ledger_income_report_free);
  g_clear_pointer (&data->expenditures, g_ptr_array_unref);
  g_clear_pointer (&data->late_expenditures, g_ptr_array_unref);
  g_clear_pointer (&data->votes, g_ptr_array_unref);
  g_free (data);
}

/* ------------------------------------------------------------------ */
/* Scrubbing free text for the public */

/* The scrubbing itself lives in ledger-privacy.c, where the workbook's
 * free-text columns and the URL check find it too. */
char *
ledger_notice_scrub (const char       *text,
                     const GPtrArray  *owners,
                     const GPtrArray  *phones)
{
  return ledger_privacy_scrub (text, owners, phones);
}

/* Replaces *@text by its scrubbed copy. */
static void
scrub_in_place (char                  **text,
                LedgerPrivacyScrubber  *scrubber)
{
  char *clean = ledger_privacy_scrubber_run (scrubber, *text);

  g_free (*text);
  *text = clean;
}

/* The owners' names and phones of the register: what must not be shown. */
static gboolean
read_private_words (LedgerBook  *book,
                    GPtrArray  **out_owners,
                    GPtrArray  **out_phones,
                    GError     **error)
{
  g_autoptr(GPtrArray) households = ledger_household_list (book, error);
  g_autoptr(GHashTable) seen = NULL;

  if (households == NULL)
    return FALSE;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  *out_owners = g_ptr_array_new_with_free_func (g_free);
  *out_phones = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);

      if (g_hash_table_add (seen, h->owner))
        g_ptr_array_add (*out_owners, g_strdup (h->owner));
      if (h->phone != NULL && *h->phone != '\0')
        g_ptr_array_add (*out_phones, g_strdup (h->phone));
    }
  return TRUE;
}

/* Scrubs every piece of free text the notice shows. */
static void
scrub_notice (LedgerNoticeData *data,
              const GPtrArray  *owners,
              const GPtrArray  *phones)
{
  g_autoptr(LedgerPrivacyScrubber) scrubber = ledger_privacy_scrubber_new (owners, phones);

  /* A link cannot be masked: one that holds an owner's name or a phone of
   * the register, in any form the scrubber finds (%-escaped too), is
   * left off the notice and its QR code. */
  if (data->publication_url != NULL && *data->publication_url != '\0')
    {
      g_autofree char *checked = ledger_privacy_scrubber_run (scrubber, data->publication_url);

      if (strcmp (checked, data->publication_url) != 0)
        {
          g_free (data->publication_url);
          data->publication_url = g_strdup ("");
        }
    }
  scrub_in_place (&data->community, scrubber);
  scrub_in_place (&data->address, scrubber);
  scrub_in_place (&data->committee, scrubber);
  for (guint i = 0; i < data->report->income->len; i++)
    scrub_in_place (&((LedgerReportLine *) g_ptr_array_index (data->report->income, i))->name,
                    scrubber);
  for (guint i = 0; i < data->expenditures->len; i++)
    {
      LedgerExpenditure *e = g_ptr_array_index (data->expenditures, i);

      scrub_in_place (&e->payee, scrubber);
      scrub_in_place (&e->memo, scrubber);
    }
  for (guint i = 0; i < data->late_expenditures->len; i++)
    {
      LedgerExpenditure *e = g_ptr_array_index (data->late_expenditures, i);

      scrub_in_place (&e->payee, scrubber);
      scrub_in_place (&e->memo, scrubber);
    }
  for (guint i = 0; i < data->votes->len; i++)
    scrub_in_place (&((LedgerVote *) g_ptr_array_index (data->votes, i))->title, scrubber);
}

/* ------------------------------------------------------------------ */
/* Gathering */

/* The votes closed within @period, oldest first. */
static GPtrArray *
votes_closed_in (LedgerBook          *book,
                 const LedgerPeriod  *period,
                 GError             **error)
{
  g_autoptr(GPtrArray) all = ledger_vote_list (book, error);
  GPtrArray *closed;

  if (all == NULL)
    return NULL;
  closed = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_vote_free);
  /* ledger_vote_list() gives the newest first. */
  for (guint i = all->len; i-- > 0;)
    {
      const LedgerVote *v = g_ptr_array_index (all, i);

      if (v->closed && strcmp (v->closed_on, period->first) >= 0 &&
          strcmp (v->closed_on, period->last) <= 0)
        g_ptr_array_add (closed, g_ptr_array_steal_index (all, i));
    }
  return closed;
}

/* Expenditures that missed their notice: dated before @period in a
 * period already published, recorded after it, never announced. Those of
 * periods never published stay for their own notice. */
static GPtrArray *
late_expenditures (LedgerBook          *book,
                   const LedgerPeriod  *period,
                   GError             **error)
{
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GHashTable) late = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *list;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT e.id FROM expenditures e WHERE e.date < ?1"
    " AND NOT EXISTS (SELECT 1 FROM announcements a WHERE a.expenditure_id = e.id)"
    " AND EXISTS (SELECT 1 FROM notices n WHERE e.date BETWEEN n.first AND n.last)",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period->first);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (late, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, "reading expenditures");
      return NULL;
    }
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_expenditure_free);
  if (g_hash_table_size (late) == 0)
    return list;
  earlier = ledger_expenditure_list (book, NULL, error);
  if (earlier == NULL)
    {
      g_ptr_array_unref (list);
      return NULL;
    }
  for (guint i = earlier->len; i-- > 0;)
    if (g_hash_table_contains (late, &((LedgerExpenditure *) g_ptr_array_index (earlier, i))->id))
      g_ptr_array_insert (list, 0, g_ptr_array_steal_index (earlier, i));
  return list;
}

/* Reads the settings the notice prints: the community's name and address,
 * the committee and the publication URL. */
static void
read_notice_settings (LedgerBook       *book,
                      LedgerNoticeData *data)
{
  g_autofree char *committee = ledger_book_dup_setting (book, LEDGER_SETTING_COMMITTEE);
  g_autofree char *url = ledger_book_dup_setting (book, LEDGER_SETTING_PUBLICATION_URL);

  data->community = ledger_book_dup_name (book);
  data->address = ledger_settings_dup_address (book);
  data->committee = committee != NULL && *committee != '\0'
                      ? g_steal_pointer (&committee)
                      : g_strconcat (data->community, "业主委员会", NULL);
  /* A link cannot be masked; one that settings url would refuse today (a
   * book from before the check, or edited) is left off the notice rather
   * than printed with a phone number in it. */
  if (url != NULL && (!ledger_text_check (url, "url", G_MAXUINT, FALSE, NULL) ||
                      ledger_privacy_has_mobile_number (url)))
    g_clear_pointer (&url, g_free);
  data->publication_url = url != NULL ? g_steal_pointer (&url) : g_strdup ("");
}

/* Reads the figures; the head first, so a write in between shows up as a
 * conflict when the publication is recorded. */
static gboolean
read_notice_figures (LedgerBook        *book,
                     LedgerNoticeData  *data,
                     GError           **error)
{
  if (!ledger_book_fingerprint (book, &data->head, error))
    return FALSE;
  data->report = ledger_report_income (book, &data->period, error);
  if (data->report == NULL)
    return FALSE;
  data->expenditures = ledger_expenditure_list (book, &data->period, error);
  if (data->expenditures == NULL)
    return FALSE;
  data->late_expenditures = late_expenditures (book, &data->period, error);
  if (data->late_expenditures == NULL)
    return FALSE;
  data->votes = votes_closed_in (book, &data->period, error);
  return data->votes != NULL &&
         ledger_report_collection (book, data->period.year, &data->collection, error);
}

/* Everything the notice shows, read in one snapshot and scrubbed. */
LedgerNoticeData *
ledger_notice_gather (LedgerBook          *book,
                      const LedgerPeriod  *period,
                      GError             **error)
{
  g_autoptr(LedgerNoticeData) data = g_new0 (LedgerNoticeData, 1);
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  gboolean snapshot, ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  data->period = *period;
  ledger_book_today (book, data->date);
  read_notice_settings (book, data);

  /* One read transaction: every figure comes from the same book. */
  snapshot = !ledger_book_in_write (book) && ledger_book_exec (book, "BEGIN", NULL);
  ok = read_notice_figures (book, data, error) &&
       read_private_words (book, &owners, &phones, error);
  if (snapshot)
    ledger_book_exec (book, "COMMIT", NULL);
  if (!ok)
    return NULL;
  scrub_notice (data, owners, phones);
  return g_steal_pointer (&data);
}

/* ------------------------------------------------------------------ */
/* Recording a publication */

typedef struct
{
  const LedgerNoticeData *data;
  const LedgerNoticeFile *files;
  guint                   n_files;
  gint64                  notice_id;
} RecordRequest;

/* "fingerprint 383:57fd…; pdf notice.pdf sha256 ab12…; …" */
static char *
record_memo (const RecordRequest *r,
             const char          *fingerprint)
{
  GString *memo = g_string_new (NULL);

  g_string_append_printf (memo, "fingerprint %s", fingerprint);
  for (guint i = 0; i < r->n_files; i++)
    g_string_append_printf (memo, "; %s %s sha256 %s", r->files[i].kind, r->files[i].name,
                            r->files[i].sha256);
  return g_string_free (memo, FALSE);
}

/* The notices row; its id goes to the files and announcements. */
static gboolean
insert_notice (LedgerBook    *book,
               RecordRequest *r,
               const char    *fingerprint,
               gint64         txn_id,
               GError       **error)
{
  g_autofree char *now = ledger_book_now (book);
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO notices (period, first, last, fingerprint, published_at, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, r->data->period.name);
  ledger_bind_text (stmt, 2, r->data->period.first);
  ledger_bind_text (stmt, 3, r->data->period.last);
  ledger_bind_text (stmt, 4, fingerprint);
  ledger_bind_text (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, txn_id);
  if (!ledger_book_step_done (book, stmt, error))
    return FALSE;
  r->notice_id = sqlite3_last_insert_rowid (ledger_book_get_db (book));
  return TRUE;
}

/* One row per file made, with its SHA-256. */
static gboolean
insert_files (LedgerBook           *book,
              const RecordRequest  *r,
              GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO notice_files (notice_id, kind, name, sha256)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < r->n_files; i++)
    {
      sqlite3_bind_int64 (stmt, 1, r->notice_id);
      ledger_bind_text (stmt, 2, r->files[i].kind);
      ledger_bind_text (stmt, 3, r->files[i].name);
      ledger_bind_text (stmt, 4, r->files[i].sha256);
      if (!ledger_book_step_done (book, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Marks the listed expenditures announced; one announced before keeps the
 * notice that first showed it. */
static gboolean
insert_announcements (LedgerBook           *book,
                      const RecordRequest  *r,
                      GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO announcements (expenditure_id, notice_id)"
                              " VALUES (?1, ?2) ON CONFLICT (expenditure_id) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < 2; k++)
    {
      const GPtrArray *list = k == 0 ? r->data->expenditures : r->data->late_expenditures;

      for (guint i = 0; i < list->len; i++)
        {
          const LedgerExpenditure *e = g_ptr_array_index (list, i);

          sqlite3_bind_int64 (stmt, 1, e->id);
          sqlite3_bind_int64 (stmt, 2, r->notice_id);
          if (!ledger_book_step_done (book, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
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
  g_autofree char *memo = record_memo (r, fingerprint);
  g_autoptr(LedgerPosting) posting = NULL;
  gint64 size = ledger_journal_count (book, error);
  gint64 txn_id = 0;

  if (size < 0)
    return FALSE;
  if ((guint64) size != r->data->head.size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("The book changed while the notice for %s was being made; make it again"),
                   r->data->period.name);
      return FALSE;
    }
  posting = ledger_posting_new ("notice", r->data->date);
  ledger_posting_set_ref (posting, r->data->period.name);
  ledger_posting_set_memo (posting, memo);
  return ledger_posting_commit (posting, book, &txn_id, error) &&
         insert_notice (book, r, fingerprint, txn_id, error) &&
         insert_files (book, r, error) &&
         insert_announcements (book, r, error);
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
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, "reading notices");
      return NULL;
    }
  return g_steal_pointer (&list);
}

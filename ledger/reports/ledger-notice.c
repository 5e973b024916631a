/* ledger-notice.c — gathering a notice's data: the figures of a period,
 * the expenditures and votes it announces, and the settings it prints,
 * read in one snapshot
 *
 * The data is scrubbed for the public by ledger-notice-scrub.c; its
 * publication is recorded by ledger-notice-record.c.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-expenditure.h"
#include "ledger-fingerprint.h"
#include "ledger-notice-private.h"
#include "ledger-notice.h"
#include "ledger-privacy.h"
#include "ledger-settings.h"
#include "ledger-text.h"
#include "ledger-vote.h"

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
  g_clear_pointer (&data->late_entries, g_ptr_array_unref);
  g_clear_pointer (&data->revisions, g_ptr_array_unref);
  g_free (data->replaces_fingerprint);
  g_clear_pointer (&data->corrections, g_ptr_array_unref);
  g_clear_pointer (&data->accounts, g_ptr_array_unref);
  g_clear_pointer (&data->incomes, g_ptr_array_unref);
  g_clear_pointer (&data->refunds, g_ptr_array_unref);
  g_clear_pointer (&data->transfers, g_ptr_array_unref);
  g_free (data);
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
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading expenditures"), error))
    return NULL;
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
  if (data->late_expenditures == NULL || !ledger_notice_read_carried (book, data, error) ||
      !ledger_notice_read_money (book, data, error))
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
       ledger_notice_read_private_words (book, &owners, &phones, error);
  if (snapshot)
    ledger_book_exec (book, "COMMIT", NULL);
  if (!ok)
    return NULL;
  ledger_notice_scrub_data (data, owners, phones);
  return g_steal_pointer (&data);
}

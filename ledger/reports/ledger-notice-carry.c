/* ledger-notice-carry.c — what a notice carries over from the last one
 * published: the closing it printed, the entries recorded after it but
 * dated inside its period (late entries), and the corrections of closed
 * periods dated in the new notice's period
 *
 * A published closing figure must not change without a word: a payment
 * entered in April but dated 30 March changes the money held on 31 March.
 * The next notice therefore opens with exactly the figure the last one
 * printed, and lists the late entries that make up the difference
 * (docs/money.md, "Closed periods").
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-book-private.h"
#include "ledger-money-private.h"
#include "ledger-notice-private.h"
#include "ledger-report.h"

void
ledger_notice_entry_free (LedgerNoticeEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->ref);
  g_free (entry);
}

/* Statement texts built once (the statement cache keeps the pointer):
 * @head, the condition that s.account holds the committee's money
 * (ledger_committee_money_where(), as the income report counts it), then
 * @tail. */
static const char *
money_sql (char       **slot,
           const char  *head,
           const char  *tail)
{
  if (g_once_init_enter (slot))
    {
      g_autofree char *where = ledger_committee_money_where ("s.account");

      g_once_init_leave (slot, g_strconcat (head, where, tail, NULL));
    }
  return *slot;
}

/* The day before @iso. */
static void
day_before (const char *iso,
            char        out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5), (GDateYear) atoi (iso));
  g_date_subtract_days (&date, 1);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* The last notice published of a period that ended the day before
 * @data's begins: its period and journal entry (0 when there is none). */
static gboolean
previous_notice (LedgerBook        *book,
                 LedgerNoticeData  *data,
                 gint64            *out_txn_id,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  char before[11];
  int rc;

  *out_txn_id = 0;
  day_before (data->period.first, before);
  stmt = ledger_book_prepare (book, "SELECT period, txn_id FROM notices WHERE last = ?1 ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strlcpy (data->carried_from, (const char *) sqlite3_column_text (stmt, 0), sizeof data->carried_from);
      *out_txn_id = sqlite3_column_int64 (stmt, 1);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading notices"), error);
}

/* The money held at the end of @last by the entries before @txn_id: the
 * closing the notice recorded by @txn_id printed (its figures were read
 * from the book just before its entry). Read as the money held at the end
 * of @last (the daily cache, as the notice read it) less what the entries
 * from @txn_id on moved of it by then: a walk through the entries since
 * that notice, not through every split of the book's history. */
static gboolean
closing_as_published (LedgerBook  *book,
                      const char  *last,
                      gint64       txn_id,
                      gint64      *out,
                      GError     **error)
{
  static char *sql;
  gint64 held = 0, since = 0;
  sqlite3_stmt *stmt;

  if (!ledger_report_funds_at (book, last, &held, error))
    return FALSE;
  /* CROSS JOIN: the entries by their id first, then their splits; else
   * SQLite walks every split of the named bank accounts and advances. */
  stmt = ledger_book_prepare (book,
    money_sql (&sql, "SELECT coalesce (sum (s.amount), 0) FROM txns t CROSS JOIN splits s ON s.txn_id = t.id WHERE ",
               " AND t.date <= ?1 AND t.id >= ?2"),
    error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, last);
  sqlite3_bind_int64 (stmt, 2, txn_id);
  if (!ledger_book_query_int64 (book, stmt, 0, &since, error))
    return FALSE;
  *out = held;
  return ledger_total_add_or_error (out, -since, _("the balances"), error);
}

/* Reads rows of (txn_id, date, kind, ref, period, amount) into @list. */
static gboolean
collect_entries (LedgerBook    *book,
                 sqlite3_stmt  *stmt,
                 GPtrArray     *list,
                 GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerNoticeEntry *entry = g_new0 (LedgerNoticeEntry, 1);

      entry->txn_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (entry->date, (const char *) sqlite3_column_text (stmt, 1), sizeof entry->date);
      entry->kind = ledger_column_dup (stmt, 2);
      entry->ref = ledger_column_dup (stmt, 3);
      g_strlcpy (entry->period, (const char *) sqlite3_column_text (stmt, 4), sizeof entry->period);
      entry->amount = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, entry);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading notices"), error);
}

/* The entries after @txn_id dated up to @last that moved money, into
 * @list, each with the published period it is dated in; their sum added
 * to @total. */
static gboolean
read_late_entries (LedgerBook   *book,
                   GPtrArray    *list,
                   gint64       *total,
                   const char   *last,
                   gint64        txn_id,
                   GError      **error)
{
  static char *sql;
  sqlite3_stmt *stmt = ledger_book_prepare (book,
    money_sql (&sql,
               "SELECT t.id, t.date, t.kind, t.ref,"
               " coalesce ((SELECT n.period FROM notices n WHERE t.date BETWEEN n.first AND n.last"
               "            ORDER BY n.id DESC LIMIT 1), ''),"
               " sum (s.amount)"
               " FROM txns t CROSS JOIN splits s ON s.txn_id = t.id WHERE ",
               " AND t.id > ?1 AND t.date <= ?2 GROUP BY t.id HAVING sum (s.amount) <> 0 ORDER BY t.id"),
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, last);
  if (!collect_entries (book, stmt, list, error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (!ledger_total_add_or_error (total, ((LedgerNoticeEntry *) g_ptr_array_index (list, i))->amount,
                                    _("the late entries"), error))
      return FALSE;
  return TRUE;
}

/* The last notice published of exactly @data's period: its entry, the
 * day it was published and its fingerprint (0 when there is none). */
static gboolean
notice_replaced (LedgerBook        *book,
                 LedgerNoticeData  *data,
                 gint64            *out_txn_id,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_txn_id = 0;
  stmt = ledger_book_prepare (book,
                              "SELECT txn_id, published_at, fingerprint FROM notices WHERE period = ?1"
                              " ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, data->period.name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_txn_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (data->replaces_at, (const char *) sqlite3_column_text (stmt, 1), sizeof data->replaces_at);
      g_free (data->replaces_fingerprint);
      data->replaces_fingerprint = ledger_column_dup (stmt, 2);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading notices"), error);
}

/* A notice of a period published before: what it closed with, and the
 * entries recorded since and dated up to the period's end that make the
 * difference. A treasurer who publishes a period again (a payment found,
 * dated in it) shows the residents both figures and why they differ. */
static gboolean
read_revisions (LedgerBook        *book,
                LedgerNoticeData  *data,
                GError           **error)
{
  gint64 txn_id = 0;

  data->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_entry_free);
  data->revision_total = 0;
  data->replaced_closing = data->report->closing;
  if (!notice_replaced (book, data, &txn_id, error))
    return FALSE;
  if (txn_id == 0)
    return TRUE;
  if (!closing_as_published (book, data->period.last, txn_id, &data->replaced_closing, error) ||
      !read_late_entries (book, data->revisions, &data->revision_total, data->period.last, txn_id, error))
    return FALSE;
  if (data->replaced_closing + data->revision_total != data->report->closing)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("The figures for %s do not tie out with its notice published %s (its closing and the "
                     "entries since ≠ this closing); run verify"),
                   data->period.name, data->replaces_at);
      return FALSE;
    }
  return TRUE;
}

/* The entries dated in the notice's period that correct a closed one. */
static gboolean
read_corrections (LedgerBook        *book,
                  LedgerNoticeData  *data,
                  GError           **error)
{
  static char *sql;
  sqlite3_stmt *stmt = ledger_book_prepare (book,
    money_sql (&sql,
               "SELECT t.id, t.date, t.kind, t.ref, c.period,"
               " coalesce ((SELECT sum (s.amount) FROM splits s WHERE s.txn_id = t.id AND ",
               "), 0) FROM corrections c JOIN txns t ON t.id = c.txn_id"
               " WHERE t.date BETWEEN ?1 AND ?2 ORDER BY t.id"),
    error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, data->period.first);
  ledger_bind_text (stmt, 2, data->period.last);
  return collect_entries (book, stmt, data->corrections, error);
}

gboolean
ledger_notice_read_carried (LedgerBook        *book,
                            LedgerNoticeData  *data,
                            GError           **error)
{
  char last[11];
  gint64 txn_id = 0;

  data->late_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_entry_free);
  data->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_notice_entry_free);
  data->carried = data->report->opening;
  data->late_total = 0;
  if (!read_corrections (book, data, error) || !read_revisions (book, data, error) ||
      !previous_notice (book, data, &txn_id, error))
    return FALSE;
  if (txn_id == 0)
    return TRUE;
  day_before (data->period.first, last);
  if (!closing_as_published (book, last, txn_id, &data->carried, error) ||
      !read_late_entries (book, data->late_entries, &data->late_total, last, txn_id, error))
    return FALSE;
  /* What the last notice closed with, and what was entered for its days
   * since, is what this one opens with; else the book is inconsistent. */
  if (data->carried + data->late_total != data->report->opening)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("The figures for %s do not tie out with the notice of %s (its closing and the late "
                     "entries since ≠ this opening); run verify"),
                   data->period.name, data->carried_from);
      return FALSE;
    }
  return TRUE;
}

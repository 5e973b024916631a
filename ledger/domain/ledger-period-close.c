/* ledger-period-close.c — closing a published period (`period close`),
 * its fact and verify's rule, and the list of closed and published periods
 *
 * One function decides a close entry (close_draft()), for the writer and
 * for the replay. The journal then refuses any entry dated in the period
 * (core/ledger-closed-periods.c).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-journal-private.h"
#include "ledger-period-close-private.h"
#include "ledger-period-close.h"
#include "ledger-replay-rules-private.h"

/* ------------------------------------------------------------------ */
/* The fact */

static gboolean
apply_close (LedgerBook         *book,
             gint64              txn_id,
             const char         *date G_GNUC_UNUSED,
             const char *const  *fields,
             GError            **error)
{
  static const char *const kinds[] = { "period-close", NULL };
  sqlite3_stmt *stmt;

  if (!ledger_draft_require_kind (book, txn_id, "close", kinds, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO closed_periods (period, first_day, last_day, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 3; i++)
    ledger_bind_text (stmt, i + 1, fields[i]);
  sqlite3_bind_int64 (stmt, 4, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_close = { "close", 3, apply_close };

/* ------------------------------------------------------------------ */
/* Deciding the entry */

static gboolean
set_refused (GError            **error,
             const LedgerPeriod *period,
             const char         *reason)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT, _("period %s: %s"), period->name, reason);
  return FALSE;
}

/* The closed period that holds all of @period (itself, or a year holding
 * a quarter): "" when none does. */
static gboolean
closed_around (LedgerBook          *book,
               const LedgerPeriod  *period,
               char                 out[16],
               GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  out[0] = '\0';
  stmt = ledger_book_prepare (book,
                              "SELECT coalesce ((SELECT period FROM closed_periods WHERE first_day <= ?1 AND last_day >= ?2"
                              " ORDER BY first_day, period LIMIT 1), '')",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, period->first);
  ledger_bind_text (stmt, 2, period->last);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_strlcpy (out, (const char *) sqlite3_column_text (stmt, 0), 16);
  return ledger_book_finish_row (book, stmt, rc, N_("reading the closed periods"), error);
}

/* The fingerprint printed on the last notice published of exactly
 * @period, or NULL (and no error) when none was. */
static gboolean
last_notice_fingerprint (LedgerBook          *book,
                         const LedgerPeriod  *period,
                         char               **out,
                         GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out = NULL;
  stmt = ledger_book_prepare (book, "SELECT (SELECT fingerprint FROM notices WHERE period = ?1 ORDER BY id DESC LIMIT 1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, period->name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out = ledger_column_dup (stmt, 0);
  return ledger_book_finish_row (book, stmt, rc, N_("reading notices"), error);
}

/* The close entry of @period on @book today: its date, its fact, its ref
 * (the period) and its memo (the fingerprint on the notice it seals). The rules: a notice of
 * exactly that period was published, the period has ended by the book's
 * clock, and neither it nor a period holding it is closed. */
static gboolean
close_draft (LedgerBook          *book,
             const LedgerPeriod  *period,
             LedgerDraft         *draft,
             GError             **error)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *memo = NULL;
  g_autofree char *reason = NULL;
  char today[11], around[16];

  ledger_book_today (book, today);
  if (!closed_around (book, period, around, error) ||
      !last_notice_fingerprint (book, period, &fingerprint, error))
    return FALSE;
  if (strcmp (around, period->name) == 0)
    return set_refused (error, period, _("already closed"));
  if (around[0] != '\0')
    {
      reason = g_strdup_printf (_("already closed as part of %s"), around);
      return set_refused (error, period, reason);
    }
  if (fingerprint == NULL)
    {
      reason = g_strdup_printf (_("no notice of %s has been published; publish it first "
                                  "(notice FILE.pdf --period %s), then close it"),
                                period->name, period->name);
      return set_refused (error, period, reason);
    }
  if (strcmp (today, period->last) <= 0)
    {
      reason = g_strdup_printf (_("it has not ended (it runs to %s; today is %s by the book's clock)"),
                                period->last, today);
      return set_refused (error, period, reason);
    }

  ledger_draft_set_date (draft, today);
  ledger_draft_add_factv (draft, &ledger_fact_close,
                          (const char *const[]) { period->name, period->first, period->last });
  memo = g_strconcat ("notice ", fingerprint, NULL);
  ledger_draft_set_ref_memo (draft, period->name, memo);
  return TRUE;
}

static gboolean
close_in_write (LedgerBook          *book,
                const LedgerPeriod  *period,
                GError             **error)
{
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;
  char today[11];

  ledger_book_today (book, today);
  if (!ledger_check_entry_date (book, today, "date", error) ||
      !close_draft (book, period, draft, error))
    return FALSE;
  posting = ledger_posting_new ("period-close", today);
  ledger_draft_post (draft, posting);
  return ledger_posting_commit (posting, book, NULL, error);
}

static gboolean
close_cb (LedgerBook *book,
          gpointer    user_data,
          GError    **error)
{
  return close_in_write (book, user_data, error);
}

gboolean
ledger_period_close (LedgerBook    *book,
                     const char    *text,
                     LedgerPeriod  *out_period,
                     GError       **error)
{
  LedgerPeriod period;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (!ledger_period_parse (text, "PERIOD", &period, error) ||
      !ledger_book_write (book, close_cb, &period, error))
    return FALSE;
  if (out_period != NULL)
    *out_period = period;
  return TRUE;
}

gboolean
ledger_period_close_rule (LedgerBook          *book,
                          const LedgerLeaf    *leaf,
                          char *const *const  *facts,
                          GError             **error)
{
  char *const *fact = ledger_replay_only_fact (leaf, facts, "close", NULL, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;
  LedgerPeriod period;

  if (fact == NULL)
    return FALSE;
  if (!ledger_period_parse (fact[1], "period", &period, NULL) || strcmp (period.name, fact[1]) != 0)
    return ledger_replay_differs (error, _("period"), _("a period as a notice names it"), fact[1]);
  if (!close_draft (book, &period, draft, &refused))
    return ledger_replay_refused (error, leaf, refused);
  return ledger_draft_check (draft, leaf, _("closing the period"), error);
}

/* ------------------------------------------------------------------ */
/* The list */

void
ledger_period_state_free (LedgerPeriodState *state)
{
  if (state == NULL)
    return;
  g_free (state->closed_at);
  g_free (state->published_at);
  g_free (state);
}

/* Reads rows of (period, first, last, closed_on, closed_at, txn_id,
 * published_at) into @list. */
static gboolean
collect_states (LedgerBook    *book,
                sqlite3_stmt  *stmt,
                GPtrArray     *list,
                GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerPeriodState *state = g_new0 (LedgerPeriodState, 1);

      g_strlcpy (state->period, (const char *) sqlite3_column_text (stmt, 0), sizeof state->period);
      g_strlcpy (state->first, (const char *) sqlite3_column_text (stmt, 1), sizeof state->first);
      g_strlcpy (state->last, (const char *) sqlite3_column_text (stmt, 2), sizeof state->last);
      state->txn_id = sqlite3_column_int64 (stmt, 5);
      state->closed = state->txn_id > 0;
      if (state->closed)
        {
          g_strlcpy (state->closed_on, (const char *) sqlite3_column_text (stmt, 3), sizeof state->closed_on);
          state->closed_at = ledger_column_dup (stmt, 4);
        }
      state->published_at = sqlite3_column_type (stmt, 6) != SQLITE_NULL ? ledger_column_dup (stmt, 6) : NULL;
      g_ptr_array_add (list, state);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the closed periods"), error);
}

GPtrArray *
ledger_period_list (LedgerBook  *book,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_period_state_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book,
    "SELECT c.period, c.first_day, c.last_day, t.date, t.recorded_at, c.txn_id,"
    "       (SELECT max (published_at) FROM notices n WHERE n.period = c.period)"
    " FROM closed_periods c JOIN txns t ON t.id = c.txn_id ORDER BY c.first_day, c.period",
    error);
  if (stmt == NULL || !collect_states (book, stmt, list, error))
    return NULL;
  stmt = ledger_book_prepare (book,
    "SELECT period, min (first), min (last), NULL, NULL, 0, max (published_at) FROM notices"
    " WHERE period NOT IN (SELECT period FROM closed_periods)"
    " GROUP BY period ORDER BY min (first), period",
    error);
  if (stmt == NULL || !collect_states (book, stmt, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

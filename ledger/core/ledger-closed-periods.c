/* ledger-closed-periods.c — the periods no entry may be dated in, and the
 * entries that correct them (ledger-closed-periods-private.h) */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-closed-periods-private.h"
#include "ledger-text.h"

gboolean
ledger_closed_may_correct (const char *kind)
{
  return strcmp (kind, "account") != 0 && strcmp (kind, "snapshot") != 0;
}

gboolean
ledger_closed_period_of (LedgerBook  *book,
                         const char  *date,
                         char         out_period[16],
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  out_period[0] = '\0';
  stmt = ledger_book_prepare (book,
                              "SELECT coalesce ((SELECT period FROM closed_periods WHERE ?1 BETWEEN first_day AND last_day"
                              " ORDER BY first_day, period LIMIT 1), '')",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_strlcpy (out_period, (const char *) sqlite3_column_text (stmt, 0), 16);
  return ledger_book_finish_row (book, stmt, rc, N_("reading the closed periods"), error);
}

gboolean
ledger_closed_period_check (LedgerBook  *book,
                            const char  *date,
                            const char  *field,
                            GError     **error)
{
  char period[16];
  g_autofree char *reason = NULL;

  if (!ledger_closed_period_of (book, date, period, error))
    return FALSE;
  if (period[0] == '\0')
    return TRUE;
  reason = g_strdup_printf (_("inside %s, a closed period: no entry may be dated in it; "
                              "enter the correction in an open period with --corrects %s"),
                            period, period);
  return ledger_text_set_invalid_input (error, field, date, reason);
}

/* Whether @period is closed (a row of closed_periods). */
static gboolean
period_is_closed (LedgerBook  *book,
                  const char  *period,
                  gboolean    *out_closed,
                  GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT count (*) FROM closed_periods WHERE period = ?1",
                                            error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, period);
  if (!ledger_book_query_int64 (book, stmt, 0, &n, error))
    return FALSE;
  *out_closed = n > 0;
  return TRUE;
}

/* A correction names a period that is closed when it is written (and, in
 * verify's replay, was closed at that point of the journal). */
static gboolean
apply_corrects (LedgerBook         *book,
                gint64              txn_id,
                const char         *date G_GNUC_UNUSED,
                const char *const  *fields,
                GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean closed = FALSE;

  if (!period_is_closed (book, fields[0], &closed, error))
    return FALSE;
  if (!closed)
    return ledger_text_set_invalid_input (error, "--corrects", fields[0],
                                          _("not a closed period: a correction names a period closed "
                                            "with “period close” after its notice was published"));
  stmt = ledger_book_prepare (book, "INSERT INTO corrections (txn_id, period) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_corrects = { "corrects", 1, apply_corrects };

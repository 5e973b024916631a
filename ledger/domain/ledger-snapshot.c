/* ledger-snapshot.c — the upgrade to schema 3, and its replay
 *
 * Entries written before schema 3 are version-1 leaves: their splits are
 * hashed, the rows they put beside the journal (charges, receipts,
 * votes …) are not. Those leaves are not rewritten (a published
 * fingerprint covers them). Instead the upgrade appends one entry, kind
 * "snapshot", whose facts commit to the book as it stood:
 *
 * - for each append-only table, the number and digest of its rows so far
 *   ("snapshot|TABLE|ROWS|SHA256", ledger_table_digest());
 * - every setting, income account and household restated as facts, since
 *   those rows change in place later.
 *
 * verify's replay takes the version-1 entries and their rows from the
 * book as they are, checks them against the digests, then applies the
 * snapshot's facts and replays every later entry; so a row of the
 * version-1 part edited after the upgrade is found, as is any later one.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-household-private.h"
#include "ledger-journal-private.h"
#include "ledger-replay-rules-private.h"
#include "ledger-snapshot-private.h"
#include "ledger-tables-private.h"

/* The snapshot entry's memo; its ref is empty. */
#define SNAPSHOT_MEMO "schema 3"

/* The append-only tables beside the journal, the rows of the entries
 * before the snapshot (?1 is the snapshot's entry), in key order. */
static const struct
{
  const char *table;
  const char *key;
  const char *before;
} frozen[] = {
  { "fees",          "id",                "txn_id < ?1" },
  { "charges",       "id",                "txn_id < ?1" },
  { "allocations",   "txn_id, charge_id", "txn_id < ?1" },
  { "receipts",      "number",            "txn_id < ?1" },
  { "voids",         "receipt",           "txn_id < ?1" },
  { "waivers",       "id",                "txn_id < ?1" },
  { "expenditures",  "id",                "txn_id < ?1" },
  { "attachments",   "id",                "txn_id < ?1" },
  { "votes",         "id",                "txn_id < ?1" },
  { "ballots",       "id",                "txn_id < ?1" },
  { "vote_results",  "vote_id",           "txn_id < ?1" },
  { "notices",       "id",                "txn_id < ?1" },
  { "notice_files",  "notice_id, kind",   "notice_id IN (SELECT id FROM notices WHERE txn_id < ?1)" },
  { "announcements", "expenditure_id",    "notice_id IN (SELECT id FROM notices WHERE txn_id < ?1)" },
};

/* ------------------------------------------------------------------ */
/* The facts */

static gboolean
apply_account (LedgerBook         *book,
               gint64              txn_id G_GNUC_UNUSED,
               const char         *date G_GNUC_UNUSED,
               const char *const  *fields,
               GError            **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "INSERT INTO accounts (code, name, kind) VALUES (?1, ?2, ?3)"
                                            " ON CONFLICT (code) DO UPDATE SET name = excluded.name",
                                            error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, fields[0]);
  ledger_bind_text (stmt, 2, fields[1]);
  ledger_bind_text (stmt, 3, fields[2]);
  return ledger_book_step_done (book, stmt, error);
}

/* A digest puts no row anywhere: replay checks it (below). */
static gboolean
apply_snapshot (LedgerBook         *book G_GNUC_UNUSED,
                gint64              txn_id G_GNUC_UNUSED,
                const char         *date G_GNUC_UNUSED,
                const char *const  *fields G_GNUC_UNUSED,
                GError            **error G_GNUC_UNUSED)
{
  return TRUE;
}

const LedgerFactKind ledger_fact_account = { "account", 3, apply_account };
const LedgerFactKind ledger_fact_snapshot = { "snapshot", 3, apply_snapshot };

/* ------------------------------------------------------------------ */
/* The upgrade's entry */

gboolean
ledger_snapshot_needed (LedgerBook  *book,
                        gboolean    *out_needed,
                        GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT leaf FROM txns ORDER BY id DESC LIMIT 1", error);
  gint64 leaf = 2;

  if (stmt == NULL || !ledger_book_query_int64 (book, stmt, 2, &leaf, error))
    return FALSE;
  *out_needed = leaf == 1;
  return TRUE;
}

static gboolean
add_digests (LedgerPosting  *posting,
             LedgerBook     *book,
             gint64          next_txn,
             GError        **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (frozen); i++)
    {
      char hex[65], rows_text[24];
      gint64 rows = 0;

      if (!ledger_table_digest (book, frozen[i].table, frozen[i].key, frozen[i].before, next_txn,
                                &rows, hex, error))
        return FALSE;
      ledger_posting_add_fact (posting, &ledger_fact_snapshot, frozen[i].table,
                               ledger_fact_int_text (rows_text, rows), hex);
    }
  return TRUE;
}

/* Each row of a two-column query as a fact of @kind. */
static gboolean
add_rows_as_facts (LedgerPosting         *posting,
                   LedgerBook            *book,
                   const char            *sql,
                   const LedgerFactKind  *kind,
                   GError               **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *fields[3] = { NULL };

      for (guint i = 0; i < kind->n_fields; i++)
        fields[i] = (const char *) sqlite3_column_text (stmt, (int) i);
      ledger_posting_add_factv (posting, kind, fields);
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the book to upgrade"), error);
}

static gboolean
post_snapshot_cb (LedgerBook *book,
                  gpointer    user_data G_GNUC_UNUSED,
                  GError    **error)
{
  g_autoptr(LedgerPosting) posting = NULL;
  g_autoptr(GPtrArray) households = NULL;
  sqlite3_stmt *stmt;
  gint64 next_txn = 0, txn_id = 0;
  gboolean needed = FALSE;
  char today[11];

  /* Again inside the write: another program may have posted it. */
  if (!ledger_snapshot_needed (book, &needed, error))
    return FALSE;
  if (!needed)
    return TRUE;
  stmt = ledger_book_prepare (book, "SELECT max (id) + 1 FROM txns", error);
  if (stmt == NULL || !ledger_book_query_int64 (book, stmt, 1, &next_txn, error))
    return FALSE;

  ledger_book_today (book, today);
  posting = ledger_posting_new ("snapshot", today);
  ledger_posting_set_memo (posting, SNAPSHOT_MEMO);
  if (!add_digests (posting, book, next_txn, error) ||
      !add_rows_as_facts (posting, book, "SELECT key, value FROM settings ORDER BY key",
                          &ledger_fact_setting, error) ||
      !add_rows_as_facts (posting, book,
                          "SELECT code, name, kind FROM accounts WHERE kind = 'income' ORDER BY id",
                          &ledger_fact_account, error) ||
      (households = ledger_household_restate_all (posting, book, error)) == NULL ||
      !ledger_posting_commit (posting, book, &txn_id, error))
    return FALSE;
  return ledger_household_restated (book, txn_id, households, error);
}

gboolean
ledger_snapshot_ensure (LedgerBook  *book,
                        GError     **error)
{
  gboolean needed = FALSE;

  if (ledger_book_is_read_only (book))
    return TRUE;
  if (!ledger_snapshot_needed (book, &needed, error))
    return FALSE;
  return !needed || ledger_book_write (book, post_snapshot_cb, NULL, error);
}

/* ------------------------------------------------------------------ */
/* Replay */

/* Copies into @replayed the rows of @book's @table that @before picks,
 * through @book's own connection: a second connection reading the book
 * while verify's read transaction holds it would wait on a writer that
 * waits on verify. */
static gboolean
copy_rows (LedgerBook  *replayed,
           LedgerBook  *book,
           const char  *table,
           const char  *key,
           const char  *before,
           gint64       snapshot,
           GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s WHERE %s ORDER BY %s", table, before, key);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *from = NULL, *to = NULL;
  int rc = SQLITE_OK, n;

  if (sqlite3_prepare_v2 (ledger_book_get_db (book), select, -1, &from, NULL) != SQLITE_OK)
    {
      ledger_book_set_sqlite_error (book, error, N_("copying the entries before the upgrade"));
      return FALSE;
    }
  n = sqlite3_column_count (from);
  g_string_printf (insert, "INSERT INTO %s VALUES (", table);
  for (int i = 0; i < n; i++)
    g_string_append (insert, i == 0 ? "?" : ", ?");
  g_string_append_c (insert, ')');
  if (sqlite3_prepare_v2 (ledger_book_get_db (replayed), insert->str, -1, &to, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (from);
      ledger_book_set_sqlite_error (replayed, error, N_("copying the entries before the upgrade"));
      return FALSE;
    }
  sqlite3_bind_int64 (from, 1, snapshot);
  while ((rc = sqlite3_step (from)) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        sqlite3_bind_value (to, i + 1, sqlite3_column_value (from, i));
      if (sqlite3_step (to) != SQLITE_DONE)
        {
          ledger_book_set_sqlite_error (replayed, error, N_("copying the entries before the upgrade"));
          break;
        }
      sqlite3_reset (to);
    }
  sqlite3_finalize (from);
  sqlite3_finalize (to);
  if (rc == SQLITE_ROW)
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, N_("copying the entries before the upgrade"));
      return FALSE;
    }
  return TRUE;
}

static const char *
digest_fact_of (char *const *const *facts,
                const char         *table,
                const char        **out_rows)
{
  for (gsize i = 0; facts[i] != NULL; i++)
    if (strcmp (facts[i][0], "snapshot") == 0 && strcmp (facts[i][1], table) == 0)
      {
        *out_rows = facts[i][2];
        return facts[i][3];
      }
  return NULL;
}

static gboolean
check_digests (LedgerBook          *replayed,
               gint64               snapshot,
               char *const *const  *facts,
               GError             **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (frozen); i++)
    {
      const char *rows_text = NULL;
      const char *expected = digest_fact_of (facts, frozen[i].table, &rows_text);
      char hex[65], count[24];
      gint64 rows = 0;

      if (!ledger_table_digest (replayed, frozen[i].table, frozen[i].key, frozen[i].before, snapshot,
                                &rows, hex, error))
        return FALSE;
      if (expected == NULL || strcmp (expected, hex) != 0 ||
          strcmp (rows_text, ledger_fact_int_text (count, rows)) != 0)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("table %s: its %" PRId64 " rows from before the upgrade are not the rows the upgrade's snapshot committed to (%s rows, SHA-256 %s…)"),
                       frozen[i].table, rows, rows_text != NULL ? rows_text : "?",
                       expected != NULL ? expected : "?");
          return FALSE;
        }
    }
  return TRUE;
}

/* What rows of the version-1 part can be checked against the version-1
 * leaves themselves: an expenditure's amount is what its entry moved to
 * expense accounts, a receipt's what its entry put into the money
 * account. (A result cannot be recounted: the register it was counted
 * on is not in version-1 leaves. Publish a notice right after an
 * upgrade: from then on the snapshot itself is on the board.) */
static const struct
{
  const char *table;
  const char *sql;  /* the key of a first row that disagrees, ?1 the snapshot */
} v1_agreements[] = {
  { "expenditures",
    "SELECT e.id FROM expenditures e WHERE e.txn_id < ?1 AND e.amount IS NOT"
    " (SELECT sum (s.amount) FROM splits s WHERE s.txn_id = e.txn_id AND s.account LIKE 'expense:%')"
    " ORDER BY e.id LIMIT 1" },
  { "receipts",
    "SELECT r.number FROM receipts r WHERE r.txn_id < ?1 AND r.amount IS NOT"
    " (SELECT sum (s.amount) FROM splits s WHERE s.txn_id = r.txn_id AND s.account = r.method)"
    " ORDER BY r.number LIMIT 1" },
};

static gboolean
check_v1_agreements (LedgerBook  *replayed,
                     gint64       snapshot,
                     GError     **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (v1_agreements); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (ledger_book_get_db (replayed), v1_agreements[i].sql, -1, &stmt, NULL)
          != SQLITE_OK)
        {
          ledger_book_set_sqlite_error (replayed, error, N_("copying the entries before the upgrade"));
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, snapshot);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *key = ledger_column_dup (stmt, 0);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("table %s, row %s (from before the upgrade): its amount is not what its journal entry moved"),
                       v1_agreements[i].table, key);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          if (rc != SQLITE_ROW)
            ledger_book_set_sqlite_error (replayed, error, N_("copying the entries before the upgrade"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ledger_snapshot_replay (LedgerBook          *replayed,
                        LedgerBook          *book,
                        const LedgerLeaf    *leaf,
                        char *const *const  *facts,
                        GError             **error)
{
  gboolean ok;

  /* Rows arrive before what they refer to (charges before the
   * households the snapshot restates): checked at the end instead. */
  if (!ledger_book_exec (replayed, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  ok = copy_rows (replayed, book, "txns", "id", "id < ?1", leaf->index, error) &&
       copy_rows (replayed, book, "splits", "txn_id, seq", "txn_id < ?1", leaf->index, error);
  for (gsize i = 0; ok && i < G_N_ELEMENTS (frozen); i++)
    ok = copy_rows (replayed, book, frozen[i].table, frozen[i].key, frozen[i].before, leaf->index, error);
  return ok && check_v1_agreements (replayed, leaf->index, error) &&
         check_digests (replayed, leaf->index, facts, error);
}

gboolean
ledger_snapshot_rule (LedgerBook          *book G_GNUC_UNUSED,
                      const LedgerLeaf    *leaf,
                      char *const *const  *facts G_GNUC_UNUSED,
                      GError             **error)
{
  return ledger_replay_check_ref_memo (leaf, "", SNAPSHOT_MEMO, error);
}

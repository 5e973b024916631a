/* test-published.c — what a notice put on the board is checked by verify
 *
 * A notice prints the book's fingerprint SIZE:ROOT. Whoever rewrites an
 * entry among the first SIZE and then rebuilds the cached tree, as the
 * program itself would build it, has a book whose tree agrees with its
 * journal; only the fingerprint on the board tells. verify recomputes the
 * head at each notice's size from the leaves and compares.
 *
 * The fingerprint pass (ledger_verify_tree_in_read) is tested on its own:
 * the replay that follows it is another part of verify. */
#include <glib/gstdio.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger-book-private.h"
#include "ledger-fingerprint-private.h"
#include "ledger-verify-private.h"

typedef BookFixture Fixture;

/* The notice of the first quarter: households, payments, and after the
 * notice one more payment. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LedgerNoticeData) gathered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  LedgerPeriod q1;

  book_fixture_init (f, "公示小区", NULL);
  ledger_book_set_clock (f->book, "2026-04-02");
  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
  book_add_household (f->book, "1-1-102", "李娜", 12000, 0);
  r1 = book_pay (f->book, "1-1-101", 48000, LEDGER_METHOD_WECHAT, "2026-01-05");
  r2 = book_pay (f->book, "1-1-102", 30000, LEDGER_METHOD_CASH, "2026-02-10");

  g_assert_true (ledger_period_parse ("2026-Q1", "period", &q1, NULL));
  gathered = ledger_notice_gather (f->book, &q1, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_notice_record (f->book, gathered, NULL, 0, NULL, &error));
  g_assert_no_error (error);

  r3 = book_pay (f->book, "1-1-101", 1000, LEDGER_METHOD_CASH, "2026-04-02");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

/* The entry number of the notice and the size it published. */
static void
notice_entry (LedgerBook *book,
              gint64     *out_txn_id,
              gint64     *out_size)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT txn_id, fingerprint FROM notices", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *out_txn_id = sqlite3_column_int64 (stmt, 0);
  *out_size = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 1), NULL, 10);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static gboolean
tree_cb (LedgerBook  *book,
         gpointer     user_data,
         GError     **error)
{
  return ledger_verify_tree_in_read (book, user_data, NULL, NULL, NULL, error);
}

/* The fingerprint half of verify. */
static gboolean
verify_tree (LedgerBook      *book,
             LedgerTreeHead  *out_head,
             GError         **error)
{
  return ledger_book_read (book, tree_cb, out_head, error);
}

static gboolean
rebuild_cb (LedgerBook  *book,
            gpointer     user_data,
            GError     **error)
{
  gint64 n = ledger_journal_count (book, error);

  if (n < 0 || !ledger_book_exec (book, "DELETE FROM merkle_nodes", error))
    return FALSE;
  for (gint64 i = 1; i <= n; i++)
    if (!ledger_fingerprint_append (book, i, error))
      return FALSE;
  return TRUE;
}

/* A copy of the book changed by @sql behind the program's back (its
 * triggers dropped, as an attacker would), with the cached tree deleted
 * and built again from the changed journal by the program's own code
 * when @rebuild. */
static LedgerBook *
tampered_copy (Fixture    *f,
               const char *sql,
               gboolean    rebuild)
{
  g_autofree char *copy = book_fixture_file (f, "copy.clbook");
  g_autoptr(LedgerBook) tampered = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  g_unlink (copy);
  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF;"
                                     "DROP TRIGGER txns_no_update; DROP TRIGGER notices_no_update;"
                                     "DROP TRIGGER merkle_nodes_no_delete;",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);

  tampered = ledger_community_open (copy, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (rebuild)
    {
      g_assert_true (ledger_book_write (tampered, rebuild_cb, NULL, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&tampered);
}

static void
assert_verify_names (LedgerBook *book,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  g_assert_false (verify_tree (book, &head, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  if (strstr (error->message, expected) == NULL)
    g_error ("got “%s”, wanted “%s”", error->message, expected);
  g_test_message ("%s", error->message);
}

/* The book as written: the notice's fingerprint is the head just before
 * its own entry, and the fingerprint pass agrees with the cache. */
static void
test_published_as_written (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head, cached;
  gint64 txn_id = 0, size = 0;

  notice_entry (f->book, &txn_id, &size);
  g_assert_cmpint (size, ==, txn_id - 1);
  g_assert_cmpint (txn_id, <, book_journal_count (f->book));
  g_assert_true (verify_tree (f->book, &head, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_book_fingerprint (f->book, &cached, &error));
  g_assert_cmpuint (head.size, ==, cached.size);
  g_assert_cmpmem (head.root.bytes, LEDGER_HASH_SIZE, cached.root.bytes, LEDGER_HASH_SIZE);
}

/* One byte of an operator's name before the notice (which no rule can
 * judge: the replay gives every entry's ref and memo again), the tree
 * rebuilt: every cached node agrees with the journal again, but not the
 * published head. */
static void
test_rewritten_history_found (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(LedgerBook) rebuilt = tampered_copy (f, "UPDATE txns SET operator = operator || 'x' WHERE id = 2", TRUE);
  g_autoptr(LedgerBook) cache_left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  LedgerTreeHead head;
  gint64 txn_id = 0, size = 0;

  notice_entry (f->book, &txn_id, &size);
  wanted = g_strdup_printf ("notice 2026-Q1 (entry %" G_GINT64_FORMAT ") published the fingerprint %"
                            G_GINT64_FORMAT ":", txn_id, size);
  /* The notice's own record is untouched: its full fingerprint is named. */
  assert_verify_names (rebuilt, wanted);
  /* The whole of verify says the same: the fingerprint pass comes first. */
  g_assert_false (ledger_verify (rebuilt, &head, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, wanted));

  /* Without the rebuilt tree the entry itself is named, as before. */
  cache_left = tampered_copy (f, "UPDATE txns SET operator = operator || 'x' WHERE id = 2", FALSE);
  assert_verify_names (cache_left, "entry 2 ");
}

/* An entry after the notice, rewritten the same way, is not the notice's
 * business: the fingerprint pass passes (what the entry says is for the
 * replay and for later notices to check). */
static void
test_later_entries_not_the_notices (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) rebuilt = NULL;
  g_autofree char *sql = NULL;
  LedgerTreeHead head;
  gint64 txn_id = 0, size = 0;

  notice_entry (f->book, &txn_id, &size);
  sql = g_strdup_printf ("UPDATE txns SET memo = memo || 'x' WHERE id = %" G_GINT64_FORMAT, txn_id + 1);
  rebuilt = tampered_copy (f, sql, TRUE);
  g_assert_true (verify_tree (rebuilt, &head, &error));
  g_assert_no_error (error);
}

/* The notice's record edited instead: another root at the same size,
 * more entries than the journal has, or not a fingerprint at all. */
static void
test_notice_record_edited (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LedgerBook) other_root = NULL, beyond = NULL, garbled = NULL;
  g_autofree char *sql = NULL, *wanted = NULL;
  gint64 txn_id = 0, size = 0, count = book_journal_count (f->book);

  notice_entry (f->book, &txn_id, &size);
  /* The last hex digit turned: 'f' → '0', anything else → 'f'. */
  other_root = tampered_copy (f, "UPDATE notices SET fingerprint = substr (fingerprint, 1, length (fingerprint) - 1)"
                                 " || CASE WHEN substr (fingerprint, -1) = 'f' THEN '0' ELSE 'f' END",
                              FALSE);
  wanted = g_strdup_printf ("notice 2026-Q1 (entry %" G_GINT64_FORMAT ") published the fingerprint", txn_id);
  assert_verify_names (other_root, wanted);

  sql = g_strdup_printf ("UPDATE notices SET fingerprint = '%" G_GINT64_FORMAT ":' || substr (fingerprint, instr (fingerprint, ':') + 1)",
                         count + 1);
  beyond = tampered_copy (f, sql, FALSE);
  g_clear_pointer (&wanted, g_free);
  wanted = g_strdup_printf ("of %" G_GINT64_FORMAT " entries, but the journal has only %" G_GINT64_FORMAT
                            ": entries were removed", count + 1, count);
  assert_verify_names (beyond, wanted);

  garbled = tampered_copy (f, "UPDATE notices SET fingerprint = 'nonsense'", FALSE);
  assert_verify_names (garbled, "column fingerprint: notice 2026-Q1 (entry 8) records “nonsense”, which is not SIZE:ROOT");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/published/as-written", test_published_as_written);
  ADD ("/published/rewritten-history-found", test_rewritten_history_found);
  ADD ("/published/later-entries-not-the-notices", test_later_entries_not_the_notices);
  ADD ("/published/notice-record-edited", test_notice_record_edited);

  return g_test_run ();
}

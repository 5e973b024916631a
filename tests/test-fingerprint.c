/* test-fingerprint.c — the book's fingerprint: canonical leaves, the
 * cached tree against a recomputation, proofs over real books. */
#include <glib/gstdio.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger-book-private.h"

typedef BookFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  book_fixture_init (f, "指纹小区", NULL);
  ledger_book_set_clock (f->book, "2026-01-02");
  book_add_household (f->book, "1-1-101", "王伟", 9000, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static gboolean
collect_cb (const LedgerLeaf  *leaf,
            gpointer           user_data,
            GError           **error)
{
  g_array_append_val ((GArray *) user_data, leaf->hash);
  return TRUE;
}

static gboolean
keep_fifth_cb (const LedgerLeaf  *leaf,
               gpointer           user_data,
               GError           **error)
{
  if (leaf->index == 5)
    g_string_assign (user_data, leaf->text);
  return TRUE;
}

static void
test_canonical_leaf (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) last = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerReceipt) receipt = NULL;
  const char *expected;

  ledger_pay (f->book, "1-1-101", 48000, LEDGER_METHOD_WECHAT, "2026-01-02", &receipt, &error);
  g_assert_no_error (error);

  /* The exact bytes of the payment's leaf, as docs/leaf-format.md
   * defines them: no charge was billed, so the whole 480.00 is prepaid
   * credit and the payment settles nothing (no allocation fact). */
  expected =
    "community-ledger leaf v2\n"
    "index: 5\n"
    "kind: payment\n"
    "date: 2026-01-02\n"
    "recorded_at: 2026-01-02T09:00:00+08:00\n"
    "operator: tester\n"
    "ref: 2026-000001\n"
    "memo: 1-1-101\n"
    "reverses: \n"
    "split: wechat||48000\n"
    "split: prepaid|1-1-101|-48000\n"
    "fact: receipt|2026-000001|1-1-101|48000|wechat\n";
  g_assert_true (ledger_journal_foreach_leaf (f->book, keep_fifth_cb, last, &error));
  g_assert_cmpstr (last->str, ==, expected);
}

static void
test_cache_matches_recomputation (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GArray) leaves = g_array_new (FALSE, FALSE, sizeof (LedgerHash));
  g_autoptr(GError) error = NULL;
  LedgerTreeHead cached, verified;
  LedgerHash recomputed;

  for (int i = 0; i < 37; i++)
    g_assert_true (ledger_pay (f->book, "1-1-101", 100 + i, LEDGER_METHOD_CASH, NULL, NULL, &error));
  g_assert_true (ledger_book_fingerprint (f->book, &cached, &error));
  g_assert_true (ledger_verify (f->book, &verified, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cached.size, ==, verified.size);
  g_assert_cmpmem (cached.root.bytes, 32, verified.root.bytes, 32);

  g_assert_true (ledger_journal_foreach_leaf (f->book, collect_cb, leaves, &error));
  g_assert_cmpuint (leaves->len, ==, cached.size);
  g_assert_true (ledger_merkle_root (ledger_merkle_array_subtree, leaves, leaves->len, &recomputed, &error));
  g_assert_cmpmem (cached.root.bytes, 32, recomputed.bytes, 32);
}

/* For random book sizes, every inclusion proof and every consistency
 * proof from an earlier head verifies; wrong leaves and heads fail. */
static void
test_proofs_property (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6962);
  g_autoptr(GArray) heads = g_array_new (FALSE, FALSE, sizeof (LedgerTreeHead));
  g_autoptr(GError) error = NULL;
  LedgerTreeHead now;
  int n = g_rand_int_range (rand, 40, 90);

  for (int i = 0; i < n; i++)
    {
      LedgerTreeHead head;

      g_assert_true (ledger_pay (f->book, "1-1-101", g_rand_int_range (rand, 1, 100000),
                                 LEDGER_METHOD_CASH, NULL, NULL, &error));
      g_assert_true (ledger_book_fingerprint (f->book, &head, &error));
      g_array_append_val (heads, head);
    }
  now = g_array_index (heads, LedgerTreeHead, heads->len - 1);

  for (gint64 index = 1; index <= (gint64) now.size; index++)
    {
      LedgerHash leaf, wrong;
      g_autoptr(GArray) proof = ledger_fingerprint_inclusion (f->book, index, now.size, &leaf, &error);

      g_assert_no_error (error);
      g_assert_true (ledger_merkle_verify_inclusion (&leaf, (guint64) index - 1, now.size, proof, &now.root));
      wrong = leaf;
      wrong.bytes[g_rand_int_range (rand, 0, 32)] ^= 1;
      g_assert_false (ledger_merkle_verify_inclusion (&wrong, (guint64) index - 1, now.size, proof, &now.root));
    }

  for (guint i = 0; i < heads->len; i++)
    {
      const LedgerTreeHead *old = &g_array_index (heads, LedgerTreeHead, i);
      g_autoptr(GArray) proof = ledger_fingerprint_consistency (f->book, old->size, now.size, &error);
      LedgerTreeHead forged = *old;
      guint proof_length = 0;

      g_assert_no_error (error);
      g_assert_true (ledger_merkle_verify_consistency (old->size, &old->root, now.size, &now.root, proof));
      g_assert_true (ledger_verify_earlier_head (f->book, old, &proof_length, &error));
      g_assert_cmpuint (proof_length, ==, proof->len);
      forged.root.bytes[0] ^= 0x80;
      g_assert_false (ledger_merkle_verify_consistency (forged.size, &forged.root, now.size, &now.root, proof));
      g_assert_false (ledger_verify_earlier_head (f->book, &forged, NULL, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
      g_clear_error (&error);
    }
}

/* Tampering with a copy (triggers dropped): verify names the entry. */
static void
tamper_and_verify (Fixture    *f,
                   const char *sql,
                   const char *expect_in_message)
{
  g_autofree char *copy = book_fixture_file (f, "copy.clbook");
  g_autoptr(LedgerBook) tampered = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  LedgerTreeHead head;
  sqlite3 *db = NULL;

  g_unlink (copy);
  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF;"
                    "DROP TRIGGER txns_no_update; DROP TRIGGER txns_no_delete;"
                    "DROP TRIGGER splits_no_update; DROP TRIGGER splits_no_delete;", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (db);

  tampered = ledger_community_open (copy, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_verify (tampered, &head, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  if (strstr (error->message, expect_in_message) == NULL)
    g_error ("“%s”: got “%s”, wanted “%s”", sql, error->message, expect_in_message);
}

static void
test_tampering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 20; i++)
    g_assert_true (ledger_pay (f->book, "1-1-101", 1000 + i, LEDGER_METHOD_CASH, NULL, NULL, &error));
  /* Billed after the payments, so that the entries named above keep
   * their numbers: the prepaid credit settles the charges. */
  g_assert_true (ledger_bill_year (f->book, 2026, NULL, &error));
  g_assert_no_error (error);

  /* One byte of a memo, an amount, a date. */
  tamper_and_verify (f, "UPDATE txns SET memo = '1-1-102' WHERE id = 12", "entry 12 ");
  tamper_and_verify (f, "UPDATE splits SET amount = amount + 1 WHERE txn_id = 9 AND seq = 1", "entry 9 ");
  tamper_and_verify (f, "UPDATE txns SET date = '2026-01-03' WHERE id = 20", "entry 20 ");
  /* A whole row deleted. */
  tamper_and_verify (f, "DELETE FROM splits WHERE txn_id = 15; DELETE FROM txns WHERE id = 15",
                     "entry 15 is missing");
  /* Two rows swapped. */
  tamper_and_verify (f, "UPDATE txns SET id = -1 WHERE id = 10; UPDATE splits SET txn_id = -1 WHERE txn_id = 10;"
                        "UPDATE txns SET id = 10 WHERE id = 11; UPDATE splits SET txn_id = 10 WHERE txn_id = 11;"
                        "UPDATE txns SET id = 11 WHERE id = -1; UPDATE splits SET txn_id = 11 WHERE txn_id = -1;",
                     "entry 10 ");
  /* The last three entries cut off. */
  tamper_and_verify (f, "DELETE FROM splits WHERE txn_id > 22; DELETE FROM txns WHERE id > 22",
                     "entry 23 is missing");
  /* The cache itself altered. */
  tamper_and_verify (f, "DROP TRIGGER merkle_nodes_no_update;"
                        "UPDATE merkle_nodes SET hash = zeroblob (32) WHERE level = 2 AND idx = 1",
                     "entries 5 to 8");
  /* The report caches (schema version 2), which the fingerprint does not
   * cover: verify's replay rebuilds them with every other table and names
   * the row and column (the charge paid nothing: it gives 0). */
  tamper_and_verify (f, "UPDATE charge_status SET paid = paid + 1"
                        " WHERE charge_id = (SELECT min (charge_id) FROM charge_status)",
                     "table charge_status, row charge_id 1, column paid: the journal gives 0 but the book has 1");
  tamper_and_verify (f, "UPDATE account_days SET amount = amount - 100 WHERE account = 'cash'",
                     "table account_days, row account “cash”, date “");
  tamper_and_verify (f, "DELETE FROM charge_status WHERE charge_id = (SELECT max (charge_id) FROM charge_status)",
                     "which the journal gives, is missing from the book");
  /* Rows the journal does not have, values of another type, and of two
   * differences the first one named. */
  tamper_and_verify (f, "INSERT INTO charge_status VALUES (99999, 1, 2026, 100, 0, 0)",
                     "table charge_status: row charge_id 99999 is in the book but no journal entry gives it");
  tamper_and_verify (f, "INSERT INTO account_days VALUES ('cash', '1999-01-01', 5)",
                     "table account_days: row account “cash”, date “1999-01-01” is in the book");
  tamper_and_verify (f, "UPDATE account_days SET amount = amount + 0.5"
                        " WHERE (account, date) = (SELECT account, date FROM account_days"
                        "                          ORDER BY account, date LIMIT 1)",
                     "column amount");
  tamper_and_verify (f, "DELETE FROM account_days WHERE account = 'cash'",
                     "table account_days: row account “cash”, date “");
  tamper_and_verify (f, "INSERT INTO charge_status VALUES (99999, 1, 2026, 100, 0, 0);"
                        "INSERT INTO charge_status VALUES (99998, 1, 2026, 100, 0, 0)",
                     "table charge_status: row charge_id 99998 is in the book");
  tamper_and_verify (f, "INSERT INTO account_days VALUES ('zzz', '2000-01-01', 5);"
                        "INSERT INTO account_days VALUES ('aaa', '2000-01-01', 5)",
                     "table account_days: row account “aaa”, date “2000-01-01” is in the book");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fingerprint/canonical-leaf", test_canonical_leaf);
  ADD ("/fingerprint/cache-matches-recomputation", test_cache_matches_recomputation);
  ADD ("/fingerprint/proofs-property", test_proofs_property);
  ADD ("/fingerprint/tampering", test_tampering);

  return g_test_run ();
}

/* test-xlsx-journal.c — the Journal sheets, read on a thread of their own
 *
 * The export reads the journal (SQLite, leaves, hashes, scrubbing) on one
 * thread and writes the cells on another, in batches of 256 rows, four
 * batches going round (export-xlsx.c). These tests use a demo book of
 * more entries than four batches hold, so that every batch is filled,
 * written and refilled: the workbook must verify; a cancel, a failure of
 * the writer and a failure of the reader in the middle of the journal
 * must each end the export with its own error, without hanging, and
 * leave the previous file where it was.
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "export-xlsx.h"
#include "book-fixture.h"

/* About 1,700 entries: more than the 4 × 256 rows the batches hold. */
static const LedgerDemoOptions demo = { 100, 4, 2026, 16 };
static const BookFixtureOptions options = { "测试小区", &demo, "2026-12-31" };

#define OLD_CONTENT "the previous workbook"

/* A file at @path holding OLD_CONTENT. */
static void
write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, &error));
}

static void
assert_old_file (const char *path)
{
  g_autofree char *content = NULL;

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, OLD_CONTENT);
}

/* Only the old file is in @dir: no temporary file is left behind. */
static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* A copy of the fixture's book at @name with @sql run on it behind the
 * program's back (its append-only triggers dropped), opened. */
static LedgerBook *
tampered_copy (BookFixture *f,
               const char  *name,
               const char  *sql)
{
  g_autofree char *copy = book_fixture_file (f, name);
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;
  LedgerBook *book;

  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF;"
                                     "DROP TRIGGER txns_no_update; DROP TRIGGER txns_no_delete;"
                                     "DROP TRIGGER splits_no_update; DROP TRIGGER splits_no_delete;",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
  book = ledger_community_open (copy, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return book;
}

/* Every entry in the Journal (whatever the period: 2026 here), across batches and across sheets split in
 * the middle of a batch (700 rows a sheet: the second sheet begins in
 * the third batch): verify --export reads every row back and recomputes
 * the fingerprint from the leaves. */
static void
test_many_batches (BookFixture   *f,
                   gconstpointer  data)
{
  g_autofree char *path = book_fixture_file (f, "journal.xlsx");
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) error = NULL;
  LedgerPeriod period;

  /* The demo made more entries than the batches hold at once. */
  g_assert_cmpint (book_journal_count (f->book), >, 4 * 256 + 100);
  ledger_period_for_year (2026, &period);
  g_assert_true (export_workbook (f->book, &period, path, NULL, NULL, &error));
  g_assert_no_error (error);
  if (!export_workbook_verify (path, f->book, &fingerprint, &error))
    g_error ("verify --export: %s", error->message);
  g_assert_cmpint (g_ascii_strtoll (fingerprint, NULL, 10), ==, book_journal_count (f->book));
}

typedef struct
{
  GCancellable *cancellable;
  int           last;
} Progress;

/* Cancels as the journal begins (the export reports 100 ‰ just before). */
static void
cancel_at_journal_cb (int      per_mille,
                      gpointer data)
{
  Progress *p = data;

  p->last = per_mille;
  if (per_mille >= 100)
    g_cancellable_cancel (p->cancellable);
}

/* Cancelled while the reader is in the journal: it stops at its next
 * check (every 1,024 entries), the writer drains what was read, and the
 * export ends cancelled with the previous file in place. */
static void
test_cancelled_in_journal (BookFixture   *f,
                           gconstpointer  data)
{
  g_autofree char *dir = book_fixture_file (f, "out");
  g_autofree char *path = g_build_filename (dir, "journal.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { cancellable, -1 };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  write_old_file (path);
  g_assert_false (export_workbook_full (f->book, NULL, path, cancel_at_journal_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing was reported past the journal's start. */
  g_assert_cmpint (p.last, ==, 100);
  assert_old_file (path);
  assert_only_file (dir, "journal.xlsx");
}

/* The writer fails in the middle of the journal (entry 600's memo is one
 * line longer than a cell holds, a book edited behind the program's
 * back): the reader is stopped and the writer's error is the one
 * reported. */
static void
test_writer_fails_in_journal (BookFixture   *f,
                              gconstpointer  data)
{
  g_autoptr(LedgerBook) book = tampered_copy (f, "long-memo.clbook",
                                              "UPDATE txns SET memo = printf ('%.*c', 17000, 'x') WHERE id = 600");
  g_autofree char *dir = book_fixture_file (f, "out");
  g_autofree char *path = g_build_filename (dir, "journal.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  write_old_file (path);
  g_assert_false (export_workbook (book, NULL, path, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "600"));
  assert_old_file (path);
  assert_only_file (dir, "journal.xlsx");
}

/* The reader fails in the middle of the journal (entry 900 deleted: the
 * leaves skip from 899 to 901): the writer has written what came before,
 * and the reader's error is the one reported. */
static void
test_reader_fails_in_journal (BookFixture   *f,
                              gconstpointer  data)
{
  g_autoptr(LedgerBook) book = tampered_copy (f, "gap.clbook",
                                              "DROP TRIGGER facts_no_delete;"
                                              "DELETE FROM facts WHERE txn_id = 900;"
                                              "DELETE FROM splits WHERE txn_id = 900;"
                                              "DELETE FROM txns WHERE id = 900");
  g_autofree char *dir = book_fixture_file (f, "out");
  g_autofree char *path = g_build_filename (dir, "journal.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  write_old_file (path);
  g_assert_false (export_workbook (book, NULL, path, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "901"));
  assert_old_file (path);
  assert_only_file (dir, "journal.xlsx");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("COMMUNITY_LEDGER_NOW", "2026-12-31T09:00:00+08:00", TRUE);
  /* 700 rows a Journal sheet: the second begins inside a batch. */
  g_setenv ("COMMUNITY_LEDGER_XLSX_JOURNAL_ROWS", "700", TRUE);
  g_test_init (&argc, &argv, NULL);
  BOOK_FIXTURE_ADD ("/xlsx-journal/many-batches", &options, test_many_batches);
  BOOK_FIXTURE_ADD ("/xlsx-journal/cancelled-in-journal", &options, test_cancelled_in_journal);
  BOOK_FIXTURE_ADD ("/xlsx-journal/writer-fails-in-journal", &options, test_writer_fails_in_journal);
  BOOK_FIXTURE_ADD ("/xlsx-journal/reader-fails-in-journal", &options, test_reader_fails_in_journal);
  return g_test_run ();
}

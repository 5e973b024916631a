/* test-progress.c — the long ledger operations say how far they are and
 * stop when asked: verify, backups and imports with a LedgerProgressFunc
 * and (verify, backups) a GCancellable, as the window's worker threads
 * call them. The command line calls the same functions with NULL. */
#include <glib/gstdio.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"

typedef BookFixture Fixture;

/* What a LedgerProgressFunc was told. */
typedef struct
{
  guint         calls;
  gint64        last_done;
  gint64        total;
  gboolean      went_back;     /* @done ever decreased */
  gboolean      out_of_range;  /* @done outside 0 … @total */
  GCancellable *cancel_at_call; /* cancelled at the second call, when set */
} Progress;

static void
progress_cb (gpointer user_data,
             gint64   done,
             gint64   total)
{
  Progress *p = user_data;

  p->went_back |= p->calls > 0 && done < p->last_done;
  p->out_of_range |= done < 0 || (total > 0 && done > total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancel_at_call != NULL && p->calls == 2)
    g_cancellable_cancel (p->cancel_at_call);
}

/* A community of 60 households with two years of history. */
static const LedgerDemoOptions demo = { 60, 2, 2026, 7 };
static const BookFixtureOptions fixture_options = { "进度测试小区", &demo, NULL };

/* Verify counts the entries up to all of them (plus the caches), and
 * gives the same head as without progress. */
static void
test_verify_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  LedgerTreeHead plain, with_progress;

  g_assert_true (ledger_verify (f->book, &plain, &error));
  g_assert_true (ledger_verify_full (f->book, &with_progress, progress_cb, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plain.size, ==, with_progress.size);
  g_assert_cmpmem (plain.root.bytes, LEDGER_HASH_SIZE, with_progress.root.bytes, LEDGER_HASH_SIZE);
  g_assert_cmpuint (plain.size, >, 512);          /* several reports along the way */
  g_assert_cmpuint (p.calls, >=, 3);
  g_assert_false (p.went_back);
  g_assert_false (p.out_of_range);
  g_assert_cmpint (p.total, ==, (gint64) plain.size + 1);
  g_assert_cmpint (p.last_done, ==, p.total);
}

/* Cancelled halfway (at the second report), verify stops with
 * G_IO_ERROR_CANCELLED; already cancelled, it does not start. */
static void
test_verify_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { .cancel_at_call = cancellable };
  LedgerTreeHead head;

  g_assert_false (ledger_verify_full (f->book, &head, progress_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (p.last_done, <, p.total);
  g_clear_error (&error);
  g_assert_false (ledger_verify_full (f->book, &head, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Whether @dir holds a file whose name starts with @prefix (the backup's
 * temporary file is DEST.partial-XXXXXX). */
static gboolean
dir_has_prefix (const char *dir,
                const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/* A backup reports copying, checking, done; cancelled, it leaves neither
 * the destination nor a partial file, and the book verifies as before. */
static void
test_backup_progress_and_cancel (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "copy.clbook", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { 0 }, q = { .cancel_at_call = cancellable };
  LedgerTreeHead head;

  g_assert_true (ledger_backup_to_file_full (f->book, dest, progress_cb, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (p.went_back);
  g_assert_cmpint (p.total, ==, 2);
  g_assert_cmpint (p.last_done, ==, 2);
  g_unlink (dest);

  g_assert_false (ledger_backup_to_file_full (f->book, dest, progress_cb, &q, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (dir_has_prefix (f->dir, "copy.clbook.partial"));
  g_clear_error (&error);
  g_assert_true (ledger_verify (f->book, &head, &error));
  g_assert_no_error (error);
}

/* The check of a copy still refuses a damaged file (restore checks its
 * source with the same routine as a backup checks its copy). */
static void
test_restore_refuses_damaged (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.clbook", NULL);
  g_autofree char *target = g_build_filename (f->dir, "restored.clbook", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_true (g_file_get_contents (copy, &contents, &length, &error));
  g_assert_cmpuint (length, >, 64 * 1024);
  /* Garbage over pages in the middle; the header stays readable. */
  for (gsize i = length / 2; i < length / 2 + 16 * 1024; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  g_assert_false (ledger_restore (target, copy, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CORRUPT);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* A write made while verify runs (the treasurer saving in the window while
 * its worker verifies on its own connection) waits for verify, and verify
 * sees the book as it was: no false alarm of tampering. */
typedef struct
{
  LedgerBook *writer;
  GThread    *thread;
} Race;

static gpointer
write_address (gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  return GINT_TO_POINTER (ledger_settings_set (user_data, "address", "北京市幸福路1号", &error));
}

static void
start_writer_cb (gpointer user_data,
                 gint64   done,
                 gint64   total)
{
  Race *race = user_data;

  if (race->thread != NULL)
    return;
  race->thread = g_thread_new ("writer", write_address, race->writer);
  g_usleep (200 * 1000); /* the writer is waiting at COMMIT by now */
}

static void
test_verify_during_a_write (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) reader = ledger_community_open (f->path, LEDGER_BOOK_OPEN_READ_ONLY |
                                                            LEDGER_BOOK_OPEN_NO_CHECK, &error);
  LedgerTreeHead before, after;
  Race race = { f->book, NULL };

  g_assert_no_error (error);
  g_assert_true (ledger_verify_full (reader, &before, start_writer_cb, &race, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (race.thread);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (race.thread)));
  g_assert_true (ledger_verify (reader, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after.size, ==, before.size + 1);
}

/* An import reports the households added, up to all of them. */
static void
test_import_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "many.csv", NULL);
  g_autoptr(GString) text = g_string_new ("unit,owner,area\n");
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  guint count = 0;

  for (int i = 0; i < 450; i++)
    g_string_append_printf (text, "%d-1-%d,住户%d,80\n", 300 + i / 50, 101 + i % 50, i);
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));
  plan = ledger_import_read (f->book, csv, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_import_households_full (f->book, plan, progress_cb, &p, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 450);
  g_assert_cmpuint (p.calls, >=, 5);            /* 0, every 100, and the end */
  g_assert_false (p.went_back);
  g_assert_false (p.out_of_range);
  g_assert_cmpint (p.last_done, ==, 450);
  g_assert_cmpint (p.total, ==, 450);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  BOOK_FIXTURE_ADD ("/progress/verify", &fixture_options, test_verify_progress);
  BOOK_FIXTURE_ADD ("/progress/verify-cancelled", &fixture_options, test_verify_cancelled);
  BOOK_FIXTURE_ADD ("/progress/backup", &fixture_options, test_backup_progress_and_cancel);
  BOOK_FIXTURE_ADD ("/progress/restore-refuses-damaged", &fixture_options, test_restore_refuses_damaged);
  BOOK_FIXTURE_ADD ("/progress/verify-during-a-write", &fixture_options, test_verify_during_a_write);
  BOOK_FIXTURE_ADD ("/progress/import", &fixture_options, test_import_progress);
  return g_test_run ();
}

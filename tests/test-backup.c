/* test-backup.c — automatic backups, their rotation, and restores that
 * round-trip: every table's rows and the fingerprint come back equal.
 *
 * docs/architecture.md §3: backups only through VACUUM INTO or the backup API, checked
 * with integrity_check, kept as the newest ten plus the newest of each
 * month, made before upgrades, imports and restores and when the app
 * closes (the last is tested in tests/gui/test-gui-window.c, the import's
 * in test-import.c).
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger-file-names-private.h"
#include "ledger.h"
#include <unistd.h>

#include "ledger-book-private.h"

/* An automatic backup into the place @book's settings name, as the
 * application's callers make it. */
static gboolean
backup_by_settings (LedgerBook  *book,
                    const char  *reason,
                    char       **out_path,
                    GError     **error)
{
  g_autoptr(LedgerBackupPlace) place = ledger_settings_get_backup_place (book);

  return ledger_backup_automatic (book, place, reason, out_path, error);
}

typedef BookFixture Fixture;

/* A community of 40 households with two years of history. */
static const LedgerDemoOptions demo = { 40, 2, 2026, 7 };
static const BookFixtureOptions fixture_options = { "备份测试小区", &demo, NULL };

/* ------------------------------------------------------------------ */
/* What a book holds: "table rows" for every table, and the fingerprint */

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;
  gint64 rows;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return rows;
}

/* One line per table: "households 40". */
static char *
describe_tables (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      g_string_append_printf (out, "%s %" G_GINT64_FORMAT "\n", table, count_rows (db, table));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every table's rows, then the tree head. */
static char *
describe_book (LedgerBook *book)
{
  g_autofree char *tables = describe_tables (ledger_book_get_db (book));
  g_autofree char *head_text = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  g_assert_true (ledger_book_fingerprint (book, &head, &error));
  g_assert_no_error (error);
  head_text = ledger_tree_head_format (&head);
  return g_strconcat (tables, head_text, NULL);
}

/* The same for a database file that cannot be opened as a book. */
static char *
describe_database (const char *path)
{
  sqlite3 *db = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  text = describe_tables (db);
  sqlite3_close (db);
  return text;
}

static char *
describe_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = ledger_community_open (path, LEDGER_BOOK_OPEN_READ_ONLY, &error);
  LedgerTreeHead head;

  g_assert_no_error (error);
  g_assert_true (ledger_verify (book, &head, &error));
  g_assert_no_error (error);
  return describe_book (book);
}

/* The names in @dir. */
static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* ------------------------------------------------------------------ */
/* Round trips */

static void
pay_one (LedgerBook *book)
{
  g_free (book_pay (book, "1-1-101", 36000, LEDGER_METHOD_CASH, NULL));
}

static void
test_backup_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.clbook", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "restored.clbook", NULL);
  g_autofree char *at_backup = describe_book (f->book);
  g_autofree char *after_payment = NULL, *safety = NULL;
  g_autofree char *copy_text = NULL, *restored_text = NULL, *safety_text = NULL;
  g_autofree char *elsewhere_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_no_error (error);
  copy_text = describe_file (copy);
  g_assert_cmpstr (copy_text, ==, at_backup);

  /* The book moves on; restoring brings back the backup's state exactly
   * and keeps the state it replaced as a safety copy. */
  pay_one (f->book);
  after_payment = describe_book (f->book);
  g_assert_cmpstr (after_payment, !=, at_backup);
  g_clear_object (&f->book);
  g_assert_true (ledger_restore (f->path, copy, &safety, &error));
  g_assert_no_error (error);
  restored_text = describe_file (f->path);
  g_assert_cmpstr (restored_text, ==, at_backup);
  g_assert_nonnull (safety);
  safety_text = describe_file (safety);
  g_assert_cmpstr (safety_text, ==, after_payment);

  /* Into a name that did not exist: the same again. */
  g_assert_true (ledger_restore (elsewhere, copy, NULL, &error));
  g_assert_no_error (error);
  elsewhere_text = describe_file (elsewhere);
  g_assert_cmpstr (elsewhere_text, ==, at_backup);
}

/* An automatic backup is a whole, checked copy too. */
static void
test_backup_automatic_is_whole (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *expected = describe_book (f->book);
  g_autofree char *path = NULL, *got = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (backup_by_settings (f->book, "test", &path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "-test.clbook"));
  got = describe_file (path);
  g_assert_cmpstr (got, ==, expected);
}

/* The backup goes where it is told, not where the settings say: a chosen
 * folder gets names tagged with the book's path and keeps @keep of them;
 * the book's own BOOK.backups/ is not made. */
static void
test_backup_into_given_place (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "given", NULL);
  g_autofree char *default_dir = ledger_backup_dir (f->path);
  g_autoptr(LedgerBackupPlace) place = ledger_backup_place_new (folder, TRUE, 1);
  g_autofree char *first = NULL, *second = NULL, *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (ledger_backup_automatic (f->book, place, "test", &first, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_backup_automatic (f->book, place, "test", &second, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (second, folder));
  name = g_path_get_basename (second);
  g_assert_true (g_regex_match_simple ("^book\\.clbook-[0-9a-f]{8}@", name, 0, 0));
  /* keep 1: the older one of this month goes, the newer stays */
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (default_dir, G_FILE_TEST_EXISTS));
}

/* Rotation works on the names (BOOK@YYYYMMDD-HHMMSS.µµµµµµ-REASON.clbook):
 * old backups of three past months are planted beside the real ones, and
 * after one more automatic backup exactly the newest ten remain plus the
 * newest of each older month; the copies restores made of the books they
 * replaced all stay. */
static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dir = ledger_backup_dir (f->path);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const planted[] = {
    "book.clbook@20250105-100000.000000-on-close.clbook",
    "book.clbook@20250120-100000.000000-on-close.clbook",   /* newest of 2025-01: kept */
    "book.clbook@20250301-100000.000000-on-close.clbook",
    "book.clbook@20250302-100000.000000-on-close.clbook",
    "book.clbook@20250330-100000.000000-before-import.clbook", /* newest of 2025-03: kept */
    "book.clbook@20250601-100000.000000-on-close.clbook",   /* only one of 2025-06: kept */
    /* A restore's copy of the book it replaced: never pruned, however old. */
    "book.clbook@20250602-100000.000000-before-restore.clbook",
    "book.clbook@20250603-100000.000000-before-restore.clbook",
  };
  guint kept_old = 0, recent = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *path = g_build_filename (dir, planted[i], NULL);

      g_assert_true (g_file_set_contents (path, "old backup", -1, NULL));
    }
  /* Twelve real ones now (all of this month): two of them must go too. */
  for (guint i = 0; i < LEDGER_BACKUP_KEEP + 2; i++)
    {
      g_assert_true (backup_by_settings (f->book, "test", NULL, &error));
      g_assert_no_error (error);
    }

  names = list_dir (dir);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_str_has_prefix (name, "book.clbook@2025"))
        {
          g_assert_true (strcmp (name, planted[1]) == 0 || strcmp (name, planted[4]) == 0 ||
                         strcmp (name, planted[5]) == 0 || strcmp (name, planted[6]) == 0 ||
                         strcmp (name, planted[7]) == 0);
          kept_old++;
        }
      else
        {
          g_assert_true (g_str_has_suffix (name, "-test.clbook"));
          recent++;
        }
    }
  g_assert_cmpuint (kept_old, ==, 5);
  g_assert_cmpuint (recent, ==, LEDGER_BACKUP_KEEP);
}

/* Opening a book of an older schema backs it up before migrating. Version
 * 1 is the first schema, so the test marks the book as version 0, which
 * the migration refuses: the backup must exist all the same, equal to the
 * book, and the book must be left as it was. (This found that the copy's
 * check refused the older schema, so no book could ever have been
 * upgraded, nor an older backup restored.) */
static void
test_backup_before_upgrade (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = ledger_backup_dir (f->path);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) reopened = NULL;
  g_autofree char *backup = NULL, *expected = NULL, *book_text = NULL, *backup_text = NULL;

  g_assert_true (ledger_book_exec (f->book, "PRAGMA user_version = 0", &error));
  g_assert_no_error (error);
  g_clear_object (&f->book);
  expected = describe_database (f->path);

  reopened = ledger_community_open (f->path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_null (reopened);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE);

  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (names, 0), "-before-upgrade.clbook"));
  backup = g_build_filename (dir, g_ptr_array_index (names, 0), NULL);
  backup_text = describe_database (backup);
  g_assert_cmpstr (backup_text, ==, expected);
  book_text = describe_database (f->path);
  g_assert_cmpstr (book_text, ==, expected);
}

/* A book of schema version 1 (made by the first release: no report
 * caches, version-1 leaves) is backed up, then upgraded in one go to the
 * current version: the caches are built from its journal, one snapshot
 * entry is appended (ledger-snapshot.c), verify passes, and what the
 * journal held is unchanged. The book is tests/fixtures/book-0.1.sql (a
 * book written by 0.1, schema 2) with version 2's caches taken out. */
static void
test_upgrade_from_version_1 (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *old_path = book_fixture_file (f, "old.clbook");
  g_autofree char *dir = ledger_backup_dir (old_path);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(LedgerBook) upgraded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 entries, charges, splits;
  LedgerTreeHead head;

  g_assert_true (g_file_get_contents (FIXTURES_DIR "/book-0.1.sql", &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER charges_status; DROP TRIGGER allocations_status;"
                                     " DROP TRIGGER splits_days;"
                                     " DROP TABLE charge_status; DROP TABLE account_days;"
                                     " PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  entries = count_rows (db, "txns");
  charges = count_rows (db, "charges");
  splits = count_rows (db, "splits");
  sqlite3_close (db);

  upgraded = ledger_community_open (old_path, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  db = ledger_book_get_db (upgraded);
  g_assert_cmpint (count_rows (db, "charge_status"), ==, charges);
  g_assert_cmpint (count_rows (db, "txns"), ==, entries + 1);   /* the snapshot */
  g_assert_cmpint (count_rows (db, "splits"), ==, splits);      /* it moves no money */
  g_assert_true (ledger_verify (upgraded, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (head.size, ==, (guint64) entries + 1);

  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (names, 0), "-before-upgrade.clbook"));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (ledger_book_check_finish (LEDGER_BOOK (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok"); /* "done, fine" */
}

/* Waits for the check behind the window's first screen; NULL = sound. */
static GError *
check_in_background (LedgerBook *book)
{
  GError *error = NULL;

  ledger_book_check_async (book, NULL, checked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

/* The app opens books without quick_check and runs it in a thread: a
 * sound book passes, a damaged one is named in one line. */
static void
test_book_check_in_background (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) sound = check_in_background (f->book);
  g_autoptr(GError) damaged = NULL;
  g_autoptr(LedgerBook) reopened = NULL;
  g_autoptr(GError) error = NULL;
  guint8 junk[2000];
  GStatBuf info;
  FILE *file;
  long pages;

  g_assert_no_error (sound);
  g_clear_object (&f->book);

  /* Two thousand bytes of 0xff inside a b-tree page two thirds in. */
  memset (junk, 0xff, sizeof junk);
  g_assert_cmpint (g_stat (f->path, &info), ==, 0);
  pages = (long) (info.st_size / 4096);
  g_assert_cmpint (pages, >, 10);
  file = fopen (f->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, pages * 2 / 3 * 4096 + 100, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, file), ==, sizeof junk);
  g_assert_cmpint (fclose (file), ==, 0);

  reopened = ledger_community_open (f->path, LEDGER_BOOK_OPEN_NO_CHECK, &error);
  g_assert_no_error (error);
  damaged = check_in_background (reopened);
  g_assert_error (damaged, LEDGER_ERROR, LEDGER_ERROR_CORRUPT);
  g_assert_nonnull (strstr (damaged->message, "is damaged"));
  g_assert_null (strchr (damaged->message, '\n'));
}

/* A backup onto the book's own file (by another name too) is refused: the
 * copy would be renamed over the open book. */
static void
test_backup_onto_itself (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_name = g_build_filename (f->dir, ".", "book.clbook", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.clbook", NULL);
  LedgerTreeHead before, after;

  g_assert_true (ledger_book_fingerprint (f->book, &before, &error));
  g_assert_false (ledger_backup_to_file (f->book, f->path, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ledger_backup_to_file (f->book, other_name, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (symlink (f->path, link), ==, 0);
  g_assert_false (ledger_backup_to_file (f->book, link, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_unlink (link);
  g_assert_true (ledger_verify (f->book, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after.size, ==, before.size);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  BOOK_FIXTURE_ADD (path, &fixture_options, func)

  ADD ("/backup/round-trip", test_backup_round_trip);
  ADD ("/backup/automatic-is-whole", test_backup_automatic_is_whole);
  ADD ("/backup/rotation", test_backup_rotation);
  ADD ("/backup/into-given-place", test_backup_into_given_place);
  ADD ("/backup/onto-itself", test_backup_onto_itself);
  ADD ("/backup/before-upgrade", test_backup_before_upgrade);
  ADD ("/backup/upgrade-from-version-1", test_upgrade_from_version_1);
  ADD ("/book/check-in-background", test_book_check_in_background);

  return g_test_run ();
}

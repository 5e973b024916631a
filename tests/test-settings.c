/* test-settings.c — the book's own settings: the community's name and
 * address, the committee members, the backup folder and rotation.
 *
 * Each setting is read back as written, each change is a journal entry,
 * and every bad value is refused with the book exactly as it was (every
 * setting and every journal row compared before and after).
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "book-fixture.h"
#include "ledger-file-names-private.h"
#include "ledger.h"
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

static const BookFixtureOptions fixture_options = { "设置测试小区", NULL, NULL };

/* Every row of @sql's result as text, one line each. */
static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* The settings and the whole journal: what a refused change must not touch. */
static char *
describe_book (LedgerBook *book)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = ledger_book_get_db (book);

  append_rows (out, db, "SELECT key, value FROM settings ORDER BY key");
  append_rows (out, db, "SELECT id, kind, date, ref, memo FROM txns ORDER BY id");
  append_rows (out, db, "SELECT count (*) FROM merkle_nodes");
  return g_string_free (out, FALSE);
}

/* The last journal entry's ref and memo. */
static char *
last_entry (LedgerBook *book)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_rows (out, ledger_book_get_db (book),
               "SELECT kind, ref, memo FROM txns ORDER BY id DESC LIMIT 1");
  return g_strdup (out->str);
}

/* Asserts that setting @key to @value is refused as bad input naming
 * @field, and changes nothing. */
static void
assert_refused (LedgerBook *book,
                const char *key,
                const char *value,
                const char *field)
{
  g_autofree char *before = describe_book (book);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ledger_settings_set (book, key, value, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, field));
  g_assert_null (strchr (error->message, '\n'));
  after = describe_book (book);
  g_assert_cmpstr (after, ==, before);
}

/* ------------------------------------------------------------------ */
/* Name and address */

static void
test_name_and_address (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *long_text = NULL;
  gint64 entries = book_journal_count (f->book);

  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_NAME, "  幸福里小区 ", &error));
  g_assert_no_error (error);
  name = ledger_book_dup_name (f->book);
  g_assert_cmpstr (name, ==, "幸福里小区");
  g_assert_cmpint (book_journal_count (f->book), ==, entries + 1);

  address = ledger_settings_dup_address (f->book);
  g_assert_cmpstr (address, ==, "");
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_ADDRESS, "北京市朝阳区幸福路1号", &error));
  g_assert_no_error (error);
  g_free (address);
  address = ledger_settings_dup_address (f->book);
  g_assert_cmpstr (address, ==, "北京市朝阳区幸福路1号");
  g_assert_cmpint (book_journal_count (f->book), ==, entries + 2);
  entry = last_entry (f->book);
  g_assert_cmpstr (entry, ==, "setting|address|北京市朝阳区幸福路1号|\n");

  /* 100 characters are fine, 101 are not. */
  long_text = g_strnfill (100, 'x');
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_ADDRESS, long_text, &error));
  g_assert_no_error (error);
  g_free (long_text);
  long_text = g_strnfill (101, 'x');
  assert_refused (f->book, LEDGER_SETTING_ADDRESS, long_text, "address");
  assert_refused (f->book, LEDGER_SETTING_ADDRESS, "幸福路\n1号", "address");
  assert_refused (f->book, LEDGER_SETTING_ADDRESS, "幸福路\t1号", "address");
  assert_refused (f->book, LEDGER_SETTING_ADDRESS, "\xff\xfe", "address");
  assert_refused (f->book, LEDGER_SETTING_NAME, "", "community name");
  assert_refused (f->book, LEDGER_SETTING_NAME, "a\x01b", "community name");
  assert_refused (f->book, "colour", "blue", "setting");

  /* "" clears the address. */
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_ADDRESS, "", &error));
  g_assert_no_error (error);
  g_free (address);
  address = ledger_settings_dup_address (f->book);
  g_assert_cmpstr (address, ==, "");
}

/* The notice prints the address, scrubbed like all its free text. */
static void
test_notice_address (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerNoticeData) notice = NULL;
  LedgerPeriod period;

  g_assert_true (ledger_period_parse ("2026", "--period", &period, &error));
  notice = ledger_notice_gather (f->book, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notice->address, ==, "");
  g_clear_pointer (&notice, ledger_notice_data_free);

  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_ADDRESS,
                                      "幸福路1号 物业电话13812345678", &error));
  g_assert_no_error (error);
  notice = ledger_notice_gather (f->book, &period, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (notice->address, "幸福路1号"));
  g_assert_null (strstr (notice->address, "13812345678"));
}

/* ------------------------------------------------------------------ */
/* Committee members */

static void
assert_members (LedgerBook *book,
                gboolean    include_retired,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ledger_members_list (book, include_retired, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (list, i);

      g_string_append_printf (text, "%s:%s%s;", m->name, m->role,
                              ledger_member_is_active (m) ? "" : ":retired");
    }
  g_assert_cmpstr (text->str, ==, expected);
}

/* Asserts that @ok was FALSE with @code, and the book is @before. */
static void
assert_member_refused (LedgerBook   *book,
                       gboolean      ok,
                       GError       *error,
                       int           code,
                       const char   *before)
{
  g_autofree char *after = describe_book (book);

  g_assert_false (ok);
  g_assert_error (error, LEDGER_ERROR, code);
  g_assert_true (ledger_error_is_usage (error));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpstr (after, ==, before);
}

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *long_name = NULL;
  gint64 entries = book_journal_count (f->book);
  gboolean ok;

  assert_members (f->book, TRUE, "");
  g_assert_true (ledger_member_add (f->book, " 王伟 ", "主任", &error));
  g_assert_no_error (error);
  g_assert_true (ledger_member_add (f->book, "李娜", "委员", &error));
  g_assert_no_error (error);
  g_assert_true (ledger_member_set_role (f->book, "李娜", "副主任", &error));
  g_assert_no_error (error);
  assert_members (f->book, FALSE, "王伟:主任;李娜:副主任;");
  g_assert_cmpint (book_journal_count (f->book), ==, entries + 3);
  entry = last_entry (f->book);
  g_assert_cmpstr (entry, ==, "setting|members|member 李娜: 委员 -> 副主任|\n");

  /* Refusals leave the book as it was. */
  before = describe_book (f->book);
#define REFUSED(call, code) \
  do { ok = (call); assert_member_refused (f->book, ok, error, code, before); g_clear_error (&error); } while (0)
  REFUSED (ledger_member_add (f->book, "王伟", "委员", &error), LEDGER_ERROR_CONFLICT);
  REFUSED (ledger_member_add (f->book, "", "委员", &error), LEDGER_ERROR_INVALID_INPUT);
  REFUSED (ledger_member_add (f->book, "赵\t六", "委员", &error), LEDGER_ERROR_INVALID_INPUT);
  REFUSED (ledger_member_add (f->book, "赵六,孙七", "委员", &error), LEDGER_ERROR_INVALID_INPUT);
  REFUSED (ledger_member_add (f->book, "赵六", "", &error), LEDGER_ERROR_INVALID_INPUT);
  REFUSED (ledger_member_add (f->book, "\xc3\x28", "委员", &error), LEDGER_ERROR_INVALID_INPUT);
  long_name = g_strnfill (21, 'x');
  REFUSED (ledger_member_add (f->book, long_name, "委员", &error), LEDGER_ERROR_INVALID_INPUT);
  REFUSED (ledger_member_retire (f->book, "无此人", &error), LEDGER_ERROR_NOT_FOUND);
  REFUSED (ledger_member_set_role (f->book, "无此人", "委员", &error), LEDGER_ERROR_NOT_FOUND);
  REFUSED (ledger_member_set_role (f->book, "李娜", "", &error), LEDGER_ERROR_INVALID_INPUT);
#undef REFUSED
  g_free (long_name);
  long_name = g_strnfill (20, 'x');
  g_assert_true (ledger_member_add (f->book, long_name, "委员", &error));
  g_assert_no_error (error);

  /* Retiring keeps the member in the history; the name is free again. */
  g_assert_true (ledger_member_retire (f->book, "王伟", &error));
  g_assert_no_error (error);
  assert_members (f->book, FALSE, "李娜:副主任;xxxxxxxxxxxxxxxxxxxx:委员;");
  assert_members (f->book, TRUE, "王伟:主任:retired;李娜:副主任;xxxxxxxxxxxxxxxxxxxx:委员;");
  g_assert_false (ledger_member_retire (f->book, "王伟", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ledger_member_add (f->book, "王伟", "委员", &error));
  g_assert_no_error (error);
  assert_members (f->book, TRUE, "王伟:主任:retired;李娜:副主任;xxxxxxxxxxxxxxxxxxxx:委员;王伟:委员;");
}

/* ------------------------------------------------------------------ */
/* Backups */

static guint
count_backups (const char *dir,
               const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

static void
test_backup_settings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_dir = ledger_backup_dir (f->path);
  g_autofree char *dir = NULL;
  g_autofree char *chosen = g_build_filename (f->dir, "备份", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *file = g_build_filename (f->dir, "a-file", NULL);
  g_autofree char *own = g_build_filename (chosen, "我的备份.clbook", NULL);
  g_autofree char *path = NULL;

  /* The defaults: BOOK.backups/, ten. */
  dir = ledger_settings_dup_backup_dir (f->book);
  g_assert_cmpstr (dir, ==, default_dir);
  g_assert_cmpint (ledger_settings_get_backup_keep (f->book), ==, LEDGER_BACKUP_KEEP);

  g_assert_cmpint (g_mkdir (chosen, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_true (g_file_set_contents (own, "the treasurer's own copy", -1, NULL));

  assert_refused (f->book, LEDGER_SETTING_BACKUP_DIR, missing, "backup folder");
  assert_refused (f->book, LEDGER_SETTING_BACKUP_DIR, file, "backup folder");
  if (geteuid () != 0)  /* root may write anywhere */
    assert_refused (f->book, LEDGER_SETTING_BACKUP_DIR, locked, "backup folder");
  assert_refused (f->book, LEDGER_SETTING_BACKUP_KEEP, "0", "backups to keep");
  assert_refused (f->book, LEDGER_SETTING_BACKUP_KEEP, "101", "backups to keep");
  assert_refused (f->book, LEDGER_SETTING_BACKUP_KEEP, "-1", "backups to keep");
  assert_refused (f->book, LEDGER_SETTING_BACKUP_KEEP, "3.5", "backups to keep");
  assert_refused (f->book, LEDGER_SETTING_BACKUP_KEEP, "", "backups to keep");

  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_BACKUP_DIR, chosen, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_BACKUP_KEEP, "３", &error));
  g_assert_no_error (error);
  g_free (dir);
  dir = ledger_settings_dup_backup_dir (f->book);
  g_assert_cmpstr (dir, ==, chosen);
  g_assert_cmpint (ledger_settings_get_backup_keep (f->book), ==, 3);

  /* Five backups into the chosen folder: the newest three stay (all of
   * this month, so the monthly one is among them); nothing goes next to
   * the book, and the treasurer's own file is never pruned. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (backup_by_settings (f->book, "test", i == 4 ? &path : NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_str_has_prefix (path, chosen));
  g_assert_cmpuint (count_backups (chosen, "book.clbook-"), ==, 3);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (default_dir, G_FILE_TEST_EXISTS));

  /* A folder that has gone: the backup still happens, next to the book. */
  g_assert_cmpint (g_unlink (own), ==, 0);
  book_fixture_remove_tree (chosen);
  g_clear_pointer (&path, g_free);
  g_assert_true (backup_by_settings (f->book, "test", &path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, default_dir));

  /* "" goes back to the defaults. */
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_BACKUP_DIR, "", &error));
  g_assert_no_error (error);
  g_free (dir);
  dir = ledger_settings_dup_backup_dir (f->book);
  g_assert_cmpstr (dir, ==, default_dir);
  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
}

/* Two books of the same file name sharing a backup folder (a USB stick
 * for several compounds) keep their own backups: each prunes only its
 * own. */
static void
test_shared_backup_folder (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = g_build_filename (f->dir, "u盘", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "另一个小区", NULL);
  g_autofree char *other_path = g_build_filename (other_dir, "book.clbook", NULL);
  g_autoptr(LedgerBook) other = NULL;
  g_autofree char *mine = NULL, *theirs = NULL;
  g_autofree char *mine_base = NULL, *theirs_base = NULL;

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  other = ledger_community_create (other_path, "另一个小区", "tester", &error);
  g_assert_no_error (error);
  for (LedgerBook **b = (LedgerBook *[]) { f->book, other, NULL }; *b != NULL; b++)
    {
      g_assert_true (ledger_settings_set (*b, LEDGER_SETTING_BACKUP_DIR, shared, &error));
      g_assert_true (ledger_settings_set (*b, LEDGER_SETTING_BACKUP_KEEP, "2", &error));
      g_assert_no_error (error);
    }

  g_assert_true (backup_by_settings (f->book, "test", &mine, &error));
  g_assert_true (backup_by_settings (other, "test", &theirs, &error));
  g_assert_no_error (error);
  mine_base = g_path_get_basename (mine);
  theirs_base = g_path_get_basename (theirs);
  *strchr (mine_base, '@') = '\0';
  *strchr (theirs_base, '@') = '\0';
  g_assert_cmpstr (mine_base, !=, theirs_base);

  /* Four more of mine: two of mine stay, and theirs is untouched. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (backup_by_settings (f->book, "test", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (shared, mine_base), ==, 2);
  g_assert_cmpuint (count_backups (shared, theirs_base), ==, 1);
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("COMMUNITY_LEDGER_NOW", "2026-06-30T10:00:00+08:00", TRUE);

#define ADD(path, func) \
  BOOK_FIXTURE_ADD (path, &fixture_options, func)
  ADD ("/settings/name-and-address", test_name_and_address);
  ADD ("/settings/shared-backup-folder", test_shared_backup_folder);
  ADD ("/settings/notice-address", test_notice_address);
  ADD ("/settings/members", test_members);
  ADD ("/settings/backups", test_backup_settings);
#undef ADD
  return g_test_run ();
}

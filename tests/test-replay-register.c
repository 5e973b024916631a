/* test-replay-register.c — the register as facts (issue 15): households
 * registered, changed and imported are rebuilt by verify from the
 * journal; owners' names and phones enter the leaves only as salted
 * commitments, which verify checks against what the book keeps; an edit
 * behind the program's back to any of it is named. */
#include <glib/gstdio.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger-book-private.h"
#include "ledger-household-private.h"
#include "ledger-owner-record-private.h"
#include "ledger.h"

typedef BookFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  book_fixture_init (f, "测试小区", NULL);
  ledger_book_set_clock (f->book, "2026-03-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static void
exec_sql (LedgerBook *book,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (ledger_book_get_db (book), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
query_text (LedgerBook *book,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (book), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
assert_query (LedgerBook *book,
              const char *sql,
              const char *expected)
{
  g_autofree char *text = query_text (book, sql);

  g_assert_cmpstr (text, ==, expected);
}

/* Whether verify's first difference is in a table whose writer issue 15
 * converts on another branch (the fees of a new book): then what this
 * file checks cannot be reached yet, and the test is skipped, not
 * passed. */
static gboolean
stopped_before_the_register (const GError *error)
{
  return error != NULL &&
         (g_str_has_prefix (error->message, "table accounts") ||
          g_str_has_prefix (error->message, "table fees"));
}

/* verify's message, or NULL when the book verifies. */
static char *
verify_message (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (ledger_verify (f->book, NULL, &error))
    return NULL;
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  if (stopped_before_the_register (error))
    {
      g_test_skip (error->message);
      return g_strdup ("");
    }
  return g_strdup (error->message);
}

static void
assert_verifies (Fixture *f)
{
  g_autofree char *message = verify_message (f);

  if (message != NULL && *message != '\0')
    g_error ("verify: %s", message);
}

/* Asserts that verify fails naming each of @words (NULL-terminated);
 * FALSE when skipped (see stopped_before_the_register()). */
static gboolean
assert_verify_names (Fixture           *f,
                     const char *const *words)
{
  g_autofree char *message = verify_message (f);

  g_assert_nonnull (message);
  if (*message == '\0')
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (message, words[i]) == NULL)
      g_error ("verify says “%s”, which does not name “%s”", message, words[i]);
  return TRUE;
}

/* Three units: two registered by hand, one changed (new owner, phone,
 * area, spaces, status, move-in), and a third imported from a CSV. */
static void
write_register (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerHousehold) h = NULL;
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autofree char *csv = NULL;
  guint count = 0;

  book_add_household_full (f->book, "1-1-101", "王伟", 8950, 0, "139 0000 0001", NULL);
  book_add_household (f->book, "1-1-102", "李娜", 10220, 1);
  h = ledger_household_lookup (f->book, "1-1-101", &error);
  g_assert_no_error (error);
  g_free (h->owner);
  h->owner = g_strdup ("王芳");
  g_free (h->phone);
  h->phone = g_strdup ("13900000009");
  h->area = 9010;
  h->spaces = 2;
  h->status = LEDGER_STATUS_RENTED;
  g_free (h->move_in);
  h->move_in = g_strdup ("2026-05-01");
  g_assert_true (ledger_household_update (f->book, h, &error));
  g_assert_no_error (error);

  csv = book_fixture_write (f, "register.csv",
                            "unit,owner,area,phone,spaces,owner_key,status,move_in\n"
                            "2-1-301,赵敏,95.50,137-0000-0003,1,Z1,vacant,2026-04-01\n", -1);
  plan = ledger_import_read (f->book, csv, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_import_households (f->book, plan, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_register_verifies (Fixture       *f,
                        gconstpointer  data)
{
  write_register (f);
  /* Four household entries: two adds, an edit, an import; the salt is
   * drawn once per unit, the owner recorded once per entry. */
  assert_query (f->book, "SELECT count (*) FROM household_salts", "3");
  assert_query (f->book, "SELECT count (*) FROM owner_records", "4");
  assert_query (f->book, "SELECT owner || ' ' || phone || ' ' || area || ' ' || spaces"
                         " || ' ' || status || ' ' || move_in FROM households"
                         " WHERE unit = '1-1-101'", "王芳 13900000009 9010 2 rented 2026-05-01");
  assert_verifies (f);
}

/* The salt never changes, whatever the edit. */
static void
test_salt_kept (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerHousehold) h = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  book_add_household (f->book, "1-1-101", "王伟", 8950, 0);
  before = query_text (f->book, "SELECT salt FROM household_salts WHERE unit = '1-1-101'");
  g_assert_cmpuint (strlen (before), ==, 32);
  g_assert_cmpuint (strspn (before, "0123456789abcdef"), ==, 32);
  h = ledger_household_lookup (f->book, "1-1-101", &error);
  g_free (h->owner);
  h->owner = g_strdup ("王芳");
  g_assert_true (ledger_household_update (f->book, h, &error));
  g_assert_no_error (error);
  after = query_text (f->book, "SELECT salt FROM household_salts WHERE unit = '1-1-101'");
  g_assert_cmpstr (before, ==, after);
  /* Two units, two draws of 128 bits: the same twice would be a broken
   * generator, not chance. */
  book_add_household (f->book, "1-1-102", "李娜", 10220, 0);
  g_free (after);
  after = query_text (f->book, "SELECT salt FROM household_salts WHERE unit = '1-1-102'");
  g_assert_cmpstr (before, !=, after);
}

typedef struct
{
  GPtrArray *texts;  /* every leaf's text */
  GPtrArray *facts;  /* the household facts' texts */
} Leaves;

static gboolean
collect_leaf_cb (const LedgerLeaf  *leaf,
                 gpointer           user_data,
                 GError           **error)
{
  Leaves *leaves = user_data;

  g_ptr_array_add (leaves->texts, g_strndup (leaf->text, leaf->length));
  for (guint i = 0; i < leaf->n_facts; i++)
    if (g_str_has_prefix (leaf->facts[i], "household|"))
      g_ptr_array_add (leaves->facts, g_strdup (leaf->facts[i]));
  return TRUE;
}

/* The commitment as docs/leaf-format.md defines it, computed with GLib's
 * SHA-256 rather than the Nettle the book uses. */
static char *
commitment_by_hand (const char *salt,
                    const char *what,
                    const char *value)
{
  g_autofree char *input = g_strconcat (salt, "\n", what, "\n", value, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);
}

static void
test_commitments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  Leaves leaves = { texts, facts };
  g_autofree char *salt = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) fields = NULL;
  char known[65];

  /* The documented formula on a fixed salt, against GLib's SHA-256. */
  ledger_owner_commitment ("00112233445566778899aabbccddeeff", "owner", "王伟", known);
  expected = commitment_by_hand ("00112233445566778899aabbccddeeff", "owner", "王伟");
  g_assert_cmpstr (known, ==, expected);

  write_register (f);
  g_assert_true (ledger_journal_foreach_leaf (f->book, collect_leaf_cb, &leaves, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, 4);

  /* Entry 3 of the register (the edit of 1-1-101): its fact is
   *   household|1-1-101|9010|2|rented|2026-05-01|1-1-101|OWNER|PHONE
   * with OWNER and PHONE the commitments to 王芳 and 13900000009 under
   * the unit's salt. */
  salt = query_text (f->book, "SELECT salt FROM household_salts WHERE unit = '1-1-101'");
  owner = commitment_by_hand (salt, "owner", "王芳");
  phone = commitment_by_hand (salt, "phone", "13900000009");
  fields = g_strsplit (g_ptr_array_index (facts, 2), "|", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 9);
  g_assert_cmpstr (fields[1], ==, "1-1-101");
  g_assert_cmpstr (fields[2], ==, "9010");
  g_assert_cmpstr (fields[3], ==, "2");
  g_assert_cmpstr (fields[4], ==, "rented");
  g_assert_cmpstr (fields[5], ==, "2026-05-01");
  g_assert_cmpstr (fields[6], ==, "1-1-101");
  g_assert_cmpstr (fields[7], ==, owner);
  g_assert_cmpstr (fields[8], ==, phone);
  g_clear_pointer (&fields, g_strfreev);

  /* The imported unit, its phone as normalised. */
  g_free (salt);
  salt = query_text (f->book, "SELECT salt FROM household_salts WHERE unit = '2-1-301'");
  g_free (owner);
  owner = commitment_by_hand (salt, "owner", "赵敏");
  g_free (phone);
  phone = commitment_by_hand (salt, "phone", "13700000003");
  g_free (expected);
  expected = g_strconcat ("household|2-1-301|9550|1|vacant|2026-04-01|Z1|", owner, "|", phone, NULL);
  g_assert_cmpstr (g_ptr_array_index (facts, 3), ==, expected);

  /* No name and no phone, in any spelling the register was given, in
   * any leaf. */
  for (guint i = 0; i < texts->len; i++)
    {
      static const char *const personal[] = {
        "王伟", "王芳", "李娜", "赵敏", "13900000001", "139 0000 0001", "13900000009",
        "13700000003", "137-0000-0003",
      };
      const char *text = g_ptr_array_index (texts, i);

      for (guint j = 0; j < G_N_ELEMENTS (personal); j++)
        if (strstr (text, personal[j]) != NULL)
          g_error ("leaf %u holds “%s”:\n%s", i + 1, personal[j], text);
    }
}

/* A new book holding write_register()'s story, in place of @f's. */
static void
renew_book (Fixture *f)
{
  fixture_tear_down (f, NULL);
  fixture_set_up (f, NULL);
  write_register (f);
}

static void
drop_triggers (Fixture *f)
{
  exec_sql (f->book, "DROP TRIGGER owner_records_no_update; DROP TRIGGER owner_records_no_delete;"
                     "DROP TRIGGER household_salts_no_update; DROP TRIGGER household_salts_no_delete");
}

/* Each column of households, edited behind the program's back, is named.
 * households has no trigger: it is the register the program edits. */
static void
test_tamper_households (Fixture       *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *column;
    const char *value;
  } edits[] = {
    { "building", "7" }, { "entrance", "7" }, { "room", "707" }, { "owner", "'张三'" },
    { "owner_key", "'K9'" }, { "phone", "'13811112222'" }, { "area", "1" }, { "spaces", "9" },
    { "status", "'vacant'" }, { "move_in", "'2020-01-01'" }, { "unit", "'9-9-909'" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE households SET %s = %s WHERE unit = '1-1-102'",
                                              edits[i].column, edits[i].value);
      const char *words[] = { "households", edits[i].column, NULL };

      renew_book (f);
      exec_sql (f->book, sql);
      if (!assert_verify_names (f, words))
        return;
    }
  /* A household no entry registers. */
  renew_book (f);
  exec_sql (f->book, "INSERT INTO households (unit, building, entrance, room, owner, owner_key, area)"
                     " VALUES ('5-1-101', 5, 1, 101, '鬼', '5-1-101', 100)");
  assert_verify_names (f, (const char *[]) { "households", "no journal entry", NULL });
}

/* What the commitments stand on, edited behind the program's back (its
 * triggers dropped, as an attacker would): a name or a phone kept for an
 * entry, or a unit's salt. Each is found while the journal is replayed,
 * before any table is compared. */
static void
test_tamper_owner_records (Fixture       *f,
                           gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *words[3];
  } edits[] = {
    { "UPDATE owner_records SET owner = '张三' WHERE unit = '1-1-102'",
      { "owner_records", "owner", NULL } },
    { "UPDATE owner_records SET phone = '13811112222' WHERE unit = '2-1-301'",
      { "owner_records", "phone", NULL } },
    /* The first entry's name, which the register no longer shows. */
    { "UPDATE owner_records SET owner = '王芳' WHERE unit = '1-1-101' AND owner = '王伟'",
      { "owner_records", "owner", NULL } },
    { "DELETE FROM owner_records WHERE unit = '1-1-102'",
      { "owner_records", "missing", NULL } },
    { "UPDATE household_salts SET salt = '00112233445566778899aabbccddeeff' WHERE unit = '1-1-101'",
      { "household_salts", "owner_records", NULL } },
    { "DELETE FROM household_salts WHERE unit = '2-1-301'",
      { "household_salts", "missing", NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      renew_book (f);
      drop_triggers (f);
      exec_sql (f->book, edits[i].sql);
      g_assert_cmpint (sqlite3_changes (ledger_book_get_db (f->book)), ==, 1);
      assert_verify_names (f, edits[i].words);
    }
  /* Rows no entry committed to: found when the tables are compared. */
  renew_book (f);
  drop_triggers (f);
  exec_sql (f->book, "INSERT INTO owner_records (txn_id, unit, owner, phone) VALUES (1, '1-1-102', '鬼', '')");
  if (!assert_verify_names (f, (const char *[]) { "owner_records", "no journal entry", NULL }))
    return;
  renew_book (f);
  exec_sql (f->book, "INSERT INTO household_salts (unit, salt) VALUES ('9-9-909', '00')");
  assert_verify_names (f, (const char *[]) { "household_salts", "no journal entry", NULL });
}

/* A fact that no writer would produce is refused on replay, not stored:
 * the unit as typed, not as the writer normalises it. */
static void
test_fact_spelling (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *bad[LEDGER_HOUSEHOLD_FACT_N_FIELDS] = {
    "3号楼2单元301室", "100", "0", "occupied", "", "3-2-301", "", ""
  };

  g_assert_false (ledger_fact_household.apply (f->book, 1, "2026-03-01", bad, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_clear_error (&error);
  bad[LEDGER_HOUSEHOLD_FACT_UNIT] = "3-2-301";
  bad[LEDGER_HOUSEHOLD_FACT_STATUS] = "自住";
  g_assert_false (ledger_fact_household.apply (f->book, 1, "2026-03-01", bad, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_clear_error (&error);
  bad[LEDGER_HOUSEHOLD_FACT_STATUS] = "occupied";
  bad[LEDGER_HOUSEHOLD_FACT_AREA] = "0100";
  g_assert_false (ledger_fact_household.apply (f->book, 1, "2026-03-01", bad, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
}

/* Every household fact of @book, in journal order, one per line. */
static char *
household_facts (LedgerBook *book)
{
  return query_text (book, "SELECT group_concat (fact, char (10)) FROM"
                           " (SELECT fact FROM facts WHERE fact LIKE 'household|%' ORDER BY txn_id, seq)");
}

/* The demo's book is the same for the same options, its salts and so its
 * commitments included; another seed salts otherwise. */
static void
test_demo_salts (void)
{
  const LedgerDemoOptions options = { 12, 1, 2026, 3 };
  LedgerDemoOptions other = options;
  BookFixture a, b, c;
  g_autofree char *facts_a = NULL;
  g_autofree char *facts_b = NULL;
  g_autofree char *facts_c = NULL;
  g_autofree char *salts = NULL;

  other.seed = 4;
  book_fixture_init (&a, "演示小区", &options);
  book_fixture_init (&b, "演示小区", &options);
  book_fixture_init (&c, "演示小区", &other);
  facts_a = household_facts (a.book);
  facts_b = household_facts (b.book);
  facts_c = household_facts (c.book);
  g_assert_nonnull (facts_a);
  g_assert_cmpstr (facts_a, ==, facts_b);
  g_assert_cmpstr (facts_a, !=, facts_c);
  salts = query_text (a.book, "SELECT count (*) FROM household_salts"
                              " WHERE length (salt) = 32 AND salt NOT GLOB '*[^0-9a-f]*'");
  g_assert_cmpstr (salts, ==, "12");
  book_fixture_clear (&a);
  book_fixture_clear (&b);
  book_fixture_clear (&c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/register/verifies", test_register_verifies);
  ADD ("/register/salt-kept", test_salt_kept);
  ADD ("/register/commitments", test_commitments);
  ADD ("/register/tamper/households", test_tamper_households);
  ADD ("/register/tamper/owner-records", test_tamper_owner_records);
  ADD ("/register/fact-spelling", test_fact_spelling);
#undef ADD
  g_test_add_func ("/register/demo-salts", test_demo_salts);

  return g_test_run ();
}

/* test-replay-votes.c — votes, their results and the spending they
 * authorise as journal facts (issue 15): verify rebuilds vote_results from
 * the facts, the replay rules recount a result and re-judge an
 * expenditure on the book as the journal rebuilds it.
 *
 * The books here have no fees and no households: they verify whatever
 * state the other writers' facts are in, and a vote without owners is
 * the simplest one the journal records as rejected (none of 0 owners
 * took part: two thirds not met). */
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-expenditure-private.h"
#include "ledger-journal-private.h"
#include "ledger-notice-facts-private.h"
#include "ledger-vote-private.h"
#include "ledger.h"

typedef struct
{
  char       *dir;
  LedgerBook *book;
} Fixture;

/* The first entry only: the community's name (no fee items). */
static gboolean
post_name_only (LedgerBook *book,
                gpointer    user_data G_GNUC_UNUSED,
                GError    **error)
{
  g_autoptr(LedgerPosting) posting = NULL;
  char today[11];

  ledger_book_today (book, today);
  posting = ledger_posting_new ("init", today);
  ledger_posting_set_memo (posting, "幸福小区");
  ledger_posting_add_fact (posting, &ledger_fact_setting, "name", "幸福小区");
  return ledger_posting_commit (posting, book, NULL, error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-replay-votes-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "book.clbook", NULL);
  f->book = ledger_book_create (path, "幸福小区", "tester", post_name_only, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (f->dir, "book.clbook", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->book);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A vote on @matter, closed at once: rejected, no owner took part. */
static gint64
rejected_vote (Fixture *f,
               int      matter)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ledger_vote_new (f->book, "更换路灯", "", matter, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_vote_close (f->book, id, &error));
  g_assert_no_error (error);
  return id;
}

/* Edits the book behind the program's back, as an attacker with sqlite3. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_book_exec (f->book, sql, &error));
  g_assert_no_error (error);
}

static void
assert_verify_names (Fixture    *f,
                     const char *table,
                     const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *named = g_strdup_printf ("column %s", column);

  g_assert_false (ledger_verify (f->book, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, table));
  g_assert_nonnull (strstr (error->message, named));
}

/* The leaf's text of entry @txn_id's facts, one a line. */
static char *
facts_of (Fixture *f,
          gint64   txn_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = ledger_book_prepare (f->book, "SELECT fact FROM facts WHERE txn_id = ?1 ORDER BY seq",
                                            &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, txn_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_vote_and_result_facts (Fixture       *f,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vote_facts = NULL, *close_facts = NULL, *expected = NULL;
  g_autoptr(LedgerVote) vote = NULL;
  char today[11];
  gint64 id = rejected_vote (f, 5);

  ledger_book_today (f->book, today);
  /* Entry 1 named the community; 2 opened the vote, 3 closed it. The
   * leaf holds the vote as docs/leaf-format.md says, and its result: 0
   * owners, 0 of them voted (0.01 m² units: 0), participation not met
   * (0 ≥ 2/3 · 0 holds, but no owner at all meets nothing), not passed. */
  vote_facts = facts_of (f, 2);
  expected = g_strdup_printf ("vote|更换路灯||5|%s|\n", today);
  g_assert_cmpstr (vote_facts, ==, expected);
  close_facts = facts_of (f, 3);
  g_free (expected);
  expected = g_strdup_printf ("result|1|%s|0|0|0|0|0|0|0|0|0|0\n", today);
  g_assert_cmpstr (close_facts, ==, expected);

  vote = ledger_vote_lookup (f->book, id, &error);
  g_assert_no_error (error);
  g_assert_true (vote->closed);
  g_assert_false (vote->tally.passed);
  g_assert_true (ledger_verify (f->book, NULL, &error));
  g_assert_no_error (error);
}

/* The issue's own case: a vote the journal records as rejected, edited
 * to passed in vote_results. */
static void
test_forged_pass_is_named (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  rejected_vote (f, 5);
  tamper (f, "DROP TRIGGER vote_results_no_update;"
             "UPDATE vote_results SET passed = 1 WHERE vote_id = 1");
  assert_verify_names (f, "vote_results", "passed");
}

/* Forged counts make the table authorise 8,000.00 (the writer reads the
 * table); the expenditure rule, on the book the journal rebuilds, refuses
 * it: verify's replay of such an expenditure fails. */
static void
test_forged_counts_authorise_nothing_on_replay (Fixture       *f,
                                                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fact = g_strsplit ("expenditure|800000|路灯公司|lighting|cash||||general|1", "|", -1);
  char *const *facts[] = { fact, NULL };
  const LedgerLeafSplit splits[] = { { "expense:lighting", "", 800000 }, { "cash", "", -800000 } };
  LedgerLeaf leaf = { 0 };
  char today[11];

  rejected_vote (f, 5);
  ledger_book_today (f->book, today);
  leaf.index = 4;
  leaf.version = 2;
  leaf.kind = "expenditure";
  leaf.date = today;
  leaf.splits = splits;
  leaf.n_splits = G_N_ELEMENTS (splits);

  /* On the book as it stands (as replay rebuilds it): refused. */
  g_assert_false (ledger_expenditure_replay (f->book, &leaf, facts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "did not pass"));
  g_clear_error (&error);

  /* One owner of 1.00 m², who voted yes: the stored table now passes. */
  tamper (f, "DROP TRIGGER vote_results_no_update;"
             "UPDATE vote_results SET heads_total = 1, heads_voted = 1, heads_yes = 1,"
             " area_total = 100, area_voted = 100, area_yes = 100,"
             " participation_met = 1, passed = 1 WHERE vote_id = 1");
  g_assert_true (ledger_check_expenditure_vote_on (f->book, 800000, 1, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_verify_names (f, "vote_results", "heads_total");
}

/* The close rule recounts: a result fact the ballots do not give is
 * named by the column that differs; the true one passes. */
static void
test_close_rule_recounts (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) forged = NULL, honest = NULL;
  g_autofree char *forged_text = NULL, *honest_text = NULL;
  LedgerLeaf leaf = { 0 };
  char today[11];
  gint64 id = 0;

  g_assert_true (ledger_vote_new (f->book, "续聘物业", "", 4, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  ledger_book_today (f->book, today);
  leaf.version = 2;
  leaf.kind = "vote-close";
  leaf.date = today;
  leaf.ref = "vote 1";
  leaf.memo = "heads 0/0 voted, 0 yes; area 0/0 voted, 0 yes: too few took part";

  /* Participation met and passed, where no owner took part. */
  forged_text = g_strdup_printf ("result|1|%s|0|0|0|0|0|0|0|0|1|1", today);
  forged = g_strsplit (forged_text, "|", -1);
  {
    char *const *facts[] = { forged, NULL };

    g_assert_false (ledger_vote_replay_close (f->book, &leaf, facts, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_assert_nonnull (strstr (error->message, "participation_met"));
    g_clear_error (&error);
  }
  honest_text = g_strdup_printf ("result|1|%s|0|0|0|0|0|0|0|0|0|0", today);
  honest = g_strsplit (honest_text, "|", -1);
  {
    char *const *facts[] = { honest, NULL };
    char *const *two[] = { honest, honest, NULL };

    g_assert_true (ledger_vote_replay_close (f->book, &leaf, facts, &error));
    g_assert_no_error (error);
    /* The memo tells the tally in words: "passed" is not what it gives. */
    leaf.memo = "heads 0/0 voted, 0 yes; area 0/0 voted, 0 yes: passed";
    g_assert_false (ledger_vote_replay_close (f->book, &leaf, facts, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_assert_nonnull (strstr (error->message, "memo"));
    g_assert_nonnull (strstr (error->message, "too few took part"));
    g_clear_error (&error);
    leaf.memo = "heads 0/0 voted, 0 yes; area 0/0 voted, 0 yes: too few took part";
    /* Two results in one close: a fact the writer never adds. */
    g_assert_false (ledger_vote_replay_close (f->book, &leaf, two, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_clear_error (&error);
  }

  /* Once closed, a second close of the same vote is refused. */
  g_assert_true (ledger_vote_close (f->book, id, &error));
  g_assert_no_error (error);
  {
    char *const *facts[] = { honest, NULL };

    g_assert_false (ledger_vote_replay_close (f->book, &leaf, facts, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_assert_nonnull (strstr (error->message, "already closed"));
  }
}

/* The ballot rule makes the writer's checks: a ballot in a closed vote,
 * or for a unit no entry registered, is refused. */
static void
test_ballot_rule_checks (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) fact = NULL;
  LedgerLeaf leaf = { 0 };
  char today[11];
  gint64 id = 0;

  g_assert_true (ledger_vote_new (f->book, "续聘物业", "", 4, NULL, NULL, &id, &error));
  g_assert_no_error (error);
  ledger_book_today (f->book, today);
  leaf.version = 2;
  leaf.kind = "ballot";
  leaf.date = today;
  text = g_strdup_printf ("ballot|1|1-1-101|1-1-101|yes|%s||", today);
  fact = g_strsplit (text, "|", -1);
  {
    char *const *facts[] = { fact, NULL };

    g_assert_false (ledger_vote_replay_ballot (f->book, &leaf, facts, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_assert_nonnull (strstr (error->message, "1-1-101"));
    g_clear_error (&error);

    g_assert_true (ledger_vote_close (f->book, id, &error));
    g_assert_no_error (error);
    g_assert_false (ledger_vote_replay_ballot (f->book, &leaf, facts, &error));
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
    g_assert_nonnull (strstr (error->message, "accepts no more ballots"));
  }
}

/* A vote opens on its entry's date, on a matter of Art. 278. */
static void
test_vote_rule_checks (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) early = g_strsplit ("vote|更换路灯||5|2026-06-29|", "|", -1);
  g_auto(GStrv) matter = g_strsplit ("vote|更换路灯||10|2026-06-30|", "|", -1);
  g_auto(GStrv) honest = g_strsplit ("vote|更换路灯||5|2026-06-30|2026-07-15", "|", -1);
  char *const *early_facts[] = { early, NULL };
  char *const *matter_facts[] = { matter, NULL };
  char *const *honest_facts[] = { honest, NULL };
  LedgerLeaf leaf = { 0 };

  leaf.version = 2;
  leaf.kind = "vote";
  leaf.date = "2026-06-30";
  leaf.ref = "";
  leaf.memo = "matter 5: 更换路灯";
  g_assert_false (ledger_vote_replay_new (f->book, &leaf, early_facts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "opens"));
  g_clear_error (&error);
  g_assert_false (ledger_vote_replay_new (f->book, &leaf, matter_facts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "1 to 9"));
  g_clear_error (&error);
  g_assert_true (ledger_vote_replay_new (f->book, &leaf, honest_facts, &error));
  g_assert_no_error (error);
  /* The memo names the vote's matter and title as its fact gives them. */
  leaf.memo = "matter 9: 更换路灯";
  g_assert_false (ledger_vote_replay_new (f->book, &leaf, honest_facts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "memo"));
}

/* Entry 13's notice shows the head of the 12 entries before it. */
static void
test_notice_rule_checks (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) older = g_strsplit ("notice|2026|2026-01-01|2026-12-31|11:ab|2026-06-30T10:00:00+08:00", "|", -1);
  g_auto(GStrv) honest = g_strsplit ("notice|2026|2026-01-01|2026-12-31|12:ab|2026-06-30T10:00:00+08:00", "|", -1);
  g_auto(GStrv) file = g_strsplit ("notice_file|pdf|notice.pdf|ab", "|", -1);
  char *const *older_facts[] = { older, file, NULL };
  char *const *honest_facts[] = { honest, file, NULL };
  LedgerLeaf leaf = { 0 };

  leaf.index = 13;
  leaf.version = 2;
  leaf.kind = "notice";
  leaf.date = "2026-06-30";
  leaf.ref = "2026";
  leaf.memo = "fingerprint 12:ab; pdf notice.pdf sha256 ab";
  g_assert_false (ledger_notice_replay (f->book, &leaf, older_facts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "fingerprint"));
  g_clear_error (&error);
  g_assert_true (ledger_notice_replay (f->book, &leaf, honest_facts, &error));
  g_assert_no_error (error);
  /* The ref is the notice's period. */
  leaf.ref = "2026-Q2";
  g_assert_false (ledger_notice_replay (f->book, &leaf, honest_facts, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "ref"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/replay-votes/facts", Fixture, NULL, fixture_set_up, test_vote_and_result_facts,
              fixture_tear_down);
  g_test_add ("/replay-votes/forged-pass", Fixture, NULL, fixture_set_up, test_forged_pass_is_named,
              fixture_tear_down);
  g_test_add ("/replay-votes/forged-counts", Fixture, NULL, fixture_set_up,
              test_forged_counts_authorise_nothing_on_replay, fixture_tear_down);
  g_test_add ("/replay-votes/close-rule", Fixture, NULL, fixture_set_up, test_close_rule_recounts,
              fixture_tear_down);
  g_test_add ("/replay-votes/ballot-rule", Fixture, NULL, fixture_set_up, test_ballot_rule_checks,
              fixture_tear_down);
  g_test_add ("/replay-votes/vote-rule", Fixture, NULL, fixture_set_up, test_vote_rule_checks,
              fixture_tear_down);
  g_test_add ("/replay-votes/notice-rule", Fixture, NULL, fixture_set_up, test_notice_rule_checks,
              fixture_tear_down);
  return g_test_run ();
}

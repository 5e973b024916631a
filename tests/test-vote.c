/* test-vote.c — Civil Code Art. 278 at every boundary, on the arithmetic
 * alone and on real books with ballots, and the spending rule. */
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-attachment-private.h"
#include "ledger-book-private.h"
#include "book-fixture.h"
#include "maintenance-fund-helper.h"

/* ------------------------------------------------------------------ */
/* The arithmetic */

static LedgerTally
tally (gint64 heads_total, gint64 heads_voted, gint64 heads_yes,
       gint64 area_total, gint64 area_voted, gint64 area_yes)
{
  LedgerTally t = { heads_total, heads_voted, heads_yes, 0, area_total, area_voted, area_yes, 0, FALSE, FALSE };

  return t;
}

static void
test_participation_boundaries (void)
{
  /* Exactly 2/3 by heads and by area: met. */
  LedgerTally t = tally (3, 2, 2, 300, 200, 200);
  ledger_tally_decide (&t, 9);
  g_assert_true (t.participation_met);

  /* Exactly 2/3 by heads, one hundredth of a m² short by area. */
  t = tally (3, 2, 2, 300, 199, 199);
  ledger_tally_decide (&t, 9);
  g_assert_false (t.participation_met);
  g_assert_false (t.passed);

  /* The reverse: area met, heads short (5 of 8 < 2/3). */
  t = tally (8, 5, 5, 900, 600, 600);
  ledger_tally_decide (&t, 9);
  g_assert_false (t.participation_met);
  t = tally (9, 6, 6, 900, 600, 600);
  ledger_tally_decide (&t, 9);
  g_assert_true (t.participation_met);

  /* Zero owners: nothing is met. */
  t = tally (0, 0, 0, 0, 0, 0);
  ledger_tally_decide (&t, 9);
  g_assert_false (t.participation_met);
  g_assert_false (t.passed);
}

static void
test_major_matter_three_quarters (void)
{
  /* Matter 6: yes exactly 3/4 of heads and area that voted: passes. */
  LedgerTally t = tally (8, 8, 6, 800, 800, 600);
  ledger_tally_decide (&t, 6);
  g_assert_true (t.passed);

  /* One head short. */
  t = tally (8, 8, 5, 800, 800, 600);
  ledger_tally_decide (&t, 6);
  g_assert_true (t.participation_met);
  g_assert_false (t.passed);

  /* One hundredth of a m² short. */
  t = tally (8, 8, 6, 800, 800, 599);
  ledger_tally_decide (&t, 7);
  g_assert_false (t.passed);

  /* Matters 6, 7, 8 are major; 5 and 9 are not. */
  for (int m = 1; m <= 9; m++)
    g_assert_cmpint (ledger_matter_is_major (m), ==, m >= 6 && m <= 8);
  t = tally (8, 8, 5, 800, 800, 500);
  ledger_tally_decide (&t, 5);
  g_assert_true (t.passed);
}

static void
test_ordinary_matter_half (void)
{
  /* Yes exactly half of heads: fails (more than half is needed). */
  LedgerTally t = tally (10, 10, 5, 1000, 1000, 600);
  ledger_tally_decide (&t, 9);
  g_assert_false (t.passed);
  /* Half plus one: passes. */
  t = tally (10, 10, 6, 1000, 1000, 600);
  ledger_tally_decide (&t, 9);
  g_assert_true (t.passed);
  /* Exactly half of area: fails; plus 0.01 m²: passes. */
  t = tally (10, 10, 6, 1000, 1000, 500);
  ledger_tally_decide (&t, 1);
  g_assert_false (t.passed);
  t = tally (10, 10, 6, 1000, 1000, 501);
  ledger_tally_decide (&t, 1);
  g_assert_true (t.passed);
}

static void
test_ratio (void)
{
  g_assert_cmpint (ledger_ratio_bp (2, 3), ==, 6666);
  g_assert_cmpint (ledger_ratio_bp (3, 4), ==, 7500);
  g_assert_cmpint (ledger_ratio_bp (1, 0), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Real books */

typedef BookFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  book_fixture_init (f, "表决小区", NULL);
  ledger_book_set_clock (f->book, "2026-05-01");
  /* Owner A has three units (one head, 300 m²); B, C, D one each (100 m²). */
  book_add_household_of (f->book, "1-1-101", "A", 10000);
  book_add_household_of (f->book, "1-1-102", "A", 10000);
  book_add_household_of (f->book, "1-1-201", "A", 10000);
  book_add_household_of (f->book, "1-1-202", "B", 10000);
  book_add_household_of (f->book, "1-1-301", "C", 10000);
  book_add_household_of (f->book, "1-1-302", "D", 10000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static gint64
new_vote (LedgerBook *book,
          int         matter)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ledger_vote_new (book, "测试表决", NULL, matter, "2026-05-01", "2026-05-31", &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
ballot (LedgerBook   *book,
        gint64        id,
        const char   *unit,
        LedgerChoice  choice)
{
  g_autoptr(GError) error = NULL;

  ledger_vote_ballot (book, id, unit, choice, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static LedgerVote *
show (LedgerBook *book,
      gint64      id)
{
  g_autoptr(GError) error = NULL;
  LedgerVote *vote = ledger_vote_lookup (book, id, &error);

  g_assert_no_error (error);
  return vote;
}

static void
test_owner_with_three_units (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = new_vote (f->book, 9);
  g_autoptr(LedgerVote) before = show (f->book, id);
  g_autoptr(LedgerVote) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (before->tally.heads_total, ==, 4);
  g_assert_cmpint (before->tally.area_total, ==, 60000);
  g_assert_false (before->closed);

  /* A ballot for any of A's units is A's ballot, with all 300 m². */
  ballot (f->book, id, "1-1-102", LEDGER_CHOICE_YES);
  after = show (f->book, id);
  g_assert_cmpint (after->tally.heads_voted, ==, 1);
  g_assert_cmpint (after->tally.area_voted, ==, 30000);
  g_assert_cmpint (after->tally.area_yes, ==, 30000);

  /* A second ballot from A through another unit is refused … */
  g_assert_false (ledger_vote_ballot (f->book, id, "1-1-201", LEDGER_CHOICE_NO, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "--replace"));
  g_clear_error (&error);

  /* … unless it is a recorded replacement. */
  g_assert_true (ledger_vote_ballot (f->book, id, "1-1-201", LEDGER_CHOICE_NO, NULL, NULL,
                                     "业主本人更正", &error));
  g_clear_pointer (&after, ledger_vote_free);
  after = show (f->book, id);
  g_assert_cmpint (after->tally.heads_voted, ==, 1);
  g_assert_cmpint (after->tally.heads_yes, ==, 0);
  g_assert_cmpint (after->tally.heads_no, ==, 1);
}

static void
test_abstentions_and_close (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = new_vote (f->book, 9);
  g_autoptr(LedgerVote) vote = NULL;
  g_autoptr(GError) error = NULL;

  /* A (300 m²) and B vote yes, C abstains: 3 of 4 heads, 500 of 600 m²
   * took part; yes 2 of 3 heads and 400 of 500 m²: passes. */
  ballot (f->book, id, "1-1-101", LEDGER_CHOICE_YES);
  ballot (f->book, id, "1-1-202", LEDGER_CHOICE_YES);
  ballot (f->book, id, "1-1-301", LEDGER_CHOICE_ABSTAIN);
  g_assert_true (ledger_vote_close (f->book, id, &error));
  vote = show (f->book, id);
  g_assert_true (vote->closed);
  g_assert_cmpint (vote->tally.heads_voted, ==, 3);
  g_assert_cmpint (vote->tally.heads_yes, ==, 2);
  g_assert_cmpint (vote->tally.area_voted, ==, 50000);
  g_assert_true (vote->tally.participation_met);
  g_assert_true (vote->tally.passed);

  /* Closed: no more ballots, no second close. */
  g_assert_false (ledger_vote_ballot (f->book, id, "1-1-302", LEDGER_CHOICE_YES, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (ledger_vote_close (f->book, id, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The result is frozen: adding an owner later does not change it. */
  book_add_household_of (f->book, "2-1-101", "E", 50000);
  g_clear_pointer (&vote, ledger_vote_free);
  vote = show (f->book, id);
  g_assert_cmpint (vote->tally.heads_total, ==, 4);
  g_assert_true (vote->tally.passed);
}

static void
test_abstentions_can_sink_a_vote (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 id = new_vote (f->book, 9);
  g_autoptr(LedgerVote) vote = NULL;

  /* A yes (300 m²), B and C abstain, D no: yes is 1 of 4 heads. */
  ballot (f->book, id, "1-1-101", LEDGER_CHOICE_YES);
  ballot (f->book, id, "1-1-202", LEDGER_CHOICE_ABSTAIN);
  ballot (f->book, id, "1-1-301", LEDGER_CHOICE_ABSTAIN);
  ballot (f->book, id, "1-1-302", LEDGER_CHOICE_NO);
  g_assert_true (ledger_vote_close (f->book, id, NULL));
  vote = show (f->book, id);
  g_assert_true (vote->tally.participation_met);
  g_assert_cmpint (vote->tally.area_yes, ==, 30000); /* exactly half of 600: not more */
  g_assert_false (vote->tally.passed);
}

static void
test_closed_with_no_ballots (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = new_vote (f->book, 1);
  g_autoptr(LedgerVote) vote = NULL;

  g_assert_true (ledger_vote_close (f->book, id, NULL));
  vote = show (f->book, id);
  g_assert_true (vote->closed);
  g_assert_cmpint (vote->tally.heads_voted, ==, 0);
  g_assert_false (vote->tally.participation_met);
  g_assert_false (vote->tally.passed);
}

static void
test_zero_owners (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerVote) vote = NULL;
  BookFixture f;
  gint64 id = 0;

  book_fixture_init_full (&f, "空小区", NULL, NULL);
  g_assert_true (ledger_vote_new (f.book, "无人", NULL, 9, NULL, NULL, &id, &error));
  g_assert_true (ledger_vote_close (f.book, id, &error));
  vote = ledger_vote_lookup (f.book, id, &error);
  g_assert_cmpint (vote->tally.heads_total, ==, 0);
  g_assert_false (vote->tally.passed);
  book_fixture_clear (&f);
}

static void
test_ballot_validation (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = new_vote (f->book, 9);
  g_autoptr(GError) error = NULL;
  gint64 ignored = 0;

  g_assert_false (ledger_vote_ballot (f->book, id, "1-1-101", LEDGER_CHOICE_YES, "2026-06-01", NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "--date"));
  g_clear_error (&error);
  g_assert_false (ledger_vote_ballot (f->book, 99, "1-1-101", LEDGER_CHOICE_YES, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ledger_vote_ballot (f->book, id, "9-9-999", LEDGER_CHOICE_YES, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ledger_vote_ballot (f->book, id, "1-1-101", LEDGER_CHOICE_YES, NULL, NULL, "nothing to replace", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (ledger_vote_new (f->book, "x", NULL, 10, NULL, NULL, &ignored, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "--matter"));
  g_clear_error (&error);
  g_assert_false (ledger_vote_new (f->book, "", NULL, 9, NULL, NULL, &ignored, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
}

static void
test_ballot_scan (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *scan = g_build_filename (f->dir, "ballot.png", NULL);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_attachment_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "signed ballot", -1);
  gint64 id = new_vote (f->book, 9);

  g_file_set_contents (scan, "signed ballot", -1, NULL);
  g_assert_true (ledger_vote_ballot (f->book, id, "1-1-101", LEDGER_CHOICE_YES, NULL, scan, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_attachment_list (f->book, "ballot", 1, attachments, &error));
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpstr (((LedgerAttachment *) attachments->pdata[0])->sha256, ==, expected);
  g_unlink (scan);
}

/* ------------------------------------------------------------------ */
/* The spending rule */

static gboolean
try_spend (LedgerBook *book,
           gint64      amount,
           gint64      vote_id,
           gboolean    maintenance,
           GError    **error)
{
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();

  e->amount = amount;
  g_free (e->payee);
  e->payee = g_strdup ("路灯公司");
  g_free (e->category);
  e->category = g_strdup ("lighting");
  e->vote_id = vote_id;
  e->from_maintenance_fund = maintenance;
  return ledger_expenditure_record (book, e, NULL, error);
}

static gint64
passed_vote (LedgerBook *book,
             int         matter)
{
  gint64 id = new_vote (book, matter);

  ballot (book, id, "1-1-101", LEDGER_CHOICE_YES);
  ballot (book, id, "1-1-202", LEDGER_CHOICE_YES);
  ballot (book, id, "1-1-301", LEDGER_CHOICE_YES);
  g_assert_true (ledger_vote_close (book, id, NULL));
  return id;
}

static void
test_spending_rule (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 open_vote, v9, v5, v2;

  g_assert_cmpint (ledger_spend_limit (f->book), ==, 500000);
  /* Cash to spend (no money account may go below zero): a prepayment. */
  g_assert_true (ledger_pay (f->book, "1-1-302", 10000000, LEDGER_METHOD_CASH, NULL, NULL, &error));
  /* Exactly the limit needs no vote; one fen more does. */
  g_assert_true (try_spend (f->book, 500000, 0, FALSE, &error));
  g_assert_false (try_spend (f->book, 500001, 0, FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "--vote"));
  g_clear_error (&error);

  open_vote = new_vote (f->book, 9);
  g_assert_false (try_spend (f->book, 800000, open_vote, FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "still open"));
  g_clear_error (&error);

  v9 = passed_vote (f->book, 9);
  v5 = passed_vote (f->book, 5);
  v2 = passed_vote (f->book, 2);
  g_assert_true (try_spend (f->book, 800000, v9, FALSE, &error));
  g_assert_true (try_spend (f->book, 800000, v5, FALSE, &error));
  g_assert_false (try_spend (f->book, 800000, v2, FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "matter 5 or 9"));
  g_clear_error (&error);

  /* The maintenance fund needs matter 5, whatever the amount. */
  g_assert_false (try_spend (f->book, 100, 0, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (try_spend (f->book, 800000, v9, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_clear_error (&error);
  /* With matter 5, the fund must hold the money too: empty, it refuses;
   * with ¥8,000.00 put in it, it pays exactly that. */
  g_assert_false (try_spend (f->book, 800000, v5, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "maintenance fund"));
  g_clear_error (&error);
  book_fund_maintenance (f->book, 800000, "2026-01-01");
  g_assert_true (try_spend (f->book, 800000, v5, TRUE, &error));

  /* A higher limit lets the committee decide more on its own. */
  g_assert_true (ledger_set_spend_limit (f->book, 1000000, &error));
  g_assert_true (try_spend (f->book, 800000, 0, FALSE, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vote/arithmetic/participation", test_participation_boundaries);
  g_test_add_func ("/vote/arithmetic/three-quarters", test_major_matter_three_quarters);
  g_test_add_func ("/vote/arithmetic/half", test_ordinary_matter_half);
  g_test_add_func ("/vote/arithmetic/ratio", test_ratio);
  g_test_add_func ("/vote/book/zero-owners", test_zero_owners);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vote/book/owner-with-three-units", test_owner_with_three_units);
  ADD ("/vote/book/abstentions-and-close", test_abstentions_and_close);
  ADD ("/vote/book/abstentions-sink", test_abstentions_can_sink_a_vote);
  ADD ("/vote/book/closed-with-no-ballots", test_closed_with_no_ballots);
  ADD ("/vote/book/ballot-validation", test_ballot_validation);
  ADD ("/vote/book/ballot-scan", test_ballot_scan);
  ADD ("/vote/spending-rule", test_spending_rule);

  return g_test_run ();
}

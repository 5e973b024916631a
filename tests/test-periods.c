/* test-periods.c — closed periods, corrections and the notice that opens
 * with the last one's closing (docs/money.md, "Closed periods")
 *
 * One story, told in steps: a household owes ¥360.00 for 2026 and pays
 * ¥100.00 in February; the first quarter's notice is published and the
 * quarter closed; what is dated in it afterwards is refused (a payment,
 * and billing, which dates its charges 1 January); a correction goes into
 * April marked as correcting 2026-Q1; a late payment dated 30 June, after
 * the second quarter's notice, is listed on the third quarter's notice,
 * which opens with exactly the second's closing. verify passes after each
 * step, and every refusal leaves the book's bytes as they were.
 */
#include <string.h>

#include "book-fixture.h"
#include "ledger.h"
#include "ledger-book-private.h"

typedef BookFixture Fixture;

static const BookFixtureOptions new_book = { .name = "封账测试小区", .today = "2026-01-05" };

static void
assert_verifies (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_verify (book, NULL, &error));
  g_assert_no_error (error);
}

/* Publishes the notice of @name as the command line does (one PDF). */
static LedgerNoticeData *
publish (LedgerBook *book,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  LedgerNoticeFile file = { "pdf", "notice.pdf", "00" };
  LedgerNoticeData *data;
  LedgerPeriod period;

  g_assert_true (ledger_period_parse (name, "period", &period, &error));
  data = ledger_notice_gather (book, &period, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_notice_record (book, data, &file, 1, NULL, &error));
  g_assert_no_error (error);
  return data;
}

/* Asserts that @error is @code and names @words, and that the book's
 * bytes are still @before. */
static void
assert_refused (Fixture    *f,
                GBytes     *before,
                GError     *error,
                int         code,
                const char *words)
{
  g_autoptr(GBytes) after = book_fixture_bytes (f);

  g_assert_error (error, LEDGER_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_true (g_bytes_equal (before, after));
}

static gint64
count_rows (LedgerBook *book,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  g_assert_true (ledger_book_query_int64 (book, stmt, 0, &n, &error));
  return n;
}

/* Q1: ¥360.00 billed, ¥100.00 paid; the quarter cannot be closed before
 * its notice, nor before it ends; then it is. */
static void
first_quarter_closed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(LedgerNoticeData) q1 = NULL;
  g_autofree char *number = NULL;
  LedgerPeriod closed;

  book_add_household (f->book, "1-1-101", "王伟", 8950, 0);
  book_bill_year (f->book, 2026);
  ledger_book_set_clock (f->book, "2026-02-01");
  number = book_pay (f->book, "1-1-101", 10000, LEDGER_METHOD_CASH, "2026-02-01");

  ledger_book_set_clock (f->book, "2026-04-02");
  before = book_fixture_bytes (f);
  g_assert_false (ledger_period_close (f->book, "2026-Q1", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "no notice of 2026-Q1");
  g_clear_error (&error);

  /* Q1's notice: opening ¥0.00, income ¥100.00, closing ¥100.00. */
  q1 = publish (f->book, "2026-Q1");
  g_assert_cmpint (q1->carried, ==, 0);
  g_assert_cmpint (q1->report->closing, ==, 10000);
  g_assert_cmpstr (q1->carried_from, ==, "");

  ledger_book_set_clock (f->book, "2026-03-31");
  g_bytes_unref (before);
  before = book_fixture_bytes (f);
  g_assert_false (ledger_period_close (f->book, "2026-Q1", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "has not ended");
  g_clear_error (&error);

  ledger_book_set_clock (f->book, "2026-04-02");
  g_assert_true (ledger_period_close (f->book, "2026-q1", &closed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (closed.name, ==, "2026-Q1");
  g_assert_cmpint (count_rows (f->book, "SELECT count (*) FROM closed_periods WHERE period = '2026-Q1'"
                                        " AND first_day = '2026-01-01' AND last_day = '2026-03-31'"), ==, 1);
  assert_verifies (f->book);

  g_bytes_unref (before);
  before = book_fixture_bytes (f);
  g_assert_false (ledger_period_close (f->book, "2026-Q1", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "already closed");
  g_clear_error (&error);
  g_assert_false (ledger_period_close (f->book, "2026-02", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_CONFLICT, "part of 2026-Q1");
}

static void
test_close_and_refuse (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *number = NULL;
  LedgerBillSummary summary;

  first_quarter_closed (f);

  /* A payment dated 30 March: inside the closed quarter. */
  before = book_fixture_bytes (f);
  g_assert_false (ledger_pay (f->book, "1-1-101", 1000, LEDGER_METHOD_CASH, "2026-03-30", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "2026-Q1");
  g_clear_error (&error);

  /* Billing does not check the entry date (charges are dated 1 January
   * and may be billed ahead), but the journal does: a household added in
   * April cannot be billed into the closed quarter. */
  book_add_household (f->book, "1-1-102", "李娜", 7000, 0);
  g_bytes_unref (before);
  before = book_fixture_bytes (f);
  g_assert_false (ledger_bill_year (f->book, 2026, &summary, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "2026-Q1");
  g_clear_error (&error);

  /* The same in April is fine. */
  number = book_pay (f->book, "1-1-101", 1000, LEDGER_METHOD_CASH, "2026-04-02");
  g_assert_cmpstr (number, ==, "2026-000002");
  assert_verifies (f->book);
}

static void
test_corrections (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *number = NULL;
  g_autoptr(LedgerNoticeData) q2 = NULL;
  const LedgerNoticeEntry *correction;

  first_quarter_closed (f);

  /* Q2 is not closed: a correction of it is refused, nothing written. */
  ledger_book_set_clock (f->book, "2026-04-03");
  ledger_book_set_correcting (f->book, "2026-Q2");
  before = book_fixture_bytes (f);
  g_assert_false (ledger_pay (f->book, "1-1-101", 5000, LEDGER_METHOD_CASH, "2026-04-03", NULL, &error));
  assert_refused (f, before, error, LEDGER_ERROR_INVALID_INPUT, "--corrects");
  g_clear_error (&error);

  /* ¥50.00 received in March and forgotten, entered on 3 April as a
   * correction of Q1: one row of corrections, for that entry only. */
  ledger_book_set_correcting (f->book, "2026-Q1");
  number = book_pay (f->book, "1-1-101", 5000, LEDGER_METHOD_CASH, "2026-04-03");
  ledger_book_set_correcting (f->book, NULL);
  g_assert_cmpint (count_rows (f->book, "SELECT count (*) FROM corrections c JOIN txns t ON t.id = c.txn_id"
                                        " WHERE c.period = '2026-Q1' AND t.kind = 'payment'"
                                        " AND t.ref = '2026-000002'"), ==, 1);
  g_assert_cmpint (count_rows (f->book, "SELECT count (*) FROM corrections"), ==, 1);
  assert_verifies (f->book);

  /* Q2's notice opens with Q1's closing, ¥100.00, takes in the ¥50.00
   * and lists it under 对已公示期间的更正: closing ¥150.00. */
  ledger_book_set_clock (f->book, "2026-07-02");
  q2 = publish (f->book, "2026-Q2");
  g_assert_cmpstr (q2->carried_from, ==, "2026-Q1");
  g_assert_cmpint (q2->carried, ==, 10000);
  g_assert_cmpint (q2->late_entries->len, ==, 0);
  g_assert_cmpint (q2->report->income_total, ==, 5000);
  g_assert_cmpint (q2->report->closing, ==, 15000);
  g_assert_cmpint (q2->corrections->len, ==, 1);
  correction = g_ptr_array_index (q2->corrections, 0);
  g_assert_cmpstr (correction->kind, ==, "payment");
  g_assert_cmpstr (correction->ref, ==, "2026-000002");
  g_assert_cmpstr (correction->period, ==, "2026-Q1");
  g_assert_cmpint (correction->amount, ==, 5000);
  assert_verifies (f->book);
}

static void
test_late_entry_keeps_the_published_closing (Fixture       *f,
                                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(LedgerNoticeData) q2 = NULL;
  g_autoptr(LedgerNoticeData) q3 = NULL;
  g_autofree char *late = NULL;
  const LedgerNoticeEntry *entry;

  first_quarter_closed (f);
  /* Q2: ¥30.00 on 10 May; its notice closes at ¥100.00 + ¥30.00 = ¥130.00. */
  ledger_book_set_clock (f->book, "2026-05-10");
  g_free (book_pay (f->book, "1-1-101", 3000, LEDGER_METHOD_WECHAT, "2026-05-10"));
  ledger_book_set_clock (f->book, "2026-07-02");
  q2 = publish (f->book, "2026-Q2");
  g_assert_cmpint (q2->report->closing, ==, 13000);

  /* Q2 is published but open: a payment of ¥20.00 dated 30 June, entered
   * on 3 July, is accepted, and changes the money held on 30 June. */
  ledger_book_set_clock (f->book, "2026-07-03");
  late = book_pay (f->book, "1-1-101", 2000, LEDGER_METHOD_CASH, "2026-06-30");

  /* Q3's notice opens with exactly Q2's printed closing, ¥130.00, and
   * lists the ¥20.00 as a late entry of 2026-Q2: 130 + 20 + 0 − 0 = 150,
   * the money held on 30 September. */
  ledger_book_set_clock (f->book, "2026-10-02");
  q3 = publish (f->book, "2026-Q3");
  g_assert_cmpstr (q3->carried_from, ==, "2026-Q2");
  g_assert_cmpint (q3->carried, ==, q2->report->closing);
  g_assert_cmpint (q3->late_entries->len, ==, 1);
  entry = g_ptr_array_index (q3->late_entries, 0);
  g_assert_cmpstr (entry->ref, ==, late);
  g_assert_cmpstr (entry->date, ==, "2026-06-30");
  g_assert_cmpstr (entry->period, ==, "2026-Q2");
  g_assert_cmpint (entry->amount, ==, 2000);
  g_assert_cmpint (q3->late_total, ==, 2000);
  g_assert_cmpint (q3->report->opening, ==, 15000);
  g_assert_cmpint (q3->report->income_total, ==, 0);
  g_assert_cmpint (q3->report->closing, ==, 15000);
  g_assert_cmpint (q3->corrections->len, ==, 0);
  assert_verifies (f->book);
}

static void
test_period_list (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LedgerNoticeData) q2 = NULL;
  const LedgerPeriodState *state;

  first_quarter_closed (f);
  ledger_book_set_clock (f->book, "2026-07-02");
  q2 = publish (f->book, "2026-Q2");
  list = ledger_period_list (f->book, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->len, ==, 2);
  state = g_ptr_array_index (list, 0);
  g_assert_cmpstr (state->period, ==, "2026-Q1");
  g_assert_true (state->closed);
  g_assert_cmpstr (state->closed_on, ==, "2026-04-02");
  state = g_ptr_array_index (list, 1);
  g_assert_cmpstr (state->period, ==, "2026-Q2");
  g_assert_false (state->closed);
  g_assert_cmpstr (state->last, ==, "2026-06-30");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  BOOK_FIXTURE_ADD ("/periods/close-and-refuse", &new_book, test_close_and_refuse);
  BOOK_FIXTURE_ADD ("/periods/corrections", &new_book, test_corrections);
  BOOK_FIXTURE_ADD ("/periods/late-entry", &new_book, test_late_entry_keeps_the_published_closing);
  BOOK_FIXTURE_ADD ("/periods/list", &new_book, test_period_list);
  return g_test_run ();
}

/* test-history.c — one household's whole account (ledger-history)
 *
 * A small community is billed, pays, has a receipt voided, a charge
 * waived and money left as prepaid credit; the history of each household
 * is checked against figures worked out by hand, and its totals against
 * ledger_household_balance(), ledger_report_arrears() and
 * ledger_report_collection(). Every test runs on a fresh book in a
 * temporary folder.
 */
#define G_LOG_DOMAIN "test-history"

#include <string.h>

#include <glib.h>

#include "book-fixture.h"

typedef BookFixture Fixture;

/* Voids and waivers are dated "today". */
static const BookFixtureOptions fixture_options = { "测试小区", NULL, "2026-03-01" };

/* ------------------------------------------------------------------ */
/* Helpers */

/* Every household here has 89.50 m². */
static void
add_household (LedgerBook *book,
               const char *unit,
               const char *owner,
               int         spaces,
               const char *phone)
{
  book_add_household_full (book, unit, owner, 8950, spaces, phone, NULL);
}

static void
pay (LedgerBook   *book,
     const char   *unit,
     gint64        amount,
     LedgerMethod  method,
     const char   *date,
     const char   *expect_number)
{
  g_autofree char *number = book_pay (book, unit, amount, method, date);

  g_assert_cmpstr (number, ==, expect_number);
}

static LedgerHouseholdHistory *
history (LedgerBook *book,
         const char *unit)
{
  g_autoptr(GError) error = NULL;
  LedgerHouseholdHistory *h = ledger_household_history (book, unit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (h);
  return h;
}

static void
assert_charge (const LedgerHouseholdHistory *h,
               guint                         index,
               int                           year,
               const char                   *fee_code,
               gint64                        amount,
               gint64                        paid,
               gint64                        waived,
               gint64                        open)
{
  const LedgerHistoryCharge *c;

  g_assert_cmpuint (index, <, h->charges->len);
  c = g_ptr_array_index (h->charges, index);
  g_assert_cmpint (c->year, ==, year);
  g_assert_cmpstr (c->fee_code, ==, fee_code);
  g_assert_cmpstr (c->fee_name, ==, strcmp (fee_code, "property") == 0 ? "物业费" : "停车费");
  g_assert_cmpint (c->amount, ==, amount);
  g_assert_cmpint (c->paid, ==, paid);
  g_assert_cmpint (c->waived, ==, waived);
  g_assert_cmpint (c->open, ==, open);
}

static void
assert_line (const LedgerReceipt *r,
             guint                       index,
             const char                 *fee_code,
             int                         year,
             gint64                      amount)
{
  const LedgerReceiptLine *line;

  g_assert_cmpuint (index, <, r->lines->len);
  line = &g_array_index (r->lines, LedgerReceiptLine, index);
  g_assert_cmpstr (line->fee_code, ==, fee_code);
  g_assert_cmpint (line->year, ==, year);
  g_assert_cmpint (line->amount, ==, amount);
}

/* The history's totals against the figures the payments page and the
 * reports show for the same household. */
static void
assert_ties_out (LedgerBook                   *book,
                 const LedgerHouseholdHistory *h)
{
  g_autoptr(LedgerArrearsReport) arrears = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owed = -1, credit = -1, arrear = 0;

  g_assert_true (ledger_household_balance (book, h->household->unit, &owed, &credit, &error));
  g_assert_cmpint (h->owed, ==, owed);
  g_assert_cmpint (h->credit, ==, credit);
  g_assert_cmpint (h->billed - h->waived - h->paid, ==, h->owed);
  /* Every yuan received either settled a charge or is still held as credit. */
  g_assert_cmpint (h->received, ==, h->paid + h->credit);

  arrears = ledger_report_arrears (book, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < arrears->rows->len; i++)
    {
      const LedgerArrear *row = g_ptr_array_index (arrears->rows, i);

      if (row->household_id == h->household->id)
        arrear = row->owed;
    }
  g_assert_cmpint (h->owed, ==, arrear);
}

/* Each year's charges of every household add up to that year's collection. */
static void
assert_collection (LedgerBook                    *book,
                   LedgerHouseholdHistory *const *all,
                   guint                          n,
                   int                            year,
                   gint64                         expect_billed)
{
  g_autoptr(GError) error = NULL;
  gint64 billed = 0, waived = 0, paid = 0;
  LedgerCollection c;

  for (guint k = 0; k < n; k++)
    for (guint i = 0; i < all[k]->charges->len; i++)
      {
        const LedgerHistoryCharge *charge = g_ptr_array_index (all[k]->charges, i);

        if (charge->year != year)
          continue;
        billed += charge->amount;
        waived += charge->waived;
        paid += charge->paid;
      }
  g_assert_true (ledger_report_collection (book, year, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (billed, ==, expect_billed);
  g_assert_cmpint (c.billed, ==, billed);
  g_assert_cmpint (c.waived, ==, waived);
  g_assert_cmpint (c.paid, ==, paid);
}

/* 1-1-101 pays nothing; 1-1-102 (two spaces) pays, has a receipt voided,
 * a parking fee partly waived and ends with ¥400 prepaid; 2-1-101 (one
 * space) pays its 2025 bill. Billed for 2025 and 2026 at 360 property
 * per household and 120 parking per space. */
static void
season (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  gint64 part = 10000;

  add_household (book, "1-1-101", "王伟", 0, "13812341234");
  add_household (book, "1-1-102", "李娜", 2, "");
  add_household (book, "2-1-101", "张敏", 1, "");
  book_bill_year (book, 2025);
  book_bill_year (book, 2026);
  /* 500: 2025 property 360, then 140 of 2025 parking. */
  pay (book, "1-1-102", 50000, LEDGER_METHOD_WECHAT, "2026-01-15", "2026-000001");
  /* 100 more of 2025 parking, then voided: the 100 is open again. */
  pay (book, "1-1-102", 10000, LEDGER_METHOD_CASH, "2026-01-20", "2026-000002");
  g_assert_true (ledger_void (book, "2026-000002", "收错户号", &error));
  g_assert_no_error (error);
  /* Another household's payment must not show. */
  pay (book, "2-1-101", 48000, LEDGER_METHOD_ALIPAY, "2026-01-10", "2026-000003");
  /* 100 of the 2026 parking fee waived: 140 of it left. */
  g_assert_true (ledger_waive (book, "1-1-102", "parking", 2026, &part, "低保户减免", NULL, &error));
  g_assert_no_error (error);
  /* 1000: 2025 parking 100, 2026 property 360, 2026 parking 140; 400 prepaid. */
  pay (book, "1-1-102", 100000, LEDGER_METHOD_BANK, "2026-02-01", "2026-000004");
}

/* ------------------------------------------------------------------ */
/* Tests */

static void
test_history_hand_computed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LedgerHouseholdHistory) h = NULL;
  const LedgerReceipt *r;
  const LedgerHistoryWaiver *w;

  season (f->book);
  h = history (f->book, "1号楼1单元102室");

  g_assert_cmpstr (h->household->unit, ==, "1-1-102");
  g_assert_cmpstr (h->household->owner, ==, "李娜");
  g_assert_cmpint (h->household->spaces, ==, 2);

  /* By year, then fee code. */
  g_assert_cmpuint (h->charges->len, ==, 4);
  assert_charge (h, 0, 2025, "parking", 24000, 24000, 0, 0);
  assert_charge (h, 1, 2025, "property", 36000, 36000, 0, 0);
  assert_charge (h, 2, 2026, "parking", 24000, 14000, 10000, 0);
  assert_charge (h, 3, 2026, "property", 36000, 36000, 0, 0);

  /* By date; the voided one keeps what it had settled. */
  g_assert_cmpuint (h->receipts->len, ==, 3);
  r = g_ptr_array_index (h->receipts, 0);
  g_assert_cmpstr (r->number, ==, "2026-000001");
  g_assert_cmpstr (r->date, ==, "2026-01-15");
  g_assert_cmpint (r->amount, ==, 50000);
  g_assert_cmpint (r->method, ==, LEDGER_METHOD_WECHAT);
  g_assert_false (r->voided);
  g_assert_cmpstr (r->void_date, ==, "");
  g_assert_null (r->void_reason);
  g_assert_cmpuint (r->lines->len, ==, 2);
  assert_line (r, 0, "property", 2025, 36000);
  assert_line (r, 1, "parking", 2025, 14000);
  g_assert_cmpint (r->to_credit, ==, 0);

  r = g_ptr_array_index (h->receipts, 1);
  g_assert_cmpstr (r->number, ==, "2026-000002");
  g_assert_true (r->voided);
  g_assert_cmpstr (r->void_date, ==, "2026-03-01");
  g_assert_cmpstr (r->void_reason, ==, "收错户号");
  g_assert_cmpuint (r->lines->len, ==, 1);
  assert_line (r, 0, "parking", 2025, 10000);
  g_assert_cmpint (r->to_credit, ==, 0);

  r = g_ptr_array_index (h->receipts, 2);
  g_assert_cmpstr (r->number, ==, "2026-000004");
  g_assert_cmpint (r->method, ==, LEDGER_METHOD_BANK);
  g_assert_cmpuint (r->lines->len, ==, 3);
  assert_line (r, 0, "parking", 2025, 10000);
  assert_line (r, 1, "property", 2026, 36000);
  assert_line (r, 2, "parking", 2026, 14000);
  g_assert_cmpint (r->to_credit, ==, 40000);

  g_assert_cmpuint (h->waivers->len, ==, 1);
  w = g_ptr_array_index (h->waivers, 0);
  g_assert_cmpstr (w->date, ==, "2026-03-01");
  g_assert_cmpint (w->year, ==, 2026);
  g_assert_cmpstr (w->fee_code, ==, "parking");
  g_assert_cmpint (w->amount, ==, 10000);
  g_assert_cmpstr (w->reason, ==, "低保户减免");

  g_assert_cmpint (h->billed, ==, 120000);
  g_assert_cmpint (h->waived, ==, 10000);
  g_assert_cmpint (h->paid, ==, 110000);
  g_assert_cmpint (h->owed, ==, 0);
  g_assert_cmpint (h->credit, ==, 40000);
  g_assert_cmpint (h->received, ==, 150000);
  assert_ties_out (f->book, h);
}

static void
test_history_ties_out_with_reports (Fixture       *f,
                                    gconstpointer  data)
{
  const char *units[] = { "1-1-101", "1-1-102", "2-1-101" };
  LedgerHouseholdHistory *all[G_N_ELEMENTS (units)];

  season (f->book);
  /* 2027: 1-1-102's 400 credit settles its property fee and 40 of parking. */
  book_bill_year (f->book, 2027);

  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    {
      all[k] = history (f->book, units[k]);
      assert_ties_out (f->book, all[k]);
    }

  /* Nothing paid: every charge open, no receipts, no credit. */
  g_assert_cmpuint (all[0]->charges->len, ==, 3);
  g_assert_cmpuint (all[0]->receipts->len, ==, 0);
  g_assert_cmpuint (all[0]->waivers->len, ==, 0);
  g_assert_cmpint (all[0]->owed, ==, 3 * 36000);
  g_assert_cmpint (all[0]->received, ==, 0);

  g_assert_cmpuint (all[1]->charges->len, ==, 6);
  assert_charge (all[1], 4, 2027, "parking", 24000, 4000, 0, 20000);
  assert_charge (all[1], 5, 2027, "property", 36000, 36000, 0, 0);
  g_assert_cmpint (all[1]->billed, ==, 180000);
  g_assert_cmpint (all[1]->paid, ==, 150000);
  g_assert_cmpint (all[1]->owed, ==, 20000);
  g_assert_cmpint (all[1]->credit, ==, 0);
  g_assert_cmpint (all[1]->received, ==, 150000);

  g_assert_cmpuint (all[2]->receipts->len, ==, 1);
  g_assert_cmpint (all[2]->owed, ==, 2 * 48000);

  assert_collection (f->book, all, G_N_ELEMENTS (units), 2025, 36000 + 60000 + 48000);
  assert_collection (f->book, all, G_N_ELEMENTS (units), 2026, 36000 + 60000 + 48000);
  assert_collection (f->book, all, G_N_ELEMENTS (units), 2027, 36000 + 60000 + 48000);

  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    ledger_household_history_free (all[k]);
}

static void
test_history_unknown_unit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 entries;

  season (f->book);
  entries = ledger_journal_count (f->book, NULL);

  g_assert_null (ledger_household_history (f->book, "9-9-999", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9-9-999"));
  g_clear_error (&error);

  g_assert_null (ledger_household_history (f->book, "3-2", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "3-2"));
  g_clear_error (&error);

  g_assert_null (ledger_household_history (f->book, "", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
  g_assert_null (strchr (error->message, '\n'));

  /* Reading writes nothing. */
  g_assert_cmpint (ledger_journal_count (f->book, NULL), ==, entries);
}

static gboolean
history_in_write_cb (LedgerBook *book,
                     gpointer    user_data,
                     GError    **error)
{
  g_autoptr(LedgerHouseholdHistory) h = ledger_household_history (book, "1-1-102", error);

  if (h == NULL)
    return FALSE;
  *(gint64 *) user_data = h->credit;
  return TRUE;
}

/* Inside a write it reads the write's own view (no nested transaction). */
static void
test_history_inside_a_write (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 credit = -1;

  season (f->book);
  g_assert_true (ledger_book_write (f->book, history_in_write_cb, &credit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (credit, ==, 40000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  BOOK_FIXTURE_ADD (path, &fixture_options, func)

  ADD ("/history/hand-computed", test_history_hand_computed);
  ADD ("/history/ties-out-with-reports", test_history_ties_out_with_reports);
  ADD ("/history/unknown-unit", test_history_unknown_unit);
  ADD ("/history/inside-a-write", test_history_inside_a_write);

  return g_test_run ();
}

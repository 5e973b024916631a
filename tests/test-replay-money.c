/* test-replay-money.c — issue 15 for the money tables: fees, income
 * accounts, charges, allocations, receipts, voids and waivers are rebuilt
 * from the journal's facts by verify, which names any edit of them; and
 * the rules that decided a money entry's facts (a payment settles the
 * oldest charges first, a bill uses the prepaid credit, a void takes back
 * exactly what its payment settled, a waiver at most what is owed) decide
 * them again when the journal is replayed. Figures worked out by hand. */
#include <glib/gstdio.h>
#include <string.h>

#include "book-fixture.h"
#include "ledger-book-private.h"
#include "ledger-charges-private.h"
#include "ledger-fee-private.h"
#include "ledger-household-private.h"
#include "ledger-journal-private.h"
#include "ledger-payment-private.h"
#include "ledger.h"

typedef BookFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  book_fixture_init (f, "测试小区", NULL);
  ledger_book_set_clock (f->book, "2026-03-01");
  g_assert_true (ledger_settings_set (f->book, LEDGER_SETTING_DAYS_AHEAD, "366", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  book_fixture_clear (f);
}

static gint64
query_int (LedgerBook *book,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (book), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Households are facts of the register's writer (issue 15, branch
 * i15-register): until they are, no money entry replays (its splits name
 * units no replayed entry registers), and these tests skip. */
static gboolean
households_replay (Fixture *f)
{
  if (query_int (f->book, "SELECT count (*) FROM facts WHERE fact LIKE 'household|%'") > 0)
    return TRUE;
  g_test_skip ("households are not journal facts yet (the register's part of issue 15)");
  return FALSE;
}

static void
assert_verifies (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  g_assert_true (ledger_verify (book, &head, &error));
  g_assert_no_error (error);
}

/* The story every test starts from, dated by the fixture's clock
 * (2026-03-01), with the figures it leaves:
 *
 *  entries 1–3   init, fee property ¥360.00 per household, fee parking
 *                ¥120.00 per space (ledger_community_create())
 *  entry 4       the fixture's setting (entries up to 366 days ahead)
 *  entry 5       1-1-101 registered, 1 parking space
 *  entry 6       1-1-102 registered, none
 *  entry 7       1-1-101 pays ¥100.00 on 2025-12-01, receipt 2025-000001:
 *                nothing billed yet, all of it prepaid credit
 *  entries 8–10  bill 2026 (dated 2026-01-01): 1-1-101 property ¥360.00
 *                (charge 1, settled ¥100.00 by its credit: a "credit"
 *                allocation), 1-1-102 property ¥360.00 (charge 2),
 *                1-1-101 parking ¥120.00 (charge 3)
 *  entry 11      1-1-101 pays ¥300.00, receipt 2026-000001, oldest first:
 *                property (charge 1) ¥260.00, then parking (charge 3)
 *                ¥40.00
 *  entry 12      1-1-102 pays ¥500.00, receipt 2026-000002: property
 *                (charge 2) ¥360.00, ¥140.00 credit
 *  entry 13      1-1-101's parking waived ¥20.00 of the ¥80.00 open
 *  entry 14      receipt 2026-000002 voided: charge 2 open again, the
 *                ¥140.00 credit gone
 *
 * verify passes after every step. The households first
 * (story_households()), then the rest (write_story()). */
static gboolean
story_households (Fixture *f)
{
  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  book_add_household (f->book, "1-1-102", "李四", 8000, 0);
  return households_replay (f);
}

static void
write_story (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  gint64 waived = 0, amount = 2000;

  r1 = book_pay (f->book, "1-1-101", 10000, LEDGER_METHOD_CASH, "2025-12-01");
  g_assert_cmpstr (r1, ==, "2025-000001");
  assert_verifies (f->book);
  book_bill_year (f->book, 2026);
  assert_verifies (f->book);
  r2 = book_pay (f->book, "1-1-101", 30000, LEDGER_METHOD_WECHAT, NULL);
  g_assert_cmpstr (r2, ==, "2026-000001");
  r3 = book_pay (f->book, "1-1-102", 50000, LEDGER_METHOD_BANK, NULL);
  g_assert_cmpstr (r3, ==, "2026-000002");
  assert_verifies (f->book);
  g_assert_true (ledger_waive (f->book, "1-1-101", "parking", 2026, &amount, "车位改建", &waived, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waived, ==, 2000);
  assert_verifies (f->book);
  g_assert_true (ledger_void (f->book, "2026-000002", "录错了户", &error));
  g_assert_no_error (error);
  assert_verifies (f->book);
  g_assert_cmpint (book_journal_count (f->book), ==, 14);
}

/* ------------------------------------------------------------------ */
/* The facts */

static void
test_story_facts (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const expected[] = {
    "2|fee|property|物业费|36000|household|2000-01-01",
    "3|fee|parking|停车费|12000|space|2000-01-01",
    "7|receipt|2025-000001|1-1-101|10000|cash",
    "8|charge|1-1-101|property|2026|36000|2",
    "8|allocation|1-1-101|property|2026|credit|10000",
    "9|charge|1-1-102|property|2026|36000|2",
    "10|charge|1-1-101|parking|2026|12000|3",
    "11|receipt|2026-000001|1-1-101|30000|wechat",
    "11|allocation|1-1-101|property|2026|payment|26000",
    "11|allocation|1-1-101|parking|2026|payment|4000",
    "12|receipt|2026-000002|1-1-102|50000|bank",
    "12|allocation|1-1-102|property|2026|payment|36000",
    "13|waiver|1-1-101|parking|2026|2000|车位改建",
    "13|allocation|1-1-101|parking|2026|waiver|2000",
    "14|void|2026-000002|录错了户",
    "14|allocation|1-1-102|property|2026|payment|-36000",
  };
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  if (!story_households (f))
    return;
  write_story (f);
  g_assert_cmpint (sqlite3_prepare_v2 (ledger_book_get_db (f->book),
                                       "SELECT txn_id || '|' || fact FROM facts"
                                       " WHERE fact NOT LIKE 'setting|%' AND fact NOT LIKE 'household|%'"
                                       " ORDER BY txn_id, seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[i]);
      i++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));

  /* What the tables say, from the facts: 1-1-101 owes ¥360 − ¥100 − ¥260
   * = 0 on property and ¥120 − ¥40 − ¥20 = ¥60 on parking; 1-1-102 owes
   * its ¥360 again and has no credit. */
  book_assert_balance (f->book, "1-1-101", 6000, 0);
  book_assert_balance (f->book, "1-1-102", 36000, 0);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM accounts WHERE kind = 'income'"), ==, 2);
}

static void
test_story_verifies (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *r = NULL;

  if (!story_households (f))
    return;
  write_story (f);

  /* A fee renamed and a new version: the income account renamed, a new
   * fees row, both from the fee fact. 2027 is billed at the new amount,
   * with the credit of a payment made ahead (¥1,000.00 on 2026-06-01,
   * billed charges ¥600 first: ¥400 credit, which the 2027 bill uses). */
  g_assert_true (ledger_fee_set (f->book, "property", "物业服务费", 40000, NULL, "2027-01-01", &error));
  g_assert_no_error (error);
  r = book_pay (f->book, "1-1-102", 100000, LEDGER_METHOD_CASH, "2026-06-01");
  book_assert_balance (f->book, "1-1-102", 0, 64000);
  book_bill_year (f->book, 2027);
  /* 2027: property ¥400 each; 1-1-101 parking ¥120. 1-1-102's ¥640
   * credit settles its ¥400 at once: ¥240 left. */
  book_assert_balance (f->book, "1-1-102", 0, 24000);
  g_assert_cmpint (query_int (f->book, "SELECT count (*) FROM allocations WHERE kind = 'credit'"), ==, 2);
  assert_verifies (f->book);
}

/* ------------------------------------------------------------------ */
/* Tampering with the tables */

/* Runs @sql on a copy of the book with the append-only triggers of
 * @tables dropped, as an attacker would; verify on the copy must fail
 * with a message holding @table and @column. */
static void
tamper (Fixture    *f,
        const char *sql,
        const char *table,
        const char *column)
{
  g_autofree char *copy = book_fixture_file (f, "copy.clbook");
  g_autofree char *want_table = g_strdup_printf ("table %s", table);
  g_autoptr(LedgerBook) tampered = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;
  char *message = NULL;
  sqlite3 *db = NULL;

  g_unlink (copy);
  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF;", NULL, NULL, NULL);
  {
    static const char *const append_only[] = { "fees", "charges", "allocations", "receipts", "voids", "waivers" };

    for (gsize i = 0; i < G_N_ELEMENTS (append_only); i++)
      {
        g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s_no_update; DROP TRIGGER %s_no_delete;",
                                                 append_only[i], append_only[i]);

        g_assert_cmpint (sqlite3_exec (db, drop, NULL, NULL, NULL), ==, SQLITE_OK);
      }
  }
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s”: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);

  tampered = ledger_community_open (copy, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_verify (tampered, &head, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  if (strstr (error->message, want_table) == NULL || strstr (error->message, column) == NULL)
    g_error ("“%s”: got “%s”, wanted %s and %s", sql, error->message, want_table, column);
}

static void
test_tampered_tables (Fixture       *f,
                      gconstpointer  data)
{
  if (!story_households (f))
    return;
  write_story (f);

  /* fees: every column of the property fee's version (id 1). */
  tamper (f, "UPDATE fees SET code = 'propertx' WHERE id = 1", "fees", "code");
  tamper (f, "UPDATE fees SET name = '物业' WHERE id = 1", "fees", "name");
  tamper (f, "UPDATE fees SET amount = 3600 WHERE id = 1", "fees", "amount");
  tamper (f, "UPDATE fees SET basis = 'space' WHERE id = 1", "fees", "basis");
  tamper (f, "UPDATE fees SET effective_from = '2026-01-01' WHERE id = 1", "fees", "effective_from");
  tamper (f, "UPDATE fees SET txn_id = 3 WHERE id = 1", "fees", "txn_id");
  /* The income accounts the fee facts add. */
  tamper (f, "UPDATE accounts SET name = '杂项' WHERE code = 'income:property'", "accounts", "name");
  tamper (f, "UPDATE accounts SET kind = 'liability' WHERE code = 'income:parking'", "accounts", "kind");
  tamper (f, "UPDATE accounts SET code = 'income:propertx' WHERE code = 'income:property'", "accounts", "code");
  tamper (f, "INSERT INTO accounts (code, name, kind) VALUES ('income:water', '水费', 'income')",
          "accounts", "id");

  /* charges, with the report cache kept in step (charge_status), as a
   * careful attacker would: only the replay can tell. Charge 2 is
   * 1-1-102's property for 2026. */
  tamper (f, "UPDATE charges SET amount = 30000 WHERE id = 2;"
             "UPDATE charge_status SET amount = 30000 WHERE charge_id = 2", "charges", "amount");
  tamper (f, "UPDATE charges SET household_id = 2 WHERE id = 3;"
             "UPDATE charge_status SET household_id = 2 WHERE charge_id = 3", "charges", "household_id");
  tamper (f, "UPDATE charges SET year = 2025 WHERE id = 2;"
             "UPDATE charge_status SET year = 2025 WHERE charge_id = 2", "charges", "year");
  tamper (f, "UPDATE charges SET fee_code = 'parking' WHERE id = 2", "charges", "fee_code");
  tamper (f, "UPDATE charges SET fee_id = 2 WHERE id = 2", "charges", "fee_id");
  tamper (f, "UPDATE charges SET txn_id = 10 WHERE id = 2", "charges", "txn_id");

  /* allocations: receipt 2026-000001 (entry 11) settled ¥260 of charge 1
   * and ¥40 of charge 3. */
  tamper (f, "UPDATE allocations SET amount = 20000 WHERE txn_id = 11 AND charge_id = 1;"
             "UPDATE charge_status SET paid = paid - 6000 WHERE charge_id = 1", "allocations", "amount");
  tamper (f, "UPDATE allocations SET kind = 'credit' WHERE txn_id = 11 AND charge_id = 1",
          "allocations", "kind");
  /* The case: 1-1-101's payment moved to 1-1-102's charge (2),
   * so that the arrears report blames 1-1-101. The row the journal
   * gives (11, 1) is missing. */
  tamper (f, "UPDATE allocations SET charge_id = 2 WHERE txn_id = 11 AND charge_id = 1;"
             "UPDATE charge_status SET paid = paid - 26000 WHERE charge_id = 1;"
             "UPDATE charge_status SET paid = paid + 26000 WHERE charge_id = 2", "allocations", "charge_id");
  tamper (f, "UPDATE allocations SET txn_id = 12 WHERE txn_id = 11 AND charge_id = 3", "allocations", "txn_id");
  tamper (f, "DELETE FROM allocations WHERE txn_id = 13;"
             "UPDATE charge_status SET waived = 0 WHERE charge_id = 3", "allocations", "txn_id");

  /* receipts: every column of 2026-000001. */
  tamper (f, "UPDATE receipts SET amount = 3000 WHERE number = '2026-000001'", "receipts", "amount");
  tamper (f, "UPDATE receipts SET method = 'cash' WHERE number = '2026-000001'", "receipts", "method");
  tamper (f, "UPDATE receipts SET date = '2026-02-01' WHERE number = '2026-000001'", "receipts", "date");
  tamper (f, "UPDATE receipts SET household_id = 2 WHERE number = '2026-000001'", "receipts", "household_id");
  tamper (f, "UPDATE receipts SET seq = 7 WHERE number = '2026-000001'", "receipts", "seq");
  tamper (f, "UPDATE receipts SET year = 2024 WHERE number = '2026-000001'", "receipts", "year");
  tamper (f, "UPDATE receipts SET txn_id = 6 WHERE number = '2025-000001'", "receipts", "txn_id");
  tamper (f, "UPDATE receipts SET number = '2026-000009' WHERE number = '2026-000001'", "receipts", "number");

  /* voids and waivers. */
  tamper (f, "UPDATE voids SET reason = '顾客要求'", "voids", "reason");
  tamper (f, "UPDATE voids SET txn_id = 13", "voids", "txn_id");
  tamper (f, "DELETE FROM voids", "voids", "receipt");
  tamper (f, "UPDATE waivers SET reason = '困难户'", "waivers", "reason");
  tamper (f, "UPDATE waivers SET amount = 8000", "waivers", "amount");
  tamper (f, "UPDATE waivers SET charge_id = 1", "waivers", "charge_id");
  tamper (f, "UPDATE waivers SET txn_id = 12", "waivers", "txn_id");
}

/* ------------------------------------------------------------------ */
/* Forged entries: facts the rules would not give */

typedef struct
{
  const char *kind;
  const char *date;
  const char *ref;
  gint64      reverses;
  /* splits: account, unit, amount; facts: kind, fields */
  const char *accounts[4];
  const char *units[4];
  gint64      amounts[4];
  const LedgerFactKind *fact_kinds[3];
  const char *facts[3][5];
} Forgery;

static gboolean
post_forgery_cb (LedgerBook *book,
                 gpointer    user_data,
                 GError    **error)
{
  const Forgery *forgery = user_data;
  g_autoptr(LedgerPosting) posting = ledger_posting_new (forgery->kind, forgery->date);

  ledger_posting_set_ref (posting, forgery->ref);
  /* A payment's memo is its unit, as the writer sets it (the payment
   * rule compares it): these forgeries differ elsewhere. */
  if (strcmp (forgery->kind, "payment") == 0 && forgery->units[1] != NULL)
    ledger_posting_set_memo (posting, forgery->units[1]);
  if (forgery->reverses > 0)
    ledger_posting_set_reverses (posting, forgery->reverses);
  for (int i = 0; i < 4 && forgery->accounts[i] != NULL; i++)
    {
      gint64 household_id = 0;

      if (forgery->units[i] != NULL &&
          !ledger_fact_household_id (book, "test", forgery->units[i], &household_id, error))
        return FALSE;
      ledger_posting_add (posting, forgery->accounts[i], household_id, forgery->amounts[i]);
    }
  for (int i = 0; i < 3 && forgery->fact_kinds[i] != NULL; i++)
    ledger_posting_add_factv (posting, forgery->fact_kinds[i], (const char *const *) forgery->facts[i]);
  return ledger_posting_commit (posting, book, NULL, error);
}

/* Posts @forgery, a well-formed entry with a fingerprint like any other
 * (as a faulty or hostile version of the program would write it), and
 * requires verify to fail on it with @expect in the message. */
static void
forge_and_verify (Fixture       *f,
                  const Forgery *forgery,
                  const char    *expect)
{
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  g_assert_true (ledger_book_write (f->book, post_forgery_cb, (gpointer) forgery, &error));
  g_assert_no_error (error);
  g_assert_false (ledger_verify (f->book, &head, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  if (strstr (error->message, expect) == NULL)
    g_error ("got “%s”, wanted “%s”", error->message, expect);
}

/* 1-1-101 owes property ¥360 and parking ¥120 for 2026 (entries 6, 7);
 * a payment of ¥100 settles the older charge first: property (billed
 * first, the same year). The forged entry settles parking. */
static void
test_forged_payment_order (Fixture       *f,
                           gconstpointer  data)
{
  static const Forgery forgery = {
    "payment", "2026-03-01", "2026-000001", 0,
    { "cash", "receivable" }, { NULL, "1-1-101" }, { 10000, -10000 },
    { &ledger_fact_receipt, &ledger_fact_allocation },
    { { "2026-000001", "1-1-101", "10000", "cash" },
      { "1-1-101", "parking", "2026", "payment", "10000" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  if (!households_replay (f))
    return;
  book_bill_year (f->book, 2026);
  assert_verifies (f->book);
  forge_and_verify (f, &forgery,
                    "gives “allocation|1-1-101|property|2026|payment|10000”"
                    " where the entry has “allocation|1-1-101|parking|2026|payment|10000”");
}

/* The same payment with its amount kept as credit although a charge is
 * open: the rule gives the receivable split, the entry has prepaid. */
static void
test_forged_payment_credit (Fixture       *f,
                            gconstpointer  data)
{
  static const Forgery forgery = {
    "payment", "2026-03-01", "2026-000001", 0,
    { "cash", "prepaid" }, { NULL, "1-1-101" }, { 10000, -10000 },
    { &ledger_fact_receipt },
    { { "2026-000001", "1-1-101", "10000", "cash" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  if (!households_replay (f))
    return;
  book_bill_year (f->book, 2026);
  forge_and_verify (f, &forgery, "gives “receivable|1-1-101|-10000” where the entry has “prepaid|1-1-101|-10000”");
}

/* A payment above the ceiling of one amount (¥1,000,000.00), which
 * `pay` refuses. */
static void
test_forged_payment_amount (Fixture       *f,
                            gconstpointer  data)
{
  static const Forgery forgery = {
    "payment", "2026-03-01", "2026-000001", 0,
    { "cash", "prepaid" }, { NULL, "1-1-101" }, { 100000001, -100000001 },
    { &ledger_fact_receipt },
    { { "2026-000001", "1-1-101", "100000001", "cash" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  if (!households_replay (f))
    return;
  forge_and_verify (f, &forgery, "the rule of payments refuses the entry");
}

/* A receipt number out of the gapless sequence: 2026's first is
 * 2026-000001, the forged entry takes 2026-000005. */
static void
test_forged_receipt_number (Fixture       *f,
                            gconstpointer  data)
{
  static const Forgery forgery = {
    "payment", "2026-03-01", "2026-000005", 0,
    { "cash", "prepaid" }, { NULL, "1-1-101" }, { 10000, -10000 },
    { &ledger_fact_receipt },
    { { "2026-000005", "1-1-101", "10000", "cash" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  if (!households_replay (f))
    return;
  forge_and_verify (f, &forgery, "gives “receipt|2026-000001|1-1-101|10000|cash”");
}

/* 1-1-101 paid ¥100 in December 2025 (all credit); the 2026 property
 * charge must use it at once. The forged charge does not. */
static void
test_forged_charge_credit (Fixture       *f,
                           gconstpointer  data)
{
  static const Forgery forgery = {
    "charge", "2026-01-01", "1-1-101", 0,
    { "receivable", "income:property" }, { "1-1-101", NULL }, { 36000, -36000 },
    { &ledger_fact_charge },
    { { "1-1-101", "property", "2026", "36000", "2" } },
  };
  g_autofree char *number = NULL;

  book_add_household (f->book, "1-1-101", "张三", 9050, 0);
  if (!households_replay (f))
    return;
  number = book_pay (f->book, "1-1-101", 10000, LEDGER_METHOD_CASH, "2025-12-01");
  forge_and_verify (f, &forgery, "gives “prepaid|1-1-101|10000” where the entry has “—”");
}

/* A fee entry that moves money besides: ¥100.00 into the cash box as
 * 1-1-101's credit, with no receipt. A fee entry has no split. */
static void
test_forged_fee (Fixture       *f,
                 gconstpointer  data)
{
  static const Forgery forgery = {
    "fee", "2026-03-01", "water", 0,
    { "cash", "prepaid" }, { NULL, "1-1-101" }, { 10000, -10000 },
    { &ledger_fact_fee },
    { { "water", "水费", "2400", "household", "2026-01-01" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 0);
  if (!households_replay (f))
    return;
  forge_and_verify (f, &forgery, "journal entry 6 (fee): no version of the program writes such an entry: it moves money, which entries of its kind never do");
}

/* Money facts only in the entries whose writers, and so whose rules,
 * have them: an allocation in a "setting" entry would settle a charge
 * with no rule checking it. The apply function refuses it, when writing
 * as when replaying. */
static void
test_foreign_fact (Fixture       *f,
                   gconstpointer  data)
{
  static const Forgery forgery = {
    "setting", "2026-03-01", "", 0,
    { NULL }, { NULL }, { 0 },
    { &ledger_fact_allocation },
    { { "1-1-101", "property", "2026", "payment", "36000" } },
  };
  g_autoptr(GError) error = NULL;

  book_add_household (f->book, "1-1-101", "张三", 9050, 0);
  book_bill_year (f->book, 2026);
  g_assert_false (ledger_book_write (f->book, post_forgery_cb, (gpointer) &forgery, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "“allocation” fact in a “setting” entry"));
  book_assert_balance (f->book, "1-1-101", 36000, 0);
}

/* A charge of another amount than the fee in force: property is ¥360.00
 * per household, the forged charge ¥300.00. */
static void
test_forged_charge_amount (Fixture       *f,
                           gconstpointer  data)
{
  static const Forgery forgery = {
    "charge", "2026-01-01", "1-1-101", 0,
    { "receivable", "income:property" }, { "1-1-101", NULL }, { 30000, -30000 },
    { &ledger_fact_charge },
    { { "1-1-101", "property", "2026", "30000", "2" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 0);
  if (!households_replay (f))
    return;
  forge_and_verify (f, &forgery, "gives “receivable|1-1-101|36000” where the entry has “receivable|1-1-101|30000”");
}

/* Parking is ¥120.00 per space: 1-1-101 has two, so ¥240.00, due on
 * 1 January; the forged charge is dated 2026-02-01. */
static void
test_forged_charge_date (Fixture       *f,
                         gconstpointer  data)
{
  static const Forgery forgery = {
    "charge", "2026-02-01", "1-1-101", 0,
    { "receivable", "income:parking" }, { "1-1-101", NULL }, { 24000, -24000 },
    { &ledger_fact_charge },
    { { "1-1-101", "parking", "2026", "24000", "3" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 2);
  if (!households_replay (f))
    return;
  forge_and_verify (f, &forgery, "gives “date: 2026-01-01” where the entry has “date: 2026-02-01”");
}

/* Receipt 2026-000001 (entry 11 of the story's first part) settled
 * property ¥260 and parking ¥40; the forged void takes back only the
 * property part, so parking would stay paid by money handed back. */
static void
test_forged_void (Fixture       *f,
                  gconstpointer  data)
{
  static const Forgery forgery = {
    "void", "2026-03-01", "2026-000001", 11,
    { "wechat", "receivable" }, { NULL, "1-1-101" }, { -30000, 30000 },
    { &ledger_fact_void, &ledger_fact_allocation },
    { { "2026-000001", "作废" },
      { "1-1-101", "property", "2026", "payment", "-26000" } },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL;

  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  book_add_household (f->book, "1-1-102", "李四", 8000, 0);
  if (!households_replay (f))
    return;
  r1 = book_pay (f->book, "1-1-101", 10000, LEDGER_METHOD_CASH, "2025-12-01");
  book_bill_year (f->book, 2026);
  r2 = book_pay (f->book, "1-1-101", 30000, LEDGER_METHOD_WECHAT, NULL);
  g_assert_cmpint (book_journal_count (f->book), ==, 11);
  forge_and_verify (f, &forgery,
                    "the reversal of the receipt's payment gives “allocation|1-1-101|parking|2026|payment|-4000”"
                    " where the entry has “—”");
}

/* A waiver of more than is owed: 1-1-101's parking (¥120) waived ¥500. */
static void
test_forged_waiver (Fixture       *f,
                    gconstpointer  data)
{
  static const Forgery forgery = {
    "waiver", "2026-03-01", "1-1-101", 0,
    { "waivers", "receivable" }, { "1-1-101", "1-1-101" }, { 50000, -50000 },
    { &ledger_fact_waiver, &ledger_fact_allocation },
    { { "1-1-101", "parking", "2026", "50000", "减免" },
      { "1-1-101", "parking", "2026", "waiver", "50000" } },
  };

  book_add_household (f->book, "1-1-101", "张三", 9050, 1);
  if (!households_replay (f))
    return;
  book_bill_year (f->book, 2026);
  forge_and_verify (f, &forgery, "the waiver rule refuses the entry");
}

/* A fact edited in the book file behind the program's back, nothing else
 * rebuilt: the entry's leaf no longer has the fingerprint recorded when
 * it was written. */
static void
test_edited_fact (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *copy = book_fixture_file (f, "copy.clbook");
  g_autoptr(LedgerBook) tampered = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;
  sqlite3 *db = NULL;

  if (!story_households (f))
    return;
  write_story (f);
  g_assert_true (ledger_backup_to_file (f->book, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "DROP TRIGGER facts_no_update;", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE facts SET fact = 'allocation|1-1-101|parking|2026|payment|26000'"
                                     " WHERE txn_id = 11 AND seq = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  tampered = ledger_community_open (copy, LEDGER_BOOK_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_verify (tampered, &head, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY);
  g_assert_nonnull (strstr (error->message, "entry 11 "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/replay-money/story-facts", test_story_facts);
  ADD ("/replay-money/story-verifies", test_story_verifies);
  ADD ("/replay-money/tampered-tables", test_tampered_tables);
  ADD ("/replay-money/forged-payment-order", test_forged_payment_order);
  ADD ("/replay-money/forged-payment-credit", test_forged_payment_credit);
  ADD ("/replay-money/forged-payment-amount", test_forged_payment_amount);
  ADD ("/replay-money/forged-receipt-number", test_forged_receipt_number);
  ADD ("/replay-money/forged-charge-credit", test_forged_charge_credit);
  ADD ("/replay-money/foreign-fact", test_foreign_fact);
  ADD ("/replay-money/forged-fee", test_forged_fee);
  ADD ("/replay-money/forged-charge-amount", test_forged_charge_amount);
  ADD ("/replay-money/forged-charge-date", test_forged_charge_date);
  ADD ("/replay-money/forged-void", test_forged_void);
  ADD ("/replay-money/forged-waiver", test_forged_waiver);
  ADD ("/replay-money/edited-fact", test_edited_fact);
#undef ADD
  return g_test_run ();
}

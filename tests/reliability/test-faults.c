/* test-faults.c — "Nothing lost" under I/O errors and out-of-memory
 *
 * For every kind of write a treasurer makes, SQLite's Nth I/O call (or Nth
 * allocation) is made to fail, for N = 1, 2, 3 … until the operation runs
 * without reaching the fault. Each time the operation must either succeed
 * completely or fail with a storage error (LEDGER_ERROR_IO or _DATABASE),
 * and the book, once closed and reopened with the fault gone, must hold
 * exactly what it held before (or, after a success, exactly what a run
 * without faults writes), pass integrity_check and verify its fingerprint.
 *
 * Three I/O modes: a transient error (only the Nth call fails; afterwards
 * the same LedgerBook must be able to carry on), a dead disk (the Nth call
 * and all later ones fail) and a full disk (the Nth write and all later
 * writes fail with SQLITE_FULL). Then the same sweep with allocations.
 *
 * The sweeps visit every N when FAULT_SWEEP=full; the normal suite takes
 * at most FAULT_POINTS (default 150) evenly spaced N per operation and
 * mode, always including the first and last ones.
 */
#define G_LOG_DOMAIN "test-faults"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "book-fixture.h"
#include "fault-inject.h"
#include "ledger.h"
#include "ledger-book-private.h"

#define CLOCK_DATE "2026-03-01"

typedef gboolean (*OperationFunc) (LedgerBook  *book,
                                   GError     **error);

typedef struct
{
  const char    *name;
  OperationFunc  func;
  /* TRUE for an operation the book must refuse (bad input, rule broken):
   * under faults it may fail differently, but it must never succeed. */
  gboolean       refused;
} Operation;

typedef enum
{
  SWEEP_IO_ONCE,
  SWEEP_IO_COLD,
  SWEEP_IO_PERSIST,
  SWEEP_IO_FULL,
  SWEEP_MALLOC_ONCE,
  SWEEP_MALLOC_PERSIST,
} SweepKind;

static const char *const sweep_names[] = {
  "io-once", "io-cold", "io-persist", "disk-full", "malloc-once", "malloc-persist",
};

/* The folder holding the template book, its inputs and the working copy. */
static char *test_dir;
static char *template_path;
static char *work_path;
static char *template_dump;

/* Totals for the summary printed at the end. */
static guint totals_runs[G_N_ELEMENTS (sweep_names)];
static guint totals_failed[G_N_ELEMENTS (sweep_names)];
static guint totals_by_call[N_FAULT_CALLS];
static guint stale_journals;
static guint misreported;

/* ------------------------------------------------------------------ */
/* Dumping a book: every table's rows, in a fixed order */

/* Appends one value as SQL-ish text. */
static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           col)
{
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%lld", (long long) sqlite3_column_int64 (stmt, col));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, col));
      break;
    case SQLITE_TEXT:
      {
        /* A unit's salt is random, and so are the commitments made with
         * it (and every hash above them): two runs of one operation
         * differ there and only there. */
        static GRegex *random_hex;
        g_autofree char *masked = NULL;

        if (random_hex == NULL)
          random_hex = g_regex_new ("\\b([0-9a-f]{64}|[0-9a-f]{32})\\b", 0, 0, NULL);
        masked = g_regex_replace_literal (random_hex, (const char *) sqlite3_column_text (stmt, col),
                                          -1, 0, "<hex>", 0, NULL);
        g_string_append_printf (out, "'%s'", masked);
      }
      break;
    default:
      {
        const guchar *blob = sqlite3_column_blob (stmt, col);
        int n = sqlite3_column_bytes (stmt, col);

        if (n == 32)
          {
            g_string_append (out, "x'<hash>'");
            break;
          }

        g_string_append (out, "x'");
        for (int i = 0; i < n; i++)
          g_string_append_printf (out, "%02x", blob[i]);
        g_string_append_c (out, '\'');
      }
    }
}

/* Appends every row of @sql, one line per row. */
static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          if (col > 0)
            g_string_append_c (out, '|');
          append_value (out, stmt, col);
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* The logical content of the book at @path: its header pragmas, schema
 * and every table ordered by all its columns. */
static char *
dump_book (const char *path)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  append_rows (out, db, "PRAGMA application_id");
  append_rows (out, db, "PRAGMA user_version");
  append_rows (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GString) sql = g_string_new (probe);
      int columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      columns = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);
      for (int c = 1; c <= columns; c++)
        g_string_append_printf (sql, c == 1 ? " ORDER BY %d" : ", %d", c);
      g_string_append_printf (out, "-- %s\n", table);
      append_rows (out, db, sql->str);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

/* Fails with the first line where two dumps differ (whole dumps are too
 * long to read in a test log). */
static void
assert_same_dump (const char *got,
                  const char *want,
                  const char *what)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  guint i;

  if (g_strcmp0 (got, want) == 0)
    return;
  a = g_strsplit (got, "\n", -1);
  b = g_strsplit (want, "\n", -1);
  for (i = 0; a[i] != NULL && b[i] != NULL && g_strcmp0 (a[i], b[i]) == 0; i++)
    ;
  g_error ("%s: the book differs at dump line %u:\n  got:  %s\n  want: %s",
           what, i + 1, a[i] != NULL ? a[i] : "(end)", b[i] != NULL ? b[i] : "(end)");
}

/* ------------------------------------------------------------------ */
/* The operations: one of each kind of write */

/* The path of an input file (scan, CSV) kept beside the template. */
static char *
input_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

/* household add 2-1-101 --owner 赵六 --area 90 --spaces 1 */
static gboolean
op_household_add (LedgerBook  *book,
                  GError     **error)
{
  g_autoptr(LedgerHousehold) h = ledger_household_new ();

  h->unit = g_strdup ("2-1-101");
  h->owner = g_strdup ("赵六");
  h->area = 9000;
  h->spaces = 1;
  return ledger_household_add (book, h, error);
}

/* bill 2027 */
static gboolean
op_bill (LedgerBook  *book,
         GError     **error)
{
  return ledger_bill_year (book, 2027, NULL, error);
}

/* pay 1-1-102 480 --method wechat, reading the receipt back as the command
 * line does before it prints the number */
static gboolean
op_pay (LedgerBook  *book,
        GError     **error)
{
  g_autoptr(LedgerReceipt) receipt = NULL;

  return ledger_pay (book, "1-1-102", 48000, LEDGER_METHOD_WECHAT, CLOCK_DATE, &receipt, error);
}

/* void 2026-000001 --reason 收错户号 */
static gboolean
op_void (LedgerBook  *book,
         GError     **error)
{
  return ledger_void (book, "2026-000001", "收错户号", error);
}

/* waive 1-1-103 property 2026 --reason 低保户减免 */
static gboolean
op_waive (LedgerBook  *book,
          GError     **error)
{
  return ledger_waive (book, "1-1-103", "property", 2026, NULL, "低保户减免", NULL, error);
}

/* An expenditure with the given amount, and the invoice scan attached. */
static gboolean
spend (LedgerBook  *book,
       gint64       amount,
       GError     **error)
{
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autofree char *scan = input_path ("发票.jpg");
  const char *attach[] = { scan, NULL };

  e->amount = amount;
  g_free (e->payee);
  e->payee = g_strdup ("张师傅水电维修部");
  g_free (e->category);
  e->category = g_strdup ("repair");
  g_free (e->invoice);
  e->invoice = g_strdup ("FP2026030101");
  g_strlcpy (e->date, CLOCK_DATE, sizeof e->date);
  /* From the cash the baseline received (no money account goes below zero). */
  e->method = LEDGER_METHOD_CASH;
  return ledger_expenditure_record (book, e, attach, error);
}

/* spend 150.50 --payee … --category repair --attach 发票.jpg */
static gboolean
op_spend (LedgerBook  *book,
          GError     **error)
{
  return spend (book, 15050, error);
}

/* spend 2500 with no vote: above the book's spend limit (2,000.00, below
 * the program's default), so it must always be refused. */
static gboolean
op_spend_over_limit (LedgerBook  *book,
                     GError     **error)
{
  return spend (book, 250000, error);
}

/* vote new --title … --matter 9 */
static gboolean
op_vote_new (LedgerBook  *book,
             GError     **error)
{
  gint64 id = 0;

  return ledger_vote_new (book, "更换小区路灯为LED节能灯", "", 9, CLOCK_DATE, "2026-04-30",
                          &id, error);
}

/* vote ballot 1 1-1-103 yes */
static gboolean
op_vote_ballot (LedgerBook  *book,
                GError     **error)
{
  return ledger_vote_ballot (book, 1, "1-1-103", LEDGER_CHOICE_YES, CLOCK_DATE, NULL, NULL, error);
}

/* vote close 1 */
static gboolean
op_vote_close (LedgerBook  *book,
               GError     **error)
{
  return ledger_vote_close (book, 1, error);
}

/* fee set property 420 --from 2027-01-01 */
static gboolean
op_fee_set (LedgerBook  *book,
            GError     **error)
{
  return ledger_fee_set (book, "property", "物业费", 42000, NULL, "2027-01-01", error);
}

/* household import households.csv (with its automatic backup) */
static gboolean
op_import (LedgerBook  *book,
           GError     **error)
{
  g_autofree char *csv = input_path ("households.csv");
  g_autoptr(LedgerImportPlan) plan = ledger_import_read (book, csv, error);

  return plan != NULL && ledger_import_households (book, plan, NULL, error);
}

static const Operation operations[] = {
  { "household-add", op_household_add, FALSE },
  { "bill", op_bill, FALSE },
  { "pay", op_pay, FALSE },
  { "void", op_void, FALSE },
  { "waive", op_waive, FALSE },
  { "spend", op_spend, FALSE },
  { "spend-over-limit", op_spend_over_limit, TRUE },
  { "vote-new", op_vote_new, FALSE },
  { "vote-ballot", op_vote_ballot, FALSE },
  { "vote-close", op_vote_close, FALSE },
  { "fee-set", op_fee_set, FALSE },
  { "import", op_import, FALSE },
};

/* ------------------------------------------------------------------ */
/* The template book every run starts from */

/* Adds a household with the template's defaults. */
static void
add_household (LedgerBook *book,
               const char *unit,
               const char *owner_key)
{
  g_autoptr(LedgerHousehold) h = ledger_household_new ();
  g_autoptr(GError) error = NULL;

  h->unit = g_strdup (unit);
  h->owner = g_strdup ("业主");
  h->area = 8950;
  h->spaces = 1;
  if (owner_key != NULL)
    {
      g_free (h->owner_key);
      h->owner_key = g_strdup (owner_key);
    }
  g_assert_true (ledger_household_add (book, h, &error));
  g_assert_no_error (error);
}

/* Four households billed for 2026, one payment, a lowered spend limit and
 * an open vote with two ballots: something for every operation to act on. */
static void
make_template (void)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scan = input_path ("发票.jpg");
  g_autofree char *csv = input_path ("households.csv");
  gint64 vote_id = 0;

  book = ledger_community_create (template_path, "可靠小区", "tester", &error);
  g_assert_no_error (error);
  ledger_book_set_clock (book, CLOCK_DATE);
  add_household (book, "1-1-101", NULL);
  add_household (book, "1-1-102", NULL);
  add_household (book, "1-1-103", NULL);
  add_household (book, "1-1-104", NULL);
  g_assert_true (ledger_bill_year (book, 2026, NULL, &error));
  g_assert_true (ledger_pay (book, "1-1-101", 48000, LEDGER_METHOD_CASH, CLOCK_DATE, NULL, &error));
  g_assert_true (ledger_set_spend_limit (book, 200000, &error));
  g_assert_true (ledger_vote_new (book, "年度预算", "", 9, CLOCK_DATE, NULL, &vote_id, &error));
  g_assert_true (ledger_vote_ballot (book, vote_id, "1-1-101", LEDGER_CHOICE_YES, CLOCK_DATE,
                                     NULL, NULL, &error));
  g_assert_true (ledger_vote_ballot (book, vote_id, "1-1-102", LEDGER_CHOICE_YES, CLOCK_DATE,
                                     NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (scan, "invoice scan", -1, NULL));
  g_assert_true (g_file_set_contents (csv,
                                      "unit,owner,area,spaces\n"
                                      "5-1-101,钱七,88.5,1\n"
                                      "5-1-102,孙八,101,0\n"
                                      "5-1-201,周九,75.25,2\n",
                                      -1, NULL));
}

/* Replaces the working copy with the template (a closed file, copied byte
 * for byte: no connection has it open). */
static void
reset_work_copy (void)
{
  const char *suffixes[] = { "", "-journal", ".files", ".backups" };
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (work_path, suffixes[i], NULL);
      book_fixture_remove_tree (path);
    }
  g_assert_true (g_file_get_contents (template_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (work_path, contents, (gssize) length, NULL));
}

/* Opens the working copy with no fault armed. Opening runs quick_check,
 * which leaves every page in the cache; with @cold the cache is emptied,
 * so that the operation reads pages inside its transaction too. */
static LedgerBook *
open_work_copy (gboolean cold)
{
  g_autoptr(GError) error = NULL;
  LedgerBook *book = ledger_community_open (work_path, LEDGER_BOOK_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  ledger_book_set_clock (book, CLOCK_DATE);
  if (cold)
    g_assert_cmpint (sqlite3_db_release_memory (ledger_book_get_db (book)), ==, SQLITE_OK);
  return book;
}

/* ------------------------------------------------------------------ */
/* One run: arm the fault, run the operation, check the book */

typedef struct
{
  const Operation *op;
  SweepKind        kind;
  char            *expected_after; /* dump after a run without faults */
  guint            baseline_calls; /* faultable calls in that run */
  char            *last_error;     /* the message of the last failed run */
} Sweep;

/* TRUE for the sweeps that fail allocations rather than I/O. */
static gboolean
sweep_is_malloc (SweepKind kind)
{
  return kind == SWEEP_MALLOC_ONCE || kind == SWEEP_MALLOC_PERSIST;
}

/* Arms the fault of @kind at the @n-th call. */
static void
arm (SweepKind kind,
     guint     n)
{
  switch (kind)
    {
    case SWEEP_IO_ONCE:
    case SWEEP_IO_COLD:
      fault_io_arm (n, FAULT_IO_ONCE);
      break;
    case SWEEP_IO_PERSIST:
      fault_io_arm (n, FAULT_IO_PERSIST);
      break;
    case SWEEP_IO_FULL:
      fault_io_arm (n, FAULT_IO_FULL);
      break;
    case SWEEP_MALLOC_ONCE:
      fault_malloc_arm (n, FALSE);
      break;
    case SWEEP_MALLOC_PERSIST:
      fault_malloc_arm (n, TRUE);
      break;
    }
}

/* Turns every fault off. */
static void
disarm (void)
{
  fault_io_disarm ();
  fault_malloc_disarm ();
}

/* Names a run in failure messages (a static buffer: one at a time). */
static const char *
describe (const Sweep *sweep,
          guint        n,
          const char  *when)
{
  static char text[1000];

  g_snprintf (text, sizeof text, "%s, %s, fault at call %u (%s), %s%s%s",
              sweep->op->name, sweep_names[sweep->kind], n,
              sweep_is_malloc (sweep->kind) ? "malloc" : fault_call_name (fault_io_first_hit ()),
              when, sweep->last_error != NULL ? "; the operation said: " : "",
              sweep->last_error != NULL ? sweep->last_error : "");
  return text;
}

/* Reopens the closed working copy, checks it through and through and
 * returns its dump. A journal left beside it once it is closed must not
 * be hot. */
static char *
check_reopened (void)
{
  g_autofree char *journal = g_strconcat (work_path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;

  {
    g_autoptr(LedgerBook) book = ledger_community_open (work_path, LEDGER_BOOK_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (ledger_book_check_integrity (book, FALSE, &error));
    if (!ledger_verify (book, &head, &error))
      g_error ("verify after reopening: %s", error->message);
    g_assert_no_error (error);
  }
  /* A journal may stay behind when deleting it was what failed, but
   * only with its header zeroed: not hot, never to be played back. */
  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      static const guchar magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (journal, &contents, &length, NULL));
      g_assert_false (length >= sizeof magic && memcmp (contents, magic, sizeof magic) == 0);
      stale_journals++;
    }
  return dump_book (work_path);
}

/* Whether @error is acceptable for a run that met a fault. */
static gboolean
is_storage_error (const Sweep  *sweep,
                  const GError *error)
{
  if (error->domain != LEDGER_ERROR)
    return FALSE;
  switch (error->code)
    {
    case LEDGER_ERROR_IO:
    case LEDGER_ERROR_DATABASE:
      return TRUE;
    case LEDGER_ERROR_CONFLICT:
      return sweep->op->refused;
    case LEDGER_ERROR_CORRUPT:
      /* integrity_check reports a page it could not read as a finding
       * ("unable to get the page. error code=266"), so an I/O error while
       * checking the import's backup copy calls the copy damaged. The
       * book itself is never called damaged. */
      return strstr (error->message, ".partial-") != NULL && strstr (error->message, " is damaged") != NULL;
    default:
      return FALSE;
    }
}

/* The error of a failed run: a storage error, never one that blames the
 * user's input or calls the book damaged; a full disk says so. */
static void
check_failure (const Sweep  *sweep,
               const GError *error)
{
  g_assert_nonnull (error);
  if (!is_storage_error (sweep, error))
    {
      if (g_getenv ("FAULT_KEEP_GOING") == NULL)
        g_error ("%s (%s): unexpected error %s %d: %s", sweep->op->name, sweep_names[sweep->kind],
                 g_quark_to_string (error->domain), error->code, error->message);
      g_test_message ("MISREPORTED %s (%s) code %d: %s", sweep->op->name, sweep_names[sweep->kind],
                      error->code, error->message);
      misreported++;
      return;
    }
  if (sweep->kind == SWEEP_IO_FULL && strstr (error->message, "full; nothing was saved") == NULL)
    g_error ("%s (%s): a full disk reported as: %s", sweep->op->name, sweep_names[sweep->kind],
             error->message);
}

/* Runs the operation with the fault at @n. Returns FALSE once the
 * operation ran without reaching the fault (the sweep is over). */
static gboolean
run_once (Sweep *sweep,
          guint  n)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint hits;
  gboolean ok;

  g_clear_pointer (&sweep->last_error, g_free);
  reset_work_copy ();
  book = open_work_copy (sweep->kind == SWEEP_IO_COLD);
  arm (sweep->kind, n);
  ok = sweep->op->func (book, &error);
  hits = sweep_is_malloc (sweep->kind) ? fault_malloc_hits () : fault_io_hits ();
  disarm ();

  if (hits == 0)
    {
      if (sweep->op->refused)
        g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
      else
        g_assert_no_error (error);
      g_assert_true (ok != sweep->op->refused);
      return FALSE;
    }
  totals_runs[sweep->kind]++;
  if (!sweep_is_malloc (sweep->kind))
    totals_by_call[fault_io_first_hit ()]++;
  if (ok)
    {
      /* A fault SQLite worked around: the whole operation must be there. */
      g_assert_false (sweep->op->refused);
      g_clear_object (&book);
      after = check_reopened ();
      assert_same_dump (after, sweep->expected_after, describe (sweep, n, "after a completed operation"));
      return TRUE;
    }

  totals_failed[sweep->kind]++;
  g_free (sweep->last_error);
  sweep->last_error = g_strdup (error != NULL ? error->message : "(no error)");
  check_failure (sweep, error);
  if (sweep->kind == SWEEP_IO_ONCE || sweep->kind == SWEEP_IO_COLD ||
      sweep->kind == SWEEP_MALLOC_ONCE)
    {
      /* The error has passed: the book must be as before to any reader,
       * and the same LedgerBook must be able to do the operation now. */
      g_autofree char *now = dump_book (work_path);

      assert_same_dump (now, template_dump, describe (sweep, n, "read while the failed LedgerBook is still open"));
      g_clear_error (&error);
      ok = sweep->op->func (book, &error);
      g_assert_true (ok != sweep->op->refused);
      g_clear_object (&book);
      after = check_reopened ();
      assert_same_dump (after, sweep->expected_after, describe (sweep, n, "after a completed operation"));
      return TRUE;
    }
  g_clear_object (&book);
  after = check_reopened ();
  assert_same_dump (after, template_dump, describe (sweep, n, "reopened after a failure"));
  return TRUE;
}

/* Runs the operation once without faults, counting the calls a sweep can
 * fail, and keeps the dump of the result. */
static void
run_baseline (Sweep *sweep)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  reset_work_copy ();
  book = open_work_copy (sweep->kind == SWEEP_IO_COLD);
  /* Armed far beyond reach: counts without failing. */
  arm (sweep->kind, G_MAXUINT);
  ok = sweep->op->func (book, &error);
  sweep->baseline_calls = sweep_is_malloc (sweep->kind) ? fault_malloc_calls () : fault_io_calls ();
  disarm ();
  if (sweep->op->refused)
    g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  else
    g_assert_no_error (error);
  g_assert_true (ok != sweep->op->refused);
  g_clear_object (&book);
  sweep->expected_after = check_reopened ();
}

/* The step between the N tried: 1 for a full sweep, else enough to keep
 * to FAULT_POINTS runs. */
static guint
sweep_step (guint calls)
{
  const char *mode = g_getenv ("FAULT_SWEEP");
  const char *points_env = g_getenv ("FAULT_POINTS");
  guint points = points_env != NULL ? (guint) g_ascii_strtoull (points_env, NULL, 10) : 150;

  if (g_strcmp0 (mode, "full") == 0 || points == 0 || calls <= points)
    return 1;
  return (calls + points - 1) / points;
}

/* One operation under one kind of fault: N from 1 until the operation
 * no longer reaches the fault. */
static void
test_sweep (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  Sweep sweep = { &operations[index / G_N_ELEMENTS (sweep_names)],
                  index % G_N_ELEMENTS (sweep_names), NULL, 0, NULL };
  guint step, runs = 0, failed_before = totals_failed[sweep.kind];
  guint n;

  run_baseline (&sweep);
  step = sweep_step (sweep.baseline_calls);
  /* N goes one past the baseline count: the run that finds no fault
   * proves the sweep covered the whole operation. */
  for (n = 1; run_once (&sweep, n);
       n = n == sweep.baseline_calls ? n + 1 : MIN (n + step, sweep.baseline_calls))
    {
      runs++;
      g_assert_cmpuint (n, <=, sweep.baseline_calls);
    }
  g_assert_cmpuint (n, >, sweep.baseline_calls);
  g_test_message ("%s %s: %u faultable calls, %u faults injected (step %u), %u failed cleanly",
                  sweep.op->name, sweep_names[sweep.kind], sweep.baseline_calls, runs, step,
                  totals_failed[sweep.kind] - failed_before);
  g_free (sweep.expected_after);
  g_free (sweep.last_error);
}

/* ------------------------------------------------------------------ */
/* A full disk simulated inside SQLite: PRAGMA max_page_count */

/* With the book's page count capped at its current size, payments go on
 * until one needs a new page; that one fails with the full-disk message
 * and leaves the book as the last successful one left it. */
static void
test_max_page_count (void)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int paid = 0;

  reset_work_copy ();
  book = open_work_copy (FALSE);
  /* SQLite raises a cap below the current size to the current size. */
  g_assert_true (ledger_book_exec (book, "PRAGMA max_page_count = 1", NULL));
  for (;;)
    {
      g_autoptr(LedgerReceipt) receipt = NULL;

      g_free (before);
      before = dump_book (work_path);
      if (!ledger_pay (book, "1-1-104", 100, LEDGER_METHOD_CASH, CLOCK_DATE, &receipt, &error))
        break;
      g_assert_cmpint (++paid, <, 1000);
    }
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full; nothing was saved"));
  g_test_message ("max_page_count: %d payments fitted, then: %s", paid, error->message);
  g_clear_object (&book);
  after = check_reopened ();
  assert_same_dump (after, before, "max_page_count");
}

/* ------------------------------------------------------------------ */

/* Prints the totals of the whole run, for the log. */
static void
print_totals (void)
{
  guint all = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (sweep_names); k++)
    {
      g_test_message ("total %s: %u faults injected, %u operations failed cleanly, %u completed anyway",
                      sweep_names[k], totals_runs[k], totals_failed[k], totals_runs[k] - totals_failed[k]);
      all += totals_runs[k];
    }
  for (guint c = 0; c < N_FAULT_CALLS; c++)
    g_test_message ("total I/O faults at %s: %u", fault_call_name (c), totals_by_call[c]);
  g_test_message ("total: %u faults injected; %u times a journal with a zeroed header (not hot) stayed beside the book",
                  all, stale_journals);
  if (misreported > 0)
    g_test_message ("total: %u failures reported as something other than a storage error (FAULT_KEEP_GOING)",
                    misreported);
}

/* A fresh folder for the books: in FAULT_TMPDIR, else in /dev/shm (the
 * faults are simulated, so a RAM disk only saves time), else in $TMPDIR. */
static char *
make_test_dir (void)
{
  const char *base = g_getenv ("FAULT_TMPDIR");
  char *dir;

  if (base == NULL || *base == '\0')
    base = g_access ("/dev/shm", W_OK) == 0 ? "/dev/shm" : g_get_tmp_dir ();
  dir = g_build_filename (base, "ledger-faults-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (dir));
  return dir;
}

/* Installs the faulting allocator and VFS first, makes the template
 * book, then runs one test per operation and kind of fault. */
int
main (int    argc,
      char **argv)
{
  int status;

  /* Before anything opens a database: SQLite's allocator can only be
   * replaced while it is shut down. */
  fault_inject_install ();
  g_test_init (&argc, &argv, NULL);

  test_dir = make_test_dir ();
  template_path = g_build_filename (test_dir, "template.clbook", NULL);
  work_path = g_build_filename (test_dir, "book.clbook", NULL);
  make_template ();
  template_dump = dump_book (template_path);

  for (gsize o = 0; o < G_N_ELEMENTS (operations); o++)
    for (gsize k = 0; k < G_N_ELEMENTS (sweep_names); k++)
      {
        g_autofree char *path = g_strdup_printf ("/faults/%s/%s", sweep_names[k], operations[o].name);

        g_test_add_data_func (path, GUINT_TO_POINTER (o * G_N_ELEMENTS (sweep_names) + k), test_sweep);
      }
  g_test_add_func ("/faults/disk-full/max-page-count", test_max_page_count);

  status = g_test_run ();
  print_totals ();
  book_fixture_remove_tree (test_dir);
  return status;
}

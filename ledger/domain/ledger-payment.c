/* ledger-payment.c — payments, gapless receipt numbers, voids */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-charges-private.h"
#include "ledger-dates-private.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-method.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-payment-private.h"
#include "ledger-payment.h"
#include "ledger-period.h"
#include "ledger-schema-private.h"
#include "ledger-settings.h"
#include "ledger-text.h"

#define REASON_MAX_CHARS 200

static void
clear_line (gpointer data)
{
  g_free (((LedgerReceiptLine *) data)->fee_code);
}

void
ledger_receipt_free (LedgerReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->number);
  g_free (receipt->unit);
  g_free (receipt->owner);
  g_free (receipt->recorded_at);
  g_free (receipt->operator_name);
  g_free (receipt->void_reason);
  if (receipt->lines != NULL)
    g_array_unref (receipt->lines);
  g_free (receipt);
}

gboolean
ledger_receipt_number_parse (const char  *text,
                             int         *out_year,
                             int         *out_seq,
                             GError     **error)
{
  gboolean ok = text != NULL && strlen (text) == 11 && text[4] == '-';

  for (int i = 0; ok && i < 11; i++)
    ok = i == 4 || g_ascii_isdigit (text[i]);
  if (ok)
    {
      *out_year = atoi (text);
      *out_seq = atoi (text + 5);
      ok = *out_year >= 1900 && *out_year <= 2200 && *out_seq > 0;
    }
  if (!ok)
    return ledger_text_set_invalid_input (error, _("receipt"), text,
                                          _("expected a receipt number such as 2026-000123"));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Paying */

/* The next number in @year's gapless sequence. Safe because the whole
 * payment runs inside one BEGIN IMMEDIATE transaction: no other writer can
 * take the same number between this read and the insert. */
static gboolean
next_receipt_seq (LedgerBook  *book,
                  int          year,
                  int         *out_seq,
                  GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT max (seq) FROM receipts WHERE year = ?1", error);
  gint64 last = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (!ledger_book_query_int64 (book, stmt, 0, &last, error))
    return FALSE;
  if (last >= LEDGER_RECEIPTS_PER_YEAR_MAX)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("receipt numbers for %d are used up (999999)"), year);
      return FALSE;
    }
  *out_seq = (int) last + 1;
  return TRUE;
}

static gboolean
set_bad_receipt_fact (GError     **error,
                      const char  *fact,
                      const char  *number)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("a “%s” fact names “%s”, which is no receipt number"), fact, number);
  return FALSE;
}

/* "receipt|NUMBER|UNIT|AMOUNT|METHOD", dated the entry's date. */
static gboolean
apply_receipt (LedgerBook         *book,
               gint64              txn_id,
               const char         *date,
               const char *const  *fields,
               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 household_id = 0, amount;
  int year, seq;

  if (!ledger_draft_require_kind (book, txn_id, "receipt", (const char *const[]) { "payment", NULL }, error))
    return FALSE;
  if (!ledger_receipt_number_parse (fields[0], &year, &seq, NULL))
    return set_bad_receipt_fact (error, "receipt", fields[0]);
  if (!ledger_fact_int64 ("receipt", fields, 2, &amount, error) ||
      !ledger_fact_household_id (book, "receipt", fields[1], &household_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO receipts (number, year, seq, household_id, amount, method, date, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, fields[0]);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_int64 (stmt, 4, household_id);
  sqlite3_bind_int64 (stmt, 5, amount);
  ledger_bind_text (stmt, 6, fields[3]);
  ledger_bind_text (stmt, 7, date);
  sqlite3_bind_int64 (stmt, 8, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_receipt = { "receipt", 4, apply_receipt };

/* "void|RECEIPT|REASON" */
static gboolean
apply_void (LedgerBook         *book,
            gint64              txn_id,
            const char         *date G_GNUC_UNUSED,
            const char *const  *fields,
            GError            **error)
{
  sqlite3_stmt *stmt;

  if (!ledger_draft_require_kind (book, txn_id, "void", (const char *const[]) { "void", NULL }, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO voids (receipt, reason, txn_id) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, fields[0]);
  ledger_bind_text (stmt, 2, fields[1]);
  sqlite3_bind_int64 (stmt, 3, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_void = { "void", 2, apply_void };

/* Splits @amount over the open charges, oldest first. Fills @allocated
 * with one amount per open charge (0 for those not reached) and returns
 * what is left over for prepaid credit. */
static gint64
allocate_oldest_first (GArray *open,
                       gint64  amount,
                       gint64 *allocated)
{
  gint64 left = amount;

  for (guint i = 0; i < open->len; i++)
    {
      const LedgerOpenCharge *charge = &g_array_index (open, LedgerOpenCharge, i);

      allocated[i] = MIN (left, charge->open);
      left -= allocated[i];
    }
  return left;
}

static gboolean
check_payment (gint64        amount,
               const char   *date,
               char          out_date[11],
               LedgerBook   *book,
               GError      **error)
{
  if (amount <= 0 || amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), amount);
  if (date == NULL)
    {
      ledger_book_today (book, out_date);
      return TRUE;
    }
  return ledger_date_parse (date, "--date", out_date, error) &&
         ledger_check_entry_date (book, out_date, "--date", error);
}

/* The "payment" entry of @amount paid by @household_id (@unit) in
 * @method on @day: the next receipt number of the day's year; the
 * amount over the open charges billed by that day, oldest first
 * (allocate_oldest_first()), the rest prepaid credit. The rule of
 * "payment" entries: the writer posts the draft, verify's replay
 * compares it with the entry. */
static gboolean
payment_draft (LedgerBook    *book,
               gint64         household_id,
               const char    *unit,
               gint64         amount,
               LedgerMethod   method,
               const char    *day,
               LedgerDraft   *draft,
               char         **out_number,
               GError       **error)
{
  g_autoptr(GArray) open = ledger_open_charges (book, household_id, day, error);
  g_autofree gint64 *allocated = NULL;
  g_autofree char *number = NULL;
  char amount_text[24];
  int year = ledger_date_year (day), seq = 0;
  gint64 credit;

  if (open == NULL || !next_receipt_seq (book, year, &seq, error))
    return FALSE;
  number = g_strdup_printf ("%04d-%06d", year, seq);
  allocated = g_new0 (gint64, open->len + 1);
  credit = allocate_oldest_first (open, amount, allocated);

  /* The receipt's QR rebuilds the leaf from ref = number, memo = unit. */
  ledger_draft_set_ref_memo (draft, number, unit);
  ledger_draft_add_split (draft, ledger_method_to_string (method), 0, NULL, amount);
  ledger_draft_add_split (draft, "receivable", household_id, unit, credit - amount);
  ledger_draft_add_split (draft, "prepaid", household_id, unit, -credit);
  {
    const char *fields[] = { number, unit, ledger_fact_int_text (amount_text, amount),
                             ledger_method_to_string (method) };

    ledger_draft_add_factv (draft, &ledger_fact_receipt, fields);
  }
  for (guint i = 0; i < open->len; i++)
    if (allocated[i] > 0)
      ledger_allocation_add_to_draft (draft, unit, &g_array_index (open, LedgerOpenCharge, i),
                                      "payment", allocated[i]);
  if (out_number != NULL)
    *out_number = g_steal_pointer (&number);
  return TRUE;
}

gboolean
ledger_payment_rule (LedgerBook          *book,
                     const LedgerLeaf    *leaf,
                     char *const *const  *facts,
                     GError             **error)
{
  const char *const *receipt = ledger_draft_find_fact (facts, "receipt", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  LedgerMethod method;
  gint64 amount, household_id = 0;

  if (receipt == NULL)
    return FALSE;
  if (!ledger_method_parse (receipt[3], "method", &method, NULL))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("a “%s” fact names “%s”, which is no way of paying"), "receipt", receipt[3]);
      return FALSE;
    }
  if (!ledger_fact_int64 ("receipt", receipt, 2, &amount, error))
    return FALSE;
  if (amount <= 0 || amount > LEDGER_AMOUNT_MAX)
    {
      g_autoptr(GError) refused = NULL;

      ledger_amount_set_out_of_range (&refused, _("amount"), amount);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the rule of payments refuses the entry: %s"), refused->message);
      return FALSE;
    }
  return ledger_fact_household_id (book, "receipt", receipt[1], &household_id, error) &&
         payment_draft (book, household_id, receipt[1], amount, method, leaf->date, draft, NULL, error) &&
         ledger_draft_check (draft, leaf, _("the allocation of a payment (oldest charge first)"), error);
}

char *
ledger_pay_in_write (LedgerBook    *book,
                     const char    *unit,
                     gint64         amount,
                     LedgerMethod   method,
                     const char    *date,
                     GError       **error)
{
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autofree char *number = NULL;
  char day[11];

  if (!check_payment (amount, date, day, book, error))
    return NULL;
  household = ledger_household_lookup (book, unit, error);
  if (household == NULL ||
      !payment_draft (book, household->id, household->unit, amount, method, day, draft, &number, error))
    return NULL;

  posting = ledger_posting_new ("payment", day);
  ledger_draft_post (draft, posting);
  if (!ledger_posting_commit (posting, book, NULL, error))
    return NULL;
  return g_steal_pointer (&number);
}

typedef struct
{
  const char    *unit;
  gint64         amount;
  LedgerMethod   method;
  const char    *date;
  char          *number;
  gboolean       want_receipt;
  LedgerReceipt *receipt;      /* read back before COMMIT, when wanted */
} PayRequest;

/* Records the payment and, when the caller wants it, reads the receipt
 * back inside the same transaction: once COMMIT has returned nothing may
 * fail, or a saved payment would be reported as not saved (and the money
 * taken again under a new number). */
static gboolean
pay_cb (LedgerBook *book,
        gpointer    user_data,
        GError    **error)
{
  PayRequest *r = user_data;

  r->number = ledger_pay_in_write (book, r->unit, r->amount, r->method, r->date, error);
  if (r->number == NULL)
    return FALSE;
  if (r->want_receipt)
    r->receipt = ledger_receipt_lookup (book, r->number, error);
  return !r->want_receipt || r->receipt != NULL;
}

gboolean
ledger_pay (LedgerBook      *book,
            const char      *unit,
            gint64           amount,
            LedgerMethod     method,
            const char      *date,
            LedgerReceipt  **out_receipt,
            GError         **error)
{
  PayRequest request = { unit, amount, method, date, NULL, out_receipt != NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  ok = ledger_book_write (book, pay_cb, &request, error);
  g_free (request.number);
  if (!ok)
    {
      ledger_receipt_free (request.receipt);
      return FALSE;
    }
  if (out_receipt != NULL)
    *out_receipt = request.receipt;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading receipts */

/* Every receipt is read by this one query, under a WHERE that says which
 * ones: the columns of receipt_from_row(). The void's day comes from its
 * journal entry. */
#define RECEIPT_SELECT \
  "SELECT r.number, r.year, r.seq, r.household_id, h.unit, h.owner, r.amount, r.method," \
  "       r.date, t.recorded_at, t.operator, r.txn_id, v.reason, vt.date" \
  " FROM receipts r JOIN households h ON h.id = r.household_id" \
  " JOIN txns t ON t.id = r.txn_id LEFT JOIN voids v ON v.receipt = r.number" \
  " LEFT JOIN txns vt ON vt.id = v.txn_id"
/* What each receipt settled when it was paid (a void's reversal is
 * recorded under the void, so a voided receipt still shows what it had
 * settled), by receipt number: the rows of read_receipt_lines(). */
#define RECEIPT_LINES_SELECT \
  "SELECT r.number, c.fee_code, c.year, a.amount" \
  " FROM receipts r JOIN allocations a ON a.txn_id = r.txn_id" \
  " JOIN charges c ON c.id = a.charge_id"

/* A receipt from a row of RECEIPT_SELECT, with no lines yet: all of its
 * amount is credit until read_receipt_lines() says what it settled. */
static LedgerReceipt *
receipt_from_row (sqlite3_stmt *stmt)
{
  LedgerReceipt *receipt = g_new0 (LedgerReceipt, 1);

  receipt->number = ledger_column_dup (stmt, 0);
  receipt->year = sqlite3_column_int (stmt, 1);
  receipt->seq = sqlite3_column_int (stmt, 2);
  receipt->household_id = sqlite3_column_int64 (stmt, 3);
  receipt->unit = ledger_column_dup (stmt, 4);
  receipt->owner = ledger_column_dup (stmt, 5);
  receipt->amount = sqlite3_column_int64 (stmt, 6);
  ledger_method_parse ((const char *) sqlite3_column_text (stmt, 7), "method", &receipt->method, NULL);
  g_strlcpy (receipt->date, (const char *) sqlite3_column_text (stmt, 8), sizeof receipt->date);
  receipt->recorded_at = ledger_column_dup (stmt, 9);
  receipt->operator_name = ledger_column_dup (stmt, 10);
  receipt->txn_id = sqlite3_column_int64 (stmt, 11);
  receipt->voided = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  if (receipt->voided)
    {
      receipt->void_reason = ledger_column_dup (stmt, 12);
      g_strlcpy (receipt->void_date, (const char *) sqlite3_column_text (stmt, 13),
                 sizeof receipt->void_date);
    }
  receipt->lines = g_array_new (FALSE, FALSE, sizeof (LedgerReceiptLine));
  g_array_set_clear_func (receipt->lines, clear_line);
  receipt->to_credit = receipt->amount;
  return receipt;
}

/* Runs @stmt, a RECEIPT_SELECT, adding its receipts to @list and
 * indexing them by number in @by_number. */
static gboolean
read_receipt_rows (LedgerBook    *book,
                   sqlite3_stmt  *stmt,
                   GPtrArray     *list,
                   GHashTable    *by_number,
                   const char    *doing,
                   GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerReceipt *receipt = receipt_from_row (stmt);

      g_hash_table_insert (by_number, receipt->number, receipt);
      g_ptr_array_add (list, receipt);
    }
  return ledger_book_finish_rows (book, stmt, rc, doing, error);
}

/* Runs @stmt, a RECEIPT_LINES_SELECT, giving each receipt of @by_number
 * what it settled; the rest of its amount went to prepaid credit. */
static gboolean
read_receipt_lines (LedgerBook    *book,
                    sqlite3_stmt  *stmt,
                    GHashTable    *by_number,
                    const char    *doing,
                    GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerReceipt *receipt = g_hash_table_lookup (by_number, sqlite3_column_text (stmt, 0));
      LedgerReceiptLine line = { ledger_column_dup (stmt, 1), sqlite3_column_int (stmt, 2),
                                 sqlite3_column_int64 (stmt, 3) };

      g_assert (receipt != NULL);
      receipt->to_credit -= line.amount;
      g_array_append_val (receipt->lines, line);
    }
  return ledger_book_finish_rows (book, stmt, rc, doing, error);
}

/* Binds ?1: @text_key, or @int_key when it is NULL. */
static void
bind_key (sqlite3_stmt *stmt,
          const char   *text_key,
          gint64        int_key)
{
  if (text_key != NULL)
    ledger_bind_text (stmt, 1, text_key);
  else
    sqlite3_bind_int64 (stmt, 1, int_key);
}

/* The receipts @head_sql selects, with what each settled (@lines_sql,
 * for the same receipts), both bound to @text_key (or, when NULL,
 * @int_key): the one reader behind
 * ledger_receipt_lookup() and ledger_receipts_of_household(). */
static GPtrArray *
read_receipts (LedgerBook    *book,
               const char    *head_sql,
               const char    *lines_sql,
               const char    *text_key,
               gint64         int_key,
               const char    *doing,
               GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_receipt_free);
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = ledger_book_prepare (book, head_sql, error);

  if (stmt == NULL)
    return NULL;
  bind_key (stmt, text_key, int_key);
  if (!read_receipt_rows (book, stmt, list, by_number, doing, error))
    return NULL;
  if (list->len == 0)
    return g_steal_pointer (&list);

  stmt = ledger_book_prepare (book, lines_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_key (stmt, text_key, int_key);
  if (!read_receipt_lines (book, stmt, by_number, doing, error))
    return NULL;
  return g_steal_pointer (&list);
}

LedgerReceipt *
ledger_receipt_lookup (LedgerBook  *book,
                       const char  *number,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  int year, seq;

  if (!ledger_receipt_number_parse (number, &year, &seq, error))
    return NULL;
  found = read_receipts (book,
                         RECEIPT_SELECT " WHERE r.number = ?1",
                         RECEIPT_LINES_SELECT " WHERE r.number = ?1 ORDER BY c.year, c.id",
                         number, 0, N_("reading a receipt"), error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("receipt “%s” is not in this book"), number);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

GPtrArray *
ledger_receipts_of_household (LedgerBook  *book,
                              gint64       household_id,
                              const char  *doing,
                              GError     **error)
{
  return read_receipts (book,
                        RECEIPT_SELECT " WHERE r.household_id = ?1 ORDER BY r.date, r.year, r.seq",
                        RECEIPT_LINES_SELECT " WHERE r.household_id = ?1 ORDER BY r.number, c.year, c.id",
                        NULL, household_id, doing, error);
}

gboolean
ledger_household_balance (LedgerBook  *book,
                          const char  *unit,
                          gint64      *out_owed,
                          gint64      *out_credit,
                          GError     **error)
{
  g_autoptr(LedgerHousehold) household = ledger_household_lookup (book, unit, error);
  g_autoptr(GArray) open = NULL;
  gint64 owed = 0;

  if (household == NULL)
    return FALSE;
  open = ledger_open_charges (book, household->id, NULL, error);
  if (open == NULL || !ledger_prepaid_credit (book, household->id, out_credit, error))
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    if (!ledger_total_add_or_error (&owed, g_array_index (open, LedgerOpenCharge, i).open,
                                    _("the open charges"), error))
      return FALSE;
  *out_owed = owed;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Voiding */

typedef struct
{
  const char *number;
  const char *reason;
} VoidRequest;

/* Adds to @draft the negation of every split of transaction @txn_id. */
static gboolean
add_reversed_splits (LedgerBook   *book,
                     LedgerDraft  *draft,
                     gint64        txn_id,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT s.account, coalesce (s.household_id, 0), coalesce (h.unit, ''), s.amount"
                              " FROM splits s LEFT JOIN households h ON h.id = s.household_id"
                              " WHERE s.txn_id = ?1 ORDER BY s.seq",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ledger_draft_add_split (draft, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2), -sqlite3_column_int64 (stmt, 3));
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the journal"), error);
}

/* Adds to @draft the negation of every allocation of @payment_txn, in
 * the order of the charges: the void un-settles what the payment
 * settled, so those charges are open again. */
static gboolean
add_reversed_allocations (LedgerBook   *book,
                          LedgerDraft  *draft,
                          gint64        payment_txn,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT h.unit, c.fee_code, c.year, a.kind, a.amount FROM allocations a"
                              " JOIN charges c ON c.id = a.charge_id JOIN households h ON h.id = c.household_id"
                              " WHERE a.txn_id = ?1 ORDER BY a.charge_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_txn);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerOpenCharge charge = { 0, 0, sqlite3_column_int (stmt, 2), "" };

      g_strlcpy (charge.fee_code, (const char *) sqlite3_column_text (stmt, 1), sizeof charge.fee_code);
      ledger_allocation_add_to_draft (draft, (const char *) sqlite3_column_text (stmt, 0), &charge,
                                      (const char *) sqlite3_column_text (stmt, 3), -sqlite3_column_int64 (stmt, 4));
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading allocations"), error);
}

/* A receipt's credit may already have paid a later bill; reversing it then
 * would leave the owner owing the book through "prepaid". */
static gboolean
check_credit_unused (LedgerBook           *book,
                     const LedgerReceipt  *receipt,
                     GError              **error)
{
  gint64 credit = 0;

  if (receipt->to_credit == 0)
    return TRUE;
  if (!ledger_prepaid_credit (book, receipt->household_id, &credit, error))
    return FALSE;
  if (credit < receipt->to_credit)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("receipt “%s”: its prepaid credit has already settled a later bill, so it cannot be voided"),
                   receipt->number);
      return FALSE;
    }
  return TRUE;
}

/* The "void" entry of receipt @number for @reason: refused for a receipt
 * voided already or whose credit a later bill used; otherwise the
 * reversal of every split and every allocation of its payment, its ref
 * the receipt's number and its memo the reason. The rule
 * of "void" entries, for the writer and the replay. */
static LedgerReceipt *
void_draft (LedgerBook   *book,
            const char   *number,
            const char   *reason,
            LedgerDraft  *draft,
            GError      **error)
{
  g_autoptr(LedgerReceipt) receipt = ledger_receipt_lookup (book, number, error);
  const char *fields[2];

  if (receipt == NULL)
    return NULL;
  if (receipt->voided)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("receipt “%s” was already voided (%s)"), receipt->number, receipt->void_reason);
      return NULL;
    }
  if (!check_credit_unused (book, receipt, error) ||
      !add_reversed_splits (book, draft, receipt->txn_id, error))
    return NULL;
  fields[0] = receipt->number;
  fields[1] = reason;
  ledger_draft_set_ref_memo (draft, receipt->number, reason);
  ledger_draft_add_factv (draft, &ledger_fact_void, fields);
  if (!add_reversed_allocations (book, draft, receipt->txn_id, error))
    return NULL;
  return g_steal_pointer (&receipt);
}

gboolean
ledger_void_rule (LedgerBook          *book,
                  const LedgerLeaf    *leaf,
                  char *const *const  *facts,
                  GError             **error)
{
  const char *const *voided = ledger_draft_find_fact (facts, "void", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) refused = NULL;

  if (voided == NULL)
    return FALSE;
  /* The reason, which the memo repeats, is one `void` accepts. */
  if (ledger_text_check (voided[1], "--reason", REASON_MAX_CHARS, TRUE, &refused))
    receipt = void_draft (book, voided[0], voided[1], draft, &refused);
  if (receipt == NULL)
    {
      /* What the command would have refused is a difference here. */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the rule of voids refuses the entry: %s"), refused->message);
      return FALSE;
    }
  if (leaf->reverses != receipt->txn_id)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the void of receipt “%s” reverses entry %" PRId64 ", not its payment's entry %" PRId64),
                   receipt->number, leaf->reverses, receipt->txn_id);
      return FALSE;
    }
  return ledger_draft_check (draft, leaf, _("the reversal of the receipt's payment"), error);
}

static gboolean
void_cb (LedgerBook *book,
         gpointer    user_data,
         GError    **error)
{
  VoidRequest *r = user_data;
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  char today[11];

  if (!ledger_text_check (r->reason, "--reason", REASON_MAX_CHARS, TRUE, error))
    return FALSE;
  receipt = void_draft (book, r->number, r->reason, draft, error);
  if (receipt == NULL)
    return FALSE;

  ledger_book_today (book, today);
  posting = ledger_posting_new ("void", today);
  ledger_posting_set_reverses (posting, receipt->txn_id);
  /* A payment dated ahead (days-ahead) is voided on its own day at the
   * earliest: never before it was received. */
  ledger_posting_set_follows (posting, receipt->txn_id);
  ledger_draft_post (draft, posting);
  return ledger_posting_commit (posting, book, NULL, error);
}

gboolean
ledger_void (LedgerBook  *book,
             const char  *number,
             const char  *reason,
             GError     **error)
{
  VoidRequest request = { number, reason };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, void_cb, &request, error);
}

/* ------------------------------------------------------------------ */
/* Listing receipts */

/* The numbers of the receipts ledger_receipt_list() returns, in order;
 * read first, so that the lookups do not interleave with this query. */
static GPtrArray *
receipt_numbers (LedgerBook          *book,
                 const LedgerPeriod  *period,
                 GError             **error)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT r.number FROM receipts r"
                              " LEFT JOIN voids v ON v.receipt = r.number"
                              " LEFT JOIN txns vt ON vt.id = v.txn_id"
                              " WHERE r.date BETWEEN ?1 AND ?2 OR vt.date BETWEEN ?1 AND ?2"
                              " ORDER BY r.date, r.year, r.seq",
                              error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period != NULL ? period->first : "0000-00-00");
  ledger_bind_text (stmt, 2, period != NULL ? period->last : "9999-99-99");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (numbers, ledger_column_dup (stmt, 0));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading receipts"), error))
    return NULL;
  return g_steal_pointer (&numbers);
}

GPtrArray *
ledger_receipt_list (LedgerBook          *book,
                     const LedgerPeriod  *period,
                     GError             **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_receipt_free);
  g_autoptr(GPtrArray) numbers = receipt_numbers (book, period, error);

  if (numbers == NULL)
    return NULL;
  for (guint i = 0; i < numbers->len; i++)
    {
      LedgerReceipt *receipt = ledger_receipt_lookup (book, g_ptr_array_index (numbers, i), error);

      if (receipt == NULL)
        return NULL;
      g_ptr_array_add (list, receipt);
    }
  return g_steal_pointer (&list);
}

gboolean
ledger_receipt_void_info (LedgerBook  *book,
                          const char  *number,
                          char         out_date[11],
                          gint64      *out_txn_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  out_date[0] = '\0';
  *out_txn_id = 0;
  stmt = ledger_book_prepare (book,
                              "SELECT t.date, t.id FROM voids v JOIN txns t ON t.id = v.txn_id"
                              " WHERE v.receipt = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* Not voided. */
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_ROW)
    {
      g_strlcpy (out_date, (const char *) sqlite3_column_text (stmt, 0), 11);
      *out_txn_id = sqlite3_column_int64 (stmt, 1);
    }
  return ledger_book_finish_row (book, stmt, rc, N_("reading a void"), error);
}

/* ------------------------------------------------------------------ */
/* Re-entering a voided payment */

gboolean
ledger_receipt_reenter (LedgerBook     *book,
                        const char     *number,
                        LedgerReceipt **out_receipt,
                        GError        **error)
{
  g_autoptr(LedgerReceipt) voided = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  voided = ledger_receipt_lookup (book, number, error);
  if (voided == NULL)
    return FALSE;
  if (!voided->voided)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("receipt “%s” stands: only a voided payment can be re-entered"), voided->number);
      return FALSE;
    }
  return ledger_pay (book, voided->unit, voided->amount, voided->method, voided->date,
                     out_receipt, error);
}

/* ------------------------------------------------------------------ */
/* What a unit owes */

void
ledger_household_due_free (LedgerHouseholdDue *due)
{
  if (due == NULL)
    return;
  g_free (due->unit);
  g_free (due->owner);
  g_free (due);
}

/* The oldest and newest year of @household_id's open charges (0 and 0
 * when everything is settled). */
static gboolean
read_open_years (LedgerBook  *book,
                 gint64       household_id,
                 int         *out_first,
                 int         *out_last,
                 GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT min (year), max (year) FROM charge_status"
                                            " WHERE household_id = ?1 AND " LEDGER_CHARGE_OPEN
                                            " AND " LEDGER_CHARGE_OWED,
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_first = sqlite3_column_int (stmt, 0);
      *out_last = sqlite3_column_int (stmt, 1);
    }
  return ledger_book_finish_row (book, stmt, rc, N_("reading charges"), error);
}

LedgerHouseholdDue *
ledger_household_due (LedgerBook  *book,
                      const char  *unit,
                      GError     **error)
{
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerHouseholdDue) due = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  household = ledger_household_lookup (book, unit, error);
  if (household == NULL)
    return NULL;
  due = g_new0 (LedgerHouseholdDue, 1);
  due->unit = g_strdup (household->unit);
  due->owner = g_strdup (household->owner);
  if (!ledger_household_balance (book, household->unit, &due->owed, &due->credit, error) ||
      !read_open_years (book, household->id, &due->first_year, &due->last_year, error))
    return NULL;
  /* A payment settles open charges before anything becomes credit, and
   * credit is applied when a year is billed: so what is owed is exactly
   * what clears the household. */
  due->suggested = due->owed;
  return g_steal_pointer (&due);
}

/* ledger-history.c — one household's whole account
 *
 * Each query starts from the household and goes through an index (the
 * charges' UNIQUE (household_id, year, fee_code), receipts_household,
 * allocations' primary key and allocations_charge, splits_household), so
 * the time depends on the household's own history, not on the book's
 * size: issue 8 asks for ≤ 50 ms on the 5,000-household, 10-year book.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-charges-private.h"
#include "ledger-history.h"
#include "ledger-money-private.h"
#include "ledger-money.h"

/* ------------------------------------------------------------------ */
/* Freeing */

static void
history_charge_free (LedgerHistoryCharge *charge)
{
  g_free (charge->fee_code);
  g_free (charge->fee_name);
  g_free (charge);
}

static void
history_receipt_free (LedgerHistoryReceipt *receipt)
{
  g_free (receipt->number);
  g_free (receipt->void_reason);
  g_array_unref (receipt->lines);
  g_free (receipt);
}

static void
history_waiver_free (LedgerHistoryWaiver *waiver)
{
  g_free (waiver->fee_code);
  g_free (waiver->reason);
  g_free (waiver);
}

void
ledger_household_history_free (LedgerHouseholdHistory *history)
{
  if (history == NULL)
    return;
  ledger_household_free (history->household);
  g_clear_pointer (&history->charges, g_ptr_array_unref);
  g_clear_pointer (&history->receipts, g_ptr_array_unref);
  g_clear_pointer (&history->waivers, g_ptr_array_unref);
  g_free (history);
}

static void
clear_line (gpointer data)
{
  g_free (((LedgerReceiptLine *) data)->fee_code);
}

/* Resets @stmt and turns anything but SQLITE_DONE into an error. */
static gboolean
finish (LedgerBook    *book,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, "reading a household's history");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Charges */

/* Every charge with what settled it, by year and fee code, and their sums. */
static gboolean
read_charges (LedgerBook              *book,
              LedgerHouseholdHistory  *h,
              GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT c.year, c.fee_code, f.name, s.amount, s.paid, s.waived"
    " FROM charges c JOIN charge_status s ON s.charge_id = c.id"
    " JOIN fees f ON f.id = c.fee_id"
    " WHERE c.household_id = ?1 ORDER BY c.year, c.fee_code",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->household->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerHistoryCharge *charge = g_new0 (LedgerHistoryCharge, 1);

      charge->year = sqlite3_column_int (stmt, 0);
      charge->fee_code = ledger_column_dup (stmt, 1);
      charge->fee_name = ledger_column_dup (stmt, 2);
      charge->amount = sqlite3_column_int64 (stmt, 3);
      charge->paid = sqlite3_column_int64 (stmt, 4);
      charge->waived = sqlite3_column_int64 (stmt, 5);
      charge->open = charge->amount - charge->paid - charge->waived;
      g_ptr_array_add (h->charges, charge);
      /* As the arrears report counts: only what is still owed. */
      if (!ledger_total_add_or_error (&h->billed, charge->amount, _("the charges"), error) ||
          !ledger_total_add_or_error (&h->paid, charge->paid, _("the charges"), error) ||
          !ledger_total_add_or_error (&h->waived, charge->waived, _("the charges"), error) ||
          !ledger_total_add_or_error (&h->owed, MAX (charge->open, 0), _("the charges"), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return finish (book, stmt, rc, error);
}

/* ------------------------------------------------------------------ */
/* Receipts */

static LedgerHistoryReceipt *
receipt_from_row (sqlite3_stmt *stmt)
{
  LedgerHistoryReceipt *receipt = g_new0 (LedgerHistoryReceipt, 1);

  receipt->number = ledger_column_dup (stmt, 0);
  g_strlcpy (receipt->date, (const char *) sqlite3_column_text (stmt, 1), sizeof receipt->date);
  receipt->amount = sqlite3_column_int64 (stmt, 2);
  ledger_method_parse ((const char *) sqlite3_column_text (stmt, 3), "method", &receipt->method, NULL);
  receipt->voided = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  if (receipt->voided)
    {
      receipt->void_reason = ledger_column_dup (stmt, 4);
      g_strlcpy (receipt->void_date, (const char *) sqlite3_column_text (stmt, 5),
                 sizeof receipt->void_date);
    }
  receipt->lines = g_array_new (FALSE, FALSE, sizeof (LedgerReceiptLine));
  g_array_set_clear_func (receipt->lines, clear_line);
  receipt->to_credit = receipt->amount;
  return receipt;
}

/* The household's receipts by date and number, voided ones with the day
 * and the reason; @by_number indexes them for read_receipt_lines(). */
static gboolean
read_receipts (LedgerBook              *book,
               LedgerHouseholdHistory  *h,
               GHashTable              *by_number,
               GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT r.number, r.date, r.amount, r.method, v.reason, vt.date"
    " FROM receipts r LEFT JOIN voids v ON v.receipt = r.number"
    " LEFT JOIN txns vt ON vt.id = v.txn_id"
    " WHERE r.household_id = ?1 ORDER BY r.date, r.year, r.seq",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->household->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerHistoryReceipt *receipt = receipt_from_row (stmt);

      g_hash_table_insert (by_number, receipt->number, receipt);
      g_ptr_array_add (h->receipts, receipt);
      if (!receipt->voided &&
          !ledger_total_add_or_error (&h->received, receipt->amount, _("the receipts"), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return finish (book, stmt, rc, error);
}

/* What each receipt settled when it was paid (a void's reversal is
 * recorded under the void, so a voided receipt still shows what it had
 * settled); the rest of its amount went to prepaid credit. */
static gboolean
read_receipt_lines (LedgerBook              *book,
                    LedgerHouseholdHistory  *h,
                    GHashTable              *by_number,
                    GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT r.number, c.fee_code, c.year, a.amount"
    " FROM receipts r JOIN allocations a ON a.txn_id = r.txn_id"
    " JOIN charges c ON c.id = a.charge_id"
    " WHERE r.household_id = ?1 ORDER BY r.number, c.year, c.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->household->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerHistoryReceipt *receipt =
        g_hash_table_lookup (by_number, sqlite3_column_text (stmt, 0));
      LedgerReceiptLine line = { ledger_column_dup (stmt, 1), sqlite3_column_int (stmt, 2),
                                 sqlite3_column_int64 (stmt, 3) };

      g_assert (receipt != NULL);
      receipt->to_credit -= line.amount;
      g_array_append_val (receipt->lines, line);
    }
  return finish (book, stmt, rc, error);
}

/* ------------------------------------------------------------------ */
/* Waivers */

/* Found through the waiver allocations of the household's charges:
 * waivers has no index on charge_id, but each waiver has its own journal
 * entry, and the allocation that entry made names the charge. */
static gboolean
read_waivers (LedgerBook              *book,
              LedgerHouseholdHistory  *h,
              GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT t.date, c.year, c.fee_code, w.amount, w.reason"
    " FROM charges c JOIN allocations a ON a.charge_id = c.id AND a.kind = 'waiver'"
    " JOIN waivers w ON w.txn_id = a.txn_id AND w.charge_id = c.id"
    " JOIN txns t ON t.id = w.txn_id"
    " WHERE c.household_id = ?1 ORDER BY w.txn_id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->household->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerHistoryWaiver *waiver = g_new0 (LedgerHistoryWaiver, 1);

      g_strlcpy (waiver->date, (const char *) sqlite3_column_text (stmt, 0), sizeof waiver->date);
      waiver->year = sqlite3_column_int (stmt, 1);
      waiver->fee_code = ledger_column_dup (stmt, 2);
      waiver->amount = sqlite3_column_int64 (stmt, 3);
      waiver->reason = ledger_column_dup (stmt, 4);
      g_ptr_array_add (h->waivers, waiver);
    }
  return finish (book, stmt, rc, error);
}

/* ------------------------------------------------------------------ */
/* Public API */

typedef struct
{
  const char             *unit;
  LedgerHouseholdHistory *history;
} HistoryRequest;

static gboolean
history_cb (LedgerBook *book,
            gpointer    user_data,
            GError    **error)
{
  HistoryRequest *r = user_data;
  g_autoptr(LedgerHouseholdHistory) h = g_new0 (LedgerHouseholdHistory, 1);
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);

  h->charges = g_ptr_array_new_with_free_func ((GDestroyNotify) history_charge_free);
  h->receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) history_receipt_free);
  h->waivers = g_ptr_array_new_with_free_func ((GDestroyNotify) history_waiver_free);
  h->household = ledger_household_lookup (book, r->unit, error);
  if (h->household == NULL ||
      !read_charges (book, h, error) ||
      !read_receipts (book, h, by_number, error) ||
      !read_receipt_lines (book, h, by_number, error) ||
      !read_waivers (book, h, error) ||
      !ledger_prepaid_credit (book, h->household->id, &h->credit, error))
    return FALSE;
  r->history = g_steal_pointer (&h);
  return TRUE;
}

LedgerHouseholdHistory *
ledger_household_history (LedgerBook  *book,
                          const char  *unit,
                          GError     **error)
{
  HistoryRequest request = { unit, NULL };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  /* One read transaction, so that the totals tie out even while another
   * program writes; inside a write the write's own view is consistent. */
  if (ledger_book_in_write (book) ? !history_cb (book, &request, error)
                                  : !ledger_book_read (book, history_cb, &request, error))
    {
      ledger_household_history_free (request.history);
      return NULL;
    }
  return request.history;
}

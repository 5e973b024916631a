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
  g_clear_pointer (&history->refunds, g_ptr_array_unref);
  g_free (history);
}

/* Resets @stmt and turns anything but SQLITE_DONE into an error. */
static gboolean
finish (LedgerBook    *book,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  return ledger_book_finish_rows (book, stmt, rc, N_("reading a household's history"), error);
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
    "SELECT c.year, c.fee_code, f.name, s.amount, s.paid, s.waived, t.kind = 'opening'"
    " FROM charges c JOIN charge_status s ON s.charge_id = c.id"
    " JOIN fees f ON f.id = c.fee_id JOIN txns t ON t.id = c.txn_id"
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
      charge->opening = sqlite3_column_int (stmt, 6) != 0;
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

/* The household's receipts (the payments' own reader), and what the
 * ones that stand brought in. */
static gboolean
read_receipts (LedgerBook              *book,
               LedgerHouseholdHistory  *h,
               GError                 **error)
{
  h->receipts = ledger_receipts_of_household (book, h->household->id,
                                              N_("reading a household's history"), error);
  if (h->receipts == NULL)
    return FALSE;
  for (guint i = 0; i < h->receipts->len; i++)
    {
      const LedgerReceipt *receipt = g_ptr_array_index (h->receipts, i);

      if (!receipt->voided &&
          !ledger_total_add_or_error (&h->received, receipt->amount, _("the receipts"), error))
        return FALSE;
    }
  return TRUE;
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
/* Refunds */

/* The credit paid back (refunds_household index), and its sum. */
static gboolean
read_refunds (LedgerBook              *book,
              LedgerHouseholdHistory  *h,
              GError                 **error)
{
  h->refunds = ledger_refunds_of_household (book, h->household->id, error);
  if (h->refunds == NULL)
    return FALSE;
  for (guint i = 0; i < h->refunds->len; i++)
    if (!ledger_total_add_or_error (&h->refunded, ((LedgerRefund *) g_ptr_array_index (h->refunds, i))->amount,
                                    _("the refunds"), error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening credit */

/* The credit the paper ledger left the household (at most one entry). */
static gboolean
read_opening_credit (LedgerBook              *book,
                     LedgerHouseholdHistory  *h,
                     GError                 **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT sum (amount) FROM openings"
                                            " WHERE kind = 'credit' AND household_id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->household->id);
  return ledger_book_query_int64 (book, stmt, 0, &h->opening_credit, error);
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

  h->charges = g_ptr_array_new_with_free_func ((GDestroyNotify) history_charge_free);
  h->waivers = g_ptr_array_new_with_free_func ((GDestroyNotify) history_waiver_free);
  h->household = ledger_household_lookup (book, r->unit, error);
  if (h->household == NULL ||
      !read_charges (book, h, error) ||
      !read_receipts (book, h, error) ||
      !read_waivers (book, h, error) ||
      !read_refunds (book, h, error) ||
      !read_opening_credit (book, h, error) ||
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

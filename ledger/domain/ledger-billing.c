/* ledger-billing.c — yearly charges, prepaid credit and waivers */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-billing-private.h"
#include "ledger-billing.h"
#include "ledger-charges-private.h"
#include "ledger-dates-private.h"
#include "ledger-fee.h"
#include "ledger-household.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-schema-private.h"
#include "ledger-text.h"

#define REASON_MAX_CHARS 200

/* ------------------------------------------------------------------ */
/* Settling charges (ledger-charges-private.h) */

GArray *
ledger_open_charges (LedgerBook  *book,
                     gint64       household_id,
                     const char  *billed_by,
                     GError     **error)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (LedgerOpenCharge));
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT s.charge_id, s.amount - s.paid - s.waived AS open FROM charge_status s"
    " JOIN charges c ON c.id = s.charge_id JOIN txns t ON t.id = c.txn_id"
    " WHERE s.household_id = ?1 AND " LEDGER_CHARGE_OPEN_OF ("s.") " AND " LEDGER_CHARGE_OWED_OF ("s.")
    "   AND (?2 IS NULL OR t.date <= ?2)"
    " ORDER BY s.year, s.charge_id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (billed_by != NULL)
    ledger_bind_text (stmt, 2, billed_by);
  else
    sqlite3_bind_null (stmt, 2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerOpenCharge charge = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (open, charge);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading charges"), error))
    return NULL;
  return g_steal_pointer (&open);
}

gboolean
ledger_prepaid_credit (LedgerBook  *book,
                       gint64       household_id,
                       gint64      *out_credit,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 balance = 0;

  /* prepaid is a liability: credits (negative splits) are what we owe. */
  stmt = ledger_book_prepare (book,
                              "SELECT sum (amount) FROM splits"
                              " WHERE household_id = ?1 AND account = 'prepaid'",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (!ledger_book_query_int64 (book, stmt, 0, &balance, error))
    return FALSE;
  *out_credit = -balance;
  return TRUE;
}

gboolean
ledger_prepaid_credit_from (LedgerBook  *book,
                            gint64       household_id,
                            const char  *day,
                            gint64      *out_credit,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 balance = 0, least = 0;
  int rc;

  /* prepaid is a liability: the credit is minus its balance. Its balance
   * at the end of each day from @day on: the days before summed, then one
   * row per later day that moved it. */
  stmt = ledger_book_prepare (book,
                              "SELECT t.date <= ?2, sum (s.amount) FROM splits s JOIN txns t ON t.id = s.txn_id"
                              " WHERE s.household_id = ?1 AND s.account = 'prepaid'"
                              " GROUP BY max (t.date, ?2) ORDER BY max (t.date, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  ledger_bind_text (stmt, 2, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean by_day = sqlite3_column_int (stmt, 0) != 0;

      if (!ledger_total_add_or_error (&balance, sqlite3_column_int64 (stmt, 1), _("the prepaid credit"), error))
        break;
      least = by_day ? -balance : MIN (least, -balance);
    }
  if (rc == SQLITE_ROW) /* past the ceiling: the error is set */
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the prepaid credit"), error))
    return FALSE;
  *out_credit = least;
  return TRUE;
}

gboolean
ledger_allocation_insert (LedgerBook  *book,
                          gint64       txn_id,
                          gint64       charge_id,
                          const char  *kind,
                          gint64       amount,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO allocations (txn_id, charge_id, kind, amount)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  sqlite3_bind_int64 (stmt, 2, charge_id);
  ledger_bind_text (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, amount);
  return ledger_book_step_done (book, stmt, error);
}

/* ------------------------------------------------------------------ */
/* Billing */

typedef struct
{
  gint64 household_id;
  char  *unit;
  int    spaces;
} Billable;

static void
clear_billable (gpointer data)
{
  g_free (((Billable *) data)->unit);
}

/* Households that should, but do not yet, carry a charge of @fee for @year. */
static GArray *
households_to_bill (LedgerBook       *book,
                    const LedgerFee  *fee,
                    int               year,
                    GError          **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Billable));
  char dec31[11];
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (list, clear_billable);
  g_snprintf (dec31, sizeof dec31, "%04d-12-31", year);
  stmt = ledger_book_prepare (book,
    "SELECT h.id, h.unit, h.spaces FROM households h"
    " WHERE (h.move_in = '' OR h.move_in <= ?1)"
    "   AND NOT EXISTS (SELECT 1 FROM charges c WHERE c.household_id = h.id"
    "                   AND c.year = ?2 AND c.fee_code = ?3)"
    " ORDER BY h.building, h.entrance, h.room",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, dec31);
  sqlite3_bind_int (stmt, 2, year);
  ledger_bind_text (stmt, 3, fee->code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Billable b = { sqlite3_column_int64 (stmt, 0), ledger_column_dup (stmt, 1),
                     sqlite3_column_int (stmt, 2) };
      g_array_append_val (list, b);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading households"), error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
insert_charge (LedgerBook       *book,
               gint64            household_id,
               const LedgerFee  *fee,
               int               year,
               gint64            amount,
               gint64            txn_id,
               gint64           *out_charge_id,
               GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO charges (household_id, fee_code, year, amount, fee_id, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  ledger_bind_text (stmt, 2, fee->code);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_int64 (stmt, 4, amount);
  sqlite3_bind_int64 (stmt, 5, fee->id);
  sqlite3_bind_int64 (stmt, 6, txn_id);
  if (!ledger_book_step_done (book, stmt, error))
    return FALSE;
  *out_charge_id = sqlite3_last_insert_rowid (ledger_book_get_db (book));
  return TRUE;
}

/* Posts one charge: the household owes @amount to the fee's income, and
 * whatever it has prepaid settles as much of it as it can at once. */
static gboolean
post_charge (LedgerBook        *book,
             const Billable    *who,
             const LedgerFee   *fee,
             int                year,
             gint64             amount,
             LedgerBillSummary *summary,
             GError           **error)
{
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *income = g_strconcat ("income:", fee->code, NULL);
  g_autofree char *memo = g_strdup_printf ("%s %d", fee->code, year);
  char date[11];
  gint64 credit = 0, settled, txn_id = 0, charge_id = 0;

  /* Dated the day the year's fee falls due: 1 January, or the day a fee
   * introduced during the year took effect. */
  g_snprintf (date, sizeof date, "%04d-01-01", year);
  if (ledger_date_year (fee->effective_from) == year)
    g_strlcpy (date, fee->effective_from, sizeof date);

  /* Only credit the household held by then (and still holds after). */
  if (!ledger_prepaid_credit_from (book, who->household_id, date, &credit, error))
    return FALSE;
  settled = MIN (MAX (credit, 0), amount);

  posting = ledger_posting_new ("charge", date);
  ledger_posting_set_ref (posting, who->unit);
  ledger_posting_set_memo (posting, memo);
  ledger_posting_add (posting, "receivable", who->household_id, amount);
  ledger_posting_add (posting, income, 0, -amount);
  ledger_posting_add (posting, "prepaid", who->household_id, settled);
  ledger_posting_add (posting, "receivable", who->household_id, -settled);

  if (!ledger_posting_commit (posting, book, &txn_id, error) ||
      !insert_charge (book, who->household_id, fee, year, amount, txn_id, &charge_id, error))
    return FALSE;
  if (settled > 0 &&
      !ledger_allocation_insert (book, txn_id, charge_id, "credit", settled, error))
    return FALSE;

  summary->charges++;
  summary->credited += settled; /* <= amount, so within the check below */
  if (!ledger_total_add (&summary->amount, amount))
    {
      g_autofree char *limit = ledger_money_format (LEDGER_TOTAL_MAX);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("year %d: the charges would add up to more than %s"), year, limit);
      return FALSE;
    }
  return TRUE;
}

/* What @who owes for @fee: the fee, or the fee per parking space times
 * the spaces. The product is where a fee that is fine on its own becomes
 * a charge no household could owe, so it is checked here. */
static gboolean
charge_amount (const LedgerFee  *fee,
               const Billable   *who,
               gint64           *out_amount,
               GError          **error)
{
  gint64 amount = fee->amount;

  if (fee->basis == LEDGER_BASIS_SPACE &&
      !ledger_total_mul (fee->amount, who->spaces, &amount))
    amount = LEDGER_TOTAL_MAX; /* only to be refused below */
  if (amount <= LEDGER_AMOUNT_MAX)
    {
      *out_amount = amount;
      return TRUE;
    }
  {
    g_autofree char *fee_text = ledger_money_format (fee->amount);
    g_autofree char *limit = ledger_money_format (LEDGER_AMOUNT_MAX);

    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                 _("unit %s: fee “%s” of %s for each of its %d parking spaces would make one charge of more than %s"),
                 who->unit, fee->code, fee_text, who->spaces, limit);
  }
  return FALSE;
}



gboolean
ledger_bill_year_in_write (LedgerBook         *book,
                           int                 year,
                           LedgerBillSummary  *out_summary,
                           GError            **error)
{
  g_autoptr(GPtrArray) fees = NULL;
  LedgerBillSummary summary = { 0 };

  if (!ledger_check_bill_year (book, year, _("year"), error))
    return FALSE;

  fees = ledger_fee_list_for_year (book, year, error);
  if (fees == NULL)
    return FALSE;

  for (guint f = 0; f < fees->len; f++)
    {
      const LedgerFee *fee = g_ptr_array_index (fees, f);
      g_autoptr(GArray) todo = NULL;

      if (fee->amount == 0)
        continue;
      todo = households_to_bill (book, fee, year, error);
      if (todo == NULL)
        return FALSE;
      for (guint i = 0; i < todo->len; i++)
        {
          const Billable *who = &g_array_index (todo, Billable, i);
          gint64 amount = 0;

          if (!charge_amount (fee, who, &amount, error) ||
              (amount > 0 && !post_charge (book, who, fee, year, amount, &summary, error)))
            return FALSE;
        }
    }

  if (out_summary != NULL)
    *out_summary = summary;
  return TRUE;
}

typedef struct
{
  int                year;
  LedgerBillSummary *summary;
} BillRequest;

static gboolean
bill_cb (LedgerBook *book,
         gpointer    user_data,
         GError    **error)
{
  BillRequest *r = user_data;

  return ledger_bill_year_in_write (book, r->year, r->summary, error);
}

gboolean
ledger_bill_year (LedgerBook         *book,
                  int                 year,
                  LedgerBillSummary  *out_summary,
                  GError            **error)
{
  BillRequest request = { year, out_summary };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, bill_cb, &request, error);
}

/* ------------------------------------------------------------------ */
/* Waivers */

typedef struct
{
  const char   *unit;
  const char   *fee_code;
  int           year;
  const gint64 *amount;
  const char   *reason;
  gint64        waived;
} WaiveRequest;

/* Finds the charge and what is still owed on it. */
static gboolean
find_charge (LedgerBook             *book,
             const LedgerHousehold  *household,
             const WaiveRequest     *r,
             gint64                 *out_charge_id,
             gint64                 *out_open,
             gint64                 *out_txn_id,
             GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT c.id, s.amount - s.paid - s.waived, c.txn_id"
    " FROM charges c JOIN charge_status s ON s.charge_id = c.id"
    " WHERE c.household_id = ?1 AND c.fee_code = ?2 AND c.year = ?3",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household->id);
  ledger_bind_text (stmt, 2, r->fee_code);
  sqlite3_bind_int (stmt, 3, r->year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("fee “%s”: unit %s has no such charge for %d (has the year been billed?)"),
                   r->fee_code, household->unit, r->year);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      *out_charge_id = sqlite3_column_int64 (stmt, 0);
      *out_open = sqlite3_column_int64 (stmt, 1);
      *out_txn_id = sqlite3_column_int64 (stmt, 2);
    }
  return ledger_book_finish_row (book, stmt, rc, N_("reading charges"), error);
}

static gboolean
insert_waiver (LedgerBook  *book,
               gint64       charge_id,
               gint64       amount,
               const char  *reason,
               gint64       txn_id,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO waivers (charge_id, amount, reason, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  sqlite3_bind_int64 (stmt, 2, amount);
  ledger_bind_text (stmt, 3, reason);
  sqlite3_bind_int64 (stmt, 4, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

/* Checks the requested amount against what is still owed. */
static gboolean
waiver_amount (const WaiveRequest  *r,
               gint64               open,
               gint64              *out_amount,
               GError             **error)
{
  g_autofree char *owed = ledger_money_format (open);

  if (open <= 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("fee “%s”: the %d charge of %s is already settled; nothing to waive"),
                   r->fee_code, r->year, r->unit);
      return FALSE;
    }
  *out_amount = r->amount != NULL ? *r->amount : open;
  if (*out_amount <= 0 || *out_amount > open)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("--amount: must be more than zero and at most the %s still owed"), owed);
      return FALSE;
    }
  return TRUE;
}

static gboolean
waive_cb (LedgerBook *book,
          gpointer    user_data,
          GError    **error)
{
  WaiveRequest *r = user_data;
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *memo = NULL;
  char today[11];
  gint64 charge_id = 0, open = 0, amount = 0, txn_id = 0, charge_txn_id = 0;

  if (!ledger_fee_code_check (r->fee_code, error) ||
      !ledger_text_check (r->reason, "--reason", REASON_MAX_CHARS, TRUE, error))
    return FALSE;
  household = ledger_household_lookup (book, r->unit, error);
  if (household == NULL ||
      !find_charge (book, household, r, &charge_id, &open, &charge_txn_id, error) ||
      !waiver_amount (r, open, &amount, error))
    return FALSE;

  ledger_book_today (book, today);
  memo = g_strdup_printf ("%s %d: %s", r->fee_code, r->year, r->reason);
  posting = ledger_posting_new ("waiver", today);
  /* Next year's charge, billed ahead, is dated 1 January: a waiver of it
   * granted today is dated then too. */
  ledger_posting_set_follows (posting, charge_txn_id);
  ledger_posting_set_ref (posting, household->unit);
  ledger_posting_set_memo (posting, memo);
  ledger_posting_add (posting, "waivers", household->id, amount);
  ledger_posting_add (posting, "receivable", household->id, -amount);

  if (!ledger_posting_commit (posting, book, &txn_id, error) ||
      !insert_waiver (book, charge_id, amount, r->reason, txn_id, error) ||
      !ledger_allocation_insert (book, txn_id, charge_id, "waiver", amount, error))
    return FALSE;
  r->waived = amount;
  return TRUE;
}

gboolean
ledger_waive (LedgerBook    *book,
              const char    *unit,
              const char    *fee_code,
              int            year,
              const gint64  *amount,
              const char    *reason,
              gint64        *out_waived,
              GError       **error)
{
  WaiveRequest request = { unit, fee_code, year, amount, reason, 0 };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (!ledger_book_write (book, waive_cb, &request, error))
    return FALSE;
  if (out_waived != NULL)
    *out_waived = request.waived;
  return TRUE;
}

/* ledger-billing.c — yearly charges, prepaid credit and waivers */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-billing-private.h"
#include "ledger-billing.h"
#include "ledger-charges-private.h"
#include "ledger-dates-private.h"
#include "ledger-fee.h"
#include "ledger-household-private.h"
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
    "SELECT s.charge_id, s.amount - s.paid - s.waived AS open, s.year, c.fee_code FROM charge_status s"
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
      LedgerOpenCharge charge = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                  sqlite3_column_int (stmt, 2), "" };

      g_strlcpy (charge.fee_code, (const char *) sqlite3_column_text (stmt, 3), sizeof charge.fee_code);
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

/* ------------------------------------------------------------------ */
/* The facts of money: charges, allocations, waivers */

static gboolean
set_fact_unknown (GError     **error,
                  const char  *fact,
                  const char  *what)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("a “%s” fact names %s, which no earlier entry gives"), fact, what);
  return FALSE;
}

/* The charge of @unit for fee @fee_code and year @year (the fields a
 * fact names it by). */
static gboolean
charge_of_key (LedgerBook         *book,
               const char         *fact,
               const char *const  *key,
               gint64             *out_id,
               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 year;

  if (!ledger_fact_int64 (fact, key, 2, &year, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "SELECT c.id FROM charges c JOIN households h ON h.id = c.household_id"
                              " WHERE h.unit = ?1 AND c.fee_code = ?2 AND c.year = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, key[0]);
  ledger_bind_text (stmt, 2, key[1]);
  sqlite3_bind_int64 (stmt, 3, year);
  if (!ledger_book_query_int64 (book, stmt, 0, out_id, error))
    return FALSE;
  if (*out_id == 0)
    {
      g_autofree char *what = g_strdup_printf (_("the %s charge of unit %s for %s"), key[1], key[0], key[2]);

      return set_fact_unknown (error, fact, what);
    }
  return TRUE;
}

/* "charge|UNIT|FEE_CODE|YEAR|AMOUNT|FEE_ENTRY" */
static gboolean
apply_charge (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  g_autofree char *fee_code = NULL;
  gint64 household_id = 0, year, amount, fee_entry, fee_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!ledger_draft_require_kind (book, txn_id, "charge", (const char *const[]) { "charge", "opening", NULL }, error) ||
      !ledger_fact_int64 ("charge", fields, 2, &year, error) ||
      !ledger_fact_int64 ("charge", fields, 3, &amount, error) ||
      !ledger_fact_int64 ("charge", fields, 4, &fee_entry, error) ||
      !ledger_fact_household_id (book, "charge", fields[0], &household_id, error))
    return FALSE;

  /* The fee version the charge was billed by: the one its entry set, of
   * the same code. */
  stmt = ledger_book_prepare (book, "SELECT id, code FROM fees WHERE txn_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fee_entry);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fee_id = sqlite3_column_int64 (stmt, 0);
      fee_code = ledger_column_dup (stmt, 1);
    }
  if (rc == SQLITE_DONE)
    sqlite3_reset (stmt);
  else if (!ledger_book_finish_row (book, stmt, rc, N_("reading fees"), error))
    return FALSE;
  if (fee_id == 0 || g_strcmp0 (fee_code, fields[1]) != 0)
    {
      g_autofree char *what = g_strdup_printf (_("a version of fee “%s” set by entry %s"), fields[1], fields[4]);

      return set_fact_unknown (error, "charge", what);
    }

  stmt = ledger_book_prepare (book,
                              "INSERT INTO charges (household_id, fee_code, year, amount, fee_id, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  ledger_bind_text (stmt, 2, fields[1]);
  sqlite3_bind_int64 (stmt, 3, year);
  sqlite3_bind_int64 (stmt, 4, amount);
  sqlite3_bind_int64 (stmt, 5, fee_id);
  sqlite3_bind_int64 (stmt, 6, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_charge = { "charge", 5, apply_charge };

/* "allocation|UNIT|FEE_CODE|YEAR|KIND|AMOUNT" */
static gboolean
apply_allocation (LedgerBook         *book,
                  gint64              txn_id,
                  const char         *date G_GNUC_UNUSED,
                  const char *const  *fields,
                  GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 charge_id = 0, amount;

  if (!ledger_draft_require_kind (book, txn_id, "allocation",
                                  (const char *const[]) { "charge", "payment", "void", "waiver", "opening", NULL },
                                  error) ||
      !ledger_fact_int64 ("allocation", fields, 4, &amount, error) ||
      !charge_of_key (book, "allocation", fields, &charge_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO allocations (txn_id, charge_id, kind, amount)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  sqlite3_bind_int64 (stmt, 2, charge_id);
  ledger_bind_text (stmt, 3, fields[3]);
  sqlite3_bind_int64 (stmt, 4, amount);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_allocation = { "allocation", 5, apply_allocation };

/* "waiver|UNIT|FEE_CODE|YEAR|AMOUNT|REASON" */
static gboolean
apply_waiver (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 charge_id = 0, amount;

  if (!ledger_draft_require_kind (book, txn_id, "waiver", (const char *const[]) { "waiver", NULL }, error) ||
      !ledger_fact_int64 ("waiver", fields, 3, &amount, error) ||
      !charge_of_key (book, "waiver", fields, &charge_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO waivers (charge_id, amount, reason, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  sqlite3_bind_int64 (stmt, 2, amount);
  ledger_bind_text (stmt, 3, fields[4]);
  sqlite3_bind_int64 (stmt, 4, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_waiver = { "waiver", 5, apply_waiver };

/* An allocation fact in a draft (ledger-charges-private.h). */
void
ledger_allocation_add_to_draft (LedgerDraft            *draft,
                                const char             *unit,
                                const LedgerOpenCharge *charge,
                                const char             *kind,
                                gint64                  amount)
{
  char year[24], text[24];
  const char *fields[] = { unit, charge->fee_code, ledger_fact_int_text (year, charge->year), kind,
                           ledger_fact_int_text (text, amount) };

  ledger_draft_add_factv (draft, &ledger_fact_allocation, fields);
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

/* The day @fee falls due in @year: 1 January, or the day a fee
 * introduced during the year took effect. */
static void
charge_date (const LedgerFee *fee,
             int              year,
             char             out_date[11])
{
  g_snprintf (out_date, 11, "%04d-01-01", year);
  if (ledger_date_year (fee->effective_from) == year)
    g_strlcpy (out_date, fee->effective_from, 11);
}

/* The journal entry that set fee version @fee_id. */
static gboolean
fee_entry_of (LedgerBook  *book,
              gint64       fee_id,
              gint64      *out_entry,
              GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT txn_id FROM fees WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fee_id);
  return ledger_book_query_int64 (book, stmt, 0, out_entry, error);
}

/* The "charge" entry of @amount (charge_amount()) that @who owes for
 * @year by @fee, the version set by entry @fee_entry, dated
 * charge_date(): the household owes it to the fee's income, and the
 * prepaid credit it held by that day, and still holds after, settles as
 * much of it as it can at once; its ref the unit, its memo "CODE YEAR".
 * The rule of "charge" entries: the writer posts the draft, verify's
 * replay compares it with the entry. */
static gboolean
charge_draft (LedgerBook       *book,
              const Billable   *who,
              const LedgerFee  *fee,
              gint64            fee_entry,
              int               year,
              gint64            amount,
              LedgerDraft      *draft,
              gint64           *out_settled,
              GError          **error)
{
  g_autofree char *income = g_strconcat ("income:", fee->code, NULL);
  LedgerOpenCharge charge = { 0, amount, year, "" };
  char date[11], year_text[24], amount_text[24], entry_text[24];
  const char *fields[] = { who->unit, fee->code, ledger_fact_int_text (year_text, year),
                           ledger_fact_int_text (amount_text, amount),
                           ledger_fact_int_text (entry_text, fee_entry) };
  g_autofree char *memo = g_strdup_printf ("%s %d", fee->code, year);
  gint64 credit = 0, settled;

  charge_date (fee, year, date);
  if (!ledger_prepaid_credit_from (book, who->household_id, date, &credit, error))
    return FALSE;
  settled = MIN (MAX (credit, 0), amount);

  ledger_draft_set_date (draft, date);
  ledger_draft_set_ref_memo (draft, who->unit, memo);
  ledger_draft_add_split (draft, "receivable", who->household_id, who->unit, amount);
  ledger_draft_add_split (draft, income, 0, NULL, -amount);
  ledger_draft_add_split (draft, "prepaid", who->household_id, who->unit, settled);
  ledger_draft_add_split (draft, "receivable", who->household_id, who->unit, -settled);
  ledger_draft_add_factv (draft, &ledger_fact_charge, fields);
  g_strlcpy (charge.fee_code, fee->code, sizeof charge.fee_code);
  if (settled > 0)
    ledger_allocation_add_to_draft (draft, who->unit, &charge, "credit", settled);
  if (out_settled != NULL)
    *out_settled = settled;
  return TRUE;
}

/* The version of fee @code in force for @year (ledger_fee_list_for_year()),
 * or NULL with LEDGER_ERROR_VERIFY when there is none. */
static LedgerFee *
fee_in_force (LedgerBook  *book,
              const char  *code,
              int          year,
              GError     **error)
{
  g_autoptr(GPtrArray) fees = ledger_fee_list_for_year (book, year, error);

  if (fees == NULL)
    return NULL;
  for (guint i = 0; i < fees->len; i++)
    if (strcmp (((LedgerFee *) g_ptr_array_index (fees, i))->code, code) == 0)
      return g_ptr_array_steal_index (fees, i);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("a charge of fee “%s” for %d, when no version of it is in force that year"), code, year);
  return NULL;
}

/* @unit as billing sees it: its household and parking spaces. */
static gboolean
billable_of_unit (LedgerBook  *book,
                  const char  *unit,
                  Billable    *out_who,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!ledger_fact_household_id (book, "charge", unit, &out_who->household_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book, "SELECT spaces FROM households WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, out_who->household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    out_who->spaces = sqlite3_column_int (stmt, 0);
  out_who->unit = (char *) unit;
  return ledger_book_finish_row (book, stmt, rc, N_("reading households"), error);
}

gboolean
ledger_charge_rule (LedgerBook          *book,
                    const LedgerLeaf    *leaf,
                    char *const *const  *facts,
                    GError             **error)
{
  const char *const *charge = ledger_draft_find_fact (facts, "charge", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerFee) fee = NULL;
  g_autoptr(GError) refused = NULL;
  Billable who = { 0 };
  gint64 year, amount = 0, fee_entry = 0;

  if (charge == NULL ||
      !ledger_fact_int64 ("charge", charge, 2, &year, error) ||
      !billable_of_unit (book, charge[0], &who, error))
    return FALSE;
  fee = fee_in_force (book, charge[1], (int) year, error);
  if (fee == NULL || !fee_entry_of (book, fee->id, &fee_entry, error))
    return FALSE;
  if (!charge_amount (fee, &who, &amount, &refused))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the billing rule refuses the entry: %s"), refused->message);
      return FALSE;
    }
  return charge_draft (book, &who, fee, fee_entry, (int) year, amount, draft, NULL, error) &&
         ledger_draft_check (draft, leaf, _("the billing rule (the fee in force, per household or per space, and the prepaid credit)"), error);
}

/* Posts one charge (charge_draft()). */
static gboolean
post_charge (LedgerBook        *book,
             const Billable    *who,
             const LedgerFee   *fee,
             gint64             fee_entry,
             int                year,
             gint64             amount,
             LedgerBillSummary *summary,
             GError           **error)
{
  g_autoptr(LedgerPosting) posting = NULL;
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  char date[11];
  gint64 settled = 0;

  if (!charge_draft (book, who, fee, fee_entry, year, amount, draft, &settled, error))
    return FALSE;
  charge_date (fee, year, date);
  posting = ledger_posting_new ("charge", date);
  ledger_draft_post (draft, posting);
  if (!ledger_posting_commit (posting, book, NULL, error))
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
      gint64 fee_entry = 0;

      if (fee->amount == 0)
        continue;
      todo = households_to_bill (book, fee, year, error);
      if (todo == NULL || !fee_entry_of (book, fee->id, &fee_entry, error))
        return FALSE;
      for (guint i = 0; i < todo->len; i++)
        {
          const Billable *who = &g_array_index (todo, Billable, i);
          gint64 amount = 0;

          if (!charge_amount (fee, who, &amount, error) ||
              (amount > 0 && !post_charge (book, who, fee, fee_entry, year, amount, &summary, error)))
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
find_charge (LedgerBook          *book,
             gint64               household_id,
             const WaiveRequest  *r,
             gint64              *out_open,
             gint64              *out_txn_id,
             GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "SELECT s.amount - s.paid - s.waived, c.txn_id"
    " FROM charges c JOIN charge_status s ON s.charge_id = c.id"
    " WHERE c.household_id = ?1 AND c.fee_code = ?2 AND c.year = ?3",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  ledger_bind_text (stmt, 2, r->fee_code);
  sqlite3_bind_int (stmt, 3, r->year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("fee “%s”: unit %s has no such charge for %d (has the year been billed?)"),
                   r->fee_code, r->unit, r->year);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      *out_open = sqlite3_column_int64 (stmt, 0);
      *out_txn_id = sqlite3_column_int64 (stmt, 1);
    }
  return ledger_book_finish_row (book, stmt, rc, N_("reading charges"), error);
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

/* The "waiver" entry: at most what @household_id still owes on the
 * charge @r names (all of it when @r has no amount), waived and settled
 * at once; its ref the unit, its memo "CODE YEAR: REASON". The rule of "waiver" entries, for the writer and the replay;
 * @out_charge_txn is the charge's entry, which the waiver follows. */
static gboolean
waiver_draft (LedgerBook          *book,
              gint64               household_id,
              const WaiveRequest  *r,
              LedgerDraft         *draft,
              gint64              *out_amount,
              gint64              *out_charge_txn,
              GError             **error)
{
  LedgerOpenCharge charge = { 0, 0, r->year, "" };
  char year_text[24], amount_text[24];
  gint64 amount = 0;

  if (!find_charge (book, household_id, r, &charge.open, out_charge_txn, error) ||
      !waiver_amount (r, charge.open, &amount, error))
    return FALSE;
  g_strlcpy (charge.fee_code, r->fee_code, sizeof charge.fee_code);
  {
    const char *fields[] = { r->unit, r->fee_code, ledger_fact_int_text (year_text, r->year),
                             ledger_fact_int_text (amount_text, amount), r->reason };
    g_autofree char *memo = g_strdup_printf ("%s %d: %s", r->fee_code, r->year, r->reason);

    ledger_draft_set_ref_memo (draft, r->unit, memo);
    ledger_draft_add_split (draft, "waivers", household_id, r->unit, amount);
    ledger_draft_add_split (draft, "receivable", household_id, r->unit, -amount);
    ledger_draft_add_factv (draft, &ledger_fact_waiver, fields);
    ledger_allocation_add_to_draft (draft, r->unit, &charge, "waiver", amount);
  }
  *out_amount = amount;
  return TRUE;
}

gboolean
ledger_waiver_rule (LedgerBook          *book,
                    const LedgerLeaf    *leaf,
                    char *const *const  *facts,
                    GError             **error)
{
  const char *const *waiver = ledger_draft_find_fact (facts, "waiver", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;
  gint64 year, amount, household_id = 0, charge_txn = 0;
  WaiveRequest r = { 0 };

  if (waiver == NULL ||
      !ledger_fact_int64 ("waiver", waiver, 2, &year, error) ||
      !ledger_fact_int64 ("waiver", waiver, 3, &amount, error) ||
      !ledger_fact_household_id (book, "waiver", waiver[0], &household_id, error))
    return FALSE;
  r = (WaiveRequest) { waiver[0], waiver[1], (int) year, &amount, waiver[4], 0 };
  /* The reason, which the memo repeats, is one `waive` accepts. */
  if (!ledger_text_check (r.reason, "--reason", REASON_MAX_CHARS, TRUE, &refused) ||
      !waiver_draft (book, household_id, &r, draft, &amount, &charge_txn, &refused))
    {
      /* What the command would have refused is a difference here. */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the waiver rule refuses the entry: %s"), refused->message);
      return FALSE;
    }
  return ledger_draft_check (draft, leaf, _("the waiver rule"), error);
}

static gboolean
waive_cb (LedgerBook *book,
          gpointer    user_data,
          GError    **error)
{
  WaiveRequest *r = user_data;
  WaiveRequest registered;
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  char today[11];
  gint64 amount = 0, charge_txn_id = 0;

  if (!ledger_fee_code_check (r->fee_code, error) ||
      !ledger_text_check (r->reason, "--reason", REASON_MAX_CHARS, TRUE, error))
    return FALSE;
  household = ledger_household_lookup (book, r->unit, error);
  if (household == NULL)
    return FALSE;
  /* The unit as registered, in the facts as in the messages. */
  registered = *r;
  registered.unit = household->unit;
  if (!waiver_draft (book, household->id, &registered, draft, &amount, &charge_txn_id, error))
    return FALSE;

  ledger_book_today (book, today);
  posting = ledger_posting_new ("waiver", today);
  /* Next year's charge, billed ahead, is dated 1 January: a waiver of it
   * granted today is dated then too. */
  ledger_posting_set_follows (posting, charge_txn_id);
  ledger_draft_post (draft, posting);
  if (!ledger_posting_commit (posting, book, NULL, error))
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

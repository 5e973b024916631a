/* ledger-opening.c — opening balances, arrears and credit from a paper ledger
 *
 * Each is one journal entry of kind "opening" against the equity account
 * "opening" (期初余额), whose one `opening` fact is a row of openings
 * (docs/money.md). The draft functions below decide an entry's splits and
 * facts, and refuse what cannot be entered, for the writer and again for
 * verify's replay (ledger_opening_rule()): the same code on the same book
 * gives the same entry.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-charges-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-fee.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-limits.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-opening-private.h"
#include "ledger-period.h"
#include "ledger-replay-rules-private.h"
#include "ledger-text.h"

typedef enum
{
  OPENING_BALANCE,
  OPENING_ARREARS,
  OPENING_CREDIT,
} OpeningKind;

/* The words of openings.kind and of the fact, by OpeningKind. */
static const char *const kind_words[] = { "balance", "arrears", "credit" };

/* One opening entry's inputs, as the writer has them and as the replay
 * reads them back from the facts. */
typedef struct
{
  OpeningKind  kind;
  char         date[11];
  gint64       amount;
  const char  *account;       /* balance: the money account's code */
  LedgerFund   fund;          /* balance; operating for the others */
  gint64       household_id;  /* arrears, credit */
  const char  *unit;          /* arrears, credit: as registered */
  const char  *fee_code;      /* arrears */
  int          year;          /* arrears */
} Opening;

/* ------------------------------------------------------------------ */
/* The fact */

/* The charge its own entry added: an arrears row's. */
static gboolean
charge_of_entry (LedgerBook  *book,
                 gint64       txn_id,
                 gint64      *out_charge_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT id FROM charges WHERE txn_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  return ledger_book_query_int64 (book, stmt, 0, out_charge_id, error);
}

/* "opening|KIND|ACCOUNT|UNIT|AMOUNT|FUND" */
static gboolean
apply_opening (LedgerBook         *book,
               gint64              txn_id,
               const char         *date G_GNUC_UNUSED,
               const char *const  *fields,
               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 amount, household_id = 0, charge_id = 0;

  if (!ledger_draft_require_kind (book, txn_id, "opening", (const char *const[]) { "opening", NULL }, error) ||
      !ledger_fact_int64 ("opening", fields, 3, &amount, error) ||
      (fields[2][0] != '\0' && !ledger_fact_household_id (book, "opening", fields[2], &household_id, error)) ||
      !charge_of_entry (book, txn_id, &charge_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO openings (txn_id, kind, account, household_id, charge_id, amount, fund)"
                              " VALUES (?1, ?2, nullif (?3, ''), nullif (?4, 0), nullif (?5, 0), ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  ledger_bind_text (stmt, 3, fields[1]);
  sqlite3_bind_int64 (stmt, 4, household_id);
  sqlite3_bind_int64 (stmt, 5, charge_id);
  sqlite3_bind_int64 (stmt, 6, amount);
  ledger_bind_text (stmt, 7, fields[4]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_opening = { "opening", 5, apply_opening };

static void
add_opening_fact (LedgerDraft    *draft,
                  const Opening  *o)
{
  char amount[24];
  const char *fields[] = { kind_words[o->kind], o->kind == OPENING_BALANCE ? o->account : "",
                           o->kind == OPENING_BALANCE ? "" : o->unit,
                           ledger_fact_int_text (amount, o->amount), ledger_fund_to_string (o->fund) };

  ledger_draft_add_factv (draft, &ledger_fact_opening, fields);
}

/* The entry's ref and memo, for the writer and the rule alike: the
 * account or unit, and what was opened ("balance maintenance",
 * "arrears property 2024", "credit"). */
static void
opening_ref_memo (const Opening  *o,
                  char          **out_ref,
                  char          **out_memo)
{
  switch (o->kind)
    {
    case OPENING_BALANCE:
      *out_ref = g_strdup (o->account);
      *out_memo = g_strdup_printf ("balance %s", ledger_fund_to_string (o->fund));
      break;
    case OPENING_ARREARS:
      *out_ref = g_strdup (o->unit);
      *out_memo = g_strdup_printf ("arrears %s %d", o->fee_code, o->year);
      break;
    case OPENING_CREDIT:
    default:
      *out_ref = g_strdup (o->unit);
      *out_memo = g_strdup ("credit");
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Opening balances */

/* The opening balance @account has for @fund already: its entry, or 0. */
static gboolean
balance_entered (LedgerBook  *book,
                 const char  *account,
                 LedgerFund   fund,
                 gint64      *out_txn_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT txn_id FROM openings"
                                            " WHERE kind = 'balance' AND account = ?1 AND fund = ?2",
                                            error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, account);
  ledger_bind_text (stmt, 2, ledger_fund_to_string (fund));
  return ledger_book_query_int64 (book, stmt, 0, out_txn_id, error);
}

/* The first entry, other than an opening one, that moved the committee's
 * money (a money account or an advance) on a day before @date: its
 * number and day, or 0. */
static gboolean
money_moved_before (LedgerBook  *book,
                    const char  *date,
                    gint64      *out_txn_id,
                    char         out_day[11],
                    GError     **error)
{
  g_autofree char *money = ledger_committee_money_where ("s.account");
  g_autofree char *sql = g_strdup_printf ("SELECT t.id, t.date FROM txns t JOIN splits s ON s.txn_id = t.id"
                                          " WHERE t.kind <> 'opening' AND t.date < ?1 AND %s"
                                          " ORDER BY t.date, t.id LIMIT 1",
                                          money);
  sqlite3_stmt *stmt = ledger_book_prepare (book, sql, error);
  int rc;

  *out_txn_id = 0;
  out_day[0] = '\0';
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_txn_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (out_day, (const char *) sqlite3_column_text (stmt, 1), 11);
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  return ledger_book_finish_row (book, stmt, rc, N_("reading the entries that moved money"), error);
}

/* The published notice whose period ends last before @date: its period
 * into @out_period ("" when none does). */
static gboolean
published_before (LedgerBook  *book,
                  const char  *date,
                  char         out_period[16],
                  GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT coalesce ((SELECT period FROM notices WHERE last < ?1"
                                            " ORDER BY last DESC, id DESC LIMIT 1), '')",
                                            error);
  int rc;

  out_period[0] = '\0';
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_strlcpy (out_period, (const char *) sqlite3_column_text (stmt, 0), 16);
  return ledger_book_finish_row (book, stmt, rc, N_("reading notices"), error);
}

/* An opening balance is the money held before the book's own entries
 * (docs/money.md): one dated after an entry that moved money, or after
 * the period of a published notice, is refused. Without this (a red-team
 * hole of issue 16) `opening balance wechat 777 --date 2026-05-01` after
 * the notice of 2026-Q1 was accepted, and verify passed it, but the
 * income report counts it into 2026-Q2's opening funds: that notice
 * could then never open with what 2026-Q1's closed with, and was refused
 * for good (exit 3). A balance found later is the entry that explains
 * it (income, a transfer), dated when it was found. */
static gboolean
check_balance_first (LedgerBook     *book,
                     const Opening  *o,
                     GError        **error)
{
  g_autofree char *reason = NULL;
  gint64 moved = 0;
  char day[11], period[16];

  if (!money_moved_before (book, o->date, &moved, day, error) ||
      !published_before (book, o->date, period, error))
    return FALSE;
  if (moved > 0)
    reason = g_strdup_printf (_("after entry %" PRId64 " (%s) moved the committee's money; an opening balance "
                                "is what was held before the book's own entries: date it on or before %s, or "
                                "record what was found later as the entry that explains it"),
                              moved, day, day);
  else if (period[0] != '\0')
    reason = g_strdup_printf (_("after %s, whose notice is published; an opening balance dated after it "
                                "would make the next notice open with other money than that one closed with: "
                                "record what was found later as the entry that explains it"),
                              period);
  if (reason == NULL)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT, "--date %s: %s", o->date, reason);
  return FALSE;
}

/* @account +A, opening −A. A second balance of the same account and fund
 * is refused: the paper ledger's figure is stated once, and a difference
 * found later is the entry that explains it (docs/money.md). */
static gboolean
balance_draft (LedgerBook     *book,
               const Opening  *o,
               LedgerDraft    *draft,
               GError        **error)
{
  gint64 entered = 0;

  if (!ledger_money_account_require (book, o->account, "ACCOUNT", error) ||
      !balance_entered (book, o->account, o->fund, &entered, error))
    return FALSE;
  if (entered > 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("ACCOUNT: %s has an opening balance for the %s fund already (entry %" PRId64 "); "
                     "an opening balance is entered once: record a difference found later as the "
                     "entry that explains it (income, spending, a transfer), dated when it was found"),
                   o->account, ledger_fund_to_string (o->fund), entered);
      return FALSE;
    }
  if (!check_balance_first (book, o, error))
    return FALSE;
  ledger_draft_add_split (draft, o->account, 0, NULL, o->amount);
  ledger_draft_add_split (draft, LEDGER_ACCOUNT_OPENING, 0, NULL, -o->amount);
  add_opening_fact (draft, o);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening arrears */

/* The journal entry of the version of @fee_code a charge of @year is of:
 * the one in force for @year (ledger_fee_list_for_year()), or the item's
 * first version when it started after @year. 0 for a fee the book does
 * not have. */
static gboolean
fee_entry_for_year (LedgerBook  *book,
                    const char  *fee_code,
                    int          year,
                    gint64      *out_entry,
                    GError     **error)
{
  g_autoptr(GPtrArray) fees = ledger_fee_list_for_year (book, year, error);
  sqlite3_stmt *stmt;
  gint64 fee_id = 0;

  if (fees == NULL)
    return FALSE;
  for (guint i = 0; i < fees->len; i++)
    if (strcmp (((LedgerFee *) g_ptr_array_index (fees, i))->code, fee_code) == 0)
      fee_id = ((LedgerFee *) g_ptr_array_index (fees, i))->id;
  stmt = ledger_book_prepare (book,
                              "SELECT txn_id FROM fees WHERE id = ?1 OR (?1 = 0 AND id ="
                              " (SELECT id FROM fees WHERE code = ?2 ORDER BY effective_from, id LIMIT 1))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fee_id);
  ledger_bind_text (stmt, 2, fee_code);
  return ledger_book_query_int64 (book, stmt, 0, out_entry, error);
}

/* Whether the household has a charge of @fee_code for @year. */
static gboolean
year_billed (LedgerBook     *book,
             const Opening  *o,
             gboolean       *out_billed,
             GError        **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT count (*) FROM charges"
                                            " WHERE household_id = ?1 AND fee_code = ?2 AND year = ?3",
                                            error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->household_id);
  ledger_bind_text (stmt, 2, o->fee_code);
  sqlite3_bind_int (stmt, 3, o->year);
  if (!ledger_book_query_int64 (book, stmt, 0, &n, error))
    return FALSE;
  *out_billed = n > 0;
  return TRUE;
}

/* The year, the fee and the charge the arrears become: refused for a
 * year after this one (by the book's clock), a fee the book does not
 * have, a year the household was billed for already. */
static gboolean
check_arrears (LedgerBook     *book,
               const Opening  *o,
               gint64         *out_fee_entry,
               GError        **error)
{
  char today[11];
  gboolean billed = FALSE;

  ledger_book_today (book, today);
  if (o->year < LEDGER_YEAR_FIRST || o->year > ledger_date_year (today))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("YEAR “%d”: expected a year from %d to this year (%d); opening arrears are unpaid charges of years gone by"),
                   o->year, LEDGER_YEAR_FIRST, ledger_date_year (today));
      return FALSE;
    }
  if (!fee_entry_for_year (book, o->fee_code, o->year, out_fee_entry, error))
    return FALSE;
  if (*out_fee_entry == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("FEE: the book has no fee item “%s” (see fee list)"), o->fee_code);
      return FALSE;
    }
  if (!year_billed (book, o, &billed, error))
    return FALSE;
  if (billed)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("unit %s has a %s charge for %d already; opening arrears are for years the book has not billed "
                     "(a charge is reduced with waive)"),
                   o->unit, o->fee_code, o->year);
      return FALSE;
    }
  return TRUE;
}

/* receivable(UNIT) +A, opening −A, and the charge it is; as billing
 * does (ledger-billing.c's charge_draft()), the prepaid credit the
 * household holds from the entry's day on settles as much of it as it
 * can at once: prepaid +C, receivable −C and a credit allocation. */
static gboolean
arrears_draft (LedgerBook     *book,
               const Opening  *o,
               LedgerDraft    *draft,
               GError        **error)
{
  LedgerOpenCharge charge = { 0, o->amount, o->year, "" };
  char year[24], amount[24], entry[24];
  gint64 fee_entry = 0, credit = 0, settled;

  if (!check_arrears (book, o, &fee_entry, error) ||
      !ledger_prepaid_credit_from (book, o->household_id, o->date, &credit, error))
    return FALSE;
  settled = MIN (MAX (credit, 0), o->amount);
  {
    const char *fields[] = { o->unit, o->fee_code, ledger_fact_int_text (year, o->year),
                             ledger_fact_int_text (amount, o->amount), ledger_fact_int_text (entry, fee_entry) };

    ledger_draft_add_split (draft, "receivable", o->household_id, o->unit, o->amount);
    ledger_draft_add_split (draft, LEDGER_ACCOUNT_OPENING, 0, NULL, -o->amount);
    ledger_draft_add_split (draft, "prepaid", o->household_id, o->unit, settled);
    ledger_draft_add_split (draft, "receivable", o->household_id, o->unit, -settled);
    ledger_draft_add_factv (draft, &ledger_fact_charge, fields);
  }
  g_strlcpy (charge.fee_code, o->fee_code, sizeof charge.fee_code);
  if (settled > 0)
    ledger_allocation_add_to_draft (draft, o->unit, &charge, "credit", settled);
  add_opening_fact (draft, o);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening credit */

static gboolean
credit_entered (LedgerBook     *book,
                const Opening  *o,
                gint64         *out_txn_id,
                GError        **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT txn_id FROM openings WHERE kind = 'credit' AND household_id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->household_id);
  return ledger_book_query_int64 (book, stmt, 0, out_txn_id, error);
}

/* opening +A; the household's open charges billed by the entry's day
 * settled from it, oldest first (receivable −S, credit allocations),
 * the rest prepaid(UNIT) −(A − S): credit and an open charge never stand
 * side by side, whichever was entered first. */
static gboolean
credit_draft (LedgerBook     *book,
              const Opening  *o,
              LedgerDraft    *draft,
              GError        **error)
{
  g_autoptr(GArray) open = NULL;
  gint64 entered = 0, left = o->amount;

  if (!credit_entered (book, o, &entered, error))
    return FALSE;
  if (entered > 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("unit %s has an opening credit already (entry %" PRId64 "); "
                     "an opening credit is entered once: a difference found later is a payment or a refund"),
                   o->unit, entered);
      return FALSE;
    }
  open = ledger_open_charges (book, o->household_id, o->date, error);
  if (open == NULL)
    return FALSE;
  ledger_draft_add_split (draft, LEDGER_ACCOUNT_OPENING, 0, NULL, o->amount);
  for (guint i = 0; i < open->len; i++)
    left -= MIN (left, g_array_index (open, LedgerOpenCharge, i).open);
  ledger_draft_add_split (draft, "receivable", o->household_id, o->unit, -(o->amount - left));
  ledger_draft_add_split (draft, "prepaid", o->household_id, o->unit, -left);
  left = o->amount;
  for (guint i = 0; i < open->len && left > 0; i++)
    {
      const LedgerOpenCharge *charge = &g_array_index (open, LedgerOpenCharge, i);
      gint64 settled = MIN (left, charge->open);

      ledger_allocation_add_to_draft (draft, o->unit, charge, "credit", settled);
      left -= settled;
    }
  add_opening_fact (draft, o);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The entry */

/* The splits, facts, ref and memo of @o on @book as it stands, or what
 * refuses it. */
static gboolean
opening_draft (LedgerBook     *book,
               const Opening  *o,
               LedgerDraft    *draft,
               GError        **error)
{
  g_autofree char *ref = NULL, *memo = NULL;

  if (o->amount <= 0 || o->amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), o->amount);
  opening_ref_memo (o, &ref, &memo);
  ledger_draft_set_ref_memo (draft, ref, memo);
  switch (o->kind)
    {
    case OPENING_BALANCE:
      return balance_draft (book, o, draft, error);
    case OPENING_ARREARS:
      return arrears_draft (book, o, draft, error);
    case OPENING_CREDIT:
    default:
      return credit_draft (book, o, draft, error);
    }
}

/* Posts @o: the account "opening" first when the book lacks it (an
 * entry of its own, the same day), then the opening entry. */
static gboolean
post_opening (LedgerBook     *book,
              const Opening  *o,
              GError        **error)
{
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;

  if (!ledger_check_entry_date (book, o->date, "--date", error) ||
      !opening_draft (book, o, draft, error) ||
      !ledger_account_ensure_in_write (book, LEDGER_ACCOUNT_OPENING, o->date, error))
    return FALSE;
  posting = ledger_posting_new ("opening", o->date);
  ledger_draft_post (draft, posting);
  return ledger_posting_commit (posting, book, NULL, error);
}

gboolean
ledger_opening_default_date (LedgerBook  *book,
                             char         out_iso[11],
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  ledger_book_today (book, out_iso);
  stmt = ledger_book_prepare (book,
                              "SELECT t.date FROM openings o JOIN txns t ON t.id = o.txn_id"
                              " WHERE o.kind = 'balance' ORDER BY o.txn_id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_strlcpy (out_iso, (const char *) sqlite3_column_text (stmt, 0), 11);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  return ledger_book_finish_row (book, stmt, rc, N_("reading the opening balances"), error);
}

void
ledger_opening_line_free (LedgerOpeningLine *line)
{
  if (line == NULL)
    return;
  g_free (line->kind);
  g_free (line->account);
  g_free (line->unit);
  g_free (line->fee_code);
  g_free (line);
}

static LedgerOpeningLine *
opening_line_from_row (sqlite3_stmt *stmt)
{
  LedgerOpeningLine *line = g_new0 (LedgerOpeningLine, 1);
  g_autofree char *fund = ledger_column_dup (stmt, 2);

  line->kind = ledger_column_dup (stmt, 0);
  line->account = ledger_column_dup (stmt, 1);
  /* The table's CHECK keeps the fund one of the three. */
  if (!ledger_fund_parse (fund, "fund", &line->fund, NULL))
    line->fund = LEDGER_FUND_OPERATING;
  line->unit = ledger_column_dup (stmt, 3);
  line->fee_code = ledger_column_dup (stmt, 4);
  line->year = sqlite3_column_int (stmt, 5);
  line->amount = sqlite3_column_int64 (stmt, 6);
  g_strlcpy (line->date, (const char *) sqlite3_column_text (stmt, 7), sizeof line->date);
  return line;
}

GPtrArray *
ledger_opening_list (LedgerBook  *book,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_opening_line_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book,
                              "SELECT o.kind, o.account, o.fund, h.unit, c.fee_code, c.year, o.amount, t.date"
                              " FROM openings o JOIN txns t ON t.id = o.txn_id"
                              " LEFT JOIN households h ON h.id = o.household_id"
                              " LEFT JOIN charges c ON c.id = o.charge_id"
                              " ORDER BY o.txn_id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, opening_line_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the opening balances"), error))
    return NULL;
  return g_steal_pointer (&lines);
}

gboolean
ledger_opening_accepts (LedgerBook  *book,
                        char         out_date[11],
                        GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_opening_default_date (book, out_date, error) &&
         ledger_check_entry_date (book, out_date, "--date", error);
}

/* The entry's date: @date as typed, or the default. */
static gboolean
opening_date (LedgerBook  *book,
              const char  *date,
              char         out_iso[11],
              GError     **error)
{
  if (date == NULL)
    return ledger_opening_default_date (book, out_iso, error);
  return ledger_date_parse (date, "--date", out_iso, error);
}

/* A household's opening (arrears, credit): the unit as registered. */
static gboolean
post_household_opening (LedgerBook  *book,
                        Opening     *o,
                        const char  *unit,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(LedgerHousehold) household = ledger_household_lookup (book, unit, error);

  if (household == NULL || !opening_date (book, date, o->date, error))
    return FALSE;
  o->household_id = household->id;
  o->unit = household->unit;
  return post_opening (book, o, error);
}

typedef struct
{
  OpeningKind  kind;
  const char  *text;      /* the account or unit as typed */
  const char  *fee_code;
  int          year;
  gint64       amount;
  LedgerFund   fund;
  const char  *date;
} OpeningRequest;

static gboolean
opening_cb (LedgerBook *book,
            gpointer    user_data,
            GError    **error)
{
  const OpeningRequest *r = user_data;
  g_autofree char *account = NULL;
  Opening o = { r->kind, "", r->amount, NULL, r->fund, 0, NULL, r->fee_code, r->year };

  if (r->kind != OPENING_BALANCE)
    return post_household_opening (book, &o, r->text, r->date, error);
  if (r->date == NULL)
    return ledger_text_set_invalid_input (error, "--date", "", _("the day the opening balances are as at is required"));
  account = ledger_money_account_parse (r->text, "ACCOUNT", error);
  if (account == NULL || !ledger_date_parse (r->date, "--date", o.date, error))
    return FALSE;
  o.account = account;
  return post_opening (book, &o, error);
}

gboolean
ledger_opening_balance (LedgerBook  *book,
                        const char  *account,
                        gint64       amount,
                        LedgerFund   fund,
                        const char  *date,
                        GError     **error)
{
  OpeningRequest r = { OPENING_BALANCE, account, NULL, 0, amount, fund, date };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (fund >= LEDGER_FUND_OPERATING && fund < LEDGER_FUND_COUNT, FALSE);

  return ledger_book_write (book, opening_cb, &r, error);
}

gboolean
ledger_opening_arrears (LedgerBook  *book,
                        const char  *unit,
                        const char  *fee_code,
                        int          year,
                        gint64       amount,
                        const char  *date,
                        GError     **error)
{
  OpeningRequest r = { OPENING_ARREARS, unit, fee_code, year, amount, LEDGER_FUND_OPERATING, date };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (!ledger_fee_code_check (fee_code, error))
    return FALSE;
  return ledger_book_write (book, opening_cb, &r, error);
}

gboolean
ledger_opening_credit (LedgerBook  *book,
                       const char  *unit,
                       gint64       amount,
                       const char  *date,
                       GError     **error)
{
  OpeningRequest r = { OPENING_CREDIT, unit, NULL, 0, amount, LEDGER_FUND_OPERATING, date };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, opening_cb, &r, error);
}

/* The same three inside a running write (the demo opens its books in the
 * transaction that registers its households and bills the first year). */
gboolean
ledger_opening_balance_in_write (LedgerBook  *book,
                                 const char  *account,
                                 gint64       amount,
                                 LedgerFund   fund,
                                 const char  *date,
                                 GError     **error)
{
  OpeningRequest r = { OPENING_BALANCE, account, NULL, 0, amount, fund, date };

  g_return_val_if_fail (ledger_book_in_write (book), FALSE);
  g_return_val_if_fail (fund >= LEDGER_FUND_OPERATING && fund < LEDGER_FUND_COUNT, FALSE);

  return opening_cb (book, &r, error);
}

gboolean
ledger_opening_arrears_in_write (LedgerBook  *book,
                                 const char  *unit,
                                 const char  *fee_code,
                                 int          year,
                                 gint64       amount,
                                 const char  *date,
                                 GError     **error)
{
  OpeningRequest r = { OPENING_ARREARS, unit, fee_code, year, amount, LEDGER_FUND_OPERATING, date };

  g_return_val_if_fail (ledger_book_in_write (book), FALSE);

  return ledger_fee_code_check (fee_code, error) && opening_cb (book, &r, error);
}

gboolean
ledger_opening_credit_in_write (LedgerBook  *book,
                                const char  *unit,
                                gint64       amount,
                                const char  *date,
                                GError     **error)
{
  OpeningRequest r = { OPENING_CREDIT, unit, NULL, 0, amount, LEDGER_FUND_OPERATING, date };

  g_return_val_if_fail (ledger_book_in_write (book), FALSE);

  return opening_cb (book, &r, error);
}

/* ------------------------------------------------------------------ */
/* verify's rule */

static gboolean
kind_of_word (const char   *word,
              OpeningKind  *out_kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (kind_words); k++)
    if (strcmp (word, kind_words[k]) == 0)
      {
        *out_kind = (OpeningKind) k;
        return TRUE;
      }
  return FALSE;
}

/* The inputs of the entry, read back from its facts: what the writer was
 * given. The fund and the charge's fee and year are read as the facts
 * say; the draft then decides whether they are what the writer writes. */
static gboolean
opening_from_facts (LedgerBook          *book,
                    const LedgerLeaf    *leaf,
                    char *const *const  *facts,
                    const char *const   *fact,
                    Opening             *o,
                    GError             **error)
{
  const char *const *charge;
  gint64 year;

  if (!kind_of_word (fact[0], &o->kind))
    return ledger_replay_differs (error, _("kind"), "balance, arrears, credit", fact[0]);
  if (!ledger_fact_int64 ("opening", fact, 3, &o->amount, error))
    return FALSE;
  g_strlcpy (o->date, leaf->date, sizeof o->date);
  o->fund = LEDGER_FUND_OPERATING;
  if (o->kind == OPENING_BALANCE)
    {
      o->account = fact[1];
      if (!ledger_fund_parse (fact[4], "fund", &o->fund, NULL))
        return ledger_replay_differs (error, _("fund"), "operating, maintenance, public", fact[4]);
      return TRUE;
    }
  o->unit = fact[2];
  if (!ledger_fact_household_id (book, "opening", o->unit, &o->household_id, error))
    return FALSE;
  if (o->kind == OPENING_CREDIT)
    return TRUE;
  charge = ledger_draft_find_fact (facts, "charge", leaf, error);
  if (charge == NULL || !ledger_fact_int64 ("charge", charge, 2, &year, error))
    return FALSE;
  if (year < G_MININT || year > G_MAXINT)
    return ledger_replay_differs (error, _("year"), _("a year"), charge[2]);
  o->fee_code = charge[1];
  o->year = (int) year;
  return TRUE;
}

gboolean
ledger_opening_rule (LedgerBook          *book,
                     const LedgerLeaf    *leaf,
                     char *const *const  *facts,
                     GError             **error)
{
  const char *const *fact = ledger_draft_find_fact (facts, "opening", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;
  Opening o = { 0 };

  if (fact == NULL || !opening_from_facts (book, leaf, facts, fact, &o, error))
    return FALSE;
  if (!opening_draft (book, &o, draft, &refused))
    return ledger_replay_refused (error, leaf, refused);
  return ledger_draft_check (draft, leaf, _("the rule of opening entries"), error);
}

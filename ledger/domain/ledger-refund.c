/* ledger-refund.c — an owner's prepaid credit paid back, with a reason and a voucher
 *
 * One function decides a refund's entry (refund_draft()): its voucher
 * number, its splits and its fact; the credit check (check_refund()) is
 * the writer's and the replay's. Credit is what the book owes the owner:
 * a refund may take no more than the household holds on its day and on
 * every later day, or a later charge that used the credit would have
 * used money that was paid back (ledger_prepaid_credit_from()).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-charges-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-refund-private.h"
#include "ledger-replay-rules-private.h"
#include "ledger-text.h"
#include "ledger-voucher-private.h"

/* A refund as its writer and its rule see it. */
typedef struct
{
  gint64  household_id;
  char   *unit;     /* as the register spells it */
  gint64  amount;
  char   *account;  /* a money account's code */
  char   *reason;
  char    day[11];
} Refund;

static void
refund_clear (Refund *r)
{
  g_free (r->unit);
  g_free (r->account);
  g_free (r->reason);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Refund, refund_clear)

void
ledger_refund_free (LedgerRefund *refund)
{
  if (refund == NULL)
    return;
  g_free (refund->voucher);
  g_free (refund->account);
  g_free (refund->reason);
  g_free (refund);
}

/* The entry's memo: whose credit, and why. */
static char *
refund_memo (const Refund *r)
{
  return g_strdup_printf ("%s: %s", r->unit, r->reason);
}

/* No more than the credit the household holds from the refund's day on. */
static gboolean
check_credit (LedgerBook    *book,
              const Refund  *r,
              GError       **error)
{
  g_autofree char *amount = NULL, *held = NULL, *reason = NULL;
  gint64 credit = 0;

  if (!ledger_prepaid_credit_from (book, r->household_id, r->day, &credit, error))
    return FALSE;
  if (r->amount <= credit)
    return TRUE;
  amount = ledger_money_format_plain (r->amount);
  held = ledger_money_format (MAX (credit, 0));
  /* Translators: “1-1-101 holds a credit of ¥300.00 from 2026-03-01 on” */
  reason = g_strdup_printf (_("more than the credit %s holds from %s on (%s)"), r->unit, r->day, held);
  return ledger_text_set_invalid_input (error, _("amount"), amount, reason);
}

/* What the writer refuses, and verify's replay with it. */
static gboolean
check_refund (LedgerBook    *book,
              const Refund  *r,
              GError       **error)
{
  if (r->amount <= 0 || r->amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), r->amount);
  return ledger_text_check (r->reason, "--reason", LEDGER_REFUND_REASON_MAX_CHARS, TRUE, error) &&
         ledger_money_account_require (book, r->account, "--method", error) &&
         check_credit (book, r, error);
}

/* The "refund" entry of @r: the next F voucher of its year; the
 * household's credit goes down and the account pays it out. The rule
 * of "refund" entries. */
static gboolean
refund_draft (LedgerBook    *book,
              const Refund  *r,
              LedgerDraft   *draft,
              char         **out_voucher,
              GError       **error)
{
  g_autofree char *voucher = ledger_voucher_next (book, LEDGER_VOUCHER_PAID, ledger_date_year (r->day), error);
  g_autofree char *memo = NULL;
  char amount_text[24];

  if (voucher == NULL)
    return FALSE;
  memo = refund_memo (r);
  ledger_draft_set_ref_memo (draft, voucher, memo);
  ledger_draft_add_split (draft, "prepaid", r->household_id, r->unit, r->amount);
  ledger_draft_add_split (draft, r->account, 0, NULL, -r->amount);
  {
    const char *fields[] = { voucher, r->unit, r->account, ledger_fact_int_text (amount_text, r->amount),
                             r->reason };

    ledger_draft_add_factv (draft, &ledger_fact_refund, fields);
  }
  if (out_voucher != NULL)
    *out_voucher = g_steal_pointer (&voucher);
  return TRUE;
}

/* "refund|VOUCHER|UNIT|ACCOUNT|AMOUNT|REASON" */
static gboolean
apply_refund (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 amount, household_id = 0;

  if (!ledger_draft_require_kind (book, txn_id, "refund", (const char *const[]) { "refund", NULL }, error) ||
      !ledger_fact_int64 ("refund", fields, 3, &amount, error) ||
      !ledger_fact_household_id (book, "refund", fields[1], &household_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO refunds (txn_id, voucher, household_id, account, amount, reason)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  sqlite3_bind_int64 (stmt, 3, household_id);
  ledger_bind_text (stmt, 4, fields[2]);
  sqlite3_bind_int64 (stmt, 5, amount);
  ledger_bind_text (stmt, 6, fields[4]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_refund = { "refund", 5, apply_refund };

/* The household, the account and the day as typed, into @r. */
static gboolean
read_refund_input (LedgerBook   *book,
                   const char   *unit,
                   const char   *method,
                   const char   *date,
                   Refund       *r,
                   GError      **error)
{
  g_autoptr(LedgerHousehold) household = ledger_household_lookup (book, unit, error);

  if (household == NULL)
    return FALSE;
  r->household_id = household->id;
  r->unit = g_strdup (household->unit);
  if ((r->account = ledger_money_account_parse (method, "--method", error)) == NULL)
    return FALSE;
  if (date == NULL)
    {
      ledger_book_today (book, r->day);
      return TRUE;
    }
  return ledger_date_parse (date, "--date", r->day, error) &&
         ledger_check_entry_date (book, r->day, "--date", error);
}

char *
ledger_refund_in_write (LedgerBook  *book,
                        const char  *unit,
                        gint64       amount,
                        const char  *method,
                        const char  *reason,
                        const char  *date,
                        GError     **error)
{
  g_auto(Refund) r = { 0, NULL, amount, NULL, g_strdup (reason != NULL ? reason : ""), "" };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *voucher = NULL;

  if (!read_refund_input (book, unit, method, date, &r, error) ||
      !check_refund (book, &r, error) ||
      !refund_draft (book, &r, draft, &voucher, error))
    return NULL;

  posting = ledger_posting_new ("refund", r.day);
  ledger_draft_post (draft, posting);
  if (!ledger_posting_commit (posting, book, NULL, error))
    return NULL;
  return g_steal_pointer (&voucher);
}

typedef struct
{
  const char *unit;
  gint64      amount;
  const char *method;
  const char *reason;
  const char *date;
  char       *voucher;
} RefundRequest;

static gboolean
refund_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  RefundRequest *r = user_data;

  r->voucher = ledger_refund_in_write (book, r->unit, r->amount, r->method, r->reason, r->date, error);
  return r->voucher != NULL;
}

gboolean
ledger_refund (LedgerBook  *book,
               const char  *unit,
               gint64       amount,
               const char  *method,
               const char  *reason,
               const char  *date,
               char       **out_voucher,
               GError     **error)
{
  RefundRequest r = { unit, amount, method, reason, date, NULL };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (!ledger_book_write (book, refund_cb, &r, error))
    {
      g_free (r.voucher);
      return FALSE;
    }
  if (out_voucher != NULL)
    *out_voucher = r.voucher;
  else
    g_free (r.voucher);
  return TRUE;
}

gboolean
ledger_refund_rule (LedgerBook          *book,
                    const LedgerLeaf    *leaf,
                    char *const *const  *facts,
                    GError             **error)
{
  const char *const *fact = ledger_draft_find_fact (facts, "refund", leaf, error);
  g_auto(Refund) r = { 0, NULL, 0, NULL, NULL, "" };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;

  if (fact == NULL ||
      !ledger_fact_int64 ("refund", fact, 3, &r.amount, error) ||
      !ledger_fact_household_id (book, "refund", fact[1], &r.household_id, error))
    return FALSE;
  r.unit = g_strdup (fact[1]);
  r.account = g_strdup (fact[2]);
  r.reason = g_strdup (fact[4]);
  g_strlcpy (r.day, leaf->date, sizeof r.day);
  if (!check_refund (book, &r, &refused))
    return ledger_replay_refused (error, leaf, refused);
  return refund_draft (book, &r, draft, NULL, error) &&
         ledger_draft_check (draft, leaf, _("a refund of an owner's credit"), error);
}

/* ------------------------------------------------------------------ */
/* Reading */

GPtrArray *
ledger_refunds_of_household (LedgerBook  *book,
                             gint64       household_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) refunds = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_refund_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  stmt = ledger_book_prepare (book,
                              "SELECT r.voucher, t.date, r.account, r.amount, r.reason, r.txn_id"
                              " FROM refunds r JOIN txns t ON t.id = r.txn_id"
                              " WHERE r.household_id = ?1 ORDER BY r.txn_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerRefund *refund = g_new0 (LedgerRefund, 1);

      refund->voucher = ledger_column_dup (stmt, 0);
      g_strlcpy (refund->date, (const char *) sqlite3_column_text (stmt, 1), sizeof refund->date);
      refund->account = ledger_column_dup (stmt, 2);
      refund->amount = sqlite3_column_int64 (stmt, 3);
      refund->reason = ledger_column_dup (stmt, 4);
      refund->txn_id = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (refunds, refund);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading a household's refunds"), error))
    return NULL;
  return g_steal_pointer (&refunds);
}

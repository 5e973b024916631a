/* ledger-transfer.c — transfers between the committee's money accounts, and their bank charges
 *
 * One function decides a transfer's entry (transfer_draft()): its voucher
 * number, its splits and its fact. The writer posts what it decides and
 * verify's replay decides it again on the rebuilt book and compares
 * (docs/money.md, docs/leaf-format.md).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-money-private.h"
#include "ledger-period.h"
#include "ledger-replay-rules-private.h"
#include "ledger-text.h"
#include "ledger-transfer-private.h"
#include "ledger-voucher-private.h"

#define MEMO_MAX_CHARS 200

/* A transfer as its writer and its rule see it. */
typedef struct
{
  gint64 amount;
  gint64 fee;
  char  *from;   /* account codes */
  char  *to;
  char  *memo;   /* "" when none */
  char   day[11];
} Transfer;

static void
transfer_clear (Transfer *t)
{
  g_free (t->from);
  g_free (t->to);
  g_free (t->memo);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Transfer, transfer_clear)

/* The entry's memo: the two accounts, and what the treasurer wrote. */
static char *
transfer_memo (const Transfer *t)
{
  if (t->memo[0] == '\0')
    return g_strdup_printf ("%s -> %s", t->from, t->to);
  return g_strdup_printf ("%s -> %s: %s", t->from, t->to, t->memo);
}

/* What the writer refuses, and verify's replay with it: amounts out of
 * range, a memo no entry may hold, the same account twice, an account
 * that holds no money or that the book does not have. */
static gboolean
check_transfer (LedgerBook      *book,
                const Transfer  *t,
                GError         **error)
{
  if (t->amount <= 0 || t->amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), t->amount);
  if (t->fee < 0 || t->fee > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, "--fee", t->fee);
  if (!ledger_text_check (t->memo, "--memo", MEMO_MAX_CHARS, FALSE, error))
    return FALSE;
  if (strcmp (t->from, t->to) == 0)
    return ledger_text_set_invalid_input (error, "--to", t->to, _("the same account as --from"));
  return ledger_money_account_require (book, t->from, "--from", error) &&
         ledger_money_account_require (book, t->to, "--to", error);
}

/* The "transfer" entry of @t: the next Z voucher of its year; @to gains
 * the amount and @from loses it, and a fee is an expense paid from @from
 * too. The rule of "transfer" entries. */
static gboolean
transfer_draft (LedgerBook      *book,
                const Transfer  *t,
                LedgerDraft     *draft,
                char           **out_voucher,
                GError         **error)
{
  g_autofree char *voucher = ledger_voucher_next (book, LEDGER_VOUCHER_MOVED, ledger_date_year (t->day), error);
  g_autofree char *memo = NULL;
  char amount_text[24], fee_text[24];

  if (voucher == NULL)
    return FALSE;
  memo = transfer_memo (t);
  ledger_draft_set_ref_memo (draft, voucher, memo);
  ledger_draft_add_split (draft, t->to, 0, NULL, t->amount);
  ledger_draft_add_split (draft, t->from, 0, NULL, -t->amount);
  ledger_draft_add_split (draft, LEDGER_ACCOUNT_BANK_CHARGES, 0, NULL, t->fee);
  ledger_draft_add_split (draft, t->from, 0, NULL, -t->fee);
  {
    const char *fields[] = { voucher, t->from, t->to, ledger_fact_int_text (amount_text, t->amount),
                             ledger_fact_int_text (fee_text, t->fee), t->memo };

    ledger_draft_add_factv (draft, &ledger_fact_transfer, fields);
  }
  if (out_voucher != NULL)
    *out_voucher = g_steal_pointer (&voucher);
  return TRUE;
}

/* "transfer|VOUCHER|FROM|TO|AMOUNT|FEE|MEMO" */
static gboolean
apply_transfer (LedgerBook         *book,
                gint64              txn_id,
                const char         *date G_GNUC_UNUSED,
                const char *const  *fields,
                GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 amount, fee;

  if (!ledger_draft_require_kind (book, txn_id, "transfer", (const char *const[]) { "transfer", NULL }, error) ||
      !ledger_fact_int64 ("transfer", fields, 3, &amount, error) ||
      !ledger_fact_int64 ("transfer", fields, 4, &fee, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO transfers (txn_id, voucher, from_account, to_account, amount, fee, memo)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  ledger_bind_text (stmt, 3, fields[1]);
  ledger_bind_text (stmt, 4, fields[2]);
  sqlite3_bind_int64 (stmt, 5, amount);
  sqlite3_bind_int64 (stmt, 6, fee);
  ledger_bind_text (stmt, 7, fields[5]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_transfer = { "transfer", 6, apply_transfer };

/* The accounts and the day as typed, into @t. */
static gboolean
read_transfer_input (LedgerBook   *book,
                     const char   *from,
                     const char   *to,
                     const char   *date,
                     const char   *memo,
                     Transfer     *t,
                     GError      **error)
{
  t->memo = g_strdup (memo != NULL ? memo : "");
  if ((t->from = ledger_money_account_parse (from, "--from", error)) == NULL ||
      (t->to = ledger_money_account_parse (to, "--to", error)) == NULL)
    return FALSE;
  if (date == NULL)
    {
      ledger_book_today (book, t->day);
      return TRUE;
    }
  return ledger_date_parse (date, "--date", t->day, error) &&
         ledger_check_entry_date (book, t->day, "--date", error);
}

char *
ledger_transfer_in_write (LedgerBook  *book,
                          gint64       amount,
                          const char  *from,
                          const char  *to,
                          gint64       fee,
                          const char  *date,
                          const char  *memo,
                          GError     **error)
{
  g_auto(Transfer) t = { amount, fee, NULL, NULL, NULL, "" };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *voucher = NULL;

  if (!read_transfer_input (book, from, to, date, memo, &t, error) ||
      !check_transfer (book, &t, error))
    return NULL;
  if (t.fee > 0 && !ledger_account_ensure_in_write (book, LEDGER_ACCOUNT_BANK_CHARGES, t.day, error))
    return NULL;
  if (!transfer_draft (book, &t, draft, &voucher, error))
    return NULL;

  posting = ledger_posting_new ("transfer", t.day);
  ledger_draft_post (draft, posting);
  if (!ledger_posting_commit (posting, book, NULL, error))
    return NULL;
  return g_steal_pointer (&voucher);
}

typedef struct
{
  gint64      amount;
  const char *from;
  const char *to;
  gint64      fee;
  const char *date;
  const char *memo;
  char       *voucher;
} TransferRequest;

static gboolean
transfer_cb (LedgerBook *book,
             gpointer    user_data,
             GError    **error)
{
  TransferRequest *r = user_data;

  r->voucher = ledger_transfer_in_write (book, r->amount, r->from, r->to, r->fee, r->date, r->memo, error);
  return r->voucher != NULL;
}

gboolean
ledger_transfer (LedgerBook  *book,
                 gint64       amount,
                 const char  *from,
                 const char  *to,
                 gint64       fee,
                 const char  *date,
                 const char  *memo,
                 char       **out_voucher,
                 GError     **error)
{
  TransferRequest r = { amount, from, to, fee, date, memo, NULL };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (!ledger_book_write (book, transfer_cb, &r, error))
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
ledger_transfer_rule (LedgerBook          *book,
                      const LedgerLeaf    *leaf,
                      char *const *const  *facts,
                      GError             **error)
{
  const char *const *fact = ledger_draft_find_fact (facts, "transfer", leaf, error);
  g_auto(Transfer) t = { 0, 0, NULL, NULL, NULL, "" };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;

  if (fact == NULL ||
      !ledger_fact_int64 ("transfer", fact, 3, &t.amount, error) ||
      !ledger_fact_int64 ("transfer", fact, 4, &t.fee, error))
    return FALSE;
  t.from = g_strdup (fact[1]);
  t.to = g_strdup (fact[2]);
  t.memo = g_strdup (fact[5]);
  g_strlcpy (t.day, leaf->date, sizeof t.day);
  if (!check_transfer (book, &t, &refused))
    return ledger_replay_refused (error, leaf, refused);
  return transfer_draft (book, &t, draft, NULL, error) &&
         ledger_draft_check (draft, leaf, _("a transfer between money accounts"), error);
}

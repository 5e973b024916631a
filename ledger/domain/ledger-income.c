/* ledger-income.c — other income: interest, rent, advertising, donations, with a voucher and a fund
 *
 * One function decides an income's entry (income_draft()): its voucher
 * number, its splits and its fact. The writer posts what it decides and
 * verify's replay decides it again on the rebuilt book and compares. The
 * fund is in the fact, and the entry_funds view (schema 4) reads it from
 * the incomes table, so the funds count it (ledger-funds.c).
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-income-private.h"
#include "ledger-money-private.h"
#include "ledger-period.h"
#include "ledger-replay-rules-private.h"
#include "ledger-text.h"
#include "ledger-voucher-private.h"

#define MEMO_MAX_CHARS 200

/* An income as its writer and its rule see it. */
typedef struct
{
  gint64                amount;
  LedgerIncomeCategory  category;
  LedgerFund            fund;
  char                 *account; /* a money account's code */
  char                 *payer;   /* "" when none */
  char                 *memo;    /* "" when none */
  char                  day[11];
} Income;

static void
income_clear (Income *i)
{
  g_free (i->account);
  g_free (i->payer);
  g_free (i->memo);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Income, income_clear)

/* The entry's memo: the category, who paid, and what the treasurer wrote. */
static char *
income_memo (const Income *i)
{
  GString *memo = g_string_new (ledger_income_category_to_string (i->category));

  if (i->payer[0] != '\0')
    g_string_append_printf (memo, " from %s", i->payer);
  if (i->memo[0] != '\0')
    g_string_append_printf (memo, ": %s", i->memo);
  return g_string_free (memo, FALSE);
}

/* What the writer refuses, and verify's replay with it. */
static gboolean
check_income (LedgerBook    *book,
              const Income  *i,
              GError       **error)
{
  if (i->amount <= 0 || i->amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), i->amount);
  return ledger_text_check (i->payer, "--payer", LEDGER_INCOME_PAYER_MAX_CHARS, FALSE, error) &&
         ledger_text_check (i->memo, "--memo", MEMO_MAX_CHARS, FALSE, error) &&
         ledger_money_account_require (book, i->account, "--account", error);
}

/* The "income" entry of @i: the next S voucher of its year; the account
 * gains the amount, the category's income account is credited. The rule
 * of "income" entries. */
static gboolean
income_draft (LedgerBook    *book,
              const Income  *i,
              LedgerDraft   *draft,
              char         **out_voucher,
              GError       **error)
{
  g_autofree char *voucher = ledger_voucher_next (book, LEDGER_VOUCHER_RECEIVED, ledger_date_year (i->day), error);
  g_autofree char *memo = NULL;
  char amount_text[24];

  if (voucher == NULL)
    return FALSE;
  memo = income_memo (i);
  ledger_draft_set_ref_memo (draft, voucher, memo);
  ledger_draft_add_split (draft, i->account, 0, NULL, i->amount);
  ledger_draft_add_split (draft, ledger_income_category_account (i->category), 0, NULL, -i->amount);
  {
    const char *fields[] = { voucher, ledger_income_category_to_string (i->category), i->account,
                             ledger_fund_to_string (i->fund), ledger_fact_int_text (amount_text, i->amount),
                             i->payer, i->memo };

    ledger_draft_add_factv (draft, &ledger_fact_income, fields);
  }
  if (out_voucher != NULL)
    *out_voucher = g_steal_pointer (&voucher);
  return TRUE;
}

/* "income|VOUCHER|CATEGORY|ACCOUNT|FUND|AMOUNT|PAYER|MEMO" */
static gboolean
apply_income (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 amount;

  if (!ledger_draft_require_kind (book, txn_id, "income", (const char *const[]) { "income", NULL }, error) ||
      !ledger_fact_int64 ("income", fields, 4, &amount, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO incomes (txn_id, voucher, category, account, fund, amount, payer, memo)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  ledger_bind_text (stmt, 3, fields[1]);
  ledger_bind_text (stmt, 4, fields[2]);
  ledger_bind_text (stmt, 5, fields[3]);
  sqlite3_bind_int64 (stmt, 6, amount);
  ledger_bind_text (stmt, 7, fields[5]);
  ledger_bind_text (stmt, 8, fields[6]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_income = { "income", 7, apply_income };

/* The account and the day as typed, into @i. */
static gboolean
read_income_input (LedgerBook   *book,
                   const char   *account,
                   const char   *date,
                   Income       *i,
                   GError      **error)
{
  if ((i->account = ledger_money_account_parse (account, "--account", error)) == NULL)
    return FALSE;
  if (date == NULL)
    {
      ledger_book_today (book, i->day);
      return TRUE;
    }
  return ledger_date_parse (date, "--date", i->day, error) &&
         ledger_check_entry_date (book, i->day, "--date", error);
}

char *
ledger_income_record_in_write (LedgerBook            *book,
                               gint64                 amount,
                               LedgerIncomeCategory   category,
                               const char            *account,
                               const LedgerFund      *fund,
                               const char            *payer,
                               const char            *date,
                               const char            *memo,
                               GError               **error)
{
  g_auto(Income) i = { amount, category, LEDGER_FUND_OPERATING, NULL, NULL, NULL, "" };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *voucher = NULL;

  g_return_val_if_fail ((guint) category < LEDGER_INCOME_CATEGORY_COUNT, NULL);

  i.fund = fund != NULL ? *fund : ledger_income_category_default_fund (category);
  i.payer = g_strdup (payer != NULL ? payer : "");
  i.memo = g_strdup (memo != NULL ? memo : "");
  if (!read_income_input (book, account, date, &i, error) ||
      !check_income (book, &i, error) ||
      !ledger_account_ensure_in_write (book, ledger_income_category_account (category), i.day, error) ||
      !income_draft (book, &i, draft, &voucher, error))
    return NULL;

  posting = ledger_posting_new ("income", i.day);
  ledger_draft_post (draft, posting);
  if (!ledger_posting_commit (posting, book, NULL, error))
    return NULL;
  return g_steal_pointer (&voucher);
}

typedef struct
{
  gint64                amount;
  LedgerIncomeCategory  category;
  const char           *account;
  const LedgerFund     *fund;
  const char           *payer;
  const char           *date;
  const char           *memo;
  char                 *voucher;
} IncomeRequest;

static gboolean
income_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  IncomeRequest *r = user_data;

  r->voucher = ledger_income_record_in_write (book, r->amount, r->category, r->account, r->fund,
                                              r->payer, r->date, r->memo, error);
  return r->voucher != NULL;
}

gboolean
ledger_income_record (LedgerBook            *book,
                      gint64                 amount,
                      LedgerIncomeCategory   category,
                      const char            *account,
                      const LedgerFund      *fund,
                      const char            *payer,
                      const char            *date,
                      const char            *memo,
                      char                 **out_voucher,
                      GError               **error)
{
  IncomeRequest r = { amount, category, account, fund, payer, date, memo, NULL };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (!ledger_book_write (book, income_cb, &r, error))
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

/* The category and fund of an income fact, as only the writer spells
 * them (the codes, not a Chinese name or another case). */
static gboolean
read_fact_codes (const char *const  *fact,
                 Income             *i,
                 GError            **error)
{
  if (!ledger_income_category_parse (fact[1], "category", &i->category, NULL) ||
      strcmp (fact[1], ledger_income_category_to_string (i->category)) != 0)
    return ledger_replay_differs (error, _("category"), _("an income category's code"), fact[1]);
  if (!ledger_fund_parse (fact[3], "fund", &i->fund, NULL) ||
      strcmp (fact[3], ledger_fund_to_string (i->fund)) != 0)
    return ledger_replay_differs (error, _("fund"), _("a fund's code"), fact[3]);
  return ledger_fact_int64 ("income", fact, 4, &i->amount, error);
}

gboolean
ledger_income_rule (LedgerBook          *book,
                    const LedgerLeaf    *leaf,
                    char *const *const  *facts,
                    GError             **error)
{
  const char *const *fact = ledger_draft_find_fact (facts, "income", leaf, error);
  g_auto(Income) i = { 0, LEDGER_INCOME_OTHER, LEDGER_FUND_OPERATING, NULL, NULL, NULL, "" };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;

  if (fact == NULL || !read_fact_codes (fact, &i, error))
    return FALSE;
  i.account = g_strdup (fact[2]);
  i.payer = g_strdup (fact[5]);
  i.memo = g_strdup (fact[6]);
  g_strlcpy (i.day, leaf->date, sizeof i.day);
  if (!check_income (book, &i, &refused))
    return ledger_replay_refused (error, leaf, refused);
  return income_draft (book, &i, draft, NULL, error) &&
         ledger_draft_check (draft, leaf, _("an income other than fees"), error);
}

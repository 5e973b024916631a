/* ledger-reconcile.c — recording a statement against a money account
 * (`account reconcile`), its fact and verify's rule
 *
 * One function decides a reconcile entry (reconcile_draft()), for the
 * writer and for the replay. The entry moves no money: a statement is
 * evidence about the book, not a reason to change it. Whether the book
 * agrees with it is computed when asked (reports/ledger-reconciliation.c),
 * so that an entry made later but dated before the statement (the deposit
 * the treasurer forgot) settles the difference without a word more.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-error-private.h"
#include "ledger-limits.h"
#include "ledger-money.h"
#include "ledger-money-private.h"
#include "ledger-period.h"
#include "ledger-reconcile-private.h"
#include "ledger-replay-rules-private.h"
#include "ledger-text.h"

/* A statement as its writer and its rule see it. */
typedef struct
{
  char   *account;   /* a money account's code */
  gint64  statement; /* fen */
  char   *memo;      /* "" when none */
} Statement;

static void
statement_clear (Statement *s)
{
  g_free (s->account);
  g_free (s->memo);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statement, statement_clear)

/* What the writer refuses, and verify's replay with it. A statement may
 * show nothing (an emptied WeChat wallet), never less: no money account
 * may hold less than nothing. It is a balance, not an amount moved, so
 * its ceiling is that of a total (a compound's bank account may well
 * hold more than one entry may move). */
static gboolean
check_statement (LedgerBook       *book,
                 const Statement  *s,
                 GError          **error)
{
  if (s->statement < 0 || s->statement > LEDGER_TOTAL_MAX)
    {
      g_autofree char *shown = ledger_money_format (s->statement);
      g_autofree char *limit = ledger_money_format (LEDGER_TOTAL_MAX);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("amount %s: a statement's balance must be from zero to %s"), shown, limit);
      ledger_error_set_field (error, LEDGER_FIELD_AMOUNT);
      return FALSE;
    }
  return ledger_text_check (s->memo, "--memo", LEDGER_RECONCILE_MEMO_MAX_CHARS, FALSE, error) &&
         ledger_money_account_require (book, s->account, "ACCOUNT", error);
}

/* The entry of @s: its fact, its ref (the account) and its memo. */
static void
reconcile_draft (const Statement *s,
                 LedgerDraft     *draft)
{
  char amount_text[24];
  const char *fields[] = { s->account, ledger_fact_int_text (amount_text, s->statement), s->memo };

  ledger_draft_set_ref_memo (draft, s->account, s->memo);
  ledger_draft_add_factv (draft, &ledger_fact_reconcile, fields);
}

/* "reconcile|ACCOUNT|STATEMENT|MEMO" */
static gboolean
apply_reconcile (LedgerBook         *book,
                 gint64              txn_id,
                 const char         *date G_GNUC_UNUSED,
                 const char *const  *fields,
                 GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 statement;

  if (!ledger_draft_require_kind (book, txn_id, "reconcile", (const char *const[]) { "reconcile", NULL }, error) ||
      !ledger_fact_int64 ("reconcile", fields, 1, &statement, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO reconciliations (txn_id, account, statement, memo) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  sqlite3_bind_int64 (stmt, 3, statement);
  ledger_bind_text (stmt, 4, fields[2]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_reconcile = { "reconcile", 3, apply_reconcile };

gboolean
ledger_account_reconcile_in_write (LedgerBook  *book,
                                   const char  *account,
                                   gint64       statement,
                                   const char  *date,
                                   const char  *memo,
                                   GError     **error)
{
  g_auto(Statement) s = { NULL, statement, g_strdup (memo != NULL ? memo : "") };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;
  char day[11];

  if ((s.account = ledger_money_account_parse (account, "ACCOUNT", error)) == NULL)
    return FALSE;
  if (date == NULL)
    ledger_book_today (book, day);
  else if (!ledger_date_parse (date, "--date", day, error) ||
           !ledger_check_entry_date (book, day, "--date", error))
    return FALSE;
  if (!check_statement (book, &s, error))
    return FALSE;
  reconcile_draft (&s, draft);
  posting = ledger_posting_new ("reconcile", day);
  ledger_draft_post (draft, posting);
  return ledger_posting_commit (posting, book, NULL, error);
}

typedef struct
{
  const char *account;
  gint64      statement;
  const char *date;
  const char *memo;
} ReconcileRequest;

static gboolean
reconcile_cb (LedgerBook *book,
              gpointer    user_data,
              GError    **error)
{
  ReconcileRequest *r = user_data;

  return ledger_account_reconcile_in_write (book, r->account, r->statement, r->date, r->memo, error);
}

gboolean
ledger_account_reconcile (LedgerBook  *book,
                          const char  *account,
                          gint64       statement,
                          const char  *date,
                          const char  *memo,
                          GError     **error)
{
  ReconcileRequest r = { account, statement, date, memo };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, reconcile_cb, &r, error);
}

gboolean
ledger_reconcile_rule (LedgerBook          *book,
                       const LedgerLeaf    *leaf,
                       char *const *const  *facts,
                       GError             **error)
{
  const char *const *fact = ledger_draft_find_fact (facts, "reconcile", leaf, error);
  g_auto(Statement) s = { NULL, 0, NULL };
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(GError) refused = NULL;

  if (fact == NULL || !ledger_fact_int64 ("reconcile", fact, 1, &s.statement, error))
    return FALSE;
  s.account = g_strdup (fact[0]);
  s.memo = g_strdup (fact[2]);
  if (!check_statement (book, &s, &refused))
    return ledger_replay_refused (error, leaf, refused);
  reconcile_draft (&s, draft);
  return ledger_draft_check (draft, leaf, _("reconciling an account"), error);
}

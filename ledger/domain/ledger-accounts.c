/* ledger-accounts.c — the accounts a book adds: named bank accounts, advances, opening balances
 *
 * An account is added by a journal entry of its own (kind "account", one
 * `account` fact, applied by ledger-snapshot.c's apply_account()), so
 * that the chart of accounts, like every table, is rebuilt by verify. The
 * code says everything else: its name and kind are decided here, once,
 * for the writer and for the replay.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-error-private.h"
#include "ledger-income-category.h"
#include "ledger-journal-private.h"
#include "ledger-replay-rules-private.h"
#include "ledger-snapshot-private.h"
#include "ledger-text.h"

gboolean
ledger_account_exists (LedgerBook  *book,
                       const char  *code,
                       gboolean    *out_exists,
                       GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT count (*) FROM accounts WHERE code = ?1", error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, code);
  if (!ledger_book_query_int64 (book, stmt, 0, &n, error))
    return FALSE;
  *out_exists = n > 0;
  return TRUE;
}

gboolean
ledger_money_account_require (LedgerBook  *book,
                              const char  *code,
                              const char  *field,
                              GError     **error)
{
  gboolean exists = FALSE;

  if (!ledger_account_is_money (code))
    return ledger_text_set_invalid_input (error, field, code,
                                          _("expected cash, bank, bank:NAME, wechat or alipay"));
  if (!ledger_account_exists (book, code, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("%s: the book has no account “%s” (add a bank account with: account add %s)"),
                   field, code, code);
      ledger_error_set_field (error, field);
      return FALSE;
    }
  return TRUE;
}

/* The name and kind of an account this program adds, from its code; FALSE
 * for any other code. Names are in the source language, as the book
 * stores every account's name (the screens translate them). */
static gboolean
added_account (const char  *code,
               char       **out_name,
               const char **out_kind)
{
  LedgerIncomeCategory category;

  if (g_str_has_prefix (code, "bank:") && ledger_account_is_money (code) &&
      ledger_account_name_check (code + strlen ("bank:"), "bank", NULL))
    {
      *out_name = g_strdup (code + strlen ("bank:"));
      *out_kind = "asset";
      return TRUE;
    }
  if (ledger_account_is_advance (code) && ledger_account_name_check (code + strlen ("advance:"), "member", NULL))
    {
      *out_name = g_strdup_printf ("Advance to %s", code + strlen ("advance:"));
      *out_kind = "asset";
      return TRUE;
    }
  if (strcmp (code, LEDGER_ACCOUNT_OPENING) == 0)
    {
      *out_name = g_strdup (N_("Opening balances"));
      *out_kind = "equity";
      return TRUE;
    }
  if (strcmp (code, LEDGER_ACCOUNT_BANK_CHARGES) == 0)
    {
      *out_name = g_strdup (N_("Bank charges"));
      *out_kind = "expense";
      return TRUE;
    }
  if (g_str_has_prefix (code, "other-income:") &&
      ledger_income_category_parse (code + strlen ("other-income:"), "category", &category, NULL) &&
      strcmp (code, ledger_income_category_account (category)) == 0)
    {
      static const char *const names[LEDGER_INCOME_CATEGORY_COUNT] = {
        N_("Interest"), N_("Rent"), N_("Advertising"), N_("Donations"), N_("Other income"),
      };

      *out_name = g_strdup (names[category]);
      *out_kind = "income";
      return TRUE;
    }
  return FALSE;
}

static gboolean
post_account (LedgerBook  *book,
              const char  *code,
              const char  *date,
              GError     **error)
{
  g_autoptr(LedgerPosting) posting = ledger_posting_new ("account", date);
  g_autofree char *name = NULL;
  const char *kind = NULL;

  if (!added_account (code, &name, &kind))
    g_return_val_if_reached (FALSE);
  ledger_posting_set_ref (posting, code);
  ledger_posting_set_memo (posting, name);
  ledger_posting_add_fact (posting, &ledger_fact_account, code, name, kind);
  return ledger_posting_commit (posting, book, NULL, error);
}

gboolean
ledger_account_ensure_in_write (LedgerBook  *book,
                                const char  *code,
                                const char  *date,
                                GError     **error)
{
  gboolean exists = FALSE;

  if (!ledger_account_exists (book, code, &exists, error))
    return FALSE;
  return exists || post_account (book, code, date, error);
}

gboolean
ledger_bank_account_add_in_write (LedgerBook  *book,
                                  const char  *code,
                                  const char  *date,
                                  GError     **error)
{
  gboolean exists = FALSE;

  if (!g_str_has_prefix (code, "bank:") || !ledger_account_is_money (code))
    return ledger_text_set_invalid_input (error, "ACCOUNT", code, _("expected bank:NAME"));
  if (!ledger_account_exists (book, code, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT, _("the book already has the account “%s”"), code);
      return FALSE;
    }
  return post_account (book, code, date, error);
}

gboolean
ledger_account_rule (LedgerBook          *book,
                     const LedgerLeaf    *leaf,
                     char *const *const  *facts,
                     GError             **error)
{
  const char *code = facts[0][1];
  g_autofree char *name = NULL;
  const char *kind = NULL;
  gboolean exists = FALSE;

  if (!added_account (code, &name, &kind))
    return ledger_replay_differs (error, _("account"), _("an account this program adds"), code);
  if (!ledger_account_exists (book, code, &exists, error))
    return FALSE;
  if (exists)
    return ledger_replay_differs (error, _("account"), _("an account the book does not have yet"), code);
  if (strcmp (facts[0][2], name) != 0)
    return ledger_replay_differs (error, _("name"), name, facts[0][2]);
  if (strcmp (facts[0][3], kind) != 0)
    return ledger_replay_differs (error, _("kind"), kind, facts[0][3]);
  if (strcmp (leaf->ref, code) != 0)
    return ledger_replay_differs (error, "ref", code, leaf->ref);
  if (strcmp (leaf->memo, name) != 0)
    return ledger_replay_differs (error, "memo", name, leaf->memo);
  return TRUE;
}

/* ledger-advance.c — money advanced to a committee member (备用金): given, returned, listed
 *
 * An advance is an entry of kind "advance" with one `advance` fact. The
 * writer and verify's rule build it with one function, advance_draft():
 * its voucher number (付 for money handed over, 收 for money handed back),
 * its splits and its fact, so that a forged amount, voucher or account is
 * named by verify. What a member spends of the advance is an expenditure
 * paid from advance:MEMBER (ledger-expenditure.c); the journal keeps every
 * advance account, like every money account, from going below zero.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-advance-private.h"
#include "ledger-book-private.h"
#include "ledger-error-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-journal-private.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-privacy.h"
#include "ledger-replay-rules-private.h"
#include "ledger-settings.h"
#include "ledger-text.h"
#include "ledger-voucher-private.h"

#define MEMO_MAX_CHARS 200

typedef enum
{
  ADVANCE_GIVE,
  ADVANCE_RETURN,
} AdvanceKind;

static const char *const kind_names[] = { "give", "return" };

void
ledger_advance_summary_free (LedgerAdvanceSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->member);
  g_free (summary);
}

/* ------------------------------------------------------------------ */
/* The member */

/* The register's spelling of member @name (names compared as `member
 * add` compares them): for money handed over, a member on @day (their
 * period [since, retired) holds it); for money handed back (@day NULL),
 * anyone who ever was one — a member who retired still returns what they
 * hold. LEDGER_ERROR_INVALID_INPUT naming MEMBER otherwise. */
static char *
find_member (LedgerBook  *book,
             const char  *name,
             const char  *day,
             GError     **error)
{
  g_autoptr(GPtrArray) members = ledger_members_list (book, TRUE, error);
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;

  if (members == NULL)
    return NULL;
  if (!ledger_text_check (name, "MEMBER", LEDGER_MEMBER_NAME_MAX_CHARS, TRUE, error))
    return NULL;
  key = ledger_privacy_name_key (name);
  for (guint i = 0; i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);
      g_autofree char *member_key = ledger_privacy_name_key (m->name);

      if (strcmp (key, member_key) != 0)
        continue;
      if (day == NULL ||
          (strcmp (day, m->since) >= 0 && (m->retired[0] == '\0' || strcmp (day, m->retired) < 0)))
        return g_strdup (m->name);
    }
  reason = day != NULL ? g_strdup_printf (_("not a member of the committee on %s (see `member list`)"), day)
                       : g_strdup (_("not a member of the committee (see `member list`)"));
  ledger_text_set_invalid_input (error, "MEMBER", name, reason);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The fact */

/* "advance|VOUCHER|MEMBER|KIND|ACCOUNT|AMOUNT|MEMO", dated the entry's date. */
static gboolean
apply_advance (LedgerBook         *book,
               gint64              txn_id,
               const char         *date G_GNUC_UNUSED,
               const char *const  *fields,
               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 amount;

  if (!ledger_draft_require_kind (book, txn_id, "advance", (const char *const[]) { "advance", NULL }, error) ||
      !ledger_fact_int64 ("advance", fields, 4, &amount, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO advances (txn_id, voucher, member, kind, account, amount, memo)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
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
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_advance = { "advance", 6, apply_advance };

/* ------------------------------------------------------------------ */
/* The entry */

/* The entry's memo, as the journal and every report show it: the member,
 * and what the advance is for when the treasurer said. */
static char *
advance_entry_memo (const char *member,
                    const char *memo)
{
  return memo[0] != '\0' ? g_strdup_printf ("%s: %s", member, memo) : g_strdup (member);
}

/* The "advance" entry of @kind: @amount between @member's advance
 * account and money account @account on @day, with the next voucher
 * number of its letter and year. The rule of "advance" entries: the
 * writer posts the draft, verify's replay compares it with the entry. */
static gboolean
advance_draft (LedgerBook   *book,
               AdvanceKind   kind,
               const char   *member,
               const char   *account,
               gint64        amount,
               const char   *memo,
               const char   *day,
               LedgerDraft  *draft,
               char        **out_voucher,
               GError      **error)
{
  g_autofree char *code = ledger_account_advance_code (member);
  g_autofree char *voucher = NULL;
  g_autofree char *entry_memo = NULL;
  char amount_text[24];

  voucher = ledger_voucher_next (book, kind == ADVANCE_GIVE ? LEDGER_VOUCHER_PAID : LEDGER_VOUCHER_RECEIVED,
                                 ledger_date_year (day), error);
  if (voucher == NULL)
    return FALSE;
  entry_memo = advance_entry_memo (member, memo);
  ledger_draft_set_ref_memo (draft, voucher, entry_memo);
  /* The debit first: the money's new place, then where it came from. */
  if (kind == ADVANCE_GIVE)
    {
      ledger_draft_add_split (draft, code, 0, NULL, amount);
      ledger_draft_add_split (draft, account, 0, NULL, -amount);
    }
  else
    {
      ledger_draft_add_split (draft, account, 0, NULL, amount);
      ledger_draft_add_split (draft, code, 0, NULL, -amount);
    }
  {
    const char *fields[] = { voucher, member, kind_names[kind], account,
                             ledger_fact_int_text (amount_text, amount), memo };

    ledger_draft_add_factv (draft, &ledger_fact_advance, fields);
  }
  *out_voucher = g_steal_pointer (&voucher);
  return TRUE;
}

gboolean
ledger_advance_check_open (LedgerBook  *book,
                           const char  *code,
                           gint64       amount,
                           const char  *date,
                           const char  *field,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  const char *member = code + strlen ("advance:");
  gboolean exists = FALSE;
  gint64 balance = 0, lowest = G_MAXINT64;
  char low_day[11];
  int rc;

  g_return_val_if_fail (ledger_account_is_advance (code), FALSE);

  if (!ledger_account_exists (book, code, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("%s: %s was never given an advance (see `advance list`)"), field, member);
      ledger_error_set_field (error, field);
      return FALSE;
    }
  /* The advance at the end of @date, then at the end of each later day
   * that moved it (account_days: one row per account and day). */
  stmt = ledger_book_prepare (book,
                              "SELECT max (date, ?2), sum (amount) FROM account_days WHERE account = ?1"
                              " GROUP BY max (date, ?2) ORDER BY max (date, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, code);
  ledger_bind_text (stmt, 2, date);
  g_strlcpy (low_day, date, sizeof low_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);

      if (lowest == G_MAXINT64 && strcmp (day, date) > 0)
        lowest = 0; /* nothing was open at the end of @date */
      balance += sqlite3_column_int64 (stmt, 1);
      if (balance < lowest)
        {
          lowest = balance;
          g_strlcpy (low_day, day, sizeof low_day);
        }
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the advances"), error))
    return FALSE;
  if (lowest == G_MAXINT64)
    lowest = 0;
  if (amount > lowest)
    {
      g_autofree char *open = ledger_money_format (lowest);
      g_autofree char *shown = ledger_money_format (amount);
      g_autofree char *short_by = ledger_money_format (amount - lowest);

      /* Translators: the field, the amount, the member, the day, the open advance, the shortfall */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("%s %s: more than %s's open advance on %s (%s), %s short"),
                   field, shown, member, low_day, open, short_by);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Writing */

typedef struct
{
  AdvanceKind  kind;
  const char  *member;
  gint64       amount;
  const char  *account;
  const char  *date;
  const char  *memo;
  char        *voucher;
} AdvanceRequest;

/* The request's day (today when it names none), money account and
 * member (as the register spells the name), checked as the writer
 * checks them before anything is written. */
static gboolean
check_request (LedgerBook      *book,
               AdvanceRequest  *r,
               char             day[11],
               char           **out_account,
               char           **out_member,
               GError         **error)
{
  const char *field = r->kind == ADVANCE_GIVE ? "--from" : "--to";
  g_autofree char *account = NULL;
  g_autofree char *member = NULL;

  if (r->amount <= 0 || r->amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), r->amount);
  if (r->date == NULL)
    ledger_book_today (book, day);
  else if (!ledger_date_parse (r->date, "--date", day, error))
    return FALSE;
  if (!ledger_check_entry_date (book, day, "--date", error) ||
      !ledger_text_check (r->memo, "--memo", MEMO_MAX_CHARS, FALSE, error))
    return FALSE;
  if ((account = ledger_money_account_parse (r->account, field, error)) == NULL ||
      !ledger_money_account_require (book, account, field, error))
    return FALSE;
  if ((member = find_member (book, r->member, r->kind == ADVANCE_GIVE ? day : NULL, error)) == NULL ||
      !ledger_account_name_check (member, "MEMBER", error))
    return FALSE;
  if (r->kind == ADVANCE_RETURN)
    {
      g_autofree char *code = ledger_account_advance_code (member);

      if (!ledger_advance_check_open (book, code, r->amount, day, _("amount"), error))
        return FALSE;
    }
  *out_account = g_steal_pointer (&account);
  *out_member = g_steal_pointer (&member);
  return TRUE;
}

static gboolean
advance_cb (LedgerBook *book,
            gpointer    user_data,
            GError    **error)
{
  AdvanceRequest *r = user_data;
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *account = NULL;
  g_autofree char *member = NULL;
  g_autofree char *code = NULL;
  const char *typed_memo = r->kind == ADVANCE_GIVE && r->memo != NULL ? r->memo : "";
  char day[11];

  if (!check_request (book, r, day, &account, &member, error))
    return FALSE;
  code = ledger_account_advance_code (member);
  if ((r->kind == ADVANCE_GIVE && !ledger_account_ensure_in_write (book, code, day, error)) ||
      !advance_draft (book, r->kind, member, account, r->amount, typed_memo, day, draft, &r->voucher, error))
    return FALSE;
  posting = ledger_posting_new ("advance", day);
  ledger_draft_post (draft, posting);
  return ledger_posting_commit (posting, book, NULL, error);
}

static gboolean
advance_write (LedgerBook      *book,
               AdvanceRequest  *r,
               char           **out_voucher,
               GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  ok = ledger_book_write (book, advance_cb, r, error);
  if (ok && out_voucher != NULL)
    *out_voucher = g_steal_pointer (&r->voucher);
  g_free (r->voucher);
  return ok;
}

gboolean
ledger_advance_give (LedgerBook   *book,
                     const char   *member,
                     gint64        amount,
                     const char   *account,
                     const char   *date,
                     const char   *memo,
                     char        **out_voucher,
                     GError      **error)
{
  AdvanceRequest r = { ADVANCE_GIVE, member, amount, account, date, memo != NULL ? memo : "", NULL };

  return advance_write (book, &r, out_voucher, error);
}

gboolean
ledger_advance_return (LedgerBook   *book,
                       const char   *member,
                       gint64        amount,
                       const char   *account,
                       const char   *date,
                       char        **out_voucher,
                       GError      **error)
{
  AdvanceRequest r = { ADVANCE_RETURN, member, amount, account, date, "", NULL };

  return advance_write (book, &r, out_voucher, error);
}

gboolean
ledger_advance_in_write (LedgerBook  *book,
                         gboolean     give,
                         const char  *member,
                         gint64       amount,
                         const char  *account,
                         const char  *date,
                         const char  *memo,
                         GError     **error)
{
  AdvanceRequest r = { give ? ADVANCE_GIVE : ADVANCE_RETURN, member, amount, account, date,
                       give && memo != NULL ? memo : "", NULL };
  gboolean ok;

  g_return_val_if_fail (ledger_book_in_write (book), FALSE);

  ok = advance_cb (book, &r, error);
  g_free (r.voucher);
  return ok;
}

/* ------------------------------------------------------------------ */
/* verify's rule */

static gboolean
set_rule_refuses (GError      **error,
                  const GError *refused)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the rule of advances refuses the entry: %s"), refused->message);
  return FALSE;
}

/* The fact's kind, amount, account and member as the writer would have
 * taken them, on the replayed book. */
static gboolean
check_fact (LedgerBook         *book,
            const LedgerLeaf   *leaf,
            const char *const  *fact,
            AdvanceKind        *out_kind,
            gint64             *out_amount,
            GError            **error)
{
  g_autoptr(GError) refused = NULL;
  g_autofree char *member = NULL;
  g_autofree char *account = NULL;
  char day[11];
  AdvanceRequest r = { ADVANCE_GIVE, fact[1], 0, fact[3], leaf->date, fact[5], NULL };

  if (strcmp (fact[2], "give") == 0)
    r.kind = ADVANCE_GIVE;
  else if (strcmp (fact[2], "return") == 0)
    r.kind = ADVANCE_RETURN;
  else
    return ledger_replay_differs (error, _("kind"), "give|return", fact[2]);
  if (!ledger_fact_int64 ("advance", fact, 4, &r.amount, error))
    return FALSE;
  if (!check_request (book, &r, day, &account, &member, &refused))
    return set_rule_refuses (error, refused);
  if (strcmp (member, fact[1]) != 0)
    return ledger_replay_differs (error, "member", member, fact[1]);
  if (strcmp (account, fact[3]) != 0)
    return ledger_replay_differs (error, "account", account, fact[3]);
  if (r.kind == ADVANCE_RETURN && fact[5][0] != '\0')
    return ledger_replay_differs (error, "memo", "", fact[5]);
  *out_kind = r.kind;
  *out_amount = r.amount;
  return TRUE;
}

gboolean
ledger_advance_rule (LedgerBook          *book,
                     const LedgerLeaf    *leaf,
                     char *const *const  *facts,
                     GError             **error)
{
  const char *const *fact = ledger_draft_find_fact (facts, "advance", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autofree char *voucher = NULL;
  AdvanceKind kind = ADVANCE_GIVE;
  gint64 amount = 0;

  if (fact == NULL || !check_fact (book, leaf, fact, &kind, &amount, error))
    return FALSE;
  return advance_draft (book, kind, fact[1], fact[3], amount, fact[5], leaf->date, draft, &voucher, error) &&
         ledger_draft_check (draft, leaf, _("the rule of advances (voucher, splits, ref, memo)"), error);
}

/* ------------------------------------------------------------------ */
/* Listing */

GPtrArray *
ledger_advance_list (LedgerBook  *book,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_advance_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  /* What was spent of an advance: the expenditures paid from it. */
  stmt = ledger_book_prepare (book,
                              "SELECT a.member,"
                              " sum (CASE a.kind WHEN 'give' THEN a.amount ELSE 0 END),"
                              " sum (CASE a.kind WHEN 'return' THEN a.amount ELSE 0 END),"
                              " (SELECT coalesce (sum (e.amount), 0) FROM expenditures e"
                              "  JOIN expenditure_sources s ON s.txn_id = e.txn_id"
                              "  WHERE s.account = 'advance:' || a.member)"
                              " FROM advances a GROUP BY a.member ORDER BY min (a.txn_id)",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerAdvanceSummary *s = g_new0 (LedgerAdvanceSummary, 1);

      s->member = ledger_column_dup (stmt, 0);
      s->given = sqlite3_column_int64 (stmt, 1);
      s->returned = sqlite3_column_int64 (stmt, 2);
      s->spent = sqlite3_column_int64 (stmt, 3);
      s->open = s->given - s->spent - s->returned;
      g_ptr_array_add (list, s);
    }
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading the advances"), error))
    return NULL;
  return g_steal_pointer (&list);
}

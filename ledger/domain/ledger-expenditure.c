/* ledger-expenditure.c — expenditures and their attachments */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <gio/gio.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-accounts-private.h"
#include "ledger-advance-private.h"
#include "ledger-attachment-private.h"
#include "ledger-expenditure-approval.h"
#include "ledger-attachment.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-expenditure-private.h"
#include "ledger-category-private.h"
#include "ledger-expenditure.h"
#include "ledger-draft-private.h"
#include "ledger-journal-private.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-privacy.h"
#include "ledger-replay-rules-private.h"
#include "ledger-settings.h"
#include "ledger-text.h"
#include "ledger-vote.h"

#define TEXT_MAX_CHARS 200

/* The categories are values/ledger-category.c's table. */
const char * const *
ledger_expenditure_categories (void)
{
  static const char **codes;

  if (g_once_init_enter (&codes))
    {
      const char **list = g_new0 (const char *, ledger_category_count () + 1);

      for (guint i = 0; i < ledger_category_count (); i++)
        list[i] = ledger_category_code (i);
      g_once_init_leave (&codes, list);
    }
  return codes;
}

const char *
ledger_expenditure_category_chinese (const char *category)
{
  for (guint i = 0; i < ledger_category_count (); i++)
    if (g_strcmp0 (category, ledger_category_code (i)) == 0)
      return ledger_category_chinese (i);
  return category;
}

/* A code, "expense:CODE" or the Chinese name into @out_category, the
 * code; anything else is LEDGER_ERROR_INVALID_INPUT naming @field. */
static gboolean
ledger_expenditure_category_parse (const char  *text,
                                   const char  *field,
                                   char       **out_category,
                                   GError     **error)
{
  const char *code = text;

  if (code != NULL && g_str_has_prefix (code, "expense:"))
    code += strlen ("expense:");
  for (guint i = 0; code != NULL && i < ledger_category_count (); i++)
    if (strcmp (code, ledger_category_code (i)) == 0 ||
        strcmp (code, ledger_category_chinese (i)) == 0)
      {
        *out_category = g_strdup (ledger_category_code (i));
        return TRUE;
      }
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected one of repair, cleaning, lighting, greening, security, utilities, office, other"));
}

LedgerExpenditure *
ledger_expenditure_new (void)
{
  LedgerExpenditure *e = g_new0 (LedgerExpenditure, 1);

  e->payee = g_strdup ("");
  e->category = g_strdup ("other");
  e->memo = g_strdup ("");
  e->invoice = g_strdup ("");
  e->approvers = g_strdup ("");
  e->source = g_strdup ("");
  e->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_attachment_free);
  return e;
}

void
ledger_expenditure_free (LedgerExpenditure *e)
{
  if (e == NULL)
    return;
  g_free (e->payee);
  g_free (e->category);
  g_free (e->memo);
  g_free (e->invoice);
  g_free (e->approvers);
  g_free (e->source);
  g_ptr_array_unref (e->attachments);
  g_free (e);
}

/* ------------------------------------------------------------------ */
/* Where the money came from */

char *
ledger_expenditure_source_parse (const char  *text,
                                 const char  *field,
                                 GError     **error)
{
  static const char *const advance_prefixes[] = { "advance:", "备用金:", "备用金：" };

  for (gsize i = 0; text != NULL && i < G_N_ELEMENTS (advance_prefixes); i++)
    if (g_str_has_prefix (text, advance_prefixes[i]))
      {
        const char *member = text + strlen (advance_prefixes[i]);

        if (!ledger_account_name_check (member, field, error))
          return NULL;
        return ledger_account_advance_code (member);
      }
  return ledger_money_account_parse (text, field, error);
}

LedgerMethod
ledger_expenditure_source_method (const char *code)
{
  LedgerMethod method = LEDGER_METHOD_CASH;

  if (g_str_has_prefix (code, "bank:"))
    return LEDGER_METHOD_BANK;
  if (ledger_account_is_advance (code) || !ledger_method_parse (code, "--from", &method, NULL))
    return LEDGER_METHOD_CASH;
  return method;
}

/* Whether the expenditure is paid from an account its method does not
 * name: a named bank account or a member's advance. */
static gboolean
has_own_source (const LedgerExpenditure *e)
{
  return e->source != NULL && e->source[0] != '\0';
}

/* The account the expenditure's credit split is on. */
static const char *
paying_account (const LedgerExpenditure *e)
{
  return has_own_source (e) ? e->source : ledger_method_to_string (e->method);
}

/* The source as the writer takes it, and again on the replayed book:
 * the book has the bank account; a member's advance holds the amount on
 * the day and every later day (what the journal would refuse anyway,
 * said in the member's words). */
static gboolean
check_source (LedgerBook   *book,
              const char   *source,
              gint64        amount,
              const char   *day,
              GError      **error)
{
  if (ledger_account_is_advance (source))
    return ledger_advance_check_open (book, source, amount, day, "--from", error);
  return ledger_money_account_require (book, source, "--from", error);
}

/* A source that is a method's own account is that method; any other
 * sets the method the expenditure fact records (ledger_expenditure_source_method()). */
static gboolean
normalise_source (LedgerExpenditure  *e,
                  GError            **error)
{
  g_autofree char *code = NULL;

  if (!has_own_source (e))
    return TRUE;
  if ((code = ledger_expenditure_source_parse (e->source, "--from", error)) == NULL)
    return FALSE;
  e->method = ledger_expenditure_source_method (code);
  g_free (e->source);
  e->source = strcmp (code, ledger_method_to_string (e->method)) == 0 ? g_strdup ("") : g_steal_pointer (&code);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Recording */

/* Money the owners approved is spent after they approved it: an
 * expenditure linked to a vote is not dated before the vote closed. */
static gboolean
check_after_vote (LedgerBook  *book,
                  gint64       vote_id,
                  const char  *day,
                  GError     **error)
{
  g_autoptr(LedgerVote) vote = NULL;
  g_autofree char *reason = NULL;

  if (vote_id <= 0)
    return TRUE;
  if ((vote = ledger_vote_lookup (book, vote_id, error)) == NULL)
    return FALSE;
  if (!vote->closed || strcmp (day, vote->closed_on) >= 0)
    return TRUE;
  reason = g_strdup_printf (_("before vote %" PRId64 " closed (%s); the owners approve spending before it happens"),
                            vote_id, vote->closed_on);
  return ledger_text_set_invalid_input (error, "--date", day, reason);
}

/* Why no period of a member matched the expenditure's day. */
typedef enum
{
  APPROVER_UNKNOWN,      /* no member has the name */
  APPROVER_RETIRED,      /* a period of theirs ended on or before the day */
  APPROVER_NOT_YET,      /* their periods all start after the day */
} ApproverMiss;

/* The member named @name (ledger_privacy_name_key(), as `member add`
 * compares names) whose period [since, retired) holds @day, or NULL and
 * why. Membership is a set of periods: a member retired and added again
 * was not a member in between. */
static const LedgerMember *
find_approver (GPtrArray     *members,
               const char    *name,
               const char    *day,
               ApproverMiss  *out_miss,
               const char   **out_since)
{
  g_autofree char *key = ledger_privacy_name_key (name);

  *out_miss = APPROVER_UNKNOWN;
  *out_since = NULL;
  for (guint i = 0; i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);
      g_autofree char *member_key = ledger_privacy_name_key (m->name);

      if (strcmp (key, member_key) != 0)
        continue;
      if (strcmp (day, m->since) < 0)
        {
          if (*out_miss == APPROVER_UNKNOWN)
            {
              *out_miss = APPROVER_NOT_YET;
              *out_since = m->since;
            }
          continue;
        }
      if (m->retired[0] == '\0' || strcmp (day, m->retired) < 0)
        return m;
      *out_miss = APPROVER_RETIRED;
    }
  return NULL;
}

/* Refuses approver @name that find_approver() did not find. */
static gboolean
set_approver_error (GError       **error,
                    const char    *name,
                    ApproverMiss   miss,
                    const char    *since,
                    const char    *day)
{
  g_autofree char *reason = NULL;

  switch (miss)
    {
    case APPROVER_RETIRED:
      return ledger_text_set_invalid_input (error, "--approvers", name,
                                            _("retired from the committee before this expenditure"));
    case APPROVER_NOT_YET:
      /* Translators: the day the member was added, then the expenditure's date */
      reason = g_strdup_printf (_("a committee member only since %s, after this expenditure (%s)"),
                                since, day);
      return ledger_text_set_invalid_input (error, "--approvers", name, reason);
    case APPROVER_UNKNOWN:
    default:
      return ledger_text_set_invalid_input (error, "--approvers", name,
                                            _("not a member of the committee (see `member list`)"));
    }
}

/* When the book has committee members, every approver must be one of
 * them, active on the day of the expenditure, and named once; the names
 * are then stored as the register spells them ("王主任,李委员"). A book
 * without members keeps the names as typed. */
static gboolean
check_approvers (LedgerBook         *book,
                 LedgerExpenditure  *e,
                 const char         *day,
                 GError            **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) canonical = g_string_new (NULL);
  g_autoptr(GHashTable) named = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GString) list = NULL;
  g_auto(GStrv) names = NULL;

  if (e->approvers == NULL || *e->approvers == '\0')
    return TRUE;
  if ((members = ledger_members_list (book, TRUE, error)) == NULL)
    return FALSE;
  if (members->len == 0)
    return TRUE;

  /* Commas of either width and the enumeration comma separate names. */
  list = g_string_new (e->approvers);
  g_string_replace (list, "，", ",", 0);
  g_string_replace (list, "、", ",", 0);
  names = g_strsplit (list->str, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (ledger_text_fold_ascii (names[i]));
      const LedgerMember *m;
      ApproverMiss miss = APPROVER_UNKNOWN;
      const char *since = NULL;

      if (*name == '\0')
        return ledger_text_set_invalid_input (error, "--approvers", e->approvers,
                                              _("an empty name between commas"));
      m = find_approver (members, name, day, &miss, &since);
      if (m == NULL)
        return set_approver_error (error, names[i], miss, since, day);
      if (!g_hash_table_add (named, (gpointer) m))
        return ledger_text_set_invalid_input (error, "--approvers", names[i],
                                              _("named more than once"));
      g_string_append_printf (canonical, "%s%s", canonical->len > 0 ? "," : "", m->name);
    }
  g_free (e->approvers);
  e->approvers = g_string_free (g_steal_pointer (&canonical), FALSE);
  return TRUE;
}

/* The rules an expenditure of @day obeys, when written and again when
 * replayed: the spend limit of its own day or a passed vote of a fitting
 * matter, the maintenance fund holding what is spent from it, not before
 * that vote closed, approvers on the committee that day (their names then
 * as the register spells them). */
static gboolean
check_expenditure_rules (LedgerBook         *book,
                         LedgerExpenditure  *e,
                         const char         *day,
                         GError            **error)
{
  return ledger_check_expenditure_vote_on (book, e->amount, e->vote_id, e->from_maintenance_fund, day, error) &&
         (!e->from_maintenance_fund || ledger_check_maintenance_fund_holds (book, e->amount, day, error)) &&
         check_after_vote (book, e->vote_id, day, error) &&
         check_approvers (book, e, day, error);
}

/* The texts typed for the expenditure, which its entry's ref and memo
 * repeat (expenditure_ref_memo()): when writing and again when replaying. */
static gboolean
check_expenditure_texts (const LedgerExpenditure  *e,
                         GError                  **error)
{
  return ledger_text_check (e->payee, "--payee", TEXT_MAX_CHARS, TRUE, error) &&
         ledger_text_check (e->memo, "--memo", TEXT_MAX_CHARS, FALSE, error) &&
         ledger_text_check (e->invoice, "--invoice", 64, FALSE, error);
}

/* An expenditure entry's ref, the invoice number, and memo, "PAYEE: MEMO"
 * or the payee alone: the same when writing and replaying. */
static void
expenditure_ref_memo (const LedgerExpenditure  *e,
                      char                    **out_ref,
                      char                    **out_memo)
{
  *out_ref = g_strdup (e->invoice);
  *out_memo = *e->memo != '\0' ? g_strdup_printf ("%s: %s", e->payee, e->memo) : g_strdup (e->payee);
}

static gboolean
validate_expenditure (LedgerBook         *book,
                      LedgerExpenditure  *e,
                      GError            **error)
{
  g_autofree char *category = NULL;
  char day[11];

  if (e->amount <= 0 || e->amount > LEDGER_AMOUNT_MAX)
    return ledger_amount_set_out_of_range (error, _("amount"), e->amount);
  if (!check_expenditure_texts (e, error) ||
      !ledger_text_check (e->approvers, "--approvers", TEXT_MAX_CHARS, FALSE, error) ||
      !ledger_expenditure_category_parse (e->category, "--category", &category, error) ||
      !normalise_source (e, error))
    return FALSE;
  if (e->date[0] == '\0')
    ledger_book_today (book, day);
  else if (!ledger_date_parse (e->date, "--date", day, error) ||
           !ledger_check_entry_date (book, day, "--date", error))
    return FALSE;
  /* The spend limit of the expenditure's own day, not today's. */
  if ((has_own_source (e) && !check_source (book, e->source, e->amount, day, error)) ||
      !check_expenditure_rules (book, e, day, error))
    return FALSE;

  g_strlcpy (e->date, day, sizeof e->date);
  g_free (e->category);
  e->category = g_steal_pointer (&category);
  return TRUE;
}

/* "expenditure|AMOUNT|PAYEE|CATEGORY|METHOD|MEMO|INVOICE|APPROVERS|FUND|VOTE":
 * the expenditures row, dated the entry's date; CATEGORY is the code
 * ("repair"), FUND "general" or "maintenance", VOTE empty when none. */
static gboolean
apply_expenditure (LedgerBook         *book,
                   gint64              txn_id,
                   const char         *date,
                   const char *const  *fields,
                   GError            **error)
{
  g_autofree char *account = g_strconcat ("expense:", fields[2], NULL);
  sqlite3_stmt *stmt;
  gint64 amount, vote_id = 0;

  if (!ledger_fact_int64 ("expenditure", fields, 0, &amount, error) ||
      (fields[8][0] != '\0' && !ledger_fact_int64 ("expenditure", fields, 8, &vote_id, error)))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO expenditures (txn_id, date, amount, payee, category, method,"
                              " memo, invoice, approvers, vote_id, fund)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  ledger_bind_text (stmt, 4, fields[1]);
  ledger_bind_text (stmt, 5, account);
  ledger_bind_text (stmt, 6, fields[3]);
  ledger_bind_text (stmt, 7, fields[4]);
  ledger_bind_text (stmt, 8, fields[5]);
  ledger_bind_text (stmt, 9, fields[6]);
  if (vote_id > 0)
    sqlite3_bind_int64 (stmt, 10, vote_id);
  ledger_bind_text (stmt, 11, fields[7]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_expenditure = { "expenditure", 9, apply_expenditure };

/* "source|ACCOUNT" */
static gboolean
apply_source (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;

  if (!ledger_draft_require_kind (book, txn_id, "source", (const char *const[]) { "expenditure", NULL }, error))
    return FALSE;
  stmt = ledger_book_prepare (book, "INSERT INTO expenditure_sources (txn_id, account) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_source = { "source", 1, apply_source };

/* The expenditure's fact, and one per attachment: they belong to the
 * expenditure the same entry records, whose number is the next one. */
static gboolean
add_expenditure_facts (LedgerBook         *book,
                       LedgerPosting      *posting,
                       LedgerExpenditure  *e,
                       GError            **error)
{
  char amount[24], vote[24];
  gint64 next_id = 0;

  ledger_posting_add_fact (posting, &ledger_fact_expenditure, ledger_fact_int_text (amount, e->amount),
                           e->payee, e->category, ledger_method_to_string (e->method), e->memo,
                           e->invoice, e->approvers, e->from_maintenance_fund ? "maintenance" : "general",
                           e->vote_id > 0 ? ledger_fact_int_text (vote, e->vote_id) : "");
  if (has_own_source (e))
    ledger_posting_add_fact (posting, &ledger_fact_source, e->source);
  if (e->attachments->len == 0)
    return TRUE;
  if (!ledger_attachment_next_owner_id (book, "expenditure", &next_id, error))
    return FALSE;
  for (guint i = 0; i < e->attachments->len; i++)
    ledger_attachment_add_fact (posting, g_ptr_array_index (e->attachments, i), "expenditure", next_id);
  return TRUE;
}

gboolean
ledger_expenditure_record_in_write (LedgerBook         *book,
                                    LedgerExpenditure  *e,
                                    GError            **error)
{
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *account = NULL;
  g_autofree char *ref = NULL, *memo = NULL;
  sqlite3_stmt *stmt;

  if (!validate_expenditure (book, e, error))
    return FALSE;

  account = g_strconcat ("expense:", e->category, NULL);
  expenditure_ref_memo (e, &ref, &memo);
  posting = ledger_posting_new ("expenditure", e->date);
  ledger_posting_set_ref (posting, ref);
  ledger_posting_set_memo (posting, memo);
  ledger_posting_add (posting, account, 0, e->amount);
  ledger_posting_add (posting, paying_account (e), 0, -e->amount);
  if (!add_expenditure_facts (book, posting, e, error) ||
      !ledger_posting_commit (posting, book, &e->txn_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book, "SELECT id FROM expenditures WHERE txn_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->txn_id);
  return ledger_book_query_int64 (book, stmt, 0, &e->id, error);
}

/* The splits move the fact's amount from the account that paid (its
 * source, else its method) to its category. */
static gboolean
check_expenditure_splits (const LedgerLeaf   *leaf,
                          const char *const  *fields,
                          const char         *paid_from,
                          gint64              amount,
                          GError            **error)
{
  g_autofree char *account = g_strconcat ("expense:", fields[2], NULL);

  if (leaf->n_splits == 2 &&
      strcmp (leaf->splits[0].account, account) == 0 && leaf->splits[0].amount == amount &&
      strcmp (leaf->splits[1].account, paid_from) == 0 && leaf->splits[1].amount == -amount &&
      leaf->splits[0].unit[0] == '\0' && leaf->splits[1].unit[0] == '\0')
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the splits do not move the expenditure's amount from its method to its category"));
  return FALSE;
}

/* The entry's source fact, if any, decided again: the one fact after the
 * expenditure's, naming an account that is not a method's own (the writer
 * records that as the method), whose method is the one the expenditure
 * fact records, and which the writer would take on the replayed book. */
static gboolean
replay_source (LedgerBook          *book,
               const LedgerLeaf    *leaf,
               char *const *const  *facts,
               const char *const   *fields,
               gint64               amount,
               LedgerExpenditure   *e,
               GError             **error)
{
  g_autoptr(GError) refused = NULL;
  g_autofree char *code = NULL;
  guint n = 0;

  for (guint i = 0; facts[i] != NULL; i++)
    if (strcmp (facts[i][0], "source") == 0 && (n++ > 0 || i != 1))
      {
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                     _("an expenditure's “source” fact is one, right after the expenditure's"));
        return FALSE;
      }
  if (n == 0)
    return TRUE;
  g_free (e->source);
  e->source = g_strdup (facts[1][1]);
  code = ledger_expenditure_source_parse (e->source, "source", NULL);
  if (code == NULL || strcmp (code, e->source) != 0 ||
      strcmp (code, ledger_method_to_string (ledger_expenditure_source_method (code))) == 0)
    return ledger_replay_differs (error, "source", _("a named bank account or a member's advance"), e->source);
  if (strcmp (fields[3], ledger_method_to_string (ledger_expenditure_source_method (code))) != 0)
    return ledger_replay_differs (error, "method", ledger_method_to_string (ledger_expenditure_source_method (code)),
                                  fields[3]);
  if (!check_source (book, code, amount, leaf->date, &refused))
    return ledger_replay_refused (error, leaf, refused);
  return TRUE;
}

/* The fact's expenditure through its writer's rules, into @e; then the
 * entry's ref and memo as the writer composes them from it. */
static gboolean
replay_rules (LedgerBook          *book,
              const LedgerLeaf    *leaf,
              char *const *const  *facts,
              const char *const   *fields,
              LedgerExpenditure   *e,
              GError             **error)
{
  g_autoptr(GError) refused = NULL;
  g_autofree char *ref = NULL, *memo = NULL;

  if (!ledger_fact_int64 ("expenditure", fields, 0, &e->amount, error) ||
      (fields[8][0] != '\0' && !ledger_fact_int64 ("expenditure", fields, 8, &e->vote_id, error)) ||
      !replay_source (book, leaf, facts, fields, e->amount, e, error) ||
      !check_expenditure_splits (leaf, fields, has_own_source (e) ? e->source : fields[3], e->amount, error))
    return FALSE;
  e->from_maintenance_fund = strcmp (fields[7], "maintenance") == 0;
  g_free (e->approvers);
  e->approvers = g_strdup (fields[6]);
  if (!check_expenditure_rules (book, e, leaf->date, &refused))
    return ledger_replay_refused (error, leaf, refused);
  if (strcmp (e->approvers, fields[6]) != 0)
    return ledger_replay_differs (error, "approvers", e->approvers, fields[6]);
  g_free (e->payee);
  e->payee = g_strdup (fields[1]);
  g_free (e->memo);
  e->memo = g_strdup (fields[4]);
  g_free (e->invoice);
  e->invoice = g_strdup (fields[5]);
  if (!check_expenditure_texts (e, &refused))
    return ledger_replay_refused (error, leaf, refused);
  expenditure_ref_memo (e, &ref, &memo);
  return ledger_replay_check_ref_memo (leaf, ref, memo, error);
}

gboolean
ledger_expenditure_replay (LedgerBook          *book,
                           const LedgerLeaf    *leaf,
                           char *const *const  *facts,
                           GError             **error)
{
  static const char *const others[] = { "source", "attachment", NULL };
  char *const *fact = ledger_replay_only_fact (leaf, facts, "expenditure", others, error);
  LedgerExpenditure *e;
  gboolean ok;

  if (fact == NULL)
    return FALSE;
  e = ledger_expenditure_new ();
  ok = replay_rules (book, leaf, facts, (const char *const *) fact + 1, e, error);
  ledger_expenditure_free (e);
  return ok;
}

static gboolean
record_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  return ledger_expenditure_record_in_write (book, user_data, error);
}

gboolean
ledger_expenditure_record (LedgerBook          *book,
                           LedgerExpenditure   *expenditure,
                           const char * const  *attach_paths,
                           GError             **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (expenditure != NULL, FALSE);

  /* Validate before copying files, so bad input leaves no trace at all. */
  if (!validate_expenditure (book, expenditure, error))
    return FALSE;

  for (gsize i = 0; attach_paths != NULL && attach_paths[i] != NULL; i++)
    {
      LedgerAttachment *attachment = ledger_attachment_store (book, attach_paths[i], "--attach", error);

      if (attachment == NULL)
        return FALSE;
      g_ptr_array_add (expenditure->attachments, attachment);
    }
  return ledger_book_write (book, record_cb, expenditure, error);
}

/* ------------------------------------------------------------------ */
/* Listing */

static LedgerExpenditure *
expenditure_from_row (sqlite3_stmt *stmt)
{
  LedgerExpenditure *e = ledger_expenditure_new ();
  const char *category = (const char *) sqlite3_column_text (stmt, 4);

  e->id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (e->date, (const char *) sqlite3_column_text (stmt, 1), sizeof e->date);
  e->amount = sqlite3_column_int64 (stmt, 2);
  g_free (e->payee);
  e->payee = ledger_column_dup (stmt, 3);
  g_free (e->category);
  e->category = g_strdup (g_str_has_prefix (category, "expense:") ? category + 8 : category);
  ledger_method_parse ((const char *) sqlite3_column_text (stmt, 5), "method", &e->method, NULL);
  g_free (e->memo);
  e->memo = ledger_column_dup (stmt, 6);
  g_free (e->invoice);
  e->invoice = ledger_column_dup (stmt, 7);
  g_free (e->approvers);
  e->approvers = ledger_column_dup (stmt, 8);
  e->vote_id = sqlite3_column_int64 (stmt, 9);
  e->txn_id = sqlite3_column_int64 (stmt, 10);
  e->from_maintenance_fund = sqlite3_column_int (stmt, 11);
  g_free (e->source);
  e->source = ledger_column_dup (stmt, 12);
  return e;
}

GPtrArray *
ledger_expenditure_list (LedgerBook          *book,
                         const LedgerPeriod  *period,
                         GError             **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_expenditure_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT id, date, amount, payee, category, method, memo, invoice,"
                              " approvers, coalesce (vote_id, 0), e.txn_id, fund = 'maintenance',"
                              " coalesce (s.account, '')"
                              " FROM expenditures e LEFT JOIN expenditure_sources s ON s.txn_id = e.txn_id"
                              " WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, period != NULL ? period->first : "0000-00-00");
  ledger_bind_text (stmt, 2, period != NULL ? period->last : "9999-99-99");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, expenditure_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading expenditures"), error))
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!ledger_attachment_list (book, "expenditure",
                                 ((LedgerExpenditure *) g_ptr_array_index (list, i))->id,
                                 ((LedgerExpenditure *) g_ptr_array_index (list, i))->attachments, error))
      return NULL;
  return g_steal_pointer (&list);
}

/* ledger-journal.c — the only code that inserts journal rows */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-book-private.h"
#include "ledger-error-private.h"
#include "ledger-closed-periods-private.h"
#include "ledger-fact-private.h"
#include "ledger-fingerprint-private.h"
#include "ledger-journal-private.h"
#include "ledger-limits.h"
#include "ledger-money-private.h"
#include "ledger-money.h"
#include "ledger-text.h"

typedef struct
{
  char  *account;
  gint64 household_id;
  gint64 amount;
} Split;

typedef struct
{
  const LedgerFactKind *kind;
  char                **fields; /* kind->n_fields of them */
} Fact;

struct _LedgerPosting
{
  char   *kind;
  char   *date;
  char   *ref;
  char   *memo;
  gint64  reverses;
  gint64  follows; /* dated no earlier than this transaction, 0: none */
  GArray *splits; /* of Split */
  GArray *facts;  /* of Fact */
  char   *recorded_at; /* replay: the entry's own time and operator */
  char   *operator_name;
};

static void
clear_split (gpointer data)
{
  Split *split = data;

  g_free (split->account);
}

static void
clear_fact (gpointer data)
{
  Fact *fact = data;

  g_strfreev (fact->fields);
}

LedgerPosting *
ledger_posting_new (const char *kind,
                    const char *date)
{
  LedgerPosting *posting = g_new0 (LedgerPosting, 1);

  g_return_val_if_fail (kind != NULL && date != NULL, NULL);

  posting->kind = g_strdup (kind);
  posting->date = g_strdup (date);
  posting->splits = g_array_new (FALSE, FALSE, sizeof (Split));
  g_array_set_clear_func (posting->splits, clear_split);
  posting->facts = g_array_new (FALSE, FALSE, sizeof (Fact));
  g_array_set_clear_func (posting->facts, clear_fact);
  return posting;
}

void
ledger_posting_free (LedgerPosting *posting)
{
  if (posting == NULL)
    return;
  g_free (posting->kind);
  g_free (posting->date);
  g_free (posting->ref);
  g_free (posting->memo);
  g_array_unref (posting->splits);
  g_array_unref (posting->facts);
  g_free (posting->recorded_at);
  g_free (posting->operator_name);
  g_free (posting);
}

void
ledger_posting_set_ref (LedgerPosting *posting,
                        const char    *ref)
{
  g_free (posting->ref);
  posting->ref = g_strdup (ref);
}

void
ledger_posting_set_memo (LedgerPosting *posting,
                         const char    *memo)
{
  g_free (posting->memo);
  posting->memo = g_strdup (memo);
}

void
ledger_posting_set_reverses (LedgerPosting *posting,
                             gint64         txn_id)
{
  posting->reverses = txn_id;
}

void
ledger_posting_set_follows (LedgerPosting *posting,
                            gint64         txn_id)
{
  posting->follows = MAX (posting->follows, txn_id);
}

/* Moves the posting's date forward to the date of the transaction it
 * follows, when that is later. */
static gboolean
date_after_followed (LedgerPosting  *posting,
                     LedgerBook     *book,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (posting->follows <= 0)
    return TRUE;
  stmt = ledger_book_prepare (book, "SELECT date FROM txns WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, posting->follows);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 0);

      if (date != NULL && strcmp (date, posting->date) > 0)
        {
          g_free (posting->date);
          posting->date = g_strdup (date);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, N_("reading a transaction's date"));
      return FALSE;
    }
  return TRUE;
}

void
ledger_posting_add (LedgerPosting *posting,
                    const char    *account,
                    gint64         household_id,
                    gint64         amount)
{
  Split split = { g_strdup (account), household_id, amount };

  if (amount == 0)
    {
      g_free (split.account);
      return;
    }
  g_array_append_val (posting->splits, split);
}

void
ledger_posting_add_factv (LedgerPosting         *posting,
                          const LedgerFactKind  *kind,
                          const char *const     *fields)
{
  Fact fact = { kind, g_new0 (char *, kind->n_fields + 1) };

  for (guint i = 0; i < kind->n_fields; i++)
    fact.fields[i] = g_strdup (fields[i] != NULL ? fields[i] : "");
  g_array_append_val (posting->facts, fact);
}

void
ledger_posting_add_fact (LedgerPosting         *posting,
                         const LedgerFactKind  *kind,
                         ...)
{
  g_autofree const char **fields = g_new0 (const char *, kind->n_fields + 1);
  va_list args;

  va_start (args, kind);
  for (guint i = 0; i < kind->n_fields; i++)
    fields[i] = va_arg (args, const char *);
  va_end (args);
  ledger_posting_add_factv (posting, kind, fields);
}

void
ledger_posting_set_recorded (LedgerPosting *posting,
                             const char    *recorded_at,
                             const char    *operator_name)
{
  g_free (posting->recorded_at);
  posting->recorded_at = g_strdup (recorded_at);
  g_free (posting->operator_name);
  posting->operator_name = g_strdup (operator_name);
}

gint64
ledger_posting_balance (LedgerPosting *posting)
{
  gint64 sum = 0;

  for (guint i = 0; i < posting->splits->len; i++)
    if (!ledger_total_add (&sum, g_array_index (posting->splits, Split, i).amount))
      return G_MAXINT64;
  return sum;
}

/* The one gate every text of the journal passes, whatever command or
 * window it came from and whatever checked it before: the operator (from
 * --operator, COMMUNITY_LEDGER_OPERATOR, the Preferences), the ref and the
 * memo (built from payees, names, file names …). A control or invisible
 * character here would be in the book for good, and in every export. */
static const char *
posting_operator (LedgerPosting *posting,
                  LedgerBook    *book)
{
  return posting->operator_name != NULL ? posting->operator_name
                                        : ledger_book_get_operator (book);
}

static gboolean
check_txn_text (LedgerPosting  *posting,
                LedgerBook     *book,
                GError        **error)
{
  return ledger_text_check (posting_operator (posting, book), _("operator"), LEDGER_OPERATOR_MAX_CHARS,
                            TRUE, error) &&
         ledger_text_check (posting->ref, _("reference"), G_MAXUINT, FALSE, error) &&
         ledger_text_check (posting->memo, _("memo"), G_MAXUINT, FALSE, error);
}

static gboolean
insert_txn (LedgerPosting  *posting,
            LedgerBook     *book,
            gint64         *out_txn_id,
            GError        **error)
{
  g_autofree char *now = posting->recorded_at != NULL ? g_strdup (posting->recorded_at)
                                                      : ledger_book_now (book);
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO txns (kind, date, recorded_at, operator, ref, memo, reverses, leaf) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, posting->kind);
  ledger_bind_text (stmt, 2, posting->date);
  ledger_bind_text (stmt, 3, now);
  ledger_bind_text (stmt, 4, posting_operator (posting, book));
  ledger_bind_text (stmt, 5, posting->ref != NULL ? posting->ref : "");
  ledger_bind_text (stmt, 6, posting->memo != NULL ? posting->memo : "");
  if (posting->reverses > 0)
    sqlite3_bind_int64 (stmt, 7, posting->reverses);
  if (!ledger_book_step_done (book, stmt, error))
    return FALSE;
  *out_txn_id = sqlite3_last_insert_rowid (ledger_book_get_db (book));
  return TRUE;
}

static gboolean
insert_splits (LedgerPosting  *posting,
               LedgerBook     *book,
               gint64          txn_id,
               GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO splits (txn_id, seq, account, household_id, amount) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < posting->splits->len; i++)
    {
      const Split *split = &g_array_index (posting->splits, Split, i);

      sqlite3_bind_int64 (stmt, 1, txn_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      ledger_bind_text (stmt, 3, split->account);
      if (split->household_id > 0)
        sqlite3_bind_int64 (stmt, 4, split->household_id);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int64 (stmt, 5, split->amount);
      if (!ledger_book_step_done (book, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The facts go in as the leaf shows them, then into their tables, in
 * the order the writer added them: a notice's files after the notice. */
static gboolean
insert_facts (LedgerPosting  *posting,
              LedgerBook     *book,
              gint64          txn_id,
              GError        **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < posting->facts->len; i++)
    {
      const Fact *fact = &g_array_index (posting->facts, Fact, i);
      g_autofree char *text = ledger_fact_format (fact->kind->name, (const char *const *) fact->fields,
                                                  fact->kind->n_fields);

      /* Not ledger_text_check()ed as a whole: each field was checked by
       * the writer that took it in (a members list holds its tabs and
       * line feeds), and the escaping keeps one fact on one line. */
      stmt = ledger_book_prepare (book, "INSERT INTO facts (txn_id, seq, fact) VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, txn_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      ledger_bind_text (stmt, 3, text);
      if (!ledger_book_step_done (book, stmt, error) ||
          !fact->kind->apply (book, txn_id, posting->date, (const char *const *) fact->fields, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether @account may never hold less than nothing: money (cash, the
 * bank accounts, WeChat, Alipay) and money advanced to a member, who
 * cannot return or spend more than was handed over (docs/money.md). */
static gboolean
never_below_zero (const char *account)
{
  return ledger_account_is_money (account) || ledger_account_is_advance (account);
}

/* What @posting takes out of @account in all (its splits on it summed;
 * negative when money leaves). */
static gint64
net_on_account (LedgerPosting *posting,
                const char    *account)
{
  gint64 net = 0;

  for (guint i = 0; i < posting->splits->len; i++)
    {
      const Split *split = &g_array_index (posting->splits, Split, i);

      if (strcmp (split->account, account) == 0 &&
          !ledger_total_add (&net, split->amount))
        return G_MININT64; /* cannot be: the posting balanced within the ceiling */
    }
  return net;
}

/* @account's balance at the end of each day from @date on, read from the
 * daily cache (one row per day that moved it, this posting included):
 * the first day it is below zero and by how much, at most, it is.
 * *@out_short is 0 when it never is. */
static gboolean
lowest_balance_from (LedgerBook   *book,
                     const char   *account,
                     const char   *date,
                     char          out_day[11],
                     gint64       *out_short,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 balance = 0;
  int rc;

  *out_short = 0;
  stmt = ledger_book_prepare (book, "SELECT sum (amount) FROM account_days WHERE account = ?1 AND date < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, account);
  ledger_bind_text (stmt, 2, date);
  if (!ledger_book_query_int64 (book, stmt, 0, &balance, error))
    return FALSE;

  stmt = ledger_book_prepare (book, "SELECT date, amount FROM account_days WHERE account = ?1 AND date >= ?2"
                                    " ORDER BY date",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, account);
  ledger_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!ledger_total_add_or_error (&balance, sqlite3_column_int64 (stmt, 1), _("the balances"), error))
        break;
      if (balance < 0 && *out_short == 0)
        g_strlcpy (out_day, (const char *) sqlite3_column_text (stmt, 0), 11);
      *out_short = MAX (*out_short, -balance);
    }
  if (rc == SQLITE_ROW) /* a balance past the ceiling: the error is set */
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  return ledger_book_finish_rows (book, stmt, rc, N_("reading the balances"), error);
}

/* No money account holds less than nothing on any day: the committee
 * cannot spend (or hand back) money it did not have then. Checked after
 * the splits are in, on every money account the posting takes from, for
 * every day from the posting's date on: a backdated expenditure may leave
 * today's balance positive and still empty the cash box in January, and a
 * void dated today may take back money already spent. */
static gboolean
check_money_accounts (LedgerPosting  *posting,
                      LedgerBook     *book,
                      GError        **error)
{
  for (guint i = 0; i < posting->splits->len; i++)
    {
      const char *account = g_array_index (posting->splits, Split, i).account;
      char day[11] = "";
      gint64 shortfall = 0;

      if (!never_below_zero (account) || net_on_account (posting, account) >= 0)
        continue;
      if (!lowest_balance_from (book, account, posting->date, day, &shortfall, error))
        return FALSE;
      if (shortfall > 0)
        {
          g_autofree char *shown = ledger_money_format (shortfall);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                       _("account “%s” would go below zero on %s, %s short: no money account may hold less than nothing on any day"),
                       account, day, shown);
          ledger_error_set_account (error, account);
          return FALSE;
        }
    }
  return TRUE;
}

/* The first day of the book's opening balances (期初), or "" when it has
 * none. */
static gboolean
opening_day (LedgerBook  *book,
             char         out_day[11],
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  out_day[0] = '\0';
  stmt = ledger_book_prepare (book,
                              "SELECT coalesce ((SELECT min (t.date) FROM openings o JOIN txns t ON t.id = o.txn_id"
                              " WHERE o.kind = 'balance'), '')",
                              error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_strlcpy (out_day, (const char *) sqlite3_column_text (stmt, 0), 11);
  return ledger_book_finish_row (book, stmt, rc, N_("reading the opening balances"), error);
}

/* No entry moves money, or what is owed, on a day before the book's
 * opening balances: those, with the opening arrears and credit, are what
 * the paper ledger held as at their day, so whatever happened before is
 * in them already — a payment of December in the cash, an unpaid charge
 * of last year in the opening arrears — and entering it again would
 * count it twice. What is found later is entered on the day it is found.
 * The mirror of the opening balance's own rule (ledger-opening.c: never
 * after the book's own entries moved money); here for every writer,
 * billing's charges of an earlier year included, and for verify's
 * replay, which commits through this function too. */
static gboolean
check_not_before_opening (LedgerPosting  *posting,
                          LedgerBook     *book,
                          GError        **error)
{
  char day[11];

  if (strcmp (posting->kind, "opening") == 0 || posting->splits->len == 0)
    return TRUE;
  if (!opening_day (book, day, error))
    return FALSE;
  if (day[0] == '\0' || strcmp (posting->date, day) >= 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
               _("date %s: before the book's opening balances (%s), which already hold what the paper ledger "
                 "recorded until then (a charge the paper ledger shows unpaid is entered as opening arrears); "
                 "enter what was found later on the day it was found"),
               posting->date, day);
  ledger_error_set_field (error, "--date");
  return FALSE;
}

/* Marks the posting as a correction when the book is correcting a closed
 * period (ledger_book_set_correcting(): the command line's --corrects):
 * the fact goes after the writer's own, so the writer's rule, in verify,
 * sees its entry as it wrote it. Not in a replayed entry, which has its
 * facts already, nor in the automatic entries. */
static void
add_correcting_fact (LedgerPosting *posting,
                     LedgerBook    *book)
{
  const char *period = ledger_book_get_correcting (book);

  if (period == NULL || posting->recorded_at != NULL || !ledger_closed_may_correct (posting->kind))
    return;
  ledger_posting_add_fact (posting, &ledger_fact_corrects, period);
}

gboolean
ledger_posting_commit (LedgerPosting  *posting,
                       LedgerBook     *book,
                       gint64         *out_txn_id,
                       GError        **error)
{
  gint64 txn_id = 0;

  g_return_val_if_fail (posting != NULL, FALSE);
  g_return_val_if_fail (ledger_book_in_write (book), FALSE);

  /* A bug, not bad input: refuse it rather than write an unbalanced book. */
  if (ledger_posting_balance (posting) != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_DATABASE,
                   "internal error: %s posting does not balance (off by %" G_GINT64_FORMAT " fen)",
                   posting->kind, ledger_posting_balance (posting));
      return FALSE;
    }

  add_correcting_fact (posting, book);

  /* A replayed entry is history: its texts were checked when it was
   * written, by the rules of the version that wrote it. Its date is
   * checked again against the periods closed before it: whatever wrote
   * it (billing's charges are dated 1 January, a follower is moved to
   * what it follows), no entry lands in a closed period. */
  if ((posting->recorded_at == NULL && !check_txn_text (posting, book, error)) ||
      !date_after_followed (posting, book, error) ||
      !ledger_closed_period_check (book, posting->date, "date", error) ||
      !check_not_before_opening (posting, book, error) ||
      !insert_txn (posting, book, &txn_id, error) ||
      !insert_splits (posting, book, txn_id, error) ||
      !insert_facts (posting, book, txn_id, error) ||
      !check_money_accounts (posting, book, error) ||
      (!ledger_book_is_scratch (book) && !ledger_fingerprint_append (book, txn_id, error)))
    return FALSE;

  if (out_txn_id != NULL)
    *out_txn_id = txn_id;
  return TRUE;
}

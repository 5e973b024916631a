/* ledger-replay.c — verify: the journal replayed into an empty book and
 * every table compared
 *
 * A table beside the journal is only as trustworthy as the journal's
 * account of it. Every version-2 entry is posted again, facts and all,
 * into a book in memory, through ledger_posting_commit() and so through
 * the facts' own apply functions and the journal's checks (balanced
 * splits, no money account below zero on any day); the rules that
 * decided an entry's facts (allocation order, vote tally, spend limit)
 * decide them again (LedgerReplayRule). Then each table is compared row
 * by row: a row edited, added or removed behind the program's back is
 * named with its table, key and column.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ledger-accounts-private.h"
#include "ledger-advance-private.h"
#include "ledger-attachment-private.h"
#include "ledger-book-private.h"
#include "ledger-closed-periods-private.h"
#include "ledger-dates-private.h"
#include "ledger-period.h"
#include "ledger-charges-private.h"
#include "ledger-community-private.h"
#include "ledger-expenditure-private.h"
#include "ledger-fact-private.h"
#include "ledger-fee-private.h"
#include "ledger-household-private.h"
#include "ledger-income-private.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"
#include "ledger-notice-facts-private.h"
#include "ledger-opening-private.h"
#include "ledger-owner-record-private.h"
#include "ledger-payment-private.h"
#include "ledger-refund-private.h"
#include "ledger-period-close-private.h"
#include "ledger-reconcile-private.h"
#include "ledger-replay-private.h"
#include "ledger-replay.h"
#include "ledger-settings-private.h"
#include "ledger-snapshot-private.h"
#include "ledger-tables-private.h"
#include "ledger-transfer-private.h"
#include "ledger-verify-private.h"
#include "ledger-vote-private.h"

/* Every kind of fact a version-2 leaf may hold. */
static const LedgerFactKind *const fact_kinds[] = {
  &ledger_fact_setting,
  &ledger_fact_account,
  &ledger_fact_snapshot,
  &ledger_fact_household,
  &ledger_fact_fee,
  &ledger_fact_charge,
  &ledger_fact_allocation,
  &ledger_fact_receipt,
  &ledger_fact_void,
  &ledger_fact_waiver,
  &ledger_fact_vote,
  &ledger_fact_ballot,
  &ledger_fact_result,
  &ledger_fact_expenditure,
  &ledger_fact_source,
  &ledger_fact_advance,
  &ledger_fact_attachment,
  &ledger_fact_notice,
  &ledger_fact_notice_file,
  &ledger_fact_announcement,
  &ledger_fact_transfer,
  &ledger_fact_income,
  &ledger_fact_refund,
  &ledger_fact_close,
  &ledger_fact_corrects,
  &ledger_fact_opening,
  &ledger_fact_reconcile,
};

/* The rules re-applied, by entry kind: every kind a writer posts has
 * one, if only to give its ref and memo again from its facts. */
static const struct
{
  const char       *entry_kind;
  LedgerReplayRule  rule;
} rules[] = {
  { "init",        ledger_community_replay_init },
  { "household",   ledger_household_replay },
  { "snapshot",    ledger_snapshot_rule },
  { "fee",         ledger_fee_rule },
  { "charge",      ledger_charge_rule },
  { "payment",     ledger_payment_rule },
  { "void",        ledger_void_rule },
  { "waiver",      ledger_waiver_rule },
  { "vote",        ledger_vote_replay_new },
  { "ballot",      ledger_vote_replay_ballot },
  { "vote-close",  ledger_vote_replay_close },
  { "expenditure", ledger_expenditure_replay },
  { "notice",      ledger_notice_replay },
  { "setting",     ledger_settings_replay },
  { "account",     ledger_account_rule },
  { "transfer",    ledger_transfer_rule },
  { "income",      ledger_income_rule },
  { "refund",      ledger_refund_rule },
  { "period-close", ledger_period_close_rule },
  { "advance",     ledger_advance_rule },
  { "opening",     ledger_opening_rule },
  { "reconcile",   ledger_reconcile_rule },
};

/* Every kind of entry a writer posts: whether it may move money (its
 * rule then decides its splits exactly) and the facts it may hold. A
 * fact in an entry no rule looks at (a receipt in a setting entry, cash
 * moved by a household entry) would otherwise be applied unchecked. */
static const struct
{
  const char *kind;
  gboolean    splits;
  gboolean    one_fact;  /* exactly one fact */
  const char *facts;     /* the fact names allowed, space-separated */
} entry_kinds[] = {
  { "init",        FALSE, FALSE, "setting" },
  { "setting",     FALSE, TRUE,  "setting" },
  { "household",   FALSE, TRUE,  "household" },
  { "fee",         FALSE, TRUE,  "fee" },
  { "charge",      TRUE,  FALSE, "charge allocation" },
  { "payment",     TRUE,  FALSE, "receipt allocation" },
  { "void",        TRUE,  FALSE, "void allocation" },
  { "waiver",      TRUE,  FALSE, "waiver allocation" },
  { "expenditure", TRUE,  FALSE, "expenditure source attachment" },
  { "vote",        FALSE, TRUE,  "vote" },
  { "ballot",      FALSE, FALSE, "ballot attachment" },
  { "vote-close",  FALSE, TRUE,  "result" },
  { "notice",      FALSE, FALSE, "notice notice_file announcement" },
  { "snapshot",    FALSE, FALSE, "snapshot setting account household" },
  { "account",     FALSE, TRUE,  "account" },
  { "transfer",    TRUE,  TRUE,  "transfer" },
  { "income",      TRUE,  TRUE,  "income" },
  { "refund",      TRUE,  TRUE,  "refund" },
  { "period-close", FALSE, TRUE, "close" },
  { "advance",     TRUE,  TRUE,  "advance" },
  { "opening",     TRUE,  FALSE, "charge allocation opening" },
  { "reconcile",   FALSE, TRUE,  "reconcile" },
};

/* Facts whose personal data is committed, not held. */
static const struct
{
  const char              *fact;
  LedgerReplayPrivateFunc  func;
} private_facts[] = {
  { "household", ledger_household_replay_private },
};

/* Every table beside the journal, with its key. The journal itself
 * (txns, splits, facts) is what the fingerprint covers; merkle_nodes is
 * checked by ledger_verify_tree_each_leaf_in_read(), in the replay's pass. */
static const struct
{
  const char *table;
  const char *key;
} projections[] = {
  { "settings",        "key" },
  { "accounts",        "id" },
  { "households",      "id" },
  { "household_salts", "unit" },
  { "owner_records",   "txn_id, unit" },
  { "fees",            "id" },
  { "charges",         "id" },
  { "allocations",     "txn_id, charge_id" },
  { "receipts",        "number" },
  { "voids",           "receipt" },
  { "waivers",         "id" },
  { "expenditures",    "id" },
  { "attachments",     "id" },
  { "votes",           "id" },
  { "ballots",         "id" },
  { "vote_results",    "vote_id" },
  { "notices",         "id" },
  { "notice_files",    "notice_id, kind" },
  { "announcements",   "expenditure_id" },
  { "openings",            "txn_id" },
  { "incomes",             "txn_id" },
  { "transfers",           "txn_id" },
  { "refunds",             "txn_id" },
  { "advances",            "txn_id" },
  { "expenditure_sources", "txn_id" },
  { "closed_periods",      "period" },
  { "corrections",         "txn_id" },
  { "reconciliations",     "txn_id" },
  { "charge_status",   "charge_id" },
  { "account_days",    "account, date" },
};

typedef struct
{
  LedgerTreeHead     *out_head;
  LedgerProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} VerifyRequest;

typedef struct
{
  LedgerBook *book;     /* the book verified */
  LedgerBook *replayed; /* the scratch book */
  gint64      v1_entries;    /* version-1 leaves seen (before the snapshot) */
  gboolean    snapshot_seen;
  VerifyRequest *request;
  LedgerTreeHead head;       /* recomputed by the fingerprint's pass */
  gboolean    pass_failed;   /* the error is the pass's, already as it should be */
} Replay;

static const LedgerFactKind *
find_fact_kind (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fact_kinds); i++)
    if (strcmp (fact_kinds[i]->name, name) == 0)
      return fact_kinds[i];
  return NULL;
}

static LedgerReplayRule
find_rule (const char *entry_kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].entry_kind, entry_kind) == 0)
      return rules[i].rule;
  return NULL;
}

static gboolean
set_not_written (GError     **error,
                 const char  *what)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("no version of the program writes such an entry: %s"), what);
  return FALSE;
}

/* The entry is of a kind a writer posts, moves money only if its kind
 * does, and holds only its kind's facts. */
static gboolean
check_entry_shape (const LedgerLeaf  *leaf,
                   GPtrArray         *facts,
                   GError           **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (entry_kinds); i++)
    {
      g_auto(GStrv) allowed = NULL;

      if (strcmp (entry_kinds[i].kind, leaf->kind) != 0)
        continue;
      if (!entry_kinds[i].splits && leaf->n_splits > 0)
        return set_not_written (error, _("it moves money, which entries of its kind never do"));
      if (entry_kinds[i].one_fact && facts->len != 2) /* the array ends with NULL */
        return set_not_written (error, _("entries of its kind hold exactly one fact"));
      allowed = g_strsplit (entry_kinds[i].facts, " ", -1);
      for (guint f = 0; f + 1 < facts->len; f++)
        {
          char **fact = g_ptr_array_index (facts, f);

          if (!g_strv_contains ((const char *const *) allowed, fact[0]))
            return set_not_written (error, leaf->facts[f]);
        }
      return TRUE;
    }
  return set_not_written (error, leaf->kind);
}

/* @recorded is no later than the day after today: today by the book's
 * clock (what the command line's COMMUNITY_LEDGER_NOW or a test sets) or
 * by this computer's, whichever is later, and a day more for a book
 * written in a time zone ahead of this computer's. */
static gboolean
recorded_by_now (Replay      *r,
                 const char  *recorded,
                 GError     **error)
{
  char book_today[11], wall_today[11], limit[11];
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *text = NULL;
  int y, m, d;

  ledger_book_today (r->book, book_today);
  ledger_date_today (wall_today);
  if (sscanf (strcmp (book_today, wall_today) > 0 ? book_today : wall_today, "%d-%d-%d", &y, &m, &d) != 3)
    return TRUE;
  day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (day == NULL)
    return TRUE;
  next = g_date_time_add_days (day, 1);
  text = g_date_time_format (next, "%Y-%m-%d");
  g_strlcpy (limit, text, sizeof limit);
  if (strcmp (recorded, limit) <= 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("it was recorded on %s, a day that has not come (the day after today is %s): "
                 "no version of the program records such an entry"),
               recorded, limit);
  return FALSE;
}

/* The entry is dated on a day that exists, and on a day its writer
 * accepted on the day it was recorded: the replayed book's clock is set
 * to that day, so the same check (ledger_check_entry_date(): no later
 * than the days-ahead setting then in force allows) decides again. */
static gboolean
check_entry_date (Replay            *r,
                  const LedgerLeaf  *leaf,
                  GError           **error)
{
  LedgerBook *replayed = r->replayed;
  char day[11], recorded[11];

  if (!ledger_date_parse (leaf->date, "date", day, NULL) || strcmp (day, leaf->date) != 0 ||
      strlen (leaf->recorded_at) < 10)
    return set_not_written (error, leaf->date);
  g_strlcpy (recorded, leaf->recorded_at, sizeof recorded);
  if (!ledger_date_parse (recorded, "recorded_at", day, NULL) || strcmp (day, recorded) != 0)
    return set_not_written (error, leaf->recorded_at);
  /* No entry is recorded on a day that has not come yet. The replay takes
   * the recorded day as the writer's today, so without this (a red-team
   * hole of issue 16) a forged entry "recorded" in years to come passed
   * every rule that asks the clock: a period closed before it ended, an
   * entry dated ahead, opening arrears of a year to come. */
  if (!recorded_by_now (r, recorded, error))
    return FALSE;
  ledger_book_set_clock (replayed, recorded);
  /* A year's charges are dated on its first day and may be billed
   * ahead of it: the charge rule decides their date (ledger-billing.c). */
  if (strcmp (leaf->kind, "charge") == 0)
    return TRUE;
  return ledger_check_entry_date (replayed, leaf->date, "date", error);
}

static LedgerReplayPrivateFunc
find_private (const char *fact)
{
  for (gsize i = 0; i < G_N_ELEMENTS (private_facts); i++)
    if (strcmp (private_facts[i].fact, fact) == 0)
      return private_facts[i].func;
  return NULL;
}

static gboolean
lookup_household (LedgerBook  *book,
                  const char  *unit,
                  gint64      *out_id,
                  GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT id FROM households WHERE unit = ?1", error);

  *out_id = 0;
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  if (!ledger_book_query_int64 (book, stmt, 0, out_id, error))
    return FALSE;
  if (*out_id == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("a split names the unit %s, which no earlier entry registers"), unit);
      return FALSE;
    }
  return TRUE;
}

/* The entry's facts, parsed and checked against their kinds. */
static GPtrArray *
parse_facts (const LedgerLeaf  *leaf,
             GError           **error)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < leaf->n_facts; i++)
    {
      char **fact = ledger_fact_parse (leaf->facts[i], error);
      const LedgerFactKind *kind;

      if (fact == NULL)
        return NULL;
      g_ptr_array_add (facts, fact);
      kind = find_fact_kind (fact[0]);
      if (kind == NULL || g_strv_length (fact) != kind->n_fields + 1)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("the journal holds a fact no version of the program writes: %s"), leaf->facts[i]);
          return NULL;
        }
    }
  g_ptr_array_add (facts, NULL);
  return g_steal_pointer (&facts);
}

static LedgerPosting *
posting_from_leaf (Replay            *r,
                   const LedgerLeaf  *leaf,
                   GPtrArray         *facts,
                   GError           **error)
{
  g_autoptr(LedgerPosting) posting = ledger_posting_new (leaf->kind, leaf->date);

  ledger_posting_set_ref (posting, leaf->ref);
  ledger_posting_set_memo (posting, leaf->memo);
  if (leaf->reverses > 0)
    ledger_posting_set_reverses (posting, leaf->reverses);
  ledger_posting_set_recorded (posting, leaf->recorded_at, leaf->operator_name);
  for (guint i = 0; i < leaf->n_splits; i++)
    {
      const LedgerLeafSplit *split = &leaf->splits[i];
      gint64 household_id = 0;

      if (split->unit[0] != '\0' && !lookup_household (r->replayed, split->unit, &household_id, error))
        return NULL;
      ledger_posting_add (posting, split->account, household_id, split->amount);
    }
  for (guint i = 0; i + 1 < facts->len; i++)
    {
      char **fact = g_ptr_array_index (facts, i);

      ledger_posting_add_factv (posting, find_fact_kind (fact[0]), (const char *const *) fact + 1);
    }
  return g_steal_pointer (&posting);
}

static gboolean
apply_private_facts (Replay     *r,
                     gint64      txn_id,
                     GPtrArray  *facts,
                     GError    **error)
{
  for (guint i = 0; i + 1 < facts->len; i++)
    {
      char **fact = g_ptr_array_index (facts, i);
      LedgerReplayPrivateFunc func = find_private (fact[0]);

      if (func != NULL && !func (r->replayed, r->book, txn_id, (const char *const *) fact + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* A correction of a closed period (--corrects) is its writer's entry with
 * one `corrects` fact after the writer's own (ledger_posting_commit() adds
 * it): takes that fact off @facts and @view, so that the entry's shape and
 * its writer's rule see the entry as the writer made it. Anywhere else,
 * or in an automatic entry, the fact is one no writer adds (the shape
 * check refuses it among the others). */
static gboolean
take_corrects (LedgerLeaf   *view,
               GPtrArray    *facts,
               char       ***out_corrects,
               GError      **error)
{
  char **last;

  *out_corrects = NULL;
  if (facts->len < 2)
    return TRUE;
  last = g_ptr_array_index (facts, facts->len - 2); /* the array ends with NULL */
  if (strcmp (last[0], ledger_fact_corrects.name) != 0)
    return TRUE;
  if (!ledger_closed_may_correct (view->kind))
    return set_not_written (error, view->facts[view->n_facts - 1]);
  *out_corrects = g_ptr_array_steal_index (facts, facts->len - 2);
  view->n_facts--;
  return TRUE;
}

static gboolean
replay_entry (Replay            *r,
              const LedgerLeaf  *whole,
              GError           **error)
{
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  g_auto(GStrv) corrects = NULL;
  LedgerLeaf view = *whole;
  const LedgerLeaf *leaf = &view;
  LedgerReplayRule rule;
  gint64 txn_id = 0;

  facts = parse_facts (leaf, error);
  if (facts == NULL || !take_corrects (&view, facts, &corrects, error) ||
      !check_entry_shape (leaf, facts, error) ||
      !check_entry_date (r, leaf, error))
    return FALSE;
  if (r->v1_entries > 0 && !r->snapshot_seen)
    {
      if (strcmp (leaf->kind, "snapshot") != 0)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("entries of the old format come before it but no upgrade snapshot"));
          return FALSE;
        }
      if (!ledger_snapshot_replay (r->replayed, r->book, leaf, (char *const *const *) facts->pdata, error))
        return FALSE;
      r->snapshot_seen = TRUE;
    }
  /* The upgrade writes its snapshot once, right after the old entries:
   * one anywhere else would restate settings and households unchecked. */
  else if (strcmp (leaf->kind, "snapshot") == 0)
    return set_not_written (error, leaf->kind);
  posting = posting_from_leaf (r, leaf, facts, error);
  if (posting == NULL)
    return FALSE;
  rule = find_rule (leaf->kind);
  if (rule != NULL && !rule (r->replayed, leaf, (char *const *const *) facts->pdata, error))
    return FALSE;
  if (corrects != NULL)
    ledger_posting_add_factv (posting, &ledger_fact_corrects, (const char *const *) corrects + 1);
  if (!ledger_posting_commit (posting, r->replayed, &txn_id, error))
    return FALSE;
  if (txn_id != leaf->index)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the entry replays as number %" PRId64), txn_id);
      return FALSE;
    }
  return apply_private_facts (r, txn_id, facts, error);
}

/* Whatever stops the replay of an entry (a constraint of the replayed
 * book, a money account below zero, a rule) means the journal does not
 * give the book: a verify failure (exit 3), not a failure to run. */
static void
as_verify_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == LEDGER_ERROR)
    (*error)->code = LEDGER_ERROR_VERIFY;
}

static gboolean
replay_leaf_cb (const LedgerLeaf  *leaf,
                gpointer           user_data,
                GError           **error)
{
  Replay *r = user_data;

  if (leaf->version == 1)
    {
      /* Taken from the book as they are when the snapshot comes. */
      r->v1_entries++;
      return TRUE;
    }
  if (!replay_entry (r, leaf, error))
    {
      as_verify_error (error);
      g_prefix_error (error, _("journal entry %" PRId64 " (%s): "), leaf->index, leaf->kind);
      return FALSE;
    }
  return TRUE;
}

static gboolean
replay_write_cb (LedgerBook *replayed,
                 gpointer    user_data,
                 GError    **error)
{
  Replay *r = user_data;

  g_assert (r->replayed == replayed);
  /* One pass over the journal: each leaf is checked against the
   * fingerprint, then replayed. */
  if (!ledger_verify_tree_each_leaf_in_read (r->book, &r->head, r->request->progress,
                                             r->request->progress_data, r->request->cancellable,
                                             replay_leaf_cb, r, error))
    {
      r->pass_failed = TRUE;
      return FALSE;
    }
  if (r->v1_entries > 0 && !r->snapshot_seen)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the book was upgraded but its upgrade snapshot was not recorded: open it once with write access"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
compare_projections (Replay  *r,
                     GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (projections); i++)
    if (!ledger_verify_table (r->replayed, r->book, projections[i].table, projections[i].key, error))
      return FALSE;
  return TRUE;
}

/* Checks @book's journal against its fingerprint and replays it in the
 * same pass, then compares every table (the caller holds a read
 * transaction on @book). */
static gboolean
replay_and_compare (LedgerBook      *book,
                    VerifyRequest   *request,
                    LedgerTreeHead  *out_head,
                    GError         **error)
{
  g_autoptr(LedgerBook) replayed = ledger_book_new_scratch (ledger_book_get_operator (book), error);
  Replay r = { book, replayed, 0, FALSE, request, { 0 }, FALSE };

  if (replayed == NULL)
    return FALSE;
  if (!ledger_book_write (replayed, replay_write_cb, &r, error))
    {
      /* The commit checks what was deferred: rows of the entries before
       * an upgrade that refer to nothing the snapshot restated. (An
       * error of the pass is already what it should be: a replayed
       * entry's is a verify failure, a failure to read the book is not.) */
      if (!r.pass_failed)
        as_verify_error (error);
      return FALSE;
    }
  *out_head = r.head;
  return !g_cancellable_set_error_if_cancelled (request->cancellable, error) &&
         compare_projections (&r, error);
}

static gboolean
verify_cb (LedgerBook  *book,
           gpointer     user_data,
           GError     **error)
{
  VerifyRequest *v = user_data;
  LedgerTreeHead head;

  if (!replay_and_compare (book, v, &head, error))
    return FALSE;
  if (v->progress != NULL)
    v->progress (v->progress_data, (gint64) head.size + 1, (gint64) head.size + 1);
  if (v->out_head != NULL)
    *v->out_head = head;
  return TRUE;
}

gboolean
ledger_verify (LedgerBook      *book,
               LedgerTreeHead  *out_head,
               GError         **error)
{
  return ledger_verify_full (book, out_head, NULL, NULL, NULL, error);
}

/* One read transaction: the journal, the cached tree and every table
 * are read as they stood at one moment. Without it an entry written
 * between two queries (the window's own connection, or the command line)
 * showed as an entry with no recorded fingerprint: a false alarm of
 * tampering. Writers wait for it, as for an export. */
gboolean
ledger_verify_full (LedgerBook          *book,
                    LedgerTreeHead      *out_head,
                    LedgerProgressFunc   progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  VerifyRequest request = { out_head, progress, progress_data, cancellable };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_read (book, verify_cb, &request, error);
}

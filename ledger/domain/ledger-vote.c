/* ledger-vote.c — owners' votes: ballots, the Art. 278 tally, closing,
 * and the rule that large expenditures need a passed vote */
#define G_LOG_DOMAIN "ledger"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-attachment-private.h"
#include "ledger-attachment.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-journal-private.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-replay-rules-private.h"
#include "ledger-settings.h"
#include "ledger-text.h"
#include "ledger-vote-private.h"
#include "ledger-vote.h"


static const char *const matter_names[] = {
  NULL,
  "制定和修改业主大会议事规则",
  "制定和修改管理规约",
  "选举业主委员会或者更换业主委员会成员",
  "选聘和解聘物业服务企业或者其他管理人",
  "使用建筑物及其附属设施的维修资金",
  "筹集建筑物及其附属设施的维修资金",
  "改建、重建建筑物及其附属设施",
  "改变共有部分的用途或者利用共有部分从事经营活动",
  "有关共有和共同管理权利的其他重大事项",
};

const char *
ledger_matter_name (int matter)
{
  g_return_val_if_fail (matter >= 1 && matter <= 9, "");
  return matter_names[matter];
}

gboolean
ledger_matter_is_major (int matter)
{
  return matter >= LEDGER_MATTER_RAISE_FUND && matter <= LEDGER_MATTER_CHANGE_USE;
}

static const struct
{
  LedgerChoice choice;
  const char  *word;
  const char  *chinese;
} choice_names[] = {
  { LEDGER_CHOICE_YES,     "yes",     "同意" },
  { LEDGER_CHOICE_NO,      "no",      "反对" },
  { LEDGER_CHOICE_ABSTAIN, "abstain", "弃权" },
};

const char *
ledger_choice_to_string (LedgerChoice choice)
{
  for (gsize i = 0; i < G_N_ELEMENTS (choice_names); i++)
    if (choice_names[i].choice == choice)
      return choice_names[i].word;
  g_return_val_if_reached ("abstain");
}

gboolean
ledger_choice_parse (const char    *text,
                     const char    *field,
                     LedgerChoice  *out_choice,
                     GError       **error)
{
  for (gsize i = 0; text != NULL && i < G_N_ELEMENTS (choice_names); i++)
    if (g_ascii_strcasecmp (text, choice_names[i].word) == 0 ||
        strcmp (text, choice_names[i].chinese) == 0)
      {
        *out_choice = choice_names[i].choice;
        return TRUE;
      }
  return ledger_text_set_invalid_input (error, field, text, _("expected yes, no or abstain"));
}

/* ------------------------------------------------------------------ */
/* The arithmetic of Art. 278 */

void
ledger_tally_decide (LedgerTally *t,
                     int          matter)
{
  gboolean approved;

  /* Two thirds of all owners by head and by area took part. */
  t->participation_met = t->heads_total > 0 &&
                         3 * t->heads_voted >= 2 * t->heads_total &&
                         3 * t->area_voted >= 2 * t->area_total;

  if (ledger_matter_is_major (matter))
    /* Three quarters of those who took part, by head and by area. */
    approved = 4 * t->heads_yes >= 3 * t->heads_voted &&
               4 * t->area_yes >= 3 * t->area_voted;
  else
    /* More than half of those who took part, by head and by area. */
    approved = 2 * t->heads_yes > t->heads_voted &&
               2 * t->area_yes > t->area_voted;

  t->passed = t->participation_met && approved;
}

int
ledger_ratio_bp (gint64 part,
                 gint64 whole)
{
  return whole > 0 ? (int) (part * 10000 / whole) : 0;
}

/* Counts the owners and their current ballots: one head per owner key,
 * the areas of an owner's units added up, the newest ballot of each owner. */
static gboolean
count_live (LedgerBook   *book,
            gint64        vote_id,
            LedgerTally  *t,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
    "WITH owners AS (SELECT owner_key, sum (area) AS area FROM households GROUP BY owner_key),"
    " current AS (SELECT b.owner_key, b.choice FROM ballots b WHERE b.vote_id = ?1"
    "             AND b.id = (SELECT max (c.id) FROM ballots c"
    "                         WHERE c.vote_id = ?1 AND c.owner_key = b.owner_key))"
    " SELECT count (*), coalesce (sum (o.area), 0),"
    "        count (c.owner_key), coalesce (sum (CASE WHEN c.owner_key IS NOT NULL THEN o.area END), 0),"
    "        count (CASE c.choice WHEN 'yes' THEN 1 END),"
    "        coalesce (sum (CASE c.choice WHEN 'yes' THEN o.area END), 0),"
    "        count (CASE c.choice WHEN 'no' THEN 1 END),"
    "        coalesce (sum (CASE c.choice WHEN 'no' THEN o.area END), 0)"
    " FROM owners o LEFT JOIN current c ON c.owner_key = o.owner_key",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vote_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      t->heads_total = sqlite3_column_int64 (stmt, 0);
      t->area_total = sqlite3_column_int64 (stmt, 1);
      t->heads_voted = sqlite3_column_int64 (stmt, 2);
      t->area_voted = sqlite3_column_int64 (stmt, 3);
      t->heads_yes = sqlite3_column_int64 (stmt, 4);
      t->area_yes = sqlite3_column_int64 (stmt, 5);
      t->heads_no = sqlite3_column_int64 (stmt, 6);
      t->area_no = sqlite3_column_int64 (stmt, 7);
    }
  return ledger_book_finish_row (book, stmt, rc, N_("counting ballots"), error);
}

/* ------------------------------------------------------------------ */
/* Reading votes */

void
ledger_vote_free (LedgerVote *vote)
{
  if (vote == NULL)
    return;
  g_free (vote->title);
  g_free (vote->description);
  g_free (vote);
}

#define VOTE_COLUMNS \
  "v.id, v.title, v.description, v.matter, v.opens, v.closes, r.closed_on," \
  " r.heads_total, r.heads_voted, r.heads_yes, r.heads_no," \
  " r.area_total, r.area_voted, r.area_yes, r.area_no"

static LedgerVote *
vote_from_row (sqlite3_stmt *stmt)
{
  LedgerVote *v = g_new0 (LedgerVote, 1);
  LedgerTally *t = &v->tally;

  v->id = sqlite3_column_int64 (stmt, 0);
  v->title = ledger_column_dup (stmt, 1);
  v->description = ledger_column_dup (stmt, 2);
  v->matter = sqlite3_column_int (stmt, 3);
  g_strlcpy (v->opens, (const char *) sqlite3_column_text (stmt, 4), sizeof v->opens);
  g_strlcpy (v->closes, (const char *) sqlite3_column_text (stmt, 5), sizeof v->closes);
  v->closed = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  if (v->closed)
    {
      g_strlcpy (v->closed_on, (const char *) sqlite3_column_text (stmt, 6), sizeof v->closed_on);
      t->heads_total = sqlite3_column_int64 (stmt, 7);
      t->heads_voted = sqlite3_column_int64 (stmt, 8);
      t->heads_yes = sqlite3_column_int64 (stmt, 9);
      t->heads_no = sqlite3_column_int64 (stmt, 10);
      t->area_total = sqlite3_column_int64 (stmt, 11);
      t->area_voted = sqlite3_column_int64 (stmt, 12);
      t->area_yes = sqlite3_column_int64 (stmt, 13);
      t->area_no = sqlite3_column_int64 (stmt, 14);
      ledger_tally_decide (t, v->matter);
    }
  return v;
}

/* Fills in the live tally of an open vote. */
static gboolean
complete_vote (LedgerBook  *book,
               LedgerVote  *vote,
               GError     **error)
{
  if (vote->closed)
    return TRUE;
  if (!count_live (book, vote->id, &vote->tally, error))
    return FALSE;
  ledger_tally_decide (&vote->tally, vote->matter);
  return TRUE;
}

/* The vote's row, without counting an open vote's ballots. */
static LedgerVote *
read_vote (LedgerBook  *book,
           gint64       vote_id,
           GError     **error)
{
  g_autoptr(LedgerVote) vote = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT " VOTE_COLUMNS " FROM votes v"
                              " LEFT JOIN vote_results r ON r.vote_id = v.id WHERE v.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, vote_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("vote %" PRId64 " is not in this book"), vote_id);
      return NULL;
    }
  if (rc == SQLITE_ROW)
    vote = vote_from_row (stmt);
  if (!ledger_book_finish_row (book, stmt, rc, N_("reading votes"), error))
    return NULL;
  return g_steal_pointer (&vote);
}

LedgerVote *
ledger_vote_lookup (LedgerBook  *book,
                    gint64       vote_id,
                    GError     **error)
{
  g_autoptr(LedgerVote) vote = read_vote (book, vote_id, error);

  if (vote == NULL || !complete_vote (book, vote, error))
    return NULL;
  return g_steal_pointer (&vote);
}

GPtrArray *
ledger_vote_list (LedgerBook  *book,
                  GError     **error)
{
  g_autoptr(GPtrArray) votes = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_vote_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT " VOTE_COLUMNS " FROM votes v"
                              " LEFT JOIN vote_results r ON r.vote_id = v.id ORDER BY v.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (votes, vote_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading votes"), error))
    return NULL;
  for (guint i = 0; i < votes->len; i++)
    if (!complete_vote (book, g_ptr_array_index (votes, i), error))
      return NULL;
  return g_steal_pointer (&votes);
}

/* ------------------------------------------------------------------ */
/* Creating a vote */

typedef struct
{
  const char *title;
  const char *description;
  int         matter;
  char        opens[11];
  char        closes[11];
  gint64      id;
} NewVote;

/* The title, description and matter a vote must have, when opened and
 * again when replayed. */
static gboolean
check_vote_terms (const NewVote  *r,
                  GError        **error)
{
  if (!ledger_text_check (r->title, "--title", 200, TRUE, error) ||
      !ledger_text_check (r->description, "--description", 2000, FALSE, error))
    return FALSE;
  if (r->matter < 1 || r->matter > 9)
    {
      g_autofree char *text = g_strdup_printf ("%d", r->matter);
      return ledger_text_set_invalid_input (error, "--matter", text,
                                            _("expected a matter type from 1 to 9 (Civil Code Art. 278)"));
    }
  return TRUE;
}

static gboolean
validate_new_vote (LedgerBook  *book,
                   NewVote     *r,
                   const char  *opens,
                   const char  *closes,
                   GError     **error)
{
  if (!check_vote_terms (r, error))
    return FALSE;
  if (opens == NULL)
    ledger_book_today (book, r->opens);
  else if (!ledger_date_parse (opens, "--opens", r->opens, error) ||
           !ledger_check_entry_date (book, r->opens, "--opens", error))
    return FALSE;
  if (closes != NULL && !ledger_date_parse (closes, "--closes", r->closes, error))
    return FALSE;
  if (closes != NULL && strcmp (r->closes, r->opens) < 0)
    return ledger_text_set_invalid_input (error, "--closes", closes,
                                          _("the deadline is before the vote opens"));
  return TRUE;
}

/* "vote|TITLE|DESCRIPTION|MATTER|OPENS|CLOSES": the votes row, numbered
 * in the order of the journal. */
static gboolean
apply_vote (LedgerBook         *book,
            gint64              txn_id,
            const char         *date G_GNUC_UNUSED,
            const char *const  *fields,
            GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 matter;

  if (!ledger_fact_int64 ("vote", fields, 2, &matter, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO votes (title, description, matter, opens, closes, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, fields[0]);
  ledger_bind_text (stmt, 2, fields[1]);
  sqlite3_bind_int64 (stmt, 3, matter);
  ledger_bind_text (stmt, 4, fields[3]);
  ledger_bind_text (stmt, 5, fields[4]);
  sqlite3_bind_int64 (stmt, 6, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_vote = { "vote", 5, apply_vote };

/* A new vote entry's memo, "matter N: TITLE" (its ref is empty): the
 * same when writing and replaying. */
static char *
new_vote_memo (int          matter,
               const char  *title)
{
  return g_strdup_printf ("matter %d: %s", matter, title);
}

/* Journals the new vote, whose fact stores it; its number is the row's. */
static gboolean
post_new_vote (LedgerBook  *book,
               NewVote     *r,
               GError     **error)
{
  g_autoptr(LedgerPosting) posting = ledger_posting_new ("vote", r->opens);
  g_autofree char *memo = new_vote_memo (r->matter, r->title);
  sqlite3_stmt *stmt;
  char matter[24];
  gint64 txn_id = 0;

  ledger_posting_set_memo (posting, memo);
  ledger_posting_add_fact (posting, &ledger_fact_vote, r->title, r->description,
                           ledger_fact_int_text (matter, r->matter), r->opens, r->closes);
  if (!ledger_posting_commit (posting, book, &txn_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book, "SELECT id FROM votes WHERE txn_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  return ledger_book_query_int64 (book, stmt, 0, &r->id, error);
}

/* A new vote's terms again, on the book the journal rebuilds: it opens
 * on its entry's date and its deadline is not before that. */
gboolean
ledger_vote_replay_new (LedgerBook          *book G_GNUC_UNUSED,
                        const LedgerLeaf    *leaf,
                        char *const *const  *facts,
                        GError             **error)
{
  char *const *fact = ledger_replay_only_fact (leaf, facts, "vote", NULL, error);
  g_autoptr(GError) refused = NULL;
  g_autofree char *memo = NULL;
  NewVote terms = { NULL, NULL, 0, "", "", 0 };
  gint64 matter;

  if (fact == NULL || !ledger_fact_int64 ("vote", (const char *const *) fact + 1, 2, &matter, error))
    return FALSE;
  terms.title = fact[1];
  terms.description = fact[2];
  terms.matter = (int) CLAMP (matter, 0, 10);
  if (!check_vote_terms (&terms, &refused))
    return ledger_replay_refused (error, leaf, refused);
  if (strcmp (fact[4], leaf->date) != 0)
    return ledger_replay_differs (error, "opens", leaf->date, fact[4]);
  if (fact[5][0] != '\0' && strcmp (fact[5], fact[4]) < 0)
    return ledger_replay_differs (error, "closes", fact[4], fact[5]);
  memo = new_vote_memo (terms.matter, terms.title);
  return ledger_replay_check_ref_memo (leaf, "", memo, error);
}

gboolean
ledger_vote_new_in_write (LedgerBook  *book,
                          const char  *title,
                          const char  *description,
                          int          matter,
                          const char  *opens,
                          const char  *closes,
                          gint64      *out_id,
                          GError     **error)
{
  NewVote request = { title, description, matter, "", "", 0 };

  if (!validate_new_vote (book, &request, opens, closes, error) ||
      !post_new_vote (book, &request, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = request.id;
  return TRUE;
}

typedef struct
{
  const char *title;
  const char *description;
  int         matter;
  const char *opens;
  const char *closes;
  gint64     *out_id;
} NewVoteArgs;

static gboolean
new_vote_cb (LedgerBook *book,
             gpointer    user_data,
             GError    **error)
{
  NewVoteArgs *a = user_data;

  return ledger_vote_new_in_write (book, a->title, a->description, a->matter,
                                   a->opens, a->closes, a->out_id, error);
}

gboolean
ledger_vote_new (LedgerBook  *book,
                 const char  *title,
                 const char  *description,
                 int          matter,
                 const char  *opens,
                 const char  *closes,
                 gint64      *out_id,
                 GError     **error)
{
  NewVoteArgs args = { title, description, matter, opens, closes, out_id };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, new_vote_cb, &args, error);
}

/* ------------------------------------------------------------------ */
/* Ballots */

typedef struct
{
  gint64            vote_id;
  const char       *unit;
  LedgerChoice      choice;
  const char       *date;
  const char       *replace_reason;
  LedgerAttachment *scan;
} BallotRequest;

/* The owner's current ballot in the vote (0 when none). */
static gboolean
current_ballot (LedgerBook  *book,
                gint64       vote_id,
                const char  *owner_key,
                gint64      *out_id,
                GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT max (id) FROM ballots WHERE vote_id = ?1 AND owner_key = ?2",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vote_id);
  ledger_bind_text (stmt, 2, owner_key);
  return ledger_book_query_int64 (book, stmt, 0, out_id, error);
}

/* A ballot must fall within the vote's dates and the vote must be open. */
static gboolean
check_ballot_date (const LedgerVote  *vote,
                   const char        *date,
                   GError           **error)
{
  if (vote->closed)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("vote %" PRId64 " was closed on %s and accepts no more ballots"),
                   vote->id, vote->closed_on);
      return FALSE;
    }
  if (strcmp (date, vote->opens) < 0 || (vote->closes[0] != '\0' && strcmp (date, vote->closes) > 0))
    return ledger_text_set_invalid_input (error, "--date", date,
                                          _("outside the voting period of this vote"));
  return TRUE;
}

/* A second ballot from the same owner is a correction and must say why. */
static gboolean
check_replacement (gint64                  vote_id,
                   const char             *replace_reason,
                   const LedgerHousehold  *household,
                   gint64                  previous,
                   GError                **error)
{
  if (previous > 0 && replace_reason == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("unit %s: its owner has already voted in vote %" PRId64 "; to correct the ballot, give --replace with the reason"),
                   household->unit, vote_id);
      return FALSE;
    }
  if (previous == 0 && replace_reason != NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("unit %s: its owner has no ballot in vote %" PRId64 " to replace"),
                   household->unit, vote_id);
      return FALSE;
    }
  return replace_reason == NULL ||
         ledger_text_check (replace_reason, "--replace", 200, TRUE, error);
}

/* A replacement ballot is not dated before the ballot it replaces. */
static gboolean
check_not_before_replaced (LedgerBook  *book,
                           gint64       previous,
                           const char  *date,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *earlier = NULL;
  int rc;

  if (previous <= 0)
    return TRUE;
  stmt = ledger_book_prepare (book, "SELECT date FROM ballots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, previous);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    earlier = ledger_column_dup (stmt, 0);
  if (!ledger_book_finish_row (book, stmt, rc, N_("reading a ballot"), error))
    return FALSE;
  if (strcmp (date, earlier) >= 0)
    return TRUE;
  {
    g_autofree char *reason = g_strdup_printf (_("before the ballot it replaces (%s)"), earlier);

    return ledger_text_set_invalid_input (error, "--date", date, reason);
  }
}

/* The checks a ballot passes, when written and again when replayed: the
 * vote open on @date, the unit registered, a second ballot of its owner a
 * replacement that says why, and not dated before the one it replaces.
 * Gives the household and the ballot replaced (0 when none). */
static gboolean
check_ballot (LedgerBook        *book,
              gint64             vote_id,
              const char        *unit,
              const char        *date,
              const char        *replace_reason,
              LedgerHousehold  **out_household,
              gint64            *out_previous,
              GError           **error)
{
  g_autoptr(LedgerVote) vote = NULL;
  g_autoptr(LedgerHousehold) household = NULL;

  *out_previous = 0;
  if ((vote = read_vote (book, vote_id, error)) == NULL ||
      !check_ballot_date (vote, date, error) ||
      (household = ledger_household_lookup (book, unit, error)) == NULL ||
      !current_ballot (book, vote_id, household->owner_key, out_previous, error) ||
      !check_replacement (vote_id, replace_reason, household, *out_previous, error) ||
      !check_not_before_replaced (book, *out_previous, date, error))
    return FALSE;
  *out_household = g_steal_pointer (&household);
  return TRUE;
}

/* "ballot|VOTE|UNIT|OWNER_KEY|CHOICE|DATE|REPLACES|REASON": the ballots
 * row; REPLACES is the number of the ballot it corrects, or empty. */
static gboolean
apply_ballot (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 vote_id, replaces = 0, household_id = 0;

  if (!ledger_fact_int64 ("ballot", fields, 0, &vote_id, error) ||
      (fields[5][0] != '\0' && !ledger_fact_int64 ("ballot", fields, 5, &replaces, error)) ||
      !ledger_fact_household_id (book, "ballot", fields[1], &household_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO ballots (vote_id, owner_key, household_id, choice, date,"
                              " replaces, reason, txn_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vote_id);
  ledger_bind_text (stmt, 2, fields[2]);
  sqlite3_bind_int64 (stmt, 3, household_id);
  ledger_bind_text (stmt, 4, fields[3]);
  ledger_bind_text (stmt, 5, fields[4]);
  if (replaces > 0)
    sqlite3_bind_int64 (stmt, 6, replaces);
  ledger_bind_text (stmt, 7, fields[6]);
  sqlite3_bind_int64 (stmt, 8, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_ballot = { "ballot", 7, apply_ballot };

/* A ballot's scan is an attachment of the ballot the same entry records. */
static gboolean
add_scan_fact (LedgerBook              *book,
               LedgerPosting           *posting,
               const LedgerAttachment  *scan,
               GError                 **error)
{
  gint64 ballot_id = 0;

  if (scan == NULL)
    return TRUE;
  if (!ledger_attachment_next_owner_id (book, "ballot", &ballot_id, error))
    return FALSE;
  ledger_attachment_add_fact (posting, scan, "ballot", ballot_id);
  return TRUE;
}

/* A ballot entry's ref and memo, the same when writing and replaying. */
static void
ballot_ref_memo (gint64                  vote_id,
                 const LedgerHousehold  *household,
                 const char             *choice,
                 gint64                  previous,
                 char                  **out_ref,
                 char                  **out_memo)
{
  *out_ref = g_strdup_printf ("vote %" G_GINT64_FORMAT, vote_id);
  *out_memo = g_strdup_printf ("owner %s (unit %s): %s%s", household->owner_key, household->unit,
                               choice, previous > 0 ? " (replaces an earlier ballot)" : "");
}

static gboolean
post_ballot (LedgerBook     *book,
             BallotRequest  *r,
             GError        **error)
{
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *ref = NULL, *memo = NULL;
  char date[11], vote[24], replaces[24];
  gint64 previous = 0;

  if (r->date == NULL)
    ledger_book_today (book, date);
  else if (!ledger_date_parse (r->date, "--date", date, error) ||
           !ledger_check_entry_date (book, date, "--date", error))
    return FALSE;
  if (!check_ballot (book, r->vote_id, r->unit, date, r->replace_reason, &household, &previous, error))
    return FALSE;

  ballot_ref_memo (r->vote_id, household, ledger_choice_to_string (r->choice), previous, &ref, &memo);
  posting = ledger_posting_new ("ballot", date);
  ledger_posting_set_ref (posting, ref);
  ledger_posting_set_memo (posting, memo);
  ledger_posting_add_fact (posting, &ledger_fact_ballot, ledger_fact_int_text (vote, r->vote_id),
                           household->unit, household->owner_key, ledger_choice_to_string (r->choice),
                           date, previous > 0 ? ledger_fact_int_text (replaces, previous) : "",
                           r->replace_reason);
  return add_scan_fact (book, posting, r->scan, error) &&
         ledger_posting_commit (posting, book, NULL, error);
}

/* The ballot's checks again, on the book as the journal rebuilds it; the
 * owner and the ballot replaced are what they give, not what the entry says. */
gboolean
ledger_vote_replay_ballot (LedgerBook          *book,
                           const LedgerLeaf    *leaf,
                           char *const *const  *facts,
                           GError             **error)
{
  static const char *const scan[] = { "attachment", NULL };
  char *const *fact = ledger_replay_only_fact (leaf, facts, "ballot", scan, error);
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *ref = NULL, *memo = NULL;
  const char *const *fields;
  char replaces[24];
  gint64 vote_id, previous = 0;

  if (fact == NULL)
    return FALSE;
  fields = (const char *const *) fact + 1;
  if (!ledger_fact_int64 ("ballot", fields, 0, &vote_id, error))
    return FALSE;
  if (!check_ballot (book, vote_id, fields[1], leaf->date, fields[6][0] != '\0' ? fields[6] : NULL,
                     &household, &previous, &refused))
    return ledger_replay_refused (error, leaf, refused);
  if (previous > 0)
    ledger_fact_int_text (replaces, previous);
  else
    replaces[0] = '\0';
  if (strcmp (fields[1], household->unit) != 0)
    return ledger_replay_differs (error, "unit", household->unit, fields[1]);
  if (strcmp (fields[2], household->owner_key) != 0)
    return ledger_replay_differs (error, "owner_key", household->owner_key, fields[2]);
  if (strcmp (fields[4], leaf->date) != 0)
    return ledger_replay_differs (error, "date", leaf->date, fields[4]);
  if (strcmp (fields[5], replaces) != 0)
    return ledger_replay_differs (error, "replaces", replaces, fields[5]);
  ballot_ref_memo (vote_id, household, fields[3], previous, &ref, &memo);
  return ledger_replay_check_ref_memo (leaf, ref, memo, error);
}

gboolean
ledger_vote_ballot_in_write (LedgerBook    *book,
                             gint64         vote_id,
                             const char    *unit,
                             LedgerChoice   choice,
                             const char    *date,
                             GError       **error)
{
  BallotRequest request = { vote_id, unit, choice, date, NULL, NULL };

  return post_ballot (book, &request, error);
}

static gboolean
ballot_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  return post_ballot (book, user_data, error);
}

gboolean
ledger_vote_ballot (LedgerBook    *book,
                    gint64         vote_id,
                    const char    *unit,
                    LedgerChoice   choice,
                    const char    *date,
                    const char    *scan,
                    const char    *replace_reason,
                    GError       **error)
{
  BallotRequest request = { vote_id, unit, choice, date, replace_reason, NULL };
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  if (scan != NULL && (request.scan = ledger_attachment_store (book, scan, "--scan", error)) == NULL)
    return FALSE;
  ok = ledger_book_write (book, ballot_cb, &request, error);
  ledger_attachment_free (request.scan);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Closing */

/* The result fact's numbers, in its order after VOTE and CLOSED_ON, and
 * the columns of vote_results they fill. */
#define N_RESULT_NUMBERS 10

static const char *const result_columns[N_RESULT_NUMBERS] = {
  "heads_total", "heads_voted", "heads_yes", "heads_no",
  "area_total", "area_voted", "area_yes", "area_no",
  "participation_met", "passed",
};

typedef struct
{
  char        text[2 + N_RESULT_NUMBERS][24];
  const char *fields[2 + N_RESULT_NUMBERS];
} ResultFields;

/* "result|VOTE|CLOSED_ON|HEADS_TOTAL|…|PARTICIPATION_MET|PASSED" for
 * @vote with its tally frozen on @closed_on. */
static void
result_fields (const LedgerVote  *vote,
               const char        *closed_on,
               ResultFields      *out)
{
  const LedgerTally *t = &vote->tally;
  const gint64 numbers[N_RESULT_NUMBERS] = {
    t->heads_total, t->heads_voted, t->heads_yes, t->heads_no,
    t->area_total, t->area_voted, t->area_yes, t->area_no,
    t->participation_met ? 1 : 0, t->passed ? 1 : 0,
  };

  out->fields[0] = ledger_fact_int_text (out->text[0], vote->id);
  g_strlcpy (out->text[1], closed_on, sizeof out->text[1]);
  out->fields[1] = out->text[1];
  for (guint i = 0; i < N_RESULT_NUMBERS; i++)
    out->fields[2 + i] = ledger_fact_int_text (out->text[2 + i], numbers[i]);
}

static gboolean
apply_result (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 vote_id, numbers[N_RESULT_NUMBERS];

  if (!ledger_fact_int64 ("result", fields, 0, &vote_id, error))
    return FALSE;
  for (guint i = 0; i < N_RESULT_NUMBERS; i++)
    if (!ledger_fact_int64 ("result", fields, 2 + i, &numbers[i], error))
      return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO vote_results (vote_id, closed_on, heads_total, heads_voted,"
                              " heads_yes, heads_no, area_total, area_voted, area_yes, area_no,"
                              " participation_met, passed, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vote_id);
  ledger_bind_text (stmt, 2, fields[1]);
  for (guint i = 0; i < N_RESULT_NUMBERS; i++)
    sqlite3_bind_int64 (stmt, 3 + i, numbers[i]);
  sqlite3_bind_int64 (stmt, 13, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_result = { "result", 2 + N_RESULT_NUMBERS, apply_result };

/* The first day a vote may close: not before it opened nor before its
 * last ballot (both may be dated ahead when the book allows it), so the
 * result does not precede what it counts. */
static gboolean
earliest_closing_day (LedgerBook        *book,
                      const LedgerVote  *vote,
                      char               out_day[11],
                      GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_strlcpy (out_day, vote->opens, 11);
  stmt = ledger_book_prepare (book, "SELECT max (date) FROM ballots WHERE vote_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vote->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT &&
      strcmp ((const char *) sqlite3_column_text (stmt, 0), out_day) > 0)
    g_strlcpy (out_day, (const char *) sqlite3_column_text (stmt, 0), 11);
  return ledger_book_finish_row (book, stmt, rc, N_("reading ballots"), error);
}

/* The vote with its tally counted, to be frozen by closing it: the same
 * count when closing and when replaying the close. */
static LedgerVote *
vote_to_close (LedgerBook  *book,
               gint64       vote_id,
               GError     **error)
{
  g_autoptr(LedgerVote) vote = ledger_vote_lookup (book, vote_id, error);

  if (vote == NULL)
    return NULL;
  if (vote->closed)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("vote %" PRId64 " was already closed on %s"), vote_id, vote->closed_on);
      return NULL;
    }
  return g_steal_pointer (&vote);
}

/* A vote-close entry's ref, "vote N", and memo, the tally frozen in
 * words and what it decided: the same when closing and when replaying,
 * so that the memo says "passed" only of a vote the ballots passed. */
static void
close_ref_memo (const LedgerVote  *vote,
                char             **out_ref,
                char             **out_memo)
{
  const LedgerTally *t = &vote->tally;

  *out_ref = g_strdup_printf ("vote %" G_GINT64_FORMAT, vote->id);
  *out_memo = g_strdup_printf ("heads %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " voted, %" G_GINT64_FORMAT " yes;"
                               " area %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " voted, %" G_GINT64_FORMAT " yes: %s",
                               t->heads_voted, t->heads_total, t->heads_yes,
                               t->area_voted, t->area_total, t->area_yes,
                               t->passed ? "passed" : t->participation_met ? "rejected" : "too few took part");
}

gboolean
ledger_vote_close_in_write (LedgerBook  *book,
                            gint64       vote_id,
                            GError     **error)
{
  g_autoptr(LedgerVote) vote = vote_to_close (book, vote_id, error);
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *memo = NULL, *ref = NULL;
  ResultFields result;
  char today[11], earliest[11];

  if (vote == NULL || !earliest_closing_day (book, vote, earliest, error))
    return FALSE;
  ledger_book_today (book, today);
  if (strcmp (earliest, today) > 0)
    g_strlcpy (today, earliest, sizeof today);
  close_ref_memo (vote, &ref, &memo);
  posting = ledger_posting_new ("vote-close", today);
  ledger_posting_set_ref (posting, ref);
  ledger_posting_set_memo (posting, memo);
  result_fields (vote, today, &result);
  ledger_posting_add_factv (posting, &ledger_fact_result, result.fields);
  return ledger_posting_commit (posting, book, NULL, error);
}

/* The tally again, on the book as the journal rebuilds it: a result the
 * ballots do not give (a rejected vote written as passed) is found here,
 * before any expenditure it would authorise is replayed. */
gboolean
ledger_vote_replay_close (LedgerBook          *book,
                          const LedgerLeaf    *leaf,
                          char *const *const  *facts,
                          GError             **error)
{
  char *const *fact = ledger_replay_only_fact (leaf, facts, "result", NULL, error);
  g_autoptr(LedgerVote) vote = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *ref = NULL, *memo = NULL;
  ResultFields expected;
  char earliest[11];
  gint64 vote_id;

  if (fact == NULL || !ledger_fact_int64 ("result", (const char *const *) fact + 1, 0, &vote_id, error))
    return FALSE;
  if ((vote = vote_to_close (book, vote_id, &refused)) == NULL ||
      !earliest_closing_day (book, vote, earliest, &refused))
    return ledger_replay_refused (error, leaf, refused);
  if (strcmp (leaf->date, earliest) < 0)
    return ledger_replay_differs (error, "closed_on", earliest, leaf->date);
  result_fields (vote, leaf->date, &expected);
  if (strcmp (fact[2], expected.fields[1]) != 0)
    return ledger_replay_differs (error, "closed_on", expected.fields[1], fact[2]);
  for (guint i = 0; i < N_RESULT_NUMBERS; i++)
    if (strcmp (fact[3 + i], expected.fields[2 + i]) != 0)
      return ledger_replay_differs (error, result_columns[i], expected.fields[2 + i], fact[3 + i]);
  close_ref_memo (vote, &ref, &memo);
  return ledger_replay_check_ref_memo (leaf, ref, memo, error);
}

static gboolean
close_cb (LedgerBook *book,
          gpointer    user_data,
          GError    **error)
{
  return ledger_vote_close_in_write (book, *(gint64 *) user_data, error);
}

gboolean
ledger_vote_close (LedgerBook  *book,
                   gint64       vote_id,
                   GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, close_cb, &vote_id, error);
}

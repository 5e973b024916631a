/* ledger-vote.h — owners' votes under Civil Code Art. 278
 *
 * Owners are counted by head and by exclusive floor area. One head per
 * owner: the units that share an owner key are one owner, and their areas
 * add up. Participation needs two thirds of all heads and of all area;
 * passing needs, of those who took part, at least three quarters of heads
 * and of area for matters 6–8, and more than half of each for the others.
 * Abstentions take part but are not "yes". Integer arithmetic only.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-household.h"

G_BEGIN_DECLS

/* Matter types of Art. 278 (1–9). */
typedef enum
{
  LEDGER_MATTER_RULES = 1,          /* 制定和修改业主大会议事规则 */
  LEDGER_MATTER_COVENANT,           /* 制定和修改管理规约 */
  LEDGER_MATTER_COMMITTEE,          /* 选举业主委员会或者更换业主委员会成员 */
  LEDGER_MATTER_MANAGER,            /* 选聘和解聘物业服务企业或者其他管理人 */
  LEDGER_MATTER_USE_FUND,           /* 使用建筑物及其附属设施的维修资金 */
  LEDGER_MATTER_RAISE_FUND,         /* 筹集建筑物及其附属设施的维修资金 */
  LEDGER_MATTER_REBUILD,            /* 改建、重建建筑物及其附属设施 */
  LEDGER_MATTER_CHANGE_USE,         /* 改变共有部分的用途或者利用共有部分从事经营活动 */
  LEDGER_MATTER_OTHER,              /* 有关共有和共同管理权利的其他重大事项 */
} LedgerMatter;

typedef enum
{
  LEDGER_CHOICE_YES,
  LEDGER_CHOICE_NO,
  LEDGER_CHOICE_ABSTAIN,
} LedgerChoice;

/* The matter's name in Chinese, as Art. 278 words it. */
const char *ledger_matter_name (int matter);
/* TRUE for matters 6–8, which need three quarters. */
gboolean    ledger_matter_is_major (int matter);

/* yes/no/abstain, 同意/反对/弃权, naming @field on error. */
gboolean    ledger_choice_parse (const char    *text,
                                 const char    *field,
                                 LedgerChoice  *out_choice,
                                 GError       **error);

/* The figures of a tally; areas in 0.01 m². */
typedef struct
{
  gint64   heads_total;
  gint64   heads_voted;
  gint64   heads_yes;
  gint64   heads_no;
  gint64   area_total;
  gint64   area_voted;
  gint64   area_yes;
  gint64   area_no;
  gboolean participation_met;
  gboolean passed;
} LedgerTally;

/**
 * ledger_tally_decide:
 * Applies Art. 278 to the counts in @tally for @matter and sets
 * participation_met and passed. Pure arithmetic: the unit tests drive it
 * at every boundary. With no owners at all nothing is met.
 */
void ledger_tally_decide (LedgerTally *tally,
                          int          matter);

/* Each of the four ratios in basis points (6667 = 66.67%), rounded down;
 * 0 when the denominator is 0. */
int ledger_ratio_bp (gint64 part,
                     gint64 whole);

typedef struct
{
  gint64      id;
  char       *title;
  char       *description;
  int         matter;
  char        opens[11];
  char        closes[11];   /* the deadline, "" when none */
  gboolean    closed;
  char        closed_on[11];
  LedgerTally tally;        /* frozen at closing, or live while open */
} LedgerVote;

void ledger_vote_free (LedgerVote *vote);

/**
 * ledger_vote_new:
 * @opens: (nullable): "YYYY-MM-DD", default today
 * @closes: (nullable): the deadline for ballots, or NULL
 * @out_id: (out): the vote's number
 */
gboolean ledger_vote_new (LedgerBook  *book,
                          const char  *title,
                          const char  *description,
                          int          matter,
                          const char  *opens,
                          const char  *closes,
                          gint64      *out_id,
                          GError     **error);

/**
 * ledger_vote_ballot:
 * @date: (nullable): the day the ballot was signed, default today
 * @scan: (nullable): a scan of the signed ballot to keep with it
 * @replace_reason: (nullable): required to replace the owner's earlier
 *   ballot; without it a second ballot from the same owner is refused
 *
 * Records the ballot of the owner of @unit (for all of their units).
 */
gboolean ledger_vote_ballot (LedgerBook    *book,
                             gint64         vote_id,
                             const char    *unit,
                             LedgerChoice   choice,
                             const char    *date,
                             const char    *scan,
                             const char    *replace_reason,
                             GError       **error);

/* Closes the vote: the tally is computed, frozen and journaled. */
gboolean ledger_vote_close (LedgerBook  *book,
                            gint64       vote_id,
                            GError     **error);

/* A vote with its tally (live while open). */
LedgerVote *ledger_vote_lookup (LedgerBook  *book,
                                gint64       vote_id,
                                GError     **error);

/* Every vote, newest first: a GPtrArray of LedgerVote. */
GPtrArray *ledger_vote_list (LedgerBook  *book,
                             GError     **error);

/* ------------------------------------------------------------------ */
/* The spending rule */

/* The amount above which an expenditure needs a passed vote (fen): the
 * limit set last. */
gint64   ledger_spend_limit (LedgerBook *book);
/* The limit in force on @day (today when NULL): the last change dated on
 * or before it, from the journal. An expenditure is judged by its own day's. */
gboolean ledger_spend_limit_on (LedgerBook  *book,
                                const char  *day,
                                gint64      *out_limit,
                                GError     **error);
gboolean ledger_set_spend_limit (LedgerBook  *book,
                                 gint64       limit,
                                 GError     **error);

/**
 * ledger_check_spending_vote:
 * @vote_id: 0 when none is linked
 * @from_maintenance_fund: whether the money comes from the maintenance fund
 *
 * Refuses (LEDGER_ERROR_CONFLICT, explained in words) an expenditure above
 * the limit without a passed vote of a fitting matter — 5 for the
 * maintenance fund, otherwise 5 or 9 — and any linked vote that is not
 * closed and passed. Judged by today's limit; an expenditure dated
 * another day by ledger_check_spending_vote_on() with its date.
 */
gboolean ledger_check_spending_vote (LedgerBook  *book,
                                     gint64       amount,
                                     gint64       vote_id,
                                     gboolean     from_maintenance_fund,
                                     GError     **error);
gboolean ledger_check_spending_vote_on (LedgerBook  *book,
                                        gint64       amount,
                                        gint64       vote_id,
                                        gboolean     from_maintenance_fund,
                                        const char  *day,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerVote, ledger_vote_free)

G_END_DECLS

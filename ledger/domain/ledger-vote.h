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

/**
 * ledger_matter_name:
 * @matter: a matter of Art. 278, 1–9
 *
 * Returns: (transfer none): the matter's name in Chinese as Art. 278
 *   words it; "" (with a warning) for any other number
 */
const char *ledger_matter_name (int matter);
/**
 * ledger_matter_is_major:
 * @matter: a matter of Art. 278
 *
 * Returns: TRUE for matters 6–8, which need three quarters of heads and
 *   of area
 */
gboolean    ledger_matter_is_major (int matter);

/**
 * ledger_choice_parse:
 * @text: yes/no/abstain or 同意/反对/弃权
 * @field: the option it came from, for the message
 * @out_choice: (out): the choice
 * @error: return location for an error
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
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
 * @tally: (inout): the counts of heads and areas; participation_met and
 *   passed are set
 * @matter: the vote's matter, 1–9
 *
 * Applies Art. 278 to the counts in @tally for @matter. Pure arithmetic:
 * the unit tests drive it at every boundary. With no owners at all
 * nothing is met.
 */
void ledger_tally_decide (LedgerTally *tally,
                          int          matter);

/**
 * ledger_ratio_bp:
 * @part: the count that is a share
 * @whole: the count it is a share of
 *
 * Returns: @part / @whole in basis points (6667 = 66.67%), rounded down;
 *   0 when @whole is 0
 */
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

/**
 * ledger_vote_free:
 * @vote: (nullable) (transfer full): a vote
 *
 * Frees @vote and its strings.
 */
void ledger_vote_free (LedgerVote *vote);

/**
 * ledger_vote_new:
 * @book: an open book
 * @title: what is voted on (required)
 * @description: (nullable): more about it
 * @matter: the matter of Art. 278, 1–9 (decides the majorities)
 * @opens: (nullable): "YYYY-MM-DD", default today
 * @closes: (nullable): the deadline for ballots, or NULL
 * @out_id: (out): the vote's number
 * @error: return location for an error
 *
 * Opens a vote, journaled.
 *
 * Returns: TRUE when opened; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT naming a bad title, matter or date, or a
 *   storage or journal error
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
 * @book: an open book
 * @vote_id: the vote
 * @unit: a unit of the owner who votes, in any form ledger_unit_parse()
 *   accepts
 * @choice: the owner's choice
 * @date: (nullable): the day the ballot was signed, default today
 * @scan: (nullable): a scan of the signed ballot to keep with it
 * @replace_reason: (nullable): required to replace the owner's earlier
 *   ballot; without it a second ballot from the same owner is refused
 * @error: return location for an error
 *
 * Records the ballot of the owner of @unit (for all of their units),
 * journaled; the scan is copied beside the book first.
 *
 * Returns: TRUE when recorded; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a malformed unit, date or reason or a
 *   scan that cannot be read, LEDGER_ERROR_NOT_FOUND for an unknown vote
 *   or unit, LEDGER_ERROR_CONFLICT for a closed vote, an owner who has
 *   voted (without @replace_reason) or has no ballot to replace, or a
 *   storage or journal error
 */
gboolean ledger_vote_ballot (LedgerBook    *book,
                             gint64         vote_id,
                             const char    *unit,
                             LedgerChoice   choice,
                             const char    *date,
                             const char    *scan,
                             const char    *replace_reason,
                             GError       **error);

/**
 * ledger_vote_close:
 * @book: an open book
 * @vote_id: the vote
 * @error: return location for an error
 *
 * Closes the vote: the tally is computed, frozen and journaled.
 *
 * Returns: TRUE when closed; FALSE with @error set:
 *   LEDGER_ERROR_NOT_FOUND for an unknown vote, LEDGER_ERROR_CONFLICT for
 *   a vote already closed, or a storage or journal error
 */
gboolean ledger_vote_close (LedgerBook  *book,
                            gint64       vote_id,
                            GError     **error);

/**
 * ledger_vote_lookup:
 * @book: an open book
 * @vote_id: the vote
 * @error: return location for an error
 *
 * Returns: (transfer full): the vote with its tally (live while open),
 *   or NULL with LEDGER_ERROR_NOT_FOUND or a storage error
 */
LedgerVote *ledger_vote_lookup (LedgerBook  *book,
                                gint64       vote_id,
                                GError     **error);

/**
 * ledger_vote_list:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerVote): every vote, newest
 *   first, or NULL with a storage error
 */
GPtrArray *ledger_vote_list (LedgerBook  *book,
                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerVote, ledger_vote_free)

G_END_DECLS

/* ledger-household-private.h — registering inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-household.h"
#include "ledger-journal-private.h"
#include "ledger-leaf.h"
#include "ledger-owner-record-private.h"

G_BEGIN_DECLS

/* The fields of the household fact, in order (docs/leaf-format.md):
 * the unit as registered or changed by the entry; the owner's name and
 * phone only as commitments (ledger-owner-record-private.h). */
typedef enum
{
  LEDGER_HOUSEHOLD_FACT_UNIT,
  LEDGER_HOUSEHOLD_FACT_AREA,             /* 0.01 m² */
  LEDGER_HOUSEHOLD_FACT_SPACES,
  LEDGER_HOUSEHOLD_FACT_STATUS,           /* occupied, rented, vacant */
  LEDGER_HOUSEHOLD_FACT_MOVE_IN,          /* YYYY-MM-DD or "" */
  LEDGER_HOUSEHOLD_FACT_OWNER_KEY,
  LEDGER_HOUSEHOLD_FACT_OWNER_COMMITMENT,
  LEDGER_HOUSEHOLD_FACT_PHONE_COMMITMENT,
  LEDGER_HOUSEHOLD_FACT_N_FIELDS
} LedgerHouseholdFactField;

/* "household|UNIT|AREA|SPACES|STATUS|MOVE_IN|OWNER_KEY|OWNER_COMMITMENT|
 * PHONE_COMMITMENT": the unit's row of households, inserted the first
 * time, changed after; its owner and phone are kept by
 * ledger_owner_record_keep(), not by the fact. */
extern const LedgerFactKind ledger_fact_household;

/* A household's fact: its fields point into the struct and @household,
 * which must outlive it. */
typedef struct
{
  const char *fields[LEDGER_HOUSEHOLD_FACT_N_FIELDS];
  char        salt[LEDGER_OWNER_SALT_CHARS + 1];
  char        owner_commitment[65];
  char        phone_commitment[65];
  char        area[24];
  char        spaces[24];
} LedgerHouseholdFact;

void ledger_household_fact_init (LedgerHouseholdFact    *fact,
                                 const LedgerHousehold  *household,
                                 const char             *salt);

/* The upgrade's snapshot (ledger-snapshot.c): every household restated
 * as a fact of @posting, in id order, each with its salt (drawn now for
 * a unit that has none); then, once @posting is committed as @txn_id,
 * ledger_household_restated() keeps what each committed to. Returns the
 * state to hand to it, or NULL with @error set. */
GPtrArray *ledger_household_restate_all (LedgerPosting  *posting,
                                         LedgerBook     *book,
                                         GError        **error);
gboolean   ledger_household_restated    (LedgerBook  *book,
                                         gint64       txn_id,
                                         GPtrArray   *restated,
                                         GError     **error);

/* The same inside a running ledger_book_write() (imports, demos). */
gboolean ledger_household_add_in_write (LedgerBook       *book,
                                        LedgerHousehold  *household,
                                        GError          **error);

/* The same with the unit's salt given (LEDGER_OWNER_SALT_CHARS lowercase
 * hex digits) instead of drawn from the OS: for the demo only, whose
 * book is the same for the same options, facts and all. A register of
 * real people must never be salted so: a salt that can be guessed lets
 * anyone try the names of a street against the published leaves. */
gboolean ledger_household_add_salted_in_write (LedgerBook       *book,
                                               LedgerHousehold  *household,
                                               const char       *salt,
                                               GError          **error);

/* The household registered as @unit, for an apply function or a rule
 * of a @fact: LEDGER_ERROR_VERIFY when there is none. */
gboolean ledger_fact_household_id (LedgerBook  *book,
                                   const char  *fact,
                                   const char  *unit,
                                   gint64      *out_id,
                                   GError     **error);

/* The household fact's private-data step of verify's replay
 * (ledger-replay-private.h): the owner record kept, then the writer's
 * checks on the household as the entry left it. */
gboolean ledger_household_replay_private (LedgerBook         *replayed,
                                          LedgerBook         *book,
                                          gint64              txn_id,
                                          const char *const  *fields,
                                          GError            **error);

/* The replay rule of "household" entries (LedgerReplayRule,
 * ledger-replay-private.h): their ref and memo as the writer composes
 * them from the fact and whether the unit was registered before. */
gboolean ledger_household_replay (LedgerBook          *book,
                                  const LedgerLeaf    *leaf,
                                  char *const *const  *facts,
                                  GError             **error);

G_END_DECLS

/* ledger-household.h — the register of units and their owners */
#pragma once

#include "ledger-book.h"
#include "ledger-privacy.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_STATUS_OCCUPIED, /* the owner lives there */
  LEDGER_STATUS_RENTED,
  LEDGER_STATUS_VACANT,
} LedgerOccupancy;

typedef struct
{
  gint64          id;        /* 0 until stored */
  char           *unit;      /* "3-2-301": building-entrance-room */
  char           *owner;
  char           *owner_key; /* units with the same key belong to one owner (one head in a vote) */
  char           *phone;     /* "" when unknown */
  gint64          area;      /* exclusive floor area in 0.01 m² */
  int             spaces;    /* parking spaces */
  LedgerOccupancy status;
  char           *move_in;   /* "YYYY-MM-DD" or "" */
} LedgerHousehold;

LedgerHousehold *ledger_household_new (void);
LedgerHousehold *ledger_household_copy (const LedgerHousehold *household);
void             ledger_household_free (LedgerHousehold *household);

/* "occupied", "rented", "vacant" */
const char *ledger_occupancy_to_string (LedgerOccupancy status);
/* Accepts the English words and 自住/出租/空置, naming @field on error. */
gboolean    ledger_occupancy_parse (const char      *text,
                                    const char      *field,
                                    LedgerOccupancy *out_status,
                                    GError         **error);

/**
 * ledger_unit_parse:
 * Normalises a unit code: "3-2-301", "3号楼2单元301室", "3栋2单元301",
 * full-width digits, leading zeros → "3-2-301". Building 1..9999, entrance
 * 1..99, room 1..99999. Anything else is LEDGER_ERROR_INVALID_INPUT naming
 * @field. The out parameters may be NULL.
 */
gboolean ledger_unit_parse (const char  *text,
                            const char  *field,
                            char       **out_unit,
                            int         *out_building,
                            int         *out_entrance,
                            int         *out_room,
                            GError     **error);

/* Checks every field of @household and normalises its unit code, phone and
 * owner key (defaults to the unit code) in place. Says which field is wrong. */
gboolean ledger_household_validate (LedgerHousehold  *household,
                                    GError          **error);

/* Adds a household in its own transaction. Fails with
 * LEDGER_ERROR_CONFLICT if the unit is already registered. */
gboolean ledger_household_add (LedgerBook       *book,
                               LedgerHousehold  *household,
                               GError          **error);

/* Changes owner, phone, area, spaces, status, move-in of a registered unit;
 * the unit code itself never changes. Journaled as a "household" entry. */
gboolean ledger_household_update (LedgerBook             *book,
                                  const LedgerHousehold  *household,
                                  GError                **error);

/* Looks a unit up by code (normalised first); LEDGER_ERROR_NOT_FOUND when absent. */
LedgerHousehold *ledger_household_lookup (LedgerBook  *book,
                                          const char  *unit,
                                          GError     **error);

/* All households in building/entrance/room order: a GPtrArray of
 * LedgerHousehold that frees them. */
GPtrArray *ledger_household_list (LedgerBook  *book,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerHousehold, ledger_household_free)

/* A scrubber for the phones of @book's register and, when @names, its
 * owners' names; NULL when the register cannot be read. */
LedgerPrivacyScrubber *ledger_household_scrubber_new (LedgerBook  *book,
                                                      gboolean     names,
                                                      GError     **error);

G_END_DECLS

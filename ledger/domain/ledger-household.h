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

/**
 * ledger_household_new:
 *
 * Returns: (transfer full): an empty household: strings "" where the
 *   register allows empty (phone, move-in), NULL elsewhere, id 0, occupied
 */
LedgerHousehold *ledger_household_new (void);

/**
 * ledger_household_copy:
 * @household: a household
 *
 * Returns: (transfer full): a deep copy
 */
LedgerHousehold *ledger_household_copy (const LedgerHousehold *household);

/**
 * ledger_household_free:
 * @household: (nullable) (transfer full): a household
 *
 * Frees @household and its strings.
 */
void             ledger_household_free (LedgerHousehold *household);

/**
 * ledger_occupancy_to_string:
 * @status: an occupancy
 *
 * Returns: (transfer none): "occupied", "rented" or "vacant", the word
 *   stored in the book
 */
const char *ledger_occupancy_to_string (LedgerOccupancy status);
/**
 * ledger_occupancy_parse:
 * @text: the English word or 自住/出租/空置
 * @field: the option or column it came from, for the message
 * @out_status: (out): the occupancy
 * @error: return location for an error
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean    ledger_occupancy_parse (const char      *text,
                                    const char      *field,
                                    LedgerOccupancy *out_status,
                                    GError         **error);

/**
 * ledger_unit_parse:
 * @text: a unit code as typed
 * @field: the option or column it came from, for the message
 * @out_unit: (out) (optional) (transfer full): the normalised code
 * @out_building: (out) (optional): the building number
 * @out_entrance: (out) (optional): the entrance number
 * @out_room: (out) (optional): the room number
 * @error: return location for an error
 *
 * Normalises a unit code: "3-2-301", "3号楼2单元301室", "3栋2单元301",
 * full-width digits, leading zeros → "3-2-301". Building 1..9999, entrance
 * 1..99, room 1..99999.
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field for anything else
 */
gboolean ledger_unit_parse (const char  *text,
                            const char  *field,
                            char       **out_unit,
                            int         *out_building,
                            int         *out_entrance,
                            int         *out_room,
                            GError     **error);

/**
 * ledger_household_validate:
 * @household: (inout): a household as typed or read from a file
 * @error: return location for an error
 *
 * Checks every field of @household and normalises its unit code, phone and
 * owner key (defaults to the unit code) in place.
 *
 * Returns: TRUE when every field is acceptable; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming the field that is not
 */
gboolean ledger_household_validate (LedgerHousehold  *household,
                                    GError          **error);

/**
 * ledger_household_add:
 * @book: an open book
 * @household: (inout): the household; validated (and normalised) here,
 *   and its id set when stored
 * @error: return location for an error
 *
 * Registers a household in its own transaction, journaled as a
 * "household" entry.
 *
 * Returns: TRUE when registered; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT naming a bad field, LEDGER_ERROR_CONFLICT
 *   when the unit is already registered, or a storage or journal error
 */
gboolean ledger_household_add (LedgerBook       *book,
                               LedgerHousehold  *household,
                               GError          **error);

/**
 * ledger_household_update:
 * @book: an open book
 * @household: the unit's new details (its unit code names the unit)
 * @error: return location for an error
 *
 * Changes owner, phone, area, spaces, status, move-in of a registered unit;
 * the unit code itself never changes. Journaled as a "household" entry.
 *
 * Returns: TRUE when changed; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT naming a bad field, LEDGER_ERROR_NOT_FOUND
 *   for an unregistered unit, LEDGER_ERROR_CONFLICT for a change of owner
 *   while the owner's ballot is in a vote still open, or a storage or
 *   journal error
 */
gboolean ledger_household_update (LedgerBook             *book,
                                  const LedgerHousehold  *household,
                                  GError                **error);

/**
 * ledger_household_lookup:
 * @book: an open book
 * @unit: a unit code, in any form ledger_unit_parse() accepts
 * @error: return location for an error
 *
 * Returns: (transfer full): the registered household, or NULL with
 *   @error set: LEDGER_ERROR_INVALID_INPUT for a malformed code,
 *   LEDGER_ERROR_NOT_FOUND for an unregistered unit, or a storage error
 */
LedgerHousehold *ledger_household_lookup (LedgerBook  *book,
                                          const char  *unit,
                                          GError     **error);

/**
 * ledger_household_list:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerHousehold): every
 *   household in building/entrance/room order (the array frees them), or
 *   NULL with a storage error
 */
GPtrArray *ledger_household_list (LedgerBook  *book,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerHousehold, ledger_household_free)

/**
 * ledger_household_scrubber_new:
 * @book: an open book
 * @names: whether the owners' names are masked too (not only phones)
 * @error: return location for an error
 *
 * A scrubber (ledger_privacy_scrubber_run()) for the phones of @book's
 * register and, when @names, its owners' names.
 *
 * Returns: (transfer full): the scrubber, or NULL with a storage error
 *   when the register cannot be read
 */
LedgerPrivacyScrubber *ledger_household_scrubber_new (LedgerBook  *book,
                                                      gboolean     names,
                                                      GError     **error);

G_END_DECLS

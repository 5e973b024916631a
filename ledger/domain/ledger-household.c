/* ledger-household.c — adding, editing and finding households */
#define G_LOG_DOMAIN "ledger"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-billing.h"
#include "ledger-book-private.h"
#include "ledger-error-private.h"
#include "ledger-dates-private.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-journal-private.h"
#include "ledger-limits.h"
#include "ledger-owner-record-private.h"
#include "ledger-period.h"
#include "ledger-privacy.h"
#include "ledger-replay-rules-private.h"
#include "ledger-settings.h"
#include "ledger-text.h"

#define OWNER_MAX_CHARS 40
#define OWNER_KEY_MAX_CHARS 64
#define PHONE_MAX_DIGITS 20
#define SPACES_MAX LEDGER_SPACES_MAX

LedgerHousehold *
ledger_household_new (void)
{
  LedgerHousehold *household = g_new0 (LedgerHousehold, 1);

  household->phone = g_strdup ("");
  household->move_in = g_strdup ("");
  household->status = LEDGER_STATUS_OCCUPIED;
  return household;
}

LedgerHousehold *
ledger_household_copy (const LedgerHousehold *household)
{
  LedgerHousehold *copy = g_new0 (LedgerHousehold, 1);

  *copy = *household;
  copy->unit = g_strdup (household->unit);
  copy->owner = g_strdup (household->owner);
  copy->owner_key = g_strdup (household->owner_key);
  copy->phone = g_strdup (household->phone);
  copy->move_in = g_strdup (household->move_in);
  return copy;
}

void
ledger_household_free (LedgerHousehold *household)
{
  if (household == NULL)
    return;
  g_free (household->unit);
  g_free (household->owner);
  g_free (household->owner_key);
  g_free (household->phone);
  g_free (household->move_in);
  g_free (household);
}

static const struct
{
  LedgerOccupancy status;
  const char     *word;
  const char     *chinese;
} occupancy_names[] = {
  { LEDGER_STATUS_OCCUPIED, "occupied", "自住" },
  { LEDGER_STATUS_RENTED,   "rented",   "出租" },
  { LEDGER_STATUS_VACANT,   "vacant",   "空置" },
};

const char *
ledger_occupancy_to_string (LedgerOccupancy status)
{
  for (gsize i = 0; i < G_N_ELEMENTS (occupancy_names); i++)
    if (occupancy_names[i].status == status)
      return occupancy_names[i].word;
  g_return_val_if_reached ("occupied");
}

gboolean
ledger_occupancy_parse (const char      *text,
                        const char      *field,
                        LedgerOccupancy *out_status,
                        GError         **error)
{
  g_autofree char *folded = NULL;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      folded = ledger_text_fold_ascii (text);
      for (gsize i = 0; i < G_N_ELEMENTS (occupancy_names); i++)
        if (g_ascii_strcasecmp (folded, occupancy_names[i].word) == 0 ||
            strcmp (folded, occupancy_names[i].chinese) == 0)
          {
            *out_status = occupancy_names[i].status;
            return TRUE;
          }
    }
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected occupied, rented or vacant"));
}

/* Reads a run of ASCII digits as a positive number no greater than @max;
 * advances *@p past them. */
static gboolean
read_number (const char **p,
             int          max,
             int         *out)
{
  int value = 0;
  const char *s = *p;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  while (g_ascii_isdigit (*s))
    {
      value = value * 10 + (*s - '0');
      if (value > max)
        return FALSE;
      s++;
    }
  *p = s;
  *out = value;
  return value > 0;
}

/* Skips one of the separators people write between the parts of a unit:
 * "-", "号楼", "栋", "幢", "单元", "门" … ; returns FALSE if none is there. */
static gboolean
skip_separator (const char         **p,
                const char * const  *words)
{
  for (gsize i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (*p, words[i]))
      {
        *p += strlen (words[i]);
        return TRUE;
      }
  return FALSE;
}

gboolean
ledger_unit_parse (const char  *text,
                   const char  *field,
                   char       **out_unit,
                   int         *out_building,
                   int         *out_entrance,
                   int         *out_room,
                   GError     **error)
{
  static const char * const after_building[] = { "-", "号楼", "栋", "幢", "号", NULL };
  static const char * const after_entrance[] = { "-", "单元", "门", NULL };
  static const char * const after_room[] = { "室", "号", NULL };
  g_autofree char *folded = NULL;
  const char *p;
  int building = 0, entrance = 0, room = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    goto bad;
  folded = ledger_text_fold_ascii (text);
  p = folded;

  if (!read_number (&p, 9999, &building) || !skip_separator (&p, after_building) ||
      !read_number (&p, 99, &entrance) || !skip_separator (&p, after_entrance) ||
      !read_number (&p, 99999, &room))
    goto bad;
  skip_separator (&p, after_room);
  if (*p != '\0')
    goto bad;

  if (out_unit != NULL)
    *out_unit = g_strdup_printf ("%d-%d-%d", building, entrance, room);
  if (out_building != NULL)
    *out_building = building;
  if (out_entrance != NULL)
    *out_entrance = entrance;
  if (out_room != NULL)
    *out_room = room;
  return TRUE;

bad:
  return ledger_text_set_invalid_input (error, field, text,
                                        _("expected a unit code BUILDING-ENTRANCE-ROOM such as 3-2-301"));
}

/* Keeps the digits of a phone number (and a leading +), dropping the
 * spaces and dashes people type between groups. */
static gboolean
normalise_phone (const char  *text,
                 char       **out_phone,
                 GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);

  if (!ledger_text_check (text, _("phone"), 40, FALSE, error))
    return FALSE;
  folded = ledger_text_fold_ascii (text != NULL ? text : "");
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && digits->len == 0))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        return ledger_text_set_invalid_input (error, _("phone"), text,
                                              _("only digits, spaces and dashes are allowed"));
    }
  if (digits->len > PHONE_MAX_DIGITS || (digits->len > 0 && digits->len < 5))
    return ledger_text_set_invalid_input (error, _("phone"), text, _("expected 5 to 20 digits"));
  *out_phone = g_string_free (g_steal_pointer (&digits), FALSE);
  return TRUE;
}

gboolean
ledger_household_validate (LedgerHousehold  *household,
                           GError          **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *owner = NULL;
  char move_in[11] = "";

  if (!ledger_unit_parse (household->unit, _("unit"), &unit, NULL, NULL, NULL, error))
    return FALSE;
  if (!ledger_text_check (household->owner, _("owner"), OWNER_MAX_CHARS, TRUE, error))
    return FALSE;
  owner = ledger_text_fold_ascii (household->owner);
  if (!ledger_text_check (household->owner_key, _("owner key"), OWNER_KEY_MAX_CHARS, FALSE, error))
    return FALSE;
  if (!normalise_phone (household->phone, &phone, error))
    return FALSE;
  if (household->area < 0 || household->area > LEDGER_AREA_MAX)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("area: must be between 0 and 100000 m²"));
      return FALSE;
    }
  if (household->spaces < 0 || household->spaces > SPACES_MAX)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("spaces “%d”: expected a number of parking spaces from 0 to %d"),
                   household->spaces, SPACES_MAX);
      return FALSE;
    }
  if (household->move_in != NULL && *household->move_in != '\0' &&
      !ledger_date_parse (household->move_in, _("move-in date"), move_in, error))
    return FALSE;

  g_free (household->unit);
  household->unit = g_steal_pointer (&unit);
  g_free (household->owner);
  household->owner = g_steal_pointer (&owner);
  g_free (household->phone);
  household->phone = g_steal_pointer (&phone);
  g_free (household->move_in);
  household->move_in = g_strdup (move_in);
  /* One spelling per key, so that the queries that count heads can
   * compare keys as stored: "Ｋ1" or a Cyrillic "К1" is the owner "K1". */
  if (household->owner_key != NULL)
    {
      char *key = ledger_privacy_owner_key (household->owner_key);

      g_free (household->owner_key);
      household->owner_key = key;
    }
  if (household->owner_key == NULL || *household->owner_key == '\0')
    {
      g_free (household->owner_key);
      household->owner_key = g_strdup (household->unit);
    }
  return TRUE;
}

static gboolean
unit_exists (LedgerBook  *book,
             const char  *unit,
             gboolean    *out_exists,
             GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT count(*) FROM households WHERE unit = ?1", error);
  gint64 count = 0;

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  if (!ledger_book_query_int64 (book, stmt, 0, &count, error))
    return FALSE;
  *out_exists = count > 0;
  return TRUE;
}

/* The household fact's status field: only the words the book stores. */
static gboolean
occupancy_from_word (const char      *word,
                     LedgerOccupancy *out_status)
{
  for (gsize i = 0; i < G_N_ELEMENTS (occupancy_names); i++)
    if (strcmp (word, occupancy_names[i].word) == 0)
      {
        *out_status = occupancy_names[i].status;
        return TRUE;
      }
  return FALSE;
}

static gboolean
set_unwritten_field (const char  *text,
                     guint        field,
                     GError     **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the journal's “household” fact has “%s” in field %u, which no version of the "
                 "program writes"),
               text, field + 1);
  return FALSE;
}

/* The unit's row of households as the fact gives it: inserted the first
 * time (the owner and phone are then filled by
 * ledger_owner_record_keep()), changed after. The building, entrance and
 * room come from the unit code by the parser the writer normalised it
 * with; a unit code the writer would have written otherwise is refused. */
static gboolean
apply_household (LedgerBook         *book,
                 gint64              txn_id G_GNUC_UNUSED,
                 const char         *date G_GNUC_UNUSED,
                 const char *const  *fields,
                 GError            **error)
{
  const char *unit = fields[LEDGER_HOUSEHOLD_FACT_UNIT];
  g_autofree char *normal = NULL;
  int building, entrance, room;
  gint64 area, spaces;
  LedgerOccupancy status;
  sqlite3_stmt *stmt;

  if (!ledger_unit_parse (unit, "unit", &normal, &building, &entrance, &room, NULL) ||
      strcmp (normal, unit) != 0)
    return set_unwritten_field (unit, LEDGER_HOUSEHOLD_FACT_UNIT, error);
  if (!ledger_fact_int64 ("household", fields, LEDGER_HOUSEHOLD_FACT_AREA, &area, error) ||
      !ledger_fact_int64 ("household", fields, LEDGER_HOUSEHOLD_FACT_SPACES, &spaces, error))
    return FALSE;
  if (!occupancy_from_word (fields[LEDGER_HOUSEHOLD_FACT_STATUS], &status))
    return set_unwritten_field (fields[LEDGER_HOUSEHOLD_FACT_STATUS], LEDGER_HOUSEHOLD_FACT_STATUS,
                                error);

  stmt = ledger_book_prepare (book,
                              "INSERT INTO households (unit, building, entrance, room, owner, owner_key,"
                              " phone, area, spaces, status, move_in)"
                              " VALUES (?1, ?2, ?3, ?4, '', ?5, '', ?6, ?7, ?8, ?9)"
                              " ON CONFLICT (unit) DO UPDATE SET owner_key = excluded.owner_key,"
                              " area = excluded.area, spaces = excluded.spaces,"
                              " status = excluded.status, move_in = excluded.move_in",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  sqlite3_bind_int (stmt, 2, building);
  sqlite3_bind_int (stmt, 3, entrance);
  sqlite3_bind_int (stmt, 4, room);
  ledger_bind_text (stmt, 5, fields[LEDGER_HOUSEHOLD_FACT_OWNER_KEY]);
  sqlite3_bind_int64 (stmt, 6, area);
  sqlite3_bind_int64 (stmt, 7, spaces);
  ledger_bind_text (stmt, 8, ledger_occupancy_to_string (status));
  ledger_bind_text (stmt, 9, fields[LEDGER_HOUSEHOLD_FACT_MOVE_IN]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_household = {
  "household", LEDGER_HOUSEHOLD_FACT_N_FIELDS, apply_household
};

/* The salt of a unit being changed: the one it was registered with, or,
 * in a book upgraded from before salts, a new one the first time. */
static gboolean
salt_of_unit (LedgerBook  *book,
              const char  *unit,
              char         out_salt[LEDGER_OWNER_SALT_CHARS + 1],
              GError     **error)
{
  g_autofree char *stored = NULL;

  if (!ledger_owner_salt_lookup (book, unit, &stored, error))
    return FALSE;
  if (stored == NULL)
    return ledger_owner_salt_new (out_salt, error);
  g_strlcpy (out_salt, stored, LEDGER_OWNER_SALT_CHARS + 1);
  return TRUE;
}

void
ledger_household_fact_init (LedgerHouseholdFact    *fact,
                            const LedgerHousehold  *household,
                            const char             *salt)
{
  g_strlcpy (fact->salt, salt, sizeof fact->salt);
  /* The owner's name and phone stay out of the journal: it is published
   * with every audit, and people's details are not the auditors' to
   * copy. The leaf holds what proves them, for those who hold them. */
  ledger_owner_commitment (salt, "owner", household->owner, fact->owner_commitment);
  ledger_owner_commitment (salt, "phone", household->phone, fact->phone_commitment);
  fact->fields[LEDGER_HOUSEHOLD_FACT_UNIT] = household->unit;
  fact->fields[LEDGER_HOUSEHOLD_FACT_AREA] = ledger_fact_int_text (fact->area, household->area);
  fact->fields[LEDGER_HOUSEHOLD_FACT_SPACES] = ledger_fact_int_text (fact->spaces, household->spaces);
  fact->fields[LEDGER_HOUSEHOLD_FACT_STATUS] = ledger_occupancy_to_string (household->status);
  fact->fields[LEDGER_HOUSEHOLD_FACT_MOVE_IN] = household->move_in;
  fact->fields[LEDGER_HOUSEHOLD_FACT_OWNER_KEY] = household->owner_key;
  fact->fields[LEDGER_HOUSEHOLD_FACT_OWNER_COMMITMENT] = fact->owner_commitment;
  fact->fields[LEDGER_HOUSEHOLD_FACT_PHONE_COMMITMENT] = fact->phone_commitment;
}

/* A household entry's ref and memo, from its fact's @fields and whether
 * the unit was registered before the entry (the memo's first word: "add"
 * registers it, "edit" changes it; no other writer posts the fact in an
 * entry of its own). The writer's and the replay's; FALSE with
 * LEDGER_ERROR_VERIFY when the area or spaces are not numbers. */
static gboolean
household_ref_memo (const char *const  *fields,
                    gboolean            registered,
                    char              **out_ref,
                    char              **out_memo,
                    GError            **error)
{
  gint64 area, spaces;

  if (!ledger_fact_int64 ("household", fields, LEDGER_HOUSEHOLD_FACT_AREA, &area, error) ||
      !ledger_fact_int64 ("household", fields, LEDGER_HOUSEHOLD_FACT_SPACES, &spaces, error))
    return FALSE;
  *out_ref = g_strdup (fields[LEDGER_HOUSEHOLD_FACT_UNIT]);
  *out_memo = g_strdup_printf ("%s area=%" G_GINT64_FORMAT ".%02d spaces=%" G_GINT64_FORMAT
                               " status=%s owner_key=%s",
                               registered ? "edit" : "add", area / 100, (int) (area % 100), spaces,
                               fields[LEDGER_HOUSEHOLD_FACT_STATUS],
                               fields[LEDGER_HOUSEHOLD_FACT_OWNER_KEY]);
  return TRUE;
}

/* Records the registration or the edit of a household in the journal:
 * the household fact, then what its commitments were made of.
 * @new_salt: the salt of a unit being registered, or NULL for a unit
 * being changed (salt_of_unit()). */
static gboolean
post_household_event (LedgerBook             *book,
                      const LedgerHousehold  *household,
                      const char             *new_salt,
                      GError                **error)
{
  char today[11];
  char salt[LEDGER_OWNER_SALT_CHARS + 1];
  LedgerHouseholdFact fact;
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *memo = NULL;
  gint64 txn_id = 0;

  if (new_salt != NULL)
    g_strlcpy (salt, new_salt, sizeof salt);
  else if (!salt_of_unit (book, household->unit, salt, error))
    return FALSE;
  ledger_household_fact_init (&fact, household, salt);
  if (!household_ref_memo (fact.fields, new_salt == NULL, &ref, &memo, error))
    return FALSE;

  ledger_book_today (book, today);
  posting = ledger_posting_new ("household", today);
  ledger_posting_set_ref (posting, ref);
  ledger_posting_set_memo (posting, memo);
  ledger_posting_add_factv (posting, &ledger_fact_household, fact.fields);
  return ledger_posting_commit (posting, book, &txn_id, error) &&
         ledger_owner_record_keep (book, txn_id, fact.fields, salt, household->owner, household->phone,
                                   error);
}

/* ------------------------------------------------------------------ */
/* The register restated (the upgrade to schema 3, ledger-snapshot.c) */

typedef struct
{
  LedgerHousehold     *household;
  LedgerHouseholdFact  fact;
} Restated;

static void
restated_free (gpointer data)
{
  Restated *r = data;

  ledger_household_free (r->household);
  g_free (r);
}

GPtrArray *
ledger_household_restate_all (LedgerPosting  *posting,
                              LedgerBook     *book,
                              GError        **error)
{
  g_autoptr(GPtrArray) restated = g_ptr_array_new_with_free_func (restated_free);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT unit FROM households ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, ledger_column_dup (stmt, 0));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading households"), error))
    return NULL;

  /* In the order of their ids, so that the replay, registering them in
   * this order, gives each the id the rows that refer to it use. */
  for (guint i = 0; i < units->len; i++)
    {
      Restated *r = g_new0 (Restated, 1);
      char salt[LEDGER_OWNER_SALT_CHARS + 1];

      g_ptr_array_add (restated, r);
      r->household = ledger_household_lookup (book, g_ptr_array_index (units, i), error);
      if (r->household == NULL || !salt_of_unit (book, r->household->unit, salt, error))
        return NULL;
      ledger_household_fact_init (&r->fact, r->household, salt);
      ledger_posting_add_factv (posting, &ledger_fact_household, r->fact.fields);
    }
  return g_steal_pointer (&restated);
}

gboolean
ledger_household_restated (LedgerBook  *book,
                           gint64       txn_id,
                           GPtrArray   *restated,
                           GError     **error)
{
  for (guint i = 0; i < restated->len; i++)
    {
      Restated *r = g_ptr_array_index (restated, i);

      if (!ledger_owner_record_keep (book, txn_id, r->fact.fields, r->fact.salt,
                                     r->household->owner, r->household->phone, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The register during a vote */

/* The first open vote with a ballot of owner @key (0 when none). */
static gboolean
open_vote_of_owner (LedgerBook  *book,
                    const char  *key,
                    gint64      *out_vote_id,
                    GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
    "SELECT coalesce (min (b.vote_id), 0) FROM ballots b"
    " WHERE b.owner_key = ?1"
    "   AND NOT EXISTS (SELECT 1 FROM vote_results r WHERE r.vote_id = b.vote_id)",
    error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, key);
  return ledger_book_query_int64 (book, stmt, 0, out_vote_id, error);
}

/* Refuses (LEDGER_ERROR_CONFLICT) a change of a household's owner key or
 * area, or a new household, that touches an owner who has a ballot in a
 * vote that is still open. Ballots are counted by owner key (one head per
 * owner, the areas of the owner's units added up), so moving a unit to
 * another key during the vote would let one owner vote twice, or drop a
 * ballot, and changing a voter's area would change what the ballot
 * weighs. Changes that touch no voter are allowed: the register of the
 * owners who have not voted may still be corrected. */
static gboolean
check_register_change (LedgerBook             *book,
                       const LedgerHousehold  *before,
                       const LedgerHousehold  *after,
                       GError                **error)
{
  const char *keys[2] = { after->owner_key, before != NULL ? before->owner_key : NULL };
  gint64 vote_id = 0;

  if (before != NULL && before->area == after->area &&
      g_strcmp0 (before->owner_key, after->owner_key) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i] == NULL)
        continue;
      if (!open_vote_of_owner (book, keys[i], &vote_id, error))
        return FALSE;
      if (vote_id > 0)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                       _("unit %s: owner “%s” has voted in vote %" PRId64 ", which is still open; "
                         "its owner key and area stay as they were when the ballot was counted "
                         "until the vote is closed (Civil Code Art. 278: one head per owner)"),
                       after->unit, keys[i], vote_id);
          return FALSE;
        }
    }
  return TRUE;
}

/* The checks that need the book: a move-in date is a fact or a plan that
 * billing follows (a unit is billed from the year it is moved into), so
 * it follows the rule of billing years, up to next year; and the register
 * of an owner who voted in an open vote stays as it was. */
static gboolean
check_in_book (LedgerBook             *book,
               const LedgerHousehold  *stored,
               const LedgerHousehold  *household,
               GError                **error)
{
  if (household->move_in != NULL && *household->move_in != '\0' &&
      (stored == NULL || g_strcmp0 (stored->move_in, household->move_in) != 0) &&
      !ledger_check_move_in (book, household->move_in, _("move-in date"), error))
    return FALSE;
  return check_register_change (book, stored, household, error);
}

static gboolean
largest_household_id (LedgerBook  *book,
                      gint64      *out_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT max (id) FROM households", error);

  return stmt != NULL && ledger_book_query_int64 (book, stmt, 0, out_id, error);
}

static gboolean
household_id_of_unit (LedgerBook  *book,
                      const char  *unit,
                      gint64      *out_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT id FROM households WHERE unit = ?1", error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  return ledger_book_query_int64 (book, stmt, 0, out_id, error);
}

gboolean
ledger_household_add_salted_in_write (LedgerBook       *book,
                                      LedgerHousehold  *household,
                                      const char       *salt,
                                      GError          **error)
{
  gboolean exists = FALSE;
  gint64 largest = 0;
  char drawn[LEDGER_OWNER_SALT_CHARS + 1];

  if (!ledger_household_validate (household, error))
    return FALSE;
  if (!unit_exists (book, household->unit, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("unit “%s” is already registered"), household->unit);
      return FALSE;
    }
  if (!check_in_book (book, NULL, household, error))
    return FALSE;
  /* Households are never deleted, so the largest id counts them. */
  if (!largest_household_id (book, &largest, error))
    return FALSE;
  if (largest >= LEDGER_HOUSEHOLDS_MAX)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("unit %s: a book holds at most %d households"), household->unit,
                   LEDGER_HOUSEHOLDS_MAX);
      return FALSE;
    }

  /* A new unit: a new salt (ledger_owner_record_keep() refuses a unit
   * that somehow has another already). */
  if (salt == NULL && !ledger_owner_salt_new (drawn, error))
    return FALSE;
  return post_household_event (book, household, salt != NULL ? salt : drawn, error) &&
         household_id_of_unit (book, household->unit, &household->id, error);
}

gboolean
ledger_household_add_in_write (LedgerBook       *book,
                               LedgerHousehold  *household,
                               GError          **error)
{
  return ledger_household_add_salted_in_write (book, household, NULL, error);
}

static gboolean
add_cb (LedgerBook *book,
        gpointer    user_data,
        GError    **error)
{
  return ledger_household_add_in_write (book, user_data, error);
}

gboolean
ledger_household_add (LedgerBook       *book,
                      LedgerHousehold  *household,
                      GError          **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (household != NULL, FALSE);

  return ledger_book_write (book, add_cb, household, error);
}

static gboolean
update_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  g_autoptr(LedgerHousehold) household = ledger_household_copy (user_data);
  g_autoptr(LedgerHousehold) stored = NULL;

  if (!ledger_household_validate (household, error))
    return FALSE;
  stored = ledger_household_lookup (book, household->unit, error);
  if (stored == NULL || !check_in_book (book, stored, household, error))
    return FALSE;

  return post_household_event (book, household, NULL, error);
}

gboolean
ledger_household_update (LedgerBook             *book,
                         const LedgerHousehold  *household,
                         GError                **error)
{
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (household != NULL, FALSE);

  return ledger_book_write (book, update_cb, (gpointer) household, error);
}

#define HOUSEHOLD_COLUMNS \
  "id, unit, owner, owner_key, phone, area, spaces, status, move_in"

static LedgerHousehold *
household_from_row (sqlite3_stmt *stmt)
{
  LedgerHousehold *household = g_new0 (LedgerHousehold, 1);

  household->id = sqlite3_column_int64 (stmt, 0);
  household->unit = ledger_column_dup (stmt, 1);
  household->owner = ledger_column_dup (stmt, 2);
  household->owner_key = ledger_column_dup (stmt, 3);
  household->phone = ledger_column_dup (stmt, 4);
  household->area = sqlite3_column_int64 (stmt, 5);
  household->spaces = sqlite3_column_int (stmt, 6);
  ledger_occupancy_parse ((const char *) sqlite3_column_text (stmt, 7), "status",
                          &household->status, NULL);
  household->move_in = ledger_column_dup (stmt, 8);
  return household;
}

LedgerHousehold *
ledger_household_lookup (LedgerBook  *book,
                         const char  *unit,
                         GError     **error)
{
  g_autofree char *normal = NULL;
  sqlite3_stmt *stmt;
  LedgerHousehold *household = NULL;
  int rc;

  if (!ledger_unit_parse (unit, _("unit"), &normal, NULL, NULL, NULL, error))
    return NULL;
  stmt = ledger_book_prepare (book,
                              "SELECT " HOUSEHOLD_COLUMNS " FROM households WHERE unit = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, normal);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("unit “%s” is not registered in this book"), normal);
      ledger_error_set_field (error, "UNIT");
      return NULL;
    }
  if (rc == SQLITE_ROW)
    household = household_from_row (stmt);
  if (!ledger_book_finish_row (book, stmt, rc, N_("reading households"), error))
    return NULL;
  return household;
}

GPtrArray *
ledger_household_list (LedgerBook  *book,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_household_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ledger_book_prepare (book,
                              "SELECT " HOUSEHOLD_COLUMNS " FROM households"
                              " ORDER BY building, entrance, room",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, household_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading households"), error))
    return NULL;
  return g_steal_pointer (&list);
}

LedgerPrivacyScrubber *
ledger_household_scrubber_new (LedgerBook  *book,
                               gboolean     names,
                               GError     **error)
{
  g_autoptr(GPtrArray) households = ledger_household_list (book, error);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();

  if (households == NULL)
    return NULL;
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);

      if (names && h->owner != NULL)
        g_ptr_array_add (owners, h->owner);
      if (h->phone != NULL && *h->phone != '\0')
        g_ptr_array_add (phones, h->phone);
    }
  return ledger_privacy_scrubber_new (owners, phones);
}

/* ------------------------------------------------------------------ */
/* Replay */

gboolean
ledger_fact_household_id (LedgerBook  *book,
                          const char  *fact,
                          const char  *unit,
                          gint64      *out_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT id FROM households WHERE unit = ?1", error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  if (!ledger_book_query_int64 (book, stmt, 0, out_id, error))
    return FALSE;
  if (*out_id == 0)
    {
      g_autofree char *what = g_strdup_printf (_("unit %s"), unit);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("a “%s” fact names %s, which no earlier entry gives"), fact, what);
      return FALSE;
    }
  return TRUE;
}


/* The household fact's LedgerReplayPrivateFunc: what the entry
 * committed to is brought over (ledger_owner_record_replay()), then the
 * household as the entry left it passes the writer's own checks
 * (ledger_household_validate()) unchanged: a move-in date that is no
 * date, a phone that is no phone, a unit not written as the register
 * writes units, are refused as `household add` refuses them. */
gboolean
ledger_household_replay_private (LedgerBook         *replayed,
                                 LedgerBook         *book,
                                 gint64              txn_id,
                                 const char *const  *fields,
                                 GError            **error)
{
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerHousehold) checked = NULL;
  g_autoptr(GError) refused = NULL;

  if (!ledger_owner_record_replay (replayed, book, txn_id, fields, error))
    return FALSE;
  household = ledger_household_lookup (replayed, fields[LEDGER_HOUSEHOLD_FACT_UNIT], error);
  if (household == NULL)
    return FALSE;
  checked = ledger_household_copy (household);
  if (!ledger_household_validate (checked, &refused))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the household's checks refuse the entry: %s"), refused->message);
      return FALSE;
    }
  if (g_strcmp0 (checked->unit, household->unit) != 0 ||
      g_strcmp0 (checked->owner, household->owner) != 0 ||
      g_strcmp0 (checked->phone, household->phone) != 0 ||
      g_strcmp0 (checked->owner_key, household->owner_key) != 0 ||
      g_strcmp0 (checked->move_in, household->move_in) != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the household %s is not written as the register writes it"), household->unit);
      return FALSE;
    }
  return TRUE;
}

/* A household entry's ref and memo again (household_ref_memo()): the
 * memo's first word is "edit" when an earlier entry registered the unit,
 * "add" when none did. The fact itself is judged once applied
 * (ledger_household_replay_private()). */
gboolean
ledger_household_replay (LedgerBook          *book,
                         const LedgerLeaf    *leaf,
                         char *const *const  *facts,
                         GError             **error)
{
  char *const *fact = ledger_replay_only_fact (leaf, facts, "household", NULL, error);
  g_autofree char *ref = NULL, *memo = NULL;
  gboolean registered = FALSE;

  return fact != NULL &&
         unit_exists (book, fact[1 + LEDGER_HOUSEHOLD_FACT_UNIT], &registered, error) &&
         household_ref_memo ((const char *const *) fact + 1, registered, &ref, &memo, error) &&
         ledger_replay_check_ref_memo (leaf, ref, memo, error);
}

/* ledger-owner-record.c — owners' names and phones: salts, commitments
 * and the rows that keep what each entry committed to */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/random.h>

#include "ledger-book-private.h"
#include "ledger-household-private.h"
#include "ledger-merkle.h"
#include "ledger-owner-record-private.h"

#define SALT_BYTES (LEDGER_OWNER_SALT_CHARS / 2)

gboolean
ledger_owner_salt_new (char     out_salt[LEDGER_OWNER_SALT_CHARS + 1],
                       GError **error)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[SALT_BYTES];
  ssize_t n;

  /* A salt guessed is a name guessed: a register's names are few enough
   * to try them all against a commitment, so the salt comes from the
   * OS's generator, not GLib's (which is not meant for secrets). Up to
   * 256 bytes, getrandom() returns them all once the pool is ready. */
  do
    n = getrandom (bytes, sizeof bytes, 0);
  while (n < 0 && errno == EINTR);
  if (n != (ssize_t) sizeof bytes)
    {
      int saved_errno = n < 0 ? errno : EIO;

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO,
                   _("could not draw a random salt for the owner's details: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  for (gsize i = 0; i < SALT_BYTES; i++)
    {
      out_salt[2 * i] = hex[bytes[i] >> 4];
      out_salt[2 * i + 1] = hex[bytes[i] & 0x0f];
    }
  out_salt[LEDGER_OWNER_SALT_CHARS] = '\0';
  return TRUE;
}

gboolean
ledger_owner_salt_lookup (LedgerBook  *book,
                          const char  *unit,
                          char       **out_salt,
                          GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT salt FROM household_salts WHERE unit = ?1", error);
  int rc;

  *out_salt = NULL;
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_ROW)
    *out_salt = ledger_column_dup (stmt, 0);
  return ledger_book_finish_row (book, stmt, rc, N_("reading the households' salts"), error);
}

void
ledger_owner_commitment (const char *salt,
                         const char *what,
                         const char *value,
                         char        out_hex[65])
{
  struct sha256_ctx ctx;
  LedgerHash hash;

  sha256_init (&ctx);
  sha256_update (&ctx, strlen (salt), (const guint8 *) salt);
  sha256_update (&ctx, 1, (const guint8 *) "\n");
  sha256_update (&ctx, strlen (what), (const guint8 *) what);
  sha256_update (&ctx, 1, (const guint8 *) "\n");
  sha256_update (&ctx, strlen (value), (const guint8 *) value);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, hash.bytes);
  ledger_hash_to_hex (&hash, out_hex);
}

static gboolean
set_commitment_mismatch (GError     **error,
                         gint64       txn_id,
                         const char  *unit,
                         const char  *column)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("table owner_records, row txn_id %" PRId64 ", unit %s, column %s: "
                 "with the unit's salt in household_salts it does not give the commitment "
                 "the journal entry holds"),
               txn_id, unit, column);
  return FALSE;
}

/* Stores @salt as @unit's the first time; after that it must be the one
 * stored: the commitments of every earlier entry were made with it. */
static gboolean
keep_salt (LedgerBook  *book,
           const char  *unit,
           const char  *salt,
           GError     **error)
{
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;

  /* Inserting first: a unit is registered once and changed seldom, and
   * an import of thousands pays one statement per unit, not two. */
  stmt = ledger_book_prepare (book,
                              "INSERT INTO household_salts (unit, salt) VALUES (?1, ?2)"
                              " ON CONFLICT (unit) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  ledger_bind_text (stmt, 2, salt);
  if (!ledger_book_step_done (book, stmt, error))
    return FALSE;
  if (sqlite3_changes (ledger_book_get_db (book)) == 1)
    return TRUE;
  if (!ledger_owner_salt_lookup (book, unit, &stored, error))
    return FALSE;
  if (g_strcmp0 (stored, salt) == 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("table household_salts, row unit %s, column salt: the unit's entries were "
                 "committed with two different salts"),
               unit);
  return FALSE;
}

static gboolean
insert_owner_record (LedgerBook  *book,
                     gint64       txn_id,
                     const char  *unit,
                     const char  *owner,
                     const char  *phone,
                     GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "INSERT INTO owner_records (txn_id, unit, owner, phone)"
                                            " VALUES (?1, ?2, ?3, ?4)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, unit);
  ledger_bind_text (stmt, 3, owner);
  ledger_bind_text (stmt, 4, phone);
  return ledger_book_step_done (book, stmt, error);
}

/* The register shows the latest entry's name and phone. */
static gboolean
update_household_owner (LedgerBook  *book,
                        const char  *unit,
                        const char  *owner,
                        const char  *phone,
                        GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "UPDATE households SET owner = ?2, phone = ?3 WHERE unit = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, unit);
  ledger_bind_text (stmt, 2, owner);
  ledger_bind_text (stmt, 3, phone);
  return ledger_book_step_done (book, stmt, error);
}

gboolean
ledger_owner_record_keep (LedgerBook         *book,
                          gint64              txn_id,
                          const char *const  *fields,
                          const char         *salt,
                          const char         *owner,
                          const char         *phone,
                          GError            **error)
{
  const char *unit = fields[LEDGER_HOUSEHOLD_FACT_UNIT];
  char owner_commitment[65];
  char phone_commitment[65];

  ledger_owner_commitment (salt, "owner", owner, owner_commitment);
  ledger_owner_commitment (salt, "phone", phone, phone_commitment);
  if (strcmp (owner_commitment, fields[LEDGER_HOUSEHOLD_FACT_OWNER_COMMITMENT]) != 0)
    return set_commitment_mismatch (error, txn_id, unit, "owner");
  if (strcmp (phone_commitment, fields[LEDGER_HOUSEHOLD_FACT_PHONE_COMMITMENT]) != 0)
    return set_commitment_mismatch (error, txn_id, unit, "phone");

  return keep_salt (book, unit, salt, error) &&
         insert_owner_record (book, txn_id, unit, owner, phone, error) &&
         update_household_owner (book, unit, owner, phone, error);
}

typedef struct
{
  char *owner;
  char *phone;
  char *salt;
} OwnerRecord;

static void
owner_record_clear (OwnerRecord *record)
{
  g_clear_pointer (&record->owner, g_free);
  g_clear_pointer (&record->phone, g_free);
  g_clear_pointer (&record->salt, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OwnerRecord, owner_record_clear)

/* The owner_records row of (@txn_id, @unit) in @book and the unit's salt;
 * LEDGER_ERROR_VERIFY when either is missing. */
static gboolean
read_owner_record (LedgerBook   *book,
                   gint64        txn_id,
                   const char   *unit,
                   OwnerRecord  *out,
                   GError      **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "SELECT o.owner, o.phone, s.salt FROM owner_records o"
                                            " LEFT JOIN household_salts s ON s.unit = o.unit"
                                            " WHERE o.txn_id = ?1 AND o.unit = ?2",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, unit);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("table owner_records: row txn_id %" PRId64 ", unit %s, which the "
                     "journal commits to, is missing from the book"),
                   txn_id, unit);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      out->owner = ledger_column_dup (stmt, 0);
      out->phone = ledger_column_dup (stmt, 1);
      out->salt = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NULL : ledger_column_dup (stmt, 2);
    }
  if (!ledger_book_finish_row (book, stmt, rc, N_("reading the owners' records"), error))
    return FALSE;
  if (out->salt == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("table household_salts: row unit %s, which the journal's commitments need, "
                     "is missing from the book"),
                   unit);
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_owner_record_replay (LedgerBook         *replayed,
                            LedgerBook         *book,
                            gint64              txn_id,
                            const char *const  *fields,
                            GError            **error)
{
  g_auto(OwnerRecord) record = { NULL, NULL, NULL };

  return read_owner_record (book, txn_id, fields[LEDGER_HOUSEHOLD_FACT_UNIT], &record, error) &&
         ledger_owner_record_keep (replayed, txn_id, fields, record.salt, record.owner, record.phone,
                                   error);
}

/* ledger-owner-record-private.h — owners' names and phones: committed in
 * the journal, kept beside it
 *
 * A household entry's leaf carries the owner's name and phone only as
 * salted SHA-256 commitments (docs/leaf-format.md, "Personal data"), so
 * that the leaves can be published without them. The book keeps a random
 * salt per unit (household_salts) and, per entry, what was committed
 * (owner_records); from those anyone holding the full book recomputes
 * the commitments, and verify does (ledger_owner_record_replay()).
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/* 16 random bytes from the OS as 32 lowercase hex digits and a NUL. */
#define LEDGER_OWNER_SALT_CHARS 32

/* A new salt from getrandom(2) in @out_salt, or FALSE with LEDGER_ERROR_IO. */
gboolean ledger_owner_salt_new (char     out_salt[LEDGER_OWNER_SALT_CHARS + 1],
                                GError **error);

/* @unit's salt in @book (a newly allocated string), or NULL in
 * *@out_salt when the unit has none yet; FALSE only with a storage error. */
gboolean ledger_owner_salt_lookup (LedgerBook  *book,
                                   const char  *unit,
                                   char       **out_salt,
                                   GError     **error);

/* hex (SHA-256 (@salt ‖ "\n" ‖ @what ‖ "\n" ‖ @value)), 64 lowercase hex
 * digits: @what is "owner" or "phone". */
void ledger_owner_commitment (const char *salt,
                              const char *what,
                              const char *value,
                              char        out_hex[65]);

/**
 * ledger_owner_record_keep:
 * @book: the book being written or replayed, inside a write, the entry
 *   @txn_id and its household fact already applied
 * @txn_id: the household entry
 * @fields: its household fact's fields (ledger-household-private.h)
 * @salt: the unit's salt
 * @owner: the owner's name the entry committed to
 * @phone: the phone it committed to ("" for none)
 * @error: return location for an error
 *
 * Checks @owner and @phone against the fact's commitments with @salt and
 * keeps them: the unit's salt the first time (a salt never changes), the
 * owner_records row (@txn_id, unit) and the household's owner and phone.
 * The writer calls it after committing; verify's replay with what the
 * verified book holds, so a name, phone or salt changed there is found.
 *
 * Returns: TRUE when kept; FALSE with LEDGER_ERROR_VERIFY naming
 *   owner_records (and household_salts) when a commitment does not match
 *   or the unit has another salt, or a storage error
 */
gboolean ledger_owner_record_keep (LedgerBook         *book,
                                   gint64              txn_id,
                                   const char *const  *fields,
                                   const char         *salt,
                                   const char         *owner,
                                   const char         *phone,
                                   GError            **error);

/* The household fact's LedgerReplayPrivateFunc (ledger-replay-private.h):
 * the owner_records row of (@txn_id, unit) and the unit's salt read from
 * @book, kept in @replayed through ledger_owner_record_keep(). */
gboolean ledger_owner_record_replay (LedgerBook         *replayed,
                                     LedgerBook         *book,
                                     gint64              txn_id,
                                     const char *const  *fields,
                                     GError            **error);

G_END_DECLS

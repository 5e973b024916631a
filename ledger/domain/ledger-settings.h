/* ledger-settings.h — the book's own settings: the community, its address,
 * where automatic backups go, and the committee members who approve spending
 *
 * Every change is one transaction with a journal entry of kind "setting"
 * (ref: the setting's key, memo: what changed), like the spend limit and
 * the settings the notice prints (ledger-notice.h). Bad input is refused
 * before anything is written.
 */
#pragma once

#include "ledger-backup-place.h"
#include "ledger-book.h"

G_BEGIN_DECLS

/* Keys in the book's settings table. */
#define LEDGER_SETTING_NAME        "name"
#define LEDGER_SETTING_ADDRESS     "address"
#define LEDGER_SETTING_BACKUP_DIR  "backup_dir"
#define LEDGER_SETTING_BACKUP_KEEP "backup_keep"
#define LEDGER_SETTING_MEMBERS     "members"
#define LEDGER_SETTING_DAYS_AHEAD  "days_ahead"
/* Printed on every notice: the address it is published at, and who signs. */
#define LEDGER_SETTING_PUBLICATION_URL "publication_url"
#define LEDGER_SETTING_COMMITTEE       "committee"

/* The range of backup_keep: how many recent automatic backups are kept. */
#define LEDGER_BACKUP_KEEP_MIN 1
#define LEDGER_BACKUP_KEEP_MAX 100

/**
 * ledger_settings_set:
 * @book: an open book
 * @key: LEDGER_SETTING_NAME, _ADDRESS, _BACKUP_DIR, _BACKUP_KEEP,
 *   _DAYS_AHEAD, or one of the two the notice prints
 *   (LEDGER_SETTING_PUBLICATION_URL, _COMMITTEE)
 * @value: the text the user typed; "" clears an optional setting (the
 *   backup settings then go back to their defaults)
 * @error: return location for an error
 *
 * Checks @value for @key and stores it, journaled, in one transaction:
 * - name: the community's name, 1 to 100 characters;
 * - address: at most 100 characters, printed on the notice under the name;
 * - backup_dir: an existing folder this program may write in (a relative
 *   path is taken from the current folder and stored absolute);
 * - backup_keep: a whole number from 1 to 100;
 * - days_ahead: a whole number from 0 to LEDGER_DAYS_AHEAD_MAX;
 * - publication_url: as ledger_settings_check_url() accepts;
 * - committee: at most 40 characters ("" prints "{community}业主委员会").
 * Text must be valid UTF-8 without control characters.
 *
 * Returns: TRUE when stored; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT with a one-line message naming the field
 *   (an unknown @key too), or a storage or journal error
 */
gboolean ledger_settings_set (LedgerBook  *book,
                              const char  *key,
                              const char  *value,
                              GError     **error);

/**
 * ledger_settings_dup_address:
 * @book: an open book
 *
 * Returns: (transfer full): the community's address, "" when none is set
 */
char *ledger_settings_dup_address (LedgerBook *book);

/**
 * ledger_settings_dup_backup_dir:
 * @book: an open book
 *
 * Returns: (transfer full): the folder automatic backups go to: the
 *   backup_dir setting, or BOOK.backups/ when none is set
 */
char *ledger_settings_dup_backup_dir (LedgerBook *book);

/**
 * ledger_settings_get_backup_keep:
 * @book: an open book
 *
 * Returns: how many recent automatic backups are kept besides one per
 *   month: the backup_keep setting, or LEDGER_BACKUP_KEEP when it is
 *   unset or unreadable
 */
int ledger_settings_get_backup_keep (LedgerBook *book);

/**
 * ledger_settings_get_backup_place:
 * @book: an open book
 *
 * Where @book's automatic backups go, for ledger_backup_automatic(): the
 * folder of ledger_settings_dup_backup_dir(), chosen when
 * ledger_settings_has_backup_dir(), keeping
 * ledger_settings_get_backup_keep(). A #LedgerBackupPlaceFunc.
 *
 * Returns: (transfer full): the place; free it with
 *   ledger_backup_place_free()
 */
LedgerBackupPlace *ledger_settings_get_backup_place (LedgerBook *book);

/**
 * ledger_settings_get_days_ahead:
 * @book: an open book
 *
 * Returns: how many days after today an entry may be dated: the
 *   days_ahead setting, 0 when unset (no entry after today)
 */
int ledger_settings_get_days_ahead (LedgerBook *book);

/* ------------------------------------------------------------------ */
/* Committee members */

/* The longest member name and role, in characters. */
#define LEDGER_MEMBER_NAME_MAX_CHARS 20
#define LEDGER_MEMBER_ROLE_MAX_CHARS 20

/**
 * LedgerMember:
 * @name: as typed, trimmed; no commas (approvers are listed with commas)
 * @role: free text: 主任, 副主任, 委员, 出纳, 监事 …
 * @since: the day the member was added, "YYYY-MM-DD"
 * @retired: the day the member retired, "" while active
 *
 * A member of the owners' committee. Members are never deleted: a retired
 * member stays in the list (and on the expenditures they approved), and a
 * name may be added again once its earlier holder has retired.
 */
typedef struct
{
  char *name;
  char *role;
  char  since[11];
  char  retired[11];
} LedgerMember;

/**
 * ledger_member_free:
 * @member: (nullable) (transfer full): a member
 *
 * Frees @member and its strings.
 */
void ledger_member_free (LedgerMember *member);

/**
 * ledger_member_is_active:
 * @member: a member
 *
 * Returns: TRUE while the member has not retired
 */
gboolean ledger_member_is_active (const LedgerMember *member);

/**
 * ledger_members_list:
 * @book: an open book
 * @include_retired: whether retired members are listed too
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerMember): the members in
 *   the order they were added (empty when none is recorded); never NULL,
 *   @error is not set
 */
GPtrArray *ledger_members_list (LedgerBook  *book,
                                gboolean     include_retired,
                                GError     **error);

/**
 * ledger_member_check:
 * @name: a member's name: 1 to 20 characters, no control characters, no commas
 * @role: the role: 1 to 20 characters
 * @error: return location for an error
 *
 * Checks a member's name and role without touching the book.
 *
 * Returns: TRUE when both are acceptable; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming the field
 */
gboolean ledger_member_check (const char  *name,
                              const char  *role,
                              GError     **error);

/**
 * ledger_member_add:
 * @book: an open book
 * @name: the member's name (ledger_member_check())
 * @role: the role
 * @error: return location for an error
 *
 * Adds an active member, dated today, journaled as a "setting" entry.
 *
 * Returns: TRUE when added; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT naming a bad field, LEDGER_ERROR_CONFLICT
 *   when an active member already has the name or the register holds a
 *   change of that name dated after today, or a storage or journal error
 */
gboolean ledger_member_add (LedgerBook  *book,
                            const char  *name,
                            const char  *role,
                            GError     **error);

/**
 * ledger_member_set_role:
 * @book: an open book
 * @name: an active member's name
 * @role: the new role
 * @error: return location for an error
 *
 * Gives active member @name a new role, journaled.
 *
 * Returns: TRUE when changed; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a bad role, LEDGER_ERROR_NOT_FOUND when
 *   there is no such active member, LEDGER_ERROR_CONFLICT when the
 *   register holds a change of the member dated after today, or a storage
 *   or journal error
 */
gboolean ledger_member_set_role (LedgerBook  *book,
                                 const char  *name,
                                 const char  *role,
                                 GError     **error);

/**
 * ledger_member_retire:
 * @book: an open book
 * @name: an active member's name
 * @error: return location for an error
 *
 * Retires active member @name today, journaled. The member stays in the
 * list, and on the expenditures they approved.
 *
 * Returns: TRUE when retired; FALSE with @error set:
 *   LEDGER_ERROR_NOT_FOUND when there is no such active member,
 *   LEDGER_ERROR_CONFLICT when the register holds a change of the member
 *   dated after today, or a storage or journal error
 */
gboolean ledger_member_retire (LedgerBook  *book,
                               const char  *name,
                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerMember, ledger_member_free)

/**
 * ledger_settings_check_url:
 * @value: a publication URL, "" included
 * @error: return location for an error
 *
 * Whether a book would take @value as its publication URL: an http or
 * https address without spaces or a mobile number, for a URL kept
 * elsewhere (the desk's default for new books). The publication URL and
 * the committee are set with ledger_settings_set(), journaled (kind
 * "setting") like the spend limit.
 *
 * Returns: TRUE when acceptable; FALSE with LEDGER_ERROR_INVALID_INPUT
 */
gboolean ledger_settings_check_url (const char  *value,
                                    GError     **error);

G_END_DECLS

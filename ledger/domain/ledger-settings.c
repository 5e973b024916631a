/* ledger-settings.c — the community's name and address, the backup folder
 * and rotation, and the committee members
 *
 * All of them live in the settings table (no schema change) and every
 * change is journaled. The members are one setting, "members", with a line
 * per member: NAME TAB ROLE TAB SINCE TAB RETIRED (RETIRED empty while
 * active). Lines are only ever added or marked retired, never removed, so
 * the list is the committee's whole history; it is read and rewritten
 * inside the write transaction, so two writers cannot lose each other's
 * change.
 */
#define G_LOG_DOMAIN "ledger"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ledger-fact-private.h"
#include "ledger-replay-private.h"
#include "ledger-replay-rules-private.h"
#include "ledger-money.h"
#include "ledger-backup.h"
#include "ledger-file-names-private.h"
#include "ledger-book-private.h"
#include "ledger-journal-private.h"
#include "ledger-limits.h"
#include "ledger-period.h"
#include "ledger-privacy.h"
#include "ledger-settings.h"
#include "ledger-settings-private.h"
#include "ledger-text.h"

#define NAME_MAX_CHARS       100
#define ADDRESS_MAX_CHARS    100
#define BACKUP_DIR_MAX_CHARS 1000
#define COMMITTEE_MAX_CHARS  40
#define URL_MAX_CHARS        200

/* ------------------------------------------------------------------ */
/* Writing one setting */

typedef struct
{
  const char *key;
  const char *value;
  const char *memo;
} SettingWrite;

/* The memo of a setting entry that sets @key to @value, for every key
 * but the members (whose memo says the change, apply_member_change()):
 * the spend limit in yuan, as `spend-limit` shows it; any other value as
 * it is. The writer's and the replay's. */
static char *
setting_memo (const char  *key,
              const char  *value)
{
  gint64 limit;

  if (strcmp (key, "spend_limit") == 0 &&
      g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &limit, NULL))
    return ledger_money_format_plain (limit);
  return g_strdup (value);
}

gboolean
ledger_settings_record (LedgerBook  *book,
                        const char  *key,
                        const char  *value,
                        const char  *memo,
                        GError     **error)
{
  g_autoptr(LedgerPosting) posting = NULL;
  g_autofree char *composed = memo == NULL ? setting_memo (key, value) : NULL;
  char today[11];

  g_assert (ledger_book_in_write (book));

  ledger_book_today (book, today);
  posting = ledger_posting_new ("setting", today);
  ledger_posting_set_ref (posting, key);
  ledger_posting_set_memo (posting, memo != NULL ? memo : composed);
  ledger_posting_add_fact (posting, &ledger_fact_setting, key, value);
  return ledger_posting_commit (posting, book, NULL, error);
}

static gboolean
write_setting_cb (LedgerBook *book,
                  gpointer    user_data,
                  GError    **error)
{
  const SettingWrite *w = user_data;

  return ledger_settings_record (book, w->key, w->value, w->memo, error);
}

static gboolean
write_setting (LedgerBook  *book,
               const char  *key,
               const char  *value,
               GError     **error)
{
  SettingWrite w = { key, value, NULL };

  return ledger_book_write (book, write_setting_cb, &w, error);
}

/* ------------------------------------------------------------------ */
/* Checks */

/* An existing folder this process can create files in. */
static gboolean
check_backup_dir (const char  *path,
                  GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return ledger_text_set_invalid_input (error, _("backup folder"), path,
                                          _("no such folder; create it first"));
  if (g_access (path, W_OK | X_OK) != 0)
    return ledger_text_set_invalid_input (error, _("backup folder"), path,
                                          _("this folder cannot be written to"));
  return TRUE;
}

/* The backup_keep text as typed ("10", "１０") into @out_keep, 1 to 100;
 * anything else is LEDGER_ERROR_INVALID_INPUT. */
static gboolean
ledger_settings_parse_backup_keep (const char  *text,
                                   int         *out_keep,
                                   GError     **error)
{
  g_autofree char *folded = NULL;
  guint64 value = 0;

  g_return_val_if_fail (out_keep != NULL, FALSE);

  if (!ledger_text_check (text, _("backups to keep"), 10, TRUE, error))
    return FALSE;
  folded = ledger_text_fold_ascii (text);
  if (!g_ascii_string_to_unsigned (folded, 10, LEDGER_BACKUP_KEEP_MIN, LEDGER_BACKUP_KEEP_MAX,
                                   &value, NULL))
    return ledger_text_set_invalid_input (error, _("backups to keep"), text,
                                          _("expected a whole number from 1 to 100"));
  *out_keep = (int) value;
  return TRUE;
}

/* The days_ahead text as typed ("7", "７") into @out_days, 0 to
 * LEDGER_DAYS_AHEAD_MAX; anything else is LEDGER_ERROR_INVALID_INPUT. */
static gboolean
ledger_settings_parse_days_ahead (const char  *text,
                                  int         *out_days,
                                  GError     **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *reason = NULL;
  guint64 value = 0;

  g_return_val_if_fail (out_days != NULL, FALSE);

  if (!ledger_text_check (text, _("days ahead"), 10, TRUE, error))
    return FALSE;
  folded = ledger_text_fold_ascii (text);
  if (g_ascii_string_to_unsigned (folded, 10, 0, LEDGER_DAYS_AHEAD_MAX, &value, NULL))
    {
      *out_days = (int) value;
      return TRUE;
    }
  reason = g_strdup_printf (_("expected a whole number of days from 0 to %d"), LEDGER_DAYS_AHEAD_MAX);
  return ledger_text_set_invalid_input (error, _("days ahead"), text, reason);
}

/* Checks and normalises @value for @key (one of this file's keys); the
 * result is what is stored. */
static gboolean
normalise_value (const char  *key,
                 const char  *value,
                 char       **out_value,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;
  int keep = 0;

  if (strcmp (key, LEDGER_SETTING_NAME) == 0)
    {
      if (!ledger_text_check (value, _("community name"), NAME_MAX_CHARS, TRUE, error))
        return FALSE;
      *out_value = g_strstrip (g_strdup (value));
      return TRUE;
    }
  if (strcmp (key, LEDGER_SETTING_ADDRESS) == 0)
    {
      if (!ledger_text_check (value, _("address"), ADDRESS_MAX_CHARS, FALSE, error))
        return FALSE;
      *out_value = g_strstrip (g_strdup (value));
      return TRUE;
    }
  if (strcmp (key, LEDGER_SETTING_BACKUP_DIR) == 0)
    {
      if (!ledger_text_check (value, _("backup folder"), BACKUP_DIR_MAX_CHARS, FALSE, error))
        return FALSE;
      trimmed = g_strstrip (g_strdup (value));
      if (*trimmed == '\0')
        {
          *out_value = g_steal_pointer (&trimmed);
          return TRUE;
        }
      if (!check_backup_dir (trimmed, error))
        return FALSE;
      *out_value = g_canonicalize_filename (trimmed, NULL);
      return TRUE;
    }
  if (strcmp (key, LEDGER_SETTING_BACKUP_KEEP) == 0)
    {
      if (!ledger_settings_parse_backup_keep (value, &keep, error))
        return FALSE;
      *out_value = g_strdup_printf ("%d", keep);
      return TRUE;
    }
  if (strcmp (key, LEDGER_SETTING_DAYS_AHEAD) == 0)
    {
      if (!ledger_text_check (value, _("days ahead"), 10, FALSE, error))
        return FALSE;
      trimmed = g_strstrip (ledger_text_fold_ascii (value));
      if (*trimmed == '\0')
        {
          *out_value = g_strdup ("0"); /* back to the default */
          return TRUE;
        }
      if (!ledger_settings_parse_days_ahead (value, &keep, error))
        return FALSE;
      *out_value = g_strdup_printf ("%d", keep);
      return TRUE;
    }
  return ledger_text_set_invalid_input (error, _("setting"), key,
                                        _("expected name, address, url, committee, backup-dir, backup-keep or days-ahead"));
}

/* ------------------------------------------------------------------ */
/* Settings the notice prints */

/* The publication URL is printed on every notice and first in its QR
 * code, and cannot be masked there as free text is (a masked link would
 * not open). */
static gboolean
check_no_mobile (const char  *field,
                 const char  *value,
                 GError     **error)
{
  if (ledger_privacy_has_mobile_number (value))
    return ledger_text_set_invalid_input (error, field, value,
                                          _("holds a mobile phone number, which would be posted "
                                            "on the notice board; leave it out"));
  return TRUE;
}

/* An http(s) address with a host and no spaces or control characters. */
static gboolean
check_url (const char  *value,
           GError     **error)
{
  const char *rest = g_str_has_prefix (value, "https://") ? value + 8
                     : g_str_has_prefix (value, "http://") ? value + 7 : NULL;

  if (!ledger_text_check (value, _("publication URL"), URL_MAX_CHARS, TRUE, error))
    return FALSE;
  if (rest == NULL || *rest == '\0' || *rest == '/' || strpbrk (value, " \"<>\\^`{|}") != NULL)
    return ledger_text_set_invalid_input (error, _("publication URL"), value,
                                          _("expected an address such as https://example.org/notices"));
  return check_no_mobile (_("publication URL"), value, error);
}

gboolean
ledger_settings_check_url (const char  *value,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (!ledger_text_check (value, _("publication URL"), URL_MAX_CHARS, FALSE, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (value));
  return *trimmed == '\0' || check_url (trimmed, error);
}

typedef struct
{
  const char *key;
  const char *value;
} SettingRequest;

/* Journals the change, then stores it. */
static gboolean
set_setting_cb (LedgerBook *book,
                gpointer    user_data,
                GError    **error)
{
  const SettingRequest *r = user_data;

  return ledger_settings_record (book, r->key, r->value, NULL, error);
}

/* Checks the value for its key, then journals and stores it in one
 * transaction, like the spend limit. */
static gboolean
set_notice_setting (LedgerBook  *book,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  SettingRequest request = { key, NULL };

  if (!ledger_text_check (value, key, URL_MAX_CHARS, FALSE, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (value));
  if (g_strcmp0 (key, LEDGER_SETTING_PUBLICATION_URL) == 0)
    {
      if (*trimmed != '\0' && !check_url (trimmed, error))
        return FALSE;
    }
  else if (g_strcmp0 (key, LEDGER_SETTING_COMMITTEE) == 0)
    {
      if (!ledger_text_check (trimmed, _("committee"), COMMITTEE_MAX_CHARS, FALSE, error))
        return FALSE;
    }
  else
    return ledger_text_set_invalid_input (error, _("setting"), key,
                                          _("expected url or committee"));
  request.value = trimmed;
  return ledger_book_write (book, set_setting_cb, &request, error);
}

gboolean
ledger_settings_set (LedgerBook  *book,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (strcmp (key, LEDGER_SETTING_PUBLICATION_URL) == 0 || strcmp (key, LEDGER_SETTING_COMMITTEE) == 0)
    return set_notice_setting (book, key, value, error);
  if (!normalise_value (key, value, &normal, error))
    return FALSE;
  return write_setting (book, key, normal, error);
}

/* ------------------------------------------------------------------ */
/* Reading */

char *
ledger_settings_dup_address (LedgerBook *book)
{
  char *address = ledger_book_dup_setting (book, LEDGER_SETTING_ADDRESS);

  return address != NULL ? address : g_strdup ("");
}

gboolean
ledger_settings_has_backup_dir (LedgerBook *book)
{
  g_autofree char *dir = ledger_book_dup_setting (book, LEDGER_SETTING_BACKUP_DIR);

  return dir != NULL && *dir != '\0';
}

char *
ledger_settings_dup_backup_dir (LedgerBook *book)
{
  g_autofree char *dir = ledger_book_dup_setting (book, LEDGER_SETTING_BACKUP_DIR);

  if (dir != NULL && *dir != '\0')
    return g_steal_pointer (&dir);
  return ledger_backup_dir (ledger_book_get_real_path (book));
}

int
ledger_settings_get_backup_keep (LedgerBook *book)
{
  g_autofree char *text = ledger_book_dup_setting (book, LEDGER_SETTING_BACKUP_KEEP);
  guint64 keep = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, LEDGER_BACKUP_KEEP_MIN, LEDGER_BACKUP_KEEP_MAX, &keep, NULL))
    return LEDGER_BACKUP_KEEP;
  return (int) keep;
}

LedgerBackupPlace *
ledger_settings_get_backup_place (LedgerBook *book)
{
  g_autofree char *folder = ledger_settings_dup_backup_dir (book);

  return ledger_backup_place_new (folder, ledger_settings_has_backup_dir (book),
                                  ledger_settings_get_backup_keep (book));
}

int
ledger_settings_get_days_ahead (LedgerBook *book)
{
  g_autofree char *text = ledger_book_dup_setting (book, LEDGER_SETTING_DAYS_AHEAD);
  guint64 days = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, LEDGER_DAYS_AHEAD_MAX, &days, NULL))
    return 0;
  return (int) days;
}

/* ------------------------------------------------------------------ */
/* Committee members */

void
ledger_member_free (LedgerMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->role);
  g_free (member);
}

gboolean
ledger_member_is_active (const LedgerMember *member)
{
  return member->retired[0] == '\0';
}

/* The members stored in the setting's text, in order. Lines that do not
 * have the four fields are skipped (the setting is only written here). */
static GPtrArray *
parse_members (const char *text)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_member_free);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      LedgerMember *m;

      if (g_strv_length (fields) != 4)
        continue;
      m = g_new0 (LedgerMember, 1);
      m->name = g_strdup (fields[0]);
      m->role = g_strdup (fields[1]);
      g_strlcpy (m->since, fields[2], sizeof m->since);
      g_strlcpy (m->retired, fields[3], sizeof m->retired);
      g_ptr_array_add (list, m);
    }
  return list;
}

static char *
format_members (const GPtrArray *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (list, i);

      g_string_append_printf (out, "%s%s\t%s\t%s\t%s", i > 0 ? "\n" : "",
                              m->name, m->role, m->since, m->retired);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
ledger_members_list (LedgerBook  *book,
                     gboolean     include_retired,
                     GError     **error)
{
  g_autofree char *text = NULL;
  GPtrArray *list;

  g_return_val_if_fail (LEDGER_IS_BOOK (book), NULL);

  text = ledger_book_dup_setting (book, LEDGER_SETTING_MEMBERS);
  list = parse_members (text);
  for (guint i = list->len; !include_retired && i-- > 0;)
    if (!ledger_member_is_active (g_ptr_array_index (list, i)))
      g_ptr_array_remove_index (list, i);
  return list;
}

static gboolean
check_role (const char  *role,
            GError     **error)
{
  return ledger_text_check (role, _("role"), LEDGER_MEMBER_ROLE_MAX_CHARS, TRUE, error);
}

gboolean
ledger_member_check (const char  *name,
                     const char  *role,
                     GError     **error)
{
  if (!ledger_text_check (name, _("member name"), LEDGER_MEMBER_NAME_MAX_CHARS, TRUE, error))
    return FALSE;
  /* Approvers are written "王主任,李委员": a comma would split a name. */
  if (strchr (name, ',') != NULL || strstr (name, "，") != NULL)
    return ledger_text_set_invalid_input (error, _("member name"), name,
                                          _("contains a comma, which separates approvers"));
  return check_role (role, error);
}

/* The index of the active member whose name is @name as approvers are
 * matched (ledger_privacy_name_key(): "王 伟", "王\u3000伟", "ＷＡＮＧ" and
 * "wang" are one name each), or -1. One comparison for the register and
 * for `spend --approvers`, so that the register cannot hold two active
 * members whom an approver list would take for one person. */
static int
find_active (const GPtrArray *list,
             const char      *name)
{
  g_autofree char *key = ledger_privacy_name_key (name);

  for (guint i = 0; i < list->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (list, i);
      g_autofree char *member_key = NULL;

      if (!ledger_member_is_active (m))
        continue;
      member_key = ledger_privacy_name_key (m->name);
      if (strcmp (key, member_key) == 0)
        return (int) i;
    }
  return -1;
}

/* The latest day in the periods of the member named @name (as
 * find_active() compares names): the last "since" or "retired", or "". */
static const char *
last_member_day (const GPtrArray *list,
                 const char      *name)
{
  g_autofree char *key = ledger_privacy_name_key (name);
  const char *last = "";

  for (guint i = 0; i < list->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (list, i);
      g_autofree char *member_key = ledger_privacy_name_key (m->name);

      if (strcmp (key, member_key) != 0)
        continue;
      if (strcmp (m->since, last) > 0)
        last = m->since;
      if (strcmp (m->retired, last) > 0)
        last = m->retired;
    }
  return last;
}

typedef enum
{
  MEMBER_ADD,
  MEMBER_SET_ROLE,
  MEMBER_RETIRE,
} MemberChange;

typedef struct
{
  MemberChange change;
  const char  *name;  /* trimmed */
  const char  *role;  /* trimmed; NULL to retire */
} MemberRequest;

/* Membership is a set of periods, [since, retired): a member is added or
 * retired today, and today must not come before the member's last change
 * (a clock set back, a book restored from elsewhere), or the register
 * would say "retired before they joined" and an approver check on a
 * date could find them active when they were not. */
static gboolean
check_member_day (const GPtrArray  *list,
                  const char       *name,
                  const char       *today,
                  GError          **error)
{
  const char *last = last_member_day (list, name);

  if (strcmp (today, last) >= 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
               /* Translators: a member's name, the day of their last change, today */
               _("member name “%s”: the register already has a change of this member on %s, "
                 "after today (%s); a member is not added or retired before their last change"),
               name, last, today);
  return FALSE;
}

/* Applies @r to @list (read inside the transaction); returns the memo. */
static char *
apply_member_change (GPtrArray            *list,
                     const MemberRequest  *r,
                     const char           *today,
                     GError              **error)
{
  int found = find_active (list, r->name);
  LedgerMember *m;

  if (r->change == MEMBER_ADD)
    {
      if (found >= 0)
        {
          m = g_ptr_array_index (list, found);
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                       strcmp (m->name, r->name) == 0
                       ? _("member name “%s”: already an active committee member")
                       /* Translators: the name typed, then the active member's name */
                       : _("member name “%s”: the same name as active committee member “%s” "
                           "(names are compared without spaces, invisible characters, "
                           "width or case)"),
                       r->name, m->name);
          return NULL;
        }
      if (!check_member_day (list, r->name, today, error))
        return NULL;
      m = g_new0 (LedgerMember, 1);
      m->name = g_strdup (r->name);
      m->role = g_strdup (r->role);
      g_strlcpy (m->since, today, sizeof m->since);
      g_ptr_array_add (list, m);
      return g_strdup_printf ("member %s added as %s", r->name, r->role);
    }
  if (found < 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("member name “%s”: no active committee member has this name"), r->name);
      return NULL;
    }
  m = g_ptr_array_index (list, found);
  if (r->change == MEMBER_SET_ROLE)
    {
      g_autofree char *memo = g_strdup_printf ("member %s: %s -> %s", m->name, m->role, r->role);

      g_free (m->role);
      m->role = g_strdup (r->role);
      return g_steal_pointer (&memo);
    }
  if (!check_member_day (list, m->name, today, error))
    return NULL;
  g_strlcpy (m->retired, today, sizeof m->retired);
  return g_strdup_printf ("member %s retired", m->name);
}

static gboolean
member_change_cb (LedgerBook *book,
                  gpointer    user_data,
                  GError    **error)
{
  const MemberRequest *r = user_data;
  g_autofree char *text = ledger_book_dup_setting (book, LEDGER_SETTING_MEMBERS);
  g_autoptr(GPtrArray) list = parse_members (text);
  g_autofree char *memo = NULL;
  g_autofree char *value = NULL;
  char today[11];
  SettingWrite w = { LEDGER_SETTING_MEMBERS, NULL, NULL };

  ledger_book_today (book, today);
  memo = apply_member_change (list, r, today, error);
  if (memo == NULL)
    return FALSE;
  value = format_members (list);
  w.value = value;
  w.memo = memo;
  return write_setting_cb (book, &w, error);
}

/* Trims the name (and role), checks them, and runs the change. */
static gboolean
change_member (LedgerBook    *book,
               MemberChange   change,
               const char    *name,
               const char    *role,
               GError       **error)
{
  g_autofree char *n = NULL;
  g_autofree char *r = NULL;
  MemberRequest request = { change, NULL, NULL };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!ledger_text_check (name, _("member name"), LEDGER_MEMBER_NAME_MAX_CHARS, TRUE, error) ||
      (role != NULL && !check_role (role, error)))
    return FALSE;
  n = g_strstrip (g_strdup (name));
  r = role != NULL ? g_strstrip (g_strdup (role)) : NULL;
  if (change == MEMBER_ADD && !ledger_member_check (n, r, error))
    return FALSE;
  request.name = n;
  request.role = r;
  return ledger_book_write (book, member_change_cb, &request, error);
}

gboolean
ledger_member_add (LedgerBook  *book,
                   const char  *name,
                   const char  *role,
                   GError     **error)
{
  g_return_val_if_fail (role != NULL, FALSE);
  return change_member (book, MEMBER_ADD, name, role, error);
}

gboolean
ledger_member_set_role (LedgerBook  *book,
                        const char  *name,
                        const char  *role,
                        GError     **error)
{
  g_return_val_if_fail (role != NULL, FALSE);
  return change_member (book, MEMBER_SET_ROLE, name, role, error);
}

gboolean
ledger_member_retire (LedgerBook  *book,
                      const char  *name,
                      GError     **error)
{
  return change_member (book, MEMBER_RETIRE, name, NULL, error);
}

/* ------------------------------------------------------------------ */
/* Replay */

static gboolean
member_lines_equal (const LedgerMember *a,
                    const LedgerMember *b)
{
  return strcmp (a->name, b->name) == 0 && strcmp (a->role, b->role) == 0 &&
         strcmp (a->since, b->since) == 0 && strcmp (a->retired, b->retired) == 0;
}

/* The change of `member add`, `member role` or `member retire` that may
 * have turned the list @before into @after: a line more is one added, a
 * line whose role differs one given a role, any other line that differs
 * one retired (the request's texts point into the lists). FALSE when
 * none could: whether it did is for apply_member_change() to say. */
static gboolean
member_change_between (const GPtrArray  *before,
                       const GPtrArray  *after,
                       MemberRequest    *out)
{
  const LedgerMember *was, *is;
  guint i;

  if (after->len == before->len + 1)
    {
      is = g_ptr_array_index (after, before->len);
      *out = (MemberRequest) { MEMBER_ADD, is->name, is->role };
      return TRUE;
    }
  if (after->len != before->len)
    return FALSE;
  for (i = 0; i < before->len; i++)
    if (!member_lines_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, i)))
      break;
  if (i == before->len)
    return FALSE;
  was = g_ptr_array_index (before, i);
  is = g_ptr_array_index (after, i);
  if (strcmp (was->role, is->role) != 0)
    *out = (MemberRequest) { MEMBER_SET_ROLE, was->name, is->role };
  else
    *out = (MemberRequest) { MEMBER_RETIRE, was->name, NULL };
  return TRUE;
}

/* A members entry as `member add`, `role` and `retire` write it: each
 * member one the register accepts, and the list the one before with one
 * change made on the entry's day, the memo that change in words. */
static gboolean
replay_members (LedgerBook        *book,
                const LedgerLeaf  *leaf,
                const char        *value,
                GError           **error)
{
  g_autoptr(GPtrArray) list = parse_members (value);
  g_autofree char *again = format_members (list);
  g_autofree char *text = ledger_book_dup_setting (book, LEDGER_SETTING_MEMBERS);
  g_autoptr(GPtrArray) before = parse_members (text);
  g_autoptr(GError) refused = NULL;
  g_autofree char *memo = NULL, *after = NULL;
  MemberRequest change;

  if (strcmp (again, value) != 0)
    return ledger_replay_differs (error, "members", again, value);
  for (guint i = 0; i < list->len; i++)
    {
      const LedgerMember *member = g_ptr_array_index (list, i);

      if (!ledger_member_check (member->name, member->role, &refused))
        return ledger_replay_refused (error, leaf, refused);
    }
  if (!member_change_between (before, list, &change))
    return ledger_replay_differs (error, "members",
                                  _("a change of one member (added, given a role or retired)"), value);
  memo = apply_member_change (before, &change, leaf->date, &refused);
  if (memo == NULL)
    return ledger_replay_refused (error, leaf, refused);
  after = format_members (before);
  if (strcmp (after, value) != 0)
    return ledger_replay_differs (error, "members", after, value);
  return ledger_replay_check_ref_memo (leaf, LEDGER_SETTING_MEMBERS, memo, error);
}

/* A setting entry as its writers make it: one setting fact, of a key a
 * writer sets, named by the entry's ref, its memo setting_memo()'s (the
 * members' the change, replay_members()). */
gboolean
ledger_settings_replay (LedgerBook          *book,
                        const LedgerLeaf    *leaf,
                        char *const *const  *facts,
                        GError             **error)
{
  static const char *const keys[] = {
    LEDGER_SETTING_NAME, LEDGER_SETTING_ADDRESS, LEDGER_SETTING_BACKUP_DIR,
    LEDGER_SETTING_BACKUP_KEEP, LEDGER_SETTING_MEMBERS, LEDGER_SETTING_DAYS_AHEAD,
    LEDGER_SETTING_PUBLICATION_URL, LEDGER_SETTING_COMMITTEE, "spend_limit", NULL,
  };
  const char *key = facts[0][1], *value = facts[0][2];
  g_autofree char *memo = NULL;

  if (!g_strv_contains (keys, key))
    return ledger_replay_differs (error, _("setting"), _("a setting the program has"), key);
  if (strcmp (key, "spend_limit") == 0)
    {
      gint64 limit = 0;

      if (!ledger_fact_int64 ("setting", (const char *const *) facts[0] + 1, 1, &limit, error))
        return FALSE;
      if (limit < 0)
        return ledger_replay_differs (error, "spend_limit", _("an amount of 0 or more"), value);
    }
  else if (strcmp (key, LEDGER_SETTING_MEMBERS) == 0)
    return replay_members (book, leaf, value, error);
  memo = setting_memo (key, value);
  return ledger_replay_check_ref_memo (leaf, key, memo, error);
}

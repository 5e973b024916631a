/* ledger-community.c — a community's book: created with its defaults,
 * opened with a backup before any upgrade, restored with a safety copy
 *
 * The book (core/) knows tables and the journal, not fees or backups;
 * what a compound's book starts with and the copy made before an upgrade
 * are decided here, by the domain, and handed to the book as callbacks.
 * The backup code knows no settings either: where a book's backups go
 * (ledger_settings_get_backup_place()) is handed to it from here.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-backup-private.h"
#include "ledger-book-private.h"
#include "ledger-community-private.h"
#include "ledger-community.h"
#include "ledger-fee-private.h"
#include "ledger-fee.h"
#include "ledger-journal-private.h"
#include "ledger-replay-rules-private.h"
#include "ledger-settings.h"
#include "ledger-snapshot-private.h"

/* 5,000.00 yuan: above it an expenditure needs the owners' vote. */
#define DEFAULT_SPEND_LIMIT "500000"

/* The "init" entry's ref and memo: none, and the name it gives the
 * community (its "name" setting). The writer's and the replay's. */
static void
init_ref_memo (const char   *name,
               const char  **out_ref,
               const char  **out_memo)
{
  *out_ref = "";
  *out_memo = name;
}

/* The journal's first entry names the community ("init", its memo the
 * name, init_ref_memo()) and sets the default spend limit; then the two
 * fee items every compound starts with (docs/architecture.md §9), in
 * force from 2000 so that any year a book is started in is billed by
 * them. */
static gboolean
post_defaults (LedgerBook *book,
               gpointer    user_data,
               GError    **error)
{
  const char *name = user_data;
  const LedgerFeeBasis per_household = LEDGER_BASIS_HOUSEHOLD;
  const LedgerFeeBasis per_space = LEDGER_BASIS_SPACE;
  g_autoptr(LedgerPosting) posting = NULL;
  const char *ref, *memo;
  char today[11];

  ledger_book_today (book, today);
  init_ref_memo (name, &ref, &memo);
  posting = ledger_posting_new ("init", today);
  ledger_posting_set_ref (posting, ref);
  ledger_posting_set_memo (posting, memo);
  ledger_posting_add_fact (posting, &ledger_fact_setting, "name", name);
  ledger_posting_add_fact (posting, &ledger_fact_setting, "spend_limit", DEFAULT_SPEND_LIMIT);
  return ledger_posting_commit (posting, book, NULL, error) &&
         ledger_fee_set_in_write (book, "property", "物业费", 36000, &per_household,
                                  "2000-01-01", error) &&
         ledger_fee_set_in_write (book, "parking", "停车费", 12000, &per_space,
                                  "2000-01-01", error);
}

/* The first entry only (a later one would set the settings again with
 * no rule of theirs), its ref and memo init_ref_memo()'s from the name
 * it sets. */
gboolean
ledger_community_replay_init (LedgerBook          *book G_GNUC_UNUSED,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error)
{
  const char *name = NULL, *ref, *memo;
  char index[24];

  if (leaf->index != 1)
    return ledger_replay_differs (error, "index", "1", ledger_fact_int_text (index, leaf->index));
  for (guint i = 0; facts[i] != NULL && name == NULL; i++)
    if (strcmp (facts[i][0], "setting") == 0 && strcmp (facts[i][1], "name") == 0)
      name = facts[i][2];
  if (name == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("a “%s” entry without a “%s” fact"), leaf->kind, "setting|name");
      return FALSE;
    }
  init_ref_memo (name, &ref, &memo);
  return ledger_replay_check_ref_memo (leaf, ref, memo, error);
}

/* A LedgerBookUpgradeFunc: an automatic backup of @book, reason
 * "before-upgrade", into the place its settings name, so that the book as
 * it was stays at hand; when it fails (LEDGER_ERROR_IO) the upgrade does
 * not go ahead. */
static gboolean
back_up_before_upgrade (LedgerBook  *book,
                        GError     **error)
{
  g_autoptr(LedgerBackupPlace) place = ledger_settings_get_backup_place (book);

  return ledger_backup_automatic (book, place, "before-upgrade", NULL, error);
}

LedgerBook *
ledger_community_create (const char  *path,
                         const char  *name,
                         const char  *operator_name,
                         GError     **error)
{
  return ledger_book_create (path, name, operator_name, post_defaults, (gpointer) name, error);
}

LedgerBook *
ledger_community_open (const char           *path,
                       LedgerBookOpenFlags   flags,
                       GError              **error)
{
  g_autoptr(LedgerBook) book = ledger_book_open (path, flags, back_up_before_upgrade, error);

  /* The upgrade to schema 3 ends with an entry of its own (ledger-snapshot.c). */
  if (book == NULL || ((flags & LEDGER_BOOK_OPEN_AS_IS) == 0 && !ledger_snapshot_ensure (book, error)))
    return NULL;
  return g_steal_pointer (&book);
}

gboolean
ledger_restore (const char  *book_path,
                const char  *from,
                char       **out_safety_copy,
                GError     **error)
{
  g_autoptr(LedgerBook) restored = NULL;

  if (!ledger_restore_full (book_path, from, ledger_settings_get_backup_place,
                            back_up_before_upgrade, out_safety_copy, error))
    return FALSE;
  /* A backup from before schema 3 was upgraded as it was restored: its
   * snapshot entry is posted as any upgraded book's. */
  restored = ledger_community_open (book_path, LEDGER_BOOK_OPEN_NO_CHECK, error);
  return restored != NULL;
}

/* ledger-book.h — one community's book: a single SQLite file
 *
 * A LedgerBook owns the one connection that writes the file. Every user
 * action runs inside ledger_book_write(), which is one SQLite transaction
 * (BEGIN IMMEDIATE … COMMIT): either all of it reaches the disk or none.
 */
#pragma once

#include <gio/gio.h>
#include <glib-object.h>

#include "ledger-error.h"

G_BEGIN_DECLS

/* "CoLe": marks the file as a Community Ledger book (PRAGMA application_id). */
#define LEDGER_APPLICATION_ID 0x436F4C65
/* PRAGMA user_version of books this program writes. */
#define LEDGER_SCHEMA_VERSION 2

#define LEDGER_TYPE_BOOK (ledger_book_get_type ())
G_DECLARE_FINAL_TYPE (LedgerBook, ledger_book, LEDGER, BOOK, GObject)

typedef enum
{
  LEDGER_BOOK_OPEN_DEFAULT = 0,
  LEDGER_BOOK_OPEN_READ_ONLY = 1 << 0,
  /* Skip PRAGMA quick_check (used right after creating or restoring a book,
   * which has just been checked). */
  LEDGER_BOOK_OPEN_NO_CHECK = 1 << 1,
  /* Read a book of an older schema as it is instead of upgrading it
   * (with READ_ONLY): backups and restores check copies this way, and the
   * copy made before an upgrade is of the older schema by definition. */
  LEDGER_BOOK_OPEN_AS_IS = 1 << 2,
} LedgerBookOpenFlags;

/* A unit of work run inside one transaction by ledger_book_write(). */
typedef gboolean (*LedgerWriteFunc) (LedgerBook *book,
                                     gpointer    user_data,
                                     GError    **error);

/**
 * LedgerBookUpgradeFunc:
 * @book: the book about to be upgraded, open with write access
 * @error: return location for the reason the upgrade must not go ahead
 *
 * Run by ledger_book_open() before an older book is upgraded, outside
 * any transaction: the place for a copy of the book as it was.
 *
 * Returns: TRUE to go ahead; FALSE (with @error set) leaves the book as
 * it was and the opening fails.
 */
typedef gboolean (*LedgerBookUpgradeFunc) (LedgerBook  *book,
                                           GError     **error);

/**
 * ledger_book_create:
 * @path: where the new book goes; the file must not exist
 * @name: the community's name, shown on every notice (at most 100 characters)
 * @operator_name: (nullable): who is at the desk, recorded with each entry
 * @populate: (nullable): what the new book starts with (its journal's
 *   first entries), run in the same transaction after the schema and name
 * @populate_data: passed to @populate
 * @error: return location for an error
 *
 * Creates a new book: the schema and the community's name, then whatever
 * @populate adds, all in one transaction. The file is created
 * with O_EXCL; on any failure it is removed again (while it is still the
 * file created here) and nothing is left behind. Most callers want
 * ledger_community_create(), which journals the community's first entry
 * and the default fee items.
 *
 * Returns: (transfer full): the open book, or NULL with @error set:
 * LEDGER_ERROR_INVALID_INPUT for a bad name, LEDGER_ERROR_IO when the
 * file exists or cannot be written.
 */
LedgerBook *ledger_book_create (const char       *path,
                                const char       *name,
                                const char       *operator_name,
                                LedgerWriteFunc   populate,
                                gpointer          populate_data,
                                GError          **error);

/* Closes @book (this takes the caller's reference: it must be the last)
 * and, when ledger_book_create() made it, removes its file while that is
 * still the file created then (device and inode taken at creation): a
 * book put at that name meanwhile is never removed. */
void ledger_book_discard_created (LedgerBook *book);

/**
 * ledger_book_open:
 * @path: the book's file (a symbolic link is followed to its real file)
 * @flags: how to open it
 * @before_upgrade: (nullable): run before an older book is upgraded; NULL
 *   upgrades without a copy (only for books just copied or restored)
 * @error: return location for an error
 *
 * Opens an existing book. A file that is not a book, a book from a newer
 * version of the program or a damaged book is refused with a clear error.
 * An older book is, after @before_upgrade, migrated in one transaction
 * (unless @flags has LEDGER_BOOK_OPEN_AS_IS). Most callers want
 * ledger_community_open(), which backs the book up before an upgrade.
 *
 * Returns: (transfer full): the open book, or NULL with @error set:
 * LEDGER_ERROR_NOT_A_BOOK, LEDGER_ERROR_NEWER_VERSION, LEDGER_ERROR_CORRUPT
 * or LEDGER_ERROR_IO.
 */
LedgerBook *ledger_book_open (const char             *path,
                              LedgerBookOpenFlags     flags,
                              LedgerBookUpgradeFunc   before_upgrade,
                              GError                **error);

const char *ledger_book_get_path (LedgerBook *self);
/* The book's path with its symbolic links followed (resolved once, when
 * the book is opened): BOOK.files/ and BOOK.backups/ are beside this
 * file, whatever name the book was opened by. */
const char *ledger_book_get_real_path (LedgerBook *self);
/* The book's path fit for a one-line message (ledger_quote_path()):
 * control characters and bytes that are not UTF-8 escaped. */
const char *ledger_book_get_display_path (LedgerBook *self);
gboolean    ledger_book_is_read_only (LedgerBook *self);

/* The committee member who records entries ("treasurer" when unset). The
 * name goes into every journal entry, which refuses one longer than this
 * or failing ledger_text_check(). */
#define LEDGER_OPERATOR_MAX_CHARS 40

const char *ledger_book_get_operator (LedgerBook *self);
void        ledger_book_set_operator (LedgerBook *self,
                                      const char *operator_name);

/* The folder beside the book where attachments are kept: BOOK.files/ */
char *ledger_book_dup_files_dir (LedgerBook *self);

/**
 * ledger_book_write:
 * Runs @func inside one write transaction. Commits when @func returns
 * TRUE, rolls back (leaving the book exactly as it was) when it returns
 * FALSE or when COMMIT fails. Returns TRUE only after COMMIT returned,
 * and then emits LedgerBook::changed.
 */
gboolean ledger_book_write (LedgerBook      *self,
                            LedgerWriteFunc  func,
                            gpointer         user_data,
                            GError         **error);

/**
 * ledger_book_read:
 * Runs @func inside one read transaction, so that every query it makes
 * sees the same state of the book even while another program writes (an
 * export's sheets must agree with each other).
 */
gboolean ledger_book_read (LedgerBook      *self,
                           LedgerWriteFunc  func,
                           gpointer         user_data,
                           GError         **error);

/* TRUE while ledger_book_write() is running a unit of work. */
gboolean ledger_book_in_write (LedgerBook *self);

/* Book settings (name, spend_limit, …) stored in the book itself. */
char    *ledger_book_dup_setting (LedgerBook *self,
                                  const char *key);
gboolean ledger_book_set_setting (LedgerBook  *self,
                                  const char  *key,
                                  const char  *value,
                                  GError     **error);

/* The community's name. */
char *ledger_book_dup_name (LedgerBook *self);

/* The current local time as ISO 8601 with offset, for "recorded at".
 * COMMUNITY_LEDGER_NOW (an ISO 8601 time) overrides it, and so does the
 * simulated clock: tests and demos need reproducible books. */
char *ledger_book_now (LedgerBook *self);

/* Today's date, "YYYY-MM-DD", by the same clock: the default date of
 * payments, expenditures and events. */
void ledger_book_today (LedgerBook *self,
                        char        out_iso[11]);

/* Runs the book on a simulated clock fixed at @date (NULL: the real one).
 * The demo community uses it to record ten years in a few seconds. */
void ledger_book_set_clock (LedgerBook *self,
                            const char *date);

/* PRAGMA integrity_check; LEDGER_ERROR_CORRUPT naming the first problem. */
gboolean ledger_book_check_integrity (LedgerBook  *self,
                                      gboolean     quick,
                                      GError     **error);

/**
 * ledger_book_check_async:
 * @self: an open book
 * @cancellable: (nullable): to stop waiting for the answer
 *
 * Runs PRAGMA quick_check on a connection of its own in a worker thread.
 * quick_check reads every page, so its time grows with the book: the app
 * opens a book with %LEDGER_BOOK_OPEN_NO_CHECK to show its first screen at
 * once and runs the check this way behind it. Finish with
 * ledger_book_check_finish(): LEDGER_ERROR_CORRUPT for a damaged book.
 */
void     ledger_book_check_async  (LedgerBook          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean ledger_book_check_finish (LedgerBook          *self,
                                   GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS

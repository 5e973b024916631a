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
#define LEDGER_SCHEMA_VERSION 4

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

/**
 * LedgerWriteFunc:
 * @book: the book, inside the transaction
 * @user_data: what the caller passed with the function
 * @error: return location for the reason the work must be undone
 *
 * A unit of work run inside one transaction by ledger_book_write() (or
 * ledger_book_read()).
 *
 * Returns: TRUE to commit; FALSE, with @error set, to roll back.
 */
typedef gboolean (*LedgerWriteFunc) (LedgerBook *book,
                                     gpointer    user_data,
                                     GError    **error);

/**
 * ledger_book_discard_created:
 * @book: (transfer full): a book, the caller's last reference to it
 *
 * Closes @book and, when ledger_book_create() made it, removes its file
 * while that is still the file created then (device and inode taken at
 * creation): a book put at that name meanwhile is never removed. For a
 * creation that must be undone after the fact (a demo that failed halfway).
 */
void ledger_book_discard_created (LedgerBook *book);

/**
 * ledger_book_get_path:
 * @self: an open book
 *
 * Returns: (transfer none): the path the book was opened or created by,
 *   as given
 */
const char *ledger_book_get_path (LedgerBook *self);
/**
 * ledger_book_get_display_path:
 * @self: an open book
 *
 * Returns: (transfer none): the book's path fit for a one-line message
 *   (ledger_quote_path()): control characters and bytes that are not
 *   UTF-8 escaped
 */
const char *ledger_book_get_display_path (LedgerBook *self);

/**
 * ledger_book_is_read_only:
 * @self: an open book
 *
 * Returns: TRUE when the book was opened with LEDGER_BOOK_OPEN_READ_ONLY:
 *   ledger_book_write() then refuses with LEDGER_ERROR_IO
 */
gboolean    ledger_book_is_read_only (LedgerBook *self);

/* The committee member who records entries ("treasurer" when unset). The
 * name goes into every journal entry, which refuses one longer than this
 * or failing ledger_text_check(). */
#define LEDGER_OPERATOR_MAX_CHARS 40

/**
 * ledger_book_get_operator:
 * @self: an open book
 *
 * Returns: (transfer none): the committee member recorded with every
 *   entry this connection journals ("treasurer" unless set)
 */
const char *ledger_book_get_operator (LedgerBook *self);

/**
 * ledger_book_set_operator:
 * @self: an open book
 * @operator_name: who is at the desk, not empty; the journal refuses an
 *   entry whose operator is longer than LEDGER_OPERATOR_MAX_CHARS or
 *   fails ledger_text_check()
 *
 * Sets the name journaled with the following entries.
 */
void        ledger_book_set_operator (LedgerBook *self,
                                      const char *operator_name);

/**
 * ledger_book_get_correcting:
 * @self: an open book
 *
 * Returns: (transfer none) (nullable): the closed period the entries this
 *   connection journals correct (ledger_book_set_correcting()), or NULL
 */
const char *ledger_book_get_correcting (LedgerBook *self);

/**
 * ledger_book_set_correcting:
 * @self: an open book
 * @period: (nullable): a period's name ("2026-Q1"), or NULL to stop
 *
 * Marks every entry journaled from now on (but the automatic `account`
 * and `snapshot` entries) as a correction of @period: each carries a
 * `corrects|PERIOD` fact (docs/money.md, "Closed periods"). The journal
 * refuses such an entry with LEDGER_ERROR_INVALID_INPUT unless @period is
 * closed; the entry itself must be dated in an open period. The command
 * line sets it from --corrects, for whatever command writes.
 */
void        ledger_book_set_correcting (LedgerBook *self,
                                        const char *period);

/**
 * ledger_book_dup_files_dir:
 * @self: an open book
 *
 * Returns: (transfer full): the folder beside the book's real file where
 *   attachments are kept, "BOOK.files" (it need not exist yet)
 */
char *ledger_book_dup_files_dir (LedgerBook *self);

/**
 * ledger_book_write:
 * @self: an open book, not already inside a write or read
 * @func: the unit of work
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Runs @func inside one write transaction (BEGIN IMMEDIATE). Commits when
 * @func returns TRUE, rolls back (leaving the book exactly as it was)
 * when it returns FALSE or when COMMIT fails. Emits LedgerBook::changed
 * after a commit.
 *
 * Returns: TRUE only after COMMIT returned; FALSE with @error set:
 *   LEDGER_ERROR_IO for a book open read-only, what @func set, or a
 *   storage error (LEDGER_ERROR_LOCKED when another program writes).
 */
gboolean ledger_book_write (LedgerBook      *self,
                            LedgerWriteFunc  func,
                            gpointer         user_data,
                            GError         **error);

/**
 * ledger_book_read:
 * @self: an open book, not already inside a write or read
 * @func: the work, which only reads
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Runs @func inside one read transaction, so that every query it makes
 * sees the same state of the book even while another program writes (an
 * export's sheets must agree with each other).
 *
 * Returns: what @func returned; FALSE with @error set by @func or a
 *   storage error.
 */
gboolean ledger_book_read (LedgerBook      *self,
                           LedgerWriteFunc  func,
                           gpointer         user_data,
                           GError         **error);

/**
 * ledger_book_in_write:
 * @self: an open book
 *
 * Returns: TRUE while ledger_book_write() is running a unit of work
 */
gboolean ledger_book_in_write (LedgerBook *self);

/**
 * ledger_book_dup_setting:
 * @self: an open book
 * @key: a key of the settings table (LEDGER_SETTING_NAME …)
 *
 * Reads a setting stored in the book itself, as stored.
 *
 * Returns: (transfer full) (nullable): the value, or NULL when it is not
 *   set or cannot be read
 */
char    *ledger_book_dup_setting (LedgerBook *self,
                                  const char *key);

/**
 * ledger_book_dup_name:
 * @self: an open book
 *
 * Returns: (transfer full): the community's name, "" when it cannot be read
 */
char *ledger_book_dup_name (LedgerBook *self);

/**
 * ledger_book_now:
 * @self: an open book
 *
 * The current local time as ISO 8601 with offset, for "recorded at".
 * COMMUNITY_LEDGER_NOW (an ISO 8601 time) overrides it, and so does the
 * simulated clock (ledger_book_set_clock(): 09:00 +08:00 of its day):
 * tests and demos need reproducible books. Inside a write every call
 * gives the same time.
 *
 * Returns: (transfer full): "YYYY-MM-DDTHH:MM:SS+HH:MM"
 */
char *ledger_book_now (LedgerBook *self);

/**
 * ledger_book_today:
 * @self: an open book
 * @out_iso: (out caller-allocates): receives "YYYY-MM-DD"
 *
 * Today's date by the clock of ledger_book_now(): the default date of
 * payments, expenditures and events.
 */
void ledger_book_today (LedgerBook *self,
                        char        out_iso[11]);

/**
 * ledger_book_check_integrity:
 * @self: an open book
 * @quick: PRAGMA quick_check (TRUE) or the full integrity_check
 * @error: return location for an error
 *
 * Checks the file's structure, reading every page.
 *
 * Returns: TRUE when the book is sound; FALSE with LEDGER_ERROR_CORRUPT
 *   naming the first problem, or another storage error.
 */
gboolean ledger_book_check_integrity (LedgerBook  *self,
                                      gboolean     quick,
                                      GError     **error);

/**
 * ledger_book_check_async:
 * @self: an open book
 * @cancellable: (nullable): to stop waiting for the answer
 * @callback: called in the thread-default main context when the check ends
 * @user_data: passed to @callback
 *
 * Runs PRAGMA quick_check on a connection of its own in a worker thread.
 * quick_check reads every page, so its time grows with the book: the app
 * opens a book with %LEDGER_BOOK_OPEN_NO_CHECK to show its first screen at
 * once and runs the check this way behind it. Finish with
 * ledger_book_check_finish().
 */
void     ledger_book_check_async  (LedgerBook          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);

/**
 * ledger_book_check_finish:
 * @self: the book given to ledger_book_check_async()
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: TRUE when the book is sound; FALSE with LEDGER_ERROR_CORRUPT
 *   for a damaged book, G_IO_ERROR_CANCELLED, or a storage error.
 */
gboolean ledger_book_check_finish (LedgerBook          *self,
                                   GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS

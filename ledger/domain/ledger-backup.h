/* ledger-backup.h — consistent copies of a book, and restoring them
 *
 * Copies are made through SQLite (VACUUM INTO and the backup API), or,
 * for the copy a restore saves first, from the file as it is on disk while
 * the restore holds the book's write lock; each copy is written under a
 * new name of its own (DEST.partial-XXXXXX, created with O_EXCL) and
 * passes integrity_check before it is given its final name.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

/* How many automatic backups are kept besides one per month, unless the
 * book's backup_keep setting says otherwise (ledger-settings.h). */
#define LEDGER_BACKUP_KEEP 10

/* Writes a checked copy of @book to @dest (replacing it atomically).
 * @dest must not be one of the book's own files (ledger-paths.h): that
 * is refused with LEDGER_ERROR_INVALID_INPUT. */
gboolean ledger_backup_to_file (LedgerBook  *book,
                                const char  *dest,
                                GError     **error);

/**
 * ledger_backup_to_file_full:
 * @progress: (nullable): told 0 of 2 while the book is copied (VACUUM INTO
 *   has no steps of its own: it is called every so often, for a pulse),
 *   1 of 2 while the copy passes integrity_check, 2 of 2 when it is in place
 * @cancellable: (nullable): stops the copy or the check (SQLite's
 *   interrupt); the partial copy is removed, @dest and the book are left
 *   as they were, and the error is G_IO_ERROR_CANCELLED
 *
 * ledger_backup_to_file() is this with NULLs. @book may be a read-only
 * connection of its own (the window's worker thread opens one).
 */
gboolean ledger_backup_to_file_full (LedgerBook          *book,
                                     const char          *dest,
                                     LedgerProgressFunc   progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GError             **error);

/**
 * ledger_backup_automatic:
 * @reason: a word for the file name: "before-upgrade", "before-import" …
 * @out_path: (out) (optional): where the copy went
 *
 * Writes a copy into the book's backup folder (its backup_dir setting, or
 * BOOK.backups/; a configured folder that cannot be written falls back to
 * BOOK.backups/) and prunes that book's old automatic backups there: the
 * newest backup_keep (default %LEDGER_BACKUP_KEEP) are kept, and the
 * newest of each month. Other files in the folder are left alone.
 */
gboolean ledger_backup_automatic (LedgerBook  *book,
                                  const char  *reason,
                                  char       **out_path,
                                  GError     **error);

/**
 * ledger_backup_before_upgrade:
 * @book: a book of an older schema, about to be upgraded
 * @error: return location for an error
 *
 * A LedgerBookUpgradeFunc: an automatic backup of @book, reason
 * "before-upgrade", so that the book as it was stays at hand.
 *
 * Returns: TRUE when the copy is written and checked; FALSE with @error
 * set (LEDGER_ERROR_IO) otherwise, and the upgrade does not go ahead.
 */
gboolean ledger_backup_before_upgrade (LedgerBook  *book,
                                       GError     **error);

/**
 * ledger_restore:
 * @book_path: the book to replace (it need not exist)
 * @from: a backup; it must be a sound book of this or an older version
 * @out_safety_copy: (out) (optional): where the replaced book was saved first
 *
 * Replaces the contents of @book_path with @from through the SQLite backup
 * API, after saving an automatic backup of the current book. Both happen
 * under one write lock on the book, so every write acknowledged to anyone
 * is either in the safety copy or in the restored book. @from naming the
 * book itself (by any name) is refused with LEDGER_ERROR_INVALID_INPUT.
 */
gboolean ledger_restore (const char  *book_path,
                         const char  *from,
                         char       **out_safety_copy,
                         GError     **error);

G_END_DECLS

/* ledger-backup.h — consistent copies of a book, and restoring them
 *
 * Copies are made through SQLite (VACUUM INTO and the backup API), or,
 * for the copy a restore saves first, from the file as it is on disk while
 * the restore holds the book's write lock; each copy is written under a
 * new name of its own (DEST.partial-XXXXXX, created with O_EXCL) and
 * passes integrity_check before it is given its final name.
 */
#pragma once

#include "ledger-backup-place.h"
#include "ledger-book.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

/* How many automatic backups are kept besides one per month, unless the
 * book's backup_keep setting says otherwise (ledger-settings.h). */
#define LEDGER_BACKUP_KEEP 10

/**
 * ledger_backup_to_file:
 * @book: an open book
 * @dest: where the copy goes; it is replaced atomically. It must not be
 *   one of the book's own files (ledger-paths.h)
 * @error: return location for an error
 *
 * Writes a checked copy of @book to @dest.
 *
 * Returns: TRUE when the copy is in place; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT for a @dest that is one of the book's
 *   files, LEDGER_ERROR_CORRUPT when the copy fails its check,
 *   LEDGER_ERROR_IO when it cannot be written, or a storage error
 */
gboolean ledger_backup_to_file (LedgerBook  *book,
                                const char  *dest,
                                GError     **error);

/**
 * ledger_backup_to_file_full:
 * @book: an open book; it may be a read-only connection of its own (the
 *   window's worker thread opens one)
 * @dest: as for ledger_backup_to_file()
 * @progress: (nullable): told 0 of 2 while the book is copied (VACUUM INTO
 *   has no steps of its own: it is called every so often, for a pulse),
 *   1 of 2 while the copy passes integrity_check, 2 of 2 when it is in place
 * @progress_data: passed to @progress
 * @cancellable: (nullable): stops the copy or the check (SQLite's
 *   interrupt); the partial copy is removed, @dest and the book are left
 *   as they were, and the error is G_IO_ERROR_CANCELLED
 * @error: return location for an error
 *
 * ledger_backup_to_file() with progress; that function is this with NULLs.
 *
 * Returns: as ledger_backup_to_file(), or FALSE with G_IO_ERROR_CANCELLED
 */
gboolean ledger_backup_to_file_full (LedgerBook          *book,
                                     const char          *dest,
                                     LedgerProgressFunc   progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GError             **error);

/**
 * ledger_backup_automatic:
 * @book: an open book
 * @place: where the copy goes and how many are kept: the book's
 *   settings' (ledger_settings_get_backup_place())
 * @reason: a word for the file name: "before-upgrade", "before-import" …
 * @out_path: (out) (optional) (transfer full): where the copy went
 * @error: return location for an error
 *
 * Writes a copy into @place's folder (a chosen folder that cannot be
 * written falls back to BOOK.backups/, and says so in the log) and prunes
 * that book's old automatic backups there: the newest @place->keep are
 * kept, and the newest of each month. Other files in the folder are left
 * alone.
 *
 * Returns: TRUE when the copy is written and checked; FALSE with @error
 *   set as for ledger_backup_to_file()
 */
gboolean ledger_backup_automatic (LedgerBook               *book,
                                  const LedgerBackupPlace  *place,
                                  const char               *reason,
                                  char                    **out_path,
                                  GError                  **error);

G_END_DECLS

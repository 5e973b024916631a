/* ledger-community.h — a community's book: created with its defaults,
 * opened with a backup before any upgrade, restored with a safety copy */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * ledger_community_create:
 * @path: where the new book goes; the file must not exist
 * @name: the community's name, shown on every notice (at most 100 characters)
 * @operator_name: (nullable): who is at the desk, recorded with each entry
 * @error: return location for an error
 *
 * Creates a community's book (ledger_book_create()) with what every
 * compound starts with: the two fee items of docs/architecture.md §9 (property 360.00
 * per household, parking 120.00 per space, yearly, in force from 2000)
 * and a spend limit of 5,000.00 above which an expenditure needs a vote.
 *
 * Returns: (transfer full): the open book, or NULL with @error set as
 * ledger_book_create() sets it (LEDGER_ERROR_INVALID_INPUT for a bad
 * name, LEDGER_ERROR_CONFLICT when the file exists, LEDGER_ERROR_IO when
 * it cannot be written); no file is left behind.
 */
LedgerBook *ledger_community_create (const char  *path,
                                     const char  *name,
                                     const char  *operator_name,
                                     GError     **error);

/**
 * ledger_community_open:
 * @path: the book's file (a symbolic link is followed to its real file)
 * @flags: how to open it
 * @error: return location for an error
 *
 * Opens a community's book (ledger_book_open()); an older book is first
 * backed up (ledger_backup_automatic(), reason "before-upgrade", into the
 * place its settings name) and then upgraded.
 *
 * Returns: (transfer full): the open book, or NULL with @error set as
 * ledger_book_open() sets it (LEDGER_ERROR_FOREIGN_FILE,
 * LEDGER_ERROR_NEWER_VERSION, LEDGER_ERROR_CORRUPT, LEDGER_ERROR_IO …),
 * or as the backup before an upgrade failed.
 */
LedgerBook *ledger_community_open (const char           *path,
                                   LedgerBookOpenFlags   flags,
                                   GError              **error);

/**
 * ledger_restore:
 * @book_path: the book to replace (it need not exist)
 * @from: a backup; it must be a sound book of this or an older version
 * @out_safety_copy: (out) (optional) (transfer full): where the replaced
 *   book was saved first
 * @error: return location for an error
 *
 * Replaces the contents of @book_path with @from through the SQLite backup
 * API, after saving an automatic backup of the current book (reason
 * "before-restore", into the place the current book's settings name).
 * Both happen under one write lock on the book, so every write
 * acknowledged to anyone is either in the safety copy or in the restored
 * book. An older book, the current or the restored one, is backed up and
 * upgraded as ledger_community_open() does.
 *
 * Returns: TRUE when restored; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT when @from names the book itself (by any
 *   name), what ledger_book_open() sets for a @from that is not a sound
 *   book (LEDGER_ERROR_FOREIGN_FILE, LEDGER_ERROR_NEWER_VERSION,
 *   LEDGER_ERROR_CORRUPT …), LEDGER_ERROR_CONFLICT or LEDGER_ERROR_IO when
 *   the book cannot be replaced, or a storage error
 */
gboolean ledger_restore (const char  *book_path,
                         const char  *from,
                         char       **out_safety_copy,
                         GError     **error);

G_END_DECLS

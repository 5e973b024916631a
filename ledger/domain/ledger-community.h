/* ledger-community.h — a community's book: created with its defaults,
 * opened with a backup before any upgrade */
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
 * backed up (ledger_backup_before_upgrade()) and then upgraded.
 *
 * Returns: (transfer full): the open book, or NULL with @error set as
 * ledger_book_open() sets it (LEDGER_ERROR_FOREIGN_FILE,
 * LEDGER_ERROR_NEWER_VERSION, LEDGER_ERROR_CORRUPT, LEDGER_ERROR_IO …),
 * or as the backup before an upgrade failed.
 */
LedgerBook *ledger_community_open (const char           *path,
                                   LedgerBookOpenFlags   flags,
                                   GError              **error);

G_END_DECLS

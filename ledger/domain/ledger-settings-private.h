/* ledger-settings-private.h — what other ledger modules share about settings */
#pragma once

#include "ledger-leaf.h"

#include "ledger-settings.h"

G_BEGIN_DECLS

/* Inside ledger_book_write(): journals a change of the setting @key (an
 * entry of kind "setting", its ref the key and its memo @memo, or when
 * @memo is NULL the value, the spend limit in yuan), then stores @value.
 * Settings that govern (the spend limit, the committee) are history like
 * any other entry. */
gboolean ledger_settings_record (LedgerBook  *book,
                                 const char  *key,
                                 const char  *value,
                                 const char  *memo,
                                 GError     **error);

/**
 * ledger_settings_has_backup_dir:
 * @book: an open book
 *
 * Returns: TRUE when the backup_dir setting names a folder (not the default)
 */
gboolean ledger_settings_has_backup_dir (LedgerBook *book);

/* The replay rule of "setting" entries (ledger-replay.c). */
gboolean ledger_settings_replay (LedgerBook          *book,
                                 const LedgerLeaf    *leaf,
                                 char *const *const  *facts,
                                 GError             **error);

G_END_DECLS

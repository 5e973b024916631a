/* ledger-progress.h — how long ledger operations say how far they are
 *
 * Verify, backups and imports take an optional LedgerProgressFunc and a
 * GCancellable (where stopping halfway is safe). The command line passes
 * NULL for both; the window runs these functions in a worker thread and
 * shows the progress.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LedgerProgressFunc:
 * @user_data: what the caller passed with the function
 * @done: steps done so far (0 ≤ @done ≤ @total)
 * @total: the steps of the whole operation; 0 when not known
 *
 * Called from the thread that runs the operation (often a worker thread:
 * it must not touch widgets), every so many steps and once at the end.
 */
typedef void (*LedgerProgressFunc) (gpointer user_data,
                                    gint64   done,
                                    gint64   total);

G_END_DECLS

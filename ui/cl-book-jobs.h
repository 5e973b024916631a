/* cl-book-jobs.h — verify and backups of a book in a worker thread, with
 * their progress dialog (cl-job.h) and their result told over the window
 * that started them. The window (cl-window.c) keeps the job and its
 * actions; this knows nothing of the window but its GtkWindow. */
#pragma once

#include <adwaita.h>

#include "cl-job.h"

G_BEGIN_DECLS

/* Called on the main thread when a job started by @owner ended, before
 * its result is told: TRUE when @owner still waits for @job (it keeps the
 * job; the callback lets it go), FALSE when @owner has let it go (closed
 * meanwhile) and nothing is to be said. */
typedef gboolean (*ClBookJobEnded) (GtkWindow *owner,
                                    ClJob     *job);

/* Recomputes the fingerprint of the book at @book_path from every entry,
 * as `community-ledger verify` does, through its own read-only connection
 * (a LedgerBook must not be used from two threads); Cancel stops it (it
 * only reads). The result is a dialog over @owner.
 *
 * Returns: (transfer full): the job, already running */
ClJob *cl_book_jobs_verify (GtkWindow      *owner,
                            const char     *book_path,
                            ClBookJobEnded  ended);

/* Backs the book at @book_path up to @dest (VACUUM INTO, then an
 * integrity check of the copy); a toast in @owner when it is written and
 * checked.
 *
 * Returns: (transfer full): the job, already running */
ClJob *cl_book_jobs_backup (GtkWindow      *owner,
                            const char     *book_path,
                            const char     *dest,
                            ClBookJobEnded  ended);

G_END_DECLS

/* cl-window-private.h — the window's state, shared by cl-window.c and
 * cl-window-jobs.c (verify and backups in a worker thread) */
#pragma once

#include "cl-job.h"
#include "cl-window.h"

G_BEGIN_DECLS

struct _ClWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *outer_stack;
  AdwStatusPage   *problem_page;
  GtkStack        *pages;

  /* Owned references */
  LedgerBook      *book;
  GSettings       *settings;          /* NULL when the schema is not installed */
  GCancellable    *check_cancellable; /* the book's quick_check behind the first screen */
  guint            check_source;      /* the idle that starts it */
  ClJob           *job;               /* verify or backup in a worker thread, or NULL */
};

/* Enables Verify and Back Up when a book is open and no job runs. */
void cl_window_jobs_update         (ClWindow   *self);
/* win.verify-book */
void cl_window_verify_book_action  (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);

G_END_DECLS

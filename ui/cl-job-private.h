/* cl-job-private.h — what only the GUI tests (tests/gui/) and tools call
 * of ClJob: the actions a user takes with the mouse, made callable without
 * a dialog, and what a test reads back. The app itself uses cl-job.h only. */
#pragma once

#include "cl-job.h"

G_BEGIN_DECLS

/* As the dialog's Cancel does. */
void          cl_job_cancel (ClJob *self);

gboolean      cl_job_is_running (ClJob *self);

GCancellable *cl_job_get_cancellable (ClJob *self);

/* The progress dialog while it is shown, else NULL. */
GtkWindow    *cl_job_get_dialog (ClJob *self);

/* The fraction the progress bar shows (0 to 1). */
double        cl_job_get_fraction (ClJob *self);

G_END_DECLS

/* ledger-write.h — writing a whole buffer to a file descriptor */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ledger_write_all:
 * @fd: an open file descriptor
 * @data: the bytes to write
 * @length: how many
 *
 * Writes all of @data, going on after short writes and EINTR. A write
 * that takes nothing (a full disk that does not say so) counts as ENOSPC,
 * so the loop always ends. Every caller names its own file in its own
 * message; this only says what went wrong.
 *
 * Returns: 0 when everything was written, else the errno of the failure
 */
int ledger_write_all (int         fd,
                      const void *data,
                      gsize       length);

G_END_DECLS

/* ledger-input-private.h — reading files the user hands the program, with a
 * bound
 *
 * A size from stat() says nothing about /dev/zero, a FIFO, a pipe from
 * the shell (`<(…)`, standard input) or a file that grows while it is
 * read. So every read of user-supplied input goes through this reader,
 * which stops as soon as it has seen more than the limit and fails with
 * one line naming the file and the limit, having held at most the limit
 * plus one buffer in memory.
 *
 * Only ledger/ and the tests include this: ledger.h does not (the rest of
 * the program hands ledger/ the file names).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A household register or a payment statement (CSV). 5,000 households
 * take about 300 KB; a statement of every payment of a large community's
 * year about 2 MB. */
#define LEDGER_INPUT_CSV_MAX_BYTES        (64 * 1024 * 1024)
/* A file kept with an expenditure or a ballot (a scan, a photo, a PDF
 * invoice): a 600 dpi colour A4 scan is about 25 MB as a JPEG. */
#define LEDGER_INPUT_ATTACHMENT_MAX_BYTES (64 * 1024 * 1024)

/* The bound in messages: "64 MB". */
#define LEDGER_INPUT_MB(bytes) ((guint) ((bytes) / (1024 * 1024)))

typedef enum
{
  LEDGER_INPUT_DEFAULT      = 0,
  /* "-" names standard input. */
  LEDGER_INPUT_DASH_IS_STDIN = 1 << 0,
  /* Refuse anything but a regular file (a device, a FIFO, a socket): for
   * files that are copied and kept, where a stream makes no sense and a
   * FIFO without a writer would wait forever. */
  LEDGER_INPUT_REGULAR_ONLY = 1 << 1,
} LedgerInputFlags;

/**
 * LedgerInputChunkFunc:
 * @data: the next bytes of the file
 * @length: how many
 * @user_data: what the caller passed with the function
 * @error: return location for the reason to stop
 *
 * Receives a file's bytes chunk by chunk (ledger_input_stream()).
 *
 * Returns: TRUE to go on; FALSE, with @error set, to stop.
 */
typedef gboolean (*LedgerInputChunkFunc) (const guint8  *data,
                                          gsize          length,
                                          gpointer       user_data,
                                          GError       **error);

/**
 * ledger_input_stream:
 * @path: the file the user named (any bytes), or "-" with
 *   LEDGER_INPUT_DASH_IS_STDIN
 * @field: (nullable): the option or argument it came from ("--attach"),
 *   named in messages
 * @limit: the most bytes accepted
 * @too_large: (nullable): what to tell the user past @limit, already
 *   translated ("this is not a household register")
 * @flags: LedgerInputFlags
 * @func: receives each chunk as it is read
 * @user_data: for @func
 * @error: return location for an error
 *
 * Reads @path to its end, handing each chunk to @func, and fails as soon
 * as more than @limit bytes have come: never more than @limit + 64 KB is
 * read. Opening never blocks (a FIFO without a writer reads as empty).
 * A file that cannot be opened, a folder, a refused kind of file and a file
 * past the limit are LEDGER_ERROR_INVALID_INPUT (the user named it); a
 * failing read is LEDGER_ERROR_IO. Every message is one line, the name
 * quoted with ledger_quote_path().
 *
 * Returns: TRUE when the whole file was read and accepted by @func;
 *   FALSE with @error set as above, or as @func set it
 */
gboolean ledger_input_stream (const char            *path,
                              const char            *field,
                              gsize                  limit,
                              const char            *too_large,
                              LedgerInputFlags       flags,
                              LedgerInputChunkFunc   func,
                              gpointer               user_data,
                              GError               **error);

/**
 * ledger_input_read:
 * @path: as for ledger_input_stream()
 * @field: (nullable): as for ledger_input_stream()
 * @limit: the most bytes accepted
 * @too_large: (nullable): as for ledger_input_stream()
 * @flags: LedgerInputFlags
 * @error: return location for an error
 *
 * ledger_input_stream() into memory.
 *
 * Returns: (transfer full): the file's bytes (at most @limit),
 *   NUL-terminated after g_bytes_get_size() bytes, or NULL with @error set
 *   as ledger_input_stream() sets it
 */
GBytes *ledger_input_read (const char        *path,
                           const char        *field,
                           gsize              limit,
                           const char        *too_large,
                           LedgerInputFlags   flags,
                           GError           **error);

/**
 * ledger_input_display_name:
 * @path: a file the user named, or "-"
 * @flags: LedgerInputFlags: with LEDGER_INPUT_DASH_IS_STDIN, "-" is
 *   standard input
 *
 * Returns: (transfer full): how @path is named in messages: "standard
 *   input" for "-" with LEDGER_INPUT_DASH_IS_STDIN, else
 *   ledger_quote_path() of it
 */
char *ledger_input_display_name (const char       *path,
                                 LedgerInputFlags  flags);

G_END_DECLS

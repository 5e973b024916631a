/* ledger-sha256-private.h — SHA-256 (FIPS 180-4) for the fingerprint
 *
 * Every journal entry is hashed when it is written, when the book is
 * verified and when it is exported: GLib's GChecksum does it in portable C
 * and allocates a context per call, about seven times slower than the
 * processor's SHA extensions (x86 SHA-NI). This is the same function with
 * a context on the stack and, where the processor has them, the SHA
 * instructions; elsewhere a portable implementation. The tests check both
 * against GLib on the NIST vectors and on random messages.
 *
 * Only ledger/ and the tests include this: ledger.h does not (the rest of
 * the program sees fingerprints as hex text).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_SHA256_SIZE 32

typedef struct
{
  guint32 state[8];
  guint8  buffer[64];
  gsize   buffered;   /* bytes in @buffer */
  guint64 length;     /* bytes hashed so far */
} LedgerSha256;

/**
 * ledger_sha256_init:
 * @ctx: (out caller-allocates): a context, on the stack
 *
 * Starts a hash.
 */
void ledger_sha256_init   (LedgerSha256 *ctx);

/**
 * ledger_sha256_update:
 * @ctx: a started context
 * @data: (array length=length): bytes to hash
 * @length: how many
 *
 * Adds @data to the hash.
 */
void ledger_sha256_update (LedgerSha256 *ctx,
                           const void   *data,
                           gsize         length);

/**
 * ledger_sha256_finish:
 * @ctx: a started context; it is spent
 * @out: (out caller-allocates): the 32-byte digest
 */
void ledger_sha256_finish (LedgerSha256 *ctx,
                           guint8        out[LEDGER_SHA256_SIZE]);

/**
 * ledger_sha256_is_accelerated:
 *
 * Returns: whether the processor's SHA instructions are in use (for the
 *   benchmark notes)
 */
gboolean ledger_sha256_is_accelerated (void);

/* For the tests: force the portable implementation (TRUE) or let the
 * processor decide (FALSE). */
void ledger_sha256_force_portable (gboolean portable);

G_END_DECLS

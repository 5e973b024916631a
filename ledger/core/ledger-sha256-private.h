/* ledger-sha256-private.h — a test hook
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-sha256.h"

G_BEGIN_DECLS

/* For the tests: force the portable implementation (TRUE) or let the
 * processor decide (FALSE). */
void ledger_sha256_force_portable (gboolean portable);

G_END_DECLS

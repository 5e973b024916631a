/* ledger-transfer-private.h — transfers inside a running write, their
 * fact and the rule verify applies again
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"
#include "ledger-transfer.h"

G_BEGIN_DECLS

/* "transfer|VOUCHER|FROM|TO|AMOUNT|FEE|MEMO": a row of transfers. */
extern const LedgerFactKind ledger_fact_transfer;

/* ledger_transfer() inside a running ledger_book_write(); returns the
 * voucher number. */
char *ledger_transfer_in_write (LedgerBook  *book,
                                gint64       amount,
                                const char  *from,
                                const char  *to,
                                gint64       fee,
                                const char  *date,
                                const char  *memo,
                                GError     **error);

/* The rule of "transfer" entries (ledger-replay.c's rules[]): the
 * writer's checks, its voucher number, splits, ref and memo. */
gboolean ledger_transfer_rule (LedgerBook          *book,
                               const LedgerLeaf    *leaf,
                               char *const *const  *facts,
                               GError             **error);

G_END_DECLS

/* ledger-fee-private.h — fee versions inside a running write
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-fee.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* The same inside a running ledger_book_write(). */
gboolean ledger_fee_set_in_write (LedgerBook            *book,
                                  const char            *code,
                                  const char            *name,
                                  gint64                 amount,
                                  const LedgerFeeBasis  *basis,
                                  const char            *from,
                                  GError               **error);

/* "fee|CODE|NAME|AMOUNT|BASIS|EFFECTIVE_FROM": a fee version, and its
 * income account "income:CODE" added or renamed NAME. */
extern const LedgerFactKind ledger_fact_fee;

/* The rule of "fee" entries (ledger-replay.c's rules[]): one fee fact,
 * a version the fee command accepts, and no split. */
gboolean ledger_fee_rule (LedgerBook          *book,
                          const LedgerLeaf    *leaf,
                          char *const *const  *facts,
                          GError             **error);

G_END_DECLS

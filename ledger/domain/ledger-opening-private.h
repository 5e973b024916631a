/* ledger-opening-private.h — the opening fact and the rule of "opening" entries
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-fact-private.h"
#include "ledger-leaf.h"
#include "ledger-opening.h"

G_BEGIN_DECLS

/* "opening|KIND|ACCOUNT|UNIT|AMOUNT|FUND": a row of openings. KIND is
 * balance, arrears or credit; ACCOUNT the money account of a balance
 * (empty otherwise); UNIT the household of arrears or credit (empty for a
 * balance); FUND operating, maintenance or public (operating for arrears
 * and credit). An arrears row points at the charge its entry's `charge`
 * fact, which comes first, added. */
extern const LedgerFactKind ledger_fact_opening;

/* ledger_opening_balance(), _arrears() and _credit() inside a running
 * ledger_book_write() (the demo's first day). */
gboolean ledger_opening_balance_in_write (LedgerBook  *book,
                                          const char  *account,
                                          gint64       amount,
                                          LedgerFund   fund,
                                          const char  *date,
                                          GError     **error);
gboolean ledger_opening_arrears_in_write (LedgerBook  *book,
                                          const char  *unit,
                                          const char  *fee_code,
                                          int          year,
                                          gint64       amount,
                                          const char  *date,
                                          GError     **error);
gboolean ledger_opening_credit_in_write  (LedgerBook  *book,
                                          const char  *unit,
                                          gint64       amount,
                                          const char  *date,
                                          GError     **error);

/* verify's rule for "opening" entries (ledger-replay.c's rules[]): the
 * writer's own draft, decided again from the facts on the replayed book,
 * refusing what the writer would refuse there; ref and memo as the writer
 * composes them. */
gboolean ledger_opening_rule (LedgerBook          *book,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error);

G_END_DECLS

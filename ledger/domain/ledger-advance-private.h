/* ledger-advance-private.h — advances inside a running write, their fact
 * and verify's rule */
#pragma once

#include "ledger-advance.h"
#include "ledger-fact-private.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* "advance|VOUCHER|MEMBER|KIND|ACCOUNT|AMOUNT|MEMO": the advances row;
 * KIND "give" or "return", ACCOUNT the money account the money left or
 * went into, MEMO "" for a return. */
extern const LedgerFactKind ledger_fact_advance;

/* LEDGER_ERROR_CONFLICT naming @field and the member unless the advance
 * account @code ("advance:MEMBER") holds at least @amount at the end of
 * @date and of every later day: what a return or an expenditure paid
 * from the advance may take. LEDGER_ERROR_NOT_FOUND when the book has no
 * such account (the member was never given an advance). */
gboolean ledger_advance_check_open (LedgerBook  *book,
                                    const char  *code,
                                    gint64       amount,
                                    const char  *date,
                                    const char  *field,
                                    GError     **error);

/* ledger_advance_give() (@give) or ledger_advance_return() inside a
 * running ledger_book_write() (the demo's year); @memo only on a give. */
gboolean ledger_advance_in_write (LedgerBook  *book,
                                  gboolean     give,
                                  const char  *member,
                                  gint64       amount,
                                  const char  *account,
                                  const char  *date,
                                  const char  *memo,
                                  GError     **error);

/* verify's rule for "advance" entries (LedgerReplayRule): the entry the
 * writer gives for the fact's member, kind, account, amount and memo on
 * the replayed book — its voucher, splits, ref and memo. */
gboolean ledger_advance_rule (LedgerBook          *book,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error);

G_END_DECLS

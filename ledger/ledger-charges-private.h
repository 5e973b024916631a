/* ledger-charges-private.h — settling charges, shared by billing and payments */
#pragma once

#include "ledger-book-private.h"
#include "ledger-journal.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 charge_id;
  gint64 open;      /* fen still owed on the charge */
} LedgerOpenCharge;

/* The household's charges that are not fully settled, oldest first (by
 * year, then in the order they were billed): a GArray of LedgerOpenCharge. */
GArray *ledger_open_charges (LedgerBook  *book,
                             gint64       household_id,
                             GError     **error);

/* The household's prepaid credit in fen (what the book owes the owner). */
gboolean ledger_prepaid_credit (LedgerBook  *book,
                                gint64       household_id,
                                gint64      *out_credit,
                                GError     **error);

/* Records that transaction @txn_id settled @amount of @charge_id. */
gboolean ledger_allocation_insert (LedgerBook  *book,
                                   gint64       txn_id,
                                   gint64       charge_id,
                                   const char  *kind,
                                   gint64       amount,
                                   GError     **error);

G_END_DECLS

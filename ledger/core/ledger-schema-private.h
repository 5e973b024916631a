/* ledger-schema-private.h — the book's tables, for ledger-book.c
 *
 * The schema works on the connection (LedgerSql), not on the book that
 * runs it, so that core's modules depend on each other one way.
 */
#pragma once

#include "ledger-sql-private.h"

G_BEGIN_DECLS

/* A charge not yet settled, in the words of the partial index
 * charge_status_open: SQLite uses a partial index only for a query whose
 * WHERE has the index's condition term for term, so every query for open
 * charges writes it with this. LEDGER_CHARGE_OPEN_OF ("s.") when
 * charge_status goes by the alias s. */
#define LEDGER_CHARGE_OPEN_OF(t) t "amount <> " t "paid + " t "waived"
#define LEDGER_CHARGE_OPEN LEDGER_CHARGE_OPEN_OF ("")
/* An open charge of which money is still owed: amount above what was
 * paid and waived (an overpaid one is open too, the other way). Written
 * beside LEDGER_CHARGE_OPEN, which keeps the partial index usable:
 *   "WHERE " LEDGER_CHARGE_OPEN " AND " LEDGER_CHARGE_OWED */
#define LEDGER_CHARGE_OWED_OF(t) t "amount > " t "paid + " t "waived"
#define LEDGER_CHARGE_OWED LEDGER_CHARGE_OWED_OF ("")

/* The caches of schema version 2 as the journal defines them: a charge
 * with what payments (net of voids) and waivers settled of it, and each
 * account's movement per day. */
#define LEDGER_CHARGE_STATUS_SQL \
  "SELECT c.id, c.household_id, c.year, c.amount," \
  "       coalesce (sum (CASE WHEN a.kind <> 'waiver' THEN a.amount END), 0)," \
  "       coalesce (sum (CASE WHEN a.kind = 'waiver' THEN a.amount END), 0)" \
  " FROM charges c LEFT JOIN allocations a ON a.charge_id = c.id GROUP BY c.id"
/* CROSS JOIN: walk the journal in order and each entry's splits by their
 * key, rather than the planner's choice of a lookup per split (twice as
 * slow on a large book). */
#define LEDGER_ACCOUNT_DAYS_SQL \
  "SELECT s.account, t.date, sum (s.amount)" \
  " FROM txns t CROSS JOIN splits s ON s.txn_id = t.id GROUP BY s.account, t.date"


/* Creates the schema in an empty database, inside the book's creating
 * write. */
gboolean ledger_schema_create  (LedgerSql  *sql,
                                GError    **error);

/* Brings a book from @from_version up to LEDGER_SCHEMA_VERSION, inside
 * the book's upgrading write. */
gboolean ledger_schema_migrate (LedgerSql  *sql,
                                int         from_version,
                                GError    **error);

G_END_DECLS

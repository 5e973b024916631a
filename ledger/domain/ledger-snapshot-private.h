/* ledger-snapshot-private.h — the upgrade to schema 3: one entry that
 * commits the tables as they stood, so that the journal accounts for
 * every row even where its entries are version-1 leaves without facts */
#pragma once

#include "ledger-book.h"
#include "ledger-fact-private.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* "account|CODE|NAME|KIND": an account as it stands (restated by the
 * snapshot; fees open their income accounts through the fee fact). */
extern const LedgerFactKind ledger_fact_account;

/* "snapshot|TABLE|ROWS|SHA256": the digest (ledger_table_digest()) of a
 * table's rows written by the entries before the snapshot. */
extern const LedgerFactKind ledger_fact_snapshot;

/* Whether @book's journal ends with a version-1 leaf: it was upgraded to
 * schema 3 and its snapshot entry is still to be posted. */
gboolean ledger_snapshot_needed (LedgerBook  *book,
                                 gboolean    *out_needed,
                                 GError     **error);

/* Posts the snapshot entry when ledger_snapshot_needed(): the digests of
 * the append-only tables' rows so far and every setting, income account
 * and household restated as facts. Does nothing otherwise. */
gboolean ledger_snapshot_ensure (LedgerBook  *book,
                                 GError     **error);

/* Replay: before the snapshot entry @leaf is applied to @replayed,
 * brings over from @book the version-1 entries and the rows they wrote,
 * and checks them against the snapshot's digests (@facts: as
 * LedgerReplayRule's). */
gboolean ledger_snapshot_replay (LedgerBook          *replayed,
                                 LedgerBook          *book,
                                 const LedgerLeaf    *leaf,
                                 char *const *const  *facts,
                                 GError             **error);

/* The replay rule of "snapshot" entries (LedgerReplayRule,
 * ledger-replay-private.h): the ref and memo the upgrade writes, empty
 * and "schema 3". */
gboolean ledger_snapshot_rule (LedgerBook          *book,
                               const LedgerLeaf    *leaf,
                               char *const *const  *facts,
                               GError             **error);

G_END_DECLS

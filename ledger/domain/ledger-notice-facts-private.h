/* ledger-notice-facts-private.h — the facts of a notice's publication
 *
 * The notice itself is made in reports/ (ledger-notice-record.c records
 * it); its facts live here, in domain/, because verify's replay, which
 * applies them, may not use reports/. docs/leaf-format.md has the fields.
 */
#pragma once

#include "ledger-journal-private.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* "notice|PERIOD|FIRST|LAST|FINGERPRINT|PUBLISHED_AT": the notices row
 * of the entry (FINGERPRINT is the head printed on it, SIZE:ROOT). */
extern const LedgerFactKind ledger_fact_notice;

/* "notice_file|KIND|NAME|SHA256": a file made for the entry's notice
 * (KIND pdf, png or html). */
extern const LedgerFactKind ledger_fact_notice_file;

/* "announcement|EXPENDITURE": the expenditure numbered EXPENDITURE is
 * announced by the entry's notice, the first to list it. */
extern const LedgerFactKind ledger_fact_announcement;

/* A notice entry's ref, the notice's PERIOD, and memo, "fingerprint
 * SIZE:ROOT; KIND NAME sha256 HEX; …", a part for each file made (@files:
 * KIND, NAME and SHA256 of each in turn, NULL-terminated, as their
 * notice_file facts give them): the writer's (ledger-notice-record.c)
 * and the replay's. */
void ledger_notice_ref_memo (const char         *period,
                             const char         *fingerprint,
                             const char *const  *files,
                             char              **out_ref,
                             char              **out_memo);

/* Replay rule (LedgerReplayRule, ledger-replay-private.h): a "notice"
 * entry holds one notice, its files and announcements, the notice's
 * FINGERPRINT is of the book just before the entry (SIZE its index − 1),
 * and its ref and memo are ledger_notice_ref_memo()'s. */
gboolean ledger_notice_replay (LedgerBook          *book,
                               const LedgerLeaf    *leaf,
                               char *const *const  *facts,
                               GError             **error);

G_END_DECLS

/* ledger-notice-facts-private.h — the facts of a notice's publication
 *
 * The notice itself is made in reports/ (ledger-notice-record.c records
 * it); its facts live here, in domain/, because verify's replay, which
 * applies them, may not use reports/. docs/leaf-format.md has the fields.
 */
#pragma once

#include "ledger-journal-private.h"

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

G_END_DECLS

/* ledger-notice-private.h — between gathering a notice (ledger-notice.c)
 * and scrubbing it for the public (ledger-notice-scrub.c); the count of
 * expenditures no notice has announced, for the Overview
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-notice.h"

G_BEGIN_DECLS

/* Reads what @data carries over from the last published notice (its
 * closing, the late entries since) and the corrections dated in its
 * period (ledger-notice-carry.c); @data->report is read. LEDGER_ERROR_VERIFY
 * when the carried closing and the late entries do not give the opening. */
gboolean ledger_notice_read_carried       (LedgerBook        *book,
                                           LedgerNoticeData  *data,
                                           GError           **error);

/* Reads the committee's money at the end of @data's period by account and
 * by fund, the period's other income, refunds and transfers
 * (ledger-notice-money.c); @data->report is read, and its prepaid line
 * and income total are made gross of the refunds, which the notice lists
 * as money out. LEDGER_ERROR_VERIFY when the figures do not tie out. */
gboolean ledger_notice_read_money         (LedgerBook        *book,
                                           LedgerNoticeData  *data,
                                           GError           **error);

/* The owners' names and phones of the register: what must not be shown.
 * Read inside the notice's snapshot, with its figures. */
gboolean ledger_notice_read_private_words (LedgerBook  *book,
                                           GPtrArray  **out_owners,
                                           GPtrArray  **out_phones,
                                           GError     **error);

/* Scrubs every piece of free text @data shows of @owners and @phones,
 * and leaves off a publication link that holds one. */
void     ledger_notice_scrub_data         (LedgerNoticeData *data,
                                           const GPtrArray  *owners,
                                           const GPtrArray  *phones);

/**
 * ledger_expenditure_count_unannounced:
 * @book: an open book
 * @out_count: (out): how many expenditures no published notice has
 *   announced yet: the Overview's "to announce"
 * @error: return location for an error
 *
 * One query however long the book.
 *
 * Returns: TRUE with the count; FALSE with a storage error
 */
gboolean ledger_expenditure_count_unannounced (LedgerBook  *book,
                                               gint64      *out_count,
                                               GError     **error);

G_END_DECLS

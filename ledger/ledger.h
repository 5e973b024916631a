/* ledger.h — Community Ledger's book: the one header app/, ui/ and
 * exports/ include
 *
 * The book is an SQLite file whose journal is the whole truth: an
 * append-only list of entries whose debits equal their credits, each a
 * leaf of the book's Merkle fingerprint; every other table is derived
 * from it. Money is
 * int64 fen throughout. Every function that can fail takes a GError **
 * and sets an error of the LEDGER_ERROR domain (ledger-error.h) whose
 * message is one line naming the field or row at fault; a failed write
 * leaves the book exactly as it was.
 *
 * Every function here has a gtk-doc comment in its header: each
 * parameter, the return value and who owns it, and the LEDGER_ERROR codes
 * it sets (ledger-error.h names the storage and journal errors once).
 * What only ledger/ itself and the tests may use (work that must run
 * inside ledger_book_write(), helpers shared between modules, test hooks)
 * is in -private.h headers beside these, which this header never includes.
 *
 * docs/architecture.md describes the layers below: base, values, core,
 * domain, io, reports, models, demo.
 */
#pragma once

/* base: errors, limits, quoting, bounded reads and writes */
#include "ledger-error.h"
#include "ledger-limits.h"
#include "ledger-progress.h"
#include "ledger-quote.h"
#include "ledger-write.h"

/* values: money, periods, text, privacy, payment methods, accounts, funds */
#include "ledger-account-code.h"
#include "ledger-fund.h"
#include "ledger-entry-memo.h"
#include "ledger-income-category.h"
#include "ledger-method.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-privacy.h"
#include "ledger-text.h"

/* core: the book, its journal and fingerprint, verify */
#include "ledger-book.h"
#include "ledger-fingerprint.h"
#include "ledger-leaf.h"
#include "ledger-merkle.h"
#include "ledger-verify.h"

/* domain: what the committee records */
#include "ledger-advance.h"
#include "ledger-attachment.h"
#include "ledger-backup-place.h"
#include "ledger-backup.h"
#include "ledger-billing.h"
#include "ledger-chart.h"
#include "ledger-community.h"
#include "ledger-dates-private.h"
#include "ledger-expenditure.h"
#include "ledger-expenditure-approval.h"
#include "ledger-fee.h"
#include "ledger-household.h"
#include "ledger-household-salts.h"
#include "ledger-income.h"
#include "ledger-opening.h"
#include "ledger-paths.h"
#include "ledger-payment.h"
#include "ledger-reconcile.h"
#include "ledger-refund.h"
#include "ledger-period-close.h"
#include "ledger-replay.h"
#include "ledger-settings.h"
#include "ledger-transfer.h"
#include "ledger-vote.h"

/* io: files handed in */
#include "ledger-import.h"
#include "ledger-pay-batch.h"

/* reports: what is read out of the book */
#include "ledger-balance-sheet.h"
#include "ledger-cashbook.h"
#include "ledger-reconciliation.h"
#include "ledger-money-entries.h"
#include "ledger-waiver-list.h"
#include "ledger-fund-report.h"
#include "ledger-history.h"
#include "ledger-notice.h"
#include "ledger-overview.h"
#include "ledger-report.h"
#include "ledger-trial-balance.h"

/* models: rows and list models for the screens */
#include "ledger-ballot-item.h"
#include "ledger-expenditure-item.h"
#include "ledger-household-item.h"
#include "ledger-receipt-item.h"
#include "ledger-vote-item.h"
#include "ledger-voucher-item.h"

/* demo: a community's book to try the program on */
#include "ledger-demo.h"

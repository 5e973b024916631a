/* ledger-period-close.h — closing a published period, and the periods a
 * book has closed or published
 *
 * `period close PERIOD` seals a period whose notice was published and
 * which has ended: from then on no entry may be dated inside it (the
 * journal refuses one, naming the period), and a mistake found later is
 * entered in an open period marked as correcting it
 * (ledger_book_set_correcting(); docs/money.md, "Closed periods").
 */
#pragma once

#include "ledger-book.h"
#include "ledger-period.h"

G_BEGIN_DECLS

/**
 * ledger_period_close:
 * @book: an open book
 * @text: the period as typed: "2026", "2026-Q1", "2026-03" (ledger_period_parse())
 * @out_period: (out caller-allocates) (optional): the period closed
 * @error: return location for an error
 *
 * Posts the `period-close` entry of @text, dated today by the book's
 * clock, in one transaction.
 *
 * Returns: TRUE when closed; FALSE with LEDGER_ERROR_INVALID_INPUT for a
 *   period that cannot be read, LEDGER_ERROR_CONFLICT naming the period
 *   when no notice of exactly that period has been published, when it has
 *   not ended by the book's clock, or when it (or a period holding it) is
 *   closed already; or a storage or journal error
 */
gboolean ledger_period_close (LedgerBook    *book,
                              const char    *text,
                              LedgerPeriod  *out_period,
                              GError       **error);

typedef struct
{
  char    period[16];    /* "2026-Q1" */
  char    first[11];
  char    last[11];
  gboolean closed;
  char    closed_on[11]; /* the close entry's date; "" while open */
  char   *closed_at;     /* when it was recorded (ISO 8601); NULL while open */
  char   *published_at;  /* when its last notice was published */
  gint64  txn_id;        /* the close entry; 0 while open */
} LedgerPeriodState;

/**
 * ledger_period_state_free:
 * @state: (nullable) (transfer full): a period's state
 */
void ledger_period_state_free (LedgerPeriodState *state);

/**
 * ledger_period_list:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerPeriodState): the closed
 *   periods by their first day, then the periods whose notice was
 *   published but which are still open; or NULL with a storage error
 */
GPtrArray *ledger_period_list (LedgerBook  *book,
                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPeriodState, ledger_period_state_free)

G_END_DECLS

/* maintenance-fund-helper.c — money put into the maintenance fund, for tests */
#include "maintenance-fund-helper.h"
#include "ledger-accounts-private.h"
#include "ledger-book-private.h"
#include "ledger-journal-private.h"

/* "opening|KIND|ACCOUNT|AMOUNT|FUND", as far as this helper needs it: the
 * openings row of an opening balance. */
static gboolean
apply_test_opening (LedgerBook         *book,
                    gint64              txn_id,
                    const char         *date G_GNUC_UNUSED,
                    const char *const  *fields,
                    GError            **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "INSERT INTO openings (txn_id, kind, account, amount, fund)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  ledger_bind_text (stmt, 2, fields[0]);
  ledger_bind_text (stmt, 3, fields[1]);
  sqlite3_bind_int64 (stmt, 4, g_ascii_strtoll (fields[2], NULL, 10));
  ledger_bind_text (stmt, 5, fields[3]);
  return ledger_book_step_done (book, stmt, error);
}

static const LedgerFactKind test_fact_opening = { "opening", 4, apply_test_opening };

typedef struct
{
  gint64      amount;
  const char *date;
} Funding;

static gboolean
fund_cb (LedgerBook *book,
         gpointer    user_data,
         GError    **error)
{
  const Funding *funding = user_data;
  g_autoptr(LedgerPosting) posting = ledger_posting_new ("opening", funding->date);
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, funding->amount);

  if (!ledger_account_ensure_in_write (book, LEDGER_ACCOUNT_OPENING, funding->date, error))
    return FALSE;
  ledger_posting_set_memo (posting, "test: maintenance fund opening balance");
  ledger_posting_add (posting, "cash", 0, funding->amount);
  ledger_posting_add (posting, LEDGER_ACCOUNT_OPENING, 0, -funding->amount);
  ledger_posting_add_fact (posting, &test_fact_opening, "balance", "cash", amount, "maintenance");
  return ledger_posting_commit (posting, book, NULL, error);
}

void
book_fund_maintenance (LedgerBook *book,
                       gint64      amount,
                       const char *date)
{
  g_autoptr(GError) error = NULL;
  Funding funding = { amount, date };

  g_assert_true (ledger_book_write (book, fund_cb, &funding, &error));
  g_assert_no_error (error);
}

/* ledger-expense.h — expenditures and their attachments */
#pragma once

#include "ledger-attachment.h"
#include "ledger-book.h"
#include "ledger-payment.h"
#include "ledger-period.h"

G_BEGIN_DECLS

typedef struct
{
  gint64        id;
  char          date[11];
  gint64        amount;
  char         *payee;
  char         *category;   /* "repair", "cleaning" … (account expense:CATEGORY) */
  LedgerMethod  method;     /* the account the money left */
  char         *memo;
  char         *invoice;
  char         *approvers;  /* committee members, comma-separated */
  gint64        vote_id;    /* 0: none */
  gboolean      from_maintenance_fund; /* paid from the maintenance fund (needs a matter-5 vote) */
  gint64        txn_id;
  GPtrArray    *attachments; /* of LedgerAttachment */
} LedgerExpenditure;

LedgerExpenditure *ledger_expenditure_new (void);
void               ledger_expenditure_free (LedgerExpenditure *expenditure);

/* The expense categories, as codes ("repair" …), NULL-terminated. */
const char * const *ledger_expense_categories (void);
/* The category's name in Chinese ("维修"), for notices. */
const char *ledger_expense_category_chinese (const char *category);
/* Accepts a code, "expense:CODE" or the Chinese name, naming @field on error. */
gboolean ledger_expense_category_parse (const char  *text,
                                        const char  *field,
                                        char       **out_category,
                                        GError     **error);

/**
 * ledger_spend:
 * @expenditure: (inout): filled by the caller; date "" means today; id,
 *   txn_id and attachments are set on success
 * @attach_paths: (nullable): files to copy beside the book, NULL-terminated
 *
 * Records an expenditure. Above the book's spend limit, or from the
 * maintenance fund, it must link a passed vote of a fitting matter
 * (ledger_check_spending_vote()). Attachments are copied into BOOK.files/ under a
 * name that starts with their SHA-256, before the transaction, so the book
 * never refers to a file that is not there.
 */
gboolean ledger_spend (LedgerBook          *book,
                       LedgerExpenditure   *expenditure,
                       const char * const  *attach_paths,
                       GError             **error);

/* Expenditures dated within @period (all when NULL), by date: a GPtrArray
 * of LedgerExpenditure with their attachments. */
GPtrArray *ledger_expenditure_list (LedgerBook          *book,
                                    const LedgerPeriod  *period,
                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerExpenditure, ledger_expenditure_free)

G_END_DECLS

/* ledger-expenditure.h — expenditures and their attachments */
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
  char         *category;   /* "repair", "cleaning" … (account expenditure:CATEGORY) */
  LedgerMethod  method;     /* how it was paid: cash, wechat, alipay, bank */
  char         *source;     /* the account the money left when its method's own
                             * account did not pay: "bank:NAME" or
                             * "advance:MEMBER"; "" otherwise (docs/money.md) */
  char         *memo;
  char         *invoice;
  char         *approvers;  /* committee members, comma-separated */
  gint64        vote_id;    /* 0: none */
  gboolean      from_maintenance_fund; /* paid from the maintenance fund (needs a matter-5 vote) */
  gint64        txn_id;
  GPtrArray    *attachments; /* of LedgerAttachment */
} LedgerExpenditure;

/**
 * ledger_expenditure_new:
 *
 * Returns: (transfer full): an empty expenditure for ledger_expenditure_record() to
 *   fill in: date "" (today), category "other", empty texts, no vote,
 *   an empty attachments array
 */
LedgerExpenditure *ledger_expenditure_new (void);

/**
 * ledger_expenditure_free:
 * @expenditure: (nullable) (transfer full): an expenditure
 *
 * Frees @expenditure with its strings and attachments.
 */
void               ledger_expenditure_free (LedgerExpenditure *expenditure);

/**
 * ledger_expenditure_categories:
 *
 * Returns: (transfer none) (array zero-terminated=1): the expenditure
 *   categories as codes ("repair" …)
 */
const char * const *ledger_expenditure_categories (void);
/**
 * ledger_expenditure_category_chinese:
 * @category: a category code
 *
 * Returns: (transfer none): the category's name in Chinese ("维修"), for
 *   notices; @category itself when it is not a known code
 */
const char *ledger_expenditure_category_chinese (const char *category);

/**
 * ledger_expenditure_record:
 * @book: an open book
 * @expenditure: (inout): filled by the caller; date "" means today; id,
 *   txn_id and attachments are set on success
 * @attach_paths: (nullable) (array zero-terminated=1): files to copy
 *   beside the book
 * @error: return location for an error
 *
 * Records an expenditure, journaled, in one transaction. Above the book's
 * spend limit, or from the maintenance fund, it must link a passed vote
 * of a fitting matter (ledger_check_expenditure_vote_on()). Attachments are
 * copied into BOOK.files/ under a name that starts with their SHA-256,
 * before the transaction, so the book never refers to a file that is not
 * there.
 *
 * Returns: TRUE when recorded; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT naming a bad field or an attachment that
 *   cannot be read, LEDGER_ERROR_NOT_FOUND for an unknown vote,
 *   LEDGER_ERROR_CONFLICT when the spending rule refuses it or the
 *   account would go below zero, LEDGER_ERROR_IO when an attachment cannot
 *   be stored, or a storage or journal error
 */
gboolean ledger_expenditure_record (LedgerBook          *book,
                                    LedgerExpenditure   *expenditure,
                                    const char * const  *attach_paths,
                                    GError             **error);

/**
 * ledger_expenditure_list:
 * @book: an open book
 * @period: (nullable): the period; NULL for every expenditure
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerExpenditure): the
 *   expenditures dated within @period, by date, with their attachments;
 *   NULL with a storage error
 */
GPtrArray *ledger_expenditure_list (LedgerBook          *book,
                                    const LedgerPeriod  *period,
                                    GError             **error);

/**
 * ledger_expenditure_source_parse:
 * @text: (nullable): what `spend --from` was given: a money account
 *   (ledger_money_account_parse(): cash, bank, bank:NAME, wechat, alipay)
 *   or a member's advance, advance:MEMBER (备用金:MEMBER)
 * @field: the option it came from, for the message
 * @error: return location for an error
 *
 * Reads the account an expenditure is paid from. It does not say whether
 * the book has it.
 *
 * Returns: (transfer full) (nullable): its code ("bank:工商银行",
 *   "advance:王芳"), or NULL with LEDGER_ERROR_INVALID_INPUT naming @field
 */
char *ledger_expenditure_source_parse (const char  *text,
                                       const char  *field,
                                       GError     **error);

/**
 * ledger_expenditure_source_method:
 * @code: an account code from ledger_expenditure_source_parse()
 *
 * Returns: the method an expenditure paid from @code records: the method
 *   of that name for cash, bank, wechat and alipay, bank for a named bank
 *   account, cash for a member's advance (the member paid in cash)
 */
LedgerMethod ledger_expenditure_source_method (const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerExpenditure, ledger_expenditure_free)

G_END_DECLS

/* ledger-fee.h — fee items and their versions
 *
 * A fee item (code "property", "parking" …) is billed once a year, per
 * household or per parking space. Changing its amount adds a version with
 * the date it takes effect; older versions stay, so last year's bills can
 * always be explained.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_BASIS_HOUSEHOLD,
  LEDGER_BASIS_SPACE,
} LedgerFeeBasis;

typedef struct
{
  gint64         id;
  char          *code;
  char          *name;
  gint64         amount;         /* fen per household or per space, per year */
  LedgerFeeBasis basis;
  char           effective_from[11];
} LedgerFee;

/**
 * ledger_fee_free:
 * @fee: (nullable) (transfer full): a fee version
 *
 * Frees @fee and its strings.
 */
void ledger_fee_free (LedgerFee *fee);

/**
 * ledger_fee_basis_to_string:
 * @basis: a basis
 *
 * Returns: (transfer none): "household" or "space", the word stored
 */
const char *ledger_fee_basis_to_string (LedgerFeeBasis basis);

/**
 * ledger_fee_basis_parse:
 * @text: "household" or "space" (or their Chinese names)
 * @field: the option it came from, for the message
 * @out_basis: (out): the basis
 * @error: return location for an error
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean    ledger_fee_basis_parse (const char      *text,
                                    const char      *field,
                                    LedgerFeeBasis  *out_basis,
                                    GError         **error);

/**
 * ledger_fee_code_check:
 * @code: a fee code as typed
 * @error: return location for an error
 *
 * Fee codes are short lowercase ASCII words: [a-z][a-z0-9_-]{0,31}.
 *
 * Returns: TRUE for a valid code; FALSE with LEDGER_ERROR_INVALID_INPUT
 */
gboolean ledger_fee_code_check (const char  *code,
                                GError     **error);

/**
 * ledger_fee_set:
 * @book: an open book
 * @code: the fee item's code (ledger_fee_code_check())
 * @name: (nullable): the name on notices; NULL keeps the current one (or the code)
 * @amount: fen per household or per space per year, 0 to
 *   LEDGER_AMOUNT_MAX; zero stops billing the fee
 * @basis: (nullable): NULL keeps the current basis (household for a new fee)
 * @from: (nullable): "YYYY-MM-DD" the version takes effect; NULL is 1 January of this year
 * @error: return location for an error
 *
 * Adds a version of fee @code, journaled, in one transaction.
 *
 * Returns: TRUE when added; FALSE with @error set:
 *   LEDGER_ERROR_INVALID_INPUT naming a bad code, name, amount or date,
 *   or a storage or journal error
 */
gboolean ledger_fee_set (LedgerBook            *book,
                         const char            *code,
                         const char            *name,
                         gint64                 amount,
                         const LedgerFeeBasis  *basis,
                         const char            *from,
                         GError               **error);

/**
 * ledger_fee_list_for_year:
 * @book: an open book
 * @year: the year billed
 * @error: return location for an error
 *
 * The fee items in force for @year, one per code: the newest version in
 * force on 1 January, or, for an item introduced during the year, its first
 * version.
 *
 * Returns: (transfer full) (element-type LedgerFee): the fees, or NULL
 *   with a storage error
 */
GPtrArray *ledger_fee_list_for_year (LedgerBook  *book,
                                     int          year,
                                     GError     **error);

/**
 * ledger_fee_list_versions:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerFee): every version of
 *   every fee, by code and date, or NULL with a storage error
 */
GPtrArray *ledger_fee_list_versions (LedgerBook  *book,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerFee, ledger_fee_free)

G_END_DECLS

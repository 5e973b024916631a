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

void ledger_fee_free (LedgerFee *fee);

/* "household" / "space" */
const char *ledger_fee_basis_to_string (LedgerFeeBasis basis);
gboolean    ledger_fee_basis_parse (const char      *text,
                                    const char      *field,
                                    LedgerFeeBasis  *out_basis,
                                    GError         **error);

/* Fee codes are short lowercase ASCII words: [a-z][a-z0-9_-]{0,31}. */
gboolean ledger_fee_code_check (const char  *code,
                                GError     **error);

/**
 * ledger_fee_set:
 * @name: (nullable): the name on notices; NULL keeps the current one (or the code)
 * @basis: (nullable): NULL keeps the current basis (household for a new fee)
 * @from: (nullable): "YYYY-MM-DD" the version takes effect; NULL is 1 January of this year
 *
 * Adds a version of fee @code. An amount of zero stops billing the fee.
 */
gboolean ledger_fee_set (LedgerBook            *book,
                         const char            *code,
                         const char            *name,
                         gint64                 amount,
                         const LedgerFeeBasis  *basis,
                         const char            *from,
                         GError               **error);

/* The fee items in force for @year, one per code: the newest version in
 * force on 1 January, or, for an item introduced during the year, its first
 * version. A GPtrArray of LedgerFee. */
GPtrArray *ledger_fee_list_for_year (LedgerBook  *book,
                                     int          year,
                                     GError     **error);

/* Every version of every fee, by code and date: a GPtrArray of LedgerFee. */
GPtrArray *ledger_fee_list_versions (LedgerBook  *book,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerFee, ledger_fee_free)

G_END_DECLS

/* ledger-accounts-private.h — which accounts a book has, and adding them
 *
 * Every book has the money accounts of the payment methods, receivable,
 * prepaid, the fee income accounts and the expense categories. The rest
 * are added by an entry of their own, kind "account", with one
 * `account|CODE|NAME|KIND` fact (docs/money.md): a named bank account
 * (`account add bank:NAME`), and, when they are first needed, the
 * opening balances' account, an income category's account, bank charges
 * and a member's advance. The writer that needs one posts its entry in
 * the same write transaction, just before its own.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-leaf.h"

G_BEGIN_DECLS

/* The accounts added when first needed. */
#define LEDGER_ACCOUNT_OPENING      "opening"
#define LEDGER_ACCOUNT_BANK_CHARGES "expense:bank-charges"

/* Whether the book has account @code. */
gboolean ledger_account_exists (LedgerBook  *book,
                                const char  *code,
                                gboolean    *out_exists,
                                GError     **error);

/* LEDGER_ERROR_NOT_FOUND naming @field unless @code is a money account
 * (ledger_account_is_money()) the book has. */
gboolean ledger_money_account_require (LedgerBook  *book,
                                       const char  *code,
                                       const char  *field,
                                       GError     **error);

/* Posts the "account" entry of @code, dated @date, unless the book has
 * it: @code is one this program adds (bank:NAME, advance:MEMBER,
 * opening, other-income:CATEGORY, expense:bank-charges); its name and
 * kind follow from it. Inside a write transaction. */
gboolean ledger_account_ensure_in_write (LedgerBook  *book,
                                         const char  *code,
                                         const char  *date,
                                         GError     **error);

/* `account add bank:NAME`: posts its entry; LEDGER_ERROR_CONFLICT if the
 * book has it already. Inside a write transaction. */
gboolean ledger_bank_account_add_in_write (LedgerBook  *book,
                                           const char  *code,
                                           const char  *date,
                                           GError     **error);

/* verify's rule for "account" entries: the code is one this program
 * adds, new, with the name, kind, ref and memo the writer gives it. */
gboolean ledger_account_rule (LedgerBook          *book,
                              const LedgerLeaf    *leaf,
                              char *const *const  *facts,
                              GError             **error);

G_END_DECLS

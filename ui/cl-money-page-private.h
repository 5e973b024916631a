/* cl-money-page-private.h — what only the GUI tests (tests/gui/) and
 * tools call of ClMoneyPage: the actions a user takes with the mouse,
 * made callable without a dialog. The app itself uses cl-money-page.h. */
#pragma once

#include "cl-money-page.h"

G_BEGIN_DECLS

/* Shows the form named @form ("transfer", "income", "refund" or
 * "advance") and puts the cursor in its first field to type in: what
 * Ctrl+T, Ctrl+I, Ctrl+R and Ctrl+M do. */
void     cl_money_page_show_form (ClMoneyPage *self,
                                  const char  *form);

/* Adds the bank account named @name (bank:NAME) through
 * ledger_bank_account_add(): what the "Add a Bank Account" dialog does
 * once answered. Returns FALSE, showing the ledger's one line under the
 * accounts, when the ledger refuses. */
gboolean cl_money_page_add_bank_account (ClMoneyPage *self,
                                         const char  *name);

G_END_DECLS

/* ledger-category-private.h — what the committee's expenditures are for
 *
 * One table of categories (ledger-category.c): the schema seeds an
 * expense account "expense:CODE" for each, and the expenditures read and
 * print them. Only files in ledger/ (and the tests) include this; the
 * rest of the program uses ledger_expenditure_categories() & co.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many categories there are. */
guint       ledger_category_count        (void);
/* The code of category @index ("repair"), the CLI word and, after
 * "expense:", its account. */
const char *ledger_category_code         (guint index);
/* Its name in Chinese ("维修"), on notices and accepted on input. */
const char *ledger_category_chinese      (guint index);
/* Its account's name as the book stores it, in the source language
 * ("Repairs"): screens translate it when they show it. */
const char *ledger_category_account_name (guint index);

G_END_DECLS

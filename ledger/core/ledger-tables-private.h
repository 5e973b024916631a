/* ledger-tables-private.h — a table as data: compared between two books,
 * and digested */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/* Compares @table in @expected (the replayed book) and @found (the
 * book), row by row in the order of @key (its key columns, comma
 * separated): LEDGER_ERROR_VERIFY naming the table, the row's key, the
 * column and both values at the first difference. */
gboolean ledger_verify_table (LedgerBook  *expected,
                              LedgerBook  *found,
                              const char  *table,
                              const char  *key,
                              GError     **error);

/* The SHA-256 (64 lowercase hex digits, in @out_hex) of @table's rows
 * chosen by @where (a condition on the rows, "" for all; ?1 is bound to
 * @bound) in the order of @key, as docs/leaf-format.md defines the rows'
 * text; @out_rows counts them. */
gboolean ledger_table_digest (LedgerBook  *book,
                              const char  *table,
                              const char  *key,
                              const char  *where,
                              gint64       bound,
                              gint64      *out_rows,
                              char         out_hex[65],
                              GError     **error);

G_END_DECLS

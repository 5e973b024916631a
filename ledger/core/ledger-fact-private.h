/* ledger-fact-private.h — the facts a journal entry records beside its
 * splits, and the one code that turns each into table rows
 *
 * A leaf of version 2 (docs/leaf-format.md) carries, after its splits,
 * one "fact: NAME|FIELD|…" line for every row the entry puts into a
 * table beside the journal: a receipt, each allocation, a charge, a
 * household as registered, a vote's result… Every such table is a
 * projection of the facts: a writer never inserts into it directly, it
 * adds facts to its posting, and ledger_posting_commit() applies them
 * through their kind's apply function. verify replays the journal into an
 * empty book through the same functions and compares every table
 * (ledger-replay.c), so a row no fact accounts for is found.
 */
#pragma once

#include "ledger-book.h"

G_BEGIN_DECLS

/**
 * LedgerFactApplyFunc:
 * @book: the book being written (or rebuilt by replay), inside a write
 * @txn_id: the journal entry the fact belongs to, already inserted
 * @date: that entry's date ("YYYY-MM-DD")
 * @fields: the fact's fields, as many as its kind declares
 * @error: return location for an error
 *
 * Puts the rows the fact stands for into the book's tables. It may read
 * the book (a unit's household id, a charge by its natural key) but must
 * decide nothing the fact does not say: the same fields give the same
 * rows, when writing and when replaying.
 */
typedef gboolean (*LedgerFactApplyFunc) (LedgerBook         *book,
                                         gint64              txn_id,
                                         const char         *date,
                                         const char *const  *fields,
                                         GError            **error);

typedef struct
{
  const char          *name;     /* the word after "fact: " */
  guint                n_fields;
  LedgerFactApplyFunc  apply;
} LedgerFactKind;

/* "setting|KEY|VALUE": settings (the community's name, spend limit,
 * committee members, backup folder …), set or replaced. */
extern const LedgerFactKind ledger_fact_setting;

/* The fact's text as stored and hashed: NAME and its fields joined by
 * "|", each field escaped as a split's ("\\", "\n", "\r", "\|"). */
char  *ledger_fact_format (const char         *name,
                           const char *const  *fields,
                           guint               n_fields);

/* Splits a fact's text back into its name (element 0) and fields, or
 * NULL with LEDGER_ERROR_VERIFY for text no writer produces. */
char **ledger_fact_parse  (const char  *text,
                           GError     **error);

/* Field @i of a @kind fact read as a whole number, or FALSE with
 * LEDGER_ERROR_VERIFY naming the fact and field. */
gboolean ledger_fact_int64 (const char         *kind,
                            const char *const  *fields,
                            guint               i,
                            gint64             *out_value,
                            GError            **error);

/* The decimal text of @value in @buf, for a fact's field. */
const char *ledger_fact_int_text (char    buf[24],
                                  gint64  value);

G_END_DECLS

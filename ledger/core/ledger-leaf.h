/* ledger-leaf.h — each journal entry as its canonical leaf, the bytes the
 * book's fingerprint (ledger-fingerprint.h) hashes
 *
 * The canonical leaf of transaction N (its 1-based position in the
 * journal) is UTF-8 text, one "name: value" line each, in this order:
 *
 *     community-ledger leaf v1
 *     index: N
 *     kind: KIND
 *     date: YYYY-MM-DD
 *     recorded_at: ISO 8601 time
 *     operator: NAME
 *     ref: REF
 *     memo: MEMO
 *     reverses: M            (empty when the entry reverses nothing)
 *     split: ACCOUNT|UNIT|AMOUNT     (one line per split, in entry order;
 *                                      UNIT empty when none; AMOUNT in fen,
 *                                      debit positive, "-" for credits)
 *
 * every line ending in "\n". A version-2 leaf ("community-ledger leaf v2")
 * has the same lines and then one "fact: NAME|FIELD|…" line per fact
 * (ledger-fact-private.h); docs/leaf-format.md is the full definition. In values a backslash is written "\\", a line
 * feed "\n", a carriage return "\r", and in split fields "|" is "\|".
 * The leaf hash is SHA-256 (0x00 ‖ leaf); the fingerprint is SIZE:ROOT,
 * the RFC 6962 tree head over all leaves.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-merkle.h"

G_BEGIN_DECLS

typedef struct
{
  const char *account;
  const char *unit;        /* "" when the split belongs to no household */
  gint64      amount;
} LedgerLeafSplit;

typedef struct
{
  gint64      index;       /* 1-based position in the journal */
  int         version;     /* 1 or 2 (docs/leaf-format.md) */
  const char *kind;
  const char *date;
  const char *recorded_at;
  const char *operator_name;
  const char *ref;
  const char *memo;
  gint64      reverses;    /* 0: none */
  const LedgerLeafSplit *splits;
  guint       n_splits;
  const char *const *facts; /* version 2: each fact's text, in order */
  guint       n_facts;
  const char *text;        /* the canonical leaf */
  gsize       length;
  LedgerHash  hash;        /* SHA-256 (0x00 ‖ text) */
} LedgerLeaf;

/**
 * LedgerLeafFunc:
 * @leaf: one journal entry and its canonical leaf, valid during the call
 * @user_data: what the caller passed with the function
 * @error: return location for the reason to stop
 *
 * Returns: TRUE to go on; FALSE, with @error set, to stop.
 */
typedef gboolean (*LedgerLeafFunc) (const LedgerLeaf  *leaf,
                                    gpointer           user_data,
                                    GError           **error);

/**
 * ledger_journal_foreach_leaf:
 * @book: an open book
 * @func: called for every journal entry in order
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Calls @func for every journal transaction in order, with its canonical
 * leaf. The XLSX export and verify read the journal only through this.
 *
 * Returns: TRUE when every entry was handed over; FALSE with what @func
 *   set or a storage error
 */
gboolean ledger_journal_foreach_leaf (LedgerBook      *book,
                                      LedgerLeafFunc   func,
                                      gpointer         user_data,
                                      GError         **error);

/**
 * ledger_journal_count:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: the number of entries in the journal (the id of the last), or
 *   -1 with a storage error
 */
gint64 ledger_journal_count (LedgerBook  *book,
                             GError     **error);

/**
 * ledger_leaf_compose:
 * @leaf: an entry given field by field: its header fields, its splits
 *   and, for version 2, its facts' texts (ledger_leaf_compose_fact());
 *   its text, length and hash are not read
 * @out_hash: (out caller-allocates) (optional): SHA-256 (0x00 ‖ leaf)
 *
 * The canonical leaf of an entry whose fields a verifier holds without
 * the book (a receipt's QR code): the same text the journal gives for
 * the entry, byte for byte, when the fields are the entry's.
 *
 * Returns: (transfer full): the leaf's text
 */
char *ledger_leaf_compose (const LedgerLeaf *leaf,
                           LedgerHash       *out_hash);

/**
 * ledger_leaf_compose_fact:
 * @name: the fact's name ("receipt")
 * @fields: (array length=n_fields): its fields, unescaped
 * @n_fields: how many
 *
 * Returns: (transfer full): the fact's text as a leaf's "fact: " line
 *   holds it: @name and the fields joined by "|", each field escaped
 */
char *ledger_leaf_compose_fact (const char         *name,
                                const char *const  *fields,
                                guint               n_fields);

G_END_DECLS

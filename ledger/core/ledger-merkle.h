/* ledger-merkle.h — RFC 6962 Merkle trees over the journal
 *
 * Pure functions first: hashing, tree heads, inclusion and consistency
 * proofs over an array of leaf hashes, exactly as RFC 6962 §2.1 (and RFC
 * 9162 §2.1) define them. They know nothing of the book, so the reference
 * test vectors of Certificate Transparency drive them directly.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_HASH_SIZE 32

typedef struct
{
  guint8 bytes[LEDGER_HASH_SIZE];
} LedgerHash;

/* SHA-256 (0x00 ‖ @data): the hash of a leaf. */
void ledger_merkle_leaf_hash (const guint8 *data,
                              gsize         length,
                              LedgerHash   *out);

/* SHA-256 (0x01 ‖ @left ‖ @right): the hash of an interior node. */
void ledger_merkle_node_hash (const LedgerHash *left,
                              const LedgerHash *right,
                              LedgerHash       *out);

/* 64 lowercase hex digits (65 bytes with the NUL). */
void     ledger_hash_to_hex (const LedgerHash *hash,
                             char              out_hex[65]);
gboolean ledger_hash_from_hex (const char *hex,
                               LedgerHash *out);

/* Where the hash of the subtree of leaves [@start, @end) comes from. The
 * book answers from its cache or by recomputing; tests answer from an array. */
typedef gboolean (*LedgerSubtreeFunc) (gpointer     source,
                                       guint64      start,
                                       guint64      end,
                                       LedgerHash  *out,
                                       GError     **error);

/* MTH over leaves [@start, @end) by RFC 6962's recursion, asking @leaf for
 * leaf hashes only. The building block of the functions below. */
gboolean ledger_merkle_root (LedgerSubtreeFunc  subtree,
                             gpointer           source,
                             guint64            size,
                             LedgerHash        *out,
                             GError           **error);

/* PATH(m, D[n]): the inclusion proof of leaf @index in the tree of @size
 * leaves, from the leaf upwards. A GArray of LedgerHash. */
GArray *ledger_merkle_inclusion_proof (LedgerSubtreeFunc   subtree,
                                       gpointer            source,
                                       guint64             index,
                                       guint64             size,
                                       GError            **error);

/* PROOF(m, D[n]): the consistency proof between the trees of @old_size and
 * @new_size leaves. A GArray of LedgerHash. */
GArray *ledger_merkle_consistency_proof (LedgerSubtreeFunc   subtree,
                                         gpointer            source,
                                         guint64             old_size,
                                         guint64             new_size,
                                         GError            **error);

/* RFC 9162 §2.1.3.2: does @proof show that @leaf_hash is leaf @index of the
 * tree of @size leaves whose head is @root? */
gboolean ledger_merkle_verify_inclusion (const LedgerHash *leaf_hash,
                                         guint64           index,
                                         guint64           size,
                                         const GArray     *proof,
                                         const LedgerHash *root);

/* RFC 9162 §2.1.4.2: does @proof show that the tree (@new_size, @new_root)
 * extends the tree (@old_size, @old_root)? */
gboolean ledger_merkle_verify_consistency (guint64           old_size,
                                           const LedgerHash *old_root,
                                           guint64           new_size,
                                           const LedgerHash *new_root,
                                           const GArray     *proof);

/* A subtree source over a plain array of leaf hashes (GArray of
 * LedgerHash): for tests and for recomputing from an export. */
gboolean ledger_merkle_array_subtree (gpointer     leaf_hashes,
                                      guint64      start,
                                      guint64      end,
                                      LedgerHash  *out,
                                      GError     **error);

/* ------------------------------------------------------------------ */
/* Fingerprints: "SIZE:ROOT" */

typedef struct
{
  guint64    size;
  LedgerHash root;
} LedgerTreeHead;

/* "1234:5f3a…" (ROOT as 64 lowercase hex digits). */
char    *ledger_tree_head_format (const LedgerTreeHead *head);
/* The short form for people: the first 16 hex digits in groups of four,
 * "5f3a 9c21 07be d4e8". */
char    *ledger_tree_head_format_short (const LedgerTreeHead *head);
gboolean ledger_tree_head_parse (const char      *text,
                                 const char      *field,
                                 LedgerTreeHead  *out,
                                 GError         **error);

G_END_DECLS

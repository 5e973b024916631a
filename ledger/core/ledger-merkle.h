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

/**
 * ledger_merkle_leaf_hash:
 * @data: (array length=length): the leaf's bytes
 * @length: how many
 * @out: (out caller-allocates): SHA-256 (0x00 ‖ @data), the hash of a leaf
 */
void ledger_merkle_leaf_hash (const guint8 *data,
                              gsize         length,
                              LedgerHash   *out);

/**
 * ledger_merkle_node_hash:
 * @left: the left child's hash
 * @right: the right child's hash
 * @out: (out caller-allocates): SHA-256 (0x01 ‖ @left ‖ @right), the hash
 *   of an interior node; may be @left or @right
 */
void ledger_merkle_node_hash (const LedgerHash *left,
                              const LedgerHash *right,
                              LedgerHash       *out);

/**
 * ledger_hash_to_hex:
 * @hash: a hash
 * @out_hex: (out caller-allocates): 64 lowercase hex digits and a NUL
 */
void     ledger_hash_to_hex (const LedgerHash *hash,
                             char              out_hex[65]);

/**
 * ledger_hash_from_hex:
 * @hex: (nullable): 64 hex digits, either case
 * @out: (out caller-allocates): the hash
 *
 * Returns: TRUE when @hex is exactly 64 hex digits
 */
gboolean ledger_hash_from_hex (const char *hex,
                               LedgerHash *out);

/**
 * LedgerSubtreeFunc:
 * @source: where the leaves are (a book, an array)
 * @start: the first leaf, 0-based
 * @end: one past the last
 * @out: (out caller-allocates): MTH of leaves [@start, @end)
 * @error: return location for an error
 *
 * Where the hash of the subtree of leaves [@start, @end) comes from. The
 * book answers from its cache or by recomputing; tests answer from an array.
 *
 * Returns: TRUE with the hash; FALSE with @error set.
 */
typedef gboolean (*LedgerSubtreeFunc) (gpointer     source,
                                       guint64      start,
                                       guint64      end,
                                       LedgerHash  *out,
                                       GError     **error);

/**
 * ledger_merkle_root:
 * @subtree: where subtree hashes come from
 * @source: passed to @subtree
 * @size: how many leaves
 * @out: (out caller-allocates): MTH over leaves [0, @size)
 * @error: return location for an error
 *
 * MTH by RFC 6962's recursion, asking @subtree for the hashes it
 * needs. The building block of the functions below.
 *
 * Returns: TRUE with the root; FALSE with what @subtree set
 */
gboolean ledger_merkle_root (LedgerSubtreeFunc  subtree,
                             gpointer           source,
                             guint64            size,
                             LedgerHash        *out,
                             GError           **error);

/**
 * ledger_merkle_inclusion_proof:
 * @subtree: where subtree hashes come from
 * @source: passed to @subtree
 * @index: the leaf, 0-based
 * @size: the tree's size
 * @error: return location for an error
 *
 * PATH(m, D[n]): the inclusion proof of leaf @index in the tree of @size
 * leaves, from the leaf upwards.
 *
 * Returns: (transfer full) (element-type LedgerHash): the proof, or NULL
 *   with LEDGER_ERROR_INVALID_INPUT when @index is not below @size, or
 *   with what @subtree set
 */
GArray *ledger_merkle_inclusion_proof (LedgerSubtreeFunc   subtree,
                                       gpointer            source,
                                       guint64             index,
                                       guint64             size,
                                       GError            **error);

/**
 * ledger_merkle_consistency_proof:
 * @subtree: where subtree hashes come from
 * @source: passed to @subtree
 * @old_size: the earlier tree's size
 * @new_size: the later tree's size
 * @error: return location for an error
 *
 * PROOF(m, D[n]): the consistency proof between the trees of @old_size
 * and @new_size leaves.
 *
 * Returns: (transfer full) (element-type LedgerHash): the proof, or NULL
 *   with LEDGER_ERROR_INVALID_INPUT when @old_size is past @new_size, or
 *   with what @subtree set
 */
GArray *ledger_merkle_consistency_proof (LedgerSubtreeFunc   subtree,
                                         gpointer            source,
                                         guint64             old_size,
                                         guint64             new_size,
                                         GError            **error);

/**
 * ledger_merkle_verify_inclusion:
 * @leaf_hash: the leaf's hash
 * @index: its position, 0-based
 * @size: the tree's size
 * @proof: (element-type LedgerHash): the inclusion proof
 * @root: the tree's head
 *
 * RFC 9162 §2.1.3.2.
 *
 * Returns: TRUE when @proof shows that @leaf_hash is leaf @index of the
 *   tree of @size leaves whose head is @root
 */
gboolean ledger_merkle_verify_inclusion (const LedgerHash *leaf_hash,
                                         guint64           index,
                                         guint64           size,
                                         const GArray     *proof,
                                         const LedgerHash *root);

/**
 * ledger_merkle_verify_consistency:
 * @old_size: the earlier tree's size
 * @old_root: its head
 * @new_size: the later tree's size
 * @new_root: its head
 * @proof: (element-type LedgerHash): the consistency proof
 *
 * RFC 9162 §2.1.4.2.
 *
 * Returns: TRUE when @proof shows that the tree (@new_size, @new_root)
 *   extends the tree (@old_size, @old_root)
 */
gboolean ledger_merkle_verify_consistency (guint64           old_size,
                                           const LedgerHash *old_root,
                                           guint64           new_size,
                                           const LedgerHash *new_root,
                                           const GArray     *proof);

/**
 * ledger_merkle_array_subtree:
 * @leaf_hashes: a GArray of LedgerHash, the leaves' hashes
 * @start: the first leaf, 0-based
 * @end: one past the last, at most the array's length
 * @out: (out caller-allocates): MTH of leaves [@start, @end)
 * @error: return location for an error
 *
 * A LedgerSubtreeFunc over a plain array of leaf hashes: for tests and
 * for recomputing from an export.
 *
 * Returns: TRUE with the hash; FALSE with LEDGER_ERROR_INVALID_INPUT for
 *   a range outside the array
 */
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

/**
 * ledger_tree_head_format:
 * @head: a tree head
 *
 * Returns: (transfer full): "1234:5f3a…" (ROOT as 64 lowercase hex digits)
 */
char    *ledger_tree_head_format (const LedgerTreeHead *head);
/**
 * ledger_tree_head_format_short:
 * @head: a tree head
 *
 * Returns: (transfer full): the short form for people: the first 16 hex
 *   digits of the root in groups of four, "5f3a 9c21 07be d4e8"
 */
char    *ledger_tree_head_format_short (const LedgerTreeHead *head);

/**
 * ledger_tree_head_parse:
 * @text: "SIZE:ROOT" as printed on a notice
 * @field: the option it came from ("--head"), for the message
 * @out: (out caller-allocates): the head
 * @error: return location for an error
 *
 * Returns: TRUE when understood; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean ledger_tree_head_parse (const char      *text,
                                 const char      *field,
                                 LedgerTreeHead  *out,
                                 GError         **error);

G_END_DECLS

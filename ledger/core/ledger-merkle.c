/* ledger-merkle.c — RFC 6962 Merkle trees: heads, proofs, verification
 *
 * The recursions follow RFC 6962 §2.1 word for word (MTH, PATH, PROOF,
 * SUBPROOF) and the verifiers RFC 9162 §2.1.3.2 and §2.1.4.2, so that a
 * reader can hold the code against the text. SHA-256 is Nettle's (with
 * the processor's SHA instructions where it has them): cryptography comes
 * from a well-kept library, never from this tree.
 */
#define G_LOG_DOMAIN "ledger"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "ledger-error.h"
#include "ledger-merkle.h"
#include "ledger-text.h"

/* ------------------------------------------------------------------ */
/* Hashing */

static void
sha256_prefixed (guint8        prefix,
                 const guint8 *a,
                 gsize         a_len,
                 const guint8 *b,
                 gsize         b_len,
                 LedgerHash   *out)
{
  struct sha256_ctx ctx;

  G_STATIC_ASSERT (LEDGER_HASH_SIZE == SHA256_DIGEST_SIZE);
  sha256_init (&ctx);
  sha256_update (&ctx, 1, &prefix);
  if (a_len > 0)
    sha256_update (&ctx, a_len, a);
  if (b_len > 0)
    sha256_update (&ctx, b_len, b);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, out->bytes);
}

void
ledger_merkle_leaf_hash (const guint8 *data,
                         gsize         length,
                         LedgerHash   *out)
{
  sha256_prefixed (0x00, data, length, NULL, 0, out);
}

void
ledger_merkle_node_hash (const LedgerHash *left,
                         const LedgerHash *right,
                         LedgerHash       *out)
{
  sha256_prefixed (0x01, left->bytes, LEDGER_HASH_SIZE, right->bytes, LEDGER_HASH_SIZE, out);
}

/* SHA-256 of nothing at all: the head of the empty tree. */
static void
empty_tree_hash (LedgerHash *out)
{
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, out->bytes);
}

void
ledger_hash_to_hex (const LedgerHash *hash,
                    char              out_hex[65])
{
  static const char digits[] = "0123456789abcdef";

  for (int i = 0; i < LEDGER_HASH_SIZE; i++)
    {
      out_hex[2 * i] = digits[hash->bytes[i] >> 4];
      out_hex[2 * i + 1] = digits[hash->bytes[i] & 0xf];
    }
  out_hex[64] = '\0';
}

gboolean
ledger_hash_from_hex (const char *hex,
                      LedgerHash *out)
{
  if (hex == NULL || strlen (hex) != 2 * LEDGER_HASH_SIZE)
    return FALSE;
  for (int i = 0; i < LEDGER_HASH_SIZE; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      out->bytes[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

static gboolean
hash_equal (const LedgerHash *a,
            const LedgerHash *b)
{
  return memcmp (a->bytes, b->bytes, LEDGER_HASH_SIZE) == 0;
}

/* ------------------------------------------------------------------ */
/* Trees and proofs (RFC 6962 §2.1) */

/* The largest power of two smaller than @n (n > 1): RFC 6962's k. */
static guint64
split_point (guint64 n)
{
  guint64 k = 1;

  g_assert (n > 1);
  while (k << 1 < n)
    k <<= 1;
  return k;
}

gboolean
ledger_merkle_root (LedgerSubtreeFunc  subtree,
                    gpointer           source,
                    guint64            size,
                    LedgerHash        *out,
                    GError           **error)
{
  if (size == 0)
    {
      empty_tree_hash (out);
      return TRUE;
    }
  return subtree (source, 0, size, out, error);
}

/* PATH(m, D[start:end]), appended to @proof from the leaf upwards. */
static gboolean
path (LedgerSubtreeFunc  subtree,
      gpointer           source,
      guint64            m,
      guint64            start,
      guint64            end,
      GArray            *proof,
      GError           **error)
{
  guint64 n = end - start, k;
  LedgerHash sibling;

  if (n == 1)
    return TRUE;
  k = split_point (n);
  if (m < k)
    return path (subtree, source, m, start, start + k, proof, error) &&
           subtree (source, start + k, end, &sibling, error) &&
           g_array_append_val (proof, sibling) != NULL;
  return path (subtree, source, m - k, start + k, end, proof, error) &&
         subtree (source, start, start + k, &sibling, error) &&
         g_array_append_val (proof, sibling) != NULL;
}

GArray *
ledger_merkle_inclusion_proof (LedgerSubtreeFunc   subtree,
                               gpointer            source,
                               guint64             index,
                               guint64             size,
                               GError            **error)
{
  g_autoptr(GArray) proof = g_array_new (FALSE, FALSE, sizeof (LedgerHash));

  if (index >= size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("entry %" PRIu64 " is not among the first %" PRIu64 " entries"),
                   index + 1, size);
      return NULL;
    }
  if (!path (subtree, source, index, 0, size, proof, error))
    return NULL;
  return g_steal_pointer (&proof);
}

/* SUBPROOF(m, D[start:end], b), appended to @proof. */
static gboolean
subproof (LedgerSubtreeFunc  subtree,
          gpointer           source,
          guint64            m,
          guint64            start,
          guint64            end,
          gboolean           b,
          GArray            *proof,
          GError           **error)
{
  guint64 n = end - start, k;
  LedgerHash hash;

  if (m == n)
    {
      if (b)
        return TRUE;
      return subtree (source, start, end, &hash, error) &&
             g_array_append_val (proof, hash) != NULL;
    }
  k = split_point (n);
  if (m <= k)
    return subproof (subtree, source, m, start, start + k, b, proof, error) &&
           subtree (source, start + k, end, &hash, error) &&
           g_array_append_val (proof, hash) != NULL;
  return subproof (subtree, source, m - k, start + k, end, FALSE, proof, error) &&
         subtree (source, start, start + k, &hash, error) &&
         g_array_append_val (proof, hash) != NULL;
}

GArray *
ledger_merkle_consistency_proof (LedgerSubtreeFunc   subtree,
                                 gpointer            source,
                                 guint64             old_size,
                                 guint64             new_size,
                                 GError            **error)
{
  g_autoptr(GArray) proof = g_array_new (FALSE, FALSE, sizeof (LedgerHash));

  if (old_size > new_size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("the earlier head has %" PRIu64 " entries, more than the %" PRIu64 " of the later one"),
                   old_size, new_size);
      return NULL;
    }
  /* Every tree extends the empty tree, and a tree extends itself: the
   * proof is empty (RFC 9162 §2.1.4.1). */
  if (old_size == 0 || old_size == new_size)
    return g_steal_pointer (&proof);
  if (!subproof (subtree, source, old_size, 0, new_size, TRUE, proof, error))
    return NULL;
  return g_steal_pointer (&proof);
}

/* ------------------------------------------------------------------ */
/* Verification (RFC 9162 §2.1.3.2 and §2.1.4.2) */

/* Shifts fn and sn right until fn's lowest bit is set or fn is zero. */
static void
climb_to_right_child (guint64 *fn,
                      guint64 *sn)
{
  while (!(*fn & 1) && *fn != 0)
    {
      *fn >>= 1;
      *sn >>= 1;
    }
}

gboolean
ledger_merkle_verify_inclusion (const LedgerHash *leaf_hash,
                                guint64           index,
                                guint64           size,
                                const GArray     *proof,
                                const LedgerHash *root)
{
  guint64 fn = index, sn = size - 1;
  LedgerHash r = *leaf_hash;

  if (index >= size)
    return FALSE;
  for (guint i = 0; i < proof->len; i++)
    {
      const LedgerHash *p = &g_array_index (proof, LedgerHash, i);

      if (sn == 0)
        return FALSE;
      if ((fn & 1) || fn == sn)
        {
          ledger_merkle_node_hash (p, &r, &r);
          climb_to_right_child (&fn, &sn);
        }
      else
        ledger_merkle_node_hash (&r, p, &r);
      fn >>= 1;
      sn >>= 1;
    }
  return sn == 0 && hash_equal (&r, root);
}

gboolean
ledger_merkle_verify_consistency (guint64           old_size,
                                  const LedgerHash *old_root,
                                  guint64           new_size,
                                  const LedgerHash *new_root,
                                  const GArray     *proof)
{
  g_autoptr(GArray) path_ = NULL;
  guint64 fn, sn;
  LedgerHash fr, sr, empty;

  if (old_size > new_size)
    return FALSE;
  if (old_size == 0)
    {
      empty_tree_hash (&empty);
      return proof->len == 0 && hash_equal (old_root, &empty) &&
             (new_size > 0 || hash_equal (new_root, &empty));
    }
  if (old_size == new_size)
    return proof->len == 0 && hash_equal (old_root, new_root);
  if (proof->len == 0)
    return FALSE;

  /* When the old tree is a perfect subtree, its head starts the path. */
  path_ = g_array_new (FALSE, FALSE, sizeof (LedgerHash));
  if ((old_size & (old_size - 1)) == 0)
    g_array_append_val (path_, *old_root);
  g_array_append_vals (path_, proof->data, proof->len);

  fn = old_size - 1;
  sn = new_size - 1;
  while (fn & 1)
    {
      fn >>= 1;
      sn >>= 1;
    }
  fr = sr = g_array_index (path_, LedgerHash, 0);
  for (guint i = 1; i < path_->len; i++)
    {
      const LedgerHash *c = &g_array_index (path_, LedgerHash, i);

      if (sn == 0)
        return FALSE;
      if ((fn & 1) || fn == sn)
        {
          ledger_merkle_node_hash (c, &fr, &fr);
          ledger_merkle_node_hash (c, &sr, &sr);
          climb_to_right_child (&fn, &sn);
        }
      else
        ledger_merkle_node_hash (&sr, c, &sr);
      fn >>= 1;
      sn >>= 1;
    }
  return sn == 0 && hash_equal (&fr, old_root) && hash_equal (&sr, new_root);
}

gboolean
ledger_merkle_array_subtree (gpointer     leaf_hashes,
                             guint64      start,
                             guint64      end,
                             LedgerHash  *out,
                             GError     **error)
{
  GArray *leaves = leaf_hashes;
  LedgerHash left, right;
  guint64 k;

  /* Sizes can come from outside (a typed head, an export): refuse, don't abort. */
  if (start >= end || end > leaves->len)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("entries %" PRIu64 " to %" PRIu64 " are not among the %u entries"),
                   start + 1, end, leaves->len);
      return FALSE;
    }
  if (end - start == 1)
    {
      *out = g_array_index (leaves, LedgerHash, start);
      return TRUE;
    }
  k = split_point (end - start);
  if (!ledger_merkle_array_subtree (leaf_hashes, start, start + k, &left, error) ||
      !ledger_merkle_array_subtree (leaf_hashes, start + k, end, &right, error))
    return FALSE;
  ledger_merkle_node_hash (&left, &right, out);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Tree heads */

char *
ledger_tree_head_format (const LedgerTreeHead *head)
{
  char hex[65];

  ledger_hash_to_hex (&head->root, hex);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", head->size, hex);
}

char *
ledger_tree_head_format_short (const LedgerTreeHead *head)
{
  char hex[65];

  ledger_hash_to_hex (&head->root, hex);
  return g_strdup_printf ("%.4s %.4s %.4s %.4s", hex, hex + 4, hex + 8, hex + 12);
}

gboolean
ledger_tree_head_parse (const char      *text,
                        const char      *field,
                        LedgerTreeHead  *out,
                        GError         **error)
{
  const char *colon = text != NULL ? strchr (text, ':') : NULL;
  g_autofree char *size_text = NULL;
  guint64 size = 0;

  if (colon == NULL)
    return ledger_text_set_invalid_input (error, field, text,
                                          _("expected SIZE:ROOT, as printed by verify"));
  size_text = g_strndup (text, (gsize) (colon - text));
  if (!g_ascii_string_to_unsigned (size_text, 10, 0, G_MAXINT64, &size, NULL) ||
      !ledger_hash_from_hex (colon + 1, &out->root))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("expected SIZE:ROOT with ROOT as 64 hexadecimal digits"));
  out->size = size;
  return TRUE;
}

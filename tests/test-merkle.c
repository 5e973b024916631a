/* test-merkle.c — RFC 6962 Merkle trees against the published vectors
 *
 * Unit tests for the pure functions of ledger-merkle: leaf and node hashes,
 * tree roots, inclusion and consistency proofs and their verification are
 * checked byte for byte against the reference test data of Certificate
 * Transparency (copied verbatim, each table names its source), then against
 * an independent reference implementation on random trees from a fixed seed.
 * Tree heads ("SIZE:ROOT") and hex conversion close the suite.
 */
#define G_LOG_DOMAIN "test-merkle"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "ledger.h"

/* ------------------------------------------------------ published vectors */

/* The eight leaf inputs of the reference tree.
 * Source: transparency-dev/merkle, testonly/constants.go (LeafInputs);
 * the same table is kInputs in google/certificate-transparency,
 * cpp/merkletree/merkle_tree_test.cc, and `leaves` in
 * transparency-dev/merkle, proof/verify_test.go. */
static const char *const leaf_inputs[8] = {
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
};

/* Hashes of all complete subtrees of the reference tree: [level][index],
 * level 0 being the leaf hashes.
 * Source: transparency-dev/merkle, testonly/constants.go (NodeHashes). */
static const char *const node_hashes_level0[8] = {
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
  "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
  "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
  "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
  "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
  "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
};
static const char *const node_hashes_level1[4] = {
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
  "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
  "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
};
static const char *const node_hashes_level2[2] = {
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
};
static const char *const node_hashes_level3[1] = {
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

/* Roots of the trees of the first 0 … 8 reference leaves, by size.
 * Source: transparency-dev/merkle, testonly/constants.go (RootHashes and
 * EmptyRootHash); sizes 1 … 8 are also kSHA256Roots in
 * google/certificate-transparency, cpp/merkletree/merkle_tree_test.cc,
 * and the empty root kSHA256EmptyTreeHash there. */
static const char *const root_hashes[9] = {
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

/* Two hashes the reference verifier tests use as "wrong".
 * Source: transparency-dev/merkle, proof/verify_test.go (sha256SomeHash,
 * sha256EmptyTreeHash). */
static const char some_hash[] =
  "abacaba000000000000000000000000000000000000000000060061e00123456";
static const char empty_tree_hash[] =
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

typedef struct
{
  guint64 leaf;  /* 1-based, as published; 0 is the published invalid path */
  guint64 size;
  guint n_path;
  const char *path[3];
} InclusionVector;

/* Inclusion proofs in the reference tree. The leaf numbers are 1-based as
 * published (the sources use leaf - 1 as the index).
 * Source: transparency-dev/merkle, proof/verify_test.go (inclusionProofs);
 * identical to kSHA256Paths in google/certificate-transparency,
 * cpp/merkletree/merkle_tree_test.cc. */
static const InclusionVector inclusion_vectors[] = {
  { 0, 0, 0, { NULL } },
  { 1, 1, 0, { NULL } },
  { 1, 8, 3, {
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    } },
  { 6, 8, 3, {
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    } },
  { 3, 3, 1, {
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    } },
  { 2, 5, 3, {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    } },
};

typedef struct
{
  guint64 size1;
  guint64 size2;
  guint n_proof;
  const char *proof[3];
} ConsistencyVector;

/* Consistency proofs in the reference tree.
 * Source: transparency-dev/merkle, proof/verify_test.go (consistencyProofs);
 * the first four rows are kSHA256Proofs in google/certificate-transparency,
 * cpp/merkletree/merkle_tree_test.cc. */
static const ConsistencyVector consistency_vectors[] = {
  { 1, 1, 0, { NULL } },
  { 1, 8, 3, {
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    } },
  { 6, 8, 3, {
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    } },
  { 2, 5, 2, {
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    } },
  { 6, 7, 3, {
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    } },
};

/* --------------------------------------------------------------- helpers */

/* Decodes @hex into @out (at most @max bytes) without the code under test,
 * so a bug in ledger_hash_from_hex cannot hide behind the vectors. */
static gsize
decode_hex (const char *hex,
            guint8     *out,
            gsize       max)
{
  gsize length = strlen (hex);

  g_assert_cmpuint (length % 2, ==, 0);
  g_assert_cmpuint (length / 2, <=, max);

  for (gsize i = 0; i < length / 2; i++)
    {
      int high = g_ascii_xdigit_value (hex[2 * i]);
      int low = g_ascii_xdigit_value (hex[2 * i + 1]);

      g_assert_cmpint (high, >=, 0);
      g_assert_cmpint (low, >=, 0);
      out[i] = (guint8) (high << 4 | low);
    }

  return length / 2;
}

static LedgerHash
hash_from_vector (const char *hex)
{
  LedgerHash hash;

  g_assert_cmpuint (strlen (hex), ==, 2 * LEDGER_HASH_SIZE);
  decode_hex (hex, hash.bytes, sizeof hash.bytes);
  return hash;
}

/* Lowercase hex of @hash, again without the code under test. */
static char *
hash_text (const LedgerHash *hash)
{
  GString *text = g_string_sized_new (2 * LEDGER_HASH_SIZE);

  for (guint i = 0; i < LEDGER_HASH_SIZE; i++)
    g_string_append_printf (text, "%02x", hash->bytes[i]);

  return g_string_free (text, FALSE);
}

static gboolean
hash_equal (const LedgerHash *a,
            const LedgerHash *b)
{
  return memcmp (a->bytes, b->bytes, LEDGER_HASH_SIZE) == 0;
}

/* Fails the test, naming @what, unless @got equals @want. */
static void
check_hash (const char       *what,
            const LedgerHash *got,
            const LedgerHash *want)
{
  if (!hash_equal (got, want))
    {
      g_autofree char *got_text = hash_text (got);
      g_autofree char *want_text = hash_text (want);

      g_test_fail_printf ("%s: got %s, want %s", what, got_text, want_text);
    }
}

/* SHA-256 (@prefix ‖ @a ‖ @b) with GChecksum: an independent leaf
 * (prefix 0x00, @b NULL) or node (prefix 0x01) hash; @prefix < 0 hashes
 * @a alone (the empty tree when @a_length is 0). */
static void
reference_sha256 (int           prefix,
                  const guint8 *a,
                  gsize         a_length,
                  const guint8 *b,
                  gsize         b_length,
                  LedgerHash   *out)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = LEDGER_HASH_SIZE;

  if (prefix >= 0)
    {
      guint8 byte = (guint8) prefix;

      g_checksum_update (checksum, &byte, 1);
    }
  if (a_length > 0)
    g_checksum_update (checksum, a, a_length);
  if (b_length > 0)
    g_checksum_update (checksum, b, b_length);

  g_checksum_get_digest (checksum, out->bytes, &length);
  g_assert_cmpuint (length, ==, LEDGER_HASH_SIZE);
}

static GArray *
hash_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (LedgerHash));
}

static LedgerHash *
hash_at (const GArray *array,
         guint         index)
{
  return &g_array_index (array, LedgerHash, index);
}

/* Leaf hashes of the first @count reference leaf inputs. */
static GArray *
reference_leaves (guint count)
{
  GArray *leaves = hash_array_new ();

  for (guint i = 0; i < count; i++)
    {
      guint8 data[16];
      gsize length = decode_hex (leaf_inputs[i], data, sizeof data);
      LedgerHash hash;

      ledger_merkle_leaf_hash (data, length, &hash);
      g_array_append_val (leaves, hash);
    }

  return leaves;
}

static GArray *
proof_from_vectors (const char *const *hex,
                    guint              count)
{
  GArray *proof = hash_array_new ();

  for (guint i = 0; i < count; i++)
    {
      LedgerHash hash = hash_from_vector (hex[i]);

      g_array_append_val (proof, hash);
    }

  return proof;
}

static GArray *
proof_copy (const GArray *proof)
{
  GArray *copy = hash_array_new ();

  g_array_append_vals (copy, proof->data, proof->len);
  return copy;
}

/* Fails the test, naming @what, unless @got holds exactly @want in order. */
static void
check_proof (const char   *what,
             const GArray *got,
             const GArray *want)
{
  if (got == NULL)
    {
      g_test_fail_printf ("%s: no proof", what);
      return;
    }

  if (got->len != want->len)
    {
      g_test_fail_printf ("%s: %u hashes, want %u", what, got->len, want->len);
      return;
    }

  for (guint i = 0; i < got->len; i++)
    {
      g_autofree char *element = g_strdup_printf ("%s, proof[%u]", what, i);

      check_hash (element, hash_at (got, i), hash_at (want, i));
    }
}

static gboolean
array_root (GArray     *leaves,
            guint64     size,
            LedgerHash *out)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_merkle_root (ledger_merkle_array_subtree, leaves, size, out,
                           &error))
    {
      g_test_fail_printf ("root of %" G_GUINT64_FORMAT " leaves: %s", size,
                          error ? error->message : "FALSE without an error");
      return FALSE;
    }

  g_assert_no_error (error);
  return TRUE;
}

static void
expect_inclusion_rejected (const char       *what,
                           const LedgerHash *leaf_hash,
                           guint64           index,
                           guint64           size,
                           const GArray     *proof,
                           const LedgerHash *root)
{
  if (ledger_merkle_verify_inclusion (leaf_hash, index, size, proof, root))
    g_test_fail_printf ("inclusion of leaf %" G_GUINT64_FORMAT " in %"
                        G_GUINT64_FORMAT " accepted: %s", index, size, what);
}

static void
expect_consistency_rejected (const char       *what,
                             guint64           old_size,
                             const LedgerHash *old_root,
                             guint64           new_size,
                             const LedgerHash *new_root,
                             const GArray     *proof)
{
  if (ledger_merkle_verify_consistency (old_size, old_root, new_size,
                                        new_root, proof))
    g_test_fail_printf ("consistency %" G_GUINT64_FORMAT " → %"
                        G_GUINT64_FORMAT " accepted: %s",
                        old_size, new_size, what);
}

/* ---------------------------------------------------- reference hashing */

/* The largest power of two smaller than @n (n > 1). */
static guint64
split_point (guint64 n)
{
  guint64 k = 1;

  g_assert_cmpuint (n, >, 1);
  while (k << 1 < n)
    k <<= 1;
  return k;
}

/* MTH (D[start:end]) by RFC 6962 §2.1, hashing with GChecksum. */
static void
reference_mth (const GArray *leaves,
               guint64       start,
               guint64       end,
               LedgerHash   *out)
{
  guint64 n = end - start;
  guint64 k;
  LedgerHash left, right;

  if (n == 0)
    {
      reference_sha256 (-1, NULL, 0, NULL, 0, out);
      return;
    }
  if (n == 1)
    {
      *out = *hash_at (leaves, (guint) start);
      return;
    }

  k = split_point (n);
  reference_mth (leaves, start, start + k, &left);
  reference_mth (leaves, start + k, end, &right);
  reference_sha256 (1, left.bytes, LEDGER_HASH_SIZE,
                    right.bytes, LEDGER_HASH_SIZE, out);
}

/* PATH (index, D[start:end]) by RFC 6962 §2.1.1, appended to @out. */
static void
reference_path (const GArray *leaves,
                guint64       index,
                guint64       start,
                guint64       end,
                GArray       *out)
{
  guint64 n = end - start;
  guint64 k;
  LedgerHash sibling;

  if (n <= 1)
    return;

  k = split_point (n);
  if (index < k)
    {
      reference_path (leaves, index, start, start + k, out);
      reference_mth (leaves, start + k, end, &sibling);
    }
  else
    {
      reference_path (leaves, index - k, start + k, end, out);
      reference_mth (leaves, start, start + k, &sibling);
    }
  g_array_append_val (out, sibling);
}

/* SUBPROOF (m, D[start:end], b) by RFC 6962 §2.1.2, appended to @out. */
static void
reference_subproof (const GArray *leaves,
                    guint64       m,
                    guint64       start,
                    guint64       end,
                    gboolean      b,
                    GArray       *out)
{
  guint64 n = end - start;
  guint64 k;
  LedgerHash hash;

  if (m == n)
    {
      if (!b)
        {
          reference_mth (leaves, start, end, &hash);
          g_array_append_val (out, hash);
        }
      return;
    }

  k = split_point (n);
  if (m <= k)
    {
      reference_subproof (leaves, m, start, start + k, b, out);
      reference_mth (leaves, start + k, end, &hash);
    }
  else
    {
      reference_subproof (leaves, m - k, start + k, end, FALSE, out);
      reference_mth (leaves, start, start + k, &hash);
    }
  g_array_append_val (out, hash);
}

/* ------------------------------------------------------------ the hashes */

static void
test_merkle_leaf_hash (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (leaf_inputs); i++)
    {
      guint8 data[16];
      gsize length = decode_hex (leaf_inputs[i], data, sizeof data);
      LedgerHash got, independent;
      LedgerHash want = hash_from_vector (node_hashes_level0[i]);
      g_autofree char *what = g_strdup_printf ("leaf hash of “%s”",
                                               leaf_inputs[i]);

      ledger_merkle_leaf_hash (data, length, &got);
      check_hash (what, &got, &want);

      /* The vector really is SHA-256 (0x00 ‖ data). */
      reference_sha256 (0, data, length, NULL, 0, &independent);
      check_hash (what, &independent, &want);
    }
}

static void
test_merkle_node_hash (void)
{
  const char *const *levels[] = {
    node_hashes_level0, node_hashes_level1,
    node_hashes_level2, node_hashes_level3,
  };

  for (guint level = 1; level < G_N_ELEMENTS (levels); level++)
    {
      guint width = 8 >> level;

      for (guint i = 0; i < width; i++)
        {
          LedgerHash left = hash_from_vector (levels[level - 1][2 * i]);
          LedgerHash right = hash_from_vector (levels[level - 1][2 * i + 1]);
          LedgerHash want = hash_from_vector (levels[level][i]);
          LedgerHash got;
          g_autofree char *what = g_strdup_printf ("node hash [%u][%u]",
                                                   level, i);

          ledger_merkle_node_hash (&left, &right, &got);
          check_hash (what, &got, &want);
        }
    }
}

static void
test_merkle_roots (void)
{
  g_autoptr(GArray) all = reference_leaves (8);
  g_autofree char *empty = NULL;

  /* The published empty root is SHA-256 of the empty string. */
  empty = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) "",
                                       0);
  g_assert_cmpstr (empty, ==, root_hashes[0]);

  for (guint size = 0; size <= 8; size++)
    {
      g_autoptr(GArray) leaves = reference_leaves (size);
      LedgerHash want = hash_from_vector (root_hashes[size]);
      LedgerHash got;
      g_autofree char *what = g_strdup_printf ("root of size %u", size);
      g_autofree char *prefix = g_strdup_printf ("root of size %u of 8",
                                                 size);

      /* Over an array of exactly @size leaves … */
      if (array_root (leaves, size, &got))
        check_hash (what, &got, &want);

      /* … and over a prefix of the full array. */
      if (array_root (all, size, &got))
        check_hash (prefix, &got, &want);
    }
}

static void
test_merkle_array_subtree (void)
{
  const char *const *levels[] = {
    node_hashes_level0, node_hashes_level1,
    node_hashes_level2, node_hashes_level3,
  };
  g_autoptr(GArray) leaves = reference_leaves (8);

  /* Every complete subtree. */
  for (guint level = 0; level < G_N_ELEMENTS (levels); level++)
    {
      guint64 width = 1 << level;

      for (guint64 i = 0; i < 8 / width; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *what = NULL;
          LedgerHash want = hash_from_vector (levels[level][i]);
          LedgerHash got;

          what = g_strdup_printf ("subtree [%" G_GUINT64_FORMAT ", %"
                                  G_GUINT64_FORMAT ")",
                                  i * width, (i + 1) * width);
          if (!ledger_merkle_array_subtree (leaves, i * width, (i + 1) * width,
                                            &got, &error))
            g_test_fail_printf ("%s: %s", what,
                                error ? error->message : "FALSE");
          else
            check_hash (what, &got, &want);
        }
    }

  /* Every non-empty prefix, complete or not (the empty tree is
   * ledger_merkle_root's own case). */
  for (guint64 end = 1; end <= 8; end++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = NULL;
      LedgerHash want = hash_from_vector (root_hashes[end]);
      LedgerHash got;

      what = g_strdup_printf ("subtree [0, %" G_GUINT64_FORMAT ")", end);
      if (!ledger_merkle_array_subtree (leaves, 0, end, &got, &error))
        g_test_fail_printf ("%s: %s", what, error ? error->message : "FALSE");
      else
        check_hash (what, &got, &want);
    }
}

/* Asking an array source for leaves it does not have. The source has a
 * GError, and sizes come from outside (a tree head typed by the auditor,
 * an export), so this must fail with an error rather than abort: each
 * case runs in a subprocess so that an abort fails only its own case. */
enum
{
  PAST_END_SUBTREE,
  PAST_END_ROOT,
  PAST_END_INCLUSION,
  PAST_END_CONSISTENCY,
};

static void
test_merkle_array_past_end (gconstpointer data)
{
  g_autoptr(GArray) leaves = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) proof = NULL;
  LedgerHash hash;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (!g_test_trap_has_passed ())
        g_test_fail_printf ("8 leaves asked for a ninth: aborted or no error "
                            "(the child's stderr is above)");
      return;
    }

  leaves = reference_leaves (8);
  switch (GPOINTER_TO_INT (data))
    {
    case PAST_END_SUBTREE:
      g_assert_false (ledger_merkle_array_subtree (leaves, 0, 9, &hash,
                                                   &error));
      break;
    case PAST_END_ROOT:
      g_assert_false (ledger_merkle_root (ledger_merkle_array_subtree, leaves,
                                          9, &hash, &error));
      break;
    case PAST_END_INCLUSION:
      proof = ledger_merkle_inclusion_proof (ledger_merkle_array_subtree,
                                             leaves, 0, 9, &error);
      g_assert_null (proof);
      break;
    case PAST_END_CONSISTENCY:
      proof = ledger_merkle_consistency_proof (ledger_merkle_array_subtree,
                                               leaves, 8, 9, &error);
      g_assert_null (proof);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_nonnull (error);
}

/* ------------------------------------------------------------- inclusion */

static void
check_inclusion_vector (const InclusionVector *vector)
{
  g_autoptr(GArray) leaves = reference_leaves (8);
  g_autoptr(GArray) want = proof_from_vectors (vector->path, vector->n_path);
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  guint64 index = vector->leaf - 1;
  guint64 size = vector->size;
  LedgerHash root = hash_from_vector (root_hashes[size]);
  LedgerHash leaf = *hash_at (leaves, (guint) index);
  LedgerHash wrong_leaf;
  LedgerHash empty_root = hash_from_vector (empty_tree_hash);
  LedgerHash other_root = hash_from_vector (some_hash);
  guint n = want->len;

  what = g_strdup_printf ("inclusion proof of leaf %" G_GUINT64_FORMAT
                          " in %" G_GUINT64_FORMAT, index, size);

  got = ledger_merkle_inclusion_proof (ledger_merkle_array_subtree, leaves,
                                       index, size, &error);
  g_assert_no_error (error);
  check_proof (what, got, want);

  if (!ledger_merkle_verify_inclusion (&leaf, index, size, want, &root))
    g_test_fail_printf ("%s: the published proof is rejected", what);

  /* The tampering of the reference verifier tests (proof/verify_test.go,
   * corruptInclusionProof), where a fixed-size hash can express it. */
  expect_inclusion_rejected ("index - 1", &leaf, index - 1, size, want, &root);
  expect_inclusion_rejected ("index + 1", &leaf, index + 1, size, want, &root);
  expect_inclusion_rejected ("index ^ 2", &leaf, index ^ 2, size, want, &root);
  expect_inclusion_rejected ("size * 2", &leaf, index, size * 2, want, &root);
  expect_inclusion_rejected ("size / 2", &leaf, index, size / 2, want, &root);

  ledger_merkle_leaf_hash ((const guint8 *) "WrongLeaf", 9, &wrong_leaf);
  expect_inclusion_rejected ("wrong leaf", &wrong_leaf, index, size, want,
                             &root);
  for (guint j = 0; j < leaves->len; j++)
    if (j != index)
      {
        g_autofree char *desc = g_strdup_printf ("leaf %u instead", j);

        expect_inclusion_rejected (desc, hash_at (leaves, j), index, size,
                                   want, &root);
      }
  expect_inclusion_rejected ("empty root", &leaf, index, size, want,
                             &empty_root);
  expect_inclusion_rejected ("random root", &leaf, index, size, want,
                             &other_root);

  {
    g_autoptr(GArray) trailing = proof_copy (want);
    g_autoptr(GArray) preceding = proof_copy (want);

    g_array_append_val (trailing, root);
    expect_inclusion_rejected ("trailing root", &leaf, index, size, trailing,
                               &root);
    g_array_prepend_val (preceding, root);
    expect_inclusion_rejected ("preceding root", &leaf, index, size,
                               preceding, &root);
  }

  /* Every single bit of every proof hash. */
  for (guint i = 0; i < n; i++)
    for (guint bit = 0; bit < 8 * LEDGER_HASH_SIZE; bit++)
      {
        g_autoptr(GArray) flipped = proof_copy (want);
        g_autofree char *desc = g_strdup_printf ("proof[%u] bit %u flipped",
                                                 i, bit);

        hash_at (flipped, i)->bytes[bit / 8] ^= (guint8) (1 << (bit % 8));
        expect_inclusion_rejected (desc, &leaf, index, size, flipped, &root);
      }

  if (n > 0)
    {
      g_autoptr(GArray) removed = proof_copy (want);

      g_array_set_size (removed, n - 1);
      expect_inclusion_rejected ("removed component", &leaf, index, size,
                                 removed, &root);
    }
  if (n > 1)
    {
      g_autoptr(GArray) inserted = proof_copy (want);

      g_array_insert_val (inserted, 1, other_root);
      expect_inclusion_rejected ("inserted component", &leaf, index, size,
                                 inserted, &root);
    }
}

static void
test_merkle_inclusion_published (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (inclusion_vectors); i++)
    {
      /* Row 0 ({0, 0}) is the published invalid path ("i = 0 is an invalid
       * path" in the source); see test_merkle_inclusion_invalid. */
      if (inclusion_vectors[i].leaf == 0)
        continue;
      check_inclusion_vector (&inclusion_vectors[i]);
    }
}

static void
test_merkle_inclusion_invalid (void)
{
  /* Probes of proof/verify_test.go (TestVerifyInclusion): no leaf of an
   * empty tree, no leaf past the end, an empty proof. */
  static const struct
  {
    guint64 index;
    guint64 size;
  } probes[] = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 2, 1 } };
  g_autoptr(GArray) empty_proof = hash_array_new ();
  g_autoptr(GArray) leaves = reference_leaves (8);
  LedgerHash other = hash_from_vector (some_hash);
  LedgerHash empty_root = hash_from_vector (empty_tree_hash);
  LedgerHash data_hash;

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      expect_inclusion_rejected ("some leaf, empty root", &other,
                                 probes[i].index, probes[i].size,
                                 empty_proof, &empty_root);
      /* A one-leaf tree's root is its leaf hash, so leaf == root may only
       * pass for index 0 of size 1. */
      if (probes[i].index < probes[i].size)
        continue;
      expect_inclusion_rejected ("leaf equal to root", &other,
                                 probes[i].index, probes[i].size,
                                 empty_proof, &other);
    }

  /* TestVerifyInclusionSingleEntry: the root of a one-leaf tree is the leaf
   * hash and the proof is empty. */
  ledger_merkle_leaf_hash ((const guint8 *) "data", 4, &data_hash);
  g_assert_true (ledger_merkle_verify_inclusion (&data_hash, 0, 1,
                                                 empty_proof, &data_hash));
  expect_inclusion_rejected ("single entry, other root", &data_hash, 0, 1,
                             empty_proof, &other);
  expect_inclusion_rejected ("single entry, other leaf", &other, 0, 1,
                             empty_proof, &data_hash);

  /* There is no proof for a leaf the tree does not have. */
  {
    static const struct
    {
      guint64 index;
      guint64 size;
    } missing[] = { { 0, 0 }, { 8, 8 }, { 9, 8 }, { 3, 2 } };

    for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) proof = NULL;

        proof = ledger_merkle_inclusion_proof (ledger_merkle_array_subtree,
                                               leaves, missing[i].index,
                                               missing[i].size, &error);
        if (proof != NULL || error == NULL)
          g_test_fail_printf ("inclusion proof of leaf %" G_GUINT64_FORMAT
                              " in %" G_GUINT64_FORMAT ": wanted NULL and "
                              "an error",
                              missing[i].index, missing[i].size);
      }
  }
}

/* ----------------------------------------------------------- consistency */

static void
check_consistency_vector (const ConsistencyVector *vector)
{
  g_autoptr(GArray) leaves = reference_leaves (8);
  g_autoptr(GArray) want = proof_from_vectors (vector->proof, vector->n_proof);
  g_autoptr(GArray) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  guint64 size1 = vector->size1;
  guint64 size2 = vector->size2;
  LedgerHash root1 = hash_from_vector (root_hashes[size1]);
  LedgerHash root2 = hash_from_vector (root_hashes[size2]);
  LedgerHash other = hash_from_vector (some_hash);
  guint n = want->len;

  what = g_strdup_printf ("consistency proof %" G_GUINT64_FORMAT " → %"
                          G_GUINT64_FORMAT, size1, size2);

  got = ledger_merkle_consistency_proof (ledger_merkle_array_subtree, leaves,
                                         size1, size2, &error);
  g_assert_no_error (error);
  check_proof (what, got, want);

  if (!ledger_merkle_verify_consistency (size1, &root1, size2, &root2, want))
    g_test_fail_printf ("%s: the published proof is rejected", what);

  /* As in the reference tests, only non-trivial proofs are tampered with. */
  if (n == 0)
    return;

  /* proof/verify_test.go, corruptConsistencyProof. */
  expect_consistency_rejected ("size1 - 1", size1 - 1, &root1, size2, &root2,
                               want);
  expect_consistency_rejected ("size1 + 1", size1 + 1, &root1, size2, &root2,
                               want);
  expect_consistency_rejected ("size1 ^ 2", size1 ^ 2, &root1, size2, &root2,
                               want);
  expect_consistency_rejected ("size2 * 2", size1, &root1, size2 * 2, &root2,
                               want);
  expect_consistency_rejected ("size2 / 2", size1, &root1, size2 / 2, &root2,
                               want);
  expect_consistency_rejected ("wrong root1", size1, &other, size2, &root2,
                               want);
  expect_consistency_rejected ("wrong root2", size1, &root1, size2, &other,
                               want);
  expect_consistency_rejected ("swapped roots", size1, &root2, size2, &root1,
                               want);

  {
    g_autoptr(GArray) empty = hash_array_new ();

    expect_consistency_rejected ("empty proof", size1, &root1, size2, &root2,
                                 empty);
  }

  {
    const LedgerHash *extras[] = { &root1, &root2 };

    for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
      {
        g_autoptr(GArray) trailing = proof_copy (want);
        g_autoptr(GArray) preceding = proof_copy (want);
        g_autofree char *t = g_strdup_printf ("trailing root%u", i + 1);
        g_autofree char *p = g_strdup_printf ("preceding root%u", i + 1);

        g_array_append_vals (trailing, extras[i], 1);
        expect_consistency_rejected (t, size1, &root1, size2, &root2,
                                     trailing);
        g_array_prepend_vals (preceding, extras[i], 1);
        expect_consistency_rejected (p, size1, &root1, size2, &root2,
                                     preceding);
      }
  }

  {
    g_autoptr(GArray) preceding = proof_copy (want);
    g_autoptr(GArray) truncated = proof_copy (want);

    g_array_prepend_vals (preceding, hash_at (want, 0), 1);
    expect_consistency_rejected ("preceding proof[0]", size1, &root1, size2,
                                 &root2, preceding);
    g_array_set_size (truncated, n - 1);
    expect_consistency_rejected ("truncated proof", size1, &root1, size2,
                                 &root2, truncated);
  }

  for (guint i = 0; i < n; i++)
    for (guint bit = 0; bit < 8 * LEDGER_HASH_SIZE; bit++)
      {
        g_autoptr(GArray) flipped = proof_copy (want);
        g_autofree char *desc = g_strdup_printf ("proof[%u] bit %u flipped",
                                                 i, bit);

        hash_at (flipped, i)->bytes[bit / 8] ^= (guint8) (1 << (bit % 8));
        expect_consistency_rejected (desc, size1, &root1, size2, &root2,
                                     flipped);
      }
}

static void
test_merkle_consistency_published (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (consistency_vectors); i++)
    check_consistency_vector (&consistency_vectors[i]);
}

static void
test_merkle_consistency_trivial (void)
{
  /* proof/verify_test.go (TestVerifyConsistency), with the "don't care"
   * roots made 32-byte hashes, and the empty tree given its real root
   * wherever a size-0 head must be accepted. */
  LedgerHash empty = hash_from_vector (empty_tree_hash);
  LedgerHash one = hash_from_vector (root_hashes[1]);
  LedgerHash other = hash_from_vector (some_hash);
  g_autoptr(GArray) no_proof = hash_array_new ();
  const char *const empty_hex[] = { empty_tree_hash };
  g_autoptr(GArray) proof_of_empty = proof_from_vectors (empty_hex, 1);

  /* Sizes that are always consistent: equal trees, and any tree after the
   * empty one, with an empty proof. */
  g_assert_true (ledger_merkle_verify_consistency (0, &empty, 0, &empty,
                                                   no_proof));
  g_assert_true (ledger_merkle_verify_consistency (0, &empty, 1, &one,
                                                   no_proof));
  g_assert_true (ledger_merkle_verify_consistency (0, &empty, 8, &other,
                                                   no_proof));
  g_assert_true (ledger_merkle_verify_consistency (1, &one, 1, &one,
                                                   no_proof));
  g_assert_true (ledger_merkle_verify_consistency (1, &other, 1, &other,
                                                   no_proof));

  /* Equal sizes, different roots. */
  expect_consistency_rejected ("0 → 0, roots differ", 0, &empty, 0, &other,
                               no_proof);
  expect_consistency_rejected ("1 → 1, roots differ", 1, &one, 1, &other,
                               no_proof);
  expect_consistency_rejected ("1 → 1, other roots differ", 1, &empty, 1,
                               &other, no_proof);

  /* Time travel to the past. */
  expect_consistency_rejected ("1 → 0", 1, &one, 0, &empty, no_proof);
  expect_consistency_rejected ("2 → 1", 2, &other, 1, &one, no_proof);

  /* A real extension needs a proof. */
  expect_consistency_rejected ("1 → 2, empty proof", 1, &one, 2, &other,
                               no_proof);

  /* Roots match but the proof is not empty. */
  expect_consistency_rejected ("0 → 0, proof not empty", 0, &empty, 0, &empty,
                               proof_of_empty);
  expect_consistency_rejected ("0 → 1, proof not empty", 0, &empty, 1, &empty,
                               proof_of_empty);
  expect_consistency_rejected ("1 → 1, proof not empty", 1, &empty, 1, &empty,
                               proof_of_empty);
}

static void
test_merkle_consistency_generate_edges (void)
{
  g_autoptr(GArray) leaves = reference_leaves (8);

  /* PROOF (n, D[n]) = SUBPROOF (n, D[n], true) = {}. */
  for (guint64 n = 1; n <= 8; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) proof = NULL;

      proof = ledger_merkle_consistency_proof (ledger_merkle_array_subtree,
                                               leaves, n, n, &error);
      g_assert_no_error (error);
      g_assert_nonnull (proof);
      g_assert_cmpuint (proof->len, ==, 0);
    }

  /* From the empty tree: RFC 6962 and RFC 9162 define PROOF only for
   * 0 < m; a consistency proof from nothing is empty if there is one. */
  for (guint64 n = 0; n <= 8; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) proof = NULL;

      proof = ledger_merkle_consistency_proof (ledger_merkle_array_subtree,
                                               leaves, 0, n, &error);
      if (proof != NULL)
        {
          g_assert_no_error (error);
          if (proof->len != 0)
            g_test_fail_printf ("consistency proof 0 → %" G_GUINT64_FORMAT
                                ": %u hashes, want none", n, proof->len);
        }
      else
        g_assert_nonnull (error);
    }

  /* No proof backwards. */
  {
    static const struct
    {
      guint64 old_size;
      guint64 new_size;
    } invalid[] = { { 6, 3 }, { 1, 0 }, { 8, 7 } };

    for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) proof = NULL;

        proof = ledger_merkle_consistency_proof (ledger_merkle_array_subtree,
                                                 leaves, invalid[i].old_size,
                                                 invalid[i].new_size, &error);
        if (proof != NULL || error == NULL)
          g_test_fail_printf ("consistency proof %" G_GUINT64_FORMAT " → %"
                              G_GUINT64_FORMAT ": wanted NULL and an error",
                              invalid[i].old_size, invalid[i].new_size);
      }
  }
}

/* --------------------------------------------------------- property test */

/* @size distinct random leaves: each starts with its index. */
static GArray *
random_leaves (GRand  *rand,
               guint   size)
{
  GArray *leaves = hash_array_new ();

  for (guint i = 0; i < size; i++)
    {
      guint8 data[4 + 40];
      gsize length = 4 + (gsize) g_rand_int_range (rand, 0, 41);
      LedgerHash hash, independent;

      data[0] = (guint8) (i >> 24);
      data[1] = (guint8) (i >> 16);
      data[2] = (guint8) (i >> 8);
      data[3] = (guint8) i;
      for (gsize j = 4; j < length; j++)
        data[j] = (guint8) g_rand_int_range (rand, 0, 256);

      ledger_merkle_leaf_hash (data, length, &hash);
      reference_sha256 (0, data, length, NULL, 0, &independent);
      check_hash ("random leaf hash", &hash, &independent);
      g_array_append_val (leaves, hash);
    }

  return leaves;
}

static void
property_inclusion (GArray           *leaves,
                    guint64           size,
                    const LedgerHash *root,
                    guint64           index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) proof = NULL;
  g_autoptr(GArray) want = hash_array_new ();
  g_autofree char *what = NULL;
  LedgerHash leaf = *hash_at (leaves, (guint) index);
  LedgerHash wrong = leaf;
  LedgerHash wrong_root = *root;

  what = g_strdup_printf ("inclusion proof of leaf %" G_GUINT64_FORMAT
                          " in %" G_GUINT64_FORMAT, index, size);

  proof = ledger_merkle_inclusion_proof (ledger_merkle_array_subtree, leaves,
                                         index, size, &error);
  g_assert_no_error (error);
  reference_path (leaves, index, 0, size, want);
  check_proof (what, proof, want);
  if (proof == NULL)
    return;

  if (!ledger_merkle_verify_inclusion (&leaf, index, size, proof, root))
    g_test_fail_printf ("%s: rejected", what);

  wrong.bytes[LEDGER_HASH_SIZE - 1] ^= 1;
  expect_inclusion_rejected ("flipped leaf", &wrong, index, size, proof, root);
  if (size > 1)
    {
      guint64 neighbour = index > 0 ? index - 1 : index + 1;

      expect_inclusion_rejected ("neighbour's leaf",
                                 hash_at (leaves, (guint) neighbour),
                                 index, size, proof, root);
    }
  wrong_root.bytes[0] ^= 0x80;
  expect_inclusion_rejected ("flipped root", &leaf, index, size, proof,
                             &wrong_root);
}

static void
property_consistency (GArray           *leaves,
                      guint64           old_size,
                      guint64           size,
                      const LedgerHash *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) proof = NULL;
  g_autoptr(GArray) want = hash_array_new ();
  g_autofree char *what = NULL;
  LedgerHash old_root, reference_old, wrong;

  what = g_strdup_printf ("consistency proof %" G_GUINT64_FORMAT " → %"
                          G_GUINT64_FORMAT, old_size, size);

  if (!array_root (leaves, old_size, &old_root))
    return;
  reference_mth (leaves, 0, old_size, &reference_old);
  check_hash (what, &old_root, &reference_old);

  proof = ledger_merkle_consistency_proof (ledger_merkle_array_subtree, leaves,
                                           old_size, size, &error);
  g_assert_no_error (error);
  reference_subproof (leaves, old_size, 0, size, TRUE, want);
  check_proof (what, proof, want);
  if (proof == NULL)
    return;

  if (!ledger_merkle_verify_consistency (old_size, &old_root, size, root,
                                         proof))
    g_test_fail_printf ("%s: rejected", what);

  wrong = old_root;
  wrong.bytes[7] ^= 0x10;
  expect_consistency_rejected ("flipped old root", old_size, &wrong, size,
                               root, proof);
  wrong = *root;
  wrong.bytes[LEDGER_HASH_SIZE - 1] ^= 0x01;
  expect_consistency_rejected ("flipped new root", old_size, &old_root, size,
                               &wrong, proof);
  if (old_size < size)
    expect_consistency_rejected ("roots swapped", old_size, root, size,
                                 &old_root, proof);
}

static void
test_merkle_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6962);
  LedgerHash empty = hash_from_vector (empty_tree_hash);

  for (guint round = 0; round < 200; round++)
    {
      guint size = (guint) g_rand_int_range (rand, 1, 301);
      g_autoptr(GArray) leaves = random_leaves (rand, size);
      g_autoptr(GArray) no_proof = hash_array_new ();
      g_autoptr(GArray) root_proof = hash_array_new ();
      LedgerHash root, reference;
      guint samples = MIN (size, 20);

      if (!array_root (leaves, size, &root))
        continue;
      reference_mth (leaves, 0, size, &reference);
      check_hash ("random tree root", &root, &reference);

      /* Every index of small trees, 20 random ones of larger trees; the
       * last leaf always. */
      for (guint i = 0; i < samples; i++)
        {
          guint64 index = size <= 20
                          ? i : (guint64) g_rand_int_range (rand, 0, size);

          property_inclusion (leaves, size, &root, index);
        }
      property_inclusion (leaves, size, &root, size - 1);

      /* Random old sizes 1 … size, and m = n. */
      for (guint i = 0; i < 10; i++)
        property_consistency (leaves,
                              (guint64) g_rand_int_range (rand, 1, size + 1),
                              size, &root);
      property_consistency (leaves, size, size, &root);

      /* m = n: an empty proof between equal heads. */
      g_assert_true (ledger_merkle_verify_consistency (size, &root, size,
                                                       &root, no_proof));
      g_array_append_val (root_proof, root);
      expect_consistency_rejected ("m = n with a proof", size, &root, size,
                                   &root, root_proof);

      /* m = 0: every tree extends the empty tree, with an empty proof. */
      if (!ledger_merkle_verify_consistency (0, &empty, size, &root, no_proof))
        g_test_fail_printf ("consistency 0 → %u with an empty proof: "
                            "rejected", size);
      expect_consistency_rejected ("m = 0 with a proof", 0, &empty, size,
                                   &root, root_proof);
    }
}

/* ------------------------------------------------------------------- hex */

static void
test_merkle_hex (void)
{
  const char *const *levels[] = {
    node_hashes_level0, node_hashes_level1,
    node_hashes_level2, node_hashes_level3,
  };
  static const char *const rejected[] = {
    "",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g",
    "zz",
    " e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
    "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8",
  };

  for (guint level = 0; level < G_N_ELEMENTS (levels); level++)
    for (guint i = 0; i < (8u >> level); i++)
      {
        LedgerHash hash = hash_from_vector (levels[level][i]);
        LedgerHash back;
        char hex[65];

        memset (hex, 'x', sizeof hex);
        ledger_hash_to_hex (&hash, hex);
        g_assert_cmpuint (strlen (hex), ==, 64);
        g_assert_cmpstr (hex, ==, levels[level][i]);

        memset (&back, 0, sizeof back);
        if (!ledger_hash_from_hex (hex, &back))
          g_test_fail_printf ("“%s” rejected", hex);
        else
          check_hash (hex, &back, &hash);
      }

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      LedgerHash hash;

      if (ledger_hash_from_hex (rejected[i], &hash))
        g_test_fail_printf ("“%s” accepted as a hash", rejected[i]);
    }
}

/* ------------------------------------------------------------ tree heads */

#define ROOT8 "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
#define ROOT8_UPPER \
  "5DC9DA79A70659A9AD559CB701DED9A2AB9D823AAD2F4960CFE370EFF4604328"
#define ROOT8_MIXED \
  "5Dc9dA79a70659A9ad559cB701deD9a2aB9d823aAD2f4960CfE370eFF4604328"

static void
test_tree_head_format (void)
{
  static const struct
  {
    guint64 size;
    const char *root;
    const char *full;
    const char *shortened;
  } cases[] = {
    { 8, ROOT8, "8:" ROOT8, "5dc9 da79 a706 59a9" },
    { 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "0:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "e3b0 c442 98fc 1c14" },
    { 1234, "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "1234:0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "0298 d122 906d cfc1" },
    { G_MAXINT64,
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
      "9223372036854775807:"
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
      "46f6 ffad d3d0 6a09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerTreeHead head = { cases[i].size, hash_from_vector (cases[i].root) };
      LedgerTreeHead parsed;
      g_autoptr(GError) error = NULL;
      g_autofree char *full = ledger_tree_head_format (&head);
      g_autofree char *shortened = ledger_tree_head_format_short (&head);

      g_assert_cmpstr (full, ==, cases[i].full);
      g_assert_cmpstr (shortened, ==, cases[i].shortened);

      memset (&parsed, 0xaa, sizeof parsed);
      if (!ledger_tree_head_parse (full, "fingerprint", &parsed, &error))
        {
          g_test_fail_printf ("“%s” rejected: %s", full,
                              error ? error->message : "FALSE");
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (parsed.size, ==, cases[i].size);
      check_hash (full, &parsed.root, &head.root);
    }
}

static void
test_tree_head_parse_case (void)
{
  const char *const texts[] = { "8:" ROOT8_UPPER, "8:" ROOT8_MIXED };
  LedgerHash want = hash_from_vector (ROOT8);

  /* Hex digits of either case; formatting again gives lowercase. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *again = NULL;
      LedgerTreeHead head;

      if (!ledger_tree_head_parse (texts[i], "fingerprint", &head, &error))
        {
          g_test_fail_printf ("“%s” rejected: %s", texts[i],
                              error ? error->message : "FALSE");
          continue;
        }
      g_assert_cmpuint (head.size, ==, 8);
      check_hash (texts[i], &head.root, &want);

      again = ledger_tree_head_format (&head);
      g_assert_cmpstr (again, ==, "8:" ROOT8);
    }
}

static void
test_tree_head_parse_rejects (void)
{
  static const char *const rejected[] = {
    "",
    ":",
    "12",
    "12:",
    ":abc",
    ":" ROOT8,
    "12" ROOT8,
    "12;" ROOT8,
    "12:zz",
    "12:zz5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff46043",
    "12:5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff460432g",
    "12:5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff460432",
    "12:" ROOT8 "0",
    "12:" ROOT8 ":",
    "12::" ROOT8,
    "-1:" ROOT8,
    "+1:" ROOT8,
    "-0:" ROOT8,
    "0x10:" ROOT8,
    "1e3:" ROOT8,
    "1.5:" ROOT8,
    "abc:" ROOT8,
    "18446744073709551616:" ROOT8,
    "99999999999999999999999:" ROOT8,
    "12:0x" "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff46043",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      LedgerTreeHead head;

      if (ledger_tree_head_parse (rejected[i], "fingerprint", &head, &error))
        {
          g_test_fail_printf ("“%s” accepted", rejected[i]);
          continue;
        }

      if (!g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT)
          || !g_str_has_prefix (error->message, "fingerprint")
          || strchr (error->message, '\n') != NULL)
        g_test_fail_printf ("“%s”: got “%s”, wanted an invalid-input error "
                            "naming “fingerprint”", rejected[i],
                            error ? error->message : "(no error)");
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merkle/leaf-hash", test_merkle_leaf_hash);
  g_test_add_func ("/merkle/node-hash", test_merkle_node_hash);
  g_test_add_func ("/merkle/roots", test_merkle_roots);
  g_test_add_func ("/merkle/array-subtree", test_merkle_array_subtree);
  g_test_add_data_func ("/merkle/past-end/subtree",
                        GINT_TO_POINTER (PAST_END_SUBTREE),
                        test_merkle_array_past_end);
  g_test_add_data_func ("/merkle/past-end/root",
                        GINT_TO_POINTER (PAST_END_ROOT),
                        test_merkle_array_past_end);
  g_test_add_data_func ("/merkle/past-end/inclusion",
                        GINT_TO_POINTER (PAST_END_INCLUSION),
                        test_merkle_array_past_end);
  g_test_add_data_func ("/merkle/past-end/consistency",
                        GINT_TO_POINTER (PAST_END_CONSISTENCY),
                        test_merkle_array_past_end);
  g_test_add_func ("/merkle/inclusion/published",
                   test_merkle_inclusion_published);
  g_test_add_func ("/merkle/inclusion/invalid", test_merkle_inclusion_invalid);
  g_test_add_func ("/merkle/consistency/published",
                   test_merkle_consistency_published);
  g_test_add_func ("/merkle/consistency/trivial",
                   test_merkle_consistency_trivial);
  g_test_add_func ("/merkle/consistency/generate-edges",
                   test_merkle_consistency_generate_edges);
  g_test_add_func ("/merkle/property", test_merkle_property);
  g_test_add_func ("/merkle/hex", test_merkle_hex);
  g_test_add_func ("/merkle/tree-head/format", test_tree_head_format);
  g_test_add_func ("/merkle/tree-head/parse-case", test_tree_head_parse_case);
  g_test_add_func ("/merkle/tree-head/parse-rejects",
                   test_tree_head_parse_rejects);

  return g_test_run ();
}

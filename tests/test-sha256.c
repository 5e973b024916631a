/* test-sha256.c — the fingerprint's hashes are SHA-256 as RFC 6962 defines them
 *
 * SHA-256 itself is Nettle's; what is ours is how the fingerprint feeds it:
 * a leaf hash is SHA-256 (0x00 ‖ leaf), a node hash SHA-256 (0x01 ‖ left ‖
 * right), the empty tree SHA-256 of nothing. Each is checked against
 * GLib's SHA-256 of the same bytes, on NIST's example messages and on
 * every length from 0 to 300 bytes (every padding case) and long random
 * messages.
 */
#include <string.h>

#include "ledger.h"

/* GLib's SHA-256 of @prefix ‖ @data, as hex. */
static char *
glib_prefixed_hex (guint8        prefix,
                   const guint8 *data,
                   gsize         length)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, &prefix, 1);
  g_checksum_update (sum, data, (gssize) length);
  return g_strdup (g_checksum_get_string (sum));
}

static char *
leaf_hex (const guint8 *data,
          gsize         length)
{
  LedgerHash hash;
  char hex[65];

  ledger_merkle_leaf_hash (data, length, &hash);
  ledger_hash_to_hex (&hash, hex);
  return g_strdup (hex);
}

/* NIST's examples (FIPS 180-4), as leaves: the leaf hash must be GLib's
 * SHA-256 of 0x00 followed by the message. */
static void
test_leaf_nist (void)
{
  static const char *const messages[] = {
    "",
    "abc",
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      const guint8 *data = (const guint8 *) messages[i];
      g_autofree char *got = leaf_hex (data, strlen (messages[i]));
      g_autofree char *want = glib_prefixed_hex (0x00, data, strlen (messages[i]));

      g_assert_cmpstr (got, ==, want);
    }
}

/* Every length across two blocks and then some, and long random leaves. */
static void
test_leaf_lengths (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autofree guint8 *data = g_malloc (200000);

  for (gsize i = 0; i < 200000; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  for (gsize length = 0; length <= 300; length++)
    {
      g_autofree char *got = leaf_hex (data, length);
      g_autofree char *want = glib_prefixed_hex (0x00, data, length);

      g_assert_cmpstr (got, ==, want);
    }
  for (int round = 0; round < 20; round++)
    {
      gsize length = (gsize) g_rand_int_range (rand, 301, 200000);
      g_autofree char *got = leaf_hex (data, length);
      g_autofree char *want = glib_prefixed_hex (0x00, data, length);

      g_assert_cmpstr (got, ==, want);
    }
}

/* A node hash is SHA-256 (0x01 ‖ left ‖ right), not (left ‖ right). */
static void
test_node (void)
{
  LedgerHash left, right, node;
  guint8 both[2 * LEDGER_HASH_SIZE];
  g_autofree char *want = NULL;
  char hex[65];

  ledger_merkle_leaf_hash ((const guint8 *) "a", 1, &left);
  ledger_merkle_leaf_hash ((const guint8 *) "b", 1, &right);
  ledger_merkle_node_hash (&left, &right, &node);
  memcpy (both, left.bytes, LEDGER_HASH_SIZE);
  memcpy (both + LEDGER_HASH_SIZE, right.bytes, LEDGER_HASH_SIZE);
  want = glib_prefixed_hex (0x01, both, sizeof both);
  ledger_hash_to_hex (&node, hex);
  g_assert_cmpstr (hex, ==, want);
}

/* The head of the empty tree is SHA-256 of nothing (RFC 6962 §2.1). */
static void
test_empty_tree (void)
{
  LedgerHash root;
  char hex[65];

  g_assert_true (ledger_merkle_root (NULL, NULL, 0, &root, NULL));
  ledger_hash_to_hex (&root, hex);
  g_assert_cmpstr (hex, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sha256/leaf/nist", test_leaf_nist);
  g_test_add_func ("/sha256/leaf/lengths", test_leaf_lengths);
  g_test_add_func ("/sha256/node", test_node);
  g_test_add_func ("/sha256/empty-tree", test_empty_tree);
  return g_test_run ();
}

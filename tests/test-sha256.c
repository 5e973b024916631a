/* test-sha256.c — ledger-sha256.c against FIPS 180-4's examples and GLib
 *
 * Both compression functions (the portable one and, on a processor that
 * has them, the x86 SHA instructions) must give GLib's digest for every
 * message, however it is fed: NIST's examples, every length from 0 to 300
 * bytes (every padding case), long random messages, random chunking.
 */
#include <string.h>

#include "ledger-sha256-private.h"
#include "ledger.h"

static char *
digest_hex (const guint8 *data,
            gsize         length,
            gsize         chunk)
{
  LedgerSha256 ctx;
  guint8 out[LEDGER_SHA256_SIZE];
  GString *hex = g_string_new (NULL);

  ledger_sha256_init (&ctx);
  for (gsize off = 0; off < length;)
    {
      gsize take = MIN (length - off, chunk);

      ledger_sha256_update (&ctx, data + off, take);
      off += take;
    }
  ledger_sha256_finish (&ctx, out);
  for (gsize i = 0; i < LEDGER_SHA256_SIZE; i++)
    g_string_append_printf (hex, "%02x", out[i]);
  return g_string_free (hex, FALSE);
}

static void
check_nist_examples (gconstpointer portable)
{
  static const struct
  {
    const char *message;
    const char *digest;
  } examples[] = {
    { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    { "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
  };
  g_autofree guint8 *million = g_malloc (1000000);
  g_autofree char *got_million = NULL;

  ledger_sha256_force_portable (GPOINTER_TO_INT (portable));
  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *got = digest_hex ((const guint8 *) examples[i].message,
                                         strlen (examples[i].message), 64);

      g_assert_cmpstr (got, ==, examples[i].digest);
    }
  memset (million, 'a', 1000000);
  got_million = digest_hex (million, 1000000, 1000000);
  g_assert_cmpstr (got_million, ==, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  ledger_sha256_force_portable (FALSE);
}

static void
check_against_glib (gconstpointer portable)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  guint8 *data = g_malloc (70000);

  ledger_sha256_force_portable (GPOINTER_TO_INT (portable));
  for (guint n = 0; n < 700; n++)
    {
      gsize length = n <= 300 ? n : (gsize) g_rand_int_range (rand, 0, 70000);
      gsize chunk = (gsize) g_rand_int_range (rand, 1, 200);
      g_autofree char *expected = NULL, *whole = NULL, *pieces = NULL;

      for (gsize i = 0; i < length; i++)
        data[i] = (guint8) g_rand_int (rand);
      expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
      whole = digest_hex (data, length, G_MAXSIZE);
      pieces = digest_hex (data, length, chunk);
      if (g_strcmp0 (whole, expected) != 0 || g_strcmp0 (pieces, expected) != 0)
        g_test_fail_printf ("length %zu (chunks of %zu): %s / %s, GLib %s", length, chunk,
                            whole, pieces, expected);
    }
  g_free (data);
  ledger_sha256_force_portable (FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sha256/portable/nist", GINT_TO_POINTER (TRUE), check_nist_examples);
  g_test_add_data_func ("/sha256/portable/glib", GINT_TO_POINTER (TRUE), check_against_glib);
  /* Without SHA instructions these run the portable code again. */
  g_test_add_data_func ("/sha256/native/nist", GINT_TO_POINTER (FALSE), check_nist_examples);
  g_test_add_data_func ("/sha256/native/glib", GINT_TO_POINTER (FALSE), check_against_glib);
  g_test_message ("SHA instructions in use: %s", ledger_sha256_is_accelerated () ? "yes" : "no");

  return g_test_run ();
}

/* test-leaf-compose.c — a leaf rebuilt from its fields is the journal's
 *
 * A receipt's QR code rebuilds its payment's leaf without the book
 * (exports/export-receipt-check.c) through ledger_leaf_compose(). For that
 * to prove anything, the composer must give, for any entry's fields, the
 * very bytes the journal hashes: checked here on every entry of a demo
 * book (payments, charges, fees, households, votes, expenditures …), and
 * the fact's escaping on fields that need it, worked out by hand.
 */
#include <string.h>

#include "ledger.h"

#include "book-fixture.h"

static const LedgerDemoOptions demo = { 30, 2, 2026, 15 };
static const BookFixtureOptions options = { "叶文本小区", &demo, "2026-06-30" };

typedef struct
{
  guint n;
  guint with_facts;
} Count;

/* The entry composed again from what the journal handed over. */
static gboolean
compose_again (const LedgerLeaf  *leaf,
               gpointer           user_data,
               GError           **error)
{
  Count *count = user_data;
  LedgerLeaf fields = *leaf;
  LedgerHash hash;
  g_autofree char *text = NULL;

  fields.text = NULL;
  fields.length = 0;
  memset (&fields.hash, 0, sizeof fields.hash);
  text = ledger_leaf_compose (&fields, &hash);
  g_assert_cmpstr (text, ==, leaf->text);
  g_assert_cmpuint (strlen (text), ==, leaf->length);
  g_assert_cmpmem (hash.bytes, LEDGER_HASH_SIZE, leaf->hash.bytes, LEDGER_HASH_SIZE);
  count->n++;
  count->with_facts += leaf->n_facts > 0;
  return TRUE;
}

static void
test_every_entry (BookFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Count count = { 0, 0 };

  g_assert_true (ledger_journal_foreach_leaf (f->book, compose_again, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.n, ==, (guint) ledger_journal_count (f->book, NULL));
  g_assert_cmpuint (count.with_facts, >, 0);
}

/* A payment's leaf as docs/leaf-format.md writes it, by hand: 3,000.00
 * by WeChat, 2,400.00 settling two charges, 600.00 kept as credit. */
static void
test_payment_by_hand (void)
{
  const char *receipt[] = { "2026-000001", "1-1-101", "300000", "wechat" };
  const char *first[] = { "1-1-101", "property", "2025", "payment", "120000" };
  const char *second[] = { "1-1-101", "property", "2026", "payment", "120000" };
  g_autofree char *f0 = ledger_leaf_compose_fact ("receipt", receipt, G_N_ELEMENTS (receipt));
  g_autofree char *f1 = ledger_leaf_compose_fact ("allocation", first, G_N_ELEMENTS (first));
  g_autofree char *f2 = ledger_leaf_compose_fact ("allocation", second, G_N_ELEMENTS (second));
  const char *facts[] = { f0, f1, f2 };
  const LedgerLeafSplit splits[] = {
    { "wechat", "", 300000 }, { "receivable", "1-1-101", -240000 }, { "prepaid", "1-1-101", -60000 },
  };
  LedgerLeaf leaf = {
    .index = 9, .version = 2, .kind = "payment", .date = "2026-03-01",
    .recorded_at = "2026-03-01T09:30:00+08:00", .operator_name = "李四", .ref = "2026-000001",
    .memo = "1-1-101", .splits = splits, .n_splits = G_N_ELEMENTS (splits),
    .facts = facts, .n_facts = G_N_ELEMENTS (facts),
  };
  LedgerHash hash;
  char hex[65];
  g_autofree char *text = ledger_leaf_compose (&leaf, &hash);

  g_assert_cmpstr (text, ==,
                   "community-ledger leaf v2\n"
                   "index: 9\n"
                   "kind: payment\n"
                   "date: 2026-03-01\n"
                   "recorded_at: 2026-03-01T09:30:00+08:00\n"
                   "operator: 李四\n"
                   "ref: 2026-000001\n"
                   "memo: 1-1-101\n"
                   "reverses: \n"
                   "split: wechat||300000\n"
                   "split: receivable|1-1-101|-240000\n"
                   "split: prepaid|1-1-101|-60000\n"
                   "fact: receipt|2026-000001|1-1-101|300000|wechat\n"
                   "fact: allocation|1-1-101|property|2025|payment|120000\n"
                   "fact: allocation|1-1-101|property|2026|payment|120000\n");
  /* docs/leaf-format.md's worked example gives this hash (checked there
   * with hashlib). */
  ledger_hash_to_hex (&hash, hex);
  g_assert_cmpstr (hex, ==, "ee88937e263ff952d7ba0b077d198ced920351ddd21db60c33a8c3caaded9cab");

  /* Version 1: the same lines but the first, and no facts. */
  leaf.version = 1;
  g_clear_pointer (&text, g_free);
  text = ledger_leaf_compose (&leaf, NULL);
  g_assert_true (g_str_has_prefix (text, "community-ledger leaf v1\n"));
  g_assert_null (strstr (text, "fact: "));
  g_assert_true (g_str_has_suffix (text, "split: prepaid|1-1-101|-60000\n"));
}

/* Fields are escaped as split fields: "\" "\n" "\r" "|". */
static void
test_fact_escaping (void)
{
  const char *fields[] = { "a|b", "c\\d", "e\nf\rg", "" };
  g_autofree char *fact = ledger_leaf_compose_fact ("void", fields, G_N_ELEMENTS (fields));

  g_assert_cmpstr (fact, ==, "void|a\\|b|c\\\\d|e\\nf\\rg|");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  BOOK_FIXTURE_ADD ("/leaf-compose/every-entry", &options, test_every_entry);
  g_test_add_func ("/leaf-compose/payment-by-hand", test_payment_by_hand);
  g_test_add_func ("/leaf-compose/fact-escaping", test_fact_escaping);
  return g_test_run ();
}

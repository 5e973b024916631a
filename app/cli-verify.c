/* cli-verify.c — the fingerprint on the command line: verify and proofs */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli-json.h"
#include "cli-common.h"
#include "ledger.h"
#include "exports.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_verify_commands, name);
}

/* --head: the book extends the published head @earlier. */
static int
check_earlier_head (LedgerBook           *book,
                    const LedgerTreeHead *earlier)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = ledger_tree_head_format (earlier);
  guint proof_length = 0;

  if (!ledger_verify_earlier_head (book, earlier, &proof_length, &error))
    return cli_report_error (error);
  printf (_("The book extends the published head %s (consistency proof of %u hashes verified)\n"),
          shown, proof_length);
  return CLI_EXIT_OK;
}

/* verify --export FILE: the workbook alone, and against the book when
 * there is one; with --head, also that the book extends that head. */
static int
verify_export (CliGlobals           *globals,
               const char           *path,
               const LedgerTreeHead *earlier)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  int status;

  if (g_file_test (cli_book_path (globals), G_FILE_TEST_EXISTS))
    {
      if ((book = cli_open_book_to_read (globals, &error)) == NULL)
        return cli_report_error (error);
    }
  else if (earlier != NULL)
    {
      g_autofree char *shown = ledger_quote_path (cli_book_path (globals));

      return cli_usage_error (lookup ("verify"), _("--head checks the book, and there is no book %s"), shown);
    }
  if (export_workbook_verify (path, book, &fingerprint, &error))
    {
      printf ("fingerprint %s\n", fingerprint);
      status = CLI_EXIT_OK;
    }
  else
    {
      status = cli_report_error (error);
      g_clear_error (&error);
    }
  /* Both checks run: a resident with a photo of a notice learns about the
   * book even when the workbook is the one that is wrong. */
  if (earlier != NULL)
    {
      int head_status = check_earlier_head (book, earlier);

      status = MAX (status, head_status);
    }
  return status;
}

/* When there is a book, the receipt's fingerprint must be the book's at
 * that size: a receipt can carry a tree of its own making. */
/* The void is a later entry, not in the payment's leaf: a receipt whose
 * 作废 line was cut off still proves its payment. With the book at hand,
 * a receipt that hides its void is refused. */
static gboolean
check_receipt_stands (LedgerBook                *book,
                      const ExportReceiptProof  *proof,
                      GError                   **error)
{
  char voided_on[11] = "";
  gint64 void_entry = 0;

  if (!ledger_receipt_void_info (book, proof->number, voided_on, &void_entry, error))
    return FALSE;
  if (void_entry > 0 && !proof->voided)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("receipt %s was voided on %s (entry %" PRId64 "), which this receipt does not say"),
                   proof->number, voided_on, void_entry);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_receipt_against_book (LedgerBook                *book,
                            const ExportReceiptProof  *proof,
                            GError                   **error)
{
  LedgerTreeHead head = { 0 };
  g_autofree char *printed = NULL, *ours = NULL;

  if (!ledger_book_fingerprint (book, &head, error))
    return FALSE;
  if (proof->head.size <= head.size)
    {
      if (!ledger_fingerprint_head_at (book, proof->head.size, &head, error))
        return FALSE;
      if (memcmp (&head.root, &proof->head.root, sizeof head.root) == 0)
        return check_receipt_stands (book, proof, error);
    }
  printed = ledger_tree_head_format (&proof->head);
  ours = ledger_tree_head_format (&head);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the receipt's fingerprint %s is not this book's (%s)"), printed, ours);
  return FALSE;
}

/* verify --receipt FILE: FILE is the text of a receipt's QR code. The
 * check needs no book; with one, the fingerprint is compared too. */
static int
verify_receipt (CliGlobals *globals,
                const char *path)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL, *amount = NULL;
  ExportReceiptProof proof = { 0 };

  if (export_receipt_check_file (path, &proof, &error) &&
      g_file_test (cli_book_path (globals), G_FILE_TEST_EXISTS) &&
      (book = cli_open_book_to_read (globals, &error)) != NULL)
    check_receipt_against_book (book, &proof, &error);
  if (error != NULL)
    {
      export_receipt_proof_clear (&proof);
      return cli_report_error (error);
    }
  fingerprint = ledger_tree_head_format (&proof.head);
  amount = ledger_money_format (proof.amount);
  printf (_("Receipt %s (%s, %s) is entry %" PRId64 " of the book with fingerprint %s: "
            "its leaf, rebuilt from the receipt, and its audit path verify.\n"),
          proof.number, proof.unit, amount, proof.entry, fingerprint);
  if (proof.voided)
    printf (_("The receipt says it was voided later; what is proven is its payment's entry.\n"));
  if (book != NULL)
    printf (_("This book had that fingerprint at %" PRIu64 " entries.\n"), proof.head.size);
  else
    printf (_("Compare the fingerprint with a published notice's, or ask for “proof consistency %" PRIu64 "”.\n"),
            proof.head.size);
  export_receipt_proof_clear (&proof);
  return CLI_EXIT_OK;
}

static int
run_verify (CliGlobals *globals,
            int         argc,
            char      **argv)
{
  g_autofree char *head_text = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *receipt_path = NULL;
  const GOptionEntry entries[] = {
    { "head", 0, 0, G_OPTION_ARG_STRING, &head_text, N_("Also prove the book extends this earlier published fingerprint"), N_("SIZE:ROOT") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, N_("Check an exported workbook (against the book, when there is one)"), N_("FILE") },
    { "receipt", 0, 0, G_OPTION_ARG_FILENAME, &receipt_path, N_("Check a receipt from the text of its QR code (and its fingerprint against the book, when there is one)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  LedgerTreeHead head, earlier;

  if (!cli_parse_options (globals, lookup ("verify"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if (receipt_path != NULL && (export_path != NULL || head_text != NULL))
    return cli_usage_error (lookup ("verify"), _("--receipt cannot be combined with --export or --head"));
  if (receipt_path != NULL)
    return verify_receipt (globals, receipt_path);
  if (head_text != NULL && !ledger_tree_head_parse (head_text, "--head", &earlier, &error))
    return cli_report_error (error);
  if (export_path != NULL)
    return verify_export (globals, export_path, head_text != NULL ? &earlier : NULL);
  /* The damage check runs here, where a whole reading of the book is
   * asked for anyway, and no longer before every write (cli-common.c). */
  if ((book = cli_open_book_checked (globals, &error)) == NULL ||
      !ledger_verify (book, &head, &error))
    return cli_report_error (error);

  shown = ledger_tree_head_format (&head);
  printf ("fingerprint %s\n", shown);
  return head_text != NULL ? check_earlier_head (book, &earlier) : CLI_EXIT_OK;
}

/* An entry is named by its journal number or by a receipt number. */
static gboolean
resolve_entry (LedgerBook  *book,
               const char  *text,
               gint64      *out_index,
               GError     **error)
{
  g_autoptr(LedgerReceipt) receipt = NULL;
  guint64 number = 0;
  int year, seq;

  if (g_ascii_string_to_unsigned (text[0] == '#' ? text + 1 : text, 10, 1, G_MAXINT64, &number, NULL))
    {
      *out_index = (gint64) number;
      return TRUE;
    }
  if (!ledger_receipt_number_parse (text, &year, &seq, NULL))
    return ledger_text_set_invalid_input (error, _("entry"), text,
                                          _("expected a journal entry number such as 57 or a receipt number such as 2026-000123"));
  receipt = ledger_receipt_lookup (book, text, error);
  if (receipt == NULL)
    return FALSE;
  *out_index = receipt->txn_id;
  return TRUE;
}

static void
print_hashes (CliJson      *json,
              const char   *key,
              const GArray *hashes)
{
  char hex[65];

  if (json != NULL)
    cli_json_begin_array (json, key);
  for (guint i = 0; i < hashes->len; i++)
    {
      ledger_hash_to_hex (&g_array_index (hashes, LedgerHash, i), hex);
      if (json != NULL)
        cli_json_string (json, NULL, hex);
      else
        printf ("  %s\n", hex);
    }
  if (json != NULL)
    cli_json_end_array (json);
}

static void
print_inclusion (gint64                index,
                 const LedgerHash     *leaf_hash,
                 const LedgerTreeHead *head,
                 const GArray         *proof,
                 gboolean              as_json)
{
  g_autofree char *fingerprint = ledger_tree_head_format (head);
  char hex[65];

  ledger_hash_to_hex (leaf_hash, hex);
  if (as_json)
    {
      g_autoptr(CliJson) json = cli_json_new ();

      cli_json_begin_object (json, NULL);
      cli_json_int (json, "entry", index);
      cli_json_int (json, "leaf_index", index - 1);
      cli_json_string (json, "leaf_hash", hex);
      cli_json_int (json, "tree_size", (gint64) head->size);
      cli_json_string (json, "fingerprint", fingerprint);
      print_hashes (json, "path", proof);
      cli_json_bool (json, "verified", TRUE);
      cli_json_end_object (json);
      cli_json_print (json);
      return;
    }
  printf (_("Entry %" PRId64 " (leaf index %" PRId64 ") is in the book with fingerprint %s\n"),
          index, index - 1, fingerprint);
  printf (_("leaf hash %s\npath (%u hashes, from the leaf up):\n"), hex, proof->len);
  print_hashes (NULL, NULL, proof);
  printf (_("The proof verifies.\n"));
}

static int
run_proof (CliGlobals *globals,
           int         argc,
           char      **argv)
{
  gint64 size_option = G_MININT64;   /* not given: the whole journal */
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT64, &size_option, N_("Prove against the head of this many entries (default: all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GArray) proof = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead head;
  LedgerHash leaf_hash;
  gint64 index = 0;

  if (!cli_parse_options (globals, lookup ("proof"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (size_option != G_MININT64 && size_option < 1)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, size_option);

      return cli_usage_invalid (lookup ("proof"), "--size", text, _("expected 1 or more entries"));
    }
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      !resolve_entry (book, argv[1], &index, &error) ||
      !ledger_book_fingerprint (book, &head, &error))
    return cli_report_error (error);
  if (size_option != G_MININT64 &&
      !ledger_fingerprint_head_at (book, MIN ((guint64) size_option, head.size), &head, &error))
    return cli_report_error (error);
  proof = ledger_fingerprint_inclusion (book, index, head.size, &leaf_hash, &error);
  if (proof == NULL)
    return cli_report_error (error);
  if (!ledger_merkle_verify_inclusion (&leaf_hash, (guint64) index - 1, head.size, proof, &head.root))
    {
      g_set_error (&error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the inclusion proof of entry %" PRId64 " does not verify; run verify"), index);
      return cli_report_error (error);
    }
  print_inclusion (index, &leaf_hash, &head, proof, as_json);
  return CLI_EXIT_OK;
}

static void
print_consistency (const LedgerTreeHead *old_head,
                   const LedgerTreeHead *new_head,
                   const GArray         *proof)
{
  g_autofree char *old_text = ledger_tree_head_format (old_head);
  g_autofree char *new_text = ledger_tree_head_format (new_head);

  printf (_("%s extends %s; proof (%u hashes):\n"), new_text, old_text, proof->len);
  print_hashes (NULL, NULL, proof);
}

/* OLD-SIZE:OLD-ROOT, as a resident copies it from a notice: the book must
 * give that root at that size (exit 3 when it does not). */
static int
prove_published_head (LedgerBook *book,
                      const char *old_text,
                      gint64      new_size)
{
  g_autoptr(GArray) proof = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead old_head, new_head;

  if (!ledger_tree_head_parse (old_text, "OLD-SIZE:OLD-ROOT", &old_head, &error))
    return cli_usage_error (lookup ("proof consistency"), "%s", error->message);
  if (new_size >= 0 && old_head.size > (guint64) new_size)
    return cli_usage_error (lookup ("proof consistency"),
                            _("the old head has %" PRIu64 " entries, more than NEW-SIZE %" PRId64),
                            old_head.size, new_size);
  proof = ledger_verify_extends (book, &old_head, new_size, &new_head, &error);
  if (proof == NULL)
    return cli_report_error (error);
  print_consistency (&old_head, &new_head, proof);
  printf (_("The proof verifies: the book's first %" PRIu64 " entries give the old head.\n"), old_head.size);
  return CLI_EXIT_OK;
}

/* A bare OLD-SIZE: the proof between two heads of the book itself. */
static int
prove_own_heads (LedgerBook *book,
                 guint64     old_size,
                 gint64      new_size)
{
  g_autoptr(GArray) proof = NULL;
  g_autoptr(GError) error = NULL;
  LedgerTreeHead old_head, new_head;

  if (!ledger_book_fingerprint (book, &new_head, &error) ||
      (new_size >= 0 && !ledger_fingerprint_head_at (book, (guint64) new_size, &new_head, &error)) ||
      !ledger_fingerprint_head_at (book, MIN (old_size, new_head.size), &old_head, &error) ||
      (proof = ledger_fingerprint_consistency (book, old_size, new_head.size, &error)) == NULL)
    return cli_report_error (error);
  if (!ledger_merkle_verify_consistency (old_head.size, &old_head.root, new_head.size, &new_head.root, proof))
    {
      g_set_error (&error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, _("the consistency proof does not verify; run verify"));
      return cli_report_error (error);
    }
  print_consistency (&old_head, &new_head, proof);
  return CLI_EXIT_OK;
}

static int
run_proof_consistency (CliGlobals *globals,
                       int         argc,
                       char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  gboolean with_root;
  guint64 old_size = 0, new_size = 0;
  gint64 count;

  if (!cli_parse_options (globals, lookup ("proof consistency"), NULL, &argc, &argv, 1, 2))
    return CLI_EXIT_USAGE;
  with_root = strchr (argv[1], ':') != NULL;
  if ((!with_root && !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXINT64, &old_size, NULL)) ||
      (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXINT64, &new_size, NULL)))
    return cli_usage_error (lookup ("proof consistency"), _("sizes are numbers of entries"));
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (count = ledger_journal_count (book, &error)) < 0)
    return cli_report_error (error);
  if (argc == 3 && new_size > (guint64) count)
    return cli_usage_error (lookup ("proof consistency"), _("the book has only %" PRIu64 " entries"), (guint64) count);
  if (with_root)
    return prove_published_head (book, argv[1], argc == 3 ? (gint64) new_size : -1);
  return prove_own_heads (book, old_size, argc == 3 ? (gint64) new_size : -1);
}

const CliCommand cli_verify_commands[] = {
  { "verify", "[--head SIZE:ROOT] [--export FILE] [--receipt FILE]",
    N_("Recompute the fingerprint from the journal and check everything"), run_verify },
  { "proof consistency", "OLD-SIZE:OLD-ROOT [NEW-SIZE]",
    N_("Print and check the proof that the book extends an earlier, published fingerprint"), run_proof_consistency },
  { "proof", "ENTRY|RECEIPT [--size N] [--json]",
    N_("Print and check the proof that an entry is in the book"), run_proof },
  { NULL, NULL, NULL, NULL }
};

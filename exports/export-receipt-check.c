/* export-receipt-check.c — a receipt checked from its QR code alone
 *
 * The QR code of a receipt carries every field of its payment's leaf
 * (docs/leaf-format.md, "Receipts: rebuilding the leaf from the QR"). The
 * check reads them back, rebuilds the leaf with the journal's own
 * composer (ledger_leaf_compose()), hashes it and walks the printed audit
 * path to the printed fingerprint's root. It reads no book: what it
 * proves is that the receipt, as printed, is entry N of the book whose
 * fingerprint it shows; whether that fingerprint is the committee's is
 * for a published notice (or the book) to say.
 */
#define G_LOG_DOMAIN "exports"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger.h"
#include "export-notice.h"
#include "export-receipt-private.h"

/* What a receipt's QR code says, as read back. */
typedef struct
{
  char   *fee_code;
  int     year;
  gint64  amount;
} Item;

typedef struct
{
  char          **lines;
  guint           next;       /* the line being read */
  char           *number;
  char           *unit;
  GArray         *items;      /* of Item, in the order of the leaf's facts */
  gint64          credit;     /* 0 when there is no 预交款 line */
  gint64          total;
  LedgerMethod    method;
  char           *date;
  char           *recorded_at;
  char           *operator_name;
  gboolean        voided;
  gint64          entry;
  int             version;
  LedgerHash      leaf_hash;  /* as printed */
  GArray         *path;       /* of LedgerHash */
  LedgerTreeHead  head;
} Receipt;

static void
clear_item (gpointer data)
{
  g_free (((Item *) data)->fee_code);
}

static void
receipt_clear (Receipt *r)
{
  g_clear_pointer (&r->lines, g_strfreev);
  g_clear_pointer (&r->number, g_free);
  g_clear_pointer (&r->unit, g_free);
  g_clear_pointer (&r->items, g_array_unref);
  g_clear_pointer (&r->date, g_free);
  g_clear_pointer (&r->recorded_at, g_free);
  g_clear_pointer (&r->operator_name, g_free);
  g_clear_pointer (&r->path, g_array_unref);
}

void
export_receipt_append_escaped (GString    *out,
                               const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p);
      }
}

/* ------------------------------------------------------------------ */
/* Reading the lines */

/* A line that is not what a receipt writes there. */
static gboolean
set_bad_line (const Receipt  *r,
              guint           line,
              GError        **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("line %u of the receipt's QR code, “%s”, is not what a receipt writes there"),
               line + 1, r->lines[line] != NULL ? r->lines[line] : "");
  return FALSE;
}

/* The value of the current line when it is "@label：VALUE" (and moves on),
 * or NULL. */
static const char *
take (Receipt    *r,
      const char *label)
{
  const char *line = r->lines[r->next];
  gsize n = strlen (label);

  if (line == NULL || strncmp (line, label, n) != 0 ||
      !g_str_has_prefix (line + n, EXPORT_RECEIPT_COLON))
    return NULL;
  r->next++;
  return line + n + strlen (EXPORT_RECEIPT_COLON);
}

/* Like take(), but the line must be there. */
static const char *
expect (Receipt     *r,
        const char  *label,
        GError     **error)
{
  const char *value = take (r, label);

  if (value == NULL)
    {
      if (r->lines[r->next] == NULL)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                     _("the receipt's QR code ends before its “%s” line"), label);
      else
        set_bad_line (r, r->next, error);
    }
  return value;
}

/* @text with the leaf's escapes ("\\", "\n", "\r") undone, or NULL for
 * a backslash before anything else. */
static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == '\\')
        g_string_append_c (out, '\\');
      else if (*p == 'n')
        g_string_append_c (out, '\n');
      else if (*p == 'r')
        g_string_append_c (out, '\r');
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

/* The escaped value of the line just taken, undone into *@out. */
static gboolean
take_text (Receipt     *r,
           const char  *label,
           char       **out,
           GError     **error)
{
  const char *value = expect (r, label, error);

  if (value == NULL)
    return FALSE;
  *out = unescape (value);
  return *out != NULL || set_bad_line (r, r->next - 1, error);
}

/* An amount as ledger_money_format() writes it ("¥1,200.00") and nothing
 * else: the text a receipt prints must be the only text that proves. */
static gboolean
parse_money (const char *text,
             gint64     *out_fen)
{
  g_autofree char *again = NULL;

  if (!ledger_money_parse (text, "amount", LEDGER_MONEY_POSITIVE, out_fen, NULL))
    return FALSE;
  again = ledger_money_format (*out_fen);
  return strcmp (again, text) == 0;
}

static gboolean
take_money (Receipt     *r,
            const char  *label,
            gint64      *out_fen,
            GError     **error)
{
  const char *value = expect (r, label, error);

  if (value == NULL)
    return FALSE;
  return parse_money (value, out_fen) || set_bad_line (r, r->next - 1, error);
}

/* A whole number written in decimal without leading zeros, 1 or more. */
static gboolean
parse_count (const char *text,
             gint64     *out)
{
  guint64 value = 0;

  if (text[0] == '0' || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* "2025年度物业费（property）：¥1,200.00" — the year, the fee code and the
 * amount; the name between them is the book's and proves nothing. */
static gboolean
parse_item (const char *line,
            Item       *out)
{
  const char *colon = g_strrstr (line, EXPORT_RECEIPT_COLON);
  const char *open;
  g_autofree char *before = NULL;
  g_autofree char *year = NULL;

  if (colon == NULL || strlen (line) < 4 + strlen (EXPORT_RECEIPT_YEAR_SUFFIX) ||
      !g_str_has_prefix (line + 4, EXPORT_RECEIPT_YEAR_SUFFIX))
    return FALSE;
  year = g_strndup (line, 4);
  before = g_strndup (line, colon - line);
  open = g_strrstr (before, EXPORT_RECEIPT_CODE_OPEN);
  if (open == NULL || !g_str_has_suffix (before, EXPORT_RECEIPT_CODE_CLOSE) ||
      !parse_money (colon + strlen (EXPORT_RECEIPT_COLON), &out->amount))
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (year[i]))
      return FALSE;
  out->year = atoi (year);
  out->fee_code = g_strndup (open + strlen (EXPORT_RECEIPT_CODE_OPEN),
                             strlen (before) - (open - before) - strlen (EXPORT_RECEIPT_CODE_OPEN) -
                             strlen (EXPORT_RECEIPT_CODE_CLOSE));
  if (!ledger_fee_code_check (out->fee_code, NULL))
    {
      g_clear_pointer (&out->fee_code, g_free);
      return FALSE;
    }
  return TRUE;
}

/* The item lines: every line from here that begins with a year. */
static gboolean
read_items (Receipt  *r,
            GError  **error)
{
  r->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (r->items, clear_item);
  while (r->lines[r->next] != NULL && g_ascii_isdigit (r->lines[r->next][0]))
    {
      Item item = { NULL, 0, 0 };

      if (!parse_item (r->lines[r->next], &item))
        return set_bad_line (r, r->next, error);
      g_array_append_val (r->items, item);
      r->next++;
    }
  return TRUE;
}

/* "微信（wechat）": the method's Chinese name and its code, which agree. */
static gboolean
read_method (Receipt  *r,
             GError  **error)
{
  const char *value = expect (r, EXPORT_RECEIPT_METHOD, error);

  if (value == NULL)
    return FALSE;
  for (int m = 0; m < LEDGER_METHOD_COUNT; m++)
    {
      g_autofree char *written = g_strconcat (ledger_method_chinese (m), EXPORT_RECEIPT_CODE_OPEN,
                                              ledger_method_to_string (m), EXPORT_RECEIPT_CODE_CLOSE,
                                              NULL);

      if (strcmp (value, written) == 0)
        {
          r->method = m;
          return TRUE;
        }
    }
  return set_bad_line (r, r->next - 1, error);
}

/* "路径：HEX,HEX,…" (empty for a tree of one entry). */
static gboolean
read_path (Receipt  *r,
           GError  **error)
{
  const char *value = expect (r, EXPORT_RECEIPT_PATH, error);
  g_auto(GStrv) hexes = NULL;

  if (value == NULL)
    return FALSE;
  r->path = g_array_new (FALSE, FALSE, sizeof (LedgerHash));
  if (*value == '\0')
    return TRUE;
  hexes = g_strsplit (value, ",", -1);
  for (guint i = 0; hexes[i] != NULL; i++)
    {
      LedgerHash hash;

      if (strlen (hexes[i]) != 64 || !ledger_hash_from_hex (hexes[i], &hash))
        return set_bad_line (r, r->next - 1, error);
      g_array_append_val (r->path, hash);
    }
  return TRUE;
}

/* The lines after the totals: the leaf's header fields and the proof. */
static gboolean
read_entry_and_proof (Receipt  *r,
                      GError  **error)
{
  const char *value;

  if (!take_text (r, EXPORT_RECEIPT_DATE, &r->date, error) ||
      !take_text (r, EXPORT_RECEIPT_RECORDED_AT, &r->recorded_at, error) ||
      !take_text (r, EXPORT_RECEIPT_OPERATOR, &r->operator_name, error))
    return FALSE;
  value = take (r, EXPORT_RECEIPT_STATUS);
  if (value != NULL && strcmp (value, EXPORT_RECEIPT_VOIDED) != 0)
    return set_bad_line (r, r->next - 1, error);
  r->voided = value != NULL;
  if ((value = expect (r, EXPORT_RECEIPT_ENTRY, error)) == NULL)
    return FALSE;
  if (!parse_count (value, &r->entry))
    return set_bad_line (r, r->next - 1, error);
  if ((value = expect (r, EXPORT_RECEIPT_LEAF_VERSION, error)) == NULL)
    return FALSE;
  if (strcmp (value, "1") != 0 && strcmp (value, "2") != 0)
    return set_bad_line (r, r->next - 1, error);
  r->version = value[0] - '0';
  if ((value = expect (r, EXPORT_RECEIPT_LEAF_HASH, error)) == NULL)
    return FALSE;
  if (strlen (value) != 64 || !ledger_hash_from_hex (value, &r->leaf_hash))
    return set_bad_line (r, r->next - 1, error);
  if (!read_path (r, error) || (value = expect (r, EXPORT_RECEIPT_FINGERPRINT, error)) == NULL)
    return FALSE;
  if (!ledger_tree_head_parse (value, EXPORT_RECEIPT_FINGERPRINT, &r->head, NULL))
    return set_bad_line (r, r->next - 1, error);
  return TRUE;
}

/* Reads every line of @payload into @r, in the order docs/leaf-format.md
 * gives; any other line, or one more, is an error. */
static gboolean
read_receipt (const char  *payload,
              Receipt     *r,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new (payload);
  const char *credit;
  int year, seq;

  g_string_replace (text, "\r\n", "\n", 0);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  r->lines = g_strsplit (text->str, "\n", -1);
  if (r->lines[0] == NULL || strcmp (r->lines[0], EXPORT_RECEIPT_TITLE) != 0 || r->lines[1] == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("this is not the text of a receipt's QR code: it does not begin with “%s”"),
                   EXPORT_RECEIPT_TITLE);
      return FALSE;
    }
  r->next = 2;  /* the title, and the community's name, which proves nothing */
  if (!take_text (r, EXPORT_RECEIPT_NUMBER, &r->number, error))
    return FALSE;
  if (!ledger_receipt_number_parse (r->number, &year, &seq, NULL))
    return set_bad_line (r, r->next - 1, error);
  if (!take_text (r, EXPORT_RECEIPT_UNIT, &r->unit, error) ||
      expect (r, EXPORT_RECEIPT_PAYER, error) == NULL ||
      !read_items (r, error))
    return FALSE;
  credit = take (r, EXPORT_RECEIPT_CREDIT);
  if (credit != NULL && !parse_money (credit, &r->credit))
    return set_bad_line (r, r->next - 1, error);
  if (!take_money (r, EXPORT_RECEIPT_TOTAL, &r->total, error) ||
      !read_method (r, error) || !read_entry_and_proof (r, error))
    return FALSE;
  if (r->lines[r->next] != NULL)
    return set_bad_line (r, r->next, error);
  return TRUE;
}

/* The items and the prepaid credit make the total: a receipt whose lines
 * say otherwise is not one the program printed, whatever its proof. */
static gboolean
check_sum (const Receipt  *r,
           GError        **error)
{
  gint64 sum = r->credit;

  for (guint i = 0; i < r->items->len; i++)
    sum += g_array_index (r->items, Item, i).amount;
  if (sum != r->total)
    {
      g_autofree char *have = ledger_money_format (sum);
      g_autofree char *total = ledger_money_format (r->total);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the receipt's items and prepaid credit add up to %s, not to its total %s"),
                   have, total);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The leaf */

/* A fact's number field: decimal, no leading zeros. */
static const char *
int_text (char    buf[24],
          gint64  value)
{
  g_snprintf (buf, 24, "%" G_GINT64_FORMAT, value);
  return buf;
}

/* The facts of a payment entry: its receipt, then one allocation per
 * item, in the receipt's order. */
static GPtrArray *
payment_facts (const Receipt *r)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func (g_free);
  char amount[24], year[24];
  const char *receipt[] = { r->number, r->unit, int_text (amount, r->total),
                            ledger_method_to_string (r->method) };

  g_ptr_array_add (facts, ledger_leaf_compose_fact ("receipt", receipt, G_N_ELEMENTS (receipt)));
  for (guint i = 0; i < r->items->len; i++)
    {
      const Item *item = &g_array_index (r->items, Item, i);
      const char *allocation[] = { r->unit, item->fee_code, int_text (year, item->year),
                                   "payment", int_text (amount, item->amount) };

      g_ptr_array_add (facts, ledger_leaf_compose_fact ("allocation", allocation,
                                                        G_N_ELEMENTS (allocation)));
    }
  return facts;
}

/* The payment's leaf from the receipt's fields, and its hash. */
static void
rebuild_leaf (const Receipt *r,
              LedgerHash    *out_hash)
{
  LedgerLeafSplit splits[3];
  g_autoptr(GPtrArray) facts = payment_facts (r);
  g_autofree char *text = NULL;
  LedgerLeaf leaf = {
    .index = r->entry, .version = r->version, .kind = "payment", .date = r->date,
    .recorded_at = r->recorded_at, .operator_name = r->operator_name, .ref = r->number,
    .memo = r->unit, .reverses = 0, .splits = splits, .n_splits = 0,
    .facts = (const char *const *) facts->pdata, .n_facts = facts->len,
  };

  /* The money received, the charges it settled, the rest kept as
   * prepaid credit; a split of nothing is not written. */
  splits[leaf.n_splits++] = (LedgerLeafSplit) { ledger_method_to_string (r->method), "", r->total };
  if (r->total - r->credit != 0)
    splits[leaf.n_splits++] = (LedgerLeafSplit) { "receivable", r->unit, -(r->total - r->credit) };
  if (r->credit != 0)
    splits[leaf.n_splits++] = (LedgerLeafSplit) { "prepaid", r->unit, -r->credit };
  text = ledger_leaf_compose (&leaf, out_hash);
}

gboolean
export_receipt_payload_leaf_hash (const char  *payload,
                                  LedgerHash  *out_hash,
                                  GError     **error)
{
  Receipt r = { 0 };
  gboolean ok = read_receipt (payload, &r, error) && check_sum (&r, error);

  if (ok)
    rebuild_leaf (&r, out_hash);
  receipt_clear (&r);
  return ok;
}

/* ------------------------------------------------------------------ */
/* The check */

static gboolean
check_proof (const Receipt  *r,
             GError        **error)
{
  LedgerHash rebuilt;
  char have[65], printed[65];

  rebuild_leaf (r, &rebuilt);
  if (memcmp (&rebuilt, &r->leaf_hash, sizeof rebuilt) != 0)
    {
      ledger_hash_to_hex (&rebuilt, have);
      ledger_hash_to_hex (&r->leaf_hash, printed);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the leaf rebuilt from the receipt's fields hashes to %s, but the receipt prints %s: "
                     "what it says is not its journal entry"), have, printed);
      return FALSE;
    }
  if (!ledger_merkle_verify_inclusion (&rebuilt, (guint64) r->entry - 1, r->head.size, r->path,
                                       &r->head.root))
    {
      g_autofree char *fingerprint = ledger_tree_head_format (&r->head);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the receipt's audit path does not lead from entry %" PRId64
                     " to the fingerprint %s"), r->entry, fingerprint);
      return FALSE;
    }
  return TRUE;
}

gboolean
export_receipt_check (const char          *payload,
                      ExportReceiptProof  *out_proof,
                      GError             **error)
{
  Receipt r = { 0 };
  gboolean ok;

  g_return_val_if_fail (payload != NULL, FALSE);

  ok = read_receipt (payload, &r, error) && check_sum (&r, error) && check_proof (&r, error);
  if (ok && out_proof != NULL)
    {
      out_proof->number = g_steal_pointer (&r.number);
      out_proof->unit = g_steal_pointer (&r.unit);
      out_proof->amount = r.total;
      out_proof->voided = r.voided;
      out_proof->entry = r.entry;
      out_proof->head = r.head;
    }
  receipt_clear (&r);
  return ok;
}

/* The most a receipt's QR text can be (a QR code holds at most 2,953
 * bytes, with room for a scanner's CR LF); a longer file is not one. */
#define RECEIPT_TEXT_MAX 8192

/* Opened without blocking (a FIFO without a writer would wait in open()),
 * and then only a regular file is read. */
static char *
read_receipt_file (const char  *path,
                   gsize       *out_length,
                   GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  g_autofree char *display = ledger_quote_path (path);
  char *text = g_malloc (RECEIPT_TEXT_MAX + 2);
  GError *failed = NULL;
  struct stat info = { 0 };
  gsize length = 0;
  gssize got = 1;

  if (fd >= 0 && fstat (fd, &info) == 0 && S_ISREG (info.st_mode))
    while (length <= RECEIPT_TEXT_MAX &&
           (got = read (fd, text + length, RECEIPT_TEXT_MAX + 1 - length)) != 0)
      {
        if (got < 0 && errno != EINTR)
          break;
        length += got > 0 ? (gsize) got : 0;
      }
  if (fd < 0 || got < 0)
    g_set_error (&failed, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot read %s: %s"), display,
                 g_strerror (errno));
  else if (!S_ISREG (info.st_mode))
    g_set_error (&failed, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot read %s: %s"), display,
                 _("not a file"));
  else if (length > RECEIPT_TEXT_MAX || memchr (text, '\0', length) != NULL ||
           !g_utf8_validate_len (text, length, NULL))
    g_set_error (&failed, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                 _("%s is not the text of a receipt's QR code"), display);
  if (fd >= 0)
    close (fd);
  if (failed != NULL)
    {
      g_propagate_error (error, failed);
      g_free (text);
      return NULL;
    }
  text[length] = '\0';
  *out_length = length;
  return text;
}

gboolean
export_receipt_check_file (const char          *path,
                           ExportReceiptProof  *out_proof,
                           GError             **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  text = read_receipt_file (path, &length, error);
  return text != NULL && export_receipt_check (text, out_proof, error);
}

void
export_receipt_proof_clear (ExportReceiptProof *proof)
{
  g_return_if_fail (proof != NULL);
  g_clear_pointer (&proof->number, g_free);
  g_clear_pointer (&proof->unit, g_free);
}

/* export-xlsx-verify.c — verify for workbooks: export_workbook_verify()
 *
 * Recomputes the fingerprint from the Journal sheets of a workbook, read
 * row by row with export-xlsx-read.c so that no whole sheet is ever held,
 * and compares it with the Verification sheet and, when given, the book;
 * every other cell of every sheet is derived from the leaves again and
 * compared (export-xlsx-expect.c).
 */
#define G_LOG_DOMAIN "exports"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "export-xlsx-expect-private.h"
#include "export-xlsx-read-private.h"
#include "export-xlsx-private.h"
#include "ledger.h"

/* Where entry i of the journal was found: for messages. */
typedef struct
{
  guint32 row;
  guint16 sheet;
} Place;

typedef struct
{
  GPtrArray  *sheets;   /* the Journal sheets' names, in order */
  guint16     sheet;    /* the one being read */
  GArray     *hashes;   /* LedgerHash of entries 1, 2, 3 … */
  GArray     *places;   /* Place of each */
  GString    *leaf;
  guint32     last_row; /* of the sheet being read */
  ExportExpect *expect; /* every other cell, derived from the leaves */
} JournalCheck;

/* "日记账 row 58: …" */
static gboolean
row_error (JournalCheck  *c,
           guint32        row,
           GError       **error,
           const char    *problem)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, _("%s row %u: %s"),
               (const char *) g_ptr_array_index (c->sheets, c->sheet), row, problem);
  return FALSE;
}

/* The entry number in column A: a positive integer, possibly written "58.0". */
static gint64
cell_index (const ExportXlsxCell *cells,
            guint                 n_cells)
{
  const char *text = n_cells > EXPORT_JOURNAL_COL_INDEX ? cells[EXPORT_JOURNAL_COL_INDEX].value : NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value < 1 || value > 1e15 || value != (double) (gint64) value)
    return 0;
  return (gint64) value;
}

/* Joins the leaf columns (I, then J, K … while they have text). */
/* The value of the four hexadecimal digits at @p, or -1. */
static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

/* Appends @text with the _xHHHH_ escapes of the file format decoded
 * (export-xlsx.c escape_leaf writes them for control characters and for
 * an underscore that would start one). */
static void
append_unescaped (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      int value;

      if (p[0] == '_' && p[1] == 'x' && (value = hex4 (p + 2)) >= 0 && p[6] == '_')
        {
          g_string_append_unichar (out, (gunichar) value);
          p += 6;
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
cell_leaf (const ExportXlsxCell *cells,
           guint                 n_cells,
           GString              *out)
{
  g_string_truncate (out, 0);
  for (guint i = EXPORT_JOURNAL_COL_LEAF; i < n_cells && cells[i].value != NULL; i++)
    append_unescaped (out, cells[i].value);
}

/* A row with formatting but no values (a spreadsheet program may save some). */
static gboolean
row_is_empty (const ExportXlsxCell *cells,
              guint                 n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].value != NULL && *cells[i].value != '\0')
      return FALSE;
  return TRUE;
}

/* Checks one data row of a Journal sheet and keeps its leaf hash. */
static gboolean
journal_row_cb (guint32               row,
                const ExportXlsxCell *cells,
                guint                 n_cells,
                gpointer              user_data,
                GError              **error)
{
  JournalCheck *c = user_data;
  gint64 expected = (gint64) c->hashes->len + 1, index;
  g_autofree char *prefix = NULL, *problem = NULL;
  const char *hex = n_cells > EXPORT_JOURNAL_COL_HASH ? cells[EXPORT_JOURNAL_COL_HASH].value : NULL;
  LedgerHash claimed, actual;
  Place place = { row, c->sheet };

  if (row == 1)
    {
      if (n_cells <= EXPORT_JOURNAL_COL_LEAF ||
          g_strcmp0 (cells[EXPORT_JOURNAL_COL_LEAF].value, EXPORT_JOURNAL_LEAF_HEADER) != 0)
        return row_error (c, row, error, _("the leaf column is not where this version writes it; export the workbook again"));
      return export_expect_journal_header (g_ptr_array_index (c->sheets, c->sheet), cells, n_cells, error);
    }
  if (row_is_empty (cells, n_cells))
    return TRUE;
  c->last_row = row;
  /* Each entry keeps its hash until the tree is rebuilt: a bound on memory. */
  if (c->hashes->len >= EXPORT_XLSX_MAX_JOURNAL_ENTRIES)
    {
      problem = g_strdup_printf (_("more than %d journal entries"), EXPORT_XLSX_MAX_JOURNAL_ENTRIES);
      return row_error (c, row, error, problem);
    }
  if ((index = cell_index (cells, n_cells)) == 0)
    return row_error (c, row, error, _("the entry number is missing or not a whole number"));
  if (index != expected)
    {
      problem = g_strdup_printf (_("entry %" PRId64 " where entry %" PRId64 " was expected"),
                                 index, expected);
      return row_error (c, row, error, problem);
    }
  cell_leaf (cells, n_cells, c->leaf);
  if (hex == NULL || strlen (hex) != 64 || !ledger_hash_from_hex (hex, &claimed))
    return row_error (c, row, error, _("the leaf hash is not 64 hexadecimal digits"));
  ledger_merkle_leaf_hash ((const guint8 *) c->leaf->str, c->leaf->len, &actual);
  if (memcmp (&claimed, &actual, sizeof actual) != 0)
    return row_error (c, row, error, _("the leaf hash does not match its text"));
  prefix = g_strdup_printf ("\nindex: %" G_GINT64_FORMAT "\n", index);
  if ((!g_str_has_prefix (c->leaf->str, "community-ledger leaf v1\n") &&
       !g_str_has_prefix (c->leaf->str, "community-ledger leaf v2\n")) ||
      !g_str_has_prefix (c->leaf->str + strlen ("community-ledger leaf v1"), prefix))
    return row_error (c, row, error, _("the leaf text is not that of this entry"));
  if (c->expect != NULL &&
      !export_expect_journal_row (c->expect, g_ptr_array_index (c->sheets, c->sheet), row, cells, n_cells,
                                  c->leaf->str, error))
    return FALSE;
  g_array_append_val (c->hashes, actual);
  g_array_append_val (c->places, place);
  return TRUE;
}

/* The Journal sheets in workbook order: 日记账, 日记账2, 日记账3 … */
static GPtrArray *
journal_sheets (ExportXlsxReader  *reader,
                GError           **error)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (EXPORT_JOURNAL_SHEET)
                                     : g_strdup_printf ("%s%u", EXPORT_JOURNAL_SHEET, n);

      if (export_xlsx_reader_sheet_entry (reader, name) == NULL)
        break;
      g_ptr_array_add (sheets, g_steal_pointer (&name));
    }
  if (sheets->len == 0)
    {
      g_ptr_array_unref (sheets);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the workbook has no sheet named “%s”"), EXPORT_JOURNAL_SHEET);
      return NULL;
    }
  return sheets;
}

/* Reads every Journal sheet in order into @c. */
static gboolean
check_journal (ExportXlsxReader  *reader,
               JournalCheck      *c,
               GError           **error)
{
  c->sheets = journal_sheets (reader, error);
  if (c->sheets == NULL)
    return FALSE;
  for (c->sheet = 0; c->sheet < c->sheets->len; c->sheet++)
    {
      c->last_row = 1;
      if (!export_xlsx_reader_foreach_row (reader, g_ptr_array_index (c->sheets, c->sheet),
                                           journal_row_cb, c, error))
        return FALSE;
      export_expect_journal_sheet_done (c->expect, g_ptr_array_index (c->sheets, c->sheet), c->last_row);
    }
  return TRUE;
}

typedef struct
{
  char *fingerprint;
} FingerprintFind;

/* Finds the row labelled EXPORT_FINGERPRINT_LABEL on the Verification sheet. */
static gboolean
fingerprint_row_cb (guint32               row,
                    const ExportXlsxCell *cells,
                    guint                 n_cells,
                    gpointer              user_data,
                    GError              **error)
{
  FingerprintFind *f = user_data;

  if (f->fingerprint == NULL && n_cells >= 2 &&
      g_strcmp0 (cells[0].value, EXPORT_FINGERPRINT_LABEL) == 0 && cells[1].value != NULL)
    f->fingerprint = g_strdup (cells[1].value);
  return TRUE;
}

/* The fingerprint the Verification sheet claims. */
static gboolean
read_claimed_head (ExportXlsxReader  *reader,
                   LedgerTreeHead    *out,
                   GError           **error)
{
  FingerprintFind f = { NULL };
  g_autofree char *field = g_strdup_printf ("%s!%s", EXPORT_VERIFICATION_SHEET, EXPORT_FINGERPRINT_LABEL);
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (!export_xlsx_reader_foreach_row (reader, EXPORT_VERIFICATION_SHEET, fingerprint_row_cb, &f, error))
    return FALSE;
  if (f.fingerprint == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the %s sheet has no fingerprint"), EXPORT_VERIFICATION_SHEET);
      return FALSE;
    }
  ok = ledger_tree_head_parse (f.fingerprint, field, out, &local);
  g_free (f.fingerprint);
  if (!ok)
    g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, local->message);
  return ok;
}

typedef struct
{
  JournalCheck *check;
  GError       *difference;
} BookCompare;

/* Stops at the first of the book's entries that differs from the workbook's. */
static gboolean
compare_leaf_cb (const LedgerLeaf  *leaf,
                 gpointer           user_data,
                 GError           **error)
{
  BookCompare *b = user_data;
  JournalCheck *c = b->check;
  const Place *place;

  if (b->difference != NULL || leaf->index < 1 || (guint64) leaf->index > c->hashes->len ||
      memcmp (&leaf->hash, &g_array_index (c->hashes, LedgerHash, leaf->index - 1), sizeof leaf->hash) == 0)
    return TRUE;
  place = &g_array_index (c->places, Place, leaf->index - 1);
  g_set_error (&b->difference, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("%s row %u: entry %" PRId64 " (%s %s %s) differs from the book"),
               (const char *) g_ptr_array_index (c->sheets, place->sheet), place->row,
               leaf->index, leaf->kind, leaf->date, leaf->ref);
  return TRUE;
}

/* Compares the workbook's entries with the book's first as many. */
static gboolean
compare_with_book (LedgerBook            *book,
                   JournalCheck          *c,
                   const LedgerTreeHead  *head,
                   GError               **error)
{
  BookCompare b = { c, NULL };
  LedgerTreeHead book_head;
  gint64 count = ledger_journal_count (book, error);

  if (count < 0)
    return FALSE;
  if ((guint64) count < head->size)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the workbook has %" PRIu64 " entries but the book only %" PRId64),
                   head->size, count);
      return FALSE;
    }
  if (!ledger_fingerprint_head_at (book, head->size, &book_head, error))
    return FALSE;
  if (memcmp (&book_head.root, &head->root, sizeof head->root) == 0)
    return TRUE;
  if (!ledger_journal_foreach_leaf (book, compare_leaf_cb, &b, error))
    return FALSE;
  if (b.difference == NULL)
    g_set_error (&b.difference, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                 _("the book's fingerprint at %" PRIu64 " entries differs from the workbook's; run verify on the book"),
                 head->size);
  g_propagate_error (error, b.difference);
  return FALSE;
}

/* The fingerprint the Journal sheets give, against the one claimed. */
static gboolean
check_head (JournalCheck          *c,
            const LedgerTreeHead  *claimed,
            LedgerTreeHead        *out,
            GError               **error)
{
  g_autofree char *computed = NULL, *shown = NULL;

  out->size = c->hashes->len;
  if (!ledger_merkle_root (ledger_merkle_array_subtree, c->hashes, out->size, &out->root, error))
    return FALSE;
  if (out->size == claimed->size && memcmp (&out->root, &claimed->root, sizeof out->root) == 0)
    return TRUE;
  computed = ledger_tree_head_format (out);
  shown = ledger_tree_head_format (claimed);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the %s sheets give the fingerprint %s, but the %s sheet says %s"),
               EXPORT_JOURNAL_SHEET, computed, EXPORT_VERIFICATION_SHEET, shown);
  return FALSE;
}

gboolean
export_workbook_verify (const char  *path,
                        LedgerBook  *book,
                        char       **out_fingerprint,
                        GError     **error)
{
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (path, error);
  g_autoptr(ExportExpect) expect = export_expect_new ();
  JournalCheck c = { NULL, 0, g_array_new (FALSE, FALSE, sizeof (LedgerHash)),
                     g_array_new (FALSE, FALSE, sizeof (Place)), g_string_new (NULL), 0, expect };
  LedgerTreeHead claimed, head;
  gboolean ok;

  /* The leaves first (they are what the fingerprint covers), then every
   * other cell against what they say, then the book. */
  ok = reader != NULL &&
       read_claimed_head (reader, &claimed, error) &&
       export_expect_read_period (expect, reader, error) &&
       check_journal (reader, &c, error) &&
       check_head (&c, &claimed, &head, error) &&
       export_expect_check_sheets (expect, reader, &head, error) &&
       (book == NULL || compare_with_book (book, &c, &head, error));
  if (ok && out_fingerprint != NULL)
    *out_fingerprint = ledger_tree_head_format (&head);
  g_clear_pointer (&c.sheets, g_ptr_array_unref);
  g_array_unref (c.hashes);
  g_array_unref (c.places);
  g_string_free (c.leaf, TRUE);
  return ok;
}

/* ------------------------------------------------------------------ */
/* A workbook just written */

/* Whether @bytes are one whole XML document (its elements all closed). */
static gboolean
check_xml_part (GBytes      *bytes,
                GError     **error)
{
  static const GMarkupParser nothing = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_markup_parse_context_parse (context, data, (gssize) length, error) &&
         g_markup_parse_context_end_parse (context, error);
}

gboolean
export_workbook_check_written (const char  *path,
                               GError     **error)
{
  g_autoptr(ExportXlsxReader) reader = export_xlsx_reader_open (path, error);
  g_autoptr(GHashTable) sheet_entries = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const *names;

  if (reader == NULL)
    return FALSE;
  /* The sheets are streamed (a journal sheet may be tens of MB):
   * inflated whole, their CRC checked, and their last bytes the end of a
   * worksheet. Parsing every row again would double the export's time to
   * prove what the CRC already does: the bytes are the ones written, and
   * libxlsxwriter wrote them as XML. */
  names = export_xlsx_reader_sheet_names (reader);
  for (gsize i = 0; names[i] != NULL; i++)
    {
      const char *entry = export_xlsx_reader_sheet_entry (reader, names[i]);
      char tail[EXPORT_XLSX_TAIL_BYTES + 1];
      gsize length = 0;

      if (entry == NULL)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, _("sheet %s has no part"), names[i]);
          return FALSE;
        }
      g_hash_table_add (sheet_entries, (gpointer) entry);
      if (!export_xlsx_reader_check_entry (reader, entry, tail, &length, error))
        return FALSE;
      tail[length] = '\0';
      g_strchomp (tail);
      if (!g_str_has_suffix (tail, "</worksheet>"))
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY, _("sheet %s does not end as a worksheet does"),
                       names[i]);
          return FALSE;
        }
    }
  /* Every other part is small: read whole (its CRC checked) and, when it
   * is XML, parsed to its end. */
  names = export_xlsx_reader_entries (reader);
  for (gsize i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (g_hash_table_contains (sheet_entries, names[i]) || g_str_has_suffix (names[i], "/"))
        continue;
      bytes = export_xlsx_reader_read_entry (reader, names[i], error);
      if (bytes == NULL)
        return FALSE;
      if ((g_str_has_suffix (names[i], ".xml") || g_str_has_suffix (names[i], ".rels")) &&
          !check_xml_part (bytes, error))
        {
          g_prefix_error (error, "%s: ", names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

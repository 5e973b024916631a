/* export-xlsx-read-private.h — just enough of an XLSX reader to verify a
 * workbook
 *
 * Reads the ZIP central directory, inflates entries as a stream (raw
 * deflate through zlib, CRC-32 checked) and parses worksheets row by row
 * with GMarkupParser, so a journal sheet of a million rows is never held
 * in memory. Understands inline strings (what libxlsxwriter writes in
 * constant-memory mode) and shared strings (what a spreadsheet program
 * writes when it saves the file again). Text is returned exactly as the
 * XML holds it: "_xHHHH_" escapes are not decoded, which is why the export
 * refuses leaves with control characters (the ledger never makes any).
 *
 * Also the layout that export-xlsx.c writes and export_workbook_verify()
 * (export-xlsx-verify.c) reads, so that the two cannot drift apart.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Journal sheets: "日记账", then "日记账2", "日记账3" … past
 * EXPORT_JOURNAL_ROWS_PER_SHEET entries; row 1 holds the headers. */
#define EXPORT_JOURNAL_SHEET          "日记账"
#define EXPORT_JOURNAL_ROWS_PER_SHEET 1048575u
#define EXPORT_JOURNAL_COL_INDEX      0   /* A: the entry number */
#define EXPORT_JOURNAL_COL_HASH       7   /* H: the leaf hash, 64 hex digits */
#define EXPORT_JOURNAL_COL_FUNDS      8   /* I: the change in the committee's funds */
#define EXPORT_JOURNAL_COL_LEAF       9   /* J: the canonical leaf; K, L … continue it */
/* The leaf column's header: verify finds the column by it, so that a
 * workbook written before the funds column was added still verifies. */
#define EXPORT_JOURNAL_LEAF_HEADER    "规范叶文本（过长时续写于右侧各列）"
/* A leaf longer than this many characters continues in the next column,
 * split after a line feed: within Excel's 32,767 UTF-16 units per cell. */
#define EXPORT_JOURNAL_LEAF_PART      16383

/* The Verification sheet: the fingerprint is in column B of the row whose
 * column A reads EXPORT_FINGERPRINT_LABEL. */
#define EXPORT_VERIFICATION_SHEET     "校验"
#define EXPORT_FINGERPRINT_LABEL      "指纹"

/* What the reader accepts of a workbook it is handed: a crafted file (a
 * "zip bomb" of deflated zeros, a part that claims more than it holds, a
 * huge shared-strings table, elements nested a million deep) must fail
 * with a clear message, not take the machine's memory. Parts are streamed,
 * so the sizes bound time; the counts and the text held at once bound
 * memory. The auditor's workbook of a 5,000-household, ten-year book is
 * about 60 MB inflated, with 15 parts. */
#define EXPORT_XLSX_MAX_ENTRIES          10000             /* parts in the ZIP directory */
#define EXPORT_XLSX_MAX_DIRECTORY_BYTES  (4 * 1024 * 1024) /* the ZIP directory itself */
#define EXPORT_XLSX_MAX_PART_BYTES       (512 * 1024 * 1024)  /* one part, inflated */
#define EXPORT_XLSX_MAX_TOTAL_BYTES      G_GUINT64_CONSTANT (1073741824) /* all parts read, inflated (1 GiB) */
#define EXPORT_XLSX_MAX_READ_BYTES       (16 * 1024 * 1024) /* a part read whole into memory */
#define EXPORT_XLSX_MAX_SHARED_STRINGS   2000000           /* entries of the shared strings */
#define EXPORT_XLSX_MAX_SHARED_BYTES     (64 * 1024 * 1024) /* their text, all together */
#define EXPORT_XLSX_MAX_CELL_BYTES       (128 * 1024)      /* one cell's text (Excel: 32,767 characters) */
#define EXPORT_XLSX_MAX_ROW_BYTES        (4 * 1024 * 1024) /* one row's text */
#define EXPORT_XLSX_MAX_XML_DEPTH        64                /* elements inside elements */
#define EXPORT_XLSX_MAX_XML_TOKEN_BYTES  (1024 * 1024)     /* between one '<' or '>' and the next */
#define EXPORT_XLSX_MAX_JOURNAL_ENTRIES  4000000           /* journal rows verified (48 bytes each kept) */

typedef struct _ExportXlsxReader ExportXlsxReader;

typedef struct
{
  const char *value;    /* the cell's text, or a number as written ("58"); NULL when empty */
  const char *formula;  /* the formula without "=", NULL when the cell has none */
} ExportXlsxCell;

/* Called once per row that has cells: @row is 1-based, @cells[0] is
 * column A, and there are @n_cells of them (missing ones are empty). */
typedef gboolean (*ExportXlsxRowFunc) (guint32               row,
                                       const ExportXlsxCell *cells,
                                       guint                 n_cells,
                                       gpointer              user_data,
                                       GError              **error);

/* Opens @path and reads its directory and sheet list. LEDGER_ERROR_IO when
 * the file cannot be read, LEDGER_ERROR_VERIFY when it is not a workbook. */
ExportXlsxReader *export_xlsx_reader_open (const char  *path,
                                           GError     **error);
void              export_xlsx_reader_free (ExportXlsxReader *reader);

/* The sheet names in workbook order, NULL-terminated. */
const char * const *export_xlsx_reader_sheet_names (ExportXlsxReader *reader);

/* The ZIP entry that holds sheet @name ("xl/worksheets/sheet7.xml"), or NULL. */
const char *export_xlsx_reader_sheet_entry (ExportXlsxReader *reader,
                                            const char       *name);

/* The names of every ZIP entry, in directory order, NULL-terminated. */
const char * const *export_xlsx_reader_entries (ExportXlsxReader *reader);

/* The whole (inflated) content of ZIP entry @name. */
GBytes *export_xlsx_reader_read_entry (ExportXlsxReader  *reader,
                                       const char        *name,
                                       GError           **error);

/* Inflates ZIP entry @name to its end without keeping it, checking its
 * size and CRC-32, and gives its last bytes (at most
 * EXPORT_XLSX_TAIL_BYTES) in @out_tail: whether a part was written whole,
 * for the price of inflating it. */
#define EXPORT_XLSX_TAIL_BYTES 64
gboolean export_xlsx_reader_check_entry (ExportXlsxReader  *reader,
                                         const char        *name,
                                         char              *out_tail,
                                         gsize             *out_length,
                                         GError           **error);

/* Streams the rows of sheet @name, in order, to @func; stops at the first
 * FALSE it returns and passes its error on. */
gboolean export_xlsx_reader_foreach_row (ExportXlsxReader   *reader,
                                         const char         *name,
                                         ExportXlsxRowFunc   func,
                                         gpointer            user_data,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportXlsxReader, export_xlsx_reader_free)

G_END_DECLS

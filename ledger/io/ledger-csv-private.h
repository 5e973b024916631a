/* ledger-csv-private.h — decoding and splitting a CSV file, for the import */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fields kept of one row: a household or a payment has a dozen. */
#define LEDGER_CSV_MAX_FIELDS 1000

/* Reads the rows of a UTF-8 text, which must outlive the reader. */
typedef struct
{
  const char *p;
  const char *end;
  guint       line; /* the physical line *p is on, 1-based */
} LedgerCsvReader;

typedef struct
{
  guint      line;    /* the physical line the row starts on */
  GPtrArray *fields;  /* char *, trimmed */
  char      *problem; /* a malformed quote, or NULL */
} LedgerCsvRow;

/* Returns the text of a file's @length bytes @data as UTF-8, with no byte
 * order mark, and sets @out_encoding to "UTF-8" or "GB18030". Refuses
 * binary files and text in any other encoding, naming the file @display. */
char *ledger_csv_decode (const char  *data,
                         gsize        length,
                         const char  *display,
                         char       **out_encoding,
                         GError     **error);

/* Starts reading @text (NUL-terminated UTF-8) at its first line. */
void ledger_csv_reader_init (LedgerCsvReader *reader,
                             const char      *text);

/* Splits off the next row by RFC 4180 that has something in it, skipping
 * blank lines and rows of empty fields; NULL at the end of the text. A
 * row with bad quoting is returned with its problem set. */
LedgerCsvRow *ledger_csv_reader_next (LedgerCsvReader *reader);

/* Frees a row with its fields. */
void ledger_csv_row_free (LedgerCsvRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerCsvRow, ledger_csv_row_free)

G_END_DECLS

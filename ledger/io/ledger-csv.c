/* ledger-csv.c — decoding a CSV file and splitting it into rows
 *
 * The household import reads registers that spreadsheets saved: UTF-8,
 * with or without BOM, or GB18030 as Excel on a Chinese Windows saves it.
 * ledger_csv_decode() turns the bytes into UTF-8 text, and the reader
 * splits that text into rows of trimmed fields by RFC 4180, remembering
 * the physical line each row starts on so that problems can name it.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-csv-private.h"
#include "ledger-error.h"

static const char utf8_bom[] = "\xef\xbb\xbf";

/* ------------------------------------------------------------------ */
/* Decoding the file */

/* Converts the bytes of a file that is not UTF-8 from GB18030, the
 * encoding Excel on a Chinese Windows saves "CSV" in. */
static char *
convert_gb18030 (const char  *data,
                 gsize        length,
                 const char  *display,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = g_convert (data, (gssize) length, "UTF-8", "GB18030",
                                     NULL, NULL, &local_error);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s is neither UTF-8 nor GB18030 text; save it as CSV (UTF-8)"),
                   display);
      return NULL;
    }
  /* GB18030 has a byte order mark too; it decodes to U+FEFF. */
  if (g_str_has_prefix (text, utf8_bom))
    return g_strdup (text + strlen (utf8_bom));
  return g_steal_pointer (&text);
}

/* TRUE when @line (of @length bytes) has a byte outside ASCII. */
static gboolean
has_non_ascii (const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) line[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* A file that is not UTF-8 as a whole may still be UTF-8 line by line
 * where someone pasted rows from another file into a GB18030 register (or
 * the other way round). Decoded as GB18030, the UTF-8 lines would come out
 * as plausible-looking wrong names ("张三" as "寮犱笁"), so a file whose
 * non-ASCII lines disagree is refused, naming one line of each kind. A
 * GB18030 line is valid UTF-8 by chance only rarely: Chinese text in it
 * would have to fall on UTF-8's lead/continuation pattern throughout. */
static gboolean
check_one_encoding (const char  *data,
                    gsize        length,
                    const char  *display,
                    GError     **error)
{
  guint utf8_line = 0, other_line = 0, number = 1;
  const char *end = data + length;

  for (const char *line = data; line < end; number++)
    {
      const char *eol = memchr (line, '\n', (gsize) (end - line));
      gsize line_length = (gsize) ((eol != NULL ? eol : end) - line);

      if (has_non_ascii (line, line_length))
        {
          if (g_utf8_validate (line, (gssize) line_length, NULL))
            utf8_line = utf8_line != 0 ? utf8_line : number;
          else
            other_line = other_line != 0 ? other_line : number;
        }
      if (utf8_line != 0 && other_line != 0)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                       _("%s mixes two encodings (line %u is UTF-8, line %u is not); "
                         "save it again as CSV (UTF-8)"),
                       display, utf8_line, other_line);
          return FALSE;
        }
      line = eol != NULL ? eol + 1 : end;
    }
  return TRUE;
}

/* Returns the text of the file as UTF-8 and says which encoding it was
 * in. A NUL byte means a binary file (an .xlsx, UTF-16 text): neither
 * encoding has one in text, so it is refused before guessing. */
char *
ledger_csv_decode (const char  *data,
                   gsize        length,
                   const char  *display,
                   char       **out_encoding,
                   GError     **error)
{
  char *text;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (out_encoding != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("%s is not a CSV text file; save the spreadsheet as CSV (UTF-8)"),
                   display);
      return NULL;
    }
  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate (data, (gssize) length, NULL))
    {
      *out_encoding = g_strdup ("UTF-8");
      return g_strndup (data, length);
    }
  if (!check_one_encoding (data, length, display, error))
    return NULL;
  text = convert_gb18030 (data, length, display, error);
  if (text != NULL)
    *out_encoding = g_strdup ("GB18030");
  return text;
}

/* ------------------------------------------------------------------ */
/* Splitting CSV (RFC 4180) */

/* Keeps the first thing wrong with a row's quoting. */
static void
csv_row_set_problem (LedgerCsvRow *row,
                     const char   *problem)
{
  if (row->problem == NULL)
    row->problem = g_strdup (problem);
}

/* TRUE on a CR or LF: where a row (or a quoted field's line) ends. */
static gboolean
csv_at_line_end (const LedgerCsvReader *reader)
{
  return reader->p < reader->end && (*reader->p == '\n' || *reader->p == '\r');
}

/* TRUE at a comma, a line break or the end: where a field stops. */
static gboolean
csv_at_field_end (const LedgerCsvReader *reader)
{
  return reader->p >= reader->end || *reader->p == ',' || csv_at_line_end (reader);
}

/* Moves past one line break: CRLF, LF or a lone CR (old Mac Excel). */
static void
csv_skip_line_end (LedgerCsvReader *reader)
{
  if (*reader->p++ == '\r' && reader->p < reader->end && *reader->p == '\n')
    reader->p++;
  reader->line++;
}

/* Skips spaces and tabs around a field, which RFC 4180 would keep but
 * which no column of the register means anything by. */
static void
csv_skip_blanks (LedgerCsvReader *reader)
{
  while (reader->p < reader->end && (*reader->p == ' ' || *reader->p == '\t'))
    reader->p++;
}

/* Reads a quoted field, *p being on its opening quote, into @value:
 * "" stands for one quote, commas and line breaks are part of the field.
 * Returns FALSE when the file ends before the closing quote. */
static gboolean
csv_read_quoted (LedgerCsvReader *reader,
                 GString         *value)
{
  reader->p++;
  while (reader->p < reader->end)
    {
      const char *start = reader->p;

      if (*reader->p == '"' && reader->p + 1 < reader->end && reader->p[1] == '"')
        {
          g_string_append_c (value, '"');
          reader->p += 2;
        }
      else if (*reader->p == '"')
        {
          reader->p++;
          return TRUE;
        }
      else if (csv_at_line_end (reader))
        {
          csv_skip_line_end (reader);
          g_string_append_len (value, start, reader->p - start);
        }
      else
        g_string_append_c (value, *reader->p++);
    }
  return FALSE;
}

/* Reads an unquoted field (or what follows a closing quote) up to the
 * next comma or line break. */
static void
csv_read_unquoted (LedgerCsvReader *reader,
                   GString         *value)
{
  while (!csv_at_field_end (reader))
    g_string_append_c (value, *reader->p++);
}

/* Removes ASCII whitespace and ideographic spaces (U+3000, which a
 * Chinese input method types) from both ends of @text, in place. */
static char *
trim_field (char *text)
{
  static const char ideographic_space[] = "\xe3\x80\x80";
  const gsize n = strlen (ideographic_space);
  gboolean trimmed;

  do
    {
      gsize len = strlen (g_strstrip (text));

      trimmed = FALSE;
      if (g_str_has_prefix (text, ideographic_space))
        {
          memmove (text, text + n, len - n + 1);
          trimmed = TRUE;
        }
      else if (g_str_has_suffix (text, ideographic_space))
        {
          text[len - n] = '\0';
          trimmed = TRUE;
        }
    }
  while (trimmed);
  return text;
}

/* Reads one field of @row, quoted or not, and leaves *p on the comma or
 * line break after it. */
static void
csv_read_field (LedgerCsvReader *reader,
                LedgerCsvRow    *row)
{
  GString *value = g_string_new (NULL);

  csv_skip_blanks (reader);
  if (reader->p < reader->end && *reader->p == '"')
    {
      if (!csv_read_quoted (reader, value))
        csv_row_set_problem (row, _("a quoted field is not closed (a \" is missing)"));
      csv_skip_blanks (reader);
      if (!csv_at_field_end (reader))
        {
          csv_row_set_problem (row, _("text after the closing quote of a field "
                                      "(write a quote inside a quoted field as \"\")"));
          csv_read_unquoted (reader, value);
        }
    }
  else
    csv_read_unquoted (reader, value);

  /* A line of 60 million commas would be 60 million fields (9 GB): past
   * the bound a field is not kept, and one with text in it is a problem;
   * the empty ones spreadsheets pad rows with are dropped. */
  if (row->fields->len >= LEDGER_CSV_MAX_FIELDS)
    {
      char *text = trim_field (g_string_free (value, FALSE));

      if (*text != '\0')
        {
          g_autofree char *why = g_strdup_printf (_("a row has more than %d fields"), LEDGER_CSV_MAX_FIELDS);

          csv_row_set_problem (row, why);
        }
      g_free (text);
      return;
    }
  g_ptr_array_add (row->fields, trim_field (g_string_free (value, FALSE)));
}

/* Reads the row at *p, or returns NULL at the end of the text. */
static LedgerCsvRow *
csv_read_row (LedgerCsvReader *reader)
{
  LedgerCsvRow *row;

  if (reader->p >= reader->end)
    return NULL;

  row = g_new0 (LedgerCsvRow, 1);
  row->line = reader->line;
  row->fields = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      csv_read_field (reader, row);
      if (reader->p >= reader->end || *reader->p != ',')
        break;
      reader->p++;
    }
  if (reader->p < reader->end)
    csv_skip_line_end (reader);
  return row;
}

/* TRUE for a row with nothing in it: an empty line, or the ",,,,,"
 * spreadsheets write for rows that were formatted but never filled. */
static gboolean
csv_row_is_blank (const LedgerCsvRow *row)
{
  if (row->problem != NULL)
    return FALSE;
  for (guint i = 0; i < row->fields->len; i++)
    if (*(const char *) g_ptr_array_index (row->fields, i) != '\0')
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The row iterator */

/* Starts reading @text at its first line. */
void
ledger_csv_reader_init (LedgerCsvReader *reader,
                        const char      *text)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (text != NULL);

  reader->p = text;
  reader->end = text + strlen (text);
  reader->line = 1;
}

/* Reads the next row that has something in it, or NULL at the end. */
LedgerCsvRow *
ledger_csv_reader_next (LedgerCsvReader *reader)
{
  LedgerCsvRow *row;

  g_return_val_if_fail (reader != NULL, NULL);

  while ((row = csv_read_row (reader)) != NULL && csv_row_is_blank (row))
    ledger_csv_row_free (row);
  return row;
}

/* Frees a row with its fields. */
void
ledger_csv_row_free (LedgerCsvRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->fields);
  g_free (row->problem);
  g_free (row);
}

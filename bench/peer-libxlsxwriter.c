/* peer-libxlsxwriter.c — the practical limit for the XLSX export.
 *
 * Replays the cells of the app's own workbook (cells.bin, made by
 * bench/cells.py from one export of the benchmark book) with bare
 * libxlsxwriter in constant_memory mode: the same sheets, the same number of
 * cells of the same types (strings, numbers, dates, formulas with their
 * cached values) and the same text, then fsync()s the file like the app
 * does. Nothing else: no SQLite, no checks, no hashing.
 *
 *   cc -O2 peer-libxlsxwriter.c -o peer $(pkg-config --cflags --libs xlsxwriter)
 *   peer CELLS.bin OUT.xlsx
 *
 * cells.bin, little-endian:
 *   header  "CLCELLS1" u16 nsheets { u16 len, name } u16 nformats { u16 len, num_format }
 *   records 'S' u16 sheet
 *           'N' u32 row u16 col u8 fmt f64 value
 *           'T' u32 row u16 col u8 fmt u32 len bytes
 *           'D' u32 row u16 col u8 fmt u16 year u8 month u8 day u8 hour u8 min u8 sec
 *           'F' u32 row u16 col u8 fmt u32 len formula f64 cached value
 *           'E' end
 * Format 0 is "no format".
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

static FILE *in;

static void
die (const char *what)
{
  fprintf (stderr, "peer-libxlsxwriter: %s\n", what);
  exit (1);
}

static void
get (void *buf, size_t n)
{
  if (n > 0 && fread (buf, 1, n, in) != n)
    die ("cells file is truncated");
}

static uint8_t  get_u8 (void)  { uint8_t v; get (&v, 1); return v; }
static uint16_t get_u16 (void) { uint16_t v; get (&v, 2); return v; }
static uint32_t get_u32 (void) { uint32_t v; get (&v, 4); return v; }
static double   get_f64 (void) { double v; get (&v, 8); return v; }

/* A growing buffer for strings, NUL-terminated. */
static char  *text;
static size_t text_cap;

static char *
get_text (void)
{
  uint32_t len = get_u32 ();

  if (len + 1 > text_cap)
    {
      text_cap = (len + 1) * 2;
      if ((text = realloc (text, text_cap)) == NULL)
        die ("out of memory");
    }
  get (text, len);
  text[len] = '\0';
  return text;
}

int
main (int argc, char **argv)
{
  char magic[8], name[256];
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_workbook *wb;
  lxw_worksheet **sheets;
  lxw_format **formats;
  lxw_worksheet *ws = NULL;
  uint16_t nsheets, nformats;
  int fd;

  if (argc != 3)
    die ("usage: peer-libxlsxwriter CELLS.bin OUT.xlsx");
  if ((in = fopen (argv[1], "rb")) == NULL)
    die ("cannot open the cells file");
  setvbuf (in, NULL, _IOFBF, 1 << 20);
  get (magic, 8);
  if (memcmp (magic, "CLCELLS1", 8) != 0)
    die ("not a cells file");

  if ((wb = workbook_new_opt (argv[2], &options)) == NULL)
    die ("cannot create the workbook");

  /* constant_memory: every sheet is created first, in order. */
  nsheets = get_u16 ();
  sheets = calloc (nsheets, sizeof *sheets);
  for (uint16_t i = 0; i < nsheets; i++)
    {
      uint16_t len = get_u16 ();

      if (len >= sizeof name)
        die ("sheet name too long");
      get (name, len);
      name[len] = '\0';
      sheets[i] = workbook_add_worksheet (wb, name);
    }

  nformats = get_u16 ();
  formats = calloc (nformats + 1u, sizeof *formats);
  for (uint16_t i = 0; i < nformats; i++)
    {
      char *num_format = get_text ();

      if (i == 0)
        continue;               /* format 0: none */
      formats[i] = workbook_add_format (wb);
      format_set_num_format (formats[i], num_format);
    }

  for (;;)
    {
      int kind = get_u8 ();
      uint32_t row;
      uint16_t col;
      uint8_t fmt;

      if (kind == 'E')
        break;
      if (kind == 'S')
        {
          ws = sheets[get_u16 ()];
          continue;
        }
      row = get_u32 ();
      col = get_u16 ();
      fmt = get_u8 ();
      if (fmt >= nformats)
        die ("bad format index");
      switch (kind)
        {
        case 'N':
          worksheet_write_number (ws, row, col, get_f64 (), formats[fmt]);
          break;
        case 'T':
          worksheet_write_string (ws, row, col, get_text (), formats[fmt]);
          break;
        case 'D':
          {
            lxw_datetime dt;

            dt.year = get_u16 ();
            dt.month = get_u8 ();
            dt.day = get_u8 ();
            dt.hour = get_u8 ();
            dt.min = get_u8 ();
            dt.sec = get_u8 ();
            worksheet_write_datetime (ws, row, col, &dt, formats[fmt]);
            break;
          }
        case 'F':
          {
            char *formula = strdup (get_text ());
            double value = get_f64 ();

            worksheet_write_formula_num (ws, row, col, formula, formats[fmt], value);
            free (formula);
            break;
          }
        default:
          die ("bad record");
        }
    }

  if (workbook_close (wb) != LXW_NO_ERROR)
    die ("cannot write the workbook");
  /* The app flushes its export to disk before renaming it: so does the peer. */
  if ((fd = open (argv[2], O_RDONLY)) < 0 || fsync (fd) != 0)
    die ("cannot fsync the workbook");
  close (fd);
  fclose (in);
  return 0;
}

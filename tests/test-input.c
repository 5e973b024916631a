/* test-input.c — the bounded reader and the quoting of file names
 *
 * ledger_input_read() must accept exactly @limit bytes and refuse one
 * more, whatever the source (a file, a pipe); ledger_quote_path() must
 * leave no control character, keep a long name's end and show every
 * byte that is not UTF-8.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "book-fixture.h"
#include "ledger-input-private.h"

/* TRUE when @text holds no C0/C1 control, DEL or invisible control. */
static gboolean
is_printable_line (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) ||
          (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

static void
test_quote_every_byte (void)
{
  /* Every single byte, alone and between letters. */
  for (int b = 1; b < 256; b++)
    {
      char name[4] = { 'a', (char) b, 'z', '\0' };
      g_autofree char *quoted = ledger_quote_path (name);

      g_assert_true (is_printable_line (quoted));
      g_assert_true (g_str_has_prefix (quoted, "a"));
      g_assert_true (g_str_has_suffix (quoted, "z"));
    }
}

static void
test_quote_escapes (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "a\nb", "a\\nb" },
    { "a\rb", "a\\rb" },
    { "a\tb", "a\\tb" },
    { "\x1b[31mred", "\\e[31mred" },
    { "a\x01", "a\\x01" },
    { "a\x7f", "a\\x7F" },
    { "a\xff\xfe", "a\\xFF\\xFE" },
    { "a\\n", "a\\\\n" },
    { "a\xe2\x80\xae" "b", "a\\u202Eb" },     /* RIGHT-TO-LEFT OVERRIDE */
    { "a\xe2\x80\x8b" "b", "a\\u200Bb" },     /* ZERO WIDTH SPACE */
    { "a\xc2\x85" "b", "a\\u0085b" },         /* NEXT LINE (C1) */
    { "账本.clbook", "账本.clbook" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = ledger_quote_path (cases[i].in);

      g_assert_cmpstr (quoted, ==, cases[i].out);
    }
  {
    g_autofree char *none = ledger_quote_path (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

static void
test_quote_long_keeps_end (void)
{
  for (guint n = LEDGER_QUOTE_PATH_MAX_CHARS - 2; n < LEDGER_QUOTE_PATH_MAX_CHARS * 20; n += 37)
    {
      g_autoptr(GString) name = g_string_new ("/start/");
      g_autofree char *quoted = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (name, i % 3 == 0 ? "\n" : i % 3 == 1 ? "x" : "账");
      g_string_append (name, "/the-end.csv");
      quoted = ledger_quote_path (name->str);
      g_assert_true (is_printable_line (quoted));
      g_assert_true (g_str_has_prefix (quoted, "/start/"));
      g_assert_true (g_str_has_suffix (quoted, "/the-end.csv"));
      g_assert_cmpuint (g_utf8_strlen (quoted, -1), <=, 2 * (LEDGER_QUOTE_PATH_HEAD + LEDGER_QUOTE_PATH_TAIL) + 1);
    }
}

static void
test_quote_controls_keeps_backslashes (void)
{
  g_autofree char *line = ledger_quote_controls ("x\\ny\nz\x1b\xff");

  g_assert_cmpstr (line, ==, "x\\ny\\nz\\e\\xFF");
}

/* A file of @size bytes in a new folder. */
static char *
make_file (const char *dir,
           gsize       size)
{
  char *path = g_strdup_printf ("%s/%" G_GSIZE_FORMAT ".bin", dir, size);
  g_autofree char *data = g_malloc0 (MAX (size, 1));

  g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));
  return path;
}

static void
test_read_limit_exact (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-input-XXXXXX", NULL);
  const gsize limits[] = { 0, 1, 100, 65535, 65536, 65537, 200000 };

  for (gsize i = 0; i < G_N_ELEMENTS (limits); i++)
    for (int delta = -1; delta <= 1; delta++)
      {
        gsize size = (gsize) ((gssize) limits[i] + delta);
        g_autofree char *path = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;

        if (limits[i] == 0 && delta < 0)
          continue;
        path = make_file (dir, size);
        bytes = ledger_input_read (path, "--x", limits[i], "too big", LEDGER_INPUT_DEFAULT, &error);
        if (size <= limits[i])
          {
            g_assert_no_error (error);
            g_assert_cmpuint (g_bytes_get_size (bytes), ==, size);
            /* NUL-terminated past the data, like g_file_get_contents. */
            g_assert_cmpint (((const char *) g_bytes_get_data (bytes, NULL))[size], ==, 0);
          }
        else
          {
            g_assert_null (bytes);
            g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
            g_assert_nonnull (strstr (error->message, "--x"));
            g_assert_nonnull (strstr (error->message, "too big"));
          }
      }
  book_fixture_remove_tree (dir);
}

static void
test_read_refusals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-input-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "a\nfifo", NULL);
  g_autofree char *missing = g_build_filename (dir, "no\x1b[31m-such", NULL);
  struct { const char *path; LedgerInputFlags flags; } cases[] = {
    { dir, LEDGER_INPUT_DEFAULT },                 /* a folder */
    { missing, LEDGER_INPUT_DEFAULT },
    { "/dev/null", LEDGER_INPUT_REGULAR_ONLY },
    { "/dev/zero", LEDGER_INPUT_REGULAR_ONLY },
    { fifo, LEDGER_INPUT_REGULAR_ONLY },           /* no writer: must not wait */
    { "/dev/zero", LEDGER_INPUT_DEFAULT },         /* endless: refused past the limit */
    { "/dev/urandom", LEDGER_INPUT_DEFAULT },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ledger_input_read (cases[i].path, NULL, 1024 * 1024, NULL,
                                                   cases[i].flags, &error);

      g_assert_null (bytes);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_true (is_printable_line (error->message));
    }
  /* A FIFO without a writer reads as empty rather than blocking. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = ledger_input_read (fifo, NULL, 10, NULL, LEDGER_INPUT_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  }
  book_fixture_remove_tree (dir);
}

static gboolean
count_chunk (const guint8  *data,
             gsize          length,
             gpointer       user_data,
             GError       **error)
{
  *(gsize *) user_data += length;
  return TRUE;
}

static void
test_stream_stops_early (void)
{
  /* Never more than the limit plus one buffer handed on or read. */
  for (gsize limit = 1; limit < 4 * 1024 * 1024; limit = limit * 7 + 3)
    {
      g_autoptr(GError) error = NULL;
      gsize seen = 0;

      g_assert_false (ledger_input_stream ("/dev/zero", NULL, limit, NULL, LEDGER_INPUT_DEFAULT,
                                           count_chunk, &seen, &error));
      g_assert_cmpuint (seen, <=, limit);
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quote/every-byte", test_quote_every_byte);
  g_test_add_func ("/quote/escapes", test_quote_escapes);
  g_test_add_func ("/quote/long-keeps-end", test_quote_long_keeps_end);
  g_test_add_func ("/quote/controls-keeps-backslashes", test_quote_controls_keeps_backslashes);
  g_test_add_func ("/input/limit-exact", test_read_limit_exact);
  g_test_add_func ("/input/refusals", test_read_refusals);
  g_test_add_func ("/input/stream-stops-early", test_stream_stops_early);
  return g_test_run ();
}

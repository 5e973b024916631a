/* ledger-quote.c — file names and other user-supplied text, fit to print */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-quote.h"

/* Characters that change how the rest of a line displays without being
 * visible themselves: the bidi embeddings, overrides and isolates, the
 * marks, the zero-width characters, the byte-order mark and the line and
 * paragraph separators (which some terminals and viewers break lines at). */
static gboolean
is_invisible_control (gunichar c)
{
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || c == 0x061C;
}

/* Appends the escaped form of one character (a control character, a
 * backslash, an invisible control) or the character itself. */
static void
append_char (GString  *out,
             gunichar  c,
             gboolean  escape_backslash)
{
  if (c == '\\' && !escape_backslash)
    {
      g_string_append_c (out, '\\');
      return;
    }
  switch (c)
    {
    case '\n': g_string_append (out, "\\n"); return;
    case '\r': g_string_append (out, "\\r"); return;
    case '\t': g_string_append (out, "\\t"); return;
    case 0x1B: g_string_append (out, "\\e"); return;
    case '\\': g_string_append (out, "\\\\"); return;
    default:
      break;
    }
  if (c < 0x20 || c == 0x7F)
    g_string_append_printf (out, "\\x%02X", c);
  else if ((c >= 0x80 && c <= 0x9F) || is_invisible_control (c))
    g_string_append_printf (out, "\\u%04X", c);
  else
    g_string_append_unichar (out, c);
}

/* Escapes @length bytes of @text: valid characters through append_char,
 * each byte of an invalid sequence as \xNN. Returns the characters as
 * escaped strings, one per input character, so that the caller can cut
 * a long name between characters rather than inside an escape. */
static GPtrArray *
escape_each (const char *text,
             gsize       length,
             gboolean    escape_backslash)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      GString *piece = g_string_new (NULL);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (piece, "\\x%02X", (guint) (guchar) *p);
          p++;
        }
      else
        {
          append_char (piece, c, escape_backslash);
          p = g_utf8_next_char (p);
        }
      g_ptr_array_add (pieces, g_string_free (piece, FALSE));
    }
  return pieces;
}

char *
ledger_quote_path (const char *path)
{
  g_autoptr(GPtrArray) pieces = NULL;
  GString *out;

  if (path == NULL)
    return g_strdup ("");

  pieces = escape_each (path, strlen (path), TRUE);
  out = g_string_new (NULL);
  if (pieces->len <= LEDGER_QUOTE_PATH_MAX_CHARS)
    {
      for (guint i = 0; i < pieces->len; i++)
        g_string_append (out, g_ptr_array_index (pieces, i));
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < LEDGER_QUOTE_PATH_HEAD; i++)
    g_string_append (out, g_ptr_array_index (pieces, i));
  g_string_append (out, "…");
  for (guint i = pieces->len - LEDGER_QUOTE_PATH_TAIL; i < pieces->len; i++)
    g_string_append (out, g_ptr_array_index (pieces, i));
  return g_string_free (out, FALSE);
}

char *
ledger_quote_controls (const char *text)
{
  g_autoptr(GPtrArray) pieces = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);
  pieces = escape_each (text, strlen (text), FALSE);
  for (guint i = 0; i < pieces->len; i++)
    g_string_append (out, g_ptr_array_index (pieces, i));
  return g_string_free (out, FALSE);
}

/* make-old-text-book.c — journals text the validator refuses today, as a
 * book written before it existed would hold it
 *
 *   make-old-text-book BOOK TEXT…
 *
 * Appends one "settings" entry per TEXT (ref "committee", TEXT as its memo
 * and as its operator) straight into the journal and the fingerprint, past
 * ledger_posting_commit's check: the exports must still work on such a
 * book (tests/privacy/test_privacy_variants.py). TEXT may hold escapes
 * (\x01, \u202E) expanded by g_strcompress-like rules: \xHH and \uHHHH.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ledger.h"
#include "ledger-book-private.h"
#include "ledger-fingerprint-private.h"

/* @arg with \xHH (a byte) and \uHHHH (a character) expanded. */
static char *
expand (const char *arg)
{
  GString *out = g_string_new (NULL);

  for (const char *p = arg; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[2]) * 16 + g_ascii_xdigit_value (p[3])));
          p += 3;
        }
      else if (p[0] == '\\' && p[1] == 'u' && strlen (p) >= 6)
        {
          g_autofree char *hex = g_strndup (p + 2, 4);

          g_string_append_unichar (out, (gunichar) g_ascii_strtoull (hex, NULL, 16));
          p += 5;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
append_cb (LedgerBook *book,
           gpointer    user_data,
           GError    **error)
{
  const char *text = user_data;
  g_autofree char *now = ledger_book_now (book);
  sqlite3_stmt *stmt = ledger_book_prepare (book,
                                            "INSERT INTO txns (kind, date, recorded_at, operator, ref, memo, leaf)"
                                            " VALUES ('settings', '2026-03-01', ?1, ?2, 'committee', ?2, 2)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, now);
  ledger_bind_text (stmt, 2, text);
  return ledger_book_step_done (book, stmt, error) &&
         ledger_fingerprint_append (book, sqlite3_last_insert_rowid (ledger_book_get_db (book)), error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerBook) book = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "usage: make-old-text-book BOOK TEXT…\n");
      return 2;
    }
  book = ledger_community_open (argv[1], LEDGER_BOOK_OPEN_DEFAULT, &error);
  for (int i = 2; book != NULL && i < argc; i++)
    {
      g_autofree char *text = expand (argv[i]);

      if (!ledger_book_write (book, append_cb, text, &error))
        break;
    }
  if (error != NULL)
    {
      fprintf (stderr, "make-old-text-book: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* ledger-tables.c — a table as data: two books' copies compared row by
 * row, and a digest of its rows
 *
 * verify's replay (ledger-replay.c) rebuilds every table beside the
 * journal in a book of its own and compares it with the book's, naming
 * the first difference; the upgrade to schema 3 (ledger-snapshot.c)
 * commits to the tables as they stood by their digest.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <nettle/sha2.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-tables-private.h"

/* ------------------------------------------------------------------ */
/* One table, the replayed book's against the book's */

/* SQLite's own order for the values of one column (NULL, numbers, text,
 * blobs; text and blobs by their bytes), as ORDER BY sorts them. */
static int
compare_values (sqlite3_stmt *a,
                sqlite3_stmt *b,
                int           col)
{
  int ta = sqlite3_column_type (a, col), tb = sqlite3_column_type (b, col);
  int ra = ta == SQLITE_NULL ? 0 : ta == SQLITE_INTEGER || ta == SQLITE_FLOAT ? 1 : ta == SQLITE_TEXT ? 2 : 3;
  int rb = tb == SQLITE_NULL ? 0 : tb == SQLITE_INTEGER || tb == SQLITE_FLOAT ? 1 : tb == SQLITE_TEXT ? 2 : 3;
  int na, nb, c;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  switch (ra)
    {
    case 0:
      return 0;
    case 1:
      {
        sqlite3_int64 ia = sqlite3_column_int64 (a, col), ib = sqlite3_column_int64 (b, col);

        return ta != tb ? (ta < tb ? -1 : 1) : ia < ib ? -1 : ia > ib;
      }
    default:
      {
        const void *pa = ra == 2 ? (const void *) sqlite3_column_text (a, col) : sqlite3_column_blob (a, col);
        const void *pb = rb == 2 ? (const void *) sqlite3_column_text (b, col) : sqlite3_column_blob (b, col);

        na = sqlite3_column_bytes (a, col);
        nb = sqlite3_column_bytes (b, col);
        c = memcmp (pa, pb, (size_t) MIN (na, nb));
        return c != 0 ? c : na < nb ? -1 : na > nb;
      }
    }
}

/* A value as a person reads it in a message. */
static char *
describe_value (sqlite3_stmt *stmt,
                int           col)
{
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      return g_strdup ("NULL");
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
    case SQLITE_TEXT:
      return g_strdup_printf ("“%s”", (const char *) sqlite3_column_text (stmt, col));
    default:
      return g_strdup_printf (_("%d bytes"), sqlite3_column_bytes (stmt, col));
    }
}

/* "unit 1-1-101" or "txn_id 5, charge_id 7": the first @n_key columns. */
static char *
describe_key (sqlite3_stmt *stmt,
              int           n_key)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < n_key; i++)
    {
      g_autofree char *value = describe_value (stmt, i);

      g_string_append_printf (out, "%s%s %s", i > 0 ? ", " : "", sqlite3_column_name (stmt, i), value);
    }
  return g_string_free (out, FALSE);
}

static int
compare_keys (sqlite3_stmt *a,
              sqlite3_stmt *b,
              int           n_key)
{
  for (int i = 0; i < n_key; i++)
    {
      int c = compare_values (a, b, i);

      if (c != 0)
        return c;
    }
  return 0;
}

static gboolean
set_table_difference (GError       **error,
                      const char    *table,
                      const char    *key,
                      const char    *column,
                      const char    *expected,
                      const char    *found)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("table %s, row %s, column %s: the journal gives %s but the book has %s"),
               table, key, column, expected, found);
  return FALSE;
}

/* Compares the two current rows (same key) column by column. */
static gboolean
compare_rows (sqlite3_stmt  *expected,
              sqlite3_stmt  *found,
              const char    *table,
              int            n_key,
              GError       **error)
{
  int n = sqlite3_column_count (found);

  for (int i = n_key; i < n; i++)
    if (compare_values (expected, found, i) != 0 ||
        sqlite3_column_type (expected, i) != sqlite3_column_type (found, i))
      {
        g_autofree char *key = describe_key (found, n_key);
        g_autofree char *want = describe_value (expected, i);
        g_autofree char *have = describe_value (found, i);

        return set_table_difference (error, table, key, sqlite3_column_name (found, i), want, have);
      }
  return TRUE;
}

static int
count_key_columns (const char *key)
{
  int n = 1;

  for (const char *p = key; *p != '\0'; p++)
    n += *p == ',';
  return n;
}

gboolean
ledger_verify_table (LedgerBook  *expected,
                     LedgerBook  *found,
                     const char  *table,
                     const char  *key,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, * FROM %s ORDER BY %s", key, table, key);
  int n_key = count_key_columns (key);
  sqlite3_stmt *a = NULL, *b = NULL;
  int ra, rb;
  gboolean ok = TRUE;

  /* Not through the statement cache: it keeps static texts only. */
  if (sqlite3_prepare_v2 (ledger_book_get_db (expected), sql, -1, &a, NULL) != SQLITE_OK)
    {
      ledger_book_set_sqlite_error (expected, error, N_("reading the replayed book"));
      return FALSE;
    }
  if (sqlite3_prepare_v2 (ledger_book_get_db (found), sql, -1, &b, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (a);
      ledger_book_set_sqlite_error (found, error, N_("reading the book"));
      return FALSE;
    }
  if (sqlite3_column_count (a) != sqlite3_column_count (b))
    ok = set_table_difference (error, table, "—", "—", "—", "another set of columns");

  ra = sqlite3_step (a);
  rb = sqlite3_step (b);
  while (ok && ra == SQLITE_ROW && rb == SQLITE_ROW)
    {
      int c = compare_keys (a, b, n_key);

      if (c < 0)
        {
          g_autofree char *k = describe_key (a, n_key);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("table %s: row %s, which the journal gives, is missing from the book"), table, k);
          ok = FALSE;
        }
      else if (c > 0)
        {
          g_autofree char *k = describe_key (b, n_key);

          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                       _("table %s: row %s is in the book but no journal entry gives it"), table, k);
          ok = FALSE;
        }
      else if ((ok = compare_rows (a, b, table, n_key, error)))
        {
          ra = sqlite3_step (a);
          rb = sqlite3_step (b);
        }
    }
  if (ok && ra == SQLITE_ROW)
    {
      g_autofree char *k = describe_key (a, n_key);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("table %s: row %s, which the journal gives, is missing from the book"), table, k);
      ok = FALSE;
    }
  else if (ok && rb == SQLITE_ROW)
    {
      g_autofree char *k = describe_key (b, n_key);

      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("table %s: row %s is in the book but no journal entry gives it"), table, k);
      ok = FALSE;
    }
  else if (ok && (ra != SQLITE_DONE || rb != SQLITE_DONE))
    {
      ledger_book_set_sqlite_error (ra != SQLITE_DONE ? expected : found, error, N_("comparing the tables"));
      ok = FALSE;
    }
  sqlite3_finalize (a);
  sqlite3_finalize (b);
  return ok;
}

/* ------------------------------------------------------------------ */
/* A table's digest */

/* A column's value in the rows' text: numbers in decimal, text escaped
 * as a leaf's fields, NULL as "\N" (which no escaped text can be). */
static void
append_row_value (GString      *out,
                  sqlite3_stmt *stmt,
                  int           col)
{
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      g_string_append (out, "\\N");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
      break;
    default:
      for (const char *p = (const char *) sqlite3_column_text (stmt, col); p != NULL && *p != '\0'; p++)
        switch (*p)
          {
          case '\\': g_string_append (out, "\\\\"); break;
          case '\n': g_string_append (out, "\\n"); break;
          case '\r': g_string_append (out, "\\r"); break;
          case '|':  g_string_append (out, "\\|"); break;
          default:   g_string_append_c (out, *p);
          }
    }
}

gboolean
ledger_table_digest (LedgerBook  *book,
                     const char  *table,
                     const char  *key,
                     const char  *where,
                     gint64       bound,
                     gint64      *out_rows,
                     char         out_hex[65],
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s%s%s ORDER BY %s", table,
                                          *where != '\0' ? " WHERE " : "", where, key);
  g_autoptr(GString) row = g_string_new (NULL);
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  sqlite3_stmt *stmt = NULL;
  gint64 rows = 0;
  int rc;

  if (sqlite3_prepare_v2 (ledger_book_get_db (book), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      ledger_book_set_sqlite_error (book, error, N_("reading a table"));
      return FALSE;
    }
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, bound);
  sha256_init (&ctx);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_truncate (row, 0);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (row, '|');
          append_row_value (row, stmt, i);
        }
      g_string_append_c (row, '\n');
      sha256_update (&ctx, row->len, (const guint8 *) row->str);
      rows++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, N_("reading a table"));
      return FALSE;
    }
  sha256_digest (&ctx, sizeof digest, digest);
  for (gsize i = 0; i < sizeof digest; i++)
    g_snprintf (out_hex + 2 * i, 3, "%02x", digest[i]);
  *out_rows = rows;
  return TRUE;
}

/* read-floor.c — the least work any verify that compares every table does.
 *
 * Issue 15's verify checks every row of the book: the journal (txns,
 * splits, facts) against the fingerprint, the cached tree against the
 * recomputed one, and every other table against the replay. Whatever
 * the design, it has to read each of those rows once. This peer does
 * only that: one read transaction, every row of every table stepped
 * through and every column fetched (integers as integers, text and blobs
 * as their bytes), nothing parsed, hashed, replayed or compared.
 *
 *   cc -O2 read-floor.c -o read-floor $(pkg-config --cflags --libs sqlite3)
 *   read-floor BOOK [quick_check]
 *
 * With "quick_check" it runs PRAGMA quick_check instead (the damage check
 * verify keeps, issue 15), to put the two beside each other.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

static int
fail (sqlite3 *db, const char *what)
{
  fprintf (stderr, "read-floor: %s: %s\n", what, sqlite3_errmsg (db));
  return 1;
}

static int
quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    return fail (db, "quick_check");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    printf ("%s\n", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? 0 : fail (db, "quick_check");
}

/* Every row of @table, every column fetched; adds to the counts. */
static int
read_table (sqlite3      *db,
            const char   *table,
            int64_t      *rows,
            uint64_t     *checksum)
{
  char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", table);
  sqlite3_stmt *stmt;
  int rc, n;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return fail (db, table);
  n = sqlite3_column_count (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      (*rows)++;
      for (int i = 0; i < n; i++)
        if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
          *checksum += (uint64_t) sqlite3_column_int64 (stmt, i);
        else
          *checksum += (uint64_t) sqlite3_column_bytes (stmt, i);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? 0 : fail (db, table);
}

int
main (int argc, char **argv)
{
  sqlite3 *db;
  sqlite3_stmt *tables;
  int64_t rows = 0;
  uint64_t checksum = 0;
  int rc;

  if (argc < 2)
    {
      fprintf (stderr, "usage: read-floor BOOK [quick_check]\n");
      return 2;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return fail (db, argv[1]);
  if (argc > 2 && strcmp (argv[2], "quick_check") == 0)
    return quick_check (db);
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                              " AND name NOT LIKE 'sqlite_%'", -1, &tables, NULL) != SQLITE_OK)
    return fail (db, "listing the tables");
  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    if (read_table (db, (const char *) sqlite3_column_text (tables, 0), &rows, &checksum) != 0)
      return 1;
  sqlite3_finalize (tables);
  if (rc != SQLITE_DONE)
    return fail (db, "listing the tables");
  printf ("%" PRId64 " rows (checksum %" PRIu64 ")\n", rows, checksum);
  sqlite3_close (db);
  return 0;
}

/* ledger-notice-facts.c — the facts of a notice's publication: the
 * notice, its files and the expenditures it announces */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include <string.h>

#include "ledger-book-private.h"
#include "ledger-notice-facts-private.h"
#include "ledger-replay-rules-private.h"

static gboolean
apply_notice (LedgerBook         *book,
              gint64              txn_id,
              const char         *date G_GNUC_UNUSED,
              const char *const  *fields,
              GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO notices (period, first, last, fingerprint, published_at, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 5; i++)
    ledger_bind_text (stmt, i + 1, fields[i]);
  sqlite3_bind_int64 (stmt, 6, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_notice = { "notice", 5, apply_notice };

/* The notice the entry @txn_id records: its files and announcements
 * follow its own fact in the same entry. */
static gboolean
notice_of_entry (LedgerBook  *book,
                 gint64       txn_id,
                 const char  *fact,
                 gint64      *out_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT id FROM notices WHERE txn_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  if (!ledger_book_query_int64 (book, stmt, 0, out_id, error))
    return FALSE;
  if (*out_id > 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the journal's “%s” fact follows no notice of its entry"), fact);
  return FALSE;
}

static gboolean
apply_notice_file (LedgerBook         *book,
                   gint64              txn_id,
                   const char         *date G_GNUC_UNUSED,
                   const char *const  *fields,
                   GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 notice_id = 0;

  if (!notice_of_entry (book, txn_id, "notice_file", &notice_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO notice_files (notice_id, kind, name, sha256)"
                              " VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  ledger_bind_text (stmt, 2, fields[0]);
  ledger_bind_text (stmt, 3, fields[1]);
  ledger_bind_text (stmt, 4, fields[2]);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_notice_file = { "notice_file", 3, apply_notice_file };

/* An expenditure is announced once, by the first notice that lists it:
 * one that no expenditure row stands for, or announced before, is a
 * fact no writer adds. */
static gboolean
check_announceable (LedgerBook  *book,
                    gint64       expenditure_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 state = 0;

  stmt = ledger_book_prepare (book,
                              "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM expenditures WHERE id = ?1) THEN 1"
                              " WHEN EXISTS (SELECT 1 FROM announcements WHERE expenditure_id = ?1) THEN 2"
                              " ELSE 0 END",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, expenditure_id);
  if (!ledger_book_query_int64 (book, stmt, 0, &state, error))
    return FALSE;
  if (state == 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               state == 1 ? _("a notice announces expenditure %" PRId64 ", which no earlier entry records")
                          : _("a notice announces expenditure %" PRId64 ", which an earlier notice announced"),
               expenditure_id);
  return FALSE;
}

static gboolean
apply_announcement (LedgerBook         *book,
                    gint64              txn_id,
                    const char         *date G_GNUC_UNUSED,
                    const char *const  *fields,
                    GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 expenditure_id, notice_id = 0;

  if (!ledger_fact_int64 ("announcement", fields, 0, &expenditure_id, error) ||
      !check_announceable (book, expenditure_id, error) ||
      !notice_of_entry (book, txn_id, "announcement", &notice_id, error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO announcements (expenditure_id, notice_id) VALUES (?1, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, expenditure_id);
  sqlite3_bind_int64 (stmt, 2, notice_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_announcement = { "announcement", 1, apply_announcement };

void
ledger_notice_ref_memo (const char         *period,
                        const char         *fingerprint,
                        const char *const  *files,
                        char              **out_ref,
                        char              **out_memo)
{
  GString *memo = g_string_new (NULL);

  g_string_append_printf (memo, "fingerprint %s", fingerprint);
  for (guint i = 0; files[i] != NULL && files[i + 1] != NULL && files[i + 2] != NULL; i += 3)
    g_string_append_printf (memo, "; %s %s sha256 %s", files[i], files[i + 1], files[i + 2]);
  *out_ref = g_strdup (period);
  *out_memo = g_string_free (memo, FALSE);
}

/* The entry's ref and memo as ledger_notice_ref_memo() composes them
 * from its notice fact @notice and its notice_file facts. */
static gboolean
check_notice_ref_memo (const LedgerLeaf    *leaf,
                       char *const         *notice,
                       char *const *const  *facts,
                       GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autofree char *ref = NULL, *memo = NULL;

  for (guint i = 0; facts[i] != NULL; i++)
    if (strcmp (facts[i][0], "notice_file") == 0)
      for (guint f = 1; f <= 3; f++)
        g_ptr_array_add (files, facts[i][f]);
  g_ptr_array_add (files, NULL);
  ledger_notice_ref_memo (notice[1], notice[4], (const char *const *) files->pdata, &ref, &memo);
  return ledger_replay_check_ref_memo (leaf, ref, memo, error);
}

/* A notice shows the head of the book just before its own entry (the
 * root at that size is checked with the published fingerprints), and its
 * period does not end before it starts. */
gboolean
ledger_notice_replay (LedgerBook          *book G_GNUC_UNUSED,
                      const LedgerLeaf    *leaf,
                      char *const *const  *facts,
                      GError             **error)
{
  static const char *const parts[] = { "notice_file", "announcement", NULL };
  char *const *fact = ledger_replay_only_fact (leaf, facts, "notice", parts, error);
  g_autofree char *size = NULL;

  if (fact == NULL)
    return FALSE;
  size = g_strdup_printf ("%" PRId64 ":", leaf->index - 1);
  if (!g_str_has_prefix (fact[4], size))
    return ledger_replay_differs (error, "fingerprint", size, fact[4]);
  if (strcmp (fact[2], fact[3]) > 0)
    return ledger_replay_differs (error, "last", fact[2], fact[3]);
  return check_notice_ref_memo (leaf, fact, facts, error);
}

/* ledger-draft.c — an entry as the rule that writes it decides it
 * (ledger-draft-private.h) */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-draft-private.h"
#include "ledger-replay-rules-private.h"

typedef struct
{
  char   *account;
  gint64  household_id;
  char   *unit;
  gint64  amount;
} DraftSplit;

typedef struct
{
  const LedgerFactKind *kind;
  char                **fields;
} DraftFact;

struct _LedgerDraft
{
  char    date[11]; /* "": the rule does not decide the date */
  char   *ref;      /* never NULL */
  char   *memo;     /* never NULL */
  GArray *splits;   /* DraftSplit, none of zero */
  GArray *facts;    /* DraftFact */
};

static void
clear_draft_split (gpointer data)
{
  DraftSplit *split = data;

  g_free (split->account);
  g_free (split->unit);
}

static void
clear_draft_fact (gpointer data)
{
  g_strfreev (((DraftFact *) data)->fields);
}

LedgerDraft *
ledger_draft_new (void)
{
  LedgerDraft *draft = g_new0 (LedgerDraft, 1);

  draft->ref = g_strdup ("");
  draft->memo = g_strdup ("");
  draft->splits = g_array_new (FALSE, FALSE, sizeof (DraftSplit));
  g_array_set_clear_func (draft->splits, clear_draft_split);
  draft->facts = g_array_new (FALSE, FALSE, sizeof (DraftFact));
  g_array_set_clear_func (draft->facts, clear_draft_fact);
  return draft;
}

void
ledger_draft_free (LedgerDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->ref);
  g_free (draft->memo);
  g_array_unref (draft->splits);
  g_array_unref (draft->facts);
  g_free (draft);
}

void
ledger_draft_set_date (LedgerDraft *draft,
                       const char  *date)
{
  g_strlcpy (draft->date, date, sizeof draft->date);
}

void
ledger_draft_set_ref_memo (LedgerDraft *draft,
                           const char  *ref,
                           const char  *memo)
{
  g_free (draft->ref);
  draft->ref = g_strdup (ref);
  g_free (draft->memo);
  draft->memo = g_strdup (memo);
}

void
ledger_draft_add_split (LedgerDraft *draft,
                        const char  *account,
                        gint64       household_id,
                        const char  *unit,
                        gint64       amount)
{
  DraftSplit split = { g_strdup (account), household_id, g_strdup (household_id > 0 ? unit : ""), amount };

  /* As ledger_posting_add(): a zero split is no split. */
  if (amount == 0)
    {
      clear_draft_split (&split);
      return;
    }
  g_array_append_val (draft->splits, split);
}

void
ledger_draft_add_factv (LedgerDraft          *draft,
                        const LedgerFactKind *kind,
                        const char *const    *fields)
{
  DraftFact fact = { kind, g_new0 (char *, kind->n_fields + 1) };

  for (guint i = 0; i < kind->n_fields; i++)
    fact.fields[i] = g_strdup (fields[i] != NULL ? fields[i] : "");
  g_array_append_val (draft->facts, fact);
}

void
ledger_draft_post (const LedgerDraft *draft,
                   LedgerPosting     *posting)
{
  ledger_posting_set_ref (posting, draft->ref);
  ledger_posting_set_memo (posting, draft->memo);
  for (guint i = 0; i < draft->splits->len; i++)
    {
      const DraftSplit *split = &g_array_index (draft->splits, DraftSplit, i);

      ledger_posting_add (posting, split->account, split->household_id, split->amount);
    }
  for (guint i = 0; i < draft->facts->len; i++)
    {
      const DraftFact *fact = &g_array_index (draft->facts, DraftFact, i);

      ledger_posting_add_factv (posting, fact->kind, (const char *const *) fact->fields);
    }
}

static char *
draft_split_text (const DraftSplit *split)
{
  return g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, split->account, split->unit, split->amount);
}

static char *
leaf_split_text (const LedgerLeafSplit *split)
{
  return g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, split->account, split->unit, split->amount);
}

static gboolean
set_rule_difference (GError     **error,
                     const char  *rule,
                     const char  *gives,
                     const char  *entry_has)
{
  /* "—" for a line one side has and the other has not. */
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("%s gives “%s” where the entry has “%s”"), rule,
               gives != NULL ? gives : "—", entry_has != NULL ? entry_has : "—");
  return FALSE;
}

gboolean
ledger_draft_check (const LedgerDraft  *draft,
                    const LedgerLeaf   *leaf,
                    const char         *rule,
                    GError            **error)
{
  guint n_splits = MAX (draft->splits->len, leaf->n_splits);
  guint n_facts = MAX (draft->facts->len, leaf->n_facts);

  if (draft->date[0] != '\0' && strcmp (draft->date, leaf->date) != 0)
    {
      g_autofree char *gives = g_strconcat ("date: ", draft->date, NULL);
      g_autofree char *has = g_strconcat ("date: ", leaf->date, NULL);

      return set_rule_difference (error, rule, gives, has);
    }

  for (guint i = 0; i < n_splits; i++)
    {
      g_autofree char *gives = i < draft->splits->len ? draft_split_text (&g_array_index (draft->splits, DraftSplit, i)) : NULL;
      g_autofree char *has = i < leaf->n_splits ? leaf_split_text (&leaf->splits[i]) : NULL;

      if (g_strcmp0 (gives, has) != 0)
        return set_rule_difference (error, rule, gives, has);
    }
  for (guint i = 0; i < n_facts; i++)
    {
      const DraftFact *fact = i < draft->facts->len ? &g_array_index (draft->facts, DraftFact, i) : NULL;
      g_autofree char *gives = fact != NULL ? ledger_fact_format (fact->kind->name, (const char *const *) fact->fields,
                                                                  fact->kind->n_fields)
                                            : NULL;
      const char *has = i < leaf->n_facts ? leaf->facts[i] : NULL;

      if (g_strcmp0 (gives, has) != 0)
        return set_rule_difference (error, rule, gives, has);
    }
  /* Last: a forged entry is named by what its rule refuses first. */
  return ledger_replay_check_ref_memo (leaf, draft->ref, draft->memo, error);
}

const char *const *
ledger_draft_find_fact (char *const *const  *facts,
                        const char          *name,
                        const LedgerLeaf    *leaf,
                        GError             **error)
{
  for (gsize i = 0; facts[i] != NULL; i++)
    if (strcmp (facts[i][0], name) == 0)
      return (const char *const *) facts[i] + 1;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("a “%s” entry without a “%s” fact"), leaf->kind, name);
  return NULL;
}

gboolean
ledger_draft_require_kind (LedgerBook         *book,
                           gint64              txn_id,
                           const char         *fact,
                           const char *const  *kinds,
                           GError            **error)
{
  sqlite3_stmt *stmt = ledger_book_prepare (book, "SELECT kind FROM txns WHERE id = ?1", error);
  g_autofree char *kind = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    kind = ledger_column_dup (stmt, 0);
  if (!ledger_book_finish_row (book, stmt, rc, N_("reading the journal"), error))
    return FALSE;
  if (g_strv_contains (kinds, kind))
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("a “%s” fact in a “%s” entry, where no writer puts one"), fact, kind);
  return FALSE;
}

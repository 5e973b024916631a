/* ledger-replay-rules.c — what the replay rules of the domain modules share */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-replay-rules-private.h"

char *const *
ledger_replay_only_fact (const LedgerLeaf     *leaf,
                         char *const *const   *facts,
                         const char           *name,
                         const char *const    *others,
                         GError              **error)
{
  char *const *found = NULL;
  guint n_found = 0;
  gboolean stray = FALSE;  /* a fact the writer never adds */

  for (guint i = 0; facts[i] != NULL; i++)
    if (strcmp (facts[i][0], name) == 0)
      {
        found = facts[i];
        n_found++;
      }
    else if (others == NULL || !g_strv_contains (others, facts[i][0]))
      stray = TRUE;
  if (n_found == 1 && !stray)
    return found;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("a “%s” entry should hold one “%s” fact and no other facts than its writer adds"),
               leaf->kind, name);
  return NULL;
}

gboolean
ledger_replay_refused (GError            **error,
                       const LedgerLeaf   *leaf,
                       const GError       *refused)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the rules refuse this “%s” entry on the book the journal rebuilds: %s"),
               leaf->kind, refused->message);
  return FALSE;
}

gboolean
ledger_replay_differs (GError      **error,
                       const char   *field,
                       const char   *expected,
                       const char   *found)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the rules give %s “%s”, the entry says “%s”"), field, expected, found);
  return FALSE;
}

gboolean
ledger_replay_check_ref_memo (const LedgerLeaf  *leaf,
                              const char        *ref,
                              const char        *memo,
                              GError           **error)
{
  if (strcmp (leaf->ref, ref) != 0)
    return ledger_replay_differs (error, "ref", ref, leaf->ref);
  if (strcmp (leaf->memo, memo) != 0)
    return ledger_replay_differs (error, "memo", memo, leaf->memo);
  return TRUE;
}

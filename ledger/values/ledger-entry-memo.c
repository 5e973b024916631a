/* ledger-entry-memo.c — an entry's memo as a Chinese document prints it
 *
 * Each canonical form is read back the way its writer composed it (the
 * writers' *_memo() functions, docs/leaf-format.md): account codes hold no
 * space and no ": ", categories and funds are single words, so the first
 * separator after them is the writer's own.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-account-code.h"
#include "ledger-entry-memo.h"
#include "ledger-fund.h"
#include "ledger-income-category.h"

#define ARROW " -> "
#define FROM  " from "
#define COLON ": "

/* "TEXT" → "：TEXT" after what precedes it; nothing for NULL. */
static void
append_typed (GString    *out,
              const char *typed)
{
  if (typed != NULL)
    g_string_append_printf (out, "：%s", typed);
}

/* "FROM -> TO[: MEMO]" */
static char *
transfer_memo (const char *memo)
{
  const char *arrow = strstr (memo, ARROW);
  const char *to, *colon;
  g_autofree char *from_code = NULL;
  g_autofree char *to_code = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to_name = NULL;
  GString *out;

  if (arrow == NULL)
    return NULL;
  from_code = g_strndup (memo, (gsize) (arrow - memo));
  to = arrow + strlen (ARROW);
  colon = strstr (to, COLON);
  to_code = colon != NULL ? g_strndup (to, (gsize) (colon - to)) : g_strdup (to);
  from = ledger_account_chinese (from_code, NULL);
  to_name = ledger_account_chinese (to_code, NULL);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s → %s", from, to_name);
  append_typed (out, colon != NULL ? colon + strlen (COLON) : NULL);
  return g_string_free (out, FALSE);
}

/* "CATEGORY[ from PAYER][: MEMO]" */
static char *
income_memo (const char *memo)
{
  gsize word = strcspn (memo, " :");
  g_autofree char *code = g_strndup (memo, word);
  const char *rest = memo + word;
  LedgerIncomeCategory category;
  GString *out;

  if (!ledger_income_category_parse (code, "category", &category, NULL))
    return NULL;
  out = g_string_new (ledger_income_category_chinese (category));
  if (g_str_has_prefix (rest, FROM))
    {
      const char *payer = rest + strlen (FROM);
      const char *colon = strstr (payer, COLON);
      g_autofree char *who = colon != NULL ? g_strndup (payer, (gsize) (colon - payer)) : g_strdup (payer);

      g_string_append_printf (out, "（付款方：%s）", who);
      rest = colon != NULL ? colon : "";
    }
  append_typed (out, g_str_has_prefix (rest, COLON) ? rest + strlen (COLON) : NULL);
  return g_string_free (out, FALSE);
}

/* "balance FUND", "arrears FEE YEAR", "credit" */
static char *
opening_memo (const char *memo)
{
  g_auto(GStrv) words = g_strsplit (memo, " ", -1);
  LedgerFund fund;

  if (g_strv_length (words) == 2 && strcmp (words[0], "balance") == 0 &&
      ledger_fund_parse (words[1], "fund", &fund, NULL))
    return g_strdup_printf ("期初余额（%s）", ledger_fund_chinese (fund));
  if (g_strv_length (words) == 3 && strcmp (words[0], "arrears") == 0)
    return g_strdup_printf ("期初欠费（%s，%s年）", words[1], words[2]);
  if (strcmp (memo, "credit") == 0)
    return g_strdup ("期初预交款");
  return NULL;
}

char *
ledger_entry_memo_chinese (const char *kind,
                           const char *memo)
{
  const char *colon;
  char *chinese = NULL;

  if (memo == NULL)
    return g_strdup ("");
  if (g_strcmp0 (kind, "transfer") == 0)
    chinese = transfer_memo (memo);
  else if (g_strcmp0 (kind, "income") == 0)
    chinese = income_memo (memo);
  else if (g_strcmp0 (kind, "opening") == 0)
    chinese = opening_memo (memo);
  if (chinese != NULL)
    return chinese;
  /* "PAYEE: MEMO", "UNIT: REASON", "MEMBER: MEMO": the writer's separator
   * in the document's own punctuation. */
  colon = strstr (memo, COLON);
  if (colon != NULL && (g_strcmp0 (kind, "expenditure") == 0 || g_strcmp0 (kind, "refund") == 0 ||
                        g_strcmp0 (kind, "advance") == 0))
    return g_strdup_printf ("%.*s：%s", (int) (colon - memo), memo, colon + strlen (COLON));
  return g_strdup (memo);
}

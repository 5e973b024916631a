/* ledger-account-code.c — money accounts, named bank accounts and advances, by their codes
 *
 * The payment methods (ledger-method.c) are the four accounts every book
 * has; "bank:NAME" and "advance:MEMBER" are added by the committee. The
 * journal's never-below-zero rule, the reports and the command line all
 * ask here what holds money.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-account-code.h"
#include "ledger-method.h"
#include "ledger-text.h"

#define BANK_PREFIX    "bank:"
#define ADVANCE_PREFIX "advance:"

gboolean
ledger_account_name_check (const char  *name,
                           const char  *field,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!ledger_text_check (name, field, LEDGER_ACCOUNT_NAME_MAX_CHARS, TRUE, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (name));
  if (strcmp (trimmed, name) != 0)
    return ledger_text_set_invalid_input (error, field, name, _("no spaces before or after the name"));
  if (strpbrk (name, "|:") != NULL || strstr (name, "：") != NULL)
    return ledger_text_set_invalid_input (error, field, name, _("a name may not hold “|” or “:”"));
  return TRUE;
}

/* The NAME after "bank:", "银行:" or "银行：", or NULL. */
static const char *
bank_name_of (const char *text)
{
  static const char *const prefixes[] = { BANK_PREFIX, "银行:", "银行：", "银行存款:", "银行存款：" };

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return text + strlen (prefixes[i]);
  return NULL;
}

char *
ledger_money_account_parse (const char  *text,
                            const char  *field,
                            GError     **error)
{
  LedgerMethod method;
  const char *name;

  if (text != NULL && ledger_method_parse (text, field, &method, NULL))
    return g_strdup (ledger_method_to_string (method));
  if (text != NULL && strcmp (text, "银行存款") == 0)
    return g_strdup (ledger_method_to_string (LEDGER_METHOD_BANK));
  name = text != NULL && g_utf8_validate (text, -1, NULL) ? bank_name_of (text) : NULL;
  if (name == NULL)
    {
      ledger_text_set_invalid_input (error, field, text,
                                     _("expected cash, bank, bank:NAME, wechat or alipay"));
      return NULL;
    }
  if (!ledger_account_name_check (name, field, error))
    return NULL;
  return g_strconcat (BANK_PREFIX, name, NULL);
}

gboolean
ledger_account_is_money (const char *code)
{
  for (guint m = 0; m < LEDGER_METHOD_COUNT; m++)
    if (strcmp (code, ledger_method_to_string ((LedgerMethod) m)) == 0)
      return TRUE;
  return g_str_has_prefix (code, BANK_PREFIX) && code[strlen (BANK_PREFIX)] != '\0';
}

gboolean
ledger_account_is_advance (const char *code)
{
  return g_str_has_prefix (code, ADVANCE_PREFIX) && code[strlen (ADVANCE_PREFIX)] != '\0';
}

char *
ledger_account_advance_code (const char *member)
{
  return g_strconcat (ADVANCE_PREFIX, member, NULL);
}

char *
ledger_account_chinese (const char *code,
                        const char *name)
{
  LedgerMethod method;

  if (strcmp (code, ledger_method_to_string (LEDGER_METHOD_BANK)) == 0)
    return g_strdup ("银行存款");
  if (ledger_method_parse (code, "account", &method, NULL))
    return g_strdup (ledger_method_chinese (method));
  if (g_str_has_prefix (code, BANK_PREFIX))
    return g_strdup_printf ("银行存款（%s）", code + strlen (BANK_PREFIX));
  if (ledger_account_is_advance (code))
    return g_strdup_printf ("备用金（%s）", code + strlen (ADVANCE_PREFIX));
  return g_strdup (name != NULL ? name : code);
}

char *
ledger_money_accounts_where (const char *column)
{
  GString *sql = g_string_new ("(");

  g_string_append_printf (sql, "%s IN (", column);
  for (guint m = 0; m < LEDGER_METHOD_COUNT; m++)
    g_string_append_printf (sql, "%s'%s'", m > 0 ? ", " : "", ledger_method_to_string ((LedgerMethod) m));
  g_string_append_printf (sql, ") OR %s GLOB '" BANK_PREFIX "?*')", column);
  return g_string_free (sql, FALSE);
}

char *
ledger_committee_money_where (const char *column)
{
  g_autofree char *money = ledger_money_accounts_where (column);

  return g_strdup_printf ("(%s OR %s GLOB '" ADVANCE_PREFIX "?*')", money, column);
}

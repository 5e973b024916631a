/* ledger-category.c — what the committee's expenditures are for
 *
 * The one table of categories: the schema (core/) seeds their expense
 * accounts from it, and the expenditures (domain/) parse, list and print
 * them with it. It lives in values/ because both must reach it.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-category-private.h"

static const struct
{
  const char *code;      /* the CLI word; the account is "expense:CODE" */
  const char *chinese;   /* on notices, and accepted on input */
  const char *account;   /* the account's name, translated on the screens */
} categories[] = {
  { "repair",    "维修", N_("Repairs") },
  { "cleaning",  "保洁", N_("Cleaning") },
  { "lighting",  "照明", N_("Lighting") },
  { "greening",  "绿化", N_("Greening") },
  { "security",  "安保", N_("Security") },
  { "utilities", "水电", N_("Water and electricity") },
  { "office",    "办公", N_("Office and printing") },
  { "other",     "其他", N_("Other") },
};

guint
ledger_category_count (void)
{
  return G_N_ELEMENTS (categories);
}

const char *
ledger_category_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (categories), "other");
  return categories[index].code;
}

const char *
ledger_category_chinese (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (categories), "");
  return categories[index].chinese;
}

const char *
ledger_category_account_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (categories), "");
  return categories[index].account;
}

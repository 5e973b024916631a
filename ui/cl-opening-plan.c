/* cl-opening-plan.c — the lines of the opening-balances form, rehearsed on
 * a copy of the book and then written one by one (cl-opening-plan.h)
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-opening-plan.h"

struct _ClOpeningPlan
{
  char      *date;
  GPtrArray *lines; /* of ClOpeningLine */
};

/* ------------------------------------------------------------------ */
/* Lines */

static void
opening_line_free (ClOpeningLine *line)
{
  g_free (line->account);
  g_free (line->unit);
  g_free (line->fee_code);
  g_free (line);
}

static ClOpeningLine *
add_line (ClOpeningPlan     *plan,
          ClOpeningLineKind  kind,
          gint64             amount)
{
  ClOpeningLine *line = g_new0 (ClOpeningLine, 1);

  line->kind = kind;
  line->amount = amount;
  g_ptr_array_add (plan->lines, line);
  return line;
}

ClOpeningPlan *
cl_opening_plan_new (const char *date)
{
  ClOpeningPlan *plan = g_new0 (ClOpeningPlan, 1);

  g_return_val_if_fail (date != NULL, NULL);

  plan->date = g_strdup (date);
  plan->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) opening_line_free);
  return plan;
}

void
cl_opening_plan_free (ClOpeningPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->date);
  g_ptr_array_unref (plan->lines);
  g_free (plan);
}

const char *
cl_opening_plan_get_date (ClOpeningPlan *plan)
{
  return plan->date;
}

guint
cl_opening_plan_get_n_lines (ClOpeningPlan *plan)
{
  return plan->lines->len;
}

ClOpeningLine *
cl_opening_plan_get_line (ClOpeningPlan *plan,
                          guint          index)
{
  g_return_val_if_fail (index < plan->lines->len, NULL);
  return g_ptr_array_index (plan->lines, index);
}

void
cl_opening_plan_add_bank (ClOpeningPlan *plan,
                          const char    *account)
{
  add_line (plan, CL_OPENING_LINE_BANK, 0)->account = g_strdup (account);
}

void
cl_opening_plan_add_balance (ClOpeningPlan *plan,
                             const char    *account,
                             LedgerFund     fund,
                             gint64         amount)
{
  ClOpeningLine *line = add_line (plan, CL_OPENING_LINE_BALANCE, amount);

  line->account = g_strdup (account);
  line->fund = fund;
}

void
cl_opening_plan_add_arrears (ClOpeningPlan *plan,
                             const char    *unit,
                             const char    *fee_code,
                             int            year,
                             gint64         amount)
{
  ClOpeningLine *line = add_line (plan, CL_OPENING_LINE_ARREARS, amount);

  line->unit = g_strdup (unit);
  line->fee_code = g_strdup (fee_code);
  line->year = year;
}

void
cl_opening_plan_add_credit (ClOpeningPlan *plan,
                            const char    *unit,
                            gint64         amount)
{
  add_line (plan, CL_OPENING_LINE_CREDIT, amount)->unit = g_strdup (unit);
}

/* ------------------------------------------------------------------ */
/* Describing and adding up */

char *
cl_opening_account_label (const char *code)
{
  if (g_str_has_prefix (code, "bank:"))
    /* Translators: a named bank account, "Bank (ICBC)"; in Chinese
     * "银行存款（%s）". */
    return g_strdup_printf (_("Bank (%s)"), code + strlen ("bank:"));
  if (g_str_equal (code, "cash"))
    return g_strdup (_("Cash"));
  if (g_str_equal (code, "bank"))
    return g_strdup (_("Bank"));
  if (g_str_equal (code, "wechat"))
    return g_strdup (_("WeChat Pay"));
  if (g_str_equal (code, "alipay"))
    return g_strdup (_("Alipay"));
  return g_strdup (code);
}

char *
cl_opening_line_describe (const ClOpeningLine *line)
{
  g_autofree char *amount = ledger_money_format (line->amount);
  g_autofree char *account = line->account != NULL ? cl_opening_account_label (line->account) : NULL;

  switch (line->kind)
    {
    case CL_OPENING_LINE_BANK:
      return g_strdup_printf (_("Add the bank account %s"), account);
    case CL_OPENING_LINE_BALANCE:
      /* Translators: an opening balance: account, fund, amount. */
      return g_strdup_printf (_("%s, %s: %s"), account, ledger_fund_label (line->fund), amount);
    case CL_OPENING_LINE_ARREARS:
      /* Translators: unpaid charge from the paper ledger: unit, fee, year, amount. */
      return g_strdup_printf (_("%s owes %s of %d: %s"), line->unit, line->fee_code, line->year, amount);
    case CL_OPENING_LINE_CREDIT:
      /* Translators: a household's credit from the paper ledger: unit, amount. */
      return g_strdup_printf (_("%s has a credit of %s"), line->unit, amount);
    default:
      g_assert_not_reached ();
    }
}

gint64
cl_opening_plan_balance_total (ClOpeningPlan *plan,
                               const char    *account,
                               int            fund)
{
  gint64 total = 0;

  for (guint i = 0; i < plan->lines->len; i++)
    {
      ClOpeningLine *line = g_ptr_array_index (plan->lines, i);

      if (line->kind == CL_OPENING_LINE_BALANCE &&
          (account == NULL || g_str_equal (account, line->account)) &&
          (fund < 0 || (int) line->fund == fund))
        total += line->amount;
    }
  return total;
}

gint64
cl_opening_plan_total (ClOpeningPlan     *plan,
                       ClOpeningLineKind  kind)
{
  gint64 total = 0;

  for (guint i = 0; i < plan->lines->len; i++)
    {
      ClOpeningLine *line = g_ptr_array_index (plan->lines, i);

      if (line->kind == kind)
        total += line->amount;
    }
  return total;
}

/* ------------------------------------------------------------------ */
/* Writing */

/* One line, by the ledger call the command line's own command makes. */
static gboolean
write_line (LedgerBook          *book,
            const char          *date,
            const ClOpeningLine *line,
            GError             **error)
{
  switch (line->kind)
    {
    case CL_OPENING_LINE_BANK:
      return ledger_bank_account_add (book, line->account, error);
    case CL_OPENING_LINE_BALANCE:
      return ledger_opening_balance (book, line->account, line->amount, line->fund, date, error);
    case CL_OPENING_LINE_ARREARS:
      return ledger_opening_arrears (book, line->unit, line->fee_code, line->year, line->amount, date,
                                     error);
    case CL_OPENING_LINE_CREDIT:
      return ledger_opening_credit (book, line->unit, line->amount, date, error);
    default:
      g_assert_not_reached ();
    }
}

/* Writes the unsaved lines in order; @mark: whether to mark them saved. */
static gboolean
write_lines (ClOpeningPlan  *plan,
             LedgerBook     *book,
             gboolean        mark,
             guint          *out_failed,
             GError        **error)
{
  for (guint i = 0; i < plan->lines->len; i++)
    {
      ClOpeningLine *line = g_ptr_array_index (plan->lines, i);

      if (line->saved)
        continue;
      if (!write_line (book, plan->date, line, error))
        {
          *out_failed = i;
          return FALSE;
        }
      if (mark)
        line->saved = TRUE;
    }
  return TRUE;
}

/* Removes the scratch folder and the files in it (the copy, its journal
 * files). */
static void
remove_scratch (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_remove (path) != 0)
        g_warning ("Could not remove the scratch file %s", path);
    }
  if (g_rmdir (dir) != 0)
    g_warning ("Could not remove the scratch folder %s", dir);
}

/* The plan on @copy, a scratch copy of @book: the same person at the
 * desk, the same correcting state. */
static gboolean
rehearse_on (ClOpeningPlan  *plan,
             LedgerBook     *book,
             const char     *copy_path,
             guint          *out_failed,
             GError        **error)
{
  g_autoptr(LedgerBook) copy = NULL;

  *out_failed = G_MAXUINT;
  if (!ledger_backup_to_file (book, copy_path, error))
    return FALSE;
  copy = ledger_community_open (copy_path, LEDGER_BOOK_OPEN_NO_CHECK, error);
  if (copy == NULL)
    return FALSE;
  ledger_book_set_operator (copy, ledger_book_get_operator (book));
  ledger_book_set_correcting (copy, ledger_book_get_correcting (book));
  return write_lines (plan, copy, FALSE, out_failed, error);
}

gboolean
cl_opening_plan_rehearse (ClOpeningPlan  *plan,
                          LedgerBook     *book,
                          guint          *out_failed,
                          GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy_path = NULL;
  gboolean ok;

  g_return_val_if_fail (plan != NULL && out_failed != NULL, FALSE);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  *out_failed = G_MAXUINT;
  dir = g_dir_make_tmp ("community-ledger-opening-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  copy_path = g_build_filename (dir, "rehearsal.clbook", NULL);
  ok = rehearse_on (plan, book, copy_path, out_failed, error);
  remove_scratch (dir);
  return ok;
}

gboolean
cl_opening_plan_apply (ClOpeningPlan  *plan,
                       LedgerBook     *book,
                       guint          *out_failed,
                       GError        **error)
{
  g_return_val_if_fail (plan != NULL && out_failed != NULL, FALSE);
  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  *out_failed = G_MAXUINT;
  return write_lines (plan, book, TRUE, out_failed, error);
}

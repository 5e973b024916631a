/* export-xlsx-checks.c — the tie-out checks: each detail sheet of the
 * workbook against the ledger's own report, to the fen, as the sheet
 * ends (export-xlsx-sheets.c calls them; they call nothing of the
 * workbook's writers) */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "export-xlsx-private.h"
#include "ledger.h"

/* The income report's amount for @code (0 when it has no line). */
static gint64
report_amount (GPtrArray  *lines,
               const char *code)
{
  for (guint i = 0; i < lines->len; i++)
    if (strcmp (((LedgerReportLine *) g_ptr_array_index (lines, i))->code, code) == 0)
      return ((LedgerReportLine *) g_ptr_array_index (lines, i))->amount;
  return 0;
}

/* The Income rows must add up to the income report, column by column. */
gboolean
export_xlsx_check_income (Export  *x,
                          gint64   total,
                          GError **error)
{
  gboolean ok = total == x->report->income_total;

  for (guint i = 0; ok && i < x->fees->len; i++)
    {
      const FeeColumn *c = g_ptr_array_index (x->fees, i);

      ok = c->sum == report_amount (x->report->income, c->code);
    }
  if (!ok)
    EXPORT_ERROR (error, _("the receipts of %s do not add up to its income report; did the book change during the export?"),
                  x->period.name);
  return ok;
}

/* The Expenditures rows must add up to the report, category by category. */
gboolean
export_xlsx_check_expenditures (Export  *x,
                                GError **error)
{
  const char * const *codes = ledger_expenditure_categories ();
  gint64 total = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (x->category_sums); i++)
    ledger_total_add_saturating (&total, x->category_sums[i]);
  ledger_total_add_saturating (&total, x->bank_charges);
  for (guint i = 0; ok && i < 15 && codes[i] != NULL; i++)
    ok = x->category_sums[i] == report_amount (x->report->expenditures, codes[i]);
  ok = ok && x->bank_charges == report_amount (x->report->expenditures, "bank-charges");
  if (!ok || total != x->report->expenditure_total)
    {
      EXPORT_ERROR (error, _("the expenditures of %s do not add up to its income report; did the book change during the export?"),
                    x->period.name);
      return FALSE;
    }
  return TRUE;
}

/* The open charges on the Arrears sheet must add up to the arrears report. */
gboolean
export_xlsx_check_arrears (Export  *x,
                           gint64   total,
                           GError **error)
{
  if (x->arrears_total != total)
    EXPORT_ERROR (error, _("the open charges do not add up to the arrears report; did the book change during the export?"));
  return x->arrears_total == total;
}

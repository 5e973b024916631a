/* ledger-fund.h — the committee's funds: whose money it is
 *
 * Every income and every expenditure belongs to one fund (docs/money.md):
 * the operating fund (日常经费) that fees feed and everyday spending
 * draws on; the maintenance fund (维修资金), restricted: spending from
 * it needs a passed matter-5 vote and may never exceed what it holds;
 * and public revenue (公共收益), income from the common parts that
 * belongs to all owners (Civil Code Art. 282). One table (ledger-fund.c)
 * gives each its code, Chinese name and screen label.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_FUND_OPERATING,
  LEDGER_FUND_MAINTENANCE,
  LEDGER_FUND_PUBLIC,
} LedgerFund;

/* How many funds there are, in the order reports list them. */
#define LEDGER_FUND_COUNT 3

/**
 * ledger_fund_to_string:
 * @fund: a fund
 *
 * Returns: its code, "operating", "maintenance" or "public": the word of
 * the command line (`--fund`), the JSON reports and the book's tables.
 */
const char *ledger_fund_to_string (LedgerFund fund);

/**
 * ledger_fund_chinese:
 * @fund: a fund
 *
 * Returns: its Chinese name as notices and workbooks print it (日常经费,
 * 维修资金, 公共收益), whatever the user's language.
 */
const char *ledger_fund_chinese (LedgerFund fund);

/**
 * ledger_fund_label:
 * @fund: a fund
 *
 * Returns: its name on the screens, translated.
 */
const char *ledger_fund_label (LedgerFund fund);

/**
 * ledger_fund_parse:
 * @text: (nullable): what the user wrote
 * @field: the field's name, for the error message
 * @out_fund: (out): the fund, when @text names one
 * @error: return location for an error
 *
 * Reads a fund by its code (in any case) or its Chinese name. "general",
 * the word expenditures stored for the operating fund before there were
 * three funds, is read as operating.
 *
 * Returns: TRUE, or FALSE with LEDGER_ERROR_INVALID_INPUT naming @field.
 */
gboolean    ledger_fund_parse (const char  *text,
                               const char  *field,
                               LedgerFund  *out_fund,
                               GError     **error);

G_END_DECLS

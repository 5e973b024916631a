/* ledger-money.h — money as an integer number of fen (0.01 yuan)
 *
 * No floating point anywhere: amounts are parsed digit by digit into
 * gint64 fen, added as integers and formatted from integers.
 */
#pragma once

#include <glib.h>

#include "ledger-limits.h"

G_BEGIN_DECLS

/* The largest amount the parser accepts: one amount's ceiling
 * (ledger-limits.h), ¥1,000,000.00. */
#define LEDGER_MONEY_MAX LEDGER_AMOUNT_MAX

/* The flags combine: ALLOW_NEGATIVE alone still refuses zero (an
 * adjustment of nothing is a mistake); pass both to accept any amount. */
typedef enum
{
  LEDGER_MONEY_POSITIVE = 0,        /* > 0: payments, fees, expenditures */
  LEDGER_MONEY_ALLOW_ZERO = 1 << 0, /* >= 0: a fee set to zero stops billing */
  LEDGER_MONEY_ALLOW_NEGATIVE = 1 << 1, /* a leading '-' is accepted (adjustments) */
  LEDGER_MONEY_BALANCE = 1 << 2,    /* a balance, not an amount: up to LEDGER_TOTAL_MAX */
} LedgerMoneyFlags;

/**
 * ledger_money_parse:
 * @text: what the user typed
 * @field: the field's name as the user knows it ("amount", "--amount"), used in messages
 * @flags: which signs are acceptable
 * @out_fen: (out): the amount in fen
 * @error: return location for an error
 *
 * Accepts `360`, `360.5`, `360.50`, `¥360`, `￥360`, `1,234.56`, full-width
 * digits and punctuation (`３６０．５`), a trailing `元`, surrounding
 * whitespace (U+3000 too) and spaces around `¥` and `元` (`¥ 360 元`).
 * With ALLOW_NEGATIVE, a `-` (or `－`) before or after the yuan sign
 * (`-¥5`, as ledger_money_format() writes it, or `¥-5`).
 * Rejects empty text, more than two decimals, exponents, `+`, `-` (unless
 * allowed), misplaced thousands separators (`1,2,3`, `1,23.00`, `,123`),
 * amounts beyond ±%LEDGER_MONEY_MAX (which itself is accepted; ±%LEDGER_TOTAL_MAX
 * with %LEDGER_MONEY_BALANCE, for a balance a statement shows) and anything
 * else. A decimal point needs a digit on both sides: `12.` and `.5` are
 * refused as probable slips rather than guessed at.
 *
 * Returns: TRUE with *@out_fen set; FALSE with LEDGER_ERROR_INVALID_INPUT,
 *   a one-line message naming @field
 */
gboolean ledger_money_parse (const char       *text,
                             const char       *field,
                             LedgerMoneyFlags  flags,
                             gint64           *out_fen,
                             GError          **error);

/**
 * ledger_money_format_plain:
 * @fen: an amount
 *
 * Returns: (transfer full): "1234.56", "-5.00": plain, no currency sign,
 *   no separators, for CSV and forms
 */
char *ledger_money_format_plain (gint64 fen);

/**
 * ledger_money_format:
 * @fen: an amount
 *
 * Returns: (transfer full): "¥1,234.56" for people; negative amounts as
 *   "-¥1,234.56"
 */
char *ledger_money_format (gint64 fen);

/**
 * ledger_money_to_capital:
 * @fen: an amount
 *
 * The amount in Chinese capital numerals, as on receipts: "人民币肆佰捌拾元整"
 * for 48000; "人民币壹仟零贰拾元零伍分" for 102005; "人民币零元整" for 0;
 * negative amounts read "人民币负…". Follows the conventions of Chinese
 * financial receipts: 壹拾 (not 拾) for a leading ten, one 零 for each gap
 * (壹仟零壹元, 壹万零壹佰元, 壹亿零壹元), 零 between 元 and 分 when there
 * is no 角 (叁佰陆拾元零伍分), and 整 whenever there is no 分
 * (叁佰陆拾元伍角整). No 零 is written between 元 and 角 (壹仟元壹角整,
 * which the banking rules allow). Without yuan the reading starts at 角
 * or 分 (人民币壹角整, 人民币伍分).
 *
 * Returns: (transfer full): the reading
 */
char *ledger_money_to_capital (gint64 fen);

/**
 * ledger_area_parse:
 * @text: what the user typed
 * @field: the field's name for messages
 * @out_centi_m2: (out): the area in hundredths of a square metre
 * @error: return location for an error
 *
 * Parses an exclusive floor area in square metres with at most two
 * decimals ("89.5", "89.50㎡", "89.5 m2", full-width digits). The number
 * follows the rules of ledger_money_parse(); it may be followed by a unit
 * (㎡, m², m2, 平方米, 平米), but not preceded by a sign. Zero is accepted
 * (a parking-only unit); negative or absurd (> LEDGER_AREA_MAX_M2 m²,
 * which itself is accepted) areas are not.
 *
 * Returns: TRUE with the area; FALSE with LEDGER_ERROR_INVALID_INPUT
 *   naming @field
 */
gboolean ledger_area_parse (const char *text,
                            const char *field,
                            gint64     *out_centi_m2,
                            GError    **error);

/**
 * ledger_area_format:
 * @centi_m2: an area in hundredths of a square metre
 *
 * Returns: (transfer full): "89.50": square metres, no unit, no separators
 */
char *ledger_area_format (gint64 centi_m2);

G_END_DECLS

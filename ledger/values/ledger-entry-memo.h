/* ledger-entry-memo.h — an entry's memo as a Chinese document prints it
 *
 * The journal keeps each entry's memo in the one canonical form its writer
 * composes (docs/leaf-format.md): account codes and a few English words
 * around what the treasurer typed ("cash -> bank: 存现", "interest from
 * 工商银行: 第1季度结息", "balance operating"). The auditor's workbook is a
 * Chinese document, so its cash books and funds sheet print the memo in
 * Chinese; the writer and `verify --export` both call this one function, so
 * the sheet is still checked against the leaf to the character.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ledger_entry_memo_chinese:
 * @kind: the entry's kind ("transfer", "income", "opening" …)
 * @memo: (nullable): its memo as the journal holds it
 *
 * "cash -> bank: 存现" → "现金 → 银行存款：存现"; "rent from 李娜: 车库" →
 * "租金（付款方：李娜）：车库"; "interest" → "利息"; "balance maintenance" →
 * "期初余额（维修资金）"; "arrears property 2025" → "期初欠费（property，2025年）";
 * "credit" → "期初预交款"; every other memo as it is ("PAYEE: MEMO" with a
 * full-width colon). Text the treasurer typed is never changed.
 *
 * Returns: (transfer full): the memo to print
 */
char *ledger_entry_memo_chinese (const char *kind,
                                 const char *memo);

G_END_DECLS

/* export-receipt-private.h — the words of a receipt's QR code, shared by
 * the receipt that writes it (export-receipt.c) and the check that reads
 * it back (export-receipt-check.c)
 *
 * docs/leaf-format.md ("Receipts: rebuilding the leaf from the QR") is
 * the definition: one "LABEL：VALUE" line each, in a fixed order, the
 * values the leaf holds written as the leaf's header writes them.
 */
#pragma once

#include "ledger.h"

G_BEGIN_DECLS

#define EXPORT_RECEIPT_TITLE        "小区公账收据"
#define EXPORT_RECEIPT_NUMBER       "收据号"
#define EXPORT_RECEIPT_UNIT         "户号"
#define EXPORT_RECEIPT_PAYER        "缴款人"
#define EXPORT_RECEIPT_CREDIT       "预交款"
#define EXPORT_RECEIPT_TOTAL        "合计"
#define EXPORT_RECEIPT_METHOD       "方式"
#define EXPORT_RECEIPT_DATE         "日期"
#define EXPORT_RECEIPT_RECORDED_AT  "登记时间"
#define EXPORT_RECEIPT_OPERATOR     "经手人"
#define EXPORT_RECEIPT_STATUS       "状态"
#define EXPORT_RECEIPT_VOIDED       "已作废"
#define EXPORT_RECEIPT_ENTRY        "条目"
#define EXPORT_RECEIPT_LEAF_VERSION "叶版本"
#define EXPORT_RECEIPT_LEAF_HASH    "叶哈希"
#define EXPORT_RECEIPT_PATH         "路径"
#define EXPORT_RECEIPT_FINGERPRINT  "账本指纹"
/* Between a label and its value: U+FF1A FULLWIDTH COLON. */
#define EXPORT_RECEIPT_COLON        "："
/* An item line is "YEAR年度NAME（CODE）：AMOUNT". */
#define EXPORT_RECEIPT_YEAR_SUFFIX  "年度"
#define EXPORT_RECEIPT_CODE_OPEN    "（"
#define EXPORT_RECEIPT_CODE_CLOSE   "）"

/* Appends @value to @out as a leaf's header line writes it: "\" as
 * "\\", a line feed as "\n", a carriage return as "\r", so that a value
 * stays on its line. */
void export_receipt_append_escaped (GString    *out,
                                    const char *value);

/* The hash of the leaf @payload (a receipt's QR code) rebuilds, whatever
 * it prints as the leaf hash: the receipt checks its own QR code with it
 * before printing. FALSE with LEDGER_ERROR_VERIFY for text that is not a
 * receipt's QR code (export_receipt_check()). */
gboolean export_receipt_payload_leaf_hash (const char  *payload,
                                           LedgerHash  *out_hash,
                                           GError     **error);

G_END_DECLS

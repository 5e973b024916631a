/* ledger-account-code.h — the accounts that hold money, by their codes
 *
 * Money is held in cash, in the bank (the account "bank", and named bank
 * accounts "bank:NAME" a committee adds), on WeChat and on Alipay; money
 * advanced to a committee member (备用金) is held in "advance:MEMBER"
 * until it is spent against invoices or returned (docs/money.md). None
 * of these may hold less than nothing on any day. This file reads and
 * prints those codes; which of them a book has is the domain's business.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest name of a bank account or of a member holding an advance,
 * in characters. */
#define LEDGER_ACCOUNT_NAME_MAX_CHARS 20

/**
 * ledger_money_account_parse:
 * @text: (nullable): what the user wrote: cash, bank, wechat, alipay (or
 *   their Chinese names, as for payment methods), or bank:NAME (银行:NAME)
 * @field: the option it came from ("--from"), for the message
 * @error: return location for an error
 *
 * Reads a money account. It does not say whether the book has it.
 *
 * Returns: (transfer full) (nullable): its code ("cash", "bank:工商银行"),
 *   or NULL with LEDGER_ERROR_INVALID_INPUT naming @field
 */
char       *ledger_money_account_parse (const char  *text,
                                        const char  *field,
                                        GError     **error);

/**
 * ledger_account_name_check:
 * @name: (nullable): a bank account's or a member's name as typed
 * @field: the option it came from, for the message
 * @error: return location for an error
 *
 * A name that may follow "bank:" or "advance:": one to
 * LEDGER_ACCOUNT_NAME_MAX_CHARS characters of text with no control
 * characters, no spaces at either end, and neither "|" nor ":".
 *
 * Returns: TRUE, or FALSE with LEDGER_ERROR_INVALID_INPUT naming @field
 */
gboolean    ledger_account_name_check (const char  *name,
                                       const char  *field,
                                       GError     **error);

/**
 * ledger_account_is_money:
 * @code: an account code
 *
 * Returns: whether @code holds money: cash, bank, bank:NAME, wechat, alipay
 */
gboolean    ledger_account_is_money (const char *code);

/**
 * ledger_account_is_advance:
 * @code: an account code
 *
 * Returns: whether @code is money advanced to a member, "advance:MEMBER"
 */
gboolean    ledger_account_is_advance (const char *code);

/**
 * ledger_account_advance_code:
 * @member: a member's name (checked by ledger_account_name_check())
 *
 * Returns: (transfer full): "advance:MEMBER"
 */
char       *ledger_account_advance_code (const char *member);

/**
 * ledger_account_chinese:
 * @code: an account code
 * @name: (nullable): the account's name as the book stores it, for
 *   accounts this file does not name
 *
 * Returns: (transfer full): the account as notices, cash books and
 *   workbooks print it: 现金, 银行存款, 银行存款（NAME）, 微信, 支付宝,
 *   备用金（MEMBER）; otherwise @name, or @code when @name is NULL
 */
char       *ledger_account_chinese (const char *code,
                                    const char *name);

/**
 * ledger_money_accounts_where:
 * @column: an SQL expression holding an account code ("s.account")
 *
 * Returns: (transfer full): an SQL condition true when @column is a money
 *   account, for queries that sum money: every report asks the same way
 */
char       *ledger_money_accounts_where (const char *column);

/**
 * ledger_committee_money_where:
 * @column: an SQL expression holding an account code
 *
 * Returns: (transfer full): an SQL condition true when @column holds the
 *   committee's money: a money account, or an advance a member holds for
 *   the committee (spent against invoices or handed back, never income or
 *   expense). What notices and the income report count as money.
 */
char       *ledger_committee_money_where (const char *column);

G_END_DECLS

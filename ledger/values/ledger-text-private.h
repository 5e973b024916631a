/* ledger-text-private.h — the first step of ledger/'s parsers
 *
 * Only ledger/ and the tests include this: ledger.h does not.
 */
#pragma once

#include "ledger-text.h"

G_BEGIN_DECLS

/**
 * ledger_text_fold_input:
 * @text: (nullable): what the user typed, not necessarily valid UTF-8
 * @field: the field's name for messages
 * @error: (nullable): where to put the error
 *
 * The first step of every parser of numbers, amounts, dates and periods:
 * checks that @text is valid UTF-8 with something in it and folds it to
 * ASCII with ledger_text_fold_ascii(), so that full-width digits parse
 * like ASCII ones.
 *
 * Returns: (transfer full) (nullable): the folded, trimmed text, or NULL
 *   with LEDGER_ERROR_INVALID_INPUT naming @field ("nothing entered" for
 *   NULL or blank text, "not valid UTF-8 text")
 */
char *ledger_text_fold_input (const char  *text,
                              const char  *field,
                              GError     **error);

G_END_DECLS

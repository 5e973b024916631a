/* ledger-text.h — checking and normalising text the user typed */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ledger_text_fold_ascii:
 * @text: valid UTF-8
 *
 * Removes leading and trailing whitespace (ASCII and U+3000 ideographic
 * space) and folds full-width ASCII forms (U+FF01..U+FF5E: ０-９, Ａ-Ｚ,
 * －, ．, ，, ／ …) to ASCII; an ideographic space inside the text becomes
 * an ASCII space. The full-width yen sign ￥ (U+FFE5) is outside that
 * range and stays as it is.
 *
 * Returns: (transfer full): the folded copy
 */
char *ledger_text_fold_ascii (const char *text);

/**
 * ledger_text_check:
 * @text: (nullable): user text
 * @field: the field's name for messages
 * @max_chars: the longest acceptable length in characters (of @text as
 *   given, before any trimming)
 * @required: whether empty (after trimming) is an error
 * @error: return location for an error
 *
 * Rejects invalid UTF-8, control characters (all of U+0000..U+001F, tab
 * and line breaks included, U+007F, U+0080..U+009F), invisible format
 * characters (bidi controls, zero-width spaces and joiners, U+FEFF, the
 * soft hyphen …: ledger_text_is_invisible()), text longer than
 * @max_chars, and, when @required, empty text.
 *
 * Returns: TRUE for acceptable text; FALSE with
 *   LEDGER_ERROR_INVALID_INPUT naming @field
 */
gboolean ledger_text_check (const char *text,
                            const char *field,
                            guint       max_chars,
                            gboolean    required,
                            GError    **error);

/**
 * ledger_text_quote:
 * @text: (nullable): any bytes
 *
 * Returns: (transfer full): a copy of @text safe to quote in a one-line
 *   message: invalid bytes and control characters become U+FFFD and it is
 *   cut to 40 characters, with "…" when something was cut
 */
char *ledger_text_quote (const char *text);

/**
 * ledger_text_set_invalid_input:
 * @error: (nullable): where to put the error
 * @field: the field's name as the user knows it
 * @text: (nullable): what the user typed, not necessarily valid UTF-8
 * @reason: why it is wrong, already translated ("more than two decimals")
 *
 * Sets LEDGER_ERROR_INVALID_INPUT with the one-line message every parser
 * in ledger/ uses: `FIELD “TEXT”: REASON` (`amount “12.345”: more than two
 * decimals`), or `FIELD: REASON` when @text is NULL or blank. TEXT is made
 * safe to quote: invalid bytes and control characters become U+FFFD and it
 * is cut to 40 characters.
 *
 * Returns: FALSE, so a parser can `return ledger_text_set_invalid_input (…);`
 */
gboolean ledger_text_set_invalid_input (GError    **error,
                                        const char *field,
                                        const char *text,
                                        const char *reason);

/**
 * ledger_text_mask_name:
 * @name: a person's name
 *
 * Masks a person's name for public outputs: the first character stays and
 * every other one becomes "*": "张三" -> "张*", "欧阳娜娜" -> "欧***",
 * "Li" -> "L*"; a single character gets one star ("张" -> "张*"); the name
 * is trimmed first; empty stays empty.
 *
 * Returns: (transfer full): the masked name
 */
char *ledger_text_mask_name (const char *name);

/**
 * ledger_text_mask_phone:
 * @phone: a phone number as registered
 *
 * Masks a phone number for the auditor. Only the digits count (full-width
 * digits folded); spaces, dashes, "+" and the like are dropped from the
 * result. 11 digits or more keep the first 3 and the last 4:
 * "13812341234" and "138-1234-1234" -> "138****1234". Shorter numbers
 * (landlines, extensions) keep only the last 2: "87654321" -> "******21".
 *
 * Returns: (transfer full): the masked number; "" when there are no digits
 */
char *ledger_text_mask_phone (const char *phone);

/**
 * ledger_text_is_invisible:
 * @c: a character
 *
 * Whether @c changes how text looks or is read without being seen
 * itself: the format characters (zero-width space and joiners, U+2060
 * word joiner, U+FEFF, the soft hyphen, the bidirectional controls
 * U+200E/F, U+202A..U+202E, U+2066..U+2069, U+061C, tags …), the rest of
 * Unicode's Default_Ignorable_Code_Point set (the combining grapheme
 * joiner, variation selectors, Hangul fillers, Khmer inherent vowels …)
 * and the braille pattern blank U+2800. The validator refuses them in
 * stored text; the scrubber and every comparison ignore them.
 *
 * Returns: TRUE for such a character
 */
gboolean ledger_text_is_invisible (gunichar c);

G_END_DECLS

/* ledger-privacy.h — finding phone numbers and owners' names in free text,
 * whatever way they were written, before text goes public */
#pragma once

#include <glib.h>


G_BEGIN_DECLS

/**
 * ledger_privacy_normalise:
 * @text: (nullable): any text, not necessarily valid UTF-8
 *
 * The form two texts are compared in: invalid bytes repaired, NFKC
 * (full-width letters and digits, ideographic and other Unicode spaces
 * become ASCII), invisible and control characters dropped, runs of spaces
 * folded to one and trimmed, Greek and Cyrillic letters drawn like Latin
 * ones taken as those ("К" as "K"), every dash and minus as "-", curly
 * apostrophes as "'", and lower case. "王　伟", "王\u200B伟" and
 * "王 伟" all normalise to "王 伟"; "ＷＡＮＧ  Wei" to "wang wei".
 *
 * Returns: (transfer full): the normalised text ("" for NULL)
 */
char *ledger_privacy_normalise (const char *text);

/**
 * ledger_privacy_name_key:
 * @name: (nullable): an owner's name as registered
 *
 * The letters and digits of ledger_privacy_normalise (@name): what an
 * owner's name is matched by ("Wang Wei", "WANG  WEI", "wang·wei" and
 * "wangwei" all give "wangwei"; "王　伟" gives "王伟").
 *
 * Returns: (transfer full): the key
 */
char *ledger_privacy_name_key (const char *name);

/**
 * ledger_privacy_owner_key:
 * @key: (nullable): an owner key as typed
 *
 * The one spelling an owner key is stored in (one owner, one head in a
 * vote): ledger_privacy_normalise (@key) with its letters' case kept.
 * "Ｋ1", "K1\u200B" (refused by the validator anyway), "К1" (Cyrillic),
 * "Κ1" (Greek) and "K1" are all stored as "K1", so the queries that
 * count heads and find an owner's ballots compare keys as stored, with
 * their indexes. Case is kept and counts ("k1" shows differently), and
 * punctuation is kept, so that unit codes used as keys ("1-1-101",
 * "11-1-01") stay apart.
 *
 * Returns: (transfer full): the key as stored
 */
char *ledger_privacy_owner_key (const char *key);

/**
 * ledger_privacy_has_mobile_number:
 * @text: (nullable): any text
 *
 * Whether @text holds something a person would dial as a mainland mobile
 * number: 1[3-9] and nine more digits, written in any digits NFKC folds
 * (full-width ０-９ …) or as 〇一二…九, possibly split by spaces of any
 * width, dashes, dots, slashes, brackets or invisible characters, possibly
 * after +86, 86, 086 or 0086, and not run on into more digits written
 * together with it (138123412345 is an id). Percent-escapes (%31%33…) are
 * decoded first, for URLs.
 *
 * Returns: TRUE when it does
 */
gboolean ledger_privacy_has_mobile_number (const char *text);

/**
 * ledger_privacy_scrub:
 * @text: (nullable): free text from the book
 * @owners: (nullable) (element-type utf8): owners' full names to mask
 * @phones: (nullable) (element-type utf8): phone numbers of the register,
 *   as typed
 *
 * Returns @text fit for a public output. Comparison is on the normalised
 * text (see ledger_privacy_normalise()); replacement is in the original,
 * so what is not private keeps its form:
 * - every run of digits (separators as for has_mobile_number) that holds a
 *   mobile number or a registered phone (7 digits or more) becomes "***";
 * - every occurrence of an owner's name key (two characters or more),
 *   spaces, dots and dashes allowed between its characters, becomes the
 *   masked name (ledger_text_mask_name(): 王伟 -> 王*); a Latin name only as
 *   a whole word ("Li" does not mask "Lighting");
 * - invisible and control characters are dropped, so that the text shows
 *   what was checked.
 * @owners and @phones may be NULL to remove mobile numbers only.
 *
 * Returns: (transfer full): the scrubbed text ("" for NULL)
 */
char *ledger_privacy_scrub (const char      *text,
                            const GPtrArray *owners,
                            const GPtrArray *phones);

/* A prepared ledger_privacy_scrub(), for many texts. */
typedef struct _LedgerPrivacyScrubber LedgerPrivacyScrubber;

/**
 * ledger_privacy_scrubber_new:
 * @owners: (nullable) (element-type utf8): owners' full names to mask
 * @phones: (nullable) (element-type utf8): phone numbers of the register
 *
 * ledger_privacy_scrub() for many texts: the owners' name keys and the
 * register's phone digits are worked out once, here.
 *
 * Returns: (transfer full): the scrubber; free with
 *   ledger_privacy_scrubber_free()
 */
LedgerPrivacyScrubber *ledger_privacy_scrubber_new  (const GPtrArray       *owners,
                                                     const GPtrArray       *phones);

/**
 * ledger_privacy_scrubber_run:
 * @self: a scrubber
 * @text: (nullable): free text from the book
 *
 * Returns: (transfer full): ledger_privacy_scrub() of @text with the
 *   scrubber's owners and phones
 */
char                  *ledger_privacy_scrubber_run  (LedgerPrivacyScrubber *self,
                                                     const char            *text);

/**
 * ledger_privacy_scrubber_set_memo_size:
 * @self: a scrubber
 * @size: how many distinct texts to remember; 0 for none
 *
 * A scrubber remembers what it made of each text (131,072 by default):
 * the same text gives the same result, and an export's journal repeats
 * its operators and memos on every line. When the memo is full it is
 * emptied and filled again. Empties the memo.
 */
void                   ledger_privacy_scrubber_set_memo_size (LedgerPrivacyScrubber *self,
                                                              guint                  size);

/**
 * ledger_privacy_scrubber_free:
 * @self: (nullable) (transfer full): a scrubber
 *
 * Frees @self.
 */
void                   ledger_privacy_scrubber_free (LedgerPrivacyScrubber *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPrivacyScrubber, ledger_privacy_scrubber_free)

/**
 * ledger_privacy_neutralise:
 * @text: (nullable): any bytes
 *
 * A copy of @text that can be written to any output: invalid bytes and
 * control characters become U+FFFD, invisible characters (bidi controls …)
 * are dropped. For text read from a book that was written before the
 * validator refused them, or edited behind its back: an export never
 * fails because of what the book holds.
 *
 * Returns: (transfer full): the copy ("" for NULL)
 */
char *ledger_privacy_neutralise (const char *text);

/**
 * ledger_privacy_is_neutral:
 * @text: (nullable): any bytes
 *
 * Whether ledger_privacy_neutralise() would return @text as it is: valid
 * UTF-8 without control or invisible characters. Lets a writer of many
 * texts skip the copy.
 *
 * Returns: TRUE when it would (FALSE for NULL)
 */
gboolean ledger_privacy_is_neutral (const char *text);

G_END_DECLS

/* ledger-text.c — checking and normalising text the user typed
 *
 * Everything here works on characters, not bytes: names and phone numbers
 * are Chinese as often as not, and a treasurer's IME may produce full-width
 * digits and punctuation at any moment.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ledger-error-private.h"
#include "ledger-text-private.h"

/* Full-width forms of printable ASCII ("！" … "～") sit at a fixed distance
 * from their ASCII counterparts ("!" … "~"). */
#define FULLWIDTH_FIRST   0xFF01
#define FULLWIDTH_LAST    0xFF5E
#define FULLWIDTH_OFFSET  (0xFF01 - 0x21)
#define IDEOGRAPHIC_SPACE 0x3000
#define REPLACEMENT_CHAR  0xFFFD

/* Quoted user text in a message is cut after this many characters, so a
 * pasted paragraph cannot turn a one-line message into a screenful. */
#define QUOTE_MAX_CHARS 40

/* A phone number of at least this many digits keeps its first three and
 * last four digits (a mainland mobile number has eleven). */
#define PHONE_LONG_DIGITS 11

/* Returns the ASCII form of a full-width form or of the ideographic space,
 * and any other character unchanged. */
static gunichar
fold_char (gunichar c)
{
  if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST)
    return c - FULLWIDTH_OFFSET;
  if (c == IDEOGRAPHIC_SPACE)
    return ' ';
  return c;
}

/* TRUE for the C0 controls (tab and line breaks included), DEL, the C1
 * controls and the Unicode line and paragraph separators: none of them
 * belongs in a name, a memo or a notice. */
static gboolean
is_control_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* TRUE when @text, which must be valid UTF-8, holds a control character. */
static gboolean
has_control_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_control_char (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* TRUE when @text, which must be valid UTF-8, holds an invisible format
 * character (ledger_text_is_invisible()): a bidi control (U+202E turns
 * "fdp.exe" around on screen), a zero-width space inside a name … Stored
 * text must look like what it is, or a check by eye and the scrubber of
 * public outputs would see different things. */
static gboolean
has_invisible_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (ledger_text_is_invisible (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* TRUE when @text, which must be valid UTF-8, holds a code point Unicode
 * has not assigned (this program's Unicode tables) or a noncharacter
 * (U+FDD0..U+FDEF, U+xFFFE/F): no font draws them as what they are, and
 * no normalisation can tell two of them apart from each other. */
static gboolean
has_unassigned_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_UNASSIGNED)
        return TRUE;
    }
  return FALSE;
}

/* TRUE when @text (NULL allowed, not necessarily valid UTF-8) holds
 * nothing but ASCII whitespace and Unicode spaces (ideographic, no-break,
 * em, thin …: a name of them shows as nothing). Works character by
 * character as far as the text is valid, so that it can describe text
 * that failed validation. */
static gboolean
is_blank (const char *text)
{
  const char *p = text;

  if (p == NULL)
    return TRUE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (g_ascii_isspace (*p))
        p++;
      else if (c < 0x110000 && g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        p = g_utf8_next_char (p);
      else
        return FALSE;
    }
  return TRUE;
}

/* Returns @text fit to quote inside a one-line message: invalid bytes and
 * control characters (and invisible ones) become U+FFFD and anything past QUOTE_MAX_CHARS
 * characters becomes "…". */
char *
ledger_text_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p = valid;

  for (guint n = 0; *p != '\0' && n < QUOTE_MAX_CHARS; n++)
    {
      gunichar c = g_utf8_get_char (p);

      /* An invisible character quoted raw would turn the message around
       * (U+202E) or hide what is wrong with the text. */
      g_string_append_unichar (out, is_control_char (c) || ledger_text_is_invisible (c)
                                    ? REPLACEMENT_CHAR : c);
      p = g_utf8_next_char (p);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* Sets the field-naming error every parser in ledger/ reports, so that all
 * messages share one shape: "FIELD “TEXT”: REASON", or "FIELD: REASON"
 * when there is nothing to quote. */
gboolean
ledger_text_set_invalid_input (GError     **error,
                               const char  *field,
                               const char  *text,
                               const char  *reason)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (is_blank (text))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   /* Translators: a field name, then why its value is wrong */
                   _("%s: %s"), field, reason);
      ledger_error_set_field (error, field);
      return FALSE;
    }

  quoted = ledger_text_quote (text);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
               /* Translators: a field name, what the user typed, then why it is wrong */
               _("%s “%s”: %s"), field, quoted, reason);
  ledger_error_set_field (error, field);
  return FALSE;
}

/* Folds full-width ASCII forms and ideographic spaces to ASCII and trims
 * the result, so that parsers only ever see ASCII digits and punctuation
 * whatever mode the user's input method was in. */
char *
ledger_text_fold_ascii (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, fold_char (g_utf8_get_char (p)));

  return g_strstrip (g_string_free (out, FALSE));
}

/* Checks free text before it goes into the book, where it will end up on
 * notices, receipts and spreadsheets that must not be garbled or split. */
gboolean
ledger_text_check (const char  *text,
                   const char  *field,
                   guint        max_chars,
                   gboolean     required,
                   GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("not valid UTF-8 text"));

  if (has_control_char (text))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("contains a tab, a line break or another control character"));

  if (has_invisible_char (text))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("contains an invisible formatting character (such as a "
                                            "zero-width space or a right-to-left mark) that could make "
                                            "it show differently from what it holds"));

  if (has_unassigned_char (text))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("contains a character that Unicode does not assign "
                                            "(or a noncharacter), which cannot be shown"));

  if ((gsize) g_utf8_strlen (text, -1) > max_chars)
    {
      g_autofree char *reason =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "longer than %u character",
                                      "longer than %u characters", max_chars),
                         max_chars);

      return ledger_text_set_invalid_input (error, field, text, reason);
    }

  if (required && is_blank (text))
    return ledger_text_set_invalid_input (error, field, text,
                                          _("nothing entered"));

  return TRUE;
}

/* Keeps the first character of a name and stars the rest, one star per
 * character, so a public notice shows "张*" for 张三. A single character
 * gets a star too, or it would be shown in full. */
char *
ledger_text_mask_name (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *trimmed = NULL;
  GString *out;
  glong n_chars;

  g_return_val_if_fail (name != NULL, NULL);

  valid = g_utf8_make_valid (name, -1);
  trimmed = ledger_text_fold_ascii (valid);
  if (*trimmed == '\0')
    return g_strdup ("");

  out = g_string_new (NULL);
  g_string_append_unichar (out, g_utf8_get_char (trimmed));
  n_chars = g_utf8_strlen (trimmed, -1);
  for (glong i = 1; i < MAX (n_chars, 2); i++)
    g_string_append_c (out, '*');

  return g_string_free (out, FALSE);
}

/* Returns the ASCII digits of @phone (full-width digits folded), dropping
 * spaces, dashes, "+" and anything else. */
static char *
phone_digits (const char *phone)
{
  g_autofree char *valid = g_utf8_make_valid (phone, -1);
  g_autofree char *folded = ledger_text_fold_ascii (valid);
  GString *digits = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }
  return g_string_free (digits, FALSE);
}

/* Masks a phone number for the auditor's workbook: enough digits remain to
 * tell two owners' numbers apart, too few to call anyone. */
char *
ledger_text_mask_phone (const char *phone)
{
  g_autofree char *digits = NULL;
  gsize n, keep_head, keep_tail;
  GString *out;

  g_return_val_if_fail (phone != NULL, NULL);

  digits = phone_digits (phone);
  n = strlen (digits);
  keep_head = n >= PHONE_LONG_DIGITS ? 3 : 0;
  keep_tail = n >= PHONE_LONG_DIGITS ? 4 : MIN (n, 2);

  out = g_string_new_len (digits, (gssize) keep_head);
  for (gsize i = keep_head; i < n - keep_tail; i++)
    g_string_append_c (out, '*');
  g_string_append (out, digits + n - keep_tail);

  return g_string_free (out, FALSE);
}

gboolean
ledger_text_is_invisible (gunichar c)
{
  if (g_unichar_type (c) == G_UNICODE_FORMAT)
    return TRUE;
  /* Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt,
   * Unicode 15), which fonts draw as nothing, plus the blanks that are not
   * in it but draw as an empty cell: what one person's name can be padded
   * with to pass for another's. */
  return c == 0x00AD                           /* soft hyphen */
         || c == 0x034F                        /* combining grapheme joiner */
         || c == 0x061C                        /* Arabic letter mark */
         || c == 0x115F || c == 0x1160         /* Hangul choseong/jungseong fillers */
         || c == 0x17B4 || c == 0x17B5         /* Khmer inherent vowels */
         || (c >= 0x180B && c <= 0x180F)       /* Mongolian variation selectors, vowel separator */
         || (c >= 0x200B && c <= 0x200F)       /* zero-width space, joiners, LRM/RLM */
         || (c >= 0x202A && c <= 0x202E)       /* bidi embeddings and overrides */
         || (c >= 0x2060 && c <= 0x206F)       /* word joiner, invisible operators, isolates */
         || c == 0x2800                        /* braille pattern blank */
         || c == 0x3164 || c == 0xFFA0         /* Hangul fillers */
         || (c >= 0xFE00 && c <= 0xFE0F)       /* variation selectors */
         || c == 0xFEFF                        /* zero-width no-break space */
         || (c >= 0xFFF0 && c <= 0xFFF8)       /* reserved ignorables */
         || (c >= 0x1BCA0 && c <= 0x1BCA3)     /* shorthand format controls */
         || (c >= 0x1D173 && c <= 0x1D17A)     /* musical symbol format controls */
         || (c >= 0xE0000 && c <= 0xE0FFF);    /* tags, variation selectors supplement */
}

/* Checks that @text is valid UTF-8 with something in it and returns it
 * folded to ASCII and trimmed, ready to be taken apart: money and periods
 * both start here, so both refuse the same input with the same words. */
char *
ledger_text_fold_input (const char  *text,
                        const char  *field,
                        GError     **error)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      ledger_text_set_invalid_input (error, field, text,
                                     text == NULL ? _("nothing entered")
                                                  : _("not valid UTF-8 text"));
      return NULL;
    }

  folded = ledger_text_fold_ascii (text);
  if (*folded == '\0')
    {
      ledger_text_set_invalid_input (error, field, text, _("nothing entered"));
      return NULL;
    }

  return g_steal_pointer (&folded);
}

/* ledger-privacy.c — finding phone numbers and owners' names in free text,
 * whatever way they were written, before text goes public
 *
 * A treasurer's input method, a copy from a chat program or someone who
 * wants a number on the notice board can write 13812341234 in many ways:
 * １３８－１２３４－１２３４, 138.1234.1234, 138 1234 1234 with ideographic
 * spaces, 138<U+200B>1234…, +86 (138) 1234-1234. Names likewise: 王　伟,
 * 王<U+200B>伟, WANG  WEI. So nothing here compares the text as stored:
 * each character is first brought to its NFKC form, invisible characters
 * are dropped and spaces of every width become one kind, and comparison
 * runs on that normalised sequence. Every normalised character remembers
 * the bytes of the original it came from, so that a match is masked in
 * the original text and everything else keeps its form (a public notice
 * keeps its full-width Chinese punctuation).
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-privacy.h"
#include "ledger-text.h"

/* Shorter digit runs are dates, amounts and invoice numbers, not phones. */
#define PHONE_MIN_DIGITS 7
/* A mainland mobile number: 1, then 3 to 9, then nine more digits. */
#define MOBILE_DIGITS 11
/* Separators allowed between two digits of one number ("）－ ", " - "). */
#define MAX_DIGIT_GAP 3
/* Other characters allowed between digit groups of a number's shape. */
#define MAX_LOOSE_GAP 2
/* Spaces, dots or dashes allowed between two characters of a name. */
#define MAX_NAME_GAP 3
#define REPLACEMENT_CHAR 0xFFFD

/* One character of the normalised text and the bytes [start, end) of the
 * original character it came from (NFKC may make several of one). */
typedef struct
{
  gunichar c;
  guint    start;
  guint    end;
} NormChar;

/* A part of the original text to replace: [start, end) by @with. */
typedef struct
{
  guint       start;
  guint       end;
  const char *with;
} Cut;

/* C0, DEL and C1 controls, and the Unicode line and paragraph separators
 * (a line break by another name). */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* The Latin letter that a Greek or Cyrillic letter (or a dotless i) is
 * drawn like, in the same case, or @c itself; and every dash and minus
 * sign as "-", every apostrophe as "'". "К1" (Cyrillic), "Κ1" (Greek)
 * and "K1" look the same on screen and in print, so they are one key and
 * one name. Both cases of a pair map to the same letter, so that
 * comparing in lower case still works for Cyrillic and Greek names. */
static gunichar
fold_look_alike (gunichar c)
{
  static const struct { gunichar from; char to; } table[] = {
    /* Cyrillic */
    { 0x0410, 'A' }, { 0x0430, 'a' }, { 0x0412, 'B' }, { 0x0432, 'b' }, { 0x0415, 'E' },
    { 0x0435, 'e' }, { 0x0405, 'S' }, { 0x0455, 's' }, { 0x0406, 'I' }, { 0x0456, 'i' },
    { 0x0408, 'J' }, { 0x0458, 'j' }, { 0x041A, 'K' }, { 0x043A, 'k' }, { 0x041C, 'M' },
    { 0x043C, 'm' }, { 0x041D, 'H' }, { 0x043D, 'h' }, { 0x041E, 'O' }, { 0x043E, 'o' },
    { 0x0420, 'P' }, { 0x0440, 'p' }, { 0x0421, 'C' }, { 0x0441, 'c' }, { 0x0422, 'T' },
    { 0x0442, 't' }, { 0x0423, 'Y' }, { 0x0443, 'y' }, { 0x0425, 'X' }, { 0x0445, 'x' },
    { 0x04BA, 'H' }, { 0x04BB, 'h' }, { 0x04AE, 'Y' }, { 0x04AF, 'y' }, { 0x051A, 'Q' },
    { 0x051B, 'q' }, { 0x051C, 'W' }, { 0x051D, 'w' }, { 0x0500, 'D' }, { 0x0501, 'd' },
    { 0x04C0, 'I' }, { 0x04CF, 'i' },
    /* Greek */
    { 0x0391, 'A' }, { 0x03B1, 'a' }, { 0x0392, 'B' }, { 0x03B2, 'b' }, { 0x0395, 'E' },
    { 0x03B5, 'e' }, { 0x0396, 'Z' }, { 0x03B6, 'z' }, { 0x0397, 'H' }, { 0x03B7, 'h' },
    { 0x0399, 'I' }, { 0x03B9, 'i' }, { 0x039A, 'K' }, { 0x03BA, 'k' }, { 0x039C, 'M' },
    { 0x03BC, 'm' }, { 0x039D, 'N' }, { 0x03BD, 'n' }, { 0x039F, 'O' }, { 0x03BF, 'o' },
    { 0x03A1, 'P' }, { 0x03C1, 'p' }, { 0x03A4, 'T' }, { 0x03C4, 't' }, { 0x03A5, 'Y' },
    { 0x03C5, 'y' }, { 0x03A7, 'X' }, { 0x03C7, 'x' }, { 0x03F9, 'C' }, { 0x03F2, 'c' },
    { 0x037F, 'J' }, { 0x03F3, 'j' },
    /* Latin dotless i, Armenian o */
    { 0x0131, 'i' }, { 0x0555, 'O' }, { 0x0585, 'o' },
  };

  if (c < 0x80)
    return c;
  if (c == 0x2212 || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION)
    return '-';
  if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032)
    return '\'';
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].from == c)
      return (gunichar) table[i].to;
  return c;
}

/* Appends @c, or a space for any Unicode space, unless it is invisible. */
static void
push_char (GArray   *map,
           gunichar  c,
           guint     start,
           guint     end)
{
  NormChar n = { c, start, end };

  /* Printable ASCII is its own normal form (the one space is " "). */
  if (c >= 0x20 && c < 0x7F)
    {
      g_array_append_val (map, n);
      return;
    }
  if (is_control (c) || ledger_text_is_invisible (c))
    return;
  if (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    n.c = ' ';
  else
    n.c = fold_look_alike (c);
  g_array_append_val (map, n);
}

/* The normalised characters of @valid (valid UTF-8), each with the bytes
 * of @valid it stands for. NFKC one character at a time keeps that link;
 * the compositions it misses (a letter and a separate combining mark) do
 * not make digits or names that the comparisons here would miss. */
/* The character that the %-escapes at @p spell (%31 is "1", %E7%8E%8B is
 * "王"), with @next set past them; 0 when @p starts none. */
static gunichar
percent_char (const char  *p,
              const char **next)
{
  char bytes[5] = { 0 };
  guint n = 1;

  for (guint i = 0; i < n; i++)
    {
      int hi, lo;
      guchar b;

      if (p[3 * i] != '%' || (hi = g_ascii_xdigit_value (p[3 * i + 1])) < 0 ||
          (lo = g_ascii_xdigit_value (p[3 * i + 2])) < 0)
        return 0;
      b = (guchar) (hi * 16 + lo);
      if (i == 0)
        n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
      if (n == 0 || b == 0)
        return 0;
      bytes[i] = (char) b;
    }
  if (!g_utf8_validate (bytes, n, NULL))
    return 0;
  *next = p + 3 * n;
  return g_utf8_get_char (bytes);
}

static GArray *
normalise_map_full (const char *valid,
                    gboolean    unescape)
{
  GArray *map = g_array_sized_new (FALSE, FALSE, sizeof (NormChar), (guint) strlen (valid));

  for (const char *p = valid; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      guint start, end;
      g_autofree char *nfkc = NULL;
      char one[8];

      /* In a scrubbed text, a link's %-escapes are read as what they
       * stand for: tel=138%201234%201234 is a phone number. */
      if (unescape && c == '%')
        {
          const char *after = NULL;
          gunichar decoded = percent_char (p, &after);

          if (decoded != 0)
            {
              start = (guint) (p - valid);
              end = (guint) (after - valid);
              one[g_unichar_to_utf8 (decoded, one)] = '\0';
              if (decoded < 0x80 || (nfkc = g_utf8_normalize (one, -1, G_NORMALIZE_NFKC)) == NULL)
                push_char (map, decoded, start, end);
              else
                for (const char *q = nfkc; *q != '\0'; q = g_utf8_next_char (q))
                  push_char (map, g_utf8_get_char (q), start, end);
              p = after;
              continue;
            }
        }
      start = (guint) (p - valid);
      end = (guint) (next - valid);

      /* ASCII and the CJK unified ideographs are their own NFKC form: most
       * of a Chinese memo needs no call. */
      if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || ledger_text_is_invisible (c) ||
          (nfkc = g_utf8_normalize (p, next - p, G_NORMALIZE_NFKC)) == NULL)
        push_char (map, c, start, end);
      else
        for (const char *q = nfkc; *q != '\0'; q = g_utf8_next_char (q))
          push_char (map, g_utf8_get_char (q), start, end);
      p = next;
    }
  return map;
}

static GArray *
normalise_map (const char *valid)
{
  return normalise_map_full (valid, FALSE);
}

/* The normalised text of @text (see ledger_privacy_normalise()), in lower
 * case when @lower. */
static char *
normalise_text (const char *text,
                gboolean    lower)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr(GArray) map = normalise_map (valid);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < map->len; i++)
    {
      gunichar c = g_array_index (map, NormChar, i).c;

      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, lower ? g_unichar_tolower (c) : c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
ledger_privacy_normalise (const char *text)
{
  return normalise_text (text, TRUE);
}

char *
ledger_privacy_name_key (const char *name)
{
  g_autofree char *normal = ledger_privacy_normalise (name);
  GString *key = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

char *
ledger_privacy_owner_key (const char *key)
{
  return normalise_text (key, FALSE);
}

/* ------------------------------------------------------------------ */
/* Digits */

/* The value of a decimal digit of any script (NFKC has already folded
 * full-width and circled forms), or of the Chinese numerals a number can
 * be spelt with (〇一二…九, 零, 幺 as said on the phone, and the financial
 * 壹贰叁…玖); -1 for anything else. */
static int
digit_value (gunichar c)
{
  static const struct { gunichar c; int value; } chinese[] = {
    { 0x3007, 0 }, { 0x96F6, 0 }, { 0x4E00, 1 }, { 0x5E7A, 1 }, { 0x58F9, 1 },
    { 0x4E8C, 2 }, { 0x8D30, 2 }, { 0x4E09, 3 }, { 0x53C1, 3 }, { 0x56DB, 4 },
    { 0x8086, 4 }, { 0x4E94, 5 }, { 0x4F0D, 5 }, { 0x516D, 6 }, { 0x9646, 6 },
    { 0x4E03, 7 }, { 0x67D2, 7 }, { 0x516B, 8 }, { 0x634C, 8 }, { 0x4E5D, 9 },
    { 0x7396, 9 },
  };
  int value;

  if (c < 0x80)
    return c >= '0' && c <= '9' ? (int) (c - '0') : -1;
  value = g_unichar_digit_value (c);
  if (value >= 0)
    return value;
  for (gsize i = 0; i < G_N_ELEMENTS (chinese); i++)
    if (chinese[i].c == c)
      return chinese[i].value;
  return -1;
}

/* What people put between the digit groups of a phone number: spaces,
 * dashes of every kind, dots, slashes, brackets, a plus. Not commas or
 * colons, which separate amounts and times. */
static gboolean
is_digit_separator (gunichar c)
{
  if (g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION)
    return TRUE;
  switch (c)
    {
    case ' ': case '.': case '/': case '\\': case '(': case ')': case '[': case ']':
    case '{': case '}': case '+': case '_': case '~':
    case 0x00B7:   /* · middle dot */
    case 0x2022:   /* • bullet */
    case 0x2027:   /* ‧ hyphenation point */
    case 0x2212:   /* − minus sign */
    case 0x2044:   /* ⁄ fraction slash */
    case 0x2215:   /* ∕ division slash */
    case 0x3002:   /* 。 ideographic full stop */
    case 0x30FB:   /* ・ katakana middle dot */
    case 0x3010: case 0x3011: case 0x3014: case 0x3015:   /* 【】〔〕 */
    case 0x3008: case 0x3009: case 0x300A: case 0x300B:   /* 〈〉《》 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* A run of digits in the normalised text: its digits as ASCII, the offsets
 * in @digits where a group (digits written together) starts, and the
 * normalised characters it spans. */
typedef struct
{
  GString *digits;
  GArray  *groups;     /* guint offsets into digits */
  GArray  *positions;  /* guint: the index in the map of each digit */
  guint    first;
  guint    last;
} DigitRun;

typedef gboolean (*SeparatorFunc) (gunichar c);

static void
digit_run_init (DigitRun *run)
{
  run->digits = g_string_sized_new (32);
  run->groups = g_array_new (FALSE, FALSE, sizeof (guint));
  run->positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
digit_run_clear (DigitRun *run)
{
  g_string_free (run->digits, TRUE);
  g_array_unref (run->groups);
  g_array_unref (run->positions);
}

/* What the second, stricter look (see run_loose_mobile) lets between digit
 * groups: any one or two characters that are no letter, digit or
 * ideograph — commas, colons, 、, | … which also separate amounts. */
static gboolean
is_loose_separator (gunichar c)
{
  return !g_unichar_isalnum (c) && digit_value (c) < 0;
}

/* Reads the run of digits that starts at map[@i], up to @max_gap
 * characters for which @separator is TRUE allowed between groups, into
 * @run (digit_run_init(); what it held before is dropped). */
static void
scan_run (GArray        *map,
          guint          i,
          SeparatorFunc  separator,
          guint          max_gap,
          DigitRun      *run)
{
  guint zero = 0;

  g_string_truncate (run->digits, 0);
  g_array_set_size (run->groups, 0);
  g_array_set_size (run->positions, 0);
  run->first = run->last = i;
  g_array_append_val (run->groups, zero);
  for (guint j = i; j < map->len;)
    {
      int d = digit_value (g_array_index (map, NormChar, j).c);
      guint k = j + 1, gap = 0;

      g_string_append_c (run->digits, (char) ('0' + d));
      g_array_append_val (run->positions, j);
      run->last = j;
      while (k < map->len && gap < max_gap && separator (g_array_index (map, NormChar, k).c))
        k++, gap++;
      if (k >= map->len || digit_value (g_array_index (map, NormChar, k).c) < 0)
        break;
      if (gap > 0)
        {
          guint at = (guint) run->digits->len;

          g_array_append_val (run->groups, at);
        }
      j = k;
    }
}

/* Whether a mobile number can start at @at of @digits, whose group starts
 * at @group: at the group's start, or after a country or trunk prefix
 * written together with it (8613812341234, 013812341234). */
static gboolean
starts_number (const char *digits,
               guint       group,
               guint       at)
{
  static const char *const prefixes[] = { "", "0", "86", "086", "0086" };

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (at - group == strlen (prefixes[i]) &&
        strncmp (digits + group, prefixes[i], at - group) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @at is where a group of @run starts, or its end. */
static gboolean
is_group_boundary (const DigitRun *run,
                   guint           at)
{
  if (at == run->digits->len)
    return TRUE;
  for (guint g = 0; g < run->groups->len; g++)
    if (g_array_index (run->groups, guint, g) == at)
      return TRUE;
  return FALSE;
}

/* Whether @run holds 1[3-9] and nine more digits that start a number and
 * end a group: 138123412345 written together is an id, not a phone. */
static gboolean
run_holds_mobile (const DigitRun *run)
{
  const char *d = run->digits->str;
  guint n = (guint) run->digits->len;

  for (guint g = 0; g < run->groups->len; g++)
    {
      guint group = g_array_index (run->groups, guint, g);
      guint group_end = g + 1 < run->groups->len ? g_array_index (run->groups, guint, g + 1) : n;

      for (guint at = group; at < group_end && at + MOBILE_DIGITS <= n; at++)
        if (d[at] == '1' && d[at + 1] >= '3' && d[at + 1] <= '9' && starts_number (d, group, at) &&
            is_group_boundary (run, at + MOBILE_DIGITS))
          return TRUE;
    }
  return FALSE;
}

/* The digits of @phone as ASCII. */
static char *
digits_of (const char *phone)
{
  g_autofree char *valid = g_utf8_make_valid (phone, -1);
  g_autoptr(GArray) map = normalise_map (valid);
  GString *digits = g_string_new (NULL);

  for (guint i = 0; i < map->len; i++)
    {
      int d = digit_value (g_array_index (map, NormChar, i).c);

      if (d >= 0)
        g_string_append_c (digits, (char) ('0' + d));
    }
  return g_string_free (digits, FALSE);
}

/* Adds the digits of a registered @phone to @wanted, and, when it starts
 * with the country code (+86 10 6552 9988), the national number too: the
 * same phone is written 010 6552 9988 at home. */
static void
add_wanted_phone (GPtrArray  *wanted,
                  const char *phone)
{
  char *digits = digits_of (phone);
  static const char *const country[] = { "0086", "86" };

  if (strlen (digits) < PHONE_MIN_DIGITS)
    {
      g_free (digits);
      return;
    }
  g_ptr_array_add (wanted, digits);
  for (gsize i = 0; i < G_N_ELEMENTS (country); i++)
    if (g_str_has_prefix (digits, country[i]) &&
        strlen (digits) - strlen (country[i]) >= PHONE_MIN_DIGITS)
      {
        g_ptr_array_add (wanted, g_strdup (digits + strlen (country[i])));
        break;
      }
}

/* The register's phones, and what finds the few a run of digits could
 * concern without comparing it with every one: a register of 5,000
 * households is 5,000 phones, and every run of seven digits or more in
 * every text (receipt numbers, invoices, dates: most of a journal's
 * lines) would otherwise be searched for each of them, and each of them
 * in it. */
typedef struct
{
  GPtrArray  *phones; /* the register's phones as digits, each of PHONE_MIN_DIGITS or more */
  GHashTable *heads;  /* the first PHONE_MIN_DIGITS digits of each phone */
  GHashTable *grams;  /* every PHONE_MIN_DIGITS digits in a row of each phone */
} PhoneSet;

static void
phone_set_clear (PhoneSet *set)
{
  g_clear_pointer (&set->phones, g_ptr_array_unref);
  g_clear_pointer (&set->heads, g_hash_table_unref);
  g_clear_pointer (&set->grams, g_hash_table_unref);
}

static void
phone_set_init (PhoneSet        *set,
                const GPtrArray *phones)
{
  set->phones = g_ptr_array_new_with_free_func (g_free);
  set->heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->grams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; phones != NULL && i < phones->len; i++)
    add_wanted_phone (set->phones, g_ptr_array_index (phones, i));
  for (guint i = 0; i < set->phones->len; i++)
    {
      const char *phone = g_ptr_array_index (set->phones, i);
      gsize len = strlen (phone);

      g_hash_table_add (set->heads, g_strndup (phone, PHONE_MIN_DIGITS));
      for (gsize at = 0; at + PHONE_MIN_DIGITS <= len; at++)
        g_hash_table_add (set->grams, g_strndup (phone + at, PHONE_MIN_DIGITS));
    }
}

/* Whether @table holds the PHONE_MIN_DIGITS digits at @digits. */
static gboolean
holds_window (GHashTable *table,
              const char *digits)
{
  char window[PHONE_MIN_DIGITS + 1];

  memcpy (window, digits, PHONE_MIN_DIGITS);
  window[PHONE_MIN_DIGITS] = '\0';
  return g_hash_table_contains (table, window);
}

/* Whether @run (of PHONE_MIN_DIGITS digits or more) could hold a phone of
 * @set or be part of one: a phone inside the run starts with a head found
 * at some offset of the run; a run inside a phone starts with one of the
 * phone's grams. FALSE is certain; TRUE is to be checked. */
static gboolean
run_may_concern (const DigitRun *run,
                 const PhoneSet *set)
{
  const char *d = run->digits->str;
  gsize len = run->digits->len;

  if (holds_window (set->grams, d))
    return TRUE;
  for (gsize at = 0; at + PHONE_MIN_DIGITS <= len; at++)
    if (holds_window (set->heads, d + at))
      return TRUE;
  return FALSE;
}

/* Whether @run holds a phone of the register, or is (7 digits or more of)
 * one: a landline's local part is written without its area code. */
static gboolean
run_holds_registered (const DigitRun *run,
                      const PhoneSet *set)
{
  if (set == NULL || set->phones->len == 0 || run->digits->len < PHONE_MIN_DIGITS ||
      !run_may_concern (run, set))
    return FALSE;
  for (guint i = 0; i < set->phones->len; i++)
    {
      const char *phone = g_ptr_array_index (set->phones, i);

      if (strstr (run->digits->str, phone) != NULL || strstr (phone, run->digits->str) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The size of group @g of @run in digits. */
static guint
group_size (const DigitRun *run,
            guint           g)
{
  guint start = g_array_index (run->groups, guint, g);
  guint end = g + 1 < run->groups->len ? g_array_index (run->groups, guint, g + 1)
                                       : (guint) run->digits->len;

  return end - start;
}

/* Finds, in a run read with loose separators, two or three whole groups
 * that make a mobile number (138,1234,1234  138、12341234  138:1234:1234)
 * and are not thousands: an amount's groups after the first have three
 * digits each (1,380,000), a phone's do not. Sets the digits' offsets. */
static gboolean
run_loose_mobile (const DigitRun *run,
                  guint          *out_first,
                  guint          *out_last)
{
  static const guint prefix_lengths[] = { 0, 1, 2, 3, 4 };   /* "", 0, 86, 086, 0086 */
  const char *d = run->digits->str;

  for (guint g = 0; g < run->groups->len; g++)
    for (gsize p = 0; p < G_N_ELEMENTS (prefix_lengths); p++)
      {
        guint group = g_array_index (run->groups, guint, g);
        guint at = group + prefix_lengths[p], total = 0;
        gboolean not_thousands = FALSE;

        if (at >= group + group_size (run, g) || !starts_number (d, group, at))
          continue;
        for (guint n = 0; n < 3 && g + n < run->groups->len && total < MOBILE_DIGITS; n++)
          {
            total += group_size (run, g + n) - (n == 0 ? prefix_lengths[p] : 0);
            not_thousands = not_thousands || (n > 0 && group_size (run, g + n) != 3);
            if (n > 0 && total == MOBILE_DIGITS && not_thousands &&
                d[at] == '1' && d[at + 1] >= '3' && d[at + 1] <= '9')
              {
                *out_first = at;
                *out_last = at + MOBILE_DIGITS - 1;
                return TRUE;
              }
          }
      }
  return FALSE;
}

/* Adds a Cut for the map characters [@first, @last]. */
static void
add_cut (GArray   *map,
         guint     first,
         guint     last,
         GArray   *cuts,
         gboolean *found)
{
  Cut cut = { g_array_index (map, NormChar, first).start, g_array_index (map, NormChar, last).end,
              "***" };

  if (cuts != NULL)
    g_array_append_val (cuts, cut);
  if (found != NULL)
    *found = TRUE;
}

/* Adds a Cut for every run of @map that holds a phone: runs with the
 * separators people put inside phone numbers first, then groups split by
 * anything else that have the shape of one. */
static void
find_phones (GArray         *map,
             const PhoneSet *wanted,
             GArray         *cuts,
             gboolean       *found)
{
  DigitRun run;

  /* One run's buffers for every run of the text. */
  digit_run_init (&run);
  for (guint i = 0; i < map->len; i++)
    {
      if (digit_value (g_array_index (map, NormChar, i).c) < 0)
        continue;
      scan_run (map, i, is_digit_separator, MAX_DIGIT_GAP, &run);
      if (run.digits->len >= PHONE_MIN_DIGITS &&
          (run_holds_mobile (&run) || run_holds_registered (&run, wanted)))
        add_cut (map, run.first, run.last, cuts, found);
      i = run.last;
    }
  for (guint i = 0; i < map->len; i++)
    {
      guint first, last;

      if (digit_value (g_array_index (map, NormChar, i).c) < 0)
        continue;
      scan_run (map, i, is_loose_separator, MAX_LOOSE_GAP, &run);
      if (run_loose_mobile (&run, &first, &last))
        add_cut (map, g_array_index (run.positions, guint, first),
                 g_array_index (run.positions, guint, last), cuts, found);
      i = run.last;
    }
  digit_run_clear (&run);
}

/* Whether @text, decoded from %-escapes too, holds a mobile number. */
gboolean
ledger_privacy_has_mobile_number (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *unescaped = NULL;
  g_autoptr(GArray) map = NULL;
  gboolean found = FALSE;

  if (text == NULL)
    return FALSE;
  valid = g_utf8_make_valid (text, -1);
  map = normalise_map (valid);
  find_phones (map, NULL, NULL, &found);
  if (found || strchr (text, '%') == NULL)
    return found;
  unescaped = g_uri_unescape_string (text, NULL);
  return unescaped != NULL && strcmp (unescaped, text) != 0 &&
         ledger_privacy_has_mobile_number (unescaped);
}

/* ------------------------------------------------------------------ */
/* Names */

/* What may sit between two characters of a name: spaces, dots, dashes,
 * apostrophes ("Wang Wei", "阿依·买买提", "O'Neil"). */
static gboolean
is_name_gap (gunichar c)
{
  return c == ' ' || c == '.' || c == '_' || c == '\'' || c == 0x2019 || c == 0x00B7 ||
         c == 0x30FB || c == 0x2022 || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION;
}

typedef struct
{
  gunichar *key;
  glong     len;
  gboolean  latin;
  char     *masked;
} NameKey;

static void
name_key_clear (gpointer data)
{
  NameKey *k = data;

  g_free (k->key);
  g_free (k->masked);
}

/* Longer keys first, so that 欧阳娜娜 is masked whole before 欧阳 is. */
static gint
longer_key_first (gconstpointer a,
                  gconstpointer b)
{
  glong la = ((const NameKey *) a)->len, lb = ((const NameKey *) b)->len;

  return la < lb ? 1 : la > lb ? -1 : 0;
}

/* Adds a key of @words (letters and digits only) in the order @order. */
static void
add_key_in_order (GArray      *keys,
                  char *const *words,
                  const guint *order,
                  guint        n,
                  const char  *masked)
{
  GString *joined = g_string_new (NULL);
  NameKey k = { NULL, 0, TRUE, NULL };

  for (guint w = 0; w < n; w++)
    g_string_append (joined, words[order[w]]);
  k.key = g_utf8_to_ucs4_fast (joined->str, -1, &k.len);
  k.masked = g_strdup (masked);
  g_string_free (joined, TRUE);
  g_array_append_val (keys, k);
}

/* A Latin name is written with the family name first or last ("Zhang Li",
 * "Li Zhang", "ZHANG, Li"): adds the keys of @owner's words with the last
 * one moved to the front and with the first one moved to the end. */
static void
add_swapped_keys (GArray     *keys,
                  const char *owner,
                  const char *masked)
{
  g_autofree char *normal = ledger_privacy_normalise (owner);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *order = NULL;
  GString *word = g_string_new (NULL);
  guint n;

  for (const char *p = normal;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  n = words->len;
  if (n < 2)
    return;
  order = g_new (guint, n);
  for (guint w = 0; w < n; w++)
    order[w] = (w + n - 1) % n;     /* last first */
  add_key_in_order (keys, (char *const *) words->pdata, order, n, masked);
  if (n > 2)
    {
      for (guint w = 0; w < n; w++)
        order[w] = (w + 1) % n;     /* first last */
      add_key_in_order (keys, (char *const *) words->pdata, order, n, masked);
    }
}

/* The keys of @owners of two characters or more, longest first. */
static GArray *
name_keys (const GPtrArray *owners)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (NameKey));

  g_array_set_clear_func (keys, name_key_clear);
  for (guint i = 0; owners != NULL && i < owners->len; i++)
    {
      g_autofree char *key = ledger_privacy_name_key (g_ptr_array_index (owners, i));
      NameKey k = { NULL, 0, TRUE, NULL };

      k.key = g_utf8_to_ucs4_fast (key, -1, &k.len);
      if (k.len < 2)
        {
          g_free (k.key);
          continue;
        }
      for (glong j = 0; j < k.len; j++)
        k.latin = k.latin && k.key[j] < 0x80;
      k.masked = ledger_text_mask_name (g_ptr_array_index (owners, i));
      g_array_append_val (keys, k);
      if (k.latin)
        add_swapped_keys (keys, g_ptr_array_index (owners, i), k.masked);
    }
  g_array_sort (keys, longer_key_first);
  return keys;
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

/* The index of the last character of a match of @k starting at @i in
 * @low (lower-cased normalised characters), or -1. */
static gint64
match_name (const gunichar *low,
            const gboolean *taken,
            guint           n,
            guint           i,
            const NameKey  *k)
{
  guint j = i;

  if (low[i] != k->key[0] || taken[i])
    return -1;
  if (k->latin && i > 0 && is_ascii_alnum (low[i - 1]))
    return -1;
  for (glong ki = 1; ki < k->len; ki++)
    {
      guint gap = 0;

      j++;
      while (j < n && gap < MAX_NAME_GAP && (is_name_gap (low[j]) || (k->latin && low[j] == ',')))
        j++, gap++;
      if (j >= n || taken[j] || low[j] != k->key[ki])
        return -1;
    }
  if (k->latin && j + 1 < n && is_ascii_alnum (low[j + 1]))
    return -1;
  return j;
}

/* Adds a Cut for every occurrence of a name of @keys in @map; the cuts
 * point to the masked names that @keys holds. */
static void
find_names (GArray *map,
            GArray *keys,
            GArray *cuts)
{
  g_autofree gunichar *low = NULL;
  g_autofree gboolean *taken = NULL;

  if (keys->len == 0)
    return;
  low = g_new (gunichar, map->len + 1);
  taken = g_new0 (gboolean, map->len + 1);
  for (guint i = 0; i < map->len; i++)
    low[i] = g_unichar_tolower (g_array_index (map, NormChar, i).c);
  /* Phones found first keep their characters. */
  for (guint c = 0; c < cuts->len; c++)
    for (guint i = 0; i < map->len; i++)
      {
        const NormChar *nc = &g_array_index (map, NormChar, i);
        const Cut *cut = &g_array_index (cuts, Cut, c);

        taken[i] = taken[i] || (nc->start >= cut->start && nc->end <= cut->end);
      }
  for (guint k = 0; k < keys->len; k++)
    for (guint i = 0; i < map->len; i++)
      {
        const NameKey *key = &g_array_index (keys, NameKey, k);
        gint64 last = match_name (low, taken, map->len, i, key);
        Cut cut;

        if (last < 0)
          continue;
        cut.start = g_array_index (map, NormChar, i).start;
        cut.end = g_array_index (map, NormChar, last).end;
        cut.with = key->masked;
        g_array_append_val (cuts, cut);
        for (guint t = i; t <= (guint) last; t++)
          taken[t] = TRUE;
        i = (guint) last;
      }
}

/* ------------------------------------------------------------------ */
/* Writing */

/* Whether @c is shown as it is: neither a control character (written as
 * U+FFFD) nor an invisible one (dropped). Printable ASCII and the CJK
 * unified ideographs, most of what a book holds, are answered without
 * Unicode's tables. */
static inline gboolean
is_plain_visible (gunichar c)
{
  if ((c >= 0x20 && c < 0x7F) || (c >= 0x4E00 && c <= 0x9FFF))
    return TRUE;
  return !is_control (c) && !ledger_text_is_invisible (c);
}

/* Appends @text[from, to) without its invisible characters and with
 * control characters shown as U+FFFD. Runs of characters shown as they
 * are go in with one copy: this runs on every cell of an export. */
static void
append_visible (GString    *out,
                const char *text,
                guint       from,
                guint       to)
{
  const char *end = text + to, *span = text + from;

  for (const char *p = span; p < end;)
    {
      const char *next;
      gunichar c;

      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      c = g_utf8_get_char (p);
      if (is_plain_visible (c))
        {
          p = next;
          continue;
        }
      g_string_append_len (out, span, p - span);
      if (is_control (c))
        g_string_append_unichar (out, REPLACEMENT_CHAR);
      p = span = next;
    }
  g_string_append_len (out, span, end - span);
}

static gint
cut_order (gconstpointer a,
           gconstpointer b)
{
  guint sa = ((const Cut *) a)->start, sb = ((const Cut *) b)->start;

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/* @valid with @cuts applied (overlaps keep the first) and made visible. */
static char *
apply_cuts (const char *valid,
            GArray     *cuts)
{
  GString *out = g_string_new (NULL);
  guint at = 0;

  g_array_sort (cuts, cut_order);
  for (guint i = 0; i < cuts->len; i++)
    {
      const Cut *cut = &g_array_index (cuts, Cut, i);

      /* Overlapping cuts (a phone found by both looks) mask their union. */
      if (cut->start < at)
        {
          at = MAX (at, cut->end);
          continue;
        }
      append_visible (out, valid, at, cut->start);
      g_string_append (out, cut->with);
      at = cut->end;
    }
  append_visible (out, valid, at, (guint) strlen (valid));
  return g_string_free (out, FALSE);
}

/* Whether @text is printable ASCII without a digit or "%": no phone can
 * be written in it, and it is its own neutralised form. */
static gboolean
is_plain_ascii_without_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F || g_ascii_isdigit (*p) || *p == '%')
      return FALSE;
  return TRUE;
}

/* Whether @text, valid UTF-8, is shown as it is (is_plain_visible() for
 * each character). */
static gboolean
is_all_visible (const char *text)
{
  for (const char *p = text; *p != '\0';)
    {
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        p++;
      else if (!is_plain_visible (g_utf8_get_char (p)))
        return FALSE;
      else
        p = g_utf8_next_char (p);
    }
  return TRUE;
}

gboolean
ledger_privacy_is_neutral (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) && is_all_visible (text);
}

char *
ledger_privacy_neutralise (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) no_cuts = NULL;

  if (text == NULL)
    return g_strdup ("");
  /* Nearly every text of a book is already what this makes of it. */
  if (ledger_privacy_is_neutral (text))
    return g_strdup (text);
  valid = g_utf8_make_valid (text, -1);
  no_cuts = g_array_new (FALSE, FALSE, sizeof (Cut));
  return apply_cuts (valid, no_cuts);
}

/* How many distinct texts a scrubber remembers by default: an export
 * scrubs the operator, reference and memo of each of 167,000 entries, of
 * which about 70,000 differ (operators and memos repeat, receipt numbers
 * do not); at about 100 bytes each, 13 MB at most. */
#define SCRUBBER_MEMO_SIZE 131072

struct _LedgerPrivacyScrubber
{
  GArray     *keys;      /* NameKey, longest first */
  PhoneSet    wanted;    /* the register's phones as digits */
  GHashTable *memo;      /* text → its scrubbed form, both owned */
  guint       memo_size; /* at most this many in @memo; 0: no memo */
};

LedgerPrivacyScrubber *
ledger_privacy_scrubber_new (const GPtrArray *owners,
                             const GPtrArray *phones)
{
  LedgerPrivacyScrubber *self = g_new0 (LedgerPrivacyScrubber, 1);

  self->keys = name_keys (owners);
  phone_set_init (&self->wanted, phones);
  self->memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->memo_size = SCRUBBER_MEMO_SIZE;
  return self;
}

void
ledger_privacy_scrubber_free (LedgerPrivacyScrubber *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->keys);
  phone_set_clear (&self->wanted);
  g_hash_table_unref (self->memo);
  g_free (self);
}

void
ledger_privacy_scrubber_set_memo_size (LedgerPrivacyScrubber *self,
                                       guint                  size)
{
  g_return_if_fail (self != NULL);

  self->memo_size = size;
  g_hash_table_remove_all (self->memo);
}

/* ledger_privacy_scrub() of @text, worked out. */
static char *
scrub (LedgerPrivacyScrubber *self,
       const char            *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) map = NULL;
  g_autoptr(GArray) cuts = NULL;

  /* Without names to look for, text without a digit (of any script: the
   * check is for ASCII only) or a %-escape holds nothing to remove. */
  if (self->keys->len == 0 && is_plain_ascii_without_digits (text))
    return g_strdup (text);
  valid = g_utf8_make_valid (text, -1);
  map = normalise_map_full (valid, TRUE);
  cuts = g_array_new (FALSE, FALSE, sizeof (Cut));
  find_phones (map, &self->wanted, cuts, NULL);
  find_names (map, self->keys, cuts);
  return apply_cuts (valid, cuts);
}

/* The result depends on the text and the scrubber alone, so a text seen
 * before is answered from the memo; a full memo is emptied and starts
 * again (the texts that repeat come back first). */
char *
ledger_privacy_scrubber_run (LedgerPrivacyScrubber *self,
                             const char            *text)
{
  const char *known;
  char *scrubbed;

  if (text == NULL)
    text = "";
  if (self->memo_size == 0)
    return scrub (self, text);
  known = g_hash_table_lookup (self->memo, text);
  if (known != NULL)
    return g_strdup (known);
  scrubbed = scrub (self, text);
  if (g_hash_table_size (self->memo) >= self->memo_size)
    g_hash_table_remove_all (self->memo);
  g_hash_table_insert (self->memo, g_strdup (text), g_strdup (scrubbed));
  return scrubbed;
}

char *
ledger_privacy_scrub (const char      *text,
                      const GPtrArray *owners,
                      const GPtrArray *phones)
{
  g_autoptr(LedgerPrivacyScrubber) scrubber = ledger_privacy_scrubber_new (owners, phones);

  return ledger_privacy_scrubber_run (scrubber, text);
}

/* test-privacy.c — the scrubber, the normaliser and the text validator
 * against phone numbers and names written every way this file can think
 * of: each test generates its variants (prefixes × separators × digit
 * forms × groupings; names × spaces × invisible characters × case), so a
 * new way of writing one is one more entry in a table. */
#include <string.h>

#include "ledger.h"

#define PHONE "13812341234"

static const char *const prefixes[] = {
  "", "+86", "+86 ", "86", "0086", "0086-", "086", "(+86)", "（+86）", "＋８６ ", "+86－", "0",
};

static const char *const separators[] = {
  "", " ", "-", "－", "—", "–", "‐", "−", ".", "．", "。", "/", "／", "\\", "\u3000", "\u00A0",
  "\u2009", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u2066",
  "·", "・", " - ", "_", "~", "\u200B\u200B", " . ", "\u3000-\u3000",
};

/* Digit groupings of the eleven digits. */
static const guint groupings[][4] = {
  { 3, 4, 4, 0 }, { 3, 8, 0, 0 }, { 11, 0, 0, 0 }, { 4, 3, 4, 0 }, { 3, 3, 5, 0 }, { 1, 2, 4, 4 },
};

typedef enum { DIGITS_ASCII, DIGITS_FULL, DIGITS_MIXED, DIGITS_CHINESE, DIGITS_MATH } DigitForm;

/* The digit @d written in @form (the @i-th digit, for mixed forms). */
static void
append_digit (GString   *out,
              int        d,
              DigitForm  form,
              guint      i)
{
  static const char *const chinese[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  switch (form)
    {
    case DIGITS_ASCII:
      g_string_append_c (out, (char) ('0' + d));
      break;
    case DIGITS_FULL:
      g_string_append_unichar (out, 0xFF10 + (gunichar) d);
      break;
    case DIGITS_MIXED:
      if (i % 2 == 0)
        g_string_append_unichar (out, 0xFF10 + (gunichar) d);
      else
        g_string_append_c (out, (char) ('0' + d));
      break;
    case DIGITS_CHINESE:
      g_string_append (out, chinese[d]);
      break;
    case DIGITS_MATH:   /* mathematical bold digits, NFKC-folded */
      g_string_append_unichar (out, 0x1D7CE + (gunichar) d);
      break;
    }
}

/* @phone written with @prefix, then its groups split by @sep. */
static char *
write_phone (const char    *phone,
             const char    *prefix,
             const char    *sep,
             const guint   *grouping,
             DigitForm      form)
{
  GString *out = g_string_new (prefix);
  guint at = 0;

  for (guint g = 0; g < 4 && grouping[g] != 0; g++)
    {
      if (g > 0)
        g_string_append (out, sep);
      for (guint k = 0; k < grouping[g]; k++, at++)
        append_digit (out, phone[at] - '0', form, at);
    }
  return g_string_free (out, FALSE);
}

/* The digits of the normalised @text, as ASCII ("〇" and the like are not
 * folded here: a Chinese-digit phone is checked by has_mobile_number). */
static char *
digits_only (const char *text)
{
  g_autofree char *normal = ledger_privacy_normalise (text);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      int v = g_unichar_digit_value (g_utf8_get_char (p));

      if (v >= 0)
        g_string_append_c (out, (char) ('0' + v));
    }
  return g_string_free (out, FALSE);
}

/* Whether seven digits in a row of @phone survive in @text. */
static gboolean
shows_part_of (const char *text,
               const char *phone)
{
  g_autofree char *digits = digits_only (text);
  gsize n = strlen (phone);

  for (gsize i = 0; i + 7 <= n; i++)
    {
      g_autofree char *part = g_strndup (phone + i, 7);

      if (strstr (digits, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Every variant, in a sentence, is found and removed. */
static void
test_phone_variants (void)
{
  guint n = 0;

  for (gsize p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (gsize s = 0; s < G_N_ELEMENTS (separators); s++)
      for (gsize g = 0; g < G_N_ELEMENTS (groupings); g++)
        for (DigitForm f = DIGITS_ASCII; f <= DIGITS_MATH; f++)
          {
            g_autofree char *phone = write_phone (PHONE, prefixes[p], separators[s], groupings[g], f);
            g_autofree char *text = g_strdup_printf ("联系王师傅%s，谢谢", phone);
            g_autofree char *scrubbed = ledger_privacy_scrub (text, NULL, NULL);

            if (!ledger_privacy_has_mobile_number (text))
              g_error ("not seen as a mobile number: %s", text);
            if (shows_part_of (scrubbed, PHONE) || strstr (scrubbed, "***") == NULL)
              g_error ("%s scrubbed to %s", text, scrubbed);
            if (!g_str_has_prefix (scrubbed, "联系王师傅") || !g_str_has_suffix (scrubbed, "，谢谢"))
              g_error ("%s: the words around the number changed: %s", text, scrubbed);
            n++;
          }
  g_test_message ("%u phone variants", n);
}

/* Groups split by commas, colons and the like (which also split amounts)
 * in the shapes of a phone number. */
static void
test_loose_separator_variants (void)
{
  static const char *const loose[] = { ",", "，", "、", ":", "：", ";", "|", "*", "#", ", ", "',", "～", "→" };
  static const guint shapes[][4] = { { 3, 4, 4, 0 }, { 3, 8, 0, 0 }, { 4, 3, 4, 0 }, { 3, 3, 5, 0 } };
  guint n = 0;

  for (gsize p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (gsize s = 0; s < G_N_ELEMENTS (loose); s++)
      for (gsize g = 0; g < G_N_ELEMENTS (shapes); g++)
        for (DigitForm f = DIGITS_ASCII; f <= DIGITS_MIXED; f++)
          {
            g_autofree char *phone = write_phone (PHONE, prefixes[p], loose[s], shapes[g], f);
            g_autofree char *text = g_strdup_printf ("联系王师傅%s，谢谢", phone);
            g_autofree char *scrubbed = ledger_privacy_scrub (text, NULL, NULL);

            if (!ledger_privacy_has_mobile_number (text) || shows_part_of (scrubbed, PHONE))
              g_error ("%s scrubbed to %s", text, scrubbed);
            n++;
          }
  g_test_message ("%u loose-separator variants", n);
}

/* A registered landline or a mobile not starting 1[3-9], written any way. */
static void
test_registered_phone_variants (void)
{
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  static const char *const registered[] = { "021-87654321", "+86 10 6552 9988" };
  static const char *const digits[] = { "02187654321", "01065529988" };

  for (gsize r = 0; r < G_N_ELEMENTS (registered); r++)
    g_ptr_array_add (phones, (gpointer) registered[r]);
  for (gsize r = 0; r < G_N_ELEMENTS (registered); r++)
    for (gsize s = 0; s < G_N_ELEMENTS (separators); s++)
      for (DigitForm f = DIGITS_ASCII; f <= DIGITS_MIXED; f++)
        {
          static const guint grouping[4] = { 3, 4, 4, 0 };
          g_autofree char *phone = write_phone (digits[r], "", separators[s], grouping, f);
          g_autofree char *text = g_strdup_printf ("电话%s找张工", phone);
          g_autofree char *scrubbed = ledger_privacy_scrub (text, NULL, phones);

          if (shows_part_of (scrubbed, digits[r] + 3))
            g_error ("%s scrubbed to %s", text, scrubbed);
        }
}

/* A register of thousands of phones (the scrubber finds the few a run of
 * digits could concern through an index, ledger-privacy.c): a registered
 * phone inside a longer run, a run that is part of one (a landline's
 * local part), the national number of one registered with +86, are cut;
 * runs that share seven digits with a registered phone without holding it
 * or being part of it, and the book's own numbers, stay. */
static void
test_registered_phones_among_thousands (void)
{
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  static const struct { const char *text; const char *scrubbed; } cases[] = {
    { "电话 021-87654321 找张工", "电话 *** 找张工" },          /* as registered */
    { "座机 8765 4321", "座机 ***" },                           /* its local part */
    { "转 10 6552 9988", "转 ***" },                             /* +86 10 6552 9988 at home */
    { "编号 99021876543219", "编号 ***" },                       /* a registered phone inside */
    { "票号 8765432", "票号 ***" },                              /* seven digits of one */
    { "票号 76543219", "票号 76543219" },                        /* shares 7654321, not part of one */
    { "单号 4100876543", "单号 4100876543" },                    /* shares 8765432 with 021-87654321 */
    { "收据 2026-000004", "收据 2026-000004" },                  /* a receipt number */
    { "发票 FP2025052802", "发票 FP2025052802" },                /* an invoice */
  };

  /* 3,000 landlines of the same exchange: 0571-8800 0000 … 0571-8800 2999
   * (none of them holds or is held by the texts below). */
  for (int i = 0; i < 3000; i++)
    g_ptr_array_add (phones, g_strdup_printf ("0571-8800%04d", i));
  g_ptr_array_add (phones, g_strdup ("021-87654321"));
  g_ptr_array_add (phones, g_strdup ("+86 10 6552 9988"));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *scrubbed = ledger_privacy_scrub (cases[i].text, NULL, phones);

      g_assert_cmpstr (scrubbed, ==, cases[i].scrubbed);
    }
  /* Any of the 3,000, written with spaces, inside a sentence. */
  for (int i = 0; i < 3000; i += 97)
    {
      g_autofree char *text = g_strdup_printf ("物业电话 0571 8800 %04d 请联系", i);
      g_autofree char *scrubbed = ledger_privacy_scrub (text, NULL, phones);

      g_assert_cmpstr (scrubbed, ==, "物业电话 *** 请联系");
    }
}

/* Percent-escapes in a URL are read through. */
static void
test_url_escapes (void)
{
  g_assert_true (ledger_privacy_has_mobile_number ("https://x.org/?c=%31%33%38%31%32%33%34%31%32%33%34"));
  g_assert_true (ledger_privacy_has_mobile_number ("https://x.org/138%2D1234%2D1234"));
  g_assert_true (ledger_privacy_has_mobile_number ("https://x.org/u/＋86－138．1234．1234"));
  g_assert_false (ledger_privacy_has_mobile_number ("https://x.org/notices/2026-Q1"));
  g_assert_false (ledger_privacy_has_mobile_number ("https://x.org/%E5%85%AC%E7%A4%BA"));
}

/* Numbers that are no phones stay as they are. */
static void
test_not_phones (void)
{
  static const char *const texts[] = {
    "2026-01-01 至 2026-12-31",
    "收据 2026-000013、2026-000014",
    "发票 No. 04400123 金额 ¥1,380.00",
    "2026.01.15-2026.02.15 电费",
    "面积 89.50 平方米，共 120 户",
    "Lighting Co",
    "订单 138123412345",   /* twelve digits written together: an id */
    "合计 1,380,000 元",
    "金额 13,800.00, 2,000.00, 1,500.00",
    "13,800,000,000",
    "2026:1380:1234 号",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *scrubbed = ledger_privacy_scrub (texts[i], NULL, NULL);

      g_assert_cmpstr (scrubbed, ==, texts[i]);
      g_assert_false (ledger_privacy_has_mobile_number (texts[i]));
    }
}

static const char *const name_gaps[] = {
  "", " ", "  ", "\u3000", "\u00A0", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
  "\u202E", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "·",
  "\u3000\u200B", "-", ".", "_",
};

/* @name turned by @form (0 as is, 1 upper case, 2 full-width, 3 lower
 * case) with @gap in place of a Latin name's space, or between the
 * characters of a Chinese name. */
static char *
write_name (const char *name,
            const char *gap,
            int         form)
{
  GString *out = g_string_new (NULL);
  gboolean latin = g_str_is_ascii (name);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          g_string_append (out, gap);
          continue;
        }
      if (!latin && p != name)
        g_string_append (out, gap);
      if (form == 1)
        c = g_unichar_toupper (c);
      else if (form == 2 && c < 0x80)
        c = 0xFF01 + (c - 0x21);
      else if (form == 3)
        c = g_unichar_tolower (c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Owners' names with gaps, invisible characters, widths and cases are
 * masked; the masked form is there. */
static void
test_name_variants (void)
{
  static const char *const owners[] = { "王伟", "欧阳娜娜", "Wang Wei", "Smith John" };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  guint n = 0;

  for (gsize o = 0; o < G_N_ELEMENTS (owners); o++)
    g_ptr_array_add (list, (gpointer) owners[o]);
  for (gsize o = 0; o < G_N_ELEMENTS (owners); o++)
    for (gsize g = 0; g < G_N_ELEMENTS (name_gaps); g++)
      for (int form = 0; form <= 3; form++)
        {
          g_autofree char *name = write_name (owners[o], name_gaps[g], form);
          g_autofree char *text = g_strdup_printf ("付款给 %s 维修", name);
          g_autofree char *scrubbed = ledger_privacy_scrub (text, list, NULL);
          g_autofree char *key = ledger_privacy_name_key (owners[o]);
          g_autofree char *seen = ledger_privacy_name_key (scrubbed);
          g_autofree char *masked = ledger_text_mask_name (owners[o]);

          if (strstr (seen, key) != NULL || strstr (scrubbed, masked) == NULL)
            g_error ("%s scrubbed to %s", text, scrubbed);
          n++;
        }
  g_test_message ("%u name variants", n);
}

/* Names inside words: Chinese names always, Latin ones only whole. */
static void
test_name_boundaries (void)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_ptr_array_add (owners, (gpointer) "Li Na");
  g_ptr_array_add (owners, (gpointer) "王伟");
  g_ptr_array_add (owners, (gpointer) "赵");
  a = ledger_privacy_scrub ("Lina Lighting, Linaro", owners, NULL);
  g_assert_cmpstr (a, ==, "L**** Lighting, Linaro");
  b = ledger_privacy_scrub ("王伟水电维修（王　伟）", owners, NULL);
  g_assert_cmpstr (b, ==, "王*水电维修（王*）");
  c = ledger_privacy_scrub ("赵家面馆", owners, NULL);
  g_assert_cmpstr (c, ==, "赵家面馆");
  d = ledger_privacy_scrub ("王，伟", owners, NULL);
  g_assert_cmpstr (d, ==, "王，伟");
}

/* Invisible characters are gone from what the scrubber returns, control
 * characters show as U+FFFD. */
static void
test_scrub_output_is_visible (void)
{
  g_autofree char *a = ledger_privacy_scrub ("abc\u202Egpj.exe", NULL, NULL);
  g_autofree char *b = ledger_privacy_neutralise ("a\x01" "b\u200Bc\xff");

  g_assert_cmpstr (a, ==, "abcgpj.exe");
  g_assert_cmpstr (b, ==, "a\uFFFDbc\uFFFD");
}

static void
test_normalise (void)
{
  static const char *const same[] = { "王　伟", "王\u200B伟", "王 伟", " 王  伟 ", "王\u202E \u202C伟" };
  g_autofree char *latin = ledger_privacy_normalise ("ＷＡＮＧ\u3000 Wei");

  for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *n = ledger_privacy_normalise (same[i]);
      g_autofree char *k = ledger_privacy_name_key (same[i]);

      g_assert_cmpstr (k, ==, "王伟");
      if (i != 1)
        g_assert_cmpstr (n, ==, "王 伟");
    }
  g_assert_cmpstr (latin, ==, "wang wei");
}

/* The validator refuses every invisible format character, naming the
 * field; ordinary text with full-width forms passes. */
static void
test_validator_refuses_invisible (void)
{
  static const gunichar refused[] = {
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C,
    0xFEFF, 0x00AD, 0xFFF9, 0xFFFB, 0xE0001, 0xE0041, 0x034F, 0xFE0F, 0x180E, 0x3164,
  };
  static const char *const accepted[] = { "王伟", "王　伟", "ＡＢＣ－１２３", "Café", "¥1,000", "阿依·买买提" };

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    for (int where = 0; where < 3; where++)
      {
        g_autoptr(GError) error = NULL;
        GString *text = g_string_new (where == 0 ? "" : "王");

        g_string_append_unichar (text, refused[i]);
        if (where != 2)
          g_string_append (text, "伟");
        g_assert_false (ledger_text_check (text->str, "payee", 40, TRUE, &error));
        g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
        g_assert_true (g_str_has_prefix (error->message, "payee"));
        g_assert_null (strchr (error->message, '\n'));
        g_string_free (text, TRUE);
      }
  for (gsize i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_true (ledger_text_check (accepted[i], "payee", 40, TRUE, NULL));
}

/* Text of Unicode spaces only shows as nothing: "nothing entered". */
static void
test_validator_blank_spaces (void)
{
  static const char *const blank[] = { "\u3000", "\u00A0", "\u2003\u2009", " \u202F\u3000 ", "\u205F" };

  for (gsize i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ledger_text_check (blank[i], "owner", 40, TRUE, &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, "owner: nothing entered");
      g_assert_true (ledger_text_check (blank[i], "memo", 40, FALSE, NULL));
    }
}

/* Unicode's Default_Ignorable_Code_Point ranges (Unicode 15) and the
 * blanks drawn as an empty cell: every code point of them is refused by
 * the validator and dropped by the normaliser. */
static const gunichar ignorable_ranges[][2] = {
  { 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x061C, 0x061C }, { 0x115F, 0x1160 },
  { 0x17B4, 0x17B5 }, { 0x180B, 0x180F }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
  { 0x2060, 0x206F }, { 0x2800, 0x2800 }, { 0x3164, 0x3164 }, { 0xFE00, 0xFE0F },
  { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFF8 }, { 0x1BCA0, 0x1BCA3 },
  { 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
};

static void
test_validator_refuses_every_ignorable (void)
{
  guint n = 0;

  for (gsize r = 0; r < G_N_ELEMENTS (ignorable_ranges); r++)
    for (gunichar c = ignorable_ranges[r][0]; c <= ignorable_ranges[r][1]; c++)
      {
        g_autoptr(GError) error = NULL;
        GString *text = g_string_new ("王");
        g_autofree char *key = NULL;

        g_string_append_unichar (text, c);
        g_string_append (text, "伟");
        g_assert_true (ledger_text_is_invisible (c));
        if (ledger_text_check (text->str, "member name", 20, TRUE, &error))
          g_error ("U+%04X accepted", c);
        key = ledger_privacy_name_key (text->str);
        g_assert_cmpstr (key, ==, "王伟");
        g_string_free (text, TRUE);
        n++;
      }
  g_test_message ("%u ignorable code points refused", n);
}

/* Line separators are line breaks; unassigned code points and
 * noncharacters cannot be shown: all refused, with one line. */
static void
test_validator_refuses_separators_and_unassigned (void)
{
  static const gunichar refused[] = {
    0x2028, 0x2029, 0x0378, 0x0EFF, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x2FFFF, 0x10FFFF, 0x10FFFE,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      GString *text = g_string_new ("K");

      g_string_append_unichar (text, refused[i]);
      g_string_append (text, "1");
      if (ledger_text_check (text->str, "owner key", 40, FALSE, &error))
        g_error ("U+%04X accepted", refused[i]);
      g_assert_true (g_str_has_prefix (error->message, "owner key"));
      g_assert_null (strchr (error->message, '\n'));
      g_string_free (text, TRUE);
    }
}

/* Spellings that look like a key are that key (owner keys and names);
 * keys that look different stay different. */
static void
test_look_alikes (void)
{
  /* Pairs marked TRUE differ in case only: one name, but not one stored
   * owner key ("k1" shows differently from "K1"). */
  static const struct { const char *a; const char *b; gboolean cased; } same[] = {
    { "K1", "Ｋ1" }, { "K1", "Ｋ１" }, { "K1", "k1", TRUE }, { "K1", "\u041a1" }, { "K1", "\u039a1" },
    { "K1", "\u043a1", TRUE }, { "O-0001", "\u041e-0001" }, { "O-0001", "\u039f\u20100001" },
    { "O-0001", "O\u22120001" }, { "O-0001", "O\u20130001" }, { "O-0001", "O－0001" },
    { "O-0001", "O\uFE630001" }, { "PAX", "\u0420\u0410\u0425" }, { "PAX", "\u03a1\u0391\u03a7" },
    { "Анна", "АННА", TRUE }, { "Анна", "Ahha" }, { "O'Neil", "O\u2019Neil" }, { "K 1", "K\u30001" },
    { "HT-7", "\u041d\u0422\u20117" },
  };
  static const struct { const char *a; const char *b; } different[] = {
    { "1-1-101", "11-1-01" }, { "1-1-101", "1-11-01" }, { "K1", "K2" }, { "K1", "KI" }, { "K1", "K 1" },
    { "K1", "k1" },
    { "O-0001", "0-0001" }, { "王伟", "王玮" },
  };
  guint n = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *ka = ledger_privacy_owner_key (same[i].a);
      g_autofree char *na = ledger_privacy_name_key (same[i].a);

      for (gsize r = 0; r < G_N_ELEMENTS (ignorable_ranges); r++)
        for (glong at = 0; at <= g_utf8_strlen (same[i].b, -1); at++)
          {
            /* b with the range's first character put at every place */
            const char *cut = g_utf8_offset_to_pointer (same[i].b, at);
            GString *text = g_string_new_len (same[i].b, cut - same[i].b);
            g_autofree char *kb = NULL;
            g_autofree char *nb = NULL;

            g_string_append_unichar (text, ignorable_ranges[r][0]);
            g_string_append (text, cut);
            kb = ledger_privacy_owner_key (text->str);
            nb = ledger_privacy_name_key (text->str);
            if ((same[i].cased ? g_ascii_strcasecmp (ka, kb) : strcmp (ka, kb)) != 0 ||
                strcmp (na, nb) != 0)
              g_error ("%s and %s: keys %s / %s", same[i].a, text->str, ka, kb);
            g_string_free (text, TRUE);
            n++;
          }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autofree char *ka = ledger_privacy_owner_key (different[i].a);
      g_autofree char *kb = ledger_privacy_owner_key (different[i].b);

      if (strcmp (ka, kb) == 0)
        g_error ("%s and %s are one owner key", different[i].a, different[i].b);
    }
  g_test_message ("%u look-alike spellings", n);
}

/* An owner's name in Latin letters written with Cyrillic or Greek
 * look-alikes is still masked on public outputs. */
static void
test_scrub_look_alike_letters (void)
{
  static const char *const owners[] = { "Anna Kim", "TOM HOPE" };
  static const char *const written[] = { "\u0410nna \u041aim", "\u0430nn\u0430 kim", "TOM H\u039fPE",
                                         "\u0422\u041e\u041c \u041d\u041e\u0420\u0415" };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (gsize o = 0; o < G_N_ELEMENTS (owners); o++)
    g_ptr_array_add (list, (gpointer) owners[o]);
  for (gsize i = 0; i < G_N_ELEMENTS (written); i++)
    {
      g_autofree char *text = g_strdup_printf ("付款给 %s 维修", written[i]);
      g_autofree char *scrubbed = ledger_privacy_scrub (text, list, NULL);

      if (strstr (scrubbed, "*") == NULL)
        g_error ("%s scrubbed to %s", text, scrubbed);
    }
}

/* The pieces random texts are made of: what a scrubber looks at (digits
 * of several scripts, separators, %-escapes, owners' names, invisible and
 * control characters, bytes that are not UTF-8) and what it passes over. */
static const char *const random_pieces[] = {
  "1", "3", "8", "0", "9", "4", "2021-", "R", "-", " ", ".", "%31", "%", "%E7%8E%8B", "+86",
  "１", "３", "一", "三", "八", "〇", "王伟", "王", "伟", "Zhang Li", "Li", "zhang", "李",
  "物业费", "收", "（", "）", "、", ",", ":", "\u3000", "\u200B", "\u202E", "\u00AD", "\x01",
  "\x7F", "\xff", "\t", "\n", "=", "@", "a", "Z", "_x0041_", "\U0001D7CF", "138", "1234",
  "13812341234", "010 6552 9988", "65529988",
};

/* A random text of up to 24 pieces. */
static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  gint32 n = g_rand_int_range (rand, 0, 25);

  for (gint32 i = 0; i < n; i++)
    g_string_append (text, random_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_pieces))]);
  return g_string_free (text, FALSE);
}

/* A scrubber remembers what it made of each text: the memo must give what
 * working it out again gives, for the same text asked twice, for texts
 * asked after the memo was emptied because it was full, and with names
 * and phones to look for or without. Each text is also checked against a
 * scrubber that has a name it never meets (the shortcut for text without
 * digits applies only when there are no names), so that the shortcut is
 * tested against the full path. */
static void
test_scrubber_memo (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  g_autoptr(GPtrArray) never = g_ptr_array_new ();
  g_autoptr(LedgerPrivacyScrubber) memo = NULL;
  g_autoptr(LedgerPrivacyScrubber) small = NULL;
  g_autoptr(LedgerPrivacyScrubber) plain = NULL;
  g_autoptr(LedgerPrivacyScrubber) bare = NULL;
  g_autoptr(LedgerPrivacyScrubber) bare_plain = NULL;
  g_autoptr(LedgerPrivacyScrubber) bare_full = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint masked = 0;

  g_ptr_array_add (owners, (gpointer) "王伟");
  g_ptr_array_add (owners, (gpointer) "Zhang Li");
  g_ptr_array_add (phones, (gpointer) "010 6552 9988");
  g_ptr_array_add (never, (gpointer) "\U00023400\U00023401");
  memo = ledger_privacy_scrubber_new (owners, phones);
  small = ledger_privacy_scrubber_new (owners, phones);
  plain = ledger_privacy_scrubber_new (owners, phones);
  bare = ledger_privacy_scrubber_new (NULL, phones);
  bare_plain = ledger_privacy_scrubber_new (NULL, phones);
  bare_full = ledger_privacy_scrubber_new (never, phones);
  ledger_privacy_scrubber_set_memo_size (small, 8);
  ledger_privacy_scrubber_set_memo_size (plain, 0);
  ledger_privacy_scrubber_set_memo_size (bare_plain, 0);
  ledger_privacy_scrubber_set_memo_size (bare_full, 0);
  /* 2,000 texts, then the same again in another order: the second round
   * comes from the memos. */
  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (texts, random_text (rand));
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < texts->len; i++)
      {
        const char *text = g_ptr_array_index (texts, round == 0 ? i : texts->len - 1 - i);
        g_autofree char *want = ledger_privacy_scrubber_run (plain, text);
        g_autofree char *got = ledger_privacy_scrubber_run (memo, text);
        g_autofree char *got_small = ledger_privacy_scrubber_run (small, text);
        g_autofree char *bare_want = ledger_privacy_scrubber_run (bare_full, text);
        g_autofree char *bare_got = ledger_privacy_scrubber_run (bare, text);
        g_autofree char *bare_unmemo = ledger_privacy_scrubber_run (bare_plain, text);

        g_assert_cmpstr (got, ==, want);
        g_assert_cmpstr (got_small, ==, want);
        g_assert_cmpstr (bare_got, ==, bare_want);
        g_assert_cmpstr (bare_unmemo, ==, bare_want);
        masked += strcmp (want, bare_want) != 0;
      }
  /* The random texts did meet the names (王伟, Zhang Li) now and then. */
  g_assert_cmpuint (masked, >, 100);
}

/* What ledger_privacy_neutralise() is: invalid bytes and control
 * characters as U+FFFD, invisible characters dropped, the rest as it is,
 * one character at a time (the function itself copies runs). */
static char *
neutralise_by_hand (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029)
        g_string_append_unichar (out, 0xFFFD);
      else if (!ledger_text_is_invisible (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
test_neutralise_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (61);

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *text = random_text (rand);
      g_autofree char *want = neutralise_by_hand (text);
      g_autofree char *got = ledger_privacy_neutralise (text);

      g_assert_cmpstr (got, ==, want);
    }
  {
    g_autofree char *lines = ledger_privacy_neutralise ("a\u2028b" "\xC2\x85" "c\u00A0d");

    g_assert_cmpstr (lines, ==, "a\uFFFDb\uFFFDc\u00A0d");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/phone-variants", test_phone_variants);
  g_test_add_func ("/privacy/loose-separator-variants", test_loose_separator_variants);
  g_test_add_func ("/privacy/registered-phone-variants", test_registered_phone_variants);
  g_test_add_func ("/privacy/registered-phones-among-thousands", test_registered_phones_among_thousands);
  g_test_add_func ("/privacy/url-escapes", test_url_escapes);
  g_test_add_func ("/privacy/not-phones", test_not_phones);
  g_test_add_func ("/privacy/name-variants", test_name_variants);
  g_test_add_func ("/privacy/name-boundaries", test_name_boundaries);
  g_test_add_func ("/privacy/scrub-output-is-visible", test_scrub_output_is_visible);
  g_test_add_func ("/privacy/scrubber-memo", test_scrubber_memo);
  g_test_add_func ("/privacy/neutralise-random", test_neutralise_random);
  g_test_add_func ("/privacy/normalise", test_normalise);
  g_test_add_func ("/privacy/validator-refuses-invisible", test_validator_refuses_invisible);
  g_test_add_func ("/privacy/validator-blank-spaces", test_validator_blank_spaces);
  g_test_add_func ("/privacy/validator-refuses-every-ignorable", test_validator_refuses_every_ignorable);
  g_test_add_func ("/privacy/validator-refuses-separators-and-unassigned",
                   test_validator_refuses_separators_and_unassigned);
  g_test_add_func ("/privacy/look-alikes", test_look_alikes);
  g_test_add_func ("/privacy/scrub-look-alike-letters", test_scrub_look_alike_letters);
  return g_test_run ();
}

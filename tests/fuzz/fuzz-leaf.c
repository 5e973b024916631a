/* fuzz-leaf.c — libFuzzer target for the canonical leaf of the fingerprint
 *
 * docs/leaf-format.md defines the canonical leaf (version 2: these postings
 * carry no facts) of a
 * journal transaction well enough to reimplement it. This target does:
 * it posts a transaction made of fuzz-chosen fields into a real book
 * (ledger_posting_* inside ledger_book_write()), reads its leaf back with
 * ledger_journal_foreach_leaf(), and compares it byte for byte with its
 * own serialisation written from the README. The write is then rolled
 * back, so the book stays the same small book for every input.
 *
 * Input format: six fields separated by NUL bytes — kind, date, ref,
 * memo, operator, clock date (recorded_at is the clock date followed by
 * "T09:00:00+08:00") — then control bytes: the first chooses the entry
 * the posting reverses (modulo the journal's size + 1; 0 for none), and
 * each following group of six bytes is a split: an account (index into the
 * book's accounts, the last of which is NASTY_ACCOUNT), a household
 * (none, 1-1-101, or one whose unit code is NASTY_UNIT), and the amount in
 * fen as a little-endian 32-bit integer. Missing fields are empty; an empty
 * operator is "treasurer", an empty clock "2026-01-02". A last split on
 * prepaid balances the posting, as every posting must (not on cash: a
 * posting that takes money the book does not hold is refused).
 *
 * Properties:
 *   - nothing crashes, leaks or reads out of bounds, and posting any bytes
 *     succeeds, unless the operator, ref or memo is text ledger_text_check
 *     refuses (invalid UTF-8, control or invisible characters, an operator
 *     longer than 40 characters): then it is refused as bad input and the
 *     journal stays as it was; or unless it takes money out of a money
 *     account (cash, bank, WeChat, Alipay: the book holds none, and no
 *     money account may go below zero on any day): then it is refused as
 *     a conflict, the journal again unchanged;
 *   - the ledger's leaf equals the independent serialisation, and its hash
 *     is SHA-256 (0x00 ‖ leaf);
 *   - the leaf has no carriage return, exactly one line per field and per
 *     split, and parsing it back (splitting split lines at unescaped "|",
 *     undoing the escapes) gives back every field exactly;
 *   - unescape (escape (x)) == x for every field, in and out of splits.
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ledger-book-private.h"
#include "ledger-journal-private.h"
#include "ledger.h"

#include "book-fixture.h"
#include "fuzz-common.h"

#define N_TEXT_FIELDS 6
#define MAX_SPLITS 16
#define SPLIT_BYTES 6
#define DEFAULT_OPERATOR "treasurer"
#define DEFAULT_CLOCK "2026-01-02"
#define CLOCK_TIME "T09:00:00+08:00"

/* An account and a household unit that need every escape the leaf has. */
#define NASTY_ACCOUNT "expense:a|b\\c\nd\r|"
#define NASTY_UNIT "9|9\\9\n9\r"

typedef struct
{
  const char *account;      /* one of book_accounts */
  const char *unit;         /* "" for none */
  gint64      household_id; /* 0 for none */
  gint64      amount;
} Split;

typedef struct
{
  char       *fields[N_TEXT_FIELDS]; /* owned */
  const char *kind;
  const char *date;
  const char *ref;
  const char *memo;
  const char *operator_name;
  const char *clock;
  gint64      reverses;
  GArray     *splits;                /* of Split */

  /* What the write found. */
  gint64      txn_id;
  gboolean    leaf_found;
  char       *leaf_text;
  gsize       leaf_length;
  LedgerHash  leaf_hash;
} Entry;

/* The book every input is posted into and rolled back from. */
static LedgerBook *book = NULL;
static char *book_dir = NULL;
/* The book's account codes, in chart order (owned). */
static GPtrArray *book_accounts = NULL;
/* Households a split may belong to: index 0 is none. */
static gint64 household_ids[3];
static const char *household_units[3] = { "", "1-1-101", NASTY_UNIT };

/* The error domain of the deliberate rollback. */
#define ROLLBACK_QUARK (g_quark_from_static_string ("fuzz-leaf-rollback"))

/* Closes the book and removes its folder when the fuzzer exits. */
static void
remove_book (void)
{
  g_clear_object (&book);
  if (book_dir != NULL)
    book_fixture_remove_tree (book_dir);
  g_clear_pointer (&book_dir, g_free);
  g_clear_pointer (&book_accounts, g_ptr_array_unref);
}

/* Aborts with @error's message when @ok is FALSE. */
static void
check_setup (gboolean      ok,
             const GError *error,
             const char   *doing)
{
  FUZZ_CHECK (ok, "setting up the book: %s: %s", doing,
              error != NULL ? error->message : "failed");
}

/* Adds the account and the household whose names need escaping. The
 * program never makes such names (fee codes and unit codes are checked),
 * so they go in with SQL, as a damaged or foreign book could have them. */
static void
add_nasty_names (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO accounts (code, name, kind) VALUES (?1, 'Nasty', 'expense')",
                              &error);
  check_setup (stmt != NULL, error, "adding an account");
  ledger_bind_text (stmt, 1, NASTY_ACCOUNT);
  check_setup (ledger_book_step_done (book, stmt, &error), error, "adding an account");

  stmt = ledger_book_prepare (book,
                              "INSERT INTO households (unit, building, entrance, room, owner, owner_key, area)"
                              " VALUES (?1, 9, 9, 9, 'x', 'x', 0)",
                              &error);
  check_setup (stmt != NULL, error, "adding a household");
  ledger_bind_text (stmt, 1, NASTY_UNIT);
  check_setup (ledger_book_step_done (book, stmt, &error), error, "adding a household");
  household_ids[2] = sqlite3_last_insert_rowid (ledger_book_get_db (book));
}

/* Reads the book's account codes into book_accounts. */
static void
load_accounts (void)
{
  sqlite3_stmt *stmt = NULL;

  book_accounts = g_ptr_array_new_with_free_func (g_free);
  FUZZ_CHECK (sqlite3_prepare_v2 (ledger_book_get_db (book),
                                  "SELECT code FROM accounts ORDER BY id", -1, &stmt, NULL) == SQLITE_OK,
              "listing accounts: %s", sqlite3_errmsg (ledger_book_get_db (book)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (book_accounts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  FUZZ_CHECK (book_accounts->len > 1 &&
              strcmp (g_ptr_array_index (book_accounts, book_accounts->len - 1), NASTY_ACCOUNT) == 0,
              "the account added last is not the one that needs escaping");
}

/* Creates the book in tmpfs (or the temporary folder) with one ordinary
 * household, and the names that need escaping. */
static void
create_book (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerHousehold) household = ledger_household_new ();
  g_autofree char *path = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();

  book_dir = g_build_filename (base, "fuzz-leaf-XXXXXX", NULL);
  FUZZ_CHECK (g_mkdtemp (book_dir) != NULL, "cannot make a folder in %s", base);
  atexit (remove_book);
  path = g_build_filename (book_dir, "book.clbook", NULL);

  book = ledger_community_create (path, "模糊测试小区", DEFAULT_OPERATOR, &error);
  check_setup (book != NULL, error, "creating it");
  ledger_book_set_clock (book, DEFAULT_CLOCK);

  household->unit = g_strdup (household_units[1]);
  household->owner = g_strdup ("王伟");
  household->area = 9000;
  check_setup (ledger_household_add (book, household, &error), error, "adding 1-1-101");
  household_ids[1] = household->id;

  add_nasty_names ();
  load_accounts ();
}

/* Sets up GLib and the book once; libFuzzer calls this before the first
 * input. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  if (book == NULL)
    create_book ();
  return 0;
}

/* ------------------------------------------------------------------ */
/* The README's escaping, written again from its text */

/* Appends @value to @out as the README says values are written: "\" as
 * "\\", LF as "\n", CR as "\r", and in split fields "|" as "\|". */
static void
escape_into (GString    *out,
             const char *value,
             gboolean    in_split)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '|' && in_split)
        g_string_append (out, "\\|");
      else
        g_string_append_c (out, *p);
    }
}

/* Undoes escape_into() on @length bytes at @text into @out. Returns FALSE
 * for a raw LF or CR, a backslash at the end or an escape the README does
 * not define (and "\|" outside a split, or a raw "|" inside one). */
static gboolean
unescape_into (GString    *out,
               const char *text,
               gsize       length,
               gboolean    in_split)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\n' || c == '\r' || (c == '|' && in_split))
        return FALSE;
      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }
      if (++i == length)
        return FALSE;
      switch (text[i])
        {
        case '\\': g_string_append_c (out, '\\'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case '|':
          if (!in_split)
            return FALSE;
          g_string_append_c (out, '|');
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks unescape (escape (@value)) == @value, in and out of splits, and
 * that the escaped form has no line break. */
static void
check_escape_round_trip (const char *value)
{
  for (int in_split = 0; in_split < 2; in_split++)
    {
      g_autoptr(GString) escaped = g_string_new (NULL);
      g_autoptr(GString) back = g_string_new (NULL);
      g_autofree char *shown = fuzz_describe (value);

      escape_into (escaped, value, in_split);
      FUZZ_CHECK (strchr (escaped->str, '\n') == NULL && strchr (escaped->str, '\r') == NULL,
                  "escaping \"%s\" leaves a line break", shown);
      FUZZ_CHECK (unescape_into (back, escaped->str, escaped->len, in_split) &&
                  strcmp (back->str, value) == 0,
                  "unescape (escape (\"%s\")) differs (in split: %d)", shown, in_split);
    }
}

/* Appends the line "NAME: VALUE\n" with VALUE escaped. */
static void
append_line (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, "%s: ", name);
  escape_into (out, value, FALSE);
  g_string_append_c (out, '\n');
}

/* The canonical leaf of @entry as transaction @index, recorded at
 * @recorded_at, from the README's recipe. */
static char *
serialise_entry (const Entry *entry,
                 gint64       index,
                 const char  *recorded_at)
{
  GString *out = g_string_new ("community-ledger leaf v2\n");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, index);
  g_autofree char *reverses = entry->reverses > 0
                              ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->reverses)
                              : g_strdup ("");

  append_line (out, "index", number);
  append_line (out, "kind", entry->kind);
  append_line (out, "date", entry->date);
  append_line (out, "recorded_at", recorded_at);
  append_line (out, "operator", entry->operator_name);
  append_line (out, "ref", entry->ref);
  append_line (out, "memo", entry->memo);
  append_line (out, "reverses", reverses);
  for (guint i = 0; i < entry->splits->len; i++)
    {
      const Split *split = &g_array_index (entry->splits, Split, i);

      g_string_append (out, "split: ");
      escape_into (out, split->account, TRUE);
      g_string_append_c (out, '|');
      escape_into (out, split->unit, TRUE);
      g_string_append_printf (out, "|%" G_GINT64_FORMAT "\n", split->amount);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Reading a leaf back */

/* Checks that the line @line (of @length bytes) is "NAME: " followed by
 * the escaped @expected. */
static void
check_field_line (const char *line,
                  gsize       length,
                  const char *name,
                  const char *expected)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);
  g_autofree char *shown = fuzz_describe (expected);
  gsize n = strlen (prefix);

  FUZZ_CHECK (length >= n && strncmp (line, prefix, n) == 0,
              "the leaf's line for %s does not start \"%s\"", name, prefix);
  FUZZ_CHECK (unescape_into (value, line + n, length - n, FALSE),
              "the leaf's %s line has a bad escape", name);
  FUZZ_CHECK (strcmp (value->str, expected) == 0,
              "the leaf's %s reads back as something else than \"%s\"", name, shown);
}

/* Checks that the split line @line (of @length bytes) reads back as @split:
 * three fields separated by unescaped "|". */
static void
check_split_line (const char  *line,
                  gsize        length,
                  const Split *split)
{
  g_autoptr(GString) account = g_string_new (NULL);
  g_autoptr(GString) unit = g_string_new (NULL);
  g_autofree char *amount = NULL;
  const char *bars[2];
  guint n_bars = 0;
  gsize n = strlen ("split: ");

  FUZZ_CHECK (length >= n && strncmp (line, "split: ", n) == 0,
              "a split line does not start \"split: \"");
  for (gsize i = n; i < length; i++)
    {
      if (line[i] == '\\')
        i++;
      else if (line[i] == '|')
        {
          FUZZ_CHECK (n_bars < 2, "a split line has more than three fields");
          bars[n_bars++] = line + i;
        }
    }
  FUZZ_CHECK (n_bars == 2, "a split line has %u fields", n_bars + 1);
  FUZZ_CHECK (unescape_into (account, line + n, (gsize) (bars[0] - line) - n, TRUE) &&
              strcmp (account->str, split->account) == 0,
              "a split's account does not read back");
  FUZZ_CHECK (unescape_into (unit, bars[0] + 1, (gsize) (bars[1] - bars[0]) - 1, TRUE) &&
              strcmp (unit->str, split->unit) == 0,
              "a split's unit does not read back");
  amount = g_strndup (bars[1] + 1, (gsize) (line + length - bars[1]) - 1);
  FUZZ_CHECK (g_ascii_strtoll (amount, NULL, 10) == split->amount,
              "a split's amount reads back as \"%s\", not %" G_GINT64_FORMAT,
              amount, split->amount);
}

/* Parses the leaf @text back into fields and compares each with @entry. */
static void
check_parse_back (const char  *text,
                  const Entry *entry,
                  gint64       index,
                  const char  *recorded_at)
{
  static const char *const names[] = {
    "index", "kind", "date", "recorded_at", "operator", "ref", "memo", "reverses",
  };
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, index);
  g_autofree char *reverses = entry->reverses > 0
                              ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->reverses)
                              : g_strdup ("");
  const char *values[G_N_ELEMENTS (names)] = {
    number, entry->kind, entry->date, recorded_at, entry->operator_name,
    entry->ref, entry->memo, reverses,
  };
  const char *header = "community-ledger leaf v2\n";
  const char *p = text;
  guint n_lines = 0;

  FUZZ_CHECK (strchr (text, '\r') == NULL, "the leaf holds a raw carriage return");
  FUZZ_CHECK (g_str_has_prefix (text, header), "the leaf does not start with its header line");
  FUZZ_CHECK (g_str_has_suffix (text, "\n"), "the leaf does not end with a line feed");
  p += strlen (header);

  for (const char *end; (end = strchr (p, '\n')) != NULL; p = end + 1, n_lines++)
    {
      gsize length = (gsize) (end - p);

      if (n_lines < G_N_ELEMENTS (names))
        check_field_line (p, length, names[n_lines], values[n_lines]);
      else
        {
          guint s = n_lines - G_N_ELEMENTS (names);

          FUZZ_CHECK (s < entry->splits->len, "the leaf has more split lines than splits");
          check_split_line (p, length, &g_array_index (entry->splits, Split, s));
        }
    }
  FUZZ_CHECK (n_lines == G_N_ELEMENTS (names) + entry->splits->len,
              "the leaf has %u lines after its header, not %u", n_lines,
              (guint) (G_N_ELEMENTS (names) + entry->splits->len));
}

/* ------------------------------------------------------------------ */
/* Posting */

/* Keeps the leaf of the entry just posted, and checks the fields the
 * ledger read back from the journal. */
static gboolean
keep_leaf_cb (const LedgerLeaf  *leaf,
              gpointer           user_data,
              GError           **error)
{
  Entry *entry = user_data;

  if (leaf->index != entry->txn_id)
    return TRUE;
  FUZZ_CHECK (!entry->leaf_found, "two leaves have the index %" G_GINT64_FORMAT, leaf->index);
  FUZZ_CHECK (strcmp (leaf->kind, entry->kind) == 0 && strcmp (leaf->date, entry->date) == 0 &&
              strcmp (leaf->ref, entry->ref) == 0 && strcmp (leaf->memo, entry->memo) == 0 &&
              strcmp (leaf->operator_name, entry->operator_name) == 0 &&
              leaf->reverses == entry->reverses,
              "the journal gives back other fields than were posted");
  FUZZ_CHECK (strlen (leaf->text) == leaf->length, "the leaf's length is not its text's");
  entry->leaf_found = TRUE;
  entry->leaf_text = g_strndup (leaf->text, leaf->length);
  entry->leaf_length = leaf->length;
  entry->leaf_hash = leaf->hash;
  return TRUE;
}

/* Posts @user_data's entry, reads every leaf, then fails on purpose so
 * that ledger_book_write() rolls the posting back. */
static gboolean
post_entry_cb (LedgerBook  *self,
               gpointer     user_data,
               GError     **error)
{
  Entry *entry = user_data;
  g_autoptr(LedgerPosting) posting = ledger_posting_new (entry->kind, entry->date);

  ledger_posting_set_ref (posting, entry->ref);
  ledger_posting_set_memo (posting, entry->memo);
  ledger_posting_set_reverses (posting, entry->reverses);
  for (guint i = 0; i < entry->splits->len; i++)
    {
      const Split *split = &g_array_index (entry->splits, Split, i);

      ledger_posting_add (posting, split->account, split->household_id, split->amount);
    }
  if (!ledger_posting_commit (posting, self, &entry->txn_id, error) ||
      !ledger_journal_foreach_leaf (self, keep_leaf_cb, entry, error))
    return FALSE;

  g_set_error_literal (error, ROLLBACK_QUARK, 0, "rolled back on purpose");
  return FALSE;
}

/* Frees what @entry owns. */
static void
entry_clear (Entry *entry)
{
  for (int i = 0; i < N_TEXT_FIELDS; i++)
    g_free (entry->fields[i]);
  g_clear_pointer (&entry->splits, g_array_unref);
  g_free (entry->leaf_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, entry_clear)

/* Reads a little-endian 32-bit signed integer. */
static gint32
read_int32 (const uint8_t *p)
{
  return (gint32) ((guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24);
}

/* Decodes the input (see the top of the file) into @entry; @journal_size
 * bounds the entry it may reverse. */
static void
decode_entry (const uint8_t *data,
              size_t         size,
              gint64         journal_size,
              Entry         *entry)
{
  size_t pos = 0;
  gint64 balance = 0;

  for (int i = 0; i < N_TEXT_FIELDS; i++)
    {
      const uint8_t *nul = pos < size ? memchr (data + pos, '\0', size - pos) : NULL;
      size_t end = nul != NULL ? (size_t) (nul - data) : size;

      entry->fields[i] = g_strndup ((const char *) data + pos, end - pos);
      pos = nul != NULL ? end + 1 : size;
    }
  entry->kind = entry->fields[0];
  entry->date = entry->fields[1];
  entry->ref = entry->fields[2];
  entry->memo = entry->fields[3];
  entry->operator_name = *entry->fields[4] != '\0' ? entry->fields[4] : DEFAULT_OPERATOR;
  entry->clock = *entry->fields[5] != '\0' ? entry->fields[5] : DEFAULT_CLOCK;

  entry->reverses = pos < size ? data[pos++] % (journal_size + 1) : 0;

  entry->splits = g_array_new (FALSE, FALSE, sizeof (Split));
  for (; pos + SPLIT_BYTES <= size && entry->splits->len < MAX_SPLITS; pos += SPLIT_BYTES)
    {
      guint h = data[pos + 1] % G_N_ELEMENTS (household_ids);
      Split split = {
        g_ptr_array_index (book_accounts, data[pos] % book_accounts->len),
        household_units[h], household_ids[h], read_int32 (data + pos + 2),
      };

      /* The journal drops zero amounts (ledger_posting_add()). */
      if (split.amount == 0)
        continue;
      g_array_append_val (entry->splits, split);
      balance += split.amount;
    }
  if (balance != 0)
    {
      Split split = { "prepaid", "", 0, -balance };

      g_array_append_val (entry->splits, split);
    }
}

/* Whether @entry takes money out of a money account on balance: the
 * book every input goes into holds no money, so the journal refuses it. */
static gboolean
takes_money (const Entry *entry)
{
  static const char *const money[] = { "cash", "bank", "wechat", "alipay" };

  for (gsize m = 0; m < G_N_ELEMENTS (money); m++)
    {
      gint64 net = 0;

      for (guint i = 0; i < entry->splits->len; i++)
        if (strcmp (g_array_index (entry->splits, Split, i).account, money[m]) == 0)
          net += g_array_index (entry->splits, Split, i).amount; /* ≤ 17 × 2^32: no overflow */
      if (net < 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether the journal's gate lets @entry's texts in. */
static gboolean
journal_takes (const Entry *entry)
{
  return ledger_text_check (entry->operator_name, "operator", LEDGER_OPERATOR_MAX_CHARS, TRUE, NULL) &&
         ledger_text_check (entry->ref, "ref", G_MAXUINT, FALSE, NULL) &&
         ledger_text_check (entry->memo, "memo", G_MAXUINT, FALSE, NULL);
}

/* One fuzz input: a transaction to post and compare. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_auto(Entry) entry = { { NULL } };
  g_autofree char *recorded_at = NULL;
  g_autofree char *expected = NULL;
  gint64 journal_size;
  LedgerHash hash;

  if (book == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  journal_size = ledger_journal_count (book, &error);
  check_setup (journal_size > 0, error, "counting the journal");
  decode_entry (data, size, journal_size, &entry);
  for (int i = 0; i < N_TEXT_FIELDS; i++)
    check_escape_round_trip (entry.fields[i]);

  ledger_book_set_operator (book, entry.operator_name);
  ledger_book_set_clock (book, entry.clock);
  recorded_at = g_strconcat (entry.clock, CLOCK_TIME, NULL);

  /* The journal's gate (ledger_posting_commit) refuses an operator, ref or
   * memo that ledger_text_check refuses: such an input must come back as
   * bad input with the journal unchanged. The escape round trip above has
   * covered its bytes all the same. */
  if (!journal_takes (&entry))
    {
      FUZZ_CHECK (!ledger_book_write (book, post_entry_cb, &entry, &error) &&
                  g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT),
                  "text the journal refuses: %s", error != NULL ? error->message : "it was committed");
      g_clear_error (&error);
      FUZZ_CHECK (ledger_journal_count (book, &error) == journal_size,
                  "a refused posting left the journal at another size");
      return 0;
    }

  if (takes_money (&entry))
    {
      FUZZ_CHECK (!ledger_book_write (book, post_entry_cb, &entry, &error) &&
                  g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT),
                  "money the book does not hold: %s", error != NULL ? error->message : "it was committed");
      g_clear_error (&error);
      FUZZ_CHECK (ledger_journal_count (book, &error) == journal_size,
                  "a refused posting left the journal at another size");
      return 0;
    }

  FUZZ_CHECK (!ledger_book_write (book, post_entry_cb, &entry, &error) &&
              g_error_matches (error, ROLLBACK_QUARK, 0),
              "posting failed: %s", error != NULL ? error->message : "it was committed");
  FUZZ_CHECK (entry.txn_id == journal_size + 1, "the entry was posted as %" G_GINT64_FORMAT
              " after %" G_GINT64_FORMAT " entries", entry.txn_id, journal_size);
  FUZZ_CHECK (entry.leaf_found, "ledger_journal_foreach_leaf skipped the new entry");
  g_clear_error (&error);

  /* The independent serialisation, byte for byte. */
  expected = serialise_entry (&entry, entry.txn_id, recorded_at);
  if (strcmp (expected, entry.leaf_text) != 0)
    {
      g_autofree char *shown_expected = g_strescape (expected, NULL);
      g_autofree char *shown_leaf = g_strescape (entry.leaf_text, NULL);

      fuzz_fail ("the leaf differs from the README's recipe:\n  README: %s\n  ledger: %s",
                 shown_expected, shown_leaf);
    }
  ledger_merkle_leaf_hash ((const guint8 *) expected, strlen (expected), &hash);
  {
    g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
    guint8 digest[LEDGER_HASH_SIZE];
    gsize digest_length = sizeof digest;

    g_checksum_update (sha, (const guchar *) "", 1);
    g_checksum_update (sha, (const guchar *) expected, (gssize) strlen (expected));
    g_checksum_get_digest (sha, digest, &digest_length);
    FUZZ_CHECK (memcmp (digest, entry.leaf_hash.bytes, LEDGER_HASH_SIZE) == 0 &&
                memcmp (digest, hash.bytes, LEDGER_HASH_SIZE) == 0,
                "the leaf hash is not SHA-256 (0x00 ‖ leaf)");
  }

  check_parse_back (entry.leaf_text, &entry, entry.txn_id, recorded_at);

  /* The book is as it was: the posting was rolled back. */
  FUZZ_CHECK (ledger_journal_count (book, &error) == journal_size,
              "the rolled-back posting left the journal at another size");
  return 0;
}

/* fuzz-import.c — libFuzzer target for the household CSV importer
 *
 * The input is the file's bytes, written to an anonymous in-memory file
 * (memfd, read back through /proc/self/fd/N; a file under /dev/shm or the
 * temporary folder where there is no memfd) and read with
 * ledger_import_read() without a book. Properties:
 *   - nothing crashes, leaks or reads out of bounds;
 *   - either a plan or an error comes back, never both nor neither; an
 *     error is LEDGER_ERROR_INVALID_INPUT in one line of valid UTF-8;
 *   - the plan's encoding is UTF-8 for UTF-8 input, else GB18030;
 *   - every problem is on a line 2..number of lines of the file, in file
 *     order, and its message is "line N: …" in one line of valid UTF-8;
 *   - every household in the plan validates again unchanged, has a unit
 *     no other household in the plan has, an area, parking spaces, status
 *     and move-in date in range; there are no more households and rows
 *     with problems than lines after the header.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ledger.h"

#include "fuzz-common.h"

#define AREA_MAX ((gint64) 100000 * 100)
#define SPACES_MAX 99

/* Where the input goes: one file for the whole run, rewritten each time. */
static int input_fd = -1;
static char *input_path = NULL;
/* Set when the file is a real file that must be removed at exit. */
static char *input_file_to_remove = NULL;

/* Removes the temporary input file, if one was made instead of a memfd. */
static void
remove_input_file (void)
{
  if (input_file_to_remove != NULL)
    g_unlink (input_file_to_remove);
}

/* Opens the in-memory file the inputs are written to: a memfd when the
 * kernel has them, otherwise a file in /dev/shm or the temporary folder. */
static void
open_input_file (void)
{
  const char *dir = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (dir, "fuzz-import-XXXXXX.csv", NULL);

  input_fd = memfd_create ("fuzz-import.csv", MFD_CLOEXEC);
  if (input_fd >= 0)
    {
      input_path = g_strdup_printf ("/proc/self/fd/%d", input_fd);
      if (g_file_test (input_path, G_FILE_TEST_EXISTS))
        return;
      close (input_fd);
      g_clear_pointer (&input_path, g_free);
    }

  input_fd = g_mkstemp (template);
  if (input_fd < 0)
    fuzz_fail ("cannot make a temporary file in %s: %s", dir, g_strerror (errno));
  input_path = g_steal_pointer (&template);
  input_file_to_remove = input_path;
  atexit (remove_input_file);
}

/* Replaces the contents of the input file with @data. */
static void
write_input (const uint8_t *data,
             size_t         size)
{
  size_t done = 0;

  if (ftruncate (input_fd, 0) != 0)
    fuzz_fail ("ftruncate: %s", g_strerror (errno));
  while (done < size)
    {
      ssize_t n = pwrite (input_fd, data + done, size - done, (off_t) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        fuzz_fail ("writing the input file: %s", g_strerror (errno));
      done += (size_t) n;
    }
}

/* Sets up GLib and the input file once; libFuzzer calls this before the
 * first input. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  open_input_file ();
  return 0;
}

/* The number of lines in @data as the importer counts them: a CRLF, a
 * lone LF and a lone CR each end one; the last line needs no ending. */
static guint
count_lines (const uint8_t *data,
             size_t         size)
{
  guint lines = 1;

  for (size_t i = 0; i < size; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= size || data[i + 1] != '\n')))
        lines++;
    }
  return lines;
}

/* Checks that @message is one line of valid UTF-8. */
static void
check_one_line_message (const char *message,
                        const char *what)
{
  g_autofree char *shown = fuzz_describe (message);

  FUZZ_CHECK (message != NULL && g_utf8_validate (message, -1, NULL),
              "%s is not valid UTF-8: \"%s\"", what, shown);
  FUZZ_CHECK (fuzz_is_one_line (message), "%s is not one line: \"%s\"", what, shown);
}

/* Checks the problems of @plan against the @n_lines of the file; returns
 * the number of distinct lines that have problems. */
static guint
check_problems (const LedgerImportPlan *plan,
                guint                   n_lines)
{
  guint previous = 0, n_rows = 0;

  for (guint i = 0; i < plan->problems->len; i++)
    {
      const LedgerImportProblem *problem = g_ptr_array_index (plan->problems, i);
      g_autofree char *prefix = g_strdup_printf ("line %u: ", problem->line);
      g_autofree char *shown = fuzz_describe (problem->message);

      FUZZ_CHECK (problem->line >= 2 && problem->line <= n_lines,
                  "a problem on line %u of a file of %u lines: \"%s\"",
                  problem->line, n_lines, shown);
      FUZZ_CHECK (problem->line >= previous,
                  "problems out of file order: line %u after line %u", problem->line, previous);
      check_one_line_message (problem->message, "a problem's message");
      FUZZ_CHECK (g_str_has_prefix (problem->message, prefix),
                  "the problem of line %u reads \"%s\"", problem->line, shown);
      FUZZ_CHECK (problem->message[strlen (prefix)] != '\0',
                  "the problem of line %u gives no reason", problem->line);
      if (problem->line != previous)
        n_rows++;
      previous = problem->line;
    }
  return n_rows;
}

/* Checks one household of a plan, and that no earlier one (in @units)
 * has the same unit. */
static void
check_household (const LedgerHousehold *household,
                 GHashTable            *units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerHousehold) copy = ledger_household_copy (household);
  g_autofree char *shown = fuzz_describe (household->unit);

  FUZZ_CHECK (household->unit != NULL && household->owner != NULL &&
              household->owner_key != NULL && household->phone != NULL &&
              household->move_in != NULL,
              "a household of the plan (unit \"%s\") lacks a field", shown);
  FUZZ_CHECK (household->id == 0, "household \"%s\" of a plan has an id", shown);
  FUZZ_CHECK (!g_hash_table_contains (units, household->unit),
              "unit \"%s\" twice in the plan", shown);
  g_hash_table_add (units, household->unit);

  FUZZ_CHECK (ledger_household_validate (copy, &error),
              "household \"%s\" of the plan does not validate again: %s", shown, error->message);
  FUZZ_CHECK (strcmp (copy->unit, household->unit) == 0 &&
              strcmp (copy->owner, household->owner) == 0 &&
              strcmp (copy->owner_key, household->owner_key) == 0 &&
              strcmp (copy->phone, household->phone) == 0,
              "household \"%s\" changes when validated again", shown);
  FUZZ_CHECK (household->area >= 0 && household->area <= AREA_MAX,
              "household \"%s\" has an area of %" G_GINT64_FORMAT, shown, household->area);
  FUZZ_CHECK (household->spaces >= 0 && household->spaces <= SPACES_MAX,
              "household \"%s\" has %d parking spaces", shown, household->spaces);
  FUZZ_CHECK (household->status == LEDGER_STATUS_OCCUPIED ||
              household->status == LEDGER_STATUS_RENTED ||
              household->status == LEDGER_STATUS_VACANT,
              "household \"%s\" has status %d", shown, household->status);
  if (*household->move_in != '\0')
    {
      char iso[11];

      FUZZ_CHECK (ledger_date_parse (household->move_in, "move_in", iso, &error) &&
                  strcmp (iso, household->move_in) == 0,
                  "household \"%s\" moved in on \"%s\"", shown, household->move_in);
    }
}

/* Checks a plan read from @data. */
static void
check_plan (const LedgerImportPlan *plan,
            const uint8_t          *data,
            size_t                  size)
{
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean bom = size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0;
  gboolean utf8 = g_utf8_validate_len ((const char *) data + (bom ? 3 : 0),
                                       size - (bom ? 3 : 0), NULL);
  guint n_lines = count_lines (data, size);
  guint n_problem_rows;

  FUZZ_CHECK (plan->encoding != NULL &&
              strcmp (plan->encoding, utf8 ? "UTF-8" : "GB18030") == 0,
              "the plan says %s for %s input", plan->encoding, utf8 ? "UTF-8" : "non-UTF-8");
  FUZZ_CHECK (plan->households->len + plan->problems->len > 0,
              "a plan with neither households nor problems");

  n_problem_rows = check_problems (plan, n_lines);
  for (guint i = 0; i < plan->households->len; i++)
    check_household (g_ptr_array_index (plan->households, i), units);
  FUZZ_CHECK (plan->households->len + n_problem_rows <= n_lines - 1,
              "%u households and %u rows with problems in a file of %u lines",
              plan->households->len, n_problem_rows, n_lines);
}

/* One fuzz input: the bytes of a CSV file. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerImportPlan) plan = NULL;

  if (input_path == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  write_input (data, size);

  plan = ledger_import_read (NULL, input_path, &error);
  FUZZ_CHECK ((plan == NULL) != (error == NULL),
              "ledger_import_read returned %s and %s", plan != NULL ? "a plan" : "no plan",
              error != NULL ? "an error" : "no error");
  if (plan == NULL)
    {
      g_autofree char *shown = fuzz_describe (error->message);

      FUZZ_CHECK (error->domain == LEDGER_ERROR && error->code == LEDGER_ERROR_INVALID_INPUT,
                  "ledger_import_read failed with another kind of error: \"%s\"", shown);
      check_one_line_message (error->message, "the import's error");
      return 0;
    }
  check_plan (plan, data, size);
  return 0;
}

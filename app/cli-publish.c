/* cli-publish.c — what goes out to the residents: the notice for the
 * board, receipts, and the settings they print */
#define G_LOG_DOMAIN "community-ledger"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "cli-common.h"
#include "exports.h"
#include "ledger.h"

/* The command's entry in this file's table. */
static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_publish_commands, name);
}

/* The hidden --qr-payload FILE: the exact bytes of the QR code, for the
 * tests. Like every output it is written under a fresh name of its own
 * (created with O_EXCL in FILE's folder) and renamed into place when
 * whole: a file already at FILE is replaced only then, never emptied or
 * written through. The fresh file is made before anything is published,
 * so that a folder that cannot be written fails the command before the
 * notice is recorded. */
typedef struct
{
  const char *path;
  char       *tmp_path;   /* ours: created here, so ours to remove */
  int         fd;
} Payload;

static gboolean
payload_error (const char  *path,
               int          saved_errno,
               GError     **error)
{
  g_autofree char *display = ledger_quote_path (path);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("Could not write %s: %s"),
               display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
payload_open (Payload     *payload,
              const char  *path,
              GError     **error)
{
  g_autofree char *dir = NULL, *base = NULL;

  payload->path = path;
  payload->tmp_path = NULL;
  payload->fd = -1;
  if (path == NULL)
    return TRUE;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  payload->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  payload->fd = g_mkstemp_full (payload->tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (payload->fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&payload->tmp_path, g_free);
      return payload_error (path, saved, error);
    }
  return TRUE;
}

/* Removes the fresh file unless it was put in place. */
static void
payload_clear (Payload *payload)
{
  if (payload->fd >= 0)
    close (payload->fd);
  payload->fd = -1;
  if (payload->tmp_path != NULL)
    g_unlink (payload->tmp_path);
  g_clear_pointer (&payload->tmp_path, g_free);
}

static gboolean
payload_commit (Payload     *payload,
                const char  *bytes,
                GError     **error)
{
  gsize length = strlen (bytes);
  int fd = payload->fd;
  int saved;

  if (payload->path == NULL)
    return TRUE;
  saved = ledger_write_all (fd, bytes, length);
  if (saved != 0)
    return payload_error (payload->path, saved, error);
  payload->fd = -1;
  if (fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      return payload_error (payload->path, saved, error);
    }
  if (close (fd) != 0)
    return payload_error (payload->path, errno, error);
  if (g_rename (payload->tmp_path, payload->path) != 0)
    return payload_error (payload->path, errno, error);
  g_clear_pointer (&payload->tmp_path, g_free);
  return TRUE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Payload, payload_clear)

/* The period the user named, or this year by the book's clock. */
static gboolean
notice_period (LedgerBook    *book,
               const char    *text,
               LedgerPeriod  *out,
               GError       **error)
{
  char today[11];

  if (text != NULL)
    return ledger_period_parse (text, "--period", out, error);
  ledger_book_today (book, today);
  ledger_period_for_year (ledger_date_year (today), out);
  return TRUE;
}

/* notice FILE.pdf [--period P] [--png FILE] [--html FILE] */
static int
run_notice (CliGlobals *globals,
            int         argc,
            char      **argv)
{
  g_autofree char *period_text = NULL, *png = NULL, *html = NULL, *payload_path = NULL;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("2026, 2026-Q1 or 2026-03 (default: this year)"), N_("PERIOD") },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, N_("Also write the pages as one PNG image (150 dpi)"), N_("FILE") },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html, N_("Also write a page for phones"), N_("FILE") },
    { "qr-payload", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &payload_path,
      N_("Write the exact bytes of the QR code to FILE (for tests)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *payload = NULL;
  const LedgerNotice *notice;
  g_auto(Payload) payload_file = { NULL, NULL, -1 };
  LedgerPeriod period;
  const char *fields[] = { "FILE.pdf", "--png", "--html", "--qr-payload" };
  const char *paths[G_N_ELEMENTS (fields)];

  if (!cli_parse_options (globals, lookup ("notice"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  paths[0] = argv[1], paths[1] = png, paths[2] = html, paths[3] = payload_path;
  if ((period_text != NULL && !ledger_period_parse (period_text, "--period", &period, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_book_check_outputs (book, G_N_ELEMENTS (paths), fields, paths, &error) ||
      !notice_period (book, period_text, &period, &error) ||
      !payload_open (&payload_file, payload_path, &error) ||
      !export_notice (book, &period, argv[1], png, html, &payload, &error))
    return cli_report_error (error);
  if (!payload_commit (&payload_file, payload, &error) ||
      (notices = ledger_notice_list (book, &error)) == NULL)
    return cli_report_error (error);
  /* The head before the notice's own entry: what the paper shows. */
  notice = g_ptr_array_index (notices, notices->len - 1);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] != NULL)
      {
        g_autofree char *quoted = ledger_quote_path (paths[i]);
        /* Translators: what a command saved when its result could not be shown */
        g_autofree char *what = g_strdup_printf (_("the file %s"), quoted);

        cli_note_saved (what);
      }
  printf (_("Notice for %s published; it shows the fingerprint %s\n"), period.name,
          notice->fingerprint);
  return CLI_EXIT_OK;
}

/* receipt RECEIPT FILE.pdf */
static int
run_receipt (CliGlobals *globals,
             int         argc,
             char      **argv)
{
  g_autofree char *payload_path = NULL;
  const GOptionEntry entries[] = {
    { "qr-payload", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &payload_path,
      N_("Write the exact bytes of the QR code to FILE (for tests)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_auto(Payload) payload_file = { NULL, NULL, -1 };
  const char *fields[] = { "FILE.pdf", "--qr-payload" };
  const char *paths[G_N_ELEMENTS (fields)];

  if (!cli_parse_options (globals, lookup ("receipt"), entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  paths[0] = argv[2], paths[1] = payload_path;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      !ledger_book_check_outputs (book, G_N_ELEMENTS (paths), fields, paths, &error) ||
      !payload_open (&payload_file, payload_path, &error) ||
      !export_receipt (book, argv[1], argv[2], &payload, &error) ||
      !payload_commit (&payload_file, payload, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static const struct
{
  const char *word;
  const char *key;
} settings[] = {
  { "url", LEDGER_SETTING_PUBLICATION_URL },
  { "committee", LEDGER_SETTING_COMMITTEE },
  { "name", LEDGER_SETTING_NAME },
  { "address", LEDGER_SETTING_ADDRESS },
  { "backup-dir", LEDGER_SETTING_BACKUP_DIR },
  { "backup-keep", LEDGER_SETTING_BACKUP_KEEP },
  { "days-ahead", LEDGER_SETTING_DAYS_AHEAD },
};

/* A setting's value as it is in force: the backup settings show their
 * defaults when unset. */
static char *
dup_setting_value (LedgerBook *book,
                   const char *key)
{
  char *value;

  if (strcmp (key, LEDGER_SETTING_BACKUP_DIR) == 0)
    return ledger_settings_dup_backup_dir (book);
  if (strcmp (key, LEDGER_SETTING_BACKUP_KEEP) == 0)
    return g_strdup_printf ("%d", ledger_settings_get_backup_keep (book));
  if (strcmp (key, LEDGER_SETTING_DAYS_AHEAD) == 0)
    return g_strdup_printf ("%d", ledger_settings_get_days_ahead (book));
  value = ledger_book_dup_setting (book, key);
  return value != NULL ? value : g_strdup ("");
}

/* Prints "url VALUE" for one setting, or every one. */
static void
print_settings (LedgerBook *book,
                const char *only)
{
  for (gsize i = 0; i < G_N_ELEMENTS (settings); i++)
    if (only == NULL || strcmp (only, settings[i].word) == 0)
      {
        g_autofree char *value = dup_setting_value (book, settings[i].key);

        printf ("%s %s\n", settings[i].word, value);
      }
}

/* settings [url|committee|name|address|backup-dir|backup-keep|days-ahead [VALUE]] */
static int
run_settings (CliGlobals *globals,
              int         argc,
              char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  const char *key = NULL;

  if (!cli_parse_options (globals, lookup ("settings"), NULL, &argc, &argv, 0, 2))
    return CLI_EXIT_USAGE;
  for (gsize i = 0; argc > 1 && i < G_N_ELEMENTS (settings); i++)
    if (strcmp (argv[1], settings[i].word) == 0)
      key = settings[i].key;
  if (argc > 1 && key == NULL)
    return cli_usage_invalid (lookup ("settings"), _("setting"), argv[1],
                              _("expected url, committee, name, address, backup-dir, backup-keep or days-ahead"));
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (argc == 3 && !ledger_settings_set (book, key, argv[2], &error)))
    return cli_report_error (error);
  print_settings (book, argc > 1 ? argv[1] : NULL);
  return CLI_EXIT_OK;
}

const CliCommand cli_publish_commands[] = {
  { "notice", "FILE.pdf [--period P] [--png FILE] [--html FILE]",
    N_("Make the notice for the board (公示) and record its publication"), run_notice },
  { "receipt", "RECEIPT FILE.pdf", N_("Print a receipt, with its proof in a QR code"), run_receipt },
  { "settings", "[url|committee|name|address|backup-dir|backup-keep|days-ahead [VALUE]]",
    N_("Show or set the book's settings: the publication URL, the committee and the community's "
       "name and address on notices, the folder of automatic backups and how many recent ones "
       "to keep, and how many days after today an entry may be dated "
       "(\"\" clears or goes back to the default)"), run_settings },
  { NULL, NULL, NULL, NULL }
};

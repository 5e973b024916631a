/* cli-advance.c — money advanced to a committee member (advance give, return, list) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_advance_commands, name);
}

/* Prints the voucher number, the result a script reads. */
static int
report_voucher (char *voucher)
{
  g_autofree char *what = g_strdup_printf (_("voucher %s"), voucher);

  printf ("%s\n", voucher);
  cli_note_saved (what);
  g_free (voucher);
  return CLI_EXIT_OK;
}

/* advance give MEMBER AMOUNT --from ACCOUNT [--date DATE] [--memo TEXT] */
static int
run_advance_give (CliGlobals *globals,
                  int         argc,
                  char      **argv)
{
  const CliCommand *command = lookup ("advance give");
  g_autofree char *from = NULL, *date = NULL, *memo = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The money account it leaves: cash, bank, bank:NAME, wechat or alipay (required)"), N_("ACCOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was handed over (default today)"), N_("DATE") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("What it is for"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  char *voucher = NULL;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (from == NULL)
    return cli_usage_error (command, _("--from is required"));
  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_advance_give (book, argv[1], amount, from, date, memo, &voucher, &error))
    return cli_report_error (error);
  return report_voucher (voucher);
}

/* advance return MEMBER AMOUNT --to ACCOUNT [--date DATE] */
static int
run_advance_return (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  const CliCommand *command = lookup ("advance return");
  g_autofree char *to = NULL, *date = NULL;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The money account it goes into: cash, bank, bank:NAME, wechat or alipay (required)"), N_("ACCOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was handed back (default today)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  char *voucher = NULL;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (to == NULL)
    return cli_usage_error (command, _("--to is required"));
  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_advance_return (book, argv[1], amount, to, date, &voucher, &error))
    return cli_report_error (error);
  return report_voucher (voucher);
}

static void
print_advances_json (GPtrArray *advances)
{
  g_autoptr(CliJson) json = cli_json_new ();
  gint64 open = 0;

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "advances");
  for (guint i = 0; i < advances->len; i++)
    {
      const LedgerAdvanceSummary *a = g_ptr_array_index (advances, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "member", a->member);
      cli_json_int (json, "given", a->given);
      cli_json_int (json, "spent", a->spent);
      cli_json_int (json, "returned", a->returned);
      cli_json_int (json, "open", a->open);
      cli_json_end_object (json);
      open += a->open;
    }
  cli_json_end_array (json);
  cli_json_int (json, "open_total", open);
  cli_json_end_object (json);
  cli_json_print (json);
}

static void
print_advances_text (GPtrArray *advances)
{
  if (advances->len == 0)
    {
      printf ("%s\n", _("No advances."));
      return;
    }
  /* Translators: the columns of `advance list` */
  printf ("%s\n", _("member\tgiven\tspent\treturned\topen"));
  for (guint i = 0; i < advances->len; i++)
    {
      const LedgerAdvanceSummary *a = g_ptr_array_index (advances, i);
      g_autofree char *given = ledger_money_format (a->given);
      g_autofree char *spent = ledger_money_format (a->spent);
      g_autofree char *returned = ledger_money_format (a->returned);
      g_autofree char *open = ledger_money_format (a->open);

      printf ("%s\t%s\t%s\t%s\t%s\n", a->member, given, spent, returned, open);
    }
}

/* advance list [--json] */
static int
run_advance_list (CliGlobals *globals,
                  int         argc,
                  char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) advances = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("advance list"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (advances = ledger_advance_list (book, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_advances_json (advances);
  else
    print_advances_text (advances);
  return CLI_EXIT_OK;
}

const CliCommand cli_advance_commands[] = {
  { "advance give", "MEMBER AMOUNT --from ACCOUNT [--date DATE] [--memo TEXT]",
    N_("Hand money to a committee member as an advance (备用金) and print its voucher"), run_advance_give },
  { "advance return", "MEMBER AMOUNT --to ACCOUNT [--date DATE]",
    N_("Take back what a member returns of an advance and print its voucher"), run_advance_return },
  { "advance list", "[--json]",
    N_("Each member's advance: given, spent, returned and open"), run_advance_list },
  { NULL, NULL, NULL, NULL }
};

/* cli-spend.c — the command that records an expenditure (spend) */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli-common.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_spend_commands, name);
}

/* ------------------------------------------------------------------ */
/* spend */

typedef struct
{
  char  *payee;
  char  *category;
  char  *memo;
  char  *date;
  char  *invoice;
  char  *approvers;
  char  *method;
  char  *from;
  char **attach;
  int    vote;
  gboolean maintenance_fund;
} SpendOptions;

static void
spend_options_clear (SpendOptions *o)
{
  g_free (o->payee);
  g_free (o->category);
  g_free (o->memo);
  g_free (o->date);
  g_free (o->invoice);
  g_free (o->approvers);
  g_free (o->method);
  g_free (o->from);
  g_strfreev (o->attach);
}

/* --from: the account that paid, which also says the method (bank for a
 * named bank account, cash for a member's advance); a --method given
 * beside it must say the same. */
static gboolean
source_from_options (const SpendOptions  *o,
                     LedgerExpenditure   *e,
                     GError             **error)
{
  g_autofree char *code = NULL;
  LedgerMethod method;

  if (o->from == NULL)
    return TRUE;
  if ((code = ledger_expenditure_source_parse (o->from, "--from", error)) == NULL)
    return FALSE;
  method = ledger_expenditure_source_method (code);
  if (o->method != NULL && method != e->method)
    {
      g_autofree char *reason = g_strdup_printf (_("paid from this account the method is %s, not %s"),
                                                 ledger_method_to_string (method), o->method);

      return ledger_text_set_invalid_input (error, "--from", o->from, reason);
    }
  e->method = method;
  g_free (e->source);
  e->source = g_steal_pointer (&code);
  return TRUE;
}

/* Fills @e from the options and the amount argument. */
static gboolean
expenditure_from_options (const SpendOptions  *o,
                          const char          *amount,
                          LedgerExpenditure   *e,
                          GError             **error)
{
  if (!ledger_money_parse (amount, _("amount"), LEDGER_MONEY_POSITIVE, &e->amount, error) ||
      (o->method != NULL && !ledger_method_parse (o->method, "--method", &e->method, error)))
    return FALSE;
#define TAKE(field) if (o->field != NULL) { g_free (e->field); e->field = g_strdup (o->field); }
  TAKE (payee);
  TAKE (category);
  TAKE (memo);
  TAKE (invoice);
  TAKE (approvers);
#undef TAKE
  if (o->date != NULL && !ledger_date_parse (o->date, "--date", e->date, error))
    return FALSE;
  if (o->vote < 0)
    return ledger_text_set_invalid_input (error, "--vote", "-", _("expected a vote number such as 3"));
  e->vote_id = o->vote;
  e->from_maintenance_fund = o->maintenance_fund;
  return source_from_options (o, e, error);
}

static int
run_spend (CliGlobals *globals,
           int         argc,
           char      **argv)
{
  const CliCommand *command = lookup ("spend");
  SpendOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "payee", 0, 0, G_OPTION_ARG_STRING, &o.payee, N_("Who was paid (required)"), N_("NAME") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &o.category, N_("repair, cleaning, lighting, greening, security, utilities, office or other (required)"), N_("CATEGORY") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &o.memo, N_("What it was for"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The day it was paid (default today)"), N_("DATE") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING, &o.invoice, N_("The invoice number"), N_("NUMBER") },
    { "approvers", 0, 0, G_OPTION_ARG_STRING, &o.approvers, N_("Committee members who approved it, comma-separated"), N_("NAMES") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &o.method, N_("cash, wechat, alipay or bank (default cash)"), N_("METHOD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("The account that paid: a named bank account bank:NAME or a member's advance advance:MEMBER (default: the method's own)"), N_("ACCOUNT") },
    { "vote", 0, 0, G_OPTION_ARG_INT, &o.vote, N_("The owners' vote that approved it"), N_("ID") },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.attach, N_("A file to keep with it (repeatable)"), N_("FILE") },
    { "maintenance-fund", 0, 0, G_OPTION_ARG_NONE, &o.maintenance_fund, N_("Paid from the maintenance fund (needs a passed vote on matter 5)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 1, 1))
    status = CLI_EXIT_USAGE;
  else if (o.payee == NULL || o.category == NULL)
    status = cli_usage_error (command, _("--payee and --category are required"));
  else if (!expenditure_from_options (&o, argv[1], e, &error) ||
           (book = cli_open_book (globals, &error)) == NULL ||
           !ledger_expenditure_record (book, e, (const char * const *) o.attach, &error))
    status = cli_report_error (error);
  else
    {
      g_autofree char *what = g_strdup_printf (_("expenditure %" PRId64), e->id);

      printf ("%" G_GINT64_FORMAT "\n", e->id);
      cli_note_saved (what);
    }
  spend_options_clear (&o);
  return status;
}

/* ------------------------------------------------------------------ */

const CliCommand cli_spend_commands[] = {
  { "spend", "AMOUNT --payee P --category C [--memo M] [--date DATE] [--vote ID] [--attach FILE] [--from ACCOUNT]",
    N_("Record an expenditure"), run_spend },
  { NULL, NULL, NULL, NULL }
};

/* cli-votes.c — owners' votes, the spending limit and the committee
 * members who approve spending, on the command line */
#define G_LOG_DOMAIN "community-ledger"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-json.h"
#include "cli-common.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_vote_commands, name);
}

/* Vote numbers are positive integers. */
static gboolean
parse_vote_id (const char  *text,
               gint64      *out_id,
               GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &value, NULL))
    return ledger_text_set_invalid_input (error, _("vote"), text,
                                          _("expected a vote number such as 3"));
  *out_id = (gint64) value;
  return TRUE;
}

static int
run_vote_new (CliGlobals *globals,
              int         argc,
              char      **argv)
{
  g_autofree char *title = NULL, *description = NULL, *opens = NULL, *closes = NULL;
  int matter = 0;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the owners decide (required)"), N_("TEXT") },
    { "matter", 0, 0, G_OPTION_ARG_INT, &matter, N_("Civil Code Art. 278 matter type, 1 to 9 (required)"), N_("N") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("The full proposal"), N_("TEXT") },
    { "opens", 0, 0, G_OPTION_ARG_STRING, &opens, N_("First day of voting (default today)"), N_("DATE") },
    { "closes", 0, 0, G_OPTION_ARG_STRING, &closes, N_("Last day for ballots"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gint64 id = 0;

  if (!cli_parse_options (globals, lookup ("vote new"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if (title == NULL || matter == 0)
    return cli_usage_error (lookup ("vote new"), _("--title and --matter are required"));
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_vote_new (book, title, description, matter, opens, closes, &id, &error))
    return cli_report_error (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  saved = g_strdup_printf (_("vote %" PRId64), id);
  cli_note_saved (saved);
  return CLI_EXIT_OK;
}

static int
run_vote_ballot (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  g_autofree char *date = NULL, *scan = NULL, *replace = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the ballot was signed (default today)"), N_("DATE") },
    { "scan", 0, 0, G_OPTION_ARG_FILENAME, &scan, N_("A scan of the signed ballot to keep"), N_("FILE") },
    { "replace", 0, 0, G_OPTION_ARG_STRING, &replace, N_("Replace the owner's earlier ballot, for this reason"), N_("REASON") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  LedgerChoice choice;
  gint64 id = 0;

  if (!cli_parse_options (globals, lookup ("vote ballot"), entries, &argc, &argv, 3, 3))
    return CLI_EXIT_USAGE;
  if (!parse_vote_id (argv[1], &id, &error) ||
      !ledger_choice_parse (argv[3], _("choice"), &choice, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_vote_ballot (book, id, argv[2], choice, date, scan, replace, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static int
run_vote_close (CliGlobals *globals,
                int         argc,
                char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerVote) vote = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!cli_parse_options (globals, lookup ("vote close"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (!parse_vote_id (argv[1], &id, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_vote_close (book, id, &error) ||
      (vote = ledger_vote_lookup (book, id, &error)) == NULL)
    return cli_report_error (error);
  printf ("%s\n", vote->tally.passed ? _("passed") : _("not passed"));
  return CLI_EXIT_OK;
}

/* "221 of 291 (75.94%; at least two thirds needed): met" */
static void
print_ratio (const char *label,
             const char *part_text,
             const char *whole_text,
             gint64      part,
             gint64      whole,
             const char *threshold,
             gboolean    met)
{
  g_autofree char *pct = NULL;
  int bp = ledger_ratio_bp (part, whole);

  pct = g_strdup_printf ("%d.%02d%%", bp / 100, bp % 100);
  printf ("  %s: %s / %s = %s (%s) %s\n", label, part_text, whole_text, pct, threshold,
          met ? _("✓ met") : _("✗ not met"));
}

static void
print_vote_text (const LedgerVote *v)
{
  const LedgerTally *t = &v->tally;
  gboolean major = ledger_matter_is_major (v->matter);
  const char *approval = major ? _("at least three quarters of those who voted")
                               : _("more than half of those who voted");
  g_autofree char *hv = g_strdup_printf ("%" G_GINT64_FORMAT, t->heads_voted);
  g_autofree char *ht = g_strdup_printf ("%" G_GINT64_FORMAT, t->heads_total);
  g_autofree char *hy = g_strdup_printf ("%" G_GINT64_FORMAT, t->heads_yes);
  g_autofree char *av = ledger_area_format (t->area_voted);
  g_autofree char *at = ledger_area_format (t->area_total);
  g_autofree char *ay = ledger_area_format (t->area_yes);

  printf (_("Vote %" PRId64 ": %s\n"), v->id, v->title);
  printf (_("  Matter %d: %s\n"), v->matter, ledger_matter_name (v->matter));
  if (v->closed)
    printf (_("  Closed on %s\n"), v->closed_on);
  else
    printf (_("  Open since %s; the figures below are so far\n"), v->opens);
  print_ratio (_("Owners who voted"), hv, ht, t->heads_voted, t->heads_total,
               _("at least two thirds of all owners"),
               t->heads_total > 0 && 3 * t->heads_voted >= 2 * t->heads_total);
  print_ratio (_("Area that voted (m²)"), av, at, t->area_voted, t->area_total,
               _("at least two thirds of all area"),
               t->heads_total > 0 && 3 * t->area_voted >= 2 * t->area_total);
  print_ratio (_("Owners in favour"), hy, hv, t->heads_yes, t->heads_voted, approval,
               major ? 4 * t->heads_yes >= 3 * t->heads_voted : 2 * t->heads_yes > t->heads_voted);
  print_ratio (_("Area in favour (m²)"), ay, av, t->area_yes, t->area_voted, approval,
               major ? 4 * t->area_yes >= 3 * t->area_voted : 2 * t->area_yes > t->area_voted);
  if (t->passed)
    printf (_("  Result: passed\n"));
  else if (!t->participation_met)
    printf (_("  Result: not passed — too few owners took part\n"));
  else
    printf (_("  Result: not passed — not enough owners were in favour\n"));
}

static void
print_vote_json (const LedgerVote *v)
{
  g_autoptr(CliJson) json = cli_json_new ();
  const LedgerTally *t = &v->tally;

  cli_json_begin_object (json, NULL);
  cli_json_int (json, "id", v->id);
  cli_json_string (json, "title", v->title);
  cli_json_int (json, "matter", v->matter);
  cli_json_string (json, "matter_name", ledger_matter_name (v->matter));
  cli_json_string (json, "status", v->closed ? "closed" : "open");
  cli_json_string (json, "opens", v->opens);
  cli_json_string (json, "closes", v->closes);
  cli_json_string (json, "closed_on", v->closed ? v->closed_on : "");
  cli_json_int (json, "heads_total", t->heads_total);
  cli_json_int (json, "heads_voted", t->heads_voted);
  cli_json_int (json, "heads_yes", t->heads_yes);
  cli_json_int (json, "heads_no", t->heads_no);
  cli_json_int (json, "area_total", t->area_total);
  cli_json_int (json, "area_voted", t->area_voted);
  cli_json_int (json, "area_yes", t->area_yes);
  cli_json_int (json, "area_no", t->area_no);
  cli_json_string (json, "participation_threshold", "2/3");
  cli_json_string (json, "approval_threshold", ledger_matter_is_major (v->matter) ? "3/4" : ">1/2");
  cli_json_bool (json, "participation_met", t->participation_met);
  cli_json_bool (json, "passed", t->passed);
  cli_json_end_object (json);
  cli_json_print (json);
}

static int
run_vote_show (CliGlobals *globals,
               int         argc,
               char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerVote) vote = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!cli_parse_options (globals, lookup ("vote show"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (!parse_vote_id (argv[1], &id, &error) ||
      (book = cli_open_book_to_read (globals, &error)) == NULL ||
      (vote = ledger_vote_lookup (book, id, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_vote_json (vote);
  else
    print_vote_text (vote);
  return CLI_EXIT_OK;
}

static int
run_vote_list (CliGlobals *globals,
               int         argc,
               char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) votes = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("vote list"), NULL, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (votes = ledger_vote_list (book, &error)) == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < votes->len; i++)
    {
      const LedgerVote *v = g_ptr_array_index (votes, i);

      printf ("%4" G_GINT64_FORMAT "  %s  %d  %-10s %s\n", v->id, v->opens, v->matter,
              !v->closed ? _("open") : v->tally.passed ? _("passed") : _("not passed"), v->title);
    }
  return CLI_EXIT_OK;
}

static int
run_spend_limit (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 limit = 0;

  if (!cli_parse_options (globals, lookup ("spend-limit"), NULL, &argc, &argv, 0, 1))
    return CLI_EXIT_USAGE;
  if (argc == 2 && !ledger_money_parse (argv[1], _("amount"), LEDGER_MONEY_ALLOW_ZERO, &limit, &error))
    return cli_report_error (error);
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (argc == 2 && !ledger_set_spend_limit (book, limit, &error)))
    return cli_report_error (error);
  shown = ledger_money_format (ledger_spend_limit (book));
  printf ("%s\n", shown);
  return CLI_EXIT_OK;
}

/* member add NAME --role ROLE */
static int
run_member_add (CliGlobals *globals,
                int         argc,
                char      **argv)
{
  g_autofree char *role = NULL;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("主任, 副主任, 委员, 出纳, 监事 … (required)"), N_("ROLE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("member add"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (role == NULL)
    return cli_usage_error (lookup ("member add"), _("--role is required"));
  if (!ledger_member_check (argv[1], role, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_member_add (book, argv[1], role, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

/* member role NAME ROLE */
static int
run_member_role (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("member role"), NULL, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_member_set_role (book, argv[1], argv[2], &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

/* member retire NAME */
static int
run_member_retire (CliGlobals *globals,
                   int         argc,
                   char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("member retire"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_member_retire (book, argv[1], &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static void
print_members_json (const GPtrArray *members)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "members");
  for (guint i = 0; i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "name", m->name);
      cli_json_string (json, "role", m->role);
      cli_json_string (json, "since", m->since);
      cli_json_string (json, "retired", m->retired);
      cli_json_bool (json, "active", ledger_member_is_active (m));
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "count", members->len);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* member list [--all] [--json] */
static int
run_member_list (CliGlobals *globals,
                 int         argc,
                 char      **argv)
{
  gboolean as_json = FALSE, all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include retired members"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("member list"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (members = ledger_members_list (book, all, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    {
      print_members_json (members);
      return CLI_EXIT_OK;
    }
  for (guint i = 0; i < members->len; i++)
    {
      const LedgerMember *m = g_ptr_array_index (members, i);

      if (ledger_member_is_active (m))
        printf ("%s\t%s\t%s\n", m->name, m->role, m->since);
      else
        printf (_("%s\t%s\t%s\tretired %s\n"), m->name, m->role, m->since, m->retired);
    }
  return CLI_EXIT_OK;
}

const CliCommand cli_vote_commands[] = {
  { "vote new", "--title T --matter 1..9 [--closes DATE]",
    N_("Open an owners' vote and print its number"), run_vote_new },
  { "vote ballot", "ID UNIT yes|no|abstain [--date DATE] [--scan FILE] [--replace REASON]",
    N_("Enter a signed paper ballot"), run_vote_ballot },
  { "vote close", "ID", N_("Close a vote and fix its result"), run_vote_close },
  { "vote show", "ID [--json]", N_("Show a vote's four ratios and result"), run_vote_show },
  { "vote list", "", N_("List the votes"), run_vote_list },
  { "spend-limit", "[AMOUNT]",
    N_("Show or set the amount above which spending needs a passed vote"), run_spend_limit },
  { "member add", "NAME --role ROLE",
    N_("Add a committee member who may approve spending"), run_member_add },
  { "member role", "NAME ROLE", N_("Change an active committee member's role"), run_member_role },
  { "member retire", "NAME",
    N_("Retire a committee member (they stay on what they approved)"), run_member_retire },
  { "member list", "[--all] [--json]",
    N_("List the active committee members (--all: and the retired ones)"), run_member_list },
  { NULL, NULL, NULL, NULL }
};

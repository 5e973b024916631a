/* cli-book.c — the commands that write the book */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli-json.h"
#include "cli.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_book_commands, name);
}

/* ------------------------------------------------------------------ */

static int
run_init (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The community's name, as notices print it"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse_options (globals, lookup ("init"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if (name == NULL)
    return cli_usage_error (lookup ("init"), _("--name is required"));

  if (!cli_check_operator (globals, &error))
    return cli_report_error (error);
  dir = g_path_get_dirname (cli_book_path (globals));
  g_mkdir_with_parents (dir, 0755);
  book = ledger_community_create (cli_book_path (globals), name, globals->operator_name, &error);
  if (book == NULL)
    return cli_report_error (error);
  printf ("%s\n", ledger_book_get_display_path (book));
  cli_note_saved_book (book);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* household add / edit / import / list */

typedef struct
{
  char *owner;
  char *area;
  char *phone;
  char *owner_key;
  char *status;
  char *move_in;
  int   spaces;
} HouseholdOptions;

static void
household_options_clear (HouseholdOptions *o)
{
  g_free (o->owner);
  g_free (o->area);
  g_free (o->phone);
  g_free (o->owner_key);
  g_free (o->status);
  g_free (o->move_in);
}

/* Copies the options that were given onto @household. */
static gboolean
apply_household_options (const HouseholdOptions  *o,
                         LedgerHousehold         *household,
                         GError                 **error)
{
  if (o->owner != NULL)
    {
      g_free (household->owner);
      household->owner = g_strdup (o->owner);
    }
  if (o->area != NULL && !ledger_area_parse (o->area, "--area", &household->area, error))
    return FALSE;
  if (o->phone != NULL)
    {
      g_free (household->phone);
      household->phone = g_strdup (o->phone);
    }
  if (o->owner_key != NULL)
    {
      g_free (household->owner_key);
      household->owner_key = g_strdup (o->owner_key);
    }
  if (o->status != NULL && !ledger_occupancy_parse (o->status, "--status", &household->status, error))
    return FALSE;
  if (o->move_in != NULL)
    {
      g_free (household->move_in);
      household->move_in = g_strdup (o->move_in);
    }
  /* G_MININT means "not given"; anything else, negative included, is
   * checked by ledger_household_validate (). */
  if (o->spaces != G_MININT)
    household->spaces = o->spaces;
  return TRUE;
}

#define HOUSEHOLD_ENTRIES(o) \
  { "owner", 0, 0, G_OPTION_ARG_STRING, &(o).owner, N_("The owner's name"), N_("NAME") }, \
  { "area", 0, 0, G_OPTION_ARG_STRING, &(o).area, N_("Exclusive floor area in m² (two decimals)"), N_("M2") }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(o).phone, N_("The owner's phone number"), N_("PHONE") }, \
  { "spaces", 0, 0, G_OPTION_ARG_INT, &(o).spaces, N_("Parking spaces"), N_("N") }, \
  { "owner-key", 0, 0, G_OPTION_ARG_STRING, &(o).owner_key, N_("Groups the units of one owner (one head in votes)"), N_("KEY") }, \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(o).status, N_("occupied, rented or vacant"), N_("STATUS") }, \
  { "move-in", 0, 0, G_OPTION_ARG_STRING, &(o).move_in, N_("Move-in date"), N_("DATE") }

static int
run_household_add (CliGlobals *globals,
                   int         argc,
                   char      **argv)
{
  const CliCommand *command = lookup ("household add");
  HouseholdOptions o = { .spaces = G_MININT };
  const GOptionEntry entries[] = { HOUSEHOLD_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(LedgerHousehold) household = ledger_household_new ();
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 1, 1))
    status = CLI_EXIT_USAGE;
  else if (o.owner == NULL || o.area == NULL)
    status = cli_usage_error (command, _("--owner and --area are required"));
  else
    {
      household->unit = g_strdup (argv[1]);
      if (!apply_household_options (&o, household, &error) ||
          !ledger_household_validate (household, &error) ||
          (book = cli_open_book (globals, &error)) == NULL ||
          !ledger_household_add (book, household, &error))
        status = cli_report_error (error);
    }
  household_options_clear (&o);
  return status;
}

static int
run_household_edit (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  HouseholdOptions o = { .spaces = G_MININT };
  const GOptionEntry entries[] = { HOUSEHOLD_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(LedgerHousehold) household = NULL;
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (globals, lookup ("household edit"), entries, &argc, &argv, 1, 1))
    status = CLI_EXIT_USAGE;
  else if ((book = cli_open_book (globals, &error)) == NULL ||
           (household = ledger_household_lookup (book, argv[1], &error)) == NULL ||
           !apply_household_options (&o, household, &error) ||
           !ledger_household_update (book, household, &error))
    status = cli_report_error (error);
  household_options_clear (&o);
  return status;
}

static int
run_household_import (CliGlobals *globals,
                      int         argc,
                      char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (!cli_parse_options (globals, lookup ("household import"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (plan = ledger_import_read (book, argv[1], &error)) == NULL ||
      !ledger_import_households (book, plan, &count, &error))
    return cli_report_error (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u household (%s)\n",
                       "Imported %u households (%s)\n", count),
          count, plan->encoding);
  return CLI_EXIT_OK;
}

static void
print_households_json (GPtrArray *households)
{
  g_autoptr(CliJson) json = cli_json_new ();

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "households");
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "unit", h->unit);
      cli_json_string (json, "owner", h->owner);
      cli_json_string (json, "owner_key", h->owner_key);
      cli_json_string (json, "phone", h->phone);
      cli_json_int (json, "area", h->area);
      cli_json_int (json, "spaces", h->spaces);
      cli_json_string (json, "status", ledger_occupancy_to_string (h->status));
      cli_json_string (json, "move_in", h->move_in);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "count", households->len);
  cli_json_end_object (json);
  cli_json_print (json);
}

static void
print_households_text (GPtrArray *households)
{
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);
      g_autofree char *area = ledger_area_format (h->area);

      printf ("%-10s %-8s %9s m²  %d  %-8s %s\n", h->unit, h->owner, area, h->spaces,
              ledger_occupancy_to_string (h->status), h->phone);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u household\n", "%u households\n", households->len),
          households->len);
}

static int
run_household_list (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) households = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("household list"), entries, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (households = ledger_household_list (book, &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_households_json (households);
  else
    print_households_text (households);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* household show */

/* The columns @text takes in a terminal: CJK characters take two. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* Prints @text right-aligned in @width terminal columns. */
static void
print_right (const char *text,
             int         width)
{
  printf ("%*s%s", MAX (0, width - display_width (text)), "", text);
}

static void
print_money_cell (gint64 fen)
{
  g_autofree char *money = ledger_money_format (fen);

  print_right (money, 14);
}

/* "  label ........ ¥1,234.56", as the reports print their totals. */
static void
print_total (const char *label,
             gint64      fen)
{
  g_autofree char *money = ledger_money_format (fen);

  printf ("  %s%*s %16s\n", label, (int) MAX (0, 30 - display_width (label)), "", money);
}

static void
print_history_charges (const LedgerHouseholdHistory *h)
{
  if (h->charges->len == 0)
    return;
  printf ("%-18s", _("Charges"));
  print_right (_("Billed"), 14);
  print_right (_("Paid"), 14);
  print_right (_("Waived"), 14);
  print_right (_("Outstanding"), 14);
  printf ("\n");
  for (guint i = 0; i < h->charges->len; i++)
    {
      const LedgerHistoryCharge *c = g_ptr_array_index (h->charges, i);

      printf ("  %d %-11s", c->year, c->fee_code);
      print_money_cell (c->amount);
      print_money_cell (c->paid);
      print_money_cell (c->waived);
      print_money_cell (c->open);
      printf ("  %s\n", c->fee_name);
    }
}

/* "property 2025 ¥360.00, prepaid credit ¥40.00; voided on …: …" */
static char *
describe_receipt (const LedgerHistoryReceipt *r)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < r->lines->len; i++)
    {
      const LedgerReceiptLine *line = &g_array_index (r->lines, LedgerReceiptLine, i);
      g_autofree char *money = ledger_money_format (line->amount);

      g_string_append_printf (text, "%s%s %d %s", i > 0 ? ", " : "", line->fee_code, line->year, money);
    }
  if (r->to_credit != 0)
    {
      g_autofree char *money = ledger_money_format (r->to_credit);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, _("prepaid credit %s"), money);
    }
  if (r->voided)
    {
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("voided on %s: %s"), r->void_date, r->void_reason);
    }
  return g_string_free (text, FALSE);
}

static void
print_history_receipts (const LedgerHouseholdHistory *h)
{
  if (h->receipts->len == 0)
    return;
  printf ("%s\n", _("Receipts"));
  for (guint i = 0; i < h->receipts->len; i++)
    {
      const LedgerHistoryReceipt *r = g_ptr_array_index (h->receipts, i);
      g_autofree char *what = describe_receipt (r);

      printf ("  %s  %s", r->number, r->date);
      print_money_cell (r->amount);
      printf ("  %-6s  %s\n", ledger_method_to_string (r->method), what);
    }
}

static void
print_history_waivers (const LedgerHouseholdHistory *h)
{
  if (h->waivers->len == 0)
    return;
  printf ("%s\n", _("Waivers"));
  for (guint i = 0; i < h->waivers->len; i++)
    {
      const LedgerHistoryWaiver *w = g_ptr_array_index (h->waivers, i);

      printf ("  %s  %d %-11s", w->date, w->year, w->fee_code);
      print_money_cell (w->amount);
      printf ("  %s\n", w->reason);
    }
}

static void
print_history_text (const LedgerHouseholdHistory *h)
{
  const LedgerHousehold *hh = h->household;
  g_autofree char *area = ledger_area_format (hh->area);
  g_autofree char *phone = ledger_text_mask_phone (hh->phone);

  printf (_("Household %s, %s\n"), hh->unit, hh->owner);
  printf (_("  Area %s m²; parking spaces %d; %s; moved in %s; phone %s\n"), area, hh->spaces,
          ledger_occupancy_to_string (hh->status), *hh->move_in != '\0' ? hh->move_in : "—",
          *phone != '\0' ? phone : "—");
  print_history_charges (h);
  print_history_receipts (h);
  print_history_waivers (h);
  printf ("%s\n", _("Totals"));
  print_total (_("Billed"), h->billed);
  print_total (_("Waived"), h->waived);
  print_total (_("Paid"), h->paid);
  print_total (_("Outstanding"), h->owed);
  print_total (_("Prepaid credit"), h->credit);
  print_total (_("Received (receipts not voided)"), h->received);
}

static void
history_json_receipt (CliJson                    *json,
                      const LedgerHistoryReceipt *r)
{
  cli_json_begin_object (json, NULL);
  cli_json_string (json, "number", r->number);
  cli_json_string (json, "date", r->date);
  cli_json_int (json, "amount", r->amount);
  cli_json_string (json, "method", ledger_method_to_string (r->method));
  cli_json_bool (json, "voided", r->voided);
  cli_json_string (json, "void_date", r->void_date);
  cli_json_string (json, "void_reason", r->void_reason);
  cli_json_begin_array (json, "settled");
  for (guint i = 0; i < r->lines->len; i++)
    {
      const LedgerReceiptLine *line = &g_array_index (r->lines, LedgerReceiptLine, i);

      cli_json_begin_object (json, NULL);
      cli_json_int (json, "year", line->year);
      cli_json_string (json, "fee", line->fee_code);
      cli_json_int (json, "amount", line->amount);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "to_credit", r->to_credit);
  cli_json_end_object (json);
}

static void
history_json_lists (CliJson                      *json,
                    const LedgerHouseholdHistory *h)
{
  cli_json_begin_array (json, "charges");
  for (guint i = 0; i < h->charges->len; i++)
    {
      const LedgerHistoryCharge *c = g_ptr_array_index (h->charges, i);

      cli_json_begin_object (json, NULL);
      cli_json_int (json, "year", c->year);
      cli_json_string (json, "fee", c->fee_code);
      cli_json_string (json, "fee_name", c->fee_name);
      cli_json_int (json, "amount", c->amount);
      cli_json_int (json, "paid", c->paid);
      cli_json_int (json, "waived", c->waived);
      cli_json_int (json, "open", c->open);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_begin_array (json, "receipts");
  for (guint i = 0; i < h->receipts->len; i++)
    history_json_receipt (json, g_ptr_array_index (h->receipts, i));
  cli_json_end_array (json);
  cli_json_begin_array (json, "waivers");
  for (guint i = 0; i < h->waivers->len; i++)
    {
      const LedgerHistoryWaiver *w = g_ptr_array_index (h->waivers, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "date", w->date);
      cli_json_int (json, "year", w->year);
      cli_json_string (json, "fee", w->fee_code);
      cli_json_int (json, "amount", w->amount);
      cli_json_string (json, "reason", w->reason);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
}

/* The phone is masked: the history is something a treasurer may hand
 * to the owner or paste into a message. */
static void
print_history_json (const LedgerHouseholdHistory *h)
{
  g_autoptr(CliJson) json = cli_json_new ();
  const LedgerHousehold *hh = h->household;
  g_autofree char *phone = ledger_text_mask_phone (hh->phone);

  cli_json_begin_object (json, NULL);
  cli_json_string (json, "unit", hh->unit);
  cli_json_string (json, "owner", hh->owner);
  cli_json_string (json, "owner_key", hh->owner_key);
  cli_json_string (json, "phone", phone);
  cli_json_int (json, "area", hh->area);
  cli_json_int (json, "spaces", hh->spaces);
  cli_json_string (json, "status", ledger_occupancy_to_string (hh->status));
  cli_json_string (json, "move_in", hh->move_in);
  history_json_lists (json, h);
  cli_json_int (json, "billed", h->billed);
  cli_json_int (json, "waived", h->waived);
  cli_json_int (json, "paid", h->paid);
  cli_json_int (json, "owed", h->owed);
  cli_json_int (json, "credit", h->credit);
  cli_json_int (json, "received", h->received);
  cli_json_end_object (json);
  cli_json_print (json);
}

static int
run_household_show (CliGlobals *globals,
                    int         argc,
                    char      **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerHouseholdHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("household show"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book_to_read (globals, &error)) == NULL ||
      (history = ledger_household_history (book, argv[1], &error)) == NULL)
    return cli_report_error (error);
  if (as_json)
    print_history_json (history);
  else
    print_history_text (history);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* fee set / fee list, bill */

static int
run_fee_set (CliGlobals *globals,
             int         argc,
             char      **argv)
{
  g_autofree char *per = NULL;
  g_autofree char *from = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "per", 0, 0, G_OPTION_ARG_STRING, &per, N_("household or space"), N_("BASIS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The date the new amount takes effect (default: 1 January this year)"), N_("DATE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The fee's name on notices"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  LedgerFeeBasis basis;
  gint64 amount = 0;

  if (!cli_parse_options (globals, lookup ("fee set"), entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (!ledger_fee_code_check (argv[1], &error) ||
      !ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_ALLOW_ZERO, &amount, &error) ||
      (per != NULL && !ledger_fee_basis_parse (per, "--per", &basis, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_fee_set (book, argv[1], name, amount, per != NULL ? &basis : NULL, from, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static int
run_fee_list (CliGlobals *globals,
              int         argc,
              char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GPtrArray) fees = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("fee list"), NULL, &argc, &argv, 0, 0))
    return CLI_EXIT_USAGE;
  if ((book = cli_open_book (globals, &error)) == NULL ||
      (fees = ledger_fee_list_versions (book, &error)) == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < fees->len; i++)
    {
      const LedgerFee *fee = g_ptr_array_index (fees, i);
      g_autofree char *amount = ledger_money_format (fee->amount);

      printf ("%-10s %-8s %12s / %-9s %s %s\n", fee->code, fee->name, amount,
              ledger_fee_basis_to_string (fee->basis), _("from"), fee->effective_from);
    }
  return CLI_EXIT_OK;
}

static int
run_bill (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  LedgerBillSummary summary;
  int year = 0;

  if (!cli_parse_options (globals, lookup ("bill"), NULL, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (!ledger_year_parse (argv[1], _("year"), &year, &error) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_bill_year (book, year, &summary, &error))
    return cli_report_error (error);
  total = ledger_money_format (summary.amount);
  printf (g_dngettext (GETTEXT_PACKAGE, "%d: %u new charge, %s\n", "%d: %u new charges, %s\n",
                       summary.charges),
          year, summary.charges, total);
  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* pay, void, waive */

/* Tells cli_run() which receipts were recorded, for the message when
 * they could not be printed: "receipt 2026-000124" or "receipts
 * 2026-000124 … 2026-000130" (a batch numbers its receipts in a row). */
static void
note_saved_receipts (char * const *numbers,
                     guint         n)
{
  g_autofree char *what = NULL;

  if (n == 0)
    return;
  if (n == 1)
    what = g_strdup_printf (_("receipt %s"), numbers[0]);
  else
    /* Translators: the first and the last of the receipts a batch recorded */
    what = g_strdup_printf (_("receipts %s … %s"), numbers[0], numbers[n - 1]);
  cli_note_saved (what);
}

/* Prints what a batch recorded, one "RECEIPT UNIT AMOUNT" line per
 * payment in file order: `2026-000124 1-1-101 360.00`. */
static void
print_batch_text (const LedgerPayBatchPlan *plan,
                  GPtrArray                *receipts)
{
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const LedgerPayBatchRow *row = g_ptr_array_index (plan->rows, i);
      g_autofree char *amount = ledger_money_format_plain (row->amount);

      printf ("%s %s %s\n", (const char *) g_ptr_array_index (receipts, i), row->unit, amount);
    }
}

static void
print_batch_json (const LedgerPayBatchPlan *plan,
                  GPtrArray                *receipts)
{
  g_autoptr(CliJson) json = cli_json_new ();
  gint64 total = 0;

  cli_json_begin_object (json, NULL);
  cli_json_begin_array (json, "payments");
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const LedgerPayBatchRow *row = g_ptr_array_index (plan->rows, i);

      total += row->amount;
      cli_json_begin_object (json, NULL);
      cli_json_string (json, "receipt", g_ptr_array_index (receipts, i));
      cli_json_string (json, "unit", row->unit);
      cli_json_int (json, "amount", row->amount);
      cli_json_string (json, "method", ledger_method_to_string (row->method));
      cli_json_string (json, "date", row->date);
      cli_json_end_object (json);
    }
  cli_json_end_array (json);
  cli_json_int (json, "count", plan->rows->len);
  cli_json_int (json, "total", total);
  cli_json_end_object (json);
  cli_json_print (json);
}

/* pay --batch FILE: every row of a CSV statement in one transaction. */
static int
run_pay_batch (CliGlobals   *globals,
               const char   *path,
               LedgerMethod  method,
               const char   *date,
               gboolean      as_json)
{
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerPayBatchPlan) plan = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GError) error = NULL;

  if ((book = cli_open_book (globals, &error)) == NULL ||
      (plan = ledger_pay_batch_read (book, path, method, date, &error)) == NULL ||
      !ledger_pay_batch_apply (book, plan, &receipts, &error))
    return cli_report_error (error);
  if (as_json)
    print_batch_json (plan, receipts);
  else
    print_batch_text (plan, receipts);
  note_saved_receipts ((char * const *) receipts->pdata, receipts->len);
  return CLI_EXIT_OK;
}

static int
run_pay (CliGlobals *globals,
         int         argc,
         char      **argv)
{
  const CliCommand *command = lookup ("pay");
  g_autofree char *method_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *batch = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_text, N_("cash, wechat, alipay or bank (default cash)"), N_("METHOD") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the money was received (default today)"), N_("DATE") },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch, N_("Record every payment of a CSV file (unit, amount, method, date; - for standard input), all or none"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON (with --batch)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LedgerMethod method = LEDGER_METHOD_CASH;
  gint64 amount = 0;

  if (!cli_parse_options (globals, command, entries, &argc, &argv, 0, 2))
    return CLI_EXIT_USAGE;
  if (batch != NULL && argc > 1)
    return cli_usage_error (command, _("--batch takes no UNIT or AMOUNT"));
  if (batch == NULL && argc != 3)
    return cli_usage_error (command, _("expected %s"), command->params);
  if (batch == NULL && as_json)
    return cli_usage_error (command, _("--json goes with --batch"));
  if (batch != NULL && *batch == '\0')
    return cli_usage_invalid (command, "--batch", batch, _("nothing entered"));
  if (batch != NULL)
    {
      if (method_text != NULL && !ledger_method_parse (method_text, "--method", &method, &error))
        return cli_report_error (error);
      return run_pay_batch (globals, batch, method, date, as_json);
    }

  if (!ledger_money_parse (argv[2], _("amount"), LEDGER_MONEY_POSITIVE, &amount, &error) ||
      (method_text != NULL && !ledger_method_parse (method_text, "--method", &method, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_pay (book, argv[1], amount, method, date, &receipt, &error))
    return cli_report_error (error);
  /* The receipt number alone, so scripts can capture it. */
  printf ("%s\n", receipt->number);
  note_saved_receipts (&receipt->number, 1);
  return CLI_EXIT_OK;
}

static int
run_void (CliGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the receipt is void (required)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse_options (globals, lookup ("void"), entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (reason == NULL)
    return cli_usage_error (lookup ("void"), _("--reason is required"));
  if ((book = cli_open_book (globals, &error)) == NULL ||
      !ledger_void (book, argv[1], reason, &error))
    return cli_report_error (error);
  return CLI_EXIT_OK;
}

static int
run_waive (CliGlobals *globals,
           int         argc,
           char      **argv)
{
  g_autofree char *reason = NULL;
  g_autofree char *amount_text = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the fee is reduced (required)"), N_("TEXT") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("How much to waive (default: all still owed)"), N_("AMOUNT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 amount = 0, waived = 0;
  int year = 0;

  if (!cli_parse_options (globals, lookup ("waive"), entries, &argc, &argv, 3, 3))
    return CLI_EXIT_USAGE;
  if (reason == NULL)
    return cli_usage_error (lookup ("waive"), _("--reason is required"));
  if (!ledger_year_parse (argv[3], _("year"), &year, &error) ||
      (amount_text != NULL &&
       !ledger_money_parse (amount_text, "--amount", LEDGER_MONEY_POSITIVE, &amount, &error)) ||
      (book = cli_open_book (globals, &error)) == NULL ||
      !ledger_waive (book, argv[1], argv[2], year, amount_text != NULL ? &amount : NULL,
                     reason, &waived, &error))
    return cli_report_error (error);
  shown = ledger_money_format (waived);
  printf (_("Waived %s\n"), shown);
  return CLI_EXIT_OK;
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
  g_strfreev (o->attach);
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
  return TRUE;
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
           !ledger_spend (book, e, (const char * const *) o.attach, &error))
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

const CliCommand cli_book_commands[] = {
  { "init", "--name NAME", N_("Create a new book"), run_init },
  { "household add", "UNIT --owner NAME --area M2 [--phone P] [--spaces N] [--owner-key K]",
    N_("Register a household"), run_household_add },
  { "household edit", "UNIT [--owner NAME] [--area M2] [--phone P] …",
    N_("Change a household's details"), run_household_edit },
  { "household import", "FILE.csv", N_("Register households from a CSV file (all rows or none)"),
    run_household_import },
  { "household list", "[--json]", N_("List the households"), run_household_list },
  { "household show", "UNIT [--json]",
    N_("Show a household's charges, receipts, waivers and what it owes"), run_household_show },
  { "fee set", "CODE AMOUNT [--per household|space] [--from DATE]",
    N_("Set a fee item's yearly amount from a date"), run_fee_set },
  { "fee list", "", N_("List every version of every fee item"), run_fee_list },
  { "bill", "YEAR", N_("Post the year's charges (safe to repeat)"), run_bill },
  { "pay", "UNIT AMOUNT [--method cash|wechat|alipay|bank] [--date DATE] | --batch FILE [--json]",
    N_("Record a payment and print its receipt number"), run_pay },
  { "void", "RECEIPT --reason TEXT", N_("Void a receipt by a reversing entry"), run_void },
  { "waive", "UNIT FEE YEAR --reason TEXT [--amount AMOUNT]",
    N_("Reduce a household's charge"), run_waive },
  { "spend", "AMOUNT --payee P --category C [--memo M] [--date DATE] [--vote ID] [--attach FILE]",
    N_("Record an expenditure"), run_spend },
  { NULL, NULL, NULL, NULL }
};

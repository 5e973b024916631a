/* cli-household-show.c — household show: one household's charges, receipts,
 * waivers and what it owes */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-json.h"
#include "ledger.h"

static const CliCommand *
lookup (const char *name)
{
  return cli_command_lookup (cli_household_show_commands, name);
}

/* ------------------------------------------------------------------ */
/* household show */

/* Prints @text right-aligned in @width terminal columns. */
static void
print_right (const char *text,
             int         width)
{
  printf ("%*s%s", MAX (0, width - cli_display_width (text)), "", text);
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

  printf ("  %s%*s %16s\n", label, (int) MAX (0, 30 - cli_display_width (label)), "", money);
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
      /* Translators: after a fee's name, a charge the book started with */
      printf ("  %s%s\n", c->fee_name, c->opening ? _(" (opening)") : "");
    }
}

/* "property 2025 ¥360.00, prepaid credit ¥40.00; voided on …: …" */
static char *
describe_receipt (const LedgerReceipt *r)
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
      const LedgerReceipt *r = g_ptr_array_index (h->receipts, i);
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

/* "F2026-0001  2026-04-01     ¥640.00  cash    搬走" */
static void
print_history_refunds (const LedgerHouseholdHistory *h)
{
  if (h->refunds->len == 0)
    return;
  printf ("%s\n", _("Refunds of credit"));
  for (guint i = 0; i < h->refunds->len; i++)
    {
      const LedgerRefund *r = g_ptr_array_index (h->refunds, i);

      printf ("  %s  %s", r->voucher, r->date);
      print_money_cell (r->amount);
      printf ("  %-6s  %s\n", r->account, r->reason);
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
  print_history_refunds (h);
  printf ("%s\n", _("Totals"));
  print_total (_("Billed"), h->billed);
  print_total (_("Waived"), h->waived);
  print_total (_("Paid"), h->paid);
  print_total (_("Outstanding"), h->owed);
  print_total (_("Prepaid credit"), h->credit);
  print_total (_("Received (receipts not voided)"), h->received);
  if (h->refunded != 0)
    print_total (_("Refunded"), h->refunded);
  if (h->opening_credit != 0)
    print_total (_("Opening credit (paper ledger)"), h->opening_credit);
}

static void
history_json_receipt (CliJson                    *json,
                      const LedgerReceipt *r)
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
      cli_json_bool (json, "opening", c->opening);
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
  cli_json_begin_array (json, "refunds");
  for (guint i = 0; i < h->refunds->len; i++)
    {
      const LedgerRefund *r = g_ptr_array_index (h->refunds, i);

      cli_json_begin_object (json, NULL);
      cli_json_string (json, "voucher", r->voucher);
      cli_json_string (json, "date", r->date);
      cli_json_int (json, "amount", r->amount);
      cli_json_string (json, "account", r->account);
      cli_json_string (json, "reason", r->reason);
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
  cli_json_int (json, "refunded", h->refunded);
  cli_json_int (json, "opening_credit", h->opening_credit);
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

const CliCommand cli_household_show_commands[] = {
  { "household show", "UNIT [--json]",
    N_("Show a household's charges, receipts, waivers, refunds and what it owes"), run_household_show },
  { NULL, NULL, NULL, NULL }
};

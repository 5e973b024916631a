/* reliability-driver.c — records many operations in one process
 *
 * The crash and concurrency tests run this against a book and kill it, or
 * run several at once. It records payments, expenditures and voids with
 * one long-lived LedgerBook, chosen by a seeded random generator, and
 * prints a line to stdout — flushed at once — only after the ledger call
 * returned TRUE, that is after COMMIT returned:
 *
 *   pay 2026-000123       a payment and its receipt number
 *   spend 17              an expenditure and its id
 *   void 2026-000045      a receipt this process voided
 *   busy MESSAGE          a write gave up on the lock (LEDGER_ERROR_LOCKED); retried
 *   refused MESSAGE       the book refused a void or an expenditure (nothing written)
 *
 * Whatever it printed must be in the book afterwards, whenever it died.
 */
#define G_LOG_DOMAIN "reliability-driver"

#include <stdio.h>
#include <stdlib.h>

#include "ledger.h"

typedef struct
{
  LedgerBook *book;
  GRand      *rand;
  GPtrArray  *units;    /* unit codes of the book's households */
  GPtrArray  *receipts; /* receipts this process paid and has not voided */
  gboolean    pay_only;
  guint       busy;
} Driver;

/* Prints one line and pushes it out of the process at once, so that a
 * SIGKILL right after cannot lose it. */
static void
report (const char *kind,
        const char *what)
{
  printf ("%s %s\n", kind, what);
  fflush (stdout);
}

/* A payment of 1 to 600 yuan from a random household. */
static gboolean
do_pay (Driver  *d,
        GError **error)
{
  const char *unit = g_ptr_array_index (d->units, g_rand_int_range (d->rand, 0, d->units->len));
  gint64 amount = 100 * g_rand_int_range (d->rand, 1, 601);
  LedgerMethod method = g_rand_int_range (d->rand, LEDGER_METHOD_CASH, LEDGER_METHOD_BANK + 1);
  g_autoptr(LedgerReceipt) receipt = NULL;

  if (!ledger_pay (d->book, unit, amount, method, "2026-05-01", &receipt, error))
    return FALSE;
  report ("pay", receipt->number);
  g_ptr_array_add (d->receipts, g_strdup (receipt->number));
  return TRUE;
}

/* A small expenditure (under the default spend limit), no attachment. */
static gboolean
do_spend (Driver  *d,
          GError **error)
{
  const char * const *categories = ledger_expenditure_categories ();
  guint n_categories = g_strv_length ((char **) categories);
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autofree char *id = NULL;

  e->amount = 100 * g_rand_int_range (d->rand, 1, 101);
  g_free (e->payee);
  e->payee = g_strdup ("崩溃测试供应商");
  g_free (e->category);
  e->category = g_strdup (categories[g_rand_int_range (d->rand, 0, n_categories)]);
  g_strlcpy (e->date, "2026-05-01", sizeof e->date);
  e->method = LEDGER_METHOD_CASH;
  if (!ledger_expenditure_record (d->book, e, NULL, error))
    return FALSE;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
  report ("spend", id);
  return TRUE;
}

/* Voids one of the receipts this process paid. */
static gboolean
do_void (Driver  *d,
         GError **error)
{
  guint i = g_rand_int_range (d->rand, 0, d->receipts->len);
  g_autofree char *number = g_strdup (g_ptr_array_index (d->receipts, i));

  /* Forgotten first: a void the book refuses is not tried again. */
  g_ptr_array_remove_index_fast (d->receipts, i);
  if (!ledger_void (d->book, number, "崩溃测试作废", error))
    return FALSE;
  report ("void", number);
  return TRUE;
}

/* One random operation; on a busy book, says so and tries it again. */
static gboolean
do_one (Driver  *d,
        GError **error)
{
  int pick = d->pay_only ? 0 : g_rand_int_range (d->rand, 0, 100);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean voiding = pick >= 90 && d->receipts->len > 0;
      gboolean ok;

      if (pick < 70)
        ok = do_pay (d, &local_error);
      else if (!voiding)
        ok = do_spend (d, &local_error);
      else
        ok = do_void (d, &local_error);
      if (ok)
        return TRUE;
      if (pick >= 70 && ledger_error_is_usage (local_error))
        {
          /* A void or an expenditure the book refuses (the receipt's
           * credit was used, or the money is not there: no money account
           * goes below zero): nothing was written; forget that receipt. */
          report ("refused", local_error->message);
          return TRUE;
        }
      if (!g_error_matches (local_error, LEDGER_ERROR, LEDGER_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      d->busy++;
      report ("busy", local_error->message);
    }
}

/* The unit codes of every household in the book. */
static GPtrArray *
list_units (LedgerBook  *book,
            GError     **error)
{
  g_autoptr(GPtrArray) households = ledger_household_list (book, error);
  GPtrArray *units;

  if (households == NULL)
    return NULL;
  units = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < households->len; i++)
    g_ptr_array_add (units, g_strdup (((LedgerHousehold *) g_ptr_array_index (households, i))->unit));
  return units;
}

/* Opens the book once and records operations until killed or done. */
int
main (int    argc,
      char **argv)
{
  gint64 seed = 1;
  int ops = 0;
  gboolean pay_only = FALSE;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random choices", "N" },
    { "ops", 0, 0, G_OPTION_ARG_INT, &ops, "Stop after N operations (0: run until killed)", "N" },
    { "pay-only", 0, 0, G_OPTION_ARG_NONE, &pay_only, "Record payments only", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("BOOK");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(LedgerBook) book = NULL;
  g_autoptr(GRand) rand = NULL;
  Driver driver;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "usage: reliability-driver [--seed N] [--ops N] [--pay-only] BOOK\n");
      return 2;
    }
  book = ledger_community_open (argv[1], LEDGER_BOOK_OPEN_DEFAULT, &error);
  if (book == NULL || (units = list_units (book, &error)) == NULL || units->len == 0)
    {
      fprintf (stderr, "reliability-driver: %s\n", error != NULL ? error->message : "no households");
      return 1;
    }
  rand = g_rand_new_with_seed ((guint32) seed);
  driver = (Driver) { book, rand, units, receipts, pay_only, 0 };
  for (int i = 0; ops == 0 || i < ops; i++)
    if (!do_one (&driver, &error))
      {
        fprintf (stderr, "reliability-driver: %s\n", error->message);
        return 1;
      }
  return 0;
}

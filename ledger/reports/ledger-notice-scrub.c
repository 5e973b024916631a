/* ledger-notice-scrub.c — what a notice may not print: the owners' names
 * and phones of the register, scrubbed from every piece of free text the
 * notice shows, and a publication link that holds one left off
 *
 * Gathering the figures is ledger-notice.c; this file only takes them
 * and makes them fit for the public.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-expenditure.h"
#include "ledger-household.h"
#include "ledger-notice-private.h"
#include "ledger-privacy.h"
#include "ledger-vote.h"

/* The scrubbing itself lives in ledger-privacy.c, where the workbook's
 * free-text columns and the URL check find it too. */
char *
ledger_notice_scrub (const char       *text,
                     const GPtrArray  *owners,
                     const GPtrArray  *phones)
{
  return ledger_privacy_scrub (text, owners, phones);
}

/* Replaces *@text by its scrubbed copy. */
static void
scrub_in_place (char                  **text,
                LedgerPrivacyScrubber  *scrubber)
{
  char *clean = ledger_privacy_scrubber_run (scrubber, *text);

  g_free (*text);
  *text = clean;
}

gboolean
ledger_notice_read_private_words (LedgerBook  *book,
                                  GPtrArray  **out_owners,
                                  GPtrArray  **out_phones,
                                  GError     **error)
{
  g_autoptr(GPtrArray) households = ledger_household_list (book, error);
  g_autoptr(GHashTable) seen = NULL;

  if (households == NULL)
    return FALSE;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  *out_owners = g_ptr_array_new_with_free_func (g_free);
  *out_phones = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < households->len; i++)
    {
      const LedgerHousehold *h = g_ptr_array_index (households, i);

      if (g_hash_table_add (seen, h->owner))
        g_ptr_array_add (*out_owners, g_strdup (h->owner));
      if (h->phone != NULL && *h->phone != '\0')
        g_ptr_array_add (*out_phones, g_strdup (h->phone));
    }
  return TRUE;
}

/* The committee's money: a member holding an advance, a bank account's
 * name, an income's payer (an owner who rents a garage is an owner), and
 * every voucher, memo and reason. */
static void
scrub_money (LedgerNoticeData      *data,
             LedgerPrivacyScrubber *scrubber)
{
  for (guint i = 0; i < data->accounts->len; i++)
    scrub_in_place (&((LedgerReportLine *) g_ptr_array_index (data->accounts, i))->name, scrubber);
  for (guint i = 0; i < data->incomes->len; i++)
    {
      LedgerNoticeIncome *income = g_ptr_array_index (data->incomes, i);

      scrub_in_place (&income->voucher, scrubber);
      scrub_in_place (&income->payer, scrubber);
      scrub_in_place (&income->memo, scrubber);
    }
  for (guint i = 0; i < data->refunds->len; i++)
    {
      LedgerNoticeRefund *refund = g_ptr_array_index (data->refunds, i);

      scrub_in_place (&refund->voucher, scrubber);
      scrub_in_place (&refund->reason, scrubber);
    }
  for (guint i = 0; i < data->transfers->len; i++)
    {
      LedgerNoticeTransfer *transfer = g_ptr_array_index (data->transfers, i);

      scrub_in_place (&transfer->voucher, scrubber);
      scrub_in_place (&transfer->memo, scrubber);
    }
}

void
ledger_notice_scrub_data (LedgerNoticeData *data,
                          const GPtrArray  *owners,
                          const GPtrArray  *phones)
{
  g_autoptr(LedgerPrivacyScrubber) scrubber = ledger_privacy_scrubber_new (owners, phones);

  /* A link cannot be masked: one that holds an owner's name or a phone of
   * the register, in any form the scrubber finds (%-escaped too), is
   * left off the notice and its QR code. */
  if (data->publication_url != NULL && *data->publication_url != '\0')
    {
      g_autofree char *checked = ledger_privacy_scrubber_run (scrubber, data->publication_url);

      if (strcmp (checked, data->publication_url) != 0)
        {
          g_free (data->publication_url);
          data->publication_url = g_strdup ("");
        }
    }
  scrub_in_place (&data->community, scrubber);
  scrub_in_place (&data->address, scrubber);
  scrub_in_place (&data->committee, scrubber);
  for (guint i = 0; i < data->report->income->len; i++)
    scrub_in_place (&((LedgerReportLine *) g_ptr_array_index (data->report->income, i))->name,
                    scrubber);
  for (guint i = 0; i < data->expenditures->len; i++)
    {
      LedgerExpenditure *e = g_ptr_array_index (data->expenditures, i);

      scrub_in_place (&e->payee, scrubber);
      scrub_in_place (&e->memo, scrubber);
    }
  for (guint i = 0; i < data->late_expenditures->len; i++)
    {
      LedgerExpenditure *e = g_ptr_array_index (data->late_expenditures, i);

      scrub_in_place (&e->payee, scrubber);
      scrub_in_place (&e->memo, scrubber);
    }
  for (guint i = 0; i < data->votes->len; i++)
    scrub_in_place (&((LedgerVote *) g_ptr_array_index (data->votes, i))->title, scrubber);
  for (guint i = 0; i < data->late_entries->len; i++)
    scrub_in_place (&((LedgerNoticeEntry *) g_ptr_array_index (data->late_entries, i))->ref, scrubber);
  for (guint i = 0; i < data->corrections->len; i++)
    scrub_in_place (&((LedgerNoticeEntry *) g_ptr_array_index (data->corrections, i))->ref, scrubber);
  scrub_money (data, scrubber);
}

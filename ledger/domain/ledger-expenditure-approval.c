/* ledger-expenditure-approval.c — the rule that large expenditures need the owners'
 * approval: the book's spend limit, and which votes may authorise spending */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-error-private.h"
#include "ledger-expenditure-approval.h"
#include "ledger-funds-private.h"
#include "ledger-journal-private.h"
#include "ledger-money.h"
#include "ledger-settings-private.h"
#include "ledger-vote.h"

#define DEFAULT_SPEND_LIMIT ((gint64) 500000) /* 5,000.00 yuan */

gint64
ledger_spend_limit (LedgerBook *book)
{
  g_autofree char *text = ledger_book_dup_setting (book, "spend_limit");

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : DEFAULT_SPEND_LIMIT;
}

/* The limit in force on @day: the last change dated on or before it, as
 * the journal recorded it (the memo in yuan, fingerprinted with the rest),
 * else the limit every book starts with. The setting itself holds only
 * the latest value, and an expenditure is judged by the rule of its own
 * day: raising the limit today does not approve spending in January. */
static gboolean
limit_in_force (LedgerBook  *book,
                const char  *day,
                gint64      *out_limit,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_limit = DEFAULT_SPEND_LIMIT;
  stmt = ledger_book_prepare (book,
                              "SELECT memo FROM txns WHERE kind = 'setting' AND ref = 'spend_limit' AND date <= ?1"
                              " ORDER BY date DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *memo = (const char *) sqlite3_column_text (stmt, 0);

      /* A memo that does not read as an amount was not written by
       * ledger_set_spend_limit(): the lower of the two limits then. */
      if (memo == NULL ||
          !ledger_money_parse (memo, "spend_limit", LEDGER_MONEY_ALLOW_ZERO, out_limit, NULL))
        *out_limit = MIN (DEFAULT_SPEND_LIMIT, ledger_spend_limit (book));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ledger_book_set_sqlite_error (book, error, N_("reading the spend limit's history"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_spend_limit_on (LedgerBook  *book,
                       const char  *day,
                       gint64      *out_limit,
                       GError     **error)
{
  char today[11];

  if (day == NULL)
    {
      ledger_book_today (book, today);
      day = today;
    }
  return limit_in_force (book, day, out_limit, error);
}

static gboolean
set_limit_cb (LedgerBook *book,
              gpointer    user_data,
              GError    **error)
{
  gint64 limit = *(gint64 *) user_data;
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, limit);

  /* A governance rule: journaled like everything else (the memo in yuan). */
  return ledger_settings_record (book, "spend_limit", value, NULL, error);
}

gboolean
ledger_set_spend_limit (LedgerBook  *book,
                        gint64       limit,
                        GError     **error)
{
  if (limit < 0 || limit > LEDGER_AMOUNT_MAX)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("spend limit: must be between zero and 1,000,000.00"));
      return FALSE;
    }
  return ledger_book_write (book, set_limit_cb, &limit, error);
}

/* Whether @vote may authorise spending: closed, passed, fitting matter. */
static gboolean
vote_authorises (const LedgerVote  *vote,
                 gboolean           from_maintenance_fund,
                 GError           **error)
{
  gboolean fitting = from_maintenance_fund ? vote->matter == LEDGER_MATTER_USE_FUND
                                           : vote->matter == LEDGER_MATTER_USE_FUND ||
                                             vote->matter == LEDGER_MATTER_OTHER;

  if (!vote->closed || !vote->tally.passed)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   vote->closed ? _("--vote %" PRId64 ": “%s” did not pass, so it cannot authorise spending")
                                : _("--vote %" PRId64 ": “%s” is still open; close it, and it must pass, before the money is spent"),
                   vote->id, vote->title);
      ledger_error_set_field (error, "--vote");
      return FALSE;
    }
  if (!fitting)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   from_maintenance_fund
                     ? _("--vote %" PRId64 ": spending the maintenance fund needs a vote on matter 5 (use of the maintenance fund); this one is matter %d")
                     : _("--vote %" PRId64 ": spending needs a vote on matter 5 or 9; this one is matter %d"),
                   vote->id, vote->matter);
      ledger_error_set_field (error, "--vote");
      return FALSE;
    }
  return TRUE;
}

gboolean
ledger_check_expenditure_vote_on (LedgerBook  *book,
                                  gint64       amount,
                                  gint64       vote_id,
                                  gboolean     from_maintenance_fund,
                                  const char  *day,
                                  GError     **error)
{
  g_autoptr(LedgerVote) vote = NULL;
  gint64 limit = 0;
  char today[11];

  if (day == NULL)
    {
      ledger_book_today (book, today);
      day = today;
    }
  if (!ledger_spend_limit_on (book, day, &limit, error))
    return FALSE;
  if (vote_id <= 0)
    {
      g_autofree char *shown = ledger_money_format (amount);
      g_autofree char *allowed = ledger_money_format (limit);

      if (from_maintenance_fund)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                     _("amount %s: the maintenance fund may only be spent with the owners' approval; link a passed vote on matter 5 with --vote"),
                     shown);
      else if (amount > limit && limit != ledger_spend_limit (book))
        /* Say which day's limit applied: the treasurer who just raised it
         * would otherwise read a limit the book no longer shows. */
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                     _("amount %s: on %s the committee could spend up to %s on its own (the limit in force on the expenditure's date); above that the owners must approve it: link a passed vote on matter 5 or 9 with --vote"),
                     shown, day, allowed);
      else if (amount > limit)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                     _("amount %s: the committee may spend up to %s on its own; above that the owners must approve it: link a passed vote on matter 5 or 9 with --vote"),
                     shown, allowed);
      ledger_error_set_field (error, LEDGER_FIELD_AMOUNT); /* when one was set above */
      return !from_maintenance_fund && amount <= limit;
    }

  vote = ledger_vote_lookup (book, vote_id, error);
  if (vote == NULL)
    return FALSE;
  /* A vote linked only for the record need not be of a spending matter. */
  if (!from_maintenance_fund && amount <= limit && vote->closed && vote->tally.passed)
    return TRUE;
  return vote_authorises (vote, from_maintenance_fund, error);
}

gboolean
ledger_check_maintenance_fund_holds (LedgerBook  *book,
                                     gint64       amount,
                                     const char  *day,
                                     GError     **error)
{
  gint64 lowest = 0;
  char low_day[11];

  if (!ledger_fund_lowest_from (book, LEDGER_FUND_MAINTENANCE, day, &lowest, low_day, error))
    return FALSE;
  if (amount > lowest)
    {
      g_autofree char *shown = ledger_money_format (amount);
      g_autofree char *held = ledger_money_format (lowest);
      g_autofree char *short_by = ledger_money_format (amount - lowest);

      /* Translators: the amount, the day, what the fund holds then, the shortfall */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   _("amount %s: the maintenance fund (维修资金) holds %s on %s, %s short; it may never pay more than it holds"),
                   shown, held, low_day, short_by);
      ledger_error_set_field (error, LEDGER_FIELD_AMOUNT);
      return FALSE;
    }
  return TRUE;
}

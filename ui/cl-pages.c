/* cl-pages.c — the window's pages, in sidebar order */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-expenditures-page.h"
#include "cl-households-page.h"
#include "cl-money-page.h"
#include "cl-notices-page.h"
#include "cl-overview-page.h"
#include "cl-pages.h"
#include "cl-payments-page.h"
#include "cl-votes-page.h"

const ClPageInfo *
cl_pages (void)
{
  static const ClPageInfo pages[] = {
    { "overview", N_("Overview"), cl_overview_page_get_type },
    { "households", N_("Households"), cl_households_page_get_type },
    { "payments", N_("Payments"), cl_payments_page_get_type },
    { "expenditures", N_("Expenditures"), cl_expenditures_page_get_type },
    { "money", N_("Money"), cl_money_page_get_type },
    { "votes", N_("Votes"), cl_votes_page_get_type },
    { "notices", N_("Notices"), cl_notices_page_get_type },
    { NULL, NULL, NULL }
  };

  return pages;
}

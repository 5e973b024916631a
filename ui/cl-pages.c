/* cl-pages.c — the window's pages, in sidebar order */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-overview-page.h"
#include "cl-pages.h"
#if __has_include("cl-households-page.h")
#include "cl-households-page.h"
#endif
#if __has_include("cl-payments-page.h")
#include "cl-payments-page.h"
#endif
#if __has_include("cl-expenditures-page.h")
#include "cl-expenditures-page.h"
#endif
#if __has_include("cl-votes-page.h")
#include "cl-votes-page.h"
#endif
#if __has_include("cl-notices-page.h")
#include "cl-notices-page.h"
#endif

const ClPageInfo *
cl_pages (void)
{
  static const ClPageInfo pages[] = {
    { "overview", N_("Overview"), cl_overview_page_get_type },
#ifdef CL_TYPE_HOUSEHOLDS_PAGE
    { "households", N_("Households"), cl_households_page_get_type },
#endif
#ifdef CL_TYPE_PAYMENTS_PAGE
    { "payments", N_("Payments"), cl_payments_page_get_type },
#endif
#ifdef CL_TYPE_EXPENDITURES_PAGE
    { "expenditures", N_("Expenditures"), cl_expenditures_page_get_type },
#endif
#ifdef CL_TYPE_VOTES_PAGE
    { "votes", N_("Votes"), cl_votes_page_get_type },
#endif
#ifdef CL_TYPE_NOTICES_PAGE
    { "notices", N_("Notices"), cl_notices_page_get_type },
#endif
    { NULL, NULL, NULL }
  };

  return pages;
}

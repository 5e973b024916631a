/* cl-pages.c — the window's pages, in sidebar order */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>

#include "cl-overview-page.h"
#include "cl-pages.h"

const ClPageInfo *
cl_pages (void)
{
  static const ClPageInfo pages[] = {
    { "overview", N_("Overview"), cl_overview_page_get_type },
    { NULL, NULL, NULL }
  };

  return pages;
}

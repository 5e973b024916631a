/* cl-page.h — the base class of the window's pages
 *
 * A page shows one book. ClPage holds it, follows LedgerBook::changed, and
 * calls the subclass's reload() whenever what it shows may have changed:
 * when the book is set, after every committed write, and when the page is
 * mapped after changes it missed (so hidden pages cost nothing).
 */
#pragma once

#include <adwaita.h>

#include "ledger.h"

G_BEGIN_DECLS

#define CL_TYPE_PAGE (cl_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (ClPage, cl_page, CL, PAGE, AdwBin)

struct _ClPageClass
{
  AdwBinClass parent_class;

  /* Reloads everything the page shows from @book (never NULL). */
  void (*reload) (ClPage     *self,
                  LedgerBook *book);
};

/* The page's book; it is set through the "book" property. */
LedgerBook *cl_page_get_book (ClPage *self);

G_END_DECLS

/* cl-pages.h — the window's pages, in sidebar order
 *
 * Every page is a GtkWidget with a writable "book" property (LedgerBook);
 * it reloads what it shows when the book is set and on LedgerBook::changed.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;    /* the stack child's name */
  const char *title;   /* translatable, N_() */
  GType     (*get_type) (void);
} ClPageInfo;

/* The pages, terminated by an entry with name NULL. */
const ClPageInfo *cl_pages (void);

G_END_DECLS

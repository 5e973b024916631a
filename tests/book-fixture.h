/* book-fixture.h — a new book in a folder of its own, for the unit tests
 *
 * Each test gets a fresh temporary folder with book.clbook in it (filled
 * by the demo generator when asked), and everything is removed afterwards,
 * the backups and attachments written next to the book included.
 */
#pragma once

#include "ledger.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;   /* the temporary folder */
  char       *path;  /* DIR/book.clbook */
  LedgerBook *book;
} BookFixture;

/* A new book called @name in a new folder; @demo (nullable): its households
 * and years of history. */
void book_fixture_init  (BookFixture             *f,
                         const char              *name,
                         const LedgerDemoOptions *demo);
/* Closes the book and removes its folder with everything in it. */
void book_fixture_clear (BookFixture *f);

/* Removes @path and, for a folder, everything below it. */
void book_fixture_remove_tree (const char *path);

G_END_DECLS

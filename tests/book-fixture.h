/* book-fixture.h — a new book in a folder of its own, for the unit tests
 *
 * Each test gets a fresh temporary folder with book.clbook in it (filled
 * by the demo generator when asked), and everything is removed afterwards,
 * the backups and attachments written next to the book included.
 *
 * The book_* helpers record what a test's story needs (a household, a
 * year's bills, a payment, an expenditure) and assert that it succeeded, so a
 * test reads as the story it checks; a test that expects a refusal calls
 * the ledger function itself.
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

/* What book_fixture_set_up() makes: a book called @name, filled by the
 * demo generator with @demo (nullable: empty), its clock set to @today
 * (nullable: the real day). */
typedef struct
{
  const char              *name;
  const LedgerDemoOptions *demo;
  const char              *today;
} BookFixtureOptions;

/* GTest's set-up and tear-down for a BookFixture; @options: a
 * BookFixtureOptions. */
void book_fixture_set_up    (BookFixture  *f,
                             gconstpointer options);
void book_fixture_tear_down (BookFixture  *f,
                             gconstpointer options);

/* Adds @test, run on a book made as @options says. */
#define BOOK_FIXTURE_ADD(path, options, test) \
  g_test_add (path, BookFixture, options, book_fixture_set_up, test, book_fixture_tear_down)

/* A new book called @name, created by "tester", in a new folder; @demo
 * (nullable): its households and years of history. */
void book_fixture_init      (BookFixture             *f,
                             const char              *name,
                             const LedgerDemoOptions *demo);
/* The same, created by @operator_name (nullable: the book's default). */
void book_fixture_init_full (BookFixture             *f,
                             const char              *name,
                             const char              *operator_name,
                             const LedgerDemoOptions *demo);
/* Closes the book and removes its folder with everything in it. */
void book_fixture_clear     (BookFixture *f);

/* A new path @name inside the fixture's folder (nothing is created). */
char *book_fixture_file (const BookFixture *f,
                         const char        *name);

/* Writes @length bytes of @data (-1: up to its NUL) to a new file @name in
 * the fixture's folder; returns its path (free it). */
char *book_fixture_write (const BookFixture *f,
                          const char        *name,
                          const char        *data,
                          gssize             length);

/* The book file's bytes (a refused write must leave them all alone). */
GBytes *book_fixture_bytes (const BookFixture *f);

/* Removes @path and, for a folder, everything below it (links are removed,
 * not followed). */
void book_fixture_remove_tree (const char *path);

/* Registers a household of @area (hundredths of m²) with @spaces parking
 * spaces. */
void book_add_household      (LedgerBook *book,
                              const char *unit,
                              const char *owner,
                              gint64      area,
                              int         spaces);
/* The same with @phone and @move_in (each nullable: the default, none). */
void book_add_household_full (LedgerBook *book,
                              const char *unit,
                              const char *owner,
                              gint64      area,
                              int         spaces,
                              const char *phone,
                              const char *move_in);

/* Registers a household of @area owned by "业主" under @owner_key: units
 * with one key are one owner, one head in a vote. */
void book_add_household_of   (LedgerBook *book,
                              const char *unit,
                              const char *owner_key,
                              gint64      area);

/* Bills every household for @year; returns what was posted. */
LedgerBillSummary book_bill_year (LedgerBook *book,
                                  int         year);

/* Records a payment by @unit (@date nullable: today); returns the new
 * receipt's number (free it). */
char *book_pay (LedgerBook   *book,
                const char   *unit,
                gint64        amount,
                LedgerMethod  method,
                const char   *date);

/* Records an expenditure of @amount paid from @method's account on @date to
 * @payee, in @category ("repair" …), with @memo (nullable: none); returns
 * its id. */
gint64 book_record_expenditure (LedgerBook   *book,
                                gint64        amount,
                                LedgerMethod  method,
                                const char   *date,
                                const char   *payee,
                                const char   *category,
                                const char   *memo);

/* The number of journal entries. */
gint64 book_journal_count (LedgerBook *book);

/* Asserts that @unit owes @owed and has @credit prepaid (fen). */
void book_assert_balance (LedgerBook *book,
                          const char *unit,
                          gint64      owed,
                          gint64      credit);

G_END_DECLS

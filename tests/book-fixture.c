/* book-fixture.c — a new book in a folder of its own, for the unit tests */
#include <glib/gstdio.h>

#include "book-fixture.h"
#include "ledger-book-private.h"

void
book_fixture_init_full (BookFixture             *f,
                        const char              *name,
                        const char              *operator_name,
                        const LedgerDemoOptions *demo)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ledger-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "book.clbook", NULL);
  f->book = ledger_community_create (f->path, name, operator_name, &error);
  g_assert_no_error (error);
  if (demo != NULL)
    g_assert_true (ledger_demo_populate (f->book, demo, &error));
  g_assert_no_error (error);
}

void
book_fixture_init (BookFixture             *f,
                   const char              *name,
                   const LedgerDemoOptions *demo)
{
  book_fixture_init_full (f, name, "tester", demo);
}

void
book_fixture_set_up (BookFixture  *f,
                     gconstpointer options)
{
  const BookFixtureOptions *o = options;

  book_fixture_init (f, o->name, o->demo);
  if (o->today != NULL)
    ledger_book_set_clock (f->book, o->today);
}

void
book_fixture_tear_down (BookFixture  *f,
                        gconstpointer options)
{
  book_fixture_clear (f);
}

char *
book_fixture_file (const BookFixture *f,
                   const char        *name)
{
  return g_build_filename (f->dir, name, NULL);
}

char *
book_fixture_write (const BookFixture *f,
                    const char        *name,
                    const char        *data,
                    gssize             length)
{
  char *path = book_fixture_file (f, name);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

GBytes *
book_fixture_bytes (const BookFixture *f)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

void
book_fixture_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        book_fixture_remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir == NULL)
    g_unlink (path);
  else
    g_rmdir (path);
}

void
book_fixture_clear (BookFixture *f)
{
  g_clear_object (&f->book);
  book_fixture_remove_tree (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

void
book_add_household_full (LedgerBook *book,
                         const char *unit,
                         const char *owner,
                         gint64      area,
                         int         spaces,
                         const char *phone,
                         const char *move_in)
{
  g_autoptr(LedgerHousehold) h = ledger_household_new ();
  g_autoptr(GError) error = NULL;

  h->unit = g_strdup (unit);
  h->owner = g_strdup (owner);
  h->area = area;
  h->spaces = spaces;
  if (phone != NULL)
    {
      g_free (h->phone);
      h->phone = g_strdup (phone);
    }
  if (move_in != NULL)
    {
      g_free (h->move_in);
      h->move_in = g_strdup (move_in);
    }
  g_assert_true (ledger_household_add (book, h, &error));
  g_assert_no_error (error);
}

void
book_add_household (LedgerBook *book,
                    const char *unit,
                    const char *owner,
                    gint64      area,
                    int         spaces)
{
  book_add_household_full (book, unit, owner, area, spaces, NULL, NULL);
}

void
book_add_household_of (LedgerBook *book,
                       const char *unit,
                       const char *owner_key,
                       gint64      area)
{
  g_autoptr(LedgerHousehold) h = ledger_household_new ();
  g_autoptr(GError) error = NULL;

  h->unit = g_strdup (unit);
  h->owner = g_strdup ("业主");
  h->owner_key = g_strdup (owner_key);
  h->area = area;
  g_assert_true (ledger_household_add (book, h, &error));
  g_assert_no_error (error);
}

LedgerBillSummary
book_bill_year (LedgerBook *book,
                int         year)
{
  g_autoptr(GError) error = NULL;
  LedgerBillSummary summary = { 0 };

  g_assert_true (ledger_bill_year (book, year, &summary, &error));
  g_assert_no_error (error);
  return summary;
}

char *
book_pay (LedgerBook   *book,
          const char   *unit,
          gint64        amount,
          LedgerMethod  method,
          const char   *date)
{
  g_autoptr(LedgerReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_pay (book, unit, amount, method, date, &receipt, &error));
  g_assert_no_error (error);
  return g_strdup (receipt->number);
}

gint64
book_record_expenditure (LedgerBook   *book,
                         gint64        amount,
                         LedgerMethod  method,
                         const char   *date,
                         const char   *payee,
                         const char   *category,
                         const char   *memo)
{
  g_autoptr(LedgerExpenditure) e = ledger_expenditure_new ();
  g_autoptr(GError) error = NULL;

  e->amount = amount;
  e->method = method;
  g_strlcpy (e->date, date, sizeof e->date);
  g_free (e->payee);
  e->payee = g_strdup (payee);
  g_free (e->category);
  e->category = g_strdup (category);
  if (memo != NULL)
    {
      g_free (e->memo);
      e->memo = g_strdup (memo);
    }
  g_assert_true (ledger_expenditure_record (book, e, NULL, &error));
  g_assert_no_error (error);
  return e->id;
}

gint64
book_journal_count (LedgerBook *book)
{
  g_autoptr(GError) error = NULL;
  gint64 count = ledger_journal_count (book, &error);

  g_assert_no_error (error);
  return count;
}

void
book_assert_balance (LedgerBook *book,
                     const char *unit,
                     gint64      owed,
                     gint64      credit)
{
  g_autoptr(GError) error = NULL;
  gint64 got_owed = -1, got_credit = -1;

  g_assert_true (ledger_household_balance (book, unit, &got_owed, &got_credit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_owed, ==, owed);
  g_assert_cmpint (got_credit, ==, credit);
}

/* gui-test-utils.h — driving real widgets under Xvfb
 *
 * Tests create a book in a temporary folder, open a real ClWindow on it,
 * find widgets by their widget name (set with <property name="name"> in
 * the .ui files), act on them as a user would (type, activate, click), let
 * the main loop run, and then check the book itself.
 */
#pragma once

#include <adwaita.h>

#include "cl-window.h"
#include "ledger.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *path;
  LedgerBook *book;
  ClWindow   *window;
} GuiFixture;

/* Initialises GTK and libadwaita; returns FALSE (skip) without a display. */
gboolean   gui_test_init (int    *argc,
                          char ***argv);

/* A new book (with @households demo households when > 0) and its window. */
void       gui_fixture_set_up (GuiFixture    *f,
                               gconstpointer  households);
void       gui_fixture_tear_down (GuiFixture    *f,
                                  gconstpointer  data);

/* Adds @test, run on a window over a book of @households demo households. */
#define GUI_TEST_ADD(path, households, test) \
  g_test_add (path, GuiFixture, GUINT_TO_POINTER (households), \
              gui_fixture_set_up, test, gui_fixture_tear_down)

/* Runs the main loop until nothing is pending, then @ms more milliseconds. */
void       gui_wait (guint ms);

/* The first descendant of @root (depth first) whose widget name is @name;
 * fails the test when there is none. */
GtkWidget *gui_find (GtkWidget  *root,
                     const char *name);
/* The same, but NULL when missing. */
GtkWidget *gui_try_find (GtkWidget  *root,
                         const char *name);

/* Replaces an editable's text, as typing would. */
void       gui_type (GtkWidget  *editable,
                     const char *text);
/* Presses Enter in an entry (emits GtkEntry::activate / GtkText::activate). */
void       gui_press_enter (GtkWidget *entry);
/* Clicks a button. */
void       gui_click (GtkWidget *button);

/* The most recent transient window of @parent (a dialog it opened), or NULL. */
GtkWindow *gui_find_dialog (GtkWindow *parent);

/* The text of a PDF, as pdftotext reads it (fails the test if it cannot). */
char      *gui_pdf_text (const char *pdf);

/* One integer from an SQL query on @book (through a separate read-only
 * connection, as the command line would see the file). */
gint64     gui_query_int (GuiFixture *f,
                          const char *sql);

/* Puts @fen into the cash box, as a prepayment of unit 9-9-901 (added
 * when missing): no money account may go below zero on any day, so a test
 * that spends from an empty book receives the money first. */
void       gui_fund_cash (GuiFixture *f,
                          gint64      fen);

G_END_DECLS

/* test-gui-votes.c — the votes page: a new vote, ballots, the live tally, closing */
#include <string.h>

#include "cl-votes-page-private.h"
#include "cl-window-private.h"
#include "gui-test-utils.h"
#include "ledger.h"

/* The demo of 12 households has 11 owners (two units share an owner key). */
#define HOUSEHOLDS 12

/* Shows the votes page of the fixture's window. */
static ClVotesPage *
show_votes_page (GuiFixture *f)
{
  GtkWidget *page = cl_window_get_page (f->window, "votes");

  g_assert_nonnull (page);
  cl_window_show_page (f->window, "votes");
  gui_wait (20);
  return CL_VOTES_PAGE (page);
}

/* The text of the label named @name. */
static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (gui_find (root, name)));
}

/* Whether a ratio label says ✓ (it must say ✓ or ✗). */
static gboolean
has_check (const char *text)
{
  g_assert_true (strstr (text, "✓") != NULL || strstr (text, "✗") != NULL);
  return strstr (text, "✓") != NULL;
}

/* The ballot grid's rows: a GListModel of LedgerBallotItem. */
static GListModel *
ballot_rows (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find (page, "ballot-view"));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

/* Opens a vote through the dialog, as the treasurer would. */
static gint64
create_vote_through_dialog (GuiFixture *f,
                            GtkWidget  *page,
                            const char *title,
                            int         matter)
{
  GtkWindow *dialog;
  gint64 before = gui_query_int (f, "SELECT count (*) FROM votes");

  gui_click (gui_find (page, "new-vote-button"));
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  /* Nothing typed: the ledger's message appears under the title. */
  gui_click (gui_find (GTK_WIDGET (dialog), "create-vote-button"));
  g_assert_true (gtk_widget_get_visible (gui_find (GTK_WIDGET (dialog), "vote-title-error")));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM votes"), ==, before);

  gui_type (gui_find (GTK_WIDGET (dialog), "vote-title-entry"), title);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find (GTK_WIDGET (dialog), "matter-dropdown")), matter - 1);
  gui_click (gui_find (GTK_WIDGET (dialog), "create-vote-button"));
  gui_wait (20);
  g_assert_null (gui_find_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM votes"), ==, before + 1);
  return gui_query_int (f, "SELECT max (id) FROM votes");
}

/* The form's messages appear under the field they concern; nothing is written. */
static void
test_dialog_validation (GuiFixture    *f,
                        gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (show_votes_page (f));
  gint64 before = gui_query_int (f, "SELECT count (*) FROM votes");
  GtkWidget *dialog, *error;

  gui_click (gui_find (page, "new-vote-button"));
  dialog = GTK_WIDGET (gui_find_dialog (GTK_WINDOW (f->window)));
  error = gui_find (dialog, "vote-deadline-error");
  gui_type (gui_find (dialog, "vote-title-entry"), "更换小区大门");
  gui_type (gui_find (dialog, "vote-deadline-entry"), "2026-02-30");
  gui_click (gui_find (dialog, "create-vote-button"));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "2026-02-30"));
  /* A deadline before the vote opens: the ledger's message, under the deadline. */
  gui_type (gui_find (dialog, "vote-deadline-entry"), "2001-01-01");
  gui_click (gui_find (dialog, "create-vote-button"));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_get_visible (gui_find (dialog, "vote-title-error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "2001-01-01"));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM votes"), ==, before);
  gtk_window_close (GTK_WINDOW (dialog));
  gui_wait (10);
  g_assert_null (gui_find_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM votes"), ==, before);
}

/* The four labels agree with the ledger's own tally of @id. */
static void
assert_labels_match (GtkWidget *page,
                     LedgerBook *book,
                     gint64     id)
{
  g_autoptr(LedgerVote) vote = ledger_vote_lookup (book, id, NULL);
  const LedgerTally *t = &vote->tally;
  g_autofree char *heads = g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT " ·",
                                            t->heads_voted, t->heads_total);

  g_assert_true (g_str_has_prefix (label_text (page, "heads-voted-label"), heads));
  g_assert_cmpint (has_check (label_text (page, "heads-voted-label")), ==,
                   3 * t->heads_voted >= 2 * t->heads_total);
  g_assert_cmpint (has_check (label_text (page, "area-voted-label")), ==,
                   3 * t->area_voted >= 2 * t->area_total);
  g_assert_cmpint (has_check (label_text (page, "heads-yes-label")), ==, 2 * t->heads_yes > t->heads_voted);
  g_assert_cmpint (has_check (label_text (page, "area-yes-label")), ==, 2 * t->area_yes > t->area_voted);
  if (t->passed)
    g_assert_true (g_str_has_prefix (label_text (page, "vote-result-label"), "Passes:"));
  else if (!t->participation_met)
    g_assert_true (g_str_has_prefix (label_text (page, "vote-result-label"), "Not passed: too few owners took part"));
  else
    g_assert_true (g_str_has_prefix (label_text (page, "vote-result-label"), "Not passed: not enough in favour"));
}

/* The demo's votes are listed; a failed one says why. */
static void
test_list_shows_demo_votes (GuiFixture    *f,
                            gconstpointer  data)
{
  ClVotesPage *page = show_votes_page (f);
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find (GTK_WIDGET (page), "votes-view"));
  gint64 n = gui_query_int (f, "SELECT count (*) FROM votes");
  gint64 failed = gui_query_int (f, "SELECT vote_id FROM vote_results WHERE participation_met = 0");

  g_assert_cmpint (n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, n);

  /* A closed vote that failed for want of participation says so, and cannot be closed again. */
  cl_votes_page_select_vote (page, failed);
  gui_wait (10);
  g_assert_false (has_check (label_text (GTK_WIDGET (page), "heads-voted-label")));
  g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (page), "vote-result-label"),
                                   "Not passed: too few owners took part"));
  g_assert_false (gtk_widget_is_visible (gui_find (GTK_WIDGET (page), "close-vote-button")));
  assert_labels_match (GTK_WIDGET (page), f->book, failed);
}

/* Ballots one by one: the ratios follow, participation turns ✓ at two thirds. */
static void
test_ballots_and_tally (GuiFixture    *f,
                        gconstpointer  data)
{
  ClVotesPage *page = show_votes_page (f);
  GtkWidget *w = GTK_WIDGET (page);
  gint64 id = create_vote_through_dialog (f, w, "更换小区门禁系统", LEDGER_MATTER_OTHER);
  GListModel *rows = ballot_rows (w);
  guint n = g_list_model_get_n_items (rows);
  gboolean seen_participation = FALSE;

  /* The new vote is shown: every owner once, nobody has voted. */
  g_assert_cmpuint (n, ==, gui_query_int (f, "SELECT count (DISTINCT owner_key) FROM households"));
  g_assert_cmpuint (n, <, HOUSEHOLDS);
  g_assert_true (g_str_has_prefix (label_text (w, "heads-voted-label"), "0 / "));
  g_assert_false (has_check (label_text (w, "heads-voted-label")));
  assert_labels_match (w, f->book, id);

  /* Owners vote one by one; participation turns ✓ when two thirds have. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerBallotItem) item = g_list_model_get_item (rows, i);
      gboolean enough = 3 * (i + 1) >= 2 * n;

      cl_votes_page_mark (page, ledger_ballot_item_get_unit (item), i % 4 == 3 ? LEDGER_CHOICE_NO : LEDGER_CHOICE_YES);
      gui_wait (0);
      g_assert_cmpint (ledger_ballot_item_get_choice (item), !=, LEDGER_BALLOT_ITEM_NO_CHOICE);
      g_assert_cmpint (has_check (label_text (w, "heads-voted-label")), ==, enough);
      seen_participation |= enough && !(3 * i >= 2 * n);
      assert_labels_match (w, f->book, id);
      if (enough)
        break;
    }
  g_assert_true (seen_participation);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM ballots WHERE vote_id = (SELECT max (id) FROM votes)"),
                   ==, 2 * n / 3 + (2 * n % 3 != 0));
}

/* Marks the first row with its toggle button, as a click would. */
static void
test_toggle_buttons (GuiFixture    *f,
                     gconstpointer  data)
{
  ClVotesPage *page = show_votes_page (f);
  GtkWidget *w = GTK_WIDGET (page);
  gint64 id = create_vote_through_dialog (f, w, "增设电动车充电桩", LEDGER_MATTER_CHANGE_USE);
  g_autoptr(LedgerBallotItem) first = g_list_model_get_item (ballot_rows (w), 0);
  GtkWidget *abstain = gui_find (gui_find (w, "ballot-view"), "choice-abstain");
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM ballots b JOIN households h ON h.id = b.household_id"
                                          " WHERE b.vote_id = %" G_GINT64_FORMAT " AND h.unit = '%s' AND b.choice = 'abstain'",
                                          id, ledger_ballot_item_get_unit (first));

  gui_click (abstain);
  gui_wait (10);
  g_assert_cmpint (gui_query_int (f, sql), ==, 1);
  g_assert_cmpint (ledger_ballot_item_get_choice (first), ==, LEDGER_CHOICE_ABSTAIN);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (abstain)));
  /* An abstention takes part but is not yes (matter 8 needs three quarters). */
  g_assert_true (g_str_has_prefix (label_text (w, "heads-voted-label"), "1 / "));
  g_assert_true (g_str_has_prefix (label_text (w, "heads-yes-label"), "0 / 1 ·"));
  g_assert_false (has_check (label_text (w, "heads-yes-label")));
  /* The next owner is selected, ready for the next ballot. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (gui_find (w, "ballot-view"))))), ==, 1);
}

/* Presses @keyval on the ballot grid, through its key controller. */
static gboolean
press_key (GtkWidget       *grid,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      gboolean done = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &done);
      handled |= done;
    }
  gui_wait (0);
  return handled;
}

/* Y, N and A mark the selected owner and move on to the next. */
static void
test_keyboard (GuiFixture    *f,
               gconstpointer  data)
{
  ClVotesPage *page = show_votes_page (f);
  GtkWidget *w = GTK_WIDGET (page);
  GtkWidget *grid = gui_find (w, "ballot-view");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (grid)));
  GListModel *rows;
  g_autoptr(LedgerBallotItem) first = NULL, second = NULL, third = NULL;

  create_vote_through_dialog (f, w, "公共区域加装监控", LEDGER_MATTER_OTHER);
  rows = ballot_rows (w);
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  third = g_list_model_get_item (rows, 2);
  gtk_single_selection_set_selected (selection, 0);

  g_assert_true (press_key (grid, GDK_KEY_y, 0));
  g_assert_cmpint (ledger_ballot_item_get_choice (first), ==, LEDGER_CHOICE_YES);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_true (press_key (grid, GDK_KEY_A, GDK_SHIFT_MASK));
  g_assert_cmpint (ledger_ballot_item_get_choice (second), ==, LEDGER_CHOICE_ABSTAIN);
  /* Other keys and Ctrl+N are left to the rest of the window. */
  g_assert_false (press_key (grid, GDK_KEY_x, 0));
  g_assert_false (press_key (grid, GDK_KEY_n, GDK_CONTROL_MASK));
  g_assert_cmpint (ledger_ballot_item_get_choice (third), ==, LEDGER_BALLOT_ITEM_NO_CHOICE);
  g_assert_true (press_key (grid, GDK_KEY_n, 0));
  g_assert_cmpint (ledger_ballot_item_get_choice (third), ==, LEDGER_CHOICE_NO);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM ballots WHERE vote_id = (SELECT max (id) FROM votes)"), ==, 3);
  g_assert_true (g_str_has_prefix (label_text (w, "heads-voted-label"), "3 / "));
  g_assert_true (g_str_has_prefix (label_text (w, "heads-yes-label"), "1 / 3 ·"));
}

/* Changing a ballot is a correction: the reason is asked for and recorded. */
static void
test_correction_asks_reason (GuiFixture    *f,
                             gconstpointer  data)
{
  ClVotesPage *page = show_votes_page (f);
  GtkWidget *w = GTK_WIDGET (page);
  gint64 id = create_vote_through_dialog (f, w, "调整停车位划线", LEDGER_MATTER_OTHER);
  g_autoptr(LedgerBallotItem) item = g_list_model_get_item (ballot_rows (w), 2);
  const char *unit = ledger_ballot_item_get_unit (item);
  GtkWindow *dialog;

  cl_votes_page_mark (page, unit, LEDGER_CHOICE_YES);
  gui_wait (0);
  g_assert_null (gui_find_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM ballots WHERE vote_id = (SELECT max (id) FROM votes)"), ==, 1);

  /* Cancelled: nothing changes, the row still shows yes. */
  cl_votes_page_mark (page, unit, LEDGER_CHOICE_NO);
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_wait (10);
  g_assert_cmpint (ledger_ballot_item_get_choice (item), ==, LEDGER_CHOICE_YES);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM ballots WHERE vote_id = (SELECT max (id) FROM votes)"), ==, 1);

  /* Confirmed with a reason: a replacement ballot that names the first. */
  cl_votes_page_mark (page, unit, LEDGER_CHOICE_NO);
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  gui_type (gui_find (GTK_WIDGET (dialog), "correction-reason-entry"), "业主本人更正");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "correct");
  gui_wait (10);
  g_assert_cmpint (ledger_ballot_item_get_choice (item), ==, LEDGER_CHOICE_NO);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM ballots WHERE vote_id = (SELECT max (id) FROM votes)"
                                     " AND choice = 'no' AND reason = '业主本人更正' AND replaces IS NOT NULL"), ==, 1);
  g_assert_true (g_str_has_prefix (label_text (w, "heads-yes-label"), "0 / 1 ·"));
  assert_labels_match (w, f->book, id);
}

/* "vote show ID --json" from the real command line, or NULL when the
 * binary is not where the build puts it. */
static char *
cli_vote_json (GuiFixture *f,
               gint64      id)
{
  const char *env = g_getenv ("COMMUNITY_LEDGER");
  g_autofree char *binary = env != NULL ? g_strdup (env)
                                        : g_test_build_filename (G_TEST_BUILT, "..", "app", "community-ledger", NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *argv[] = { binary, "--book", f->path, "vote", "show", id_text, "--json", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* @json has "@key":@value. */
static void
assert_json_int (const char *json,
                 const char *key,
                 gint64      value)
{
  g_autofree char *pair = g_strdup_printf ("\"%s\":%" G_GINT64_FORMAT ",", key, value);

  if (strstr (json, pair) == NULL)
    g_error ("%s not in %s", pair, json);
}

/* One column of the frozen vote_results row, read as the command line would. */
static void
assert_result_column (GuiFixture *f,
                      gint64      id,
                      const char *column,
                      gint64      expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM vote_results WHERE vote_id = %" G_GINT64_FORMAT,
                                          column, id);

  g_assert_cmpint (gui_query_int (f, sql), ==, expected);
}

/* Closing freezes the result; the book, the ledger, the window and `vote show --json` agree. */
static void
test_close_vote (GuiFixture    *f,
                 gconstpointer  data)
{
  ClVotesPage *page = show_votes_page (f);
  GtkWidget *w = GTK_WIDGET (page);
  gint64 id = create_vote_through_dialog (f, w, "聘请第三方审计", LEDGER_MATTER_MANAGER);
  GListModel *rows = ballot_rows (w);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(LedgerVote) vote = NULL;
  g_autofree char *json = NULL;
  GtkWindow *dialog;

  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr(LedgerBallotItem) item = g_list_model_get_item (rows, i);

      cl_votes_page_mark (page, ledger_ballot_item_get_unit (item),
                          i % 5 == 1 ? LEDGER_CHOICE_NO : i % 5 == 2 ? LEDGER_CHOICE_ABSTAIN : LEDGER_CHOICE_YES);
    }
  gui_wait (10);

  /* Cancelling keeps it open; confirming closes it. */
  gui_click (gui_find (w, "close-vote-button"));
  dialog = gui_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_wait (10);
  g_assert_cmpint (gui_query_int (f, "SELECT count (*) FROM vote_results"), ==,
                   gui_query_int (f, "SELECT count (*) FROM votes") - 1);
  gui_click (gui_find (w, "close-vote-button"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gui_find_dialog (GTK_WINDOW (f->window))), "close");
  gui_wait (10);

  /* The frozen row, the ledger and the window agree… */
  vote = ledger_vote_lookup (f->book, id, NULL);
  g_assert_true (vote->closed);
  g_assert_true (vote->tally.passed);
  assert_result_column (f, id, "heads_total", vote->tally.heads_total);
  assert_result_column (f, id, "heads_voted", vote->tally.heads_voted);
  assert_result_column (f, id, "heads_yes", vote->tally.heads_yes);
  assert_result_column (f, id, "heads_no", vote->tally.heads_no);
  assert_result_column (f, id, "area_total", vote->tally.area_total);
  assert_result_column (f, id, "area_voted", vote->tally.area_voted);
  assert_result_column (f, id, "area_yes", vote->tally.area_yes);
  assert_result_column (f, id, "area_no", vote->tally.area_no);
  assert_result_column (f, id, "participation_met", vote->tally.participation_met);
  assert_result_column (f, id, "passed", vote->tally.passed);
  g_assert_cmpint (vote->tally.heads_voted, ==, n - 1);
  assert_labels_match (w, f->book, id);
  g_assert_false (gtk_widget_is_visible (gui_find (w, "close-vote-button")));
  g_assert_true (g_str_has_prefix (label_text (w, "vote-result-label"), "Passes:"));
  {
    GtkColumnView *list = GTK_COLUMN_VIEW (gui_find (w, "votes-view"));
    LedgerVoteItem *item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (list)));

    g_assert_cmpint (ledger_vote_item_get_id (item), ==, id);
    g_assert_cmpstr (ledger_vote_item_get_status (item), ==, "passed");
  }

  /* …and so does the command line. */
  json = cli_vote_json (f, id);
  if (json == NULL)
    {
      g_test_message ("community-ledger not found: the command line's figures were not compared");
      return;
    }
  g_assert_nonnull (strstr (json, "\"status\":\"closed\""));
  g_assert_nonnull (strstr (json, "\"passed\":true"));
  assert_json_int (json, "heads_total", vote->tally.heads_total);
  assert_json_int (json, "heads_voted", vote->tally.heads_voted);
  assert_json_int (json, "heads_yes", vote->tally.heads_yes);
  assert_json_int (json, "heads_no", vote->tally.heads_no);
  assert_json_int (json, "area_total", vote->tally.area_total);
  assert_json_int (json, "area_voted", vote->tally.area_voted);
  assert_json_int (json, "area_yes", vote->tally.area_yes);
  assert_json_int (json, "area_no", vote->tally.area_no);
}

/* The votes page's tests, each on a fresh demo book of 12 households. */
int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  GUI_TEST_ADD ("/gui/votes/list", HOUSEHOLDS, test_list_shows_demo_votes);
  GUI_TEST_ADD ("/gui/votes/dialog-validation", HOUSEHOLDS, test_dialog_validation);
  GUI_TEST_ADD ("/gui/votes/ballots-and-tally", HOUSEHOLDS, test_ballots_and_tally);
  GUI_TEST_ADD ("/gui/votes/toggle-buttons", HOUSEHOLDS, test_toggle_buttons);
  GUI_TEST_ADD ("/gui/votes/keyboard", HOUSEHOLDS, test_keyboard);
  GUI_TEST_ADD ("/gui/votes/correction", HOUSEHOLDS, test_correction_asks_reason);
  GUI_TEST_ADD ("/gui/votes/close", HOUSEHOLDS, test_close_vote);
  return g_test_run ();
}

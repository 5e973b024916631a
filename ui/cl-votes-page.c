/* cl-votes-page.c — owners' votes: the list, the ballot grid, the tally
 *
 * The treasurer enters signed paper ballots (docs/architecture.md §9): one row
 * per owner (owner key), three toggle buttons per row, or Y/N/A on the
 * selected row, which then moves on. Each mark is one ledger_vote_ballot();
 * a change of an earlier ballot is a recorded correction and asks for its
 * reason. The four Art. 278 ratios follow every mark, with a mark on each
 * bar at its threshold, and the result is said in plain words.
 */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cl-feedback.h"
#include "cl-vote-dialog.h"
#include "cl-votes-page-private.h"
#include "ledger.h"

struct _ClVotesPage
{
  ClPage              parent_instance;

  /* Template widgets */
  GtkSingleSelection *votes_selection;
  GtkStack           *detail_stack;
  GtkLabel           *vote_title_label;
  GtkLabel           *vote_info_label;
  GtkButton          *close_vote_button;
  GtkLevelBar        *bars[4];        /* in the order of bar_ids[] */
  GtkLabel           *ratio_labels[4];
  GtkLabel           *vote_result_label;
  GtkEntry           *ballot_date_entry;
  GtkColumnView      *ballot_view;
  GtkSingleSelection *ballot_selection;
  GtkColumnViewColumn *choice_column;
  GtkColumnViewColumn *choice_text_column;

  /* Owned references */
  GListStore         *votes;        /* of LedgerVoteItem */
  GListStore         *ballots;      /* of LedgerBallotItem: the shown vote's grid */
  char               *last_reason;  /* offered again for the next correction */

  /* State */
  gint64              vote_id;      /* the shown vote, 0 when none */
  int                 matter;
  gboolean            closed;
  gboolean            syncing;      /* the list is being refreshed: ignore selection changes */
  gboolean            loaded;       /* the list has been filled once */
};

G_DEFINE_FINAL_TYPE (ClVotesPage, cl_votes_page, CL_TYPE_PAGE)

/* The three choices as the toggle buttons show them, in LedgerChoice order. */
static const struct
{
  const char *label;
  const char *name;
} choices[] = {
  { N_("Yes"),     "choice-yes" },
  { N_("No"),      "choice-no" },
  { N_("Abstain"), "choice-abstain" },
};

/* The four ratios of Art. 278 as the template names their bars and labels:
 * participation by head and by area, then approval by head and by area. */
static const char *const bar_ids[] = { "heads_voted_bar", "area_voted_bar", "heads_yes_bar", "area_yes_bar" };
static const char *const label_ids[] = { "heads_voted_label", "area_voted_label", "heads_yes_label", "area_yes_label" };

static void show_vote (ClVotesPage *self, gint64 id);

/* ------------------------------------------------------------------ */
/* Closures for the column views */

/* "9 · 有关共有和共同管理权利的其他重大事项" for the list of votes. */
static char *
format_matter (gpointer unused,
               int      matter)
{
  return matter >= 1 && matter <= 9 ? g_strdup_printf ("%d · %s", matter, ledger_matter_name (matter))
                                    : g_strdup ("");
}

/* Open, passed or not passed, in words. */
static char *
format_status (gpointer    unused,
               const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return g_strdup (_("Open"));
  if (g_strcmp0 (status, "passed") == 0)
    return g_strdup (_("Passed"));
  return g_strdup (_("Not passed"));
}

/* An exclusive area in m², from hundredths. */
static char *
format_area (gpointer unused,
             gint64   area)
{
  return ledger_area_format (area);
}

/* ------------------------------------------------------------------ */
/* The tally */

/* The result in plain words, as the command line's `vote show` says it. */
static char *
result_text (const LedgerVote *vote)
{
  gboolean major = ledger_matter_is_major (vote->matter);

  if (vote->tally.passed)
    return g_strdup (major ? _("Passes: two thirds of the owners took part, by head and by area, and at least three quarters of them are in favour.")
                           : _("Passes: two thirds of the owners took part, by head and by area, and more than half of them are in favour."));
  if (!vote->tally.participation_met)
    return g_strdup (_("Not passed: too few owners took part. Two thirds of all owners must vote, by head and by area."));
  return g_strdup (major ? _("Not passed: not enough in favour. At least three quarters of those who voted must say yes, by head and by area.")
                         : _("Not passed: not enough in favour. More than half of those who voted must say yes, by head and by area."));
}

/* One ratio: the bar, coloured by one offset at 1.0 ("full" when its
 * threshold is met, "low" when not, rather than by value), and
 * "PART / WHOLE · 66.66% ✓" with the percentage rounded down, as `vote show`. */
static void
show_ratio (GtkLevelBar *bar,
            GtkLabel    *label,
            gboolean     area,
            gint64       part,
            gint64       whole,
            gboolean     met)
{
  int bp = ledger_ratio_bp (part, whole);
  g_autofree char *p = area ? ledger_area_format (part) : g_strdup_printf ("%" G_GINT64_FORMAT, part);
  g_autofree char *w = area ? ledger_area_format (whole) : g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  g_autofree char *text = g_strdup_printf (area ? _("%s / %s m² · %d.%02d%% %s") : _("%s / %s · %d.%02d%% %s"),
                                           p, w, bp / 100, bp % 100, met ? "✓" : "✗");

  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (bar, met ? GTK_LEVEL_BAR_OFFSET_FULL : GTK_LEVEL_BAR_OFFSET_LOW, 1.0);
  gtk_level_bar_set_value (bar, bp / 10000.0);
  gtk_label_set_text (label, text);
}

/* Shows the four ratios of @vote, each against its threshold, and its result. */
static void
show_tally (ClVotesPage      *self,
            const LedgerVote *vote)
{
  const LedgerTally *t = &vote->tally;
  const gint64 part[] = { t->heads_voted, t->area_voted, t->heads_yes, t->area_yes };
  const gint64 whole[] = { t->heads_total, t->area_total, t->heads_voted, t->area_voted };
  g_autofree char *result = result_text (vote);

  for (guint i = 0; i < G_N_ELEMENTS (bar_ids); i++)
    {
      /* Two thirds of all owners take part (none: nothing is met); then at
       * least three quarters (matters 6–8) or more than half of them say yes. */
      gboolean met = i < 2 ? t->heads_total > 0 && 3 * part[i] >= 2 * whole[i]
                   : ledger_matter_is_major (vote->matter) ? 4 * part[i] >= 3 * whole[i]
                   : 2 * part[i] > whole[i];

      show_ratio (self->bars[i], self->ratio_labels[i], i % 2 == 1, part[i], whole[i], met);
      /* The approval marks move between ½ and ¾ with the matter. */
      gtk_widget_queue_allocate (gtk_widget_get_parent (GTK_WIDGET (self->bars[i])));
    }
  gtk_label_set_text (self->vote_result_label, result);
}

/* Places a threshold mark on its bar: ⅔ for participation, ½ or ¾ for approval. */
static gboolean
place_mark_cb (GtkOverlay   *overlay,
               GtkWidget    *mark,
               GdkRectangle *allocation,
               ClVotesPage  *self)
{
  GtkWidget *bar = gtk_overlay_get_child (overlay);
  gboolean approval = bar == GTK_WIDGET (self->bars[2]) || bar == GTK_WIDGET (self->bars[3]);
  double fraction = !approval ? 2.0 / 3.0 : ledger_matter_is_major (self->matter) ? 0.75 : 0.5;
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int min_width = 0, min_height = 0;

  gtk_widget_measure (mark, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (mark, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  allocation->width = MAX (min_width, 2);
  allocation->height = MAX (min_height, gtk_widget_get_height (GTK_WIDGET (overlay)));
  allocation->x = (int) (fraction * width) - allocation->width / 2;
  allocation->y = 0;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The shown vote */

/* The vote's number, title, matter and where it stands. */
static void
show_header (ClVotesPage      *self,
             const LedgerVote *vote)
{
  g_autofree char *title = g_strdup_printf (_("Vote %" PRId64 ": %s"), vote->id, vote->title);
  g_autofree char *info = NULL;

  if (vote->closed)
    info = g_strdup_printf (_("Matter %d, %s. Closed on %s: the result is final."),
                            vote->matter, ledger_matter_name (vote->matter), vote->closed_on);
  else if (vote->closes[0] != '\0')
    info = g_strdup_printf (_("Matter %d, %s. Open since %s, ballots until %s; the figures are so far."),
                            vote->matter, ledger_matter_name (vote->matter), vote->opens, vote->closes);
  else
    info = g_strdup_printf (_("Matter %d, %s. Open since %s; the figures are so far."),
                            vote->matter, ledger_matter_name (vote->matter), vote->opens);
  gtk_label_set_text (self->vote_title_label, title);
  gtk_label_set_text (self->vote_info_label, info);
}

/* Replaces the ballot grid with a fresh one for the shown vote. */
static void
load_ballots (ClVotesPage *self,
              LedgerBook  *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = ledger_ballot_item_model_new (book, self->vote_id, &error);

  if (model == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the ballots"), error);
      return;
    }
  g_set_object (&self->ballots, G_LIST_STORE (model));
  gtk_single_selection_set_model (self->ballot_selection, model);
}

/* Reads the shown vote again: header, tally, grid (a new one when @new_grid). */
static void
refresh_vote (ClVotesPage *self,
              LedgerBook  *book,
              gboolean     new_grid)
{
  g_autoptr(LedgerVote) vote = ledger_vote_lookup (book, self->vote_id, NULL);
  g_autoptr(GListModel) fresh = NULL;
  gboolean read_only = ledger_book_is_read_only (book);

  if (vote == NULL)
    {
      show_vote (self, 0);
      return;
    }
  self->matter = vote->matter;
  self->closed = vote->closed;
  /* Rows (and the selection) stay in place unless the register of owners changed. */
  if (!new_grid && self->ballots != NULL)
    fresh = ledger_ballot_item_model_new (book, self->vote_id, NULL);
  if (fresh == NULL || !ledger_ballot_item_model_sync (self->ballots, fresh))
    load_ballots (self, book);
  show_header (self, vote);
  show_tally (self, vote);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "votes.close", !vote->closed && !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->close_vote_button), !vote->closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ballot_date_entry), !vote->closed && !read_only);
  /* A closed vote (or a book opened read-only) shows its ballots as words. */
  gtk_column_view_column_set_visible (self->choice_column, !vote->closed && !read_only);
  gtk_column_view_column_set_visible (self->choice_text_column, vote->closed || read_only);
}

/* Shows vote @id (0: none) with a fresh ballot grid. */
static void
show_vote (ClVotesPage *self,
           gint64       id)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));

  self->vote_id = book != NULL ? id : 0;
  if (self->vote_id == 0)
    {
      g_clear_object (&self->ballots);
      gtk_single_selection_set_model (self->ballot_selection, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  refresh_vote (self, book, TRUE);
  if (self->vote_id != 0)
    gtk_stack_set_visible_child_name (self->detail_stack, "vote");
}

/* ------------------------------------------------------------------ */
/* The list of votes */

/* The row of vote @id in the list, or GTK_INVALID_LIST_POSITION. */
static guint
position_of_vote (ClVotesPage *self,
                  gint64       id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->votes));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(LedgerVoteItem) item = g_list_model_get_item (G_LIST_MODEL (self->votes), i);

      if (ledger_vote_item_get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Brings the list up to date, keeping the shown vote selected. */
static void
refresh_votes (ClVotesPage *self,
               LedgerBook  *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = ledger_vote_item_model_new (book, LEDGER_VOTE_ITEMS_ALL, &error);

  if (fresh == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("reading the votes"), error);
      return;
    }
  self->syncing = TRUE;
  ledger_vote_item_model_sync (self->votes, fresh);
  gtk_single_selection_set_selected (self->votes_selection, position_of_vote (self, self->vote_id));
  self->syncing = FALSE;
}

/* A row of the list was selected (not while the list refreshes). */
static void
vote_selected_cb (ClVotesPage *self)
{
  LedgerVoteItem *item = gtk_single_selection_get_selected_item (self->votes_selection);

  if (self->syncing)
    return;
  show_vote (self, item != NULL ? ledger_vote_item_get_id (item) : 0);
}

/* ------------------------------------------------------------------ */
/* Marking ballots */

/* Records the ballot; on failure the row shows the recorded choice again. */
static gboolean
record_ballot (ClVotesPage      *self,
               LedgerBallotItem *item,
               LedgerChoice      choice,
               const char       *reason)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  /* The day the paper ballot was signed; empty means today. */
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ballot_date_entry))));
  g_autoptr(GError) error = NULL;

  if (!ledger_vote_ballot (book, self->vote_id, ledger_ballot_item_get_unit (item), choice,
                           *date != '\0' ? date : NULL, NULL, reason, &error))
    {
      g_object_notify (G_OBJECT (item), "choice");  /* the toggles show the recorded choice again */
      cl_window_show_error (GTK_WIDGET (self), _("entering the ballot"), error);
      return FALSE;
    }
  /* LedgerBook::changed has refreshed a visible page; a hidden one catches up when shown. */
  ledger_ballot_item_set_choice (item, choice);
  return TRUE;
}

/* A message dialog over the page's window: Cancel and @response. */
static AdwMessageDialog *
message_dialog_new (ClVotesPage           *self,
                    const char            *heading,
                    const char            *body,
                    const char            *response,
                    const char            *label,
                    AdwResponseAppearance  appearance)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *d = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                    heading, body));

  adw_message_dialog_add_responses (d, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (d, response, appearance);
  /* Nothing destructive happens by pressing Enter. */
  adw_message_dialog_set_default_response (d, appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : response);
  adw_message_dialog_set_close_response (d, "cancel");
  return d;
}

/* The treasurer confirmed the correction, with a reason, or cancelled it. */
static void
correction_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ClVotesPage      *self)
{
  LedgerBallotItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "correct") != 0 || *reason == '\0')
    {
      g_object_notify (G_OBJECT (item), "choice");
      return;
    }
  g_free (self->last_reason);
  self->last_reason = g_strdup (reason);
  record_ballot (self, item, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "choice")), reason);
}

/* A correction needs a reason: no reason, no button. */
static void
correction_reason_changed_cb (GtkEditable      *entry,
                              AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "correct", *reason != '\0');
}

/* A second ballot from an owner is a correction: the ledger records it
 * with its reason beside the first, so ask for the reason. */
static void
ask_correction (ClVotesPage      *self,
                LedgerBallotItem *item,
                LedgerChoice      choice)
{
  int before = ledger_ballot_item_get_choice (item);
  g_autofree char *heading = g_strdup_printf (_("Correct the Ballot of %s?"), ledger_ballot_item_get_units (item));
  g_autofree char *body = g_strdup_printf (_("%s has already voted “%s”. The correction to “%s” is recorded beside the first ballot, with its reason."),
                                           ledger_ballot_item_get_owner (item), _(choices[before].label),
                                           _(choices[choice].label));
  AdwMessageDialog *dialog = message_dialog_new (self, heading, body, "correct", _("_Record Correction"),
                                                 ADW_RESPONSE_SUGGESTED);
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, "correction-reason-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the correction"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), self->last_reason != NULL ? self->last_reason : _("Correction"));
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "choice", GINT_TO_POINTER (choice));
  g_signal_connect (entry, "changed", G_CALLBACK (correction_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What every way of marking comes down to. */
static void
mark_item (ClVotesPage      *self,
           LedgerBallotItem *item,
           LedgerChoice      choice)
{
  int before = ledger_ballot_item_get_choice (item);

  if (self->vote_id == 0 || self->closed || ledger_book_is_read_only (cl_page_get_book (CL_PAGE (self))))
    g_object_notify (G_OBJECT (item), "choice");  /* the toggles show the recorded choice again */
  else if (before == LEDGER_BALLOT_ITEM_NO_CHOICE)
    record_ballot (self, item, choice, NULL);
  else if (before != (int) choice)
    ask_correction (self, item, choice);
}

/* Marks row @position and moves on to the next owner, scrolling to it
 * through the column view's inner list (GTK 4.8 has no gtk_column_view_scroll_to). */
static void
mark_position (ClVotesPage  *self,
               guint         position,
               LedgerChoice  choice)
{
  g_autoptr(LedgerBallotItem) item = g_list_model_get_item (G_LIST_MODEL (self->ballots), position);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ballots));

  g_return_if_fail (item != NULL);

  mark_item (self, item, choice);
  if (position + 1 >= n)
    return;
  gtk_single_selection_set_selected (self->ballot_selection, position + 1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->ballot_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position + 1);
}

/* Y, N or A on the selected owner: yes, no or abstain, then the next owner. */
static gboolean
ballot_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       ClVotesPage           *self)
{
  guint position = gtk_single_selection_get_selected (self->ballot_selection);
  LedgerChoice choice;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      position == GTK_INVALID_LIST_POSITION || self->ballots == NULL)
    return FALSE;
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_y: choice = LEDGER_CHOICE_YES; break;
    case GDK_KEY_n: choice = LEDGER_CHOICE_NO; break;
    case GDK_KEY_a: choice = LEDGER_CHOICE_ABSTAIN; break;
    default: return FALSE;
    }
  mark_position (self, position, choice);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The choice column: three toggle buttons per row (cl-votes-page.ui) */

/* Whether the toggle for @button shows the recorded @choice. */
static gboolean
choice_is (gpointer unused,
           int      choice,
           int      button)
{
  return choice == button;
}

/* The recorded choice in words, for a closed vote. */
static char *
format_choice (gpointer unused,
               int      choice)
{
  return g_strdup (choice >= 0 && choice < (int) G_N_ELEMENTS (choices) ? _(choices[choice].label) : "—");
}

/* A toggle turned on: by the user, unless it merely shows the recorded
 * choice (the "active" binding follows LedgerBallotItem:choice). */
static void
choice_toggled_cb (GtkToggleButton *button,
                   GtkListItem     *list_item)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), CL_TYPE_VOTES_PAGE);
  LedgerBallotItem *item = gtk_list_item_get_item (list_item);
  int choice = 0;

  while (choice < (int) G_N_ELEMENTS (choices) &&
         g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (button)), choices[choice].name) != 0)
    choice++;
  if (page == NULL || item == NULL || choice == (int) G_N_ELEMENTS (choices) ||
      !gtk_toggle_button_get_active (button) || ledger_ballot_item_get_choice (item) == choice)
    return;
  mark_position (CL_VOTES_PAGE (page), gtk_list_item_get_position (list_item), choice);
}

/* ------------------------------------------------------------------ */
/* New vote, close vote */

/* The dialog opened a vote: show it, ready for ballots. */
static void
vote_created_cb (ClVotesPage *self,
                 gint64       id)
{
  g_autofree char *text = g_strdup_printf (_("Vote %" PRId64 " opened: enter the ballots as they come in"), id);

  cl_votes_page_select_vote (self, id);
  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* votes.new ("New Vote…", Ctrl+N): the form that opens a vote. */
static void
new_vote_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ClVotesPage *self = CL_VOTES_PAGE (widget);
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ClVoteDialog *dialog;

  if (book == NULL)
    return;
  dialog = cl_vote_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, book);
  g_signal_connect_object (dialog, "vote-created", G_CALLBACK (vote_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closes the shown vote once the treasurer confirmed it. */
static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ClVotesPage      *self)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  gint64 id = self->vote_id;  /* the dialog is modal: still the shown vote */
  g_autoptr(LedgerVote) vote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "close") != 0 || book == NULL)
    return;
  if (!ledger_vote_close (book, id, &error) || (vote = ledger_vote_lookup (book, id, &error)) == NULL)
    {
      cl_window_show_error (GTK_WIDGET (self), _("closing the vote"), error);
      return;
    }
  text = g_strdup_printf (vote->tally.passed ? _("Vote %" PRId64 " closed: passed")
                                             : _("Vote %" PRId64 " closed: not passed"), id);
  cl_window_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* votes.close ("Close Vote…"): closing is final, so it asks first, saying what the result will be. */
static void
close_vote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClVotesPage *self = CL_VOTES_PAGE (widget);
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  g_autoptr(LedgerVote) vote = NULL;
  g_autofree char *heading = NULL, *body = NULL, *result = NULL;
  AdwMessageDialog *dialog;

  if (book == NULL || (vote = ledger_vote_lookup (book, self->vote_id, NULL)) == NULL)
    return;
  result = result_text (vote);
  heading = g_strdup_printf (_("Close Vote %" PRId64 "?"), vote->id);
  body = g_strdup_printf (_("No more ballots can be entered and the result is fixed for good, even if the register of owners changes later.\n\n%s"),
                          result);
  dialog = message_dialog_new (self, heading, body, "close", _("_Close Vote"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* ClPage */

/* Reloads the list and the shown vote; the first time, shows the newest vote. */
static void
cl_votes_page_reload (ClPage     *page,
                      LedgerBook *book)
{
  ClVotesPage *self = CL_VOTES_PAGE (page);
  gboolean read_only = ledger_book_is_read_only (book);
  char today[11];

  ledger_book_today (book, today);
  gtk_entry_set_placeholder_text (self->ballot_date_entry, today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "votes.new", !read_only);
  refresh_votes (self, book);
  if (!self->loaded)
    {
      g_autoptr(LedgerVoteItem) newest = g_list_model_get_item (G_LIST_MODEL (self->votes), 0);

      /* Start where the treasurer most likely continues: the newest vote. */
      self->loaded = TRUE;
      cl_votes_page_select_vote (self, newest != NULL ? ledger_vote_item_get_id (newest) : 0);
    }
  else if (self->vote_id != 0)
    refresh_vote (self, book, FALSE);
}

/* ------------------------------------------------------------------ */
/* Life cycle */

/* Releases the template and the models. */
static void
cl_votes_page_dispose (GObject *object)
{
  ClVotesPage *self = CL_VOTES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VOTES_PAGE);
  g_clear_object (&self->votes);
  g_clear_object (&self->ballots);
  g_clear_pointer (&self->last_reason, g_free);
  G_OBJECT_CLASS (cl_votes_page_parent_class)->dispose (object);
}

/* The threshold marks must stand out from the bar's trough. */
static void
add_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".threshold-mark { min-width: 2px; background-color: alpha(currentColor, 0.8); }"
                                   " levelbar.vote-ratio block.low { background-color: @warning_bg_color; }",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The template, its children and callbacks, and the item types it names. */
static void
cl_votes_page_class_init (ClVotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_votes_page_dispose;
  CL_PAGE_CLASS (klass)->reload = cl_votes_page_reload;

  g_type_ensure (LEDGER_TYPE_VOTE_ITEM);
  g_type_ensure (LEDGER_TYPE_BALLOT_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/communityledger/CommunityLedger/ui/cl-votes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, votes_selection);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, vote_title_label);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, vote_info_label);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, close_vote_button);
  for (guint i = 0; i < G_N_ELEMENTS (bar_ids); i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, bar_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (ClVotesPage, bars) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, label_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (ClVotesPage, ratio_labels) + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, vote_result_label);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, ballot_date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, ballot_view);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, ballot_selection);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, choice_column);
  gtk_widget_class_bind_template_child (widget_class, ClVotesPage, choice_text_column);
  gtk_widget_class_bind_template_callback (widget_class, format_matter);
  gtk_widget_class_bind_template_callback (widget_class, format_status);
  gtk_widget_class_bind_template_callback (widget_class, format_area);
  gtk_widget_class_bind_template_callback (widget_class, format_choice);
  gtk_widget_class_bind_template_callback (widget_class, choice_is);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_mark_cb);
  gtk_widget_class_bind_template_callback (widget_class, vote_selected_cb);
  gtk_widget_class_install_action (widget_class, "votes.new", NULL, new_vote_action);
  gtk_widget_class_install_action (widget_class, "votes.close", NULL, close_vote_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "votes.new", NULL);
  add_style ();
}

/* The list's model and the keys of the ballot grid. */
static void
cl_votes_page_init (ClVotesPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->votes = g_list_store_new (LEDGER_TYPE_VOTE_ITEM);
  gtk_single_selection_set_model (self->votes_selection, G_LIST_MODEL (self->votes));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (ballot_key_pressed_cb), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self->ballot_view), keys);
}

/* ------------------------------------------------------------------ */
/* Public API */

/* See cl-votes-page.h. */
void
cl_votes_page_select_vote (ClVotesPage *self,
                           gint64       id)
{
  LedgerBook *book = cl_page_get_book (CL_PAGE (self));
  guint position;

  g_return_if_fail (CL_IS_VOTES_PAGE (self));

  position = position_of_vote (self, id);
  if (position == GTK_INVALID_LIST_POSITION && id != 0 && book != NULL)
    {
      refresh_votes (self, book);
      position = position_of_vote (self, id);
    }
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->votes_selection, position);
  self->syncing = FALSE;
  show_vote (self, position != GTK_INVALID_LIST_POSITION ? id : 0);
}

/* See cl-votes-page.h. */
void
cl_votes_page_mark (ClVotesPage  *self,
                    const char   *unit,
                    LedgerChoice  choice)
{
  g_autofree char *code = NULL;
  guint n;

  g_return_if_fail (CL_IS_VOTES_PAGE (self));
  g_return_if_fail (self->ballots != NULL);

  if (!ledger_unit_parse (unit, "unit", &code, NULL, NULL, NULL, NULL))
    code = g_strdup (unit);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->ballots));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerBallotItem) item = g_list_model_get_item (G_LIST_MODEL (self->ballots), i);

      if (ledger_ballot_item_has_unit (item, code))
        {
          gtk_single_selection_set_selected (self->ballot_selection, i);
          mark_position (self, i, choice);
          return;
        }
    }
  g_warning ("Unit %s is not on the ballot grid of vote %" G_GINT64_FORMAT, unit, self->vote_id);
}

/* cl-field-error.h — marking the field a refused entry is about
 *
 * The forms of ui/ (the Money page, the payment form) show the ledger's
 * one line under the form and mark the field it is about: GTK's "error"
 * style class on the entry or drop-down, the cursor in it, the mark gone
 * as soon as the field is edited. Which field comes from the error itself
 * (ledger_error_get_field(), ledger_error_get_account()), never from its
 * translated message. Below the pages and dialogs that use it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One field of a form. */
typedef struct
{
  const char *field;    /* as ledger_error_get_field() names it ("--date", "amount"), or NULL */
  const char *account;  /* a drop-down's chosen money account: an error about it (below zero) marks it */
  GtkWidget  *widget;   /* a GtkEditable or a GtkDropDown */
} ClErrorField;

/* Takes @widget's mark away as soon as it is edited (its text changes,
 * another line is chosen). Once per widget, when the form is built. */
void       cl_field_error_watch (GtkWidget *widget);

/* Marks @widget as the field in error and moves the cursor to it. */
void       cl_field_error_mark (GtkWidget *widget);

/* Takes the marks of @fields away. */
void       cl_field_error_clear (const ClErrorField *fields,
                                 gsize               n_fields);

/* Clears @fields, then marks (cl_field_error_mark()) the first of them
 * that @error is about: its field, or the drop-down that holds the
 * account it would take below zero.
 *
 * Returns: (nullable) (transfer none): the widget marked, or NULL when
 *   @error names none of them */
GtkWidget *cl_field_error_show (const GError       *error,
                                const ClErrorField *fields,
                                gsize               n_fields);

G_END_DECLS

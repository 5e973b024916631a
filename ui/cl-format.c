/* cl-format.c — dates as people read them, in the window's language */
#define G_LOG_DOMAIN "community-ledger"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <stdio.h>

#include "cl-format.h"
#include "ledger.h"

/* 12:00 UTC of a date: a GDateTime whose day is the same in any zone. */
static GDateTime *
date_time_from_iso_date (const char *iso_date)
{
  int year, month, day;
  char rest;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

char *
cl_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) time = date_time_from_iso_date (iso_date);

  if (time == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");
  /* Translators: a date as g_date_time_format() writes it; in Chinese
   * "%Y年%-m月%-d日" (2026年3月1日). Keep the numbers: no month names. */
  return g_date_time_format (time, C_("date format", "%Y-%m-%d"));
}

char *
cl_format_date_time (const char *iso_date_time)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_date_time != NULL)
    time = g_date_time_new_from_iso8601 (iso_date_time, NULL);
  if (time == NULL)
    return g_strdup (iso_date_time != NULL ? iso_date_time : "");
  local = g_date_time_to_local (time);
  /* Translators: a date and time for g_date_time_format(); in Chinese
   * "%Y年%-m月%-d日 %H:%M" (2026年6月30日 10:00). */
  return g_date_time_format (local, C_("date and time format", "%Y-%m-%d %H:%M"));
}

char *
cl_format_date_range (const char *first,
                      const char *last)
{
  g_autofree char *from = cl_format_date (first);
  g_autofree char *to = cl_format_date (last);

  /* Translators: a span of days, first and last included; in Chinese
   * "%s至%s". */
  return g_strdup_printf (C_("date range", "%s – %s"), from, to);
}

GListModel *
cl_format_method_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint m = 0; m < LEDGER_METHOD_COUNT; m++)
    gtk_string_list_append (list, ledger_method_label ((LedgerMethod) m));
  return G_LIST_MODEL (list);
}

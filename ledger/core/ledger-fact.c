/* ledger-fact.c — a journal entry's facts as text, and the settings fact */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "ledger-book-private.h"
#include "ledger-fact-private.h"

static void
append_escaped_field (GString    *out,
                      const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '|':  g_string_append (out, "\\|"); break;
      default:   g_string_append_c (out, *p);
      }
}

char *
ledger_fact_format (const char         *name,
                    const char *const  *fields,
                    guint               n_fields)
{
  GString *out = g_string_new (name);

  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append_c (out, '|');
      append_escaped_field (out, fields[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
set_unreadable (const char  *text,
                GError     **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("the journal holds a fact no version of the program writes: %s"), text);
  return FALSE;
}

char **
ledger_fact_parse (const char  *text,
                   GError     **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p == '\0' || *p == '|')
        {
          g_ptr_array_add (parts, g_string_free (field, FALSE));
          if (*p == '\0')
            break;
          field = g_string_new (NULL);
          continue;
        }
      if (*p != '\\')
        {
          g_string_append_c (field, *p);
          continue;
        }
      switch (*++p)
        {
        case '\\': g_string_append_c (field, '\\'); break;
        case 'n':  g_string_append_c (field, '\n'); break;
        case 'r':  g_string_append_c (field, '\r'); break;
        case '|':  g_string_append_c (field, '|'); break;
        default:
          g_string_free (field, TRUE);
          set_unreadable (text, error);
          return NULL;
        }
    }
  if (((const char *) parts->pdata[0])[0] == '\0')
    {
      set_unreadable (text, error);
      return NULL;
    }
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&parts), FALSE);
}

gboolean
ledger_fact_int64 (const char         *kind,
                   const char *const  *fields,
                   guint               i,
                   gint64             *out_value,
                   GError            **error)
{
  const char *text = fields[i];
  gint64 value;

  /* Only the spelling a writer produces: optional "-", digits, no
   * leading zero, so that one number has one text in the leaf. */
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL) ||
      strcmp (text, ledger_fact_int_text ((char[24]) { 0 }, value)) != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the journal's “%s” fact has “%s” where field %u should be a whole number"),
                   kind, text, i + 1);
      return FALSE;
    }
  *out_value = value;
  return TRUE;
}

const char *
ledger_fact_int_text (char    buf[24],
                      gint64  value)
{
  g_snprintf (buf, 24, "%" G_GINT64_FORMAT, value);
  return buf;
}

static gboolean
apply_setting (LedgerBook         *book,
               gint64              txn_id G_GNUC_UNUSED,
               const char         *date G_GNUC_UNUSED,
               const char *const  *fields,
               GError            **error)
{
  return ledger_book_set_setting (book, fields[0], fields[1], error);
}

const LedgerFactKind ledger_fact_setting = { "setting", 2, apply_setting };

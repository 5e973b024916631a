/* cli-json.c — a small streaming JSON writer for --json output */
#define G_LOG_DOMAIN "community-ledger"

#include <stdio.h>

#include "cli-json.h"

#define MAX_DEPTH 16

struct _CliJson
{
  GString *out;
  int      depth;
  gboolean has_items[MAX_DEPTH]; /* whether the open container needs a comma */
};

CliJson *
cli_json_new (void)
{
  CliJson *json = g_new0 (CliJson, 1);

  json->out = g_string_new (NULL);
  return json;
}

void
cli_json_free (CliJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->out, TRUE);
  g_free (json);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Writes the comma and the key that come before any value. */
static void
begin_value (CliJson    *json,
             const char *key)
{
  if (json->has_items[json->depth])
    g_string_append_c (json->out, ',');
  json->has_items[json->depth] = TRUE;
  if (key != NULL)
    {
      append_escaped (json->out, key);
      g_string_append_c (json->out, ':');
    }
}

static void
open_container (CliJson    *json,
                const char *key,
                char        bracket)
{
  begin_value (json, key);
  g_string_append_c (json->out, bracket);
  g_assert (json->depth + 1 < MAX_DEPTH);
  json->depth++;
  json->has_items[json->depth] = FALSE;
}

void
cli_json_begin_object (CliJson    *json,
                       const char *key)
{
  open_container (json, key, '{');
}

void
cli_json_end_object (CliJson *json)
{
  json->depth--;
  g_string_append_c (json->out, '}');
}

void
cli_json_begin_array (CliJson    *json,
                      const char *key)
{
  open_container (json, key, '[');
}

void
cli_json_end_array (CliJson *json)
{
  json->depth--;
  g_string_append_c (json->out, ']');
}

void
cli_json_string (CliJson    *json,
                 const char *key,
                 const char *value)
{
  begin_value (json, key);
  append_escaped (json->out, value != NULL ? value : "");
}

void
cli_json_int (CliJson    *json,
              const char *key,
              gint64      value)
{
  begin_value (json, key);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

void
cli_json_bool (CliJson    *json,
               const char *key,
               gboolean    value)
{
  begin_value (json, key);
  g_string_append (json->out, value ? "true" : "false");
}

void
cli_json_print (CliJson *json)
{
  g_assert (json->depth == 0);
  fputs (json->out->str, stdout);
  fputc ('\n', stdout);
}

/* cli-json.h — a small streaming JSON writer for --json output
 *
 * The output is stable: keys come in the order the caller writes them,
 * money is an integer number of fen, areas are integers of 0.01 m².
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CliJson CliJson;

CliJson *cli_json_new (void);
void     cli_json_free (CliJson *json);

/* @key is NULL inside arrays and at the top level. */
void cli_json_begin_object (CliJson *json, const char *key);
void cli_json_end_object   (CliJson *json);
void cli_json_begin_array  (CliJson *json, const char *key);
void cli_json_end_array    (CliJson *json);
void cli_json_string       (CliJson *json, const char *key, const char *value);
void cli_json_int          (CliJson *json, const char *key, gint64 value);
void cli_json_bool         (CliJson *json, const char *key, gboolean value);

/* Prints the document and a newline to standard output. */
void cli_json_print (CliJson *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliJson, cli_json_free)

G_END_DECLS

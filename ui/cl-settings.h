/* cl-settings.h — the app's GSettings (data/APP_ID.gschema.xml)
 *
 * Settings of this desk, not of the book: the window's size, the book to
 * reopen, the operator's name, the language, the publication URL offered
 * to new books. What belongs to the community is in the book itself
 * (ledger_book_set_setting) so that every desk and the command line agree.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_SETTINGS_WINDOW_WIDTH     "window-width"
#define CL_SETTINGS_WINDOW_HEIGHT    "window-height"
#define CL_SETTINGS_WINDOW_MAXIMIZED "window-maximized"
#define CL_SETTINGS_LAST_BOOK        "last-book"
#define CL_SETTINGS_PUBLICATION_URL  "publication-url"
#define CL_SETTINGS_OPERATOR_NAME    "operator-name"
#define CL_SETTINGS_LANGUAGE         "language"

/**
 * cl_settings_new:
 *
 * Returns: (transfer full) (nullable): the app's settings, or %NULL when
 * the schema is not installed. The app then works with the defaults and
 * remembers nothing, rather than aborting as g_settings_new() would.
 */
GSettings *cl_settings_new (void);

/**
 * cl_settings_use_build_tree:
 *
 * When the program runs from the build tree and its schema is not
 * installed, points GSettings at the schema compiled into BUILD/data.
 * Must run before anything uses GSettings (the schema source is read
 * once per process).
 */
void       cl_settings_use_build_tree (void);

/**
 * cl_settings_prepare_language:
 *
 * Notes the LANGUAGE the program started with and makes sure the variable
 * exists (empty when it did not), so that a later switch of language only
 * changes its value. Call it first thing in main(), before any thread.
 */
void       cl_settings_prepare_language (void);

/**
 * cl_settings_bind_translations:
 *
 * Sets the locale from the environment and binds the text domain: to the
 * translations next to the build when the program runs from the build
 * tree (make run, make test) and they are not installed, else to the
 * installed ones. After cl_settings_prepare_language().
 */
void       cl_settings_bind_translations (void);

/**
 * cl_settings_apply_language:
 * @language: "", "zh_CN" or "en"; "" follows the system's locale
 *
 * Makes gettext translate into @language from now on: sets LANGUAGE (or
 * restores the value the process started with) and tells gettext to drop
 * the translations it has cached. Windows made afterwards speak it.
 */
void       cl_settings_apply_language (const char *language);

G_END_DECLS

/* theme.h: colour themes, read from files in themes/.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A theme gives each screen element a foreground, a background and
 * attributes; the format is documented in themes/README.md.  Elements not
 * named in a file keep the built-in default below (also what is used when
 * no theme file is found at all).  Colours are reduced on 8-colour
 * terminals and dropped when NO_COLOR is set or the terminal has none;
 * attributes stay, so every theme stays readable.
 *
 * X(enum suffix, name in theme files, built-in "fg bg attrs...")
 */
#ifndef BV_TUI_THEME_H
#define BV_TUI_THEME_H

#include <glib.h>

G_BEGIN_DECLS

#define BV_ELEMENTS(X)                                            \
	X (DEFAULT, "default", "default default")                 \
	X (TITLE, "title", "white blue bold")                     \
	X (STATUS, "status", "white blue")                        \
	X (HEADER, "header", "yellow default bold")               \
	X (CURSOR, "cursor", "black cyan")                        \
	X (CURSOR_IDLE, "cursor-idle", "default default reverse") \
	X (SELECTED, "selected", "magenta default bold")          \
	X (MARKED, "marked", "red default")                       \
	X (HARD, "hard", "red default")                           \
	X (SOFT, "soft", "yellow default")                        \
	X (SECTION, "section", "cyan default bold")               \
	X (LABEL, "label", "green default")                       \
	X (CODE, "code", "yellow default bold")                   \
	X (DIM, "dim", "default default dim")                     \
	X (ERROR, "error", "white red bold")                      \
	X (DIALOG, "dialog", "black white")                       \
	X (FIELD, "field", "white black underline")               \
	X (PROGRESS, "progress", "black green")                   \
	X (KEY, "key", "cyan default bold")                       \
	X (SEPARATOR, "separator", "blue default")                \
	X (MATCH, "match", "black yellow bold underline")

typedef enum {
#define BV_ELEMENT_ENUM(e, name, def) BV_EL_##e,
	BV_ELEMENTS (BV_ELEMENT_ENUM)
#undef BV_ELEMENT_ENUM
	        BV_EL_COUNT
} BvElement;

typedef struct _BvTheme BvTheme;

/* Loads the theme @name: a path when it contains '/', else NAME.theme
 * looked up in $BOUNCEVIEW_THEME_DIR, $XDG_CONFIG_HOME/bounceview/themes
 * and the installed themes (the tests and `meson devenv` point
 * $BOUNCEVIEW_THEME_DIR at the source tree's themes/).  Errors name the
 * file and line.  Free with bv_theme_free(). */
BvTheme *bv_theme_load (const char *name, GError **error);
/* Parses theme text (for tests and the loader).  @origin names it in
 * errors. */
BvTheme *bv_theme_parse (const char *name, const char *text, const char *origin, GError **error);
/* The built-in defaults. */
BvTheme *bv_theme_new_builtin (void);
void bv_theme_free (BvTheme *theme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BvTheme, bv_theme_free)

const char *bv_theme_name (const BvTheme *theme);

/* Sets up the colour pairs of @theme on the current screen; afterwards
 * bv_theme_attr() gives the attributes of each element. */
void bv_theme_apply (const BvTheme *theme);
/* Curses attributes (colour pair included) of @el under the applied theme. */
int bv_theme_attr (BvElement el);

/* Names of the themes that can be found, sorted, without duplicates (new
 * array of new strings). */
GStrv bv_theme_list (void);

G_END_DECLS

#endif /* BV_TUI_THEME_H */

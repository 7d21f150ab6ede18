/* screen.h: the terminal (or the virtual screen of a test script).
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bv_screen_open() starts ncurses on the real terminal, or, when
 * BOUNCEVIEW_TUI_SCRIPT names a file, on a virtual screen of
 * BOUNCEVIEW_TUI_SIZE (default 80x24) whose output goes to /dev/null: keys
 * then come from the script, one per line:
 *
 *   j                   a key name (keys.h), or
 *   :type TEXT          each character of TEXT as a key,
 *   :dump FILE          the screen as plain text written to FILE,
 *   :dump-match FILE    the same, with what / highlights between « and »,
 *   :attrs FILE         the attributes of its cells (bv_screen_dump_attrs),
 *   :resize COLSxLINES  the terminal changes size,
 *   :click Y X          a mouse click (:dclick for a double click),
 *   :wheel-up Y X       the mouse wheel (:wheel-down),
 *   # comment           ignored, as are blank lines.
 *
 * When the script runs out the UI quits as if Q were pressed.
 *
 * SIGINT, SIGTERM and SIGHUP only set a flag the key loop reads, so that
 * the UI always quits through the same path that restores the terminal.
 */
#ifndef BV_TUI_SCREEN_H
#define BV_TUI_SCREEN_H

#include <glib.h>

G_BEGIN_DECLS

gboolean bv_screen_open (GError **error);
/* Restores the terminal.  Safe to call twice. */
void bv_screen_close (void);
/* TRUE when keys come from a test script. */
gboolean bv_screen_scripted (void);

/* The next key (keys.h), waiting at most @timeout_ms (-1: until a key
 * comes).  BV_KEY_NONE on timeout; BV_KEY_FN (KEY_RESIZE) after a resize;
 * BV_KEY_SCRIPT_END when a script has no more lines. */
int bv_screen_read_key (int timeout_ms);

/* The last mouse event: what it was and where. */
typedef enum {
	BV_MOUSE_NONE,
	BV_MOUSE_CLICK,
	BV_MOUSE_DOUBLE_CLICK,
	BV_MOUSE_WHEEL_UP,
	BV_MOUSE_WHEEL_DOWN,
} BvMouseKind;

BvMouseKind bv_screen_mouse (int *y, int *x);

/* TRUE once SIGINT, SIGTERM or SIGHUP arrived. */
gboolean bv_screen_quit_requested (void);

/* Writes what the screen shows as plain text (one line per row, trailing
 * blanks cut) to @path. */
gboolean bv_screen_dump (const char *path, GError **error);
/* Writes the attributes of every cell, a letter a cell (R reverse, U
 * underline, B bold, D dim, '.' none), for `:attrs FILE`: what tells the
 * cursor and the focused pane apart without colour. */
gboolean bv_screen_dump_attrs (const char *path, GError **error);

/* Leaves curses mode for an external program (the pager) and back. */
void bv_screen_suspend (void);
void bv_screen_resume (void);

G_END_DECLS

#endif /* BV_TUI_SCREEN_H */

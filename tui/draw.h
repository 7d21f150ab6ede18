/* draw.h: drawing text by terminal columns, never by bytes.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mail text reaches the screen only through these functions: they make
 * control characters visible (bv_text_make_safe), measure every character
 * with wcwidth() the way the terminal does, so that CJK and other wide
 * characters take two columns, and never cut a wide character in half.
 */
#ifndef BV_TUI_DRAW_H
#define BV_TUI_DRAW_H

#include <glib.h>

G_BEGIN_DECLS

/* Columns @text takes once made safe. */
int bv_draw_width (const char *text);

/* Draws @text at (@y, @x) in at most @width columns with @attr, ending in
 * "…" when it does not fit.  Returns the columns used. */
int bv_draw_text (int y, int x, int width, const char *text, int attr);

/* Like bv_draw_text(), but the first @skip columns of @text are left
 * out (a text scrolled sideways); a wide character cut by the left edge
 * shows as a blank. */
int bv_draw_text_from (int y, int x, int width, const char *text, int skip, int attr);

/* TRUE when @text contains @needle, ignoring case (both UTF-8). */
gboolean bv_draw_contains (const char *text, const char *needle);

/* Draws @text in exactly @width columns: cut, then padded with blanks (on
 * the left when @right). */
void bv_draw_cell (int y, int x, int width, const char *text, int attr, gboolean right);

/* Blanks @width columns at (@y, @x) with @attr. */
void bv_draw_fill (int y, int x, int width, int attr);

/* Splits @text into lines of at most @width columns, at spaces when it can
 * and between wide characters, which need no space, by the line-breaking
 * rules of bv_wrap() (output/wrap.h): no closing punctuation at the start
 * of a line, no opening bracket at its end.  Lines keep their text safe to
 * draw.  Returns a new array of new strings (never empty: an empty text
 * gives one empty line). */
GPtrArray *bv_draw_wrap (const char *text, int width);

G_END_DECLS

#endif /* BV_TUI_DRAW_H */

/* search.h: finding a text on the screen, as / does in less and vim.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding never narrows anything (that is the limit key): it moves the
 * cursor to a line that shows the text and highlights every occurrence in
 * the focused view.  The highlight is laid over what the view drew, cell
 * by cell, so that every view (lists, help, the raw message) gets it
 * without knowing about it.
 */
#ifndef BV_TUI_SEARCH_H
#define BV_TUI_SEARCH_H

#include "tui/view.h"

G_BEGIN_DECLS

/* Highlights, in the theme's match element, every occurrence of @text
 * (ignoring case) in the screen rectangle at (@y, @x) of @h rows and @w
 * columns.  Nothing when @text is NULL or "". */
void bv_search_highlight (int y, int x, int h, int w, const char *text);

/* Moves @view's cursor (or, in a text view, its top line) to the next row
 * from @from that shows @text, @from itself included when @inclusive, going
 * round at the end.  Returns FALSE when no row shows it; *wrapped says
 * whether the search went round. */
gboolean bv_search_move (BvView *view, const char *text, guint from, gboolean forward, gboolean inclusive,
                         gboolean *wrapped);

/* The / key: asks for the text on the status line and moves to the first
 * match as it is typed; Esc puts the cursor and the previous text back. */
void bv_search_ask (BvTui *tui, BvView *view);

/* n and N: the next or previous line with the search text. */
void bv_search_again (BvTui *tui, BvView *view, gboolean forward);

G_END_DECLS

#endif /* BV_TUI_SEARCH_H */

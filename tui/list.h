/* list.h: a scrolling list with a cursor, shared by every view.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list only knows how many rows there are, which one has the cursor
 * and which one is at the top; the view draws each visible row through a
 * callback, so 100,000 rows cost no more to draw than a screenful.  With
 * @scroll_only set (text views) there is no cursor: moving scrolls.
 */
#ifndef BV_TUI_LIST_H
#define BV_TUI_LIST_H

#include <glib.h>

#include "tui/actions.h"
#include "tui/screen.h"

G_BEGIN_DECLS

typedef struct {
	guint n;
	guint cursor;
	guint top;
	gboolean scroll_only;
	/* Where the rows were last drawn, for the mouse and for paging. */
	int y;
	int x;
	int h;
	int w;
} BvList;

/* Draws row @row at (@y, @x), @w columns wide; @attr is the base
 * attribute (the cursor's on the cursor row). */
typedef void (*BvListRowFunc) (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor);

/* Sets the row count, keeping the cursor in range. */
void bv_list_set_count (BvList *list, guint n);
/* Handles the moving actions; FALSE for any other. */
gboolean bv_list_request (BvList *list, BvActionId action);
/* Draws the visible rows in the rectangle, blanking what is left. */
void bv_list_draw (BvList *list, int y, int x, int h, int w, gboolean focused, BvListRowFunc fn,
                   gpointer data);
/* Applies a mouse event at (@y, @x) (screen coordinates).  Returns TRUE
 * when the event was on the list; sets *activate for a double click on a
 * row. */
gboolean bv_list_mouse (BvList *list, BvMouseKind kind, int y, int x, gboolean *activate);

G_END_DECLS

#endif /* BV_TUI_LIST_H */

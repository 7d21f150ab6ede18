/* list.c: cursor movement, scrolling and drawing of a list.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>

#include "tui/draw.h"
#include "tui/list.h"
#include "tui/theme.h"

void
bv_list_set_count (BvList *list, guint n)
{
	list->n = n;
	if (list->cursor >= n)
		list->cursor = n > 0 ? n - 1 : 0;
	if (list->top >= n)
		list->top = n > 0 ? n - 1 : 0;
}

static guint
page_rows (const BvList *list)
{
	return list->h > 1 ? (guint)list->h - 1 : 1;
}

/* The largest top row that still fills the window. */
static guint
last_top (const BvList *list)
{
	guint h = list->h > 0 ? (guint)list->h : 1;
	return list->n > h ? list->n - h : 0;
}

static void
move_by (BvList *list, gint64 delta)
{
	if (list->scroll_only) {
		gint64 top = (gint64)list->top + delta;
		list->top = (guint)CLAMP (top, 0, (gint64)last_top (list));
		return;
	}
	if (list->n == 0)
		return;
	gint64 cursor = (gint64)list->cursor + delta;
	list->cursor = (guint)CLAMP (cursor, 0, (gint64)list->n - 1);
}

gboolean
bv_list_request (BvList *list, BvActionId action)
{
	switch (action) {
	case BV_ACT_MOVE_UP: move_by (list, -1); return TRUE;
	case BV_ACT_MOVE_DOWN: move_by (list, 1); return TRUE;
	case BV_ACT_PAGE_UP: move_by (list, -(gint64)page_rows (list)); return TRUE;
	case BV_ACT_PAGE_DOWN: move_by (list, (gint64)page_rows (list)); return TRUE;
	case BV_ACT_HALF_UP: move_by (list, -(gint64)MAX (page_rows (list) / 2, 1)); return TRUE;
	case BV_ACT_HALF_DOWN: move_by (list, (gint64)MAX (page_rows (list) / 2, 1)); return TRUE;
	case BV_ACT_FIRST: move_by (list, -(gint64)list->n - 1); return TRUE;
	case BV_ACT_LAST: move_by (list, (gint64)list->n + 1); return TRUE;
	default: return FALSE;
	}
}

/* Keeps the cursor row inside the window. */
static void
follow_cursor (BvList *list)
{
	guint h = list->h > 0 ? (guint)list->h : 1;
	if (list->scroll_only) {
		list->top = MIN (list->top, last_top (list));
		return;
	}
	if (list->cursor < list->top)
		list->top = list->cursor;
	else if (list->cursor >= list->top + h)
		list->top = list->cursor - h + 1;
	/* After a resize or a shrinking list, use the room below. */
	list->top = MIN (list->top, last_top (list));
}

void
bv_list_draw (BvList *list, int y, int x, int h, int w, gboolean focused, BvListRowFunc fn, gpointer data)
{
	list->y = y;
	list->x = x;
	list->h = h;
	list->w = w;
	follow_cursor (list);
	for (int i = 0; i < h; i++) {
		guint row = list->top + (guint)i;
		if (row >= list->n) {
			bv_draw_fill (y + i, x, w, bv_theme_attr (BV_EL_DEFAULT));
			continue;
		}
		gboolean cursor = !list->scroll_only && row == list->cursor;
		int attr = bv_theme_attr (BV_EL_DEFAULT);
		if (cursor)
			attr = bv_theme_attr (focused ? BV_EL_CURSOR : BV_EL_CURSOR_IDLE);
		fn (data, row, y + i, x, w, attr, cursor);
	}
}

gboolean
bv_list_mouse (BvList *list, BvMouseKind kind, int y, int x, gboolean *activate)
{
	*activate = FALSE;
	if (y < list->y || y >= list->y + list->h || x < list->x || x >= list->x + list->w)
		return FALSE;
	switch (kind) {
	case BV_MOUSE_WHEEL_UP: move_by (list, -3); break;
	case BV_MOUSE_WHEEL_DOWN: move_by (list, 3); break;
	case BV_MOUSE_CLICK:
	case BV_MOUSE_DOUBLE_CLICK: {
		guint row = list->top + (guint)(y - list->y);
		if (!list->scroll_only && row < list->n) {
			list->cursor = row;
			*activate = kind == BV_MOUSE_DOUBLE_CLICK;
		}
		break;
	}
	default: break;
	}
	return TRUE;
}

/* text-view.c: wrapping and scrolling of labelled text lines.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tui/draw.h"
#include "tui/text-view.h"

typedef struct {
	BvElement el;
	char *label;
	char *text;
	gboolean wrap;
	/* Starts the first part (a step's number); the wrapped parts
	 * after it are indented by its width, so that they hang. */
	char *marker;
} TextLine;

typedef struct {
	const TextLine *line; /* owner of the element and label */
	gboolean first;       /* the label is drawn on the first part only */
	char *text;
} ShownLine;

static void
text_line_clear (gpointer p)
{
	TextLine *l = p;
	g_free (l->label);
	g_free (l->text);
	g_free (l->marker);
}

static void
shown_line_free (gpointer p)
{
	ShownLine *s = p;
	g_free (s->text);
	g_free (s);
}

void
bv_text_view_init (BvTextView *tv, const BvViewClass *klass, const char *title)
{
	tv->parent.klass = klass;
	tv->parent.list.scroll_only = TRUE;
	tv->title = g_strdup (title);
	tv->lines = g_array_new (FALSE, TRUE, sizeof (TextLine));
	g_array_set_clear_func (tv->lines, text_line_clear);
	tv->shown_width = -1;
}

void
bv_text_view_clear (BvTextView *tv)
{
	g_clear_pointer (&tv->title, g_free);
	g_clear_pointer (&tv->lines, g_array_unref);
	g_clear_pointer (&tv->shown, g_ptr_array_unref);
}

void
bv_text_view_add (BvTextView *tv, BvElement el, const char *label, const char *text, gboolean wrap)
{
	TextLine line = { el, g_strdup (label), g_strdup (text ? text : ""), wrap, NULL };
	g_array_append_val (tv->lines, line);
	if (label != NULL)
		tv->label_width = MAX (tv->label_width, bv_draw_width (label) + 2);
	tv->shown_width = -1;
}

void
bv_text_view_add_item (BvTextView *tv, BvElement el, const char *marker, const char *text)
{
	bv_text_view_add (tv, el, NULL, text, TRUE);
	g_array_index (tv->lines, TextLine, tv->lines->len - 1).marker = g_strdup (marker);
}

void
bv_text_view_section (BvTextView *tv, const char *heading)
{
	if (tv->lines->len > 0)
		bv_text_view_add (tv, BV_EL_DEFAULT, NULL, "", FALSE);
	bv_text_view_add (tv, BV_EL_SECTION, NULL, heading, FALSE);
}

static void
add_shown (GPtrArray *shown, const TextLine *line, gboolean first, const char *text)
{
	ShownLine *s = g_new0 (ShownLine, 1);
	s->line = line;
	s->first = first;
	s->text = g_strdup (text);
	g_ptr_array_add (shown, s);
}

/* Wraps every line for @width columns. */
static void
rewrap (BvTextView *tv, int width)
{
	g_clear_pointer (&tv->shown, g_ptr_array_unref);
	tv->shown = g_ptr_array_new_with_free_func (shown_line_free);
	int label_width = MIN (tv->label_width, width / 3);
	for (guint i = 0; i < tv->lines->len; i++) {
		const TextLine *line = &g_array_index (tv->lines, TextLine, i);
		int room = width - 1 - (line->label != NULL ? label_width : 0);
		if (!line->wrap) {
			tv->max_width = MAX (tv->max_width, bv_draw_width (line->text));
			add_shown (tv->shown, line, TRUE, line->text);
			continue;
		}
		int indent = line->marker != NULL ? bv_draw_width (line->marker) : 0;
		g_autoptr (GPtrArray) parts = bv_draw_wrap (line->text, MAX (room - indent, 1));
		for (guint p = 0; p < parts->len; p++) {
			g_autofree char *hung =
			        line->marker == NULL ? NULL
			        : p == 0             ? g_strconcat (line->marker, parts->pdata[p], NULL)
			                 : g_strdup_printf ("%*s%s", indent, "", (char *)parts->pdata[p]);
			add_shown (tv->shown, line, p == 0, hung != NULL ? hung : parts->pdata[p]);
		}
	}
	tv->shown_width = width;
	bv_list_set_count (&tv->parent.list, tv->shown->len);
}

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	BvTextView *tv = data;
	const ShownLine *s = tv->shown->pdata[row];
	int label_width = MIN (tv->label_width, tv->shown_width / 3);
	bv_draw_fill (y, x, w, bv_theme_attr (BV_EL_DEFAULT));
	int col = x + 1;
	if (s->line->label != NULL) {
		if (s->first)
			bv_draw_text (y, col, label_width - 1, s->line->label, bv_theme_attr (BV_EL_LABEL));
		col += label_width;
	}
	/* Only lines that are not wrapped scroll sideways: a wrapped one
	 * is whole already. */
	int skip = s->line->wrap ? 0 : tv->hscroll;
	bv_draw_text_from (y, col, x + w - col, s->text, skip, bv_theme_attr (s->line->el));
}

char *
bv_text_view_title (BvView *view, BvTui *tui)
{
	return g_strdup (((BvTextView *)view)->title);
}

void
bv_text_view_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	BvTextView *tv = (BvTextView *)view;
	if (tv->shown_width != w)
		rewrap (tv, w);
	/* Scrolling right stops when the longest line's end is in sight. */
	tv->hscroll = CLAMP (tv->hscroll, 0, MAX (tv->max_width - (w - 2), 0));
	bv_list_draw (&view->list, y, x, h, w, focused, draw_row, tv);
}

gboolean
bv_text_view_request (BvView *view, BvTui *tui, BvActionId action)
{
	BvTextView *tv = (BvTextView *)view;
	/* As less -S does: half a screen at a time. */
	int step = MAX (view->list.w / 2, 1);
	switch (action) {
	case BV_ACT_SCROLL_RIGHT:
		tv->hscroll = MIN (tv->hscroll + step, MAX (tv->max_width - (view->list.w - 2), 0));
		return TRUE;
	case BV_ACT_SCROLL_LEFT: tv->hscroll = MAX (tv->hscroll - step, 0); return TRUE;
	case BV_ACT_FIRST: tv->hscroll = 0; break;
	default: break;
	}
	return bv_list_request (&view->list, action);
}

gboolean
bv_text_view_matches (BvView *view, guint row, const char *text)
{
	BvTextView *tv = (BvTextView *)view;
	if (tv->shown == NULL || row >= tv->shown->len)
		return FALSE;
	const ShownLine *s = tv->shown->pdata[row];
	return bv_draw_contains (s->text, text) || (s->first && bv_draw_contains (s->line->label, text));
}

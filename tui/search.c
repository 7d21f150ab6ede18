/* search.c: the / key, n and N, and the highlight of what they found.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <glib/gi18n.h>
#include <wchar.h>

#include "tui/dialog.h"
#include "tui/search.h"
#include "tui/theme.h"

/* One screen cell that starts a character. */
typedef struct {
	gunichar ch; /* lower-cased */
	int x;
	int width;
} Cell;

/* The characters of row @y from @x over @w columns. */
static GArray *
read_row (int y, int x, int w)
{
	GArray *cells = g_array_sized_new (FALSE, FALSE, sizeof (Cell), (guint)w);
	for (int c = x; c < x + w; c++) {
		cchar_t cell;
		wchar_t wch[CCHARW_MAX + 1] = { 0 };
		attr_t attrs;
		short pair;
		if (mvwin_wch (stdscr, y, c, &cell) == ERR ||
		    getcchar (&cell, wch, &attrs, &pair, NULL) == ERR || wch[0] == 0)
			continue;
		int width = MAX (wcwidth (wch[0]), 1);
		Cell one = { g_unichar_tolower ((gunichar)wch[0]), c, width };
		g_array_append_val (cells, one);
		/* A wide character fills the next cell too. */
		c += width - 1;
	}
	return cells;
}

void
bv_search_highlight (int y, int x, int h, int w, const char *text)
{
	if (text == NULL || *text == '\0' || h <= 0 || w <= 0)
		return;
	glong n_needle = 0;
	g_autofree gunichar *needle = g_utf8_to_ucs4_fast (text, -1, &n_needle);
	for (glong i = 0; i < n_needle; i++)
		needle[i] = g_unichar_tolower (needle[i]);
	int attr = bv_theme_attr (BV_EL_MATCH);
	for (int row = y; row < y + h; row++) {
		g_autoptr (GArray) cells = read_row (row, x, w);
		for (guint i = 0; i + (guint)n_needle <= cells->len; i++) {
			glong k = 0;
			while (k < n_needle && g_array_index (cells, Cell, i + (guint)k).ch == needle[k])
				k++;
			if (k < n_needle)
				continue;
			const Cell *first = &g_array_index (cells, Cell, i);
			const Cell *last = &g_array_index (cells, Cell, i + (guint)n_needle - 1);
			mvwchgat (stdscr, row, first->x, last->x + last->width - first->x,
			          (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER (attr), NULL);
			i += (guint)n_needle - 1;
		}
	}
}

gboolean
bv_search_move (BvView *view, const char *text, guint from, gboolean forward, gboolean inclusive,
                gboolean *wrapped)
{
	BvList *list = &view->list;
	*wrapped = FALSE;
	if (view->klass->matches == NULL || list->n == 0 || text == NULL || *text == '\0')
		return FALSE;
	from = MIN (from, list->n - 1);
	for (guint i = inclusive ? 0 : 1; i <= list->n; i++) {
		guint row = forward ? (from + i) % list->n : (from + list->n - i % list->n) % list->n;
		if (!view->klass->matches (view, row, text))
			continue;
		if (list->scroll_only)
			list->top = row;
		else
			list->cursor = row;
		*wrapped = i > 0 && (forward ? row <= from : row >= from);
		return TRUE;
	}
	return FALSE;
}

/* What the search prompt keeps while the text is typed. */
typedef struct {
	BvView *view;
	guint cursor;
	guint top;
} Start;

/* Called at each edit of the prompt: from where the search started, the
 * first line that shows the text so far. */
static gboolean
on_edit (BvTui *tui, const char *text, gpointer data)
{
	Start *start = data;
	BvList *list = &start->view->list;
	g_free (tui->search_text);
	tui->search_text = g_strdup (text);
	list->cursor = start->cursor;
	list->top = start->top;
	gboolean wrapped;
	if (*text == '\0')
		return TRUE;
	return bv_search_move (start->view, text, list->scroll_only ? start->top : start->cursor, TRUE, TRUE,
	                       &wrapped);
}

void
bv_search_ask (BvTui *tui, BvView *view)
{
	Start start = { view, view->list.cursor, view->list.top };
	g_autofree char *before = g_strdup (tui->search_text);
	g_autofree char *text = bv_dialog_line_prompt (tui, "/", NULL, on_edit, &start);
	if (text == NULL) {
		/* Esc: as if nothing was typed. */
		g_free (tui->search_text);
		tui->search_text = g_steal_pointer (&before);
		view->list.cursor = start.cursor;
		view->list.top = start.top;
		return;
	}
	if (*text == '\0') {
		/* An empty search, as in less, is the last one again. */
		g_free (tui->search_text);
		tui->search_text = g_steal_pointer (&before);
		bv_search_again (tui, view, TRUE);
		return;
	}
	if (!on_edit (tui, text, &start))
		bv_tui_message (tui, TRUE, _ ("“%s” is not on this screen's lines"), text);
}

void
bv_search_again (BvTui *tui, BvView *view, gboolean forward)
{
	BvList *list = &view->list;
	if (tui->search_text == NULL || *tui->search_text == '\0') {
		bv_tui_message (tui, TRUE, _ ("No search yet: / asks for the text"));
		return;
	}
	if (view->klass->matches == NULL || list->n == 0) {
		bv_tui_message (tui, TRUE, _ ("Nothing to search here"));
		return;
	}
	gboolean wrapped;
	if (!bv_search_move (view, tui->search_text, list->scroll_only ? list->top : list->cursor, forward,
	                     FALSE, &wrapped))
		bv_tui_message (tui, TRUE, _ ("“%s” is not on this screen's lines"), tui->search_text);
	else if (wrapped)
		bv_tui_message (tui, FALSE,
		                forward ? _ ("Search went on from the top")
		                        : _ ("Search went on from the bottom"));
}

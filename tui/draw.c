/* draw.c: width-aware drawing of untrusted text.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "tui/draw.h"
#include "parsers/text.h"
#include "output/wrap.h"

/* Columns of one character as the terminal counts them.  Characters the
 * terminal cannot show (wcwidth < 0) are drawn as U+FFFD, one column;
 * zero-width ones are dropped, since a lone combining mark after a cut
 * would attach to whatever follows. */
static int
char_width (gunichar c)
{
	int w = wcwidth ((wchar_t)c);
	return w < 0 ? 1 : w;
}

static gunichar
shown_char (gunichar c)
{
	return wcwidth ((wchar_t)c) < 0 ? 0xFFFD : c;
}

/* Mail text is safe after bv_text_make_safe(), except for tabs, which it
 * would show as "\x09": a tab in text means spacing, so it becomes one. */
static char *
make_safe (const char *text)
{
	if (text == NULL)
		return g_strdup ("");
	if (strchr (text, '\t') == NULL)
		return bv_text_make_safe (text);
	g_autofree char *spaced = g_strdelimit (g_strdup (text), "\t", ' ');
	return bv_text_make_safe (spaced);
}

int
bv_draw_width (const char *text)
{
	g_autofree char *safe = make_safe (text);
	int w = 0;
	for (const char *p = safe; *p != '\0'; p = g_utf8_next_char (p))
		w += char_width (g_utf8_get_char (p));
	return w;
}

static void
put_char (int y, int x, gunichar c, int attr)
{
	wchar_t wc[2] = { (wchar_t)shown_char (c), 0 };
	cchar_t cell;
	setcchar (&cell, wc, (attr_t)(attr & ~A_COLOR), (short)PAIR_NUMBER (attr), NULL);
	mvadd_wch (y, x, &cell);
}

void
bv_draw_fill (int y, int x, int width, int attr)
{
	for (int i = 0; i < width; i++)
		put_char (y, x + i, ' ', attr);
}

int
bv_draw_text (int y, int x, int width, const char *text, int attr)
{
	if (width <= 0)
		return 0;
	g_autofree char *safe = make_safe (text);
	int total = 0;
	for (const char *p = safe; *p != '\0'; p = g_utf8_next_char (p))
		total += char_width (g_utf8_get_char (p));
	gboolean cut = total > width;
	/* Room for the text itself: one column less when the ellipsis
	 * must follow. */
	int room = cut ? width - 1 : width;
	int used = 0;
	for (const char *p = safe; *p != '\0'; p = g_utf8_next_char (p)) {
		gunichar c = g_utf8_get_char (p);
		int w = char_width (c);
		if (w == 0)
			continue;
		if (used + w > room)
			break;
		put_char (y, x + used, c, attr);
		used += w;
	}
	if (cut) {
		put_char (y, x + used, 0x2026, attr);
		used++;
	}
	return used;
}

int
bv_draw_text_from (int y, int x, int width, const char *text, int skip, int attr)
{
	if (skip <= 0)
		return bv_draw_text (y, x, width, text, attr);
	g_autofree char *safe = make_safe (text);
	const char *p = safe;
	int col = 0;
	while (*p != '\0' && col < skip) {
		col += char_width (g_utf8_get_char (p));
		p = g_utf8_next_char (p);
	}
	/* The right half of a wide character cut by the edge. */
	int pad = MIN (col - skip, width);
	bv_draw_fill (y, x, pad, attr);
	return pad + bv_draw_text (y, x + pad, width - pad, p, attr);
}

gboolean
bv_draw_contains (const char *text, const char *needle)
{
	if (needle == NULL || *needle == '\0' || text == NULL)
		return FALSE;
	g_autofree char *t = g_utf8_casefold (text, -1);
	g_autofree char *n = g_utf8_casefold (needle, -1);
	return strstr (t, n) != NULL;
}

void
bv_draw_cell (int y, int x, int width, const char *text, int attr, gboolean right)
{
	if (width <= 0)
		return;
	int w = MIN (bv_draw_width (text), width);
	if (right) {
		bv_draw_fill (y, x, width - w, attr);
		bv_draw_text (y, x + width - w, w, text, attr);
	} else {
		int used = bv_draw_text (y, x, width, text, attr);
		bv_draw_fill (y, x + used, width - used, attr);
	}
}

GPtrArray *
bv_draw_wrap (const char *text, int width)
{
	/* The wrapper measures with the terminal's widths, the same the
	 * drawing functions use, so a wrapped line never overflows. */
	g_autofree char *safe = make_safe (text);
	return bv_wrap (safe, width, width, char_width);
}

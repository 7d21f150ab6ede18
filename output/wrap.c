/* wrap.c: line breaking for English and Chinese text.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small subset of the Unicode line breaking algorithm (UAX #14) and of
 * the Chinese rules it encodes (行首行尾禁则): enough for the catalog's
 * sentences and for mail text, without a dictionary.  Words of narrow
 * characters only break at spaces; wide characters break anywhere except
 * before closing punctuation or after an opening bracket.
 */
#include "config.h"

#include <string.h>

#include "output/wrap.h"

int
bv_wrap_char_width (gunichar c)
{
	if (g_unichar_iszerowidth (c))
		return 0;
	return g_unichar_iswide (c) ? 2 : 1;
}

/* Characters that must not begin a line: closing punctuation and brackets,
 * sentence ends, commas, colons, the ideographic iteration marks, small kana,
 * ellipses and percent signs (which belong to what precedes them). */
static gboolean
no_line_start (gunichar c)
{
	/* The curly quotes are "ambiguous" quotation marks to Unicode;
	 * Chinese uses them as a pair, so their direction is known. */
	if (c == 0x2019 || c == 0x201D)
		return TRUE;
	switch (g_unichar_break_type (c)) {
	case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
	case G_UNICODE_BREAK_CLOSE_PARENTHESIS:
	case G_UNICODE_BREAK_EXCLAMATION:
	case G_UNICODE_BREAK_INFIX_SEPARATOR:
	case G_UNICODE_BREAK_NON_STARTER:
	case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
	case G_UNICODE_BREAK_INSEPARABLE:
	case G_UNICODE_BREAK_POSTFIX: return TRUE;
	default: return FALSE;
	}
}

/* Characters that must not end a line: opening brackets and quotes, and
 * currency signs (which belong to the number after them). */
static gboolean
no_line_end (gunichar c)
{
	if (c == 0x2018 || c == 0x201C)
		return TRUE;
	switch (g_unichar_break_type (c)) {
	case G_UNICODE_BREAK_OPEN_PUNCTUATION:
	case G_UNICODE_BREAK_PREFIX: return TRUE;
	default: return FALSE;
	}
}

/* Whether a line may break between @a and @b, two characters not separated
 * by a space, of @aw and @bw columns. */
static gboolean
may_break_between (gunichar a, int aw, gunichar b, int bw)
{
	if (aw != 2 && bw != 2)
		return FALSE;
	return !no_line_end (a) && !no_line_start (b);
}

/* Where to cut a line from @start that has no break opportunity before
 * @overflow, the first character that does not fit.  A word longer than
 * the line is cut there, or a little earlier so that the cut still keeps
 * closing punctuation off the next line's start (a run such as "热”）。"
 * wider than the line); after one character when even that does not fit,
 * so that every line makes progress. */
static const char *
forced_cut (const char *start, const char *overflow)
{
	if (overflow == start)
		return g_utf8_next_char (start);
	const char *first = g_utf8_next_char (start);
	for (const char *cut = overflow; cut > first; cut = g_utf8_prev_char (cut)) {
		gunichar before = g_utf8_get_char (g_utf8_prev_char (cut));
		if (!no_line_start (g_utf8_get_char (cut)) && !no_line_end (before))
			return cut;
	}
	return overflow;
}

/* Appends @len bytes at @start to @lines, without trailing spaces. */
static void
add_line (GPtrArray *lines, const char *start, gsize len)
{
	while (len > 0 && start[len - 1] == ' ')
		len--;
	g_ptr_array_add (lines, g_strndup (start, len));
}

/* Finds the end of the line that starts at @start and fits in @width
 * columns; adds it to @lines and returns where the next line starts (after
 * the spaces or newline it broke at), or NULL at the end of @start. */
static const char *
next_line (GPtrArray *lines, const char *start, int width, BvCharWidthFunc char_width)
{
	const char *p = start;
	const char *brk = NULL, *resume = NULL; /* the last place the line may end */
	gboolean seen_text = FALSE;             /* past the indentation */
	gunichar prev = 0;
	int prev_width = 0, used = 0;
	while (*p != '\0' && *p != '\n') {
		gunichar c = g_utf8_get_char (p);
		int w = char_width (c);
		if (c == ' ') {
			if (seen_text && prev != ' ') {
				brk = p;
				resume = p;
			}
		} else {
			if (seen_text && prev != ' ' && may_break_between (prev, prev_width, c, w)) {
				brk = p;
				resume = p;
			}
			/* Spaces past the edge are dropped, so only other
			 * characters can overflow the line. */
			if (used + w > width)
				break;
			seen_text = TRUE;
		}
		used += w;
		prev = c;
		prev_width = w;
		p = g_utf8_next_char (p);
	}
	if (*p == '\0' || *p == '\n') {
		add_line (lines, start, (gsize)(p - start));
		/* A newline that ends the text opens no empty line. */
		return *p == '\n' && p[1] != '\0' ? p + 1 : NULL;
	}
	if (brk == NULL)
		brk = resume = forced_cut (start, p);
	add_line (lines, start, (gsize)(brk - start));
	while (*resume == ' ')
		resume++;
	return *resume != '\0' ? resume : NULL;
}

GPtrArray *
bv_wrap (const char *text, int first_width, int width, BvCharWidthFunc char_width)
{
	GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
	if (char_width == NULL)
		char_width = bv_wrap_char_width;
	const char *p = text != NULL ? text : "";
	int w = MAX (first_width, 4);
	do {
		p = next_line (lines, p, w, char_width);
		w = MAX (width, 4);
	} while (p != NULL);
	return lines;
}

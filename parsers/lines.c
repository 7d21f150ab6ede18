/* lines.c: a cursor over the lines of a text, without allocating.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "parsers/lines.h"
#include "parsers/text.h"

void
bv_lines_init (BvLines *it, const char *text)
{
	it->next = text ? text : "";
}

gboolean
bv_lines_next (BvLines *it, BvLine *line)
{
	if (*it->next == '\0')
		return FALSE;
	const char *eol = strchr (it->next, '\n');
	line->start = it->next;
	line->end = eol ? eol : it->next + strlen (it->next);
	it->next = eol ? eol + 1 : line->end;
	/* Blanks at the end of a line say nothing (gateways and editors pad
	 * lines, RFC 2046 5.1.1 allows it on boundary lines): a line ends at
	 * its last visible character, so that "<a@b>:" is seen to end in ':'
	 * with or without them. */
	while (line->end > line->start &&
	       (line->end[-1] == ' ' || line->end[-1] == '\t' || line->end[-1] == '\r'))
		line->end--;
	return TRUE;
}

gboolean
bv_line_blank (const BvLine *line)
{
	return bv_line_skip_space (line) == line->end;
}

gboolean
bv_line_indented (const BvLine *line)
{
	return line->start < line->end && (line->start[0] == ' ' || line->start[0] == '\t');
}

const char *
bv_line_skip_space (const BvLine *line)
{
	const char *p = line->start;
	while (p < line->end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

gboolean
bv_line_starts (const BvLine *line, const char *prefix)
{
	const char *p = bv_line_skip_space (line);
	gsize n = strlen (prefix);
	return (gsize)(line->end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

const char *
bv_line_find (const BvLine *line, const char *needle)
{
	gsize n = strlen (needle);
	if (n == 0)
		return line->start;
	char first = g_ascii_tolower (needle[0]);
	for (const char *p = line->start; p + n <= line->end; p++)
		if (g_ascii_tolower (*p) == first && g_ascii_strncasecmp (p, needle, n) == 0)
			return p;
	return NULL;
}

char *
bv_line_dup (const BvLine *line)
{
	return bv_text_normalise (line->start, line->end - line->start);
}

const char *
bv_scrape_next_line (const char *p)
{
	if (p == NULL)
		return NULL;
	const char *eol = strchr (p, '\n');
	return eol ? eol + 1 : p + strlen (p);
}

const char *
bv_scrape_find_line (const char *text, const char *prefix)
{
	BvLines it;
	BvLine line;
	bv_lines_init (&it, text);
	while (bv_lines_next (&it, &line))
		if (bv_line_starts (&line, prefix))
			return line.start;
	return NULL;
}

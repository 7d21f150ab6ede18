/* lines.h: a cursor over the lines of a NUL-terminated text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure text: no mail, no report.  Every function tolerates truncated or
 * binary text and never allocates, except bv_line_dup(). */
#ifndef BV_LINES_H
#define BV_LINES_H

#include <glib.h>

G_BEGIN_DECLS

/* One line of a NUL-terminated text: [start, end), without its newline. */
typedef struct {
	const char *start;
	const char *end;
} BvLine;

/* Walks the lines of a NUL-terminated text.  Initialise with
 * bv_lines_init(); bv_lines_next() fills @line and returns FALSE at the
 * end.  @next is where the following line starts (or the final NUL). */
typedef struct {
	const char *next;
} BvLines;

void bv_lines_init (BvLines *it, const char *text);
gboolean bv_lines_next (BvLines *it, BvLine *line);

/* Whether @line holds only white space. */
gboolean bv_line_blank (const BvLine *line);
/* Whether @line starts with white space (a continuation or an indent). */
gboolean bv_line_indented (const BvLine *line);
/* The first non-blank character of @line (or @line->end). */
const char *bv_line_skip_space (const BvLine *line);
/* Whether @line, after leading white space, starts with @prefix
 * (case-insensitive ASCII). */
gboolean bv_line_starts (const BvLine *line, const char *prefix);
/* Case-insensitive search of @needle inside @line; NULL when absent. */
const char *bv_line_find (const BvLine *line, const char *needle);
/* A new string with the line's text, normalised (see bv_text_normalise). */
char *bv_line_dup (const BvLine *line);

/* The start of the first line of @text that, after leading white space,
 * starts with @prefix (case-insensitive), or NULL. */
const char *bv_scrape_find_line (const char *text, const char *prefix);
/* The start of the line after the one @p points into (or the final NUL). */
const char *bv_scrape_next_line (const char *p);

G_END_DECLS

#endif

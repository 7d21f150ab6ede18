/* text-view.h: a scrollable page of labelled, wrapped text lines.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detail, pager and help views are text views: they add lines once
 * and the text view wraps them to the width they are drawn in (again after
 * a resize) and scrolls them.  A line may have a label, drawn in a column
 * as wide as the widest label, with its text wrapped beside it.
 */
#ifndef BV_TUI_TEXT_VIEW_H
#define BV_TUI_TEXT_VIEW_H

#include "tui/view.h"

G_BEGIN_DECLS

typedef struct {
	BvView parent;
	char *title;
	GArray *lines;    /* of TextLine (text-view.c) */
	GPtrArray *shown; /* wrapped lines, for @shown_width */
	int shown_width;
	int label_width;
	int hscroll;   /* columns scrolled sideways (lines not wrapped) */
	int max_width; /* of the lines not wrapped */
} BvTextView;

/* Prepares @tv (embedded first in a view struct) with @klass and @title. */
void bv_text_view_init (BvTextView *tv, const BvViewClass *klass, const char *title);
/* Frees what bv_text_view_init() and the adds allocated (not @tv). */
void bv_text_view_clear (BvTextView *tv);

/* Adds a line: @label may be NULL; @text is wrapped when @wrap, else cut
 * at the edge and read by scrolling sideways. */
void bv_text_view_add (BvTextView *tv, BvElement el, const char *label, const char *text, gboolean wrap);
/* Adds a wrapped line without a label that starts with @marker ("2. "):
 * its continuation lines are indented by the marker's width, so that the
 * marker stands out as in a numbered list. */
void bv_text_view_add_item (BvTextView *tv, BvElement el, const char *marker, const char *text);
/* Adds a blank line and a section heading. */
void bv_text_view_section (BvTextView *tv, const char *heading);

/* Class callbacks the text views share. */
char *bv_text_view_title (BvView *view, BvTui *tui);
void bv_text_view_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused);
gboolean bv_text_view_request (BvView *view, BvTui *tui, BvActionId action);
gboolean bv_text_view_matches (BvView *view, guint row, const char *text);

G_END_DECLS

#endif /* BV_TUI_TEXT_VIEW_H */

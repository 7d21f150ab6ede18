/* columns.c: laying out and drawing table rows by display width.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tui/columns.h"
#include "tui/draw.h"
#include "tui/theme.h"

/* Columns the flexible column should have before optional ones are
 * shown, when the view does not say: room for most addresses. */
#define FLEX_WANTED 30

void
bv_columns_layout (const BvColumn *columns, guint n, int width, BvColumnLayout *layout)
{
	bv_columns_layout_fit (columns, n, width, FLEX_WANTED, layout);
}

void
bv_columns_layout_fit (const BvColumn *columns, guint n, int width, int wanted, BvColumnLayout *layout)
{
	n = MIN (n, BV_COLUMNS_MAX);
	layout->n = n;
	int fixed = 0;
	int flex = -1;
	for (guint i = 0; i < n; i++) {
		const BvColumn *c = &columns[i];
		if (c->min_total > 0 && width < c->min_total) {
			layout->w[i] = 0;
			continue;
		}
		/* A heading wider than the cells (a translation, typically)
		 * widens its column, so that it is never cut. */
		int head = c->heading != NULL ? bv_draw_width (_ (c->heading)) : 0;
		if (c->width == 0) {
			flex = (int)i;
			layout->w[i] = head;
		} else {
			layout->w[i] = MAX (c->width, head);
		}
		fixed += c->gap + layout->w[i];
	}
	/* What identifies a row (the flexible column: a group's title, an
	 * address) is cut last: while it would get less than its share, the
	 * optional columns (those with a min_total) give way, the rightmost
	 * first. */
	for (guint i = n; flex >= 0 && i-- > 0;) {
		if (width - fixed >= wanted)
			break;
		if ((int)i == flex || columns[i].min_total == 0 || layout->w[i] == 0)
			continue;
		fixed -= columns[i].gap + layout->w[i];
		layout->w[i] = 0;
	}
	if (flex >= 0)
		layout->w[flex] += MAX (width - fixed, 0);
	int x = 0;
	for (guint i = 0; i < n; i++) {
		if (layout->w[i] == 0) {
			layout->x[i] = x;
			continue;
		}
		x += columns[i].gap;
		layout->x[i] = x;
		x += layout->w[i];
	}
}

void
bv_columns_draw_row (const BvColumn *columns, const BvColumnLayout *layout, int y, int x, int width,
                     const char *const *cells, const int *attrs, int attr)
{
	int used = 0;
	for (guint i = 0; i < layout->n && used < width; i++) {
		if (layout->w[i] == 0)
			continue;
		int gap = MIN (layout->x[i] - used, width - used);
		bv_draw_fill (y, x + used, gap, attr);
		used += gap;
		int cw = MIN (layout->w[i], width - used);
		bv_draw_cell (y, x + used, cw, cells[i] != NULL ? cells[i] : "", attrs[i], columns[i].right);
		used += cw;
	}
	bv_draw_fill (y, x + used, width - used, attr);
}

void
bv_columns_draw_header (const BvColumn *columns, const BvColumnLayout *layout, int y, int x, int width)
{
	const char *cells[BV_COLUMNS_MAX];
	int attrs[BV_COLUMNS_MAX];
	int attr = bv_theme_attr (BV_EL_HEADER);
	for (guint i = 0; i < layout->n; i++) {
		cells[i] = columns[i].heading != NULL ? _ (columns[i].heading) : "";
		attrs[i] = attr;
	}
	bv_columns_draw_row (columns, layout, y, x, width, cells, attrs, attr);
}

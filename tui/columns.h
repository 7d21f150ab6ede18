/* columns.h: table rows whose cells are measured in screen columns.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list views (groups, addresses, history, proposals) describe their
 * columns once in a table; the header and every row are drawn from it, so
 * a heading always sits over its cells.  Widths are screen columns, never
 * bytes: a translated heading of wide characters (Chinese takes two columns
 * a character) widens its column instead of pushing the others aside.
 */
#ifndef BV_TUI_COLUMNS_H
#define BV_TUI_COLUMNS_H

#include <glib.h>

G_BEGIN_DECLS

#define BV_COLUMNS_MAX 12

typedef struct {
	/* Translated when drawn (_() is applied to it); NULL: no heading. */
	const char *heading;
	/* Columns the cells take at least; 0: the column takes what the
	 * others leave (one such column per table). */
	int width;
	/* Blank columns before the cell. */
	int gap;
	/* Numbers are aligned right. */
	gboolean right;
	/* The column is left out on terminals narrower than this, and
	 * before the flexible column (what identifies the row) would be
	 * squeezed; 0: always shown. */
	int min_total;
} BvColumn;

/* Where the columns fall for one width: computed once per draw. */
typedef struct {
	guint n;
	int x[BV_COLUMNS_MAX]; /* from the table's left edge */
	int w[BV_COLUMNS_MAX]; /* 0 for a column left out */
} BvColumnLayout;

/* Lays the @n columns out in @width screen columns. */
void bv_columns_layout (const BvColumn *columns, guint n, int width, BvColumnLayout *layout);

/* Like bv_columns_layout(), when the flexible column's cells need
 * @wanted columns: optional columns give way until it has them. */
void bv_columns_layout_fit (const BvColumn *columns, guint n, int width, int wanted, BvColumnLayout *layout);

/* Draws the headings at (@y, @x) in the header element, over @width. */
void bv_columns_draw_header (const BvColumn *columns, const BvColumnLayout *layout, int y, int x, int width);

/* Draws one row: @cells[i] in column i with @attrs[i]; the gaps and what
 * is left at the end take @attr. */
void bv_columns_draw_row (const BvColumn *columns, const BvColumnLayout *layout, int y, int x, int width,
                          const char *const *cells, const int *attrs, int attr);

G_END_DECLS

#endif /* BV_TUI_COLUMNS_H */

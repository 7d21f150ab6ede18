/* address-list.h: what the addresses and proposals views share.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both views are lists of addresses a person marks for suppression: each
 * row starts with a selection flag, a mark flag and the address, followed
 * by the view's own columns; Enter opens the address's bounces, t selects,
 * m and u mark and unmark the selection (or the address under the cursor)
 * and M marks every row after asking.  The views only say how to read a
 * row of their model.
 */
#ifndef BV_TUI_ADDRESS_LIST_H
#define BV_TUI_ADDRESS_LIST_H

#include "columns.h"
#include "view.h"

G_BEGIN_DECLS

/* The first three columns of every address list. */
#define BV_ADDRESS_LIST_COLUMNS                             \
	{ NULL, 1, 0, FALSE, 0 }, { NULL, 1, 0, FALSE, 0 }, \
	{                                                   \
		N_ ("Address"), 0, 1, FALSE, 0              \
	}
#define BV_ADDRESS_LIST_FIRST 3

typedef struct _BvAddressList BvAddressList;

typedef struct {
	/* The address of @row (owned by the view). */
	const char *(*address) (BvAddressList *list, guint row);
	gboolean (*marked) (BvAddressList *list, guint row);
	/* Fills @cells (new strings, freed by the caller) and @attrs (preset
	 * to @attr) from BV_ADDRESS_LIST_FIRST on, for @row. */
	void (*cells) (BvAddressList *list, guint row, char **cells, int *attrs, int attr, gboolean cursor);
	/* The question before marking all @n rows (new string). */
	char *(*confirm_all) (BvAddressList *list, guint n);
} BvAddressListRows;

struct _BvAddressList {
	BvView parent;
	const BvAddressListRows *rows;
	const BvColumn *columns;
	guint n_columns;
	BvMarkSource source;   /* of the marks made here */
	GHashTable *selection; /* addresses */
};

/* Prepares @list (embedded first in a view struct). */
void bv_address_list_init (BvAddressList *list, const BvViewClass *klass, const BvAddressListRows *rows,
                           const BvColumn *columns, guint n_columns, BvMarkSource source);
/* Frees what bv_address_list_init() allocated (not @list). */
void bv_address_list_clear (BvAddressList *list);

/* Draws the header and the rows, or @empty (dimmed) when there is none. */
void bv_address_list_draw (BvAddressList *list, int y, int x, int h, int w, gboolean focused,
                           const char *empty);
/* Whether row @row shows @text (the view class's matches). */
gboolean bv_address_list_matches (BvView *view, guint row, const char *text);
/* Handles moving, Enter, select, mark, unmark and mark-all. */
gboolean bv_address_list_request (BvAddressList *list, BvTui *tui, BvActionId action);

G_END_DECLS

#endif /* BV_TUI_ADDRESS_LIST_H */

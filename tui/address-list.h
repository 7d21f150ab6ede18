/* address-list.h: what the addresses and proposals views share.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both views are lists of addresses a person marks for suppression: each
 * row starts with a selection flag, a mark flag and the address, followed
 * by the view's own columns; Enter opens the address's bounces, t selects,
 * m and u mark and unmark the selection (or the address under the cursor)
 * and M marks every row after asking.  The list holds the model's rows;
 * the views only say how to read one and where the rows come from.
 */
#ifndef BV_TUI_ADDRESS_LIST_H
#define BV_TUI_ADDRESS_LIST_H

#include "tui/columns.h"
#include "tui/view.h"

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
	/* The address of @item, one of the model's rows (owned by it). */
	const char *(*address) (gconstpointer item);
	/* Whether @item is marked; NULL when the rows never are. */
	gboolean (*marked) (gconstpointer item);
	/* Fills @cells (new strings, freed by the caller) and @attrs (preset
	 * to @attr) from BV_ADDRESS_LIST_FIRST on, for @item. */
	void (*cells) (BvAddressList *list, gconstpointer item, char **cells, int *attrs, int attr,
	               gboolean cursor);
	/* The question before marking all @n rows (new string). */
	char *(*confirm_all) (BvAddressList *list, guint n);
	/* What the list says when it has no row (untranslated, N_()). */
	const char *empty;
} BvAddressListRows;

struct _BvAddressList {
	BvView parent;
	const BvAddressListRows *rows;
	const BvColumn *columns;
	guint n_columns;
	BvMarkSource source;   /* of the marks made here */
	GPtrArray *items;      /* the model's rows (owned), NULL before the first */
	GHashTable *selection; /* addresses */
	char *anchor;          /* the address selected last: where a range starts */
};

/* Prepares @list (embedded first in a view struct). */
void bv_address_list_init (BvAddressList *list, const BvViewClass *klass, const BvAddressListRows *rows,
                           const BvColumn *columns, guint n_columns, BvMarkSource source);
/* Frees what bv_address_list_init() allocated and the rows (not @list). */
void bv_address_list_clear (BvAddressList *list);

/* Replaces the rows with @items (transfer full), the cursor staying at its
 * index as far as the new count allows. */
void bv_address_list_set_items (BvAddressList *list, GPtrArray *items);
/* Returns: (transfer none): the address of row @row. */
const char *bv_address_list_address (BvAddressList *list, guint row);

/* The view class's draw: the header and the rows, or the rows' empty
 * message (dimmed) when there is none. */
void bv_address_list_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused);
/* The view class's matches: whether row @row shows @text. */
gboolean bv_address_list_matches (BvView *view, guint row, const char *text);
/* The view class's request: moving, Enter, select (one, all, a range),
 * mark, unmark (each moving to the next row when they took the row under
 * the cursor), mark-all, unmark-all. */
gboolean bv_address_list_request (BvView *view, BvTui *tui, BvActionId action);

/* When @view is the addresses view of a group: TRUE, with its dimension,
 * key and title (owned by the view). */
gboolean bv_view_addresses_group (BvView *view, BvDimension *dim, const char **key, const char **title);

G_END_DECLS

#endif /* BV_TUI_ADDRESS_LIST_H */

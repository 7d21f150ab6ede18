/* view-addresses.c: the addresses of one group.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tui/address-list.h"
#include "parsers/catalog.h"
#include "tui/sort.h"

typedef struct {
	BvAddressList parent;
	BvDimension dimension;
	char *key;
	char *title;
} AddressesView;

static const BvColumn columns[] = {
	BV_ADDRESS_LIST_COLUMNS,
	{ N_ ("Bounces"), 7, 1, TRUE, 0 },
	{ N_ ("Last seen"), 10, 2, FALSE, 0 },
	{ N_ ("Status"), 7, 1, FALSE, 0 },
	{ N_ ("Cause"), 24, 1, FALSE, 60 },
};
/* In a group of one cause, the cause column would repeat the title. */
#define N_COLUMNS_WITHOUT_CAUSE (G_N_ELEMENTS (columns) - 1)

static const char *
row_address (gconstpointer item)
{
	return ((const BvAddress *)item)->address;
}

static gboolean
row_marked (gconstpointer item)
{
	return ((const BvAddress *)item)->marked;
}

static void
row_cells (BvAddressList *list, gconstpointer item, char **cells, int *attrs, int attr, gboolean cursor)
{
	const BvAddress *a = item;
	char date[16];
	cells[3] = g_strdup_printf ("%u", a->bounces);
	cells[4] = g_strdup (bv_view_date (a->last_seen, date));
	cells[5] = g_strdup (a->last_status);
	attrs[6] = cursor ? attr : bv_theme_attr (a->hard > 0 ? BV_EL_HARD : BV_EL_SOFT);
	if (a->unverified == 0) {
		cells[6] = g_strdup (bv_catalog_title (a->last_cause));
		return;
	}
	/* Reports that may be forged: the policy never counts them, and the
	 * user should not either.  The mark column says so even when the
	 * cause column is left out (a group of one cause). */
	if (a->unverified == a->bounces) {
		/* TRANSLATORS: a cause known only from reports that may be
		 * forged: "Mailbox unknown (unverified)". */
		cells[6] = g_strdup_printf (_ ("%s (unverified)"), bv_catalog_title (a->last_cause));
		if (!a->marked) {
			g_free (cells[1]);
			cells[1] = g_strdup ("?");
		}
	} else {
		/* TRANSLATORS: "Mailbox unknown (1 unverified)": how many of
		 * the address's reports may be forged. */
		cells[6] = g_strdup_printf (_ ("%s (%u unverified)"), bv_catalog_title (a->last_cause),
		                            a->unverified);
	}
	if (!cursor)
		attrs[6] = bv_theme_attr (BV_EL_DIM);
}

static char *
confirm_all (BvAddressList *list, guint n)
{
	return g_strdup_printf (ngettext ("Mark the %u address of “%s” for suppression?",
	                                  "Mark all %u addresses of “%s” for suppression?", n),
	                        n, ((AddressesView *)list)->title);
}

static const BvAddressListRows rows = {
	.address = row_address,
	.marked = row_marked,
	.cells = row_cells,
	.confirm_all = confirm_all,
	.empty = N_ ("No address matches the filter (c clears it)."),
};

static char *
addresses_title (BvView *view, BvTui *tui)
{
	AddressesView *v = (AddressesView *)view;
	GPtrArray *items = v->parent.items;
	guint marked = 0;
	for (guint i = 0; i < items->len; i++)
		marked += ((BvAddress *)items->pdata[i])->marked ? 1 : 0;
	return g_strdup_printf (
	        ngettext ("%s — %u address, %u marked", "%s — %u addresses, %u marked", items->len), v->title,
	        items->len, marked);
}

/* In the breadcrumb: the group, "cause: Mailbox full". */
static char *
addresses_crumb (BvView *view, BvTui *tui)
{
	return g_strdup (((AddressesView *)view)->title);
}

static void
addresses_reload (BvView *view, BvTui *tui)
{
	AddressesView *v = (AddressesView *)view;
	/* The cursor stays on its address when the rows are reordered. */
	g_autofree char *current =
	        v->parent.items != NULL && view->list.cursor < v->parent.items->len
	                ? g_strdup (bv_address_list_address (&v->parent, view->list.cursor))
	                : NULL;
	GPtrArray *items = bv_model_addresses (tui->model, v->dimension, v->key, &tui->filter);
	bv_sort_addresses (items, tui->address_sort);
	bv_address_list_set_items (&v->parent, items);
	for (guint i = 0; current != NULL && i < v->parent.items->len; i++)
		if (g_strcmp0 (bv_address_list_address (&v->parent, i), current) == 0)
			view->list.cursor = i;
}

static void
addresses_free (BvView *view)
{
	AddressesView *v = (AddressesView *)view;
	bv_address_list_clear (&v->parent);
	g_free (v->key);
	g_free (v->title);
	g_free (v);
}

static const BvViewClass addresses_class = {
	.name = "addresses",
	.title = addresses_title,
	.reload = addresses_reload,
	.draw = bv_address_list_draw,
	.request = bv_address_list_request,
	.matches = bv_address_list_matches,
	.free = addresses_free,
	.crumb = addresses_crumb,
	.hints = N_ ("Enter:history m:mark t:select M:all y:copy q:back"),
};

BvView *
bv_view_addresses_new (BvTui *tui, BvDimension dim, const char *key, const char *title)
{
	AddressesView *v = g_new0 (AddressesView, 1);
	bv_address_list_init (&v->parent, &addresses_class, &rows, columns,
	                      dim == BV_DIMENSION_CAUSE ? N_COLUMNS_WITHOUT_CAUSE : G_N_ELEMENTS (columns),
	                      BV_MARK_BY_HAND);
	v->dimension = dim;
	v->key = g_strdup (key);
	v->title = g_strdup (title);
	addresses_reload (&v->parent.parent, tui);
	return &v->parent.parent;
}

gboolean
bv_view_addresses_group (BvView *view, BvDimension *dim, const char **key, const char **title)
{
	if (view->klass != &addresses_class)
		return FALSE;
	AddressesView *v = (AddressesView *)view;
	*dim = v->dimension;
	*key = v->key;
	*title = v->title;
	return TRUE;
}

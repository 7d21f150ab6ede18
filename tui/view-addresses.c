/* view-addresses.c: the addresses of one group.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dialog.h"
#include "draw.h"
#include "selection.h"
#include "view.h"

typedef struct {
	BvView parent;
	BvDimension dimension;
	char *key;
	char *title;
	GPtrArray *rows;       /* of BvAddress* */
	GHashTable *selection; /* addresses */
} AddressesView;

static int
address_width (int w)
{
	return MAX (w - 3 - 8 - 13 - 9 - 16, 12);
}

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	AddressesView *v = data;
	const BvAddress *a = v->rows->pdata[row];
	gboolean selected = g_hash_table_contains (v->selection, a->address);
	int aw = address_width (w);
	char date[16];
	g_autofree char *bounces = g_strdup_printf ("%u", a->bounces);
	const char *flag = a->marked ? "*" : " ";
	int flag_attr = cursor ? attr : bv_theme_attr (BV_EL_MARKED);
	bv_draw_cell (y, x, 1, selected ? "+" : " ", cursor ? attr : bv_theme_attr (BV_EL_SELECTED), FALSE);
	bv_draw_cell (y, x + 1, 2, flag, flag_attr, FALSE);
	int row_attr = !cursor && selected ? bv_theme_attr (BV_EL_SELECTED) : attr;
	bv_draw_cell (y, x + 3, aw, a->address, row_attr, FALSE);
	bv_draw_cell (y, x + 3 + aw, 8, bounces, attr, TRUE);
	bv_draw_fill (y, x + 3 + aw + 8, 2, attr);
	bv_draw_cell (y, x + 3 + aw + 10, 11, bv_view_date (a->last_seen, date), attr, FALSE);
	bv_draw_cell (y, x + 3 + aw + 21, 9, a->last_status, attr, FALSE);
	int sev = cursor ? attr : bv_theme_attr (a->hard > 0 ? BV_EL_HARD : BV_EL_SOFT);
	int used = 3 + aw + 30;
	bv_draw_cell (y, x + used, w - used, bv_cause_id (a->last_cause), sev, FALSE);
}

static char *
addresses_title (BvView *view, BvTui *tui)
{
	AddressesView *v = (AddressesView *)view;
	guint marked = 0;
	for (guint i = 0; i < v->rows->len; i++)
		marked += ((BvAddress *)v->rows->pdata[i])->marked ? 1 : 0;
	return g_strdup_printf (
	        ngettext ("%s — %u address, %u marked", "%s — %u addresses, %u marked", v->rows->len),
	        v->title, v->rows->len, marked);
}

static void
addresses_reload (BvView *view, BvTui *tui)
{
	AddressesView *v = (AddressesView *)view;
	g_clear_pointer (&v->rows, g_ptr_array_unref);
	v->rows = bv_model_addresses (tui->model, v->dimension, v->key, &tui->filter);
	bv_list_set_count (&view->list, v->rows->len);
}

static void
addresses_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	AddressesView *v = (AddressesView *)view;
	g_autofree char *header =
	        g_strdup_printf ("   %-*s%8s  %-11s%-9s%s", address_width (w), _ ("Address"), _ ("Bounces"),
	                         _ ("Last seen"), _ ("Status"), _ ("Cause"));
	bv_view_draw_header (y, x, w, header);
	bv_list_draw (&view->list, y + 1, x, h - 1, w, focused, draw_row, v);
	if (v->rows->len == 0)
		bv_draw_text (y + 2, x + 1, w - 2, _ ("No address matches the filter (c clears it)."),
		              bv_theme_attr (BV_EL_DIM));
}

static const char *
current_address (AddressesView *v)
{
	if (v->rows->len == 0)
		return NULL;
	return ((BvAddress *)v->rows->pdata[v->parent.list.cursor])->address;
}

static gboolean
addresses_request (BvView *view, BvTui *tui, BvActionId action)
{
	AddressesView *v = (AddressesView *)view;
	if (bv_list_request (&view->list, action))
		return TRUE;
	const char *current = current_address (v);
	switch (action) {
	case BV_ACT_ENTER:
		if (current != NULL)
			bv_tui_push (tui, bv_view_history_new (tui, current));
		return TRUE;
	case BV_ACT_SELECT:
		if (current != NULL) {
			bv_selection_toggle (v->selection, current);
			bv_list_request (&view->list, BV_ACT_MOVE_DOWN);
		}
		return TRUE;
	case BV_ACT_MARK:
	case BV_ACT_UNMARK: {
		g_autoptr (GPtrArray) addresses = bv_selection_take (v->selection, current);
		bv_tui_mark (tui, addresses, action == BV_ACT_UNMARK, BV_MARK_BY_HAND);
		return TRUE;
	}
	case BV_ACT_MARK_GROUP: {
		g_autoptr (GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
		for (guint i = 0; i < v->rows->len; i++)
			g_ptr_array_add (addresses, g_strdup (((BvAddress *)v->rows->pdata[i])->address));
		g_autofree char *question = g_strdup_printf (
		        ngettext ("Mark the %u address of “%s” for suppression?",
		                  "Mark all %u addresses of “%s” for suppression?", addresses->len),
		        addresses->len, v->title);
		if (addresses->len > 0 && bv_dialog_confirm (tui, question))
			bv_tui_mark (tui, addresses, FALSE, BV_MARK_BY_HAND);
		return TRUE;
	}
	default: return FALSE;
	}
}

static void
addresses_free (BvView *view)
{
	AddressesView *v = (AddressesView *)view;
	g_clear_pointer (&v->rows, g_ptr_array_unref);
	g_clear_pointer (&v->selection, g_hash_table_unref);
	g_free (v->key);
	g_free (v->title);
	g_free (v);
}

static const BvViewClass addresses_class = {
	.name = "addresses",
	.title = addresses_title,
	.reload = addresses_reload,
	.draw = addresses_draw,
	.request = addresses_request,
	.free = addresses_free,
};

BvView *
bv_view_addresses_new (BvTui *tui, BvDimension dim, const char *key, const char *title)
{
	AddressesView *v = g_new0 (AddressesView, 1);
	v->parent.klass = &addresses_class;
	v->dimension = dim;
	v->key = g_strdup (key);
	v->title = g_strdup (title);
	v->selection = bv_selection_new ();
	addresses_reload (&v->parent, tui);
	return &v->parent;
}

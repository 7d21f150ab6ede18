/* address-list.c: rows and keys shared by the addresses and proposals views.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tui/address-list.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/selection.h"

void
bv_address_list_init (BvAddressList *list, const BvViewClass *klass, const BvAddressListRows *rows,
                      const BvColumn *columns, guint n_columns, BvMarkSource source)
{
	g_return_if_fail (n_columns <= BV_COLUMNS_MAX);
	list->parent.klass = klass;
	list->rows = rows;
	list->columns = columns;
	list->n_columns = n_columns;
	list->source = source;
	list->selection = bv_selection_new ();
}

void
bv_address_list_clear (BvAddressList *list)
{
	g_clear_pointer (&list->selection, g_hash_table_unref);
	g_clear_pointer (&list->items, g_ptr_array_unref);
	g_clear_pointer (&list->anchor, g_free);
}

void
bv_address_list_set_items (BvAddressList *list, GPtrArray *items)
{
	g_clear_pointer (&list->items, g_ptr_array_unref);
	list->items = items;
	bv_list_set_count (&list->parent.list, items->len);
}

const char *
bv_address_list_address (BvAddressList *list, guint row)
{
	return list->rows->address (list->items->pdata[row]);
}

static gboolean
row_marked (BvAddressList *list, guint row)
{
	return list->rows->marked != NULL && list->rows->marked (list->items->pdata[row]);
}

static void
row_cells (BvAddressList *list, guint row, char **cells, int *attrs, int attr, gboolean cursor)
{
	list->rows->cells (list, list->items->pdata[row], cells, attrs, attr, cursor);
}

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	BvAddressList *list = data;
	const char *address = bv_address_list_address (list, row);
	gboolean selected = g_hash_table_contains (list->selection, address);
	char *cells[BV_COLUMNS_MAX] = { NULL };
	int attrs[BV_COLUMNS_MAX];
	for (guint i = 0; i < BV_COLUMNS_MAX; i++)
		attrs[i] = attr;
	cells[0] = g_strdup (selected ? "+" : " ");
	cells[1] = g_strdup (row_marked (list, row) ? "*" : " ");
	cells[2] = g_strdup (address);
	if (!cursor) {
		attrs[0] = bv_theme_attr (BV_EL_SELECTED);
		attrs[1] = bv_theme_attr (BV_EL_MARKED);
		if (selected)
			attrs[2] = bv_theme_attr (BV_EL_SELECTED);
	}
	row_cells (list, row, cells, attrs, attr, cursor);
	BvColumnLayout layout;
	bv_columns_layout (list->columns, list->n_columns, w, &layout);
	bv_columns_draw_row (list->columns, &layout, y, x, w, (const char *const *)cells, attrs, attr);
	/* The view may fill a cell its table leaves out. */
	for (guint i = 0; i < BV_COLUMNS_MAX; i++)
		g_free (cells[i]);
}

gboolean
bv_address_list_matches (BvView *view, guint row, const char *text)
{
	BvAddressList *list = (BvAddressList *)view;
	if (bv_draw_contains (bv_address_list_address (list, row), text))
		return TRUE;
	char *cells[BV_COLUMNS_MAX] = { NULL };
	int attrs[BV_COLUMNS_MAX] = { 0 };
	row_cells (list, row, cells, attrs, 0, TRUE);
	gboolean found = FALSE;
	for (guint i = 0; i < BV_COLUMNS_MAX; i++) {
		found = found || (i < list->n_columns && bv_draw_contains (cells[i], text));
		g_free (cells[i]);
	}
	return found;
}

void
bv_address_list_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	BvAddressList *list = (BvAddressList *)view;
	BvColumnLayout layout;
	bv_columns_layout (list->columns, list->n_columns, w, &layout);
	bv_columns_draw_header (list->columns, &layout, y, x, w);
	bv_list_draw (&list->parent.list, y + 1, x, h - 1, w, focused, draw_row, list);
	if (list->parent.list.n == 0) {
		/* Wrapped: a long message (a translation, a narrow pane) is
		 * read whole rather than cut. */
		g_autoptr (GPtrArray) lines = bv_draw_wrap (_ (list->rows->empty), MAX (w - 2, 1));
		for (guint i = 0; i < lines->len && (int)i + 2 < h; i++)
			bv_draw_text (y + 2 + (int)i, x + 1, w - 2, lines->pdata[i],
			              bv_theme_attr (BV_EL_DIM));
	}
}

/* The row showing @address, or -1. */
static gint64
row_of (BvAddressList *list, const char *address)
{
	for (guint i = 0; address != NULL && i < list->parent.list.n; i++)
		if (g_strcmp0 (bv_address_list_address (list, i), address) == 0)
			return i;
	return -1;
}

/* Every address of the view (new array of new strings, NULL-terminated
 * for the model; the terminator is not counted in its length). */
static GPtrArray *
all_addresses (BvAddressList *list)
{
	GPtrArray *addresses = g_ptr_array_new_null_terminated (list->parent.list.n, g_free, TRUE);
	for (guint i = 0; i < list->parent.list.n; i++)
		g_ptr_array_add (addresses, g_strdup (bv_address_list_address (list, i)));
	return addresses;
}

static void
select_all (BvAddressList *list, BvTui *tui)
{
	BvList *l = &list->parent.list;
	gboolean all = l->n > 0;
	for (guint i = 0; all && i < l->n; i++)
		all = g_hash_table_contains (list->selection, bv_address_list_address (list, i));
	/* Pressed again, as in a file manager: nothing selected. */
	if (all) {
		g_hash_table_remove_all (list->selection);
		bv_tui_message (tui, FALSE, _ ("Nothing selected"));
		return;
	}
	for (guint i = 0; i < l->n; i++)
		bv_selection_add (list->selection, bv_address_list_address (list, i));
	bv_tui_message (tui, FALSE, ngettext ("%u line selected", "%u lines selected", l->n), l->n);
}

/* Selects the rows from the last one selected to the cursor's, both
 * included, as a shift-click does. */
static void
select_range (BvAddressList *list, BvTui *tui, const char *current)
{
	BvList *l = &list->parent.list;
	gint64 from = row_of (list, list->anchor);
	if (from < 0)
		from = l->cursor;
	guint a = MIN ((guint)from, l->cursor), b = MAX ((guint)from, l->cursor);
	for (guint i = a; i <= b; i++)
		bv_selection_add (list->selection, bv_address_list_address (list, i));
	g_free (list->anchor);
	list->anchor = g_strdup (current);
	bv_tui_message (tui, FALSE, ngettext ("%u line selected", "%u lines selected", b - a + 1), b - a + 1);
}

/* Marks or unmarks the selection, or the row under the cursor; in the
 * second case the cursor goes on to the next row, as NeoMutt's d and
 * htop's Space do, unless the row left the list (an accepted proposal):
 * the next row has come up to the cursor then. */
static void
mark_selection (BvAddressList *list, BvTui *tui, const char *current, gboolean unmark)
{
	BvList *l = &list->parent.list;
	gboolean one = g_hash_table_size (list->selection) == 0;
	g_autofree char *at = g_strdup (current);
	g_autoptr (GPtrArray) addresses = bv_selection_take (list->selection, current);
	bv_tui_mark (tui, addresses, unmark, list->source);
	if (one && at != NULL && l->n > 0 && g_strcmp0 (bv_address_list_address (list, l->cursor), at) == 0)
		bv_list_request (l, BV_ACT_MOVE_DOWN);
}

gboolean
bv_address_list_request (BvView *view, BvTui *tui, BvActionId action)
{
	BvAddressList *list = (BvAddressList *)view;
	BvList *l = &list->parent.list;
	if (bv_list_request (l, action))
		return TRUE;
	const char *current = l->n > 0 ? bv_address_list_address (list, l->cursor) : NULL;
	switch (action) {
	case BV_ACT_ENTER:
		if (current != NULL)
			bv_tui_push (tui, bv_view_history_new (tui, current));
		return TRUE;
	case BV_ACT_COPY:
		if (current != NULL)
			bv_tui_copy (tui, current);
		return TRUE;
	case BV_ACT_SELECT:
		if (current != NULL) {
			bv_selection_toggle (list->selection, current);
			g_free (list->anchor);
			list->anchor = g_strdup (current);
			bv_list_request (l, BV_ACT_MOVE_DOWN);
		}
		return TRUE;
	case BV_ACT_SELECT_ALL: select_all (list, tui); return TRUE;
	case BV_ACT_SELECT_RANGE:
		if (current != NULL)
			select_range (list, tui, current);
		return TRUE;
	case BV_ACT_MARK:
	case BV_ACT_UNMARK: mark_selection (list, tui, current, action == BV_ACT_UNMARK); return TRUE;
	case BV_ACT_MARK_GROUP: {
		if (l->n == 0)
			return TRUE;
		g_autoptr (GPtrArray) addresses = all_addresses (list);
		g_autofree char *question = list->rows->confirm_all (list, addresses->len);
		/* The model says what marking would do: the same rule as
		 * its proposals, never a second count here. */
		g_autoptr (BvMarkPreview) preview =
		        bv_model_mark_preview (tui->model, (const char *const *)addresses->pdata);
		if (bv_dialog_confirm_marks (tui, question, preview))
			bv_tui_mark (tui, addresses, FALSE, list->source);
		return TRUE;
	}
	case BV_ACT_UNMARK_GROUP: {
		if (l->n == 0 || list->rows->marked == NULL)
			return FALSE;
		/* Only the marked ones, so that the message and the undo
		 * count what changed. */
		g_autoptr (GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
		for (guint i = 0; i < l->n; i++)
			if (row_marked (list, i))
				g_ptr_array_add (addresses, g_strdup (bv_address_list_address (list, i)));
		guint marked = addresses->len;
		if (marked == 0) {
			bv_tui_message (tui, FALSE, _ ("No address here is marked"));
			return TRUE;
		}
		g_autofree char *question = g_strdup_printf (
		        ngettext ("Remove the mark of the %u marked address shown here?",
		                  "Remove the marks of the %u marked addresses shown here?", marked),
		        marked);
		if (bv_dialog_confirm (tui, question))
			bv_tui_mark (tui, addresses, TRUE, list->source);
		return TRUE;
	}
	default: return FALSE;
	}
}

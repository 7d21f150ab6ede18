/* view-groups.c: the first view: bounces grouped by cause, domain, status,
 * reporting mail system or month.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "parsers/catalog.h"
#include "tui/columns.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/sort.h"
#include "tui/view.h"

typedef struct {
	BvView parent;
	BvDimension dimension;
	GPtrArray *groups; /* of BvGroup* */
	GArray *sides;     /* of int: who acts on each group (BvSide or SIDE_MIXED) */
} GroupsView;

/* What a person reads for a group (new string). */
static char *
group_title (const BvGroup *g)
{
	BvCause cause;
	BvCodeText cls, subject, detail;
	switch (g->dimension) {
	case BV_DIMENSION_CAUSE:
		if (bv_cause_from_id (g->key, &cause))
			return g_strdup (bv_catalog_title (cause));
		break;
	case BV_DIMENSION_STATUS:
		if (*g->key == '\0')
			return g_strdup (_ ("(no code)"));
		if (bv_status_explain (g->key, &cls, &subject, &detail))
			return g_strdup_printf ("%s %s", g->key,
			                        detail.name    ? detail.name
			                        : subject.name ? subject.name
			                                       : "");
		break;
	case BV_DIMENSION_MTA:
		if (*g->key == '\0')
			return g_strdup (_ ("(unknown mail system)"));
		break;
	case BV_DIMENSION_MONTH:
		if (*g->key == '\0')
			return g_strdup (_ ("(unknown date)"));
		break;
	default: break;
	}
	return g_strdup (g->key);
}

/* The side shown for a group in which no side has most bounces. */
#define SIDE_MIXED BV_SIDE_COUNT

/* Who must act on a group (static string). */
static const char *
side_label (int side)
{
	return side == SIDE_MIXED ? _ ("mixed") : bv_side_label ((BvSide)side);
}

/* Counts, for every group of the view, its bounces on each side (the
 * catalog's side of their cause) and keeps the side most of them fall
 * on, or SIDE_MIXED when none has more than half.  One query a side, so
 * the cost does not grow with the number of groups. */
static void
compute_sides (GroupsView *v, BvTui *tui)
{
	g_array_set_size (v->sides, v->groups->len);
	if (v->dimension == BV_DIMENSION_CAUSE) {
		for (guint i = 0; i < v->groups->len; i++) {
			const BvGroup *g = v->groups->pdata[i];
			BvCause cause;
			g_array_index (v->sides, int, i) =
			        bv_cause_from_id (g->key, &cause) ? (int)bv_catalog_side (cause) : SIDE_MIXED;
		}
		return;
	}
	g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
	for (guint i = 0; i < v->groups->len; i++) {
		const BvGroup *g = v->groups->pdata[i];
		g_hash_table_insert (counts, g->key, g_new0 (guint, BV_SIDE_COUNT));
	}
	for (int side = 0; side < BV_SIDE_COUNT; side++) {
		guint64 mask = 0;
		for (int c = 0; c < BV_CAUSE_COUNT; c++)
			if ((int)bv_catalog_side ((BvCause)c) == side)
				mask |= G_GUINT64_CONSTANT (1) << c;
		BvFilter filter = tui->filter;
		filter.causes = filter.causes != 0 ? filter.causes & mask : mask;
		if (filter.causes == 0)
			continue;
		g_autoptr (GPtrArray) groups = bv_model_groups (tui->model, v->dimension, &filter);
		for (guint i = 0; i < groups->len; i++) {
			const BvGroup *g = groups->pdata[i];
			guint *n = g_hash_table_lookup (counts, g->key);
			if (n != NULL)
				n[side] = g->bounces;
		}
	}
	for (guint i = 0; i < v->groups->len; i++) {
		const BvGroup *g = v->groups->pdata[i];
		const guint *n = g_hash_table_lookup (counts, g->key);
		int best = SIDE_MIXED;
		for (int side = 0; side < BV_SIDE_COUNT; side++)
			if (n[side] * 2 > g->bounces)
				best = side;
		/* A 4.x.x status is temporary whatever the cause. */
		if (v->dimension == BV_DIMENSION_STATUS && g->key[0] == '4')
			best = BV_SIDE_TEMPORARY;
		g_array_index (v->sides, int, i) = best;
	}
}

static const BvColumn columns[] = {
	{ N_ ("Group"), 0, 1, FALSE, 0 },      { N_ ("Bounces"), 7, 1, TRUE, 0 },
	{ N_ ("Addrs"), 6, 1, TRUE, 0 },       { N_ ("Kind"), 5, 2, FALSE, 0 },
	{ N_ ("Who acts"), 24, 2, FALSE, 70 },
};

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	GroupsView *v = data;
	const BvGroup *g = v->groups->pdata[row];
	g_autofree char *title = group_title (g);
	g_autofree char *bounces = g_strdup_printf ("%u", g->bounces);
	g_autofree char *addresses = g_strdup_printf ("%u", g->addresses);
	int sev = cursor ? attr
	                 : bv_theme_attr (g->soft == 0   ? BV_EL_HARD
	                                  : g->hard == 0 ? BV_EL_SOFT
	                                                 : BV_EL_DEFAULT);
	const char *cells[] = { title, bounces, addresses, bv_view_severity (g->hard, g->soft),
		                side_label (g_array_index (v->sides, int, row)) };
	int attrs[] = { attr, attr, attr, sev, attr };
	BvColumnLayout layout;
	bv_columns_layout (columns, G_N_ELEMENTS (columns), w, &layout);
	bv_columns_draw_row (columns, &layout, y, x, w, cells, attrs, attr);
}

static char *
groups_title (BvView *view, BvTui *tui)
{
	GroupsView *v = (GroupsView *)view;
	guint bounces = 0;
	for (guint i = 0; i < v->groups->len; i++)
		bounces += ((BvGroup *)v->groups->pdata[i])->bounces;
	/* The Maildir's name only: the whole path would crowd out the
	 * filter on a narrow terminal. */
	g_autofree char *name = g_path_get_basename (bv_model_maildir (tui->model));
	/* TRANSLATORS: "6 bounces in mail, grouped by cause": the second %s
	 * is "by cause", "by month"... */
	return g_strdup_printf (
	        ngettext ("%u bounce in %s, grouped %s", "%u bounces in %s, grouped %s", bounces), bounces,
	        name, bv_tui_grouping_phrase (tui));
}

static void
groups_reload (BvView *view, BvTui *tui)
{
	GroupsView *v = (GroupsView *)view;
	/* The cursor stays on its group when new mail or a mark reorders
	 * the groups. */
	g_autofree char *current = v->groups != NULL && view->list.cursor < v->groups->len
	                                   ? g_strdup (((BvGroup *)v->groups->pdata[view->list.cursor])->key)
	                                   : NULL;
	g_clear_pointer (&v->groups, g_ptr_array_unref);
	if (v->dimension != tui->dimension) {
		view->list.cursor = view->list.top = 0;
		g_clear_pointer (&current, g_free);
	}
	v->dimension = tui->dimension;
	v->groups = bv_model_groups (tui->model, v->dimension, &tui->filter);
	bv_sort_groups (v->groups, tui->group_sort, group_title);
	compute_sides (v, tui);
	bv_list_set_count (&view->list, v->groups->len);
	for (guint i = 0; current != NULL && i < v->groups->len; i++)
		if (g_strcmp0 (((BvGroup *)v->groups->pdata[i])->key, current) == 0)
			view->list.cursor = i;
}

static void
groups_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	GroupsView *v = (GroupsView *)view;
	BvColumnLayout layout;
	bv_columns_layout (columns, G_N_ELEMENTS (columns), w, &layout);
	bv_columns_draw_header (columns, &layout, y, x, w);
	if (v->groups->len == 0) {
		bv_list_draw (&view->list, y + 1, x, h - 1, w, focused, draw_row, v);
		bv_draw_text (y + 2, x + 1, w - 2,
		              bv_model_n_bounces (tui->model) == 0
		                      ? _ ("No bounces in this Maildir yet.")
		                      : _ ("Nothing matches the filter (c clears it)."),
		              bv_theme_attr (BV_EL_DIM));
		return;
	}
	bv_list_draw (&view->list, y + 1, x, h - 1, w, focused, draw_row, v);
}

/* The addresses of @g (new strings), with, when @causes is not NULL, the
 * cause each one's mark would record (a new array) and how many are
 * marked already, for the confirmation. */
static GPtrArray *
group_addresses (BvTui *tui, const BvGroup *g, BvCause **causes, guint *already)
{
	g_autoptr (GPtrArray) rows = bv_model_addresses (tui->model, g->dimension, g->key, &tui->filter);
	GPtrArray *addresses = g_ptr_array_new_with_free_func (g_free);
	if (causes != NULL) {
		*causes = g_new (BvCause, MAX (rows->len, 1));
		*already = 0;
	}
	for (guint i = 0; i < rows->len; i++) {
		const BvAddress *a = rows->pdata[i];
		g_ptr_array_add (addresses, g_strdup (a->address));
		if (causes != NULL) {
			(*causes)[i] = a->last_cause;
			*already += a->marked ? 1 : 0;
		}
	}
	return addresses;
}

static gboolean
groups_request (BvView *view, BvTui *tui, BvActionId action)
{
	GroupsView *v = (GroupsView *)view;
	if (bv_list_request (&view->list, action))
		return TRUE;
	if (v->groups->len == 0)
		return FALSE;
	const BvGroup *g = v->groups->pdata[view->list.cursor];
	switch (action) {
	case BV_ACT_ENTER: {
		g_autofree char *title = group_title (g);
		bv_tui_push (tui, bv_view_addresses_new (tui, g->dimension, g->key, title));
		return TRUE;
	}
	case BV_ACT_MARK_GROUP:
	case BV_ACT_MARK: {
		g_autofree char *title = group_title (g);
		g_autofree BvCause *causes = NULL;
		guint already = 0;
		g_autoptr (GPtrArray) addresses = group_addresses (tui, g, &causes, &already);
		g_autofree char *question = g_strdup_printf (
		        ngettext ("Mark the %u address of “%s” for suppression?",
		                  "Mark all %u addresses of “%s” for suppression?", addresses->len),
		        addresses->len, title);
		if (bv_dialog_confirm_marks (tui, question, causes, addresses->len, already))
			bv_tui_mark (tui, addresses, FALSE, BV_MARK_BY_HAND);
		return TRUE;
	}
	case BV_ACT_UNMARK:
	case BV_ACT_UNMARK_GROUP: {
		g_autoptr (GPtrArray) addresses = group_addresses (tui, g, NULL, NULL);
		g_autofree char *title = group_title (g);
		g_autofree char *question =
		        g_strdup_printf (_ ("Remove the marks of every address of “%s”?"), title);
		if (bv_dialog_confirm (tui, question))
			bv_tui_mark (tui, addresses, TRUE, BV_MARK_BY_HAND);
		return TRUE;
	}
	default: return FALSE;
	}
}

static gboolean
groups_matches (BvView *view, guint row, const char *text)
{
	const BvGroup *g = ((GroupsView *)view)->groups->pdata[row];
	g_autofree char *title = group_title (g);
	return bv_draw_contains (title, text) || bv_draw_contains (g->key, text);
}

static void
groups_free (BvView *view)
{
	GroupsView *v = (GroupsView *)view;
	g_clear_pointer (&v->groups, g_ptr_array_unref);
	g_clear_pointer (&v->sides, g_array_unref);
	g_free (v);
}

static const BvViewClass groups_class = {
	.name = "groups",
	.title = groups_title,
	.reload = groups_reload,
	.draw = groups_draw,
	.request = groups_request,
	.matches = groups_matches,
	.free = groups_free,
};

BvView *
bv_view_groups_new (BvTui *tui)
{
	GroupsView *v = g_new0 (GroupsView, 1);
	v->parent.klass = &groups_class;
	v->dimension = tui->dimension;
	v->sides = g_array_new (FALSE, TRUE, sizeof (int));
	groups_reload (&v->parent, tui);
	return &v->parent;
}

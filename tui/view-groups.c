/* view-groups.c: the first view: bounces grouped by cause, domain, status,
 * reporting mail system or month.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "catalog.h"
#include "dialog.h"
#include "draw.h"
#include "view.h"

typedef struct {
	BvView parent;
	BvDimension dimension;
	GPtrArray *groups; /* of BvGroup* */
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

/* Who must act on a group, when one side does (static string). */
static const char *
group_side (const BvGroup *g)
{
	BvCause cause;
	if (g->dimension == BV_DIMENSION_CAUSE && bv_cause_from_id (g->key, &cause))
		return bv_side_label (bv_catalog_side (cause));
	/* A 4.x.x status is temporary whatever the cause. */
	if (g->dimension == BV_DIMENSION_STATUS && g->key[0] == '4')
		return bv_side_label (BV_SIDE_TEMPORARY);
	return "-";
}

/* Column widths for @w: title, bounces, addresses, severity, side. */
static void
columns (int w, int *title, int *side)
{
	*side = w >= 100 ? 26 : w >= 70 ? 23 : 0;
	*title = MAX (w - 1 - 8 - 8 - 7 - *side - 1, 8);
}

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	GroupsView *v = data;
	const BvGroup *g = v->groups->pdata[row];
	int tw, sw;
	columns (w, &tw, &sw);
	g_autofree char *title = group_title (g);
	g_autofree char *bounces = g_strdup_printf ("%u", g->bounces);
	g_autofree char *addresses = g_strdup_printf ("%u", g->addresses);
	int sev = cursor ? attr
	                 : bv_theme_attr (g->soft == 0   ? BV_EL_HARD
	                                  : g->hard == 0 ? BV_EL_SOFT
	                                                 : BV_EL_DEFAULT);
	bv_draw_fill (y, x, 1, attr);
	bv_draw_cell (y, x + 1, tw, title, attr, FALSE);
	bv_draw_cell (y, x + 1 + tw, 8, bounces, attr, TRUE);
	bv_draw_cell (y, x + 1 + tw + 8, 8, addresses, attr, TRUE);
	bv_draw_fill (y, x + 1 + tw + 16, 2, attr);
	bv_draw_cell (y, x + 1 + tw + 18, 5, bv_view_severity (g->hard, g->soft), sev, FALSE);
	int used = 1 + tw + 23;
	if (sw > 0) {
		bv_draw_fill (y, x + used, 1, attr);
		bv_draw_cell (y, x + used + 1, w - used - 1, group_side (g), attr, FALSE);
	} else {
		bv_draw_fill (y, x + used, w - used, attr);
	}
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
	return g_strdup_printf (ngettext ("%u bounce by %s in %s", "%u bounces by %s in %s", bounces),
	                        bounces, bv_dimension_id (v->dimension), name);
}

static void
groups_reload (BvView *view, BvTui *tui)
{
	GroupsView *v = (GroupsView *)view;
	g_clear_pointer (&v->groups, g_ptr_array_unref);
	if (v->dimension != tui->dimension)
		view->list.cursor = view->list.top = 0;
	v->dimension = tui->dimension;
	v->groups = bv_model_groups (tui->model, v->dimension, &tui->filter);
	bv_list_set_count (&view->list, v->groups->len);
}

static void
groups_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	GroupsView *v = (GroupsView *)view;
	int tw, sw;
	columns (w, &tw, &sw);
	g_autofree char *header = g_strdup_printf (" %-*s%8s%8s  %-5s %s", tw, _ ("Group"), _ ("Bounces"),
	                                           _ ("Addrs"), _ ("Kind"), sw > 0 ? _ ("Who acts") : "");
	bv_view_draw_header (y, x, w, header);
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

static GPtrArray *
group_addresses (BvTui *tui, const BvGroup *g)
{
	g_autoptr (GPtrArray) rows = bv_model_addresses (tui->model, g->dimension, g->key, &tui->filter);
	GPtrArray *addresses = g_ptr_array_new_with_free_func (g_free);
	for (guint i = 0; i < rows->len; i++)
		g_ptr_array_add (addresses, g_strdup (((BvAddress *)rows->pdata[i])->address));
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
		g_autoptr (GPtrArray) addresses = group_addresses (tui, g);
		g_autofree char *question = g_strdup_printf (
		        ngettext ("Mark the %u address of “%s” for suppression?",
		                  "Mark all %u addresses of “%s” for suppression?", addresses->len),
		        addresses->len, title);
		if (bv_dialog_confirm (tui, question))
			bv_tui_mark (tui, addresses, FALSE, BV_MARK_BY_HAND);
		return TRUE;
	}
	case BV_ACT_UNMARK: {
		g_autoptr (GPtrArray) addresses = group_addresses (tui, g);
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

static void
groups_free (BvView *view)
{
	GroupsView *v = (GroupsView *)view;
	g_clear_pointer (&v->groups, g_ptr_array_unref);
	g_free (v);
}

static const BvViewClass groups_class = {
	.name = "groups",
	.title = groups_title,
	.reload = groups_reload,
	.draw = groups_draw,
	.request = groups_request,
	.free = groups_free,
};

BvView *
bv_view_groups_new (BvTui *tui)
{
	GroupsView *v = g_new0 (GroupsView, 1);
	v->parent.klass = &groups_class;
	v->dimension = tui->dimension;
	groups_reload (&v->parent, tui);
	return &v->parent;
}

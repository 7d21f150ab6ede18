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
#include "tui/summary.h"
#include "tui/view.h"

/* From this width on, the summary pane stands beside the list. */
#define SUMMARY_BESIDE_COLUMNS 100
/* Below the list, the pane needs this many lines to be worth showing. */
#define SUMMARY_BELOW_MIN_LINES 12

typedef struct {
	BvView parent;
	BvDimension dimension;
	GPtrArray *groups; /* of BvGroup* */
	GArray *sides;     /* of int: who acts on each group (BvSide or SIDE_MIXED) */
	guint total;       /* bounces of every group */
	/* The summaries of the groups, by key, made when a group is first
	 * under the cursor and dropped when the model or the filter changes:
	 * a summary reads every bounce of its group. */
	GHashTable *summaries;
	gboolean pane_focus; /* the keys scroll the summary */
	gboolean pane_shown; /* at the last draw */
	int width;           /* at the last draw */
	int title_width;     /* of the longest group title */
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

/* The grouping as one word for the breadcrumb (translated, static). */
static const char *
dimension_name (BvDimension dim)
{
	switch (dim) {
	case BV_DIMENSION_CAUSE: return C_ ("crumb", "cause");
	case BV_DIMENSION_DOMAIN: return C_ ("crumb", "domain");
	case BV_DIMENSION_STATUS: return C_ ("crumb", "status");
	case BV_DIMENSION_MTA: return C_ ("crumb", "mail system");
	case BV_DIMENSION_MONTH: return C_ ("crumb", "month");
	default: return C_ ("crumb", "address");
	}
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
	{ N_ ("Addrs"), 6, 1, TRUE, 0 },       { N_ ("Kind"), 5, 2, FALSE, 50 },
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
	bv_columns_layout_fit (columns, G_N_ELEMENTS (columns), w, v->title_width, &layout);
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
	gboolean first = v->groups == NULL;
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
	v->total = 0;
	v->title_width = 0;
	for (guint i = 0; i < v->groups->len; i++) {
		const BvGroup *g = v->groups->pdata[i];
		g_autofree char *title = group_title (g);
		v->total += g->bounces;
		v->title_width = MAX (v->title_width, bv_draw_width (title) + 1);
	}
	bv_list_set_count (&view->list, v->groups->len);
	/* At start, the cursor goes back to the group it was on when the
	 * program last quit (state.c). */
	if (first && tui->cursor_group != NULL)
		current = g_strdup (tui->cursor_group);
	for (guint i = 0; current != NULL && i < v->groups->len; i++)
		if (g_strcmp0 (((BvGroup *)v->groups->pdata[i])->key, current) == 0)
			view->list.cursor = i;
	g_hash_table_remove_all (v->summaries);
}

/* The group under the cursor, or NULL. */
static const BvGroup *
cursor_group (GroupsView *v)
{
	return v->parent.list.cursor < v->groups->len ? v->groups->pdata[v->parent.list.cursor] : NULL;
}

/* The summary of the group under the cursor (owned by the view), made
 * the first time the group is under it. */
static BvView *
current_summary (GroupsView *v, BvTui *tui)
{
	const BvGroup *g = cursor_group (v);
	if (g == NULL)
		return NULL;
	BvView *summary = g_hash_table_lookup (v->summaries, g->key);
	if (summary == NULL) {
		g_autofree char *title = group_title (g);
		summary = bv_summary_new (tui, g, title, v->total);
		g_hash_table_insert (v->summaries, g_strdup (g->key), summary);
	}
	return summary;
}

/* Draws the list of groups (its header and rows) in the rectangle. */
static void
draw_list (GroupsView *v, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	BvView *view = &v->parent;
	BvColumnLayout layout;
	bv_columns_layout_fit (columns, G_N_ELEMENTS (columns), w, v->title_width, &layout);
	bv_columns_draw_header (columns, &layout, y, x, w);
	bv_list_draw (&view->list, y + 1, x, h - 1, w, focused, draw_row, v);
	if (v->groups->len == 0)
		bv_draw_text (
		        y + 2, x + 1, w - 2,
		        bv_model_n_bounces (tui->model) != 0 ? _ ("Nothing matches the filter (c clears it).")
		        : tui->indexing != NULL ? _ ("Indexing goes on: the bounces show when it is done.")
		                                : _ ("No bounces in this Maildir yet."),
		        bv_theme_attr (BV_EL_DIM));
}

/* Whether the summary pane is shown in @w x @h: beside the list on a wide
 * terminal, below it on a narrow one when the user asked for it, and only
 * when the groups view is the top of the stack (in the left pane of two
 * views side by side, the right pane is the group itself). */
static gboolean
pane_wanted (GroupsView *v, BvTui *tui, int h, int w)
{
	if (v->groups->len == 0 || tui->views->len == 0 || tui->views->pdata[tui->views->len - 1] != v)
		return FALSE;
	return w >= SUMMARY_BESIDE_COLUMNS || (tui->summary_below && h >= SUMMARY_BELOW_MIN_LINES);
}

static void
groups_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	GroupsView *v = (GroupsView *)view;
	v->width = w;
	v->pane_shown = pane_wanted (v, tui, h, w);
	/* What the next start puts the cursor back on (state.c). */
	const BvGroup *g = cursor_group (v);
	if (g != NULL && g_strcmp0 (g->key, tui->cursor_group) != 0) {
		g_free (tui->cursor_group);
		tui->cursor_group = g_strdup (g->key);
	}
	if (!v->pane_shown) {
		v->pane_focus = FALSE;
		draw_list (v, tui, y, x, h, w, focused);
		return;
	}
	BvView *summary = current_summary (v, tui);
	int sep = bv_theme_attr (BV_EL_SEPARATOR);
	gboolean list_focus = focused && !v->pane_focus, pane_focus = focused && v->pane_focus;
	if (w >= SUMMARY_BESIDE_COLUMNS) {
		/* The list keeps what its columns need; the pane, which
		 * wraps, takes the rest. */
		int lw = w * 3 / 5;
		draw_list (v, tui, y, x, h, lw, list_focus);
		for (int row = y; row < y + h; row++)
			bv_draw_text (row, x + lw, 1, pane_focus ? "┃" : "│", sep);
		summary->klass->draw (summary, tui, y, x + lw + 1, h, w - lw - 1, pane_focus);
		return;
	}
	/* The list takes what its rows need, up to half the height. */
	int lh = CLAMP ((int)v->groups->len + 1, 4, h / 2);
	draw_list (v, tui, y, x, lh, w, list_focus);
	g_autoptr (GString) rule = g_string_new (NULL);
	for (int i = 0; i < w; i++)
		g_string_append (rule, pane_focus ? "━" : "─");
	bv_draw_text (y + lh, x, w, rule->str, sep);
	summary->klass->draw (summary, tui, y + lh + 1, x, h - lh - 1, w, pane_focus);
}

/* The addresses of @g (new strings), NULL-terminated for the model (the
 * terminator is not counted in the array's length). */
static GPtrArray *
group_addresses (BvTui *tui, const BvGroup *g)
{
	g_autoptr (GPtrArray) rows = bv_model_addresses (tui->model, g->dimension, g->key, &tui->filter);
	GPtrArray *addresses = g_ptr_array_new_null_terminated (rows->len, g_free, TRUE);
	for (guint i = 0; i < rows->len; i++)
		g_ptr_array_add (addresses, g_strdup (((const BvAddress *)rows->pdata[i])->address));
	return addresses;
}

static gboolean
groups_request (BvView *view, BvTui *tui, BvActionId action)
{
	GroupsView *v = (GroupsView *)view;
	if (action == BV_ACT_SUMMARY) {
		if (v->width >= SUMMARY_BESIDE_COLUMNS) {
			bv_tui_message (tui, FALSE,
			                _ ("The summary stands beside the list from %d columns on"),
			                SUMMARY_BESIDE_COLUMNS);
			return TRUE;
		}
		tui->summary_below = !tui->summary_below;
		if (!tui->summary_below)
			v->pane_focus = FALSE;
		return TRUE;
	}
	if (v->pane_shown && action == BV_ACT_NEXT_PANE) {
		v->pane_focus = !v->pane_focus;
		return TRUE;
	}
	BvView *summary = v->pane_shown && v->pane_focus ? current_summary (v, tui) : NULL;
	if (summary != NULL) {
		if (action == BV_ACT_BACK) {
			v->pane_focus = FALSE;
			return TRUE;
		}
		if (action != BV_ACT_ENTER && summary->klass->request (summary, tui, action))
			return TRUE;
	}
	if (bv_list_request (&view->list, action))
		return TRUE;
	if (v->groups->len == 0)
		return FALSE;
	const BvGroup *g = v->groups->pdata[view->list.cursor];
	switch (action) {
	case BV_ACT_ENTER: {
		g_autofree char *title = group_title (g);
		/* TRANSLATORS: a group in the breadcrumb of the title bar:
		 * %1$s is the grouping ("cause", "domain"), %2$s the group. */
		g_autofree char *crumb =
		        g_strdup_printf (_ ("%1$s: %2$s"), dimension_name (g->dimension), title);
		tui->open_dimension = g->dimension;
		g_free (tui->open_key);
		tui->open_key = g_strdup (g->key);
		bv_tui_push (tui, bv_view_addresses_new (tui, g->dimension, g->key, crumb));
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
		/* What marking would do, as the policy sees it. */
		g_autoptr (BvMarkPreview) preview =
		        bv_model_mark_preview (tui->model, (const char *const *)addresses->pdata);
		if (bv_dialog_confirm_marks (tui, question, preview))
			bv_tui_mark (tui, addresses, FALSE, BV_MARK_BY_HAND);
		return TRUE;
	}
	case BV_ACT_UNMARK:
	case BV_ACT_UNMARK_GROUP: {
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
	g_clear_pointer (&v->summaries, g_hash_table_unref);
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
	.hints = N_ ("Enter:open i:summary D:timeline o:group ?:help"),
};

BvView *
bv_view_groups_new (BvTui *tui)
{
	GroupsView *v = g_new0 (GroupsView, 1);
	v->parent.klass = &groups_class;
	v->dimension = tui->dimension;
	v->sides = g_array_new (FALSE, TRUE, sizeof (int));
	v->summaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)bv_view_free);
	groups_reload (&v->parent, tui);
	return &v->parent;
}

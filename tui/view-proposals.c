/* view-proposals.c: the addresses the suppression policy proposes to mark.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is marked until the user accepts: a proposal (or a selection of
 * them) with one key, or all of them after a confirmation.  Accepted
 * proposals leave the list, since the model only proposes unmarked
 * addresses.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dialog.h"
#include "draw.h"
#include "selection.h"
#include "view.h"

typedef struct {
	BvView parent;
	GPtrArray *proposals; /* of BvProposal* */
	GHashTable *selection;
} ProposalsView;

static int
address_width (int w)
{
	return MAX (w - 3 - 8 - 12 - 16 - 14, 12);
}

static void
draw_row (gpointer data, guint row, int y, int x, int w, int attr, gboolean cursor)
{
	ProposalsView *v = data;
	const BvProposal *p = v->proposals->pdata[row];
	gboolean selected = g_hash_table_contains (v->selection, p->address);
	int aw = address_width (w);
	char date[16];
	g_autofree char *bounces = g_strdup_printf ("%u", p->bounces);
	int reason_attr =
	        cursor ? attr : bv_theme_attr (p->reason == BV_PROPOSAL_HARD ? BV_EL_HARD : BV_EL_SOFT);
	bv_draw_cell (y, x, 3, selected ? " +" : "", cursor ? attr : bv_theme_attr (BV_EL_SELECTED), FALSE);
	bv_draw_cell (y, x + 3, aw, p->address, !cursor && selected ? bv_theme_attr (BV_EL_SELECTED) : attr,
	              FALSE);
	bv_draw_cell (y, x + 3 + aw, 8, bounces, attr, TRUE);
	bv_draw_fill (y, x + 3 + aw + 8, 2, attr);
	bv_draw_cell (y, x + 3 + aw + 10, 14,
	              p->reason == BV_PROPOSAL_HARD ? _ ("hard bounce") : _ ("repeated soft"), reason_attr,
	              FALSE);
	bv_draw_cell (y, x + 3 + aw + 24, 16, bv_cause_id (p->cause), attr, FALSE);
	int used = 3 + aw + 40;
	bv_draw_cell (y, x + used, w - used, bv_view_date (p->last_seen, date), attr, FALSE);
}

static char *
proposals_title (BvView *view, BvTui *tui)
{
	ProposalsView *v = (ProposalsView *)view;
	return g_strdup_printf (ngettext ("The policy proposes %u address (a accepts, A accepts all)",
	                                  "The policy proposes %u addresses (a accepts, A accepts all)",
	                                  v->proposals->len),
	                        v->proposals->len);
}

static void
proposals_reload (BvView *view, BvTui *tui)
{
	ProposalsView *v = (ProposalsView *)view;
	g_clear_pointer (&v->proposals, g_ptr_array_unref);
	v->proposals = bv_model_proposals (tui->model);
	bv_list_set_count (&view->list, v->proposals->len);
}

static void
proposals_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	ProposalsView *v = (ProposalsView *)view;
	g_autofree char *header =
	        g_strdup_printf ("   %-*s%8s  %-14s%-16s%s", address_width (w), _ ("Address"), _ ("Bounces"),
	                         _ ("Why"), _ ("Cause"), _ ("Last seen"));
	bv_view_draw_header (y, x, w, header);
	bv_list_draw (&view->list, y + 1, x, h - 1, w, focused, draw_row, v);
	if (v->proposals->len == 0)
		bv_draw_text (y + 2, x + 1, w - 2,
		              _ ("Nothing to propose: every address the policy would suppress is marked."),
		              bv_theme_attr (BV_EL_DIM));
}

static gboolean
proposals_request (BvView *view, BvTui *tui, BvActionId action)
{
	ProposalsView *v = (ProposalsView *)view;
	if (bv_list_request (&view->list, action))
		return TRUE;
	const char *current = v->proposals->len > 0
	                              ? ((BvProposal *)v->proposals->pdata[view->list.cursor])->address
	                              : NULL;
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
	case BV_ACT_ACCEPT:
	case BV_ACT_MARK: {
		g_autoptr (GPtrArray) addresses = bv_selection_take (v->selection, current);
		bv_tui_mark (tui, addresses, FALSE, BV_MARK_BY_POLICY);
		return TRUE;
	}
	case BV_ACT_ACCEPT_ALL:
	case BV_ACT_MARK_GROUP: {
		g_autoptr (GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
		for (guint i = 0; i < v->proposals->len; i++)
			g_ptr_array_add (addresses,
			                 g_strdup (((BvProposal *)v->proposals->pdata[i])->address));
		g_autofree char *question = g_strdup_printf (
		        ngettext ("Accept the %u proposal and mark its address?",
		                  "Accept all %u proposals and mark their addresses?", addresses->len),
		        addresses->len);
		if (addresses->len > 0 && bv_dialog_confirm (tui, question))
			bv_tui_mark (tui, addresses, FALSE, BV_MARK_BY_POLICY);
		return TRUE;
	}
	default: return FALSE;
	}
}

static void
proposals_free (BvView *view)
{
	ProposalsView *v = (ProposalsView *)view;
	g_clear_pointer (&v->proposals, g_ptr_array_unref);
	g_clear_pointer (&v->selection, g_hash_table_unref);
	g_free (v);
}

static const BvViewClass proposals_class = {
	.name = "proposals",
	.title = proposals_title,
	.reload = proposals_reload,
	.draw = proposals_draw,
	.request = proposals_request,
	.free = proposals_free,
};

BvView *
bv_view_proposals_new (BvTui *tui)
{
	ProposalsView *v = g_new0 (ProposalsView, 1);
	v->parent.klass = &proposals_class;
	v->selection = bv_selection_new ();
	proposals_reload (&v->parent, tui);
	return &v->parent;
}

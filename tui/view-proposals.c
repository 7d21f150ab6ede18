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

#include "tui/address-list.h"
#include "parsers/catalog.h"
#include "tui/draw.h"

static const BvColumn columns[] = {
	BV_ADDRESS_LIST_COLUMNS,
	{ N_ ("Bounces"), 7, 1, TRUE, 100 },
	/* TRANSLATORS: heading of the column saying why the policy proposes
	 * an address: "hard bounce" or "repeated soft"; not the cause. */
	{ N_ ("Reason"), 13, 2, FALSE, 0 },
	{ N_ ("Last seen"), 10, 1, FALSE, 100 },
	/* The cause stays at every width: accepting a proposal is deciding
	 * that the cause is the address's fault. */
	{ N_ ("Cause"), 32, 1, FALSE, 0 },
};

typedef struct {
	BvAddressList parent;
} ProposalsView;

/* Rows under the list for the evidence of the proposal under the cursor. */
#define EVIDENCE_ROWS 4

static const char *
row_address (gconstpointer item)
{
	return ((const BvProposal *)item)->address;
}

static void
row_cells (BvAddressList *list, gconstpointer item, char **cells, int *attrs, int attr, gboolean cursor)
{
	const BvProposal *p = item;
	char date[16];
	gboolean hard = p->reason == BV_PROPOSAL_HARD;
	cells[3] = g_strdup_printf ("%u", p->bounces);
	cells[4] = g_strdup (hard ? _ ("hard bounce") : _ ("repeated soft"));
	attrs[4] = cursor ? attr : bv_theme_attr (hard ? BV_EL_HARD : BV_EL_SOFT);
	cells[5] = g_strdup (bv_view_date (p->last_seen, date));
	cells[6] = g_strdup (bv_catalog_title (p->cause));
}

static char *
confirm_all (BvAddressList *list, guint n)
{
	return g_strdup_printf (ngettext ("Accept the %u proposal and mark its address?",
	                                  "Accept all %u proposals and mark their addresses?", n),
	                        n);
}

static const BvAddressListRows rows = {
	.address = row_address,
	/* The model proposes only addresses not marked yet. */
	.marked = NULL,
	.cells = row_cells,
	.confirm_all = confirm_all,
	.empty = N_ ("Nothing to propose: every address the policy would suppress is marked."),
};

static char *
proposals_title (BvView *view, BvTui *tui)
{
	guint n = ((BvAddressList *)view)->items->len;
	return g_strdup_printf (ngettext ("The policy proposes %u address (a accepts, A accepts all)",
	                                  "The policy proposes %u addresses (a accepts, A accepts all)", n),
	                        n);
}

static void
proposals_reload (BvView *view, BvTui *tui)
{
	ProposalsView *v = (ProposalsView *)view;
	bv_address_list_set_items (&v->parent, bv_model_proposals (tui->model));
}

/* Why the proposal @p stands (new string): the bounce that decided it
 * (the policy's evidence, not merely the address's latest bounce, which
 * may be a sender-side or unverified one that does not count), what it
 * said, and how many other bounces the policy left out. */
static char *
evidence (const BvProposal *p)
{
	const BvBounce *e = p->evidence;
	char first[16], last[16];
	g_autofree char *why =
	        p->reason == BV_PROPOSAL_HARD
	                ? g_strdup_printf (_ ("A hard bounce on %s"), bv_view_date (e->date, last))
	                : g_strdup_printf (ngettext ("%u soft bounce from %s to %s",
	                                             "%u soft bounces from %s to %s", p->bounces),
	                                   p->bounces, bv_view_date (p->first_seen, first),
	                                   bv_view_date (p->last_seen, last));
	const char *said = *e->diagnostic != '\0' ? e->diagnostic : e->status;
	g_autoptr (GString) text = g_string_new (why);
	/* The cause is in its column; the words are what the user checks. */
	if (*said != '\0')
		/* TRANSLATORS: the evidence of a proposal: %s is what the
		 * deciding report said: "A hard bounce on 2026-11-03; it
		 * said: 550 5.1.1 User unknown". */
		g_string_append_printf (text, _ ("; it said: %s"), said);
	if (p->ignored > 0) {
		g_string_append (text, " · ");
		g_string_append_printf (text,
		                        ngettext ("%u other bounce does not count (your side, a delay or "
		                                  "an unverified report).",
		                                  "%u other bounces do not count (your side, delays or "
		                                  "unverified reports).",
		                                  p->ignored),
		                        p->ignored);
	}
	return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
proposals_draw (BvView *view, BvTui *tui, int y, int x, int h, int w, gboolean focused)
{
	ProposalsView *v = (ProposalsView *)view;
	BvList *l = &view->list;
	if (l->n == 0 || h < EVIDENCE_ROWS + 4) {
		bv_address_list_draw (view, tui, y, x, h, w, focused);
		return;
	}
	bv_address_list_draw (view, tui, y, x, h - EVIDENCE_ROWS, w, focused);
	const BvProposal *p = v->parent.items->pdata[l->cursor];
	g_autofree char *text = evidence (p);
	int top = y + h - EVIDENCE_ROWS;
	bv_draw_fill (top, x, w, bv_theme_attr (BV_EL_SEPARATOR));
	bv_draw_text (top, x + 1, w - 2, _ ("Evidence"), bv_theme_attr (BV_EL_SECTION));
	g_autoptr (GPtrArray) lines = bv_draw_wrap (text, MAX (w - 2, 1));
	for (int i = 1; i < EVIDENCE_ROWS; i++) {
		bv_draw_fill (top + i, x, w, bv_theme_attr (BV_EL_DEFAULT));
		if ((guint)i - 1 < lines->len)
			bv_draw_text (top + i, x + 1, w - 2, lines->pdata[i - 1],
			              bv_theme_attr (BV_EL_DEFAULT));
	}
}

static gboolean
proposals_request (BvView *view, BvTui *tui, BvActionId action)
{
	/* Accepting is marking, with the policy as the marks' source. */
	if (action == BV_ACT_ACCEPT)
		action = BV_ACT_MARK;
	else if (action == BV_ACT_ACCEPT_ALL)
		action = BV_ACT_MARK_GROUP;
	return bv_address_list_request (view, tui, action);
}

static void
proposals_free (BvView *view)
{
	ProposalsView *v = (ProposalsView *)view;
	bv_address_list_clear (&v->parent);
	g_free (v);
}

static const BvViewClass proposals_class = {
	.name = "proposals",
	.title = proposals_title,
	.reload = proposals_reload,
	.draw = proposals_draw,
	.request = proposals_request,
	.matches = bv_address_list_matches,
	.free = proposals_free,
};

BvView *
bv_view_proposals_new (BvTui *tui)
{
	ProposalsView *v = g_new0 (ProposalsView, 1);
	bv_address_list_init (&v->parent, &proposals_class, &rows, columns, G_N_ELEMENTS (columns),
	                      BV_MARK_BY_POLICY);
	proposals_reload (&v->parent.parent, tui);
	return &v->parent.parent;
}

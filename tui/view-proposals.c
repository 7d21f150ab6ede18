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

static const BvColumn columns[] = {
	BV_ADDRESS_LIST_COLUMNS,
	{ N_ ("Bounces"), 7, 1, TRUE, 0 },
	/* TRANSLATORS: heading of the column saying why the policy proposes
	 * an address: "hard bounce" or "repeated soft"; not the cause. */
	{ N_ ("Reason"), 13, 2, FALSE, 0 },
	{ N_ ("Last seen"), 10, 1, FALSE, 0 },
	{ N_ ("Cause"), 22, 1, FALSE, 100 },
};

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
	bv_address_list_set_items ((BvAddressList *)view, bv_model_proposals (tui->model));
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
	bv_address_list_clear ((BvAddressList *)view);
	g_free (view);
}

static const BvViewClass proposals_class = {
	.name = "proposals",
	.title = proposals_title,
	.reload = proposals_reload,
	.draw = bv_address_list_draw,
	.request = proposals_request,
	.matches = bv_address_list_matches,
	.free = proposals_free,
};

BvView *
bv_view_proposals_new (BvTui *tui)
{
	/* The list holds all a proposals view needs. */
	BvAddressList *list = g_new0 (BvAddressList, 1);
	bv_address_list_init (list, &proposals_class, &rows, columns, G_N_ELEMENTS (columns),
	                      BV_MARK_BY_POLICY);
	proposals_reload (&list->parent, tui);
	return &list->parent;
}

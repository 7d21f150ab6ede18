/* summary.c: the summary pane of the groups view.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export/export.h"
#include "parsers/catalog.h"
#include "tui/chart.h"
#include "tui/summary.h"
#include "tui/text-view.h"

/* The most specifics and causes listed: the pane is a summary, the report
 * and the address list hold the rest. */
#define SPECIFICS_MAX 8
/* The specifics are read from this many of the group's most recent
 * addresses: reading a report's specifics costs, the pane is drawn each time
 * the cursor moves, and the most recent reports say what is going on. */
#define SPECIFICS_ADDRESSES_MAX 2000
#define CAUSES_MAX 5

static void
summary_free (BvView *view)
{
	bv_text_view_clear ((BvTextView *)view);
	g_free (view);
}

static const BvViewClass summary_class = {
	.name = "summary",
	.title = bv_text_view_title,
	.draw = bv_text_view_draw,
	.request = bv_text_view_request,
	.matches = bv_text_view_matches,
	.free = summary_free,
};

/* The cause with most bounces in the group, and how many it has. */
static BvCause
main_cause (const guint *per_cause, guint *count)
{
	BvCause best = BV_CAUSE_UNDEFINED;
	*count = 0;
	for (guint c = 0; c < BV_CAUSE_COUNT; c++)
		if (per_cause[c] > *count) {
			*count = per_cause[c];
			best = (BvCause)c;
		}
	return best;
}

static void
add_counts (BvTextView *tv, const BvGroup *g, guint total)
{
	g_autofree char *addresses = g->marked > 0
	                                     /* TRANSLATORS: addresses of a group in the
	                                      * summary pane: "3, 1 marked". */
	                                     ? g_strdup_printf (_ ("%u, %u marked"), g->addresses, g->marked)
	                                     : g_strdup_printf ("%u", g->addresses);
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Addresses"), addresses, TRUE);
	/* TRANSLATORS: bounces of a group in the summary pane: "5 (62.5% of
	 * all)", all being the bounces the filters let through. */
	g_autofree char *bounces = g_strdup_printf (_ ("%u (%.1f%% of all)"), g->bounces,
	                                            total > 0 ? 100.0 * g->bounces / total : 0.0);
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Bounces"), bounces, TRUE);
	char a[16], b[16];
	/* TRANSLATORS: first and last bounce of a group: "2023-11-14 to
	 * 2024-05-07". */
	g_autofree char *seen = g_strdup_printf (_ ("%1$s to %2$s"), bv_view_date (g->first_seen, a),
	                                         bv_view_date (g->last_seen, b));
	bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Seen"), seen, TRUE);
}

static void
add_sparkline (BvTextView *tv, BvTui *tui, const BvGroup *g)
{
	gint64 since = bv_chart_today () - (BV_SUMMARY_DAYS - 1) * BV_CHART_DAY;
	g_autofree guint *counts = g_new0 (guint, BV_SUMMARY_DAYS * BV_CAUSE_COUNT);
	bv_model_count_days (tui->model, g->dimension, g->key, &tui->filter, since, BV_SUMMARY_DAYS, counts);
	guint days[BV_SUMMARY_DAYS] = { 0 }, sum = 0, max = 0;
	for (guint d = 0; d < BV_SUMMARY_DAYS; d++) {
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			days[d] += counts[d * BV_CAUSE_COUNT + c];
		sum += days[d];
		max = MAX (max, days[d]);
	}
	if (sum == 0) {
		bv_text_view_add (tv, BV_EL_DIM, _ ("30 days"), _ ("no bounce in the last 30 days"), TRUE);
		return;
	}
	g_autofree char *line = bv_chart_sparkline (days, BV_SUMMARY_DAYS);
	bv_text_view_add (tv, BV_EL_CODE, _ ("30 days"), line, FALSE);
	/* TRANSLATORS: under the 30-day sparkline: how many bounces in all
	 * and on the worst day. */
	g_autofree char *figures = g_strdup_printf (_ ("%u in all, at most %u a day"), sum, max);
	bv_text_view_add (tv, BV_EL_DIM, "", figures, TRUE);
}

static void
add_fix (BvTextView *tv, BvCause cause)
{
	bv_text_view_section (tv, _ ("How to fix it"));
	g_auto (GStrv) steps = g_strsplit (bv_catalog_fix (cause), "\n", -1);
	guint n = 0;
	for (char **s = steps; *s != NULL; s++) {
		g_strstrip (*s);
		if (**s == '\0')
			continue;
		g_autofree char *number = g_strdup_printf ("%u. ", ++n);
		bv_text_view_add_item (tv, BV_EL_DEFAULT, number, *s);
	}
}

/* What the reports say, as the fix report lists it under a cause. */
static void
add_specifics (BvTextView *tv, BvTui *tui, const BvGroup *g)
{
	g_autoptr (GPtrArray) rows = bv_export_group_rows (tui->model, g->dimension, g->key, &tui->filter,
	                                                   SPECIFICS_ADDRESSES_MAX);
	g_autoptr (GPtrArray) specifics = bv_export_specifics (rows);
	if (specifics->len == 0)
		return;
	bv_text_view_section (tv, _ ("What the reports say"));
	if (rows->len > SPECIFICS_ADDRESSES_MAX) {
		g_autofree char *note = g_strdup_printf (_ ("(from the %u most recent addresses)"),
		                                         (guint)SPECIFICS_ADDRESSES_MAX);
		bv_text_view_add (tv, BV_EL_DIM, NULL, note, TRUE);
	}
	guint shown = MIN (specifics->len, SPECIFICS_MAX);
	for (guint i = 0; i < shown; i++) {
		const BvExportSpecific *sp = specifics->pdata[i];
		g_autofree char *text =
		        sp->addresses > 1 ? g_strdup_printf (ngettext ("%s (%u address)", "%s (%u addresses)",
		                                                       sp->addresses),
		                                             sp->text, sp->addresses)
		                          : g_strdup (sp->text);
		bv_text_view_add_item (tv, BV_EL_DEFAULT, "- ", text);
	}
	if (specifics->len > shown) {
		g_autofree char *rest =
		        g_strdup_printf (ngettext ("and %u more (in the report: e)",
		                                   "and %u more (in the report: e)", specifics->len - shown),
		                         specifics->len - shown);
		bv_text_view_add (tv, BV_EL_DIM, NULL, rest, TRUE);
	}
}

static void
add_causes (BvTextView *tv, const guint *per_cause)
{
	bv_text_view_section (tv, _ ("Causes in this group"));
	gboolean used[BV_CAUSE_COUNT] = { FALSE };
	for (guint n = 0; n < CAUSES_MAX; n++) {
		int best = -1;
		for (guint c = 0; c < BV_CAUSE_COUNT; c++)
			if (!used[c] && per_cause[c] > 0 && (best < 0 || per_cause[c] > per_cause[best]))
				best = (int)c;
		if (best < 0)
			break;
		used[best] = TRUE;
		g_autofree char *count = g_strdup_printf ("%5u  ", per_cause[best]);
		bv_text_view_add_item (tv, BV_EL_DEFAULT, count, bv_catalog_title ((BvCause)best));
	}
}

BvView *
bv_summary_new (BvTui *tui, const BvGroup *g, const char *title, guint total)
{
	BvTextView *tv = g_new0 (BvTextView, 1);
	bv_text_view_init (tv, &summary_class, title);
	/* Every bounce of the group, by cause, over all its dates. */
	guint per_cause[BV_CAUSE_COUNT];
	bv_model_count_days (tui->model, g->dimension, g->key, &tui->filter, 0, 0, per_cause);
	guint main_count;
	BvCause cause = main_cause (per_cause, &main_count);
	/* A cause holding most of the group speaks for it. */
	gboolean dominant = main_count * 2 > g->bounces;
	BvSide side = dominant ? bv_catalog_side (cause) : BV_SIDE_NONE;

	bv_text_view_add (tv, BV_EL_SECTION, NULL, title, TRUE);
	if (dominant)
		bv_text_view_add (tv, BV_EL_DEFAULT, _ ("Who acts"), bv_side_label (side), TRUE);
	add_counts (tv, g, total);
	add_sparkline (tv, tui, g);
	if (side == BV_SIDE_SENDER) {
		bv_text_view_add (tv, BV_EL_DEFAULT, NULL, "", FALSE);
		bv_text_view_add (
		        tv, BV_EL_HARD, NULL,
		        _ ("The addresses are probably fine: the problem is your sending setup. Fix it "
		           "and send again; do not suppress these addresses."),
		        TRUE);
	}
	/* What the reports name (the blocklist, the failed check, the
	 * mistyped domain) comes before the general text: it is the part a
	 * person acts on. */
	add_specifics (tv, tui, g);
	if (g->dimension != BV_DIMENSION_CAUSE)
		add_causes (tv, per_cause);
	if (dominant) {
		if (g->dimension != BV_DIMENSION_CAUSE) {
			/* A heading that wraps: a cause's title is long for a
			 * pane beside the list. */
			g_autofree char *heading =
			        g_strdup_printf (_ ("Mostly: %s"), bv_catalog_title (cause));
			bv_text_view_add (tv, BV_EL_DEFAULT, NULL, "", FALSE);
			bv_text_view_add (tv, BV_EL_SECTION, NULL, heading, TRUE);
		} else {
			bv_text_view_section (tv, _ ("What it means"));
		}
		bv_text_view_add (tv, BV_EL_DEFAULT, NULL, bv_catalog_explanation (cause), TRUE);
		add_fix (tv, cause);
	}
	return &tv->parent;
}

/* export-report.c: the fix list for a person, in Markdown.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A summary table of the causes, then one section per cause with the
 * catalog's explanation and fix written once, what the reports said
 * specifically, and the addresses.  Causes on the sender's side (blocklists,
 * SPF/DKIM/DMARC, reverse DNS, rate) come first: one change to the sending
 * setup clears every bounce of such a cause, while a recipient's bad
 * address only ever clears itself.  Text from mail (addresses, diagnostics,
 * suggestions naming hosts) is escaped so it cannot become markup or links.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "export-private.h"

/* The longest diagnostic quoted as an example; enough for the reason, not
 * for a whole transcript pasted in by a hostile server. */
#define EXAMPLE_MAX_CHARS 300
/* The most distinct report specifics listed under one cause: beyond that
 * they are per-address details (which host refused) that the CSV holds. */
#define SPECIFICS_MAX 10

typedef struct {
	BvCause cause;
	guint addresses;
	guint bounces;
	GPtrArray *rows; /* of const BvExportRow*, not owned, in export order */
	/* Distinct suggestions -> number of addresses, in first-seen order. */
	GHashTable *suggestions;
	GPtrArray *suggestion_order;
} CauseGroup;

static void
cause_group_free (CauseGroup *g)
{
	g_ptr_array_unref (g->rows);
	g_hash_table_unref (g->suggestions);
	g_ptr_array_unref (g->suggestion_order);
	g_free (g);
}

/* Sections in the order a person should work through them. */
static guint
side_rank (BvSide side)
{
	switch (side) {
	case BV_SIDE_SENDER: return 0;
	case BV_SIDE_MESSAGE: return 1;
	case BV_SIDE_RECIPIENT: return 2;
	case BV_SIDE_TEMPORARY: return 3;
	case BV_SIDE_NONE:
	case BV_SIDE_COUNT: break;
	}
	return 4;
}

static const char *
side_heading (BvSide side)
{
	switch (side) {
	case BV_SIDE_SENDER: return _ ("Your sending setup: fix these first, one change clears them all");
	case BV_SIDE_MESSAGE: return _ ("The message: change it, then send again");
	case BV_SIDE_RECIPIENT: return _ ("The recipients' side: the addresses themselves");
	case BV_SIDE_TEMPORARY: return _ ("Temporary: the servers retry by themselves");
	case BV_SIDE_NONE:
	case BV_SIDE_COUNT: break;
	}
	return _ ("Nothing to act on");
}

static gint
compare_groups (gconstpointer a, gconstpointer b)
{
	const CauseGroup *x = *(const CauseGroup *const *)a, *y = *(const CauseGroup *const *)b;
	guint rx = side_rank (bv_catalog_side (x->cause)), ry = side_rank (bv_catalog_side (y->cause));
	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->addresses != y->addresses)
		return x->addresses > y->addresses ? -1 : 1;
	if (x->bounces != y->bounces)
		return x->bounces > y->bounces ? -1 : 1;
	return (int)x->cause - (int)y->cause;
}

/* Rows grouped by cause, in section order. */
static GPtrArray *
group_rows (GPtrArray *rows)
{
	CauseGroup *by_cause[BV_CAUSE_COUNT] = { NULL };
	GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)cause_group_free);
	for (guint i = 0; i < rows->len; i++) {
		const BvExportRow *r = rows->pdata[i];
		BvCause c = (guint)r->cause < BV_CAUSE_COUNT ? r->cause : BV_CAUSE_UNDEFINED;
		CauseGroup *g = by_cause[c];
		if (g == NULL) {
			g = by_cause[c] = g_new0 (CauseGroup, 1);
			g->cause = c;
			g->rows = g_ptr_array_new ();
			g->suggestions = g_hash_table_new (g_str_hash, g_str_equal);
			g->suggestion_order = g_ptr_array_new ();
			g_ptr_array_add (groups, g);
		}
		g->addresses++;
		g->bounces += r->bounces;
		g_ptr_array_add (g->rows, (gpointer)r);
		if (r->suggestion[0] != '\0') {
			guint n = GPOINTER_TO_UINT (g_hash_table_lookup (g->suggestions, r->suggestion));
			if (n == 0)
				g_ptr_array_add (g->suggestion_order, r->suggestion);
			g_hash_table_insert (g->suggestions, r->suggestion, GUINT_TO_POINTER (n + 1));
		}
	}
	g_ptr_array_sort (groups, compare_groups);
	return groups;
}

/* Writes @s (from mail, up to @max characters, -1 for all) as inline
 * Markdown: line breaks and control characters become spaces, and the
 * characters that start emphasis, code, links, HTML or table cells are
 * escaped. */
static void
md_text (FILE *out, const char *s, glong max)
{
	g_autofree char *valid = g_utf8_make_valid (s, -1);
	glong n = 0;
	for (const char *p = valid; *p; p = g_utf8_next_char (p), n++) {
		if (max >= 0 && n >= max) {
			fputs ("…", out);
			return;
		}
		gunichar c = g_utf8_get_char (p);
		if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
			fputc (' ', out);
		else if (c < 0x80 && strchr ("\\`*_[]<>|~&#!", (int)c) != NULL)
			fprintf (out, "\\%c", (int)c);
		else
			fwrite (p, 1, g_utf8_next_char (p) - p, out);
	}
}

static char *
day_of (gint64 t)
{
	g_autofree char *iso = bv_export_format_date (t);
	return g_strndup (iso, 10);
}

static void
write_summary (FILE *out, GPtrArray *groups, GPtrArray *rows)
{
	guint bounces = 0;
	gint64 first = 0, last = 0;
	for (guint i = 0; i < rows->len; i++) {
		const BvExportRow *r = rows->pdata[i];
		bounces += r->bounces;
		if (r->first_seen > 0 && (first == 0 || r->first_seen < first))
			first = r->first_seen;
		last = MAX (last, r->last_seen);
	}
	fprintf (out, "# %s\n\n", _ ("Bounce fix list"));
	if (rows->len == 0) {
		fprintf (out, "%s\n", _ ("No address in the selection bounced."));
		return;
	}
	g_autofree char *from = day_of (first), *to = day_of (last);
	fprintf (out, g_dngettext (GETTEXT_PACKAGE, "%u address", "%u addresses", rows->len), rows->len);
	fputs (", ", out);
	fprintf (out, g_dngettext (GETTEXT_PACKAGE, "%u bounce", "%u bounces", bounces), bounces);
	if (first > 0)
		fprintf (out, _ (", from %s to %s"), from, to);
	fputs (".\n\n", out);
	fprintf (out, "| %s | %s | %s | %s | %s |\n|---|---|--:|--:|--:|\n", _ ("Cause"), _ ("Who acts"),
	         _ ("Addresses"), _ ("Bounces"), _ ("Share"));
	for (guint i = 0; i < groups->len; i++) {
		const CauseGroup *g = groups->pdata[i];
		fprintf (out, "| %s (`%s`) | %s | %u | %u | %.1f%% |\n", bv_catalog_title (g->cause),
		         bv_cause_id (g->cause), bv_side_label (bv_catalog_side (g->cause)), g->addresses,
		         g->bounces, 100.0 * g->addresses / rows->len);
	}
	fputc ('\n', out);
}

static void
write_fix_steps (FILE *out, BvCause cause)
{
	g_auto (GStrv) steps = g_strsplit (bv_catalog_fix (cause), "\n", -1);
	guint n = 0;
	for (guint i = 0; steps[i] != NULL; i++) {
		const char *step = g_strstrip (steps[i]);
		if (step[0] != '\0')
			fprintf (out, "%u. %s\n", ++n, step);
	}
	if (n > 0)
		fputc ('\n', out);
}

static void
write_address (FILE *out, const BvExportRow *r)
{
	g_autofree char *last = day_of (r->last_seen);
	fputs ("- ", out);
	md_text (out, r->address, -1);
	fputs (": ", out);
	fprintf (out, g_dngettext (GETTEXT_PACKAGE, "%u bounce", "%u bounces", r->bounces), r->bounces);
	if (r->last_seen > 0)
		fprintf (out, _ (", last %s"), last);
	const char *code = r->status[0] != '\0' ? r->status : r->reply_code;
	if (code[0] != '\0') {
		fputs (", ", out);
		md_text (out, code, 16);
	}
	if (r->marked)
		fprintf (out, ", %s", _ ("marked for suppression"));
	fputc ('\n', out);
}

static void
write_group (FILE *out, const CauseGroup *g)
{
	fprintf (out, "### %s (`%s`)\n\n", bv_catalog_title (g->cause), bv_cause_id (g->cause));
	fprintf (out, "%s %s. %s %s.\n\n", _ ("Who acts:"), bv_side_label (bv_catalog_side (g->cause)),
	         _ ("What to do with the addresses:"), bv_action_label (bv_catalog_action (g->cause)));
	fprintf (out, "%s\n\n", bv_catalog_explanation (g->cause));
	fprintf (out, "**%s**\n\n", _ ("Fix"));
	write_fix_steps (out, g->cause);
	if (g->suggestion_order->len > 0) {
		fprintf (out, "**%s**\n\n", _ ("What the reports say"));
		guint shown = MIN (g->suggestion_order->len, SPECIFICS_MAX);
		for (guint i = 0; i < shown; i++) {
			const char *s = g->suggestion_order->pdata[i];
			guint n = GPOINTER_TO_UINT (g_hash_table_lookup (g->suggestions, s));
			fputs ("- ", out);
			md_text (out, s, -1);
			if (n > 1)
				fprintf (out,
				         g_dngettext (GETTEXT_PACKAGE, " (%u address)", " (%u addresses)", n),
				         n);
			fputc ('\n', out);
		}
		guint rest = g->suggestion_order->len - shown;
		if (rest > 0)
			fprintf (out,
			         g_dngettext (GETTEXT_PACKAGE, "- and %u more\n", "- and %u more\n", rest),
			         rest);
		fputc ('\n', out);
	}
	/* The most recent diagnostic: the server's own words help a person
	 * recognise the problem (and search for it). */
	const BvExportRow *latest = g->rows->pdata[0];
	if (latest->last_diagnostic[0] != '\0') {
		fprintf (out, "%s\n\n> ", _ ("The latest server reply:"));
		md_text (out, latest->last_diagnostic, EXAMPLE_MAX_CHARS);
		fputs ("\n\n", out);
	}
	fprintf (out, "**%s** (%u)\n\n", _ ("Addresses"), g->addresses);
	for (guint i = 0; i < g->rows->len; i++)
		write_address (out, g->rows->pdata[i]);
	fputc ('\n', out);
}

guint
bv_export_write_report (FILE *out, GPtrArray *rows)
{
	g_autoptr (GPtrArray) groups = group_rows (rows);
	write_summary (out, groups, rows);
	guint last_rank = G_MAXUINT;
	for (guint i = 0; i < groups->len; i++) {
		const CauseGroup *g = groups->pdata[i];
		BvSide side = bv_catalog_side (g->cause);
		if (side_rank (side) != last_rank) {
			last_rank = side_rank (side);
			fprintf (out, "## %s\n\n", side_heading (side));
		}
		write_group (out, g);
	}
	return rows->len;
}

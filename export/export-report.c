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

#include "export/export-private.h"

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
} CauseGroup;

static void
cause_group_free (CauseGroup *g)
{
	g_ptr_array_unref (g->rows);
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
			g_ptr_array_add (groups, g);
		}
		g->addresses++;
		g->bounces += r->bounces;
		g_ptr_array_add (g->rows, (gpointer)r);
	}
	g_ptr_array_sort (groups, compare_groups);
	return groups;
}

/* Appends @s (from mail, up to @max characters, -1 for all) to @out as
 * inline Markdown: line breaks and control characters become spaces, and
 * the characters that start emphasis, code, links, HTML or table cells are
 * escaped. */
static void
md_append (GString *out, const char *s, glong max)
{
	g_autofree char *valid = g_utf8_make_valid (s, -1);
	glong n = 0;
	for (const char *p = valid; *p; p = g_utf8_next_char (p), n++) {
		if (max >= 0 && n >= max) {
			g_string_append (out, "…");
			return;
		}
		gunichar c = g_utf8_get_char (p);
		if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
			g_string_append_c (out, ' ');
		else if (c < 0x80 && strchr ("\\`*_[]<>|~&#!", (int)c) != NULL)
			g_string_append_printf (out, "\\%c", (int)c);
		else
			g_string_append_len (out, p, g_utf8_next_char (p) - p);
	}
}

/* Writes @s to @out as md_append() makes it. */
static void
md_text (FILE *out, const char *s, glong max)
{
	g_autoptr (GString) text = g_string_new (NULL);
	md_append (text, s, max);
	fputs (text->str, out);
}

/* A copy of @s without the spaces that follow full-width punctuation
 * ("。 "): such punctuation carries its own spacing, and a space after it
 * is what joining Chinese sentences with " " leaves (the rows' suggestion
 * joins its sentences that way, for every language). */
static char *
drop_spaces_after_wide_punctuation (const char *s)
{
	GString *out = g_string_sized_new (strlen (s));
	gboolean after_wide_punct = FALSE;
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p)) {
		gunichar c = g_utf8_get_char (p);
		if (c == ' ' && after_wide_punct)
			continue;
		after_wide_punct = g_unichar_ispunct (c) && g_unichar_iswide (c);
		g_string_append_len (out, p, g_utf8_next_char (p) - p);
	}
	return g_string_free (out, FALSE);
}

void
bv_export_specific_free (BvExportSpecific *specific)
{
	if (specific == NULL)
		return;
	g_free (specific->text);
	g_free (specific);
}

GPtrArray *
bv_export_specifics (GPtrArray *rows)
{
	GPtrArray *specifics = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_export_specific_free);
	/* Suggestion (the row's) -> its BvExportSpecific. */
	g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
	for (guint i = 0; i < rows->len; i++) {
		const BvExportRow *r = rows->pdata[i];
		if (r->suggestion[0] == '\0')
			continue;
		BvExportSpecific *sp = g_hash_table_lookup (seen, r->suggestion);
		if (sp == NULL) {
			sp = g_new0 (BvExportSpecific, 1);
			sp->text = drop_spaces_after_wide_punctuation (r->suggestion);
			g_hash_table_insert (seen, r->suggestion, sp);
			g_ptr_array_add (specifics, sp);
		}
		sp->addresses++;
	}
	return specifics;
}

/* A cause as the report names it: its title and, for scripts and searches,
 * its id. */
static char *
cause_name (BvCause cause)
{
	/* TRANSLATORS: a cause in the fix report (Markdown): %1$s is its
	 * title, %2$s its id ("userunknown") between backquotes. */
	return g_strdup_printf (_ ("%1$s (`%2$s`)"), bv_catalog_title (cause), bv_cause_id (cause));
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
	g_autofree char *addresses = g_strdup_printf (
	        g_dngettext (GETTEXT_PACKAGE, "%u address", "%u addresses", rows->len), rows->len);
	g_autofree char *counted =
	        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bounce", "%u bounces", bounces), bounces);
	if (first > 0)
		/* TRANSLATORS: the summary of the fix report: %1$s is "3
		 * addresses", %2$s "5 bounces", %3$s and %4$s days. */
		fprintf (out, _ ("%1$s, %2$s, from %3$s to %4$s.\n\n"), addresses, counted, from, to);
	else
		/* TRANSLATORS: as above, when no date is known. */
		fprintf (out, _ ("%1$s, %2$s.\n\n"), addresses, counted);
	fprintf (out, "| %s | %s | %s | %s | %s |\n|---|---|--:|--:|--:|\n", _ ("Cause"), _ ("Who acts"),
	         _ ("Addresses"), _ ("Bounces"), _ ("Share"));
	for (guint i = 0; i < groups->len; i++) {
		const CauseGroup *g = groups->pdata[i];
		g_autofree char *name = cause_name (g->cause);
		fprintf (out, "| %s | %s | %u | %u | %.1f%% |\n", name,
		         bv_side_label (bv_catalog_side (g->cause)), g->addresses, g->bounces,
		         100.0 * g->addresses / rows->len);
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

/* One item of an address's facts, after the ones already in @facts. */
static void
add_fact (GString *facts)
{
	if (facts->len > 0)
		/* TRANSLATORS: between the facts of an address in the fix
		 * report: "2 bounces, last 2024-05-07, 5.1.1". */
		g_string_append (facts, C_ ("list separator", ", "));
}

static void
write_address (FILE *out, const BvExportRow *r)
{
	g_autoptr (GString) facts = g_string_new (NULL);
	g_string_append_printf (facts, g_dngettext (GETTEXT_PACKAGE, "%u bounce", "%u bounces", r->bounces),
	                        r->bounces);
	if (r->last_seen > 0) {
		g_autofree char *last = day_of (r->last_seen);
		add_fact (facts);
		/* TRANSLATORS: %s is the day of an address's latest bounce. */
		g_string_append_printf (facts, _ ("last %s"), last);
	}
	const char *code = r->status[0] != '\0' ? r->status : r->reply_code;
	if (code[0] != '\0') {
		add_fact (facts);
		md_append (facts, code, 16);
	}
	if (r->marked) {
		add_fact (facts);
		g_string_append (facts, _ ("marked for suppression"));
	}
	g_autoptr (GString) address = g_string_new (NULL);
	md_append (address, r->address, -1);
	/* TRANSLATORS: an address of the fix report and what is known about
	 * it: "alice@example.com: 2 bounces, last 2024-05-07, 5.1.1". */
	g_autofree char *line = g_strdup_printf (_ ("%1$s: %2$s"), address->str, facts->str);
	fprintf (out, "- %s\n", line);
}

static void
write_group (FILE *out, const CauseGroup *g)
{
	g_autofree char *name = cause_name (g->cause);
	fprintf (out, "### %s\n\n", name);
	/* TRANSLATORS: under each cause of the fix report: %1$s says who
	 * acts ("your sending setup"), %2$s what to do ("suppress the address
	 * now"). */
	fprintf (out, _ ("Who acts: %1$s. What to do with the addresses: %2$s.\n\n"),
	         bv_side_label (bv_catalog_side (g->cause)), bv_action_label (bv_catalog_action (g->cause)));
	fprintf (out, "%s\n\n", bv_catalog_explanation (g->cause));
	fprintf (out, "**%s**\n\n", _ ("Fix"));
	write_fix_steps (out, g->cause);
	g_autoptr (GPtrArray) specifics = bv_export_specifics (g->rows);
	if (specifics->len > 0) {
		fprintf (out, "**%s**\n\n", _ ("What the reports say"));
		guint shown = MIN (specifics->len, SPECIFICS_MAX);
		for (guint i = 0; i < shown; i++) {
			const BvExportSpecific *sp = specifics->pdata[i];
			guint n = sp->addresses;
			fputs ("- ", out);
			md_text (out, sp->text, -1);
			if (n > 1)
				fprintf (out,
				         g_dngettext (GETTEXT_PACKAGE, " (%u address)", " (%u addresses)", n),
				         n);
			fputc ('\n', out);
		}
		guint rest = specifics->len - shown;
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
	/* TRANSLATORS: the heading of a cause's address list in the fix
	 * report (Markdown: the bold word is the heading); %u is how many. */
	fprintf (out, _ ("**Addresses** (%u)\n\n"), g->addresses);
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

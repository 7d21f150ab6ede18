/* cmd-explain.c: `bounceview explain CAUSE|STATUS|REPLY...`.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints what a cause, an enhanced status code ("5.7.1") or an SMTP reply
 * code ("550") means, who must act and how to fix it, from the catalog
 * (parsers/catalog.h), in the user's language.  A code is also shown with
 * the cause the engine gives it when a report carries that code alone, so
 * "explain 5.2.2" ends with the fix for a full mailbox.  With no argument it
 * lists the causes.  Readable text by default; --format=json prints one
 * JSON object per query.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parsers/bounce.h"
#include "parsers/catalog.h"
#include "parsers/classify.h"
#include "cli/commands.h"
#include "output/printer.h"
#include "output/wrap.h"

/* Text is wrapped to this many terminal columns. */
#define WRAP_COLUMNS 78

typedef enum {
	QUERY_CAUSE,
	QUERY_STATUS,
	QUERY_REPLY,
} QueryType;

static const char *const query_type_ids[] = { "cause", "status", "reply" };

/* Writes @text wrapped to WRAP_COLUMNS, every line starting with @indent
 * spaces (@first_indent for the first), by the same line-breaking rules as
 * the terminal interface (output/wrap.h). */
static void
print_wrapped (FILE *out, const char *text, int first_indent, int indent)
{
	if (text == NULL || *text == '\0')
		return;
	g_autoptr (GPtrArray) lines =
	        bv_wrap (text, WRAP_COLUMNS - first_indent, WRAP_COLUMNS - indent, NULL);
	for (guint i = 0; i < lines->len; i++)
		fprintf (out, "%*s%s\n", i == 0 ? first_indent : indent, "", (const char *)lines->pdata[i]);
}

/* The fix steps, numbered, one wrapped item per line. */
static void
print_steps (FILE *out, const char *fix)
{
	g_auto (GStrv) steps = g_strsplit (fix, "\n", -1);
	for (int i = 0; steps[i] != NULL; i++) {
		g_autofree char *item = g_strdup_printf ("%d. %s", i + 1, steps[i]);
		print_wrapped (out, item, 2, 5);
	}
}

static void
print_cause_text (FILE *out, BvCause cause, gboolean as_usual_cause)
{
	if (as_usual_cause)
		/* TRANSLATORS: %1$s is a cause id ("mailboxfull"), %2$s its title. */
		fprintf (out, _ ("Usual cause: %1$s (%2$s)\n"), bv_cause_id (cause),
		         bv_catalog_title (cause));
	else
		/* TRANSLATORS: the first line of `explain CAUSE`: %1$s is the
		 * cause id ("mailboxfull"), %2$s its title. */
		fprintf (out, _ ("%1$s: %2$s\n"), bv_cause_id (cause), bv_catalog_title (cause));
	fprintf (out, _ ("Who must act: %s\n"), bv_side_label (bv_catalog_side (cause)));
	fprintf (out, _ ("The address: %s\n"), bv_action_label (bv_catalog_action (cause)));
	fputc ('\n', out);
	print_wrapped (out, bv_catalog_explanation (cause), 0, 0);
	fputc ('\n', out);
	fputs (_ ("How to fix it:\n"), out);
	print_steps (out, bv_catalog_fix (cause));
}

/* One "Class 5 (Permanent failure): meaning" line. */
static void
print_code_part (FILE *out, const char *label, const char *code, const BvCodeText *t)
{
	g_autofree char *line = NULL;
	if (t->name != NULL)
		/* TRANSLATORS: "Class 5 (Permanent failure): meaning". %1$s is
		 * "Class", "Subject" or "Detail", %2$s the code, %3$s its name,
		 * %4$s its meaning. */
		line = g_strdup_printf (_ ("%1$s %2$s (%3$s): %4$s"), label, code, t->name, t->meaning);
	else if (t->meaning != NULL)
		/* TRANSLATORS: as above, without the name. */
		line = g_strdup_printf (_ ("%1$s %2$s: %3$s"), label, code, t->meaning);
	else
		/* TRANSLATORS: %1$s is "Detail", %2$s a code such as "x.7.650". */
		line = g_strdup_printf (
		        _ ("%1$s %2$s: not in the standard registry; the server's text says more."), label,
		        code);
	print_wrapped (out, line, 2, 4);
}

/* The cause the engine gives a recipient whose report carries only this
 * status or reply code. */
static BvCause
usual_cause (const char *status, const char *reply)
{
	g_autoptr (BvRecipient) r = bv_recipient_new ();
	g_free (r->status);
	r->status = g_strdup (status);
	g_free (r->reply_code);
	r->reply_code = g_strdup (reply);
	g_free (r->action);
	r->action = g_strdup ("failed");
	bv_classify (r, BV_KIND_FAILED);
	return r->cause;
}

/* The three parts of a status code: "5", "x.7", "x.7.1". */
static void
status_parts (const char *status, char **cls, char **subject, char **detail)
{
	const char *dot = strchr (status, '.');
	*cls = g_strndup (status, dot - status);
	*subject = g_strdup_printf ("x.%.*s", (int)strcspn (dot + 1, "."), dot + 1);
	*detail = g_strdup_printf ("x.%s", dot + 1);
}

static void
print_text (FILE *out, const char *query, QueryType type, BvCause cause)
{
	if (type == QUERY_STATUS) {
		BvCodeText c, s, d;
		bv_status_explain (query, &c, &s, &d);
		g_autofree char *pc = NULL, *ps = NULL, *pd = NULL;
		status_parts (query, &pc, &ps, &pd);
		fprintf (out, _ ("%1$s: %2$s\n"), query, d.name != NULL ? d.name : s.name);
		print_code_part (out, _ ("Class"), pc, &c);
		print_code_part (out, _ ("Subject"), ps, &s);
		print_code_part (out, _ ("Detail"), pd, &d);
		fputc ('\n', out);
	} else if (type == QUERY_REPLY) {
		BvCodeText r;
		bv_reply_explain (query, &r);
		if (r.name != NULL)
			fprintf (out, _ ("%1$s: %2$s\n"), query, r.name);
		else
			/* TRANSLATORS: %s is an SMTP reply code ("599"). */
			fprintf (out, _ ("%s: not a standard reply code; its first digit says:\n"), query);
		print_wrapped (out, r.meaning, 2, 2);
		fputc ('\n', out);
	}
	print_cause_text (out, cause, type != QUERY_CAUSE);
}

static void
print_code_object (BvPrinter *p, const char *key, const char *code, const BvCodeText *t)
{
	p->begin_object (p, key);
	p->string (p, "code", code);
	p->string (p, "name", t->name != NULL ? t->name : "");
	p->string (p, "meaning", t->meaning != NULL ? t->meaning : "");
	p->end_object (p);
}

static void
print_json (BvPrinter *p, const char *query, QueryType type, BvCause cause)
{
	p->begin_record (p);
	p->string (p, "query", query);
	p->string (p, "type", query_type_ids[type]);
	if (type == QUERY_STATUS) {
		BvCodeText c, s, d;
		bv_status_explain (query, &c, &s, &d);
		g_autofree char *pc = NULL, *ps = NULL, *pd = NULL;
		status_parts (query, &pc, &ps, &pd);
		print_code_object (p, "class", pc, &c);
		print_code_object (p, "subject", ps, &s);
		print_code_object (p, "detail", pd, &d);
	} else if (type == QUERY_REPLY) {
		BvCodeText r;
		bv_reply_explain (query, &r);
		print_code_object (p, "reply", query, &r);
	}
	p->string (p, "cause", bv_cause_id (cause));
	p->string (p, "title", bv_catalog_title (cause));
	p->string (p, "side", bv_side_id (bv_catalog_side (cause)));
	p->string (p, "side_label", bv_side_label (bv_catalog_side (cause)));
	p->string (p, "action", bv_action_id (bv_catalog_action (cause)));
	p->string (p, "action_label", bv_action_label (bv_catalog_action (cause)));
	p->string (p, "explanation", bv_catalog_explanation (cause));
	p->string (p, "fix", bv_catalog_fix (cause));
	p->end_record (p);
}

/* Recognises @query; FALSE when it is neither a cause nor a code. */
static gboolean
parse_query (const char *query, QueryType *type, BvCause *cause)
{
	g_autofree char *lower = g_ascii_strdown (query, -1);
	if (bv_cause_from_id (lower, cause)) {
		*type = QUERY_CAUSE;
		return TRUE;
	}
	if (bv_status_explain (query, NULL, NULL, NULL)) {
		*type = QUERY_STATUS;
		*cause = usual_cause (query, "");
		return TRUE;
	}
	if (bv_reply_explain (query, NULL)) {
		*type = QUERY_REPLY;
		/* The engine decides nothing from most bare reply codes; the
		 * catalog knows what each most often means. */
		*cause = usual_cause ("", query);
		BvCodeText r;
		bv_reply_explain (query, &r);
		if (*cause == BV_CAUSE_UNDEFINED)
			*cause = r.cause;
		return TRUE;
	}
	return FALSE;
}

static void
list_causes (FILE *out)
{
	for (int c = 0; c < BV_CAUSE_COUNT; c++)
		fprintf (out, "%-16s %s\n", bv_cause_id (c), bv_catalog_title (c));
}

int
bv_cmd_explain (int argc, char **argv)
{
	g_autofree char *format_name = NULL;
	g_auto (GStrv) queries = NULL;
	GOptionEntry entries[] = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
		                     N_ ("output format: text or json"), N_ ("FORMAT") },
		                   { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &queries, NULL,
		                     NULL },
		                   G_OPTION_ENTRY_NULL };
	g_autoptr (GOptionContext) ctx =
	        g_option_context_new (_ ("CAUSE|STATUS|REPLY... - explain a bounce cause or code"));
	g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
	g_option_context_set_summary (ctx,
	                              _ ("CAUSE is a cause id such as mailboxfull, STATUS an enhanced status "
	                                 "code such as 5.7.1,\nREPLY an SMTP reply code such as 550. "
	                                 "With no argument, lists the causes."));
	g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
	g_autoptr (GError) error = NULL;
	if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
		fprintf (stderr, "bounceview: explain: %s\n", error->message);
		return 2;
	}
	gboolean json = FALSE;
	if (format_name != NULL) {
		if (strcmp (format_name, "json") == 0 || strcmp (format_name, "jsonl") == 0) {
			json = TRUE;
		} else if (strcmp (format_name, "text") != 0) {
			fprintf (stderr, "bounceview: explain: %s: %s\n", format_name,
			         _ ("unknown format (use text or json)"));
			return 2;
		}
	}
	if (queries == NULL || queries[0] == NULL) {
		if (json) {
			g_autoptr (BvPrinter) p = bv_printer_json_new (stdout, FALSE);
			for (int c = 0; c < BV_CAUSE_COUNT; c++)
				print_json (p, bv_cause_id (c), QUERY_CAUSE, c);
			p->finish (p);
		} else {
			list_causes (stdout);
		}
		return 0;
	}

	/* Check every query first, so a typo does not leave half an output. */
	for (char **q = queries; *q; q++) {
		QueryType type;
		BvCause cause;
		if (!parse_query (*q, &type, &cause)) {
			fprintf (stderr, "bounceview: explain: %s: %s\n", *q,
			         _ ("not a cause, an enhanced status code (5.1.1) or a reply code (550); run "
			            "'bounceview explain' for the list of causes"));
			return 2;
		}
	}
	g_autoptr (BvPrinter) p = json ? bv_printer_json_new (stdout, FALSE) : NULL;
	for (char **q = queries; *q; q++) {
		QueryType type;
		BvCause cause;
		parse_query (*q, &type, &cause);
		if (p != NULL) {
			print_json (p, *q, type, cause);
		} else {
			if (q != queries)
				fputs ("\n\n", stdout);
			print_text (stdout, *q, type, cause);
		}
	}
	if (p != NULL)
		p->finish (p);
	if (fflush (stdout) != 0 || ferror (stdout)) {
		fprintf (stderr, "bounceview: explain: %s\n", _ ("could not write the output"));
		return 2;
	}
	return 0;
}

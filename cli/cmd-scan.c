/* cmd-scan.c: `bounceview scan`, the engine without the UI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints one record per recipient of every report, and one record of kind
 * "none" per message that is not a report.  The record layout is the
 * versioned contract documented in README.md ("scan output"). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "parsers/bounce.h"
#include "cli/commands.h"
#include "cli/explain-fields.h"
#include "cli/scan-jobs.h"
#include "output/printer.h"
#include "parsers/text.h"

/* The flattened columns of a scan record, in output order: the recipient's
 * fields (bounce.h, BV_RECIPIENT_FIELDS) go in by group. */
static const char *const scan_head_columns[] = { "file", "message_id", "date", "kind", NULL };
static const char *const scan_cause_columns[] = {
	"cause",
	"hard",
	"evidence.rule",
	"evidence.matched",
	"evidence.detail",
	"evidence.source",
	"evidence.runner_up",
	"evidence.runner_up_why",
	"original.message_id",
	"original.from",
	"original.to",
	"original.subject",
	"original.date",
	NULL,
};

static void
add_columns (GPtrArray *columns, const char *const *names)
{
	for (const char *const *c = names; *c; c++)
		g_ptr_array_add (columns, (gpointer)*c);
}

static void
add_field_columns (GPtrArray *columns, BvFieldGroup group)
{
#define FIELD_COLUMN(name, g)      \
	if (BV_FIELD_##g == group) \
		g_ptr_array_add (columns, (gpointer) #name);
	BV_RECIPIENT_FIELDS (FIELD_COLUMN)
#undef FIELD_COLUMN
}

static const char *const scan_table_columns[] = {
	"recipient:34", "status:7", "reply_code:10", "cause:15", "hard:4", "diagnostic:0", NULL,
};

typedef struct {
	BvPrinter *printer;
	gboolean explain;
	FILE *err; /* notes on a report: standard error, or a worker's stream */
} ScanState;

static void
print_fields (BvPrinter *p, const BvRecipient *x, BvFieldGroup group)
{
#define PRINT_FIELD(name, g)       \
	if (BV_FIELD_##g == group) \
		p->string (p, #name, x->name);
	BV_RECIPIENT_FIELDS (PRINT_FIELD)
#undef PRINT_FIELD
}

static void
print_recipient (ScanState *s, const char *file, const BvReport *r, const BvRecipient *x)
{
	BvPrinter *p = s->printer;
	p->begin_record (p);
	p->string (p, "file", file);
	p->string (p, "message_id", r->message_id);
	p->string (p, "date", r->date);
	p->string (p, "kind", bv_kind_id (bv_recipient_kind (r, x)));
	print_fields (p, x, BV_FIELD_MAIN);
	p->string (p, "cause", bv_cause_id (x->cause));
	p->boolean (p, "hard", x->hard);
	p->begin_object (p, "evidence");
	p->string (p, "rule", x->evidence.rule);
	p->string (p, "matched", x->evidence.matched);
	p->string (p, "detail", x->evidence.detail);
	p->string (p, "source", x->evidence.source ? x->evidence.source : "");
	p->string (p, "runner_up", x->evidence.runner_up ? x->evidence.runner_up : "");
	p->string (p, "runner_up_why", x->evidence.runner_up_why ? x->evidence.runner_up_why : "");
	p->end_object (p);
	p->begin_object (p, "original");
	p->string (p, "message_id", r->original.message_id);
	p->string (p, "from", r->original.from);
	p->string (p, "to", r->original.to);
	p->string (p, "subject", r->original.subject);
	p->string (p, "date", r->original.date);
	p->end_object (p);
	print_fields (p, x, BV_FIELD_DATES);
	p->boolean (p, "status_derived", x->status_derived);
	print_fields (p, x, BV_FIELD_LATE);
	if (s->explain)
		bv_print_explain_fields (p, x);
	p->end_record (p);
}

/* The engine's part, run by a worker: ordinary mail is told apart
 * from its header alone; only what may be a report is parsed in full. */
static gpointer
scan_parse (const char *data, gsize len, gpointer user)
{
	(void)user;
	return bv_triage (data, len) ? bv_report_parse (data, len) : NULL;
}

/* Prints the records of one message, in the walk's order; frees @result. */
static void
scan_print (const char *name, gpointer result, gpointer user)
{
	ScanState *s = user;
	BvPrinter *p = s->printer;
	g_autoptr (BvReport) r = result;
	/* Held across the records: with --jobs every putc would otherwise
	 * take the stream's lock (one thread prints at a time anyway). */
	flockfile (p->out);
	if (r == NULL || r->kind == BV_KIND_NONE) {
		p->begin_record (p);
		p->string (p, "file", name);
		p->string (p, "kind", "none");
		p->end_record (p);
	} else {
		for (guint i = 0; i < r->recipients->len; i++)
			print_recipient (s, name, r, r->recipients->pdata[i]);
	}
	funlockfile (p->out);
	/* Also for "none": a report nested too deep to read must not pass
	 * for ordinary mail without a word. */
	if (r != NULL && r->truncated) {
		g_autofree char *safe = bv_text_make_safe (name);
		fprintf (s->err, "bounceview: %s: %s (%u recipients read)\n", safe,
		         _ ("report too large or too deeply nested: only its first part was read"),
		         r->recipients->len);
	}
}

/* In a worker process: the records and notes go to the worker's streams. */
static void
scan_redirect (FILE *out, FILE *err, gpointer user)
{
	ScanState *s = user;
	s->printer->out = out;
	bv_printer_resume (s->printer);
	s->err = err;
}

static void
scan_join (const char *text, gsize len, gpointer user)
{
	ScanState *s = user;
	bv_printer_join (s->printer, text, len);
}

int
bv_cmd_scan (int argc, char **argv)
{
	g_autofree char *format_name = NULL;
	gboolean explain = FALSE;
	int jobs = 0;
	g_auto (GStrv) paths = NULL;
	GOptionEntry entries[] = {
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
		  N_ ("output format: jsonl, csv or table (default: table on a terminal, else jsonl)"),
		  N_ ("FORMAT") },
		{ "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
		  N_ ("add the cause's title, explanation and fix to each record"), NULL },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
		  N_ ("parse with N workers (default: one per CPU); the output is the same"), N_ ("N") },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr (GOptionContext) ctx = g_option_context_new (_ ("PATH... - print every failed recipient"));
	g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
	g_option_context_set_summary (
	        ctx, _ ("PATH is a message file, a Maildir, a directory of messages, an mbox file, or - for\n"
	                "standard input (one message or an mbox stream)."));
	g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
	g_autoptr (GError) error = NULL;
	if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
		fprintf (stderr, "bounceview: scan: %s\n", error->message);
		return 2;
	}
	if (paths == NULL || paths[0] == NULL) {
		fprintf (stderr, "bounceview: scan: %s\n", _ ("no PATH given (use - for standard input)"));
		return 2;
	}

	if (jobs == 0)
		jobs = (int)g_get_num_processors ();
	if (jobs < 1 || jobs > 256) {
		fprintf (stderr, "bounceview: scan: --jobs %d: %s\n", jobs,
		         _ ("give a number from 1 to 256"));
		return 2;
	}

	BvFormat format = isatty (STDOUT_FILENO) ? BV_FORMAT_TABLE : BV_FORMAT_JSONL;
	if (format_name != NULL && !bv_format_parse (format_name, &format)) {
		fprintf (stderr, "bounceview: scan: %s: %s\n", format_name,
		         _ ("unknown format (use jsonl, json, csv or table)"));
		return 2;
	}

	/* CSV gets the explain columns too when asked for. */
	g_autoptr (GPtrArray) columns = g_ptr_array_new ();
	add_columns (columns, scan_head_columns);
	add_field_columns (columns, BV_FIELD_MAIN);
	add_columns (columns, scan_cause_columns);
	add_field_columns (columns, BV_FIELD_DATES);
	g_ptr_array_add (columns, "status_derived");
	add_field_columns (columns, BV_FIELD_LATE);
	if (explain)
		add_columns (columns, bv_explain_columns);
	g_ptr_array_add (columns, NULL);

	ScanState s = { 0 };
	s.explain = explain;
	s.printer = bv_printer_new (format, stdout, (const char *const *)columns->pdata, scan_table_columns);
	s.err = stderr;
	BvJobs run = { scan_parse, scan_print, scan_redirect, scan_join, &s };
	gboolean ok = bv_scan_jobs_run (paths, (guint)jobs, &run);
	s.printer->finish (s.printer);
	bv_printer_free (s.printer);
	if (fflush (stdout) != 0 || ferror (stdout)) {
		/* A reader that stopped early (`| head`) is not an error worth
		 * a message, as with any filter. */
		if (errno == EPIPE)
			return ok ? 0 : 1;
		fprintf (stderr, "bounceview: scan: %s: %s\n", _ ("could not write the output"),
		         g_strerror (errno));
		return 2;
	}
	return ok ? 0 : 1;
}

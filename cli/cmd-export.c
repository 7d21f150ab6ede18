/* cmd-export.c: `bounceview export`, the fix list or a suppression list of a
 * Maildir's bounces.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the selection options into a BvExportSelection and hands the rest
 * to export/export.h, which the UI's export dialog calls too: the command adds
 * nothing to what is written, so both give the same file.  The index is
 * brought up to date first, as `bounceview index` would, so that an export
 * from cron sees the bounces that arrived since the last run.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "export/export.h"
#include "index/index.h"
#include "cli/progress.h"

typedef struct {
	char *maildir;
	char *format;
	char *output;
	char *store;
	char **causes;
	gboolean hard, soft, marked, unmarked, no_index;
	char *since, *until;
	char *domain;
	char *text;
	gint min_bounces;
} Args;

static void
args_clear (Args *a)
{
	g_free (a->maildir);
	g_free (a->format);
	g_free (a->output);
	g_free (a->store);
	g_strfreev (a->causes);
	g_free (a->since);
	g_free (a->until);
	g_free (a->domain);
	g_free (a->text);
}

static gboolean
usage_error (const char *what, const char *why)
{
	if (what != NULL)
		fprintf (stderr, "bounceview: export: %s: %s\n", what, why);
	else
		fprintf (stderr, "bounceview: export: %s\n", why);
	return FALSE;
}

/* Reads a date given as YYYY-MM-DD (midnight UTC) or as ISO 8601 with a
 * time (UTC unless it says otherwise).  A day given for --until is taken
 * whole: people mean "up to and including the 31st", and the filter's upper
 * bound is exclusive, so it becomes the next midnight. */
static gboolean
parse_date (const char *option, const char *s, gboolean end_of_day, gint64 *out)
{
	g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
	g_autoptr (GDateTime) dt = NULL;
	int y, m, d;
	char tail;
	if (sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (s) == 10) {
		dt = g_date_time_new (utc, y, m, d, 0, 0, 0);
		if (dt != NULL && end_of_day) {
			GDateTime *next = g_date_time_add_days (dt, 1);
			g_date_time_unref (dt);
			dt = next;
		}
	} else {
		dt = g_date_time_new_from_iso8601 (s, utc);
	}
	if (dt == NULL) {
		g_autofree char *what = g_strdup_printf ("%s %s", option, s);
		return usage_error (what, _ ("not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"));
	}
	*out = g_date_time_to_unix (dt);
	return TRUE;
}

/* --cause may be repeated and each may list causes separated by commas. */
static gboolean
parse_causes (char **causes, guint64 *out)
{
	*out = 0;
	for (guint i = 0; causes != NULL && causes[i] != NULL; i++) {
		g_auto (GStrv) ids = g_strsplit (causes[i], ",", -1);
		for (guint j = 0; ids[j] != NULL; j++) {
			const char *id = g_strstrip (ids[j]);
			BvCause cause;
			if (id[0] == '\0')
				continue;
			if (!bv_cause_from_id (id, &cause))
				return usage_error (
				        id, _ ("unknown cause (see `bounceview explain` for the list)"));
			*out |= G_GUINT64_CONSTANT (1) << cause;
		}
	}
	return TRUE;
}

static gboolean
make_selection (const Args *a, BvExportSelection *sel)
{
	*sel = (BvExportSelection){ 0 };
	if (a->hard && a->soft)
		return usage_error (NULL, _ ("--hard and --soft exclude each other"));
	if (a->marked && a->unmarked)
		return usage_error (NULL, _ ("--marked and --unmarked exclude each other"));
	if (a->min_bounces < 0)
		return usage_error (NULL, _ ("--min-bounces must not be negative"));
	if (!parse_causes (a->causes, &sel->filter.causes))
		return FALSE;
	if (a->since != NULL && !parse_date ("--since", a->since, FALSE, &sel->filter.since))
		return FALSE;
	if (a->until != NULL && !parse_date ("--until", a->until, TRUE, &sel->filter.until))
		return FALSE;
	sel->filter.severity = a->hard ? BV_SEVERITY_HARD : a->soft ? BV_SEVERITY_SOFT : BV_SEVERITY_ANY;
	sel->filter.marked = a->marked ? BV_MARKED_YES : a->unmarked ? BV_MARKED_NO : BV_MARKED_ANY;
	sel->filter.text = a->text;
	sel->domain = a->domain;
	sel->min_bounces = (guint)a->min_bounces;
	return TRUE;
}

/* Brings the index up to date (with a progress bar on a terminal) and opens
 * the model; prints the reason and returns NULL when either fails. */
static BvModel *
open_model (const Args *a)
{
	g_autoptr (GError) error = NULL;
	if (!a->no_index) {
		g_autoptr (BvProgress) progress = bv_progress_new (FALSE);
		BvIndexOptions io = {
			.maildir = a->maildir,
			.tags = -1,
			.progress = bv_progress_update,
			.waiting = bv_progress_waiting,
			.user = progress,
		};
		gboolean ok = bv_index_update (&io, NULL, &error);
		bv_progress_clear (progress);
		if (!ok) {
			fprintf (stderr, "bounceview: export: %s\n", error->message);
			return NULL;
		}
	}
	BvModelOptions mo = { .maildir = a->maildir, .suppress_path = a->store };
	BvModel *model = bv_model_open (&mo, &error);
	if (model == NULL)
		fprintf (stderr, "bounceview: export: %s\n", error->message);
	return model;
}

static int
run (const Args *a)
{
	BvExportFormat format = BV_EXPORT_CSV;
	if (a->format != NULL && !bv_export_format_from_id (a->format, &format)) {
		usage_error (
		        a->format,
		        _ ("unknown format (use csv, json, jsonl, report, suppression, esp-csv or postfix)"));
		return 2;
	}
	BvExportSelection sel;
	if (!make_selection (a, &sel))
		return 2;
	g_autoptr (BvModel) model = open_model (a);
	if (model == NULL)
		return 1;
	g_autoptr (GError) error = NULL;
	guint count = 0;
	gboolean to_file = a->output != NULL && strcmp (a->output, "-") != 0;
	if (!bv_export_write (model, format, &sel, a->output, &count, &error)) {
		/* A reader that stopped early (`| head`) is not an error worth
		 * a message, as with any filter. */
		if (!to_file && g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PIPE))
			return 0;
		fprintf (stderr, "bounceview: export: %s\n", error->message);
		return 2;
	}
	if (to_file && isatty (STDERR_FILENO)) {
		fprintf (stderr,
		         g_dngettext (GETTEXT_PACKAGE, "%u address written to %s\n",
		                      "%u addresses written to %s\n", count),
		         count, a->output);
	}
	return 0;
}

int
bv_cmd_export (int argc, char **argv)
{
	Args a = { 0 };
	GOptionEntry entries[] = {
		{ "maildir", 'm', 0, G_OPTION_ARG_FILENAME, &a.maildir,
		  N_ ("the Maildir (default: configured, else the notmuch mail root, else ~/Maildir)"),
		  N_ ("DIR") },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &a.format,
		  N_ ("csv (default), json, jsonl, report, suppression, esp-csv or postfix"), N_ ("FORMAT") },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
		  N_ ("write to FILE: a file is replaced atomically keeping its owner and mode, a link's "
		      "target is written, a device or pipe written through (default or -: standard output)"),
		  N_ ("FILE") },
		{ "cause", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &a.causes,
		  N_ ("only these causes (repeat, or separate with commas)"), N_ ("CAUSE") },
		{ "hard", 0, 0, G_OPTION_ARG_NONE, &a.hard, N_ ("only hard bounces"), NULL },
		{ "soft", 0, 0, G_OPTION_ARG_NONE, &a.soft, N_ ("only soft bounces"), NULL },
		{ "marked", 0, 0, G_OPTION_ARG_NONE, &a.marked, N_ ("only addresses marked for suppression"),
		  NULL },
		{ "unmarked", 0, 0, G_OPTION_ARG_NONE, &a.unmarked, N_ ("only addresses not marked"), NULL },
		{ "since", 0, 0, G_OPTION_ARG_STRING, &a.since, N_ ("only bounces on or after DATE"),
		  N_ ("DATE") },
		{ "until", 0, 0, G_OPTION_ARG_STRING, &a.until,
		  N_ ("only bounces up to DATE (a day counts whole)"), N_ ("DATE") },
		{ "domain", 'd', 0, G_OPTION_ARG_STRING, &a.domain, N_ ("only addresses at DOMAIN"),
		  N_ ("DOMAIN") },
		{ "min-bounces", 0, 0, G_OPTION_ARG_INT, &a.min_bounces,
		  N_ ("only addresses with at least N bounces in the selection"), N_ ("N") },
		{ "search", 's', 0, G_OPTION_ARG_STRING, &a.text,
		  N_ ("only bounces whose address, code, cause or diagnostic contains TEXT"), N_ ("TEXT") },
		{ "store", 0, 0, G_OPTION_ARG_FILENAME, &a.store,
		  N_ ("the suppression file (default: $XDG_DATA_HOME/bounceview/suppressions.tsv)"),
		  N_ ("FILE") },
		{ "no-index", 0, 0, G_OPTION_ARG_NONE, &a.no_index,
		  N_ ("use the index as it is, without looking for new mail first"), NULL },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr (GOptionContext) ctx =
	        g_option_context_new (_ ("- write the fix list or a suppression list"));
	g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
	g_option_context_set_summary (
	        ctx, _ ("One row per address that bounced, newest first, described by its latest bounce.\n"
	                "csv, json, jsonl: every field, for programs and spreadsheets.\n"
	                "report: a Markdown fix list for a person, sending-setup problems first.\n"
	                "suppression, esp-csv, postfix: lists for other systems to stop mailing; they\n"
	                "hold the addresses marked for suppression unless --unmarked is given."));
	g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
	g_autoptr (GError) error = NULL;
	int status = 2;
	if (!g_option_context_parse (ctx, &argc, &argv, &error))
		usage_error (NULL, error->message);
	else if (argc > 1)
		usage_error (argv[1], _ ("unexpected argument (use --maildir DIR)"));
	else
		status = run (&a);
	args_clear (&a);
	return status;
}

/* cmd-suppress.c: `bounceview suppress`, the suppression marks from the
 * command line: add, remove, list, and the policy's proposals.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marks go to the shared store (index/suppress.h); the UI reads and writes
 * the same one.  Adding looks up each address's latest cause in the index
 * of the Maildir when there is one, so the mark records why it was made. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "index/model.h"
#include "output/printer.h"
#include "index/suppress.h"

static const char *const mark_columns[] = { "address", "cause", "date", "source", "note", NULL };
static const char *const mark_table_columns[] = { "address:40", "cause:15", "date:20",
	                                          "source:6",   "note:0",   NULL };
/* A proposal and its evidence: the deciding bounce's status, diagnostic
 * and report, and how many of the address's bounces did not count. */
static const char *const proposal_columns[] = { "address",    "reason",     "cause",     "bounces",
	                                        "ignored",    "first_seen", "last_seen", "status",
	                                        "diagnostic", "report",     NULL };
static const char *const proposal_table_columns[] = { "address:40", "reason:8",     "cause:15",
	                                              "bounces:7",  "ignored:7",    "last_seen:20",
	                                              "status:7",   "diagnostic:0", NULL };

typedef struct {
	char *maildir;
	char *note;
	char *format;
	char *store;
	gboolean proposed;
	char **addresses;
} Args;

static void
args_clear (Args *a)
{
	g_free (a->maildir);
	g_free (a->note);
	g_free (a->format);
	g_free (a->store);
	g_strfreev (a->addresses);
}

static char *
iso_date (gint64 t)
{
	if (t <= 0)
		return g_strdup ("");
	g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
	return dt != NULL ? g_date_time_format_iso8601 (dt) : g_strdup ("");
}

static gboolean
make_printer (const Args *a, const char *const *columns, const char *const *table_columns, BvPrinter **out)
{
	BvFormat format = isatty (STDOUT_FILENO) ? BV_FORMAT_TABLE : BV_FORMAT_JSONL;
	if (a->format != NULL && !bv_format_parse (a->format, &format)) {
		fprintf (stderr, "bounceview: suppress: %s: %s\n", a->format,
		         _ ("unknown format (use jsonl, json, csv or table)"));
		return FALSE;
	}
	*out = bv_printer_new (format, stdout, columns, table_columns);
	return TRUE;
}

static int
finish_output (BvPrinter *p)
{
	p->finish (p);
	bv_printer_free (p);
	if (fflush (stdout) != 0 || ferror (stdout)) {
		fprintf (stderr, "bounceview: suppress: %s\n", _ ("could not write the output"));
		return 2;
	}
	return 0;
}

/* The model of the Maildir, or NULL (with a note on stderr when @needed)
 * when it has no index: marks can be made without one. */
static BvModel *
open_model (const Args *a, gboolean needed)
{
	BvModelOptions o = { .maildir = a->maildir, .suppress_path = a->store };
	g_autoptr (GError) error = NULL;
	BvModel *m = bv_model_open (&o, &error);
	if (m == NULL && needed)
		fprintf (stderr, "bounceview: suppress: %s\n", error->message);
	return m;
}

static int
do_list (const Args *a, const char *path)
{
	g_autoptr (GError) error = NULL;
	g_autoptr (GHashTable) table = bv_suppress_load (path, &error);
	if (table == NULL) {
		fprintf (stderr, "bounceview: suppress: %s\n", error->message);
		return 1;
	}
	BvPrinter *p;
	if (!make_printer (a, mark_columns, mark_table_columns, &p))
		return 2;
	g_autoptr (GPtrArray) marks = bv_suppress_sorted (table);
	for (guint i = 0; i < marks->len; i++) {
		const BvMark *m = marks->pdata[i];
		g_autofree char *date = iso_date (m->date);
		p->begin_record (p);
		p->string (p, "address", m->address);
		p->string (p, "cause", bv_cause_id (m->cause));
		p->string (p, "date", date);
		p->string (p, "source", bv_mark_source_id (m->source));
		p->string (p, "note", m->note);
		p->end_record (p);
	}
	return finish_output (p);
}

static int
do_propose (const Args *a)
{
	g_autoptr (BvModel) model = open_model (a, TRUE);
	if (model == NULL)
		return 1;
	BvPrinter *p;
	if (!make_printer (a, proposal_columns, proposal_table_columns, &p))
		return 2;
	g_autoptr (GPtrArray) proposals = bv_model_proposals (model);
	for (guint i = 0; i < proposals->len; i++) {
		const BvProposal *x = proposals->pdata[i];
		g_autofree char *first = iso_date (x->first_seen);
		g_autofree char *last = iso_date (x->last_seen);
		p->begin_record (p);
		p->string (p, "address", x->address);
		p->string (p, "reason", x->reason == BV_PROPOSAL_HARD ? "hard" : "repeated");
		p->string (p, "cause", bv_cause_id (x->cause));
		p->integer (p, "bounces", x->bounces);
		p->integer (p, "ignored", x->ignored);
		p->string (p, "first_seen", first);
		p->string (p, "last_seen", last);
		p->string (p, "status",
		           x->evidence->status[0] != '\0' ? x->evidence->status : x->evidence->reply_code);
		p->string (p, "diagnostic", x->evidence->diagnostic);
		p->string (p, "report", x->evidence->message_id);
		p->end_record (p);
	}
	return finish_output (p);
}

/* Addresses given, or with --proposed those the policy proposes. */
static GPtrArray *
addresses_to_add (const Args *a, BvModel *model)
{
	GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
	for (guint i = 0; a->addresses != NULL && a->addresses[i] != NULL; i++)
		g_ptr_array_add (out, g_strdup (a->addresses[i]));
	if (a->proposed && model != NULL) {
		g_autoptr (GPtrArray) proposals = bv_model_proposals (model);
		for (guint i = 0; i < proposals->len; i++)
			g_ptr_array_add (out, g_strdup (((BvProposal *)proposals->pdata[i])->address));
	}
	g_ptr_array_add (out, NULL);
	return out;
}

static gboolean
valid_address (const char *address)
{
	g_autofree char *a = bv_address_normalize (address);
	const char *at = strrchr (a, '@');
	return at != NULL && at != a && at[1] != '\0' && strpbrk (a, " \t\r\n") == NULL;
}

static int
do_add (const Args *a, const char *path)
{
	g_autoptr (BvModel) model = open_model (a, a->proposed);
	if (model == NULL && a->proposed)
		return 1;
	g_autoptr (GPtrArray) addresses = addresses_to_add (a, model);
	if (addresses->len <= 1) {
		fprintf (stderr, "bounceview: suppress: %s\n", _ ("no ADDRESS given"));
		return 2;
	}
	for (guint i = 0; addresses->pdata[i] != NULL; i++) {
		if (!valid_address (addresses->pdata[i])) {
			fprintf (stderr, "bounceview: suppress: %s: %s\n", (char *)addresses->pdata[i],
			         _ ("not an email address"));
			return 2;
		}
	}
	g_autoptr (GError) error = NULL;
	BvMarkSource source = a->proposed && a->addresses == NULL ? BV_MARK_BY_POLICY : BV_MARK_BY_HAND;
	const char *const *list = (const char *const *)addresses->pdata;
	gboolean ok;
	guint added = 0;
	if (model != NULL) {
		ok = bv_model_mark (model, list, source, a->note, &error);
		added = addresses->len - 1;
	} else {
		/* No index for the Maildir: the mark is made without a cause. */
		g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify)bv_mark_free);
		gint64 now = g_get_real_time () / G_USEC_PER_SEC;
		for (guint i = 0; list[i] != NULL; i++)
			g_ptr_array_add (marks,
			                 bv_mark_new (list[i], BV_CAUSE_UNDEFINED, now, source, a->note));
		ok = bv_suppress_add (path, marks, &added, &error);
	}
	if (!ok) {
		fprintf (stderr, "bounceview: suppress: %s\n", error->message);
		return 1;
	}
	if (isatty (STDOUT_FILENO))
		printf (g_dngettext (GETTEXT_PACKAGE, "%u address marked\n", "%u addresses marked\n", added),
		        added);
	return 0;
}

static int
do_remove (const Args *a, const char *path)
{
	if (a->addresses == NULL || a->addresses[0] == NULL) {
		fprintf (stderr, "bounceview: suppress: %s\n", _ ("no ADDRESS given"));
		return 2;
	}
	g_autoptr (GError) error = NULL;
	guint removed = 0;
	if (!bv_suppress_remove (path, (const char *const *)a->addresses, &removed, &error)) {
		fprintf (stderr, "bounceview: suppress: %s\n", error->message);
		return 1;
	}
	if (isatty (STDOUT_FILENO))
		printf (g_dngettext (GETTEXT_PACKAGE, "%u mark removed\n", "%u marks removed\n", removed),
		        removed);
	return 0;
}

static int
do_compact (const char *path)
{
	g_autoptr (GError) error = NULL;
	if (!bv_suppress_compact (path, &error)) {
		fprintf (stderr, "bounceview: suppress: %s\n", error->message);
		return 1;
	}
	return 0;
}

/* Runs the operation named by the first remaining word; the rest are the
 * addresses. */
static int
dispatch (Args *a)
{
	if (a->addresses == NULL || a->addresses[0] == NULL) {
		fprintf (stderr, "bounceview: suppress: %s\n",
		         _ ("say add, remove, list, propose or compact"));
		return 2;
	}
	g_autofree char *op = a->addresses[0];
	memmove (a->addresses, a->addresses + 1, g_strv_length (a->addresses) * sizeof (char *));
	if (a->addresses[0] == NULL)
		g_clear_pointer (&a->addresses, g_strfreev);
	g_autofree char *path = a->store != NULL ? g_strdup (a->store) : bv_suppress_default_path ();
	if (strcmp (op, "add") == 0)
		return do_add (a, path);
	if (strcmp (op, "remove") == 0)
		return do_remove (a, path);
	if (strcmp (op, "list") == 0)
		return do_list (a, path);
	if (strcmp (op, "propose") == 0)
		return do_propose (a);
	if (strcmp (op, "compact") == 0)
		return do_compact (path);
	fprintf (stderr, "bounceview: suppress: %s: %s\n", op,
	         _ ("unknown operation (use add, remove, list, propose or compact)"));
	return 2;
}

int
bv_cmd_suppress (int argc, char **argv)
{
	Args a = { 0 };
	GOptionEntry entries[] = {
		{ "maildir", 'm', 0, G_OPTION_ARG_FILENAME, &a.maildir,
		  N_ ("the Maildir whose index gives causes and proposals"), N_ ("DIR") },
		{ "note", 'n', 0, G_OPTION_ARG_STRING, &a.note, N_ ("add: a note kept with the marks"),
		  N_ ("TEXT") },
		{ "proposed", 'p', 0, G_OPTION_ARG_NONE, &a.proposed,
		  N_ ("add: also mark every address the policy proposes"), NULL },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &a.format,
		  N_ ("list, propose: jsonl, json, csv or table (default: table on a terminal, else jsonl)"),
		  N_ ("FORMAT") },
		{ "store", 0, 0, G_OPTION_ARG_FILENAME, &a.store,
		  N_ ("the suppression file (default: $XDG_DATA_HOME/bounceview/suppressions.tsv)"),
		  N_ ("FILE") },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.addresses, NULL,
		  N_ ("ADDRESS...") },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr (GOptionContext) ctx =
	        g_option_context_new (_ ("add|remove|list|propose|compact [ADDRESS...]"));
	g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
	g_option_context_set_summary (
	        ctx, _ ("add ADDRESS... [--note TEXT]   mark addresses (or --proposed: the policy's)\n"
	                "remove ADDRESS...              remove their marks\n"
	                "list [--format FORMAT]         print the marks\n"
	                "propose [--format FORMAT]      print what the policy proposes (nothing is marked)\n"
	                "compact                        fold the journal of recent changes into the file\n"
	                "\n"
	                "The marks are one file and its journal, kept apart from the notmuch index: back\n"
	                "them up by copying both (or run compact first, then copy the file)."));
	g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
	g_autoptr (GError) error = NULL;
	int status = 2;
	if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
		fprintf (stderr, "bounceview: suppress: %s\n", error->message);
		goto out;
	}
	status = dispatch (&a);
out:
	args_clear (&a);
	return status;
}

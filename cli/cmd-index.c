/* cmd-index.c: `bounceview index`, keeping the notmuch index of a Maildir and
 * the cached bounce results current.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quiet when standard output is not a terminal (cron, scripts) unless
 * --verbose; on a terminal a progress bar and a one-line summary. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/commands.h"
#include "index/index.h"
#include "cli/progress.h"

/* A directory passed over: said on its own line, above the progress bar. */
static void
on_warning (const char *message, gpointer user)
{
	bv_progress_clear (user);
	fprintf (stderr, "bounceview: index: %s\n", message);
}

int
bv_cmd_index (int argc, char **argv)
{
	g_autofree char *maildir = NULL;
	gboolean verbose = FALSE, no_tags = FALSE;
	gint lock_timeout = 0;
	GOptionEntry entries[] = {
		{ "maildir", 'm', 0, G_OPTION_ARG_FILENAME, &maildir,
		  N_ ("the Maildir (default: configured, else the notmuch mail root, else ~/Maildir)"),
		  N_ ("DIR") },
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
		  N_ ("show progress and a summary even when output is not a terminal"), NULL },
		{ "no-tags", 0, 0, G_OPTION_ARG_NONE, &no_tags,
		  N_ ("do not tag reports bounce, bounce-hard, bounce-soft"), NULL },
		{ "lock-timeout", 0, 0, G_OPTION_ARG_INT, &lock_timeout,
		  N_ ("seconds to wait while another process writes the database (default 30)"),
		  N_ ("SECONDS") },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr (GOptionContext) ctx = g_option_context_new (_ ("- index a Maildir and cache its bounces"));
	g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
	g_option_context_set_summary (
	        ctx, _ ("Adds new files to the notmuch index, follows renamed ones, drops removed ones,\n"
	                "and parses the bounce reports not parsed yet by this version.  Reports are\n"
	                "tagged bounce, and bounce-hard / bounce-soft, for any mail client to search."));
	g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
	g_autoptr (GError) error = NULL;
	if (!g_option_context_parse (ctx, &argc, &argv, &error)) {
		fprintf (stderr, "bounceview: index: %s\n", error->message);
		return 2;
	}
	if (argc > 1) {
		fprintf (stderr, "bounceview: index: %s: %s\n", argv[1],
		         _ ("unexpected argument (use --maildir DIR)"));
		return 2;
	}
	if (lock_timeout < 0) {
		fprintf (stderr, "bounceview: index: %s\n", _ ("--lock-timeout must not be negative"));
		return 2;
	}

	g_autoptr (BvProgress) progress = bv_progress_new (verbose);
	BvIndexOptions opts = {
		.maildir = maildir,
		.tags = no_tags ? 0 : -1,
		.lock_timeout = (guint)lock_timeout,
		.progress = bv_progress_update,
		.waiting = bv_progress_waiting,
		.warning = on_warning,
		.user = progress,
	};
	BvIndexStats stats;
	gboolean ok = bv_index_update (&opts, &stats, &error);
	bv_progress_clear (progress);
	if (!ok) {
		fprintf (stderr, "bounceview: index: %s\n", error->message);
		return 1;
	}
	if (verbose || isatty (STDOUT_FILENO)) {
		printf (_ ("files: %llu added, %llu renamed, %llu removed; reports: %llu parsed, %llu "
		           "already "
		           "cached; %llu bounced recipients found\n"),
		        (unsigned long long)stats.files_added, (unsigned long long)stats.files_renamed,
		        (unsigned long long)stats.files_removed, (unsigned long long)stats.parsed,
		        (unsigned long long)stats.cached, (unsigned long long)stats.bounces);
	}
	return 0;
}

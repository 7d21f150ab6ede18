/* cmd-ui.c: `bounceview [ui] [MAILDIR]`, the terminal user interface.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the options and hands over to tui/.  bounceview.c calls this
 * with the whole argv when no subcommand is given, so argv[0] may be the
 * program or "ui".
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/commands.h"
#include "index/index.h"
#include "tui/tui.h"

int
bv_cmd_ui (int argc, char **argv)
{
	g_autofree char *theme = NULL;
	g_autofree char *grouping = NULL;
	gboolean no_index = FALSE;
	g_auto (GStrv) rest = NULL;
	GOptionEntry entries[] = {
		{ "theme", 't', 0, G_OPTION_ARG_STRING, &theme,
		  N_ ("Colour theme: a name from themes/ or a file"), N_ ("THEME") },
		{ "group-by", 'g', 0, G_OPTION_ARG_STRING, &grouping,
		  N_ ("Group by cause, domain, status, mta or month"), N_ ("DIMENSION") },
		{ "no-index", 0, 0, G_OPTION_ARG_NONE, &no_index,
		  N_ ("Open the index as it is, without indexing new mail"), NULL },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_ ("[MAILDIR]") },
		{ NULL },
	};
	g_autoptr (GOptionContext) context = g_option_context_new (NULL);
	g_option_context_set_summary (context,
	                              _ ("Browse the bounces of a Maildir: grouped by cause, domain, "
	                                 "status, mail system or month; mark addresses to suppress and "
	                                 "export fix lists.  Press ? inside for every key."));
	g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
	g_autoptr (GError) error = NULL;
	if (!g_option_context_parse (context, &argc, &argv, &error)) {
		fprintf (stderr, "bounceview: %s\n", error->message);
		return 2;
	}
	if (rest != NULL && g_strv_length (rest) > 1) {
		fprintf (stderr, _ ("bounceview: give one Maildir at most\n"));
		return 2;
	}
	/* Refused before the screen opens, and before indexing would make a
	 * database in a directory that holds no mail (`bounceview /etc`). */
	g_autofree char *checked = bv_index_check_maildir (rest != NULL ? rest[0] : NULL, &error);
	if (checked == NULL) {
		fprintf (stderr, "bounceview: %s\n", error->message);
		return 1;
	}
	BvTuiOptions options = {
		.maildir = rest != NULL ? rest[0] : NULL,
		.theme = theme,
		.grouping = grouping,
		.no_index = no_index,
	};
	if (!bv_tui_run (&options, &error)) {
		fprintf (stderr, "bounceview: %s\n", error->message);
		return 1;
	}
	return 0;
}

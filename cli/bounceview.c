/* bounceview.c: the program's entry point and subcommand dispatcher.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "parsers/bounce.h"
#include "parsers/catalog.h"
#include "cli/commands.h"

typedef struct {
	const char *name;
	int (*run) (int argc, char **argv);
	const char *summary;
} BvCommand;

static const BvCommand commands[] = {
#define BV_CMD_ENTRY(name, fn, summary) { name, fn, summary },
	BV_COMMANDS (BV_CMD_ENTRY)
#undef BV_CMD_ENTRY
};

static void
usage (FILE *out)
{
	fprintf (out, _ ("Usage: bounceview [COMMAND] [OPTIONS...] [ARGS...]\n\n"));
	fprintf (out, _ ("Commands:\n"));
	for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
		fprintf (out, "  %-10s %s\n", commands[i].name, _ (commands[i].summary));
	fprintf (out, _ ("\nWith no command, bounceview opens the user interface.\n"
	                 "Run 'bounceview help COMMAND' for a command's options, or 'man bounceview'.\n"));
}

static const BvCommand *
find_command (const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
		if (strcmp (name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* `bounceview help [COMMAND]`: the command list, or COMMAND's own --help,
 * so that both ways of asking give the same text. */
static int
help (int argc, char **argv)
{
	if (argc < 3) {
		usage (stdout);
		return 0;
	}
	const BvCommand *cmd = find_command (argv[2]);
	if (cmd == NULL) {
		fprintf (stderr, _ ("bounceview: help: no command “%s” (run 'bounceview help')\n"), argv[2]);
		return 2;
	}
	char *cmd_argv[] = { argv[2], (char *)"--help", NULL };
	return cmd->run (2, cmd_argv);
}

int
main (int argc, char **argv)
{
	/* The locale and the message catalog, from the installed locale
	 * directory; the tests point BOUNCEVIEW_LOCALEDIR at build/po/. */
	bv_catalog_setup_locale (LOCALEDIR);
	bv_init ();

	int status;
	if (argc >= 2 && strcmp (argv[1], "help") == 0) {
		status = help (argc, argv);
	} else if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)) {
		usage (stdout);
		status = 0;
	} else if (argc >= 2 && strcmp (argv[1], "--version") == 0) {
		printf ("bounceview %s\n", PACKAGE_VERSION);
		status = 0;
	} else {
		const BvCommand *cmd = argc >= 2 ? find_command (argv[1]) : NULL;
		if (cmd != NULL) {
			status = cmd->run (argc - 1, argv + 1);
		} else {
			/* No command (or a Maildir path): the UI, which takes the
			 * Maildir as its positional argument. */
			status = commands[0].run (argc, argv);
		}
	}
	bv_shutdown ();
	return status;
}

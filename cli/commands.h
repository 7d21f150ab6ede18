/* commands.h: the subcommand table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each subcommand lives in its own cmd-NAME.c file and is listed once here;
 * the table generates the dispatcher and `bounceview help`. */
#ifndef BV_COMMANDS_H
#define BV_COMMANDS_H

#include <glib.h>

/* X(name, function, one-line summary for `bounceview help`) */
#define BV_COMMANDS(X)                                                                              \
	X ("ui", bv_cmd_ui, N_ ("browse the bounces of a Maildir (the default)"))                   \
	X ("scan", bv_cmd_scan, N_ ("parse messages and print one record per failed recipient"))    \
	X ("explain", bv_cmd_explain, N_ ("explain a cause, status code or SMTP reply code"))       \
	X ("index", bv_cmd_index, N_ ("index a Maildir with notmuch and cache the parsed bounces")) \
	X ("suppress", bv_cmd_suppress, N_ ("add, remove and list addresses marked to suppress"))   \
	X ("export", bv_cmd_export, N_ ("write the fix list or a suppression list"))

/* Every command takes argc/argv with argv[0] the command name and returns
 * the process exit status. */
#define BV_CMD_DECLARE(name, fn, summary) int fn (int argc, char **argv);
BV_COMMANDS (BV_CMD_DECLARE)
#undef BV_CMD_DECLARE

#endif

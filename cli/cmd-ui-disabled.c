/* cmd-ui-disabled.c: `bounceview [ui]` in a build without the UI.
 *
 * Copyright 2026 the bounceview authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built instead of cmd-ui.c when meson is configured with -Dtui=disabled
 * (no ncurses): the other commands work as usual, and asking for the UI
 * says why it is not there rather than failing to link.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/commands.h"

int
bv_cmd_ui (int argc, char **argv)
{
	fprintf (stderr, _ ("bounceview: this bounceview was built without the user interface "
	                    "(meson -Dtui=disabled); run 'bounceview help' for the other commands\n"));
	return 1;
}

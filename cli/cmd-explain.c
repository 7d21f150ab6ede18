/* cmd-explain.c: `bounceview explain`.  Not written yet: see the issue tracker.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "commands.h"

int
bv_cmd_explain (int argc, char **argv)
{
	fprintf (stderr, "bounceview: explain: not available in this build yet\n");
	return 2;
}

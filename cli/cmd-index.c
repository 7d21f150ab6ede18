/* cmd-index.c: `bounceview index`.  Not written yet: see the issue tracker.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "commands.h"

int
bv_cmd_index (int argc, char **argv)
{
	fprintf (stderr, "bounceview: index: not available in this build yet\n");
	return 2;
}

/* lhost.c: the table of format parsers, in the order they are tried.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order matters: specific formats (recognised by a marker line that only
 * that mail system writes) come before the generic ones. */
#include "config.h"

#include "lhost.h"

const BvLhost *const bv_lhosts[] = {
	NULL,
};

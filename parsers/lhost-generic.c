/* lhost-generic.c: the last resort for reports in no known format.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placeholder: recognises nothing yet. */
#include "config.h"

#include "lhost.h"

static gboolean
generic_parse (BvMail *mail, BvReport *report)
{
	return FALSE;
}

const BvLhost bv_lhost_generic = { "generic", generic_parse };

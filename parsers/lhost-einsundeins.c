/* lhost-einsundeins.c: 1&1 (IONOS, kundenserver.de) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1&1 runs the same "Nemesis" servers as GMX and writes the same report
 * (read by lhost-gmx.c); it is told apart by where it comes from. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/text.h"

/* The Nemesis reader; listed in lhosts-providers.def after this one. */
extern const BvLhost bv_lhost_gmx;

static gboolean
einsundeins_parse (BvMail *mail, BvReport *report)
{
	static const char *const domains[] = { "@kundenserver.de", "@1und1.de",      "@1and1.", "@ionos.",
		                               "@online.de",       "@onlinehome.de", NULL };
	gboolean ours = FALSE;
	for (const char *const *d = domains; *d && !ours; d++)
		ours = bv_text_find_ci (mail->from, *d) != NULL;
	return ours && bv_lhost_gmx.parse (mail, report);
}

const BvLhost bv_lhost_einsundeins = { "einsundeins", einsundeins_parse };

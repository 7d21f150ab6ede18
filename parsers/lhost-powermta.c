/* lhost-powermta.c: PowerMTA (Port25) delivery reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PowerMTA's reports are RFC 3464 with X-PowerMTA-* fields in the
 * delivery-status part (X-PowerMTA-VirtualMTA, X-PowerMTA-BounceCategory).
 * The part says it all; this parser names the mail system and takes a
 * more specific code from the diagnostic where Status is only a class. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
powermta_parse (BvMail *mail, BvReport *report)
{
	if (bv_text_find_ci (mail->dsn->str, "X-PowerMTA-") == NULL)
		return FALSE;
	guint before = report->recipients->len;
	bv_scrape_dsn (mail, report);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		bv_scrape_better_status (r);
		bv_scrape_set (&r->command, bv_scrape_command (r->diagnostic, -1));
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_powermta = { "powermta", powermta_parse };

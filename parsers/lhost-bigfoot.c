/* lhost-bigfoot.c: Bigfoot (bigfoot.com forwarding) reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bigfoot's forwarders are Sendmail-like: MAILER-DAEMON@bigfoot.com, a
 * "----- Transcript of session follows -----" with the dialogue, and a
 * delivery-status part.  The part gives the codes; the transcript the
 * command that failed. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
bigfoot_parse (BvMail *mail, BvReport *report)
{
	if (bv_text_find_ci (mail->from, "@bigfoot.com") == NULL || mail->dsn->len == 0)
		return FALSE;
	guint before = report->recipients->len;
	if (bv_scrape_dsn (mail, report) == 0)
		return FALSE;
	const char *command = bv_scrape_command (mail->body->str, -1);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		bv_scrape_better_status (r);
		bv_scrape_set (&r->command, command);
	}
	return TRUE;
}

const BvLhost bv_lhost_bigfoot = { "bigfoot", bigfoot_parse };

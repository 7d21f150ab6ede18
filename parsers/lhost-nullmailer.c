/* lhost-nullmailer.c: nullmailer, the relay-only MTA.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nullmailer-send never retries a message it reports on: it calls
 * nullmailer-dsn only from bounce_msg(), after moving the message into
 * failed/, for a permanent reply or once the queue lifetime is over
 * (src/send.cc).  Yet nullmailer-dsn writes "Action: delayed" and "has not
 * been delivered" whenever the status it is given is 4.x.x (src/dsn.cc),
 * which is the case for every temporary reply it gave up on.  So each
 * recipient of a nullmailer report has failed, whatever its Action field
 * says.  The report is an RFC 3464 one otherwise; its text opens with
 * "This is the nullmailer delivery system." (src/dsn.cc), and its
 * Diagnostic-Code's reply lines after the first start at the margin
 * (dsn.c reads them). */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
nullmailer_parse (BvMail *mail, BvReport *report)
{
	if (bv_scrape_find_line (mail->text, "This is the nullmailer delivery system") == NULL ||
	    mail->dsn == NULL || mail->dsn->len == 0 || bv_scrape_forwarded (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	guint before = report->recipients->len;
	bv_scrape_merge (mail, report, text);
	for (guint i = before; i < report->recipients->len; i++) {
		BvRecipient *r = report->recipients->pdata[i];
		if (r->action[0] == '\0' || strcmp (r->action, "delayed") == 0)
			bv_scrape_set (&r->action, "failed");
	}
	return report->recipients->len > before;
}

const BvLhost bv_lhost_nullmailer = { "nullmailer", nullmailer_parse };

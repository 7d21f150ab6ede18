/* lhost-opensmtpd.c: OpenSMTPD bounce and delay reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Hi!", "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.",
 * "An error has occurred while attempting to deliver a message for the
 * following list of recipients:" (or "A message is delayed for more than
 * ... for the following list of recipients:"), one "a@b: error" line per
 * recipient, then "Below is a copy of the original message:".  Newer
 * versions add a delivery-status part with a bare class code (4.0.0); the
 * line keeps the server's reply. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
opensmtpd_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *hello = bv_scrape_find_line (body, "This is the MAILER-DAEMON, please DO NOT REPLY");
	if (hello == NULL)
		return FALSE;
	const char *list = bv_text_find_ci (hello, "list of recipients:");
	if (list == NULL || bv_scrape_forwarded (mail))
		return FALSE;
	static const char *const stops[] = { "Below is a copy of the original message", "Please note that",
		                             NULL };
	g_autoptr (BvReport) text = bv_report_new ();
	bv_scrape_blocks (text, bv_scrape_next_line (list), stops, BV_BLOCKS_BLANK_ENDS, NULL);
	gboolean delayed = bv_text_find_ci (hello, "A message is delayed") != NULL;
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		bv_scrape_set (&r->action, delayed ? "delayed" : "failed");
	}
	const char *copy = bv_scrape_find_line (list, "Below is a copy of the original message");
	if (copy != NULL)
		bv_scrape_take_original (mail, bv_scrape_next_line (copy));
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_opensmtpd = { "opensmtpd", opensmtpd_parse };

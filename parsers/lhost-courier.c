/* lhost-courier.c: the Courier mail server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "This is a delivery status notification from H, running the Courier
 * mail server, version V.", "Your message to the following recipients
 * cannot be delivered:", then per recipient "<a@b>:", the host, and the
 * SMTP dialogue (">>> RCPT TO:<a@b>", "<<< 550 ..."); a delivery-status
 * part follows.  The dialogue alone says which command failed. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

#include <string.h>

static gboolean
courier_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *intro = bv_text_find_ci (body, "running the Courier mail server");
	if (intro == NULL)
		return FALSE;
	/* Courier frames the list of recipients with rules of dashes (as
	 * Courier 1.0.16 writes it: tests/mta/bounces/courier/): one under the arrival line, one after the
	 * last recipient.  Reading from the first rule on, the second ends
	 * the list; reading from the intro, the first would end it before
	 * any recipient, and the dialogue (the failed command) would be
	 * lost. */
	const char *start = intro;
	const char *rule = strstr (intro, "\n-----");
	if (rule != NULL) {
		const char *eol = strchr (rule + 1, '\n');
		if (eol != NULL)
			start = eol + 1;
	}
	static const char *const stops[] = { "-----", "If your message was also sent", NULL };
	guint before = report->recipients->len;
	bv_scrape_dsn_and_blocks (mail, report, start, stops, BV_BLOCKS_ANGLE | BV_BLOCKS_BLANK_ENDS);
	return report->recipients->len > before;
}

const BvLhost bv_lhost_courier = { "courier", courier_parse };

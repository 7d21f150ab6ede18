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

static gboolean
courier_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *intro = bv_text_find_ci (body, "running the Courier mail server");
	if (intro == NULL)
		return FALSE;
	static const char *const stops[] = { "-----", "If your message was also sent", NULL };
	guint before = report->recipients->len;
	bv_scrape_dsn_and_blocks (mail, report, intro, stops, BV_BLOCKS_ANGLE | BV_BLOCKS_BLANK_ENDS);
	return report->recipients->len > before;
}

const BvLhost bv_lhost_courier = { "courier", courier_parse };

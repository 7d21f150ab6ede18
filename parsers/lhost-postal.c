/* lhost-postal.c: the Postal mail delivery platform.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Postal bounces a message that one of its routes refuses ("Bounce" or
 * "Reject" mode) or that its endpoint hard-failed, with the notice of
 * app/models/bounce_message.rb: subject "Mail Delivery Failed (S)", a
 * multipart/mixed with the original as "Original Message.eml", and a text
 * with no code and no reason:
 *
 *     This is the mail delivery service responsible for delivering mail to R.
 *     The message you've sent cannot be delivered. ...
 *     Message Token: ...
 *     Orginal Message ID: <...>       (sic)
 *     Mail from: S
 *     Rcpt To: R
 *
 * The recipient is the "Rcpt To:" line; the sentence is all it says. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
postal_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	const char *hello = bv_scrape_find_line (
	        body, "This is the mail delivery service responsible for delivering mail to");
	if (hello == NULL || bv_scrape_forwarded (mail))
		return FALSE;
	const char *rcpt = bv_scrape_find_line (hello, "Rcpt To:");
	if (rcpt == NULL || bv_scrape_find_line (hello, "Message Token:") == NULL)
		return FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, rcpt);
	if (!bv_lines_next (&it, &line))
		return FALSE;
	g_autofree char *addr = bv_line_labelled_address (&line);
	if (addr == NULL)
		return FALSE;
	/* The sentence between the greeting and the details. */
	const char *said = bv_scrape_find_line (hello, "The message you've sent cannot be delivered");
	BvRecipient *r = bv_scrape_add (report, addr);
	bv_scrape_set (&r->action, "failed");
	if (said != NULL) {
		BvLine s;
		BvLines sit;
		bv_lines_init (&sit, said);
		if (bv_lines_next (&sit, &s))
			bv_scrape_set_diagnostic (r, s.start, s.end - s.start);
	}
	return TRUE;
}

const BvLhost bv_lhost_postal = { "postal", postal_parse };

/* lhost-postfix.c: Postfix bounce, delay and success reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Postfix writes "This is the mail system at host H." (older versions:
 * "This is the Postfix program at host H."), a signature line, then one
 * paragraph per recipient: "<addr>: host mx[ip] said: 550 5.1.1 ... (in
 * reply to RCPT TO command)", continued on indented lines.  A delivery-
 * status part with X-Postfix-* fields usually follows; the paragraph is
 * still the only place that names the failed SMTP command. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_postfix (BvMail *mail, const char *body)
{
	static const char *const subjects[] = {
		"Undelivered Mail Returned to Sender",
		"Delayed Mail (still being retried)",
		NULL,
	};
	for (const char *const *s = subjects; *s; s++)
		if (bv_text_find_ci (mail->subject, *s) != NULL)
			return TRUE;
	if (bv_text_find_ci (body, "This is the mail system at host ") != NULL ||
	    bv_text_find_ci (body, "This is the Postfix program at host ") != NULL)
		return TRUE;
	return bv_text_find_ci (mail->dsn->str, "X-Postfix-Queue-ID:") != NULL;
}

static gboolean
postfix_parse (BvMail *mail, BvReport *report)
{
	const char *body = mail->text;
	if (!is_postfix (mail, body) || bv_scrape_forwarded (mail))
		return FALSE;
	/* The recipient paragraphs follow the signature line. */
	const char *start = bv_scrape_find_line (body, "The mail system");
	if (start == NULL)
		start = bv_scrape_find_line (body, "The Postfix program");
	if (start == NULL)
		start = body;
	else
		start = bv_scrape_next_line (start);
	/* Where an inline copy of the report or the message begins. */
	static const char *const stops[] = {
		"Reporting-MTA:",
		"Final-Recipient:",
		"Received:",
		"Return-Path:",
		"From MAILER-DAEMON",
		"--- ",
		NULL,
	};
	guint n = bv_scrape_dsn_and_blocks (mail, report, start, stops,
	                                    BV_BLOCKS_ANGLE | BV_BLOCKS_INDENTED | BV_BLOCKS_BLANK_ENDS);
	return n > 0;
}

const BvLhost bv_lhost_postfix = { "postfix", postfix_parse };

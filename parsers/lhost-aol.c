/* lhost-aol.c: AOL Mail reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AOL's outbound servers (MAILER-DAEMON@aol.com, X-AOL-IP and x-aol-*
 * headers) run Postfix: "<a@b>: host H said: 550 ... (in reply to RCPT TO
 * command)" paragraphs and a delivery-status part.  The part gives the
 * codes; the paragraphs give the failed command. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
aol_parse (BvMail *mail, BvReport *report)
{
	if (bv_text_find_ci (mail->from, "@aol.com") == NULL || !bv_scrape_from_daemon (mail))
		return FALSE;
	if (bv_mail_header (mail, "X-AOL-IP") == NULL &&
	    bv_mail_header (mail, "x-aol-global-disposition") == NULL &&
	    bv_mail_header (mail, "X-AOL-SCOLL-AUTHENTICATION") == NULL)
		return FALSE;
	static const char *const stops[] = { "Reporting-MTA:", "Final-Recipient:", "Received:",
		                             "Return-Path:", NULL };
	return bv_scrape_dsn_and_blocks (mail, report, mail->body->str, stops,
	                                 BV_BLOCKS_ANGLE | BV_BLOCKS_INDENTED | BV_BLOCKS_BLANK_ENDS) > 0;
}

const BvLhost bv_lhost_aol = { "aol", aol_parse };

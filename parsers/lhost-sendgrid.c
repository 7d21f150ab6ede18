/* lhost-sendgrid.c: SendGrid bounce reports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SendGrid's reports come from its servers (Return-Path <apps@sendgrid.net>)
 * with "This is an automatically generated message from SendGrid." and a
 * delivery-status part; the subject imitates Postfix's, so this parser is
 * tried before the Postfix one.  The delivery-status part is read; the
 * status is taken from the diagnostic when it is only a class. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
sendgrid_parse (BvMail *mail, BvReport *report)
{
	const char *rp = bv_mail_header (mail, "Return-Path");
	if (mail->dsn->len == 0)
		return FALSE;
	if ((rp == NULL || bv_text_find_ci (rp, "@sendgrid.net") == NULL) &&
	    bv_text_find_ci (mail->body->str, "automatically generated message from SendGrid") == NULL)
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_sendgrid = { "sendgrid", sendgrid_parse };

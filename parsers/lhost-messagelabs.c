/* lhost-messagelabs.c: reports of Symantec Email Security.cloud, formerly
 * MessageLabs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service sends "Mail Delivery Failure" from MAILER-DAEMON@messagelabs.com
 * with an X-Msg-Ref header naming a *.messagelabs.com server.  The text
 * says "I was unable to deliver your message to the following addresses:",
 * lists the addresses one a line, then gives "Reason: <reply>"; a
 * delivery-status part with a bare "Status: 5.0.0" follows. */
#include "config.h"

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_messagelabs (BvMail *mail)
{
	const char *ref = bv_mail_header (mail, "X-Msg-Ref");
	gboolean ours = bv_text_find_ci (mail->from, "@messagelabs.com") != NULL ||
	                (ref != NULL && bv_text_find_ci (ref, "messagelabs.com") != NULL);
	/* The text's own first line names the service whatever the subject
	 * (Broadcom KB 162445: "This is the mail delivery agent at
	 * messagelabs.com."). */
	return ours && (bv_text_find_ci (mail->subject, "Mail Delivery Failure") != NULL ||
	                bv_scrape_find_line (mail->text,
	                                     "This is the mail delivery agent at messagelabs.com") != NULL);
}

static gboolean
messagelabs_parse (BvMail *mail, BvReport *report)
{
	if (!is_messagelabs (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	guint pending = 0; /* recipients listed since the last "Reason:" */
	gboolean listing = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_find (&line, "unable to deliver your message to") != NULL) {
			listing = TRUE;
			continue;
		}
		if (bv_line_starts (&line, "Reason:")) {
			const char *p = bv_line_find (&line, ":") + 1;
			for (guint i = text->recipients->len - pending; i < text->recipients->len; i++)
				bv_scrape_set_diagnostic (text->recipients->pdata[i], p, line.end - p);
			pending = 0;
			continue;
		}
		if (!listing || bv_line_blank (&line))
			continue;
		/* Addresses and their reasons may alternate, one reason per
		 * group; the first other line ("The message subject was:")
		 * ends the list. */
		g_autofree char *addr = bv_line_address (&line, NULL);
		if (addr != NULL) {
			bv_scrape_add (text, addr);
			pending++;
		} else {
			listing = FALSE;
		}
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_messagelabs = { "messagelabs", messagelabs_parse };

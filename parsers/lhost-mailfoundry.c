/* lhost-mailfoundry.c: non-delivery reports of the MailFoundry gateway.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MailFoundry writes "Message delivery has failed" with the text "Unable
 * to deliver message to: <addr>", then "Delivery failed for the following
 * reason:" and one paragraph such as "Server mx[192.0.2.1] failed with:
 * 550 ..." or "mx[192.0.2.1] responded with failure: 552 ...".  Its
 * Received lines say "(MAILFOUNDRY)". */
#include "config.h"

#include <string.h>

#include "parsers/codes.h"
#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_mailfoundry (BvMail *mail)
{
	const char *body = mail->body->str;
	/* The notice comes from the gateway's daemon, not from a person
	 * forwarding one. */
	return bv_scrape_from_daemon (mail) &&
	       bv_scrape_find_line (body, "Unable to deliver message to:") != NULL &&
	       bv_scrape_find_line (body, "Delivery failed for the following reason") != NULL;
}

/* Takes the remote host from "host[ip] failed with:" style text and the
 * reply code from what follows the colon. */
static void
read_reason (BvRecipient *r, const char *text)
{
	bv_scrape_set_diagnostic (r, text, -1);
	const char *bracket = strchr (r->diagnostic, '[');
	const char *colon = strstr (r->diagnostic, ": ");
	if (bracket != NULL && colon != NULL && bracket < colon) {
		const char *b = bracket;
		while (b > r->diagnostic && b[-1] != ' ')
			b--;
		g_autofree char *host = g_strndup (b, bracket - b);
		bv_scrape_set (&r->remote_mta, host);
	}
	char code[8];
	if (colon != NULL && r->reply_code[0] == '\0' && bv_reply_find (colon + 2, code, sizeof code))
		bv_scrape_set (&r->reply_code, code);
}

static gboolean
mailfoundry_parse (BvMail *mail, BvReport *report)
{
	if (!is_mailfoundry (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) reason = g_string_new (NULL);
	gboolean in_reason = FALSE;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "Unable to deliver message to:")) {
			g_autofree char *addr = bv_line_labelled_address (&line);
			if (addr != NULL)
				bv_scrape_add (text, addr);
		} else if (bv_line_starts (&line, "Delivery failed for the following reason")) {
			in_reason = TRUE;
		} else if (in_reason) {
			if (bv_line_blank (&line) && reason->len > 0)
				break;
			g_string_append_len (reason, line.start, line.end - line.start);
			g_string_append_c (reason, ' ');
		}
	}
	for (guint i = 0; i < text->recipients->len; i++)
		read_reason (text->recipients->pdata[i], reason->str);
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_mailfoundry = { "mailfoundry", mailfoundry_parse };

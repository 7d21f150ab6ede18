/* lhost-ezweb.c: error notices of KDDI's EZweb / au mobile mail.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Postmaster@ezweb.ne.jp (later @au.com) sends "Mail System Error -
 * Returned Mail".  A Japanese preamble repeats the English text: one or
 * more explanations ("Each of the following recipients was rejected by a
 * remote mail server.", "Your message was not delivered within N days and
 * M hours.", ...), the recipients as "Recipient: <addr>" or "<addr>" lines,
 * and for a rejection the SMTP exchange indented: ">>> RCPT TO:<addr>"
 * and "<<< 550 ...".  Older notices quote the original's headers after a
 * dashed line. */
#include "config.h"

#include <string.h>

#include "parsers/lhost.h"
#include "parsers/scrape.h"
#include "parsers/text.h"

static gboolean
is_ezweb (BvMail *mail)
{
	gboolean from_au = bv_text_find_ci (mail->from, "Postmaster@ezweb.ne.jp") != NULL ||
	                   bv_text_find_ci (mail->from, "Postmaster@au.com") != NULL;
	if (!from_au) {
		const char *received = bv_mail_header (mail, "Received");
		from_au = received != NULL && bv_text_find_ci (received, "(EZweb Mail) with") != NULL;
	}
	return from_au && bv_text_find_ci (mail->subject, "Mail System Error") != NULL;
}

/* Whether a line holds bytes outside ASCII: the Japanese half of the
 * notice, which only translates the English half. */
static gboolean
line_ascii (const BvLine *line)
{
	for (const char *p = line->start; p < line->end; p++)
		if ((guchar)*p >= 0x80)
			return FALSE;
	return TRUE;
}

static gboolean
ezweb_parse (BvMail *mail, BvReport *report)
{
	if (!is_ezweb (mail))
		return FALSE;
	g_autoptr (BvReport) text = bv_report_new ();
	g_autoptr (GString) message = g_string_new (NULL);
	BvRecipient *cur = NULL;
	BvLines it;
	BvLine line;
	bv_lines_init (&it, mail->body->str);
	while (bv_lines_next (&it, &line)) {
		if (bv_line_starts (&line, "-----")) {
			bv_scrape_take_original (mail, line.end);
			break;
		}
		if (bv_line_blank (&line) || !line_ascii (&line))
			continue;
		const char *p = bv_line_skip_space (&line);
		g_autofree char *addr = NULL;
		if (bv_line_starts (&line, "Recipient:")) {
			BvLine rest = { strchr (p, ':') + 1, line.end };
			addr = bv_line_address (&rest, NULL);
		} else if (*p == '<') {
			addr = bv_line_address (&line, NULL);
		}
		if (addr != NULL) {
			cur = bv_scrape_add (text, addr);
		} else if (bv_line_starts (&line, ">>>")) {
			if (cur != NULL)
				bv_scrape_set (&cur->command,
				               bv_scrape_command (line.start, line.end - line.start));
		} else if (bv_line_starts (&line, "<<<")) {
			if (cur != NULL) {
				g_autofree char *prev = g_strdup (cur->diagnostic);
				g_autofree char *more = g_strndup (p + 3, line.end - p - 3);
				g_autofree char *joined = g_strconcat (prev, " ", more, NULL);
				bv_scrape_set_diagnostic (cur, joined, -1);
			}
		} else {
			g_string_append_len (message, line.start, line.end - line.start);
			g_string_append_c (message, ' ');
		}
	}
	/* Recipients with no quoted reply get the notice's explanation. */
	for (guint i = 0; i < text->recipients->len; i++) {
		BvRecipient *r = text->recipients->pdata[i];
		if (r->diagnostic[0] == '\0')
			bv_scrape_set_diagnostic (r, message->str, message->len);
	}
	return bv_scrape_merge (mail, report, text) > 0;
}

const BvLhost bv_lhost_ezweb = { "ezweb", ezweb_parse };
